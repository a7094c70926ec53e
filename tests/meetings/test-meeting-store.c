/* test-meeting-store.c — the cluster's meetings, updated in place
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-meeting.h"
#include "klynge-meeting-store.h"
#include "klynge-snapshot.h"
#include "klynge-test-utils.h"
#include "meetings-test-utils.h"

/* Two upcoming meetings and two past ones, added out of order. */
static void
add_four (MeetingsFixture *f)
{
  g_autoptr(KlyngeMeeting) a = meetings_add_meeting (f, "Later", "2091-03-01T17:00", "2091-03-01T19:00", "planned");
  g_autoptr(KlyngeMeeting) b = meetings_add_meeting (f, "Old", "2011-03-01T17:00", "2011-03-01T19:00", "held");
  g_autoptr(KlyngeMeeting) c = meetings_add_meeting (f, "Sooner", "2090-03-01T17:00", "2090-03-01T19:00", "invited");
  g_autoptr(KlyngeMeeting) d = meetings_add_meeting (f, "Older", "2010-03-01T17:00", "2010-03-01T19:00", "held");
}

static void
test_lazy (MeetingsFixture *f,
           gconstpointer    data)
{
  g_autoptr(KlyngeMeetingStore) store = klynge_meeting_store_new (f->db, f->cluster);
  GListModel *list = G_LIST_MODEL (store);
  g_autoptr(GError) error = NULL;

  add_four (f);
  /* Nothing is read before the list is shown, and a refresh does not read it either. */
  g_assert_true (klynge_record_store_refresh (KLYNGE_RECORD_STORE (store), &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_true (klynge_record_store_load (KLYNGE_RECORD_STORE (store), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  g_assert_cmpint (klynge_record_store_get_owner_id (KLYNGE_RECORD_STORE (store)), ==, f->cluster);
  g_assert_null (klynge_record_store_get_error (KLYNGE_RECORD_STORE (store)));
}

/* The upcoming meetings soonest first, then the past ones latest first. */
static void
test_order (MeetingsFixture *f,
            gconstpointer    data)
{
  g_autoptr(KlyngeMeetingStore) store = klynge_meeting_store_new (f->db, f->cluster);
  GListModel *list = G_LIST_MODEL (store);
  const char *titles[] = { "Sooner", "Later", "Old", "Older" };

  add_four (f);
  g_assert_true (klynge_record_store_load (KLYNGE_RECORD_STORE (store), NULL));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *title = NULL;
      gboolean past;

      g_object_get (klynge_test_item (list, i), "title", &title, "past", &past, NULL);
      g_assert_cmpstr (title, ==, titles[i]);
      g_assert_cmpint (past, ==, i >= 2);
    }
}

/* A saved meeting changes its own object and announces its row alone;
 * only what changed notifies. Nothing changed announces nothing. */
static void
test_save_in_place (MeetingsFixture *f,
                    gconstpointer    data)
{
  g_autoptr(KlyngeMeetingStore) store = klynge_meeting_store_new (f->db, f->cluster);
  GListModel *list = G_LIST_MODEL (store);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KlyngeMeeting) edited = NULL;
  KlyngeMeeting *listed;
  g_autoptr(GError) error = NULL;

  add_four (f);
  g_assert_true (klynge_record_store_load (KLYNGE_RECORD_STORE (store), NULL));
  listed = klynge_test_item (list, 1);
  klynge_test_log_items_changed (list, log);
  klynge_test_log_notify (listed, names);

  g_assert_true (klynge_record_store_refresh (KLYNGE_RECORD_STORE (store), &error));
  g_assert_no_error (error);
  klynge_test_assert_log (log, "");
  klynge_test_assert_names (names, "");

  edited = klynge_meeting_load (f->db, listed->id, &error);
  g_assert_no_error (error);
  g_free (edited->title);
  edited->title = g_strdup ("Later, renamed");
  g_assert_true (klynge_meeting_save (f->db, edited, &error));
  g_assert_true (klynge_record_store_refresh (KLYNGE_RECORD_STORE (store), &error));
  klynge_test_assert_log (log, "(1,1,1)");
  g_assert_true (klynge_test_item (list, 1) == listed);
  klynge_test_assert_names (names, "title");
  g_assert_cmpstr (listed->title, ==, "Later, renamed");

  /* Moved before the other upcoming one: the rows between are announced,
   * and the object is still the same. */
  g_free (edited->starts_at);
  edited->starts_at = g_strdup ("2089-03-01T17:00");
  g_free (edited->ends_at);
  edited->ends_at = g_strdup ("2089-03-01T19:00");
  g_assert_true (klynge_meeting_save (f->db, edited, &error));
  g_assert_true (klynge_record_store_refresh (KLYNGE_RECORD_STORE (store), &error));
  klynge_test_assert_log (log, "(0,2,2)");
  g_assert_true (klynge_test_item (list, 0) == listed);
  klynge_test_assert_names (names, "ends-at starts-at summary when-label");
}

/* Cancelling changes the status where the meeting is; deleting takes it
 * away; undoing the delete brings it back where it was. */
static void
test_cancel_delete_undo (MeetingsFixture *f,
                         gconstpointer    data)
{
  g_autoptr(KlyngeMeetingStore) store = klynge_meeting_store_new (f->db, f->cluster);
  GListModel *list = G_LIST_MODEL (store);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KlyngeSnapshot) cancelled = NULL;
  g_autoptr(KlyngeSnapshot) deleted = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeMeeting *listed;
  gint64 id;

  add_four (f);
  g_assert_true (klynge_record_store_load (KLYNGE_RECORD_STORE (store), NULL));
  listed = klynge_test_item (list, 0);
  id = listed->id;
  klynge_test_log_items_changed (list, log);
  klynge_test_log_notify (listed, names);

  cancelled = klynge_meeting_cancel (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_true (klynge_record_store_refresh (KLYNGE_RECORD_STORE (store), NULL));
  klynge_test_assert_log (log, "(0,1,1)");
  g_assert_true (klynge_test_item (list, 0) == listed);
  /* Its invitations are out: calendars must see the cancellation. */
  klynge_test_assert_names (names, "sequence status status-label summary");

  deleted = klynge_meeting_delete (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_true (klynge_record_store_refresh (KLYNGE_RECORD_STORE (store), NULL));
  klynge_test_assert_log (log, "(0,1,0)");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);

  g_assert_true (klynge_snapshot_restore (deleted, f->db, &error));
  g_assert_no_error (error);
  g_assert_true (klynge_record_store_refresh (KLYNGE_RECORD_STORE (store), NULL));
  klynge_test_assert_log (log, "(0,0,1)");
  g_assert_cmpint (((KlyngeMeeting *) klynge_test_item (list, 0))->id, ==, id);
  g_assert_cmpstr (((KlyngeMeeting *) klynge_test_item (list, 0))->status, ==, "cancelled");
}

/* A list that cannot be read again stays as it was and says why. */
static void
test_error_kept (MeetingsFixture *f,
                 gconstpointer    data)
{
  g_autoptr(KlyngeMeetingStore) store = klynge_meeting_store_new (f->db, f->cluster);
  GListModel *list = G_LIST_MODEL (store);
  g_autoptr(GError) error = NULL;

  add_four (f);
  g_assert_true (klynge_record_store_load (KLYNGE_RECORD_STORE (store), NULL));
  g_assert_true (klynge_db_exec (f->db, "ALTER TABLE meeting RENAME TO meeting_gone", NULL));
  g_assert_false (klynge_record_store_refresh (KLYNGE_RECORD_STORE (store), &error));
  g_assert_nonnull (error);
  g_assert_nonnull (klynge_record_store_get_error (KLYNGE_RECORD_STORE (store)));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  g_assert_true (klynge_db_exec (f->db, "ALTER TABLE meeting_gone RENAME TO meeting", NULL));
  g_assert_true (klynge_record_store_refresh (KLYNGE_RECORD_STORE (store), NULL));
  g_assert_null (klynge_record_store_get_error (KLYNGE_RECORD_STORE (store)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/meetings/store/lazy", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_lazy, meetings_fixture_tear_down);
  g_test_add ("/meetings/store/order", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_order, meetings_fixture_tear_down);
  g_test_add ("/meetings/store/save-in-place", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_save_in_place, meetings_fixture_tear_down);
  g_test_add ("/meetings/store/cancel-delete-undo", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_cancel_delete_undo, meetings_fixture_tear_down);
  g_test_add ("/meetings/store/error-kept", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_error_kept, meetings_fixture_tear_down);

  return g_test_run ();
}
