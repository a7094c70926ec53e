/* klynge-db-statement.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One way to query: a cached prepared statement that resets itself when it
 * goes out of scope (g_autoptr), so no statement left in the middle of its
 * rows keeps a read transaction, and an old snapshot, open. Preparing and
 * binding cannot fail in a way the caller could act on at that line, so
 * their failure is kept and reported through the GError of the step that
 * follows; the statement does nothing until then.
 *
 *   g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, "SELECT … WHERE id = ?1");
 *
 *   klynge_db_statement_bind_int64 (stmt, 1, id);
 *   return klynge_db_statement_collect (stmt, thing_from_row, thing_free, error);
 */

#define G_LOG_DOMAIN "klynge-db"

#include "klynge-db-statement.h"

struct _KlyngeDbStatement
{
  KlyngeDb     *db;
  /* NULL when preparing failed, for the reason in @error. */
  sqlite3_stmt *stmt;
  /* Why preparing or the first failed bind failed, reported by the next step. */
  GError       *error;
};

static void
check_bind (KlyngeDbStatement *self,
            int                rc)
{
  if (rc != SQLITE_OK && self->error == NULL)
    klynge_db_set_error_from_sqlite (&self->error, klynge_db_get_handle (self->db), rc);
}

/**
 * klynge_db_statement_new:
 * @sql: a statement with `?NNN` parameters; never built from user text
 *
 * Takes @db's cached statement for @sql, reset and with its bindings
 * cleared. Finish with it (free it) before asking for the same SQL again.
 * When @sql cannot be prepared, the first step reports why.
 *
 * Returns: (transfer full): the statement
 */
KlyngeDbStatement *
klynge_db_statement_new (KlyngeDb   *db,
                         const char *sql)
{
  KlyngeDbStatement *self = g_new0 (KlyngeDbStatement, 1);

  self->db = g_object_ref (db);
  self->stmt = klynge_db_prepare (db, sql, &self->error);
  return self;
}

/**
 * klynge_db_statement_free:
 *
 * Resets the statement, which ends its read of the database, and clears
 * its bindings (copies of bound text); the prepared statement stays cached.
 */
void
klynge_db_statement_free (KlyngeDbStatement *self)
{
  if (self == NULL)
    return;

  if (self->stmt != NULL)
    {
      sqlite3_reset (self->stmt);
      sqlite3_clear_bindings (self->stmt);
    }
  g_clear_error (&self->error);
  g_object_unref (self->db);
  g_free (self);
}

int
klynge_db_statement_get_n_parameters (KlyngeDbStatement *self)
{
  return self->stmt != NULL ? sqlite3_bind_parameter_count (self->stmt) : 0;
}

void
klynge_db_statement_bind_int64 (KlyngeDbStatement *self,
                                int                index,
                                gint64             value)
{
  if (self->stmt != NULL)
    check_bind (self, sqlite3_bind_int64 (self->stmt, index, value));
}

void
klynge_db_statement_bind_double (KlyngeDbStatement *self,
                                 int                index,
                                 double             value)
{
  if (self->stmt != NULL)
    check_bind (self, sqlite3_bind_double (self->stmt, index, value));
}

/* @text: (nullable): %NULL binds SQL NULL */
void
klynge_db_statement_bind_text (KlyngeDbStatement *self,
                               int                index,
                               const char        *text)
{
  if (self->stmt != NULL)
    check_bind (self, sqlite3_bind_text (self->stmt, index, text, -1, SQLITE_TRANSIENT));
}

/* A value read from another row as it was, of whatever type (undo's snapshots). */
void
klynge_db_statement_bind_value (KlyngeDbStatement   *self,
                                int                  index,
                                const sqlite3_value *value)
{
  if (self->stmt != NULL)
    check_bind (self, sqlite3_bind_value (self->stmt, index, value));
}

/* @text: (nullable): kept, not copied, until the statement is freed: for
 * text that outlives it (a plan's periods, a literal) bound row after row
 * in a bulk insert, where copying each would be a good part of the work */
void
klynge_db_statement_bind_static_text (KlyngeDbStatement *self,
                                      int                index,
                                      const char        *text)
{
  if (self->stmt != NULL)
    check_bind (self, sqlite3_bind_text (self->stmt, index, text, -1, SQLITE_STATIC));
}

/* A reference to a row that may be absent: id 0 binds SQL NULL. */
void
klynge_db_statement_bind_id (KlyngeDbStatement *self,
                             int                index,
                             gint64             id)
{
  if (self->stmt != NULL)
    check_bind (self, id != 0 ? sqlite3_bind_int64 (self->stmt, index, id) : sqlite3_bind_null (self->stmt, index));
}

/**
 * klynge_db_statement_step:
 *
 * Returns: %SQLITE_ROW, %SQLITE_DONE, or -1 with @error set (also when
 *   preparing or binding failed before it)
 */
int
klynge_db_statement_step (KlyngeDbStatement  *self,
                          GError            **error)
{
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return -1;
    }
  return klynge_db_step (self->db, self->stmt, error);
}

/* Runs a statement that changes the database. */
gboolean
klynge_db_statement_run (KlyngeDbStatement  *self,
                         GError            **error)
{
  return klynge_db_statement_step (self, error) >= 0;
}

/**
 * klynge_db_statement_run_changing:
 * @not_found: the message of the %KLYNGE_ERROR_NOT_FOUND error when no row
 *   changed, saying what no longer exists
 *
 * Runs an UPDATE or DELETE of a record the user saw: changing no row means
 * someone (another window, an undo) removed it in between.
 *
 * Returns: %TRUE when a row changed, %FALSE with @error set
 */
gboolean
klynge_db_statement_run_changing (KlyngeDbStatement  *self,
                                  const char         *not_found,
                                  GError            **error)
{
  if (!klynge_db_statement_run (self, error))
    return FALSE;
  if (sqlite3_changes (klynge_db_get_handle (self->db)) > 0)
    return TRUE;
  g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, not_found);
  return FALSE;
}

/**
 * klynge_db_statement_expect_row:
 * @not_found: the message of the %KLYNGE_ERROR_NOT_FOUND error when there
 *   is no row, saying what no longer exists
 *
 * Steps to the first row, which the caller then reads.
 *
 * Returns: %TRUE on a row, %FALSE with @error set
 */
gboolean
klynge_db_statement_expect_row (KlyngeDbStatement  *self,
                                const char         *not_found,
                                GError            **error)
{
  int rc = klynge_db_statement_step (self, error);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, not_found);
  return rc == SQLITE_ROW;
}

/**
 * klynge_db_statement_get_int64:
 * @value: (out): the first column of the first row; 0 when there is no row
 *   or the value is SQL NULL
 *
 * Returns: %FALSE with @error set when the query failed
 */
gboolean
klynge_db_statement_get_int64 (KlyngeDbStatement  *self,
                               gint64             *value,
                               GError            **error)
{
  int rc = klynge_db_statement_step (self, error);

  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (self->stmt, 0) : 0;
  return rc >= 0;
}

/**
 * klynge_db_statement_collect:
 * @row_func: makes the element of a row
 * @free_func: (nullable): frees an element
 *
 * Rows to objects: one element per row, in the query's order.
 *
 * Returns: (transfer full) (nullable): the elements, or %NULL with @error
 *   set when a row could not be read; never a partial list
 */
GPtrArray *
klynge_db_statement_collect (KlyngeDbStatement  *self,
                             KlyngeDbRowFunc     row_func,
                             GDestroyNotify      free_func,
                             GError            **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = klynge_db_statement_step (self, error)) == SQLITE_ROW)
    g_ptr_array_add (items, row_func (self));

  return rc == SQLITE_DONE ? g_steal_pointer (&items) : NULL;
}

static gpointer
text_from_row (KlyngeDbStatement *self)
{
  return klynge_db_statement_dup_text (self, 0);
}

/**
 * klynge_db_statement_collect_text:
 *
 * As klynge_db_statement_collect(), for a query of one text column.
 *
 * Returns: (transfer full) (nullable) (element-type utf8): the texts ("" for
 *   SQL NULL), or %NULL with @error set
 */
GPtrArray *
klynge_db_statement_collect_text (KlyngeDbStatement  *self,
                                  GError            **error)
{
  return klynge_db_statement_collect (self, text_from_row, g_free, error);
}

/**
 * klynge_db_statement_collect_model:
 * @item_type: the #GObject type @row_func makes
 *
 * As klynge_db_statement_collect(), into a list store filled in one splice,
 * so a view bound to it updates once.
 *
 * Returns: (transfer full) (nullable): the list, or %NULL with @error set
 */
GListModel *
klynge_db_statement_collect_model (KlyngeDbStatement  *self,
                                   GType               item_type,
                                   KlyngeDbRowFunc     row_func,
                                   GError            **error)
{
  g_autoptr(GPtrArray) items = klynge_db_statement_collect (self, row_func, g_object_unref, error);
  GListStore *store;

  if (items == NULL)
    return NULL;
  store = g_list_store_new (item_type);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

gint64
klynge_db_statement_column_int64 (KlyngeDbStatement *self,
                                  int                column)
{
  return sqlite3_column_int64 (self->stmt, column);
}

int
klynge_db_statement_column_int (KlyngeDbStatement *self,
                                int                column)
{
  return sqlite3_column_int (self->stmt, column);
}

double
klynge_db_statement_column_double (KlyngeDbStatement *self,
                                   int                column)
{
  return sqlite3_column_double (self->stmt, column);
}

gboolean
klynge_db_statement_column_is_null (KlyngeDbStatement *self,
                                    int                column)
{
  return sqlite3_column_type (self->stmt, column) == SQLITE_NULL;
}

/* Returns: (transfer none) (nullable): the text of @column until the next
 * step, %NULL for SQL NULL */
const char *
klynge_db_statement_column_text (KlyngeDbStatement *self,
                                 int                column)
{
  return (const char *) sqlite3_column_text (self->stmt, column);
}

/* Returns: (transfer full): the text of @column, "" for SQL NULL */
char *
klynge_db_statement_dup_text (KlyngeDbStatement *self,
                              int                column)
{
  return klynge_db_column_dup_text (self->stmt, column);
}

/* Returns: (transfer full) (nullable): the text of @column, %NULL for SQL NULL */
char *
klynge_db_statement_dup_nullable (KlyngeDbStatement *self,
                                  int                column)
{
  return klynge_db_column_dup_nullable (self->stmt, column);
}
