/* test-accounts.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbook is read back (unzip -p) and its formulas re-evaluated from
 * the cells they refer to, so the totals a treasurer sees are checked.
 */

#define _GNU_SOURCE   /* memmem: a PDF holds NUL bytes */

#include <stdio.h>
#include <string.h>

#include "klynge-accounts.h"
#include "klynge-demo.h"
#include "klynge-ledger.h"
#include "klynge-test-utils.h"
#include "klynge-xlsx-reader.h"

#define DEMO_INCOME    (KLYNGE_DEMO_LISTED_PATIENTS * 426 + 1500000)
#define DEMO_EXPENSES  (8982500 + 11 * 250000 + 11 * 4500)

/* "219480", "-5.5", "4.05" → minor units, by string so nothing rounds. */
static gint64
decimal_to_minor (const char *text)
{
  gboolean negative = *text == '-';
  gint64 whole = 0, fraction = 0;
  int digits = 0;
  const char *p = negative ? text + 1 : text;

  for (; g_ascii_isdigit (*p); p++)
    whole = whole * 10 + (*p - '0');
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
      fraction = fraction * 10 + (*p - '0');
  if (digits == 1)
    fraction *= 10;
  return negative ? -(whole * 100 + fraction) : whole * 100 + fraction;
}

typedef struct
{
  GHashTable *values;    /* "B7" → minor units (boxed) */
  GHashTable *formulas;  /* "B8" → "SUM(B5:B7)" */
} Sheet;

static void
sheet_load (Sheet      *sheet,
            const char *xml)
{
  g_autoptr(GRegex) cell = g_regex_new ("<c r=\"([A-Z]+[0-9]+)\"[^>]*>(?:<f>([^<]*)</f>)?<v>([^<]*)</v></c>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  sheet->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sheet->formulas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_regex_match (cell, xml, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *ref = g_match_info_fetch (match, 1);
      g_autofree char *formula = g_match_info_fetch (match, 2);
      g_autofree char *value = g_match_info_fetch (match, 3);

      if (formula != NULL && *formula != '\0')
        g_hash_table_insert (sheet->formulas, g_strdup (ref), g_strdup (formula));
      g_hash_table_insert (sheet->values, g_strdup (ref), g_memdup2 (&(gint64) { decimal_to_minor (value) }, sizeof (gint64)));
    }
}

static gint64
value_of (Sheet      *sheet,
          const char *ref)
{
  gint64 *value = g_hash_table_lookup (sheet->values, ref);

  return value != NULL ? *value : 0;
}

/* The formulas the summary uses: SUM(Bm:Bn), Bm-Bn and Bm+Bn. */
static gint64
evaluate (Sheet      *sheet,
          const char *formula)
{
  char col, col2, op;
  int from, to;
  gint64 sum = 0;

  if (sscanf (formula, "SUM(%c%d:%c%d)", &col, &from, &col2, &to) == 4)
    {
      for (int row = from; row <= to; row++)
        {
          g_autofree char *ref = g_strdup_printf ("%c%d", col, row);

          g_assert_null (g_hash_table_lookup (sheet->formulas, ref));
          sum += value_of (sheet, ref);
        }
      return sum;
    }
  if (sscanf (formula, "%c%d%c%c%d", &col, &from, &op, &col2, &to) == 5)
    {
      g_autofree char *a = g_strdup_printf ("%c%d", col, from);
      g_autofree char *b = g_strdup_printf ("%c%d", col2, to);

      return op == '+' ? value_of (sheet, a) + value_of (sheet, b) : value_of (sheet, a) - value_of (sheet, b);
    }
  if (g_str_equal (formula, "0"))
    return 0;
  g_assert_not_reached ();
}

static void
test_xlsx (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "accounts.xlsx", NULL);
  gint64 cluster;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, &cluster);
  g_autoptr(KlyngeLedgerEntry) entry = klynge_ledger_entry_new ();
  g_autoptr(GPtrArray) categories = klynge_ledger_list_categories (db, cluster, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary_xml = NULL;
  g_autofree char *ledger_xml = NULL;
  g_autofree char *strings_xml = NULL;
  Sheet summary;
  GHashTableIter iter;
  gpointer ref, formula;
  gboolean found_income = FALSE, found_expenses = FALSE, found_result = FALSE, found_closing = FALSE;

  /* Text that looks like a formula must stay text. */
  entry->date = g_strdup ("2026-12-15");
  entry->amount = 1;
  entry->category_id = ((KlyngeLedgerCategory *) g_ptr_array_index (categories, categories->len - 1))->id;
  g_free (entry->counterparty);
  entry->counterparty = g_strdup ("=SUM(A1:A9)");
  g_assert_true (klynge_ledger_save_entry (db, cluster, 2026, entry, &error));

  g_assert_true (klynge_accounts_write (db, cluster, 2026, KLYNGE_ACCOUNTS_XLSX, path, &error));
  g_assert_no_error (error);
  klynge_test_assert_private_file (path);

  summary_xml = klynge_test_unzip_member (path, "xl/worksheets/sheet1.xml");
  ledger_xml = klynge_test_unzip_member (path, "xl/worksheets/sheet2.xml");
  strings_xml = klynge_test_unzip_member (path, "xl/sharedStrings.xml");
  g_assert_null (strstr (ledger_xml, "<f>"));
  g_assert_nonnull (strstr (strings_xml, "=SUM(A1:A9)"));
  g_assert_nonnull (strstr (ledger_xml, "r=\"A34\""));   /* a header and 33 entries */
  g_assert_null (strstr (ledger_xml, "r=\"A35\""));

  sheet_load (&summary, summary_xml);
  g_assert_cmpuint (g_hash_table_size (summary.formulas), >=, 6);
  g_hash_table_iter_init (&iter, summary.formulas);
  while (g_hash_table_iter_next (&iter, &ref, &formula))
    {
      gint64 cached = value_of (&summary, ref);

      /* Every cached total is what the formula computes from the sheet. */
      g_assert_cmpint (evaluate (&summary, formula), ==, cached);
      if (((char *) ref)[0] != 'C')   /* the actual amounts */
        continue;
      found_income |= cached == DEMO_INCOME;
      found_expenses |= cached == DEMO_EXPENSES + 1;
      found_result |= g_str_has_prefix (formula, "C") && strchr (formula, '-') && cached == DEMO_INCOME - DEMO_EXPENSES - 1;
      found_closing |= strchr (formula, '+') && cached == KLYNGE_DEMO_OPENING_BALANCE + DEMO_INCOME - DEMO_EXPENSES - 1;
    }
  g_assert_true (found_income);
  g_assert_true (found_expenses);
  g_assert_true (found_result);
  g_assert_true (found_closing);

  g_hash_table_unref (summary.values);
  g_hash_table_unref (summary.formulas);
  klynge_test_remove_tree (dir);
}

/* A sheet's rows as tab-joined lines. */
static gboolean
collect_row (const KlyngeTableRow  *row,
             gpointer               data,
             GError               **error)
{
  GPtrArray *rows = data;
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < row->n_fields; i++)
    g_string_append_printf (line, "%s%s", i > 0 ? "\t" : "", row->fields[i]);
  g_ptr_array_add (rows, g_string_free (line, FALSE));
  return TRUE;
}

static GPtrArray *
read_sheet (const char *path,
            guint       sheet)
{
  KlyngeTableOptions options = { .sheet = sheet };
  g_auto(KlyngeTableInfo) info = { 0 };
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_xlsx_read_file (path, path, &options, &info, collect_row, rows, NULL, &error));
  g_assert_no_error (error);
  return rows;
}

static char *
pdf_page_text (const char *path,
               int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", number, "-l", number, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  return out;
}

/* Each of @names appears in @text, after the one before it. */
static void
assert_in_order (const char        *text,
                 const char *const *names,
                 guint              n)
{
  const char *at = text;

  for (guint i = 0; i < n; i++)
    {
      const char *found = strstr (at, names[i]);

      if (found == NULL)
        g_error ("“%s” is missing or out of order in:\n%s", names[i], text);
      at = found + strlen (names[i]);
    }
}

/* The workbook and the PDF name the same columns in the same order: the
 * summary's budget, actual and variance, the ledger's date, reference,
 * counterparty, category, amount and balance. The variance is budget −
 * actual, and the summary page has room for both signatures. */
static void
test_same_columns (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *xlsx = g_build_filename (dir, "accounts.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "accounts.pdf", NULL);
  gint64 cluster;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, &cluster);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summary = NULL;
  g_autoptr(GPtrArray) ledger = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_auto(GStrv) summary_header = NULL;
  g_auto(GStrv) ledger_header = NULL;
  gboolean found_variance = FALSE;

  g_assert_true (klynge_accounts_write (db, cluster, 2026, KLYNGE_ACCOUNTS_XLSX, xlsx, &error));
  g_assert_true (klynge_accounts_write (db, cluster, 2026, KLYNGE_ACCOUNTS_PDF, pdf, &error));
  g_assert_no_error (error);
  summary = read_sheet (xlsx, 1);
  ledger = read_sheet (xlsx, 2);
  first = pdf_page_text (pdf, 1);
  second = pdf_page_text (pdf, 2);

  /* The summary's header is its third non-empty row: "", Budget (DKK), … */
  summary_header = g_strsplit (g_ptr_array_index (summary, 2), "\t", -1);
  g_assert_cmpuint (g_strv_length (summary_header), >=, 4);
  for (guint c = 1; c <= 3; c++)
    *strstr (summary_header[c], " (DKK)") = '\0';
  g_assert_cmpstr (summary_header[1], ==, "Budget");
  g_assert_cmpstr (summary_header[2], ==, "Actual");
  g_assert_cmpstr (summary_header[3], ==, "Variance");
  assert_in_order (first, (const char *const *) summary_header + 1, 3);

  ledger_header = g_strsplit (g_ptr_array_index (ledger, 0), "\t", -1);
  g_assert_cmpstr (ledger_header[0], ==, "Date");
  assert_in_order (second, (const char *const *) ledger_header, 6);
  g_assert_cmpstr (ledger_header[1], ==, "Reference");
  g_assert_cmpstr (ledger_header[5], ==, "Balance");

  /* Catering: budget 0 in the demo's 2026, 21,375.00 spent. */
  for (guint i = 0; i < summary->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (summary, i), "Catering\t"))
      {
        g_auto(GStrv) cells = g_strsplit (g_ptr_array_index (summary, i), "\t", -1);

        g_assert_cmpfloat (g_ascii_strtod (cells[3], NULL), ==, g_ascii_strtod (cells[1], NULL) - g_ascii_strtod (cells[2], NULL));
        g_assert_cmpfloat (g_ascii_strtod (cells[2], NULL), ==, 21375);
        found_variance = TRUE;
      }
  g_assert_true (found_variance);
  g_assert_nonnull (strstr (first, "-DKK 21,375.00"));

  assert_in_order (first, (const char *const[]) { "Treasurer", "Auditor" }, 2);
  g_assert_nonnull (strstr (first, "Date and signature"));
  klynge_test_remove_tree (dir);
}

static void
test_pdf (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "accounts.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "accounts.pdf", NULL);
  gint64 cluster;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, &cluster);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (klynge_accounts_write (db, cluster, 2026, KLYNGE_ACCOUNTS_PDF, path, &error));
  g_assert_no_error (error);
  klynge_test_assert_private_file (path);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (memmem (contents, length, "/Count 3", 8));   /* the summary, then the ledger over two pages */

  g_assert_false (klynge_accounts_write (db, cluster, 2026, KLYNGE_ACCOUNTS_PDF, bad, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (klynge_accounts_write (db, cluster, 2026, KLYNGE_ACCOUNTS_XLSX, bad, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO);
  klynge_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/finances/accounts/xlsx", test_xlsx);
  g_test_add_func ("/finances/accounts/pdf", test_pdf);
  g_test_add_func ("/finances/accounts/same-columns", test_same_columns);

  return g_test_run ();
}
