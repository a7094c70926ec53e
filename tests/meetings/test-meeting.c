/* test-meeting.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "klynge-attendance.h"
#include "klynge-invitations.h"
#include "klynge-meeting.h"
#include "meetings-test-utils.h"

#define COUNT_MEETINGS "SELECT count(*) FROM meeting WHERE cluster_id = ?1"

static KlyngeMeeting *
evening (gint64 cluster)
{
  KlyngeMeeting *m = klynge_meeting_new (cluster);

  g_free (m->title);
  m->title = g_strdup ("NSAID");
  g_free (m->starts_at);
  m->starts_at = g_strdup ("2026-09-15T17:00");
  g_free (m->ends_at);
  m->ends_at = g_strdup ("2026-09-15T19:00");
  g_ptr_array_add (m->agenda, klynge_agenda_item_new ("Welcome", "welcome", 10));
  g_ptr_array_add (m->agenda, klynge_agenda_item_new ("Our data", "data", 30));
  g_ptr_array_add (m->agenda, klynge_agenda_item_new ("Groups", "group", 45));
  return m;
}

static void
test_agenda_times (void)
{
  g_autoptr(KlyngeMeeting) m = evening (1);
  const char *expected[] = { "17:00", "17:10", "17:40" };

  g_assert_cmpint (klynge_meeting_compute_agenda (m), ==, 85);
  for (guint i = 0; i < m->agenda->len; i++)
    {
      g_autofree char *at = klynge_meeting_item_start_time (m, g_ptr_array_index (m->agenda, i));

      g_assert_cmpstr (at, ==, expected[i]);
    }
  g_assert_cmpint (klynge_meeting_duration_minutes (m), ==, 120);
  g_assert_cmpint (klynge_meeting_agenda_overrun (m), ==, 0);

  /* 85 + 60 minutes in a two-hour meeting: 25 minutes too long. */
  g_ptr_array_add (m->agenda, klynge_agenda_item_new ("Plenary", "plenary", 60));
  g_assert_cmpint (klynge_meeting_agenda_overrun (m), ==, 25);

  /* Moving the long item first moves every start after it. */
  g_ptr_array_insert (m->agenda, 0, g_object_ref (g_ptr_array_index (m->agenda, 3)));
  g_ptr_array_remove_index (m->agenda, 4);
  klynge_meeting_compute_agenda (m);
  {
    g_autofree char *at = klynge_meeting_item_start_time (m, g_ptr_array_index (m->agenda, 1));
    g_assert_cmpstr (at, ==, "18:00");
  }
}

static void
test_save_and_load (MeetingsFixture *f,
                    gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = evening (f->cluster);
  g_autoptr(KlyngeMeeting) loaded = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeAgendaItem *item;

  g_ptr_array_add (m->speakers, klynge_speaker_new ("Dr. Sørensen", "Aarhus Universitetshospital", 250000));
  g_assert_true (klynge_meeting_save (f->db, m, &error));
  g_assert_no_error (error);
  g_assert_cmpint (m->id, >, 0);

  loaded = klynge_meeting_load (f->db, m->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->title, ==, "NSAID");
  g_assert_cmpuint (loaded->agenda->len, ==, 3);
  item = g_ptr_array_index (loaded->agenda, 2);
  g_assert_cmpstr (item->title, ==, "Groups");
  g_assert_cmpstr (item->kind, ==, "group");
  g_assert_cmpint (item->start_minutes, ==, 40);
  g_assert_cmpuint (loaded->speakers->len, ==, 1);
  g_assert_cmpint (((KlyngeSpeaker *) g_ptr_array_index (loaded->speakers, 0))->fee, ==, 250000);

  /* Saving again replaces the agenda, it does not add to it. */
  g_ptr_array_remove_index (loaded->agenda, 0);
  g_assert_true (klynge_meeting_save (f->db, loaded, &error));
  g_assert_cmpint (meetings_count (f, "SELECT count(*) FROM agenda_item WHERE meeting_id = ?1", m->id), ==, 2);
}

static void
test_validation (MeetingsFixture *f,
                 gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) first = meetings_add_meeting (f, "First", "2026-09-15T17:00", "2026-09-15T19:00", "planned");
  g_autoptr(KlyngeMeeting) m = evening (f->cluster);
  g_autoptr(GError) error = NULL;

  /* Ends before it starts. */
  g_free (m->starts_at);
  m->starts_at = g_strdup ("2026-10-01T20:00");
  g_free (m->ends_at);
  m->ends_at = g_strdup ("2026-10-01T17:00");
  g_assert_false (klynge_meeting_save (f->db, m, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "before it starts"));
  g_clear_error (&error);

  /* Overlaps the first meeting by an hour. */
  g_free (m->starts_at);
  m->starts_at = g_strdup ("2026-09-15T18:00");
  g_free (m->ends_at);
  m->ends_at = g_strdup ("2026-09-15T21:00");
  g_assert_false (klynge_meeting_save (f->db, m, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "“First”"));
  g_clear_error (&error);

  /* An agenda item without a duration: nothing of the meeting is saved. */
  g_free (m->starts_at);
  m->starts_at = g_strdup ("2026-09-16T17:00");
  g_free (m->ends_at);
  m->ends_at = g_strdup ("2026-09-16T20:00");
  ((KlyngeAgendaItem *) g_ptr_array_index (m->agenda, 1))->duration_minutes = 0;
  g_assert_false (klynge_meeting_save (f->db, m, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Agenda item 2 (“Our data”) has no duration"));
  g_clear_error (&error);

  g_assert_cmpint (m->id, ==, 0);
  g_assert_cmpint (meetings_count (f, COUNT_MEETINGS, f->cluster), ==, 1);
  g_assert_cmpint (meetings_count (f, "SELECT count(*) FROM agenda_item WHERE ?1", 1), ==, 0);

  /* A cancelled meeting frees its time. */
  g_assert_true (klynge_meeting_set_status (f->db, first->id, "cancelled", &error));
  ((KlyngeAgendaItem *) g_ptr_array_index (m->agenda, 1))->duration_minutes = 30;
  g_free (m->starts_at);
  m->starts_at = g_strdup ("2026-09-15T18:00");
  g_free (m->ends_at);
  m->ends_at = g_strdup ("2026-09-15T21:00");
  g_assert_true (klynge_meeting_save (f->db, m, &error));
  g_assert_no_error (error);
}

/* The only meeting as listed at @now. */
static KlyngeMeeting *
listed_at (MeetingsFixture *f,
           const char      *now)
{
  g_autoptr(GListModel) list = klynge_meetings_list (f->db, f->cluster, KLYNGE_MEETINGS_SCHEDULE, now, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  return g_list_model_get_item (list, 0);
}

static void
test_cancel_keeps_history (MeetingsFixture *f,
                           gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = meetings_add_meeting (f, "Autumn", "2030-09-15T17:00", "2030-09-15T19:00", "planned");
  g_autoptr(KlyngeMeeting) before = NULL;
  g_autoptr(KlyngeMeeting) cancelled = NULL;
  g_autoptr(KlyngeMeeting) later = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (klynge_invitations_invite_all (f->db, m->id, &error), ==, 4);
  before = listed_at (f, "2030-01-01T00:00");
  g_assert_false (before->past);

  g_assert_true (klynge_meeting_set_status (f->db, m->id, "cancelled", &error));
  /* Cancelled, it stays where its date puts it, marked cancelled. */
  cancelled = listed_at (f, "2030-01-01T00:00");
  g_assert_false (cancelled->past);
  g_assert_cmpstr (cancelled->status, ==, "cancelled");
  later = listed_at (f, "2031-01-01T00:00");
  g_assert_true (later->past);
  g_assert_cmpint (meetings_count (f, "SELECT count(*) FROM invitation WHERE meeting_id = ?1", m->id), ==, 4);
  g_assert_false (klynge_meeting_set_status (f->db, m->id, "postponed", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
}

/* Undo gives a cancelled meeting back its status and calendar sequence;
 * redo cancels it again. */
static void
test_cancel_and_undo (MeetingsFixture *f,
                      gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = meetings_add_meeting (f, "Autumn", "2030-09-15T17:00", "2030-09-15T19:00", "invited");
  const char *state_sql = "SELECT (status = 'invited') + 2 * sequence FROM meeting WHERE id = ?1";
  g_autoptr(KlyngeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = meetings_count (f, state_sql, m->id);

  snapshot = klynge_meeting_cancel (f->db, m->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (meetings_count (f, "SELECT status = 'cancelled' FROM meeting WHERE id = ?1", m->id), ==, 1);
  g_assert_cmpint (meetings_count (f, state_sql, m->id), !=, before);
  g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
  g_assert_cmpint (meetings_count (f, state_sql, m->id), ==, before);
  g_assert_true (klynge_snapshot_redo (snapshot, f->db, &error));
  g_assert_cmpint (meetings_count (f, "SELECT status = 'cancelled' FROM meeting WHERE id = ?1", m->id), ==, 1);

  g_clear_pointer (&snapshot, klynge_snapshot_free);
  g_assert_null (klynge_meeting_cancel (f->db, 9999, &error));
  g_assert_nonnull (error);
}

static void
test_delete_and_undo (MeetingsFixture *f,
                      gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = evening (f->cluster);
  g_autoptr(KlyngeMeeting) follow_up = NULL;
  g_autoptr(KlyngeSnapshot) snapshot = NULL;
  g_autoptr(KlyngeMeeting) restored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_meeting_save (f->db, m, &error));
  g_assert_cmpint (klynge_invitations_invite_all (f->db, m->id, &error), ==, 4);
  g_assert_true (klynge_attendance_set (f->db, m->id, f->members[0], "present", TRUE, &error));
  g_assert_cmpint (klynge_guest_add (f->db, m->id, "Gæst", "", &error), >, 0);
  follow_up = meetings_add_meeting (f, "Later", "2027-03-16T17:00", "2027-03-16T19:00", "planned");
  follow_up->follow_up_of = m->id;
  g_assert_true (klynge_meeting_save (f->db, follow_up, &error));

  snapshot = klynge_meeting_delete (f->db, m->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (meetings_count (f, "SELECT count(*) FROM invitation WHERE meeting_id = ?1", m->id), ==, 0);
  g_assert_cmpint (meetings_count (f, "SELECT count(*) FROM meeting WHERE follow_up_of = ?1", m->id), ==, 0);

  g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
  g_assert_no_error (error);
  restored = klynge_meeting_load (f->db, m->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (restored->agenda->len, ==, 3);
  g_assert_cmpint (meetings_count (f, "SELECT count(*) FROM invitation WHERE meeting_id = ?1", m->id), ==, 4);
  g_assert_cmpint (meetings_count (f, "SELECT count(*) FROM attendance WHERE late AND meeting_id = ?1", m->id), ==, 1);
  g_assert_cmpint (meetings_count (f, "SELECT count(*) FROM guest WHERE meeting_id = ?1", m->id), ==, 1);
  g_assert_cmpint (klynge_meeting_find_follow_up (f->db, m->id), ==, follow_up->id);

  g_assert_null (klynge_meeting_delete (f->db, 9999, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
}

static void
test_follow_up_dates (void)
{
  static const struct { const char *held, *today, *earliest, *proposed, *latest; } cases[] = {
    /* A Tuesday: six months on is a Thursday; the proposal keeps Tuesday. */
    { "2026-03-10T17:00", "2026-03-11", "2026-09-10", "2026-09-15T17:00", "2027-03-10" },
    /* The 31st: six months on, February has no 31st. */
    { "2025-08-31T16:30", "2025-09-01", "2026-02-28", "2026-03-01T16:30", "2026-08-31" },
    { "2024-02-29T17:00", "2024-02-29", "2024-08-29", "2024-08-29T17:00", "2025-02-28" },
    /* Planned late (on Sunday 6 December 2026): from today on, never in the past. */
    { "2026-03-10T17:00", "2026-12-06", "2026-12-06", "2026-12-08T17:00", "2027-03-10" },
    { "2025-01-07T17:00", "2026-12-06", "2026-12-06", "2026-12-08T17:00", "2026-01-07" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *earliest = NULL, *proposed = NULL, *latest = NULL;

      g_assert_true (klynge_meeting_follow_up_dates (cases[i].held, cases[i].today, &earliest, &proposed, &latest));
      g_assert_cmpstr (earliest, ==, cases[i].earliest);
      g_assert_cmpstr (proposed, ==, cases[i].proposed);
      g_assert_cmpstr (latest, ==, cases[i].latest);
    }
  g_assert_false (klynge_meeting_follow_up_dates ("2026-02-30T17:00", NULL, NULL, NULL, NULL));
}

static void
test_propose_follow_up (void)
{
  g_autoptr(KlyngeMeeting) held = evening (1);
  g_autoptr(KlyngeMeeting) next = NULL;

  held->id = 7;
  held->topic_id = 3;
  next = klynge_meeting_propose_follow_up (held, "2026-03-11");
  g_assert_cmpint (next->follow_up_of, ==, 7);
  g_assert_cmpint (next->topic_id, ==, 3);
  g_assert_cmpstr (next->starts_at, ==, "2027-03-16T17:00");
  g_assert_cmpstr (next->ends_at, ==, "2027-03-16T19:00");
  g_assert_cmpuint (next->agenda->len, ==, 3);
  g_assert_cmpint (next->id, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meetings/agenda/times", test_agenda_times);
  g_test_add ("/meetings/meeting/save-and-load", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_save_and_load, meetings_fixture_tear_down);
  g_test_add ("/meetings/meeting/validation", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_validation, meetings_fixture_tear_down);
  g_test_add ("/meetings/meeting/cancel-keeps-history", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_cancel_keeps_history, meetings_fixture_tear_down);
  g_test_add ("/meetings/meeting/cancel-and-undo", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_cancel_and_undo, meetings_fixture_tear_down);
  g_test_add ("/meetings/meeting/delete-and-undo", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_delete_and_undo, meetings_fixture_tear_down);
  g_test_add_func ("/meetings/follow-up/dates", test_follow_up_dates);
  g_test_add_func ("/meetings/follow-up/propose", test_propose_follow_up);

  return g_test_run ();
}
