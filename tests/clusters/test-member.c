/* test-member.c — members and roles: create, update, validation, leave, delete and undo
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "klynge-clinic.h"
#include "klynge-cluster.h"
#include "klynge-demo.h"
#include "klynge-member.h"
#include "cluster-fixture.h"

static gint64
count (Fixture    *f,
       const char *sql,
       gint64      id)
{
  return klynge_test_count (f->db, sql, id);
}

/* The coordinator: the first GP of the demo, with attendance and meetings to facilitate. */
static gint64
coordinator_id (Fixture *f)
{
  return count (f, "SELECT member_id FROM member_role WHERE role = 'coordinator'", 0);
}

static KlyngeMember *
new_member (const char *name)
{
  KlyngeMember *member = klynge_member_new ();

  g_free (member->name);
  member->name = g_strdup (name);
  return member;
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) members = klynge_member_list (f->db, f->cluster, &error);
  guint n_roles = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, KLYNGE_DEMO_N_GPS + 1);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(KlyngeMember) member = g_list_model_get_item (members, i);

      n_roles += member->roles->len;
      g_assert_cmpstr (member->clinic_name, !=, "");
      if (member->id == coordinator_id (f))
        {
          g_autofree char *roles = klynge_member_current_roles (member);

          g_assert_cmpstr (roles, ==, "Coordinator");
        }
    }
  g_assert_cmpuint (n_roles, ==, count (f, "SELECT count(*) FROM member_role", 0));
}

static void
test_create_update (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KlyngeMember) member = new_member (" Karen Holm ");
  g_autoptr(KlyngeMember) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *roles = NULL;

  g_free (member->title);
  member->title = g_strdup ("nurse");
  member->clinic_id = count (f, "SELECT id FROM clinic WHERE provider_number = '034567'", 0);
  g_free (member->email);
  member->email = g_strdup ("karen@skovbo.dk");
  member->joined_on = g_strdup ("2023-01-01");
  g_ptr_array_add (member->roles, klynge_member_role_new ("board", "2023-03-01", NULL));
  g_ptr_array_add (member->roles, klynge_member_role_new ("treasurer", "2020-01-01", "2021-12-31"));
  g_assert_true (klynge_member_save (f->db, f->cluster, member, &error));
  g_assert_no_error (error);

  loaded = klynge_member_load (f->db, f->cluster, member->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "Karen Holm");
  g_assert_cmpstr (loaded->title, ==, "nurse");
  g_assert_cmpstr (loaded->clinic_name, ==, "Skovbo Lægeklinik");
  g_assert_cmpuint (loaded->roles->len, ==, 2);
  /* Roles come by start date; the ended one is history, not a current role. */
  g_assert_cmpstr (((KlyngeMemberRole *) loaded->roles->pdata[0])->role, ==, "treasurer");
  roles = klynge_member_current_roles (loaded);
  g_assert_cmpstr (roles, ==, "Board member");

  /* Editing replaces the roles. */
  g_ptr_array_set_size (loaded->roles, 0);
  g_ptr_array_add (loaded->roles, klynge_member_role_new ("chair", "2024-01-01", NULL));
  loaded->clinic_id = 0;
  g_assert_true (klynge_member_save (f->db, f->cluster, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member_role WHERE member_id = ?1", member->id), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member WHERE id = ?1 AND clinic_id IS NULL", member->id), ==, 1);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  enum { EMPTY_NAME, EMAIL, TITLE, OTHER_CLUSTER, ROLE_PERIOD, ROLE_KEY, LEFT_BEFORE_JOINED, ROLE_AFTER_LEAVING, N_CASES };
  const char *expected[N_CASES] = {
    "needs a name", "not an e-mail address", "not a title", "not in this cluster",
    "Chair: The end date", "not a role", "before the start", "starts after the member left",
  };
  gint64 other_cluster = klynge_cluster_create (f->db, "Anden klynge", NULL);
  g_autoptr(KlyngeClinic) foreign = klynge_clinic_new ();
  gint64 members = count (f, "SELECT count(*) FROM member", 0);
  gint64 roles = count (f, "SELECT count(*) FROM member_role", 0);

  g_free (foreign->name);
  foreign->name = g_strdup ("Fremmed klinik");
  g_assert_true (klynge_clinic_save (f->db, other_cluster, foreign, NULL));

  for (int c = 0; c < N_CASES; c++)
    {
      g_autoptr(KlyngeMember) member = new_member ("Ny Læge");
      g_autoptr(GError) error = NULL;

      g_ptr_array_add (member->roles, klynge_member_role_new ("member", "2024-01-01", NULL));
      switch (c)
        {
        case EMPTY_NAME: g_free (member->name); member->name = g_strdup (""); break;
        case EMAIL: g_free (member->email); member->email = g_strdup ("ny læge@klinik.dk"); break;
        case TITLE: g_free (member->title); member->title = g_strdup ("surgeon"); break;
        case OTHER_CLUSTER: member->clinic_id = foreign->id; break;
        case ROLE_PERIOD: g_ptr_array_add (member->roles, klynge_member_role_new ("chair", "2024-01-01", "2023-01-01")); break;
        case ROLE_KEY: g_ptr_array_add (member->roles, klynge_member_role_new ("king", NULL, NULL)); break;
        case LEFT_BEFORE_JOINED:
          member->joined_on = g_strdup ("2024-01-01");
          member->left_on = g_strdup ("2023-12-31");
          break;
        case ROLE_AFTER_LEAVING: member->left_on = g_strdup ("2023-12-31"); break;
        default: g_assert_not_reached ();
        }
      g_assert_false (klynge_member_save (f->db, f->cluster, member, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, expected[c]));
      g_assert_cmpint (member->id, ==, 0);
      g_assert_cmpint (count (f, "SELECT count(*) FROM member", 0), ==, members);
      g_assert_cmpint (count (f, "SELECT count(*) FROM member_role", 0), ==, roles);
    }
}

static void
test_leave_keeps_history (Fixture       *f,
                          gconstpointer  data)
{
  gint64 id = coordinator_id (f);
  gint64 attendance = count (f, "SELECT count(*) FROM attendance WHERE member_id = ?1", id);
  g_autoptr(KlyngeMember) member = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = klynge_member_active_emails (f->db, f->cluster, NULL);
  g_autofree char *after = NULL;
  g_autofree char *email = NULL;

  g_assert_false (klynge_member_leave (f->db, f->cluster, id, "2026-02-30", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (klynge_member_leave (f->db, f->cluster, id, "2025-06-30", &error));
  g_assert_no_error (error);
  member = klynge_member_load (f->db, f->cluster, id, &error);
  g_assert_true (klynge_member_is_former (member));
  g_assert_cmpstr (((KlyngeMemberRole *) member->roles->pdata[0])->to_date, ==, "2025-06-30");
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE member_id = ?1", id), ==, attendance);
  g_assert_cmpint (attendance, >, 0);

  /* A former member is off the BCC line. */
  email = g_strdup (member->email);
  after = klynge_member_active_emails (f->db, f->cluster, NULL);
  g_assert_nonnull (strstr (before, email));
  g_assert_null (strstr (after, email));
}

/* Saving a leaving date (as the editor does) ends the roles held then. */
static void
test_save_left_ends_roles (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(KlyngeMember) member = klynge_member_load (f->db, f->cluster, coordinator_id (f), NULL);
  g_autoptr(KlyngeMember) loaded = NULL;
  g_autoptr(GError) error = NULL;

  member->left_on = g_strdup ("2025-01-31");
  g_assert_true (klynge_member_save (f->db, f->cluster, member, &error));
  g_assert_no_error (error);
  loaded = klynge_member_load (f->db, f->cluster, member->id, NULL);
  g_assert_true (klynge_member_is_former (loaded));
  g_assert_cmpstr (((KlyngeMemberRole *) loaded->roles->pdata[0])->to_date, ==, "2025-01-31");
}

static void
test_active_emails (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KlyngeMember) twin = new_member ("Aase Andersen");
  g_autoptr(KlyngeMember) silent = new_member ("Bo Bech");
  g_autofree char *emails = NULL;
  g_auto(GStrv) parts = NULL;

  g_free (twin->email);
  twin->email = g_strdup ("LOUISE.MADSEN@example.dk");
  g_assert_true (klynge_member_save (f->db, f->cluster, twin, NULL));
  g_assert_true (klynge_member_save (f->db, f->cluster, silent, NULL));
  emails = klynge_member_active_emails (f->db, f->cluster, NULL);
  parts = g_strsplit (emails, ", ", -1);
  /* Everyone has an address but Bo; the shared one comes once. */
  g_assert_cmpuint (g_strv_length (parts), ==,
                    count (f, "SELECT count(DISTINCT lower(email)) FROM member WHERE email <> ''", 0));
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = coordinator_id (f);
  gint64 attendance = count (f, "SELECT count(*) FROM attendance WHERE member_id = ?1", id);
  gint64 invitations = count (f, "SELECT count(*) FROM invitation WHERE member_id = ?1", id);
  gint64 facilitated = count (f, "SELECT count(*) FROM meeting WHERE facilitator_id = ?1", id);
  g_autoptr(KlyngeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (klynge_member_delete (f->db, f->cluster + 1, id, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  snapshot = klynge_member_delete (f->db, f->cluster, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member WHERE id = ?1", id), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE member_id = ?1", id), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM meeting WHERE facilitator_id = ?1", id), ==, 0);

  g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member WHERE id = ?1", id), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE member_id = ?1", id), ==, attendance);
  g_assert_cmpint (count (f, "SELECT count(*) FROM invitation WHERE member_id = ?1", id), ==, invitations);
  g_assert_cmpint (count (f, "SELECT count(*) FROM meeting WHERE facilitator_id = ?1", id), ==, facilitated);
  g_assert_cmpint (count (f, "SELECT count(*) FROM member_role WHERE member_id = ?1", id), ==, 1);
}

static void
test_labels (void)
{
  const char * const *titles = klynge_member_titles ();

  g_assert_cmpuint (g_strv_length ((char **) titles), ==, 5);
  g_assert_cmpstr (klynge_member_title_label ("gp"), ==, "GP");
  g_assert_cmpstr (klynge_member_role_label ("board"), ==, "Board member");
  g_assert_cmpuint (g_strv_length ((char **) klynge_member_role_keys ()), ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/clusters/member/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("list", test_list);
  ADD ("create-update", test_create_update);
  ADD ("validation", test_validation);
  ADD ("leave-keeps-history", test_leave_keeps_history);
  ADD ("save-left-ends-roles", test_save_left_ends_roles);
  ADD ("active-emails", test_active_emails);
  ADD ("delete-and-undo", test_delete_and_undo);
#undef ADD
  g_test_add_func ("/clusters/member/labels", test_labels);

  return g_test_run ();
}
