/* test-invitations.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "klynge-invitations.h"
#include "meetings-test-utils.h"

#define COUNT_INVITED "SELECT count(*) FROM invitation WHERE meeting_id = ?1"

static KlyngeInvitation *
invitation_of (MeetingsFixture *f,
               gint64           meeting_id,
               gint64           member_id)
{
  g_autoptr(GListModel) list = klynge_invitations_list (f->db, meeting_id, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KlyngeInvitation) invitation = g_list_model_get_item (list, i);

      if (invitation->member_id == member_id)
        return g_steal_pointer (&invitation);
    }
  return NULL;
}

static void
test_invite_twice (MeetingsFixture *f,
                   gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = meetings_add_meeting (f, "Autumn", "2030-09-15T17:00", "2030-09-15T19:00", "planned");
  g_autoptr(KlyngeMeeting) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first[] = { f->members[0], f->members[1] };
  gint64 again[] = { f->members[2], f->members[1] };

  g_assert_true (klynge_invitations_invite (f->db, m->id, first, G_N_ELEMENTS (first), &error));
  g_assert_no_error (error);
  g_assert_cmpint (meetings_count (f, COUNT_INVITED, m->id), ==, 2);
  loaded = klynge_meeting_load (f->db, m->id, &error);
  g_assert_cmpstr (loaded->status, ==, "invited");

  /* Bo is invited already: Carl is not invited either, and the message names Bo. */
  g_assert_false (klynge_invitations_invite (f->db, m->id, again, G_N_ELEMENTS (again), &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Bo Bæk is already invited to this meeting.");
  g_assert_cmpint (meetings_count (f, COUNT_INVITED, m->id), ==, 2);

  g_clear_error (&error);
  g_assert_cmpint (klynge_invitations_invite_all (f->db, m->id, &error), ==, 2);
  g_assert_cmpint (klynge_invitations_invite_all (f->db, m->id, &error), ==, 0);
  g_assert_cmpint (meetings_count (f, COUNT_INVITED, m->id), ==, 4);
}

static void
test_answers (MeetingsFixture *f,
              gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = meetings_add_meeting (f, "Autumn", "2030-09-15T17:00", "2030-09-15T19:00", "planned");
  g_autoptr(GError) error = NULL;
  KlyngeInvitation *invitation;

  g_assert_cmpint (klynge_invitations_invite_all (f->db, m->id, &error), ==, 4);
  invitation = invitation_of (f, m->id, f->members[0]);
  g_assert_cmpstr (invitation->status, ==, "invited");
  g_assert_nonnull (invitation->sent_at);
  g_assert_null (invitation->responded_at);
  g_object_unref (invitation);

  g_assert_true (klynge_invitations_set_status (f->db, m->id, f->members[0], "accepted", &error));
  invitation = invitation_of (f, m->id, f->members[0]);
  g_assert_cmpstr (invitation->status, ==, "accepted");
  g_assert_nonnull (invitation->responded_at);
  g_object_unref (invitation);

  g_assert_true (klynge_invitations_set_status (f->db, m->id, f->members[0], "declined", &error));
  g_assert_true (klynge_invitations_set_status (f->db, m->id, f->members[1], "no_answer", &error));
  invitation = invitation_of (f, m->id, f->members[0]);
  g_assert_cmpstr (invitation->status, ==, "declined");
  g_object_unref (invitation);

  /* Back to invited: the answer is gone. */
  g_assert_true (klynge_invitations_set_status (f->db, m->id, f->members[0], "invited", &error));
  invitation = invitation_of (f, m->id, f->members[0]);
  g_assert_cmpstr (invitation->status, ==, "invited");
  g_assert_null (invitation->responded_at);
  g_object_unref (invitation);

  g_assert_false (klynge_invitations_set_status (f->db, m->id, f->members[0], "maybe", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);

  /* Counted as stored: Bo said no answer, the others are invited still. */
  {
    KlyngeInvitationCounts counts = { 0 };

    g_assert_true (klynge_invitations_set_status (f->db, m->id, f->members[2], "accepted", &error));
    g_assert_true (klynge_invitations_count (f->db, m->id, &counts, &error));
    g_assert_cmpuint (counts.invited, ==, 4);
    g_assert_cmpuint (counts.accepted, ==, 1);
    g_assert_cmpuint (counts.declined, ==, 0);
    g_assert_cmpuint (counts.no_answer, ==, 3);
  }

  g_assert_true (klynge_invitations_remove (f->db, m->id, f->members[3], &error));
  g_assert_false (klynge_invitations_set_status (f->db, m->id, f->members[3], "accepted", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
}

static void
test_mail_draft (MeetingsFixture *f,
                 gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = meetings_add_meeting (f, "Efterår & KOL", "2030-09-15T17:00", "2030-09-15T19:00", "planned");
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *uri = NULL;

  g_assert_cmpint (klynge_invitations_invite_all (f->db, m->id, &error), ==, 4);
  body = klynge_invitations_fill_template (f->db, m->id, "Kom til {title} den {date}.", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (body, "Kom til Efterår & KOL den "));
  g_assert_null (strstr (body, "{date}"));

  uri = klynge_invitations_mailto (f->db, m->id, "Invitation", body, &error);
  g_assert_no_error (error);
  /* Everyone with an address in BCC, nobody in To; & in the text cannot end the body. */
  g_assert_true (g_str_has_prefix (uri, "mailto:?bcc=anna@example.dk,bo@example.dk,carl@example.dk&subject=Invitation&body="));
  g_assert_nonnull (strstr (uri, "Efter%C3%A5r%20%26%20KOL"));
  g_assert_true (g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/meetings/invitations/invite-twice", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_invite_twice, meetings_fixture_tear_down);
  g_test_add ("/meetings/invitations/answers", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_answers, meetings_fixture_tear_down);
  g_test_add ("/meetings/invitations/mail-draft", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_mail_draft, meetings_fixture_tear_down);

  return g_test_run ();
}
