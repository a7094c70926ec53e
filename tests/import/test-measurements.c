/* test-measurements.c — the stored measurements: listed, corrected, cleared, undone
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "klynge-measurements.h"
#include "klynge-test-utils.h"

static gint64
first_indicator (KlyngeTestDemo *f)
{
  return klynge_test_count (f->db, "SELECT indicator_id FROM measurement ORDER BY indicator_id LIMIT 1", 0);
}

static gint64
first_clinic (KlyngeTestDemo *f)
{
  return klynge_test_count (f->db, "SELECT id FROM clinic WHERE provider_number = '012345'", 0);
}

static gint64
numerator_of (KlyngeTestDemo *f,
              const char     *period)
{
  g_autoptr(GListModel) rows = klynge_measurements_list (f->db, f->cluster, first_indicator (f), period, KLYNGE_MEASUREMENTS_ALL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(KlyngeMeasurementItem) item = g_list_model_get_item (rows, i);

      if (klynge_measurement_item_get_clinic_id (item) == first_clinic (f))
        return klynge_measurement_item_get_numerator (item);
    }
  g_assert_not_reached ();
}

/* Every clinic, with a value or missing; the filters keep only those. */
static void
test_list (KlyngeTestDemo *f,
           gconstpointer   data)
{
  g_autoptr(GListModel) all = klynge_measurements_list (f->db, f->cluster, first_indicator (f), "2026-Q1", KLYNGE_MEASUREMENTS_ALL, NULL);
  g_autoptr(GListModel) missing = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(KlyngeSnapshot) cleared = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 9);
  none = klynge_measurements_list (f->db, f->cluster, first_indicator (f), "2026-Q1", KLYNGE_MEASUREMENTS_MISSING, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  cleared = klynge_measurements_clear (f->db, f->cluster, first_indicator (f), first_clinic (f), "2026-Q1", NULL);
  g_assert_nonnull (cleared);
  missing = klynge_measurements_list (f->db, f->cluster, first_indicator (f), "2026-Q1", KLYNGE_MEASUREMENTS_MISSING, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (missing), ==, 1);
  g_clear_object (&missing);
  missing = klynge_measurements_list (f->db, f->cluster, first_indicator (f), "2026-Q1", KLYNGE_MEASUREMENTS_SUPPRESSED, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (missing), ==, 0);
}

/* A correction is undone and redone exactly; bad input changes nothing. */
static void
test_correct_and_undo (KlyngeTestDemo *f,
                       gconstpointer   data)
{
  gint64 before = numerator_of (f, "2026-Q1");
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeSnapshot) snapshot = NULL;
  KlyngeSnapshot *refused;

  refused = klynge_measurements_correct (f->db, f->cluster, first_indicator (f), first_clinic (f), "2026-Q1", "-1", "10", &error);
  g_assert_null (refused);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);
  refused = klynge_measurements_correct (f->db, f->cluster, first_indicator (f), first_clinic (f), "2026-Q1", "11", "10", &error);
  g_assert_null (refused);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (numerator_of (f, "2026-Q1"), ==, before);

  snapshot = klynge_measurements_correct (f->db, f->cluster, first_indicator (f), first_clinic (f), "2026-Q1", "1 234", "5 000", &error);
  g_assert_no_error (error);
  g_assert_cmpint (numerator_of (f, "2026-Q1"), ==, 1234);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM measurement WHERE edited_at IS NOT NULL", 0), ==, 1);
  g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
  g_assert_cmpint (numerator_of (f, "2026-Q1"), ==, before);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM measurement WHERE edited_at IS NOT NULL", 0), ==, 0);
  g_assert_true (klynge_snapshot_redo (snapshot, f->db, &error));
  g_assert_cmpint (numerator_of (f, "2026-Q1"), ==, 1234);
}

/* A value typed in where there was none goes again with Undo. */
static void
test_type_in_and_undo (KlyngeTestDemo *f,
                       gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeSnapshot) snapshot = NULL;
  gint64 stored = klynge_test_count (f->db, "SELECT count(*) FROM measurement", 0);

  snapshot = klynge_measurements_correct (f->db, f->cluster, first_indicator (f), first_clinic (f), "2026-Q2", "7", "70", &error);
  g_assert_no_error (error);
  g_assert_cmpint (numerator_of (f, "2026-Q2"), ==, 7);
  g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
  g_assert_cmpint (numerator_of (f, "2026-Q2"), ==, -1);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM measurement", 0), ==, stored);
  g_assert_true (klynge_snapshot_redo (snapshot, f->db, &error));
  g_assert_cmpint (numerator_of (f, "2026-Q2"), ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/measurements/list", KlyngeTestDemo, NULL, klynge_test_demo_set_up, test_list, klynge_test_demo_tear_down);
  g_test_add ("/measurements/correct-and-undo", KlyngeTestDemo, NULL, klynge_test_demo_set_up, test_correct_and_undo, klynge_test_demo_tear_down);
  g_test_add ("/measurements/type-in-and-undo", KlyngeTestDemo, NULL, klynge_test_demo_set_up, test_type_in_and_undo, klynge_test_demo_tear_down);

  return g_test_run ();
}
