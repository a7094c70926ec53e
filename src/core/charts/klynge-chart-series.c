/* klynge-chart-series.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the run chart and the P′ chart share: periods along the x axis,
 * series across them, and the Anhøj rules' sentences.
 */

#include "klynge-i18n.h"

#include <math.h>

#include "klynge-chart-private.h"
#include "klynge-period.h"

/* The periods with a cluster value, and how many clinics the fullest is made of. */
guint
_klynge_chart_most_clinics (const KlyngeChartData *data)
{
  guint most = 0;

  for (guint p = 0; p < data->periods->len; p++)
    if (!isnan (data->cluster_series[p]))
      most = MAX (most, data->cluster_clinics[p]);
  return most;
}

/* A point made of fewer than three quarters of the clinics of the fullest
 * period: the clinics that had not delivered yet can move it. */
gboolean
_klynge_chart_thin_point (const KlyngeChartData *data,
                          guint                  p,
                          guint                  most)
{
  return !isnan (data->cluster_series[p]) && data->cluster_clinics[p] > 0 && 4 * data->cluster_clinics[p] < 3 * most;
}

double
_klynge_chart_period_x (Ctx   *ctx,
                        guint  p,
                        guint  n)
{
  double slot = (ctx->x1 - ctx->x0) / MAX (n, 1);

  return ctx->x0 + slot * (p + 0.5);
}

/* A period's label breaks into lines where its slot is too narrow for it
 * ("1. kvartal" over "2026" beside eleven other quarters).
 * Returns: how much taller than one line the tallest label is */
double
_klynge_chart_period_labels_extra (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  double slot = (ctx->x1 - ctx->x0) / MAX (data->periods->len, 1);
  double line = klynge_chart_text (ctx->cr, "0", SIZE_LABEL * ctx->u, KLYNGE_TEXT_MEASURE, 0, 0, 0, 0, 0), tallest = line;

  for (guint p = 0; p < data->periods->len; p++)
    {
      g_autofree char *label = _klynge_chart_period_label (data, p);

      tallest = MAX (tallest, klynge_chart_text (ctx->cr, label, SIZE_LABEL * ctx->u,
                                                 KLYNGE_TEXT_WRAP | KLYNGE_TEXT_ELLIPSIS | KLYNGE_TEXT_MEASURE, 0, 0, slot, 0.5, 0));
    }
  return tallest - line;
}

void
_klynge_chart_draw_period_labels (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  double slot = (ctx->x1 - ctx->x0) / MAX (data->periods->len, 1);

  klynge_chart_set_source (ctx->cr, &ctx->style->foreground);
  for (guint p = 0; p < data->periods->len; p++)
    {
      g_autofree char *label = _klynge_chart_period_label (data, p);

      klynge_chart_text (ctx->cr, label, SIZE_LABEL * ctx->u, KLYNGE_TEXT_WRAP | KLYNGE_TEXT_ELLIPSIS,
                         _klynge_chart_period_x (ctx, p, data->periods->len) - slot / 2, ctx->y1 + 0.3 * ctx->u, slot, 0.5, 0);
    }
}

/* Adds a series to the path, lifting the pen over missing periods. */
static void
trace_series (Ctx          *ctx,
              const double *series)
{
  const KlyngeChartData *data = ctx->data;
  gboolean pen_down = FALSE;

  for (guint p = 0; p < data->periods->len; p++)
    {
      double x = _klynge_chart_period_x (ctx, p, data->periods->len), y = _klynge_chart_to_y (ctx, _klynge_chart_shown (data, series[p]));

      if (isnan (series[p]))
        {
          pen_down = FALSE;
          continue;
        }
      if (pen_down)
        cairo_line_to (ctx->cr, x, y);
      else
        cairo_move_to (ctx->cr, x, y);
      pen_down = TRUE;
    }
}

/* @hollow: (nullable): per period, whether its dot is drawn as a ring */
void
_klynge_chart_draw_series (Ctx             *ctx,
                           const double    *series,
                           const KlyngeRgb *colour,
                           double           width,
                           double           dot,
                           const gboolean  *hollow)
{
  const KlyngeChartData *data = ctx->data;

  klynge_chart_set_source (ctx->cr, colour);
  _klynge_chart_set_line (ctx, width, 0);
  trace_series (ctx, series);
  cairo_stroke (ctx->cr);
  for (guint p = 0; dot > 0 && p < data->periods->len; p++)
    if (!isnan (series[p]))
      {
        double x = _klynge_chart_period_x (ctx, p, data->periods->len), y = _klynge_chart_to_y (ctx, _klynge_chart_shown (data, series[p]));

        cairo_new_sub_path (ctx->cr);
        cairo_arc (ctx->cr, x, y, dot * ctx->u, 0, 2 * G_PI);
        if (hollow != NULL && hollow[p])
          {
            klynge_chart_set_source (ctx->cr, &ctx->style->background);
            cairo_fill_preserve (ctx->cr);
            klynge_chart_set_source (ctx->cr, colour);
            _klynge_chart_set_line (ctx, 0.08, 0);
            cairo_stroke (ctx->cr);
          }
        else
          cairo_fill (ctx->cr);
      }
}

/* Under each period: how many clinics its point is made of. */
void
_klynge_chart_draw_point_counts (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  double slot = (ctx->x1 - ctx->x0) / MAX (data->periods->len, 1);

  klynge_chart_set_source (ctx->cr, &ctx->style->muted);
  for (guint p = 0; p < data->periods->len; p++)
    if (!isnan (data->cluster_series[p]) && data->cluster_clinics[p] > 0)
      {
        g_autofree char *count = _klynge_chart_format_count (data->cluster_clinics[p]);
        /* Translators: under a run chart's period, how many clinics its point is made of */
        g_autofree char *label = g_strdup_printf (_("n = %s"), count);

        klynge_chart_text (ctx->cr, label, 0.6 * ctx->u, KLYNGE_TEXT_ELLIPSIS,
                           _klynge_chart_period_x (ctx, p, data->periods->len) - slot / 2, ctx->y1 + 1.25 * ctx->u + ctx->period_extra, slot, 0.5, 0);
      }
}

/* The Anhøj rules' verdict on a series around its median or, on a P′
 * chart, its average. */
void
_klynge_chart_runs_sentences (const KlyngeRunsTest *tested,
                              gboolean              around_average,
                              GPtrArray            *out)
{
  KlyngeRunsTest runs = *tested;
  g_autofree char *count = _klynge_chart_format_count (runs.n_points);

  if (runs.n_useful < RUNS_MIN_POINTS)
    g_ptr_array_add (out, g_strdup_printf (ngettext ("Too few points to tell a shift from chance: %s point, at least 10 needed.",
                                                     "Too few points to tell a shift from chance: %s points, at least 10 needed.",
                                                     runs.n_points), count));
  else
    {
      if (runs.long_run)
        {
          g_autofree char *longest = _klynge_chart_format_count (runs.longest_run);

          g_ptr_array_add (out, g_strdup_printf (around_average
                                                 ? _("A run of %s points on one side of the average is unusually long: the cluster has shifted.")
                                                 : _("A run of %s points on one side of the median is unusually long: the cluster has shifted."),
                                                 longest));
        }
      if (runs.few_crossings)
        {
          g_autofree char *crossings = _klynge_chart_format_count (runs.crossings), *expected = _klynge_chart_format_count (runs.crossings_min);

          g_ptr_array_add (out, g_strdup_printf (around_average
                                                 ? ngettext ("The line crosses its average %1$s time, fewer than the %2$s chance would give: the cluster has shifted.",
                                                             "The line crosses its average %1$s times, fewer than the %2$s chance would give: the cluster has shifted.",
                                                             runs.crossings)
                                                 : ngettext ("The line crosses its median %1$s time, fewer than the %2$s chance would give: the cluster has shifted.",
                                                             "The line crosses its median %1$s times, fewer than the %2$s chance would give: the cluster has shifted.",
                                                             runs.crossings),
                                                 crossings, expected));
        }
      if (!runs.long_run && !runs.few_crossings)
        g_ptr_array_add (out, g_strdup (_("No unusual runs or crossings: the ups and downs can be chance.")));
    }
}

/* Which points are made of fewer clinics than the fullest period's. */
void
_klynge_chart_thin_sentences (const KlyngeChartData *data,
                              GPtrArray             *out)
{
  guint most = _klynge_chart_most_clinics (data), n_thin = 0, last_thin = 0;

  for (guint p = 0; p < data->periods->len; p++)
    if (_klynge_chart_thin_point (data, p, most))
      last_thin = p, n_thin++;
  if (n_thin == 1)
    {
      g_autofree char *few = _klynge_chart_format_count (data->cluster_clinics[last_thin]), *full = _klynge_chart_format_count (most);
      g_autofree char *label = _klynge_chart_period_label (data, last_thin);

      g_ptr_array_add (out, g_strdup_printf (_("The point of %1$s, drawn hollow, is made of only %2$s of %3$s clinics."),
                                             label, few, full));
    }
  else if (n_thin > 1)
    {
      g_autofree char *thin = _klynge_chart_format_count (n_thin), *full = _klynge_chart_format_count (most);

      g_ptr_array_add (out, g_strdup_printf (_("%1$s points, drawn hollow, are made of fewer than the %2$s clinics of the fullest period."),
                                             thin, full));
    }
}
