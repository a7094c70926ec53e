/* test-cluster-store.c — the cluster's records, updated in place
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-clinic.h"
#include "klynge-cluster-store.h"
#include "klynge-demo.h"
#include "klynge-member.h"
#include "cluster-fixture.h"

/* What a list model announced, in order: position, removed, added. */
typedef struct
{
  GArray *changes;
} Recorder;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (recorder->changes, change, 3);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static gboolean
names_have (GPtrArray  *names,
            const char *name)
{
  return g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL);
}

static guint
position_of (GListModel *list,
             gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if ((KLYNGE_IS_MEMBER (item) ? KLYNGE_MEMBER (item)->id : KLYNGE_CLINIC (item)->id) == id)
        return i;
    }
  return G_MAXUINT;
}

static void
test_lazy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(KlyngeClusterStore) store = klynge_cluster_store_new (f->db, f->cluster);
  g_autoptr(GError) error = NULL;

  /* Nothing is read before a list asks, and a refresh does not read it either. */
  g_assert_cmpuint (g_list_model_get_n_items (klynge_cluster_store_get_members (store)), ==, 0);
  g_assert_true (klynge_cluster_store_refresh (store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (klynge_cluster_store_get_members (store)), ==, 0);
  g_assert_true (klynge_cluster_store_load_members (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (klynge_cluster_store_get_members (store)), ==, KLYNGE_DEMO_N_GPS + 1);
  g_assert_cmpuint (g_list_model_get_n_items (klynge_cluster_store_get_clinics (store)), ==, 0);
  g_assert_true (klynge_cluster_store_load_clinics (store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (klynge_cluster_store_get_clinics (store)), >, 0);
  g_assert_null (klynge_cluster_store_get_error (store));
}

/* A saved member changes their own object and announces their row alone;
 * a deleted one leaves, and undo brings them back as one added row. */
static void
test_save_delete_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KlyngeClusterStore) store = klynge_cluster_store_new (f->db, f->cluster);
  GListModel *members = klynge_cluster_store_get_members (store);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  Recorder recorder = { g_array_new (FALSE, FALSE, sizeof (guint)) };
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeMember) listed = NULL;
  g_autoptr(KlyngeMember) edited = NULL;
  g_autoptr(KlyngeSnapshot) snapshot = NULL;
  guint position, n;

  g_assert_true (klynge_cluster_store_load_members (store, &error));
  n = g_list_model_get_n_items (members);
  position = 3;
  listed = g_list_model_get_item (members, position);
  g_signal_connect (members, "items-changed", G_CALLBACK (items_changed_cb), &recorder);
  g_signal_connect (listed, "notify", G_CALLBACK (notify_cb), names);

  /* Nothing changed: nothing announced. */
  g_assert_true (klynge_cluster_store_refresh (store, &error));
  g_assert_cmpuint (recorder.changes->len, ==, 0);
  g_assert_cmpuint (names->len, ==, 0);

  edited = klynge_member_load (f->db, f->cluster, listed->id, &error);
  g_assert_no_error (error);
  g_free (edited->phone);
  edited->phone = g_strdup ("+45 11 22 33 44");
  g_assert_true (klynge_member_save (f->db, f->cluster, edited, &error));
  g_assert_true (klynge_cluster_store_refresh (store, &error));
  g_assert_cmpstr (listed->phone, ==, "+45 11 22 33 44");
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_true (names_have (names, "phone"));
  g_assert_cmpuint (recorder.changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (recorder.changes, guint, 0), ==, position);
  g_assert_cmpuint (g_array_index (recorder.changes, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (recorder.changes, guint, 2), ==, 1);
  g_assert_cmpuint (position_of (members, listed->id), ==, position);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n);

  /* Leaving changes what the status and the dates say. */
  g_ptr_array_set_size (names, 0);
  g_assert_true (klynge_member_leave (f->db, f->cluster, listed->id, "2026-03-01", &error));
  g_assert_true (klynge_cluster_store_refresh (store, &error));
  g_assert_true (names_have (names, "former"));
  g_assert_true (names_have (names, "status-label"));
  g_assert_false (names_have (names, "name"));

  g_array_set_size (recorder.changes, 0);
  snapshot = klynge_member_delete (f->db, f->cluster, listed->id, &error);
  g_assert_nonnull (snapshot);
  g_assert_true (klynge_cluster_store_refresh (store, &error));
  g_assert_cmpuint (position_of (members, listed->id), ==, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n - 1);
  g_assert_cmpuint (recorder.changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (recorder.changes, guint, 0), ==, position);
  g_assert_cmpuint (g_array_index (recorder.changes, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (recorder.changes, guint, 2), ==, 0);

  g_array_set_size (recorder.changes, 0);
  g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
  g_assert_no_error (error);
  g_assert_true (klynge_cluster_store_refresh (store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, n);
  g_assert_cmpuint (position_of (members, listed->id), !=, G_MAXUINT);
  g_assert_cmpuint (recorder.changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (recorder.changes, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (recorder.changes, guint, 2), ==, 1);

  g_signal_handlers_disconnect_by_data (members, &recorder);
  g_signal_handlers_disconnect_by_data (listed, names);
  g_array_unref (recorder.changes);
}

/* Renaming a clinic changes its members' rows too, and only the name. */
static void
test_clinic_rename (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KlyngeClusterStore) store = klynge_cluster_store_new (f->db, f->cluster);
  GListModel *clinics = klynge_cluster_store_get_clinics (store);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeClinic) listed = NULL;
  g_autoptr(KlyngeClinic) edited = NULL;
  g_autoptr(KlyngeMember) member = NULL;
  GListModel *members = klynge_cluster_store_get_members (store);

  g_assert_true (klynge_cluster_store_load_members (store, &error));
  g_assert_true (klynge_cluster_store_load_clinics (store, &error));
  member = g_list_model_get_item (members, 0);
  listed = g_list_model_get_item (clinics, position_of (clinics, member->clinic_id));
  g_signal_connect (listed, "notify", G_CALLBACK (notify_cb), names);

  edited = klynge_clinic_load (f->db, f->cluster, listed->id, &error);
  g_free (edited->name);
  edited->name = g_strdup ("Lægehuset Nyt Navn");
  g_assert_true (klynge_clinic_save (f->db, f->cluster, edited, &error));
  g_assert_no_error (error);
  g_assert_true (klynge_cluster_store_refresh (store, &error));
  g_assert_cmpstr (listed->name, ==, "Lægehuset Nyt Navn");
  g_assert_cmpstr (member->clinic_name, ==, "Lægehuset Nyt Navn");
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_true (names_have (names, "name"));
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
