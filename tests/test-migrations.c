/* test-migrations.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every released schema version has a fixture, tests/data/schema-vN.sqlite:
 * the demo cluster as that version wrote it. When a new version is released,
 * add its fixture (klynge-cli --db tests/data/schema-vN.sqlite demo, then
 * "PRAGMA journal_mode = DELETE; VACUUM") and a row to fixtures[] below.
 */

#include <glib/gstdio.h>

#include "klynge-backup.h"
#include "klynge-cluster.h"
#include "klynge-db.h"
#include "klynge-period.h"
#include "klynge-test-utils.h"

typedef struct
{
  int         version;
  const char *cluster_name;
  gint64      clinics;
  gint64      members;
  gint64      meetings;
  gint64      attendance;
  gint64      measurements;
  gint64      ledger_entries;
  gint64      ledger_total;
} Expected;

/* What each fixture held when it was written. */
static const Expected fixtures[] = {
  { 1, "Aarhus Midt Quality Cluster", 9, 25, 6, 150, 162, 32, 33730000 },
  { 2, "Aarhus Midt Quality Cluster", 9, 25, 7, 150, 162, 32, 33730000 },
  { 3, "Aarhus Midt Quality Cluster", 9, 25, 7, 150, 162, 32, 33730000 },
  { 6, "Aarhus Midt Quality Cluster", 9, 25, 7, 150, 162, 32, 33730000 },
};

static const Expected *
expected_for (int version)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    if (fixtures[i].version == version)
      return &fixtures[i];
  return NULL;
}

static void
test_fixture (gconstpointer data)
{
  const char *name = data;
  int version = atoi (name + strlen ("schema-v"));
  const Expected *expected = expected_for (version);
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = klynge_test_copy_data (name, dir);
  g_autoptr(KlyngeDb) db = NULL;
  g_autoptr(GListModel) backups = NULL;
  sqlite3_stmt *stmt;

  g_assert_nonnull (expected);

  db = klynge_test_open_db (path);
  g_assert_cmpint (klynge_db_get_schema_version (db), ==, KLYNGE_DB_SCHEMA_VERSION);

  klynge_test_assert_integrity (klynge_db_get_handle (db));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM pragma_foreign_key_check", 0), ==, 0);

  stmt = klynge_db_prepare (db, "SELECT name FROM cluster", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, expected->cluster_name);
  sqlite3_reset (stmt);

  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM clinic", 0), ==, expected->clinics);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM member", 0), ==, expected->members);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM meeting", 0), ==, expected->meetings);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM attendance", 0), ==, expected->attendance);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM measurement", 0), ==, expected->measurements);
  klynge_test_assert_measurement_counts (db);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM ledger_entry", 0), ==, expected->ledger_entries);
  g_assert_cmpint (klynge_test_count (db, "SELECT sum(amount) FROM ledger_entry", 0), ==, expected->ledger_total);
  /* Version 3: no letter dealt yet; the first chart of a meeting deals them. */
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM clinic_letter", 0), ==, 0);

  /* An older file is backed up as it was before the update. */
  backups = klynge_backup_list (path);
  if (version < KLYNGE_DB_SCHEMA_VERSION)
    {
      g_autoptr(KlyngeBackup) backup = NULL;

      g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
      backup = g_list_model_get_item (backups, 0);
      g_assert_true (klynge_backup_get_readable (backup));
      g_assert_cmpint (klynge_backup_get_n_members (backup), ==, expected->members);
    }
  else
    g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 0);

  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

/* A file from a newer Klynge is refused with a message saying so, and not
 * a byte of it changes: no migration, no WAL, no backup folder. */
static void
test_newer_refused (gconstpointer data)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = klynge_test_copy_data (data, dir);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *backups = klynge_backup_dir_for (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", KLYNGE_DB_SCHEMA_VERSION + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = NULL;
  sqlite3 *handle;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, set_version, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  before = klynge_test_file_checksum (path);

  db = klynge_db_open (path, KLYNGE_DB_OPEN_BACKUP, &error);
  g_assert_null (db);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));

  after = klynge_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  klynge_test_remove_tree (dir);
}

static char *
first_column (KlyngeDb   *db,
              const char *sql)
{
  sqlite3_stmt *stmt = klynge_db_prepare (db, sql, NULL);
  char *text = NULL;

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = klynge_db_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return text;
}

/* Periods stored as text by an older Klynge: those a period can be read from
 * become keys; the rest, and one whose key the same clinic and indicator
 * already have, are kept as they were and listed. Measurements of rates may
 * then have a numerator above the denominator; proportions still may not. */
static void
test_periods_and_types (gconstpointer data)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = klynge_test_copy_data (data, dir);
  g_autoptr(KlyngeDb) db = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GString) listed = g_string_new ("");
  g_autoptr(GError) error = NULL;
  g_autofree char *order = NULL;
  sqlite3 *handle;

  /* The old file as the old schema takes it: plain SQL, no Klynge. */
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
    "INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator) VALUES "
    "  (18, 1, '4. kvartal 2024', 10, 20), (18, 1, 'Oct 2024', 11, 20), (18, 1, 'banana', 12, 20),"
    "  (18, 1, '2025K4', 13, 20), (18, 2, '2024K4', 14, 20), (2, 1, '01JAN2021', 5, 900);"
    "INSERT INTO import_batch (cluster_id, file_name) VALUES (1, 'old.csv');"
    "INSERT INTO import_replaced (batch_id, indicator_id, clinic_id, period, numerator, denominator) "
    "  VALUES (last_insert_rowid (), 18, 1, 'Q2 2024', 1, 2);"
    "UPDATE data_request SET period = '3. kvartal 2026';",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = klynge_test_open_db (path);
  g_assert_cmpint (klynge_db_get_schema_version (db), ==, KLYNGE_DB_SCHEMA_VERSION);
  klynge_test_assert_integrity (klynge_db_get_handle (db));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM pragma_foreign_key_check", 0), ==, 0);

  g_assert_cmpint (klynge_test_count (db, "SELECT numerator FROM measurement WHERE clinic_id = 1 AND indicator_id = 18 AND period = '2024-Q4'", 0), ==, 10);
  g_assert_cmpint (klynge_test_count (db, "SELECT numerator FROM measurement WHERE clinic_id = 1 AND indicator_id = 18 AND period = '2024-10'", 0), ==, 11);
  g_assert_cmpint (klynge_test_count (db, "SELECT numerator FROM measurement WHERE clinic_id = 2 AND indicator_id = 18 AND period = '2024-Q4'", 0), ==, 14);
  g_assert_cmpint (klynge_test_count (db, "SELECT numerator FROM measurement WHERE period = '2021-01-01'", 0), ==, 5);
  /* 2025-Q4 of clinic 1 was there already: its "2025K4" twin stays as typed. */
  g_assert_cmpint (klynge_test_count (db, "SELECT numerator FROM measurement WHERE clinic_id = 1 AND indicator_id = 18 AND period = '2025K4'", 0), ==, 13);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM import_replaced WHERE period = '2024-Q2'", 0), ==, 1);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM data_request WHERE period != '2026-Q3'", 0), ==, 0);

  periods = klynge_periods_list (db, klynge_cluster_first_id (db), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < periods->len; i++)
    {
      KlyngePeriodUse *use = g_ptr_array_index (periods, i);

      g_string_append_printf (listed, "%s%s ", use->period, use->readable ? "" : "!");
    }
  g_assert_cmpstr (listed->str, ==, "2021-01-01 2024-Q4 2024-10 2025-Q3 2025-Q4 2026-Q1 2025K4! banana! ");
  order = first_column (db, "SELECT group_concat (period, ' ') FROM "
                            "(SELECT DISTINCT period FROM measurement ORDER BY period COLLATE klynge_period)");
  g_assert_cmpstr (order, ==, "2021-01-01 2024-Q4 2024-10 2025-Q3 2025-Q4 2026-Q1 2025K4 banana");

  /* Indicator 2 is a rate per 1,000 children: more consultations than children is no error. */
  g_assert_cmpint (klynge_test_count (db, "SELECT rate_per FROM indicator WHERE id = 2", 0), ==, 1000);
  g_assert_true (klynge_db_exec (db, "INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator) "
                                     "VALUES (2, 1, '2021-02', 1200, 900)", &error));
  g_assert_no_error (error);
  g_assert_false (klynge_db_exec (db, "INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator) "
                                      "VALUES (18, 1, '2021-02', 21, 20)", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (klynge_db_exec (db, "UPDATE measurement SET numerator = 21 WHERE indicator_id = 18 AND period = '2024-10'", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* Nor can the rate become a percentage while a measurement exceeds. */
  g_assert_false (klynge_db_exec (db, "UPDATE indicator SET unit = 'percent' WHERE id = 2", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT);

  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

static int
compare_versions (gconstpointer a,
                  gconstpointer b)
{
  const char *name_a = *(const char * const *)a;
  const char *name_b = *(const char * const *)b;

  return atoi (name_a + strlen ("schema-v")) - atoi (name_b + strlen ("schema-v"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDir) dir = g_dir_open (TEST_DATA_DIR, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "schema-v") && g_str_has_suffix (name, ".sqlite"))
      g_ptr_array_add (names, g_strdup (name));

  /* Without fixtures this test would prove nothing. */
  g_assert_cmpuint (names->len, >=, 1);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/migrations/%s", (char *)names->pdata[i]);

      g_test_add_data_func (path, names->pdata[i], test_fixture);
    }
  /* The newest fixture, marked as written by a version after this one. */
  g_ptr_array_sort (names, compare_versions);
  g_test_add_data_func ("/migrations/newer-refused", names->pdata[names->len - 1], test_newer_refused);
  g_test_add_data_func ("/migrations/periods-and-types", "schema-v2.sqlite", test_periods_and_types);

  return g_test_run ();
}
