/* test-chart.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a chart says and whom it names: captions, anonymisation, hover.
 */

#include "klynge-i18n.h"

#include <locale.h>
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

  g_assert_cmpstr (caption, ==, "No clinic has data for this indicator in Q1 2026.");
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
  g_clear_pointer (&text, g_free);
  /* A value below zero (a lower bound of a change) takes a minus sign, in
   * every language, not printf's hyphen. */
  text = klynge_chart_format_value (data, -0.000031, 1);
  g_assert_cmpstr (text, ==, "−3.1 per 100,000");
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

typedef struct
{
  char             *text;
  double            size;
  cairo_rectangle_t box;
  gboolean          ellipsized;
} Drawn;

static void
drawn_free (Drawn *drawn)
{
  g_free (drawn->text);
  g_free (drawn);
}

static void
record_text (const char              *text,
             double                   size,
             const cairo_rectangle_t *box,
             gboolean                 ellipsized,
             gpointer                 user_data)
{
  Drawn *drawn = g_new0 (Drawn, 1);

  drawn->text = g_strdup (text);
  drawn->size = size;
  drawn->box = *box;
  drawn->ellipsized = ellipsized;
  g_ptr_array_add (user_data, drawn);
}

static const Drawn *
find_drawn (GPtrArray  *texts,
            const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (((Drawn *) g_ptr_array_index (texts, i))->text, text))
      return g_ptr_array_index (texts, i);
  return NULL;
}

/* A slide at 1920×1080 as the projector shows it, every text it draws recorded. */
static GPtrArray *
draw_slide (const KlyngeChartData *data,
            KlyngeChartKind        kind,
            GArray                *hits)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func ((GDestroyNotify) drawn_free);
  KlyngeChartOptions options = options_for (kind);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  cairo_t *cr = cairo_create (surface);

  options.slide = TRUE;
  options.theme = KLYNGE_CHART_THEME_DARK;
  klynge_chart_observe_text (record_text, texts);
  klynge_chart_draw (cr, 1920, 1080, data, &options, hits);
  klynge_chart_observe_text (NULL, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return texts;
}

/* Readable from the back of a room: at 1920×1080 the title is at least
 * 48 px, the caption 32 px, the clinics' letters, axes and legend 28 px,
 * and up to 70 clinics every bar keeps its whole letter; the cluster's
 * label stays clear of the bars. */
static void
test_slide_text_sizes (void)
{
  static const guint sizes[] = { 9, 60, 70 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(KlyngeChartData) data = chart_fixture_clinics (sizes[s]);
      g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (KlyngeChartHit));
      g_autoptr(GPtrArray) texts = draw_slide (data, KLYNGE_CHART_BARS, hits);
      KlyngeChartOptions options = options_for (KLYNGE_CHART_BARS);
      g_autofree char *title = klynge_chart_title (data, &options);
      g_autofree char *caption = klynge_chart_caption (data, &options);
      g_autofree char *pooled = klynge_chart_format_value (data, data->pooled, 0);
      g_autofree char *cluster = g_strdup_printf ("Cluster %s", pooled);
      const Drawn *drawn;
      double right_of_bars = 0;

      g_assert_cmpfloat (find_drawn (texts, title)->size, >=, 48);
      g_assert_cmpfloat (find_drawn (texts, caption)->size, >=, 32);
      g_assert_cmpfloat (find_drawn (texts, "Like the cluster; 95 % interval")->size, >=, 28);
      for (guint i = 0; i < data->rows->len; i++)
        {
          const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

          drawn = find_drawn (texts, row->label);
          g_assert_nonnull (drawn);
          g_assert_cmpfloat (drawn->size, >=, 28);
          g_assert_false (drawn->ellipsized);
        }
      /* Labels of neighbouring bars must not run into each other: standing
       * letters are thin, lying ones narrower than their slot. */
      for (guint i = 0; i < texts->len; i++)
        {
          const Drawn *a = g_ptr_array_index (texts, i);

          g_assert_cmpfloat (a->size, >=, 24);
        }
      for (guint i = 0; i < hits->len; i++)
        {
          const KlyngeChartHit *hit = &g_array_index (hits, KlyngeChartHit, i);

          right_of_bars = MAX (right_of_bars, hit->x + hit->width);
        }
      drawn = find_drawn (texts, cluster);
      g_assert_nonnull (drawn);
      g_assert_cmpfloat (drawn->size, >=, 28);
      g_assert_cmpfloat (drawn->box.x, >=, right_of_bars);
    }
}

/* With KLYNGE_SCREENSHOT_DIR set: the slides of 9 and 60 clinics in each
 * theme as PNG files there, for a person to look at. */
static void
test_slide_screenshots (void)
{
  const char *dir = g_getenv ("KLYNGE_SCREENSHOT_DIR");
  static const guint sizes[] = { 9, 60 };
  static const KlyngeChartKind kinds[] = { KLYNGE_CHART_BARS, KLYNGE_CHART_FUNNEL };
  static const char *themes[] = { "light", "dark", "high-contrast" };

  if (dir == NULL)
    {
      g_test_skip ("KLYNGE_SCREENSHOT_DIR is not set");
      return;
    }
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
        {
          g_autoptr(KlyngeChartData) data = chart_fixture_clinics (sizes[s]);
          KlyngeChartOptions options = options_for (kinds[k]);
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
          cairo_t *cr = cairo_create (surface);
          g_autofree char *name = g_strdup_printf ("slide-%u-%s-%s.png", sizes[s], klynge_chart_kind_to_string (kinds[k]), themes[t]);
          g_autofree char *path = g_build_filename (dir, name, NULL);

          options.slide = TRUE;
          options.theme = t;
          klynge_chart_draw (cr, 1920, 1080, data, &options, NULL);
          g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
}

/* On a funnel of 60 clinics every clinic outside the limits carries its letter, full size. */
static void
test_funnel_labels_many (void)
{
  g_autoptr(KlyngeChartData) data = chart_fixture_clinics (60);
  g_autoptr(GPtrArray) texts = draw_slide (data, KLYNGE_CHART_FUNNEL, NULL);
  KlyngeChartOptions options = options_for (KLYNGE_CHART_FUNNEL);
  g_autofree gint8 *flags = g_new0 (gint8, data->rows->len);
  KlyngeFunnelSummary summary;

  klynge_chart_funnel_classify (data, &options, flags, &summary);
  g_assert_cmpuint (summary.n_outside_95, >, 0);
  for (guint i = 0; i < data->rows->len; i++)
    if (flags[i] != 0)
      {
        const Drawn *drawn = find_drawn (texts, ((KlyngeChartRow *) g_ptr_array_index (data->rows, i))->label);

        g_assert_nonnull (drawn);
        g_assert_cmpfloat (drawn->size, >=, 28);
      }
  g_assert_cmpfloat (find_drawn (texts, "Denominator (patients in the clinic’s count)")->size, >=, 28);
}

/* Two clinics side by side each keep their letter clear of the other's
 * point and letter, on the projector and in the window alike. */
static void
test_funnel_labels_close (void)
{
  static const double sizes[][2] = { { 1920, 1080 }, { 1100, 560 }, { 800, 450 } };
  g_autoptr(KlyngeChartData) data = chart_fixture_close_pair ();

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) drawn_free);
      g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (KlyngeChartHit));
      KlyngeChartOptions options = options_for (KLYNGE_CHART_FUNNEL);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) sizes[s][0], (int) sizes[s][1]);
      cairo_t *cr = cairo_create (surface);

      options.slide = s == 0;
      klynge_chart_observe_text (record_text, texts);
      klynge_chart_draw (cr, sizes[s][0], sizes[s][1], data, &options, hits);
      klynge_chart_observe_text (NULL, NULL);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);

      g_assert_cmpuint (hits->len, ==, data->rows->len);
      for (guint i = 0; i < data->rows->len; i++)
        {
          const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);
          const Drawn *drawn = find_drawn (texts, row->label);

          g_assert_nonnull (drawn);
          for (guint h = 0; h < hits->len; h++)
            {
              const KlyngeChartHit *hit = &g_array_index (hits, KlyngeChartHit, h);

              if (hit->index != i)
                g_assert_false (drawn->box.x < hit->x + hit->width && hit->x < drawn->box.x + drawn->box.width &&
                                drawn->box.y < hit->y + hit->height && hit->y < drawn->box.y + drawn->box.height);
            }
          for (guint j = 0; j < i; j++)
            {
              const Drawn *other = find_drawn (texts, ((KlyngeChartRow *) g_ptr_array_index (data->rows, j))->label);

              g_assert_false (drawn->box.x < other->box.x + other->box.width && other->box.x < drawn->box.x + drawn->box.width &&
                              drawn->box.y < other->box.y + other->box.height && other->box.y < drawn->box.y + drawn->box.height);
            }
        }
    }
}

/* Quarters without data between others stay on the run chart's time axis as gaps. */
static void
test_period_gaps (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  gint64 cluster;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, &cluster);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeChartData) data = NULL;
  static const char *expected[] = { "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1" };

  g_assert_true (klynge_db_exec (db, "INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator) "
                                     "SELECT 1, id, '2024-Q4', 30, 100 FROM clinic LIMIT 1", NULL));
  data = klynge_chart_data_load (db, cluster, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->periods->len, ==, G_N_ELEMENTS (expected));
  for (guint p = 0; p < G_N_ELEMENTS (expected); p++)
    g_assert_cmpstr (g_ptr_array_index (data->periods, p), ==, expected[p]);
  g_assert_cmpstr (data->period, ==, "2026-Q1");
  g_assert_false (isnan (data->cluster_series[0]));
  g_assert_true (isnan (data->cluster_series[1]) && isnan (data->cluster_series[2]));
  g_assert_false (isnan (data->cluster_series[3]));
  klynge_test_remove_tree (dir);
}

/* Values a publisher withheld are neither drawn nor silently missing: the
 * caption counts the clinics, the hover names a clinic's periods. */
static void
test_suppressed (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  gint64 cluster;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, &cluster);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeChartData) data = NULL;
  KlyngeChartOptions options = options_for (KLYNGE_CHART_FUNNEL);
  g_autofree char *caption = NULL, *hover = NULL;
  gboolean described = FALSE;

  g_assert_true (klynge_db_exec (db, "UPDATE measurement SET numerator = NULL, denominator = NULL, value = NULL, "
                                     "status = 'suppressed' WHERE indicator_id = 1 AND period = '2026-Q1' AND clinic_id IN "
                                     "(SELECT clinic_id FROM measurement WHERE indicator_id = 1 AND period = '2026-Q1' "
                                     " ORDER BY clinic_id LIMIT 2)", NULL));
  g_assert_true (klynge_db_exec (db, "UPDATE measurement SET numerator = NULL, denominator = NULL, value = NULL, "
                                     "status = 'suppressed' WHERE indicator_id = 1 AND period = '2025-Q4' AND clinic_id = "
                                     "(SELECT max(clinic_id) FROM measurement WHERE indicator_id = 1)", NULL));
  data = klynge_chart_data_load (db, cluster, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->n_suppressed, ==, 2);
  caption = klynge_chart_caption (data, &options);
  g_assert_nonnull (strstr (caption, "2 clinics suppressed: the publisher withheld their values"));
  for (guint i = 0; i < data->rows->len; i++)
    if (((KlyngeChartRow *)g_ptr_array_index (data->rows, i))->n_suppressed > 0)
      {
        g_clear_pointer (&hover, g_free);
        hover = klynge_chart_describe (data, &options, i);
        g_assert_nonnull (strstr (hover, "\nSuppressed by the publisher in 1 period"));
        described = TRUE;
      }
  g_assert_true (described);
  klynge_test_remove_tree (dir);
}

static KlyngeChartData *
cluster_new (void)
{
  KlyngeChartData *data = klynge_chart_data_new ();

  data->cluster_name = g_strdup ("Test Cluster");
  data->indicator_name = g_strdup ("Test indicator");
  data->unit = g_strdup ("percent");
  data->higher_is_better = TRUE;
  g_ptr_array_add (data->periods, g_strdup ("2026-Q1"));
  data->period = g_strdup ("2026-Q1");
  return data;
}

/* P(X ≥ x) and P(X ≤ x) of Binomial(n, p) by summing the terms, apart from the library's incomplete beta. */
static void
sum_tails (gint64  x,
           gint64  n,
           double  p,
           double *below,
           double *above)
{
  *below = *above = 0;
  for (gint64 k = 0; k <= n; k++)
    {
      double term = exp (lgamma (n + 1.0) - lgamma (k + 1.0) - lgamma (n - k + 1.0)
                         + (k > 0 ? k * log (p) : 0) + (n - k > 0 ? (n - k) * log1p (-p) : 0));

      if (k <= x)
        *below += term;
      if (k >= x)
        *above += term;
    }
}

/* Random clusters: every count and claim of the funnel's caption follows
 * from the clinics' numbers, judged here by summing binomial terms. */
static void
test_caption_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);

  for (int trial = 0; trial < 300; trial++)
    {
      g_autoptr(KlyngeChartData) data = cluster_new ();
      KlyngeChartOptions options = options_for (KLYNGE_CHART_FUNNEL);
      guint n = g_rand_int_range (rand, 2, 40), outside = 0, far = 0, better = 0, worse = 0;
      double level = g_rand_double_range (rand, 0.5, 0.99), spread = g_rand_double_range (rand, 0, 0.15);
      g_autofree char *caption = NULL, *counts = NULL, *directions = NULL;
      double tail = 0;

      options.limits = KLYNGE_LIMITS_CHANCE;
      data->higher_is_better = g_rand_boolean (rand);
      for (guint i = 0; i < n; i++)
        {
          gint64 den = g_rand_int_range (rand, 1, 400);
          double p = CLAMP (level + g_rand_double_range (rand, -spread, spread), 0, 1);
          gint64 num = 0;

          for (gint64 k = 0; k < den; k++)
            num += g_rand_double (rand) < p;
          klynge_chart_data_add_counts (data, i + 1, "x", num, den);
        }
      for (guint i = 0; i < n; i++)
        {
          KlyngeChartRow *row = g_ptr_array_index (data->rows, i);
          double below, above;

          sum_tails (row->numerator, row->denominator, data->pooled, &below, &above);
          if (below < 0.025 || above < 0.025)
            {
              outside++;
              if ((above < below) == data->higher_is_better)
                better++;
              else
                worse++;
            }
          far += below < 0.001 || above < 0.001;
        }
      caption = klynge_chart_caption (data, &options);
      if (outside == 0)
        {
          g_assert_nonnull (strstr (caption, "within the 95 % limits"));
          continue;
        }
      counts = outside == n ? g_strdup_printf ("All %u clinics lie outside", n)
                            : g_strdup_printf ("%u of %u clinics %s outside the 95 %% limits", outside, n, outside == 1 ? "lies" : "lie");
      directions = g_strdup_printf ("%u better than the cluster, %u worse.", better, worse);
      g_assert_nonnull (strstr (caption, counts));
      g_assert_nonnull (strstr (caption, directions));
      if (far > 0)
        {
          g_autofree char *far_text = g_strdup_printf ("%u of them li", far);

          g_assert_nonnull (strstr (caption, far_text));
          g_assert_nonnull (strstr (caption, "unlikely to be chance"));
          continue;
        }
      /* How likely this many of n are outside by chance, each at most 5 %. */
      sum_tails (outside - 1, n, 0.05, &tail, &(double) { 0 });
      g_assert_cmpint (strstr (caption, "this many can well be chance") != NULL, ==, 1 - tail >= 0.05);
      g_assert_cmpint (strstr (caption, "more than chance would give") != NULL, ==, 1 - tail < 0.05);
    }
}

/* Small clinics at 100 % are likely by chance: 20 of 20 at a pooled 90 %
 * (P = 0.12) and 1 of 1 are inside the limits. */
static void
test_flags_small_clinics (void)
{
  g_autoptr(KlyngeChartData) data = cluster_new ();
  KlyngeChartOptions options = options_for (KLYNGE_CHART_FUNNEL);
  g_autofree gint8 *flags = NULL;
  KlyngeFunnelSummary summary;

  options.limits = KLYNGE_LIMITS_CHANCE;
  for (int i = 0; i < 30; i++)
    klynge_chart_data_add_counts (data, i + 1, "x", 180, 200);
  klynge_chart_data_add_counts (data, 31, "full", 20, 20);
  klynge_chart_data_add_counts (data, 32, "one", 1, 1);
  klynge_chart_data_add_counts (data, 33, "none", 0, 20);
  flags = g_new0 (gint8, data->rows->len);
  klynge_chart_funnel_classify (data, &options, flags, &summary);
  g_assert_cmpint (flags[30], ==, 0);
  g_assert_cmpint (flags[31], ==, 0);
  /* 0 of 20 at 90 % is as unlikely as it looks, and it is worse. */
  g_assert_cmpint (flags[32], ==, -2);
  g_assert_cmpuint (summary.n_worse, ==, 1);
  g_assert_cmpuint (summary.n_better, ==, 0);
}

/* A clinic on the target reaches it; a bare value is neither drawn on the
 * funnel nor counted among the clinics it compares. */
static void
test_target_and_bare_values (void)
{
  g_autoptr(KlyngeChartData) data = cluster_new ();
  KlyngeChartOptions options = options_for (KLYNGE_CHART_BARS);
  KlyngeChartRow *bare;
  g_autofree char *caption = NULL;
  KlyngeFunnelSummary summary;

  data->target = 57;
  klynge_chart_data_add_counts (data, 1, "A", 57, 100);
  klynge_chart_data_add_counts (data, 2, "B", 50, 100);
  g_assert_true (klynge_chart_reaches_target (data, 0.57 * 100));
  caption = klynge_chart_caption (data, &options);
  g_assert_nonnull (strstr (caption, "1 of 2 clinics reaches the target (57 %)."));

  bare = klynge_chart_row_new (3, "C", 1);
  bare->value = 0.99;
  g_ptr_array_add (data->rows, bare);
  options.kind = KLYNGE_CHART_FUNNEL;
  klynge_chart_funnel_classify (data, &options, NULL, &summary);
  g_assert_cmpuint (summary.n_testable, ==, 2);
  g_clear_pointer (&caption, g_free);
  caption = klynge_chart_caption (data, &options);
  g_assert_true (g_str_has_prefix (caption, "All 2 clinics lie within"));
}

static void
test_caption_cases (void)
{
  g_autoptr(KlyngeChartData) one = cluster_new ();
  g_autoptr(KlyngeChartData) all = cluster_new ();
  g_autoptr(KlyngeChartData) spread = cluster_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  KlyngeChartOptions options = options_for (KLYNGE_CHART_FUNNEL);
  g_autofree char *caption = NULL;
  KlyngeFunnelSummary summary;
  guint chance_998;

  klynge_chart_data_add_counts (one, 1, "A", 40, 50);
  caption = klynge_chart_caption (one, &options);
  g_assert_true (g_str_has_prefix (caption, "Only one clinic reported: nothing to compare."));
  g_clear_pointer (&caption, g_free);

  options.limits = KLYNGE_LIMITS_CHANCE;
  klynge_chart_data_add_counts (all, 1, "A", 900, 1000);
  klynge_chart_data_add_counts (all, 2, "B", 100, 1000);
  caption = klynge_chart_caption (all, &options);
  g_assert_nonnull (strstr (caption, "All 2 clinics lie outside the 95 % limits: 1 better than the cluster, 1 worse."));
  g_clear_pointer (&caption, g_free);

  /* Thirty clinics whose true values spread with a logit SD of 0.4: the
   * chance-alone limits flag many, the widened limits hardly any. */
  for (int i = 0; i < 30; i++)
    {
      gint64 den = g_rand_int_range (rand, 100, 600), num = 0;
      double logit = log (0.75 / 0.25) + 0.4 * klynge_stats_normal_quantile (g_rand_double_range (rand, 0.001, 0.999));
      double p = 1 / (1 + exp (-logit));

      for (gint64 k = 0; k < den; k++)
        num += g_rand_double (rand) < p;
      klynge_chart_data_add_counts (spread, i + 1, "x", num, den);
    }
  klynge_chart_funnel_classify (spread, &options, NULL, &summary);
  g_assert_true (summary.overdispersed);
  g_assert_false (summary.adjusted);
  g_assert_cmpuint (summary.n_outside_998, >=, 5);
  chance_998 = summary.n_outside_998;
  caption = klynge_chart_caption (spread, &options);
  g_assert_true (g_str_has_prefix (caption, "The clinics differ more than chance alone explains."));
  g_clear_pointer (&caption, g_free);
  options.limits = KLYNGE_LIMITS_AUTO;
  klynge_chart_funnel_classify (spread, &options, NULL, &summary);
  g_assert_true (summary.adjusted);
  g_test_message ("outside 99.8 %%: %u by chance alone, %u widened", chance_998, summary.n_outside_998);
  g_assert_cmpuint (summary.n_outside_998, <, chance_998);
  caption = klynge_chart_caption (spread, &options);
  g_assert_true (g_str_has_prefix (caption, "The clinics differ more than chance alone explains; limits widened for that."));
  g_assert_null (strstr (caption, "φ"));
  g_clear_pointer (&caption, g_free);
  options.show_dispersion = TRUE;
  caption = klynge_chart_caption (spread, &options);
  g_assert_nonnull (strstr (caption, "Over-dispersion φ = "));
}

static void
test_caption_run (void)
{
  g_autoptr(KlyngeChartData) short_series = chart_fixture_periods ();
  g_autoptr(KlyngeChartData) long_series = chart_fixture_series (60, 12, 0.97);
  KlyngeChartOptions options = options_for (KLYNGE_CHART_RUN);
  g_autofree char *caption = klynge_chart_caption (short_series, &options);

  g_assert_nonnull (strstr (caption, "Too few points to tell a shift from chance: 3 points, at least 10 needed."));
  g_assert_null (strstr (caption, "went from"));
  g_clear_pointer (&caption, g_free);

  /* The last quarter is made of 20 of the 60 clinics. */
  caption = klynge_chart_caption (long_series, &options);
  g_assert_nonnull (strstr (caption, "The point of Q4 2026, drawn hollow, is made of only 20 of 60 clinics."));
  g_assert_null (strstr (caption, "Too few points"));
  g_clear_pointer (&caption, g_free);

  /* A shift of the last six quarters: a run of six? No, too few crossings. */
  for (guint p = 0; p < 12; p++)
    long_series->cluster_series[p] = p < 6 ? 0.95 + 0.001 * (p % 2) : 0.975 + 0.001 * (p % 3);
  caption = klynge_chart_caption (long_series, &options);
  g_assert_nonnull (strstr (caption, "the cluster has shifted"));
}

static void
test_caption_before_after (void)
{
  g_autoptr(KlyngeChartData) data = chart_fixture_series (10, 2, 0.6);
  KlyngeChartOptions options = options_for (KLYNGE_CHART_BEFORE_AFTER);
  g_autofree char *caption = NULL;
  KlyngeChartRow *row = g_ptr_array_index (data->rows, 0);
  double d, l, u;

  /* Clinic A from 60 of 200 to 150 of 200: beyond chance; every other clinic has no after value. */
  row->series_numerators[0] = 60;
  row->series_denominators[0] = 200;
  row->series[0] = 0.3;
  row->series_numerators[1] = 150;
  row->series_denominators[1] = 200;
  row->series[1] = 0.75;
  g_assert_cmpint (klynge_chart_change (data, row, 0, 1, &d, &l, &u), ==, 1);
  g_assert_cmpfloat (l, >, 0);
  caption = klynge_chart_caption (data, &options);
  g_assert_nonnull (strstr (caption, "1 improved beyond chance, 0 got worse, 3 show no clear change."));
  g_assert_nonnull (strstr (caption, " in Q1 2024, "));
  g_assert_nonnull (strstr (caption, " in Q2 2024."));
  g_assert_nonnull (strstr (caption, "95 % interval"));
}

/* Laney's P′ chart of the cluster: the caption's σz, count of periods
 * outside and run verdict follow from klynge_stats_p_chart() and the Anhøj
 * rules around the average. */
static void
test_caption_p_chart (void)
{
  g_autoptr(KlyngeChartData) data = chart_fixture_series (60, 12, 0.9);
  g_autoptr(KlyngeChartData) one = chart_fixture_series (5, 1, 0.9);
  KlyngeChartOptions options = options_for (KLYNGE_CHART_P_CHART);
  g_autofree char *caption = NULL;
  double lower[12], upper[12], sigma_z;
  guint outside = 0;
  KlyngeRunsTest runs;

  g_assert_true (klynge_chart_kind_from_string ("p-chart", &options.kind));
  g_assert_cmpint (options.kind, ==, KLYNGE_CHART_P_CHART);
  caption = klynge_chart_caption (one, &options);
  g_assert_cmpstr (caption, ==, "A P′ chart needs a numerator and a denominator in two neighbouring periods.");
  g_clear_pointer (&caption, g_free);

  /* A cluster that drops by five points half way: shifted, and the
   * periods vary far more than their thousands of patients explain. */
  for (guint p = 0; p < 12; p++)
    {
      data->cluster_numerators[p] = (gint64) round (data->cluster_denominators[p] * (p < 6 ? 0.92 : 0.87) + (p % 3) * 5);
      data->cluster_series[p] = (double) data->cluster_numerators[p] / data->cluster_denominators[p];
    }
  klynge_stats_p_chart (data->cluster_numerators, data->cluster_denominators, 12, TRUE, lower, upper, &sigma_z);
  for (guint p = 0; p < 12; p++)
    outside += data->cluster_series[p] < lower[p] || data->cluster_series[p] > upper[p];
  g_assert_cmpfloat (sigma_z, >, 1);
  caption = klynge_chart_caption (data, &options);
  g_test_message ("%s", caption);
  g_assert_nonnull (strstr (caption, "widens the limits for the variation between periods."));
  if (outside == 0)
    g_assert_nonnull (strstr (caption, "No period lies outside the limits."));
  else
    {
      g_autofree char *count = g_strdup_printf ("%u period", outside);

      g_assert_nonnull (strstr (caption, count));
    }
  klynge_stats_runs_around (data->cluster_series, 12, klynge_stats_p_chart (data->cluster_numerators, data->cluster_denominators,
                                                                             12, TRUE, lower, upper, NULL), &runs);
  g_assert_true (runs.few_crossings);
  g_assert_nonnull (strstr (caption, "The line crosses its average 1 time, fewer than the 3 chance would give: the cluster has shifted."));
  g_assert_nonnull (strstr (caption, "The point of Q4 2026, drawn hollow"));
}

/* The captions of the cases the issue names, one sentence each, and what
 * the English and the Danish caption must say. */
static const struct
{
  const char *english;
  const char *danish;
} caption_cases[] = {
  { "Only one clinic reported: nothing to compare.", "Kun én klinik har indberettet: intet at sammenligne." },
  { "All 2 clinics lie outside the 95 % limits: 1 better than the cluster, 1 worse.",
    "Alle 2 klinikker ligger uden for 95 %-grænserne: 1 bedre end klyngen, 1 dårligere." },
  { "A funnel plot needs a numerator and a denominator for each clinic.",
    "Et tragtdiagram kræver en tæller og en nævner for hver klinik." },
  { "The point of Q4 2026, drawn hollow, is made of only 20 of 60 clinics.",
    "Punktet for 4. kvartal 2026, tegnet hult, bygger kun på 20 af 60 klinikker." },
  { "No clinic has data for this indicator in Q1 2026.", "Ingen klinik har data for denne indikator i 1. kvartal 2026." },
  { "Of 4 clinics: 0 improved beyond chance, 0 got worse, 4 show no clear change.",
    "Af 4 klinikker: 0 forbedret ud over tilfældighed, 0 forværret, 4 uden klar ændring." },
};

/* Returns: (transfer full): the caption of each of caption_cases[], in the current language */
static GPtrArray *
case_captions (void)
{
  g_autoptr(KlyngeChartData) one = chart_fixture_clinics (0);
  g_autoptr(KlyngeChartData) all = chart_fixture_clinics (0);
  g_autoptr(KlyngeChartData) bare = chart_fixture_clinics (0);
  g_autoptr(KlyngeChartData) series = chart_fixture_series (60, 12, 0.97);
  g_autoptr(KlyngeChartData) empty = chart_fixture_clinics (0);
  g_autoptr(KlyngeChartData) two = chart_fixture_series (10, 2, 0.6);
  KlyngeChartOptions funnel = options_for (KLYNGE_CHART_FUNNEL), run = options_for (KLYNGE_CHART_RUN);
  KlyngeChartOptions before_after = options_for (KLYNGE_CHART_BEFORE_AFTER);
  GPtrArray *captions = g_ptr_array_new_with_free_func (g_free);

  klynge_chart_data_add_counts (one, 1, "A", 40, 50);
  funnel.limits = KLYNGE_LIMITS_CHANCE;
  klynge_chart_data_add_counts (all, 1, "A", 900, 1000);
  klynge_chart_data_add_counts (all, 2, "B", 100, 1000);
  for (guint i = 0; i < 3; i++)
    {
      KlyngeChartRow *row = klynge_chart_row_new (i + 1, "x", 1);

      row->value = 0.5 + 0.1 * i;
      g_ptr_array_add (bare->rows, row);
    }
  g_ptr_array_add (captions, klynge_chart_caption (one, &funnel));
  g_ptr_array_add (captions, klynge_chart_caption (all, &funnel));
  g_ptr_array_add (captions, klynge_chart_caption (bare, &funnel));
  g_ptr_array_add (captions, klynge_chart_caption (series, &run));
  g_ptr_array_add (captions, klynge_chart_caption (empty, &funnel));
  g_ptr_array_add (captions, klynge_chart_caption (two, &before_after));
  return captions;
}

/* One clinic, all outside, none testable and the periods' labels, in
 * English and in Danish from the build's catalogue. */
static void
test_caption_languages (void)
{
  g_autoptr(GPtrArray) english = case_captions ();
  g_autoptr(GPtrArray) danish = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (caption_cases); i++)
    {
      g_test_message ("%s", (char *) g_ptr_array_index (english, i));
      g_assert_nonnull (strstr (g_ptr_array_index (english, i), caption_cases[i].english));
    }
  g_assert_null (strstr (g_ptr_array_index (english, 3), "2026-Q4"));

  if (setlocale (LC_ALL, "da_DK.UTF-8") == NULL)
    {
      g_test_skip ("the da_DK.UTF-8 locale is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "da", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* Plurals go through ngettext(), which reads the program's domain, as the app and klynge-cli set it. */
  textdomain (GETTEXT_PACKAGE);
  /* Setting the locale again makes gettext drop what it looked up in English. */
  setlocale (LC_ALL, "da_DK.UTF-8");
  danish = case_captions ();
  /* Danish periods are longer ("1. kvartal 2026"): on a slide they wrap
   * under twelve quarters and fit the before-and-after legend, whole. */
  {
    g_autoptr(KlyngeChartData) quarters = chart_fixture_series (60, 12, 0.9);
    g_autoptr(KlyngeChartData) two = chart_fixture_series (10, 2, 0.6);
    const struct { KlyngeChartData *data; KlyngeChartKind kind; } slides[] = {
      { quarters, KLYNGE_CHART_RUN }, { quarters, KLYNGE_CHART_P_CHART }, { two, KLYNGE_CHART_BEFORE_AFTER },
    };

    for (guint s = 0; s < G_N_ELEMENTS (slides); s++)
      {
        g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (KlyngeChartHit));
        g_autoptr(GPtrArray) texts = draw_slide (slides[s].data, slides[s].kind, hits);
        guint n_periods = 0;

        for (guint i = 0; i < texts->len; i++)
          {
            const Drawn *drawn = g_ptr_array_index (texts, i);

            n_periods += strstr (drawn->text, "kvartal 202") != NULL;
            if (drawn->ellipsized)
              g_error ("“%s” is cut short on a Danish %s slide", drawn->text, klynge_chart_kind_to_string (slides[s].kind));
          }
        g_assert_cmpuint (n_periods, >=, 2);
      }
  }
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  for (guint i = 0; i < G_N_ELEMENTS (caption_cases); i++)
    {
      g_test_message ("%s", (char *) g_ptr_array_index (danish, i));
      g_assert_nonnull (strstr (g_ptr_array_index (danish, i), caption_cases[i].danish));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/caption/funnel", test_caption_funnel);
  g_test_add_func ("/charts/caption/chance", test_caption_chance);
  g_test_add_func ("/charts/caption/zero-denominator", test_zero_denominator);
  g_test_add_func ("/charts/caption/random-clusters", test_caption_random);
  g_test_add_func ("/charts/run/period-gaps", test_period_gaps);
  g_test_add_func ("/charts/caption/cases", test_caption_cases);
  g_test_add_func ("/charts/caption/run", test_caption_run);
  g_test_add_func ("/charts/caption/before-after", test_caption_before_after);
  g_test_add_func ("/charts/caption/languages", test_caption_languages);
  g_test_add_func ("/charts/caption/p-chart", test_caption_p_chart);
  g_test_add_func ("/charts/funnel/small-clinics", test_flags_small_clinics);
  g_test_add_func ("/charts/funnel/target-and-bare-values", test_target_and_bare_values);
  g_test_add_func ("/charts/caption/no-data", test_no_data);
  g_test_add_func ("/charts/anonymisation", test_anonymisation);
  g_test_add_func ("/charts/meeting-indicators", test_meeting_indicators);
  g_test_add_func ("/charts/hover", test_hover);
  g_test_add_func ("/charts/rate", test_rate);
  g_test_add_func ("/charts/funnel/label-placement", test_label_placement);
  g_test_add_func ("/charts/slide/text-sizes", test_slide_text_sizes);
  g_test_add_func ("/charts/slide/funnel-labels-many", test_funnel_labels_many);
  g_test_add_func ("/charts/funnel-labels-close", test_funnel_labels_close);
  g_test_add_func ("/charts/slide/screenshots", test_slide_screenshots);
  g_test_add_func ("/charts/caption/suppressed", test_suppressed);

  return g_test_run ();
}
