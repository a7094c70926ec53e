/* klynge-record.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-record.h"
#include "klynge-rules.h"

void
klynge_record_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  g_autofree char *trimmed = klynge_rules_strip_or_null (text);

  sqlite3_bind_text (stmt, index, trimmed != NULL ? trimmed : "", -1, SQLITE_TRANSIENT);
}

void
klynge_record_bind_date (sqlite3_stmt *stmt,
                         int           index,
                         const char   *date)
{
  g_autofree char *trimmed = klynge_rules_strip_or_null (date);

  if (trimmed != NULL)
    sqlite3_bind_text (stmt, index, trimmed, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* 0 is "none": bound as NULL. */
void
klynge_record_bind_id (sqlite3_stmt *stmt,
                       int           index,
                       gint64        id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

void
klynge_record_set_text (char       **field,
                        const char  *text)
{
  g_free (*field);
  *field = g_strdup (text != NULL ? text : "");
}
