/* test-xlsx-reader.c — workbooks from other programs, and broken ones
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

#include "klynge-table-reader.h"
#include "klynge-test-utils.h"
#include "klynge-xlsx-reader.h"

static gboolean
collect_row (const KlyngeTableRow  *row,
             gpointer               user_data,
             GError               **error)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%u:", row->line);
  for (guint i = 0; i < row->n_fields; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", row->fields[i]);
  g_ptr_array_add (user_data, g_string_free (out, FALSE));
  return TRUE;
}

static GPtrArray *
read_fixture (const char      *name,
              guint            sheet,
              KlyngeTableInfo *info,
              GError         **error)
{
  g_autofree char *path = klynge_test_data_path (name);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  if (!klynge_table_read_file (path, sheet, info, collect_row, rows, NULL, error))
    return NULL;
  g_ptr_array_add (rows, NULL);
  return g_steal_pointer (&rows);
}

/* Written by Gnumeric's ssconvert from the long diabetes CSV. */
static void
test_gnumeric_workbook (void)
{
  g_auto(KlyngeTableInfo) info = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_fixture ("import/diabetes-gnumeric.xlsx", 1, &info, &error);

  g_assert_no_error (error);
  g_assert_cmpint (info.format, ==, KLYNGE_TABLE_FORMAT_XLSX);
  g_assert_cmpuint (g_strv_length (info.sheet_names), ==, 1);
  g_assert_cmpuint (rows->len - 1, ==, 28);
  g_assert_cmpstr (rows->pdata[0], ==, "1:clinic_number|clinic_name|indicator|period|numerator|denominator");
  /* Spreadsheets turn "012345" into a number: the leading zero is gone. */
  g_assert_cmpstr (rows->pdata[1], ==, "2:12345|Lægehuset Østergade|HbA1c measured in last 12 months|2026-Q1|213|391");
}

static void
test_inline_strings_and_dates (void)
{
  g_auto(KlyngeTableInfo) info = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_fixture ("import/inline-dates.xlsx", 1, &info, &error);
  const char *expected[] = {
    "1:Ydernummer|Dato|Tæller|Nævner|OK",
    "2:012345|2026-03-31|213|391|TRUE",
    "4:023456|2025-09-30T12:00:00||255",
    "6:Ærø||#N/A||FALSE",
    NULL
  };

  g_assert_no_error (error);
  g_assert_cmpstrv ((char **)rows->pdata, expected);
  g_assert_cmpstr (info.sheet_names[1], ==, "Notes");
}

static void
test_second_sheet (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_fixture ("import/inline-dates.xlsx", 2, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rows->pdata[0], ==, "1:|second sheet");

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = read_fixture ("import/inline-dates.xlsx", 3, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
}

static void
test_date1904 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_fixture ("import/date1904.xlsx", 1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rows->pdata[0], ==, "1:1904-01-01|2026-04-01");
}

static void
assert_broken (const char *name,
               const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_fixture (name, 1, NULL, &error);

  g_assert_null (rows);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE);
  g_test_message ("%s: %s", name, error->message);
  g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_broken (void)
{
  assert_broken ("import/truncated.xlsx", "truncated.xlsx: the file is not an XLSX workbook");
  assert_broken ("import/no-shared-strings.xlsx", "no-shared-strings.xlsx:2:2: the cell refers to the workbook’s shared texts");
  assert_broken ("import/empty.csv", "empty.csv: the file is empty");
}

static void
test_zip_bomb (void)
{
  g_autofree char *path = klynge_test_data_path ("import/bomb.xlsx");
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  KlyngeTableLimits limits = klynge_table_default_limits;
  KlyngeTableOptions options = { .limits = &limits };

  limits.max_inflated = 16 << 20;
  g_assert_false (klynge_xlsx_read_file (path, "bomb.xlsx", &options, NULL, collect_row, rows, NULL, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "more than 16 MB"));
}

/* Rows as "LINE:field|…", the header as "LINE=label|…" and its groups as
 * "LINE^group|…"; rows above the header as "LINE-field|…". */
static gboolean
collect_with_header (const KlyngeTableRow  *row,
                     gpointer               user_data,
                     GError               **error)
{
  GString *out = g_string_new (NULL);
  char mark = row->line < row->header_line ? '-' : row->labels != NULL ? '=' : ':';

  g_string_append_printf (out, "%u%c", row->line, mark);
  for (guint i = 0; i < row->n_fields; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", row->labels != NULL ? row->labels[i] : row->fields[i]);
  g_ptr_array_add (user_data, g_string_free (out, FALSE));
  if (row->groups != NULL)
    {
      g_autofree char *groups = g_strjoinv ("|", (char **)row->groups);
      g_ptr_array_add (user_data, g_strdup_printf ("%u^%s", row->line, groups));
    }
  return TRUE;
}

static GPtrArray *
read_with_options (const char               *name,
                   const KlyngeTableOptions *options,
                   GError                  **error)
{
  g_autofree char *path = klynge_test_data_path (name);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  if (!klynge_table_read (path, options, NULL, collect_with_header, rows, NULL, error))
    return NULL;
  g_ptr_array_add (rows, NULL);
  return g_steal_pointer (&rows);
}

/* Made as an analyst's openpyxl script makes it: a merged title, a blank
 * row, a merged group row of date cells over a repeated name, a total row
 * of formulas never calculated. */
static void
test_header_under_groups (void)
{
  KlyngeTableOptions options = { .header = KLYNGE_TABLE_HEADER_FIND };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_with_options ("import/registered-report.xlsx", &options, &error);
  const char *expected[] = {
    "1-Patients registered at a GP practice, made-up area",
    "2-Source: invented for the tests (extracts of 1 January 2021 and 1 May 2022)",
    "4-Practice||2021-01-01|2022-05-01",
    "5=Code|Name|Registered patients (1 January 2021)|Registered patients (1 May 2022)|Extract date",
    "5^Practice|Practice|2021-01-01|2022-05-01|",
    "6:X84101|Riverside Practice|6120|6204|2022-05-01",
    "7:X84102||13877||2022-05-01",
    "8:X84105|Moor Lane Surgery|11020|11391|2022-05-01",
    "9:X84107|Castle Medical Group|9488|9402|2022-05-01",
    "10:Total",
    NULL
  };

  g_assert_no_error (error);
  g_assert_cmpstrv ((char **)rows->pdata, expected);

  /* The notes, by the sheet's name. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  options.sheet_name = "notes";
  rows = read_with_options ("import/registered-report.xlsx", &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rows->pdata[0], ==, "1=Notes");
  g_assert_cmpstr (rows->pdata[2], ==, "2:Practice X84102 is not in the May 2022 extract.");

  g_clear_pointer (&rows, g_ptr_array_unref);
  options.sheet_name = "Data";
  rows = read_with_options ("import/registered-report.xlsx", &options, &error);
  g_assert_null (rows);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "registered-report.xlsx: the workbook has no sheet “Data”; its sheets are Registered patients, Notes.");
}

/* In the shape of NHS Digital's statistics workbooks: the header on row 14
 * under four group rows, each name once per year. */
static void
test_header_on_row_14 (void)
{
  KlyngeTableOptions options = { .sheet_name = "AF", .header = KLYNGE_TABLE_HEADER_FIND };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_with_options ("import/statistics-workbook.xlsx", &options, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len - 1, ==, 10);
  g_assert_cmpstr (rows->pdata[0], ==, "2-||||||||The contractor establishes and maintains a register");
  g_assert_cmpstr (rows->pdata[6], ==,
                   "14=CCG code|CCG name|Number of practices (Prevalence, 2017-18)|List size (Prevalence, 2017-18)|"
                   "Register (Prevalence, 2017-18)|Number of practices (Prevalence, 2018-19)|List size (Prevalence, 2018-19)|"
                   "Register (Prevalence, 2018-19)|Denominator (Exceptions, AF001, Achievement Score)|"
                   "Denominator (Exceptions, AF006, Achievement Score)");
  g_assert_cmpstr (rows->pdata[8], ==, "15:99A|NHS Sunnyvale CCG|31|250812|3604|31|251977|3652|3388|3431");

  /* Chosen by the user: the row above it, its names told apart by the groups above that. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  options.header = KLYNGE_TABLE_HEADER_LINE;
  options.header_line = 13;
  rows = read_with_options ("import/statistics-workbook.xlsx", &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rows->pdata[5], ==, "13=||||||||Achievement Score (Exceptions, AF001)|Achievement Score (Exceptions, AF006)");

  g_clear_pointer (&rows, g_ptr_array_unref);
  options.header_line = 3;
  rows = read_with_options ("import/statistics-workbook.xlsx", &options, &error);
  g_assert_null (rows);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "statistics-workbook.xlsx:3: the header row chosen is empty or beyond the end of the file.");
}

/* LibreOffice's date cells are serials in a yyyy\-mm\-dd format; its
 * formulas it never calculated have no value. */
static void
test_libreoffice_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_fixture ("import/libreoffice-dates.xlsx", 1, NULL, &error);
  const char *expected[] = { "1:date|id|y_items|total", "2:2014-10-01|Q99001|84", "3:2014-11-01|Q99001|91", NULL };

  g_assert_no_error (error);
  g_assert_cmpstrv ((char **)rows->pdata, expected);
}

static void
assert_over_limit (const KlyngeTableLimits *limits,
                   const char              *message)
{
  KlyngeTableOptions options = { .limits = limits };
  g_autofree char *path = klynge_test_data_path ("import/diabetes-gnumeric.xlsx");
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_false (klynge_table_read (path, &options, NULL, collect_row, rows, NULL, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, message);
}

/* Each budget refuses the workbook at the cell that passes it. */
static void
test_limits (void)
{
  KlyngeTableLimits limits = klynge_table_default_limits;

  limits.max_cells = 20;
  assert_over_limit (&limits, "diabetes-gnumeric.xlsx:4: the sheet has more than 20 cells, more than Klynge reads from one file.");
  limits = klynge_table_default_limits;
  limits.max_row_cells = 5;
  assert_over_limit (&limits, "diabetes-gnumeric.xlsx:1: the row has more than 5 cells.");
  limits = klynge_table_default_limits;
  limits.max_row_bytes = 70;
  assert_over_limit (&limits, "diabetes-gnumeric.xlsx:2: the row holds more than 0 MB of text.");
  limits = klynge_table_default_limits;
  limits.max_columns = 4;
  assert_over_limit (&limits, "diabetes-gnumeric.xlsx:1: the row has a cell beyond column D, the last one a spreadsheet has.");
  limits = klynge_table_default_limits;
  limits.max_cell_chars = 12;
  assert_over_limit (&limits, "diabetes-gnumeric.xlsx:1:1: the cell A1 holds more than 12 characters.");
  limits = klynge_table_default_limits;
  limits.max_shared_bytes = 200;
  assert_over_limit (&limits, "diabetes-gnumeric.xlsx: the workbook’s shared texts take more than 0 MB; it is damaged or not a real spreadsheet.");
  limits = klynge_table_default_limits;
  limits.max_shared_refs = 100;
  assert_over_limit (&limits, "diabetes-gnumeric.xlsx:3:3: by cell C3 the cells have repeated the workbook’s shared texts to more than 0 MB; it is damaged or not a real spreadsheet.");
}

static void
test_cancel (void)
{
  g_autofree char *path = klynge_test_data_path ("import/diabetes-gnumeric.xlsx");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (klynge_table_read_file (path, 1, NULL, collect_row, NULL, cancellable, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CANCELLED);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/xlsx/gnumeric-workbook", test_gnumeric_workbook);
  g_test_add_func ("/import/xlsx/inline-strings-and-dates", test_inline_strings_and_dates);
  g_test_add_func ("/import/xlsx/second-sheet", test_second_sheet);
  g_test_add_func ("/import/xlsx/date1904", test_date1904);
  g_test_add_func ("/import/xlsx/broken", test_broken);
  g_test_add_func ("/import/xlsx/zip-bomb", test_zip_bomb);
  g_test_add_func ("/import/xlsx/cancel", test_cancel);
  g_test_add_func ("/import/xlsx/header-under-groups", test_header_under_groups);
  g_test_add_func ("/import/xlsx/header-on-row-14", test_header_on_row_14);
  g_test_add_func ("/import/xlsx/libreoffice-dates", test_libreoffice_dates);
  g_test_add_func ("/import/xlsx/limits", test_limits);

  return g_test_run ();
}
