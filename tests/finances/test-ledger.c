/* test-ledger.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "klynge-cluster.h"
#include "klynge-demo.h"
#include "klynge-ledger.h"
#include "klynge-test-utils.h"

/* The demo's 2026 in øre: the yearly grant (48,000 patients × 4.26) and a
 * foundation grant; two meetings' costs, remuneration, secretary, fees. */
#define DEMO_INCOME    (KLYNGE_DEMO_LISTED_PATIENTS * 426 + 1500000)
#define DEMO_EXPENSES  (8982500 + 11 * 250000 + 11 * 4500)

/* The demo cluster in a fresh temporary database. */
typedef KlyngeTestDemo Fixture;

static gint64
category_by_key (Fixture    *f,
                 const char *key)
{
  g_autoptr(GPtrArray) categories = klynge_ledger_list_categories (f->db, f->cluster, NULL);

  g_assert_nonnull (categories);
  for (guint i = 0; i < categories->len; i++)
    {
      KlyngeLedgerCategory *c = g_ptr_array_index (categories, i);

      if (g_strcmp0 (c->key, key) == 0)
        return c->id;
    }
  g_assert_not_reached ();
}

static KlyngeLedgerLine *
line_for (KlyngeLedgerYear *year,
          gint64            category_id)
{
  for (guint i = 0; i < year->lines->len; i++)
    {
      KlyngeLedgerLine *line = g_ptr_array_index (year->lines, i);

      if (line->category_id == category_id)
        return line;
    }
  g_assert_not_reached ();
}

static gint64
n_entries (Fixture *f)
{
  return klynge_test_count (f->db, "SELECT count(*) FROM ledger_entry WHERE cluster_id = ?1", f->cluster);
}

static KlyngeLedgerEntry *
expense (Fixture    *f,
         const char *date,
         gint64      amount,
         const char *key)
{
  KlyngeLedgerEntry *entry = klynge_ledger_entry_new ();

  entry->date = g_strdup (date);
  entry->amount = amount;
  entry->category_id = key != NULL ? category_by_key (f, key) : 0;
  g_free (entry->counterparty);
  entry->counterparty = g_strdup ("=HYPERLINK(\"http://x\")");
  return entry;
}

static void
test_demo_totals (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLedgerYear) year = klynge_ledger_year_load (f->db, f->cluster, 2026, &error);

  (void) data;
  g_assert_no_error (error);
  g_assert_cmpint (year->n_entries, ==, 32);
  /* Typed in for the first year, carried into it. */
  g_assert_cmpint (year->opening, ==, KLYNGE_DEMO_OPENING_BALANCE);
  g_assert_cmpint (year->income, ==, DEMO_INCOME);
  g_assert_cmpint (year->expenses, ==, DEMO_EXPENSES);
  g_assert_cmpint (year->result, ==, DEMO_INCOME - DEMO_EXPENSES);
  g_assert_cmpint (year->closing, ==, KLYNGE_DEMO_OPENING_BALANCE + DEMO_INCOME - DEMO_EXPENSES);
  g_assert_cmpint (line_for (year, category_by_key (f, "catering"))->actual, ==, 450000 + 1687500);
  g_assert_cmpint (line_for (year, category_by_key (f, "secretary"))->actual, ==, 11 * 250000);
  g_assert_cmpint (line_for (year, category_by_key (f, "start_grant"))->actual, ==, 0);
  /* Income categories come first, so the accounts read top-down. */
  g_assert_cmpint (((KlyngeLedgerLine *) g_ptr_array_index (year->lines, 0))->kind, ==, KLYNGE_LEDGER_INCOME);
}

static void
test_running_balance (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = klynge_ledger_list_entries (f->db, f->cluster, NULL, &error);
  KlyngeLedgerFilter filter = { .year = 2026, .category_id = category_by_key (f, "catering") };
  g_autoptr(GListModel) catering = NULL;
  g_autoptr(KlyngeLedgerEntry) last = NULL;
  g_autoptr(KlyngeLedgerEntry) first = NULL;
  gint64 balance = KLYNGE_DEMO_OPENING_BALANCE;

  (void) data;
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 32);
  for (guint i = 0; i < 32; i++)
    {
      g_autoptr(KlyngeLedgerEntry) e = g_list_model_get_item (all, i);

      balance += klynge_ledger_entry_get_signed_amount (e);
      g_assert_cmpint (e->balance, ==, balance);
    }
  last = g_list_model_get_item (all, 31);
  g_assert_cmpint (last->balance, ==, KLYNGE_DEMO_OPENING_BALANCE + DEMO_INCOME - DEMO_EXPENSES);

  /* Filtered rows keep the cluster's balance after each of them. */
  catering = klynge_ledger_list_entries (f->db, f->cluster, &filter, &error);
  g_assert_cmpuint (g_list_model_get_n_items (catering), ==, 2);
  first = g_list_model_get_item (catering, 0);
  g_assert_cmpint (first->amount, ==, 450000);
  g_assert_cmpint (first->balance, ==, KLYNGE_DEMO_OPENING_BALANCE + KLYNGE_DEMO_LISTED_PATIENTS * 426 + 1500000
                                       - 2 * 250000 - 2 * 4500 - 450000);
  g_assert_cmpstr (first->category_name, ==, "Catering");
  g_assert_nonnull (first->meeting_title);

  filter = (KlyngeLedgerFilter) { .meeting_id = first->meeting_id };
  g_clear_object (&catering);
  catering = klynge_ledger_list_entries (f->db, f->cluster, &filter, &error);
  g_assert_cmpuint (g_list_model_get_n_items (catering), ==, 2);   /* catering and speaker */

  filter = (KlyngeLedgerFilter) { .year = 2025 };
  g_clear_object (&catering);
  catering = klynge_ledger_list_entries (f->db, f->cluster, &filter, &error);
  g_assert_cmpuint (g_list_model_get_n_items (catering), ==, 0);
}

/* Typed in for the first booked year, carried from each closing balance
 * into the next year; refused while a year is locked. */
static void
test_opening_balance (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLedgerYear) y2026 = NULL;
  g_autoptr(KlyngeLedgerYear) y2027 = NULL;
  gint64 opening = 0;

  (void) data;
  g_assert_true (klynge_ledger_get_opening_balance (f->db, f->cluster, &opening, &error));
  g_assert_cmpint (opening, ==, KLYNGE_DEMO_OPENING_BALANCE);
  g_assert_true (klynge_ledger_set_opening_balance (f->db, f->cluster, 100000, &error));
  g_assert_no_error (error);
  y2026 = klynge_ledger_year_load (f->db, f->cluster, 2026, &error);
  y2027 = klynge_ledger_year_load (f->db, f->cluster, 2027, &error);
  g_assert_cmpint (y2026->opening, ==, 100000);
  g_assert_cmpint (y2027->opening, ==, y2026->closing);
  g_assert_cmpint (y2027->opening, ==, 100000 + DEMO_INCOME - DEMO_EXPENSES);

  g_assert_true (klynge_ledger_set_year_locked (f->db, f->cluster, 2026, TRUE, &error));
  g_assert_false (klynge_ledger_set_opening_balance (f->db, f->cluster, 0, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "2026"));
  g_assert_true (klynge_ledger_get_opening_balance (f->db, f->cluster, &opening, NULL));
  g_assert_cmpint (opening, ==, 100000);
}

static void
test_add_edit_delete_undo (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLedgerEntry) entry = expense (f, "2026-12-01", 123450, "venue");
  g_autoptr(KlyngeSnapshot) deleted = NULL;
  g_autoptr(KlyngeLedgerYear) year = NULL;
  gint64 id;

  (void) data;
  g_assert_true (klynge_ledger_save_entry (f->db, f->cluster, 2026, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (entry->id, >, 0);
  g_assert_cmpint (entry->kind, ==, KLYNGE_LEDGER_EXPENSE);
  year = klynge_ledger_year_load (f->db, f->cluster, 2026, &error);
  g_assert_cmpint (year->closing, ==, KLYNGE_DEMO_OPENING_BALANCE + DEMO_INCOME - DEMO_EXPENSES - 123450);
  g_clear_pointer (&year, klynge_ledger_year_free);

  entry->amount = 100;
  g_assert_true (klynge_ledger_save_entry (f->db, f->cluster, 2026, entry, &error));
  year = klynge_ledger_year_load (f->db, f->cluster, 2026, &error);
  g_assert_cmpint (year->expenses, ==, DEMO_EXPENSES + 100);
  g_clear_pointer (&year, klynge_ledger_year_free);

  id = entry->id;
  deleted = klynge_ledger_delete_entry (f->db, f->cluster, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  g_assert_cmpint (n_entries (f), ==, 32);
  g_assert_true (klynge_snapshot_restore (deleted, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_entries (f), ==, 33);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT amount FROM ledger_entry WHERE id = ?1", id), ==, 100);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  struct {
    const char *date;
    gint64      amount;
    const char *key;
    const char *message_part;
  } cases[] = {
    { "2025-12-31", 100, "venue", "outside the financial year" },
    { "2026-02-30", 100, "venue", "not a date" },
    { "14/03/2026", 100, "venue", "not a date" },
    { "2026-03-14", 0, "venue", "more than zero" },
    { "2026-03-14", -5, "venue", "more than zero" },
    { "2026-03-14", 100, NULL, "category" },
  };

  (void) data;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KlyngeLedgerEntry) entry = expense (f, cases[i].date, cases[i].amount, cases[i].key);

      g_assert_false (klynge_ledger_save_entry (f->db, f->cluster, 2026, entry, &error));
      g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
      g_assert_cmpint (entry->id, ==, 0);
      g_assert_cmpint (n_entries (f), ==, 32);
    }
}

static void
test_locked_year (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLedgerEntry) entry = expense (f, "2026-05-01", 5000, "other");
  g_autoptr(KlyngeLedgerEntry) moved = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(KlyngeLedgerEntry) existing = NULL;

  (void) data;
  g_assert_true (klynge_ledger_set_year_locked (f->db, f->cluster, 2026, TRUE, &error));
  g_assert_true (klynge_ledger_is_year_locked (f->db, f->cluster, 2026));

  g_assert_false (klynge_ledger_save_entry (f->db, f->cluster, 2026, entry, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  all = klynge_ledger_list_entries (f->db, f->cluster, NULL, &error);
  existing = g_list_model_get_item (all, 0);
  g_assert_null (klynge_ledger_delete_entry (f->db, f->cluster, existing->id, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Moving an entry out of the locked year is a change to that year. */
  g_free (existing->date);
  existing->date = g_strdup ("2027-01-05");
  g_assert_false (klynge_ledger_save_entry (f->db, f->cluster, 0, existing, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_false (klynge_ledger_set_budget (f->db, f->cluster, 2026, category_by_key (f, "venue"), 100, &error));
  g_clear_error (&error);
  g_assert_cmpint (n_entries (f), ==, 32);

  /* Other years stay open; unlocking opens the year again. */
  moved = expense (f, "2027-01-05", 5000, "other");
  g_assert_true (klynge_ledger_save_entry (f->db, f->cluster, 2027, moved, &error));
  g_assert_true (klynge_ledger_set_year_locked (f->db, f->cluster, 2026, FALSE, &error));
  g_assert_true (klynge_ledger_save_entry (f->db, f->cluster, 2026, entry, &error));
  g_assert_no_error (error);
}

static void
test_categories (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  (void) data;
  id = klynge_ledger_add_category (f->db, f->cluster, "  Travel ", KLYNGE_LEDGER_EXPENSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (klynge_ledger_add_category (f->db, f->cluster, "Travel", KLYNGE_LEDGER_EXPENSE, &error), ==, 0);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (klynge_ledger_add_category (f->db, f->cluster, "   ", KLYNGE_LEDGER_INCOME, &error), ==, 0);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (klynge_ledger_rename_category (f->db, id, "Travel costs", &error));
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM ledger_category WHERE cluster_id = ?1 "
                                           "AND name = 'Travel costs'", f->cluster), ==, 1);
}

static void
test_grants (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) y2026 = klynge_ledger_propose_grants (f->db, f->cluster, 2026, &error);
  g_autoptr(GPtrArray) y2018 = NULL;
  g_autoptr(GPtrArray) y2017 = NULL;
  KlyngeLedgerEntry *e;

  (void) data;
  g_assert_no_error (error);
  g_assert_cmpuint (y2026->len, ==, 1);
  e = g_ptr_array_index (y2026, 0);
  g_assert_cmpint (e->amount, ==, 48000 * 426);
  g_assert_cmpint (e->category_id, ==, category_by_key (f, "yearly_grant"));

  y2018 = klynge_ledger_propose_grants (f->db, f->cluster, 2018, &error);
  g_assert_cmpuint (y2018->len, ==, 2);
  e = g_ptr_array_index (y2018, 0);
  g_assert_cmpint (e->category_id, ==, category_by_key (f, "start_grant"));
  g_assert_cmpint (e->amount, ==, KLYNGE_DEMO_N_GPS * G_GINT64_CONSTANT (1000000));

  /* Rates are the cluster's: a Scottish cluster pays in pence. */
  g_assert_true (klynge_ledger_set_grant_rates (f->db, f->cluster, 500000, 100, &error));
  g_assert_true (klynge_ledger_set_currency (f->db, f->cluster, "GBP", &error));
  g_assert_false (klynge_ledger_set_currency (f->db, f->cluster, "pounds", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&y2018, g_ptr_array_unref);
  y2018 = klynge_ledger_propose_grants (f->db, f->cluster, 2018, &error);
  g_assert_cmpint (((KlyngeLedgerEntry *) g_ptr_array_index (y2018, 0))->amount, ==, KLYNGE_DEMO_N_GPS * 500000);
  g_assert_cmpint (((KlyngeLedgerEntry *) g_ptr_array_index (y2018, 1))->amount, ==, 48000 * 100);

  /* Before the clinics joined there is nothing to expect. */
  y2017 = klynge_ledger_propose_grants (f->db, f->cluster, 2017, &error);
  g_assert_cmpuint (y2017->len, ==, 0);
}

/* Booking books what the year lacks, once; its undo takes the booked
 * entries out again and its redo puts them back. */
static void
test_book_grants (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeSnapshot) booked = NULL;
  g_autoptr(KlyngeSnapshot) again = NULL;
  gint64 before = n_entries (f);
  guint n_booked;

  booked = klynge_ledger_book_grants (f->db, f->cluster, 2018, &n_booked, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_booked, ==, 2);
  g_assert_cmpint (n_entries (f), ==, before + 2);
  again = klynge_ledger_book_grants (f->db, f->cluster, 2018, &n_booked, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_booked, ==, 0);
  g_assert_cmpint (n_entries (f), ==, before + 2);

  g_assert_true (klynge_snapshot_restore (booked, f->db, &error));
  g_assert_cmpint (n_entries (f), ==, before);
  g_assert_true (klynge_snapshot_redo (booked, f->db, &error));
  g_assert_cmpint (n_entries (f), ==, before + 2);
}

static void
test_budget_and_meetings (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLedgerYear) year = NULL;
  g_autoptr(GPtrArray) costs = NULL;
  gint64 venue = category_by_key (f, "venue");
  gint64 total = 0;

  (void) data;
  g_assert_true (klynge_ledger_set_budget (f->db, f->cluster, 2026, venue, 2000000, &error));
  g_assert_true (klynge_ledger_set_budget (f->db, f->cluster, 2026, venue, 1500000, &error));
  g_assert_false (klynge_ledger_set_budget (f->db, f->cluster, 2026, venue, -1, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);
  year = klynge_ledger_year_load (f->db, f->cluster, 2026, &error);
  g_assert_cmpint (line_for (year, venue)->budget, ==, 1500000);
  g_assert_cmpint (line_for (year, venue)->actual, ==, 1250000);
  g_assert_true (klynge_ledger_set_budget (f->db, f->cluster, 2026, venue, 0, &error));
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM budget_line WHERE cluster_id = ?1", f->cluster), ==, 0);

  costs = klynge_ledger_meeting_costs (f->db, f->cluster, 0, FALSE, &error);
  g_assert_cmpuint (costs->len, >, 2);
  g_clear_pointer (&costs, g_ptr_array_unref);
  costs = klynge_ledger_meeting_costs (f->db, f->cluster, 2026, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (costs->len, ==, 2);
  for (guint i = 0; i < costs->len; i++)
    {
      KlyngeMeetingCost *cost = g_ptr_array_index (costs, i);

      g_assert_cmpint (cost->n_present, >, 0);
      total += cost->cost;
    }
  g_assert_cmpint (total, ==, 450000 + 600000 + 1250000 + 1687500 + 800000);
}

/* A table the ledger cannot read makes its changes and proposals fail with
 * the reason: a year whose lock cannot be read is not taken as open, and a
 * grant whose booking cannot be looked up is not proposed as unbooked. */
static void
test_unreadable_tables (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLedgerEntry) entry = expense (f, "2026-05-01", 1000, "catering");
  gint64 before = n_entries (f);
  gint64 opening;

  g_assert_true (klynge_ledger_get_opening_balance (f->db, f->cluster, &opening, &error));
  g_assert_true (klynge_db_exec (f->db, "DROP TABLE locked_year", &error));
  g_assert_no_error (error);

  g_assert_false (klynge_ledger_set_opening_balance (f->db, f->cluster, opening + 100, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "locked_year"));
  g_clear_error (&error);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT opening_balance FROM cluster WHERE id = ?1", f->cluster), ==, opening);

  g_assert_false (klynge_ledger_save_entry (f->db, f->cluster, 2026, entry, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (n_entries (f), ==, before);

  g_assert_true (klynge_db_exec (f->db, "DROP TABLE ledger_entry", &error));
  g_assert_no_error (error);
  g_assert_null (klynge_ledger_propose_grants (f->db, f->cluster, 2026, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "ledger_entry"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/finances/ledger/" path, Fixture, NULL, klynge_test_demo_set_up, func, klynge_test_demo_tear_down)
  ADD ("demo-totals", test_demo_totals);
  ADD ("running-balance", test_running_balance);
  ADD ("opening-balance", test_opening_balance);
  ADD ("add-edit-delete-undo", test_add_edit_delete_undo);
  ADD ("bad-input", test_bad_input);
  ADD ("locked-year", test_locked_year);
  ADD ("categories", test_categories);
  ADD ("grants", test_grants);
  ADD ("book-grants", test_book_grants);
  ADD ("budget-and-meetings", test_budget_and_meetings);
  ADD ("unreadable-tables", test_unreadable_tables);
#undef ADD

  return g_test_run ();
}
