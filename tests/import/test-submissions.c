/* test-submissions.c — the tracker of a meeting's data requests
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "klynge-submissions.h"
#include "klynge-test-utils.h"

static void
test_tracker_and_reminder (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  gint64 cluster;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, &cluster);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  gint64 meeting = klynge_test_count (db, "SELECT min(id) FROM meeting", 0);
  gint64 clinic = klynge_test_count (db, "SELECT id FROM clinic WHERE provider_number = '012345'", 0);
  KlyngeSubmission *first;

  /* Two requests to one clinic, one already delivered; a batch answers a third. */
  g_assert_true (klynge_db_exec (db,
    "INSERT INTO data_request (meeting_id, clinic_id, indicator_id, period, status) "
    "SELECT (SELECT min(id) FROM meeting), c.id, i.id, '2026-Q2', "
    "  CASE i.name WHEN 'HbA1c measured in last 12 months' THEN 'received' ELSE 'requested' END "
    "FROM clinic c, indicator i WHERE c.provider_number = '012345' AND i.topic_id = (SELECT topic_id FROM indicator WHERE name = 'HbA1c measured in last 12 months')", &error));
  g_assert_no_error (error);

  list = klynge_submissions_list (db, meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  first = g_ptr_array_index (list, 0);
  g_assert_cmpstr (first->clinic_name, ==, "Lægehuset Østergade");
  g_assert_cmpstr (first->clinic_email, ==, "klinik012345@praksis.example.dk");

  uri = klynge_submissions_reminder_uri (db, meeting, clinic, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (uri, "mailto:klinik012345@praksis.example.dk?subject="));
  g_assert_nonnull (strstr (uri, "Foot%20examination"));
  g_assert_null (strstr (uri, "HbA1c"));

  /* A batch of the right clinic, indicator and period marks its request. */
  g_assert_true (klynge_db_exec (db,
    "INSERT INTO import_batch (id, cluster_id, file_name) VALUES (7, 1, 'x.csv');"
    "INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator, batch_id) "
    "SELECT i.id, c.id, '2026-Q2', 1, 2, 7 FROM clinic c, indicator i "
    "WHERE c.provider_number = '012345' AND i.name = 'Foot examination in last 12 months'", &error));
  g_assert_true (klynge_submissions_mark_delivered (db, 7, &error));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM data_request WHERE status = 'received' AND meeting_id = ?1", meeting), ==, 2);

  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/submissions/tracker-and-reminder", test_tracker_and_reminder);
  return g_test_run ();
}
