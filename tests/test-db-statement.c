/* test-db-statement.c — the statement type: errors through GError, reset when
 * it goes out of scope, rows to objects
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "klynge-db-statement.h"
#include "klynge-test-utils.h"

typedef struct
{
  char     *dir;
  char     *path;
  KlyngeDb *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = klynge_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "cluster.sqlite", NULL);
  f->db = klynge_test_open_db (f->path);
  g_assert_true (klynge_db_exec (f->db, "INSERT INTO cluster (name) VALUES ('A'), ('B'), ('C')", NULL));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->db);
  klynge_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_prepare_error (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (f->db, "SELECT id FROM no_such_table");

  /* Binding a statement that could not be prepared does nothing. */
  klynge_db_statement_bind_int64 (stmt, 1, 1);
  g_assert_cmpint (klynge_db_statement_step (stmt, &error), ==, -1);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no_such_table"));
}

/* A bind that fails (here: a parameter the statement does not have) is
 * reported by the step after it, and nothing runs. */
static void
test_bind_error (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (f->db, "UPDATE cluster SET name = ?1");

  klynge_db_statement_bind_text (stmt, 1, "Renamed");
  klynge_db_statement_bind_int64 (stmt, 2, 7);
  g_assert_false (klynge_db_statement_run (stmt, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_FAILED);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM cluster WHERE name = 'Renamed'", 0), ==, 0);
}

static void
test_step_error (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (f->db, "INSERT INTO cluster (name) VALUES (?1)");

  klynge_db_statement_bind_text (stmt, 1, NULL);
  g_assert_cmpint (klynge_db_statement_step (stmt, &error), ==, -1);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT);
}

static void
test_expect_row (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (f->db, "SELECT name FROM cluster WHERE id = ?1");

  klynge_db_statement_bind_int64 (stmt, 1, 999);
  g_assert_false (klynge_db_statement_expect_row (stmt, "The thing is gone.", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The thing is gone.");
}

/* A statement left after its first row keeps its connection's read
 * transaction, so what another connection commits stays invisible; going
 * out of scope ends it. */
static void
test_reset_at_end_of_scope (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KlyngeDb) writer = klynge_test_open_db (f->path);

  {
    g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (f->db, "SELECT id FROM cluster ORDER BY id");

    g_assert_cmpint (klynge_db_statement_step (stmt, NULL), ==, SQLITE_ROW);
    g_assert_true (klynge_db_exec (writer, "INSERT INTO cluster (name) VALUES ('D')", NULL));
    g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM cluster", 0), ==, 3);
  }

  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM cluster", 0), ==, 4);
}

typedef struct
{
  gint64  id;
  char   *name;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->name);
  g_free (row);
}

static gpointer
row_from_statement (KlyngeDbStatement *stmt)
{
  Row *row = g_new0 (Row, 1);

  row->id = klynge_db_statement_column_int64 (stmt, 0);
  row->name = klynge_db_statement_dup_text (stmt, 1);
  return row;
}

static gpointer
object_from_statement (KlyngeDbStatement *stmt)
{
  g_autoptr(GObject) object = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data_full (object, "name", klynge_db_statement_dup_text (stmt, 1), g_free);
  return g_steal_pointer (&object);
}

static void
test_collect (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (f->db,
    "SELECT id, name FROM cluster WHERE name <> ?1 ORDER BY name DESC");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GObject) first = NULL;

  klynge_db_statement_bind_text (stmt, 1, "B");
  rows = klynge_db_statement_collect (stmt, row_from_statement, row_free, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((Row *) g_ptr_array_index (rows, 0))->name, ==, "C");
  g_assert_cmpstr (((Row *) g_ptr_array_index (rows, 1))->name, ==, "A");
  g_assert_cmpint (((Row *) g_ptr_array_index (rows, 1))->id, <, ((Row *) g_ptr_array_index (rows, 0))->id);
  g_clear_pointer (&stmt, klynge_db_statement_free);

  /* The same statement again, from the cache: reset, with fresh bindings. */
  stmt = klynge_db_statement_new (f->db, "SELECT id, name FROM cluster WHERE name <> ?1 ORDER BY name DESC");
  klynge_db_statement_bind_text (stmt, 1, "C");
  model = klynge_db_statement_collect_model (stmt, G_TYPE_OBJECT, object_from_statement, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (g_object_get_data (first, "name"), ==, "B");
}

/* A row that fails half-way gives an error and no list, never the rows
 * read before it. */
static void
test_collect_error (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (f->db,
    "SELECT id, CASE WHEN name = 'C' THEN abs (-9223372036854775807 - 1) ELSE name END "
    "FROM cluster ORDER BY name");

  g_assert_null (klynge_db_statement_collect (stmt, row_from_statement, row_free, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_FAILED);
}

static void
test_count (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 value = -1;

  g_assert_true (klynge_db_count (f->db, "SELECT count(*) FROM cluster WHERE id > ?1", 1, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 2);
  /* No row, and SQL NULL, read as 0. */
  g_assert_true (klynge_db_count (f->db, "SELECT id FROM cluster WHERE id = ?1", 999, &value, &error));
  g_assert_cmpint (value, ==, 0);
  g_assert_true (klynge_db_count (f->db, "SELECT max(id) FROM cluster WHERE id < 0", 0, &value, &error));
  g_assert_cmpint (value, ==, 0);

  g_assert_false (klynge_db_count (f->db, "SELECT count(*) FROM no_such_table", 0, &value, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_FAILED);
}

/* An update of a record someone else removed changes nothing and says so. */
static void
test_run_changing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (f->db, "UPDATE cluster SET name = ?2 WHERE id = ?1");

    klynge_db_statement_bind_int64 (stmt, 1, 1);
    klynge_db_statement_bind_text (stmt, 2, "A2");
    g_assert_true (klynge_db_statement_run_changing (stmt, "gone", &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (f->db, "UPDATE cluster SET name = ?2 WHERE id = ?1");

    klynge_db_statement_bind_int64 (stmt, 1, 999);
    klynge_db_statement_bind_text (stmt, 2, "Z");
    g_assert_false (klynge_db_statement_run_changing (stmt, "gone", &error));
    g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
    g_assert_cmpstr (error->message, ==, "gone");
  }
}

static void
test_collect_text (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (f->db,
    "SELECT name FROM cluster UNION ALL SELECT NULL ORDER BY 1 DESC");
  g_autoptr(GPtrArray) texts = klynge_db_statement_collect_text (stmt, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (texts->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "C");
  g_assert_cmpstr (g_ptr_array_index (texts, 2), ==, "A");
  /* SQL NULL reads as "", as a view shows it. */
  g_assert_cmpstr (g_ptr_array_index (texts, 3), ==, "");
}

/* Text bound without a copy is what the row gets, and a NULL is SQL NULL. */
static void
test_static_text (Fixture       *f,
                  gconstpointer  data)
{
  static const char *names[] = { "Static D", NULL };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(KlyngeDbStatement) insert = klynge_db_statement_new (f->db, "INSERT INTO cluster (name) VALUES (coalesce(?1, 'Null E'))");

      klynge_db_statement_bind_static_text (insert, 1, names[i]);
      g_assert_true (klynge_db_statement_run (insert, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(KlyngeDbStatement) select = klynge_db_statement_new (f->db, "SELECT group_concat(name, '|') FROM (SELECT name FROM cluster WHERE id > 3 ORDER BY id)");

    g_assert_cmpint (klynge_db_statement_step (select, &error), ==, SQLITE_ROW);
    g_assert_cmpstr (klynge_db_statement_column_text (select, 0), ==, "Static D|Null E");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/db/statement/prepare-error", Fixture, NULL, fixture_setup, test_prepare_error, fixture_teardown);
  g_test_add ("/db/statement/bind-error", Fixture, NULL, fixture_setup, test_bind_error, fixture_teardown);
  g_test_add ("/db/statement/step-error", Fixture, NULL, fixture_setup, test_step_error, fixture_teardown);
  g_test_add ("/db/statement/expect-row", Fixture, NULL, fixture_setup, test_expect_row, fixture_teardown);
  g_test_add ("/db/statement/reset-at-end-of-scope", Fixture, NULL, fixture_setup, test_reset_at_end_of_scope, fixture_teardown);
  g_test_add ("/db/statement/collect", Fixture, NULL, fixture_setup, test_collect, fixture_teardown);
  g_test_add ("/db/statement/collect-error", Fixture, NULL, fixture_setup, test_collect_error, fixture_teardown);
  g_test_add ("/db/statement/run-changing", Fixture, NULL, fixture_setup, test_run_changing, fixture_teardown);
  g_test_add ("/db/statement/collect-text", Fixture, NULL, fixture_setup, test_collect_text, fixture_teardown);
  g_test_add ("/db/statement/static-text", Fixture, NULL, fixture_setup, test_static_text, fixture_teardown);
  g_test_add ("/db/statement/count", Fixture, NULL, fixture_setup, test_count, fixture_teardown);

  return g_test_run ();
}
