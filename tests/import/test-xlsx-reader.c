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

  return g_test_run ();
}
