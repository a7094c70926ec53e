/* test-batch-store.c — the files imported into a cluster, updated in place
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-batch-store.h"
#include "klynge-data-item.h"
#include "klynge-test-utils.h"

/* Three files, the newest first. */
static void
add_three (KlyngeTestDemo *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
    "DELETE FROM import_batch;"
    "INSERT INTO import_batch (id, cluster_id, file_name, imported_at, row_count) VALUES "
    "(901, %1$" G_GINT64_FORMAT ", 'old.csv', '2026-01-01T10:00:00Z', 10),"
    "(902, %1$" G_GINT64_FORMAT ", 'middle.csv', '2026-02-01T10:00:00Z', 20),"
    "(903, %1$" G_GINT64_FORMAT ", 'new.xlsx', '2026-03-01T10:00:00Z', 1)", f->cluster);

  g_assert_true (klynge_db_exec (f->db, sql, &error));
  g_assert_no_error (error);
}

static void
test_lazy (KlyngeTestDemo *f,
           gconstpointer   data)
{
  g_autoptr(KlyngeBatchStore) store = klynge_batch_store_new (f->db, f->cluster);
  GListModel *list = G_LIST_MODEL (store);
  g_autoptr(GError) error = NULL;

  add_three (f);
  /* Nothing is read before the list is shown, and a refresh does not read it either. */
  g_assert_true (klynge_record_store_refresh (KLYNGE_RECORD_STORE (store), &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_true (klynge_record_store_load (KLYNGE_RECORD_STORE (store), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_true (g_list_model_get_item_type (list) == KLYNGE_TYPE_DATA_ITEM);
  g_assert_cmpstr (klynge_data_item_get_title (klynge_test_item (list, 0)), ==, "new.xlsx");
  g_assert_cmpstr (klynge_data_item_get_title (klynge_test_item (list, 2)), ==, "old.csv");
  g_assert_nonnull (strstr (klynge_data_item_get_subtitle (klynge_test_item (list, 1)), "20 measurements"));
  g_assert_true (klynge_record_store_find (KLYNGE_RECORD_STORE (store), 902) == (gpointer) klynge_test_item (list, 1));
  g_assert_null (klynge_record_store_find (KLYNGE_RECORD_STORE (store), 904));
}

/* A changed file keeps its object and announces its row alone; a file
 * undone leaves, a new one comes in on top; nothing changed announces
 * nothing. */
static void
test_in_place (KlyngeTestDemo *f,
               gconstpointer   data)
{
  g_autoptr(KlyngeBatchStore) store = klynge_batch_store_new (f->db, f->cluster);
  KlyngeRecordStore *records = KLYNGE_RECORD_STORE (store);
  GListModel *list = G_LIST_MODEL (store);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  KlyngeDataItem *middle;

  add_three (f);
  g_assert_true (klynge_record_store_load (records, NULL));
  middle = klynge_test_item (list, 1);
  klynge_test_log_items_changed (list, log);
  klynge_test_log_notify (middle, names);

  g_assert_true (klynge_record_store_refresh (records, NULL));
  klynge_test_assert_log (log, "");

  g_assert_true (klynge_db_exec (f->db, "UPDATE import_batch SET row_count = 21 WHERE id = 902", NULL));
  g_assert_true (klynge_record_store_refresh (records, NULL));
  klynge_test_assert_log (log, "(1,1,1)");
  g_assert_true (klynge_test_item (list, 1) == middle);
  text = klynge_test_take_names (names);
  g_assert_cmpstr (text, ==, "subtitle");

  g_assert_true (klynge_db_exec (f->db, "DELETE FROM import_batch WHERE id = 903", NULL));
  g_assert_true (klynge_record_store_refresh (records, NULL));
  klynge_test_assert_log (log, "(0,1,0)");
  g_assert_true (klynge_test_item (list, 0) == middle);

  g_assert_true (klynge_db_exec (f->db, "INSERT INTO import_batch (id, cluster_id, file_name, imported_at) "
                                        "SELECT 905, cluster_id, 'newer.csv', '2026-04-01T10:00:00Z' FROM import_batch WHERE id = 902", NULL));
  g_assert_true (klynge_record_store_refresh (records, NULL));
  klynge_test_assert_log (log, "(0,0,1)");
  g_assert_true (klynge_test_item (list, 1) == middle);
  g_assert_cmpuint (names->len, ==, 0);
}

/* Files that cannot be read again stay as they were, and the store says why. */
static void
test_error_kept (KlyngeTestDemo *f,
                 gconstpointer   data)
{
  g_autoptr(KlyngeBatchStore) store = klynge_batch_store_new (f->db, f->cluster);
  KlyngeRecordStore *records = KLYNGE_RECORD_STORE (store);
  g_autoptr(GError) error = NULL;

  add_three (f);
  g_assert_true (klynge_record_store_load (records, NULL));
  g_assert_true (klynge_db_exec (f->db, "ALTER TABLE import_batch RENAME TO import_batch_gone", NULL));
  g_assert_false (klynge_record_store_refresh (records, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (klynge_record_store_get_error (records));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  g_assert_true (klynge_db_exec (f->db, "ALTER TABLE import_batch_gone RENAME TO import_batch", NULL));
  g_assert_true (klynge_record_store_refresh (records, NULL));
  g_assert_null (klynge_record_store_get_error (records));
}

/* A list may hold a store after its database was closed (to restore a
 * backup over the file): the store does not keep it open, and stays as
 * it was. */
static void
test_database_closed (KlyngeTestDemo *f,
                      gconstpointer   data)
{
  g_autoptr(KlyngeBatchStore) store = klynge_batch_store_new (f->db, f->cluster);
  KlyngeRecordStore *records = KLYNGE_RECORD_STORE (store);
  KlyngeDb *db = f->db;

  add_three (f);
  g_assert_true (klynge_record_store_load (records, NULL));
  g_object_add_weak_pointer (G_OBJECT (db), (gpointer *) &db);
  g_clear_object (&f->db);
  g_assert_null (db);
  g_assert_null (klynge_record_store_get_db (records));
  g_assert_true (klynge_record_store_refresh (records, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import/batch-store/lazy", KlyngeTestDemo, NULL,
              klynge_test_demo_set_up, test_lazy, klynge_test_demo_tear_down);
  g_test_add ("/import/batch-store/in-place", KlyngeTestDemo, NULL,
              klynge_test_demo_set_up, test_in_place, klynge_test_demo_tear_down);
  g_test_add ("/import/batch-store/error-kept", KlyngeTestDemo, NULL,
              klynge_test_demo_set_up, test_error_kept, klynge_test_demo_tear_down);
  g_test_add ("/import/batch-store/database-closed", KlyngeTestDemo, NULL,
              klynge_test_demo_set_up, test_database_closed, klynge_test_demo_tear_down);

  return g_test_run ();
}
