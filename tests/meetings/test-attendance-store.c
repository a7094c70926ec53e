/* test-attendance-store.c — a meeting's register, updated in place
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-attendance.h"
#include "klynge-attendance-store.h"
#include "klynge-test-utils.h"
#include "meetings-test-utils.h"

/* A member recorded changes their line where it is: present, then late,
 * then cleared; nothing recorded announces nothing. */
static void
test_in_place (MeetingsFixture *f,
               gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) meeting = meetings_add_meeting (f, "Meeting", "2026-06-09T17:00", "2026-06-09T19:00", "held");
  g_autoptr(KlyngeAttendanceStore) store = klynge_attendance_store_new (f->db, meeting->id);
  KlyngeRecordStore *records = KLYNGE_RECORD_STORE (store);
  GListModel *list = G_LIST_MODEL (store);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  KlyngeAttendance *bo;

  g_assert_true (klynge_record_store_load (records, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  bo = klynge_test_item (list, 1);
  g_assert_cmpint (bo->member_id, ==, f->members[1]);
  g_assert_cmpstr (bo->status, ==, "");
  klynge_test_log_items_changed (list, log);
  klynge_test_log_notify (bo, names);

  g_assert_true (klynge_record_store_refresh (records, NULL));
  klynge_test_assert_log (log, "");

  g_assert_true (klynge_attendance_set (f->db, meeting->id, f->members[1], "present", FALSE, &error));
  g_assert_true (klynge_record_store_refresh (records, NULL));
  klynge_test_assert_log (log, "(1,1,1)");
  g_assert_true (klynge_test_item (list, 1) == bo);
  klynge_test_assert_names (names, "status");

  g_assert_true (klynge_attendance_set (f->db, meeting->id, f->members[1], "present", TRUE, &error));
  g_assert_true (klynge_record_store_refresh (records, NULL));
  klynge_test_assert_log (log, "(1,1,1)");
  klynge_test_assert_names (names, "late");

  g_assert_true (klynge_attendance_set (f->db, meeting->id, f->members[1], "", FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (klynge_record_store_refresh (records, NULL));
  klynge_test_assert_log (log, "(1,1,1)");
  klynge_test_assert_names (names, "late status");
  g_assert_true (klynge_test_item (list, 1) == bo);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/meetings/attendance-store/in-place", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_in_place, meetings_fixture_tear_down);

  return g_test_run ();
}
