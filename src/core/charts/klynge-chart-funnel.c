/* klynge-chart-funnel.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The funnel plot: each clinic's value against its size, between the
 * limits chance allows; and the judgement of each clinic that the bars,
 * the caption and the workbook share.
 */

#include "klynge-i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "klynge-chart-private.h"

/* Rates per 1,000 are counts of events: Poisson; anything else with counts is a proportion. */
static KlyngeStatsModel
stats_model (const KlyngeChartData *data)
{
  return g_strcmp0 (data->unit, "rate") == 0 ? KLYNGE_STATS_POISSON : KLYNGE_STATS_BINOMIAL;
}

/* What the clinics are compared with: the cluster's pooled value, or the
 * reference when asked for and set (entered in the unit shown). */
static double
funnel_centre (const KlyngeChartData    *data,
               const KlyngeChartOptions *options)
{
  if (options->around_reference && !isnan (data->reference) && data->has_pooled)
    return data->reference / klynge_chart_data_scale (data);
  return data->pooled;
}

/**
 * klynge_chart_funnel_classify:
 * @flags: (out caller-allocates) (nullable): per row −2 or −1 below the
 *   99.8 % or 95 % limits, 0 inside (or without counts), 1 or 2 above
 * @summary: (out): the counts a caption tells
 *
 * Judges each clinic with counts by its exact tail probability under the
 * centre (klynge_stats_flag()), or against the random-effects limits when
 * they are widened for over-dispersion (klynge_stats_random_effects_flag()).
 * The drawn limits are the interpolated curves of the same levels.
 */
void
klynge_chart_funnel_classify (const KlyngeChartData    *data,
                              const KlyngeChartOptions *options,
                              gint8                    *flags,
                              KlyngeFunnelSummary      *summary)
{
  KlyngeStatsModel model = stats_model (data);
  g_autofree gint64 *numerators = g_new (gint64, MAX (data->rows->len, 1));
  g_autofree gint64 *denominators = g_new (gint64, MAX (data->rows->len, 1));

  memset (summary, 0, sizeof *summary);
  summary->centre = funnel_centre (data, options);
  for (guint i = 0; i < data->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

      numerators[i] = row->has_counts ? row->numerator : 0;
      denominators[i] = row->has_counts ? row->denominator : 0;
    }
  if (data->has_pooled)
    summary->has_dispersion = klynge_stats_overdispersion (model, numerators, denominators, data->rows->len,
                                                           summary->centre, &summary->dispersion);
  summary->overdispersed = summary->has_dispersion && summary->dispersion.p_value < 0.05 && summary->dispersion.tau2 > 0;
  summary->adjusted = summary->has_dispersion && summary->dispersion.tau2 > 0
                      && (options->limits == KLYNGE_LIMITS_WIDENED
                          || (options->limits == KLYNGE_LIMITS_AUTO && summary->overdispersed));

  for (guint i = 0; i < data->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);
      int flag = 0;

      if (row->has_counts && row->denominator > 0 && data->has_pooled)
        {
          summary->n_testable++;
          flag = summary->adjusted
                 ? klynge_stats_random_effects_flag (model, row->numerator, row->denominator, summary->centre,
                                                     summary->dispersion.tau2)
                 : klynge_stats_flag (model, row->numerator, row->denominator, summary->centre);
        }
      if (flag != 0)
        {
          summary->n_outside_95++;
          if ((flag > 0) == data->higher_is_better)
            summary->n_better++;
          else
            summary->n_worse++;
        }
      if (ABS (flag) == 2)
        summary->n_outside_998++;
      if (flags != NULL)
        flags[i] = flag;
    }
}

/**
 * klynge_chart_funnel_limits:
 * @summary: from klynge_chart_funnel_classify()
 *
 * The limits drawn at @denominator: the interpolated exact limits (binomial,
 * or Poisson for rates), or the random-effects limits when widened.
 */
void
klynge_chart_funnel_limits (const KlyngeChartData     *data,
                            const KlyngeFunnelSummary *summary,
                            const KlyngeChartOptions  *options,
                            gint64                     denominator,
                            double                     coverage,
                            double                    *lower,
                            double                    *upper)
{
  KlyngeStatsModel model = stats_model (data);

  if (summary->adjusted)
    klynge_stats_random_effects_limits (model, summary->centre, summary->dispersion.tau2, denominator, coverage, lower, upper);
  else if (model == KLYNGE_STATS_POISSON)
    klynge_stats_poisson_limits (summary->centre, denominator, coverage, lower, upper);
  else
    klynge_stats_funnel_limits (summary->centre, denominator, coverage, options->funnel_method, lower, upper);
}

/**
 * klynge_chart_funnel_curves:
 * @summary: from klynge_chart_funnel_classify()
 *
 * Samples the limits of @data's funnel plot across its x axis, for the
 * chart on the screen and the workbook's chart alike.
 */
void
klynge_chart_funnel_curves (const KlyngeChartData     *data,
                            const KlyngeFunnelSummary *summary,
                            const KlyngeChartOptions  *options,
                            KlyngeFunnelCurves        *curves)
{
  static const double coverage[2] = { 0.95, 0.998 };
  double n_min = G_MAXDOUBLE, n_max = 0, magnitude, start;

  curves->lo = G_MAXDOUBLE;
  curves->hi = -G_MAXDOUBLE;
  for (guint i = 0; i < data->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

      /* A bare value has no denominator to stand at. */
      if (!row->has_counts)
        continue;
      n_min = MIN (n_min, row->denominator);
      n_max = MAX (n_max, row->denominator);
      curves->lo = MIN (curves->lo, row->value);
      curves->hi = MAX (curves->hi, row->value);
    }

  /* The x axis: a round maximum above the largest clinic. */
  magnitude = pow (10, floor (log10 (n_max * 1.05)));
  curves->x_step = magnitude * (n_max * 1.05 / magnitude <= 2 ? 0.5 : n_max * 1.05 / magnitude <= 5 ? 1 : 2);
  curves->x_max = ceil (n_max * 1.05 / curves->x_step) * curves->x_step;

  /* The limits from half the smallest clinic on, sampled evenly in log n
   * where they bend most. */
  start = MAX (1, n_min / 2);
  for (int s = 0; s < KLYNGE_FUNNEL_SAMPLES; s++)
    {
      curves->n[s] = start * pow (curves->x_max / start, (double) s / (KLYNGE_FUNNEL_SAMPLES - 1));
      for (int c = 0; c < 2; c++)
        {
          klynge_chart_funnel_limits (data, summary, options, (gint64) round (curves->n[s]), coverage[c],
                                      &curves->limits[2 * c][s], &curves->limits[2 * c + 1][s]);
          if (curves->n[s] >= n_min * 0.9)
            {
              curves->lo = MIN (curves->lo, curves->limits[2 * c][s]);
              curves->hi = MAX (curves->hi, curves->limits[2 * c + 1][s]);
            }
        }
    }
  curves->lo = MIN (curves->lo, summary->centre);
  curves->hi = MAX (curves->hi, summary->centre);
}

static double
to_x (Ctx    *ctx,
      double  n,
      double  xmax)
{
  return ctx->x0 + n / xmax * (ctx->x1 - ctx->x0);
}

static void
draw_x_axis_counts (Ctx    *ctx,
                    double  xmax,
                    double  step)
{
  for (double v = 0; v <= xmax + step / 1000; v += step)
    {
      double x = round (to_x (ctx, v, xmax)) + 0.5;
      g_autofree char *label = _klynge_chart_format_number (v, 0);

      klynge_chart_set_source (ctx->cr, &ctx->style->grid);
      _klynge_chart_set_line (ctx, 0.05, 0);
      cairo_move_to (ctx->cr, x, ctx->y0);
      cairo_line_to (ctx->cr, x, ctx->y1);
      cairo_stroke (ctx->cr);
      klynge_chart_set_source (ctx->cr, &ctx->style->muted);
      klynge_chart_text (ctx->cr, label, SIZE_LABEL * ctx->u, 0, x, ctx->y1 + 0.3 * ctx->u, 0, 0.5, 0);
    }
  klynge_chart_text (ctx->cr, _("Denominator (patients in the clinic’s count)"), SIZE_LABEL * ctx->u, 0,
                     ctx->x1, ctx->y1 + 1.5 * ctx->u, 0, 1, 0);
}

#define FUNNEL_SAMPLES KLYNGE_FUNNEL_SAMPLES

static gboolean
rects_overlap (const KlyngeChartRect *a,
               const KlyngeChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Liang–Barsky: whether the segment (x0, y0)–(x1, y1) passes through @rect. */
static gboolean
segment_crosses (const KlyngeChartRect *rect,
                 const double          *segment)
{
  double dx = segment[2] - segment[0], dy = segment[3] - segment[1], t0 = 0, t1 = 1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { segment[0] - rect->x, rect->x + rect->width - segment[0],
                  segment[1] - rect->y, rect->y + rect->height - segment[1] };

  for (int k = 0; k < 4; k++)
    {
      double t;

      if (p[k] == 0)
        {
          if (q[k] < 0)
            return FALSE;
          continue;
        }
      t = q[k] / p[k];
      if (p[k] < 0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

/**
 * klynge_chart_place_label:
 * @mark: the box of the point the label names
 * @gap: the space between the point and its label
 * @bounds: where a label may go
 * @segments: (array length=n_segments): lines a label must not cover, four
 *   doubles (x0, y0, x1, y1) each
 * @placed: (element-type KlyngeChartRect): the labels placed so far; the new
 *   one is appended
 * @label: (out): where the label goes
 *
 * Greedy placement: right of the point, left, above, below, then the four
 * corners, the first place inside @bounds that covers neither a line nor a
 * placed label. A letter is
 * easier to read beside the line than on it, and when nothing fits it is
 * better left to the tooltip and legend than drawn over the limits.
 *
 * Returns: %FALSE when no place fits; the label is then not drawn
 */
gboolean
klynge_chart_place_label (const KlyngeChartRect *mark,
                          double                 width,
                          double                 height,
                          double                 gap,
                          const KlyngeChartRect *bounds,
                          const double          *segments,
                          guint                  n_segments,
                          GArray                *placed,
                          KlyngeChartRect       *label)
{
  double cx = mark->x + mark->width / 2, cy = mark->y + mark->height / 2;
  const KlyngeChartRect candidates[] = {
    { mark->x + mark->width + gap, cy - height / 2, width, height },
    { mark->x - gap - width, cy - height / 2, width, height },
    { cx - width / 2, mark->y - gap - height, width, height },
    { cx - width / 2, mark->y + mark->height + gap, width, height },
    { mark->x + mark->width, mark->y - height, width, height },
    { mark->x + mark->width, mark->y + mark->height, width, height },
    { mark->x - width, mark->y - height, width, height },
    { mark->x - width, mark->y + mark->height, width, height },
  };

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      const KlyngeChartRect *r = &candidates[c];
      gboolean free = r->x >= bounds->x && r->y >= bounds->y
                      && r->x + r->width <= bounds->x + bounds->width && r->y + r->height <= bounds->y + bounds->height;

      for (guint k = 0; free && k < n_segments; k++)
        free = !segment_crosses (r, segments + 4 * k);
      for (guint k = 0; free && k < placed->len; k++)
        free = !rects_overlap (r, &g_array_index (placed, KlyngeChartRect, k));
      if (free)
        {
          *label = *r;
          g_array_append_val (placed, *label);
          return TRUE;
        }
    }
  return FALSE;
}

static double
marker_radius (double   radius,
               int      flag,
               gboolean highlighted)
{
  return flag != 0 || highlighted ? radius * 1.4 : radius;
}

/* The box of clinic @i's point as drawn. */
static KlyngeChartRect
mark_of (Ctx                   *ctx,
         const KlyngeChartData *data,
         const gint8           *flags,
         guint                  i,
         double                 radius,
         double                 xmax)
{
  const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);
  double x = to_x (ctx, row->denominator, xmax);
  double y = _klynge_chart_to_y (ctx, _klynge_chart_shown (data, row->value));
  double r = marker_radius (radius, flags[i], row->highlighted);

  if (row->highlighted)
    r = _klynge_chart_ring_radius (ctx, r);
  return (KlyngeChartRect) { x - r, y - r, 2 * r, 2 * r };
}

/* Labels for every clinic of a usual cluster; among thousands only the few
 * outside the limits. The highlighted clinic is placed first, then the clinics
 * outside the 99.8 % limits, the 95 % limits, the rest. A label keeps off
 * the other clinics' points as off the labels placed before it: of two
 * clinics side by side, one's letter on the other's point reads as the
 * other's. */
static void
draw_funnel_labels (Ctx          *ctx,
                    const KlyngeChartData *data,
                    const gint8  *flags,
                    guint         n_outside,
                    double        radius,
                    const double *ns,
                    double        curves[4][FUNNEL_SAMPLES],
                    double        xmax)
{
  const double levels[] = { _klynge_chart_shown (data, data->pooled), data->reference, data->target };
  g_autofree double *segments = g_new (double, 4 * (4 * (FUNNEL_SAMPLES - 1) + G_N_ELEMENTS (levels)));
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (KlyngeChartRect));
  /* The points and the labels: what a label had best keep off. */
  g_autoptr(GArray) clear = g_array_new (FALSE, FALSE, sizeof (KlyngeChartRect));
  double gap = 0.15 * ctx->u;
  KlyngeChartRect bounds = { ctx->x0, ctx->y0, ctx->x1 - ctx->x0, ctx->y1 - ctx->y0 };
  double size = SIZE_LABEL * ctx->u;
  /* Labels are one line: one height for all, measured once, as pango's layouts are what a redraw spends its time on. */
  double height = klynge_chart_text (ctx->cr, "A", size, KLYNGE_TEXT_MEASURE, 0, 0, 0, 0, 0);
  guint n_segments = 0, n_limits;

  for (int c = 0; c < 4; c++)
    for (int s = 0; s + 1 < FUNNEL_SAMPLES; s++)
      {
        double *segment = segments + 4 * n_segments;

        segment[0] = to_x (ctx, ns[s], xmax);
        segment[1] = _klynge_chart_to_y (ctx, _klynge_chart_shown (data, curves[c][s]));
        segment[2] = to_x (ctx, ns[s + 1], xmax);
        segment[3] = _klynge_chart_to_y (ctx, _klynge_chart_shown (data, curves[c][s + 1]));
        if (isfinite (segment[1]) && isfinite (segment[3]))
          n_segments++;
      }
  n_limits = n_segments;
  /* The cluster's line, the reference and the target are better kept clear
   * too, but a label on them beats no label. */
  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    if (isfinite (levels[l]))
      {
        double *segment = segments + 4 * n_segments++;

        segment[0] = ctx->x0;
        segment[2] = ctx->x1;
        segment[1] = segment[3] = _klynge_chart_to_y (ctx, levels[l]);
      }

  for (guint i = 0; i < data->rows->len; i++)
    if (((const KlyngeChartRow *) g_ptr_array_index (data->rows, i))->has_counts)
      {
        KlyngeChartRect mark = mark_of (ctx, data, flags, i, radius, xmax);

        g_array_append_val (clear, mark);
      }

  klynge_chart_set_source (ctx->cr, &ctx->style->foreground);
  for (int rank = 3; rank >= 0; rank--)
    for (guint i = 0; i < data->rows->len; i++)
      {
        const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);
        KlyngeTextFlags text_flags = row->highlighted ? KLYNGE_TEXT_BOLD : 0;
        double width;
        KlyngeChartRect mark, label;

        if (!row->has_counts || (row->highlighted ? 3 : ABS (flags[i])) != rank
            || !(data->rows->len <= 70 || (flags[i] != 0 && n_outside <= 20) || row->highlighted))
          continue;
        mark = mark_of (ctx, data, flags, i, radius, xmax);
        width = klynge_chart_text (ctx->cr, row->label, size, text_flags | KLYNGE_TEXT_MEASURE_WIDTH, 0, 0, 0, 0, 0);
        /* Among thousands of points a letter may find no free place:
         * beside a point then, rather than none. */
        if (klynge_chart_place_label (&mark, width, height, gap, &bounds, segments, n_segments, clear, &label)
            || klynge_chart_place_label (&mark, width, height, gap, &bounds, segments, n_limits, clear, &label))
          g_array_append_val (placed, label);
        else if (klynge_chart_place_label (&mark, width, height, gap, &bounds, segments, n_limits, placed, &label))
          g_array_append_val (clear, label);
        else
          continue;
        klynge_chart_text (ctx->cr, row->label, size, text_flags, label.x, label.y, 0, 0, 0);
      }
}

/* Direction as colour and shape, the level as fill: a circle for a clinic
 * like the others, a diamond for better, a triangle for worse; hollow
 * outside the 95 % limits, filled outside the 99.8 % limits. */
static const KlyngeRgb *
marker (Ctx             *ctx,
        double           x,
        double           y,
        double           r,
        int              flag,
        const KlyngeRgb *inside)
{
  gboolean better = flag != 0 && (flag > 0) == ctx->data->higher_is_better;
  const KlyngeRgb *colour = flag == 0 ? inside : better ? &ctx->style->better : &ctx->style->alarm;

  klynge_chart_set_source (ctx->cr, colour);
  cairo_new_sub_path (ctx->cr);
  if (flag == 0)
    cairo_arc (ctx->cr, x, y, r, 0, 2 * G_PI);
  else if (better)
    {
      cairo_move_to (ctx->cr, x, y - 1.2 * r);
      cairo_line_to (ctx->cr, x + 1.2 * r, y);
      cairo_line_to (ctx->cr, x, y + 1.2 * r);
      cairo_line_to (ctx->cr, x - 1.2 * r, y);
      cairo_close_path (ctx->cr);
    }
  else
    {
      cairo_move_to (ctx->cr, x, y - 1.25 * r);
      cairo_line_to (ctx->cr, x + 1.15 * r, y + 0.8 * r);
      cairo_line_to (ctx->cr, x - 1.15 * r, y + 0.8 * r);
      cairo_close_path (ctx->cr);
    }
  if (ABS (flag) == 1)
    {
      klynge_chart_set_source (ctx->cr, &ctx->style->background);
      cairo_fill_preserve (ctx->cr);
      klynge_chart_set_source (ctx->cr, colour);
      cairo_set_line_width (ctx->cr, MAX (1.5, 0.3 * r));
      cairo_set_dash (ctx->cr, NULL, 0, 0);
      cairo_stroke (ctx->cr);
    }
  else
    cairo_fill (ctx->cr);
  return colour;
}

/* The funnel's legend: what the shapes and the two kinds of line mean, and
 * the highlighted clinic when it is drawn (it has counts). */
static void
legend_funnel (Ctx *ctx)
{
  if (!ctx->data->has_pooled)
    return;
  ctx->legend.mark = 2.2;
  _klynge_chart_legend_add (ctx, NULL, _("Like the cluster"));
  _klynge_chart_legend_add (ctx, NULL, _("Better"));
  _klynge_chart_legend_add (ctx, NULL, _("Worse"));
  /* xgettext:no-c-format */
  _klynge_chart_legend_add (ctx, NULL, _("95 % limits, hollow"));
  /* xgettext:no-c-format */
  _klynge_chart_legend_add (ctx, NULL, _("99.8 % limits, filled"));
  for (guint i = ctx->data->rows->len; i-- > 0;)
    {
      const KlyngeChartRow *row = g_ptr_array_index (ctx->data->rows, i);

      if (row->highlighted && row->has_counts)
        {
          _klynge_chart_legend_add (ctx, NULL, row->label);
          break;
        }
    }
}

/* Draws the legend with the funnel's own marks; the highlighted clinic's as
 * it is in the plot (@highlighted_flag). */
static void
funnel_legend (Ctx *ctx,
               int  highlighted_flag)
{
  const KlyngeChartLegend *legend = &ctx->legend;
  static const int shapes[] = { 0, 2, -2 };
  double size = SIZE_LABEL * ctx->u;

  for (guint i = 0; i < legend->n; i++)
    {
      double x = legend->xs[i], y = legend->ys[i], text_x = x + 2.2 * size;

      if (i < 3)
        {
          int flag = ctx->data->higher_is_better ? shapes[i] : -shapes[i];

          marker (ctx, x + size, y, 0.5 * size, flag, &ctx->style->similar);
          text_x = x + 1.8 * size;
        }
      else if (i < 5)
        {
          klynge_chart_set_source (ctx->cr, &ctx->style->muted);
          _klynge_chart_set_line (ctx, i == 3 ? 0.08 : 0.12, i == 3 ? 1 : 0);
          cairo_move_to (ctx->cr, x, y);
          cairo_line_to (ctx->cr, x + 1.8 * size, y);
          cairo_stroke (ctx->cr);
          cairo_set_dash (ctx->cr, NULL, 0, 0);
        }
      else
        {
          marker (ctx, x + size, y, 0.5 * size, highlighted_flag, &ctx->style->highlight);
          _klynge_chart_ring (ctx, x + size, y, 0.75 * size);
          text_x = x + 2.0 * size;
        }
      klynge_chart_set_source (ctx->cr, &ctx->style->foreground);
      klynge_chart_text (ctx->cr, legend->labels[i], size, KLYNGE_TEXT_ELLIPSIS, text_x, y, x + legend->widths[i] - text_x - 0.3 * ctx->u, 0, 0.5);
    }
}

static void
draw_funnel (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  double xmax, xstep, radius;
  KlyngeFunnelCurves curves;
  g_autofree gint8 *flags = g_new0 (gint8, MAX (data->rows->len, 1));
  KlyngeFunnelSummary summary;
  int highlighted_flag = 0;

  if (!data->has_pooled)
    {
      _klynge_chart_draw_message (ctx, _("No funnel plot"), _("A funnel plot needs a numerator and a denominator for each clinic."));
      return;
    }
  klynge_chart_funnel_classify (data, ctx->options, flags, &summary);
  klynge_chart_funnel_curves (data, &summary, ctx->options, &curves);
  xmax = curves.x_max;
  xstep = curves.x_step;
  _klynge_chart_nice_axis (ctx, _klynge_chart_shown (data, curves.lo), _klynge_chart_shown (data, curves.hi), 0, _klynge_chart_ceiling_of (data));
  _klynge_chart_draw_y_axis (ctx);
  draw_x_axis_counts (ctx, xmax, xstep);

  cairo_save (ctx->cr);
  cairo_rectangle (ctx->cr, ctx->x0, ctx->y0, ctx->x1 - ctx->x0, ctx->y1 - ctx->y0);
  cairo_clip (ctx->cr);
  for (int c = 0; c < 4; c++)
    {
      klynge_chart_set_source (ctx->cr, &ctx->style->muted);
      _klynge_chart_set_line (ctx, c < 2 ? 0.08 : 0.12, c < 2 ? 1 : 0);
      for (int s = 0; s < FUNNEL_SAMPLES; s++)
        {
          double x = to_x (ctx, curves.n[s], xmax), y = _klynge_chart_to_y (ctx, _klynge_chart_shown (data, curves.limits[c][s]));

          if (s == 0)
            cairo_move_to (ctx->cr, x, y);
          else
            cairo_line_to (ctx->cr, x, y);
        }
      cairo_stroke (ctx->cr);
    }
  cairo_restore (ctx->cr);
  cairo_set_dash (ctx->cr, NULL, 0, 0);
  _klynge_chart_draw_cluster_levels (ctx);

  radius = CLAMP (0.4 * ctx->u * sqrt (40.0 / MAX (data->rows->len, 1)), 0.12 * ctx->u, 0.4 * ctx->u);
  /* Inside first, so that emphasised clinics are drawn on top. */
  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < data->rows->len; i++)
      {
        const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);
        gboolean front = row->highlighted ? pass == 2 : ABS (flags[i]) == pass;
        double x, y, r = marker_radius (radius, flags[i], row->highlighted), box;

        if (!front || !row->has_counts)
          continue;
        x = to_x (ctx, row->denominator, xmax);
        y = _klynge_chart_to_y (ctx, _klynge_chart_shown (data, row->value));
        /* The highlighted clinic keeps the colour that says where it lies; its ring says whose it is. */
        marker (ctx, x, y, r, flags[i], _klynge_chart_inside_colour (ctx, row));
        if (row->highlighted)
          {
            r = _klynge_chart_ring_radius (ctx, r * 1.2);
            _klynge_chart_ring (ctx, x, y, r);
            highlighted_flag = flags[i];
          }
        box = MAX (r, 4);
        _klynge_chart_add_hit (ctx, x - box, y - box, 2 * box, 2 * box, i);
      }
  draw_funnel_labels (ctx, data, flags, summary.n_outside_95, radius, curves.n, curves.limits, xmax);
  funnel_legend (ctx, highlighted_flag);
}

/* How the clinics outside the 95 % limits lie, and what that can mean. */
static void
outside_sentences (const KlyngeFunnelSummary *summary,
                   GPtrArray                 *out)
{
  guint n = summary->n_testable, k = summary->n_outside_95;
  g_autofree char *count = _klynge_chart_format_count (n), *outside = _klynge_chart_format_count (k);
  g_autofree char *better = _klynge_chart_format_count (summary->n_better), *worse = _klynge_chart_format_count (summary->n_worse);

  if (k == 0)
    {
      g_ptr_array_add (out, g_strdup_printf (ngettext ("The %s clinic lies within the 95 %% limits: its difference from the cluster can be chance.",
                                                       "All %s clinics lie within the 95 %% limits: the differences between them can be chance.",
                                                       n), count));
      return;
    }
  if (k == n)
    /* Translators: "All 3 clinics lie outside the 95 % limits: 2 better than the cluster, 1 worse." */
    g_ptr_array_add (out, g_strdup_printf (_("All %1$s clinics lie outside the 95 %% limits: %2$s better than the cluster, %3$s worse."),
                                           count, better, worse));
  else
    /* Translators: "2 of 11 clinics lie outside the 95 % limits: 1 better than the cluster, 1 worse." */
    g_ptr_array_add (out, g_strdup_printf (ngettext ("%1$s of %2$s clinics lies outside the 95 %% limits: %3$s better than the cluster, %4$s worse.",
                                                     "%1$s of %2$s clinics lie outside the 95 %% limits: %3$s better than the cluster, %4$s worse.", k),
                                           outside, count, better, worse));
  if (summary->n_outside_998 > 0)
    {
      g_autofree char *far = _klynge_chart_format_count (summary->n_outside_998);

      if (summary->adjusted)
        g_ptr_array_add (out, g_strdup_printf (ngettext ("%s of them lies outside the 99.8 %% limits too: unusual even for clinics this varied.",
                                                         "%s of them lie outside the 99.8 %% limits too: unusual even for clinics this varied.",
                                                         summary->n_outside_998), far));
      else
        g_ptr_array_add (out, g_strdup_printf (ngettext ("%s of them lies outside the 99.8 %% limits too: unlikely to be chance.",
                                                         "%s of them lie outside the 99.8 %% limits too: unlikely to be chance.",
                                                         summary->n_outside_998), far));
    }
  /* Each clinic is outside the 95 % limits by chance at most one time in
   * twenty: k of n is chance only while Binomial(n, 0.05) often reaches k. */
  else if (klynge_stats_binomial_upper (k, n, 0.05) >= 0.05)
    /* xgettext:no-c-format */
    g_ptr_array_add (out, g_strdup (_("None lies outside the 99.8 % limits: this many can well be chance.")));
  else
    /* xgettext:no-c-format */
    g_ptr_array_add (out, g_strdup (_("None lies outside the 99.8 % limits, but this many outside the 95 % limits is more than chance would give.")));
}

static void
caption_funnel (const KlyngeChartData    *data,
                const KlyngeChartOptions *options,
                GPtrArray                *out)
{
  KlyngeFunnelSummary summary;

  if (!data->has_pooled)
    {
      g_ptr_array_add (out, g_strdup (_("A funnel plot needs a numerator and a denominator for each clinic.")));
      return;
    }
  klynge_chart_funnel_classify (data, options, NULL, &summary);
  if (summary.n_testable == 1)
    g_ptr_array_add (out, g_strdup (_("Only one clinic reported: nothing to compare.")));
  else if (summary.n_testable > 1)
    {
      if (summary.adjusted)
        g_ptr_array_add (out, g_strdup (_("The clinics differ more than chance alone explains; limits widened for that.")));
      else if (summary.overdispersed)
        g_ptr_array_add (out, g_strdup (_("The clinics differ more than chance alone explains.")));
      outside_sentences (&summary, out);
      if (options->show_dispersion && summary.has_dispersion)
        {
          char phi[32], p[32];

          /* φ and p as a statistician writes them, in the locale's digits. */
          snprintf (phi, sizeof phi, "%.2f", summary.dispersion.phi);
          snprintf (p, sizeof p, "%.2g", summary.dispersion.p_value);
          /* Translators: φ is the over-dispersion factor, p the probability of the test */
          g_ptr_array_add (out, g_strdup_printf (_("Over-dispersion φ = %1$s (p = %2$s)."), phi, p));
        }
    }
  _klynge_chart_highlighted_sentence (data, out);
  g_ptr_array_add (out, _klynge_chart_pooled_sentence (data));
  if (options->around_reference && !isnan (data->reference))
    {
      g_autofree char *reference = klynge_chart_format_value (data, summary.centre, 0);

      g_ptr_array_add (out, g_strdup_printf (_("Limits around the reference, %s."), reference));
    }
}

const KlyngeChartKindClass _klynge_chart_funnel_class = {
  .name = "funnel",
  .label = N_("Funnel plot"),
  .axis_below = 3.4,
  .legend = legend_funnel,
  .draw = draw_funnel,
  .caption = caption_funnel,
  .describe = _klynge_chart_describe_row,
};
