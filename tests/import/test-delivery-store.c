/* test-delivery-store.c — a meeting's request tracker, updated in place
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-data-item.h"
#include "klynge-delivery-store.h"
#include "klynge-submissions.h"
#include "klynge-test-utils.h"

/* The position of the first clinic with something missing. */
static guint
first_missing (GListModel *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KlyngeDataItem) clinic = g_list_model_get_item (list, i);

      if (!klynge_data_item_get_complete (clinic))
        return i;
    }
  g_assert_not_reached ();
}

/* Data received by hand change their clinic's row alone, in place: it is
 * complete now, says how the data came, and has no reminder any more. */
static void
test_by_hand (KlyngeTestDemo *f,
              gconstpointer   data)
{
  gint64 meeting = klynge_test_count (f->db, "SELECT meeting_id FROM data_request LIMIT 1", 0);
  g_autoptr(KlyngeDeliveryStore) store = klynge_delivery_store_new (f->db, meeting);
  KlyngeRecordStore *records = KLYNGE_RECORD_STORE (store);
  GListModel *list = G_LIST_MODEL (store);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KlyngeDataItem) clinic = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  guint position, n;

  g_assert_true (klynge_record_store_load (records, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (list);
  g_assert_cmpuint (n, ==, klynge_test_count (f->db, "SELECT count(DISTINCT clinic_id) FROM data_request WHERE meeting_id = ?1", meeting));
  position = first_missing (list);
  clinic = g_list_model_get_item (list, position);
  g_assert_true (g_str_has_prefix (klynge_data_item_get_detail (clinic), "mailto:"));
  klynge_test_log_items_changed (list, log);
  klynge_test_log_notify (clinic, names);

  g_assert_true (klynge_submissions_receive_by_hand (f->db, meeting, klynge_data_item_get_id (clinic), "By phone", &error));
  g_assert_no_error (error);
  g_assert_true (klynge_record_store_refresh (records, &error));
  expected = g_strdup_printf ("(%u,1,1)", position);
  g_assert_cmpstr (log->str, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  {
    g_autoptr(KlyngeDataItem) same = g_list_model_get_item (list, position);

    g_assert_true (same == clinic);
  }
  text = klynge_test_take_names (names);
  g_assert_cmpstr (text, ==, "complete detail subtitle");
  g_assert_true (klynge_data_item_get_complete (clinic));
  g_assert_null (klynge_data_item_get_detail (clinic));
  g_assert_nonnull (strstr (klynge_data_item_get_subtitle (clinic), "by hand: By phone"));

  /* Nothing changed announces nothing. */
  g_string_truncate (log, 0);
  g_assert_true (klynge_record_store_refresh (records, NULL));
  g_assert_cmpstr (log->str, ==, "");
}

/* A tracker that cannot be read again keeps its rows and says why. */
static void
test_error_kept (KlyngeTestDemo *f,
                 gconstpointer   data)
{
  gint64 meeting = klynge_test_count (f->db, "SELECT meeting_id FROM data_request LIMIT 1", 0);
  g_autoptr(KlyngeDeliveryStore) store = klynge_delivery_store_new (f->db, meeting);
  KlyngeRecordStore *records = KLYNGE_RECORD_STORE (store);
  guint n;

  g_assert_true (klynge_record_store_load (records, NULL));
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_assert_cmpuint (n, >, 0);
  g_assert_true (klynge_db_exec (f->db, "ALTER TABLE data_request RENAME TO data_request_gone", NULL));
  g_assert_false (klynge_record_store_refresh (records, NULL));
  g_assert_nonnull (klynge_record_store_get_error (records));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import/delivery-store/by-hand", KlyngeTestDemo, NULL,
              klynge_test_demo_set_up, test_by_hand, klynge_test_demo_tear_down);
  g_test_add ("/import/delivery-store/error-kept", KlyngeTestDemo, NULL,
              klynge_test_demo_set_up, test_error_kept, klynge_test_demo_tear_down);

  return g_test_run ();
}
