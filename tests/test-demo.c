/* test-demo.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "klynge-cluster.h"
#include "klynge-demo.h"
#include "klynge-test-utils.h"
#include "klynge-topics.h"

static gint64
count (KlyngeDb   *db,
       const char *sql,
       gint64      cluster_id)
{
  gint64 n = klynge_test_count (db, sql, cluster_id);

  g_assert_cmpint (n, >=, 0);
  return n;
}

static void
test_promised_counts (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  gint64 cluster;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, &cluster);
  g_auto(KlyngeClusterSummary) s = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_cluster_summary_load (db, cluster, &s, &error));
  g_assert_no_error (error);

  g_assert_cmpint (s.n_clinics, ==, KLYNGE_DEMO_N_CLINICS);
  g_assert_cmpint (s.n_gps, ==, KLYNGE_DEMO_N_GPS);
  g_assert_cmpint (s.listed_patients, ==, KLYNGE_DEMO_LISTED_PATIENTS);
  g_assert_cmpint (s.n_meetings_held, ==, KLYNGE_DEMO_N_PAST_MEETINGS);
  g_assert_cmpint (s.n_topics, ==, KLYNGE_DEMO_N_TOPICS);
  g_assert_cmpint (s.n_indicators, ==, KLYNGE_DEMO_N_INDICATORS);
  g_assert_cmpint (s.n_measurements, ==, KLYNGE_DEMO_N_CLINICS * KLYNGE_DEMO_N_INDICATORS * KLYNGE_DEMO_N_PERIODS);
  g_assert_cmpint (s.listed_patients, >=, s.min_listed_patients);

  g_assert_cmpint (count (db, "SELECT count(DISTINCT member_id) FROM member_role JOIN member m ON m.id = member_id "
                              "WHERE m.cluster_id = ?1 AND role = 'coordinator' AND to_date IS NULL", cluster), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT member_id) FROM member_role JOIN member m ON m.id = member_id "
                              "WHERE m.cluster_id = ?1 AND role = 'board'", cluster), ==, KLYNGE_DEMO_N_BOARD);
  g_assert_cmpint (count (db, "SELECT count(*) FROM member_role JOIN member m ON m.id = member_id "
                              "WHERE m.cluster_id = ?1 AND role = 'secretary'", cluster), ==, 1);

  /* Every past meeting has an agenda, invitations and attendance for every member. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM meeting mt WHERE cluster_id = ?1 AND starts_at < '2026-11-22' "
                              "AND EXISTS (SELECT 1 FROM agenda_item WHERE meeting_id = mt.id)", cluster), ==, KLYNGE_DEMO_N_PAST_MEETINGS);
  g_assert_cmpint (count (db, "SELECT count(*) FROM invitation JOIN meeting mt ON mt.id = meeting_id WHERE mt.cluster_id = ?1", cluster),
                   ==, KLYNGE_DEMO_N_PAST_MEETINGS * s.n_members);
  g_assert_cmpint (count (db, "SELECT count(*) FROM attendance JOIN meeting mt ON mt.id = meeting_id WHERE mt.cluster_id = ?1", cluster),
                   ==, KLYNGE_DEMO_N_PAST_MEETINGS * s.n_members);
  g_assert_cmpint (count (db, "SELECT count(*) FROM attendance WHERE status = 'present'", 0), >, count (db, "SELECT count(*) FROM attendance WHERE status != 'present'", 0));

  /* The next meeting is planned, with data requests the tracker can follow:
   * some delivered, some awaited, one late. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM meeting WHERE cluster_id = ?1 AND status = 'planned' "
                              "AND starts_at > '2026-11-22'", cluster), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM data_request r JOIN meeting mt ON mt.id = r.meeting_id "
                              "WHERE mt.cluster_id = ?1 AND mt.status = 'planned'", cluster), ==, KLYNGE_DEMO_N_DATA_REQUESTS);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT clinic_id) FROM data_request", 0), ==, KLYNGE_DEMO_N_CLINICS);
  g_assert_cmpint (count (db, "SELECT count(*) FROM data_request WHERE status = 'received'", 0), ==, KLYNGE_DEMO_N_CLINICS_DELIVERED * 3);
  g_assert_cmpint (count (db, "SELECT count(*) FROM data_request WHERE status = 'late'", 0), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM data_request WHERE status = 'requested'", 0), >, 0);

  /* A year of ledger entries, month by month, in whole øre. */
  g_assert_cmpint (count (db, "SELECT count(DISTINCT substr(entry_date, 1, 7)) FROM ledger_entry WHERE cluster_id = ?1", cluster), >=, 11);
  g_assert_cmpint (s.balance, >, 0);
}

static void
test_deterministic (void)
{
  g_autofree char *dir1 = klynge_test_make_tmpdir ();
  g_autofree char *dir2 = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeDb) a = klynge_test_open_demo (dir1, NULL);
  g_autoptr(KlyngeDb) b = klynge_test_open_demo (dir2, NULL);
  const char *sql = "SELECT total(numerator * 7 + denominator * 13 + clinic_id * period_hash) FROM "
                    "(SELECT numerator, denominator, clinic_id, length(period) * indicator_id AS period_hash FROM measurement)";

  g_assert_cmpint (klynge_test_count (a, sql, 0), ==, klynge_test_count (b, sql, 0));
  g_assert_cmpint (klynge_test_count (a, "SELECT total(amount) FROM ledger_entry", 0), ==,
                   klynge_test_count (b, "SELECT total(amount) FROM ledger_entry", 0));
  g_assert_cmpint (klynge_test_count (a, "SELECT count(*) FROM attendance WHERE status = 'present'", 0), ==,
                   klynge_test_count (b, "SELECT count(*) FROM attendance WHERE status = 'present'", 0));

  g_clear_object (&a);
  g_clear_object (&b);
  klynge_test_remove_tree (dir1);
  klynge_test_remove_tree (dir2);
}

/* The topic library as the app shows it beside the demo: every topic and
 * indicator once, and the demo's data on the shipped packages themselves
 * rather than on copies of them (issue #17). The library is loaded first, as
 * the app and klynge-cli do on opening a database. */
static void
test_topics_from_library (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.sqlite", NULL);
  g_autoptr(KlyngeDb) db = klynge_test_open_db (path);
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cluster;

  g_assert_true (klynge_topics_ensure_library (db, &error));
  g_assert_no_error (error);
  cluster = klynge_demo_create (db, &error);
  g_assert_no_error (error);
  topics = klynge_topics_list (db, cluster, &error);
  g_assert_no_error (error);

  for (guint t = 0; t < topics->len; t++)
    {
      KlyngeTopic *topic = g_ptr_array_index (topics, t);

      g_assert_false (g_hash_table_contains (titles, topic->title));
      g_hash_table_add (titles, topic->title);
      for (guint i = 0; i < topic->indicators->len; i++)
        {
          KlyngeIndicator *indicator = g_ptr_array_index (topic->indicators, i);

          g_assert_false (g_hash_table_contains (names, indicator->name));
          g_hash_table_add (names, indicator->name);
        }
    }

  g_assert_cmpint (count (db, "SELECT count(*) FROM topic WHERE cluster_id = ?1", cluster), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT t.id) FROM meeting mt JOIN topic t ON t.id = mt.topic_id "
                              "WHERE mt.cluster_id = ?1 AND t.package_key IS NOT NULL", cluster), ==, KLYNGE_DEMO_N_TOPICS);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT i.id) FROM measurement m JOIN indicator i ON i.id = m.indicator_id "
                              "WHERE i.package_key IS NOT NULL", 0), ==, KLYNGE_DEMO_N_INDICATORS);
  g_assert_cmpint (count (db, "SELECT count(*) FROM measurement m JOIN indicator i ON i.id = m.indicator_id "
                              "WHERE i.package_key IS NULL", 0), ==, 0);

  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

/* The ages an indicator's texts speak of, each said one way. */
static guint
age_wordings (KlyngeIndicator *indicator)
{
  const char *texts[] = { indicator->name, indicator->numerator_definition, indicator->denominator_definition };
  const char *wordings[] = { "over 65", "65 or more", "65 and over", "65+" };
  guint used = 0;

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint w = 0; w < G_N_ELEMENTS (wordings); w++)
      if (strstr (texts[t], wordings[w]) != NULL)
        used |= 1u << w;
  return used;
}

/* The demo's indicators show where their numbers come from, as the
 * library says, and every library indicator's name says what its
 * definitions say. */
static void
test_indicator_texts (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.sqlite", NULL);
  g_autoptr(KlyngeDb) db = klynge_test_open_db (path);
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;
  guint n_measured = 0;
  gint64 cluster;

  cluster = klynge_demo_create (db, &error);
  g_assert_no_error (error);
  topics = klynge_topics_list (db, cluster, &error);
  g_assert_no_error (error);
  for (guint t = 0; t < topics->len; t++)
    {
      KlyngeTopic *topic = g_ptr_array_index (topics, t);

      for (guint i = 0; i < topic->indicators->len; i++)
        {
          KlyngeIndicator *indicator = g_ptr_array_index (topic->indicators, i);
          guint wordings = age_wordings (indicator);

          g_assert_cmpuint (wordings & (wordings - 1), ==, 0);
          if (count (db, "SELECT count(*) FROM measurement WHERE indicator_id = ?1", indicator->id) == 0)
            continue;
          n_measured++;
          g_assert_cmpstr (indicator->data_source, !=, "");
        }
    }
  g_assert_cmpuint (n_measured, ==, KLYNGE_DEMO_N_INDICATORS);

  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/demo/promised-counts", test_promised_counts);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/topics-from-library", test_topics_from_library);
  g_test_add_func ("/demo/indicator-texts", test_indicator_texts);
  return g_test_run ();
}
