/* test-data-requests.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-data-requests.h"
#include "klynge-topics.h"
#include "klynge-test-utils.h"
#include "meetings-test-utils.h"

static gint64
copd_topic (MeetingsFixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_topics_ensure_library (f->db, &error));
  return klynge_test_count (f->db, "SELECT id FROM topic WHERE package_key = 'copd' AND ?1", 1);
}

static const char *
status_of (GListModel *requests,
           gint64      clinic_id,
           gint64      indicator_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (requests); i++)
    {
      g_autoptr(KlyngeDataRequest) r = g_list_model_get_item (requests, i);

      if (r->clinic_id == clinic_id && r->indicator_id == indicator_id)
        return g_intern_string (r->status);
    }
  g_assert_not_reached ();
}

static void
test_requests_and_status (MeetingsFixture *f,
                          gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = meetings_add_meeting (f, "KOL", "2026-06-09T17:00", "2026-06-09T20:00", "planned");
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(GArray) indicators = NULL;
  g_autoptr(GError) error = NULL;
  gint64 second_clinic, spirometry, control;
  sqlite3_stmt *stmt;

  g_assert_true (klynge_db_exec (f->db, "INSERT INTO clinic (cluster_id, name) VALUES (1, 'Anden klinik')", &error));
  second_clinic = klynge_db_last_insert_id (f->db);

  /* No topic yet: nothing to request, and the message says why. */
  g_assert_cmpint (klynge_data_requests_create (f->db, m->id, "2026-Q1", "2026-05-26", &error), ==, -1);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);

  m->topic_id = copd_topic (f);
  g_assert_true (klynge_meeting_save (f->db, m, &error));
  g_assert_cmpint (klynge_data_requests_create (f->db, m->id, "2026-Q1", "2026-05-32", &error), ==, -1);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);

  /* Two clinics × three COPD indicators. */
  g_assert_cmpint (klynge_data_requests_create (f->db, m->id, "2026-Q1", "2026-05-26", &error), ==, 6);
  g_assert_no_error (error);
  g_assert_cmpint (klynge_data_requests_create (f->db, m->id, "2026-Q1", "2026-05-26", &error), ==, 6);

  indicators = klynge_meeting_list_indicators (f->db, m->id, &error);
  g_assert_cmpuint (indicators->len, ==, 3);
  spirometry = g_array_index (indicators, gint64, 0);
  control = g_array_index (indicators, gint64, 1);

  /* The first clinic delivered spirometry for the period; a measurement of
   * another period does not count. */
  stmt = klynge_db_prepare (f->db,
    "INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator) VALUES (?1, ?2, ?3, 40, 50)", &error);
  sqlite3_bind_int64 (stmt, 1, spirometry);
  sqlite3_bind_int64 (stmt, 2, f->clinic);
  sqlite3_bind_text (stmt, 3, "2026-Q1", -1, SQLITE_STATIC);
  g_assert_true (klynge_db_step_done (f->db, stmt, &error));
  stmt = klynge_db_prepare (f->db,
    "INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator) VALUES (?1, ?2, ?3, 40, 50)", &error);
  sqlite3_bind_int64 (stmt, 1, control);
  sqlite3_bind_int64 (stmt, 2, f->clinic);
  sqlite3_bind_text (stmt, 3, "2025-Q4", -1, SQLITE_STATIC);
  g_assert_true (klynge_db_step_done (f->db, stmt, &error));

  g_assert_true (klynge_data_requests_refresh (f->db, f->cluster, "2026-05-20", &error));
  requests = klynge_data_requests_list (f->db, m->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (requests), ==, 6);
  g_assert_cmpstr (status_of (requests, f->clinic, spirometry), ==, "received");
  g_assert_cmpstr (status_of (requests, f->clinic, control), ==, "requested");
  g_assert_cmpstr (status_of (requests, second_clinic, spirometry), ==, "requested");

  /* After the due date what has not come is late; what came stays received. */
  g_assert_true (klynge_data_requests_refresh (f->db, f->cluster, "2026-05-27", &error));
  g_clear_object (&requests);
  requests = klynge_data_requests_list (f->db, m->id, &error);
  g_assert_cmpstr (status_of (requests, f->clinic, spirometry), ==, "received");
  g_assert_cmpstr (status_of (requests, f->clinic, control), ==, "late");
  g_assert_cmpstr (status_of (requests, second_clinic, spirometry), ==, "late");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/meetings/data-requests/requests-and-status", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_requests_and_status, meetings_fixture_tear_down);

  return g_test_run ();
}
