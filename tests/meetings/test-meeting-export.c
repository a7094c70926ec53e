/* test-meeting-export.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "klynge-attendance.h"
#include "klynge-invitations.h"
#include "klynge-meeting-export.h"
#include "klynge-test-utils.h"
#include "meetings-test-utils.h"

static KlyngeMeeting *
held_meeting (MeetingsFixture *f)
{
  g_autoptr(GError) error = NULL;
  KlyngeMeeting *m = meetings_add_meeting (f, "KOL", "2026-06-09T17:00", "2026-06-09T20:00", "held");

  g_assert_cmpint (klynge_invitations_invite_all (f->db, m->id, &error), ==, 4);
  g_assert_true (klynge_invitations_set_status (f->db, m->id, f->members[0], "accepted", &error));
  g_assert_true (klynge_attendance_set (f->db, m->id, f->members[0], "present", TRUE, &error));
  g_assert_true (klynge_attendance_set (f->db, m->id, f->members[1], "absent", FALSE, &error));
  /* A guest whose name looks like a formula stays text. */
  g_assert_cmpint (klynge_guest_add (f->db, m->id, "=HYPERLINK(\"x\")", "Region", &error), >, 0);
  return m;
}

static void
test_attendance_list (MeetingsFixture *f,
                      gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = held_meeting (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "attendance.xlsx", NULL);
  g_autofree char *sheet = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *workbook = NULL;

  g_assert_true (klynge_meeting_export_xlsx (f->db, m->id, KLYNGE_MEETING_EXPORT_ATTENDANCE, FALSE, path, &error));
  g_assert_no_error (error);
  klynge_test_assert_private_file (path);
  workbook = klynge_test_unzip_member (path, "xl/workbook.xml");
  strings = klynge_test_unzip_member (path, "xl/sharedStrings.xml");
  sheet = klynge_test_unzip_member (path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (strings, "Anna Holm"));
  g_assert_nonnull (strstr (strings, "Present"));
  g_assert_nonnull (strstr (strings, "Absent"));
  g_assert_nonnull (strstr (strings, "Guest"));
  g_assert_nonnull (strstr (strings, "=HYPERLINK"));
  g_assert_null (strstr (sheet, "<f>"));
  /* The private rates are not in it. */
  g_assert_null (strstr (workbook, "Attendance rates"));
  g_assert_null (strstr (strings, "Under the threshold"));
}

static void
test_rates_only_when_asked (MeetingsFixture *f,
                            gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = held_meeting (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "with-rates.xlsx", NULL);
  g_autofree char *workbook = NULL;

  g_assert_true (klynge_meeting_export_xlsx (f->db, m->id, KLYNGE_MEETING_EXPORT_ATTENDANCE, TRUE, path, &error));
  workbook = klynge_test_unzip_member (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "Attendance rates"));
}

static void
test_invitation_status (MeetingsFixture *f,
                        gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = held_meeting (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "invitations.xlsx", NULL);
  g_autofree char *strings = NULL;

  g_assert_true (klynge_meeting_export_xlsx (f->db, m->id, KLYNGE_MEETING_EXPORT_INVITATIONS, FALSE, path, &error));
  strings = klynge_test_unzip_member (path, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (strings, "Accepted"));
  g_assert_nonnull (strstr (strings, "Invited"));
  g_assert_nonnull (strstr (strings, "bo@example.dk"));

  g_assert_false (klynge_meeting_export_xlsx (f->db, 999, KLYNGE_MEETING_EXPORT_INVITATIONS, FALSE, path, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
}

static void
test_xlsx_async (MeetingsFixture *f,
                 gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = meetings_add_meeting (f, "KOL", "2026-06-09T17:00", "2026-06-09T20:00", "held");
  g_autofree char *path = g_strdup_printf ("%s/async.xlsx", f->dir);
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GError) error = NULL;

  klynge_meeting_export_xlsx_async (f->db, m->id, KLYNGE_MEETING_EXPORT_INVITATIONS, path, NULL, meetings_result_cb, &slot);
  result = meetings_wait_result (&slot);
  g_assert_true (klynge_meeting_export_xlsx_finish (result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/meetings/export/xlsx-async", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_xlsx_async, meetings_fixture_tear_down);
  g_test_add ("/meetings/export/attendance-list", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_attendance_list, meetings_fixture_tear_down);
  g_test_add ("/meetings/export/rates-only-when-asked", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_rates_only_when_asked, meetings_fixture_tear_down);
  g_test_add ("/meetings/export/invitation-status", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_invitation_status, meetings_fixture_tear_down);

  return g_test_run ();
}
