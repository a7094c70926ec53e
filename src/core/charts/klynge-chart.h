/* klynge-chart.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "klynge-chart-data.h"
#include "klynge-chart-style.h"
#include "klynge-stats.h"

G_BEGIN_DECLS

typedef enum
{
  KLYNGE_CHART_BARS,
  KLYNGE_CHART_FUNNEL,
  KLYNGE_CHART_RUN,
  KLYNGE_CHART_BEFORE_AFTER,
  KLYNGE_CHART_ATTENDANCE,
  KLYNGE_CHART_P_CHART,
} KlyngeChartKind;

#define KLYNGE_CHART_N_KINDS (KLYNGE_CHART_P_CHART + 1)

/**
 * KlyngeChartLimits:
 * @KLYNGE_LIMITS_AUTO: widened for over-dispersion when the test finds it (p < 0.05)
 * @KLYNGE_LIMITS_CHANCE: chance alone: exact limits, exact tail probabilities
 * @KLYNGE_LIMITS_WIDENED: always Spiegelhalter's random-effects limits
 */
typedef enum
{
  KLYNGE_LIMITS_AUTO,
  KLYNGE_LIMITS_CHANCE,
  KLYNGE_LIMITS_WIDENED,
} KlyngeChartLimits;

#define KLYNGE_LIMITS_N (KLYNGE_LIMITS_WIDENED + 1)

/**
 * KlyngeChartOptions:
 * @limits: how a funnel's limits allow for the clinics' differences
 * @around_reference: limits around the indicator's reference value instead
 *   of the cluster's pooled value
 * @show_dispersion: the funnel's caption gives φ and its test
 * @slide: add the footer a slide needs: data source, date, anonymisation note
 * @date: (nullable): the ISO date printed on a slide; %NULL for today
 * @bare: only the plot and its legend, without title, caption or footer:
 *   for a page that writes its own (a clinic's feedback)
 */
typedef struct
{
  KlyngeChartKind    kind;
  KlyngeChartTheme   theme;
  KlyngeChartNames   names;
  KlyngeFunnelMethod funnel_method;
  gboolean           slide;
  const char        *date;
  KlyngeChartLimits  limits;
  gboolean           around_reference;
  gboolean           show_dispersion;
  gboolean           bare;
} KlyngeChartOptions;

/**
 * KlyngeFunnelSummary:
 * @centre: the proportion the clinics are compared with
 * @n_testable: clinics with a numerator and a denominator (a bare value cannot be tested)
 * @adjusted: the limits are widened for over-dispersion
 *
 * What a funnel plot shows, as its caption, bars and workbook tell it.
 */
typedef struct
{
  double               centre;
  guint                n_testable;
  guint                n_outside_95;
  guint                n_outside_998;
  guint                n_better;       /* outside 95 %, on the better side */
  guint                n_worse;
  gboolean             has_dispersion;
  KlyngeOverdispersion dispersion;
  gboolean             overdispersed;  /* p < 0.05 */
  gboolean             adjusted;
} KlyngeFunnelSummary;

#define KLYNGE_FUNNEL_SAMPLES 96

/**
 * KlyngeFunnelCurves:
 * @n: the denominators the limits are computed at, from half the smallest
 *   clinic to @x_max, evenly in log n (where the limits bend most)
 * @limits: the 95 % lower and upper, then the 99.8 % lower and upper limit
 *   at each of @n, as proportions
 * @x_max: a round maximum of the x axis above the largest clinic, in steps of @x_step
 * @lo: the lowest of the clinics' values, the centre and the limits from
 *   the smallest clinic on; @hi the highest: what the y axis must show
 *
 * A funnel plot's limit curves, the same on the screen and in the workbook.
 */
typedef struct
{
  double n[KLYNGE_FUNNEL_SAMPLES];
  double limits[4][KLYNGE_FUNNEL_SAMPLES];
  double x_max;
  double x_step;
  double lo;
  double hi;
} KlyngeFunnelCurves;

/* Where a clinic (or a meeting) was drawn, for hover. */
typedef struct
{
  double x, y, width, height;
  guint  index;
} KlyngeChartHit;

typedef struct
{
  double x, y, width, height;
} KlyngeChartRect;

void        klynge_chart_draw            (cairo_t                  *cr,
                                          double                    width,
                                          double                    height,
                                          const KlyngeChartData    *data,
                                          const KlyngeChartOptions *options,
                                          GArray                   *hits);
char       *klynge_chart_suppressed_note (const KlyngeChartData    *data);
char       *klynge_chart_caption         (const KlyngeChartData    *data,
                                          const KlyngeChartOptions *options);
char       *klynge_chart_title           (const KlyngeChartData    *data,
                                          const KlyngeChartOptions *options);
char       *klynge_chart_describe        (const KlyngeChartData    *data,
                                          const KlyngeChartOptions *options,
                                          guint                     index);
int         klynge_chart_hit_test        (GArray                   *hits,
                                          double                    x,
                                          double                    y);
char       *klynge_chart_format_value    (const KlyngeChartData    *data,
                                          double                    proportion,
                                          int                       digits);
const char *klynge_chart_kind_to_string  (KlyngeChartKind           kind);
gboolean    klynge_chart_kind_from_string (const char              *name,
                                           KlyngeChartKind         *kind);
const char *klynge_chart_kind_label      (KlyngeChartKind           kind);
const char *klynge_chart_names_note      (KlyngeChartNames          names);
void        klynge_chart_funnel_classify (const KlyngeChartData    *data,
                                          const KlyngeChartOptions *options,
                                          gint8                    *flags,
                                          KlyngeFunnelSummary      *summary);
void        klynge_chart_funnel_limits   (const KlyngeChartData    *data,
                                          const KlyngeFunnelSummary *summary,
                                          const KlyngeChartOptions *options,
                                          gint64                    denominator,
                                          double                    coverage,
                                          double                   *lower,
                                          double                   *upper);
void        klynge_chart_funnel_curves   (const KlyngeChartData    *data,
                                          const KlyngeFunnelSummary *summary,
                                          const KlyngeChartOptions *options,
                                          KlyngeFunnelCurves       *curves);
void        klynge_chart_nice_range      (double                    lo,
                                          double                    hi,
                                          double                    floor_value,
                                          double                    ceiling_value,
                                          double                   *min,
                                          double                   *max,
                                          double                   *step);
int         klynge_chart_change          (const KlyngeChartData    *data,
                                          const KlyngeChartRow     *row,
                                          guint                     before,
                                          guint                     after,
                                          double                   *difference,
                                          double                   *lower,
                                          double                   *upper);
gboolean    klynge_chart_reaches_target  (const KlyngeChartData    *data,
                                          double                    value);
gboolean    klynge_chart_place_label     (const KlyngeChartRect    *mark,
                                          double                    width,
                                          double                    height,
                                          double                    gap,
                                          const KlyngeChartRect    *bounds,
                                          const double             *segments,
                                          guint                     n_segments,
                                          GArray                   *placed,
                                          KlyngeChartRect          *label);

G_END_DECLS
