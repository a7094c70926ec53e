/* test-cluster-store.c — the cluster's members and clinics, updated in place
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-clinic.h"
#include "klynge-clinic-store.h"
#include "klynge-demo.h"
#include "klynge-member.h"
#include "klynge-member-store.h"
#include "cluster-fixture.h"

/* The store of @type (members or clinics) of the fixture's cluster, as the
 * context makes it. */
static KlyngeRecordStore *
store_new (Fixture *f,
           GType    type)
{
  return g_object_new (type, "db", f->db, "owner-id", f->cluster, NULL);
}

static void
test_lazy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(KlyngeRecordStore) members = store_new (f, KLYNGE_TYPE_MEMBER_STORE);
  g_autoptr(KlyngeRecordStore) clinics = store_new (f, KLYNGE_TYPE_CLINIC_STORE);
  g_autoptr(GError) error = NULL;

  /* Nothing is read before a list asks, and a refresh does not read it either. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), ==, 0);
  g_assert_true (klynge_record_store_refresh (members, &error));
  g_assert_true (klynge_record_store_refresh (clinics, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), ==, 0);
  g_assert_true (klynge_record_store_load (members, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), ==, KLYNGE_DEMO_N_GPS + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (clinics)), ==, 0);
  g_assert_true (klynge_record_store_load (clinics, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (clinics)), >, 0);
  g_assert_null (klynge_record_store_get_error (members));
  g_assert_null (klynge_record_store_get_error (clinics));
}

/* A saved member changes their own object and announces their row alone;
 * a deleted one leaves, and undo brings them back as one added row. */
static void
test_save_delete_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KlyngeRecordStore) store = store_new (f, KLYNGE_TYPE_MEMBER_STORE);
  GListModel *members = G_LIST_MODEL (store);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeMember) edited = NULL;
  g_autoptr(KlyngeSnapshot) snapshot = NULL;
  g_autofree char *expected = NULL;
  KlyngeMember *listed;
  guint position, n;

  g_assert_true (klynge_record_store_load (store, &error));
  n = g_list_model_get_n_items (members);
  position = 3;
  listed = g_object_ref (klynge_test_item (members, position));
  klynge_test_log_items_changed (members, log);
  klynge_test_log_notify (listed, names);

  /* Nothing changed: nothing announced. */
  g_assert_true (klynge_record_store_refresh (store, &error));
  klynge_test_assert_log (log, "");
  klynge_test_assert_names (names, "");

  edited = klynge_member_load (f->db, f->cluster, listed->id, &error);
  g_assert_no_error (error);
  g_free (edited->phone);
  edited->phone = g_strdup ("+45 11 22 33 44");
  g_assert_true (klynge_member_save (f->db, f->cluster, edited, &error));
  g_assert_true (klynge_record_store_refresh (store, &error));
  g_assert_cmpstr (listed->phone, ==, "+45 11 22 33 44");
  klynge_test_assert_names (names, "phone");
  expected = g_strdup_printf ("(%u,1,1)", position);
  klynge_test_assert_log (log, expected);
  g_assert_true (klynge_test_item (members, position) == listed);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n);

  /* Leaving changes what the status and the dates say. */
  g_assert_true (klynge_member_leave (f->db, f->cluster, listed->id, "2026-03-01", &error));
  g_assert_true (klynge_record_store_refresh (store, &error));
  klynge_test_assert_names (names, "former left-on status-label");
  klynge_test_assert_log (log, expected);

  snapshot = klynge_member_delete (f->db, f->cluster, listed->id, &error);
  g_assert_nonnull (snapshot);
  g_assert_true (klynge_record_store_refresh (store, &error));
  g_assert_null (klynge_record_store_find (store, listed->id));
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n - 1);
  g_free (expected);
  expected = g_strdup_printf ("(%u,1,0)", position);
  klynge_test_assert_log (log, expected);

  g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
  g_assert_no_error (error);
  g_assert_true (klynge_record_store_refresh (store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n);
  g_assert_nonnull (klynge_record_store_find (store, listed->id));
  g_free (expected);
  expected = g_strdup_printf ("(%u,0,1)", position);
  klynge_test_assert_log (log, expected);

  g_signal_handlers_disconnect_by_data (members, log);
  g_signal_handlers_disconnect_by_data (listed, names);
  g_object_unref (listed);
}

/* Renaming a clinic changes its members' rows too, and only the name. */
static void
test_clinic_rename (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KlyngeRecordStore) members = store_new (f, KLYNGE_TYPE_MEMBER_STORE);
  g_autoptr(KlyngeRecordStore) clinics = store_new (f, KLYNGE_TYPE_CLINIC_STORE);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeClinic) edited = NULL;
  KlyngeClinic *listed;
  KlyngeMember *member;

  g_assert_true (klynge_record_store_load (members, &error));
  g_assert_true (klynge_record_store_load (clinics, &error));
  member = klynge_test_item (G_LIST_MODEL (members), 0);
  listed = klynge_record_store_find (clinics, member->clinic_id);
  g_assert_nonnull (listed);
  klynge_test_log_notify (listed, names);

  edited = klynge_clinic_load (f->db, f->cluster, listed->id, &error);
  g_free (edited->name);
  edited->name = g_strdup ("Lægehuset Nyt Navn");
  g_assert_true (klynge_clinic_save (f->db, f->cluster, edited, &error));
  g_assert_no_error (error);
  g_assert_true (klynge_record_store_refresh (members, &error));
  g_assert_true (klynge_record_store_refresh (clinics, &error));
  g_assert_cmpstr (listed->name, ==, "Lægehuset Nyt Navn");
  g_assert_cmpstr (member->clinic_name, ==, "Lægehuset Nyt Navn");
  klynge_test_assert_names (names, "name");
  g_signal_handlers_disconnect_by_data (listed, names);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/clusters/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("lazy", test_lazy);
  ADD ("save-delete-undo", test_save_delete_undo);
  ADD ("clinic-rename", test_clinic_rename);
#undef ADD

  return g_test_run ();
}
