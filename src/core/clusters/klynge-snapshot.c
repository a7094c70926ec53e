/* klynge-snapshot.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deleting a clinic or member cascades to roles, attendance, invitations,
 * data requests and measurements. Rather than a soft-delete column in every
 * table, the delete keeps a copy of each row it removes; Undo inserts them
 * again under their old ids. Table and column names come from this code's
 * callers, never from user text; every value is bound.
 */

#include "klynge-i18n.h"

#include "klynge-snapshot.h"

typedef struct
{
  char      *sql;
  GPtrArray *values;   /* sqlite3_value copies, bound as ?1, ?2, … */
} Operation;

struct _KlyngeSnapshot
{
  GPtrArray *operations;
};

static void
operation_free (gpointer data)
{
  Operation *op = data;

  g_free (op->sql);
  g_ptr_array_unref (op->values);
  g_free (op);
}

static Operation *
operation_new (char         *sql,
               sqlite3_stmt *stmt)
{
  Operation *op = g_new0 (Operation, 1);

  op->sql = sql;
  op->values = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    g_ptr_array_add (op->values, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
  return op;
}

KlyngeSnapshot *
klynge_snapshot_new (void)
{
  KlyngeSnapshot *self = g_new0 (KlyngeSnapshot, 1);

  self->operations = g_ptr_array_new_with_free_func (operation_free);
  return self;
}

void
klynge_snapshot_free (KlyngeSnapshot *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->operations);
  g_free (self);
}

static char *
insert_sql (const char   *table,
            sqlite3_stmt *stmt)
{
  GString *sql = g_string_new (NULL);
  int n = sqlite3_column_count (stmt);

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (int i = 0; i < n; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", sqlite3_column_name (stmt, i));
  g_string_append (sql, ") VALUES (");
  for (int i = 0; i < n; i++)
    g_string_append_printf (sql, "%s?%d", i > 0 ? ", " : "", i + 1);
  g_string_append (sql, ")");
  return g_string_free (sql, FALSE);
}

static gboolean
capture (KlyngeSnapshot  *self,
         KlyngeDb        *db,
         const char      *select_sql,
         const char      *table,
         const char      *update_sql,
         gint64           id,
         GError         **error)
{
  sqlite3_stmt *stmt = klynge_db_prepare (db, select_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = klynge_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (self->operations,
                     operation_new (update_sql != NULL ? g_strdup (update_sql) : insert_sql (table, stmt), stmt));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

gboolean
klynge_snapshot_capture_rows (KlyngeSnapshot  *self,
                              KlyngeDb        *db,
                              const char      *table,
                              const char      *column,
                              gint64           id,
                              GError         **error)
{
  g_autofree char *select_sql = g_strdup_printf ("SELECT * FROM %s WHERE %s = ?1", table, column);

  return capture (self, db, select_sql, table, NULL, id, error);
}

gboolean
klynge_snapshot_capture_links (KlyngeSnapshot  *self,
                               KlyngeDb        *db,
                               const char      *table,
                               const char      *column,
                               gint64           id,
                               GError         **error)
{
  g_autofree char *select_sql = g_strdup_printf ("SELECT id, %s FROM %s WHERE %s = ?1", column, table, column);
  g_autofree char *update_sql = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE id = ?1", table, column);

  return capture (self, db, select_sql, table, update_sql, id, error);
}

gboolean
klynge_snapshot_restore (KlyngeSnapshot  *self,
                         KlyngeDb        *db,
                         GError         **error)
{
  if (!klynge_db_begin (db, error))
    return FALSE;

  for (guint i = 0; i < self->operations->len; i++)
    {
      Operation *op = g_ptr_array_index (self->operations, i);
      sqlite3_stmt *stmt = klynge_db_prepare (db, op->sql, error);

      if (stmt == NULL)
        goto failed;
      for (guint v = 0; v < op->values->len; v++)
        sqlite3_bind_value (stmt, (int) v + 1, g_ptr_array_index (op->values, v));
      if (!klynge_db_step_done (db, stmt, error))
        goto failed;
    }

  if (!klynge_db_commit (db, error))
    goto failed;
  return TRUE;

failed:
  klynge_db_rollback (db);
  g_prefix_error (error, _("Could not undo the deletion: "));
  return FALSE;
}
