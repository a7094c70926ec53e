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
  KlyngeChartOptions options = { kind, KLYNGE_CHART_THEME_LIGHT, KLYNGE_CHART_ANONYMOUS, KLYNGE_FUNNEL_EXACT, FALSE, "2026-11-24",
                                 KLYNGE_LIMITS_AUTO, FALSE };

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
  expected = g_strdup_printf ("2 of 11 clinics lie outside the 95 %% limits: 1 better than the cluster, 1 worse. "
                              "2 of them lie outside the 99.8 %% limits too: unlikely to be chance. "
                              "Cluster: 31 %% (412 of %s).", den);
  g_assert_cmpstr (caption, ==, expected);
}

static void
test_caption_chance (void)
{
  g_autoptr(KlyngeChartData) data = chart_fixture_clinics (5);
  KlyngeChartOptions options = options_for (KLYNGE_CHART_FUNNEL);
  g_autofree char *caption = NULL;
  KlyngeFunnelSummary summary;

  g_ptr_array_set_size (data->rows, 0);
  data->pooled_numerator = data->pooled_denominator = 0;
  for (int i = 0; i < 5; i++)
    klynge_chart_data_add_counts (data, i + 1, "x", 30 + i, 100);
  klynge_chart_funnel_classify (data, &options, NULL, &summary);
  g_assert_cmpuint (summary.n_outside_95, ==, 0);
  caption = klynge_chart_caption (data, &options);
  g_assert_true (g_str_has_prefix (caption, "All 5 clinics lie within the 95 % limits"));
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
  g_test_add_func ("/charts/caption/no-data", test_no_data);
  g_test_add_func ("/charts/anonymisation", test_anonymisation);
  g_test_add_func ("/charts/meeting-indicators", test_meeting_indicators);
  g_test_add_func ("/charts/hover", test_hover);
  g_test_add_func ("/charts/funnel/label-placement", test_label_placement);

  return g_test_run ();
}
