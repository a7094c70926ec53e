/* klynge-chart-before-after.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before and after: each clinic's value in two periods, coloured where
 * the change is beyond chance.
 */

#include "klynge-i18n.h"

#include <math.h>
#include <stdio.h>

#include "klynge-chart-private.h"

static gboolean
before_after_periods (const KlyngeChartData *data,
                      guint                 *before,
                      guint                 *after)
{
  if (data->period == NULL || data->periods->len < 2)
    return FALSE;
  if (data->before_period == NULL
      || !g_ptr_array_find_with_equal_func (data->periods, data->before_period, g_str_equal, before))
    *before = 0;
  g_ptr_array_find_with_equal_func (data->periods, data->period, g_str_equal, after);
  return *after > *before;
}

static void
legend_before_after (Ctx *ctx)
{
  KlyngeChartLegend *legend = &ctx->legend;
  guint before, after;

  if (!before_after_periods (ctx->data, &before, &after))
    return;
  legend->owned[0] = _klynge_chart_period_label (ctx->data, before);
  legend->owned[1] = _klynge_chart_period_label (ctx->data, after);
  _klynge_chart_legend_add (ctx, &ctx->style->muted, legend->owned[0]);
  _klynge_chart_legend_add (ctx, &ctx->style->similar, legend->owned[1]);
  _klynge_chart_legend_add (ctx, &ctx->style->better, _("Better beyond chance"));
  _klynge_chart_legend_add (ctx, &ctx->style->alarm, _("Worse beyond chance"));
  _klynge_chart_legend_add (ctx, &ctx->style->pooled, _("Cluster"));
}

static void
draw_before_after (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  g_autoptr(GPtrArray) rows = _klynge_chart_sorted_rows (data);
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, slot;
  guint before, after;
  g_autofree const char **names = NULL;
  gboolean standing;

  if (!before_after_periods (data, &before, &after))
    {
      _klynge_chart_draw_message (ctx, _("No before and after"), _("Before and after needs measurements from two periods."));
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (rows, i);

      for (guint k = 0; k < 2; k++)
        {
          double v = row->series[k ? after : before];

          if (!isnan (v))
            lo = MIN (lo, v), hi = MAX (hi, v);
        }
    }
  slot = (ctx->x1 - ctx->x0) / rows->len;
  names = _klynge_chart_row_labels (rows);
  standing = _klynge_chart_stand_bar_labels (ctx, names, rows->len, slot);
  _klynge_chart_nice_axis (ctx, _klynge_chart_shown (data, lo), _klynge_chart_shown (data, hi), _klynge_chart_is_proportion (data) ? 0 : -G_MAXDOUBLE, _klynge_chart_ceiling_of (data));
  _klynge_chart_draw_y_axis (ctx);
  _klynge_chart_draw_level (ctx, _klynge_chart_shown (data, data->cluster_series[after]), &ctx->style->pooled, 0, _("Cluster"));

  for (guint i = 0; i < rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (rows, i);
      double cx = ctx->x0 + slot * (i + 0.5), r = MIN (0.3 * ctx->u, slot * 0.3);
      double vb = row->series[before], va = row->series[after];

      if (!isnan (vb) && !isnan (va))
        {
          klynge_chart_set_source (ctx->cr, &ctx->style->muted);
          _klynge_chart_set_line (ctx, 0.1, 0);
          cairo_move_to (ctx->cr, cx, _klynge_chart_to_y (ctx, _klynge_chart_shown (data, vb)));
          cairo_line_to (ctx->cr, cx, _klynge_chart_to_y (ctx, _klynge_chart_shown (data, va)));
          cairo_stroke (ctx->cr);
        }
      if (!isnan (vb))
        {
          klynge_chart_set_source (ctx->cr, &ctx->style->muted);
          _klynge_chart_set_line (ctx, 0.08, 0);
          cairo_new_sub_path (ctx->cr);
          cairo_arc (ctx->cr, cx, _klynge_chart_to_y (ctx, _klynge_chart_shown (data, vb)), r, 0, 2 * G_PI);
          cairo_stroke (ctx->cr);
        }
      {
        double d, l, u;
        int change = klynge_chart_change (data, row, before, after, &d, &l, &u);

        /* Only a change beyond chance earns a colour: blue better, vermillion worse. */
        klynge_chart_set_source (ctx->cr, change > 0 ? &ctx->style->better : change < 0 ? &ctx->style->alarm
                                          : _klynge_chart_inside_colour (ctx, row));
        cairo_new_sub_path (ctx->cr);
        cairo_arc (ctx->cr, cx, _klynge_chart_to_y (ctx, _klynge_chart_shown (data, va)), r, 0, 2 * G_PI);
        cairo_fill (ctx->cr);
      }
      if (row->highlighted)
        _klynge_chart_ring (ctx, cx, _klynge_chart_to_y (ctx, _klynge_chart_shown (data, va)), _klynge_chart_ring_radius (ctx, r));
      _klynge_chart_draw_bar_labels (ctx, cx - slot / 2, slot, row->label, standing);
      _klynge_chart_add_hit (ctx, cx - slot / 2, ctx->y0, slot, ctx->y1 - ctx->y0, _klynge_chart_row_index (data, row));
    }
  _klynge_chart_legend (ctx);
}

/* "+4.2", "−0.8": a change with its sign, as the locale writes numbers. */
static char *
format_signed (double value)
{
  char buf[64];

  snprintf (buf, sizeof buf, "%+'.1f", value);
  return g_strdup (buf);
}

/* A change in the unit shown, signed: "+4.2 percentage points". */
static char *
format_change (const KlyngeChartData *data,
               double                 difference)
{
  g_autofree char *number = format_signed (_klynge_chart_shown (data, difference));

  if (g_strcmp0 (data->unit, "percent") == 0)
    return g_strdup_printf (_("%s percentage points"), number);
  if (g_strcmp0 (data->unit, "rate") == 0)
    return g_strdup_printf (_("%s per 1,000"), number);
  return g_steal_pointer (&number);
}

/**
 * klynge_chart_change:
 * @before: the before period's index
 * @after: the after period's index
 * @row: (nullable): a clinic, or %NULL for the cluster
 *
 * Whether the change from @before to @after is beyond chance: Newcombe's 95 %
 * interval of the difference excludes 0.
 *
 * Returns: 1 better, −1 worse beyond chance, 0 no clear change (or no counts to tell)
 */
int
klynge_chart_change (const KlyngeChartData *data,
                     const KlyngeChartRow  *row,
                     guint                  before,
                     guint                  after,
                     double                *difference,
                     double                *lower,
                     double                *upper)
{
  const gint64 *num = row != NULL ? row->series_numerators : data->cluster_numerators;
  const gint64 *den = row != NULL ? row->series_denominators : data->cluster_denominators;

  if (num == NULL || den == NULL
      || !klynge_stats_difference (num[before], den[before], num[after], den[after], 0.95, difference, lower, upper))
    return 0;
  if (*lower > 0)
    return data->higher_is_better ? 1 : -1;
  if (*upper < 0)
    return data->higher_is_better ? -1 : 1;
  return 0;
}

static void
caption_before_after (const KlyngeChartData    *data,
                      const KlyngeChartOptions *options,
                      GPtrArray                *out)
{
  guint before, after, improved = 0, worse = 0, both = 0;
  double difference, lower, upper;
  int cluster;

  if (!before_after_periods (data, &before, &after))
    {
      g_ptr_array_add (out, g_strdup (_("Before and after needs measurements from two periods.")));
      return;
    }
  for (guint i = 0; i < data->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);
      double d, l, u;
      int change;

      if (isnan (row->series[before]) || isnan (row->series[after]))
        continue;
      both++;
      change = klynge_chart_change (data, row, before, after, &d, &l, &u);
      improved += change > 0;
      worse += change < 0;
    }
  {
    g_autofree char *a = klynge_chart_format_value (data, data->cluster_series[before], 0);
    g_autofree char *b = klynge_chart_format_value (data, data->cluster_series[after], 0);
    g_autofree char *k = _klynge_chart_format_count (improved), *w = _klynge_chart_format_count (worse), *rest = _klynge_chart_format_count (both - improved - worse);
    g_autofree char *n = _klynge_chart_format_count (both);
    g_autofree char *before_label = _klynge_chart_period_label (data, before), *after_label = _klynge_chart_period_label (data, after);

    g_ptr_array_add (out, g_strdup_printf (_("Cluster: %1$s in %2$s, %3$s in %4$s."), a, before_label, b, after_label));
    cluster = klynge_chart_change (data, NULL, before, after, &difference, &lower, &upper);
    if (data->cluster_denominators != NULL && data->cluster_denominators[before] > 0 && data->cluster_denominators[after] > 0)
      {
        g_autofree char *change = format_change (data, difference);
        g_autofree char *lo = format_signed (_klynge_chart_shown (data, lower)), *hi = format_signed (_klynge_chart_shown (data, upper));

        g_ptr_array_add (out, g_strdup_printf (cluster > 0 ? _("The change, %1$s (95 %% interval %2$s to %3$s), is an improvement beyond chance.")
                                               : cluster < 0 ? _("The change, %1$s (95 %% interval %2$s to %3$s), is a worsening beyond chance.")
                                               : _("The change, %1$s (95 %% interval %2$s to %3$s), can be chance."),
                                               change, lo, hi));
      }
    g_ptr_array_add (out, g_strdup_printf (ngettext ("Of %1$s clinic: %2$s improved beyond chance, %3$s got worse, %4$s show no clear change.",
                                                     "Of %1$s clinics: %2$s improved beyond chance, %3$s got worse, %4$s show no clear change.",
                                                     both), n, k, w, rest));
  }
}

const KlyngeChartKindClass _klynge_chart_before_after_class = {
  .name = "before-after",
  .label = N_("Before and after"),
  .axis_below = 1.9,
  .legend = legend_before_after,
  .draw = draw_before_after,
  .caption = caption_before_after,
  .describe = _klynge_chart_describe_row,
};
