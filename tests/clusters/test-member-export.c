/* test-member-export.c — the address list as XLSX (read back from the zip) and CSV
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "klynge-demo.h"
#include "klynge-member.h"
#include "klynge-member-export.h"
#include "cluster-fixture.h"

/* Names a spreadsheet would run as formulas if they were written as such. */
static const char *dangerous[] = { "=cmd|' /C calc'!A0", "+45 1234", "-2+3", "@SUM(A1:A9)" };

/* The demo, with members whose names look like formulas. */
static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  fixture_set_up (f, data);
  for (guint i = 0; i < G_N_ELEMENTS (dangerous); i++)
    {
      g_autoptr(KlyngeMember) member = klynge_member_new ();

      g_free (member->name);
      member->name = g_strdup (dangerous[i]);
      g_assert_true (klynge_member_save (f->db, f->cluster, member, NULL));
    }
}

/* As a sheet's XML text holds it: only &, < and > are escaped. */
static char *
xml_escaped (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '&')
        g_string_append (out, "&amp;");
      else if (*c == '<')
        g_string_append (out, "&lt;");
      else if (*c == '>')
        g_string_append (out, "&gt;");
      else
        g_string_append_c (out, *c);
    }
  return g_string_free (out, FALSE);
}

static void
test_xlsx (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "members.xlsx", NULL);
  g_autofree char *workbook = NULL, *members = NULL, *clinics = NULL, *strings = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_member_export (f->db, f->cluster, KLYNGE_MEMBER_EXPORT_XLSX, path, &error));
  g_assert_no_error (error);

  workbook = klynge_test_unzip_member (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "name=\"Members\""));
  g_assert_nonnull (strstr (workbook, "name=\"Clinics\""));

  members = klynge_test_unzip_member (path, "xl/worksheets/sheet1.xml");
  clinics = klynge_test_unzip_member (path, "xl/worksheets/sheet2.xml");
  strings = klynge_test_unzip_member (path, "xl/sharedStrings.xml");
  /* No cell of either sheet is a formula, whatever the names begin with. */
  g_assert_null (strstr (members, "<f>"));
  g_assert_null (strstr (clinics, "<f>"));
  for (guint i = 0; i < G_N_ELEMENTS (dangerous); i++)
    {
      g_autofree char *escaped = xml_escaped (dangerous[i]);

      g_assert_nonnull (strstr (strings, escaped));
    }
  /* The header row is frozen and filtered; widths are set. */
  g_assert_nonnull (strstr (members, "state=\"frozen\""));
  g_assert_nonnull (strstr (members, "<autoFilter"));
  g_assert_nonnull (strstr (members, "<cols>"));
  g_assert_nonnull (strstr (clinics, "<autoFilter"));
  g_assert_nonnull (strstr (strings, "Lægehuset Østergade"));
  g_assert_nonnull (strstr (strings, "Louise Madsen"));
  /* 25 demo members + 4 added + the header; 9 clinics + the header. */
  g_assert_nonnull (strstr (members, "<row r=\"30\""));
  g_assert_null (strstr (members, "<row r=\"31\""));
  g_assert_nonnull (strstr (clinics, "<row r=\"10\""));
  g_assert_null (strstr (clinics, "<row r=\"11\""));
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "members.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (klynge_member_leave (f->db, f->cluster,
                                      klynge_test_count (f->db, "SELECT id FROM member WHERE name = 'Louise Madsen'", 0),
                                      "2025-12-31", NULL));
  g_assert_true (klynge_member_export (f->db, f->cluster, KLYNGE_MEMBER_EXPORT_CSV, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Name,Title,Clinic,E-mail,"));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 29 + 1);
  /* Text that a spreadsheet would take for a formula is prefixed with '. */
  g_assert_nonnull (strstr (contents, "'=cmd|"));
  g_assert_nonnull (strstr (contents, "'+45 1234"));
  g_assert_nonnull (strstr (contents, "'-2+3"));
  g_assert_nonnull (strstr (contents, "'@SUM(A1:A9)"));
  g_assert_null (strstr (contents, ",=cmd"));
  g_assert_nonnull (strstr (contents, "Lægehuset Østergade"));
  /* A former member is in the list, marked so. */
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Louise Madsen,"))
      {
        g_assert_nonnull (strstr (lines[i], ",2025-12-31,Former,"));
        return;
      }
  g_assert_not_reached ();
}

static void
test_bad_path (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "members.csv", NULL);

  g_assert_false (klynge_member_export (f->db, f->cluster, KLYNGE_MEMBER_EXPORT_CSV, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (klynge_member_export_finish (result, NULL));
  *done = TRUE;
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "async.xlsx", NULL);
  gboolean done = FALSE;

  klynge_member_export_async (f->db, f->cluster, KLYNGE_MEMBER_EXPORT_XLSX, path, NULL, async_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  klynge_test_assert_private_file (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/clusters/export/" path, Fixture, NULL, set_up, func, fixture_tear_down)
  ADD ("xlsx", test_xlsx);
  ADD ("csv", test_csv);
  ADD ("bad-path", test_bad_path);
  ADD ("async", test_async);
#undef ADD

  return g_test_run ();
}
