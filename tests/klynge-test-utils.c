/* klynge-test-utils.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "klynge-cluster.h"
#include "klynge-demo.h"
#include "klynge-test-utils.h"

char *
klynge_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("klynge-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
klynge_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        klynge_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (dir);
}

char *
klynge_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
}

void
klynge_test_assert_private_file (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    g_error ("“%s” was not written: %s", path, g_strerror (errno));
  if ((st.st_mode & 0777) != 0600)
    g_error ("“%s” has mode %04o: others can read it", path, (unsigned) (st.st_mode & 0777));
}

KlyngeDb *
klynge_test_open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  KlyngeDb *db = klynge_db_open (path, KLYNGE_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

gint64
klynge_test_count (KlyngeDb   *db,
                   const char *sql,
                   gint64      bind_id)
{
  g_autoptr(GError) error = NULL;
  gint64 value;

  klynge_db_count (db, sql, bind_id, &value, &error);
  g_assert_no_error (error);
  return value;
}

KlyngeDb *
klynge_test_open_demo (const char *dir,
                       gint64     *cluster_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "demo.sqlite", NULL);
  KlyngeDb *db = klynge_test_open_db (path);
  gint64 id = klynge_demo_create (db, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  if (cluster_id != NULL)
    *cluster_id = id;
  return db;
}

char *
klynge_test_data_path (const char *name)
{
  return g_build_filename (TEST_DATA_DIR, name, NULL);
}

char *
klynge_test_unzip_member (const char *zip,
                          const char *member)
{
  const char *argv[] = { "unzip", "-p", zip, member, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

gint64
klynge_test_add_large_batch (KlyngeDb *db,
                             guint     n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
    "BEGIN;"
    "INSERT INTO import_batch (cluster_id, file_name, row_count) SELECT min(id), 'large.csv', %u FROM cluster;"
    "WITH RECURSIVE p (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < %u) "
    "INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator, batch_id) "
    "SELECT i.id, c.id, 'U-' || p.n, 1, 2, (SELECT max(id) FROM import_batch) "
    "FROM p, clinic c, indicator i LIMIT %u;"
    "COMMIT", n, n, n);
  gint64 batch;

  g_assert_true (klynge_db_exec (db, sql, &error));
  g_assert_no_error (error);
  batch = klynge_test_count (db, "SELECT max(id) FROM import_batch", 0);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM measurement WHERE batch_id = ?1", batch), ==, n);
  return batch;
}

void
klynge_test_assert_integrity (sqlite3 *handle)
{
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
}

void
klynge_test_assert_measurement_counts (KlyngeDb *db)
{
  static const char *const differences[] = {
    "SELECT count(*) FROM (SELECT clinic_id, indicator_id, count(*) FROM measurement GROUP BY clinic_id, indicator_id "
    "  EXCEPT SELECT clinic_id, indicator_id, n FROM measurement_count)",
    "SELECT count(*) FROM (SELECT clinic_id, indicator_id, n FROM measurement_count "
    "  EXCEPT SELECT clinic_id, indicator_id, count(*) FROM measurement GROUP BY clinic_id, indicator_id)",
  };
  sqlite3_stmt *clusters;

  for (guint i = 0; i < G_N_ELEMENTS (differences); i++)
    g_assert_cmpint (klynge_test_count (db, differences[i], 0), ==, 0);

  clusters = klynge_db_prepare (db, "SELECT id FROM cluster", NULL);
  while (sqlite3_step (clusters) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (clusters, 0);
      g_auto(KlyngeClusterSummary) summary = { 0 };

      g_assert_true (klynge_cluster_summary_load (db, id, &summary, NULL));
      g_assert_cmpint (summary.n_measurements, ==,
                       klynge_test_count (db, "SELECT count(*) FROM measurement m JOIN clinic k ON k.id = m.clinic_id "
                                            "WHERE k.cluster_id = ?1", id));
      g_assert_cmpint (summary.n_indicators, ==,
                       klynge_test_count (db, "SELECT count(DISTINCT m.indicator_id) FROM measurement m "
                                            "JOIN clinic k ON k.id = m.clinic_id WHERE k.cluster_id = ?1", id));
    }
  sqlite3_reset (clusters);
}

char *
klynge_test_copy_data (const char *name,
                       const char *dir)
{
  g_autofree char *source = klynge_test_data_path (name);
  g_autofree char *contents = NULL;
  char *copy = g_build_filename (dir, name, NULL);
  gsize len;

  g_assert_true (g_file_get_contents (source, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));
  g_assert_cmpint (g_chmod (copy, 0600), ==, 0);
  return copy;
}

void
klynge_test_demo_set_up (KlyngeTestDemo *f,
                         gconstpointer   data)
{
  f->dir = klynge_test_make_tmpdir ();
  f->db = klynge_test_open_demo (f->dir, &f->cluster);
  f->db_path = g_strdup (klynge_db_get_path (f->db));
}

void
klynge_test_demo_tear_down (KlyngeTestDemo *f,
                            gconstpointer   data)
{
  g_clear_object (&f->db);
  klynge_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

char *
klynge_test_make_empty_cluster (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "empty.sqlite", NULL);
  g_autoptr(KlyngeDb) db = klynge_test_open_db (path);

  g_assert_true (klynge_db_exec (db, "INSERT INTO cluster (name) VALUES ('Tom klynge')", NULL));
  return g_steal_pointer (&path);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *log)
{
  g_string_append_printf (log, "(%u,%u,%u)", position, removed, added);
}

void
klynge_test_log_items_changed (GListModel *model,
                               GString    *log)
{
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), log);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

void
klynge_test_log_notify (gpointer   object,
                        GPtrArray *names)
{
  g_signal_connect (object, "notify", G_CALLBACK (notify_cb), names);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

char *
klynge_test_take_names (GPtrArray *names)
{
  GString *text = g_string_new (NULL);

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "", (const char *) names->pdata[i]);
  g_ptr_array_set_size (names, 0);
  return g_string_free (text, FALSE);
}

void
klynge_test_assert_log (GString    *log,
                        const char *expected)
{
  g_assert_cmpstr (log->str, ==, expected);
  g_string_truncate (log, 0);
}

void
klynge_test_assert_names (GPtrArray  *names,
                          const char *expected)
{
  g_autofree char *text = klynge_test_take_names (names);

  g_assert_cmpstr (text, ==, expected);
}

gpointer
klynge_test_item (GListModel *list,
                  guint       position)
{
  gpointer item = g_list_model_get_item (list, position);

  g_assert_nonnull (item);
  g_object_unref (item);
  return item;
}
