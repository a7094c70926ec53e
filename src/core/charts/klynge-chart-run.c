/* klynge-chart-run.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The run chart: the cluster over the periods around its median, with
 * the clinics' lines (or their middle 80 %) behind it.
 */

#include "klynge-i18n.h"

#include <math.h>

#include "klynge-chart-private.h"

/* A series' name beside its last value, as the eye follows a line to its end. */
static void
label_series_end (Ctx             *ctx,
                  const double    *series,
                  const KlyngeRgb *colour,
                  const char      *label)
{
  const KlyngeChartData *data = ctx->data;

  for (guint p = data->periods->len; p-- > 0;)
    if (!isnan (series[p]))
      {
        klynge_chart_set_source (ctx->cr, colour);
        klynge_chart_text (ctx->cr, label, SIZE_LABEL * ctx->u, KLYNGE_TEXT_BOLD, _klynge_chart_period_x (ctx, p, data->periods->len) + 0.5 * ctx->u,
                           _klynge_chart_to_y (ctx, _klynge_chart_shown (data, series[p])), 0, 0, 0.5);
        return;
      }
}

/* Beyond this many clinics their lines are a tangle that tells nothing
 * (and costs cairo a stroke each): the run chart shades their middle 80 %. */
#define RUN_MAX_LINES 12

/* The band from the clinics' 10th to 90th percentile per period, one fill
 * per stretch of periods with values. */
static void
draw_spread (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  guint n_periods = data->periods->len;
  g_autofree double *low = g_new (double, MAX (n_periods, 1));
  g_autofree double *high = g_new (double, MAX (n_periods, 1));
  g_autofree double *values = g_new (double, MAX (data->rows->len, 1));

  for (guint p = 0; p < n_periods; p++)
    {
      guint n = 0;

      for (guint i = 0; i < data->rows->len; i++)
        {
          const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

          if (!isnan (row->series[p]))
            values[n++] = row->series[p];
        }
      low[p] = klynge_stats_quantile (values, n, 0.1);
      high[p] = klynge_stats_quantile (values, n, 0.9);
    }
  klynge_chart_set_source (ctx->cr, &ctx->style->other);
  cairo_new_path (ctx->cr);
  for (guint start = 0; start < n_periods;)
    {
      guint end = start;

      if (isnan (low[start]))
        {
          start++;
          continue;
        }
      while (end + 1 < n_periods && !isnan (low[end + 1]))
        end++;
      /* A lone period is a bar as wide as a stroke; a stretch is a band. */
      for (guint p = start; p <= end; p++)
        cairo_line_to (ctx->cr, _klynge_chart_period_x (ctx, p, n_periods) - (start == end ? 0.15 * ctx->u : 0), _klynge_chart_to_y (ctx, _klynge_chart_shown (data, high[p])));
      for (guint p = end + 1; p-- > start;)
        cairo_line_to (ctx->cr, _klynge_chart_period_x (ctx, p, n_periods) + (start == end ? 0.15 * ctx->u : 0), _klynge_chart_to_y (ctx, _klynge_chart_shown (data, low[p])));
      cairo_close_path (ctx->cr);
      /* The next stretch starts a shape of its own, not a line from this one. */
      cairo_new_sub_path (ctx->cr);
      start = end + 1;
    }
  cairo_fill (ctx->cr);
}

static void
legend_run (Ctx *ctx)
{
  _klynge_chart_legend_add (ctx, &ctx->style->foreground, _("Cluster"));
  _klynge_chart_legend_add (ctx, &ctx->style->pooled, _("Median"));
  _klynge_chart_legend_add (ctx, &ctx->style->other,
                            /* xgettext:no-c-format */
                            ctx->data->rows->len > RUN_MAX_LINES ? _("Middle 80 % of the clinics") : _("Clinics"));
  if (ctx->options->names == KLYNGE_CHART_HIGHLIGHT)
    _klynge_chart_legend_add (ctx, &ctx->style->highlight, _("Highlighted clinic"));
}

static void
draw_run (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  KlyngeRunsTest runs;
  guint most = _klynge_chart_most_clinics (data);
  g_autofree gboolean *hollow = g_new0 (gboolean, MAX (data->periods->len, 1));
  g_autofree char *median_label = NULL, *median_value = NULL;

  for (guint p = 0; p < data->periods->len; p++)
    {
      for (guint i = 0; i < data->rows->len; i++)
        {
          const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

          if (!isnan (row->series[p]))
            lo = MIN (lo, row->series[p]), hi = MAX (hi, row->series[p]);
        }
      if (!isnan (data->cluster_series[p]))
        lo = MIN (lo, data->cluster_series[p]), hi = MAX (hi, data->cluster_series[p]);
      hollow[p] = _klynge_chart_thin_point (data, p, most);
    }
  _klynge_chart_nice_axis (ctx, _klynge_chart_shown (data, lo), _klynge_chart_shown (data, hi), _klynge_chart_is_proportion (data) ? 0 : -G_MAXDOUBLE, _klynge_chart_ceiling_of (data));
  _klynge_chart_draw_y_axis (ctx);
  _klynge_chart_draw_period_labels (ctx);
  _klynge_chart_draw_point_counts (ctx);

  if (data->rows->len > RUN_MAX_LINES)
    draw_spread (ctx);
  else
    for (guint i = 0; i < data->rows->len; i++)
      {
        const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

        if (!row->highlighted)
          _klynge_chart_draw_series (ctx, row->series, &ctx->style->other, 0.06, 0, NULL);
      }
  klynge_stats_runs (data->cluster_series, data->periods->len, &runs);
  median_value = klynge_chart_format_value (data, runs.centre, 0);
  median_label = g_strdup_printf (_("Median %s"), median_value);
  _klynge_chart_draw_level (ctx, _klynge_chart_shown (data, runs.centre), &ctx->style->pooled, 1, median_label);
  _klynge_chart_draw_series (ctx, data->cluster_series, &ctx->style->foreground, 0.16, 0.22, hollow);
  label_series_end (ctx, data->cluster_series, &ctx->style->foreground, _("Cluster"));
  for (guint i = 0; i < data->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

      if (row->highlighted)
        {
          _klynge_chart_draw_series (ctx, row->series, &ctx->style->highlight, 0.16, 0.22, NULL);
          label_series_end (ctx, row->series, &ctx->style->highlight, row->label);
        }
    }
  _klynge_chart_legend (ctx);
}

static void
caption_run (const KlyngeChartData    *data,
             const KlyngeChartOptions *options,
             GPtrArray                *out)
{
  KlyngeRunsTest runs;
  g_autofree char *median_value = NULL;

  klynge_stats_runs (data->cluster_series, data->periods->len, &runs);
  median_value = klynge_chart_format_value (data, runs.centre, 0);
  g_ptr_array_add (out, g_strdup_printf (_("The cluster’s median is %s."), median_value));
  _klynge_chart_runs_sentences (&runs, FALSE, out);
  _klynge_chart_thin_sentences (data, out);
}

static void
run_level_labels (const KlyngeChartData *data,
                  GPtrArray             *labels)
{
  KlyngeRunsTest runs;
  g_autofree char *value = NULL;

  klynge_stats_runs (data->cluster_series, data->periods->len, &runs);
  value = klynge_chart_format_value (data, runs.centre, 0);
  g_ptr_array_add (labels, g_strdup_printf (_("Median %s"), value));
}

const KlyngeChartKindClass _klynge_chart_run_class = {
  .name = "run",
  .label = N_("Run chart"),
  .over_periods = TRUE,
  .axis_below = 2.3,
  .legend = legend_run,
  .draw = draw_run,
  .caption = caption_run,
  .level_labels = run_level_labels,
  .describe = _klynge_chart_describe_row,
};
