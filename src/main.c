/* main.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include <locale.h>

#include "klynge-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(KlyngeApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* `meson devenv` points this at the build tree's translations. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KLYNGE_LOCALEDIR") ? g_getenv ("KLYNGE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = klynge_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
