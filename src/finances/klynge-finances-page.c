/* klynge-finances-page.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cluster's ledger with its running balance, the budget against actual
 * and the grant calculator, for the year chosen at the top.
 */

#include "klynge-i18n.h"

#include "klynge-accessible.h"
#include "klynge-accounts.h"
#include "klynge-budget-chart.h"
#include "klynge-context.h"
#include "klynge-edit-guard.h"
#include "klynge-budget-row.h"
#include "klynge-finances-page.h"
#include "klynge-record-table.h"
#include "klynge-request.h"
#include "klynge-format.h"
#include "klynge-ledger-entry-dialog.h"
#include "klynge-ledger-store.h"
#include "klynge-list-keys.h"
#include "klynge-money.h"
#include "klynge-picker.h"
#include "klynge-placeholder.h"
#include "klynge-row-label.h"
#include "klynge-tooltip.h"

struct _KlyngeFinancesPage
{
  KlyngePage         parent_instance;

  GMenuModel        *row_menu;
  GtkDropDown       *year_dropdown;
  GtkDropDown       *view_picker;
  AdwViewStack      *stack;
  GtkToggleButton   *lock_button;
  GtkDropDown       *category_dropdown;
  GtkDropDown       *meeting_dropdown;
  GtkLabel          *totals_label;
  GtkLabel          *balance_label;
  GtkColumnView     *ledger_view;
  GtkDrawingArea    *budget_chart;
  GtkStack          *ledger_content;
  AdwStatusPage     *ledger_error;
  GtkListBox        *budget_list;
  GtkListBox        *meeting_cost_list;
  AdwEntryRow       *per_gp_row;
  AdwEntryRow       *per_patient_row;
  AdwEntryRow       *currency_row;
  AdwEntryRow       *opening_row;
  GtkLabel          *rates_error;
  AdwPreferencesGroup *grants_group;
  GtkListBox        *grants_list;

  GtkSingleSelection *selection;
  GtkFilterListModel *filtered;      /* the context's ledger, as the filters keep it */
  KlyngeLedgerFilter filter;
  KlyngeLedgerStore *store;          /* weak: the ledger shown */
  int                year;
  char              *currency;
  KlyngeLedgerYear  *totals;
  GPtrArray         *grants;         /* KlyngeLedgerEntry proposals for the year */
  gboolean           loading;
  KlyngeEditGuard   *budget_guard;   /* what was typed in the budget and not applied */
  KlyngeEditGuard   *rates_guard;    /* and in the grant rates */
  KlyngeDb          *shown_db;       /* the file and cluster the forms were filled from, */
  gint64             shown_cluster;  /* which typed work is saved to */
};

G_DEFINE_FINAL_TYPE (KlyngeFinancesPage, klynge_finances_page, KLYNGE_TYPE_PAGE)

enum {
  COLUMN_DATE,
  COLUMN_CATEGORY,
  COLUMN_COUNTERPARTY,
  COLUMN_MEETING,
  COLUMN_REFERENCE,
  COLUMN_AMOUNT,
  COLUMN_BALANCE,
  N_COLUMNS
};

/* The ledger keeps its order (the running balance follows it): no sorting. */
static const KlyngeRecordColumn columns[N_COLUMNS] = {
  [COLUMN_DATE]         = { N_("Date"),         KLYNGE_RECORD_SORT_NONE, FALSE, FALSE, 0, 0 },
  [COLUMN_CATEGORY]     = { N_("Category"),     KLYNGE_RECORD_SORT_NONE, FALSE, FALSE, 1, 0, "category-name" },
  [COLUMN_COUNTERPARTY] = { N_("Counterparty"), KLYNGE_RECORD_SORT_NONE, FALSE, TRUE,  2, 0 },
  [COLUMN_MEETING]      = { N_("Meeting"),      KLYNGE_RECORD_SORT_NONE, FALSE, TRUE,  5, 0, "meeting-title" },
  [COLUMN_REFERENCE]    = { N_("Reference"),    KLYNGE_RECORD_SORT_NONE, FALSE, FALSE, 4, 0 },
  [COLUMN_AMOUNT]       = { N_("Amount"),       KLYNGE_RECORD_SORT_NONE, TRUE,  FALSE, 0, 0 },
  [COLUMN_BALANCE]      = { N_("Balance"),      KLYNGE_RECORD_SORT_NONE, TRUE,  FALSE, 3, 0 },
};

static void
report_error (KlyngeFinancesPage *self,
              const GError       *error)
{
  klynge_page_report_error (KLYNGE_PAGE (self), error);
}

static void
changed (KlyngeFinancesPage *self)
{
  klynge_context_emit_changed (klynge_page_get_context (KLYNGE_PAGE (self)));
}

static char *
cell_text (KlyngeFinancesPage *self,
           KlyngeLedgerEntry  *entry,
           guint               column)
{
  switch (column)
    {
    case COLUMN_DATE:
      return klynge_format_date (entry->date);
    case COLUMN_CATEGORY:
      return g_strdup (entry->category_name);
    case COLUMN_COUNTERPARTY:
      return g_strdup (entry->counterparty);
    case COLUMN_MEETING:
      return g_strdup (entry->meeting_title != NULL ? entry->meeting_title : "");
    case COLUMN_REFERENCE:
      return g_strdup (entry->reference);
    case COLUMN_AMOUNT:
      return klynge_money_format (klynge_ledger_entry_get_signed_amount (entry), self->currency);
    case COLUMN_BALANCE:
      return klynge_money_format (entry->balance, self->currency);
    default:
      g_assert_not_reached ();
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              KlyngeFinancesPage       *self)
{
  guint column = klynge_record_table_get_column (GTK_LIST_ITEM_FACTORY (factory));
  KlyngeLedgerEntry *entry = gtk_list_item_get_item (item);
  g_autofree char *text = cell_text (self, entry, column);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  /* A screen reader names the row by what tells one entry from another. */
  if (column == COLUMN_DATE)
    {
      g_autofree char *category = cell_text (self, entry, COLUMN_CATEGORY);
      g_autofree char *counterparty = cell_text (self, entry, COLUMN_COUNTERPARTY);
      g_autofree char *amount = cell_text (self, entry, COLUMN_AMOUNT);
      g_autofree char *label = g_strjoin (", ", text, category, counterparty, amount, NULL);

      klynge_row_label_set (gtk_list_item_get_child (item), label);
    }
  if (column == COLUMN_COUNTERPARTY || column == COLUMN_REFERENCE)
    klynge_tooltip_set_text (gtk_list_item_get_child (item),
                                 *entry->note != '\0' ? entry->note : entry->attachment_path);
}

static void
setup_delete_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 KlyngeFinancesPage       *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  klynge_tooltip_set_text (button, _("Delete the Entry"));
  /* For the pointer: the keyboard has Delete and the row's menu. */
  gtk_widget_set_focusable (button, FALSE);
  gtk_widget_add_css_class (button, "flat");
  gtk_list_item_set_child (item, button);
}

static void
bind_delete_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                KlyngeFinancesPage       *self)
{
  KlyngeLedgerEntry *entry = gtk_list_item_get_item (item);
  GtkActionable *button = GTK_ACTIONABLE (gtk_list_item_get_child (item));

  /* The target first: the action takes the entry's id and refuses no target. */
  gtk_actionable_set_action_target (button, "x", entry->id);
  gtk_actionable_set_action_name (button, "finances.delete-entry");
}

static void
add_columns (KlyngeFinancesPage *self)
{
  GtkListItemFactory *delete = gtk_signal_list_item_factory_new ();

  g_signal_connect (delete, "setup", G_CALLBACK (setup_delete_cb), self);
  g_signal_connect (delete, "bind", G_CALLBACK (bind_delete_cb), self);
  klynge_record_table_add_columns (self->ledger_view, columns, N_COLUMNS, KLYNGE_TYPE_LEDGER_ENTRY,
                                   G_CALLBACK (bind_cell_cb), self,
                                   NULL, NULL, delete);
}

static void
append_year (GListStore *choices,
             int         year)
{
  g_autofree char *label = g_strdup_printf ("%d", year);

  klynge_choices_append (choices, year, label);
}

static void
load_filters (KlyngeFinancesPage *self,
              KlyngeDb           *db,
              gint64              cluster)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) years = klynge_ledger_list_years (db, cluster, &error);
  g_autoptr(GPtrArray) categories = years != NULL ? klynge_ledger_list_categories (db, cluster, &error) : NULL;
  g_autoptr(GPtrArray) meetings = categories != NULL ? klynge_ledger_meeting_costs (db, cluster, 0, TRUE, &error) : NULL;
  g_autoptr(GListStore) year_choices = klynge_choices_new ();
  g_autoptr(GListStore) category_choices = klynge_choices_new ();
  g_autoptr(GListStore) meeting_choices = klynge_choices_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);

  /* The years with entries and this year, so a new year can be started. */
  for (guint i = 0; years != NULL && i < years->len; i++)
    if (g_array_index (years, int, i) < this_year)
      append_year (year_choices, g_array_index (years, int, i));
  append_year (year_choices, this_year);
  for (guint i = 0; years != NULL && i < years->len; i++)
    if (g_array_index (years, int, i) > this_year)
      append_year (year_choices, g_array_index (years, int, i));
  if (self->year == 0)
    self->year = this_year;
  /* Picking a year reloads the page from inside the drop-down's own
   * selection change: its model is replaced only when the years differ. */
  if (!klynge_choices_equal (gtk_drop_down_get_model (self->year_dropdown), G_LIST_MODEL (year_choices)))
    klynge_picker_set_choices (self->year_dropdown, G_LIST_MODEL (year_choices));
  klynge_picker_select_id (self->year_dropdown, self->year);

  klynge_choices_append (category_choices, 0, _("All categories"));
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      KlyngeLedgerCategory *c = g_ptr_array_index (categories, i);

      klynge_choices_append (category_choices, c->id, c->name);
    }
  klynge_picker_replace_choices (self->category_dropdown, G_LIST_MODEL (category_choices));

  klynge_choices_append (meeting_choices, 0, _("All meetings"));
  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    {
      KlyngeMeetingCost *m = g_ptr_array_index (meetings, i);

      klynge_choices_append (meeting_choices, m->meeting_id, m->title);
    }
  klynge_picker_replace_choices (self->meeting_dropdown, G_LIST_MODEL (meeting_choices));
  /* Filters that could not be read offer only "All": say why. */
  if (error != NULL)
    report_error (self, error);
}

/* A narrow window wraps the totals only after a "·", never inside
 * "Income 1.234,50 kr.": every other space becomes a no-break space. */
static char *
unbreakable_totals (char *totals)
{
  g_auto(GStrv) parts = g_strsplit (totals, " · ", -1);

  g_free (totals);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (parts[i], " ", -1);

      g_free (parts[i]);
      parts[i] = g_strjoinv ("\u00a0", words);
    }
  return g_strjoinv ("\u00a0· ", parts);
}

static gboolean
keep_entry_cb (gpointer item,
               gpointer data)
{
  KlyngeFinancesPage *self = data;

  return klynge_ledger_filter_matches (&self->filter, item);
}

/* The context's ledger is updated in place after a change: the list keeps
 * its rows, scroll position and selection. Another store (another file or
 * cluster) or another currency is another list. */
static gboolean
show_store (KlyngeFinancesPage  *self,
            gboolean             currency_changed,
            GError             **error)
{
  KlyngeLedgerStore *store = klynge_context_get_store (klynge_page_get_context (KLYNGE_PAGE (self)), KLYNGE_TYPE_LEDGER_STORE,
                                                       klynge_page_get_cluster (KLYNGE_PAGE (self)));

  if (g_set_weak_pointer (&self->store, store) || currency_changed)
    {
      gtk_filter_list_model_set_model (self->filtered, NULL);
      gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (store));
    }
  if (store == NULL)
    return TRUE;
  if (klynge_record_store_get_error (KLYNGE_RECORD_STORE (store)) != NULL)
    {
      g_propagate_error (error, g_error_copy (klynge_record_store_get_error (KLYNGE_RECORD_STORE (store))));
      return FALSE;
    }
  return klynge_record_store_load (KLYNGE_RECORD_STORE (store), error);
}

static void
load_ledger (KlyngeFinancesPage *self,
             KlyngeDb           *db,
             gint64              cluster,
             gboolean            currency_changed)
{
  KlyngeLedgerFilter filter = {
    .year = self->year,
    .category_id = klynge_picker_get_selected_id (self->category_dropdown),
    .meeting_id = klynge_picker_get_selected_id (self->meeting_dropdown),
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *opening = NULL, *income = NULL, *expenses = NULL, *closing = NULL, *totals = NULL, *balance = NULL;

  if (filter.year != self->filter.year || filter.category_id != self->filter.category_id ||
      filter.meeting_id != self->filter.meeting_id)
    {
      self->filter = filter;
      gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), GTK_FILTER_CHANGE_DIFFERENT);
    }
  /* Where the entries would be: an empty ledger would be a false answer. */
  if (!show_store (self, currency_changed, &error))
    {
      adw_status_page_set_description (self->ledger_error, error->message);
      gtk_stack_set_visible_child_name (self->ledger_content, "error");
      return;
    }
  gtk_stack_set_visible_child_name (self->ledger_content,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0 ? "entries" : "empty");

  g_clear_pointer (&self->totals, klynge_ledger_year_free);
  self->totals = klynge_ledger_year_load (db, cluster, self->year, &error);
  if (self->totals == NULL)
    {
      gtk_label_set_text (self->totals_label, error->message);
      gtk_label_set_text (self->balance_label, "");
      return;
    }
  opening = klynge_money_format (self->totals->opening, self->currency);
  income = klynge_money_format (self->totals->income, self->currency);
  expenses = klynge_money_format (self->totals->expenses, self->currency);
  closing = klynge_money_format (self->totals->closing, self->currency);
  totals = unbreakable_totals (g_strdup_printf (_("Opening %s · Income %s · Expenses %s"), opening, income, expenses));
  balance = g_strdup_printf (_("Balance %s"), closing);
  gtk_label_set_text (self->totals_label, totals);
  gtk_label_set_text (self->balance_label, balance);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The budget of line @i as its row shows it once loaded. */
static char *
budget_text (KlyngeFinancesPage *self,
             guint               i)
{
  KlyngeLedgerLine *line = g_ptr_array_index (self->totals->lines, i);

  return line->budget > 0 ? klynge_money_format (line->budget, NULL) : g_strdup ("");
}

static gboolean
apply_budget (KlyngeFinancesPage  *self,
              AdwEntryRow         *row,
              GError             **error)
{
  gint64 category = klynge_budget_row_get_category_id (KLYNGE_BUDGET_ROW (row));
  gint64 amount = 0;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return (*text == '\0' || klynge_money_parse (text, self->currency, &amount, error)) &&
         klynge_ledger_set_budget (self->shown_db, self->shown_cluster, self->year, category, amount, error);
}

static void
budget_activated_cb (AdwEntryRow        *row,
                     KlyngeFinancesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!apply_budget (self, row, &error))
    {
      report_error (self, error);
      return;
    }
  changed (self);
}

static void
load_budget (KlyngeFinancesPage *self,
             KlyngeDb           *db,
             gint64              cluster)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) costs = klynge_ledger_meeting_costs (db, cluster, self->year, TRUE, &error);
  gboolean locked = klynge_ledger_is_year_locked (db, cluster, self->year) ||
                    klynge_page_get_read_only (KLYNGE_PAGE (self));

  clear_list (self->budget_list);
  for (guint i = 0; self->totals != NULL && i < self->totals->lines->len; i++)
    {
      KlyngeLedgerLine *line = g_ptr_array_index (self->totals->lines, i);
      g_autofree char *budget = budget_text (self, i);
      GtkWidget *row = klynge_budget_row_new (line, budget, self->currency);

      gtk_widget_set_sensitive (row, !locked);
      g_signal_connect (row, "apply", G_CALLBACK (budget_activated_cb), self);
      gtk_list_box_append (self->budget_list, row);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->budget_chart));

  clear_list (self->meeting_cost_list);
  for (guint i = 0; costs != NULL && i < costs->len; i++)
    {
      KlyngeMeetingCost *cost = g_ptr_array_index (costs, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *total = klynge_money_format (cost->cost, self->currency);
      g_autofree char *per = cost->n_present > 0 ? klynge_money_format (cost->cost / cost->n_present, self->currency) : NULL;
      g_autofree char *present = klynge_format_integer (cost->n_present);
      g_autofree char *subtitle = per != NULL
        ? g_strdup_printf (_("%s in all; %s present; %s per attendee"), total, present, per)
        : g_strdup_printf (_("%s in all; no one present"), total);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cost->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->meeting_cost_list, row);
    }
  if (costs == NULL)
    gtk_list_box_append (self->meeting_cost_list, klynge_list_error_new (error));
  else if (costs->len == 0)
    gtk_list_box_append (self->meeting_cost_list, gtk_label_new (_("No costs are linked to meetings in this year.")));
}

static void
load_grants (KlyngeFinancesPage *self,
             KlyngeDb           *db,
             gint64              cluster)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf (_("Expected Grants for %d"), self->year);
  g_autoptr(GError) rates_error = NULL;
  gint64 per_gp = 0, per_patient = 0, opening = 0;
  gboolean read;

  read = klynge_ledger_get_grant_rates (db, cluster, &per_gp, &per_patient, &rates_error) &&
         klynge_ledger_get_opening_balance (db, cluster, &opening, &rates_error);
  if (read)
    {
      g_autofree char *gp = klynge_money_format (per_gp, NULL);
      g_autofree char *patient = klynge_money_format (per_patient, NULL);
      g_autofree char *text = klynge_money_format (opening, NULL);

      gtk_editable_set_text (GTK_EDITABLE (self->per_gp_row), gp);
      gtk_editable_set_text (GTK_EDITABLE (self->per_patient_row), patient);
      gtk_editable_set_text (GTK_EDITABLE (self->opening_row), text);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("The rates and the opening balance could not be read: %s"),
                                                  rates_error->message);

      gtk_label_set_text (self->rates_error, message);
      /* Blank, or the last cluster's: either would be applied over rates that are there. */
      gtk_editable_set_text (GTK_EDITABLE (self->per_gp_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->per_patient_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->opening_row), "");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rates_error), !read);
  gtk_widget_set_sensitive (GTK_WIDGET (self->per_gp_row), read);
  gtk_widget_set_sensitive (GTK_WIDGET (self->per_patient_row), read);
  gtk_widget_set_sensitive (GTK_WIDGET (self->opening_row), read);
  klynge_page_set_action_enabled (KLYNGE_PAGE (self), "finances.apply-rates", read);
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), self->currency);

  adw_preferences_group_set_title (self->grants_group, title);
  g_clear_pointer (&self->grants, g_ptr_array_unref);
  self->grants = klynge_ledger_propose_grants (db, cluster, self->year, &error);
  clear_list (self->grants_list);
  for (guint i = 0; self->grants != NULL && i < self->grants->len; i++)
    {
      KlyngeLedgerEntry *grant = g_ptr_array_index (self->grants, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *amount;
      g_autofree char *text = klynge_money_format (grant->amount, self->currency);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), grant->category_name);
      if (grant->id != 0)
        {
          g_autofree char *subtitle = g_strdup_printf (_("%s — already in the ledger"), grant->note);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), grant->note);
      amount = gtk_label_new (text);
      gtk_widget_add_css_class (amount, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
      gtk_list_box_append (self->grants_list, row);
    }
  if (self->grants == NULL)
    gtk_list_box_append (self->grants_list, klynge_list_error_new (error));
  else if (self->grants->len == 0)
    gtk_list_box_append (self->grants_list, gtk_label_new (_("No grants are expected for this year.")));
  klynge_page_set_action_enabled (KLYNGE_PAGE (self), "finances.book-grants",
                                 self->grants != NULL && self->grants->len > 0);
}

static gboolean
parse_rate (KlyngeFinancesPage  *self,
            AdwEntryRow         *row,
            gint64              *value,
            GError             **error)
{
  return klynge_money_parse (gtk_editable_get_text (GTK_EDITABLE (row)), self->currency, value, error);
}

static gboolean
apply_rates (KlyngeFinancesPage  *self,
             GError             **error)
{
  KlyngeDb *db = self->shown_db;
  gint64 cluster = self->shown_cluster;
  g_autofree char *currency = g_strstrip (g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row)), -1));
  gint64 per_gp, per_patient, opening, old_opening = 0;

  if (!parse_rate (self, self->per_gp_row, &per_gp, error) ||
      !parse_rate (self, self->per_patient_row, &per_patient, error) ||
      !parse_rate (self, self->opening_row, &opening, error) ||
      !klynge_ledger_get_opening_balance (db, cluster, &old_opening, error) ||
      !klynge_db_begin (db, error))
    return FALSE;
  /* Unchanged, the opening balance is no change to a locked year. */
  if (!klynge_ledger_set_grant_rates (db, cluster, per_gp, per_patient, error) ||
      !klynge_ledger_set_currency (db, cluster, currency, error) ||
      (opening != old_opening && !klynge_ledger_set_opening_balance (db, cluster, opening, error)) ||
      !klynge_db_commit (db, error))
    {
      klynge_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* What was typed in the budget or the grant rates and not applied yet is
 * applied before anything refills them (a change elsewhere, another year,
 * the window closing), as a meeting's changes are; an amount that is no
 * amount is not, and says why. */
static gboolean
save_typed (KlyngeFinancesPage  *self,
            GError             **error)
{
  gboolean budget = klynge_edit_guard_is_dirty (self->budget_guard);
  gboolean rates = klynge_edit_guard_is_dirty (self->rates_guard);
  GtkListBoxRow *row;

  if (self->shown_db == NULL || (!budget && !rates))
    return TRUE;
  for (guint i = 0; budget && self->totals != NULL && i < self->totals->lines->len &&
                    (row = gtk_list_box_get_row_at_index (self->budget_list, (int) i)) != NULL; i++)
    {
      g_autofree char *loaded = budget_text (self, i);

      if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (row)), loaded) &&
          !apply_budget (self, ADW_ENTRY_ROW (row), error))
        return FALSE;
    }
  if (rates && !apply_rates (self, error))
    return FALSE;
  klynge_edit_guard_set_clean (self->budget_guard);
  klynge_edit_guard_set_clean (self->rates_guard);
  return TRUE;
}

static void
klynge_finances_page_reload (KlyngePage *page)
{
  KlyngeFinancesPage *self = KLYNGE_FINANCES_PAGE (page);
  KlyngeDb *db = klynge_page_get_db (page);
  gint64 cluster = klynge_page_get_cluster (page);
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;
  gboolean currency_changed;
  gboolean locked;

  /* Typed work that cannot be saved stays while the same file is shown. */
  if (!save_typed (self, &error))
    {
      report_error (self, error);
      if (db == self->shown_db && cluster == self->shown_cluster)
        return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), db != NULL && cluster != 0);
  g_set_object (&self->shown_db, db);
  self->shown_cluster = cluster;
  if (db == NULL || cluster == 0)
    return;

  self->loading = TRUE;
  currency = klynge_ledger_get_currency (db, cluster);
  currency_changed = g_strcmp0 (currency, self->currency) != 0;
  g_free (self->currency);
  self->currency = g_steal_pointer (&currency);
  load_filters (self, db, cluster);
  load_ledger (self, db, cluster, currency_changed);
  load_budget (self, db, cluster);
  load_grants (self, db, cluster);

  locked = klynge_ledger_is_year_locked (db, cluster, self->year);
  gtk_toggle_button_set_active (self->lock_button, locked);
  gtk_button_set_icon_name (GTK_BUTTON (self->lock_button), locked ? "changes-prevent-symbolic" : "changes-allow-symbolic");
  klynge_tooltip_set_text (GTK_WIDGET (self->lock_button), locked ? _("Unlock the Year") : _("Lock the Year"));
  klynge_page_set_action_enabled (page, "finances.add-entry", !locked);
  klynge_page_set_action_enabled (page, "finances.delete-entry", !locked);
  klynge_edit_guard_set_clean (self->budget_guard);
  klynge_edit_guard_set_clean (self->rates_guard);
  self->loading = FALSE;
}

static gboolean
close_later_cb (gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (data);

  if (GTK_IS_WINDOW (root))
    gtk_window_close (GTK_WINDOW (root));
  return G_SOURCE_REMOVE;
}

/* Discarded: the window closes once the question is gone. */
static void
close_response_cb (AdwMessageDialog   *dialog,
                   const char         *response,
                   KlyngeFinancesPage *self)
{
  if (!g_str_equal (response, "discard"))
    return;
  klynge_edit_guard_set_clean (self->budget_guard);
  klynge_edit_guard_set_clean (self->rates_guard);
  g_idle_add_full (G_PRIORITY_DEFAULT, close_later_cb, g_object_ref (self), g_object_unref);
}

static gboolean
klynge_finances_page_save_pending (KlyngePage *page)
{
  KlyngeFinancesPage *self = KLYNGE_FINANCES_PAGE (page);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (save_typed (self, &error))
    return TRUE;
  dialog = klynge_edit_guard_ask (GTK_WIDGET (self), error->message, FALSE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  return FALSE;
}

static void
filter_changed_cb (KlyngeFinancesPage *self)
{
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (self));
  int year = klynge_picker_get_selected_id (self->year_dropdown);

  if (self->loading || db == NULL || year == 0)
    return;

  if (year != self->year)
    {
      g_autoptr(GError) error = NULL;

      /* Typed for the year shown: saved there, or that year stays. */
      if (!save_typed (self, &error))
        {
          report_error (self, error);
          self->loading = TRUE;
          klynge_picker_select_id (self->year_dropdown, self->year);
          self->loading = FALSE;
          return;
        }
      self->year = year;
      klynge_finances_page_reload (KLYNGE_PAGE (self));
    }
  else
    {
      load_ledger (self, db, klynge_page_get_cluster (KLYNGE_PAGE (self)), FALSE);
    }
}

static void
set_locked (KlyngeFinancesPage *self,
            gboolean            locked)
{
  g_autoptr(GError) error = NULL;

  if (!klynge_ledger_set_year_locked (klynge_page_get_db (KLYNGE_PAGE (self)), klynge_page_get_cluster (KLYNGE_PAGE (self)),
                                      self->year, locked, &error))
    report_error (self, error);
  changed (self);
}

static void ask_lock (KlyngeFinancesPage *self,
                      gboolean            again);

/* "continue" is the first of the two answers a running year needs. */
static void
lock_response_cb (AdwMessageDialog   *dialog,
                  const char         *response,
                  KlyngeFinancesPage *self)
{
  if (g_str_equal (response, "lock"))
    set_locked (self, TRUE);
  else if (g_str_equal (response, "continue"))
    ask_lock (self, TRUE);
}

static gboolean
year_is_running (int year)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return year >= g_date_time_get_year (now);
}

/* Locking asks once and says what it means; a year still running asks a
 * second time, since its remaining entries could then not be made. */
static void
ask_lock (KlyngeFinancesPage *self,
          gboolean            again)
{
  gboolean running = year_is_running (self->year);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (!again)
    {
      heading = g_strdup_printf (_("Lock the Accounts of %d?"), self->year);
      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s%s",
                                      _("A locked year cannot be changed: no entry can be added, edited or deleted, "
                                        "and its budget and opening balance stay as they are, so the accounts stay "
                                        "as the auditor signed them. It can be unlocked again."),
                                      running ? _("\n\nThe year has not ended yet: entries still to come could not be made.") : "");
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        running ? "continue" : "lock", running ? _("_Continue…") : _("_Lock"), NULL);
    }
  else
    {
      heading = g_strdup_printf (_("Lock %d While It Is Still Running?"), self->year);
      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("Usually a year is locked after it has ended and the auditor has signed its "
                                        "accounts. Lock %d now all the same?"), self->year);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "lock", _("_Lock the Running Year"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "lock", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (lock_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lock_toggled_cb (KlyngeFinancesPage *self)
{
  if (self->loading || klynge_page_get_db (KLYNGE_PAGE (self)) == NULL)
    return;
  if (!gtk_toggle_button_get_active (self->lock_button))
    {
      set_locked (self, FALSE);
      return;
    }
  /* Locked once the answer is yes; until then the button stays up. */
  self->loading = TRUE;
  gtk_toggle_button_set_active (self->lock_button, FALSE);
  self->loading = FALSE;
  ask_lock (self, FALSE);
}

static void
entry_saved_cb (KlyngeFinancesPage *self)
{
  changed (self);
}

static void
open_editor (KlyngeFinancesPage *self,
             KlyngeLedgerEntry  *entry)
{
  KlyngeLedgerEntryDialog *dialog;

  dialog = klynge_ledger_entry_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                           klynge_page_get_db (KLYNGE_PAGE (self)),
                                           klynge_page_get_cluster (KLYNGE_PAGE (self)),
                                           self->year, entry);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (entry_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ledger_activate_cb (KlyngeFinancesPage *self,
                    guint               position)
{
  g_autoptr(KlyngeLedgerEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (entry != NULL && !klynge_ledger_is_year_locked (klynge_page_get_db (KLYNGE_PAGE (self)),
                                                      klynge_page_get_cluster (KLYNGE_PAGE (self)), self->year))
    open_editor (self, entry);
}

/* Delete, F2 and the row's menu act on the selected entry: a row is one Tab stop. */
static void
act_on_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KlyngeFinancesPage *self = KLYNGE_FINANCES_PAGE (widget);
  KlyngeLedgerEntry *entry = gtk_single_selection_get_selected_item (self->selection);

  if (entry == NULL)
    return;
  if (g_str_equal (action_name, "finances.edit-selected"))
    ledger_activate_cb (self, gtk_single_selection_get_selected (self->selection));
  else
    gtk_widget_activate_action (widget, "finances.delete-entry", "x", entry->id);
}

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (KLYNGE_FINANCES_PAGE (widget), NULL);
}

static void
delete_entry_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KlyngeFinancesPage *self = KLYNGE_FINANCES_PAGE (widget);
  g_autoptr(GError) error = NULL;
  KlyngeSnapshot *entry;

  entry = klynge_ledger_delete_entry (klynge_page_get_db (KLYNGE_PAGE (self)),
                                      klynge_page_get_cluster (KLYNGE_PAGE (self)),
                                      g_variant_get_int64 (parameter), &error);
  if (entry == NULL)
    {
      report_error (self, error);
      return;
    }
  klynge_page_push_undo (KLYNGE_PAGE (self), entry, _("Entry deleted"));
}

static void
apply_rates_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KlyngeFinancesPage *self = KLYNGE_FINANCES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!apply_rates (self, &error))
    {
      report_error (self, error);
      return;
    }
  changed (self);
}

static void
book_response_cb (AdwMessageDialog   *dialog,
                  const char         *response,
                  KlyngeFinancesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  KlyngeSnapshot *booked;
  guint n_booked;

  if (!g_str_equal (response, "book"))
    return;
  booked = klynge_ledger_book_grants (klynge_page_get_db (KLYNGE_PAGE (self)),
                                      klynge_page_get_cluster (KLYNGE_PAGE (self)), self->year, &n_booked, &error);
  if (booked == NULL)
    {
      report_error (self, error);
      return;
    }
  text = g_strdup_printf (ngettext ("%u grant booked", "%u grants booked", n_booked), n_booked);
  klynge_page_push_undo (KLYNGE_PAGE (self), booked, text);
}

/* Says what will be booked and asks first; grants the year already has are
 * left out, so pressing it twice never books a grant twice. */
static void
book_grants_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KlyngeFinancesPage *self = KLYNGE_FINANCES_PAGE (widget);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  for (guint i = 0; self->grants != NULL && i < self->grants->len; i++)
    {
      KlyngeLedgerEntry *grant = g_ptr_array_index (self->grants, i);
      g_autofree char *amount = NULL;

      if (grant->id != 0)
        continue;
      amount = klynge_money_format (grant->amount, self->currency);
      /* Translators: a grant to be booked: category, date, amount, note */
      g_string_append_printf (list, _("%s on %s: %s (%s)\n"), grant->category_name, grant->date, amount, grant->note);
    }
  if (list->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("The expected grants of %d are in the ledger already."), self->year);

      klynge_page_add_toast (KLYNGE_PAGE (self), adw_toast_new (text));
      return;
    }
  heading = g_strdup_printf (_("Book the Expected Grants of %d?"), self->year);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("These entries go into the ledger as income:\n\n%s\nYou can undo it afterwards."),
                                  list->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "book", _("_Book"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "book", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "book");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (book_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KlyngeFinancesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  klynge_page_report_task (KLYNGE_PAGE (self), klynge_accounts_write_finish (result, &error), error,
                           _("The annual accounts are saved"));
}

/* What the chooser was opened for: the format of the accounts asked for. */
typedef struct
{
  KlyngeFinancesPage   *self;
  KlyngeAccountsFormat  format;
} ExportRequest;

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    ExportRequest   *request)
{
  KlyngeFinancesPage *self = request->self;
  KlyngeAccountsFormat format = request->format;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      klynge_accounts_write_async (klynge_db_get_path (klynge_page_get_db (KLYNGE_PAGE (self))),
                                   klynge_page_get_cluster (KLYNGE_PAGE (self)), self->year,
                                   format, path, NULL, export_done_cb, g_object_ref (self));
    }
  g_object_unref (chooser);
}

static void
export_accounts_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KlyngeFinancesPage *self = KLYNGE_FINANCES_PAGE (widget);
  gboolean pdf = g_str_equal (g_variant_get_string (parameter, NULL), "pdf");
  /* Translators: the suggested file name of the annual accounts; %d is the year */
  g_autofree char *name = g_strdup_printf (_("accounts-%d.%s"), self->year, pdf ? "pdf" : "xlsx");
  ExportRequest *request = g_new0 (ExportRequest, 1);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Annual Accounts"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  request->self = self;
  request->format = pdf ? KLYNGE_ACCOUNTS_PDF : KLYNGE_ACCOUNTS_XLSX;
  klynge_request_connect (chooser, "response", G_CALLBACK (export_response_cb), widget, request, g_free);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
draw_budget_chart (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  KlyngeFinancesPage *self = user_data;

  if (self->totals != NULL)
    klynge_budget_chart_draw (cr, width, height, self->totals, self->currency,
                              adw_style_manager_get_dark (adw_style_manager_get_default ())
                              ? KLYNGE_CHART_THEME_DARK : KLYNGE_CHART_THEME_LIGHT);
}

static void
klynge_finances_page_dispose (GObject *object)
{
  KlyngeFinancesPage *self = KLYNGE_FINANCES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_FINANCES_PAGE);
  g_clear_object (&self->selection);
  g_clear_weak_pointer (&self->store);
  g_clear_pointer (&self->grants, g_ptr_array_unref);
  g_clear_pointer (&self->totals, klynge_ledger_year_free);
  g_clear_object (&self->budget_guard);
  g_clear_object (&self->rates_guard);
  g_clear_object (&self->shown_db);

  G_OBJECT_CLASS (klynge_finances_page_parent_class)->dispose (object);
}

static void
klynge_finances_page_finalize (GObject *object)
{
  KlyngeFinancesPage *self = KLYNGE_FINANCES_PAGE (object);

  g_free (self->currency);

  G_OBJECT_CLASS (klynge_finances_page_parent_class)->finalize (object);
}

static KlyngeDocument *
klynge_finances_page_print_document (KlyngePage  *page,
                                     GError     **error)
{
  KlyngeFinancesPage *self = KLYNGE_FINANCES_PAGE (page);

  return klynge_accounts_document (klynge_page_get_db (page), klynge_page_get_cluster (page), self->year, error);
}

static void
klynge_finances_page_class_init (KlyngeFinancesPageClass *klass)
{
  static const char *editing_actions[] = {
    "finances.add-entry", "finances.delete-entry", "finances.apply-rates",
    "finances.book-grants", NULL
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_finances_page_dispose;
  object_class->finalize = klynge_finances_page_finalize;
  KLYNGE_PAGE_CLASS (klass)->reload = klynge_finances_page_reload;
  KLYNGE_PAGE_CLASS (klass)->save_pending = klynge_finances_page_save_pending;
  KLYNGE_PAGE_CLASS (klass)->print_document = klynge_finances_page_print_document;
  klynge_page_class_set_editing_actions (KLYNGE_PAGE_CLASS (klass), editing_actions);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/finances/klynge-finances-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, view_picker);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, lock_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, meeting_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, balance_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, ledger_view);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, budget_chart);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, ledger_content);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, ledger_error);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, budget_list);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, meeting_cost_list);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, per_gp_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, per_patient_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, currency_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, opening_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, rates_error);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, grants_group);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, grants_list);
  gtk_widget_class_bind_template_callback (widget_class, lock_toggled_cb);
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, ledger_activate_cb);

  gtk_widget_class_install_action (widget_class, "finances.add-entry", NULL, add_entry_action);
  gtk_widget_class_install_action (widget_class, "finances.delete-entry", "x", delete_entry_action);
  gtk_widget_class_install_action (widget_class, "finances.edit-selected", NULL, act_on_selected_action);
  gtk_widget_class_install_action (widget_class, "finances.delete-selected", NULL, act_on_selected_action);
  gtk_widget_class_install_action (widget_class, "finances.apply-rates", NULL, apply_rates_action);
  gtk_widget_class_install_action (widget_class, "finances.book-grants", NULL, book_grants_action);
  gtk_widget_class_install_action (widget_class, "finances.export-accounts", "s", export_accounts_action);
}

static void
klynge_finances_page_init (KlyngeFinancesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->budget_guard = klynge_edit_guard_new (GTK_WIDGET (self->budget_list));
  self->rates_guard = klynge_edit_guard_new (gtk_widget_get_parent (GTK_WIDGET (self->per_gp_row)));
  klynge_page_bind_view_picker (self->view_picker, self->stack);
  klynge_accessible_name_list (GTK_WIDGET (self->ledger_view), _("Ledger"));
  /* Locking a year is a change too. */
  g_object_bind_property (self, "read-only", self->lock_button, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  klynge_page_ellipsize_picker (self->category_dropdown);
  klynge_page_ellipsize_picker (self->meeting_dropdown);
  klynge_page_add_shortcut (KLYNGE_PAGE (self), "<Control>n", "finances.add-entry");
  klynge_list_keys_attach (GTK_WIDGET (self->ledger_view), self->row_menu,
                           "finances.edit-selected", "finances.delete-selected");

  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (keep_entry_cb, self, NULL)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_column_view_set_model (self->ledger_view, GTK_SELECTION_MODEL (self->selection));
  add_columns (self);
  gtk_drawing_area_set_draw_func (self->budget_chart, draw_budget_chart, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->budget_chart, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->year_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->category_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->meeting_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
}
