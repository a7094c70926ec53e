/* klynge-stats.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * KlyngeFunnelMethod:
 * @KLYNGE_FUNNEL_EXACT: exact binomial limits with Spiegelhalter's interpolation
 * @KLYNGE_FUNNEL_NORMAL: the normal approximation p ± z·√(p(1−p)/n)
 */
typedef enum
{
  KLYNGE_FUNNEL_EXACT,
  KLYNGE_FUNNEL_NORMAL,
} KlyngeFunnelMethod;

/**
 * KlyngeStatsModel:
 * @KLYNGE_STATS_BINOMIAL: a proportion: numerator of denominator patients
 * @KLYNGE_STATS_POISSON: a rate: events over an exposure (patients, years)
 */
typedef enum
{
  KLYNGE_STATS_BINOMIAL,
  KLYNGE_STATS_POISSON,
} KlyngeStatsModel;

/* Spiegelhalter's over-dispersion test of one indicator in one period. */
typedef struct
{
  guint  n;        /* clinics with counts */
  double phi;      /* the winsorised over-dispersion factor */
  double p_value;  /* P(χ²(n − 1) > nφ) */
  double tau2;     /* the additive between-clinic variance, transformed scale */
} KlyngeOverdispersion;

/* The Anhøj rules on one series. */
typedef struct
{
  double   centre;           /* the median for a run chart */
  guint    n_points;         /* points with a value */
  guint    n_useful;         /* points not on the median */
  guint    longest_run;
  guint    longest_run_max;  /* round(log2(n_useful)) + 3 */
  guint    crossings;
  guint    crossings_min;    /* qbinom(0.05, n_useful − 1, 0.5) */
  gboolean long_run;
  gboolean few_crossings;
} KlyngeRunsTest;

double   klynge_stats_normal_quantile (double             p);
double   klynge_stats_binomial_cdf    (gint64             k,
                                       gint64             n,
                                       double             p);
gint64   klynge_stats_binomial_quantile (double           q,
                                         gint64           n,
                                         double           p);
gboolean klynge_stats_wilson          (gint64             numerator,
                                       gint64             denominator,
                                       double             coverage,
                                       double            *lower,
                                       double            *upper);
void     klynge_stats_funnel_limits   (double             target,
                                       gint64             denominator,
                                       double             coverage,
                                       KlyngeFunnelMethod method,
                                       double            *lower,
                                       double            *upper);
gboolean klynge_stats_pooled          (const gint64      *numerators,
                                       const gint64      *denominators,
                                       guint              n,
                                       double            *proportion);
double   klynge_stats_median          (const double      *values,
                                       guint              n);
double   klynge_stats_quantile        (const double      *values,
                                       guint              n,
                                       double             q);

double   klynge_stats_chi_square_upper (double           x,
                                        double           df);
double   klynge_stats_binomial_upper  (gint64             k,
                                       gint64             n,
                                       double             p);
void     klynge_stats_tails           (KlyngeStatsModel   model,
                                       gint64             x,
                                       gint64             n,
                                       double             target,
                                       double            *below,
                                       double            *above);
int      klynge_stats_flag            (KlyngeStatsModel   model,
                                       gint64             x,
                                       gint64             n,
                                       double             target);
gboolean klynge_stats_overdispersion  (KlyngeStatsModel       model,
                                       const gint64          *numerators,
                                       const gint64          *denominators,
                                       guint                  n,
                                       double                 target,
                                       KlyngeOverdispersion  *result);
void     klynge_stats_random_effects_limits (KlyngeStatsModel model,
                                             double           target,
                                             double           tau2,
                                             gint64           n,
                                             double           coverage,
                                             double          *lower,
                                             double          *upper);
int      klynge_stats_random_effects_flag (KlyngeStatsModel model,
                                           gint64           x,
                                           gint64           n,
                                           double           target,
                                           double           tau2);
void     klynge_stats_runs            (const double      *values,
                                       guint              n,
                                       KlyngeRunsTest    *result);
void     klynge_stats_runs_around     (const double      *values,
                                       guint              n,
                                       double             centre,
                                       KlyngeRunsTest    *result);
double   klynge_stats_p_chart         (const gint64      *numerators,
                                       const gint64      *denominators,
                                       guint              n,
                                       gboolean           laney,
                                       double            *lower,
                                       double            *upper,
                                       double            *sigma_z);
gboolean klynge_stats_difference      (gint64             x1,
                                       gint64             n1,
                                       gint64             x2,
                                       gint64             n2,
                                       double             coverage,
                                       double            *difference,
                                       double            *lower,
                                       double            *upper);
void     klynge_stats_poisson_limits  (double             target,
                                       gint64             exposure,
                                       double             coverage,
                                       double            *lower,
                                       double            *upper);
gboolean klynge_stats_poisson_interval (gint64            events,
                                        gint64            exposure,
                                        double            coverage,
                                        double           *lower,
                                        double           *upper);

G_END_DECLS
