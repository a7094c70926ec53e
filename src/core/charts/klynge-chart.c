/* klynge-chart.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The benchmark charts, drawn onto any cairo context at any size: the Charts
 * area, the presentation, PNG, SVG and PDF all run this code. Every length is
 * a multiple of one text unit derived from the size, so a slide reads the
 * same from the back of a room at 1920×1080 as at 3840×2160.
 */

#include "klynge-i18n.h"

#include <math.h>
#include <stdio.h>

#include "klynge-chart.h"
#include "klynge-format.h"

typedef struct
{
  cairo_t                  *cr;
  const KlyngeChartStyle   *style;
  const KlyngeChartData    *data;
  const KlyngeChartOptions *options;
  GArray                   *hits;
  double                    u;            /* the text unit */
  double                    x0, y0, x1, y1;
  double                    ymin, ymax, ystep;
  gboolean                  percent_axis;
  const char               *axis_unit;    /* above the axis: "per 1,000" for a rate */
} Ctx;

static const char *kind_names[KLYNGE_CHART_N_KINDS] = { "bars", "funnel", "run", "before-after", "attendance" };
static const char *kind_labels[KLYNGE_CHART_N_KINDS] = {
  N_("Benchmark bars"), N_("Funnel plot"), N_("Run chart"), N_("Before and after"), N_("Attendance"),
};

static char *
format_number (double value,
               int    digits)
{
  char buf[64];

  /* The ' flag groups thousands as LC_NUMERIC does: 1,329 or 1.329. */
  snprintf (buf, sizeof buf, "%'.*f", digits, value);
  return g_strdup (buf);
}

static gboolean
is_proportion (const KlyngeChartData *data)
{
  return data->has_pooled;
}

/* A row's value in the unit shown: a proportion is scaled (31 %), a bare value is as measured. */
static double
shown (const KlyngeChartData *data,
       double                 proportion)
{
  return is_proportion (data) ? proportion * klynge_chart_data_scale (data) : proportion;
}

/**
 * klynge_chart_format_value:
 * @proportion: a value as stored: a proportion for counted indicators
 *
 * Returns: (transfer full): "31 %", "4.2 per 1,000" or "12.5", as the locale writes numbers
 */
char *
klynge_chart_format_value (const KlyngeChartData *data,
                           double                 proportion,
                           int                    digits)
{
  g_autofree char *number = NULL;

  /* "4 %" hides what "4.2 %" tells when the values are small. */
  if (digits == 0 && is_proportion (data) && proportion > 0 && fabs (shown (data, proportion)) < 10)
    digits = 1;
  number = format_number (shown (data, proportion), digits);
  if (!is_proportion (data))
    return g_steal_pointer (&number);
  if (g_strcmp0 (data->unit, "percent") == 0)
    /* Translators: a percentage; Danish writes a space before the sign too */
    return g_strdup_printf (_("%s %%"), number);
  if (g_strcmp0 (data->unit, "rate") == 0)
    return g_strdup_printf (klynge_chart_data_scale (data) == 100000 ? _("%s per 100,000") : _("%s per 1,000"), number);
  return g_steal_pointer (&number);
}

static char *
format_count (gint64 value)
{
  return klynge_format_integer (value);
}

static void
set_line (Ctx    *ctx,
          double  width,
          int     dash)
{
  double w = MAX (1, width * ctx->u * ctx->style->line_scale);

  cairo_set_line_width (ctx->cr, w);
  if (dash == 1)
    {
      double d[] = { 4 * w, 3 * w };
      cairo_set_dash (ctx->cr, d, 2, 0);
    }
  else if (dash == 2)
    {
      double d[] = { w, 2 * w };
      cairo_set_dash (ctx->cr, d, 2, 0);
    }
  else
    cairo_set_dash (ctx->cr, NULL, 0, 0);
}

static double
to_y (Ctx    *ctx,
      double  value)
{
  return ctx->y1 - (value - ctx->ymin) / (ctx->ymax - ctx->ymin) * (ctx->y1 - ctx->y0);
}

/* A round step (1, 2 or 5 × 10^n) giving about five ticks over [lo, hi]. */
static void
nice_axis (Ctx    *ctx,
           double  lo,
           double  hi,
           double  floor_value,
           double  ceiling_value)
{
  double raw, magnitude, step;

  if (!(hi > lo))
    {
      lo -= 1;
      hi += 1;
    }
  raw = (hi - lo) / 5;
  magnitude = pow (10, floor (log10 (raw)));
  step = raw / magnitude <= 1 ? 1 : raw / magnitude <= 2 ? 2 : raw / magnitude <= 5 ? 5 : 10;
  step *= magnitude;
  ctx->ystep = step;
  ctx->ymin = MAX (floor_value, floor (lo / step) * step);
  ctx->ymax = MIN (ceiling_value, ceil (hi / step) * step);
  if (ctx->ymax <= ctx->ymin)
    ctx->ymax = ctx->ymin + step;
}

static void
draw_y_axis (Ctx *ctx)
{
  int digits = ctx->ystep < 1 ? (int) ceil (-log10 (ctx->ystep)) : 0;

  for (double v = ctx->ymin; v <= ctx->ymax + ctx->ystep / 1000; v += ctx->ystep)
    {
      double y = round (to_y (ctx, v)) + 0.5;
      g_autofree char *number = format_number (v, digits);
      /* Translators: a percentage; Danish writes a space before the sign too */
      g_autofree char *label = ctx->percent_axis ? g_strdup_printf (_("%s %%"), number) : g_strdup (number);

      klynge_chart_set_source (ctx->cr, &ctx->style->grid);
      set_line (ctx, 0.05, 0);
      cairo_move_to (ctx->cr, ctx->x0, y);
      cairo_line_to (ctx->cr, ctx->x1, y);
      cairo_stroke (ctx->cr);
      klynge_chart_set_source (ctx->cr, &ctx->style->muted);
      klynge_chart_text (ctx->cr, label, 0.75 * ctx->u, 0, ctx->x0 - 0.4 * ctx->u, y, 0, 1, 0.5);
    }
  if (ctx->axis_unit != NULL)
    klynge_chart_text (ctx->cr, ctx->axis_unit, 0.75 * ctx->u, 0, ctx->x0 - 0.4 * ctx->u,
                       to_y (ctx, ctx->ymax) - 0.9 * ctx->u, 0, 1, 1);
}

/* A horizontal line across the plot with its label at the right end. */
static void
draw_level (Ctx             *ctx,
            double           value,
            const KlyngeRgb *colour,
            int              dash,
            const char      *label)
{
  double y = to_y (ctx, value);

  if (isnan (value) || value < ctx->ymin || value > ctx->ymax)
    return;
  klynge_chart_set_source (ctx->cr, colour);
  set_line (ctx, 0.12, dash);
  cairo_move_to (ctx->cr, ctx->x0, y);
  cairo_line_to (ctx->cr, ctx->x1, y);
  cairo_stroke (ctx->cr);
  cairo_set_dash (ctx->cr, NULL, 0, 0);
  klynge_chart_text (ctx->cr, label, 0.7 * ctx->u, KLYNGE_TEXT_BOLD, ctx->x1, y - 0.15 * ctx->u, 0, 1, 1);
}

static void
add_hit (Ctx    *ctx,
         double  x,
         double  y,
         double  width,
         double  height,
         guint   index)
{
  KlyngeChartHit hit = { x, y, width, height, index };

  if (ctx->hits != NULL)
    g_array_append_val (ctx->hits, hit);
}

/* The clinics' colour, pale beside a highlighted clinic. */
static const KlyngeRgb *
peer_colour (Ctx *ctx)
{
  return ctx->options->names == KLYNGE_CHART_HIGHLIGHT ? &ctx->style->other : &ctx->style->mark;
}

static const KlyngeRgb *
row_colour (Ctx                  *ctx,
            const KlyngeChartRow *row)
{
  return row->highlighted ? &ctx->style->highlight : peer_colour (ctx);
}

static void
draw_message (Ctx        *ctx,
              const char *title,
              const char *detail)
{
  double cy = (ctx->y0 + ctx->y1) / 2;

  klynge_chart_set_source (ctx->cr, &ctx->style->muted);
  klynge_chart_text (ctx->cr, title, 1.6 * ctx->u, KLYNGE_TEXT_BOLD, ctx->x0, cy, ctx->x1 - ctx->x0, 0.5, 1);
  klynge_chart_text (ctx->cr, detail, 0.9 * ctx->u, KLYNGE_TEXT_WRAP, ctx->x0, cy + 0.5 * ctx->u, ctx->x1 - ctx->x0, 0.5, 0);
}

/* The highlighted clinic's mark: a ring in the text colour with a halo of
 * the background, so that "this is you" is a shape as well as a colour. */
static void
ring (Ctx    *ctx,
      double  x,
      double  y,
      double  radius)
{
  cairo_new_sub_path (ctx->cr);
  cairo_arc (ctx->cr, x, y, radius, 0, 2 * G_PI);
  klynge_chart_set_source (ctx->cr, &ctx->style->background);
  set_line (ctx, 0.28, 0);
  cairo_stroke_preserve (ctx->cr);
  klynge_chart_set_source (ctx->cr, &ctx->style->foreground);
  set_line (ctx, 0.1, 0);
  cairo_stroke (ctx->cr);
}

static double
ring_radius (Ctx    *ctx,
             double  radius)
{
  return radius + 0.22 * ctx->u;
}

/* @ringed: the entry drawn with the highlighted clinic's ring, or -1. */
static void
legend (Ctx              *ctx,
        double            y,
        guint             n,
        const KlyngeRgb **colours,
        const char      **labels,
        int               ringed)
{
  double slot = (ctx->x1 - ctx->x0) / MAX (n, 4), size = 0.7 * ctx->u;

  for (guint i = 0; i < n; i++)
    {
      double x = ctx->x0 + slot * i;

      if ((int) i == ringed)
        {
          klynge_chart_legend_item (ctx->cr, colours[i], &ctx->style->foreground, labels[i], size,
                                    x + 0.3 * size, y, slot - 0.5 * ctx->u - 0.3 * size);
          ring (ctx, x + 0.8 * size, y, 0.75 * size);
        }
      else
        klynge_chart_legend_item (ctx->cr, colours[i], &ctx->style->foreground, labels[i], size,
                                  x, y, slot - 0.5 * ctx->u);
    }
}

static int
compare_rows_up (gconstpointer a,
                 gconstpointer b)
{
  const KlyngeChartRow *x = *(KlyngeChartRow * const *) a, *y = *(KlyngeChartRow * const *) b;

  if (x->value != y->value)
    return x->value < y->value ? -1 : 1;
  return g_strcmp0 (x->label, y->label);
}

/* The rows best first: descending when higher is better. */
static GPtrArray *
sorted_rows (const KlyngeChartData *data)
{
  GPtrArray *rows = g_ptr_array_copy (data->rows, NULL, NULL);

  /* The copy would free the rows it only borrows. */
  g_ptr_array_set_free_func (rows, NULL);

  g_ptr_array_sort (rows, compare_rows_up);
  if (data->higher_is_better)
    for (guint i = 0; i < rows->len / 2; i++)
      {
        gpointer t = rows->pdata[i];
        rows->pdata[i] = rows->pdata[rows->len - 1 - i];
        rows->pdata[rows->len - 1 - i] = t;
      }
  return rows;
}

static guint
row_index (const KlyngeChartData *data,
           const KlyngeChartRow  *row)
{
  guint index = 0;

  g_ptr_array_find (data->rows, row, &index);
  return index;
}

/* Only a proportion has a ceiling: a rate's events may outnumber its people. */
static double
ceiling_of (const KlyngeChartData *data)
{
  return is_proportion (data) && klynge_chart_data_get_indicator_type (data) == KLYNGE_INDICATOR_PROPORTION
         ? klynge_chart_data_scale (data) : G_MAXDOUBLE;
}

static void
draw_bar_labels (Ctx        *ctx,
                 double      x,
                 double      slot,
                 const char *label)
{
  if (slot < 0.9 * ctx->u)
    return;
  klynge_chart_set_source (ctx->cr, &ctx->style->foreground);
  klynge_chart_text (ctx->cr, label, MIN (0.75 * ctx->u, slot * 0.8), KLYNGE_TEXT_ELLIPSIS,
                     x, ctx->y1 + 0.3 * ctx->u, slot, 0.5, 0);
}

static void
draw_cluster_levels (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  g_autofree char *pooled = NULL, *reference = NULL, *target = NULL;

  if (data->has_pooled)
    {
      g_autofree char *value = klynge_chart_format_value (data, data->pooled, 0);
      pooled = g_strdup_printf (_("Cluster %s"), value);
      draw_level (ctx, shown (data, data->pooled), &ctx->style->pooled, 0, pooled);
    }
  if (!isnan (data->reference))
    {
      reference = g_strdup (_("Reference"));
      draw_level (ctx, data->reference, &ctx->style->reference, 1, reference);
    }
  if (!isnan (data->target))
    {
      target = g_strdup (_("Target"));
      draw_level (ctx, data->target, &ctx->style->target, 2, target);
    }
}

/* The reference and target are entered in the unit shown (31 for 31 %). */
static void
widen_for_levels (const KlyngeChartData *data,
                  double                *lo,
                  double                *hi)
{
  if (data->has_pooled)
    {
      *lo = MIN (*lo, shown (data, data->pooled));
      *hi = MAX (*hi, shown (data, data->pooled));
    }
  if (!isnan (data->reference))
    *hi = MAX (*hi, data->reference), *lo = MIN (*lo, data->reference);
  if (!isnan (data->target))
    *hi = MAX (*hi, data->target), *lo = MIN (*lo, data->target);
}

static void
draw_bars (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  g_autoptr(GPtrArray) rows = sorted_rows (data);
  double lo = 0, hi = 0, slot = (ctx->x1 - ctx->x0) / rows->len;
  const KlyngeRgb *colours[5] = { peer_colour (ctx), &ctx->style->pooled };
  /* xgettext:no-c-format */
  const char *labels[5] = { _("Clinic, 95 % interval"), _("Cluster") };
  guint n_legend = 2;
  int ringed = -1;

  for (guint i = 0; i < rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (rows, i);

      hi = MAX (hi, shown (data, isnan (row->upper) ? row->value : row->upper));
      lo = MIN (lo, shown (data, row->value));
    }
  widen_for_levels (data, &lo, &hi);
  nice_axis (ctx, lo, hi, lo < 0 ? -G_MAXDOUBLE : 0, ceiling_of (data));
  draw_y_axis (ctx);

  for (guint i = 0; i < rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (rows, i);
      double x = ctx->x0 + slot * i, bar = slot < 3 ? slot : slot * 0.7, y = to_y (ctx, shown (data, row->value));
      double base = to_y (ctx, MAX (ctx->ymin, 0));

      klynge_chart_set_source (ctx->cr, row_colour (ctx, row));
      cairo_rectangle (ctx->cr, x + (slot - bar) / 2, MIN (y, base), bar, fabs (base - y));
      if (row->highlighted)
        {
          cairo_fill_preserve (ctx->cr);
          klynge_chart_set_source (ctx->cr, &ctx->style->foreground);
          set_line (ctx, 0.1, 0);
          cairo_stroke (ctx->cr);
        }
      else
        cairo_fill (ctx->cr);
      if (!isnan (row->lower) && slot >= 3)
        {
          double cx = x + slot / 2, cap = MIN (bar * 0.3, 0.4 * ctx->u);

          klynge_chart_set_source (ctx->cr, &ctx->style->foreground);
          set_line (ctx, 0.08, 0);
          cairo_move_to (ctx->cr, cx, to_y (ctx, shown (data, row->lower)));
          cairo_line_to (ctx->cr, cx, to_y (ctx, shown (data, row->upper)));
          cairo_move_to (ctx->cr, cx - cap, to_y (ctx, shown (data, row->lower)));
          cairo_line_to (ctx->cr, cx + cap, to_y (ctx, shown (data, row->lower)));
          cairo_move_to (ctx->cr, cx - cap, to_y (ctx, shown (data, row->upper)));
          cairo_line_to (ctx->cr, cx + cap, to_y (ctx, shown (data, row->upper)));
          cairo_stroke (ctx->cr);
        }
      draw_bar_labels (ctx, x, slot, row->label);
      add_hit (ctx, x, ctx->y0, slot, ctx->y1 - ctx->y0, row_index (data, row));
    }
  draw_cluster_levels (ctx);
  for (guint i = 0; i < data->rows->len; i++)
    if (((KlyngeChartRow *) g_ptr_array_index (data->rows, i))->highlighted)
      {
        ringed = n_legend;
        colours[n_legend] = &ctx->style->highlight;
        labels[n_legend++] = ((KlyngeChartRow *) g_ptr_array_index (data->rows, i))->label;
      }
  if (!isnan (data->reference))
    {
      colours[n_legend] = &ctx->style->reference;
      labels[n_legend++] = _("Reference");
    }
  if (!isnan (data->target))
    {
      colours[n_legend] = &ctx->style->target;
      labels[n_legend++] = _("Target");
    }
  legend (ctx, ctx->y0 - 1.0 * ctx->u, n_legend, colours, labels, ringed);
}

/**
 * klynge_chart_funnel_classify:
 * @outside: (out caller-allocates) (nullable): per row 0 inside, 1 outside the 95 %
 *   limits, 2 outside the 99.8 % limits
 */
void
klynge_chart_funnel_classify (const KlyngeChartData *data,
                              KlyngeFunnelMethod     method,
                              guint8                *outside,
                              guint                 *n_outside_95,
                              guint                 *n_outside_998)
{
  *n_outside_95 = *n_outside_998 = 0;
  for (guint i = 0; i < data->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);
      double lo95, hi95, lo998, hi998;
      guint8 level = 0;

      /* Within one standard error of the target a clinic is inside any
       * 95 % limits, so only the rest need the exact (costly) quantiles; but
       * not for tiny counts, where the interpolated limits can exclude even
       * the likeliest outcome. */
      double spread = data->pooled * (1 - data->pooled) * row->denominator;

      if (row->has_counts && data->has_pooled && spread >= 9
          && fabs (row->value - data->pooled) * row->denominator < sqrt (spread))
        level = 0;
      else if (row->has_counts && data->has_pooled)
        {
          klynge_stats_funnel_limits (data->pooled, row->denominator, 0.998, method, &lo998, &hi998);
          if (row->value < lo998 || row->value > hi998)
            level = 2;
          else
            {
              klynge_stats_funnel_limits (data->pooled, row->denominator, 0.95, method, &lo95, &hi95);
              level = row->value < lo95 || row->value > hi95;
            }
        }
      if (level > 0)
        (*n_outside_95)++;
      if (level > 1)
        (*n_outside_998)++;
      if (outside != NULL)
        outside[i] = level;
    }
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
      g_autofree char *label = format_number (v, 0);

      klynge_chart_set_source (ctx->cr, &ctx->style->grid);
      set_line (ctx, 0.05, 0);
      cairo_move_to (ctx->cr, x, ctx->y0);
      cairo_line_to (ctx->cr, x, ctx->y1);
      cairo_stroke (ctx->cr);
      klynge_chart_set_source (ctx->cr, &ctx->style->muted);
      klynge_chart_text (ctx->cr, label, 0.75 * ctx->u, 0, x, ctx->y1 + 0.3 * ctx->u, 0, 0.5, 0);
    }
  klynge_chart_text (ctx->cr, _("Denominator (patients in the clinic’s count)"), 0.75 * ctx->u, 0,
                     ctx->x1, ctx->y1 + 1.3 * ctx->u, 0, 1, 0);
}

#define FUNNEL_SAMPLES 96

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

/* Labels for every clinic of a usual cluster; among thousands only the few
 * that matter. The highlighted clinic is placed first, then the clinics
 * outside the 99.8 % limits, the 95 % limits, the rest. */
static void
draw_funnel_labels (Ctx          *ctx,
                    const KlyngeChartData *data,
                    const guint8 *outside,
                    guint         n998,
                    double        radius,
                    const double *ns,
                    double        curves[4][FUNNEL_SAMPLES],
                    double        xmax)
{
  const double levels[] = { shown (data, data->pooled), data->reference, data->target };
  g_autofree double *segments = g_new (double, 4 * (4 * (FUNNEL_SAMPLES - 1) + G_N_ELEMENTS (levels)));
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (KlyngeChartRect));
  KlyngeChartRect bounds = { ctx->x0, ctx->y0, ctx->x1 - ctx->x0, ctx->y1 - ctx->y0 };
  double size = 0.65 * ctx->u;
  /* Labels are one line: one height for all, measured once, as pango's layouts are what a redraw spends its time on. */
  double height = klynge_chart_text (ctx->cr, "A", size, KLYNGE_TEXT_MEASURE, 0, 0, 0, 0, 0);
  guint n_segments = 0, n_limits;

  for (int c = 0; c < 4; c++)
    for (int s = 0; s + 1 < FUNNEL_SAMPLES; s++)
      {
        double *segment = segments + 4 * n_segments;

        segment[0] = to_x (ctx, ns[s], xmax);
        segment[1] = to_y (ctx, shown (data, curves[c][s]));
        segment[2] = to_x (ctx, ns[s + 1], xmax);
        segment[3] = to_y (ctx, shown (data, curves[c][s + 1]));
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
        segment[1] = segment[3] = to_y (ctx, levels[l]);
      }

  klynge_chart_set_source (ctx->cr, &ctx->style->foreground);
  for (int rank = 3; rank >= 0; rank--)
    for (guint i = 0; i < data->rows->len; i++)
      {
        const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);
        KlyngeTextFlags flags = row->highlighted ? KLYNGE_TEXT_BOLD : 0;
        double x, y, r, width;
        KlyngeChartRect mark, label;

        if ((row->highlighted ? 3 : outside[i]) != rank
            || !(data->rows->len <= 40 || (outside[i] == 2 && n998 <= 20) || row->highlighted))
          continue;
        x = to_x (ctx, row->denominator, xmax);
        y = to_y (ctx, shown (data, row->value));
        r = outside[i] == 2 || row->highlighted ? radius * 1.4 : radius;
        if (row->highlighted)
          r = ring_radius (ctx, r);
        mark = (KlyngeChartRect) { x - r, y - r, 2 * r, 2 * r };
        width = klynge_chart_text (ctx->cr, row->label, size, flags | KLYNGE_TEXT_MEASURE_WIDTH, 0, 0, 0, 0, 0);
        if (klynge_chart_place_label (&mark, width, height, 0.15 * ctx->u, &bounds, segments, n_segments, placed, &label)
            || klynge_chart_place_label (&mark, width, height, 0.15 * ctx->u, &bounds, segments, n_limits, placed, &label))
          klynge_chart_text (ctx->cr, row->label, size, flags, label.x, label.y, 0, 0, 0);
      }
}

static void
draw_funnel (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  double n_min = G_MAXDOUBLE, n_max = 0, lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, xmax, xstep, magnitude, radius;
  double curves[4][FUNNEL_SAMPLES], ns[FUNNEL_SAMPLES];
  static const double coverage[2] = { 0.95, 0.998 };
  g_autofree guint8 *outside = g_new0 (guint8, MAX (data->rows->len, 1));
  guint n95, n998;
  const KlyngeRgb *colours[5] = { peer_colour (ctx), &ctx->style->warning, &ctx->style->alarm, &ctx->style->pooled };
  const char *labels[5] = { _("Within limits"), _("Outside 95 %"), _("Outside 99.8 %"), _("Cluster") };
  guint n_legend = 4;
  int ringed = -1;

  if (!data->has_pooled)
    {
      draw_message (ctx, _("No funnel plot"), _("A funnel plot needs a numerator and a denominator for each clinic."));
      return;
    }
  for (guint i = 0; i < data->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

      n_min = MIN (n_min, row->denominator);
      n_max = MAX (n_max, row->denominator);
      lo = MIN (lo, row->value);
      hi = MAX (hi, row->value);
    }

  /* The x axis: a round maximum above the largest clinic. */
  magnitude = pow (10, floor (log10 (n_max * 1.05)));
  xstep = magnitude * (n_max * 1.05 / magnitude <= 2 ? 0.5 : n_max * 1.05 / magnitude <= 5 ? 1 : 2);
  xmax = ceil (n_max * 1.05 / xstep) * xstep;

  /* The limits from half the smallest clinic on, sampled evenly in log n
   * where they bend most. */
  for (int s = 0; s < FUNNEL_SAMPLES; s++)
    {
      double start = MAX (1, n_min / 2);

      ns[s] = start * pow (xmax / start, (double) s / (FUNNEL_SAMPLES - 1));
      for (int c = 0; c < 2; c++)
        {
          klynge_stats_funnel_limits (data->pooled, (gint64) round (ns[s]), coverage[c], ctx->options->funnel_method,
                                      &curves[2 * c][s], &curves[2 * c + 1][s]);
          if (ns[s] >= n_min * 0.9)
            {
              lo = MIN (lo, curves[2 * c][s]);
              hi = MAX (hi, curves[2 * c + 1][s]);
            }
        }
    }
  nice_axis (ctx, shown (data, lo), shown (data, hi), 0, ceiling_of (data));
  draw_y_axis (ctx);
  draw_x_axis_counts (ctx, xmax, xstep);

  cairo_save (ctx->cr);
  cairo_rectangle (ctx->cr, ctx->x0, ctx->y0, ctx->x1 - ctx->x0, ctx->y1 - ctx->y0);
  cairo_clip (ctx->cr);
  for (int c = 0; c < 4; c++)
    {
      klynge_chart_set_source (ctx->cr, &ctx->style->muted);
      set_line (ctx, c < 2 ? 0.08 : 0.12, c < 2 ? 1 : 0);
      for (int s = 0; s < FUNNEL_SAMPLES; s++)
        {
          double x = to_x (ctx, ns[s], xmax), y = to_y (ctx, shown (data, curves[c][s]));

          if (s == 0)
            cairo_move_to (ctx->cr, x, y);
          else
            cairo_line_to (ctx->cr, x, y);
        }
      cairo_stroke (ctx->cr);
    }
  cairo_restore (ctx->cr);
  draw_cluster_levels (ctx);

  klynge_chart_funnel_classify (data, ctx->options->funnel_method, outside, &n95, &n998);
  radius = CLAMP (0.4 * ctx->u * sqrt (40.0 / MAX (data->rows->len, 1)), 0.12 * ctx->u, 0.4 * ctx->u);
  /* Inside first, so that emphasised clinics are drawn on top. */
  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < data->rows->len; i++)
      {
        const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);
        gboolean front = row->highlighted ? pass == 2 : outside[i] == pass;
        double x, y, r = outside[i] == 2 || row->highlighted ? radius * 1.4 : radius, box;
        /* The highlighted clinic keeps the colour that says where it lies; its ring says whose it is. */
        const KlyngeRgb *colour = outside[i] == 2 ? &ctx->style->alarm
                                  : outside[i] == 1 ? &ctx->style->warning
                                  : row_colour (ctx, row);

        if (!front)
          continue;
        x = to_x (ctx, row->denominator, xmax);
        y = to_y (ctx, shown (data, row->value));
        klynge_chart_set_source (ctx->cr, colour);
        cairo_new_sub_path (ctx->cr);
        cairo_arc (ctx->cr, x, y, r, 0, 2 * G_PI);
        cairo_fill (ctx->cr);
        if (row->highlighted)
          {
            r = ring_radius (ctx, r);
            ring (ctx, x, y, r);
            ringed = n_legend;
            colours[n_legend] = colour;
            labels[n_legend++] = row->label;
          }
        box = MAX (r, 4);
        add_hit (ctx, x - box, y - box, 2 * box, 2 * box, i);
      }
  draw_funnel_labels (ctx, data, outside, n998, radius, ns, curves, xmax);
  legend (ctx, ctx->y0 - 1.0 * ctx->u, n_legend, colours, labels, ringed);
}

static double
period_x (Ctx   *ctx,
          guint  p,
          guint  n)
{
  double slot = (ctx->x1 - ctx->x0) / MAX (n, 1);

  return ctx->x0 + slot * (p + 0.5);
}

static void
draw_period_labels (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  double slot = (ctx->x1 - ctx->x0) / MAX (data->periods->len, 1);

  klynge_chart_set_source (ctx->cr, &ctx->style->foreground);
  for (guint p = 0; p < data->periods->len; p++)
    klynge_chart_text (ctx->cr, g_ptr_array_index (data->periods, p), 0.75 * ctx->u, KLYNGE_TEXT_ELLIPSIS,
                       period_x (ctx, p, data->periods->len) - slot / 2, ctx->y1 + 0.3 * ctx->u, slot, 0.5, 0);
}

static void
draw_series (Ctx             *ctx,
             const double    *series,
             const KlyngeRgb *colour,
             double           width,
             double           dot)
{
  const KlyngeChartData *data = ctx->data;
  gboolean pen_down = FALSE;

  klynge_chart_set_source (ctx->cr, colour);
  set_line (ctx, width, 0);
  for (guint p = 0; p < data->periods->len; p++)
    {
      double x = period_x (ctx, p, data->periods->len), y = to_y (ctx, shown (data, series[p]));

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
  cairo_stroke (ctx->cr);
  for (guint p = 0; dot > 0 && p < data->periods->len; p++)
    if (!isnan (series[p]))
      {
        cairo_new_sub_path (ctx->cr);
        cairo_arc (ctx->cr, period_x (ctx, p, data->periods->len), to_y (ctx, shown (data, series[p])), dot * ctx->u, 0, 2 * G_PI);
        cairo_fill (ctx->cr);
      }
}

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
        klynge_chart_text (ctx->cr, label, 0.7 * ctx->u, KLYNGE_TEXT_BOLD, period_x (ctx, p, data->periods->len) + 0.5 * ctx->u,
                           to_y (ctx, shown (data, series[p])), 0, 0, 0.5);
        return;
      }
}

/* The median of the cluster's values: the centre line of a run chart. */
static double
cluster_median (const KlyngeChartData *data,
                guint                 *n_values)
{
  g_autofree double *values = g_new (double, MAX (data->periods->len, 1));
  guint n = 0;

  for (guint p = 0; p < data->periods->len; p++)
    if (!isnan (data->cluster_series[p]))
      values[n++] = data->cluster_series[p];
  *n_values = n;
  return klynge_stats_median (values, n);
}

static void
draw_run (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, median;
  guint n_values;
  g_autofree char *median_label = NULL, *median_value = NULL;
  const KlyngeRgb *colours[] = { &ctx->style->foreground, &ctx->style->pooled, &ctx->style->other, &ctx->style->highlight };
  const char *labels[] = { _("Cluster"), _("Median"), _("Clinics"), _("Highlighted clinic") };

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
    }
  nice_axis (ctx, shown (data, lo), shown (data, hi), is_proportion (data) ? 0 : -G_MAXDOUBLE, ceiling_of (data));
  draw_y_axis (ctx);
  draw_period_labels (ctx);

  for (guint i = 0; i < data->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

      if (!row->highlighted)
        draw_series (ctx, row->series, &ctx->style->other, 0.06, 0);
    }
  median = cluster_median (data, &n_values);
  median_value = klynge_chart_format_value (data, median, 0);
  median_label = g_strdup_printf (_("Median %s"), median_value);
  draw_level (ctx, shown (data, median), &ctx->style->pooled, 1, median_label);
  draw_series (ctx, data->cluster_series, &ctx->style->foreground, 0.16, 0.22);
  label_series_end (ctx, data->cluster_series, &ctx->style->foreground, _("Cluster"));
  for (guint i = 0; i < data->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

      if (row->highlighted)
        {
          draw_series (ctx, row->series, &ctx->style->highlight, 0.16, 0.22);
          label_series_end (ctx, row->series, &ctx->style->highlight, row->label);
        }
    }
  legend (ctx, ctx->y0 - 1.0 * ctx->u, ctx->options->names == KLYNGE_CHART_HIGHLIGHT ? 4 : 3, colours, labels, -1);
}

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
draw_before_after (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  g_autoptr(GPtrArray) rows = sorted_rows (data);
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, slot;
  guint before, after;
  const KlyngeRgb *colours[] = { &ctx->style->muted, peer_colour (ctx), &ctx->style->pooled };
  const char *labels[3];

  if (!before_after_periods (data, &before, &after))
    {
      draw_message (ctx, _("No before and after"), _("Before and after needs measurements from two periods."));
      return;
    }
  labels[0] = g_ptr_array_index (data->periods, before);
  labels[1] = g_ptr_array_index (data->periods, after);
  labels[2] = _("Cluster");
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
  nice_axis (ctx, shown (data, lo), shown (data, hi), is_proportion (data) ? 0 : -G_MAXDOUBLE, ceiling_of (data));
  draw_y_axis (ctx);
  draw_level (ctx, shown (data, data->cluster_series[after]), &ctx->style->pooled, 0, labels[2]);

  slot = (ctx->x1 - ctx->x0) / rows->len;
  for (guint i = 0; i < rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (rows, i);
      double cx = ctx->x0 + slot * (i + 0.5), r = MIN (0.3 * ctx->u, slot * 0.3);
      double vb = row->series[before], va = row->series[after];

      if (!isnan (vb) && !isnan (va))
        {
          klynge_chart_set_source (ctx->cr, &ctx->style->muted);
          set_line (ctx, 0.1, 0);
          cairo_move_to (ctx->cr, cx, to_y (ctx, shown (data, vb)));
          cairo_line_to (ctx->cr, cx, to_y (ctx, shown (data, va)));
          cairo_stroke (ctx->cr);
        }
      if (!isnan (vb))
        {
          klynge_chart_set_source (ctx->cr, &ctx->style->muted);
          set_line (ctx, 0.08, 0);
          cairo_new_sub_path (ctx->cr);
          cairo_arc (ctx->cr, cx, to_y (ctx, shown (data, vb)), r, 0, 2 * G_PI);
          cairo_stroke (ctx->cr);
        }
      klynge_chart_set_source (ctx->cr, row_colour (ctx, row));
      cairo_new_sub_path (ctx->cr);
      cairo_arc (ctx->cr, cx, to_y (ctx, shown (data, va)), r, 0, 2 * G_PI);
      cairo_fill (ctx->cr);
      if (row->highlighted)
        ring (ctx, cx, to_y (ctx, shown (data, va)), ring_radius (ctx, r));
      draw_bar_labels (ctx, cx - slot / 2, slot, row->label);
      add_hit (ctx, cx - slot / 2, ctx->y0, slot, ctx->y1 - ctx->y0, row_index (data, row));
    }
  legend (ctx, ctx->y0 - 1.0 * ctx->u, 3, colours, labels, -1);
}

static double
attendance_share (const KlyngeChartMeeting *meeting)
{
  guint total = meeting->present + meeting->excused + meeting->absent;

  return total > 0 ? (double) meeting->present / total : 0;
}

static char *
short_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (iso);
  dt = g_date_time_new_utc (y, m, d, 12, 0, 0);
  /* Translators: a short date under a bar, as "9 Jun 2026"; see g_date_time_format() */
  return dt != NULL ? g_date_time_format (dt, _("%-d %b %Y")) : g_strdup (iso);
}

static void
draw_attendance (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  double slot = (ctx->x1 - ctx->x0) / data->meetings->len;
  const KlyngeRgb *colours[] = { &ctx->style->mark, &ctx->style->other, &ctx->style->grid };
  const char *labels[] = { _("Present"), _("Excused"), _("Absent") };

  ctx->ymin = 0;
  ctx->ymax = 100;
  ctx->ystep = 20;
  draw_y_axis (ctx);
  for (guint i = 0; i < data->meetings->len; i++)
    {
      const KlyngeChartMeeting *meeting = g_ptr_array_index (data->meetings, i);
      guint total = MAX (meeting->present + meeting->excused + meeting->absent, 1);
      double x = ctx->x0 + slot * i + slot * 0.15, bar = slot * 0.7, base = ctx->y1, h = ctx->y1 - ctx->y0;
      guint parts[] = { meeting->present, meeting->excused, meeting->absent };
      g_autofree char *value = NULL, *number = NULL, *date = short_date (meeting->date);

      for (guint k = 0; k < 3; k++)
        {
          double part = h * parts[k] / total;

          klynge_chart_set_source (ctx->cr, colours[k]);
          cairo_rectangle (ctx->cr, x, base - part, bar, part);
          cairo_fill (ctx->cr);
          base -= part;
        }
      number = format_number (100 * attendance_share (meeting), 0);
      value = g_strdup_printf (_("%s %%"), number);
      klynge_chart_set_source (ctx->cr, &ctx->style->background);
      klynge_chart_text (ctx->cr, value, MIN (0.8 * ctx->u, bar * 0.3), KLYNGE_TEXT_BOLD, x, ctx->y1 - 0.3 * ctx->u, bar, 0.5, 1);
      draw_bar_labels (ctx, ctx->x0 + slot * i, slot, date);
      add_hit (ctx, ctx->x0 + slot * i, ctx->y0, slot, h, i);
    }
  legend (ctx, ctx->y0 - 1.0 * ctx->u, 3, colours, labels, -1);
}

static gboolean
has_data (const KlyngeChartData    *data,
          const KlyngeChartOptions *options)
{
  if (options->kind == KLYNGE_CHART_ATTENDANCE)
    return data->meetings->len > 0;
  return data->rows->len > 0;
}

static char *
join_sentences (GPtrArray *sentences)
{
  g_ptr_array_add (sentences, NULL);
  return g_strjoinv (" ", (char **) sentences->pdata);
}

static char *
pooled_sentence (const KlyngeChartData *data)
{
  g_autofree char *value = klynge_chart_format_value (data, data->pooled, 0);
  g_autofree char *num = format_count (data->pooled_numerator);
  g_autofree char *den = format_count (data->pooled_denominator);

  /* Translators: "Cluster: 31 % (412 of 1,329)." */
  return g_strdup_printf (_("Cluster: %1$s (%2$s of %3$s)."), value, num, den);
}

/* In a feedback chart: where the highlighted clinic itself stands. */
static void
highlighted_sentence (const KlyngeChartData *data,
                      GPtrArray             *out)
{
  for (guint i = 0; i < data->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);
      g_autofree char *value = NULL, *num = NULL, *den = NULL;

      if (!row->highlighted || !row->has_counts)
        continue;
      value = klynge_chart_format_value (data, row->value, 0);
      num = format_count (row->numerator);
      den = format_count (row->denominator);
      /* Translators: a clinic's own value, "Skovbo Lægeklinik: 74 % (151 of 204)." */
      g_ptr_array_add (out, g_strdup_printf (_("%1$s: %2$s (%3$s of %4$s)."), row->label, value, num, den));
    }
}

static void
caption_funnel (const KlyngeChartData    *data,
                const KlyngeChartOptions *options,
                GPtrArray                *out)
{
  guint n95, n998, n = data->rows->len;
  g_autofree char *count = format_count (n);

  klynge_chart_funnel_classify (data, options->funnel_method, NULL, &n95, &n998);
  if (n998 > 0)
    {
      g_autofree char *k = format_count (n998);

      g_ptr_array_add (out, g_strdup_printf (ngettext ("%1$s of %2$s clinics lies outside the 99.8 %% limits: variation this large is unlikely to be chance.",
                                                       "%1$s of %2$s clinics lie outside the 99.8 %% limits: variation this large is unlikely to be chance.",
                                                       n998), k, count));
    }
  else if (n95 > 0)
    {
      g_autofree char *k = format_count (n95);

      g_ptr_array_add (out, g_strdup_printf (ngettext ("%1$s of %2$s clinics lies outside the 95 %% limits but none outside the 99.8 %% limits: this much variation can well be chance.",
                                                       "%1$s of %2$s clinics lie outside the 95 %% limits but none outside the 99.8 %% limits: this much variation can well be chance.",
                                                       n95), k, count));
    }
  else
    g_ptr_array_add (out, g_strdup_printf (ngettext ("The %s clinic lies within the 95 %% limits: its difference from the cluster can be chance.",
                                                     "All %s clinics lie within the 95 %% limits: the variation between them can be chance.",
                                                     n), count));
  highlighted_sentence (data, out);
  g_ptr_array_add (out, pooled_sentence (data));
}

static void
caption_bars (const KlyngeChartData *data,
              GPtrArray             *out)
{
  g_autoptr(GPtrArray) rows = sorted_rows (data);
  const KlyngeChartRow *best = g_ptr_array_index (rows, 0), *worst = g_ptr_array_index (rows, rows->len - 1);
  g_autofree char *best_value = klynge_chart_format_value (data, best->value, 0);
  g_autofree char *worst_value = klynge_chart_format_value (data, worst->value, 0);

  if (rows->len == 1)
    g_ptr_array_add (out, g_strdup_printf (_("Only clinic %1$s has data: %2$s."), best->label, best_value));
  else
    g_ptr_array_add (out, g_strdup_printf (_("Clinics range from %1$s (%2$s) to %3$s (%4$s); the lines show each clinic’s 95 %% confidence interval, wide where the clinic is small."),
                                           best_value, best->label, worst_value, worst->label));
  highlighted_sentence (data, out);
  if (data->has_pooled)
    g_ptr_array_add (out, pooled_sentence (data));
  if (!isnan (data->target))
    {
      guint reached = 0;
      g_autofree char *target = is_proportion (data)
                                ? klynge_chart_format_value (data, data->target / klynge_chart_data_scale (data), 0)
                                : format_number (data->target, 0);
      g_autofree char *k = NULL, *n = format_count (rows->len);

      for (guint i = 0; i < rows->len; i++)
        {
          const KlyngeChartRow *row = g_ptr_array_index (rows, i);
          double v = shown (data, row->value);

          reached += data->higher_is_better ? v >= data->target : v <= data->target;
        }
      k = format_count (reached);
      g_ptr_array_add (out, g_strdup_printf (ngettext ("%1$s of %2$s clinics reaches the target (%3$s).",
                                                       "%1$s of %2$s clinics reach the target (%3$s).", reached),
                                             k, n, target));
    }
}

static void
caption_run (const KlyngeChartData *data,
             GPtrArray             *out)
{
  guint n_values, first = G_MAXUINT, last = 0;
  double median = cluster_median (data, &n_values);
  g_autofree char *median_value = klynge_chart_format_value (data, median, 0);
  g_autofree char *count = format_count (n_values);

  for (guint p = 0; p < data->periods->len; p++)
    if (!isnan (data->cluster_series[p]))
      {
        first = MIN (first, p);
        last = p;
      }
  if (first < last)
    {
      g_autofree char *a = klynge_chart_format_value (data, data->cluster_series[first], 0);
      g_autofree char *b = klynge_chart_format_value (data, data->cluster_series[last], 0);

      g_ptr_array_add (out, g_strdup_printf (_("The cluster went from %1$s in %2$s to %3$s in %4$s."),
                                             a, (char *) g_ptr_array_index (data->periods, first),
                                             b, (char *) g_ptr_array_index (data->periods, last)));
    }
  g_ptr_array_add (out, g_strdup_printf (ngettext ("The median of the cluster’s %1$s period is %2$s.",
                                                   "The median of the cluster’s %1$s periods is %2$s.", n_values),
                                         count, median_value));
}

static void
caption_before_after (const KlyngeChartData *data,
                      GPtrArray             *out)
{
  guint before, after, improved = 0, both = 0;

  if (!before_after_periods (data, &before, &after))
    {
      g_ptr_array_add (out, g_strdup (_("Before and after needs measurements from two periods.")));
      return;
    }
  for (guint i = 0; i < data->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);
      double vb = row->series[before], va = row->series[after];

      if (isnan (vb) || isnan (va))
        continue;
      both++;
      improved += data->higher_is_better ? va > vb : va < vb;
    }
  {
    g_autofree char *k = format_count (improved), *n = format_count (both);
    g_autofree char *a = klynge_chart_format_value (data, data->cluster_series[before], 0);
    g_autofree char *b = klynge_chart_format_value (data, data->cluster_series[after], 0);

    g_ptr_array_add (out, g_strdup_printf (ngettext ("%1$s of %2$s clinics improved from %3$s to %4$s.",
                                                     "%1$s of %2$s clinics improved from %3$s to %4$s.", improved),
                                           k, n, (char *) g_ptr_array_index (data->periods, before),
                                           (char *) g_ptr_array_index (data->periods, after)));
    g_ptr_array_add (out, g_strdup_printf (_("Cluster: %1$s before, %2$s after."), a, b));
  }
}

static void
caption_attendance (const KlyngeChartData *data,
                    GPtrArray             *out)
{
  guint present = 0, total = 0, lowest = 0;
  g_autofree char *mean = NULL, *low = NULL, *date = NULL, *count = format_count (data->meetings->len);
  g_autofree char *mean_number = NULL, *low_number = NULL;

  for (guint i = 0; i < data->meetings->len; i++)
    {
      const KlyngeChartMeeting *m = g_ptr_array_index (data->meetings, i);

      present += m->present;
      total += m->present + m->excused + m->absent;
      if (attendance_share (m) < attendance_share (g_ptr_array_index (data->meetings, lowest)))
        lowest = i;
    }
  mean_number = format_number (total > 0 ? 100.0 * present / total : 0, 0);
  mean = g_strdup_printf (_("%s %%"), mean_number);
  low_number = format_number (100 * attendance_share (g_ptr_array_index (data->meetings, lowest)), 0);
  low = g_strdup_printf (_("%s %%"), low_number);
  date = klynge_format_date (((KlyngeChartMeeting *) g_ptr_array_index (data->meetings, lowest))->date);
  g_ptr_array_add (out, g_strdup_printf (ngettext ("On average %1$s of the members came to the %2$s meeting; the lowest was %3$s on %4$s.",
                                                   "On average %1$s of the members came to the %2$s meetings; the lowest was %3$s on %4$s.",
                                                   data->meetings->len), mean, count, low, date));
}

/**
 * klynge_chart_caption:
 *
 * The plain-language sentence under a chart: what the reader may conclude.
 *
 * Returns: (transfer full): the caption, translated, numbers as the locale writes them
 */
char *
klynge_chart_caption (const KlyngeChartData    *data,
                      const KlyngeChartOptions *options)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);

  if (!has_data (data, options))
    {
      if (options->kind == KLYNGE_CHART_ATTENDANCE)
        g_ptr_array_add (sentences, g_strdup (_("No attendance has been registered yet.")));
      else if (data->period != NULL)
        g_ptr_array_add (sentences, g_strdup_printf (_("No clinic has data for this indicator in %s."), data->period));
      else
        g_ptr_array_add (sentences, g_strdup (_("There is no data for this indicator yet.")));
    }
  else
    switch (options->kind)
      {
      case KLYNGE_CHART_FUNNEL:
        if (data->has_pooled)
          caption_funnel (data, options, sentences);
        else
          g_ptr_array_add (sentences, g_strdup (_("A funnel plot needs a numerator and a denominator for each clinic.")));
        break;
      case KLYNGE_CHART_RUN:
        caption_run (data, sentences);
        break;
      case KLYNGE_CHART_BEFORE_AFTER:
        caption_before_after (data, sentences);
        break;
      case KLYNGE_CHART_ATTENDANCE:
        caption_attendance (data, sentences);
        break;
      case KLYNGE_CHART_BARS:
      default:
        caption_bars (data, sentences);
        break;
      }

  if (options->kind != KLYNGE_CHART_ATTENDANCE && data->n_zero_denominator > 0)
    {
      g_autofree char *k = format_count (data->n_zero_denominator);

      g_ptr_array_add (sentences, g_strdup_printf (ngettext ("%s clinic with a denominator of 0 is left out.",
                                                             "%s clinics with a denominator of 0 are left out.",
                                                             data->n_zero_denominator), k));
    }
  return join_sentences (sentences);
}

/* Returns: (transfer full): the slide's title: the indicator, or "Attendance per meeting" */
char *
klynge_chart_title (const KlyngeChartData    *data,
                    const KlyngeChartOptions *options)
{
  if (options->kind == KLYNGE_CHART_ATTENDANCE)
    return g_strdup (_("Attendance per meeting"));
  return g_strdup (data->indicator_name);
}

/* Returns: the note a slide carries about how clinics are named */
const char *
klynge_chart_names_note (KlyngeChartNames names)
{
  switch (names)
    {
    case KLYNGE_CHART_HIGHLIGHT:
      return _("One clinic named and highlighted; the others shown as letters");
    case KLYNGE_CHART_NAMED:
      return _("Clinics shown by name");
    case KLYNGE_CHART_ANONYMOUS:
    default:
      return _("Clinics shown as letters");
    }
}

static char *
footer_text (const KlyngeChartData    *data,
             const KlyngeChartOptions *options)
{
  g_autofree char *today = NULL, *date = NULL;

  if (options->date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
    }
  date = klynge_format_date (options->date != NULL ? options->date : today);
  if (options->kind == KLYNGE_CHART_ATTENDANCE)
    return g_strdup_printf (_("Data: attendance register · Drawn %s"), date);
  if (data->data_source != NULL && *data->data_source != '\0')
    return g_strdup_printf (_("Data: %1$s, %2$s · Drawn %3$s"), data->data_source, data->period ? data->period : "", date);
  return g_strdup_printf (_("Data: the clinics’ own extracts, %1$s · Drawn %2$s"), data->period ? data->period : "", date);
}

/**
 * klynge_chart_draw:
 * @hits: (nullable) (element-type KlyngeChartHit): filled with where each
 *   clinic (or meeting) was drawn
 *
 * Draws the chart chosen by @options with its title and caption, filling
 * @width × @height from the current origin; with @options->slide also the
 * data source, the date and how clinics are named.
 */
void
klynge_chart_draw (cairo_t                  *cr,
                   double                    width,
                   double                    height,
                   const KlyngeChartData    *data,
                   const KlyngeChartOptions *options,
                   GArray                   *hits)
{
  Ctx ctx = { cr, klynge_chart_style_get (options->theme), data, options, hits };
  g_autofree char *title = klynge_chart_title (data, options);
  g_autofree char *caption = klynge_chart_caption (data, options);
  g_autofree char *subtitle = NULL;
  double u = CLAMP (MIN (height / 36, width / 56), 8, 400), margin = 1.2 * u, y, caption_h, footer_h = 0;

  ctx.u = u;
  ctx.percent_axis = options->kind == KLYNGE_CHART_ATTENDANCE
                     || (is_proportion (data) && g_strcmp0 (data->unit, "percent") == 0);
  if (options->kind != KLYNGE_CHART_ATTENDANCE && is_proportion (data) &&
      klynge_chart_data_get_indicator_type (data) == KLYNGE_INDICATOR_RATE)
    ctx.axis_unit = klynge_chart_data_scale (data) == 100000 ? _("per 100,000") : _("per 1,000");
  cairo_save (cr);
  klynge_chart_set_source (cr, &ctx.style->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  klynge_chart_set_source (cr, &ctx.style->foreground);
  y = margin + klynge_chart_text (cr, title, 1.5 * u, KLYNGE_TEXT_BOLD | KLYNGE_TEXT_ELLIPSIS, margin, margin, width - 2 * margin, 0, 0);
  if (options->kind == KLYNGE_CHART_ATTENDANCE)
    subtitle = g_strdup (data->cluster_name);
  else
    subtitle = g_strdup_printf ("%s · %s · %s", data->cluster_name, data->period ? data->period : "—",
                                _(kind_labels[options->kind]));
  klynge_chart_set_source (cr, &ctx.style->muted);
  y += klynge_chart_text (cr, subtitle, 0.85 * u, KLYNGE_TEXT_ELLIPSIS, margin, y, width - 2 * margin, 0, 0);

  if (options->slide)
    {
      g_autofree char *footer = footer_text (data, options);

      footer_h = 1.4 * u;
      klynge_chart_set_source (cr, &ctx.style->muted);
      klynge_chart_text (cr, footer, 0.6 * u, KLYNGE_TEXT_ELLIPSIS, margin, height - margin * 0.6, (width - 2 * margin) * 0.6, 0, 1);
      /* Attendance shows no clinic: "Clinics shown as letters" would puzzle the room. */
      if (options->kind != KLYNGE_CHART_ATTENDANCE)
        klynge_chart_text (cr, klynge_chart_names_note (options->names), 0.6 * u, KLYNGE_TEXT_BOLD | KLYNGE_TEXT_ELLIPSIS,
                           margin + (width - 2 * margin) * 0.6, height - margin * 0.6, (width - 2 * margin) * 0.4, 1, 1);
    }
  caption_h = klynge_chart_text (cr, caption, 0.9 * u, KLYNGE_TEXT_WRAP | KLYNGE_TEXT_MEASURE, 0, 0, width - 2 * margin, 0, 0);
  klynge_chart_set_source (cr, &ctx.style->foreground);
  klynge_chart_text (cr, caption, 0.9 * u, KLYNGE_TEXT_WRAP, margin, height - margin * 0.6 - footer_h - caption_h,
                     width - 2 * margin, 0, 0);

  ctx.x0 = margin + 3.2 * u;
  ctx.x1 = width - margin - 0.5 * u;
  ctx.y0 = y + 2.2 * u;
  ctx.y1 = height - margin * 0.6 - footer_h - caption_h - (options->kind == KLYNGE_CHART_FUNNEL ? 3.0 : 1.8) * u;

  if (ctx.y1 - ctx.y0 < 2 * u || ctx.x1 - ctx.x0 < 2 * u)
    ;  /* Too small to draw a plot in; the caption still says it all. */
  else if (!has_data (data, options))
    draw_message (&ctx, _("No data"), caption);
  else
    switch (options->kind)
      {
      case KLYNGE_CHART_FUNNEL:
        draw_funnel (&ctx);
        break;
      case KLYNGE_CHART_RUN:
        draw_run (&ctx);
        break;
      case KLYNGE_CHART_BEFORE_AFTER:
        draw_before_after (&ctx);
        break;
      case KLYNGE_CHART_ATTENDANCE:
        draw_attendance (&ctx);
        break;
      case KLYNGE_CHART_BARS:
      default:
        draw_bars (&ctx);
        break;
      }
  cairo_restore (cr);
}

/* Returns: the index of what is drawn at (@x, @y), or -1 */
int
klynge_chart_hit_test (GArray *hits,
                       double  x,
                       double  y)
{
  /* Backwards: what was drawn last is on top. */
  for (guint i = hits->len; i-- > 0;)
    {
      const KlyngeChartHit *hit = &g_array_index (hits, KlyngeChartHit, i);

      if (x >= hit->x && x < hit->x + hit->width && y >= hit->y && y < hit->y + hit->height)
        return (int) hit->index;
    }
  return -1;
}

/**
 * klynge_chart_describe:
 * @index: a row (or, for attendance, a meeting) from klynge_chart_hit_test()
 *
 * Returns: (transfer full): the numbers behind one mark, for a tooltip
 */
char *
klynge_chart_describe (const KlyngeChartData    *data,
                       const KlyngeChartOptions *options,
                       guint                     index)
{
  if (options->kind == KLYNGE_CHART_ATTENDANCE)
    {
      const KlyngeChartMeeting *m;
      g_autofree char *date = NULL;

      if (index >= data->meetings->len)
        return NULL;
      m = g_ptr_array_index (data->meetings, index);
      date = klynge_format_date (m->date);
      return g_strdup_printf (_("%1$s, %2$s\n%3$u present, %4$u excused, %5$u absent"),
                              m->title, date, m->present, m->excused, m->absent);
    }
  else
    {
      const KlyngeChartRow *row;
      g_autofree char *value = NULL;

      if (index >= data->rows->len)
        return NULL;
      row = g_ptr_array_index (data->rows, index);
      value = klynge_chart_format_value (data, row->value, 1);
      if (row->has_counts)
        {
          g_autofree char *num = format_count (row->numerator), *den = format_count (row->denominator);
          g_autofree char *lo = klynge_chart_format_value (data, row->lower, 1);
          g_autofree char *hi = klynge_chart_format_value (data, row->upper, 1);

          return g_strdup_printf (_("Clinic %1$s: %2$s (%3$s of %4$s)\n95 %% interval %5$s to %6$s"),
                                  row->label, value, num, den, lo, hi);
        }
      return g_strdup_printf (_("Clinic %1$s: %2$s"), row->label, value);
    }
}

const char *
klynge_chart_kind_to_string (KlyngeChartKind kind)
{
  return kind_names[CLAMP (kind, 0, KLYNGE_CHART_N_KINDS - 1)];
}

gboolean
klynge_chart_kind_from_string (const char      *name,
                               KlyngeChartKind *kind)
{
  for (guint i = 0; i < KLYNGE_CHART_N_KINDS; i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* Returns: the kind's name for a picker, translated */
const char *
klynge_chart_kind_label (KlyngeChartKind kind)
{
  return _(kind_labels[CLAMP (kind, 0, KLYNGE_CHART_N_KINDS - 1)]);
}
