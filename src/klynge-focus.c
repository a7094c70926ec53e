/* klynge-focus.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-focus.h"

static void
shown_cb (GtkWidget *field)
{
  gtk_widget_grab_focus (field);
}

void
klynge_focus_on_show (GtkWindow *window,
                      GtkWidget *field)
{
  /* After GtkWindow's own handler, which focuses the first focusable widget. */
  g_signal_connect_object (window, "show", G_CALLBACK (shown_cb), field, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}
