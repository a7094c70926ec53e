/* klynge-chart-p-chart.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laney's P′ chart: the cluster over the periods between limits widened
 * for the variation between periods.
 */

#include "klynge-i18n.h"

#include <math.h>
#include <stdio.h>

#include "klynge-chart-private.h"

/* Laney's P′ chart of the cluster: its points with the 3-sigma limits.
 * Returns: the centre line; @lower, @upper and @outside per period */
static double
p_chart_limits (const KlyngeChartData *data,
                double                *lower,
                double                *upper,
                gboolean              *outside,
                double                *sigma_z)
{
  double centre = klynge_stats_p_chart (data->cluster_numerators, data->cluster_denominators, data->periods->len, TRUE,
                                        lower, upper, sigma_z);

  for (guint p = 0; p < data->periods->len; p++)
    outside[p] = data->cluster_denominators[p] > 0 && !isnan (lower[p])
                 && (data->cluster_series[p] < lower[p] || data->cluster_series[p] > upper[p]);
  return centre;
}

/* A P′ chart needs counts in two neighbouring periods of a proportion. */
static gboolean
p_chart_drawable (const KlyngeChartData *data)
{
  g_autofree double *lower = g_new (double, MAX (data->periods->len, 1));
  g_autofree double *upper = g_new (double, MAX (data->periods->len, 1));
  g_autofree gboolean *outside = g_new (gboolean, MAX (data->periods->len, 1));
  double sigma_z;

  if (!_klynge_chart_is_proportion (data) || data->cluster_denominators == NULL)
    return FALSE;
  p_chart_limits (data, lower, upper, outside, &sigma_z);
  return !isnan (sigma_z);
}

static void
legend_p_chart (Ctx *ctx)
{
  guint n = ctx->data->periods->len;
  g_autofree double *lower = NULL, *upper = NULL;
  g_autofree gboolean *outside = NULL;
  double sigma_z;

  if (!p_chart_drawable (ctx->data))
    return;
  lower = g_new (double, n);
  upper = g_new (double, n);
  outside = g_new (gboolean, n);
  p_chart_limits (ctx->data, lower, upper, outside, &sigma_z);
  _klynge_chart_legend_add (ctx, &ctx->style->foreground, _("Cluster"));
  _klynge_chart_legend_add (ctx, &ctx->style->pooled, _("Average"));
  _klynge_chart_legend_add (ctx, &ctx->style->muted, _("3-sigma limits (P′)"));
  /* An entry for points outside the limits only when there are any: a key
   * to a mark the chart does not show reads as if something were wrong. */
  for (guint p = 0; p < n; p++)
    if (outside[p])
      {
        _klynge_chart_legend_add (ctx, &ctx->style->alarm, _("Outside the limits"));
        break;
      }
}

static void
draw_p_chart (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  guint n = data->periods->len;
  g_autofree double *lower = g_new (double, MAX (n, 1)), *upper = g_new (double, MAX (n, 1));
  g_autofree double *flagged = g_new (double, MAX (n, 1));
  g_autofree gboolean *outside = g_new (gboolean, MAX (n, 1)), *hollow = g_new0 (gboolean, MAX (n, 1));
  g_autofree char *centre_value = NULL, *centre_label = NULL;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, centre, sigma_z;
  guint most = _klynge_chart_most_clinics (data);
  KlyngeRunsTest runs;

  if (!p_chart_drawable (data))
    {
      _klynge_chart_draw_message (ctx, _("No P′ chart"), _("A P′ chart needs a numerator and a denominator in two neighbouring periods."));
      return;
    }
  centre = p_chart_limits (data, lower, upper, outside, &sigma_z);
  for (guint p = 0; p < n; p++)
    {
      const double values[] = { data->cluster_series[p], lower[p], upper[p] };

      for (guint k = 0; k < G_N_ELEMENTS (values); k++)
        if (!isnan (values[k]))
          lo = MIN (lo, values[k]), hi = MAX (hi, values[k]);
      flagged[p] = outside[p] ? data->cluster_series[p] : NAN;
      hollow[p] = _klynge_chart_thin_point (data, p, most);
    }
  _klynge_chart_nice_axis (ctx, _klynge_chart_shown (data, lo), _klynge_chart_shown (data, hi), 0, _klynge_chart_ceiling_of (data));
  _klynge_chart_draw_y_axis (ctx);
  _klynge_chart_draw_period_labels (ctx);
  _klynge_chart_draw_point_counts (ctx);
  _klynge_chart_draw_series (ctx, lower, &ctx->style->muted, 0.1, 0, NULL);
  _klynge_chart_draw_series (ctx, upper, &ctx->style->muted, 0.1, 0, NULL);
  /* qicharts2 dashes the centre line when the Anhøj rules find a shift. */
  klynge_stats_runs_around (data->cluster_series, n, centre, &runs);
  centre_value = klynge_chart_format_value (data, centre, 0);
  centre_label = g_strdup_printf (_("Average %s"), centre_value);
  _klynge_chart_draw_level (ctx, _klynge_chart_shown (data, centre), &ctx->style->pooled, runs.n_useful >= RUNS_MIN_POINTS && (runs.long_run || runs.few_crossings),
                            centre_label);
  _klynge_chart_draw_series (ctx, data->cluster_series, &ctx->style->foreground, 0.16, 0.22, hollow);
  _klynge_chart_draw_series (ctx, flagged, &ctx->style->alarm, 0, 0.32, NULL);
  _klynge_chart_legend (ctx);
}

static void
caption_p_chart (const KlyngeChartData    *data,
                 const KlyngeChartOptions *options,
                 GPtrArray                *out)
{
  guint n = data->periods->len, n_outside = 0;
  g_autofree double *lower = g_new (double, MAX (n, 1)), *upper = g_new (double, MAX (n, 1));
  g_autofree gboolean *outside = g_new (gboolean, MAX (n, 1));
  g_autofree char *centre_value = NULL, *outside_count = NULL;
  double centre, sigma_z;
  char sz[32];
  KlyngeRunsTest runs;

  if (!p_chart_drawable (data))
    {
      g_ptr_array_add (out, g_strdup (_("A P′ chart needs a numerator and a denominator in two neighbouring periods.")));
      return;
    }
  centre = p_chart_limits (data, lower, upper, outside, &sigma_z);
  centre_value = klynge_chart_format_value (data, centre, 0);
  /* σz as a statistician writes it, as φ is. */
  snprintf (sz, sizeof sz, "%.2f", sigma_z);
  /* Translators: σz is Laney's factor for the variation between periods */
  g_ptr_array_add (out, g_strdup_printf (sigma_z >= 1
                                         ? _("The cluster’s average is %1$s; Laney’s σz = %2$s widens the limits for the variation between periods.")
                                         : _("The cluster’s average is %1$s; Laney’s σz = %2$s narrows the limits: the periods vary less than chance would give."),
                                         centre_value, sz));
  for (guint p = 0; p < n; p++)
    n_outside += outside[p];
  outside_count = _klynge_chart_format_count (n_outside);
  if (n_outside == 0)
    g_ptr_array_add (out, g_strdup (_("No period lies outside the limits.")));
  else
    g_ptr_array_add (out, g_strdup_printf (ngettext ("%s period lies outside the limits: more than the variation between periods explains.",
                                                     "%s periods lie outside the limits: more than the variation between periods explains.",
                                                     n_outside), outside_count));
  klynge_stats_runs_around (data->cluster_series, n, centre, &runs);
  _klynge_chart_runs_sentences (&runs, TRUE, out);
  _klynge_chart_thin_sentences (data, out);
}

static void
p_chart_level_labels (const KlyngeChartData *data,
                      GPtrArray             *labels)
{
  g_autofree double *lower = g_new (double, data->periods->len), *upper = g_new (double, data->periods->len);
  g_autofree gboolean *outside = g_new (gboolean, data->periods->len);
  g_autofree char *value = NULL;
  double sigma_z;

  if (!p_chart_drawable (data))
    return;
  value = klynge_chart_format_value (data, p_chart_limits (data, lower, upper, outside, &sigma_z), 0);
  g_ptr_array_add (labels, g_strdup_printf (_("Average %s"), value));
}

const KlyngeChartKindClass _klynge_chart_p_chart_class = {
  .name = "p-chart",
  .label = N_("P′ chart (Laney)"),
  .over_periods = TRUE,
  .axis_below = 2.3,
  .legend = legend_p_chart,
  .draw = draw_p_chart,
  .caption = caption_p_chart,
  .level_labels = p_chart_level_labels,
  .describe = _klynge_chart_describe_row,
};
