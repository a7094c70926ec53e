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
#include <string.h>

#include "klynge-chart.h"
#include "klynge-format.h"
#include "klynge-period.h"

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
  double                    period_extra; /* how much taller than a line the wrapped period labels are */
  guint                     legend_lines; /* the lines the plot leaves room for above it */
  guint                     legend_needed; /* the lines the legend took, more when it wrapped */
} Ctx;

/* Text sizes in text units: at 1920×1080 (a unit of 30 px) the clinics'
 * letters, axes and legend are 28.5 px, the caption 33 px and the title
 * 49.5 px, what the back row of a meeting room reads on a projector. */
#define SIZE_LABEL    0.95
#define SIZE_CAPTION  1.1
#define SIZE_TITLE    1.65
#define SIZE_FOOTER   0.8
/* From one line of a wrapped legend to the next. */
#define LEGEND_LINE   1.5

static const char *kind_names[KLYNGE_CHART_N_KINDS] = { "bars", "funnel", "run", "before-after", "attendance", "p-chart" };
static const char *kind_labels[KLYNGE_CHART_N_KINDS] = {
  N_("Benchmark bars"), N_("Funnel plot"), N_("Run chart"), N_("Before and after"), N_("Attendance"), N_("P′ chart (Laney)"),
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

static void
nice_axis (Ctx    *ctx,
           double  lo,
           double  hi,
           double  floor_value,
           double  ceiling_value)
{
  klynge_chart_nice_range (lo, hi, floor_value, ceiling_value, &ctx->ymin, &ctx->ymax, &ctx->ystep);
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
      klynge_chart_text (ctx->cr, label, SIZE_LABEL * ctx->u, 0, ctx->x0 - 0.4 * ctx->u, y, 0, 1, 0.5);
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
  /* In the gutter right of the plot, never over a bar or a clinic. */
  klynge_chart_text (ctx->cr, label, SIZE_LABEL * ctx->u, KLYNGE_TEXT_BOLD, ctx->x1 + 0.3 * ctx->u, y, 0, 0, 0.5);
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

/* A clinic no more than chance from the cluster: grey, so that colour means
 * "beyond chance"; the highlighted clinic keeps its own colour and ring. */
static const KlyngeRgb *
inside_colour (Ctx                  *ctx,
               const KlyngeChartRow *row)
{
  return row->highlighted ? &ctx->style->highlight : &ctx->style->similar;
}

static void
draw_message (Ctx        *ctx,
              const char *title,
              const char *detail)
{
  double cy = (ctx->y0 + ctx->y1) / 2;

  klynge_chart_set_source (ctx->cr, &ctx->style->muted);
  klynge_chart_text (ctx->cr, title, 1.6 * ctx->u, KLYNGE_TEXT_BOLD, ctx->x0, cy, ctx->x1 - ctx->x0, 0.5, 1);
  klynge_chart_text (ctx->cr, detail, SIZE_CAPTION * ctx->u, KLYNGE_TEXT_WRAP, ctx->x0, cy + 0.5 * ctx->u, ctx->x1 - ctx->x0, 0.5, 0);
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
/* Each legend entry as wide as its mark and text need, so a long label is
 * not cut short beside a short one; entries that do not fit on the line
 * wrap onto a line above it, in the room klynge_chart_draw() leaves for
 * ctx->legend_lines lines (it draws again with more when there was not
 * enough). Only an entry wider than the plot alone is cut. Fills @xs, @ys
 * and @widths, the last line at @y. */
static void
legend_slots (Ctx         *ctx,
              guint        n,
              const char **labels,
              double       mark,
              double       size,
              double       y,
              double      *xs,
              double      *ys,
              double      *widths)
{
  double gap = 0.8 * ctx->u, room = ctx->x1 - ctx->x0, x = ctx->x0;
  guint line = 0;

  for (guint i = 0; i < n; i++)
    {
      widths[i] = MIN (room, mark + (labels[i] != NULL ? klynge_chart_text (ctx->cr, labels[i], size, KLYNGE_TEXT_MEASURE_WIDTH,
                                                                             0, 0, 0, 0, 0) : 0) + gap);
      if (x > ctx->x0 && x + widths[i] - gap > ctx->x1)
        {
          line++;
          x = ctx->x0;
        }
      xs[i] = x;
      ys[i] = line;
      x += widths[i];
    }
  ctx->legend_needed = MAX (ctx->legend_needed, line + 1);
  for (guint i = 0; i < n; i++)
    ys[i] = y - (line - ys[i]) * LEGEND_LINE * ctx->u;
}

static void
legend (Ctx              *ctx,
        double            y,
        guint             n,
        const KlyngeRgb **colours,
        const char      **labels,
        int               ringed)
{
  double size = SIZE_LABEL * ctx->u;
  g_autofree double *xs = g_new (double, n), *ys = g_new (double, n), *widths = g_new (double, n);

  legend_slots (ctx, n, labels, 1.7 * size, size, y, xs, ys, widths);
  for (guint i = 0; i < n; i++)
    {
      double x = xs[i];

      y = ys[i];
      if ((int) i == ringed)
        {
          klynge_chart_legend_item (ctx->cr, colours[i], &ctx->style->foreground, labels[i], size,
                                    x + 0.3 * size, y, widths[i] - 0.5 * ctx->u - 0.3 * size);
          ring (ctx, x + 0.8 * size, y, 0.75 * size);
        }
      else
        klynge_chart_legend_item (ctx->cr, colours[i], &ctx->style->foreground, labels[i], size,
                                  x, y, widths[i] - 0.5 * ctx->u);
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

/* Whether the labels under the bars stand upright, reading upwards: when
 * the widest does not fit its slot lying down (two-letter codes among 60
 * clinics). They keep their full size either way, and the plot makes room
 * below the axis for the longest. */
static gboolean
stand_bar_labels (Ctx        *ctx,
                  const char *const *labels,
                  guint       n,
                  double      slot)
{
  double widest = 0, size = SIZE_LABEL * ctx->u, line;

  for (guint i = 0; i < n; i++)
    widest = MAX (widest, klynge_chart_text (ctx->cr, labels[i], size, KLYNGE_TEXT_MEASURE_WIDTH, 0, 0, 0, 0, 0));
  if (widest <= slot * 0.9)
    return FALSE;
  line = klynge_chart_text (ctx->cr, "A", size, KLYNGE_TEXT_MEASURE, 0, 0, 0, 0, 0);
  ctx->y1 -= MAX (widest - line, 0);
  return TRUE;
}

static void
draw_bar_labels (Ctx        *ctx,
                 double      x,
                 double      slot,
                 const char *label,
                 gboolean    standing)
{
  double size = SIZE_LABEL * ctx->u;

  /* Narrower than a capital letter: only the tooltip can name the clinic. */
  if (slot < 0.6 * size)
    return;
  klynge_chart_set_source (ctx->cr, &ctx->style->foreground);
  if (!standing)
    {
      klynge_chart_text (ctx->cr, label, size, 0, x + slot / 2, ctx->y1 + 0.3 * ctx->u, 0, 0.5, 0);
      return;
    }
  cairo_save (ctx->cr);
  cairo_translate (ctx->cr, x + slot / 2, ctx->y1 + 0.3 * ctx->u);
  cairo_rotate (ctx->cr, -G_PI / 2);
  klynge_chart_text (ctx->cr, label, size, 0, 0, 0, 0, 1, 0.5);
  cairo_restore (ctx->cr);
}

static const char **
row_labels (GPtrArray *rows)
{
  const char **labels = g_new (const char *, MAX (rows->len, 1));

  for (guint i = 0; i < rows->len; i++)
    labels[i] = ((KlyngeChartRow *) g_ptr_array_index (rows, i))->label;
  return labels;
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
  const KlyngeRgb *colour = flag == 0 ? inside_colour (ctx, row) : better ? &ctx->style->better : &ctx->style->alarm;

  cairo_rectangle (ctx->cr, x, y, width, height);
  klynge_chart_set_source (ctx->cr, ABS (flag) == 1 ? &ctx->style->background : colour);
  cairo_fill_preserve (ctx->cr);
  if (ABS (flag) == 1 || row->highlighted)
    {
      klynge_chart_set_source (ctx->cr, row->highlighted ? &ctx->style->foreground : colour);
      set_line (ctx, ABS (flag) == 1 ? 0.16 : 0.1, 0);
      cairo_stroke (ctx->cr);
    }
  else
    cairo_new_path (ctx->cr);
}

static void
draw_bars (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  g_autoptr(GPtrArray) rows = sorted_rows (data);
  double lo = 0, hi = 0, slot = (ctx->x1 - ctx->x0) / rows->len;
  const KlyngeRgb *colours[8] = { &ctx->style->similar, &ctx->style->better, &ctx->style->alarm, &ctx->style->pooled };
  /* xgettext:no-c-format */
  const char *labels[8] = { _("Like the cluster; 95 % interval"), _("Better"), _("Worse"), _("Cluster") };
  guint n_legend = 4;
  int ringed = -1;
  g_autofree const char **names = row_labels (rows);
  gboolean standing = stand_bar_labels (ctx, names, rows->len, slot);
  g_autofree gint8 *flags = g_new0 (gint8, MAX (data->rows->len, 1));
  KlyngeFunnelSummary summary;

  klynge_chart_funnel_classify (data, ctx->options, flags, &summary);
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

      draw_bar (ctx, row, flags[row_index (data, row)], x + (slot - bar) / 2, MIN (y, base), bar, fabs (base - y));
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
      draw_bar_labels (ctx, x, slot, row->label, standing);
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
  legend (ctx, ctx->y0 - 1.2 * ctx->u, n_legend, colours, labels, ringed);
}

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

/**
 * klynge_chart_nice_range:
 * @floor_value: the axis starts no lower (0 for a count)
 * @ceiling_value: the axis ends no higher (100 % for a proportion)
 *
 * A round step (1, 2 or 5 × 10^n) giving about five ticks over [@lo, @hi],
 * and the axis's ends on that step.
 */
void
klynge_chart_nice_range (double  lo,
                         double  hi,
                         double  floor_value,
                         double  ceiling_value,
                         double *min,
                         double *max,
                         double *step)
{
  double raw, magnitude;

  if (!(hi > lo))
    {
      lo -= 1;
      hi += 1;
    }
  raw = (hi - lo) / 5;
  magnitude = pow (10, floor (log10 (raw)));
  *step = raw / magnitude <= 1 ? 1 : raw / magnitude <= 2 ? 2 : raw / magnitude <= 5 ? 5 : 10;
  *step *= magnitude;
  *min = MAX (floor_value, floor (lo / *step) * *step);
  *max = MIN (ceiling_value, ceil (hi / *step) * *step);
  if (*max <= *min)
    *max = *min + *step;
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

/* Labels for every clinic of a usual cluster; among thousands only the few
 * outside the limits. The highlighted clinic is placed first, then the clinics
 * outside the 99.8 % limits, the 95 % limits, the rest. */
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
  const double levels[] = { shown (data, data->pooled), data->reference, data->target };
  g_autofree double *segments = g_new (double, 4 * (4 * (FUNNEL_SAMPLES - 1) + G_N_ELEMENTS (levels)));
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (KlyngeChartRect));
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
        KlyngeTextFlags text_flags = row->highlighted ? KLYNGE_TEXT_BOLD : 0;
        double x, y, r, width;
        KlyngeChartRect mark, label;

        if (!row->has_counts || (row->highlighted ? 3 : ABS (flags[i])) != rank
            || !(data->rows->len <= 70 || (flags[i] != 0 && n_outside <= 20) || row->highlighted))
          continue;
        x = to_x (ctx, row->denominator, xmax);
        y = to_y (ctx, shown (data, row->value));
        r = marker_radius (radius, flags[i], row->highlighted);
        if (row->highlighted)
          r = ring_radius (ctx, r);
        mark = (KlyngeChartRect) { x - r, y - r, 2 * r, 2 * r };
        width = klynge_chart_text (ctx->cr, row->label, size, text_flags | KLYNGE_TEXT_MEASURE_WIDTH, 0, 0, 0, 0, 0);
        if (klynge_chart_place_label (&mark, width, height, 0.15 * ctx->u, &bounds, segments, n_segments, placed, &label)
            || klynge_chart_place_label (&mark, width, height, 0.15 * ctx->u, &bounds, segments, n_limits, placed, &label))
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

/* The funnel's legend: what the shapes and the two kinds of line mean. */
static void
funnel_legend (Ctx                 *ctx,
               const KlyngeChartRow *highlighted,
               int                  highlighted_flag)
{
  const char *labels[] = {
    _("Like the cluster"), _("Better"), _("Worse"),
    /* xgettext:no-c-format */
    _("95 % limits, hollow"),
    /* xgettext:no-c-format */
    _("99.8 % limits, filled"),
    highlighted != NULL ? highlighted->label : NULL,
  };
  static const int shapes[] = { 0, 2, -2 };
  guint n = highlighted != NULL ? 6 : 5;
  double size = SIZE_LABEL * ctx->u, xs[6], ys[6], widths[6];

  legend_slots (ctx, n, labels, 2.2 * size, size, ctx->y0 - 1.2 * ctx->u, xs, ys, widths);
  for (guint i = 0; i < n; i++)
    {
      double x = xs[i], y = ys[i], text_x = x + 2.2 * size;

      if (i < 3)
        {
          int flag = ctx->data->higher_is_better ? shapes[i] : -shapes[i];

          marker (ctx, x + size, y, 0.5 * size, flag, &ctx->style->similar);
          text_x = x + 1.8 * size;
        }
      else if (i < 5)
        {
          klynge_chart_set_source (ctx->cr, &ctx->style->muted);
          set_line (ctx, i == 3 ? 0.08 : 0.12, i == 3 ? 1 : 0);
          cairo_move_to (ctx->cr, x, y);
          cairo_line_to (ctx->cr, x + 1.8 * size, y);
          cairo_stroke (ctx->cr);
          cairo_set_dash (ctx->cr, NULL, 0, 0);
        }
      else
        {
          marker (ctx, x + size, y, 0.5 * size, highlighted_flag, &ctx->style->highlight);
          ring (ctx, x + size, y, 0.75 * size);
          text_x = x + 2.0 * size;
        }
      klynge_chart_set_source (ctx->cr, &ctx->style->foreground);
      klynge_chart_text (ctx->cr, labels[i], size, KLYNGE_TEXT_ELLIPSIS, text_x, y, x + widths[i] - text_x - 0.3 * ctx->u, 0, 0.5);
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
  const KlyngeChartRow *highlighted = NULL;
  int highlighted_flag = 0;

  if (!data->has_pooled)
    {
      draw_message (ctx, _("No funnel plot"), _("A funnel plot needs a numerator and a denominator for each clinic."));
      return;
    }
  klynge_chart_funnel_classify (data, ctx->options, flags, &summary);
  klynge_chart_funnel_curves (data, &summary, ctx->options, &curves);
  xmax = curves.x_max;
  xstep = curves.x_step;
  nice_axis (ctx, shown (data, curves.lo), shown (data, curves.hi), 0, ceiling_of (data));
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
          double x = to_x (ctx, curves.n[s], xmax), y = to_y (ctx, shown (data, curves.limits[c][s]));

          if (s == 0)
            cairo_move_to (ctx->cr, x, y);
          else
            cairo_line_to (ctx->cr, x, y);
        }
      cairo_stroke (ctx->cr);
    }
  cairo_restore (ctx->cr);
  cairo_set_dash (ctx->cr, NULL, 0, 0);
  draw_cluster_levels (ctx);

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
        y = to_y (ctx, shown (data, row->value));
        /* The highlighted clinic keeps the colour that says where it lies; its ring says whose it is. */
        marker (ctx, x, y, r, flags[i], inside_colour (ctx, row));
        if (row->highlighted)
          {
            r = ring_radius (ctx, r * 1.2);
            ring (ctx, x, y, r);
            highlighted = row;
            highlighted_flag = flags[i];
          }
        box = MAX (r, 4);
        add_hit (ctx, x - box, y - box, 2 * box, 2 * box, i);
      }
  draw_funnel_labels (ctx, data, flags, summary.n_outside_95, radius, curves.n, curves.limits, xmax);
  funnel_legend (ctx, highlighted, highlighted_flag);
}

/* The periods with a cluster value, and how many clinics the fullest is made of. */
static guint
most_clinics (const KlyngeChartData *data)
{
  guint most = 0;

  for (guint p = 0; p < data->periods->len; p++)
    if (!isnan (data->cluster_series[p]))
      most = MAX (most, data->cluster_clinics[p]);
  return most;
}

/* A point made of fewer than three quarters of the clinics of the fullest
 * period: the clinics that had not delivered yet can move it. */
static gboolean
thin_point (const KlyngeChartData *data,
            guint                  p,
            guint                  most)
{
  return !isnan (data->cluster_series[p]) && data->cluster_clinics[p] > 0 && 4 * data->cluster_clinics[p] < 3 * most;
}

static double
period_x (Ctx   *ctx,
          guint  p,
          guint  n)
{
  double slot = (ctx->x1 - ctx->x0) / MAX (n, 1);

  return ctx->x0 + slot * (p + 0.5);
}

/* Returns: (transfer full): the @p-th period as people read it ("Q1 2026") */
static char *
period_label (const KlyngeChartData *data,
              guint                  p)
{
  return klynge_period_format_key (g_ptr_array_index (data->periods, p));
}

/* Returns: (transfer full): the chosen period as people read it, "—" without one */
static char *
chosen_period_label (const KlyngeChartData *data)
{
  return data->period != NULL ? klynge_period_format_key (data->period) : g_strdup ("—");
}

/* A period's label breaks into lines where its slot is too narrow for it
 * ("1. kvartal" over "2026" beside eleven other quarters).
 * Returns: how much taller than one line the tallest label is */
static double
period_labels_extra (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  double slot = (ctx->x1 - ctx->x0) / MAX (data->periods->len, 1);
  double line = klynge_chart_text (ctx->cr, "0", SIZE_LABEL * ctx->u, KLYNGE_TEXT_MEASURE, 0, 0, 0, 0, 0), tallest = line;

  for (guint p = 0; p < data->periods->len; p++)
    {
      g_autofree char *label = period_label (data, p);

      tallest = MAX (tallest, klynge_chart_text (ctx->cr, label, SIZE_LABEL * ctx->u,
                                                 KLYNGE_TEXT_WRAP | KLYNGE_TEXT_ELLIPSIS | KLYNGE_TEXT_MEASURE, 0, 0, slot, 0.5, 0));
    }
  return tallest - line;
}

static void
draw_period_labels (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  double slot = (ctx->x1 - ctx->x0) / MAX (data->periods->len, 1);

  klynge_chart_set_source (ctx->cr, &ctx->style->foreground);
  for (guint p = 0; p < data->periods->len; p++)
    {
      g_autofree char *label = period_label (data, p);

      klynge_chart_text (ctx->cr, label, SIZE_LABEL * ctx->u, KLYNGE_TEXT_WRAP | KLYNGE_TEXT_ELLIPSIS,
                         period_x (ctx, p, data->periods->len) - slot / 2, ctx->y1 + 0.3 * ctx->u, slot, 0.5, 0);
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
}

/* @hollow: (nullable): per period, whether its dot is drawn as a ring */
static void
draw_series (Ctx             *ctx,
             const double    *series,
             const KlyngeRgb *colour,
             double           width,
             double           dot,
             const gboolean  *hollow)
{
  const KlyngeChartData *data = ctx->data;

  klynge_chart_set_source (ctx->cr, colour);
  set_line (ctx, width, 0);
  trace_series (ctx, series);
  cairo_stroke (ctx->cr);
  for (guint p = 0; dot > 0 && p < data->periods->len; p++)
    if (!isnan (series[p]))
      {
        double x = period_x (ctx, p, data->periods->len), y = to_y (ctx, shown (data, series[p]));

        cairo_new_sub_path (ctx->cr);
        cairo_arc (ctx->cr, x, y, dot * ctx->u, 0, 2 * G_PI);
        if (hollow != NULL && hollow[p])
          {
            klynge_chart_set_source (ctx->cr, &ctx->style->background);
            cairo_fill_preserve (ctx->cr);
            klynge_chart_set_source (ctx->cr, colour);
            set_line (ctx, 0.08, 0);
            cairo_stroke (ctx->cr);
          }
        else
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
        klynge_chart_text (ctx->cr, label, SIZE_LABEL * ctx->u, KLYNGE_TEXT_BOLD, period_x (ctx, p, data->periods->len) + 0.5 * ctx->u,
                           to_y (ctx, shown (data, series[p])), 0, 0, 0.5);
        return;
      }
}

/* Beyond this many clinics their lines are a tangle that tells nothing
 * (and costs cairo a stroke each): the run chart shades their middle 80 %. */
#define RUN_MAX_LINES 12
/* The Anhøj rules need this many useful points. */
#define RUNS_MIN_POINTS 10

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
        cairo_line_to (ctx->cr, period_x (ctx, p, n_periods) - (start == end ? 0.15 * ctx->u : 0), to_y (ctx, shown (data, high[p])));
      for (guint p = end + 1; p-- > start;)
        cairo_line_to (ctx->cr, period_x (ctx, p, n_periods) + (start == end ? 0.15 * ctx->u : 0), to_y (ctx, shown (data, low[p])));
      cairo_close_path (ctx->cr);
      /* The next stretch starts a shape of its own, not a line from this one. */
      cairo_new_sub_path (ctx->cr);
      start = end + 1;
    }
  cairo_fill (ctx->cr);
}

/* Under each period: how many clinics its point is made of. */
static void
draw_point_counts (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  double slot = (ctx->x1 - ctx->x0) / MAX (data->periods->len, 1);

  klynge_chart_set_source (ctx->cr, &ctx->style->muted);
  for (guint p = 0; p < data->periods->len; p++)
    if (!isnan (data->cluster_series[p]) && data->cluster_clinics[p] > 0)
      {
        g_autofree char *count = format_count (data->cluster_clinics[p]);
        /* Translators: under a run chart's period, how many clinics its point is made of */
        g_autofree char *label = g_strdup_printf (_("n = %s"), count);

        klynge_chart_text (ctx->cr, label, 0.6 * ctx->u, KLYNGE_TEXT_ELLIPSIS,
                           period_x (ctx, p, data->periods->len) - slot / 2, ctx->y1 + 1.25 * ctx->u + ctx->period_extra, slot, 0.5, 0);
      }
}

static void
draw_run (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  KlyngeRunsTest runs;
  guint most = most_clinics (data);
  g_autofree gboolean *hollow = g_new0 (gboolean, MAX (data->periods->len, 1));
  g_autofree char *median_label = NULL, *median_value = NULL;
  const KlyngeRgb *colours[] = { &ctx->style->foreground, &ctx->style->pooled, &ctx->style->other, &ctx->style->highlight };
  const char *labels[] = { _("Cluster"), _("Median"),
                           /* xgettext:no-c-format */
                           data->rows->len > RUN_MAX_LINES ? _("Middle 80 % of the clinics") : _("Clinics"),
                           _("Highlighted clinic") };

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
      hollow[p] = thin_point (data, p, most);
    }
  nice_axis (ctx, shown (data, lo), shown (data, hi), is_proportion (data) ? 0 : -G_MAXDOUBLE, ceiling_of (data));
  draw_y_axis (ctx);
  draw_period_labels (ctx);
  draw_point_counts (ctx);

  if (data->rows->len > RUN_MAX_LINES)
    draw_spread (ctx);
  else
    for (guint i = 0; i < data->rows->len; i++)
      {
        const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

        if (!row->highlighted)
          draw_series (ctx, row->series, &ctx->style->other, 0.06, 0, NULL);
      }
  klynge_stats_runs (data->cluster_series, data->periods->len, &runs);
  median_value = klynge_chart_format_value (data, runs.centre, 0);
  median_label = g_strdup_printf (_("Median %s"), median_value);
  draw_level (ctx, shown (data, runs.centre), &ctx->style->pooled, 1, median_label);
  draw_series (ctx, data->cluster_series, &ctx->style->foreground, 0.16, 0.22, hollow);
  label_series_end (ctx, data->cluster_series, &ctx->style->foreground, _("Cluster"));
  for (guint i = 0; i < data->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

      if (row->highlighted)
        {
          draw_series (ctx, row->series, &ctx->style->highlight, 0.16, 0.22, NULL);
          label_series_end (ctx, row->series, &ctx->style->highlight, row->label);
        }
    }
  legend (ctx, ctx->y0 - 1.2 * ctx->u, ctx->options->names == KLYNGE_CHART_HIGHLIGHT ? 4 : 3, colours, labels, -1);
}

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

  if (!is_proportion (data) || data->cluster_denominators == NULL)
    return FALSE;
  p_chart_limits (data, lower, upper, outside, &sigma_z);
  return !isnan (sigma_z);
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
  guint most = most_clinics (data);
  KlyngeRunsTest runs;
  const KlyngeRgb *colours[] = { &ctx->style->foreground, &ctx->style->pooled, &ctx->style->muted, &ctx->style->alarm };
  const char *labels[] = { _("Cluster"), _("Average"), _("3-sigma limits (P′)"), _("Outside the limits") };

  if (!p_chart_drawable (data))
    {
      draw_message (ctx, _("No P′ chart"), _("A P′ chart needs a numerator and a denominator in two neighbouring periods."));
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
      hollow[p] = thin_point (data, p, most);
    }
  nice_axis (ctx, shown (data, lo), shown (data, hi), 0, ceiling_of (data));
  draw_y_axis (ctx);
  draw_period_labels (ctx);
  draw_point_counts (ctx);
  draw_series (ctx, lower, &ctx->style->muted, 0.1, 0, NULL);
  draw_series (ctx, upper, &ctx->style->muted, 0.1, 0, NULL);
  /* qicharts2 dashes the centre line when the Anhøj rules find a shift. */
  klynge_stats_runs_around (data->cluster_series, n, centre, &runs);
  centre_value = klynge_chart_format_value (data, centre, 0);
  centre_label = g_strdup_printf (_("Average %s"), centre_value);
  draw_level (ctx, shown (data, centre), &ctx->style->pooled, runs.n_useful >= RUNS_MIN_POINTS && (runs.long_run || runs.few_crossings),
              centre_label);
  draw_series (ctx, data->cluster_series, &ctx->style->foreground, 0.16, 0.22, hollow);
  draw_series (ctx, flagged, &ctx->style->alarm, 0, 0.32, NULL);
  legend (ctx, ctx->y0 - 1.2 * ctx->u, G_N_ELEMENTS (labels), colours, labels, -1);
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
  const KlyngeRgb *colours[] = { &ctx->style->muted, &ctx->style->similar, &ctx->style->better, &ctx->style->alarm, &ctx->style->pooled };
  const char *labels[5];
  g_autofree const char **names = NULL;
  g_autofree char *before_label = NULL, *after_label = NULL;
  gboolean standing;

  if (!before_after_periods (data, &before, &after))
    {
      draw_message (ctx, _("No before and after"), _("Before and after needs measurements from two periods."));
      return;
    }
  labels[0] = before_label = period_label (data, before);
  labels[1] = after_label = period_label (data, after);
  labels[2] = _("Better beyond chance");
  labels[3] = _("Worse beyond chance");
  labels[4] = _("Cluster");
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
  names = row_labels (rows);
  standing = stand_bar_labels (ctx, names, rows->len, slot);
  nice_axis (ctx, shown (data, lo), shown (data, hi), is_proportion (data) ? 0 : -G_MAXDOUBLE, ceiling_of (data));
  draw_y_axis (ctx);
  draw_level (ctx, shown (data, data->cluster_series[after]), &ctx->style->pooled, 0, labels[4]);

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
      {
        double d, l, u;
        int change = klynge_chart_change (data, row, before, after, &d, &l, &u);

        /* Only a change beyond chance earns a colour: blue better, vermillion worse. */
        klynge_chart_set_source (ctx->cr, change > 0 ? &ctx->style->better : change < 0 ? &ctx->style->alarm
                                          : inside_colour (ctx, row));
        cairo_new_sub_path (ctx->cr);
        cairo_arc (ctx->cr, cx, to_y (ctx, shown (data, va)), r, 0, 2 * G_PI);
        cairo_fill (ctx->cr);
      }
      if (row->highlighted)
        ring (ctx, cx, to_y (ctx, shown (data, va)), ring_radius (ctx, r));
      draw_bar_labels (ctx, cx - slot / 2, slot, row->label, standing);
      add_hit (ctx, cx - slot / 2, ctx->y0, slot, ctx->y1 - ctx->y0, row_index (data, row));
    }
  legend (ctx, ctx->y0 - 1.2 * ctx->u, 5, colours, labels, -1);
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
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  gboolean standing;

  for (guint i = 0; i < data->meetings->len; i++)
    g_ptr_array_add (dates, short_date (((KlyngeChartMeeting *) g_ptr_array_index (data->meetings, i))->date));
  standing = stand_bar_labels (ctx, (const char *const *) dates->pdata, dates->len, slot);
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
      g_autofree char *value = NULL, *number = NULL;

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
      draw_bar_labels (ctx, ctx->x0 + slot * i, slot, g_ptr_array_index (dates, i), standing);
      add_hit (ctx, ctx->x0 + slot * i, ctx->y0, slot, h, i);
    }
  legend (ctx, ctx->y0 - 1.2 * ctx->u, 3, colours, labels, -1);
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

/* How the clinics outside the 95 % limits lie, and what that can mean. */
static void
outside_sentences (const KlyngeFunnelSummary *summary,
                   GPtrArray                 *out)
{
  guint n = summary->n_testable, k = summary->n_outside_95;
  g_autofree char *count = format_count (n), *outside = format_count (k);
  g_autofree char *better = format_count (summary->n_better), *worse = format_count (summary->n_worse);

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
      g_autofree char *far = format_count (summary->n_outside_998);

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
  highlighted_sentence (data, out);
  g_ptr_array_add (out, pooled_sentence (data));
  if (options->around_reference && !isnan (data->reference))
    {
      g_autofree char *reference = klynge_chart_format_value (data, summary.centre, 0);

      g_ptr_array_add (out, g_strdup_printf (_("Limits around the reference, %s."), reference));
    }
}

static void
caption_bars (const KlyngeChartData    *data,
              const KlyngeChartOptions *options,
              GPtrArray                *out)
{
  g_autoptr(GPtrArray) rows = sorted_rows (data);
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
      g_autofree char *better = format_count (summary.n_better), *worse = format_count (summary.n_worse);

      g_ptr_array_add (out, g_strdup_printf (_("Beyond chance: %1$s better than the cluster, %2$s worse."), better, worse));
    }
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
        reached += klynge_chart_reaches_target (data, shown (data, ((KlyngeChartRow *) g_ptr_array_index (rows, i))->value));
      k = format_count (reached);
      g_ptr_array_add (out, g_strdup_printf (ngettext ("%1$s of %2$s clinics reaches the target (%3$s).",
                                                       "%1$s of %2$s clinics reach the target (%3$s).", reached),
                                             k, n, target));
    }
}

/* The Anhøj rules' verdict on a series around its median or, on a P′
 * chart, its average. */
static void
runs_sentences (const KlyngeRunsTest *tested,
                gboolean              around_average,
                GPtrArray            *out)
{
  KlyngeRunsTest runs = *tested;
  g_autofree char *count = format_count (runs.n_points);

  if (runs.n_useful < RUNS_MIN_POINTS)
    g_ptr_array_add (out, g_strdup_printf (ngettext ("Too few points to tell a shift from chance: %s point, at least 10 needed.",
                                                     "Too few points to tell a shift from chance: %s points, at least 10 needed.",
                                                     runs.n_points), count));
  else
    {
      if (runs.long_run)
        {
          g_autofree char *longest = format_count (runs.longest_run);

          g_ptr_array_add (out, g_strdup_printf (around_average
                                                 ? _("A run of %s points on one side of the average is unusually long: the cluster has shifted.")
                                                 : _("A run of %s points on one side of the median is unusually long: the cluster has shifted."),
                                                 longest));
        }
      if (runs.few_crossings)
        {
          g_autofree char *crossings = format_count (runs.crossings), *expected = format_count (runs.crossings_min);

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
static void
thin_sentences (const KlyngeChartData *data,
                GPtrArray             *out)
{
  guint most = most_clinics (data), n_thin = 0, last_thin = 0;

  for (guint p = 0; p < data->periods->len; p++)
    if (thin_point (data, p, most))
      last_thin = p, n_thin++;
  if (n_thin == 1)
    {
      g_autofree char *few = format_count (data->cluster_clinics[last_thin]), *full = format_count (most);
      g_autofree char *label = period_label (data, last_thin);

      g_ptr_array_add (out, g_strdup_printf (_("The point of %1$s, drawn hollow, is made of only %2$s of %3$s clinics."),
                                             label, few, full));
    }
  else if (n_thin > 1)
    {
      g_autofree char *thin = format_count (n_thin), *full = format_count (most);

      g_ptr_array_add (out, g_strdup_printf (_("%1$s points, drawn hollow, are made of fewer than the %2$s clinics of the fullest period."),
                                             thin, full));
    }
}

static void
caption_p_chart (const KlyngeChartData *data,
                 GPtrArray             *out)
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
  outside_count = format_count (n_outside);
  if (n_outside == 0)
    g_ptr_array_add (out, g_strdup (_("No period lies outside the limits.")));
  else
    g_ptr_array_add (out, g_strdup_printf (ngettext ("%s period lies outside the limits: more than the variation between periods explains.",
                                                     "%s periods lie outside the limits: more than the variation between periods explains.",
                                                     n_outside), outside_count));
  klynge_stats_runs_around (data->cluster_series, n, centre, &runs);
  runs_sentences (&runs, TRUE, out);
  thin_sentences (data, out);
}

static void
caption_run (const KlyngeChartData *data,
             GPtrArray             *out)
{
  KlyngeRunsTest runs;
  g_autofree char *median_value = NULL;

  klynge_stats_runs (data->cluster_series, data->periods->len, &runs);
  median_value = klynge_chart_format_value (data, runs.centre, 0);
  g_ptr_array_add (out, g_strdup_printf (_("The cluster’s median is %s."), median_value));
  runs_sentences (&runs, FALSE, out);
  thin_sentences (data, out);
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
  g_autofree char *number = format_signed (shown (data, difference));

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
caption_before_after (const KlyngeChartData *data,
                      GPtrArray             *out)
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
    g_autofree char *k = format_count (improved), *w = format_count (worse), *rest = format_count (both - improved - worse);
    g_autofree char *n = format_count (both);
    g_autofree char *before_label = period_label (data, before), *after_label = period_label (data, after);

    g_ptr_array_add (out, g_strdup_printf (_("Cluster: %1$s in %2$s, %3$s in %4$s."), a, before_label, b, after_label));
    cluster = klynge_chart_change (data, NULL, before, after, &difference, &lower, &upper);
    if (data->cluster_denominators != NULL && data->cluster_denominators[before] > 0 && data->cluster_denominators[after] > 0)
      {
        g_autofree char *change = format_change (data, difference);
        g_autofree char *lo = format_signed (shown (data, lower)), *hi = format_signed (shown (data, upper));

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
        {
          g_autofree char *label = chosen_period_label (data);

          g_ptr_array_add (sentences, g_strdup_printf (_("No clinic has data for this indicator in %s."), label));
        }
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
      case KLYNGE_CHART_P_CHART:
        caption_p_chart (data, sentences);
        break;
      case KLYNGE_CHART_BEFORE_AFTER:
        caption_before_after (data, sentences);
        break;
      case KLYNGE_CHART_ATTENDANCE:
        caption_attendance (data, sentences);
        break;
      case KLYNGE_CHART_BARS:
      default:
        caption_bars (data, options, sentences);
        break;
      }

  if (options->kind != KLYNGE_CHART_ATTENDANCE && data->n_zero_denominator > 0)
    {
      g_autofree char *k = format_count (data->n_zero_denominator);

      g_ptr_array_add (sentences, g_strdup_printf (ngettext ("%s clinic with a denominator of 0 is left out.",
                                                             "%s clinics with a denominator of 0 are left out.",
                                                             data->n_zero_denominator), k));
    }
  if (options->kind != KLYNGE_CHART_ATTENDANCE && data->n_suppressed > 0)
    g_ptr_array_add (sentences, klynge_chart_suppressed_note (data));
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
  g_autofree char *period = data->period != NULL ? klynge_period_format_key (data->period) : g_strdup ("");

  if (options->date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
    }
  date = klynge_format_date (options->date != NULL ? options->date : today);
  if (options->kind == KLYNGE_CHART_ATTENDANCE)
    return g_strdup_printf (_("Data: attendance register · Drawn %s"), date);
  if (data->data_source != NULL && *data->data_source != '\0')
    return g_strdup_printf (_("Data: %1$s, %2$s · Drawn %3$s"), data->data_source, period, date);
  return g_strdup_printf (_("Data: the clinics’ own extracts, %1$s · Drawn %2$s"), period, date);
}

/* The room right of the plot for the labels of its horizontal lines
 * (cluster, median, reference, target), measured on what will be drawn. */
static double
level_gutter (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  double widest = 0;

  if (ctx->options->kind == KLYNGE_CHART_ATTENDANCE || !has_data (data, ctx->options))
    return 0;
  if (data->has_pooled)
    {
      g_autofree char *value = klynge_chart_format_value (data, data->pooled, 0);

      g_ptr_array_add (labels, g_strdup_printf (_("Cluster %s"), value));
    }
  if (ctx->options->kind == KLYNGE_CHART_RUN)
    {
      KlyngeRunsTest runs;
      g_autofree char *value = NULL;

      klynge_stats_runs (data->cluster_series, data->periods->len, &runs);
      value = klynge_chart_format_value (data, runs.centre, 0);
      g_ptr_array_add (labels, g_strdup_printf (_("Median %s"), value));
    }
  if (ctx->options->kind == KLYNGE_CHART_P_CHART && p_chart_drawable (data))
    {
      g_autofree double *lower = g_new (double, data->periods->len), *upper = g_new (double, data->periods->len);
      g_autofree gboolean *outside = g_new (gboolean, data->periods->len);
      g_autofree char *value = NULL;
      double sigma_z;

      value = klynge_chart_format_value (data, p_chart_limits (data, lower, upper, outside, &sigma_z), 0);
      g_ptr_array_add (labels, g_strdup_printf (_("Average %s"), value));
    }
  g_ptr_array_add (labels, g_strdup (_("Cluster")));
  if (!isnan (data->reference))
    g_ptr_array_add (labels, g_strdup (_("Reference")));
  if (!isnan (data->target))
    g_ptr_array_add (labels, g_strdup (_("Target")));
  for (guint i = 0; i < labels->len; i++)
    widest = MAX (widest, klynge_chart_text (ctx->cr, g_ptr_array_index (labels, i), SIZE_LABEL * ctx->u,
                                             KLYNGE_TEXT_BOLD | KLYNGE_TEXT_MEASURE_WIDTH, 0, 0, 0, 0, 0));
  return widest + 0.6 * ctx->u;
}

/* The title, subtitle, caption and (on a slide) footer around the plot.
 * Returns: where the plot's area may begin */
static double
draw_frame (Ctx        *ctx,
            double      width,
            double      height,
            const char *title,
            const char *caption,
            double     *caption_h,
            double     *footer_h)
{
  cairo_t *cr = ctx->cr;
  const KlyngeChartData *data = ctx->data;
  const KlyngeChartOptions *options = ctx->options;
  double u = ctx->u, margin = 1.2 * u, y;
  g_autofree char *subtitle = NULL, *period = chosen_period_label (data);

  klynge_chart_set_source (cr, &ctx->style->foreground);
  y = margin + klynge_chart_text (cr, title, SIZE_TITLE * u, KLYNGE_TEXT_BOLD | KLYNGE_TEXT_ELLIPSIS, margin, margin, width - 2 * margin, 0, 0);
  if (options->kind == KLYNGE_CHART_ATTENDANCE)
    subtitle = g_strdup (data->cluster_name);
  else
    subtitle = g_strdup_printf ("%s · %s · %s", data->cluster_name, period, _(kind_labels[options->kind]));
  klynge_chart_set_source (cr, &ctx->style->muted);
  y += klynge_chart_text (cr, subtitle, SIZE_LABEL * u, KLYNGE_TEXT_ELLIPSIS, margin, y, width - 2 * margin, 0, 0);

  if (options->slide)
    {
      g_autofree char *footer = footer_text (data, options);

      *footer_h = 1.6 * u;
      klynge_chart_set_source (cr, &ctx->style->muted);
      klynge_chart_text (cr, footer, SIZE_FOOTER * u, KLYNGE_TEXT_ELLIPSIS, margin, height - margin * 0.6, (width - 2 * margin) * 0.6, 0, 1);
      /* Attendance shows no clinic: "Clinics shown as letters" would puzzle the room. */
      if (options->kind != KLYNGE_CHART_ATTENDANCE)
        klynge_chart_text (cr, klynge_chart_names_note (options->names), SIZE_FOOTER * u, KLYNGE_TEXT_BOLD | KLYNGE_TEXT_ELLIPSIS,
                           margin + (width - 2 * margin) * 0.6, height - margin * 0.6, (width - 2 * margin) * 0.4, 1, 1);
    }
  *caption_h = klynge_chart_text (cr, caption, SIZE_CAPTION * u, KLYNGE_TEXT_WRAP | KLYNGE_TEXT_MEASURE, 0, 0, width - 2 * margin, 0, 0);
  klynge_chart_set_source (cr, &ctx->style->foreground);
  klynge_chart_text (cr, caption, SIZE_CAPTION * u, KLYNGE_TEXT_WRAP, margin, height - margin * 0.6 - *footer_h - *caption_h,
                     width - 2 * margin, 0, 0);

  return y;
}

/* The chart once, leaving room above the plot for ctx->legend_lines lines
 * of legend. */
static void
draw_once (Ctx        *ctx,
           double      width,
           double      height,
           const char *title,
           const char *caption)
{
  double margin = 1.2 * ctx->u, y, caption_h = 0, footer_h = 0;

  ctx->legend_needed = 0;
  klynge_chart_set_source (ctx->cr, &ctx->style->background);
  cairo_rectangle (ctx->cr, 0, 0, width, height);
  cairo_fill (ctx->cr);
  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);

  if (ctx->options->bare)
    y = margin;
  else
    y = draw_frame (ctx, width, height, title, caption, &caption_h, &footer_h);
  ctx->x0 = margin + 4.0 * ctx->u;
  ctx->x1 = width - margin - 0.5 * ctx->u - level_gutter (ctx);
  ctx->y0 = y + (2.6 + (ctx->legend_lines - 1) * LEGEND_LINE) * ctx->u;
  if ((ctx->options->kind == KLYNGE_CHART_RUN || ctx->options->kind == KLYNGE_CHART_P_CHART) && has_data (ctx->data, ctx->options))
    ctx->period_extra = period_labels_extra (ctx);
  ctx->y1 = height - margin * 0.6 - footer_h - caption_h - ctx->period_extra
           - (ctx->options->kind == KLYNGE_CHART_FUNNEL ? 3.4 : ctx->options->kind == KLYNGE_CHART_RUN || ctx->options->kind == KLYNGE_CHART_P_CHART ? 2.3 : 1.9) * ctx->u;

  if (ctx->y1 - ctx->y0 < 2 * ctx->u || ctx->x1 - ctx->x0 < 2 * ctx->u)
    ;  /* Too small to draw a plot in; the caption still says it all. */
  else if (!has_data (ctx->data, ctx->options))
    draw_message (ctx, _("No data"), caption);
  else
    switch (ctx->options->kind)
      {
      case KLYNGE_CHART_FUNNEL:
        draw_funnel (ctx);
        break;
      case KLYNGE_CHART_RUN:
        draw_run (ctx);
        break;
      case KLYNGE_CHART_P_CHART:
        draw_p_chart (ctx);
        break;
      case KLYNGE_CHART_BEFORE_AFTER:
        draw_before_after (ctx);
        break;
      case KLYNGE_CHART_ATTENDANCE:
        draw_attendance (ctx);
        break;
      case KLYNGE_CHART_BARS:
      default:
        draw_bars (ctx);
        break;
      }
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
  double u = CLAMP (MIN (height / 36, width / 56), 8, 400);
  guint n_hits = hits != NULL ? hits->len : 0;

  ctx.u = u;
  ctx.percent_axis = options->kind == KLYNGE_CHART_ATTENDANCE
                     || (is_proportion (data) && g_strcmp0 (data->unit, "percent") == 0);
  if (options->kind != KLYNGE_CHART_ATTENDANCE && is_proportion (data) &&
      klynge_chart_data_get_indicator_type (data) == KLYNGE_INDICATOR_RATE)
    ctx.axis_unit = klynge_chart_data_scale (data) == 100000 ? _("per 100,000") : _("per 1,000");
  cairo_save (cr);
  ctx.legend_lines = 1;
  draw_once (&ctx, width, height, title, caption);
  /* Once more, lower, when the legend wrapped onto more lines than the
   * plot left room for: only a narrow chart does. */
  if (ctx.legend_needed > ctx.legend_lines)
    {
      if (hits != NULL)
        g_array_set_size (hits, n_hits);
      ctx.legend_lines = ctx.legend_needed;
      draw_once (&ctx, width, height, title, caption);
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
      g_autofree char *text = NULL;
      g_autofree char *suppressed = NULL;

      if (index >= data->rows->len)
        return NULL;
      row = g_ptr_array_index (data->rows, index);
      value = klynge_chart_format_value (data, row->value, 1);
      if (row->has_counts)
        {
          g_autofree char *num = format_count (row->numerator), *den = format_count (row->denominator);
          g_autofree char *lo = klynge_chart_format_value (data, row->lower, 1);
          g_autofree char *hi = klynge_chart_format_value (data, row->upper, 1);

          text = g_strdup_printf (_("Clinic %1$s: %2$s (%3$s of %4$s)\n95 %% interval %5$s to %6$s"),
                                  row->label, value, num, den, lo, hi);
        }
      else
        text = g_strdup_printf (_("Clinic %1$s: %2$s"), row->label, value);
      if (row->n_suppressed == 0)
        return g_steal_pointer (&text);
      suppressed = g_strdup_printf (ngettext ("Suppressed by the publisher in %u period",
                                              "Suppressed by the publisher in %u periods", row->n_suppressed),
                                    row->n_suppressed);
      return g_strdup_printf ("%s\n%s", text, suppressed);
    }
}

/* Returns: (transfer full) (nullable): "2 clinics suppressed: …" for the
 * caption and the hover, or %NULL when no clinic's value is suppressed */
char *
klynge_chart_suppressed_note (const KlyngeChartData *data)
{
  g_autofree char *k = NULL;

  if (data->n_suppressed == 0)
    return NULL;
  k = format_count (data->n_suppressed);
  return g_strdup_printf (ngettext ("%s clinic suppressed: the publisher withheld its value, which is not shown.",
                                    "%s clinics suppressed: the publisher withheld their values, which are not shown.",
                                    data->n_suppressed), k);
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
