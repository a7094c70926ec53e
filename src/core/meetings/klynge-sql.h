/* klynge-sql.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers the meeting modules share for reading rows and checking input.
 */

#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* A text column as a new string; %NULL for SQL NULL. */
static inline char *
klynge_sql_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

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
