/* klynge-sql.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small helper the meeting modules share for checking input.
 */

#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

static inline gboolean
klynge_sql_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

G_END_DECLS
