/* klynge-record.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* How the cluster's records move from C to SQLite: text columns are never
 * NULL ("" instead), dates are NULL when unknown, and user text is stored
 * trimmed. They are read back with klynge_db_column_dup_text() and
 * klynge_db_column_dup_nullable(). */
void  klynge_record_bind_text   (sqlite3_stmt *stmt,
                                 int           index,
                                 const char   *text);
void  klynge_record_bind_date   (sqlite3_stmt *stmt,
                                 int           index,
                                 const char   *date);
void  klynge_record_bind_id     (sqlite3_stmt *stmt,
                                 int           index,
                                 gint64        id);
/* Replaces *@field with a copy of @text ("" for NULL). */
void  klynge_record_set_text    (char        **field,
                                 const char   *text);

G_END_DECLS
