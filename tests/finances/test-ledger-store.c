/* test-ledger-store.c — the cluster's ledger, updated in place
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-ledger.h"
#include "klynge-ledger-store.h"
#include "klynge-test-utils.h"

typedef KlyngeTestDemo Fixture;

static void
refresh (KlyngeLedgerStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_record_store_refresh (KLYNGE_RECORD_STORE (store), &error));
  g_assert_no_error (error);
}

static void
test_lazy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(KlyngeLedgerStore) store = klynge_ledger_store_new (f->db, f->cluster);
  g_autoptr(GError) error = NULL;
  gint64 n = klynge_test_count (f->db, "SELECT count(*) FROM ledger_entry WHERE cluster_id = ?1", f->cluster);

  g_assert_cmpint (n, >, 10);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == KLYNGE_TYPE_LEDGER_ENTRY);
  refresh (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_true (klynge_record_store_load (KLYNGE_RECORD_STORE (store), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
  g_assert_cmpint (klynge_record_store_get_owner_id (KLYNGE_RECORD_STORE (store)), ==, f->cluster);
  g_assert_null (klynge_record_store_get_error (KLYNGE_RECORD_STORE (store)));
}

/* A save changes the entry's own object (and the running balance of the
 * entries after it), a delete takes it out, undo brings it back, a new
 * entry comes in: each change is one items-changed, naming what changed. */
static void
test_save_delete_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KlyngeLedgerStore) store = klynge_ledger_store_new (f->db, f->cluster);
  GListModel *model = G_LIST_MODEL (store);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(KlyngeLedgerEntry) edited = NULL;
  g_autoptr(KlyngeSnapshot) deleted = NULL;
  g_autoptr(KlyngeLedgerEntry) added = NULL;
  KlyngeLedgerEntry *listed, *last;
  gint64 last_balance, id;
  guint n, position;

  g_assert_true (klynge_record_store_load (KLYNGE_RECORD_STORE (store), &error));
  n = g_list_model_get_n_items (model);
  position = n - 5;
  listed = klynge_test_item (model, position);
  last = klynge_test_item (model, n - 1);
  last_balance = last->balance;
  id = listed->id;
  klynge_test_log_items_changed (model, log);
  klynge_test_log_notify (listed, names);

  /* Nothing changed: nothing announced. */
  refresh (store);
  klynge_test_assert_log (log, "");
  klynge_test_assert_names (names, "");

  /* A note is the entry's row alone. */
  edited = klynge_ledger_entry_new ();
  edited->id = listed->id;
  edited->date = g_strdup (listed->date);
  edited->amount = listed->amount;
  edited->category_id = listed->category_id;
  edited->meeting_id = listed->meeting_id;
  g_free (edited->counterparty);
  edited->counterparty = g_strdup (listed->counterparty);
  g_free (edited->reference);
  edited->reference = g_strdup (listed->reference);
  g_free (edited->note);
  edited->note = g_strdup ("Receipt in the blue folder");
  g_assert_true (klynge_ledger_save_entry (f->db, f->cluster, 0, edited, &error));
  g_assert_no_error (error);
  refresh (store);
  g_assert_true (klynge_test_item (model, position) == listed);
  g_assert_cmpstr (listed->note, ==, "Receipt in the blue folder");
  klynge_test_assert_names (names, "note");
  expected = g_strdup_printf ("(%u,1,1)", position);
  klynge_test_assert_log (log, expected);

  /* An amount moves the balance of every entry after it too. */
  edited->amount = listed->amount + 10000;
  g_assert_true (klynge_ledger_save_entry (f->db, f->cluster, 0, edited, &error));
  refresh (store);
  g_assert_true (klynge_test_item (model, position) == listed);
  g_assert_true (klynge_test_item (model, n - 1) == last);
  klynge_test_assert_names (names, "balance signed-amount");
  g_assert_cmpint (last->balance, ==, last_balance + (listed->kind == KLYNGE_LEDGER_INCOME ? 10000 : -10000));
  g_free (expected);
  expected = g_strdup_printf ("(%u,%u,%u)", position, n - position, n - position);
  klynge_test_assert_log (log, expected);

  g_signal_handlers_disconnect_by_data (listed, names);
  deleted = klynge_ledger_delete_entry (f->db, f->cluster, id, &error);
  g_assert_nonnull (deleted);
  refresh (store);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n - 1);
  g_free (expected);
  expected = g_strdup_printf ("(%u,%u,%u)", position, n - position, n - position - 1);
  klynge_test_assert_log (log, expected);

  g_assert_true (klynge_snapshot_restore (deleted, f->db, &error));
  g_assert_no_error (error);
  refresh (store);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_cmpint (((KlyngeLedgerEntry *) klynge_test_item (model, position))->id, ==, id);
  g_assert_true (klynge_test_item (model, n - 1) == last);
  g_free (expected);
  expected = g_strdup_printf ("(%u,%u,%u)", position, n - position - 1, n - position);
  klynge_test_assert_log (log, expected);

  /* A new entry after the others is one added row. */
  added = klynge_ledger_entry_new ();
  added->date = g_strdup ("2026-12-31");
  added->amount = 100;
  added->category_id = last->category_id;
  g_assert_true (klynge_ledger_save_entry (f->db, f->cluster, 0, added, &error));
  refresh (store);
  g_assert_cmpint (((KlyngeLedgerEntry *) klynge_test_item (model, n))->id, ==, added->id);
  g_free (expected);
  expected = g_strdup_printf ("(%u,0,1)", n);
  klynge_test_assert_log (log, expected);

  g_signal_handlers_disconnect_by_data (model, log);
}

/* A ledger that cannot be read keeps what it showed, and says why. */
static void
test_error (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(KlyngeLedgerStore) store = klynge_ledger_store_new (f->db, f->cluster);
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n;

  g_assert_true (klynge_record_store_load (KLYNGE_RECORD_STORE (store), &error));
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  klynge_test_log_items_changed (G_LIST_MODEL (store), changes);
  g_assert_true (klynge_db_exec (f->db, "ALTER TABLE ledger_entry RENAME TO ledger_entry_away", NULL));
  g_assert_false (klynge_record_store_refresh (KLYNGE_RECORD_STORE (store), &error));
  g_assert_nonnull (error);
  g_assert_nonnull (klynge_record_store_get_error (KLYNGE_RECORD_STORE (store)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
  klynge_test_assert_log (changes, "");

  g_assert_true (klynge_db_exec (f->db, "ALTER TABLE ledger_entry_away RENAME TO ledger_entry", NULL));
  refresh (store);
  g_assert_null (klynge_record_store_get_error (KLYNGE_RECORD_STORE (store)));
  klynge_test_assert_log (changes, "");
  g_signal_handlers_disconnect_by_data (store, changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/finances/ledger-store/" path, Fixture, NULL, klynge_test_demo_set_up, func, klynge_test_demo_tear_down)
  ADD ("lazy", test_lazy);
  ADD ("save-delete-undo", test_save_delete_undo);
  ADD ("error", test_error);

  return g_test_run ();
}
