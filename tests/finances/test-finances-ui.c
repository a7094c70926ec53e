/* test-finances-ui.c — the finances page on the real window
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <string.h>

#include "klynge-context.h"
#include "klynge-data-page.h"
#include "klynge-finances-page.h"
#include "klynge-ledger.h"
#include "klynge-ledger-entry-dialog.h"
#include "klynge-money.h"
#include "klynge-test-utils.h"
#include "klynge-ui-test-run.h"
#include "klynge-ui-test-utils.h"

/* The demo's closing balance of 2026 (38,450.00 carried in, 101,660.00 more),
 * and after an expense of 1,234.50. */
#define BALANCE_BEFORE "Balance DKK 140,110.00"
#define BALANCE_AFTER  "Balance DKK 138,875.50"

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static KlyngeLedgerEntryDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KLYNGE_IS_LEDGER_ENTRY_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return KLYNGE_LEDGER_ENTRY_DIALOG (window);
    }
  return NULL;
}

static const char *
balance_text (GtkWidget *page)
{
  return gtk_label_get_text (GTK_LABEL (find_named (page, "balance")));
}

static void
enter_expense (KlyngeWindow *window,
               gpointer      user_data)
{
  GtkWidget *page, *year, *error_label;
  KlyngeLedgerEntryDialog *dialog;
  GtkWidget *meeting;
  g_autofree char *meeting_label = NULL;
  GListModel *entries;
  g_autoptr(KlyngeLedgerEntry) added = NULL;

  page = klynge_ui_test_show_page (window, "finances", KLYNGE_TYPE_FINANCES_PAGE);

  year = find_named (page, "year");
  klynge_ui_test_pick (year, "2026");
  KLYNGE_UI_TEST_WAIT (g_strcmp0 (balance_text (page), BALANCE_BEFORE) == 0);

  gtk_widget_activate_action (page, "finances.add-entry", NULL);
  KLYNGE_UI_TEST_WAIT ((dialog = find_dialog ()) != NULL);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)), find_named (GTK_WIDGET (dialog), "amount")));
  /* Nothing attached yet: nothing to remove. */
  g_assert_false (gtk_widget_is_sensitive (find_named (GTK_WIDGET (dialog), "clear-file")));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "date")), "2026-12-01");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "amount")), "1,234.50");

  /* Without a category nothing is saved and the dialog says why. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL);
  error_label = find_named (GTK_WIDGET (dialog), "error");
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "category"));
  g_assert_true (find_dialog () == dialog);
  g_assert_cmpstr (balance_text (page), ==, BALANCE_BEFORE);

  /* A malformed amount likewise. */
  klynge_ui_test_pick (find_named (GTK_WIDGET (dialog), "category"), "Catering (expense)");
  meeting = find_named (GTK_WIDGET (dialog), "meeting");
  adw_combo_row_set_selected (ADW_COMBO_ROW (meeting), 2);
  meeting_label = g_strdup (klynge_ui_test_picked (meeting));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "amount")), "12,34");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL);
  KLYNGE_UI_TEST_WAIT (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "not an amount") != NULL);
  g_assert_cmpstr (balance_text (page), ==, BALANCE_BEFORE);

  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "amount")), "1,234.50");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL);
  KLYNGE_UI_TEST_WAIT (find_dialog () == NULL);
  KLYNGE_UI_TEST_WAIT (g_strcmp0 (balance_text (page), BALANCE_AFTER) == 0);

  /* Deleting offers Undo, which brings the entry and the balance back. */
  entries = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (klynge_ui_test_find_widget (page, GTK_TYPE_COLUMN_VIEW))));
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 33);
  added = g_list_model_get_item (entries, 32);
  g_assert_cmpint (added->amount, ==, 123450);

  /* Opened again, the entry shows its own category and meeting. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (entries), 32, TRUE);
  gtk_widget_activate_action (page, "finances.edit-selected", NULL);
  KLYNGE_UI_TEST_WAIT ((dialog = find_dialog ()) != NULL);
  g_assert_cmpstr (klynge_ui_test_picked (find_named (GTK_WIDGET (dialog), "category")), ==, "Catering (expense)");
  g_assert_cmpstr (klynge_ui_test_picked (find_named (GTK_WIDGET (dialog), "meeting")), ==, meeting_label);
  gtk_window_close (GTK_WINDOW (dialog));
  KLYNGE_UI_TEST_WAIT (find_dialog () == NULL);

  gtk_widget_activate_action (page, "finances.delete-entry", "x", added->id);
  KLYNGE_UI_TEST_WAIT (g_strcmp0 (balance_text (page), BALANCE_BEFORE) == 0);
  g_signal_emit_by_name (klynge_ui_test_find_toast_button (window, "_Undo"), "clicked");
  KLYNGE_UI_TEST_WAIT (g_strcmp0 (balance_text (page), BALANCE_AFTER) == 0);
}

static void
test_enter_expense (void)
{
  klynge_ui_test_run_on_demo (enter_expense, NULL);
}

/* "Book the Expected Grants" says what it books, leaves out what the year
 * has already, and can be undone: pressing it twice books once. */
static void
book_grants_twice (KlyngeWindow *window,
                   gpointer      user_data)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));
  const char *count_sql = "SELECT count(*) FROM ledger_entry e JOIN ledger_category c ON c.id = e.category_id "
                          "WHERE c.key = 'yearly_grant' AND e.entry_date LIKE '2026-%' AND e.cluster_id = ?1";
  gint64 cluster = klynge_context_get_cluster_id (klynge_window_get_context (window));
  gint64 booked = klynge_test_count (db, "SELECT e.id FROM ledger_entry e JOIN ledger_category c ON c.id = e.category_id "
                                       "WHERE c.key = 'yearly_grant' AND e.entry_date LIKE '2026-%' AND e.cluster_id = ?1", cluster);
  GtkWidget *page, *year;
  GtkWindow *dialog;

  page = klynge_ui_test_show_page (window, "finances", KLYNGE_TYPE_FINANCES_PAGE);
  year = find_named (page, "year");
  klynge_ui_test_pick (year, "2026");
  klynge_ui_test_settle ();

  /* The demo's 2026 has its yearly grant: nothing to book, no question. */
  g_assert_cmpint (klynge_test_count (db, count_sql, cluster), ==, 1);
  gtk_widget_activate_action (page, "finances.book-grants", NULL);
  /* Nothing to wait for: no question comes. */
  klynge_ui_test_settle ();
  g_assert_null (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (klynge_test_count (db, count_sql, cluster), ==, 1);

  /* Without it, the dialog names it; booked, a second press adds nothing. */
  gtk_widget_activate_action (page, "finances.delete-entry", "x", booked);
  KLYNGE_UI_TEST_WAIT (klynge_test_count (db, count_sql, cluster) == 0);
  for (int press = 0; press < 2; press++)
    {
      gtk_widget_activate_action (page, "finances.book-grants", NULL);
      klynge_ui_test_settle ();
      dialog = klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
      if (press == 0)
        {
          g_assert_nonnull (dialog);
          g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Yearly grant"));
          klynge_ui_test_respond ("book");
          g_assert_null (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
        }
      else
        g_assert_null (dialog);
      g_assert_cmpint (klynge_test_count (db, count_sql, cluster), ==, 1);
    }

  /* On the window's one undo: the toast's Undo from another area, then
   * Shift+Ctrl+Z and Ctrl+Z. */
  klynge_ui_test_show_page (window, "data", KLYNGE_TYPE_DATA_PAGE);
  g_signal_emit_by_name (klynge_ui_test_find_toast_button (window, "_Undo"), "clicked");
  KLYNGE_UI_TEST_WAIT (klynge_test_count (db, count_sql, cluster) == 0);
  klynge_ui_test_show_page (window, "finances", KLYNGE_TYPE_FINANCES_PAGE);
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  KLYNGE_UI_TEST_WAIT (klynge_test_count (db, count_sql, cluster) == 1);
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  KLYNGE_UI_TEST_WAIT (klynge_test_count (db, count_sql, cluster) == 0);
}

static void
test_book_grants_twice (void)
{
  klynge_ui_test_run_on_demo (book_grants_twice, NULL);
}

static void
show_year (GtkWidget  *page,
           const char *name)
{
  GtkWidget *year = find_named (page, "year");

  klynge_ui_test_pick (year, name);
  klynge_ui_test_settle ();
}

/* Locking a past year asks once, saying what it means; the running year
 * (the demo's 2026 in December 2026) only after a second yes. */
static void
lock_years (KlyngeWindow *window,
            gpointer      user_data)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));
  gint64 cluster = klynge_context_get_cluster_id (klynge_window_get_context (window));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *running = g_strdup_printf ("%d", g_date_time_get_year (now));
  g_autofree char *past = g_strdup_printf ("%d", g_date_time_get_year (now) - 1);
  g_autoptr(KlyngeLedgerEntry) entry = klynge_ledger_entry_new ();
  g_autoptr(GPtrArray) categories = klynge_ledger_list_categories (db, cluster, NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *lock;
  GtkWindow *dialog;

  /* The demo's ledger is the running year's: one entry gives it a past one. */
  entry->date = g_strdup_printf ("%s-06-01", past);
  entry->amount = 100;
  entry->category_id = ((KlyngeLedgerCategory *) g_ptr_array_index (categories, 0))->id;
  g_assert_true (klynge_ledger_save_entry (db, cluster, atoi (past), entry, &error));
  g_assert_no_error (error);
  klynge_context_emit_changed (klynge_window_get_context (window));

  page = klynge_ui_test_show_page (window, "finances", KLYNGE_TYPE_FINANCES_PAGE);
  lock = find_named (page, "lock");

  /* A past year: one question that explains; No leaves it open. */
  show_year (page, past);
  g_signal_emit_by_name (lock, "clicked");
  KLYNGE_UI_TEST_WAIT ((dialog = klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "cannot be changed"));
  g_assert_false (klynge_ledger_is_year_locked (db, cluster, atoi (past)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (lock)));
  klynge_ui_test_respond ("cancel");
  g_assert_false (klynge_ledger_is_year_locked (db, cluster, atoi (past)));
  g_signal_emit_by_name (lock, "clicked");
  klynge_ui_test_respond ("lock");
  g_assert_true (klynge_ledger_is_year_locked (db, cluster, atoi (past)));
  g_assert_null (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (lock)));

  /* The running year: the first yes only leads to a second question. */
  show_year (page, running);
  g_signal_emit_by_name (lock, "clicked");
  klynge_ui_test_respond ("continue");
  g_assert_false (klynge_ledger_is_year_locked (db, cluster, atoi (running)));
  dialog = klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  klynge_ui_test_respond ("cancel");
  g_assert_false (klynge_ledger_is_year_locked (db, cluster, atoi (running)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (lock)));

  g_signal_emit_by_name (lock, "clicked");
  klynge_ui_test_respond ("continue");
  klynge_ui_test_respond ("lock");
  g_assert_true (klynge_ledger_is_year_locked (db, cluster, atoi (running)));

  /* Unlocking needs no question. */
  g_signal_emit_by_name (lock, "clicked");
  KLYNGE_UI_TEST_WAIT (!klynge_ledger_is_year_locked (db, cluster, atoi (running)));
  g_assert_null (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_lock_years (void)
{
  klynge_ui_test_run_on_demo (lock_years, NULL);
}

/* A ledger without entries says so on a status page, not as a bare header. */
static void
empty_ledger (KlyngeWindow *window,
              gpointer      user_data)
{
  GtkWidget *page, *empty;

  page = klynge_ui_test_show_page (window, "finances", KLYNGE_TYPE_FINANCES_PAGE);
  KLYNGE_UI_TEST_WAIT ((empty = klynge_ui_test_find_widget (page, ADW_TYPE_STATUS_PAGE)) != NULL);
  g_assert_true (gtk_widget_get_mapped (empty));
}

static void
test_empty_ledger (void)
{
  klynge_ui_test_run_on_empty (empty_ledger, NULL);
}

/* A ledger that cannot be read says why where the entries would be, not
 * "No Entries" (which would be a false answer) nor the entries of before. */
static void
unreadable_ledger (KlyngeWindow *window,
                   gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "finances", KLYNGE_TYPE_FINANCES_PAGE);
  KlyngeContext *context = klynge_window_get_context (window);
  GtkWidget *error_page = find_named (page, "ledger-error");

  g_assert_nonnull (error_page);
  g_assert_false (gtk_widget_get_mapped (error_page));
  g_assert_true (klynge_db_exec (klynge_context_get_db (context), "ALTER TABLE ledger_entry RENAME TO ledger_entry_away", NULL));
  klynge_context_emit_changed (context);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (error_page));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)), "ledger_entry"));
}

static void
test_unreadable_ledger (void)
{
  klynge_ui_test_run_on_demo (unreadable_ledger, NULL);
}

/* Rates or an opening balance that cannot be read say so where they would
 * be, and cannot be applied over what is stored (blank fields would be). */
static void
unreadable_rates (KlyngeWindow *window,
                  gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "finances", KLYNGE_TYPE_FINANCES_PAGE);
  KlyngeContext *context = klynge_window_get_context (window);
  KlyngeDb *db = klynge_context_get_db (context);
  GtkWidget *message = find_named (page, "rates-error");
  const char *columns[] = { "grant_per_patient", "opening_balance" };

  g_assert_nonnull (message);
  g_assert_false (gtk_widget_get_visible (message));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *away = g_strdup_printf ("ALTER TABLE cluster RENAME COLUMN %s TO away", columns[i]);
      g_autofree char *back = g_strdup_printf ("ALTER TABLE cluster RENAME COLUMN away TO %s", columns[i]);

      g_assert_true (klynge_db_exec (db, away, NULL));
      klynge_context_emit_changed (context);
      KLYNGE_UI_TEST_WAIT (gtk_widget_get_visible (message));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), columns[i]));
      g_assert_false (gtk_widget_is_sensitive (find_named (page, "opening-balance")));
      g_assert_true (klynge_db_exec (db, back, NULL));
      klynge_context_emit_changed (context);
      KLYNGE_UI_TEST_WAIT (!gtk_widget_get_visible (message));
      g_assert_true (gtk_widget_is_sensitive (find_named (page, "opening-balance")));
    }
}

static void
test_unreadable_rates (void)
{
  klynge_ui_test_run_on_demo (unreadable_rates, NULL);
}

static gboolean
adjustment_is_at (GtkAdjustment *adjustment,
                  double         value)
{
  return G_APPROX_VALUE (gtk_adjustment_get_value (adjustment), value, 0.5);
}

/* Saving one entry from its dialog changes its row where it is (and the
 * running balance of the rows after it): the ledger keeps the selection,
 * the row objects and the scroll position, as nothing else changed; a
 * delete and its undo move the selection with its row. */
static void
save_keeps_place (KlyngeWindow *window,
                  gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "finances", KLYNGE_TYPE_FINANCES_PAGE);
  GtkColumnView *view = GTK_COLUMN_VIEW (find_named (page, "ledger_view"));
  GtkSingleSelection *selection;
  GtkAdjustment *adjustment;
  KlyngeLedgerEntryDialog *dialog;
  g_autoptr(KlyngeLedgerEntry) chosen = NULL;
  g_autoptr(KlyngeLedgerEntry) last = NULL;
  g_autoptr(KlyngeLedgerEntry) first = NULL;
  gint64 last_balance, old_amount;
  guint n, position;
  double scrolled;

  show_year (page, "2026");
  KLYNGE_UI_TEST_WAIT (g_strcmp0 (balance_text (page), BALANCE_BEFORE) == 0);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
  n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  g_assert_cmpuint (n, >, 20);
  position = n - 4;
  chosen = g_list_model_get_item (G_LIST_MODEL (selection), position);
  last = g_list_model_get_item (G_LIST_MODEL (selection), n - 1);
  last_balance = last->balance;
  old_amount = chosen->amount;

  /* Scrolled down to the chosen row, which is selected. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  KLYNGE_UI_TEST_WAIT (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 100);
  gtk_single_selection_set_selected (selection, position);
  scrolled = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) - 20;
  gtk_adjustment_set_value (adjustment, scrolled);
  klynge_ui_test_settle ();
  g_assert_true (adjustment_is_at (adjustment, scrolled));

  gtk_widget_activate_action (page, "finances.edit-selected", NULL);
  KLYNGE_UI_TEST_WAIT ((dialog = find_dialog ()) != NULL);
  klynge_ui_test_type_over (GTK_WINDOW (dialog), find_named (GTK_WIDGET (dialog), "amount"), "2,000.00");
  g_signal_emit_by_name (find_named (GTK_WIDGET (dialog), "save"), "clicked");
  KLYNGE_UI_TEST_WAIT (find_dialog () == NULL);
  KLYNGE_UI_TEST_WAIT (g_strcmp0 (balance_text (page), BALANCE_BEFORE) != 0);

  klynge_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == chosen);
  g_assert_cmpint (chosen->amount, ==, 200000);
  g_assert_true (gtk_column_view_get_model (view) == GTK_SELECTION_MODEL (selection));
  g_assert_true (adjustment_is_at (adjustment, scrolled));
  g_assert_cmpint (last->balance, ==, last_balance + klynge_ledger_entry_get_signed_amount (chosen) -
                   (chosen->kind == KLYNGE_LEDGER_INCOME ? old_amount : -old_amount));
  g_assert_true (klynge_ui_test_shows (GTK_WIDGET (view), "2,000.00"));

  /* Deleting another entry, and its undo, leave the chosen one selected. */
  first = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  gtk_widget_activate_action (page, "finances.delete-entry", "x", first->id);
  KLYNGE_UI_TEST_WAIT (g_list_model_get_n_items (G_LIST_MODEL (selection)) == n - 1);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == chosen);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position - 1);
  g_signal_emit_by_name (klynge_ui_test_find_toast_button (window, "_Undo"), "clicked");
  KLYNGE_UI_TEST_WAIT (g_list_model_get_n_items (G_LIST_MODEL (selection)) == n);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == chosen);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
}

static void
test_save_keeps_place (void)
{
  klynge_ui_test_run_on_demo (save_keeps_place, NULL);
}

static gint64
n_ledger_entries (KlyngeWindow *window)
{
  return klynge_test_count (klynge_context_get_db (klynge_window_get_context (window)), "SELECT count(*) FROM ledger_entry", 0);
}

/* A typed amount is not dropped by Escape: asked, a Save that cannot save
 * (no category yet) keeps the dialog open with its reason; Discard drops it. */
static void
entry_asks (KlyngeWindow *window,
            gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "finances", KLYNGE_TYPE_FINANCES_PAGE);
  gint64 entries = n_ledger_entries (window);
  KlyngeLedgerEntryDialog *dialog;

  gtk_widget_activate_action (page, "finances.add-entry", NULL);
  KLYNGE_UI_TEST_WAIT (find_dialog () != NULL);
  dialog = find_dialog ();
  klynge_ui_test_type_over (GTK_WINDOW (dialog), find_named (GTK_WIDGET (dialog), "amount"), "12");
  klynge_ui_test_press_key (GTK_WINDOW (dialog), GDK_KEY_Escape, 0);
  klynge_ui_test_respond ("save");
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_visible (find_named (GTK_WIDGET (dialog), "error")));
  g_assert_true (find_dialog () == dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "amount"))), ==, "12");

  klynge_ui_test_press_key (GTK_WINDOW (dialog), GDK_KEY_Escape, 0);
  klynge_ui_test_respond ("discard");
  KLYNGE_UI_TEST_WAIT (find_dialog () == NULL);
  g_assert_cmpint (n_ledger_entries (window), ==, entries);
}

static void
test_entry_asks (void)
{
  klynge_ui_test_run_on_demo (entry_asks, NULL);
}

static gint64
money (const char *text)
{
  gint64 amount = 0;

  g_assert_true (klynge_money_parse (text, "DKK", &amount, NULL));
  return amount;
}

static void
show_tab (GtkWidget  *page,
          const char *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (klynge_ui_test_find_widget (page, ADW_TYPE_VIEW_STACK)), name);
  klynge_ui_test_settle ();
}

/* An amount typed in the budget or the grant rates and not applied yet is
 * applied when the page is refilled by a change elsewhere, and when the
 * window closes; one that is no amount makes closing ask. */
static void
keeps_typed_amounts (KlyngeWindow *window,
                     gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "finances", KLYNGE_TYPE_FINANCES_PAGE);
  KlyngeContext *context = klynge_window_get_context (window);
  KlyngeDb *db = klynge_context_get_db (context);
  GtkWidget *budget, *per_gp;
  gint64 gp = 0, patient = 0;
  gboolean stays_open;

  show_tab (page, "grants");
  per_gp = find_named (page, "grant-per-gp");
  klynge_ui_test_type_over (GTK_WINDOW (window), per_gp, "777");
  klynge_context_emit_changed (context);
  g_assert_true (klynge_ledger_get_grant_rates (db, klynge_context_get_cluster_id (context), &gp, &patient, NULL));
  g_assert_cmpint (gp, ==, money ("777"));

  show_tab (page, "budget");
  budget = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (find_named (page, "budget-lines")), 0));
  klynge_ui_test_type_over (GTK_WINDOW (window), budget, "4321");
  g_signal_emit_by_name (window, "close-request", &stays_open);
  g_assert_false (stays_open);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM budget_line WHERE amount = ?1", money ("4321")), ==, 1);

  budget = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (find_named (page, "budget-lines")), 0));
  klynge_ui_test_type_over (GTK_WINDOW (window), budget, "lots");
  g_signal_emit_by_name (window, "close-request", &stays_open);
  g_assert_true (stays_open);
  klynge_ui_test_respond ("cancel");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (budget)), ==, "lots");
}

static void
test_keeps_typed_amounts (void)
{
  klynge_ui_test_run_on_demo (keeps_typed_amounts, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/finances/ui/enter-expense", test_enter_expense);
  g_test_add_func ("/finances/ui/empty-ledger", test_empty_ledger);
  g_test_add_func ("/finances/ui/unreadable-ledger", test_unreadable_ledger);
  g_test_add_func ("/finances/ui/unreadable-rates", test_unreadable_rates);
  g_test_add_func ("/finances/ui/book-grants-twice", test_book_grants_twice);
  g_test_add_func ("/finances/ui/entry-asks", test_entry_asks);
  g_test_add_func ("/finances/ui/keeps-typed-amounts", test_keeps_typed_amounts);
  g_test_add_func ("/finances/ui/lock-years", test_lock_years);
  g_test_add_func ("/finances/ui/save-keeps-place", test_save_keeps_place);

  return g_test_run ();
}
