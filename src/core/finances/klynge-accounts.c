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
#include "klynge-file.h"
#include "klynge-format.h"
#include "klynge-ledger.h"
#include "klynge-money.h"

typedef struct
{
  char             *cluster_name;
  char             *currency;
  KlyngeLedgerYear *year;
  GListModel       *entries;
} Accounts;

static void
accounts_clear (Accounts *accounts)
{
  g_free (accounts->cluster_name);
  g_free (accounts->currency);
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
  sqlite3_stmt *stmt = klynge_db_prepare (db, "SELECT name FROM cluster WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cluster_id);
  if (klynge_db_step (db, stmt, error) == SQLITE_ROW)
    accounts->cluster_name = klynge_db_column_dup_nullable (stmt, 0);
  sqlite3_reset (stmt);
  if (accounts->cluster_name == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("The cluster no longer exists."));
      return FALSE;
    }

  accounts->currency = klynge_ledger_get_currency (db, cluster_id);
  accounts->year = klynge_ledger_year_load (db, cluster_id, year, error);
  if (accounts->year == NULL)
    return FALSE;
  accounts->entries = klynge_ledger_list_entries (db, cluster_id, &filter, error);
  return accounts->entries != NULL;
}

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
      worksheet_write_number (sheet, *row, 1, to_major (line->actual), formats->money);
      worksheet_write_number (sheet, *row, 2, to_major (line->budget), formats->money);
      actual += line->actual;
      budget += line->budget;
      (*row)++;
    }

  total_row = *row + 1;
  actual_formula = first <= *row ? g_strdup_printf ("=SUM(B%d:B%d)", first, *row) : g_strdup ("=0");
  budget_formula = first <= *row ? g_strdup_printf ("=SUM(C%d:C%d)", first, *row) : g_strdup ("=0");
  worksheet_write_string (sheet, *row, 0, kind == KLYNGE_LEDGER_INCOME ? _("Total income") : _("Total expenses"),
                          formats->bold);
  worksheet_write_formula_num (sheet, *row, 1, actual_formula, formats->money_bold, to_major (actual));
  worksheet_write_formula_num (sheet, *row, 2, budget_formula, formats->money_bold, to_major (budget));
  *row += 2;
  return total_row;
}

static void
write_summary (lxw_worksheet *sheet,
               const Formats *formats,
               Accounts      *accounts)
{
  KlyngeLedgerYear *year = accounts->year;
  g_autofree char *title = g_strdup_printf (_("Annual accounts %d"), year->year);
  g_autofree char *amount_header = g_strdup_printf (_("Actual (%s)"), accounts->currency);
  g_autofree char *budget_header = g_strdup_printf (_("Budget (%s)"), accounts->currency);
  g_autofree char *result_formula = NULL;
  g_autofree char *closing_formula = NULL;
  int row = 4, income_row, expense_row, opening_row;

  worksheet_set_column (sheet, 0, 0, 34, NULL);
  worksheet_set_column (sheet, 1, 2, 16, NULL);
  worksheet_write_string (sheet, 0, 0, title, formats->bold);
  worksheet_write_string (sheet, 1, 0, accounts->cluster_name, NULL);
  worksheet_write_string (sheet, 3, 1, amount_header, formats->bold);
  worksheet_write_string (sheet, 3, 2, budget_header, formats->bold);

  income_row = write_section (sheet, formats, accounts, KLYNGE_LEDGER_INCOME, &row);
  expense_row = write_section (sheet, formats, accounts, KLYNGE_LEDGER_EXPENSE, &row);

  result_formula = g_strdup_printf ("=B%d-B%d", income_row, expense_row);
  worksheet_write_string (sheet, row, 0, _("Result"), formats->bold);
  worksheet_write_formula_num (sheet, row, 1, result_formula, formats->money_bold, to_major (year->result));
  row++;
  opening_row = row + 1;
  worksheet_write_string (sheet, row, 0, _("Opening balance"), NULL);
  worksheet_write_number (sheet, row, 1, to_major (year->opening), formats->money);
  row++;
  closing_formula = g_strdup_printf ("=B%d+B%d", opening_row, opening_row - 1);
  worksheet_write_string (sheet, row, 0, _("Closing balance"), formats->bold);
  worksheet_write_formula_num (sheet, row, 1, closing_formula, formats->money_bold, to_major (year->closing));
}

static void
write_ledger (lxw_worksheet *sheet,
              const Formats *formats,
              Accounts      *accounts)
{
  const char *headers[] = {
    _("Date"), _("Category"), _("Counterparty"), _("Meeting"), _("Reference"), _("Note"),
    _("Income"), _("Expense"), _("Balance"),
  };
  guint n = g_list_model_get_n_items (accounts->entries);

  worksheet_set_column (sheet, 0, 0, 12, NULL);
  worksheet_set_column (sheet, 1, 5, 24, NULL);
  worksheet_set_column (sheet, 6, 8, 14, NULL);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (sheet, 0, c, headers[c], formats->bold);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KlyngeLedgerEntry) entry = g_list_model_get_item (accounts->entries, i);
      lxw_datetime date = { 0 };
      lxw_row_t row = i + 1;

      sscanf (entry->date, "%d-%d-%d", &date.year, &date.month, &date.day);
      worksheet_write_datetime (sheet, row, 0, &date, formats->date);
      /* User text is always written as a string, never as a formula. */
      worksheet_write_string (sheet, row, 1, entry->category_name, NULL);
      worksheet_write_string (sheet, row, 2, entry->counterparty, NULL);
      worksheet_write_string (sheet, row, 3, entry->meeting_title != NULL ? entry->meeting_title : "", NULL);
      worksheet_write_string (sheet, row, 4, entry->reference, NULL);
      worksheet_write_string (sheet, row, 5, entry->note, NULL);
      worksheet_write_number (sheet, row, entry->kind == KLYNGE_LEDGER_INCOME ? 6 : 7,
                              to_major (entry->amount), formats->money);
      worksheet_write_number (sheet, row, 8, to_major (entry->balance), formats->money);
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
begin_summary_table (KlyngeSheet       *sheet,
                     const char *const *header)
{
  const gboolean right[] = { FALSE, TRUE, TRUE };
  double width = klynge_sheet_get_width (sheet);
  const double columns[] = { 0, width - 230, width - 110 };

  klynge_sheet_begin_table (sheet, G_N_ELEMENTS (columns), columns, right, header);
}

static void
summary_row (KlyngeSheet *sheet,
             const char  *label,
             gint64       actual,
             gint64       budget,
             const char  *currency,
             gboolean     bold)
{
  g_autofree char *a = klynge_money_format (actual, currency);
  g_autofree char *b = budget >= 0 ? klynge_money_format (budget, currency) : NULL;
  const char *cells[] = { label, b, a };

  klynge_sheet_row (sheet, cells, bold, 0, FALSE);
}

static void
draw_section (KlyngeSheet      *sheet,
              Accounts         *accounts,
              KlyngeLedgerKind  kind)
{
  const char *cells[] = { kind == KLYNGE_LEDGER_INCOME ? _("Income") : _("Expenses"), NULL, NULL };

  klynge_sheet_row (sheet, cells, TRUE, 0, FALSE);
  for (guint i = 0; i < accounts->year->lines->len; i++)
    {
      KlyngeLedgerLine *line = g_ptr_array_index (accounts->year->lines, i);

      if (line->kind == kind && (line->actual != 0 || line->budget != 0))
        summary_row (sheet, line->name, line->actual, line->budget, accounts->currency, FALSE);
    }
  summary_row (sheet, kind == KLYNGE_LEDGER_INCOME ? _("Total income") : _("Total expenses"),
               kind == KLYNGE_LEDGER_INCOME ? accounts->year->income : accounts->year->expenses,
               -1, accounts->currency, TRUE);
  klynge_sheet_space (sheet, 10);
}

/* The vouchers, each with the balance after it. Dates, references and
 * amounts get the width of their widest cell, so none of them wraps; the
 * counterparty and the category share the rest and wrap if they must. */
static void
draw_vouchers (KlyngeSheet *sheet,
               Accounts    *accounts)
{
  const char *header[] = { _("Date"), _("Reference"), _("Counterparty"), _("Category"), _("Amount"), _("Balance") };
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
  g_autofree char *title = g_strdup_printf (_("Annual accounts %d"), accounts->year->year);
  const char *header[] = { NULL, _("Budget"), _("Actual") };

  klynge_sheet_paragraph (sheet, title, "Sans Bold 18", 4);
  klynge_sheet_paragraph (sheet, accounts->cluster_name, "Sans 11", 14);
  begin_summary_table (sheet, header);
  draw_section (sheet, accounts, KLYNGE_LEDGER_INCOME);
  draw_section (sheet, accounts, KLYNGE_LEDGER_EXPENSE);
  summary_row (sheet, _("Result"), accounts->year->result, -1, accounts->currency, TRUE);
  summary_row (sheet, _("Opening balance"), accounts->year->opening, -1, accounts->currency, FALSE);
  summary_row (sheet, _("Closing balance"), accounts->year->closing, -1, accounts->currency, TRUE);
  klynge_sheet_end_table (sheet);

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
