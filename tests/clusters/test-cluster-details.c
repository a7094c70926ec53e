/* test-cluster-details.c — the cluster record, the board and the grant estimate
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "klynge-clinic.h"
#include "klynge-cluster.h"
#include "klynge-cluster-details.h"
#include "klynge-demo.h"
#include "klynge-ledger.h"
#include "klynge-member.h"
#include "klynge-snapshot.h"
#include "cluster-fixture.h"

static void
test_load_save (Fixture       *f,
                gconstpointer  data)
{
  g_auto(KlyngeClusterDetails) details = { 0 };
  g_auto(KlyngeClusterDetails) again = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_cluster_details_load (f->db, f->cluster, &details, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (details.region, ==, "Region Midtjylland");
  g_assert_cmpstr (details.registration_number, ==, "41234567");
  g_assert_cmpint (details.min_listed_patients, ==, 30000);
  g_assert_cmpint (details.grant_per_patient, ==, 426);

  g_free (details.name);
  details.name = g_strdup ("  Klynge Aarhus Vest  ");
  g_free (details.municipalities);
  details.municipalities = g_strdup ("Aarhus, Skanderborg");
  g_free (details.bank_account);
  details.bank_account = g_strdup ("1234 5678901234");
  g_free (details.founded_on);
  details.founded_on = g_strdup ("2019-02-01");
  details.attendance_threshold = 0.6;
  details.min_listed_patients = 25000;
  details.start_grant_per_gp = 500000;
  details.grant_per_patient = 300;
  g_assert_true (klynge_cluster_details_save (f->db, &details, &error));
  g_assert_no_error (error);

  g_assert_true (klynge_cluster_details_load (f->db, f->cluster, &again, NULL));
  g_assert_cmpstr (again.name, ==, "Klynge Aarhus Vest");
  g_assert_cmpstr (again.municipalities, ==, "Aarhus, Skanderborg");
  g_assert_cmpstr (again.bank_account, ==, "1234 5678901234");
  g_assert_cmpstr (again.founded_on, ==, "2019-02-01");
  g_assert_cmpfloat_with_epsilon (again.attendance_threshold, 0.6, 1e-9);
  g_assert_cmpint (again.min_listed_patients, ==, 25000);
  g_assert_cmpint (again.start_grant_per_gp, ==, 500000);
  g_assert_cmpint (again.grant_per_patient, ==, 300);
  g_assert_cmpstr (again.currency, ==, "DKK");
}

/* Each rule: the save fails with a message and the stored row stays as it was. */
static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  enum { EMPTY_NAME, BAD_DATE, THRESHOLD, MINIMUM, RATE, N_CASES };
  const char *expected[N_CASES] = { "needs a name", "not a date", "threshold", "cannot be negative", "cannot be negative" };

  for (int c = 0; c < N_CASES; c++)
    {
      g_auto(KlyngeClusterDetails) details = { 0 };
      g_auto(KlyngeClusterDetails) stored = { 0 };
      g_autoptr(GError) error = NULL;

      g_assert_true (klynge_cluster_details_load (f->db, f->cluster, &details, NULL));
      g_free (details.region);
      details.region = g_strdup ("Changed");
      switch (c)
        {
        case EMPTY_NAME: g_free (details.name); details.name = g_strdup (" "); break;
        case BAD_DATE: g_free (details.founded_on); details.founded_on = g_strdup ("2019-13-01"); break;
        case THRESHOLD: details.attendance_threshold = 1.5; break;
        case MINIMUM: details.min_listed_patients = -1; break;
        case RATE: details.grant_per_patient = -426; break;
        default: g_assert_not_reached ();
        }
      g_assert_false (klynge_cluster_details_save (f->db, &details, &error));
      g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, expected[c]));
      g_assert_true (klynge_cluster_details_load (f->db, f->cluster, &stored, NULL));
      g_assert_cmpstr (stored.region, ==, "Region Midtjylland");
    }
}

static void
test_create_and_list (Fixture       *f,
                      gconstpointer  data)
{
  KlyngeClusterDetails details = { 0 };
  g_autoptr(GPtrArray) clusters = NULL;
  g_autoptr(GError) error = NULL;

  details.name = "Almen Klynge Nord";
  details.region = "Region Nordjylland";
  details.attendance_threshold = 0.75;
  details.min_listed_patients = 30000;
  g_assert_true (klynge_cluster_details_save (f->db, &details, &error));
  g_assert_no_error (error);
  g_assert_cmpint (details.id, >, f->cluster);
  /* A new cluster gets the default ledger categories like any other. */
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM ledger_category WHERE cluster_id = ?1", details.id), ==, 12);

  clusters = klynge_cluster_list_all (f->db, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clusters->len, ==, 2);
  g_assert_cmpstr (((KlyngeClusterBrief *) clusters->pdata[1])->name, ==, "Almen Klynge Nord");
}

/* An archived cluster leaves the list unless asked for, and comes back. */
static void
test_archive (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) in_use = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (klynge_cluster_is_archived (f->db, f->cluster));
  g_assert_true (klynge_cluster_set_archived (f->db, f->cluster, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (klynge_cluster_is_archived (f->db, f->cluster));

  in_use = klynge_cluster_list_all (f->db, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (in_use->len, ==, 0);
  all = klynge_cluster_list_all (f->db, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_true (((KlyngeClusterBrief *) all->pdata[0])->archived);

  g_assert_true (klynge_cluster_set_archived (f->db, f->cluster, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (klynge_cluster_is_archived (f->db, f->cluster));

  g_assert_false (klynge_cluster_set_archived (f->db, f->cluster + 1, TRUE, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
}

static void
assert_refused_as_archived (const GError *error)
{
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "archived"));
  g_assert_nonnull (strstr (error->message, "clusters unarchive"));
}

/* Every table a cluster owns, directly or through its meetings, members,
 * clinics, topics or imports. */
static const char *cluster_tables[] = {
  "clinic", "member", "member_role", "topic", "indicator", "topic_proposal", "meeting",
  "meeting_speaker", "agenda_item", "invitation", "attendance", "guest", "data_request",
  "import_batch", "import_replaced", "import_left_out", "import_mapping", "clinic_alias",
  "measurement", "ledger_category", "ledger_entry", "budget_line", "locked_year", "clinic_letter",
};

/* An archived cluster takes no change through any writer, each refusing
 * with the same message, until it is unarchived; deleting it still works. */
static void
test_archived_refuses_changes (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(KlyngeMember) member = klynge_member_new ();
  g_autoptr(KlyngeClinic) clinic = klynge_clinic_new ();
  g_auto(KlyngeClusterDetails) details = { 0 };
  g_autoptr(KlyngeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gint64 members = klynge_test_count (f->db, "SELECT count(*) FROM member WHERE cluster_id = ?1", f->cluster);
  gint64 any_member = klynge_test_count (f->db, "SELECT min(id) FROM member WHERE cluster_id = ?1", f->cluster);
  gint64 any_entry = klynge_test_count (f->db, "SELECT min(id) FROM ledger_entry WHERE cluster_id = ?1", f->cluster);
  gint64 archived_at;

  g_assert_true (klynge_cluster_details_load (f->db, f->cluster, &details, &error));
  g_assert_true (klynge_cluster_set_archived (f->db, f->cluster, TRUE, &error));
  g_assert_no_error (error);
  /* Archiving again changes nothing and is no error. */
  g_assert_true (klynge_cluster_set_archived (f->db, f->cluster, TRUE, &error));
  g_assert_no_error (error);

  g_free (member->name);
  member->name = g_strdup ("Nina Nyborg");
  g_assert_false (klynge_member_save (f->db, f->cluster, member, &error));
  assert_refused_as_archived (error);
  g_clear_error (&error);
  g_assert_null (klynge_member_delete (f->db, f->cluster, any_member, &error));
  assert_refused_as_archived (error);
  g_clear_error (&error);
  g_free (clinic->name);
  clinic->name = g_strdup ("Lægehuset Nord");
  g_assert_false (klynge_clinic_save (f->db, f->cluster, clinic, &error));
  assert_refused_as_archived (error);
  g_clear_error (&error);
  g_assert_null (klynge_ledger_delete_entry (f->db, f->cluster, any_entry, &error));
  assert_refused_as_archived (error);
  g_clear_error (&error);
  g_free (details.name);
  details.name = g_strdup ("Renamed");
  g_assert_false (klynge_cluster_details_save (f->db, &details, &error));
  assert_refused_as_archived (error);
  g_clear_error (&error);
  /* Whatever writes, even SQL of its own: all the cluster's rows stay. */
  for (guint i = 0; i < G_N_ELEMENTS (cluster_tables); i++)
    {
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM %s", cluster_tables[i]);
      g_autofree char *delete = g_strdup_printf ("DELETE FROM %s", cluster_tables[i]);
      gint64 before = klynge_test_count (f->db, count, 0);

      if (before == 0 || g_str_equal (cluster_tables[i], "topic") || g_str_equal (cluster_tables[i], "indicator"))
        continue;
      g_assert_false (klynge_db_exec (f->db, delete, &error));
      assert_refused_as_archived (error);
      g_clear_error (&error);
      g_assert_cmpint (klynge_test_count (f->db, count, 0), ==, before);
    }
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM member WHERE cluster_id = ?1", f->cluster), ==, members);

  /* Deleting it unarchives it first; Undo brings it back as it was,
   * archived since the same moment, and Redo deletes it again. */
  archived_at = klynge_test_count (f->db, "SELECT unixepoch (archived_at) FROM cluster WHERE id = ?1", f->cluster);
  g_assert_cmpint (archived_at, >, 0);
  for (int round = 0; round < 2; round++)
    {
      g_assert_true (round == 0 ? (snapshot = klynge_cluster_delete (f->db, f->cluster, NULL, &error)) != NULL
                                : klynge_snapshot_redo (snapshot, f->db, &error));
      g_assert_no_error (error);
      g_assert_false (klynge_cluster_exists (f->db, f->cluster));
      g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM member WHERE cluster_id = ?1", f->cluster), ==, 0);
      g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
      g_assert_no_error (error);
      g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM member WHERE cluster_id = ?1", f->cluster), ==, members);
      g_assert_true (klynge_cluster_is_archived (f->db, f->cluster));
      g_assert_cmpint (klynge_test_count (f->db, "SELECT unixepoch (archived_at) FROM cluster WHERE id = ?1", f->cluster),
                       ==, archived_at);
      g_assert_false (klynge_member_save (f->db, f->cluster, member, &error));
      assert_refused_as_archived (error);
      g_clear_error (&error);
    }

  /* A cluster in use comes back in use. */
  g_assert_true (klynge_cluster_set_archived (f->db, f->cluster, FALSE, &error));
  g_clear_pointer (&snapshot, klynge_snapshot_free);
  snapshot = klynge_cluster_delete (f->db, f->cluster, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
  g_assert_no_error (error);
  g_assert_false (klynge_cluster_is_archived (f->db, f->cluster));
  g_assert_true (klynge_member_save (f->db, f->cluster, member, &error));
  g_assert_no_error (error);
}

static void
test_grant_and_board (Fixture       *f,
                      gconstpointer  data)
{
  KlyngeGrantEstimate estimate;
  g_autoptr(GPtrArray) board = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeBoardSeat *first;

  g_assert_true (klynge_cluster_estimate_grant (f->db, f->cluster, &estimate, &error));
  g_assert_cmpint (estimate.n_gps, ==, KLYNGE_DEMO_N_GPS);
  g_assert_cmpint (estimate.listed_patients, ==, KLYNGE_DEMO_LISTED_PATIENTS);
  g_assert_cmpint (estimate.start_grant, ==, KLYNGE_DEMO_N_GPS * 1000000);
  g_assert_cmpint (estimate.yearly_grant, ==, KLYNGE_DEMO_LISTED_PATIENTS * 426);

  board = klynge_cluster_list_board (f->db, f->cluster, &error);
  g_assert_no_error (error);
  /* Coordinator, secretary, five board members, of whom a chair and a treasurer. */
  g_assert_cmpuint (board->len, ==, 9);
  first = board->pdata[0];
  g_assert_cmpstr (first->role, ==, "chair");

  g_assert_false (klynge_cluster_estimate_grant (f->db, 999, &estimate, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/clusters/details/load-save", Fixture, NULL, fixture_set_up, test_load_save, fixture_tear_down);
  g_test_add ("/clusters/details/validation", Fixture, NULL, fixture_set_up, test_validation, fixture_tear_down);
  g_test_add ("/clusters/details/create-and-list", Fixture, NULL, fixture_set_up, test_create_and_list, fixture_tear_down);
  g_test_add ("/clusters/details/archive", Fixture, NULL, fixture_set_up, test_archive, fixture_tear_down);
  g_test_add ("/clusters/details/archived-refuses-changes", Fixture, NULL, fixture_set_up, test_archived_refuses_changes, fixture_tear_down);
  g_test_add ("/clusters/details/grant-and-board", Fixture, NULL, fixture_set_up, test_grant_and_board, fixture_tear_down);

  return g_test_run ();
}
