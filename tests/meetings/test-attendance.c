/* test-attendance.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-attendance.h"
#include "meetings-test-utils.h"

static KlyngeAttendanceRate *
rate_of (GPtrArray *rates,
         gint64     member_id)
{
  for (guint i = 0; i < rates->len; i++)
    if (((KlyngeAttendanceRate *) g_ptr_array_index (rates, i))->member_id == member_id)
      return g_ptr_array_index (rates, i);
  g_assert_not_reached ();
}

/* Four held meetings; Carl joined before the last two. Anna came to all,
 * Bo to the first only, Carl to both of his, Dorte was excused twice. */
static void
hold_meetings (MeetingsFixture *f)
{
  static const char *dates[] = { "2025-03-11", "2025-09-16", "2026-03-10", "2026-09-15" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *starts = g_strdup_printf ("%sT17:00", dates[i]);
      g_autofree char *ends = g_strdup_printf ("%sT20:00", dates[i]);
      g_autoptr(KlyngeMeeting) m = meetings_add_meeting (f, "Held", starts, ends, "held");

      g_assert_true (klynge_attendance_set (f->db, m->id, f->members[0], "present", i == 3, &error));
      g_assert_true (klynge_attendance_set (f->db, m->id, f->members[1], i == 0 ? "present" : "absent", FALSE, &error));
      if (i >= 2)
        g_assert_true (klynge_attendance_set (f->db, m->id, f->members[2], "present", FALSE, &error));
      g_assert_true (klynge_attendance_set (f->db, m->id, f->members[3], i % 2 ? "excused" : "present", FALSE, &error));
      g_assert_no_error (error);
    }
  /* A planned meeting does not count. */
  g_object_unref (meetings_add_meeting (f, "Planned", "2027-03-16T17:00", "2027-03-16T20:00", "planned"));
}

static void
test_rates_and_flags (MeetingsFixture *f,
                      gconstpointer    data)
{
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeAttendanceRate *r;
  g_autofree char *bo = NULL;

  hold_meetings (f);
  rates = klynge_attendance_rates (f->db, f->cluster, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->len, ==, 4);

  r = rate_of (rates, f->members[0]);
  g_assert_cmpuint (r->n_present, ==, 4);
  g_assert_cmpfloat (r->rate, ==, 1.0);
  g_assert_false (r->flagged);

  r = rate_of (rates, f->members[1]);
  g_assert_cmpuint (r->n_meetings, ==, 4);
  g_assert_cmpuint (r->n_missed, ==, 3);
  g_assert_true (r->flagged);
  bo = klynge_attendance_rate_describe (r);
  g_assert_cmpstr (bo, ==, "has missed 3 of the last 4 meetings");

  /* Meetings before Carl joined are not held against him. */
  r = rate_of (rates, f->members[2]);
  g_assert_cmpuint (r->n_meetings, ==, 2);
  g_assert_cmpuint (r->n_present, ==, 2);
  g_assert_false (r->flagged);

  /* Excused is still missed: 2 of 4 is under 0.75. */
  r = rate_of (rates, f->members[3]);
  g_assert_cmpuint (r->n_missed, ==, 2);
  g_assert_true (r->flagged);

  /* The threshold is the cluster's: at 0.5 Dorte is no longer flagged. */
  g_assert_true (klynge_db_exec (f->db, "UPDATE cluster SET attendance_threshold = 0.5", &error));
  g_clear_pointer (&rates, g_ptr_array_unref);
  rates = klynge_attendance_rates (f->db, f->cluster, 4, &error);
  g_assert_false (rate_of (rates, f->members[3])->flagged);
  g_assert_true (rate_of (rates, f->members[1])->flagged);

  /* Only the last two meetings: Bo missed both, Dorte was there once. */
  g_clear_pointer (&rates, g_ptr_array_unref);
  rates = klynge_attendance_rates (f->db, f->cluster, 2, &error);
  r = rate_of (rates, f->members[1]);
  g_assert_cmpuint (r->n_meetings, ==, 2);
  g_assert_cmpuint (r->n_missed, ==, 2);
  g_assert_cmpuint (rate_of (rates, f->members[3])->n_present, ==, 1);
}

static void
test_register (MeetingsFixture *f,
               gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = meetings_add_meeting (f, "Now", "2026-09-15T17:00", "2026-09-15T20:00", "planned");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) guests = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeAttendance *line;

  list = klynge_attendance_list (f->db, m->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  line = g_list_model_get_item (list, 0);
  g_assert_cmpstr (line->status, ==, "");
  g_object_unref (line);

  g_assert_true (klynge_attendance_set (f->db, m->id, f->members[0], "present", TRUE, &error));
  /* Late only for those present. */
  g_assert_true (klynge_attendance_set (f->db, m->id, f->members[1], "absent", TRUE, &error));
  g_assert_false (klynge_attendance_set (f->db, m->id, f->members[2], "here", FALSE, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&list);
  list = klynge_attendance_list (f->db, m->id, &error);
  line = g_list_model_get_item (list, 0);
  g_assert_cmpstr (line->member_name, ==, "Anna Holm");
  g_assert_cmpstr (line->status, ==, "present");
  g_assert_true (line->late);
  g_object_unref (line);
  line = g_list_model_get_item (list, 1);
  g_assert_cmpstr (line->status, ==, "absent");
  g_assert_false (line->late);
  g_object_unref (line);

  /* Clearing a line takes it out of the register. */
  g_assert_true (klynge_attendance_set (f->db, m->id, f->members[1], NULL, FALSE, &error));
  g_assert_cmpint (meetings_count (f, "SELECT count(*) FROM attendance WHERE meeting_id = ?1", m->id), ==, 1);

  g_assert_cmpint (klynge_guest_add (f->db, m->id, "  Jens Gæst ", "Region Midt", &error), >, 0);
  g_assert_cmpint (klynge_guest_add (f->db, m->id, "  ", "", &error), ==, 0);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  guests = klynge_guests_list (f->db, m->id, NULL);
  g_assert_cmpuint (guests->len, ==, 1);
  g_assert_cmpstr (((KlyngeGuest *) g_ptr_array_index (guests, 0))->name, ==, "Jens Gæst");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/meetings/attendance/rates-and-flags", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_rates_and_flags, meetings_fixture_tear_down);
  g_test_add ("/meetings/attendance/register", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_register, meetings_fixture_tear_down);

  return g_test_run ();
}
