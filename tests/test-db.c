/* test-db.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "klynge-clinic.h"
#include "klynge-cluster.h"
#include "klynge-db.h"
#include "klynge-demo.h"
#include "klynge-file.h"
#include "klynge-ledger.h"
#include "klynge-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = klynge_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "cluster.sqlite", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  klynge_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Runs SQL that must be refused by a constraint, and checks the error. */
static void
assert_refused (KlyngeDb   *db,
                const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = klynge_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_false (klynge_db_step_done (db, stmt, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT);
  g_assert_nonnull (error->message);
}

static void
test_created_private (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);
  GStatBuf st;

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_migrate_from_empty (Fixture       *f,
                         gconstpointer  data)
{
  const char *tables[] = {
    "cluster", "clinic", "member", "member_role", "meeting", "agenda_item",
    "invitation", "attendance", "topic", "indicator", "data_request",
    "measurement", "import_batch", "ledger_entry", "budget_line",
  };
  g_autoptr(KlyngeDb) db = NULL;

  /* An existing empty file (as a file manager creates it) is filled too. */
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  db = klynge_test_open_db (f->path);
  g_assert_cmpint (klynge_db_get_schema_version (db), ==, KLYNGE_DB_SCHEMA_VERSION);
  g_assert_false (klynge_db_is_read_only (db));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      sqlite3_stmt *stmt = klynge_db_prepare (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1", NULL);
      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
      sqlite3_reset (stmt);
    }

  g_assert_cmpint (klynge_test_count (db, "PRAGMA foreign_keys", 0), ==, 1);
  g_clear_object (&db);

  /* Reopening does not migrate again. */
  db = klynge_test_open_db (f->path);
  g_assert_cmpint (klynge_db_get_schema_version (db), ==, KLYNGE_DB_SCHEMA_VERSION);
}

static void
test_constraints (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);
  g_autoptr(GError) error = NULL;
  gint64 cluster = klynge_cluster_create (db, "Test", &error);

  g_assert_no_error (error);
  g_assert_cmpint (cluster, >, 0);

  /* Foreign keys */
  assert_refused (db, "INSERT INTO clinic (cluster_id, name) VALUES (999, 'Nowhere')");
  assert_refused (db, "INSERT INTO member (cluster_id, clinic_id, name) VALUES (1, 999, 'Nobody')");

  /* Counts are never negative; numerator never above denominator. */
  assert_refused (db, "INSERT INTO clinic (cluster_id, name, listed_patients) VALUES (1, 'A', -1)");
  g_assert_true (klynge_db_exec (db,
    "INSERT INTO clinic (cluster_id, name, provider_number) VALUES (1, 'A', '1');"
    "INSERT INTO topic (title) VALUES ('T');"
    "INSERT INTO indicator (topic_id, name) VALUES (1, 'I');", &error));
  g_assert_no_error (error);
  assert_refused (db, "INSERT INTO clinic (cluster_id, name, provider_number) VALUES (1, 'B', '1')");
  assert_refused (db, "INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator) VALUES (1, 1, 'Q1', 11, 10)");
  assert_refused (db, "INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator) VALUES (1, 1, 'Q1', -1, 10)");
  assert_refused (db, "INSERT INTO measurement (indicator_id, clinic_id, period) VALUES (1, 1, 'Q1')");
  assert_refused (db, "INSERT INTO member (cluster_id, name, title) VALUES (1, 'X', 'king')");
  assert_refused (db, "INSERT INTO meeting (cluster_id, title, starts_at, ends_at) VALUES (1, 'M', '2026-01-01T20:00', '2026-01-01T17:00')");
  assert_refused (db, "INSERT INTO ledger_entry (cluster_id, entry_date, amount, kind, category_id) VALUES (1, '2026-01-01', -100, 'expense', 4)");
  assert_refused (db, "INSERT INTO ledger_entry (cluster_id, entry_date, amount, kind, category_id) VALUES (1, '2026-01-01', 100, 'expense', 999)");
  assert_refused (db, "INSERT INTO cluster (name) VALUES ('   ')");

  /* Money is stored exactly: an integer column refuses nothing it should keep. */
  g_assert_true (klynge_db_exec (db,
    "INSERT INTO ledger_entry (cluster_id, entry_date, amount, kind, category_id) VALUES (1, '2026-01-01', 123456789012, 'income', 1)", &error));
  g_assert_cmpint (klynge_test_count (db, "SELECT amount FROM ledger_entry", 0), ==, G_GINT64_CONSTANT (123456789012));
}

static void
test_failed_transaction_leaves_file (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 cluster;

  cluster = klynge_demo_create (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cluster, >, 0);
  g_clear_object (&db);
  before = klynge_test_file_checksum (f->path);

  db = klynge_test_open_db (f->path);
  g_assert_true (klynge_db_begin (db, &error));
  g_assert_true (klynge_db_exec (db, "DELETE FROM measurement; INSERT INTO cluster (name) VALUES ('Half')", &error));
  /* The second statement fails: the whole action must vanish. */
  g_assert_false (klynge_db_exec (db, "INSERT INTO clinic (cluster_id, name, listed_patients) VALUES (1, 'Bad', -5)", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT);
  klynge_db_rollback (db);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM measurement", 0), ==, 162);

  g_clear_object (&db);
  after = klynge_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_nested_transactions (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_db_begin (db, &error));
  g_assert_cmpint (klynge_cluster_create (db, "Outer", &error), >, 0);
  g_assert_true (klynge_db_begin (db, &error));
  g_assert_cmpint (klynge_cluster_create (db, "Inner", &error), >, 0);
  klynge_db_rollback (db);
  g_assert_true (klynge_db_commit (db, &error));
  g_assert_no_error (error);

  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM cluster", 0), ==, 1);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM ledger_category", 0), >, 0);
}

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (f->path, "clinic;patients\nA;1000\n", -1, NULL));
  before = klynge_test_file_checksum (f->path);
  db = klynge_db_open (f->path, KLYNGE_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "cluster.sqlite"));
  after = klynge_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_foreign_sqlite (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = NULL;
  sqlite3 *raw;

  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE songs (title TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = klynge_db_open (f->path, KLYNGE_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_A_DATABASE);
}

static void
test_too_new (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (klynge_db_exec (db, "PRAGMA user_version = 999", &error));
  g_clear_object (&db);
  before = klynge_test_file_checksum (f->path);

  db = klynge_db_open (f->path, KLYNGE_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_TOO_NEW);
  after = klynge_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "nope", "x.sqlite", NULL);
  g_autoptr(KlyngeDb) db = klynge_db_open (path, KLYNGE_DB_OPEN_DEFAULT, &error);

  g_assert_null (db);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* An export pointed at the open database (or its WAL) must not touch it. */
static void
test_export_onto_open_file (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *other = g_strconcat (f->path, ".csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (klynge_file_prepare_private (f->path, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (klynge_file_prepare_private (wal, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (klynge_file_prepare_private (other, &error));
  g_assert_no_error (error);

  g_clear_object (&db);
  g_assert_false (klynge_db_file_is_open (f->path));
}

/* A disk that fills up at COMMIT: the WAL, where a commit writes, refuses
 * every write while disk_full is set. The file's own writes (checkpoints)
 * go through, so what was saved before stays readable. */
static sqlite3_vfs full_vfs;
static sqlite3_vfs *real_vfs;
static sqlite3_io_methods full_wal_methods;
static const sqlite3_io_methods *real_wal_methods;
static gboolean disk_full;

static int
full_write (sqlite3_file  *file,
            const void    *data,
            int            amount,
            sqlite3_int64  offset)
{
  if (disk_full)
    return SQLITE_FULL;
  return real_wal_methods->xWrite (file, data, amount, offset);
}

static int
full_open (sqlite3_vfs      *vfs,
           sqlite3_filename  name,
           sqlite3_file     *file,
           int               flags,
           int              *out_flags)
{
  int rc = real_vfs->xOpen (real_vfs, name, file, flags, out_flags);

  if (rc == SQLITE_OK && (flags & SQLITE_OPEN_WAL) != 0 && file->pMethods != NULL)
    {
      real_wal_methods = file->pMethods;
      full_wal_methods = *file->pMethods;
      full_wal_methods.xWrite = full_write;
      file->pMethods = &full_wal_methods;
    }
  return rc;
}

static void
use_full_disk_vfs (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  full_vfs = *real_vfs;
  full_vfs.zName = "klynge-test-full";
  full_vfs.xOpen = full_open;
  g_assert_cmpint (sqlite3_vfs_register (&full_vfs, 1), ==, SQLITE_OK);
}

static gboolean
create_cluster (KlyngeDb  *db,
                gint64     cluster,
                GError   **error)
{
  return klynge_cluster_create (db, "Full disk", error) != 0;
}

static gboolean
create_demo (KlyngeDb  *db,
             gint64     cluster,
             GError   **error)
{
  return klynge_demo_create (db, error) != 0;
}

static gboolean
save_clinic (KlyngeDb  *db,
             gint64     cluster,
             GError   **error)
{
  g_autoptr(KlyngeClinic) clinic = klynge_clinic_new ();

  g_free (clinic->name);
  clinic->name = g_strdup ("Full disk clinic");
  return klynge_clinic_save (db, cluster, clinic, error);
}

static gboolean
delete_clinic (KlyngeDb  *db,
               gint64     cluster,
               GError   **error)
{
  gint64 clinic = klynge_test_count (db, "SELECT max(id) FROM clinic WHERE cluster_id = ?1", cluster);
  g_autoptr(KlyngeSnapshot) snapshot = klynge_clinic_delete (db, cluster, clinic, KLYNGE_CLINIC_MEMBERS_REMOVE, 0, error);

  return snapshot != NULL;
}

static gboolean
save_ledger_entry (KlyngeDb  *db,
                   gint64     cluster,
                   GError   **error)
{
  g_autoptr(KlyngeLedgerEntry) entry = klynge_ledger_entry_new ();

  entry->date = g_strdup ("2026-03-15");
  entry->amount = 100;
  entry->kind = KLYNGE_LEDGER_EXPENSE;
  entry->category_id = klynge_test_count (db, "SELECT min(id) FROM ledger_category WHERE kind = 'expense'", 0);
  return klynge_ledger_save_entry (db, cluster, 2026, entry, error);
}

/* The outer transaction of a caller, with a core function's inside it. */
static gboolean
nested (KlyngeDb  *db,
        gint64     cluster,
        GError   **error)
{
  if (!klynge_db_begin (db, error))
    return FALSE;
  if (!save_clinic (db, cluster, error) || !klynge_db_commit (db, error))
    {
      klynge_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* Every way of saving fails whole when the disk is full at COMMIT: one
 * rollback (a second would be a critical, fatal in tests), nothing saved,
 * and the next transaction works. */
static void
test_disk_full_at_commit (Fixture       *f,
                          gconstpointer  data)
{
  static const struct {
    const char *name;
    gboolean  (*save) (KlyngeDb *db, gint64 cluster, GError **error);
  } actions[] = {
    { "create cluster", create_cluster },
    { "create demo", create_demo },
    { "save clinic", save_clinic },
    { "delete clinic", delete_clinic },
    { "save ledger entry", save_ledger_entry },
    { "nested", nested },
  };
  g_autofree char *dir = klynge_test_make_tmpdir ();
  gint64 cluster;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, &cluster);
  g_autofree char *before = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 n_clinics = klynge_test_count (db, "SELECT count(*) FROM clinic", 0);
      gint64 n_entries = klynge_test_count (db, "SELECT count(*) FROM ledger_entry", 0);
      gint64 n_clusters = klynge_test_count (db, "SELECT count(*) FROM cluster", 0);

      g_test_message ("%s", actions[i].name);
      disk_full = TRUE;
      g_assert_false (actions[i].save (db, cluster, &error));
      disk_full = FALSE;
      g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO);

      g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM clinic", 0), ==, n_clinics);
      g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM ledger_entry", 0), ==, n_entries);
      g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM cluster", 0), ==, n_clusters);
      g_clear_error (&error);
      g_assert_true (save_clinic (db, cluster, &error));
      g_assert_no_error (error);
    }

  klynge_test_assert_integrity (klynge_db_get_handle (db));
  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

/* A file deleted while a long write runs takes the write into nowhere:
 * the commit must fail, not report the change as saved. */
static void
test_commit_after_file_deleted (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_db_begin (db, &error));
  g_assert_true (klynge_db_exec (db, "INSERT INTO cluster (name) VALUES ('Gone')", &error));
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_false (klynge_db_commit (db, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, f->path));
  klynge_db_rollback (db);
}

/* Counts, in every connection this process opens, the integrity checks
 * run and the backup copies written. */
static guint n_quick_checks;
static guint n_copies;

static int
count_cb (unsigned  type,
          void     *data,
          void     *p,
          void     *x)
{
  const char *sql = sqlite3_sql (p);

  if (sql != NULL && g_str_has_prefix (sql, "PRAGMA quick_check"))
    n_quick_checks++;
  return 0;
}

static int
count_connections (sqlite3                        *handle,
                   const char                    **message,
                   const struct sqlite3_api_routines *api)
{
  const char *file = sqlite3_db_filename (handle, "main");

  if (file != NULL && strstr (file, ".sqlite.tmp-") != NULL)
    n_copies++;
  sqlite3_trace_v2 (handle, SQLITE_TRACE_STMT, count_cb, NULL);
  return SQLITE_OK;
}

/* Opening a file that did not change since its last check and backup
 * costs neither a check nor a copy; a change brings both back. */
static void
test_unchanged_not_checked_again (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (f->dir, NULL);
  g_autofree char *path = g_strdup (klynge_db_get_path (db));

  g_clear_object (&db);

  sqlite3_auto_extension ((void (*) (void)) count_connections);
  db = klynge_db_open (path, KLYNGE_DB_OPEN_BACKUP, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_cmpuint (n_quick_checks, ==, 1);
  g_assert_cmpuint (n_copies, ==, 1);

  for (guint i = 0; i < 3; i++)
    {
      db = klynge_db_open (path, KLYNGE_DB_OPEN_BACKUP, &error);
      g_assert_no_error (error);
      g_clear_object (&db);
    }
  g_assert_cmpuint (n_quick_checks, ==, 1);
  g_assert_cmpuint (n_copies, ==, 1);

  db = klynge_db_open (path, KLYNGE_DB_OPEN_DEFAULT, &error);
  g_assert_true (klynge_db_exec (db, "UPDATE cluster SET notes = 'changed'", &error));
  g_clear_object (&db);
  db = klynge_db_open (path, KLYNGE_DB_OPEN_BACKUP, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_cmpuint (n_quick_checks, ==, 2);
  g_assert_cmpuint (n_copies, ==, 2);
  sqlite3_cancel_auto_extension ((void (*) (void)) count_connections);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  use_full_disk_vfs ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/db/created-0600", test_created_private);
  ADD ("/db/migrate-from-empty", test_migrate_from_empty);
  ADD ("/db/constraints", test_constraints);
  ADD ("/db/failed-transaction-leaves-file", test_failed_transaction_leaves_file);
  ADD ("/db/nested-transactions", test_nested_transactions);
  ADD ("/db/not-a-database", test_not_a_database);
  ADD ("/db/foreign-sqlite", test_foreign_sqlite);
  ADD ("/db/too-new", test_too_new);
  ADD ("/db/missing-folder", test_missing_folder);
  ADD ("/db/export-onto-open-file", test_export_onto_open_file);
  ADD ("/db/disk-full-at-commit", test_disk_full_at_commit);
  ADD ("/db/commit-after-file-deleted", test_commit_after_file_deleted);
  ADD ("/db/unchanged-not-checked-again", test_unchanged_not_checked_again);
#undef ADD

  return g_test_run ();
}
