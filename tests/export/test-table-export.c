/* test-table-export.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shared table writer: what a secretary opens in Excel is the list she
 * exported, æøå intact, and nobody's name runs as a formula.
 */

#include <locale.h>

#include "klynge-table-export.h"
#include "klynge-test-utils.h"

static const KlyngeTableColumn columns[] = {
  { "Name", KLYNGE_TABLE_TEXT },
  { "Patients", KLYNGE_TABLE_INTEGER },
  { "Rate", KLYNGE_TABLE_PERCENT },
  { "Fee", KLYNGE_TABLE_MONEY },
  { "Joined", KLYNGE_TABLE_DATE },
};

static KlyngeTable *
make_table (void)
{
  KlyngeTable *table = klynge_table_new ("Clinics", columns, G_N_ELEMENTS (columns));

  klynge_table_begin_row (table);
  klynge_table_add_text (table, "Lægehuset Østergade");
  klynge_table_add_integer (table, 5120);
  klynge_table_add_number (table, 0.3127);
  klynge_table_add_number (table, 1234.5);
  klynge_table_add_text (table, "2019-03-01");

  klynge_table_begin_row (table);
  klynge_table_add_text (table, "=HYPERLINK(\"http://x\",\"y\")");
  klynge_table_add_integer (table, 0);
  klynge_table_add_empty (table);
  klynge_table_add_number (table, -5);

  klynge_table_begin_row (table);
  klynge_table_add_text (table, "Say \"hi\"; then, leave\nnow");
  klynge_table_add_integer (table, 12);
  klynge_table_add_number (table, 1.0);
  klynge_table_add_number (table, 0);
  klynge_table_add_text (table, "");
  return table;
}

static char *
write_csv (const char *locale)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "t.csv", NULL);
  g_autoptr(KlyngeTable) table = make_table ();
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  setlocale (LC_NUMERIC, locale);
  g_assert_true (klynge_table_write_csv (table, path, &error));
  g_assert_no_error (error);
  setlocale (LC_NUMERIC, "C.UTF-8");
  klynge_test_assert_private_file (path);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  klynge_test_remove_tree (dir);
  return contents;
}

static void
test_csv_english (void)
{
  g_autofree char *csv = write_csv ("C.UTF-8");

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "Name,Patients,Rate,Fee,Joined\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nLægehuset Østergade,5120,31.3%,1234.50,2019-03-01\r\n"));
  /* The formula stays text: quoted, behind an apostrophe. */
  g_assert_nonnull (strstr (csv, "\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",0,,-5.00,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n\"Say \"\"hi\"\"; then, leave\nnow\",12,100.0%,0.00,\r\n"));
}

static void
test_csv_danish (void)
{
  g_autofree char *csv = NULL;

  if (setlocale (LC_NUMERIC, "da_DK.UTF-8") == NULL)
    {
      g_test_skip ("the da_DK.UTF-8 locale is not installed");
      return;
    }
  csv = write_csv ("da_DK.UTF-8");

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "Name;Patients;Rate;Fee;Joined\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nLægehuset Østergade;5120;31,3%;1234,50;2019-03-01\r\n"));
}

static void
test_csv_unwritable (void)
{
  g_autoptr(KlyngeTable) table = make_table ();
  g_autoptr(GError) error = NULL;

  g_assert_false (klynge_table_write_csv (table, "/nonexistent/dir/t.csv", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/dir/t.csv"));
}

static void
test_xlsx (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "t.xlsx", NULL);
  g_autoptr(KlyngeTable) clinics = make_table ();
  g_autoptr(KlyngeTable) again = make_table ();
  g_autoptr(KlyngeTable) odd = klynge_table_new ("Q1/2026: [draft] a very long name that Excel would refuse",
                                                 columns, 1);
  KlyngeTable *tables[] = { clinics, again, odd };
  g_autoptr(GError) error = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *strings = NULL;

  /* An earlier export that others could read becomes private when replaced. */
  g_assert_true (g_file_set_contents_full (path, "", 0, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
  g_assert_true (klynge_tables_write_xlsx (tables, G_N_ELEMENTS (tables), path, &error));
  g_assert_no_error (error);
  klynge_test_assert_private_file (path);

  workbook = klynge_test_unzip_member (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "name=\"Clinics\""));
  g_assert_nonnull (strstr (workbook, "name=\"Clinics (2)\""));
  /* 31 characters, none of []:*?/\ */
  g_assert_nonnull (strstr (workbook, "name=\"Q1-2026- -draft- a very long na\""));

  sheet = klynge_test_unzip_member (path, "xl/worksheets/sheet1.xml");
  /* Header frozen, autofilter over the header and three rows. */
  g_assert_nonnull (strstr (sheet, "<pane ySplit=\"1\" topLeftCell=\"A2\""));
  g_assert_nonnull (strstr (sheet, "<autoFilter ref=\"A1:E4\"/>"));
  g_assert_nonnull (strstr (sheet, "<col min=\"1\" max=\"1\" width="));
  /* No cell anywhere is a formula. */
  g_assert_null (strstr (sheet, "<f>"));
  g_assert_nonnull (strstr (sheet, "<v>5120</v>"));
  g_assert_nonnull (strstr (sheet, "<v>0.3127</v>"));

  strings = klynge_test_unzip_member (path, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (strings, "Lægehuset Østergade"));
  g_assert_nonnull (strstr (strings, "=HYPERLINK("));

  klynge_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/table/csv-english", test_csv_english);
  g_test_add_func ("/export/table/csv-danish", test_csv_danish);
  g_test_add_func ("/export/table/csv-unwritable", test_csv_unwritable);
  g_test_add_func ("/export/table/xlsx", test_xlsx);

  return g_test_run ();
}
