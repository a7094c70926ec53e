/* test-clinic.c — clinics: create, update, every validation rule, delete and undo
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "klynge-clinic.h"
#include "klynge-demo.h"
#include "cluster-fixture.h"

static gint64
count (Fixture    *f,
       const char *sql)
{
  return klynge_test_count (f->db, sql, f->cluster);
}

static gint64
members_of (Fixture *f,
            gint64   clinic)
{
  g_autoptr(GError) error = NULL;
  gint64 n;

  klynge_clinic_count_members (f->db, clinic, &n, &error);
  g_assert_no_error (error);
  return n;
}

static gint64
clinic_id_by_number (Fixture    *f,
                     const char *number)
{
  g_autoptr(GListModel) clinics = klynge_clinic_list (f->db, f->cluster, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (clinics); i++)
    {
      g_autoptr(KlyngeClinic) clinic = g_list_model_get_item (clinics, i);

      if (g_str_equal (clinic->provider_number, number))
        return clinic->id;
    }
  g_assert_not_reached ();
}

static KlyngeClinic *
new_clinic (const char *name,
            const char *number)
{
  KlyngeClinic *clinic = klynge_clinic_new ();

  g_free (clinic->name);
  clinic->name = g_strdup (name);
  g_free (clinic->provider_number);
  clinic->provider_number = g_strdup (number);
  return clinic;
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) clinics = klynge_clinic_list (f->db, f->cluster, &error);
  g_autoptr(KlyngeClinic) first = NULL;
  g_autoptr(KlyngeClinic) last = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (clinics), ==, KLYNGE_DEMO_N_CLINICS);
  first = g_list_model_get_item (clinics, 0);
  last = g_list_model_get_item (clinics, KLYNGE_DEMO_N_CLINICS - 1);
  g_assert_cmpstr (first->name, ==, "Lægecenter Nørrebro");
  g_assert_cmpint (first->n_members, ==, 4);
  g_assert_cmpint (first->listed_patients, ==, 7200);
  g_assert_cmpstr (first->record_system, ==, "XMO");
  g_assert_cmpstr (last->name, ==, "Ærø Lægepraksis");

  g_assert_true (klynge_clinic_matches (first, "nørre"));
  g_assert_true (klynge_clinic_matches (first, "045678"));
  g_assert_false (klynge_clinic_matches (first, "fjord"));
}

static void
test_create_update (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KlyngeClinic) clinic = new_clinic ("  Lægehuset Vest ", "099999");
  g_autoptr(KlyngeClinic) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_free (clinic->email);
  clinic->email = g_strdup ("post@vest.dk");
  clinic->listed_patients = 4100;
  g_free (clinic->record_system);
  clinic->record_system = g_strdup ("Novax");
  clinic->joined_on = g_strdup ("2024-01-01");
  g_assert_true (klynge_clinic_save (f->db, f->cluster, clinic, &error));
  g_assert_no_error (error);
  g_assert_cmpint (clinic->id, >, 0);

  loaded = klynge_clinic_load (f->db, f->cluster, clinic->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Lægehuset Vest");
  g_assert_cmpstr (loaded->provider_number, ==, "099999");
  g_assert_cmpint (loaded->listed_patients, ==, 4100);
  g_assert_cmpstr (loaded->joined_on, ==, "2024-01-01");
  g_assert_null (loaded->left_on);

  /* Saving again keeps its own number: that is no duplicate. */
  loaded->listed_patients = 4200;
  g_assert_true (klynge_clinic_save (f->db, f->cluster, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT listed_patients FROM clinic WHERE id = ?1", clinic->id), ==, 4200);

  /* Two clinics without a number are fine. */
  {
    g_autoptr(KlyngeClinic) a = new_clinic ("A", "");
    g_autoptr(KlyngeClinic) b = new_clinic ("B", "  ");

    g_assert_true (klynge_clinic_save (f->db, f->cluster, a, NULL));
    g_assert_true (klynge_clinic_save (f->db, f->cluster, b, NULL));
  }

  {
    g_auto(GStrv) systems = klynge_clinic_record_systems (f->db, f->cluster);

    g_assert_true (g_strv_contains ((const char * const *) systems, "XMO"));
    g_assert_true (g_strv_contains ((const char * const *) systems, "MultiMed Web"));
  }
}

/* Each rule refuses the save with its own message; nothing reaches the database. */
static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  enum { EMPTY_NAME, DUPLICATE, EMAIL, NEGATIVE, LEFT_BEFORE_JOINED, BAD_DATE, N_CASES };
  const char *expected[N_CASES] = {
    "needs a name", "already used by Lægehuset Østergade", "not an e-mail address",
    "cannot be negative", "before the start", "not a date",
  };
  gint64 before = count (f, "SELECT count(*) FROM clinic WHERE cluster_id = ?1");

  for (int c = 0; c < N_CASES; c++)
    {
      g_autoptr(KlyngeClinic) clinic = new_clinic ("Ny klinik", "077777");
      g_autoptr(GError) error = NULL;

      switch (c)
        {
        case EMPTY_NAME: g_free (clinic->name); clinic->name = g_strdup ("   "); break;
        case DUPLICATE: g_free (clinic->provider_number); clinic->provider_number = g_strdup (" 012345 "); break;
        case EMAIL: g_free (clinic->email); clinic->email = g_strdup ("post@klinik"); break;
        case NEGATIVE: clinic->listed_patients = -5; break;
        case LEFT_BEFORE_JOINED:
          clinic->joined_on = g_strdup ("2024-05-01");
          clinic->left_on = g_strdup ("2024-04-30");
          break;
        case BAD_DATE: clinic->joined_on = g_strdup ("1/5/2024"); break;
        default: g_assert_not_reached ();
        }
      g_assert_false (klynge_clinic_save (f->db, f->cluster, clinic, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, expected[c]));
      g_assert_cmpint (clinic->id, ==, 0);
      g_assert_cmpint (count (f, "SELECT count(*) FROM clinic WHERE cluster_id = ?1"), ==, before);
    }

  /* The duplicate rule is also there on its own, for the editor. */
  g_assert_false (klynge_clinic_check_provider_number (f->db, f->cluster, 0, "023456", NULL));
  g_assert_true (klynge_clinic_check_provider_number (f->db, f->cluster,
                                                      clinic_id_by_number (f, "023456"), "023456", NULL));
}

static void
test_delete_empty_and_undo (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KlyngeClinic) clinic = new_clinic ("Tom klinik", "055555");
  g_autoptr(KlyngeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_clinic_save (f->db, f->cluster, clinic, NULL));
  snapshot = klynge_clinic_delete (f->db, f->cluster, clinic->id, KLYNGE_CLINIC_MEMBERS_NONE, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM clinic WHERE id = ?1", clinic->id), ==, 0);

  g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM clinic WHERE id = ?1 AND provider_number = '055555'",
                                      clinic->id), ==, 1);
}

static void
test_delete_refuses_orphans (Fixture       *f,
                             gconstpointer  data)
{
  gint64 clinic = clinic_id_by_number (f, "012345");
  g_autoptr(GError) error = NULL;

  g_assert_null (klynge_clinic_delete (f->db, f->cluster, clinic, KLYNGE_CLINIC_MEMBERS_NONE, 0, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "4 members"));
  g_clear_error (&error);
  /* Moving them into the clinic itself is no move. */
  g_assert_null (klynge_clinic_delete (f->db, f->cluster, clinic, KLYNGE_CLINIC_MEMBERS_MOVE, clinic, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM clinic WHERE id = ?1", clinic), ==, 1);
  g_assert_cmpint (members_of (f, clinic), ==, 4);
}

static void
test_delete_move_and_undo (Fixture       *f,
                           gconstpointer  data)
{
  gint64 clinic = clinic_id_by_number (f, "012345");
  gint64 other = clinic_id_by_number (f, "023456");
  gint64 measurements = klynge_test_count (f->db, "SELECT count(*) FROM measurement WHERE clinic_id = ?1", clinic);
  g_autoptr(KlyngeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (measurements, >, 0);
  snapshot = klynge_clinic_delete (f->db, f->cluster, clinic, KLYNGE_CLINIC_MEMBERS_MOVE, other, &error);
  g_assert_no_error (error);
  g_assert_cmpint (members_of (f, other), ==, 3 + 4);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM measurement WHERE clinic_id = ?1", clinic), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member WHERE cluster_id = ?1"), ==, KLYNGE_DEMO_N_GPS + 1);

  g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (members_of (f, clinic), ==, 4);
  g_assert_cmpint (members_of (f, other), ==, 3);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM measurement WHERE clinic_id = ?1", clinic), ==, measurements);
}

static void
test_delete_remove_and_undo (Fixture       *f,
                             gconstpointer  data)
{
  gint64 clinic = clinic_id_by_number (f, "012345");
  gint64 attendance = count (f, "SELECT count(*) FROM attendance");
  gint64 roles = count (f, "SELECT count(*) FROM member_role");
  g_autoptr(KlyngeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  snapshot = klynge_clinic_delete (f->db, f->cluster, clinic, KLYNGE_CLINIC_MEMBERS_REMOVE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member WHERE cluster_id = ?1"), ==, KLYNGE_DEMO_N_GPS + 1 - 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance"), <, attendance);
  g_assert_cmpint (count (f, "SELECT count(*) FROM meeting WHERE facilitator_id IS NULL"), >, 0);

  g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member WHERE cluster_id = ?1"), ==, KLYNGE_DEMO_N_GPS + 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance"), ==, attendance);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member_role"), ==, roles);
  /* The coordinator facilitates every demo meeting, and does so again. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM meeting WHERE facilitator_id IS NULL"), ==, 0);
  g_assert_cmpint (members_of (f, clinic), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/clusters/clinic/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("list", test_list);
  ADD ("create-update", test_create_update);
  ADD ("validation", test_validation);
  ADD ("delete-empty-and-undo", test_delete_empty_and_undo);
  ADD ("delete-refuses-orphans", test_delete_refuses_orphans);
  ADD ("delete-move-and-undo", test_delete_move_and_undo);
  ADD ("delete-remove-and-undo", test_delete_remove_and_undo);
#undef ADD

  return g_test_run ();
}
