/* klynge-stats.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statistics behind the benchmark charts: confidence intervals of a
 * clinic's proportion and the control limits of a funnel plot. The limits
 * follow Spiegelhalter, "Funnel plots for comparing institutional
 * performance", Stat Med 2005;24:1185–1202, appendix A.1.1: the exact binomial
 * quantile, interpolated so the limits are smooth curves in n instead of steps.
 */

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "klynge-stats.h"

/* Wichura's AS 241 (PPND16): about 16 significant digits over (0, 1). */
double
klynge_stats_normal_quantile (double p)
{
  double q = p - 0.5, r, x;

  if (p <= 0)
    return -INFINITY;
  if (p >= 1)
    return INFINITY;

  if (fabs (q) <= 0.425)
    {
      r = 0.180625 - q * q;
      return q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
                     + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                  + 133.14166789178437745) * r + 3.387132872796366608)
             / (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                 + 42.313330701600911252) * r + 1.0);
    }

  r = sqrt (-log (q < 0 ? p : 1 - p));
  if (r <= 5)
    {
      r -= 1.6;
      x = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
               + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
            + 4.6303378461565452959) * r + 1.42343711074968357734)
          / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                 + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
              + 2.05319162663775882187) * r + 1.0);
    }
  else
    {
      r -= 5;
      x = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
               + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
            + 5.4637849111641143699) * r + 6.6579046435011037772)
          / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                 + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
              + 0.59983220655588793769) * r + 1.0);
    }

  return q < 0 ? -x : x;
}

/* Continued fraction of the incomplete beta function (modified Lentz). */
static double
beta_fraction (double a,
               double b,
               double x)
{
  const double tiny = 1e-300;
  double c = 1, d = 1 - (a + b) * x / (a + 1), h;

  if (fabs (d) < tiny)
    d = tiny;
  d = 1 / d;
  h = d;
  for (int m = 1; m <= 10000; m++)
    {
      double m2 = 2 * m, aa, delta;

      aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + aa * d;
      d = fabs (d) < tiny ? 1 / tiny : 1 / d;
      c = 1 + aa / c;
      if (fabs (c) < tiny)
        c = tiny;
      h *= d * c;

      aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + aa * d;
      d = fabs (d) < tiny ? 1 / tiny : 1 / d;
      c = 1 + aa / c;
      if (fabs (c) < tiny)
        c = tiny;
      delta = d * c;
      h *= delta;
      if (fabs (delta - 1) < 1e-15)
        break;
    }
  return h;
}

/* The regularised incomplete beta function I_x(a, b). */
static double
incomplete_beta (double a,
                 double b,
                 double x)
{
  double front;

  if (x <= 0)
    return 0;
  if (x >= 1)
    return 1;

  front = exp (lgamma (a + b) - lgamma (a) - lgamma (b) + a * log (x) + b * log1p (-x));
  if (x < (a + 1) / (a + b + 2))
    return front * beta_fraction (a, b, x) / a;
  return 1 - front * beta_fraction (b, a, 1 - x) / b;
}

/* P(X ≤ k) for X ~ Binomial(n, p). */
double
klynge_stats_binomial_cdf (gint64 k,
                           gint64 n,
                           double p)
{
  if (k < 0)
    return 0;
  if (k >= n)
    return 1;
  if (p <= 0)
    return 1;
  if (p >= 1)
    return 0;
  return incomplete_beta ((double) (n - k), (double) k + 1, 1 - p);
}

static double
binomial_pmf (gint64 k,
              gint64 n,
              double p)
{
  return exp (lgamma (n + 1.0) - lgamma (k + 1.0) - lgamma ((double) (n - k) + 1) + k * log (p) + (n - k) * log1p (-p));
}

/* The smallest r with P(X ≤ r) ≥ q, as R's qbinom(q, n, p), with F(r) and
 * F(r − 1). One incomplete beta at the normal approximation's guess, then
 * steps by the ratio of neighbouring probabilities: a funnel plot of
 * thousands of clinics needs thousands of these. Requires 0 < p < 1. */
static gint64
quantile_with_cdf (double  q,
                   gint64  n,
                   double  p,
                   double *f_r,
                   double *f_below)
{
  /* R's fuzz: a cumulative probability a rounding error below q counts as q. */
  double wanted = q * (1 - 64 * DBL_EPSILON);
  double odds = p / (1 - p), sigma = sqrt (n * p * (1 - p));
  gint64 k = (gint64) floor (n * p + sigma * klynge_stats_normal_quantile (q) + 0.5);
  double cdf, pmf;

  k = CLAMP (k, 0, n);
  cdf = klynge_stats_binomial_cdf (k, n, p);
  pmf = binomial_pmf (k, n, p);
  while (k > 0 && cdf - pmf >= wanted)
    {
      cdf -= pmf;
      pmf *= k / ((n - k + 1) * odds);
      k--;
    }
  while (k < n && cdf < wanted)
    {
      pmf *= (n - k) * odds / (k + 1);
      k++;
      cdf += pmf;
    }
  *f_r = cdf;
  *f_below = MAX (0, cdf - pmf);
  return k;
}

/* The smallest k with P(X ≤ k) ≥ q, as R's qbinom(q, n, p). */
gint64
klynge_stats_binomial_quantile (double q,
                                gint64 n,
                                double p)
{
  double f_r, f_below;

  if (p <= 0)
    return 0;
  if (p >= 1)
    return n;
  return quantile_with_cdf (q, n, p, &f_r, &f_below);
}

/* Spiegelhalter's interpolated quantile of the proportion, for one tail. */
static double
exact_limit (double target,
             gint64 n,
             double q)
{
  double f_r, f_below;
  gint64 r = quantile_with_cdf (q, n, target, &f_r, &f_below);
  double alpha = f_r > f_below ? (f_r - q) / (f_r - f_below) : 0;

  return CLAMP ((r - alpha) / n, 0, 1);
}

/**
 * klynge_stats_funnel_limits:
 * @target: the proportion the clinics are compared with (the cluster's pooled value)
 * @denominator: the clinic's denominator, at least 1
 * @coverage: 0.95 or 0.998: the share of clinics expected inside when only chance acts
 *
 * The lower and upper control limits of a funnel plot at @denominator.
 */
void
klynge_stats_funnel_limits (double             target,
                            gint64             denominator,
                            double             coverage,
                            KlyngeFunnelMethod method,
                            double            *lower,
                            double            *upper)
{
  double tail = (1 - coverage) / 2;

  if (denominator <= 0)
    {
      *lower = 0;
      *upper = 1;
      return;
    }

  if (method == KLYNGE_FUNNEL_NORMAL || target <= 0 || target >= 1)
    {
      double half = klynge_stats_normal_quantile (1 - tail) * sqrt (target * (1 - target) / denominator);

      *lower = CLAMP (target - half, 0, 1);
      *upper = CLAMP (target + half, 0, 1);
      return;
    }

  *lower = exact_limit (target, denominator, tail);
  *upper = exact_limit (target, denominator, 1 - tail);
}

/**
 * klynge_stats_wilson:
 * @coverage: 0.95 for a 95 % interval
 *
 * The Wilson score interval of @numerator / @denominator.
 *
 * Returns: %FALSE when @denominator is 0 (no interval exists)
 */
gboolean
klynge_stats_wilson (gint64  numerator,
                     gint64  denominator,
                     double  coverage,
                     double *lower,
                     double *upper)
{
  double z, z2, n = (double) denominator, x = (double) numerator, centre, half;

  if (denominator <= 0 || numerator < 0 || numerator > denominator)
    return FALSE;

  z = klynge_stats_normal_quantile (1 - (1 - coverage) / 2);
  z2 = z * z;
  centre = (x + z2 / 2) / (n + z2);
  half = z / (n + z2) * sqrt (x * (n - x) / n + z2 / 4);
  *lower = MAX (0, centre - half);
  *upper = MIN (1, centre + half);
  return TRUE;
}

/* Σ numerators / Σ denominators; %FALSE when every denominator is 0. */
gboolean
klynge_stats_pooled (const gint64 *numerators,
                     const gint64 *denominators,
                     guint         n,
                     double       *proportion)
{
  gint64 x = 0, d = 0;

  for (guint i = 0; i < n; i++)
    if (denominators[i] > 0)
      {
        x += numerators[i];
        d += denominators[i];
      }
  if (d == 0)
    return FALSE;
  *proportion = (double) x / d;
  return TRUE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The centre line of a run chart; NAN for no values. */
double
klynge_stats_median (const double *values,
                     guint         n)
{
  g_autofree double *sorted = NULL;

  if (n == 0)
    return NAN;
  sorted = g_memdup2 (values, n * sizeof *values);
  qsort (sorted, n, sizeof *sorted, compare_doubles);
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}
