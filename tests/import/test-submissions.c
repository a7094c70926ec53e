/* test-submissions.c — the tracker of a meeting's data requests
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <fcntl.h>
#include <glib/gstdio.h>
#include <gmime/gmime.h>
#include <locale.h>
#include <string.h>

#include "klynge-demo.h"
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

/* Data that came on paper: received by hand with a note, which a later
 * check against the measurements keeps; without a note nothing changes.
 * A request past its due date is late. */
static void
test_by_hand_and_late (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  gint64 cluster;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, &cluster);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 meeting = klynge_test_count (db, "SELECT meeting_id FROM data_request LIMIT 1", 0);
  gint64 clinic = klynge_test_count (db, "SELECT id FROM clinic WHERE provider_number = '090123'", 0);
  gint64 request;

  /* The demo's tracker: nothing counts as delivered without numbers or a note behind it. */
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM data_request r WHERE r.status = 'received' AND r.received_note IS NULL "
                                        "AND NOT EXISTS (SELECT 1 FROM measurement m WHERE m.indicator_id = r.indicator_id "
                                        "AND m.clinic_id = r.clinic_id AND m.period = r.period)", 0), ==, 0);

  g_assert_false (klynge_submissions_receive_by_hand (db, meeting, clinic, "  ", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (klynge_db_exec (db, "UPDATE data_request SET due_on = '2000-01-01'", NULL));
  list = klynge_submissions_list (db, meeting, &error);
  for (guint i = 0; i < list->len; i++)
    {
      KlyngeSubmission *s = g_ptr_array_index (list, i);

      g_assert_true (s->late == !g_str_equal (s->status, "received"));
    }
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (klynge_submissions_receive_by_hand (db, meeting, clinic, " By phone ", &error));
  g_assert_no_error (error);
  list = klynge_submissions_list (db, meeting, &error);
  for (guint i = 0; i < list->len; i++)
    {
      KlyngeSubmission *s = g_ptr_array_index (list, i);

      if (s->clinic_id != clinic)
        continue;
      g_assert_cmpstr (s->status, ==, "received");
      g_assert_cmpstr (s->note, ==, "By phone");
      g_assert_false (s->late);
    }
  g_assert_false (klynge_submissions_receive_by_hand (db, meeting, clinic, "again", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);

  /* Undoing an import checks requests again: one received by hand stays. */
  request = klynge_test_count (db, "SELECT id FROM data_request WHERE clinic_id = ?1 LIMIT 1", clinic);
  g_array_append_val (ids, request);
  g_assert_true (klynge_submissions_recheck (db, ids, NULL));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM data_request WHERE id = ?1 AND status = 'received'", request), ==, 1);

  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

/* One draft to every clinic that still owes data, in BCC, listing what
 * each owes; read back with GMime. */
static void
test_remind_all (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "reminder.eml", NULL);
  gint64 cluster;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, &cluster);
  g_autoptr(GError) error = NULL;
  gint64 meeting = klynge_test_count (db, "SELECT meeting_id FROM data_request LIMIT 1", 0);
  GMimeStream *stream;
  GMimeParser *parser;
  GMimeMessage *message;
  InternetAddressList *bcc;
  g_autofree char *body = NULL;
  GStatBuf st;

  g_assert_true (klynge_submissions_write_reminder (db, meeting, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_mime_init ();
  stream = g_mime_stream_fs_open (path, O_RDONLY, 0, NULL);
  parser = g_mime_parser_new_with_stream (stream);
  message = g_mime_parser_construct_message (parser, NULL);
  g_assert_nonnull (message);
  bcc = g_mime_message_get_addresses (message, GMIME_ADDRESS_TYPE_BCC);
  /* Every clinic but the demo's four that delivered. */
  g_assert_cmpint (internet_address_list_length (bcc), ==, KLYNGE_DEMO_N_CLINICS - KLYNGE_DEMO_N_CLINICS_DELIVERED);
  g_assert_cmpstr (g_mime_object_get_header (GMIME_OBJECT (message), "X-Unsent"), ==, "1");
  body = g_mime_text_part_get_text (GMIME_TEXT_PART (g_mime_message_get_mime_part (message)));
  g_assert_nonnull (strstr (body, "Ærø Lægepraksis:"));
  g_assert_null (strstr (body, "Lægehuset Østergade"));
  g_object_unref (message);
  g_object_unref (parser);
  g_object_unref (stream);

  /* Nothing missing: no draft. */
  g_assert_true (klynge_db_exec (db, "UPDATE data_request SET status = 'received', received_note = 'x'", NULL));
  g_assert_false (klynge_submissions_write_reminder (db, meeting, path, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);

  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/submissions/tracker-and-reminder", test_tracker_and_reminder);
  g_test_add_func ("/import/submissions/by-hand-and-late", test_by_hand_and_late);
  g_test_add_func ("/import/submissions/remind-all", test_remind_all);
  return g_test_run ();
}
