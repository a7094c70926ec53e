/* klynge-chart-bars.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmark bars: each clinic's value with its 95 % interval, best first,
 * coloured as the funnel plot judges it.
 */

#include "klynge-i18n.h"

#include <math.h>

#include "klynge-chart-private.h"

/* The reference and target are entered in the unit shown (31 for 31 %). */
static void
widen_for_levels (const KlyngeChartData *data,
                  double                *lo,
                  double                *hi)
{
  if (data->has_pooled)
    {
      *lo = MIN (*lo, _klynge_chart_shown (data, data->pooled));
      *hi = MAX (*hi, _klynge_chart_shown (data, data->pooled));
    }
  if (!isnan (data->reference))
    *hi = MAX (*hi, data->reference), *lo = MIN (*lo, data->reference);
  if (!isnan (data->target))
    *hi = MAX (*hi, data->target), *lo = MIN (*lo, data->target);
}

/* A bar in the funnel's colours: grey like the cluster, blue better, vermillion
 * worse; hollow outside the 95 % limits, filled outside the 99.8 % limits. */
static void
draw_bar (Ctx                  *ctx,
          const KlyngeChartRow *row,
          int                   flag,
          double                x,
          double                y,
          double                width,
          double                height)
{
  gboolean better = flag != 0 && (flag > 0) == ctx->data->higher_is_better;
  const KlyngeRgb *colour = flag == 0 ? _klynge_chart_inside_colour (ctx, row) : better ? &ctx->style->better : &ctx->style->alarm;

  cairo_rectangle (ctx->cr, x, y, width, height);
  klynge_chart_set_source (ctx->cr, ABS (flag) == 1 ? &ctx->style->background : colour);
  cairo_fill_preserve (ctx->cr);
  if (ABS (flag) == 1 || row->highlighted)
    {
      klynge_chart_set_source (ctx->cr, row->highlighted ? &ctx->style->foreground : colour);
      _klynge_chart_set_line (ctx, ABS (flag) == 1 ? 0.16 : 0.1, 0);
      cairo_stroke (ctx->cr);
    }
  else
    cairo_new_path (ctx->cr);
}

static void
legend_bars (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;

  /* xgettext:no-c-format */
  _klynge_chart_legend_add (ctx, &ctx->style->similar, _("Like the cluster; 95 % interval"));
  _klynge_chart_legend_add (ctx, &ctx->style->better, _("Better"));
  _klynge_chart_legend_add (ctx, &ctx->style->alarm, _("Worse"));
  _klynge_chart_legend_add (ctx, &ctx->style->pooled, _("Cluster"));
  for (guint i = 0; i < data->rows->len; i++)
    if (((KlyngeChartRow *) g_ptr_array_index (data->rows, i))->highlighted)
      {
        ctx->legend.ringed = ctx->legend.n;
        _klynge_chart_legend_add (ctx, &ctx->style->highlight, ((KlyngeChartRow *) g_ptr_array_index (data->rows, i))->label);
      }
  if (!isnan (data->reference))
    _klynge_chart_legend_add (ctx, &ctx->style->reference, _("Reference"));
  if (!isnan (data->target))
    _klynge_chart_legend_add (ctx, &ctx->style->target, _("Target"));
}

static void
draw_bars (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  g_autoptr(GPtrArray) rows = _klynge_chart_sorted_rows (data);
  double lo = 0, hi = 0, slot = (ctx->x1 - ctx->x0) / rows->len;
  g_autofree const char **names = _klynge_chart_row_labels (rows);
  gboolean standing = _klynge_chart_stand_bar_labels (ctx, names, rows->len, slot);
  g_autofree gint8 *flags = g_new0 (gint8, MAX (data->rows->len, 1));
  KlyngeFunnelSummary summary;

  klynge_chart_funnel_classify (data, ctx->options, flags, &summary);
  for (guint i = 0; i < rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (rows, i);

      hi = MAX (hi, _klynge_chart_shown (data, isnan (row->upper) ? row->value : row->upper));
      lo = MIN (lo, _klynge_chart_shown (data, row->value));
    }
  widen_for_levels (data, &lo, &hi);
  _klynge_chart_nice_axis (ctx, lo, hi, lo < 0 ? -G_MAXDOUBLE : 0, _klynge_chart_ceiling_of (data));
  _klynge_chart_draw_y_axis (ctx);

  for (guint i = 0; i < rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (rows, i);
      double x = ctx->x0 + slot * i, bar = slot < 3 ? slot : slot * 0.7, y = _klynge_chart_to_y (ctx, _klynge_chart_shown (data, row->value));
      double base = _klynge_chart_to_y (ctx, MAX (ctx->ymin, 0));

      draw_bar (ctx, row, flags[_klynge_chart_row_index (data, row)], x + (slot - bar) / 2, MIN (y, base), bar, fabs (base - y));
      if (!isnan (row->lower) && slot >= 3)
        {
          double cx = x + slot / 2, cap = MIN (bar * 0.3, 0.4 * ctx->u);

          klynge_chart_set_source (ctx->cr, &ctx->style->foreground);
          _klynge_chart_set_line (ctx, 0.08, 0);
          cairo_move_to (ctx->cr, cx, _klynge_chart_to_y (ctx, _klynge_chart_shown (data, row->lower)));
          cairo_line_to (ctx->cr, cx, _klynge_chart_to_y (ctx, _klynge_chart_shown (data, row->upper)));
          cairo_move_to (ctx->cr, cx - cap, _klynge_chart_to_y (ctx, _klynge_chart_shown (data, row->lower)));
          cairo_line_to (ctx->cr, cx + cap, _klynge_chart_to_y (ctx, _klynge_chart_shown (data, row->lower)));
          cairo_move_to (ctx->cr, cx - cap, _klynge_chart_to_y (ctx, _klynge_chart_shown (data, row->upper)));
          cairo_line_to (ctx->cr, cx + cap, _klynge_chart_to_y (ctx, _klynge_chart_shown (data, row->upper)));
          cairo_stroke (ctx->cr);
        }
      _klynge_chart_draw_bar_labels (ctx, x, slot, row->label, standing);
      _klynge_chart_add_hit (ctx, x, ctx->y0, slot, ctx->y1 - ctx->y0, _klynge_chart_row_index (data, row));
    }
  _klynge_chart_draw_cluster_levels (ctx);
  _klynge_chart_legend (ctx);
}

/**
 * klynge_chart_reaches_target:
 * @value: a value in the unit shown (57 for 57 %)
 *
 * Whether @value reaches the indicator's target, in the direction that is
 * better; a value on the target reaches it, whatever the rounding of
 * 0.57 × 100 (56.99999999999999).
 */
gboolean
klynge_chart_reaches_target (const KlyngeChartData *data,
                             double                 value)
{
  double tolerance = 1e-9 * MAX (1, fabs (data->target));

  if (isnan (data->target) || isnan (value))
    return FALSE;
  return data->higher_is_better ? value >= data->target - tolerance : value <= data->target + tolerance;
}

static void
caption_bars (const KlyngeChartData    *data,
              const KlyngeChartOptions *options,
              GPtrArray                *out)
{
  g_autoptr(GPtrArray) rows = _klynge_chart_sorted_rows (data);
  const KlyngeChartRow *best = g_ptr_array_index (rows, 0), *worst = g_ptr_array_index (rows, rows->len - 1);
  g_autofree char *best_value = klynge_chart_format_value (data, best->value, 0);
  g_autofree char *worst_value = klynge_chart_format_value (data, worst->value, 0);
  KlyngeFunnelSummary summary;

  klynge_chart_funnel_classify (data, options, NULL, &summary);
  if (rows->len == 1)
    g_ptr_array_add (out, g_strdup_printf (_("Only clinic %1$s has data: %2$s."), best->label, best_value));
  else
    g_ptr_array_add (out, g_strdup_printf (_("Clinics range from %1$s (%2$s) to %3$s (%4$s); the lines show each clinic’s 95 %% confidence interval, wide where the clinic is small."),
                                           best_value, best->label, worst_value, worst->label));
  if (summary.n_testable > 1 && summary.n_outside_95 > 0)
    {
      g_autofree char *better = _klynge_chart_format_count (summary.n_better), *worse = _klynge_chart_format_count (summary.n_worse);

      g_ptr_array_add (out, g_strdup_printf (_("Beyond chance: %1$s better than the cluster, %2$s worse."), better, worse));
    }
  _klynge_chart_highlighted_sentence (data, out);
  if (data->has_pooled)
    g_ptr_array_add (out, _klynge_chart_pooled_sentence (data));
  if (!isnan (data->target))
    {
      guint reached = 0;
      g_autofree char *target = _klynge_chart_is_proportion (data)
                                ? klynge_chart_format_value (data, data->target / klynge_chart_data_scale (data), 0)
                                : _klynge_chart_format_number (data->target, 0);
      g_autofree char *k = NULL, *n = _klynge_chart_format_count (rows->len);

      for (guint i = 0; i < rows->len; i++)
        reached += klynge_chart_reaches_target (data, _klynge_chart_shown (data, ((KlyngeChartRow *) g_ptr_array_index (rows, i))->value));
      k = _klynge_chart_format_count (reached);
      g_ptr_array_add (out, g_strdup_printf (ngettext ("%1$s of %2$s clinics reaches the target (%3$s).",
                                                       "%1$s of %2$s clinics reach the target (%3$s).", reached),
                                             k, n, target));
    }
}

const KlyngeChartKindClass _klynge_chart_bars_class = {
  .name = "bars",
  .label = N_("Benchmark bars"),
  .axis_below = 1.9,
  .legend = legend_bars,
  .draw = draw_bars,
  .caption = caption_bars,
  .describe = _klynge_chart_describe_row,
};
