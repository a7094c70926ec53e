/* test-member-import.c — a member list from a spreadsheet: preview with the editor's rules, then import
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "cluster-fixture.h"
#include "klynge-cluster.h"
#include "klynge-member-export.h"
#include "klynge-member-import.h"

/* The row at @i; the list keeps it alive. */
static KlyngeMemberImportRow *
nth (GListModel *rows,
     guint       i)
{
  g_autoptr(KlyngeMemberImportRow) row = g_list_model_get_item (rows, i);

  return row;
}

static GPtrArray *
records (const char * const *rows[])
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; rows[i] != NULL; i++)
    g_ptr_array_add (records, g_strdupv ((char **) rows[i]));
  return records;
}

static const char *header[] = { "Navn", "Klinik", "E-mail", "Telefon", "Titel", "Indtrådt", NULL };
static const char *known_clinic[] = { "Ida Holm", "skovbo lægeklinik", "ida@skovbo.dk", "12345678", "Læge", "01.03.2019", NULL };
static const char *new_clinic[] = { "Bo Vest", "Lægehuset Vest", "bo@vest.dk", "", "Sygeplejerske", "2020-02-01", NULL };
static const char *same_new_clinic[] = { "Eva Vest", "Lægehuset Vest", "", "", "", "", NULL };
static const char *bad_email[] = { "Per Post", "", "per@post", "", "", "", NULL };
static const char *no_name[] = { "", "Skovbo Lægeklinik", "x@y.dk", "", "", "", NULL };
static const char *bad_title[] = { "Kim Kirurg", "", "", "", "Kirurg", "", NULL };
static const char *bad_date[] = { "Dan Dato", "", "", "", "", "31.02.2019", NULL };
static const char *existing[] = { "Louise Madsen", "Lægehuset Østergade", "", "", "Sekretær", "", NULL };
static const char *twice[] = { "ida holm", "", "IDA@skovbo.dk", "", "", "", NULL };
static const char *blank[] = { "", "", "", "", "", "", NULL };
static const char *formula[] = { "=HYPERLINK(\"x\")", "", "", "", "", "", NULL };

static void
test_preview_and_commit (Fixture       *f,
                         gconstpointer  data)
{
  const char * const *rows[] = { header, known_clinic, new_clinic, same_new_clinic, bad_email, no_name, bad_title,
                                 bad_date, existing, twice, blank, formula, NULL };
  g_autoptr(GPtrArray) file = records (rows);
  gint64 members = klynge_test_count (f->db, "SELECT count(*) FROM member", 0);
  gint64 clinics = klynge_test_count (f->db, "SELECT count(*) FROM clinic", 0);
  g_autoptr(KlyngeMemberImport) import = NULL;
  g_autoptr(KlyngeMemberImport) again = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeMemberImportRow *row;
  GListModel *list;

  import = klynge_member_import_preview (f->db, f->cluster, file, NULL, &error);
  g_assert_no_error (error);
  /* The blank row is no row at all. */
  list = G_LIST_MODEL (import->rows);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 10);
  g_assert_cmpuint (import->n_new, ==, 4);
  g_assert_cmpuint (import->n_duplicate, ==, 2);
  g_assert_cmpuint (import->n_invalid, ==, 4);
  g_assert_cmpuint (import->new_clinics->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (import->new_clinics, 0), ==, "Lægehuset Vest");

  row = nth (list, 0);
  g_assert_cmpint (row->status, ==, KLYNGE_MEMBER_IMPORT_NEW);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpstr (row->member->clinic_name, ==, "Skovbo Lægeklinik");
  g_assert_cmpstr (row->member->joined_on, ==, "2019-03-01");
  g_assert_cmpstr (row->member->title, ==, "gp");
  row = nth (list, 1);
  g_assert_cmpstr (row->member->title, ==, "nurse");
  row = nth (list, 3);
  g_assert_cmpint (row->status, ==, KLYNGE_MEMBER_IMPORT_INVALID);
  g_assert_nonnull (strstr (row->problem, "not an e-mail address"));
  g_assert_nonnull (strstr ((nth (list, 4))->problem, "needs a name"));
  g_assert_nonnull (strstr ((nth (list, 5))->problem, "not a title"));
  g_assert_nonnull (strstr ((nth (list, 6))->problem, "not a date"));
  g_assert_cmpint ((nth (list, 7))->status, ==, KLYNGE_MEMBER_IMPORT_DUPLICATE);
  g_assert_cmpint ((nth (list, 8))->status, ==, KLYNGE_MEMBER_IMPORT_DUPLICATE);
  /* The preview wrote nothing. */
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM member", 0), ==, members);

  g_assert_true (klynge_member_import_commit (f->db, f->cluster, import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM member", 0), ==, members + 4);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM clinic", 0), ==, clinics + 1);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM member m JOIN clinic c ON c.id = m.clinic_id "
                                           "WHERE c.name = 'Lægehuset Vest'", 0), ==, 2);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM member WHERE name = '=HYPERLINK(\"x\")'", 0), ==, 1);

  /* The same list again adds nobody. */
  again = klynge_member_import_preview (f->db, f->cluster, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_new, ==, 0);
  g_assert_cmpuint (again->n_duplicate, ==, 6);
  g_assert_cmpuint (again->new_clinics->len, ==, 0);
}

/* A role column, in English or Danish names, several to a cell; a name
 * that is no role makes the row wrong, not a guess. */
static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  const char *role_header[] = { "Name", "Role", NULL };
  const char *english[] = { "Ann Chair", "Chair, Treasurer", NULL };
  const char *danish[] = { "Bo Formand", "formand og kasserer", NULL };
  const char *board[] = { "Cai Board", "Bestyrelsesmedlem", NULL };
  const char *none[] = { "Dan Ingen", "", NULL };
  const char *wrong[] = { "Eva Konge", "Konge", NULL };
  const char * const *rows[] = { role_header, english, danish, board, none, wrong, NULL };
  g_autoptr(GPtrArray) file = records (rows);
  g_autoptr(KlyngeMemberImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;

  import = klynge_member_import_preview (f->db, f->cluster, file, NULL, &error);
  g_assert_no_error (error);
  list = G_LIST_MODEL (import->rows);
  g_assert_cmpuint (import->n_new, ==, 4);
  g_assert_cmpuint (import->n_invalid, ==, 1);
  g_assert_cmpuint (nth (list, 0)->member->roles->len, ==, 2);
  g_assert_cmpuint (nth (list, 3)->member->roles->len, ==, 0);
  g_assert_nonnull (strstr (nth (list, 4)->problem, "“konge” is not a role"));

  g_assert_true (klynge_member_import_commit (f->db, f->cluster, import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM member_role r JOIN member m ON m.id = r.member_id "
                                           "WHERE m.name IN ('Ann Chair', 'Bo Formand') AND r.role IN ('chair', 'treasurer')", 0), ==, 4);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM member_role r JOIN member m ON m.id = r.member_id "
                                           "WHERE m.name = 'Cai Board' AND r.role = 'board'", 0), ==, 1);
}

static void
test_no_name_column (Fixture       *f,
                     gconstpointer  data)
{
  static const char *odd_header[] = { "Who", "Where", NULL };
  static const char *odd_row[] = { "Ida", "Skovbo", NULL };
  const char * const *rows[] = { odd_header, odd_row, NULL };
  g_autoptr(GPtrArray) file = records (rows);
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_assert_null (klynge_member_import_preview (f->db, f->cluster, file, NULL, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "Name"));
  g_clear_error (&error);
  g_assert_null (klynge_member_import_preview (f->db, f->cluster, empty, NULL, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE);
}

/* A list kept in Excel and saved as CSV: Danish headings, ";", Windows-1252. */
static void
test_csv_file (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = klynge_test_data_path ("clusters/medlemsliste.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeMemberImport) import = klynge_member_import_read (f->db, f->cluster, path, NULL, &error);
  GListModel *list;

  g_assert_no_error (error);
  list = G_LIST_MODEL (import->rows);
  g_assert_cmpuint (import->n_new, ==, 3);
  g_assert_cmpuint (import->n_invalid, ==, 1);
  g_assert_cmpuint (import->new_clinics->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (import->new_clinics, 0), ==, "Lægehuset Fjordvej");
  g_assert_cmpstr (nth (list, 0)->member->name, ==, "Søren Ærø");
  g_assert_cmpstr (nth (list, 0)->member->notes, ==, "Kasserer før 2022");
  g_assert_cmpstr (nth (list, 0)->member->joined_on, ==, "2019-03-01");
  g_assert_cmpint (nth (list, 0)->member->clinic_id, >, 0);
  g_assert_cmpstr (nth (list, 1)->member->title, ==, "nurse");
  /* Problems point at the line of the file. */
  g_assert_cmpuint (nth (list, 2)->line, ==, 4);
  g_assert_cmpint (nth (list, 2)->status, ==, KLYNGE_MEMBER_IMPORT_INVALID);
  g_assert_cmpstr (nth (list, 3)->member->name, ==, "=2+5");
  g_assert_cmpuint (nth (list, 3)->line, ==, 6);
}

/* What Klynge exports, Klynge reads back: the demo's list into a new cluster. */
static void
test_xlsx_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "members.xlsx", NULL);
  gint64 other = klynge_cluster_create (f->db, "Ny klynge", NULL);
  g_autoptr(KlyngeMemberImport) import = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_member_export (f->db, f->cluster, KLYNGE_MEMBER_EXPORT_XLSX, path, &error));
  import = klynge_member_import_read (f->db, other, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->n_new, ==, 25);
  g_assert_cmpuint (import->n_invalid, ==, 0);
  g_assert_cmpuint (import->new_clinics->len, ==, 9);
  g_assert_true (klynge_member_import_commit (f->db, other, import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM member WHERE cluster_id = ?1", other), ==, 25);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM member WHERE cluster_id = ?1 AND title = 'secretary'",
                                      other), ==, 1);
}

/* A far column on every row would keep 16,384 fields a row: refused. */
static void
test_far_column (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "far.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("Navn");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append_c (csv, ',');
  g_string_append (csv, "x\nSøren Ærø\n");
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  g_assert_null (klynge_member_import_read (f->db, f->cluster, path, NULL, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "far.csv:1: more than 256 columns; this does not look like a member list.");
}

static void
test_unreadable_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (klynge_member_import_read (f->db, f->cluster, path, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "missing.csv"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/clusters/import/preview-and-commit", Fixture, NULL, fixture_set_up, test_preview_and_commit, fixture_tear_down);
  g_test_add ("/clusters/import/roles", Fixture, NULL, fixture_set_up, test_roles, fixture_tear_down);
  g_test_add ("/clusters/import/no-name-column", Fixture, NULL, fixture_set_up, test_no_name_column, fixture_tear_down);
  g_test_add ("/clusters/import/csv-file", Fixture, NULL, fixture_set_up, test_csv_file, fixture_tear_down);
  g_test_add ("/clusters/import/xlsx-round-trip", Fixture, NULL, fixture_set_up, test_xlsx_round_trip, fixture_tear_down);
  g_test_add ("/clusters/import/far-column", Fixture, NULL, fixture_set_up, test_far_column, fixture_tear_down);
  g_test_add ("/clusters/import/unreadable-file", Fixture, NULL, fixture_set_up, test_unreadable_file, fixture_tear_down);

  return g_test_run ();
}
