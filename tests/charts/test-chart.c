/* test-chart.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a chart says and whom it names: captions, anonymisation, hover.
 */

#include <math.h>
#include <string.h>

#include "chart-fixtures.h"
#include "klynge-format.h"
#include "klynge-test-utils.h"

static KlyngeChartOptions
options_for (KlyngeChartKind kind)
{
  KlyngeChartOptions options = { kind, KLYNGE_CHART_THEME_LIGHT, KLYNGE_CHART_ANONYMOUS, KLYNGE_FUNNEL_EXACT, FALSE, "2026-11-24" };

  return options;
}

static void
test_caption_funnel (void)
{
  g_autoptr(KlyngeChartData) data = klynge_chart_data_new ();
  KlyngeChartOptions options = options_for (KLYNGE_CHART_FUNNEL);
  g_autofree char *caption = NULL, *expected = NULL, *den = klynge_format_integer (1329);

  data->unit = g_strdup ("percent");
  g_ptr_array_add (data->periods, g_strdup ("2026-Q1"));
  data->period = g_strdup ("2026-Q1");
  /* Nine clinics near 31 % and two far off: 412 of 1,329 in all. */
  for (int i = 0; i < 9; i++)
    klynge_chart_data_add_counts (data, i + 1, "x", 31, 100);
  klynge_chart_data_add_counts (data, 10, "far high", 90, 150);
  klynge_chart_data_add_counts (data, 11, "far low", 43, 279);
  g_assert_cmpint (data->pooled_numerator, ==, 412);
  g_assert_cmpint (data->pooled_denominator, ==, 1329);

  caption = klynge_chart_caption (data, &options);
  /* The thousands separator is the locale's. */
  expected = g_strdup_printf ("2 of 11 clinics lie outside the 99.8 %% limits: variation this large is unlikely "
                              "to be chance. Cluster: 31 %% (412 of %s).", den);
  g_assert_cmpstr (caption, ==, expected);
}

static void
test_caption_chance (void)
{
  g_autoptr(KlyngeChartData) data = chart_fixture_clinics (5);
  KlyngeChartOptions options = options_for (KLYNGE_CHART_FUNNEL);
  g_autofree char *caption = NULL;
  guint n95, n998;

  g_ptr_array_set_size (data->rows, 0);
  data->pooled_numerator = data->pooled_denominator = 0;
  for (int i = 0; i < 5; i++)
    klynge_chart_data_add_counts (data, i + 1, "x", 30 + i, 100);
  klynge_chart_funnel_classify (data, KLYNGE_FUNNEL_EXACT, NULL, &n95, &n998);
  g_assert_cmpuint (n95, ==, 0);
  caption = klynge_chart_caption (data, &options);
  g_assert_true (g_str_has_prefix (caption, "All 5 clinics lie within the 95 % limits"));
}

/* The classification skips the exact limits for clinics near the target; it
 * must agree with the exact limits for every count. */
static void
test_classify_agrees (void)
{
  static const double targets[] = { 0.02, 0.31, 0.5, 0.9 };
  static const gint64 sizes[] = { 1, 2, 3, 5, 8, 13, 21, 40, 77, 150, 600 };

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (gint64 x = 0; x <= sizes[s]; x++)
        {
          g_autoptr(KlyngeChartData) data = klynge_chart_data_new ();
          double lo95, hi95, lo998, hi998, v = (double) x / sizes[s];
          guint8 level, expected;
          guint n95, n998;

          klynge_chart_data_add_counts (data, 1, "A", x, sizes[s]);
          data->pooled = targets[t];
          klynge_chart_funnel_classify (data, KLYNGE_FUNNEL_EXACT, &level, &n95, &n998);
          klynge_stats_funnel_limits (targets[t], sizes[s], 0.95, KLYNGE_FUNNEL_EXACT, &lo95, &hi95);
          klynge_stats_funnel_limits (targets[t], sizes[s], 0.998, KLYNGE_FUNNEL_EXACT, &lo998, &hi998);
          expected = v < lo998 || v > hi998 ? 2 : v < lo95 || v > hi95 ? 1 : 0;
          g_assert_cmpuint (level, ==, expected);
        }
}

static void
test_zero_denominator (void)
{
  g_autoptr(KlyngeChartData) data = chart_fixture_clinics (3);
  KlyngeChartOptions options = options_for (KLYNGE_CHART_BARS);
  g_autofree char *caption = NULL;

  g_assert_null (klynge_chart_data_add_counts (data, 99, "Z", 0, 0));
  g_assert_cmpuint (data->rows->len, ==, 3);
  caption = klynge_chart_caption (data, &options);
  g_assert_true (g_str_has_suffix (caption, "1 clinic with a denominator of 0 is left out."));
}

static void
test_no_data (void)
{
  g_autoptr(KlyngeChartData) data = chart_fixture_clinics (0);
  KlyngeChartOptions options = options_for (KLYNGE_CHART_FUNNEL);
  g_autofree char *caption = klynge_chart_caption (data, &options);

  g_assert_cmpstr (caption, ==, "No clinic has data for this indicator in 2026-Q1.");
}

static void
test_anonymisation (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  gint64 cluster;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, &cluster);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeChartData) first = klynge_chart_data_load (db, cluster, 1, NULL, &error);
  g_autoptr(KlyngeChartData) second = klynge_chart_data_load (db, cluster, 2, NULL, &error);
  g_autoptr(GHashTable) letters = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  klynge_chart_data_set_names (first, db, cluster, KLYNGE_CHART_ANONYMOUS, 0, 4);
  klynge_chart_data_set_names (second, db, cluster, KLYNGE_CHART_ANONYMOUS, 0, 4);
  for (guint i = 0; i < first->rows->len; i++)
    {
      KlyngeChartRow *a = g_ptr_array_index (first->rows, i);

      /* A single letter, never the name, and one letter per clinic. */
      g_assert_cmpuint (strlen (a->label), ==, 1);
      g_assert_false (g_hash_table_contains (letters, a->label));
      g_hash_table_add (letters, a->label);
      /* The same clinic has the same letter on the meeting's other slides. */
      for (guint j = 0; j < second->rows->len; j++)
        {
          KlyngeChartRow *b = g_ptr_array_index (second->rows, j);

          if (b->clinic_id == a->clinic_id)
            g_assert_cmpstr (b->label, ==, a->label);
        }
    }

  /* Highlight: that clinic by name, the rest still letters. */
  klynge_chart_data_set_names (first, db, cluster, KLYNGE_CHART_HIGHLIGHT, ((KlyngeChartRow *) g_ptr_array_index (first->rows, 2))->clinic_id, 4);
  for (guint i = 0; i < first->rows->len; i++)
    {
      KlyngeChartRow *a = g_ptr_array_index (first->rows, i);

      g_assert_cmpint (a->highlighted, ==, i == 2);
      if (i == 2)
        g_assert_cmpstr (a->label, ==, a->name);
      else
        g_assert_cmpuint (strlen (a->label), ==, 1);
    }
  klynge_test_remove_tree (dir);
}

/* A meeting's slides: its topic's indicators, then those it asked data for. */
static void
test_meeting_indicators (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  gint64 cluster;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, &cluster);
  g_autoptr(GPtrArray) before = klynge_chart_list_indicators (db, cluster, 2, NULL);
  g_autoptr(GPtrArray) after = NULL;

  g_assert_cmpuint (before->len, ==, 3);
  g_assert_true (klynge_db_exec (db, "INSERT INTO data_request (meeting_id, clinic_id, indicator_id) "
                                     "SELECT 2, min(id), 4 FROM clinic", NULL));
  after = klynge_chart_list_indicators (db, cluster, 2, NULL);
  g_assert_cmpuint (after->len, ==, 4);
  g_assert_cmpint (((KlyngeChartIndicator *) g_ptr_array_index (after, 3))->id, ==, 4);
  klynge_test_remove_tree (dir);
}

static void
test_hover (void)
{
  g_autoptr(KlyngeChartData) data = klynge_chart_data_new ();
  KlyngeChartOptions options = options_for (KLYNGE_CHART_BARS);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (KlyngeChartHit));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 500);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *text = NULL, *expected = NULL, *den = klynge_format_integer (1329);
  const KlyngeChartHit *hit;
  int index;

  data->unit = g_strdup ("percent");
  data->cluster_name = g_strdup ("C");
  data->indicator_name = g_strdup ("I");
  klynge_chart_data_add_counts (data, 1, "A", 412, 1329);
  klynge_chart_draw (cr, 800, 500, data, &options, hits);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = &g_array_index (hits, KlyngeChartHit, 0);
  index = klynge_chart_hit_test (hits, hit->x + hit->width / 2, hit->y + hit->height / 2);
  g_assert_cmpint (index, ==, 0);
  g_assert_cmpint (klynge_chart_hit_test (hits, 1, 1), ==, -1);
  text = klynge_chart_describe (data, &options, index);
  expected = g_strdup_printf ("Clinic A: 31.0 %% (412 of %s)\n95 %% interval 28.6 %% to 33.5 %%", den);
  g_assert_cmpstr (text, ==, expected);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A rate per 1,000 may pass 1,000 (more items than patients): its bars are
 * not cut at a ceiling, its values read "per 1,000", and a rate indicator
 * loaded from the database brings its base and a run with its gap. */
static void
test_rate (void)
{
  g_autoptr(KlyngeChartData) data = klynge_chart_data_new ();
  KlyngeChartOptions options = options_for (KLYNGE_CHART_FUNNEL);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (KlyngeChartHit));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 500);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *text = NULL, *dir = klynge_test_make_tmpdir ();
  double y[3];
  g_autoptr(KlyngeChartData) loaded = NULL;
  g_autoptr(KlyngeDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  const char *run[] = { "2024-10", "2024-11", "2024-12", "2025-01" };
  gint64 cluster, indicator;

  data->unit = g_strdup ("rate");
  data->rate_per = 1000;
  data->cluster_name = g_strdup ("C");
  data->indicator_name = g_strdup ("Antibacterial items per 1,000 patients");
  klynge_chart_data_add_counts (data, 1, "A", 1300, 1000);
  klynge_chart_data_add_counts (data, 2, "B", 650, 1000);
  klynge_chart_data_add_counts (data, 3, "C", 0, 1000);
  g_assert_cmpint (klynge_chart_data_get_indicator_type (data), ==, KLYNGE_INDICATOR_RATE);
  g_assert_cmpfloat (klynge_chart_data_scale (data), ==, 1000);
  klynge_chart_draw (cr, 800, 500, data, &options, hits);
  /* The funnel's points sit at their values: 1,300 twice as high above 0 as 650. */
  g_assert_cmpuint (hits->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const KlyngeChartHit *hit = &g_array_index (hits, KlyngeChartHit, i);

      y[hit->index] = hit->y + hit->height / 2;
    }
  g_assert_cmpfloat_with_epsilon ((y[2] - y[0]) / (y[2] - y[1]), 2, 0.02);
  /* …and inside the plot: the axis is not capped at 1,000 as a share's is at 100 %. */
  g_assert_cmpfloat (y[0], >, 0.1 * 500);
  text = klynge_chart_format_value (data, 1.3, 0);
  g_assert_cmpstr (text, ==, "1300 per 1,000");
  g_clear_pointer (&text, g_free);
  data->rate_per = 100000;
  text = klynge_chart_format_value (data, 0.00012, 1);
  g_assert_cmpstr (text, ==, "12.0 per 100,000");
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  db = klynge_test_open_demo (dir, &cluster);
  indicator = klynge_indicator_create (db, cluster, 0, "Antibacterial items per 100,000 patients",
                                       KLYNGE_INDICATOR_RATE, 100000, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator) "
                         "SELECT %" G_GINT64_FORMAT ", id, p.column1, 1300, 1000 FROM clinic, "
                         "(VALUES ('2025-01'), ('2024-10'), ('2024-12')) AS p WHERE cluster_id = %" G_GINT64_FORMAT,
                         indicator, cluster);
  g_assert_true (klynge_db_exec (db, sql, &error));
  loaded = klynge_chart_data_load (db, cluster, indicator, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->rate_per, ==, 100000);
  g_assert_cmpfloat (klynge_chart_data_scale (loaded), ==, 100000);
  g_assert_cmpstr (loaded->period, ==, "2025-01");
  g_assert_cmpuint (loaded->periods->len, ==, G_N_ELEMENTS (run));
  for (guint p = 0; p < G_N_ELEMENTS (run); p++)
    g_assert_cmpstr (g_ptr_array_index (loaded->periods, p), ==, run[p]);
  g_assert_true (isnan (loaded->cluster_series[1]));
  g_assert_cmpfloat_with_epsilon (loaded->cluster_series[2], 1.3, 1e-9);

  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

/* A label that would sit on a control limit moves to where it is free of
 * the limit and of the labels already placed, and is left out when nothing
 * is free. */
static void
test_label_placement (void)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (KlyngeChartRect));
  const KlyngeChartRect bounds = { 0, 0, 400, 300 };
  const KlyngeChartRect point = { 95, 95, 10, 10 };
  /* A limit just right of the point, crossing where the label would go. */
  const double limit[] = { 110, 60, 130, 140 };
  /* A second limit across the left, and a label already above. */
  const double limits[] = { 110, 60, 130, 140, 40, 100, 90, 100 };
  KlyngeChartRect label, blocker = { 80, 60, 40, 30 };

  g_assert_true (klynge_chart_place_label (&point, 30, 14, 3, &bounds, limit, 1, placed, &label));
  g_assert_cmpfloat (label.x + label.width, <=, point.x);   /* on the left */
  g_assert_cmpfloat (label.y, <, 100);
  g_assert_cmpfloat (label.y + label.height, >, 100);
  g_assert_cmpuint (placed->len, ==, 1);

  g_array_set_size (placed, 0);
  g_array_append_val (placed, blocker);
  g_assert_true (klynge_chart_place_label (&point, 30, 14, 3, &bounds, limits, 2, placed, &label));
  g_assert_cmpfloat (label.y, >=, point.y + point.height);  /* below */
  g_assert_cmpuint (placed->len, ==, 2);

  /* With the space below taken as well, nothing is free. */
  blocker = (KlyngeChartRect) { 70, 105, 60, 40 };
  g_array_append_val (placed, blocker);
  g_assert_false (klynge_chart_place_label (&point, 30, 14, 3, &bounds, limits, 2, placed, &label));
  g_assert_cmpuint (placed->len, ==, 3);

  /* A point at the right edge: its label must not leave the plot. */
  g_array_set_size (placed, 0);
  g_assert_true (klynge_chart_place_label (&(KlyngeChartRect) { 385, 150, 10, 10 }, 30, 14, 3, &bounds, NULL, 0,
                                           placed, &label));
  g_assert_cmpfloat (label.x + label.width, <=, 400);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/caption/funnel", test_caption_funnel);
  g_test_add_func ("/charts/caption/chance", test_caption_chance);
  g_test_add_func ("/charts/caption/zero-denominator", test_zero_denominator);
  g_test_add_func ("/charts/funnel/classify-agrees", test_classify_agrees);
  g_test_add_func ("/charts/caption/no-data", test_no_data);
  g_test_add_func ("/charts/anonymisation", test_anonymisation);
  g_test_add_func ("/charts/meeting-indicators", test_meeting_indicators);
  g_test_add_func ("/charts/hover", test_hover);
  g_test_add_func ("/charts/rate", test_rate);
  g_test_add_func ("/charts/funnel/label-placement", test_label_placement);

  return g_test_run ();
}
