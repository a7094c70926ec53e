/* klynge-chart-private.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the chart kinds share: the drawing context, the axes, levels, legend
 * and marks every kind draws with, and the sentences captions are made of.
 * Each kind (klynge-chart-bars.c, -funnel.c, -run.c, -p-chart.c,
 * -before-after.c, -attendance.c) fills a KlyngeChartKindClass;
 * klynge-chart.c draws the frame around it and asks it for the rest, and
 * klynge-chart-series.c holds what the two charts over time share.
 */

#pragma once

#include "klynge-chart.h"

G_BEGIN_DECLS

#define LEGEND_MAX 8

/* The legend above the plot. The kind names its entries before the plot is
 * laid out, so that the plot leaves room for as many lines as they wrap
 * onto and the chart is drawn once. */
typedef struct
{
  guint            n;
  const char      *labels[LEGEND_MAX];
  const KlyngeRgb *colours[LEGEND_MAX];
  int              ringed;               /* the entry drawn with the highlighted clinic's ring, or -1 */
  double           mark;                 /* room for an entry's mark, in label sizes */
  char            *owned[LEGEND_MAX];    /* labels made for the legend, freed with it */
  /* Where klynge_chart_draw() put each entry: its width, left and baseline. */
  guint            n_lines;
  guint            line[LEGEND_MAX];
  double           widths[LEGEND_MAX], xs[LEGEND_MAX], ys[LEGEND_MAX];
} KlyngeChartLegend;

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
  KlyngeChartLegend         legend;
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

/* The Anhøj rules need this many useful points. */
#define RUNS_MIN_POINTS 10

/**
 * KlyngeChartKindClass:
 * @name: the kind as settings and the command line write it
 * @label: the kind's name for people, untranslated (N_())
 * @shows_meetings: the kind draws the cluster's meetings, not its clinics:
 *   no indicator, no clinic to name, nothing left out
 * @over_periods: the x axis is the periods, their labels wrapped under it
 * @axis_below: text units under the plot for the x axis and its labels
 * @legend: names the legend's entries into @ctx->legend (none when there
 *   is no plot to explain), before the plot is laid out
 * @draw: draws the plot into @ctx's box, with its axes and legend, when
 *   there is data
 * @caption: adds the caption's sentences when there is data
 * @level_labels: (nullable): adds the labels of the kind's own horizontal
 *   lines, for the room right of the plot
 * @describe: the numbers behind one mark, for a tooltip
 *
 * One chart kind: everything that differs from kind to kind.
 */
typedef struct
{
  const char *name;
  const char *label;
  gboolean    shows_meetings;
  gboolean    over_periods;
  double      axis_below;
  void      (*legend)       (Ctx                      *ctx);
  void      (*draw)         (Ctx                      *ctx);
  void      (*caption)      (const KlyngeChartData    *data,
                             const KlyngeChartOptions *options,
                             GPtrArray                *sentences);
  void      (*level_labels) (const KlyngeChartData    *data,
                             GPtrArray                *labels);
  char     *(*describe)     (const KlyngeChartData    *data,
                             guint                     index);
} KlyngeChartKindClass;

extern const KlyngeChartKindClass _klynge_chart_bars_class;
extern const KlyngeChartKindClass _klynge_chart_funnel_class;
extern const KlyngeChartKindClass _klynge_chart_run_class;
extern const KlyngeChartKindClass _klynge_chart_before_after_class;
extern const KlyngeChartKindClass _klynge_chart_attendance_class;
extern const KlyngeChartKindClass _klynge_chart_p_chart_class;

/* Shared by the kinds; each is documented where it is defined. */

guint
_klynge_chart_most_clinics (const KlyngeChartData *data);
gboolean
_klynge_chart_thin_point (const KlyngeChartData *data,
                          guint                  p,
                          guint                  most);
double
_klynge_chart_period_x (Ctx   *ctx,
                        guint  p,
                        guint  n);
double
_klynge_chart_period_labels_extra (Ctx *ctx);
void
_klynge_chart_draw_period_labels (Ctx *ctx);
void
_klynge_chart_draw_series (Ctx             *ctx,
                           const double    *series,
                           const KlyngeRgb *colour,
                           double           width,
                           double           dot,
                           const gboolean  *hollow);
void
_klynge_chart_draw_point_counts (Ctx *ctx);
void
_klynge_chart_runs_sentences (const KlyngeRunsTest *tested,
                              gboolean              around_average,
                              GPtrArray            *out);
void
_klynge_chart_thin_sentences (const KlyngeChartData *data,
                              GPtrArray             *out);
char *
_klynge_chart_format_number (double value,
                             int    digits);
gboolean
_klynge_chart_is_proportion (const KlyngeChartData *data);
double
_klynge_chart_shown (const KlyngeChartData *data,
                     double                 proportion);
char *
_klynge_chart_format_count (gint64 value);
void
_klynge_chart_set_line (Ctx    *ctx,
                        double  width,
                        int     dash);
double
_klynge_chart_to_y (Ctx    *ctx,
                    double  value);
void
_klynge_chart_nice_axis (Ctx    *ctx,
                         double  lo,
                         double  hi,
                         double  floor_value,
                         double  ceiling_value);
void
_klynge_chart_draw_y_axis (Ctx *ctx);
void
_klynge_chart_draw_level (Ctx             *ctx,
                          double           value,
                          const KlyngeRgb *colour,
                          int              dash,
                          const char      *label);
void
_klynge_chart_add_hit (Ctx    *ctx,
                       double  x,
                       double  y,
                       double  width,
                       double  height,
                       guint   index);
const KlyngeRgb *
_klynge_chart_inside_colour (Ctx                  *ctx,
                             const KlyngeChartRow *row);
void
_klynge_chart_draw_message (Ctx        *ctx,
                            const char *title,
                            const char *detail);
void
_klynge_chart_ring (Ctx    *ctx,
                    double  x,
                    double  y,
                    double  radius);
double
_klynge_chart_ring_radius (Ctx    *ctx,
                           double  radius);
void
_klynge_chart_legend_add (Ctx             *ctx,
                          const KlyngeRgb *colour,
                          const char      *label);
void
_klynge_chart_legend (Ctx *ctx);
GPtrArray *
_klynge_chart_sorted_rows (const KlyngeChartData *data);
guint
_klynge_chart_row_index (const KlyngeChartData *data,
                         const KlyngeChartRow  *row);
double
_klynge_chart_ceiling_of (const KlyngeChartData *data);
gboolean
_klynge_chart_stand_bar_labels (Ctx        *ctx,
                                const char *const *labels,
                                guint       n,
                                double      slot);
void
_klynge_chart_draw_bar_labels (Ctx        *ctx,
                               double      x,
                               double      slot,
                               const char *label,
                               gboolean    standing);
const char **
_klynge_chart_row_labels (GPtrArray *rows);
void
_klynge_chart_draw_cluster_levels (Ctx *ctx);
char *
_klynge_chart_period_label (const KlyngeChartData *data,
                            guint                  p);
char *
_klynge_chart_pooled_sentence (const KlyngeChartData *data);
void
_klynge_chart_highlighted_sentence (const KlyngeChartData *data,
                                    GPtrArray             *out);
char *
_klynge_chart_describe_row (const KlyngeChartData *data,
                            guint                  index);

G_END_DECLS
