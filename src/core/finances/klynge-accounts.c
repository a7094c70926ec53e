/* klynge-accounts.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The annual accounts as a workbook (a summary whose totals are formulas,
 * and the ledger) and as a printable PDF.
 */

#define G_LOG_DOMAIN "klynge-accounts"

#include "klynge-i18n.h"

#include <stdio.h>

#include <xlsxwriter.h>

#include "klynge-accounts.h"
#include "klynge-db-statement.h"
#include "klynge-file.h"
#include "klynge-format.h"
#include "klynge-ledger.h"
#include "klynge-money.h"

typedef struct
{
  char             *cluster_name;
  char             *currency;
  char             *treasurer;   /* at the year's end; NULL if none */
  KlyngeLedgerYear *year;
  GListModel       *entries;
} Accounts;

static void
accounts_clear (Accounts *accounts)
{
  g_free (accounts->cluster_name);
  g_free (accounts->currency);
  g_free (accounts->treasurer);
  g_clear_pointer (&accounts->year, klynge_ledger_year_free);
  g_clear_object (&accounts->entries);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Accounts, accounts_clear)

static gboolean
accounts_load (Accounts  *accounts,
               KlyngeDb  *db,
               gint64     cluster_id,
               int        year,
               GError   **error)
{
  KlyngeLedgerFilter filter = { .year = year };
  g_autoptr(KlyngeDbStatement) name = klynge_db_statement_new (db, "SELECT name FROM cluster WHERE id = ?1");
  g_autoptr(KlyngeDbStatement) treasurer = NULL;

  klynge_db_statement_bind_int64 (name, 1, cluster_id);
  if (klynge_db_statement_step (name, error) == SQLITE_ROW)
    accounts->cluster_name = klynge_db_statement_dup_nullable (name, 0);
  if (accounts->cluster_name == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("The cluster no longer exists."));
      return FALSE;
    }

  /* The treasurer who held the role last in the year signs for it. */
  treasurer = klynge_db_statement_new (db, "SELECT m.name FROM member m JOIN member_role r ON r.member_id = m.id "
    "WHERE m.cluster_id = ?1 AND r.role = 'treasurer' "
    "AND (r.from_date IS NULL OR r.from_date <= ?2) AND (r.to_date IS NULL OR r.to_date >= ?3) "
    "ORDER BY r.from_date DESC LIMIT 1");
  {
    g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
    g_autofree char *first = g_strdup_printf ("%04d-01-01", year);

    klynge_db_statement_bind_int64 (treasurer, 1, cluster_id);
    klynge_db_statement_bind_text (treasurer, 2, last);
    klynge_db_statement_bind_text (treasurer, 3, first);
    if (klynge_db_statement_step (treasurer, error) == SQLITE_ROW)
      accounts->treasurer = klynge_db_statement_dup_nullable (treasurer, 0);
  }

  accounts->currency = klynge_ledger_get_currency (db, cluster_id);
  accounts->year = klynge_ledger_year_load (db, cluster_id, year, error);
  if (accounts->year == NULL)
    return FALSE;
  accounts->entries = klynge_ledger_list_entries (db, cluster_id, &filter, error);
  return accounts->entries != NULL;
}

/* The columns in the one order of both the workbook and the PDF: the
 * summary's amounts, and the ledger's vouchers (the workbook adds the
 * meeting and the note after them). */
#define SUMMARY_COLUMNS { _("Budget"), _("Actual"), _("Variance") }
#define LEDGER_COLUMNS  { _("Date"), _("Reference"), _("Counterparty"), _("Category"), _("Amount"), _("Balance") }

/* A spreadsheet holds numbers as doubles: the exact integer is converted
 * only here, at the edge, and every sum of whole øre is exact in a double. */
static double
to_major (gint64 minor)
{
  return (double) minor / 100;
}

typedef struct
{
  lxw_format *bold;
  lxw_format *money;
  lxw_format *money_bold;
  lxw_format *date;
} Formats;

/* Budget in B, actual in C and the variance (budget − actual) in D. */
static void
write_amounts (lxw_worksheet *sheet,
               lxw_format    *format,
               int            row,
               const char    *budget_formula,
               gint64         budget,
               const char    *actual_formula,
               gint64         actual)
{
  g_autofree char *variance = g_strdup_printf ("=B%d-C%d", row + 1, row + 1);

  if (budget_formula != NULL)
    worksheet_write_formula_num (sheet, row, 1, budget_formula, format, to_major (budget));
  else
    worksheet_write_number (sheet, row, 1, to_major (budget), format);
  if (actual_formula != NULL)
    worksheet_write_formula_num (sheet, row, 2, actual_formula, format, to_major (actual));
  else
    worksheet_write_number (sheet, row, 2, to_major (actual), format);
  worksheet_write_formula_num (sheet, row, 3, variance, format, to_major (budget - actual));
}

/* Rows of one kind with a total formula; returns the total's 1-based row. */
static int
write_section (lxw_worksheet    *sheet,
               const Formats    *formats,
               Accounts         *accounts,
               KlyngeLedgerKind  kind,
               int              *row)
{
  int first = *row + 2, total_row;
  gint64 actual = 0, budget = 0;
  g_autofree char *actual_formula = NULL;
  g_autofree char *budget_formula = NULL;

  worksheet_write_string (sheet, (*row)++, 0, kind == KLYNGE_LEDGER_INCOME ? _("Income") : _("Expenses"),
                          formats->bold);
  for (guint i = 0; i < accounts->year->lines->len; i++)
    {
      KlyngeLedgerLine *line = g_ptr_array_index (accounts->year->lines, i);

      if (line->kind != kind)
        continue;
      worksheet_write_string (sheet, *row, 0, line->name, NULL);
      write_amounts (sheet, formats->money, *row, NULL, line->budget, NULL, line->actual);
      actual += line->actual;
      budget += line->budget;
      (*row)++;
    }

  total_row = *row + 1;
  budget_formula = first <= *row ? g_strdup_printf ("=SUM(B%d:B%d)", first, *row) : g_strdup ("=0");
  actual_formula = first <= *row ? g_strdup_printf ("=SUM(C%d:C%d)", first, *row) : g_strdup ("=0");
  worksheet_write_string (sheet, *row, 0, kind == KLYNGE_LEDGER_INCOME ? _("Total income") : _("Total expenses"),
                          formats->bold);
  write_amounts (sheet, formats->money_bold, *row, budget_formula, budget, actual_formula, actual);
  *row += 2;
  return total_row;
}

static void
write_summary (lxw_worksheet *sheet,
               const Formats *formats,
               Accounts      *accounts)
{
  KlyngeLedgerYear *year = accounts->year;
  const char *columns[] = SUMMARY_COLUMNS;
  g_autofree char *title = g_strdup_printf (_("Annual accounts %d"), year->year);
  g_autofree char *budget_result = NULL;
  g_autofree char *actual_result = NULL;
  g_autofree char *closing_formula = NULL;
  int row = 4, income_row, expense_row, opening_row;
  gint64 budget_income = 0, budget_expenses = 0;

  worksheet_set_column (sheet, 0, 0, 34, NULL);
  worksheet_set_column (sheet, 1, 3, 16, NULL);
  worksheet_write_string (sheet, 0, 0, title, formats->bold);
  worksheet_write_string (sheet, 1, 0, accounts->cluster_name, NULL);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      /* Translators: a column of the accounts' summary and the currency, "Budget (DKK)" */
      g_autofree char *header = g_strdup_printf (_("%s (%s)"), columns[c], accounts->currency);

      worksheet_write_string (sheet, 3, 1 + c, header, formats->bold);
    }

  income_row = write_section (sheet, formats, accounts, KLYNGE_LEDGER_INCOME, &row);
  expense_row = write_section (sheet, formats, accounts, KLYNGE_LEDGER_EXPENSE, &row);
  for (guint i = 0; i < year->lines->len; i++)
    {
      KlyngeLedgerLine *line = g_ptr_array_index (year->lines, i);

      *(line->kind == KLYNGE_LEDGER_INCOME ? &budget_income : &budget_expenses) += line->budget;
    }

  budget_result = g_strdup_printf ("=B%d-B%d", income_row, expense_row);
  actual_result = g_strdup_printf ("=C%d-C%d", income_row, expense_row);
  worksheet_write_string (sheet, row, 0, _("Result"), formats->bold);
  write_amounts (sheet, formats->money_bold, row, budget_result, budget_income - budget_expenses,
                 actual_result, year->result);
  row++;
  opening_row = row + 1;
  worksheet_write_string (sheet, row, 0, _("Opening balance"), NULL);
  worksheet_write_number (sheet, row, 2, to_major (year->opening), formats->money);
  row++;
  closing_formula = g_strdup_printf ("=C%d+C%d", opening_row, opening_row - 1);
  worksheet_write_string (sheet, row, 0, _("Closing balance"), formats->bold);
  worksheet_write_formula_num (sheet, row, 2, closing_formula, formats->money_bold, to_major (year->closing));
  row += 3;
  worksheet_write_string (sheet, row, 0, _("Treasurer"), formats->bold);
  worksheet_write_string (sheet, row, 2, _("Auditor"), formats->bold);
  if (accounts->treasurer != NULL)
    worksheet_write_string (sheet, row + 1, 0, accounts->treasurer, NULL);
}

static void
write_ledger (lxw_worksheet *sheet,
              const Formats *formats,
              Accounts      *accounts)
{
  const char *columns[] = LEDGER_COLUMNS;
  guint n = g_list_model_get_n_items (accounts->entries);

  worksheet_set_column (sheet, 0, 0, 12, NULL);
  worksheet_set_column (sheet, 1, 3, 24, NULL);
  worksheet_set_column (sheet, 4, 5, 14, NULL);
  worksheet_set_column (sheet, 6, 7, 24, NULL);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    worksheet_write_string (sheet, 0, c, columns[c], formats->bold);
  worksheet_write_string (sheet, 0, 6, _("Meeting"), formats->bold);
  worksheet_write_string (sheet, 0, 7, _("Note"), formats->bold);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KlyngeLedgerEntry) entry = g_list_model_get_item (accounts->entries, i);
      lxw_datetime date = { 0 };
      lxw_row_t row = i + 1;

      sscanf (entry->date, "%d-%d-%d", &date.year, &date.month, &date.day);
      worksheet_write_datetime (sheet, row, 0, &date, formats->date);
      /* User text is always written as a string, never as a formula. */
      worksheet_write_string (sheet, row, 1, entry->reference, NULL);
      worksheet_write_string (sheet, row, 2, entry->counterparty, NULL);
      worksheet_write_string (sheet, row, 3, entry->category_name, NULL);
      worksheet_write_number (sheet, row, 4, to_major (klynge_ledger_entry_get_signed_amount (entry)), formats->money);
      worksheet_write_number (sheet, row, 5, to_major (entry->balance), formats->money);
      worksheet_write_string (sheet, row, 6, entry->meeting_title != NULL ? entry->meeting_title : "", NULL);
      worksheet_write_string (sheet, row, 7, entry->note, NULL);
    }
}

static gboolean
write_xlsx (Accounts    *accounts,
            const char  *path,
            GError     **error)
{
  lxw_workbook *workbook;
  lxw_worksheet *summary, *ledger;
  Formats formats;
  lxw_error rc;

  if (!klynge_file_prepare_private (path, error))
    return FALSE;
  workbook = workbook_new (path);
  if (workbook == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not write “%s”."), path);
      return FALSE;
    }

  formats.bold = workbook_add_format (workbook);
  format_set_bold (formats.bold);
  formats.money = workbook_add_format (workbook);
  format_set_num_format (formats.money, "#,##0.00");
  formats.money_bold = workbook_add_format (workbook);
  format_set_num_format (formats.money_bold, "#,##0.00");
  format_set_bold (formats.money_bold);
  formats.date = workbook_add_format (workbook);
  format_set_num_format (formats.date, "yyyy-mm-dd");

  /* Translators: a worksheet name, at most 31 characters */
  summary = workbook_add_worksheet (workbook, _("Summary"));
  /* Translators: a worksheet name, at most 31 characters */
  ledger = workbook_add_worksheet (workbook, _("Ledger"));
  write_summary (summary, &formats, accounts);
  write_ledger (ledger, &formats, accounts);

  rc = workbook_close (workbook);
  if (rc != LXW_NO_ERROR)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not write “%s”: %s"), path, lxw_strerror (rc));
      return FALSE;
    }
  return TRUE;
}

static void
accounts_free (Accounts *accounts)
{
  accounts_clear (accounts);
  g_free (accounts);
}

/* The summary's columns: a category, then its amounts right-aligned. */
static void
begin_summary_table (KlyngeSheet *sheet)
{
  const char *columns[] = SUMMARY_COLUMNS;
  const char *header[] = { NULL, columns[0], columns[1], columns[2] };
  const gboolean right[] = { FALSE, TRUE, TRUE, TRUE };
  double width = klynge_sheet_get_width (sheet);
  const double starts[] = { 0, width - 300, width - 200, width - 100 };

  klynge_sheet_begin_table (sheet, G_N_ELEMENTS (starts), starts, right, header);
}

/* A line of the summary; without a budget (@with_budget FALSE) only the
 * actual amount, as for the balances. */
static void
summary_row (KlyngeSheet *sheet,
             const char  *label,
             gboolean     with_budget,
             gint64       budget,
             gint64       actual,
             const char  *currency,
             gboolean     bold)
{
  g_autofree char *b = with_budget ? klynge_money_format (budget, currency) : NULL;
  g_autofree char *a = klynge_money_format (actual, currency);
  g_autofree char *v = with_budget ? klynge_money_format (budget - actual, currency) : NULL;
  const char *cells[] = { label, b, a, v };

  klynge_sheet_row (sheet, cells, bold, 0, FALSE);
}

static void
draw_section (KlyngeSheet      *sheet,
              Accounts         *accounts,
              KlyngeLedgerKind  kind,
              gint64           *budget_total)
{
  const char *cells[] = { kind == KLYNGE_LEDGER_INCOME ? _("Income") : _("Expenses"), NULL, NULL, NULL };

  *budget_total = 0;
  klynge_sheet_row (sheet, cells, TRUE, 0, FALSE);
  for (guint i = 0; i < accounts->year->lines->len; i++)
    {
      KlyngeLedgerLine *line = g_ptr_array_index (accounts->year->lines, i);

      if (line->kind != kind)
        continue;
      *budget_total += line->budget;
      if (line->actual != 0 || line->budget != 0)
        summary_row (sheet, line->name, TRUE, line->budget, line->actual, accounts->currency, FALSE);
    }
  summary_row (sheet, kind == KLYNGE_LEDGER_INCOME ? _("Total income") : _("Total expenses"), TRUE, *budget_total,
               kind == KLYNGE_LEDGER_INCOME ? accounts->year->income : accounts->year->expenses,
               accounts->currency, TRUE);
  klynge_sheet_space (sheet, 10);
}

/* The vouchers, each with the balance after it. Dates, references and
 * amounts get the width of their widest cell, so none of them wraps; the
 * counterparty and the category share the rest and wrap if they must. */
static void
draw_vouchers (KlyngeSheet *sheet,
               Accounts    *accounts)
{
  const char *header[] = LEDGER_COLUMNS;
  const gboolean right[] = { FALSE, FALSE, FALSE, FALSE, TRUE, TRUE };
  guint n = g_list_model_get_n_items (accounts->entries);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  double widths[G_N_ELEMENTS (header)] = { 0 };
  double columns[G_N_ELEMENTS (header)];
  double width = klynge_sheet_get_width (sheet), rest;

  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    widths[c] = klynge_sheet_text_width (sheet, header[c], "Sans Bold 10");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KlyngeLedgerEntry) entry = g_list_model_get_item (accounts->entries, i);
      char *row[] = {
        klynge_format_date_short (entry->date), g_strdup (entry->reference), g_strdup (entry->counterparty),
        g_strdup (entry->category_name), klynge_money_format (klynge_ledger_entry_get_signed_amount (entry), NULL),
        klynge_money_format (entry->balance, NULL),
      };

      for (guint c = 0; c < G_N_ELEMENTS (row); c++)
        {
          if (c != 2 && c != 3)
            widths[c] = MAX (widths[c], klynge_sheet_text_width (sheet, row[c], "Sans 10"));
          g_ptr_array_add (cells, row[c]);
        }
    }
  rest = width - widths[0] - widths[1] - widths[4] - widths[5] - 5 * 8;
  columns[0] = 0;
  columns[1] = columns[0] + widths[0] + 8;
  columns[2] = columns[1] + widths[1] + 8;
  columns[3] = columns[2] + MAX (rest * 0.55, 40) + 8;
  columns[5] = width - widths[5];
  columns[4] = columns[5] - 8 - widths[4];

  klynge_sheet_paragraph (sheet, _("Ledger"), "Sans Bold 14", 8);
  klynge_sheet_begin_table (sheet, G_N_ELEMENTS (header), columns, right, header);
  for (guint i = 0; i < n; i++)
    klynge_sheet_row (sheet, (const char *const *) cells->pdata + i * G_N_ELEMENTS (header), FALSE, 0, FALSE);
  klynge_sheet_end_table (sheet);
}

static void
draw_accounts (KlyngeSheet *sheet,
               gpointer     data)
{
  Accounts *accounts = data;
  KlyngeLedgerYear *year = accounts->year;
  g_autofree char *title = g_strdup_printf (_("Annual accounts %d"), year->year);
  const char *signatures[] = { _("Treasurer"), _("Auditor") };
  const char *names[] = { accounts->treasurer, NULL };
  gint64 budget_income, budget_expenses;

  klynge_sheet_paragraph (sheet, title, "Sans Bold 18", 4);
  klynge_sheet_paragraph (sheet, accounts->cluster_name, "Sans 11", 14);
  begin_summary_table (sheet);
  draw_section (sheet, accounts, KLYNGE_LEDGER_INCOME, &budget_income);
  draw_section (sheet, accounts, KLYNGE_LEDGER_EXPENSE, &budget_expenses);
  summary_row (sheet, _("Result"), TRUE, budget_income - budget_expenses, year->result, accounts->currency, TRUE);
  summary_row (sheet, _("Opening balance"), FALSE, 0, year->opening, accounts->currency, FALSE);
  summary_row (sheet, _("Closing balance"), FALSE, 0, year->closing, accounts->currency, TRUE);
  klynge_sheet_end_table (sheet);
  klynge_sheet_paragraph (sheet, _("Variance is budget minus actual."), "Sans 8", 0);

  klynge_sheet_signatures (sheet, signatures, names, G_N_ELEMENTS (signatures));

  klynge_sheet_break (sheet);
  draw_vouchers (sheet, accounts);
}

/**
 * klynge_accounts_document:
 *
 * Returns: (transfer full): the annual accounts to print or write as PDF;
 *   %NULL if the cluster is gone
 */
KlyngeDocument *
klynge_accounts_document (KlyngeDb  *db,
                          gint64     cluster_id,
                          int        year,
                          GError   **error)
{
  Accounts *accounts = g_new0 (Accounts, 1);
  g_autofree char *title = NULL;

  if (!accounts_load (accounts, db, cluster_id, year, error))
    return (accounts_free (accounts), NULL);
  /* Translators: the head of a printed page after the first: the accounts' year, then the cluster */
  title = g_strdup_printf (_("Annual accounts %d — %s"), year, accounts->cluster_name);
  return klynge_document_new (title, draw_accounts, accounts, (GDestroyNotify) accounts_free);
}

gboolean
klynge_accounts_write (KlyngeDb              *db,
                       gint64                 cluster_id,
                       int                    year,
                       KlyngeAccountsFormat   format,
                       const char            *path,
                       GError               **error)
{
  g_auto(Accounts) accounts = { 0 };
  g_autoptr(KlyngeDocument) document = NULL;

  if (format == KLYNGE_ACCOUNTS_PDF)
    {
      document = klynge_accounts_document (db, cluster_id, year, error);
      return document != NULL && klynge_document_write_pdf (document, path, error);
    }
  if (!accounts_load (&accounts, db, cluster_id, year, error))
    return FALSE;
  return write_xlsx (&accounts, path, error);
}

typedef struct
{
  char                 *db_path;
  gint64                cluster_id;
  int                   year;
  KlyngeAccountsFormat  format;
  char                 *path;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_free (data->db_path);
  g_free (data->path);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autoptr(KlyngeDb) db = NULL;
  GError *error = NULL;

  (void) source_object;
  if (g_task_return_error_if_cancelled (task))
    return;
  db = klynge_db_open (data->db_path, KLYNGE_DB_OPEN_READ_ONLY, &error);
  if (db == NULL ||
      !klynge_accounts_write (db, data->cluster_id, data->year, data->format, data->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
klynge_accounts_write_async (const char            *db_path,
                             gint64                 cluster_id,
                             int                    year,
                             KlyngeAccountsFormat   format,
                             const char            *path,
                             GCancellable          *cancellable,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  WriteData *data = g_new0 (WriteData, 1);

  data->db_path = g_strdup (db_path);
  data->cluster_id = cluster_id;
  data->year = year;
  data->format = format;
  data->path = g_strdup (path);
  g_task_set_source_tag (task, klynge_accounts_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
klynge_accounts_write_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
