/* test-import.c — mapping, validation, one-transaction commit, undo
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <math.h>
#include <string.h>

#include "klynge-import.h"
#include "klynge-test-utils.h"
#include "klynge-topics.h"

/* The demo cluster in a fresh temporary database. */
typedef KlyngeTestDemo Fixture;

static KlyngeImportMapping *
long_mapping (void)
{
  KlyngeImportMapping *m = klynge_import_mapping_new ();

  m->clinic = g_strdup ("clinic_number");
  m->period = g_strdup ("period");
  m->indicator = g_strdup ("indicator");
  m->numerator = g_strdup ("numerator");
  m->denominator = g_strdup ("denominator");
  return m;
}

static KlyngeImportMapping *
nsaid_mapping (void)
{
  KlyngeImportMapping *m = klynge_import_mapping_new ();

  m->layout = KLYNGE_IMPORT_WIDE;
  m->clinic = g_strdup ("Ydernummer");
  m->period = g_strdup ("Periode");
  klynge_import_mapping_add_wide (m, "Patients prescribed an NSAID", "NSAID-brugere", "Patienter i alt", NULL);
  klynge_import_mapping_add_wide (m, "NSAID users aged 65 or more", "NSAID-brugere >65 år", "NSAID-brugere", NULL);
  return m;
}

static KlyngeImportPlan *
prepare (Fixture                   *f,
         const char                *name,
         const KlyngeImportMapping *mapping,
         GError                   **error)
{
  g_autofree char *path = klynge_test_data_path (name);

  return klynge_import_prepare (f->db, f->cluster, path, mapping, NULL, NULL, NULL, error);
}

static gint64
measurement (Fixture    *f,
             const char *indicator_name,
             const char *provider_number,
             const char *period,
             const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT m.%s FROM measurement m JOIN indicator i ON i.id = m.indicator_id "
                                          "JOIN clinic c ON c.id = m.clinic_id "
                                          "WHERE i.name = ?1 AND c.provider_number = ?2 AND m.period = ?3", column);
  sqlite3_stmt *stmt = klynge_db_prepare (f->db, sql, NULL);
  gint64 result = -1;

  sqlite3_bind_text (stmt, 1, indicator_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, provider_number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, period, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return result;
}

static void
test_numbers (void)
{
  struct { const char *text; char decimal; gboolean ok; double value; } cases[] = {
    { "5.152", ',', TRUE, 5152 }, { "41,6", ',', TRUE, 41.6 }, { "1.234.567,5", ',', TRUE, 1234567.5 },
    { "1,234", '.', TRUE, 1234 }, { "12.5", '.', TRUE, 12.5 }, { " 7 ", '.', TRUE, 7 },
    { "41,6 %", ',', TRUE, 41.6 }, { "1 234", '.', TRUE, 1234 }, { "1e3", '.', TRUE, 1000 },
    { "-3", '.', TRUE, -3 }, { "12,34", '.', FALSE, 0 }, { "21x", '.', FALSE, 0 },
    { "", '.', FALSE, 0 }, { "-", '.', FALSE, 0 }, { "1.2.3", '.', FALSE, 0 }, { "nan", '.', FALSE, 0 },
    /* Out of range is no number: neither 0 nor infinity. */
    { "1e-400", '.', FALSE, 0 }, { "1e400", '.', FALSE, 0 }, { "-1e400", '.', FALSE, 0 }, { "1e-300", '.', TRUE, 1e-300 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = 0;
      gboolean ok = klynge_import_parse_number (cases[i].text, cases[i].decimal, &value);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9);
    }
}

static KlyngeImportPlan *
prepare_text (Fixture                   *f,
              const char                *text,
              const KlyngeImportMapping *mapping)
{
  g_autofree char *path = g_build_filename (f->dir, "periods.csv", NULL);
  g_autoptr(GError) error = NULL;
  KlyngeImportPlan *plan;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  plan = klynge_import_prepare (f->db, f->cluster, path, mapping, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return plan;
}

static void
assert_problems (KlyngeImportPlan  *plan,
                 const char *const *expected)
{
  GPtrArray *problems = klynge_import_plan_get_problems (plan);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = klynge_import_problem_format (klynge_import_plan_get_file_name (plan), g_ptr_array_index (problems, i));
      g_test_message ("%s", line);
      g_assert_cmpstr (line, ==, expected[i]);
    }
  g_assert_cmpuint (problems->len, ==, g_strv_length ((char **)expected));
}

/* Periods are parsed as publishers write them and stored as keys; a period
 * that is none is an error at its line and column. */
static void
test_period_column (Fixture *f, gconstpointer data)
{
  g_autoptr(KlyngeImportMapping) mapping = long_mapping ();
  g_autoptr(KlyngeImportPlan) bad = NULL;
  g_autoptr(KlyngeImportPlan) good = NULL;
  g_autoptr(KlyngeImportPlan) fixed = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = {
    "periods.csv:2:3: “2026-13” has no month 13: months go from 1 to 12.",
    "periods.csv:3:3: “2024-Q5” has no quarter 5: quarters go from 1 to 4.",
    "periods.csv:4:3: “banana” is not a period: write it as 2024, 2024-Q4, 2025-01, 2025-03-31 or 2023/24.",
    "periods.csv:5:3: “=1+1” is not a period: write it as 2024, 2024-Q4, 2025-01, 2025-03-31 or 2023/24.",
    NULL
  };
  const char *expected_fixed[] = {
    "periods.csv:1: “2024-Q0” has no quarter 0: quarters go from 1 to 4.",
    NULL
  };

  bad = prepare_text (f,
                      "clinic_number,indicator,period,numerator,denominator\n"
                      "012345,HbA1c measured in last 12 months,2026-13,1,2\n"
                      "012345,HbA1c measured in last 12 months,2024-Q5,1,2\n"
                      "012345,HbA1c measured in last 12 months,banana,1,2\n"
                      "012345,HbA1c measured in last 12 months,=1+1,1,2\n", mapping);
  assert_problems (bad, expected);

  /* Days become the months that hold them when the user asks for months. */
  mapping->period_granularity = g_strdup ("month");
  good = prepare_text (f,
                       "clinic_number,indicator,period,numerator,denominator\n"
                       "012345,HbA1c measured in last 12 months,01OCT2031,1,2\n"
                       "012345,HbA1c measured in last 12 months,jan. 2032,3,4\n"
                       "012345,HbA1c measured in last 12 months,4. kvartal 2031,5,6\n", mapping);
  g_assert_cmpuint (klynge_import_plan_get_n_errors (good), ==, 0);
  g_assert_cmpint (klynge_import_commit (f->db, good, KLYNGE_IMPORT_DUPLICATES_REJECT, NULL, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (measurement (f, "HbA1c measured in last 12 months", "012345", "2031-10", "numerator"), ==, 1);
  g_assert_cmpint (measurement (f, "HbA1c measured in last 12 months", "012345", "2032-01", "numerator"), ==, 3);
  g_assert_cmpint (measurement (f, "HbA1c measured in last 12 months", "012345", "2031-Q4", "numerator"), ==, 5);

  g_clear_pointer (&mapping->period, g_free);
  mapping->fixed_period = g_strdup ("2024-Q0");
  fixed = prepare_text (f,
                        "clinic_number,indicator,numerator,denominator\n"
                        "012345,HbA1c measured in last 12 months,1,2\n", mapping);
  assert_problems (fixed, expected_fixed);
}

/* A rate counts events per person: 1,300 items for 1,000 patients imports;
 * a percentage's numerator above its denominator stays an error. */
static void
test_rate_above_denominator (Fixture *f, gconstpointer data)
{
  g_autoptr(KlyngeImportMapping) mapping = long_mapping ();
  g_autoptr(KlyngeImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = {
    "periods.csv:3:4: The numerator (300) is greater than the denominator (200).",
    NULL
  };

  g_assert_cmpint (klynge_indicator_create (f->db, f->cluster, 0, "Antibacterial items per 1,000 patients",
                                            KLYNGE_INDICATOR_RATE, 1000, &error), >, 0);
  g_assert_no_error (error);
  plan = prepare_text (f,
                       "clinic_number,indicator,period,numerator,denominator\n"
                       "012345,\"Antibacterial items per 1,000 patients\",2014-10-01,1300,1000\n"
                       "012345,HbA1c measured in last 12 months,2014-10-01,300,200\n", mapping);
  assert_problems (plan, expected);
  g_clear_pointer (&plan, klynge_import_plan_free);

  plan = prepare_text (f,
                       "clinic_number,indicator,period,numerator,denominator\n"
                       "012345,\"Antibacterial items per 1,000 patients\",2014-10-01,1300,1000\n", mapping);
  g_assert_cmpuint (klynge_import_plan_get_n_errors (plan), ==, 0);
  g_assert_cmpint (klynge_import_commit (f->db, plan, KLYNGE_IMPORT_DUPLICATES_REJECT, NULL, NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (measurement (f, "Antibacterial items per 1,000 patients", "012345", "2014-10-01", "numerator"), ==, 1300);
}

static void
test_guess_and_json (void)
{
  const char *header[] = { "clinic_number", "clinic_name", "indicator", "period", "numerator", "denominator" };
  g_autoptr(KlyngeImportMapping) guess = klynge_import_mapping_guess (header, G_N_ELEMENTS (header));
  g_autoptr(KlyngeImportMapping) nsaid = nsaid_mapping ();
  g_autoptr(KlyngeImportMapping) copy = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  g_assert_cmpint (guess->layout, ==, KLYNGE_IMPORT_LONG);
  g_assert_cmpstr (guess->clinic, ==, "clinic_number");
  g_assert_cmpstr (guess->denominator, ==, "denominator");

  g_hash_table_insert (nsaid->indicator_names, g_strdup ("NSAID"), g_strdup ("Patients prescribed an NSAID"));
  json = klynge_import_mapping_to_json (nsaid);
  copy = klynge_import_mapping_from_json (json, NULL);
  json_again = klynge_import_mapping_to_json (copy);
  g_assert_cmpstr (json, ==, json_again);
  g_assert_cmpuint (copy->wide->len, ==, 2);
}

static void
test_saved_mapping (Fixture *f, gconstpointer data)
{
  g_autoptr(KlyngeImportMapping) nsaid = nsaid_mapping ();
  g_autoptr(KlyngeImportMapping) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_true (klynge_import_mapping_save (f->db, f->cluster, "Region Midt NSAID", nsaid, &error));
  g_assert_no_error (error);
  names = klynge_import_mapping_list (f->db, f->cluster, &error);
  g_assert_cmpstrv (names, ((const char *[]) { "Region Midt NSAID", NULL }));
  loaded = klynge_import_mapping_load (f->db, f->cluster, "Region Midt NSAID", &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->layout, ==, KLYNGE_IMPORT_WIDE);
  g_assert_null (klynge_import_mapping_load (f->db, f->cluster, "Nope", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
}

/* The demo already holds 2026-Q1: every row is a duplicate to replace or keep. */
static void
test_duplicates_replace_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr(KlyngeImportMapping) mapping = long_mapping ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeImportPlan) plan = prepare (f, "import/diabetes-long-utf8bom.csv", mapping, &error);
  gint64 old_numerator = measurement (f, "HbA1c measured in last 12 months", "012345", "2026-Q1", "numerator");
  gint64 n_before = klynge_test_count (f->db, "SELECT count(*) FROM measurement", 0);
  gint64 batch;

  g_assert_no_error (error);
  g_assert_cmpuint (klynge_import_plan_get_n_measurements (plan), ==, 27);
  g_assert_cmpuint (klynge_import_plan_get_n_errors (plan), ==, 0);
  g_assert_cmpuint (klynge_import_plan_get_n_duplicates (plan), ==, 27);
  g_assert_false (klynge_import_plan_can_commit (plan, KLYNGE_IMPORT_DUPLICATES_REJECT));

  g_assert_cmpint (klynge_import_commit (f->db, plan, KLYNGE_IMPORT_DUPLICATES_REJECT, NULL, NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);

  batch = klynge_import_commit (f->db, plan, KLYNGE_IMPORT_DUPLICATES_REPLACE, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (batch, >, 0);
  g_assert_cmpint (measurement (f, "HbA1c measured in last 12 months", "012345", "2026-Q1", "numerator"), ==, 213);
  g_assert_cmpint (measurement (f, "HbA1c measured in last 12 months", "012345", "2026-Q1", "batch_id"), ==, batch);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM measurement", 0), ==, n_before);
  klynge_test_assert_measurement_counts (f->db);

  g_assert_true (klynge_import_undo (f->db, batch, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (measurement (f, "HbA1c measured in last 12 months", "012345", "2026-Q1", "numerator"), ==, old_numerator);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM measurement", 0), ==, n_before);
  klynge_test_assert_measurement_counts (f->db);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM import_batch", 0), ==, 0);

  g_assert_false (klynge_import_undo (f->db, batch, NULL, NULL, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
}

static void
test_keep_existing (Fixture *f, gconstpointer data)
{
  g_autoptr(KlyngeImportMapping) mapping = long_mapping ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeImportPlan) plan = prepare (f, "import/diabetes-long-utf8bom.csv", mapping, &error);
  gint64 old_numerator = measurement (f, "HbA1c measured in last 12 months", "012345", "2026-Q1", "numerator");
  gint64 batch;

  g_assert_no_error (error);
  /* What the user is told was imported is what the batch holds. */
  g_assert_cmpuint (klynge_import_plan_get_n_written (plan, KLYNGE_IMPORT_DUPLICATES_REPLACE), ==, 27);
  g_assert_cmpuint (klynge_import_plan_get_n_written (plan, KLYNGE_IMPORT_DUPLICATES_KEEP), ==, 0);
  batch = klynge_import_commit (f->db, plan, KLYNGE_IMPORT_DUPLICATES_KEEP, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (batch, >, 0);
  g_assert_cmpint (measurement (f, "HbA1c measured in last 12 months", "012345", "2026-Q1", "numerator"), ==, old_numerator);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT row_count FROM import_batch WHERE id = ?1", batch), ==, 0);
}

/* A cp1252 wide file with decimal comma and "." thousands, after the
 * demo's own measurements are gone. */
static void
test_wide_cp1252 (Fixture *f, gconstpointer data)
{
  g_autoptr(KlyngeImportMapping) mapping = nsaid_mapping ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeImportPlan) plan = NULL;
  gint64 batch;

  /* Ids clear of the demo's own requests. */
  g_assert_true (klynge_db_exec (f->db, "DELETE FROM measurement", NULL));
  plan = prepare (f, "import/nsaid-region-wide-cp1252.csv", mapping, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (klynge_import_plan_get_n_errors (plan), ==, 0);
  g_assert_cmpuint (klynge_import_plan_get_n_measurements (plan), ==, 2 * 27);

  batch = klynge_import_commit (f->db, plan, KLYNGE_IMPORT_DUPLICATES_REJECT, "Region Midt NSAID", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (measurement (f, "Patients prescribed an NSAID", "012345", "2025-Q3", "denominator"), ==, 5152);
  g_assert_cmpint (measurement (f, "Patients prescribed an NSAID", "012345", "2025-Q3", "numerator"), ==, 231);
  g_assert_cmpint (measurement (f, "NSAID users aged 65 or more", "012345", "2025-Q3", "numerator"), ==, 96);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT row_count FROM import_batch WHERE id = ?1", batch), ==, 54);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT length(checksum) FROM import_batch WHERE id = ?1", batch), ==, 64);
}

static void
test_gnumeric_xlsx (Fixture *f, gconstpointer data)
{
  g_autoptr(KlyngeImportMapping) mapping = long_mapping ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeImportPlan) plan = NULL;

  g_assert_true (klynge_db_exec (f->db, "DELETE FROM measurement", NULL));
  plan = prepare (f, "import/diabetes-gnumeric.xlsx", mapping, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (klynge_import_plan_get_n_errors (plan), ==, 0);
  g_assert_cmpint (klynge_import_commit (f->db, plan, KLYNGE_IMPORT_DUPLICATES_REJECT, NULL, NULL, NULL, NULL, &error), >, 0);
  /* "12345" in the workbook is the clinic "012345". */
  g_assert_cmpint (measurement (f, "HbA1c measured in last 12 months", "012345", "2026-Q1", "numerator"), ==, 213);
}

/* Registers put title lines above the header; they are skipped. */
static void
test_title_lines (Fixture *f, gconstpointer data)
{
  g_autoptr(KlyngeImportMapping) mapping = long_mapping ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeImportPlan) plan = prepare (f, "import/titled-long.csv", mapping, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (klynge_import_plan_get_n_errors (plan), ==, 0);
  g_assert_cmpuint (klynge_import_plan_get_n_measurements (plan), ==, 2);
  g_assert_cmpint (klynge_import_commit (f->db, plan, KLYNGE_IMPORT_DUPLICATES_REJECT, NULL, NULL, NULL, NULL, &error), >, 0);
  g_assert_cmpint (measurement (f, "HbA1c measured in last 12 months", "012345", "2026-Q2", "denominator"), ==, 1391);
}

static void
test_report (Fixture *f, gconstpointer data)
{
  g_autoptr(KlyngeImportMapping) mapping = long_mapping ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeImportPlan) plan = prepare (f, "import/bad-long.csv", mapping, &error);
  GPtrArray *problems;
  const char *expected[] = {
    "bad-long.csv:2:5: “21x” is not a number.",
    "bad-long.csv:3:5: A count cannot be negative (-5).",
    "bad-long.csv:4:5: The numerator (300) is greater than the denominator (200).",
    "bad-long.csv:5:1: There is no clinic “Lægehuset Østergde” in this cluster. Did you mean “Lægehuset Østergade”, “Lægehuset ved Fjorden”?",
    "bad-long.csv:6:3: There is no indicator “HbA1c målt”. Did you mean “HbA1c measured in last 12 months”?",
    "bad-long.csv:7:4: The period is missing.",
    "bad-long.csv:9: The same clinic, indicator (“HbA1c measured in last 12 months”) and period are already on line 8.",
  };

  g_assert_no_error (error);
  problems = klynge_import_plan_get_problems (plan);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = klynge_import_problem_format (klynge_import_plan_get_file_name (plan), g_ptr_array_index (problems, i));
      g_test_message ("%s", line);
      g_assert_cmpuint (i, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (line, ==, expected[i]);
    }
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  g_assert_false (klynge_import_plan_can_commit (plan, KLYNGE_IMPORT_DUPLICATES_REPLACE));
}

/* Every rejected file leaves the database file exactly as it was. */
static void
test_rejected_files_change_nothing (Fixture *f, gconstpointer data)
{
  const char *files[] = {
    "import/bad-long.csv", "import/truncated.xlsx", "import/no-shared-strings.xlsx",
    "import/garbage.bin", "import/empty.csv", "import/diabetes-long-utf8bom.csv",
  };
  g_autofree char *before = NULL;

  g_clear_object (&f->db);
  before = klynge_test_file_checksum (f->db_path);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(KlyngeImportMapping) mapping = long_mapping ();
      g_autoptr(KlyngeImportPlan) plan = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      f->db = klynge_test_open_db (f->db_path);
      plan = prepare (f, files[i], mapping, &error);
      if (plan != NULL)
        g_assert_cmpint (klynge_import_commit (f->db, plan, KLYNGE_IMPORT_DUPLICATES_REJECT, NULL, NULL, NULL, NULL, &error), ==, 0);
      g_assert_nonnull (error);
      g_test_message ("%s: %s", files[i], error->message);
      g_clear_object (&f->db);

      after = klynge_test_file_checksum (f->db_path);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr(KlyngeImportMapping) mapping = long_mapping ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeImportPlan) plan = prepare (f, "import/diabetes-long-utf8bom.csv", mapping, &error);
  gint64 n_before = klynge_test_count (f->db, "SELECT count(*) FROM measurement", 0);

  g_cancellable_cancel (cancellable);
  g_assert_cmpint (klynge_import_commit (f->db, plan, KLYNGE_IMPORT_DUPLICATES_REPLACE, NULL, NULL, NULL, cancellable, &error), ==, 0);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CANCELLED);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM import_batch", 0), ==, 0);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM measurement", 0), ==, n_before);
}

static void
test_clinic_alias (Fixture *f, gconstpointer data)
{
  g_autoptr(KlyngeImportMapping) mapping = long_mapping ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeImportPlan) plan = NULL;
  gint64 clinic = klynge_test_count (f->db, "SELECT id FROM clinic WHERE provider_number = '012345'", 0);

  g_assert_true (klynge_import_add_clinic_alias (f->db, f->cluster, "Lægehuset Østergde", clinic, &error));
  plan = prepare (f, "import/bad-long.csv", mapping, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < klynge_import_plan_get_problems (plan)->len; i++)
    {
      KlyngeImportProblem *p = g_ptr_array_index (klynge_import_plan_get_problems (plan), i);
      g_assert_cmpint (p->kind, !=, KLYNGE_IMPORT_PROBLEM_UNKNOWN_CLINIC);
    }
}

/* The meetings area asks; an import that delivers marks the request received. */
static void
test_data_requests (Fixture *f, gconstpointer data)
{
  g_autoptr(KlyngeImportMapping) mapping = long_mapping ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeImportPlan) plan = NULL;
  const char *status_sql = "SELECT status = 'received' FROM data_request WHERE id = ?1";
  gint64 batch;

  /* Ids clear of the demo's own requests. */
  g_assert_true (klynge_db_exec (f->db, "DELETE FROM measurement", NULL));
  g_assert_true (klynge_db_exec (f->db,
    "INSERT INTO data_request (id, meeting_id, clinic_id, indicator_id, period) "
    "SELECT 101, (SELECT min(id) FROM meeting), c.id, i.id, '2026-Q1' FROM clinic c, indicator i "
    "WHERE c.provider_number = '012345' AND i.name = 'HbA1c measured in last 12 months';"
    "INSERT INTO data_request (id, meeting_id, clinic_id, indicator_id, period) "
    "SELECT 102, (SELECT min(id) FROM meeting), c.id, i.id, '2026-Q2' FROM clinic c, indicator i "
    "WHERE c.provider_number = '012345' AND i.name = 'Foot examination in last 12 months';", &error));

  plan = prepare (f, "import/diabetes-long-utf8bom.csv", mapping, &error);
  batch = klynge_import_commit (f->db, plan, KLYNGE_IMPORT_DUPLICATES_REJECT, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (klynge_test_count (f->db, status_sql, 101), ==, 1);
  g_assert_cmpint (klynge_test_count (f->db, status_sql, 102), ==, 0);

  g_assert_true (klynge_import_undo (f->db, batch, NULL, NULL, &error));
  g_assert_cmpint (klynge_test_count (f->db, status_sql, 101), ==, 0);
}

static void
collect_fraction (double   fraction,
                  gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, fraction);
}

/* A large file is removed in steps the window can show, not in one silent one. */
static void
test_undo_progress (Fixture *f, gconstpointer data)
{
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  gint64 batch, n_before;

  n_before = klynge_test_count (f->db, "SELECT count(*) FROM measurement", 0);
  batch = klynge_test_add_large_batch (f->db, 45000);

  g_assert_true (klynge_import_undo (f->db, batch, collect_fraction, fractions, &error));
  g_assert_no_error (error);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM measurement", 0), ==, n_before);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM import_batch WHERE id = ?1", batch), ==, 0);

  g_assert_cmpuint (fractions->len, >=, 3);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

/* Every stored measurement: "clinic|indicator|period" → that and
 * "|numerator|denominator|value|batch". */
static GHashTable *
stored_measurements (Fixture *f)
{
  GHashTable *state = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = klynge_db_prepare (f->db,
    "SELECT c.provider_number || '|' || i.name || '|' || m.period, ifnull (m.numerator, '') || '|' || "
    "ifnull (m.denominator, '') || '|' || ifnull (m.value, '') || '|' || ifnull (m.batch_id, '') "
    "FROM measurement m JOIN clinic c ON c.id = m.clinic_id JOIN indicator i ON i.id = m.indicator_id", NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (state, g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  return state;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/* One line per measurement, in key order: two states compare line by line. */
static GPtrArray *
render_measurements (GHashTable *state)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, rest;

  g_hash_table_iter_init (&iter, state);
  while (g_hash_table_iter_next (&iter, &key, &rest))
    g_ptr_array_add (lines, g_strconcat (key, "|", rest, NULL));
  g_ptr_array_sort (lines, compare_lines);
  return lines;
}

/* Fails on the first measurement that differs, naming it. */
static void
assert_stored (Fixture    *f,
               GHashTable *expected)
{
  g_autoptr(GHashTable) state = stored_measurements (f);
  g_autoptr(GPtrArray) stored = render_measurements (state);
  g_autoptr(GPtrArray) wanted = render_measurements (expected);

  for (guint i = 0; i < MAX (stored->len, wanted->len); i++)
    g_assert_cmpstr (i < stored->len ? g_ptr_array_index (stored, i) : NULL, ==,
                     i < wanted->len ? g_ptr_array_index (wanted, i) : NULL);
  klynge_test_assert_measurement_counts (f->db);
}

/* A long-format file of @clinics × @indicators × the months @first…@last
 * (counted from January 2030); imports it, replacing what is stored, and
 * applies the same to @expected. Returns the batch. */
static gint64
import_months (Fixture    *f,
               GStrv       clinics,
               GStrv       indicators,
               guint       first,
               guint       last,
               guint       salt,
               GHashTable *expected)
{
  g_autoptr(KlyngeImportMapping) mapping = long_mapping ();
  g_autoptr(KlyngeImportPlan) plan = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) csv = g_string_new ("clinic_number,indicator,period,numerator,denominator\n");
  g_autofree char *path = g_build_filename (f->dir, "months.csv", NULL);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, rest;
  gint64 batch;

  for (guint c = 0; clinics[c] != NULL; c++)
    for (guint i = 0; indicators[i] != NULL; i++)
      for (guint month = first; month <= last; month++)
        {
          g_autofree char *period = g_strdup_printf ("%u-%02u", 2030 + month / 12, month % 12 + 1);
          guint denominator = 40 + salt + c;
          guint numerator = (month + i + salt) % denominator;

          g_string_append_printf (csv, "%s,\"%s\",%s,%u,%u\n", clinics[c], indicators[i], period, numerator, denominator);
          g_hash_table_insert (rows, g_strdup_printf ("%s|%s|%s", clinics[c], indicators[i], period),
                               g_strdup_printf ("%u|%u||", numerator, denominator));
        }
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));

  plan = klynge_import_prepare (f->db, f->cluster, path, mapping, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (klynge_import_plan_get_n_errors (plan), ==, 0);
  g_assert_cmpuint (klynge_import_plan_get_n_measurements (plan), ==, g_hash_table_size (rows));
  batch = klynge_import_commit (f->db, plan, KLYNGE_IMPORT_DUPLICATES_REPLACE, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (batch, >, 0);

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &key, &rest))
    g_hash_table_insert (expected, g_strdup (key), g_strdup_printf ("%s%" G_GINT64_FORMAT, (char *)rest, batch));
  return batch;
}

static GStrv
column_strings (Fixture    *f,
                const char *sql)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = klynge_db_prepare (f->db, sql, NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return g_strv_builder_end (builder);
}

/* A file replacing part of an earlier one leaves exactly its own rows, the
 * earlier file's others and everything else as they were; undoing it brings
 * back exactly what it replaced, and undoing the earlier one leaves none of
 * it. Both files are large enough to take the bulk path, and the last clinic
 * is only in the first: a replace touching more than its own keys shows. */
static void
test_replace_and_undo_exact (Fixture *f, gconstpointer data)
{
  g_auto(GStrv) indicators = column_strings (f, "SELECT DISTINCT i.name FROM measurement m JOIN indicator i ON i.id = m.indicator_id");
  g_auto(GStrv) clinics = column_strings (f, "SELECT provider_number FROM clinic ORDER BY provider_number");
  g_autoptr(GHashTable) before = stored_measurements (f);
  g_autoptr(GHashTable) after_first = stored_measurements (f);
  g_autoptr(GHashTable) after_second = NULL;
  g_autoptr(GError) error = NULL;
  guint n_clinics = g_strv_length (clinics);
  g_autofree char *last_clinic = NULL;
  gint64 first, second;

  g_assert_cmpuint (n_clinics, >=, 3);
  g_assert_cmpuint (g_hash_table_size (before), >, 0);

  /* 9 clinics × 6 indicators × 960 months: above the bulk threshold. */
  first = import_months (f, clinics, indicators, 0, 959, 0, after_first);
  assert_stored (f, after_first);

  last_clinic = g_steal_pointer (&clinics[n_clinics - 1]);
  after_second = stored_measurements (f);
  second = import_months (f, clinics, indicators, 120, 1199, 7, after_second);
  clinics[n_clinics - 1] = g_steal_pointer (&last_clinic);
  assert_stored (f, after_second);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM import_replaced WHERE batch_id = ?1", second), ==,
                   (n_clinics - 1) * g_strv_length (indicators) * 840);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM measurement WHERE batch_id = ?1", first), ==,
                   (n_clinics - 1) * g_strv_length (indicators) * 120 + g_strv_length (indicators) * 960);

  g_assert_true (klynge_import_undo (f->db, second, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_stored (f, after_first);

  g_assert_true (klynge_import_undo (f->db, first, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_stored (f, before);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM import_replaced", 0), ==, 0);
  klynge_test_assert_integrity (klynge_db_get_handle (f->db));
}

/* Codes as registers and spreadsheets write them are the same code; names
 * the same name across æ/ø/å, case and punctuation; a code is never a name. */
static void
test_clinic_keys (void)
{
  const char *same[][2] = {
    { "A84002", "a84002" }, { "012345", "12345" }, { "123 45", "012345" }, { " A84002 ", "A84002" },
  };
  const char *same_names[][2] = {
    { "Lægehuset Østergade", "LAEGEHUSET OESTERGADE." }, { "Åbyhøj Lægecenter", "Aabyhoej laegecenter" },
    { "Dr. Hussain's Practice", "DR HUSSAINS PRACTICE" }, { "Lægerne i Åbyhøj", "Laegerne i Aabyhoej" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *a = klynge_import_number_key (same[i][0]);
      g_autofree char *b = klynge_import_number_key (same[i][1]);
      g_assert_cmpstr (a, ==, b);
    }
  for (guint i = 0; i < G_N_ELEMENTS (same_names); i++)
    {
      g_autofree char *a = klynge_import_name_key (same_names[i][0]);
      g_autofree char *b = klynge_import_name_key (same_names[i][1]);
      g_assert_cmpstr (a, ==, b);
    }
  {
    g_autofree char *number = klynge_import_number_key ("12345");
    g_autofree char *name = klynge_import_name_key ("12345");
    g_autofree char *other = klynge_import_number_key ("12346");
    g_assert_cmpstr (number, !=, name);
    g_assert_cmpstr (number, !=, other);
  }
}

static KlyngeImportMapping *
hba1c_mapping (void)
{
  KlyngeImportMapping *m = klynge_import_mapping_new ();

  m->layout = KLYNGE_IMPORT_WIDE;
  m->clinic = g_strdup ("Ydernr.");
  m->period = g_strdup ("Periode");
  klynge_import_mapping_add_wide (m, "HbA1c measured in last 12 months", "Tæller", "Nævner", NULL);
  return m;
}

/* Each marker a publisher writes for a withheld value, in either count. */
static void
test_suppression_markers (Fixture *f, gconstpointer data)
{
  const char *markers[] = { "<5", "< 3", "*", "**", "c", "..", "x", ":", "undertrykt", "<10" };
  g_autoptr(KlyngeImportMapping) mapping = hba1c_mapping ();

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    for (guint in_denominator = 0; in_denominator < 2; in_denominator++)
      {
        g_autofree char *text = g_strdup_printf ("Ydernr.;Periode;Tæller;Nævner\n012345;2024-Q4;%s;%s\n023456;2024-Q4;3;40\n",
                                                 in_denominator ? "4" : markers[i], in_denominator ? markers[i] : "40");
        g_autoptr(KlyngeImportPlan) plan = prepare_text (f, text, mapping);
        KlyngeImportCounts counts;

        g_test_message ("“%s”", markers[i]);
        klynge_import_plan_get_counts (plan, &counts);
        g_assert_cmpuint (klynge_import_plan_get_n_errors (plan), ==, 0);
        g_assert_cmpuint (counts.suppressed, ==, 1);
        g_assert_cmpuint (klynge_import_plan_get_n_measurements (plan), ==, 2);
      }

  {
    g_autoptr(KlyngeImportPlan) plan = prepare_text (f, "Ydernr.;Periode;Tæller;TællerQF;Nævner\n"
                                                        "012345;2024-Q4;;c;40\n023456;2024-Q4;;;40\n", mapping);
    KlyngeImportCounts counts;

    /* Empty and flagged is suppressed; empty and not flagged is missing. */
    klynge_import_plan_get_counts (plan, &counts);
    g_assert_cmpuint (counts.suppressed, ==, 1);
    g_assert_cmpuint (klynge_import_plan_get_n_errors (plan), ==, 1);
  }
  {
    g_autoptr(KlyngeImportPlan) plan = prepare_text (f, "Ydernr.;Periode;Tæller;Nævner\n012345;2024-Q4;<5a;40\n", mapping);
    g_assert_cmpuint (klynge_import_plan_get_n_errors (plan), ==, 1);
  }
}

/* Total, national and regional rows are never clinics, whatever column
 * names them; a national row offers the reference value. */
static void
test_rows_that_are_not_clinics (Fixture *f, gconstpointer data)
{
  const char *totals[] = { "I alt", "Total", "TOTAL", "Klyngen i alt", "All practices", "Total (38 practices)", "Grand total" };
  const char *areas[] = { "Hele landet", "Region Midtjylland", "England", "E92000001", "Danmark", "NHS Region North East" };
  g_autoptr(KlyngeImportMapping) mapping = hba1c_mapping ();

  for (guint kind = 0; kind < 2; kind++)
    for (guint i = 0; i < (kind == 0 ? G_N_ELEMENTS (totals) : G_N_ELEMENTS (areas)); i++)
      for (guint in_name = 0; in_name < 2; in_name++)
        {
          const char *label = kind == 0 ? totals[i] : areas[i];
          g_autofree char *text = g_strdup_printf ("Ydernr.;Praksis;Periode;Tæller;Nævner\n012345;Lægehuset;2024-Q4;30;40\n"
                                                   "%s;%s;2024-Q4;900;1200\n", in_name ? "" : label, in_name ? label : "");
          g_autoptr(KlyngeImportPlan) plan = NULL;
          g_autoptr(GPtrArray) references = NULL;
          KlyngeImportCounts counts;

          g_free (mapping->clinic_name);
          mapping->clinic_name = g_strdup ("Praksis");
          plan = prepare_text (f, text, mapping);
          g_test_message ("“%s”", label);
          klynge_import_plan_get_counts (plan, &counts);
          g_assert_cmpuint (klynge_import_plan_get_n_errors (plan), ==, 0);
          g_assert_cmpuint (klynge_import_plan_get_n_measurements (plan), ==, 1);
          g_assert_cmpuint (counts.totals, ==, kind == 0);
          g_assert_cmpuint (counts.areas, ==, kind == 1);
          references = klynge_import_plan_get_references (plan);
          g_assert_cmpuint (references->len, ==, kind == 1);
          if (kind == 1)
            {
              KlyngeImportReference *r = g_ptr_array_index (references, 0);
              g_assert_cmpstr (r->area, ==, label);
              g_assert_cmpint (r->numerator, ==, 900);
              g_assert_cmpint (r->denominator, ==, 1200);
            }
        }
}

/* With skip_bad the good rows go in; the bad ones are kept with the batch,
 * and undoing the batch removes that record too. */
static void
test_skip_bad (Fixture *f, gconstpointer data)
{
  g_autoptr(KlyngeImportMapping) mapping = hba1c_mapping ();
  const char *text = "Ydernr.;Periode;Tæller;Nævner\n012345;2030-Q1;30;40\n023456;2030-Q1;50;40\n034567;2030-Q1;x1;40\n045678;2030-Q1;3;9\n";
  g_autoptr(KlyngeImportPlan) strict = prepare_text (f, text, mapping);
  g_autoptr(KlyngeImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) left_out = NULL;
  gint64 batch;

  g_assert_cmpuint (klynge_import_plan_get_n_errors (strict), ==, 2);
  g_assert_false (klynge_import_plan_can_commit (strict, KLYNGE_IMPORT_DUPLICATES_REJECT));

  mapping->skip_bad = TRUE;
  plan = prepare_text (f, text, mapping);
  g_assert_cmpuint (klynge_import_plan_get_n_errors (plan), ==, 0);
  g_assert_cmpuint (klynge_import_plan_get_n_left_out (plan), ==, 2);
  g_assert_cmpuint (klynge_import_plan_get_n_measurements (plan), ==, 2);
  batch = klynge_import_commit (f->db, plan, KLYNGE_IMPORT_DUPLICATES_REJECT, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (measurement (f, "HbA1c measured in last 12 months", "045678", "2030-Q1", "numerator"), ==, 3);
  g_assert_cmpint (measurement (f, "HbA1c measured in last 12 months", "023456", "2030-Q1", "numerator"), ==, -1);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT left_out FROM import_batch WHERE id = ?1", batch), ==, 2);
  left_out = klynge_import_list_left_out (f->db, batch, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (left_out), ==, 2);
  g_assert_cmpstr (left_out[0], ==, "line 3: The numerator (50) is greater than the denominator (40).");

  g_assert_true (klynge_import_undo (f->db, batch, NULL, NULL, &error));
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM import_left_out WHERE batch_id = ?1", batch), ==, 0);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/engine/numbers", test_numbers);
  g_test_add_func ("/import/engine/guess-and-json", test_guess_and_json);
  g_test_add_func ("/import/engine/clinic-keys", test_clinic_keys);
#define ADD(path, func) g_test_add ("/import/engine/" path, Fixture, NULL, klynge_test_demo_set_up, func, klynge_test_demo_tear_down)
  ADD ("saved-mapping", test_saved_mapping);
  ADD ("period-column", test_period_column);
  ADD ("rate-above-denominator", test_rate_above_denominator);
  ADD ("duplicates-replace-and-undo", test_duplicates_replace_and_undo);
  ADD ("replace-and-undo-exact", test_replace_and_undo_exact);
  ADD ("keep-existing", test_keep_existing);
  ADD ("wide-cp1252", test_wide_cp1252);
  ADD ("gnumeric-xlsx", test_gnumeric_xlsx);
  ADD ("title-lines", test_title_lines);
  ADD ("report", test_report);
  ADD ("rejected-files-change-nothing", test_rejected_files_change_nothing);
  ADD ("cancel", test_cancel);
  ADD ("clinic-alias", test_clinic_alias);
  ADD ("data-requests", test_data_requests);
  ADD ("undo-progress", test_undo_progress);
  ADD ("suppression-markers", test_suppression_markers);
  ADD ("rows-that-are-not-clinics", test_rows_that_are_not_clinics);
  ADD ("skip-bad", test_skip_bad);
#undef ADD

  return g_test_run ();
}
