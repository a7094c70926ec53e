/* klynge-bench-charts.c — how fast the charts draw
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * klynge-bench-charts [RUNS] [MATPLOTLIB_SCRIPT]: prints the median of RUNS of
 *  - a funnel plot of 2,000 clinics drawn at 1920×1080 and written as PNG
 *    (target ≤ 50 ms), limits computed exactly each time;
 *  - a redraw of a 100-clinic funnel plot and bar chart at 1920×1080, as the
 *    screen does on resize (target ≤ 8 ms);
 *  - a run chart of 60 clinics over 12 periods beside the funnel of the same
 *    clinics (target: within twice the funnel's time);
 *  - in the same run, matplotlib drawing the same 2,000-clinic funnel (the
 *    same points and limit curves, handed over as CSV) to a 1920×1080 PNG.
 */

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chart-fixtures.h"
#include "klynge-chart-export.h"

#define WIDTH  1920
#define HEIGHT 1080

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
draw_ms (const KlyngeChartData *data,
         KlyngeChartKind        kind,
         const char            *png_path)
{
  KlyngeChartOptions options = { kind, KLYNGE_CHART_THEME_LIGHT, KLYNGE_CHART_ANONYMOUS, KLYNGE_FUNNEL_EXACT, TRUE, "2026-11-24" };
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  klynge_chart_draw (cr, WIDTH, HEIGHT, data, &options, NULL);
  cairo_destroy (cr);
  if (png_path != NULL)
    klynge_chart_write_png (surface, png_path, NULL);
  else
    cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
report (const char *what,
        double     *samples,
        int         runs,
        double      target)
{
  double m = median (samples, runs);

  if (target > 0)
    printf ("%-52s median %7.2f ms  (best %6.2f, worst %6.2f; target ≤ %g ms: %s)\n", what, m, samples[0],
            samples[runs - 1], target, m <= target ? "met" : "MISSED");
  else
    printf ("%-52s median %7.2f ms  (best %6.2f, worst %6.2f)\n", what, m, samples[0], samples[runs - 1]);
}

/* The points and the limit curves, so matplotlib draws exactly what we draw. */
static void
write_csv (const KlyngeChartData *data,
           const char            *path)
{
  FILE *out = fopen (path, "w");
  gint8 *outside = g_new0 (gint8, data->rows->len);
  KlyngeChartOptions options = { KLYNGE_CHART_FUNNEL, KLYNGE_CHART_THEME_LIGHT, KLYNGE_CHART_ANONYMOUS, KLYNGE_FUNNEL_EXACT,
                                 FALSE, NULL, KLYNGE_LIMITS_CHANCE, FALSE };
  KlyngeFunnelSummary summary;

  klynge_chart_funnel_classify (data, &options, outside, &summary);
  fprintf (out, "kind,n,value,level\n");
  for (guint i = 0; i < data->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

      fprintf (out, "point,%" G_GINT64_FORMAT ",%.6f,%d\n", row->denominator, 100 * row->value, ABS (outside[i]));
    }
  for (int s = 0; s < 96; s++)
    {
      double n = 20 * pow (1000 / 20.0, s / 95.0), l95, u95, l998, u998;

      klynge_stats_funnel_limits (data->pooled, (gint64) round (n), 0.95, KLYNGE_FUNNEL_EXACT, &l95, &u95);
      klynge_stats_funnel_limits (data->pooled, (gint64) round (n), 0.998, KLYNGE_FUNNEL_EXACT, &l998, &u998);
      fprintf (out, "limit,%.1f,%.6f,%.6f\nlimit998,%.1f,%.6f,%.6f\n", n, 100 * l95, 100 * u95, n, 100 * l998, 100 * u998);
    }
  fprintf (out, "pooled,0,%.6f,0\n", 100 * data->pooled);
  fclose (out);
  g_free (outside);
}

int
main (int    argc,
      char **argv)
{
  int runs = argc > 1 ? atoi (argv[1]) : 21;
  const char *script = argc > 2 ? argv[2] : NULL;
  g_autoptr(KlyngeChartData) many = chart_fixture_clinics (2000);
  g_autoptr(KlyngeChartData) hundred = chart_fixture_clinics (100);
  g_autofree char *dir = g_dir_make_tmp ("klynge-bench-charts-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "funnel.png", NULL);
  g_autofree char *csv = g_build_filename (dir, "funnel.csv", NULL);
  g_autofree double *samples = g_new (double, MAX (runs, 1));

  if (runs < 1)
    runs = 1;
  klynge_chart_set_font_family ("DejaVu Sans");
  /* One untimed run: fonts and glyph caches as a running app has them. */
  draw_ms (many, KLYNGE_CHART_FUNNEL, png);

  for (int i = 0; i < runs; i++)
    samples[i] = draw_ms (many, KLYNGE_CHART_FUNNEL, png);
  report ("Funnel, 2,000 clinics, 1920×1080, drawn + PNG written", samples, runs, 50);
  for (int i = 0; i < runs; i++)
    samples[i] = draw_ms (many, KLYNGE_CHART_FUNNEL, NULL);
  report ("Funnel, 2,000 clinics, 1920×1080, drawn only", samples, runs, 0);
  for (int i = 0; i < runs; i++)
    samples[i] = draw_ms (hundred, KLYNGE_CHART_FUNNEL, NULL);
  report ("Redraw, funnel of 100 clinics, 1920×1080", samples, runs, 8);
  for (int i = 0; i < runs; i++)
    samples[i] = draw_ms (hundred, KLYNGE_CHART_BARS, NULL);
  report ("Redraw, bars of 100 clinics, 1920×1080", samples, runs, 8);
  {
    g_autoptr(KlyngeChartData) series = chart_fixture_series (60, 12, 0.97);
    double funnel;

    for (int i = 0; i < runs; i++)
      samples[i] = draw_ms (series, KLYNGE_CHART_FUNNEL, NULL);
    funnel = median (samples, runs);
    report ("Redraw, funnel of 60 clinics, 1920×1080", samples, runs, 0);
    for (int i = 0; i < runs; i++)
      samples[i] = draw_ms (series, KLYNGE_CHART_RUN, NULL);
    report ("Redraw, run chart of 60 clinics × 12 periods", samples, runs, 2 * funnel);
  }

  if (script != NULL)
    {
      g_autofree char *command = NULL, *out = NULL, *err = NULL;
      g_autofree char *mpl_png = g_build_filename (dir, "matplotlib.png", NULL);
      int status = 0;

      write_csv (many, csv);
      /* Debian's interpreter, where python3-matplotlib lives, before any other on PATH. */
      command = g_strdup_printf ("%s '%s' '%s' '%s' %d", g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? "/usr/bin/python3" : "python3",
                                 script, csv, mpl_png, MIN (runs, 7));
      if (!g_spawn_command_line_sync (command, &out, &err, &status, NULL) || !g_spawn_check_wait_status (status, NULL))
        printf ("matplotlib: not measured (%s)\n", err != NULL && *err != '\0' ? g_strstrip (err) : "python3 did not run");
      else
        printf ("%s", out);
    }

  g_unlink (png);
  g_unlink (csv);
  {
    g_autofree char *mpl_png = g_build_filename (dir, "matplotlib.png", NULL);
    g_unlink (mpl_png);
  }
  g_rmdir (dir);
  return 0;
}
