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

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
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

/* A4 in points, with 2 cm margins. */
#define PAGE_WIDTH  595.0
#define PAGE_HEIGHT 842.0
#define MARGIN      56.0

typedef struct
{
  cairo_t              *cr;
  PangoFontDescription *font;
  double                y;
} Printer;

/* One line of up to three cells: text left, amounts right-aligned. */
static void
print_row (Printer    *printer,
           const char *left,
           const char *middle,
           const char *right,
           gboolean    bold)
{
  const double columns[] = { MARGIN, PAGE_WIDTH - MARGIN - 140, PAGE_WIDTH - MARGIN };
  const char *cells[] = { left, middle, right };
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (printer->cr);

  if (printer->y > PAGE_HEIGHT - MARGIN - 16)
    {
      cairo_show_page (printer->cr);
      printer->y = MARGIN;
    }

  pango_font_description_set_weight (printer->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, printer->font);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      int width, height;

      if (cells[i] == NULL)
        continue;
      pango_layout_set_text (layout, cells[i], -1);
      if (i == 0)
        {
          pango_layout_set_width (layout, (int) ((columns[1] - 150 - MARGIN) * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
      else
        {
          pango_layout_set_width (layout, -1);
        }
      pango_layout_get_pixel_size (layout, &width, &height);
      cairo_move_to (printer->cr, i == 0 ? columns[0] : columns[i] - width, printer->y);
      pango_cairo_show_layout (printer->cr, layout);
    }
  printer->y += 16;
}

static void
print_money_row (Printer    *printer,
                 const char *label,
                 gint64      actual,
                 gint64      budget,
                 const char *currency,
                 gboolean    bold)
{
  g_autofree char *a = klynge_money_format (actual, currency);
  g_autofree char *b = budget >= 0 ? klynge_money_format (budget, currency) : NULL;

  print_row (printer, label, b, a, bold);
}

static void
print_section (Printer          *printer,
               Accounts         *accounts,
               KlyngeLedgerKind  kind)
{
  print_row (printer, kind == KLYNGE_LEDGER_INCOME ? _("Income") : _("Expenses"), NULL, NULL, TRUE);
  for (guint i = 0; i < accounts->year->lines->len; i++)
    {
      KlyngeLedgerLine *line = g_ptr_array_index (accounts->year->lines, i);

      if (line->kind == kind && (line->actual != 0 || line->budget != 0))
        print_money_row (printer, line->name, line->actual, line->budget, accounts->currency, FALSE);
    }
  print_money_row (printer, kind == KLYNGE_LEDGER_INCOME ? _("Total income") : _("Total expenses"),
                   kind == KLYNGE_LEDGER_INCOME ? accounts->year->income : accounts->year->expenses,
                   -1, accounts->currency, TRUE);
  printer->y += 10;
}

static gboolean
write_pdf (Accounts    *accounts,
           const char  *path,
           GError     **error)
{
  cairo_surface_t *surface;
  g_autofree char *title = g_strdup_printf (_("Annual accounts %d"), accounts->year->year);
  Printer printer = { 0 };
  cairo_status_t status;
  guint n = g_list_model_get_n_items (accounts->entries);

  if (!klynge_file_prepare_private (path, error))
    return FALSE;
  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  printer.cr = cairo_create (surface);
  printer.font = pango_font_description_from_string ("Sans 10");
  printer.y = MARGIN;

  print_row (&printer, title, NULL, NULL, TRUE);
  print_row (&printer, accounts->cluster_name, NULL, NULL, FALSE);
  printer.y += 10;
  print_row (&printer, NULL, _("Budget"), _("Actual"), TRUE);
  print_section (&printer, accounts, KLYNGE_LEDGER_INCOME);
  print_section (&printer, accounts, KLYNGE_LEDGER_EXPENSE);
  print_money_row (&printer, _("Result"), accounts->year->result, -1, accounts->currency, TRUE);
  print_money_row (&printer, _("Opening balance"), accounts->year->opening, -1, accounts->currency, FALSE);
  print_money_row (&printer, _("Closing balance"), accounts->year->closing, -1, accounts->currency, TRUE);

  cairo_show_page (printer.cr);
  printer.y = MARGIN;
  print_row (&printer, _("Ledger"), NULL, _("Balance"), TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KlyngeLedgerEntry) entry = g_list_model_get_item (accounts->entries, i);
      g_autofree char *date = klynge_format_date (entry->date);
      g_autofree char *label = g_strdup_printf ("%s  %s — %s", date, entry->category_name, entry->counterparty);
      g_autofree char *amount = klynge_money_format (klynge_ledger_entry_get_signed_amount (entry), accounts->currency);
      g_autofree char *balance = klynge_money_format (entry->balance, accounts->currency);

      print_row (&printer, label, amount, balance, FALSE);
    }
  cairo_show_page (printer.cr);

  pango_font_description_free (printer.font);
  cairo_destroy (printer.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not write “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
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

  if (!accounts_load (&accounts, db, cluster_id, year, error))
    return FALSE;
  return format == KLYNGE_ACCOUNTS_XLSX ? write_xlsx (&accounts, path, error)
                                        : write_pdf (&accounts, path, error);
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
