/* test-undo-stack.c — one undo for the open database: deletes undone and
 * redone in order, for as long as nothing else wrote
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-chart-letters.h"
#include "klynge-member.h"
#include "klynge-meeting.h"
#include "klynge-undo-stack.h"
#include "klynge-test-utils.h"

static gint64
n_members (KlyngeTestDemo *f)
{
  return klynge_test_count (f->db, "SELECT count(*) FROM member WHERE cluster_id = ?1", f->cluster);
}

static void
delete_member (KlyngeTestDemo  *f,
               KlyngeUndoStack *stack,
               const char      *which)
{
  g_autoptr(GError) error = NULL;
  gint64 id = klynge_test_count (f->db, which, f->cluster);
  KlyngeSnapshot *snapshot = klynge_member_delete (f->db, f->cluster, id, &error);

  g_assert_no_error (error);
  klynge_undo_stack_push (stack, "Member deleted", snapshot);
}

static void
test_undo_redo (KlyngeTestDemo *f,
                gconstpointer   data)
{
  g_autoptr(KlyngeUndoStack) stack = klynge_undo_stack_new (f->db);
  g_autoptr(GError) error = NULL;
  gint64 members = n_members (f);

  g_assert_false (klynge_undo_stack_get_can_undo (stack));
  delete_member (f, stack, "SELECT min(id) FROM member WHERE cluster_id = ?1");
  delete_member (f, stack, "SELECT max(id) FROM member WHERE cluster_id = ?1");
  g_assert_cmpint (n_members (f), ==, members - 2);
  g_assert_true (klynge_undo_stack_get_can_undo (stack));
  g_assert_false (klynge_undo_stack_get_can_redo (stack));

  g_assert_true (klynge_undo_stack_undo (stack, &error));
  g_assert_true (klynge_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_members (f), ==, members);
  g_assert_false (klynge_undo_stack_get_can_undo (stack));
  g_assert_false (klynge_undo_stack_undo (stack, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (klynge_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_members (f), ==, members - 1);
  g_assert_true (klynge_undo_stack_get_can_redo (stack));
  g_assert_true (klynge_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_members (f), ==, members);
}

/* Any other write ends what can be undone: a new member could have taken
 * the deleted one's id. */
static void
test_forgets_after_other_change (KlyngeTestDemo *f,
                                 gconstpointer   data)
{
  g_autoptr(KlyngeUndoStack) stack = klynge_undo_stack_new (f->db);
  g_autoptr(GError) error = NULL;
  gint64 members = n_members (f);

  delete_member (f, stack, "SELECT max(id) FROM member WHERE cluster_id = ?1");
  g_assert_true (klynge_db_exec (f->db, "UPDATE cluster SET notes = 'changed'", &error));
  g_assert_false (klynge_undo_stack_undo (stack, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (klynge_undo_stack_get_can_undo (stack));
  g_assert_cmpint (n_members (f), ==, members - 1);

  /* A write between two deletes keeps only the second one undoable. */
  delete_member (f, stack, "SELECT max(id) FROM member WHERE cluster_id = ?1");
  g_assert_true (klynge_db_exec (f->db, "UPDATE cluster SET notes = 'again'", &error));
  delete_member (f, stack, "SELECT max(id) FROM member WHERE cluster_id = ?1");
  g_assert_true (klynge_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_false (klynge_undo_stack_get_can_undo (stack));
  g_assert_cmpint (n_members (f), ==, members - 2);
}

/* Another connection's commit (klynge-cli, an import's worker) counts too. */
static void
test_forgets_after_other_connection (KlyngeTestDemo *f,
                                     gconstpointer   data)
{
  g_autoptr(KlyngeUndoStack) stack = klynge_undo_stack_new (f->db);
  g_autoptr(KlyngeDb) other = klynge_test_open_db (f->db_path);
  g_autoptr(GError) error = NULL;

  delete_member (f, stack, "SELECT max(id) FROM member WHERE cluster_id = ?1");
  g_assert_true (klynge_db_exec (other, "UPDATE cluster SET notes = 'elsewhere'", &error));
  g_assert_false (klynge_undo_stack_undo (stack, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
}

/* An import's batch is removed whole, which stays right after other
 * writes; it cannot be redone, its file being imported again instead. */
static void
test_import (KlyngeTestDemo *f,
             gconstpointer   data)
{
  g_autoptr(KlyngeUndoStack) stack = klynge_undo_stack_new (f->db);
  g_autoptr(GError) error = NULL;
  gint64 members = n_members (f);
  gint64 batch = klynge_test_add_large_batch (f->db, 10);

  klynge_undo_stack_push_import (stack, "10 measurements imported", batch);
  g_assert_cmpstr (klynge_undo_stack_get_undo_label (stack), ==, "10 measurements imported");
  delete_member (f, stack, "SELECT min(id) FROM member WHERE cluster_id = ?1");
  g_assert_true (klynge_db_exec (f->db, "UPDATE cluster SET notes = 'changed'", &error));

  /* The delete is forgotten, the import is not. */
  g_assert_true (klynge_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM import_batch WHERE id = ?1", batch), ==, 0);
  g_assert_cmpint (n_members (f), ==, members - 1);
  g_assert_false (klynge_undo_stack_get_can_undo (stack));
  g_assert_false (klynge_undo_stack_get_can_redo (stack));
}

/* The letters a chart deals are bookkeeping: they keep the undo, and never
 * take the ids of the letters a deleted meeting took with it, which the
 * undo puts back. */
static void
test_keeps_after_letters (KlyngeTestDemo *f,
                          gconstpointer   data)
{
  g_autoptr(KlyngeUndoStack) stack = klynge_undo_stack_new (f->db);
  g_autoptr(GError) error = NULL;
  gint64 deleted = klynge_test_count (f->db, "SELECT min(id) FROM meeting WHERE cluster_id = ?1", f->cluster);
  gint64 other = klynge_test_count (f->db, "SELECT max(id) FROM meeting WHERE cluster_id = ?1", f->cluster);
  gint64 letters;
  KlyngeSnapshot *snapshot;

  g_assert_cmpint (deleted, !=, other);
  g_hash_table_unref (klynge_chart_letters_deal (f->db, f->cluster, deleted, NULL));
  letters = klynge_test_count (f->db, "SELECT count(*) FROM clinic_letter WHERE meeting_id = ?1", deleted);
  g_assert_cmpint (letters, >, 0);
  snapshot = klynge_meeting_delete (f->db, deleted, &error);
  g_assert_no_error (error);
  klynge_undo_stack_push (stack, "Meeting deleted", snapshot);

  g_hash_table_unref (klynge_chart_letters_deal (f->db, f->cluster, other, NULL));
  g_assert_true (klynge_undo_stack_get_can_undo (stack));
  g_assert_true (klynge_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM clinic_letter WHERE meeting_id = ?1", deleted), ==, letters);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, KlyngeTestDemo, NULL, klynge_test_demo_set_up, func, klynge_test_demo_tear_down)
  ADD ("/undo-stack/undo-redo", test_undo_redo);
  ADD ("/undo-stack/forgets-after-other-change", test_forgets_after_other_change);
  ADD ("/undo-stack/forgets-after-other-connection", test_forgets_after_other_connection);
  ADD ("/undo-stack/import", test_import);
  ADD ("/undo-stack/keeps-after-letters", test_keeps_after_letters);
#undef ADD

  return g_test_run ();
}
