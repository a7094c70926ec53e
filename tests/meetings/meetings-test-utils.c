/* meetings-test-utils.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-cluster.h"
#include "klynge-test-utils.h"
#include "meetings-test-utils.h"

void
meetings_fixture_set_up (MeetingsFixture *f,
                         gconstpointer    data)
{
  static const struct { const char *name, *email, *joined; } people[] = {
    { "Anna Holm", "anna@example.dk", "2020-01-01" },
    { "Bo Bæk", "bo@example.dk", "2020-01-01" },
    { "Carl Ørsted", "carl@example.dk", "2026-01-01" },
    { "Dorte Åby", "", "2020-01-01" },
  };
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  (void) data;
  f->dir = klynge_test_make_tmpdir ();
  {
    g_autofree char *path = g_build_filename (f->dir, "cluster.klynge", NULL);
    f->db = klynge_test_open_db (path);
  }
  f->cluster = klynge_cluster_create (f->db, "Klynge Test", &error);
  g_assert_no_error (error);
  g_assert_true (klynge_db_exec (f->db, "INSERT INTO clinic (cluster_id, name) VALUES (1, 'Lægehuset')", &error));
  g_assert_no_error (error);
  f->clinic = klynge_db_last_insert_id (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      stmt = klynge_db_prepare (f->db,
        "INSERT INTO member (cluster_id, clinic_id, name, email, joined_on) VALUES (?1, ?2, ?3, ?4, ?5)", &error);
      g_assert_no_error (error);
      sqlite3_bind_int64 (stmt, 1, f->cluster);
      sqlite3_bind_int64 (stmt, 2, f->clinic);
      sqlite3_bind_text (stmt, 3, people[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, people[i].email, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, people[i].joined, -1, SQLITE_STATIC);
      g_assert_true (klynge_db_step_done (f->db, stmt, &error));
      f->members[i] = klynge_db_last_insert_id (f->db);
    }
  g_assert_true (klynge_db_exec (f->db,
    "INSERT INTO member_role (member_id, role, from_date) VALUES (1, 'coordinator', '2020-01-01')", &error));
}

void
meetings_fixture_tear_down (MeetingsFixture *f,
                            gconstpointer    data)
{
  (void) data;
  g_clear_object (&f->db);
  klynge_test_remove_tree (f->dir);
  g_free (f->dir);
}

KlyngeMeeting *
meetings_add_meeting (MeetingsFixture *f,
                      const char      *title,
                      const char      *starts,
                      const char      *ends,
                      const char      *status)
{
  g_autoptr(GError) error = NULL;
  KlyngeMeeting *meeting = klynge_meeting_new (f->cluster);

  g_free (meeting->title);
  meeting->title = g_strdup (title);
  g_free (meeting->starts_at);
  meeting->starts_at = g_strdup (starts);
  g_free (meeting->ends_at);
  meeting->ends_at = g_strdup (ends);
  g_free (meeting->status);
  meeting->status = g_strdup (status);
  g_assert_true (klynge_meeting_save (f->db, meeting, &error));
  g_assert_no_error (error);
  return meeting;
}

gint64
meetings_count (MeetingsFixture *f,
                const char      *sql,
                gint64           id)
{
  return klynge_test_count (f->db, sql, id);
}

void
meetings_result_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      slot)
{
  *(GAsyncResult **) slot = g_object_ref (result);
}

GAsyncResult *
meetings_wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_steal_pointer (slot);
}
