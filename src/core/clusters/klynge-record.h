/* klynge-record.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db-statement.h"

G_BEGIN_DECLS

/* How the cluster's records move from C to SQLite: text columns are never
 * NULL ("" instead), dates are NULL when unknown, and user text is stored
 * trimmed. They are read back with klynge_db_statement_dup_text() and
 * klynge_db_statement_dup_nullable(); an id of 0 ("none") is bound as NULL with
 * klynge_db_statement_bind_id(). */
void  klynge_record_bind_text   (KlyngeDbStatement *stmt,
                                 int                index,
                                 const char        *text);
void  klynge_record_bind_date   (KlyngeDbStatement *stmt,
                                 int                index,
                                 const char        *date);
/* Replaces *@field with a copy of @text ("" for NULL). */
void  klynge_record_set_text    (char        **field,
                                 const char   *text);

/* The flags of a record's properties: read by bindings, notified by
 * klynge_record_update() when the record is read again. */
#define KLYNGE_RECORD_READABLE (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/* Moves the fields of @from into @self. */
typedef void (*KlyngeRecordTakeFields) (gpointer self,
                                        gpointer from);
gboolean klynge_record_update   (gpointer                self,
                                 gpointer                from,
                                 KlyngeRecordTakeFields  take_fields);

G_END_DECLS
