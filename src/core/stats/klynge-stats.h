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

G_END_DECLS
