/* klynge-snapshot.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deleting a clinic or member cascades to roles, attendance, invitations,
 * data requests, measurements and the rows an import replaced. Rather than a
 * soft-delete column in every table, the delete keeps a copy of each row it
 * removes; Undo inserts them again under their old rowids.
 *
 * What a delete takes with it is read from the schema's own foreign keys,
 * walked from the deleted row: a list written by hand forgets the next table
 * someone adds (it forgot import_replaced once). Table and column names come
 * from the file's schema, so they are quoted with %w; every value is bound.
 */

#include "klynge-i18n.h"

#include "klynge-db-statement.h"
#include "klynge-snapshot.h"

/* One row the delete removed (put back with INSERT, removed again with
 * DELETE), or one link it changed (set back with UPDATE, then forth again). */
typedef struct
{
  char          *sql;      /* the undo */
  GPtrArray     *values;   /* sqlite3_value copies, bound as ?1, ?2, … (?1 is the rowid) */
  char          *table;
  char          *column;   /* a link's column; NULL for a row */
  sqlite3_value *after;    /* a link's value after the delete; NULL: not read yet */
  char          *redo_sql; /* an edited or inserted row's redo; NULL for a delete's */
  GPtrArray     *after_values;  /* what redo_sql binds; NULL: not read yet */
  gboolean       edit;     /* a row changed in place (klynge_snapshot_capture_edit()) */
} Operation;

/* One foreign key of another table that points at a table. */
typedef struct
{
  char     *table;
  char     *from;
  char     *to;        /* NULL: the parent's primary key, its rowid here */
  gboolean  cascade;   /* ON DELETE CASCADE: the row goes too */
} Reference;

struct _KlyngeSnapshot
{
  gint64      changes_before;  /* the connection's total changes at the first capture */
  GPtrArray  *operations;
  GHashTable *captured;     /* "table\nrowid" of each row kept for INSERT */
  GHashTable *references;   /* table → GPtrArray of Reference, while capturing */
};

static void
operation_free (gpointer data)
{
  Operation *op = data;

  g_free (op->sql);
  g_ptr_array_unref (op->values);
  g_free (op->table);
  g_free (op->column);
  sqlite3_value_free (op->after);
  g_free (op->redo_sql);
  g_clear_pointer (&op->after_values, g_ptr_array_unref);
  g_free (op);
}

static void
reference_free (gpointer data)
{
  Reference *ref = data;

  g_free (ref->table);
  g_free (ref->from);
  g_free (ref->to);
  g_free (ref);
}

static gboolean
prepare (KlyngeDb      *db,
         char          *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  int rc;

  if (sql == NULL)
    {
      g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_FAILED, "out of memory");
      return FALSE;
    }
  rc = sqlite3_prepare_v2 (klynge_db_get_handle (db), sql, -1, stmt, NULL);
  sqlite3_free (sql);
  if (rc != SQLITE_OK)
    return klynge_db_set_error_from_sqlite (error, klynge_db_get_handle (db), rc);
  return TRUE;
}

/* The tables whose foreign keys point at @table, read once per capture. */
static GPtrArray *
references_to (KlyngeSnapshot  *self,
               KlyngeDb        *db,
               const char      *table,
               GError         **error)
{
  g_autoptr(GPtrArray) refs = NULL;
  GPtrArray *known = g_hash_table_lookup (self->references, table);
  sqlite3_stmt *stmt;
  int rc;

  if (known != NULL)
    return known;

  if (!prepare (db, sqlite3_mprintf (
        "SELECT m.name, f.\"from\", f.\"to\", f.on_delete, f.seq "
        "FROM sqlite_schema AS m, pragma_foreign_key_list (m.name) AS f "
        "WHERE m.type = 'table' AND f.\"table\" = ?1 COLLATE NOCASE "
        "ORDER BY m.rowid, f.id, f.seq"), &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);

  refs = g_ptr_array_new_with_free_func (reference_free);
  while ((rc = klynge_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      Reference *ref;

      /* A key over several columns would need them all matched; the schema
       * has none, and half-matching one would capture the wrong rows. */
      if (sqlite3_column_int (stmt, 4) > 0)
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_FAILED,
                       "the foreign key of %s over several columns is not supported",
                       (const char *) sqlite3_column_text (stmt, 0));
          rc = -1;
          break;
        }
      ref = g_new0 (Reference, 1);
      ref->table = klynge_db_column_dup_text (stmt, 0);
      ref->from = klynge_db_column_dup_text (stmt, 1);
      ref->to = klynge_db_column_dup_nullable (stmt, 2);
      ref->cascade = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 3), "CASCADE") == 0;
      g_ptr_array_add (refs, ref);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return NULL;

  g_hash_table_insert (self->references, g_strdup (table), g_ptr_array_ref (refs));
  return refs;  /* the table keeps a reference */
}

static char *
insert_sql (const char   *table,
            sqlite3_stmt *stmt)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  int n = sqlite3_column_count (stmt);
  char *quoted = sqlite3_mprintf ("INSERT INTO \"%w\" (rowid", table);

  g_string_append (sql, quoted);
  sqlite3_free (quoted);
  /* Column 0 is the rowid, so rows come back in the order they were in. */
  for (int i = 1; i < n; i++)
    {
      quoted = sqlite3_mprintf (", \"%w\"", sqlite3_column_name (stmt, i));
      g_string_append (sql, quoted);
      sqlite3_free (quoted);
    }
  g_string_append (sql, ") VALUES (?1");
  for (int i = 1; i < n; i++)
    g_string_append_printf (sql, ", ?%d", i + 1);
  g_string_append (sql, ")");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Sets every column of the row, ?1 its rowid, bound as insert_sql()'s. */
static char *
update_sql (const char   *table,
            sqlite3_stmt *stmt)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  char *quoted = sqlite3_mprintf ("UPDATE \"%w\" SET ", table);

  g_string_append (sql, quoted);
  sqlite3_free (quoted);
  for (int i = 1; i < sqlite3_column_count (stmt); i++)
    {
      quoted = sqlite3_mprintf ("%s\"%w\" = ?%d", i > 1 ? ", " : "", sqlite3_column_name (stmt, i), i + 1);
      g_string_append (sql, quoted);
      sqlite3_free (quoted);
    }
  g_string_append (sql, " WHERE rowid = ?1");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static GPtrArray *
row_values (sqlite3_stmt *stmt)
{
  GPtrArray *values = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);

  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    g_ptr_array_add (values, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
  return values;
}

static Operation *
add_operation (KlyngeSnapshot *self,
               char           *sql,
               const char     *table,
               const char     *column,
               sqlite3_stmt   *stmt)
{
  Operation *op = g_new0 (Operation, 1);

  op->sql = sql;
  op->table = g_strdup (table);
  op->column = g_strdup (column);
  op->values = row_values (stmt);
  g_ptr_array_add (self->operations, op);
  return op;
}

/* The row @rowid of @table, all its columns after its rowid; %FALSE with
 * @error set when there is none. */
static gboolean
select_row (KlyngeDb      *db,
            const char    *table,
            gint64         rowid,
            sqlite3_stmt **stmt,
            GError       **error)
{
  int rc;

  if (!prepare (db, sqlite3_mprintf ("SELECT rowid AS \"rowid\", * FROM \"%w\" WHERE rowid = ?1", table), stmt, error))
    return FALSE;
  sqlite3_bind_int64 (*stmt, 1, rowid);
  rc = klynge_db_step (db, *stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, "no row %" G_GINT64_FORMAT " in %s", rowid, table);
  if (rc != SQLITE_ROW)
    {
      g_clear_pointer (stmt, sqlite3_finalize);
      return FALSE;
    }
  return TRUE;
}

static gboolean capture_rows (KlyngeSnapshot  *self,
                              KlyngeDb        *db,
                              const char      *table,
                              const char      *column,
                              sqlite3_value   *value,
                              gint64           rowid,
                              GError         **error);

/* A row that only points at a deleted one (SET NULL, RESTRICT, NO ACTION)
 * stays; Undo points it back. */
static gboolean
capture_links (KlyngeSnapshot  *self,
               KlyngeDb        *db,
               Reference       *ref,
               sqlite3_value   *value,
               GError         **error)
{
  g_autofree char *update = NULL;
  char *quoted;
  sqlite3_stmt *stmt;
  int rc;

  if (!prepare (db, sqlite3_mprintf ("SELECT rowid, \"%w\" FROM \"%w\" WHERE \"%w\" = ?1",
                                     ref->from, ref->table, ref->from), &stmt, error))
    return FALSE;
  quoted = sqlite3_mprintf ("UPDATE \"%w\" SET \"%w\" = ?2 WHERE rowid = ?1", ref->table, ref->from);
  update = g_strdup (quoted);
  sqlite3_free (quoted);

  sqlite3_bind_value (stmt, 1, value);
  while ((rc = klynge_db_step (db, stmt, error)) == SQLITE_ROW)
    add_operation (self, g_strdup (update), ref->table, ref->from, stmt);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/* What goes with one deleted row: the rows its cascades delete, each with
 * what goes with it, and the links to it. */
static gboolean
capture_dependents (KlyngeSnapshot  *self,
                    KlyngeDb        *db,
                    const char      *table,
                    sqlite3_stmt    *row,
                    GError         **error)
{
  GPtrArray *refs = references_to (self, db, table, error);

  if (refs == NULL)
    return FALSE;
  for (guint i = 0; i < refs->len; i++)
    {
      Reference *ref = g_ptr_array_index (refs, i);
      sqlite3_value *key = NULL;
      gboolean ok;

      /* Column 0 is the rowid, which is what a key without a column names. */
      for (int c = ref->to != NULL ? 1 : 0; c < sqlite3_column_count (row) && key == NULL; c++)
        if (ref->to == NULL || g_ascii_strcasecmp (sqlite3_column_name (row, c), ref->to) == 0)
          key = sqlite3_value_dup (sqlite3_column_value (row, c));
      if (key == NULL)
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_FAILED,
                       "%s.%s points at a column %s does not have", ref->table, ref->from, table);
          return FALSE;
        }
      ok = ref->cascade ? capture_rows (self, db, ref->table, ref->from, key, 0, error)
                        : capture_links (self, db, ref, key, error);
      sqlite3_value_free (key);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Every row of @table whose @column equals @value (or the one whose rowid
 * is @rowid, for a %NULL @column), parents before their children so that
 * Undo inserts them in an order the foreign keys accept. */
static gboolean
capture_rows (KlyngeSnapshot  *self,
              KlyngeDb        *db,
              const char      *table,
              const char      *column,
              sqlite3_value   *value,
              gint64           rowid,
              GError         **error)
{
  g_autofree char *insert = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!prepare (db, column != NULL
                      ? sqlite3_mprintf ("SELECT rowid AS \"rowid\", * FROM \"%w\" WHERE \"%w\" = ?1", table, column)
                      : sqlite3_mprintf ("SELECT rowid AS \"rowid\", * FROM \"%w\" WHERE rowid = ?1", table),
                &stmt, error))
    return FALSE;
  insert = insert_sql (table, stmt);
  if (column != NULL)
    sqlite3_bind_value (stmt, 1, value);
  else
    sqlite3_bind_int64 (stmt, 1, rowid);

  /* A statement of its own per level, so the walk below can nest. */
  while ((rc = klynge_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      char *key = g_strdup_printf ("%s\n%" G_GINT64_FORMAT, table, (gint64) sqlite3_column_int64 (stmt, 0));

      if (!g_hash_table_add (self->captured, key))
        continue;
      add_operation (self, g_strdup (insert), table, NULL, stmt);
      if (!capture_dependents (self, db, table, stmt, error))
        {
          rc = -1;
          break;
        }
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

KlyngeSnapshot *
klynge_snapshot_new (void)
{
  KlyngeSnapshot *self = g_new0 (KlyngeSnapshot, 1);

  self->operations = g_ptr_array_new_with_free_func (operation_free);
  self->captured = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
klynge_snapshot_free (KlyngeSnapshot *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->operations);
  g_hash_table_unref (self->captured);
  g_free (self);
}

/**
 * klynge_snapshot_capture:
 * @table: the table of the row about to be deleted
 * @rowid: its rowid (the id of Klynge's tables)
 *
 * Keeps the row and everything the schema's foreign keys delete with it
 * (ON DELETE CASCADE, followed from each deleted row in turn), and the
 * links other rows have to any of them (SET NULL and RESTRICT, which a
 * caller may move elsewhere first). Call it before changing anything.
 *
 * Returns: %FALSE with @error set when the rows could not be read
 */
gboolean
klynge_snapshot_capture (KlyngeSnapshot  *self,
                         KlyngeDb        *db,
                         const char      *table,
                         gint64           rowid,
                         GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->operations->len == 0)
    self->changes_before = klynge_db_get_changes (db);
  self->references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  ok = capture_rows (self, db, table, NULL, NULL, rowid, error);
  g_clear_pointer (&self->references, g_hash_table_unref);
  return ok;
}

/**
 * klynge_snapshot_capture_edit:
 * @rowid: the row about to be changed in place
 *
 * Keeps the row as it is, for Undo to set it back; klynge_snapshot_finish()
 * reads it once changed, for Redo. Call it before changing anything. A row
 * changed so that it can be deleted (an archived cluster taken back into
 * use) may be captured with klynge_snapshot_capture() after the change:
 * Undo puts it back, then sets it back as it was before the change.
 */
gboolean
klynge_snapshot_capture_edit (KlyngeSnapshot  *self,
                              KlyngeDb        *db,
                              const char      *table,
                              gint64           rowid,
                              GError         **error)
{
  sqlite3_stmt *stmt;
  Operation *op;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->operations->len == 0)
    self->changes_before = klynge_db_get_changes (db);
  if (!select_row (db, table, rowid, &stmt, error))
    return FALSE;
  op = add_operation (self, update_sql (table, stmt), table, NULL, stmt);
  op->redo_sql = g_strdup (op->sql);
  op->edit = TRUE;
  sqlite3_finalize (stmt);
  return TRUE;
}

/**
 * klynge_snapshot_capture_insert:
 * @rowid: the row just inserted
 *
 * Keeps the new row, for Undo to delete it and Redo to insert it again.
 * Call it right after the insert, inside its transaction.
 */
gboolean
klynge_snapshot_capture_insert (KlyngeSnapshot  *self,
                                KlyngeDb        *db,
                                const char      *table,
                                gint64           rowid,
                                GError         **error)
{
  sqlite3_stmt *stmt;
  Operation *op;
  char *delete;

  g_return_val_if_fail (self != NULL, FALSE);

  /* The insert itself is the one change before the capture. */
  if (self->operations->len == 0)
    self->changes_before = klynge_db_get_changes (db) - 1;
  if (!select_row (db, table, rowid, &stmt, error))
    return FALSE;
  delete = sqlite3_mprintf ("DELETE FROM \"%w\" WHERE rowid = ?1", table);
  op = add_operation (self, g_strdup (delete), table, NULL, stmt);
  sqlite3_free (delete);
  op->redo_sql = insert_sql (table, stmt);
  op->after_values = g_steal_pointer (&op->values);
  op->values = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);
  g_ptr_array_add (op->values, sqlite3_value_dup (sqlite3_column_value (stmt, 0)));
  sqlite3_finalize (stmt);
  return TRUE;
}

/**
 * klynge_snapshot_get_changes_before:
 *
 * Returns: how many changes the connection had made before the delete
 *   (klynge_db_get_changes()), so an undo stack can tell whether anything
 *   else wrote between its last entry and this one
 */
gint64
klynge_snapshot_get_changes_before (KlyngeSnapshot *self)
{
  return self->changes_before;
}

/* The values an edited row had when the snapshot deleted it (as
 * capture_rows() read them, in select_row()'s order), or %NULL */
static GPtrArray *
deleted_values (KlyngeSnapshot *self,
                Operation      *edit)
{
  gint64 rowid = sqlite3_value_int64 (g_ptr_array_index (edit->values, 0));

  for (guint i = 0; i < self->operations->len; i++)
    {
      Operation *op = g_ptr_array_index (self->operations, i);

      if (op->redo_sql == NULL && op->column == NULL && g_str_equal (op->table, edit->table) &&
          sqlite3_value_int64 (g_ptr_array_index (op->values, 0)) == rowid)
        return g_ptr_array_ref (op->values);
    }
  return NULL;
}

/**
 * klynge_snapshot_finish:
 *
 * Reads where the links point once the delete is done (NULL, or another
 * clinic the members moved to), so that klynge_snapshot_redo() can do the
 * delete again. Call it inside the delete's transaction, after it.
 */
gboolean
klynge_snapshot_finish (KlyngeSnapshot  *self,
                        KlyngeDb        *db,
                        GError         **error)
{
  for (guint i = 0; i < self->operations->len; i++)
    {
      Operation *op = g_ptr_array_index (self->operations, i);
      sqlite3_stmt *stmt;
      int rc;

      if (op->redo_sql != NULL && op->after_values == NULL)
        {
          /* Deleted once changed: Redo changes it as it was deleted. */
          if (op->edit && (op->after_values = deleted_values (self, op)) != NULL)
            continue;
          if (!select_row (db, op->table, sqlite3_value_int64 (g_ptr_array_index (op->values, 0)), &stmt, error))
            return FALSE;
          op->after_values = row_values (stmt);
          sqlite3_finalize (stmt);
          continue;
        }
      if (op->column == NULL)
        continue;
      if (!prepare (db, sqlite3_mprintf ("SELECT \"%w\" FROM \"%w\" WHERE rowid = ?1", op->column, op->table),
                    &stmt, error))
        return FALSE;
      sqlite3_bind_value (stmt, 1, g_ptr_array_index (op->values, 0));
      rc = klynge_db_step (db, stmt, error);
      /* A row that went too (a member removed with their clinic) has none. */
      if (rc == SQLITE_ROW)
        op->after = sqlite3_value_dup (sqlite3_column_value (stmt, 0));
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

static gboolean
run (KlyngeDb       *db,
     const char     *sql,
     sqlite3_value  *first,
     sqlite3_value  *second,
     GError        **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, sql);

  klynge_db_statement_bind_value (stmt, 1, first);
  if (second != NULL)
    klynge_db_statement_bind_value (stmt, 2, second);
  return klynge_db_statement_run (stmt, error);
}

static gboolean
run_all (KlyngeDb    *db,
         const char  *sql,
         GPtrArray   *values,
         GError     **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, sql);

  for (guint v = 0; v < values->len; v++)
    klynge_db_statement_bind_value (stmt, (int) v + 1, g_ptr_array_index (values, v));
  return klynge_db_statement_run (stmt, error);
}

/* Children before their parents, and links moved away before what they
 * pointed at goes: the captured order backwards, after the edits (a row
 * may have been changed to be deleted). */
static gboolean
redo_operations (KlyngeSnapshot  *self,
                 KlyngeDb        *db,
                 GError         **error)
{
  for (guint i = self->operations->len; i-- > 0;)
    {
      Operation *op = g_ptr_array_index (self->operations, i);

      if (op->edit && !run_all (db, op->redo_sql, op->after_values, error))
        return FALSE;
    }
  for (guint i = self->operations->len; i-- > 0;)
    {
      Operation *op = g_ptr_array_index (self->operations, i);
      sqlite3_value *rowid = g_ptr_array_index (op->values, 0);
      g_autofree char *sql = NULL;
      char *quoted;

      if (op->edit)
        continue;
      if (op->redo_sql != NULL)
        {
          if (!run_all (db, op->redo_sql, op->after_values, error))
            return FALSE;
          continue;
        }
      if (op->column != NULL && op->after == NULL)
        continue;
      quoted = op->column != NULL
        ? sqlite3_mprintf ("UPDATE \"%w\" SET \"%w\" = ?2 WHERE rowid = ?1", op->table, op->column)
        : sqlite3_mprintf ("DELETE FROM \"%w\" WHERE rowid = ?1", op->table);
      sql = g_strdup (quoted);
      sqlite3_free (quoted);
      if (!run (db, sql, rowid, op->after, error))
        return FALSE;
    }
  return TRUE;
}

/* The rows put back before the edits are set back: a row changed to be
 * deleted must be there again first. */
static gboolean
undo_operations (KlyngeSnapshot  *self,
                 KlyngeDb        *db,
                 GError         **error)
{
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->operations->len; i++)
      {
        Operation *op = g_ptr_array_index (self->operations, i);

        if (op->edit == (pass == 1) && !run_all (db, op->sql, op->values, error))
          return FALSE;
      }
  return TRUE;
}

/* Writes everything back (or deletes it again) in one transaction; on
 * error nothing changes. */
static gboolean
apply (KlyngeSnapshot  *self,
       KlyngeDb        *db,
       gboolean         redo,
       GError         **error)
{
  /* A row reached through two parents (a deleted cluster's measurement,
   * under its clinic and under an indicator of the cluster's topics) may
   * come back before one of them: the keys are checked at the commit. */
  if (!klynge_db_begin (db, error))
    return FALSE;
  if (!klynge_db_exec (db, "PRAGMA defer_foreign_keys = ON", error) ||
      !(redo ? redo_operations (self, db, error) : undo_operations (self, db, error)))
    {
      klynge_db_rollback (db);
      g_prefix_error (error, redo ? _("Could not delete it again: ") : _("Could not undo the deletion: "));
      return FALSE;
    }
  return klynge_db_commit_or_rollback (db, error);
}

gboolean
klynge_snapshot_restore (KlyngeSnapshot  *self,
                         KlyngeDb        *db,
                         GError         **error)
{
  return apply (self, db, FALSE, error);
}

/**
 * klynge_snapshot_redo:
 *
 * Deletes again what klynge_snapshot_restore() put back, and moves the
 * links where the delete had moved them (see klynge_snapshot_finish()).
 */
gboolean
klynge_snapshot_redo (KlyngeSnapshot  *self,
                      KlyngeDb        *db,
                      GError         **error)
{
  return apply (self, db, TRUE, error);
}
