/* test-invitation-store.c — a meeting's invitations, updated in place
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-invitation-store.h"
#include "klynge-invitations.h"
#include "klynge-test-utils.h"
#include "meetings-test-utils.h"

/* An answer recorded, a member renamed elsewhere: the invitation changes
 * where it is, and only what changed notifies. A member renamed past
 * another moves; one no longer invited leaves; one invited comes in. */
static void
test_in_place (MeetingsFixture *f,
               gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) meeting = meetings_add_meeting (f, "Meeting", "2090-03-01T17:00", "2090-03-01T19:00", "planned");
  g_autoptr(KlyngeInvitationStore) store = klynge_invitation_store_new (f->db, meeting->id);
  KlyngeRecordStore *records = KLYNGE_RECORD_STORE (store);
  GListModel *list = G_LIST_MODEL (store);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  KlyngeInvitation *bo;
  guint n;

  /* Nothing is read before the list is shown. */
  g_assert_cmpint (klynge_invitations_invite_all (f->db, meeting->id, &error), >, 2);
  g_assert_true (klynge_record_store_refresh (records, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_true (klynge_record_store_load (records, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (list);
  bo = klynge_test_item (list, 1);
  g_assert_cmpint (bo->member_id, ==, f->members[1]);
  klynge_test_log_items_changed (list, log);
  klynge_test_log_notify (bo, names);

  g_assert_true (klynge_record_store_refresh (records, NULL));
  klynge_test_assert_log (log, "");

  g_assert_true (klynge_invitations_set_status (f->db, meeting->id, f->members[1], "accepted", &error));
  g_assert_true (klynge_record_store_refresh (records, NULL));
  klynge_test_assert_log (log, "(1,1,1)");
  g_assert_true (klynge_test_item (list, 1) == bo);
  klynge_test_assert_names (names, "responded-at status");
  g_assert_cmpstr (bo->status, ==, "accepted");

  g_assert_true (klynge_db_exec (f->db, "UPDATE member SET name = 'Bodil Bæk' WHERE name = 'Bo Bæk'", NULL));
  g_assert_true (klynge_record_store_refresh (records, NULL));
  klynge_test_assert_log (log, "(1,1,1)");
  klynge_test_assert_names (names, "member-name");

  g_assert_true (klynge_db_exec (f->db, "UPDATE member SET name = 'Aage Bæk' WHERE name = 'Bodil Bæk'", NULL));
  g_assert_true (klynge_record_store_refresh (records, NULL));
  klynge_test_assert_log (log, "(0,2,2)");
  g_assert_true (klynge_test_item (list, 0) == bo);

  g_assert_true (klynge_invitations_remove (f->db, meeting->id, f->members[1], &error));
  g_assert_true (klynge_record_store_refresh (records, NULL));
  klynge_test_assert_log (log, "(0,1,0)");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n - 1);

  g_assert_true (klynge_invitations_invite (f->db, meeting->id, &f->members[1], 1, &error));
  g_assert_no_error (error);
  g_assert_true (klynge_record_store_refresh (records, NULL));
  klynge_test_assert_log (log, "(0,0,1)");
  g_assert_true (klynge_test_item (list, 0) != bo);
  g_assert_cmpint (((KlyngeInvitation *) klynge_test_item (list, 0))->member_id, ==, f->members[1]);
}

/* Invitations that cannot be read again stay as they were and say why. */
static void
test_error_kept (MeetingsFixture *f,
                 gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) meeting = meetings_add_meeting (f, "Meeting", "2090-03-01T17:00", "2090-03-01T19:00", "planned");
  g_autoptr(KlyngeInvitationStore) store = klynge_invitation_store_new (f->db, meeting->id);
  KlyngeRecordStore *records = KLYNGE_RECORD_STORE (store);
  guint n;

  g_assert_cmpint (klynge_invitations_invite_all (f->db, meeting->id, NULL), >, 0);
  g_assert_true (klynge_record_store_load (records, NULL));
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_assert_true (klynge_db_exec (f->db, "ALTER TABLE invitation RENAME TO invitation_gone", NULL));
  g_assert_false (klynge_record_store_refresh (records, NULL));
  g_assert_nonnull (klynge_record_store_get_error (records));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
  g_assert_true (klynge_db_exec (f->db, "ALTER TABLE invitation_gone RENAME TO invitation", NULL));
  g_assert_true (klynge_record_store_refresh (records, NULL));
  g_assert_null (klynge_record_store_get_error (records));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/meetings/invitation-store/in-place", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_in_place, meetings_fixture_tear_down);
  g_test_add ("/meetings/invitation-store/error-kept", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_error_kept, meetings_fixture_tear_down);

  return g_test_run ();
}
