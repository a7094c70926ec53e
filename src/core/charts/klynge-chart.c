/* klynge-chart.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The benchmark charts, drawn onto any cairo context at any size: the Charts
 * area, the presentation, PNG, SVG and PDF all run this code. Every length is
 * a multiple of one text unit derived from the size, so a slide reads the
 * same from the back of a room at 1920×1080 as at 3840×2160.
 *
 * This file draws what every kind has (title, caption, footer, axes, the
 * cluster's levels, the legend) and hands the plot to the kind's class.
 */

#include "klynge-i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "klynge-chart-private.h"
#include "klynge-format.h"
#include "klynge-period.h"

char *
_klynge_chart_format_number (double value,
                             int    digits)
{
  char buf[64];

  /* The ' flag groups thousands as LC_NUMERIC does: 1,329 or 1.329. */
  snprintf (buf, sizeof buf, "%'.*f", digits, value);
  /* A minus sign, not the hyphen printf writes: "−3,1" in a caption, as
   * the signed changes beside it are written. */
  if (buf[0] == '-')
    return g_strconcat ("−", buf + 1, NULL);
  return g_strdup (buf);
}

gboolean
_klynge_chart_is_proportion (const KlyngeChartData *data)
{
  return data->has_pooled;
}

/* A row's value in the unit shown: a proportion is scaled (31 %), a bare value is as measured. */
double
_klynge_chart_shown (const KlyngeChartData *data,
                     double                 proportion)
{
  return _klynge_chart_is_proportion (data) ? proportion * klynge_chart_data_scale (data) : proportion;
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
  if (digits == 0 && _klynge_chart_is_proportion (data) && proportion > 0 && fabs (_klynge_chart_shown (data, proportion)) < 10)
    digits = 1;
  number = _klynge_chart_format_number (_klynge_chart_shown (data, proportion), digits);
  if (!_klynge_chart_is_proportion (data))
    return g_steal_pointer (&number);
  if (g_strcmp0 (data->unit, "percent") == 0)
    /* Translators: a percentage; Danish writes a space before the sign too */
    return g_strdup_printf (_("%s %%"), number);
  if (g_strcmp0 (data->unit, "rate") == 0)
    return g_strdup_printf (klynge_chart_data_scale (data) == 100000 ? _("%s per 100,000") : _("%s per 1,000"), number);
  return g_steal_pointer (&number);
}

char *
_klynge_chart_format_count (gint64 value)
{
  return klynge_format_integer (value);
}

void
_klynge_chart_set_line (Ctx    *ctx,
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

double
_klynge_chart_to_y (Ctx    *ctx,
                    double  value)
{
  return ctx->y1 - (value - ctx->ymin) / (ctx->ymax - ctx->ymin) * (ctx->y1 - ctx->y0);
}

void
_klynge_chart_nice_axis (Ctx    *ctx,
                         double  lo,
                         double  hi,
                         double  floor_value,
                         double  ceiling_value)
{
  klynge_chart_nice_range (lo, hi, floor_value, ceiling_value, &ctx->ymin, &ctx->ymax, &ctx->ystep);
}

void
_klynge_chart_draw_y_axis (Ctx *ctx)
{
  int digits = ctx->ystep < 1 ? (int) ceil (-log10 (ctx->ystep)) : 0;

  for (double v = ctx->ymin; v <= ctx->ymax + ctx->ystep / 1000; v += ctx->ystep)
    {
      double y = round (_klynge_chart_to_y (ctx, v)) + 0.5;
      g_autofree char *number = _klynge_chart_format_number (v, digits);
      /* Translators: a percentage; Danish writes a space before the sign too */
      g_autofree char *label = ctx->percent_axis ? g_strdup_printf (_("%s %%"), number) : g_strdup (number);

      klynge_chart_set_source (ctx->cr, &ctx->style->grid);
      _klynge_chart_set_line (ctx, 0.05, 0);
      cairo_move_to (ctx->cr, ctx->x0, y);
      cairo_line_to (ctx->cr, ctx->x1, y);
      cairo_stroke (ctx->cr);
      klynge_chart_set_source (ctx->cr, &ctx->style->muted);
      klynge_chart_text (ctx->cr, label, SIZE_LABEL * ctx->u, 0, ctx->x0 - 0.4 * ctx->u, y, 0, 1, 0.5);
    }
  if (ctx->axis_unit != NULL)
    klynge_chart_text (ctx->cr, ctx->axis_unit, 0.75 * ctx->u, 0, ctx->x0 - 0.4 * ctx->u,
                       _klynge_chart_to_y (ctx, ctx->ymax) - 0.9 * ctx->u, 0, 1, 1);
}

/* A horizontal line across the plot with its label at the right end. */
void
_klynge_chart_draw_level (Ctx             *ctx,
                          double           value,
                          const KlyngeRgb *colour,
                          int              dash,
                          const char      *label)
{
  double y = _klynge_chart_to_y (ctx, value);

  if (isnan (value) || value < ctx->ymin || value > ctx->ymax)
    return;
  klynge_chart_set_source (ctx->cr, colour);
  _klynge_chart_set_line (ctx, 0.12, dash);
  cairo_move_to (ctx->cr, ctx->x0, y);
  cairo_line_to (ctx->cr, ctx->x1, y);
  cairo_stroke (ctx->cr);
  cairo_set_dash (ctx->cr, NULL, 0, 0);
  /* In the gutter right of the plot, never over a bar or a clinic. */
  klynge_chart_text (ctx->cr, label, SIZE_LABEL * ctx->u, KLYNGE_TEXT_BOLD, ctx->x1 + 0.3 * ctx->u, y, 0, 0, 0.5);
}

void
_klynge_chart_add_hit (Ctx    *ctx,
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
const KlyngeRgb *
_klynge_chart_inside_colour (Ctx                  *ctx,
                             const KlyngeChartRow *row)
{
  return row->highlighted ? &ctx->style->highlight : &ctx->style->similar;
}

void
_klynge_chart_draw_message (Ctx        *ctx,
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
void
_klynge_chart_ring (Ctx    *ctx,
                    double  x,
                    double  y,
                    double  radius)
{
  cairo_new_sub_path (ctx->cr);
  cairo_arc (ctx->cr, x, y, radius, 0, 2 * G_PI);
  klynge_chart_set_source (ctx->cr, &ctx->style->background);
  _klynge_chart_set_line (ctx, 0.28, 0);
  cairo_stroke_preserve (ctx->cr);
  klynge_chart_set_source (ctx->cr, &ctx->style->foreground);
  _klynge_chart_set_line (ctx, 0.1, 0);
  cairo_stroke (ctx->cr);
}

double
_klynge_chart_ring_radius (Ctx    *ctx,
                           double  radius)
{
  return radius + 0.22 * ctx->u;
}

/* Adds an entry to the legend the kind names in its legend(). */
void
_klynge_chart_legend_add (Ctx             *ctx,
                          const KlyngeRgb *colour,
                          const char      *label)
{
  g_return_if_fail (ctx->legend.n < LEGEND_MAX);
  ctx->legend.colours[ctx->legend.n] = colour;
  ctx->legend.labels[ctx->legend.n++] = label;
}

/* Each legend entry as wide as its mark and text need, so a long label is
 * not cut short beside a short one; entries that do not fit on the line
 * wrap onto a line above it, and the plot starts lower by as many lines.
 * Only an entry wider than the plot alone is cut. */
static void
place_legend (Ctx *ctx)
{
  KlyngeChartLegend *legend = &ctx->legend;
  double size = SIZE_LABEL * ctx->u, gap = 0.8 * ctx->u, room = ctx->x1 - ctx->x0, x = ctx->x0;
  guint line = 0;

  for (guint i = 0; i < legend->n; i++)
    {
      double text = legend->labels[i] != NULL ? klynge_chart_text (ctx->cr, legend->labels[i], size, KLYNGE_TEXT_MEASURE_WIDTH,
                                                                   0, 0, 0, 0, 0) : 0;

      legend->widths[i] = MIN (room, legend->mark * size + text + gap);
      if (x > ctx->x0 && x + legend->widths[i] - gap > ctx->x1)
        {
          line++;
          x = ctx->x0;
        }
      legend->xs[i] = x;
      legend->line[i] = line;
      x += legend->widths[i];
    }
  legend->n_lines = line + 1;
}

/* Draws the legend's entries as coloured squares with their labels; the
 * entry @ctx->legend.ringed with the highlighted clinic's ring. */
void
_klynge_chart_legend (Ctx *ctx)
{
  const KlyngeChartLegend *legend = &ctx->legend;
  double size = SIZE_LABEL * ctx->u;

  for (guint i = 0; i < legend->n; i++)
    {
      double x = legend->xs[i], y = legend->ys[i];

      if ((int) i == legend->ringed)
        {
          klynge_chart_legend_item (ctx->cr, legend->colours[i], &ctx->style->foreground, legend->labels[i], size,
                                    x + 0.3 * size, y, legend->widths[i] - 0.5 * ctx->u - 0.3 * size);
          _klynge_chart_ring (ctx, x + 0.8 * size, y, 0.75 * size);
        }
      else
        klynge_chart_legend_item (ctx->cr, legend->colours[i], &ctx->style->foreground, legend->labels[i], size,
                                  x, y, legend->widths[i] - 0.5 * ctx->u);
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
GPtrArray *
_klynge_chart_sorted_rows (const KlyngeChartData *data)
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

guint
_klynge_chart_row_index (const KlyngeChartData *data,
                         const KlyngeChartRow  *row)
{
  guint index = 0;

  g_ptr_array_find (data->rows, row, &index);
  return index;
}

/* Only a proportion has a ceiling: a rate's events may outnumber its people. */
double
_klynge_chart_ceiling_of (const KlyngeChartData *data)
{
  return _klynge_chart_is_proportion (data) && klynge_chart_data_get_indicator_type (data) == KLYNGE_INDICATOR_PROPORTION
         ? klynge_chart_data_scale (data) : G_MAXDOUBLE;
}

/* Whether the labels under the bars stand upright, reading upwards: when
 * the widest does not fit its slot lying down (two-letter codes among 60
 * clinics). They keep their full size either way, and the plot makes room
 * below the axis for the longest. */
gboolean
_klynge_chart_stand_bar_labels (Ctx        *ctx,
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

void
_klynge_chart_draw_bar_labels (Ctx        *ctx,
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

const char **
_klynge_chart_row_labels (GPtrArray *rows)
{
  const char **labels = g_new (const char *, MAX (rows->len, 1));

  for (guint i = 0; i < rows->len; i++)
    labels[i] = ((KlyngeChartRow *) g_ptr_array_index (rows, i))->label;
  return labels;
}

void
_klynge_chart_draw_cluster_levels (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  g_autofree char *pooled = NULL, *reference = NULL, *target = NULL;

  if (data->has_pooled)
    {
      g_autofree char *value = klynge_chart_format_value (data, data->pooled, 0);
      pooled = g_strdup_printf (_("Cluster %s"), value);
      _klynge_chart_draw_level (ctx, _klynge_chart_shown (data, data->pooled), &ctx->style->pooled, 0, pooled);
    }
  if (!isnan (data->reference))
    {
      reference = g_strdup (_("Reference"));
      _klynge_chart_draw_level (ctx, data->reference, &ctx->style->reference, 1, reference);
    }
  if (!isnan (data->target))
    {
      target = g_strdup (_("Target"));
      _klynge_chart_draw_level (ctx, data->target, &ctx->style->target, 2, target);
    }
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

/* Returns: (transfer full): the @p-th period as people read it ("Q1 2026") */
char *
_klynge_chart_period_label (const KlyngeChartData *data,
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

static const KlyngeChartKindClass *
kind_class (KlyngeChartKind kind)
{
  static const KlyngeChartKindClass *classes[KLYNGE_CHART_N_KINDS] = {
    [KLYNGE_CHART_BARS] = &_klynge_chart_bars_class,
    [KLYNGE_CHART_FUNNEL] = &_klynge_chart_funnel_class,
    [KLYNGE_CHART_RUN] = &_klynge_chart_run_class,
    [KLYNGE_CHART_BEFORE_AFTER] = &_klynge_chart_before_after_class,
    [KLYNGE_CHART_ATTENDANCE] = &_klynge_chart_attendance_class,
    [KLYNGE_CHART_P_CHART] = &_klynge_chart_p_chart_class,
  };

  return classes[CLAMP (kind, 0, KLYNGE_CHART_N_KINDS - 1)];
}

static gboolean
has_data (const KlyngeChartData    *data,
          const KlyngeChartOptions *options)
{
  if (kind_class (options->kind)->shows_meetings)
    return data->meetings->len > 0;
  return data->rows->len > 0;
}

static char *
join_sentences (GPtrArray *sentences)
{
  g_ptr_array_add (sentences, NULL);
  return g_strjoinv (" ", (char **) sentences->pdata);
}

char *
_klynge_chart_pooled_sentence (const KlyngeChartData *data)
{
  g_autofree char *value = klynge_chart_format_value (data, data->pooled, 0);
  g_autofree char *num = _klynge_chart_format_count (data->pooled_numerator);
  g_autofree char *den = _klynge_chart_format_count (data->pooled_denominator);

  /* Translators: "Cluster: 31 % (412 of 1,329)." */
  return g_strdup_printf (_("Cluster: %1$s (%2$s of %3$s)."), value, num, den);
}

/* In a feedback chart: where the highlighted clinic itself stands. */
void
_klynge_chart_highlighted_sentence (const KlyngeChartData *data,
                                    GPtrArray             *out)
{
  for (guint i = 0; i < data->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);
      g_autofree char *value = NULL, *num = NULL, *den = NULL;

      if (!row->highlighted || !row->has_counts)
        continue;
      value = klynge_chart_format_value (data, row->value, 0);
      num = _klynge_chart_format_count (row->numerator);
      den = _klynge_chart_format_count (row->denominator);
      /* Translators: a clinic's own value, "Skovbo Lægeklinik: 74 % (151 of 204)." */
      g_ptr_array_add (out, g_strdup_printf (_("%1$s: %2$s (%3$s of %4$s)."), row->label, value, num, den));
    }
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
  const KlyngeChartKindClass *klass = kind_class (options->kind);
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);

  if (!has_data (data, options))
    {
      if (klass->shows_meetings)
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
    klass->caption (data, options, sentences);

  if (!klass->shows_meetings && data->n_zero_denominator > 0)
    {
      g_autofree char *k = _klynge_chart_format_count (data->n_zero_denominator);

      g_ptr_array_add (sentences, g_strdup_printf (ngettext ("%s clinic with a denominator of 0 is left out.",
                                                             "%s clinics with a denominator of 0 are left out.",
                                                             data->n_zero_denominator), k));
    }
  if (!klass->shows_meetings && data->n_suppressed > 0)
    g_ptr_array_add (sentences, klynge_chart_suppressed_note (data));
  return join_sentences (sentences);
}

/* Returns: (transfer full): the slide's title: the indicator, or "Attendance per meeting" */
char *
klynge_chart_title (const KlyngeChartData    *data,
                    const KlyngeChartOptions *options)
{
  if (kind_class (options->kind)->shows_meetings)
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
  if (kind_class (options->kind)->shows_meetings)
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
  const KlyngeChartKindClass *klass = kind_class (ctx->options->kind);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  double widest = 0;

  if (klass->shows_meetings || !has_data (data, ctx->options))
    return 0;
  if (data->has_pooled)
    {
      g_autofree char *value = klynge_chart_format_value (data, data->pooled, 0);

      g_ptr_array_add (labels, g_strdup_printf (_("Cluster %s"), value));
    }
  if (klass->level_labels != NULL)
    klass->level_labels (data, labels);
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
  const KlyngeChartKindClass *klass = kind_class (options->kind);
  double u = ctx->u, margin = 1.2 * u, y;
  g_autofree char *subtitle = NULL, *period = chosen_period_label (data);

  klynge_chart_set_source (cr, &ctx->style->foreground);
  y = margin + klynge_chart_text (cr, title, SIZE_TITLE * u, KLYNGE_TEXT_BOLD | KLYNGE_TEXT_ELLIPSIS, margin, margin, width - 2 * margin, 0, 0);
  if (klass->shows_meetings)
    subtitle = g_strdup (data->cluster_name);
  else
    subtitle = g_strdup_printf ("%s · %s · %s", data->cluster_name, period, _(klass->label));
  klynge_chart_set_source (cr, &ctx->style->muted);
  y += klynge_chart_text (cr, subtitle, SIZE_LABEL * u, KLYNGE_TEXT_ELLIPSIS, margin, y, width - 2 * margin, 0, 0);

  if (options->slide)
    {
      g_autofree char *footer = footer_text (data, options);

      *footer_h = 1.6 * u;
      klynge_chart_set_source (cr, &ctx->style->muted);
      klynge_chart_text (cr, footer, SIZE_FOOTER * u, KLYNGE_TEXT_ELLIPSIS, margin, height - margin * 0.6, (width - 2 * margin) * 0.6, 0, 1);
      /* Attendance shows no clinic: "Clinics shown as letters" would puzzle the room. */
      if (!klass->shows_meetings)
        klynge_chart_text (cr, klynge_chart_names_note (options->names), SIZE_FOOTER * u, KLYNGE_TEXT_BOLD | KLYNGE_TEXT_ELLIPSIS,
                           margin + (width - 2 * margin) * 0.6, height - margin * 0.6, (width - 2 * margin) * 0.4, 1, 1);
    }
  *caption_h = klynge_chart_text (cr, caption, SIZE_CAPTION * u, KLYNGE_TEXT_WRAP | KLYNGE_TEXT_MEASURE, 0, 0, width - 2 * margin, 0, 0);
  klynge_chart_set_source (cr, &ctx->style->foreground);
  klynge_chart_text (cr, caption, SIZE_CAPTION * u, KLYNGE_TEXT_WRAP, margin, height - margin * 0.6 - *footer_h - *caption_h,
                     width - 2 * margin, 0, 0);

  return y;
}

/* The chart, leaving room above the plot for the lines of its legend. */
static void
draw_chart (Ctx                        *ctx,
            const KlyngeChartKindClass *klass,
            double                      width,
            double                      height,
            const char                 *title,
            const char                 *caption)
{
  double margin = 1.2 * ctx->u, y, caption_h = 0, footer_h = 0;

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
  ctx->legend.ringed = -1;
  ctx->legend.mark = 1.7;
  if (has_data (ctx->data, ctx->options))
    klass->legend (ctx);
  place_legend (ctx);
  ctx->y0 = y + (2.6 + (ctx->legend.n_lines - 1) * LEGEND_LINE) * ctx->u;
  for (guint i = 0; i < ctx->legend.n; i++)
    ctx->legend.ys[i] = ctx->y0 - 1.2 * ctx->u - (ctx->legend.n_lines - 1 - ctx->legend.line[i]) * LEGEND_LINE * ctx->u;
  if (klass->over_periods && has_data (ctx->data, ctx->options))
    ctx->period_extra = _klynge_chart_period_labels_extra (ctx);
  ctx->y1 = height - margin * 0.6 - footer_h - caption_h - ctx->period_extra - klass->axis_below * ctx->u;

  if (ctx->y1 - ctx->y0 < 2 * ctx->u || ctx->x1 - ctx->x0 < 2 * ctx->u)
    ;  /* Too small to draw a plot in; the caption still says it all. */
  else if (!has_data (ctx->data, ctx->options))
    _klynge_chart_draw_message (ctx, _("No data"), caption);
  else
    klass->draw (ctx);
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
  const KlyngeChartKindClass *klass = kind_class (options->kind);
  g_autofree char *title = klynge_chart_title (data, options);
  g_autofree char *caption = klynge_chart_caption (data, options);
  double u = CLAMP (MIN (height / 36, width / 56), 8, 400);

  ctx.u = u;
  ctx.percent_axis = klass->shows_meetings
                     || (_klynge_chart_is_proportion (data) && g_strcmp0 (data->unit, "percent") == 0);
  if (!klass->shows_meetings && _klynge_chart_is_proportion (data) &&
      klynge_chart_data_get_indicator_type (data) == KLYNGE_INDICATOR_RATE)
    ctx.axis_unit = klynge_chart_data_scale (data) == 100000 ? _("per 100,000") : _("per 1,000");
  cairo_save (cr);
  draw_chart (&ctx, klass, width, height, title, caption);
  cairo_restore (cr);
  for (guint i = 0; i < LEGEND_MAX; i++)
    g_free (ctx.legend.owned[i]);
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

/* A clinic's numbers: the describe of every kind that draws clinics. */
char *
_klynge_chart_describe_row (const KlyngeChartData *data,
                            guint                  index)
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
      g_autofree char *num = _klynge_chart_format_count (row->numerator), *den = _klynge_chart_format_count (row->denominator);
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
  return kind_class (options->kind)->describe (data, index);
}

/* Returns: (transfer full) (nullable): "2 clinics suppressed: …" for the
 * caption and the hover, or %NULL when no clinic's value is suppressed */
char *
klynge_chart_suppressed_note (const KlyngeChartData *data)
{
  g_autofree char *k = NULL;

  if (data->n_suppressed == 0)
    return NULL;
  k = _klynge_chart_format_count (data->n_suppressed);
  return g_strdup_printf (ngettext ("%s clinic suppressed: the publisher withheld its value, which is not shown.",
                                    "%s clinics suppressed: the publisher withheld their values, which are not shown.",
                                    data->n_suppressed), k);
}

const char *
klynge_chart_kind_to_string (KlyngeChartKind kind)
{
  return kind_class (kind)->name;
}

gboolean
klynge_chart_kind_from_string (const char      *name,
                               KlyngeChartKind *kind)
{
  for (guint i = 0; i < KLYNGE_CHART_N_KINDS; i++)
    if (g_strcmp0 (name, kind_class (i)->name) == 0)
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
  return _(kind_class (kind)->label);
}
