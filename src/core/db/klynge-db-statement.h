/* klynge-db-statement.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"

G_BEGIN_DECLS

typedef struct _KlyngeDbStatement KlyngeDbStatement;

/* Makes one object (or struct) of the row @stmt is on. */
typedef gpointer (*KlyngeDbRowFunc) (KlyngeDbStatement *stmt);

KlyngeDbStatement *klynge_db_statement_new        (KlyngeDb           *db,
                                                   const char         *sql);
void               klynge_db_statement_free       (KlyngeDbStatement  *self);

int                klynge_db_statement_get_n_parameters (KlyngeDbStatement *self);
void               klynge_db_statement_bind_int64 (KlyngeDbStatement  *self,
                                                   int                 index,
                                                   gint64              value);
void               klynge_db_statement_bind_double (KlyngeDbStatement *self,
                                                    int                index,
                                                    double             value);
void               klynge_db_statement_bind_text  (KlyngeDbStatement  *self,
                                                   int                 index,
                                                   const char         *text);
void               klynge_db_statement_bind_value (KlyngeDbStatement  *self,
                                                   int                 index,
                                                   const sqlite3_value *value);
void               klynge_db_statement_bind_static_text (KlyngeDbStatement *self,
                                                         int                index,
                                                         const char        *text);
void               klynge_db_statement_bind_id    (KlyngeDbStatement  *self,
                                                   int                 index,
                                                   gint64              id);

int                klynge_db_statement_step       (KlyngeDbStatement  *self,
                                                   GError            **error);
gboolean           klynge_db_statement_run        (KlyngeDbStatement  *self,
                                                   GError            **error);
gboolean           klynge_db_statement_run_changing (KlyngeDbStatement *self,
                                                     const char        *not_found,
                                                     GError           **error);
gboolean           klynge_db_statement_expect_row (KlyngeDbStatement  *self,
                                                   const char         *not_found,
                                                   GError            **error);
gboolean           klynge_db_statement_get_int64  (KlyngeDbStatement  *self,
                                                   gint64             *value,
                                                   GError            **error);
GPtrArray         *klynge_db_statement_collect    (KlyngeDbStatement  *self,
                                                   KlyngeDbRowFunc     row_func,
                                                   GDestroyNotify      free_func,
                                                   GError            **error);
GPtrArray         *klynge_db_statement_collect_text (KlyngeDbStatement *self,
                                                     GError           **error);
GListModel        *klynge_db_statement_collect_model (KlyngeDbStatement *self,
                                                      GType              item_type,
                                                      KlyngeDbRowFunc    row_func,
                                                      GError           **error);

gint64             klynge_db_statement_column_int64 (KlyngeDbStatement *self,
                                                     int                column);
int                klynge_db_statement_column_int   (KlyngeDbStatement *self,
                                                     int                column);
double             klynge_db_statement_column_double (KlyngeDbStatement *self,
                                                      int                column);
gboolean           klynge_db_statement_column_is_null (KlyngeDbStatement *self,
                                                       int                column);
const char        *klynge_db_statement_column_text  (KlyngeDbStatement *self,
                                                     int                column);
char              *klynge_db_statement_dup_text     (KlyngeDbStatement *self,
                                                     int                column);
char              *klynge_db_statement_dup_nullable (KlyngeDbStatement *self,
                                                     int                column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeDbStatement, klynge_db_statement_free)

G_END_DECLS
