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

/* Returns: (transfer full): @values in ascending order, @values untouched */
static double *
sorted_copy (const double *values,
             guint         n)
{
  double *sorted = g_memdup2 (values, n * sizeof *values);

  qsort (sorted, n, sizeof *sorted, compare_doubles);
  return sorted;
}

/* The centre line of a run chart; NAN for no values. */
double
klynge_stats_median (const double *values,
                     guint         n)
{
  g_autofree double *sorted = NULL;

  if (n == 0)
    return NAN;
  sorted = sorted_copy (values, n);
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/* The regularised lower incomplete gamma function P(a, x): series below
 * a + 1, Lentz's continued fraction for Q above (Numerical Recipes 6.2). */
static double
incomplete_gamma (double a,
                  double x)
{
  const double tiny = 1e-300;
  double front, b, c, d, h;

  if (x <= 0)
    return 0;
  front = exp (a * log (x) - x - lgamma (a));
  if (x < a + 1)
    {
      double sum = 1 / a, term = sum;

      for (int k = 1; k < 10000; k++)
        {
          term *= x / (a + k);
          sum += term;
          if (fabs (term) < fabs (sum) * 1e-16)
            break;
        }
      return MIN (1, front * sum);
    }
  b = x + 1 - a;
  c = 1 / tiny;
  d = 1 / b;
  h = d;
  for (int k = 1; k < 10000; k++)
    {
      double an = -k * (k - a), delta;

      b += 2;
      d = an * d + b;
      d = fabs (d) < tiny ? 1 / tiny : 1 / d;
      c = b + an / c;
      if (fabs (c) < tiny)
        c = tiny;
      delta = d * c;
      h *= delta;
      if (fabs (delta - 1) < 1e-16)
        break;
    }
  return MAX (0, 1 - front * h);
}

/* P(X > @x) for X ~ χ² with @df degrees of freedom. */
double
klynge_stats_chi_square_upper (double x,
                               double df)
{
  if (x <= 0)
    return 1;
  return 1 - incomplete_gamma (df / 2, x / 2);
}

/**
 * klynge_stats_tails:
 * @model: binomial for proportions (@n patients), Poisson for rates
 *   (@n the exposure, the expected count @target × @n)
 * @below: (out): P(X ≤ @x)
 * @above: (out): P(X ≥ @x)
 *
 * The exact one-sided tail probabilities of a clinic's count under @target.
 */
void
klynge_stats_tails (KlyngeStatsModel model,
                    gint64           x,
                    gint64           n,
                    double           target,
                    double          *below,
                    double          *above)
{
  if (model == KLYNGE_STATS_POISSON)
    {
      double mean = target * n;

      *below = mean <= 0 ? 1 : 1 - incomplete_gamma (x + 1.0, mean);
      *above = x <= 0 ? 1 : mean <= 0 ? 0 : incomplete_gamma ((double) x, mean);
      return;
    }
  *below = klynge_stats_binomial_cdf (x, n, target);
  /* P(X ≥ x) = I_p(x, n − x + 1), exact far into the upper tail. */
  *above = x <= 0 ? 1 : x > n ? 0 : target <= 0 ? 0 : target >= 1 ? 1 : incomplete_beta ((double) x, (double) (n - x + 1), target);
}

/* −2 … 2 from the two one-sided tail probabilities (see klynge_stats_flag()). */
static int
level_of_tails (double below,
                double above)
{
  if (below < (1 - 0.998) / 2)
    return -2;
  if (above < (1 - 0.998) / 2)
    return 2;
  if (below < (1 - 0.95) / 2)
    return -1;
  if (above < (1 - 0.95) / 2)
    return 1;
  return 0;
}

/**
 * klynge_stats_flag:
 *
 * Whether a clinic's count is unlikely under @target: two-sided and
 * symmetric, outside the 99.8 % limits when one exact tail probability
 * (P(X ≤ x) below, P(X ≥ x) above) is under 0.001, outside the 95 % limits
 * when under 0.025. The exact tails, not mid-p: a clinic is never flagged
 * more often than the level says (conservative for small clinics).
 *
 * Returns: −2, −1 below the 99.8 % or 95 % limits; 0 inside; 1, 2 above
 */
int
klynge_stats_flag (KlyngeStatsModel model,
                   gint64           x,
                   gint64           n,
                   double           target)
{
  double below, above;

  if (n <= 0)
    return 0;
  klynge_stats_tails (model, x, n, target, &below, &above);
  return level_of_tails (below, above);
}

/* FunnelPlotR's scales: arcsine of the root for proportions, the root for rates. */
static double
transform (KlyngeStatsModel model,
           double           value)
{
  return model == KLYNGE_STATS_POISSON ? sqrt (MAX (value, 0)) : asin (sqrt (CLAMP (value, 0, 1)));
}

static double
transform_back (KlyngeStatsModel model,
                double           value)
{
  if (model == KLYNGE_STATS_POISSON)
    return value <= 0 ? 0 : value * value;
  value = CLAMP (value, 0, G_PI / 2);
  return sin (value) * sin (value);
}

/* The standard error of either transformed value: 1/(2√n). */
static double
transform_se (gint64 n)
{
  return 1 / (2 * sqrt ((double) n));
}

/* R's quantile(type = 7) of sorted values. */
static double
quantile7 (const double *sorted,
           guint         n,
           double        q)
{
  double h = (n - 1) * q;
  guint lo = (guint) floor (h);

  if (lo + 1 >= n)
    return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/* The @q quantile of @values as R's quantile(type = 7); NAN for none. */
double
klynge_stats_quantile (const double *values,
                       guint         n,
                       double        q)
{
  g_autofree double *sorted = NULL;

  if (n == 0)
    return NAN;
  sorted = sorted_copy (values, n);
  return quantile7 (sorted, n, q);
}

/**
 * klynge_stats_overdispersion:
 * @numerators: (array length=n): the clinics' counts; denominators of 0 are skipped
 * @target: the value the clinics are compared with
 * @result: (out): φ, its test and τ²
 *
 * Spiegelhalter's test of over-dispersion ("Handling over-dispersion of
 * performance indicators", Qual Saf Health Care 2005;14:347–351) on
 * FunnelPlotR's scale: z-scores of the arcsine-root proportions (root rates),
 * winsorised at their 10th and 90th percentiles; φ = Σz²/N; Nφ against χ²
 * with N − 1 degrees of freedom; the additive random-effects variance
 * τ² = (Nφ − (N − 1)) / (Σw − Σw²/Σw), w = 1/s², 0 when φ ≤ (N − 1)/N.
 *
 * Returns: %FALSE for fewer than two clinics with counts
 */
gboolean
klynge_stats_overdispersion (KlyngeStatsModel        model,
                             const gint64           *numerators,
                             const gint64           *denominators,
                             guint                   n,
                             double                  target,
                             KlyngeOverdispersion   *result)
{
  g_autofree double *z = g_new (double, MAX (n, 1));
  g_autofree double *sorted = NULL;
  double centre = transform (model, target), sum_w = 0, sum_w2 = 0, lo, hi, phi = 0;
  guint m = 0;

  memset (result, 0, sizeof *result);
  for (guint i = 0; i < n; i++)
    {
      double s, w;

      if (denominators[i] <= 0)
        continue;
      s = transform_se (denominators[i]);
      w = 1 / (s * s);
      z[m++] = (transform (model, (double) numerators[i] / denominators[i]) - centre) / s;
      sum_w += w;
      sum_w2 += w * w;
    }
  if (m < 2)
    return FALSE;
  sorted = sorted_copy (z, m);
  lo = quantile7 (sorted, m, 0.1);
  hi = quantile7 (sorted, m, 0.9);
  for (guint i = 0; i < m; i++)
    {
      double w = CLAMP (z[i], lo, hi);

      phi += w * w;
    }
  result->n = m;
  result->phi = phi / m;
  result->p_value = klynge_stats_chi_square_upper (m * result->phi, m - 1);
  result->tau2 = m * result->phi > m - 1 ? (m * result->phi - (m - 1)) / (sum_w - sum_w2 / sum_w) : 0;
  return TRUE;
}

/**
 * klynge_stats_random_effects_limits:
 * @tau2: from klynge_stats_overdispersion()
 *
 * Spiegelhalter's additive random-effects limits at @n, as FunnelPlotR
 * draws them: target ± z·√(s² + τ²) on the transformed scale, back-transformed.
 */
void
klynge_stats_random_effects_limits (KlyngeStatsModel model,
                                    double           target,
                                    double           tau2,
                                    gint64           n,
                                    double           coverage,
                                    double          *lower,
                                    double          *upper)
{
  double s = transform_se (MAX (n, 1)), z = klynge_stats_normal_quantile (1 - (1 - coverage) / 2);
  double centre = transform (model, target), half = z * sqrt (s * s + tau2);

  *lower = transform_back (model, centre - half);
  *upper = transform_back (model, centre + half);
  if (model == KLYNGE_STATS_POISSON && centre - half <= 0)
    *lower = 0;
}

/* As klynge_stats_flag(), against the random-effects limits. */
int
klynge_stats_random_effects_flag (KlyngeStatsModel model,
                                  gint64           x,
                                  gint64           n,
                                  double           target,
                                  double           tau2)
{
  double s, z;

  if (n <= 0)
    return 0;
  s = transform_se (n);
  z = (transform (model, (double) x / n) - transform (model, target)) / sqrt (s * s + tau2);
  /* The normal tails of z: Φ(z) below, Φ(−z) above. */
  return level_of_tails (0.5 * erfc (-z / G_SQRT2), 0.5 * erfc (z / G_SQRT2));
}

/* P(X ≥ @k) for X ~ Binomial(@n, @p): how likely @k of @n clinics lie
 * outside limits that each leave out a share @p by chance. */
double
klynge_stats_binomial_upper (gint64 k,
                             gint64 n,
                             double p)
{
  return k <= 0 ? 1 : 1 - klynge_stats_binomial_cdf (k - 1, n, p);
}

/**
 * klynge_stats_runs_around:
 * @values: (array length=n): a series in time order; NAN for a missing period
 * @centre: the centre line the runs are counted around
 * @result: (out): the Anhøj rules' counts and signals
 *
 * The Anhøj rules (Anhøj & Olesen, PLoS One 2014;9:e113825) around a given
 * centre line, as qicharts2's runs.analysis() applies them to every chart:
 * points on the centre line are not useful; an unusually long run when the
 * longest run of useful points on one side exceeds round(log2(n)) + 3; too
 * few crossings when the series crosses the centre line fewer times than
 * the 5th percentile of Binomial(n − 1, 0.5), n the useful points.
 */
void
klynge_stats_runs_around (const double    *values,
                          guint            n,
                          double           centre,
                          KlyngeRunsTest  *result)
{
  guint run = 0;
  int side = 0;

  memset (result, 0, sizeof *result);
  result->centre = centre;
  for (guint i = 0; i < n; i++)
    {
      int s;

      if (isnan (values[i]))
        continue;
      result->n_points++;
      s = values[i] > centre ? 1 : values[i] < centre ? -1 : 0;
      if (s == 0)
        continue;
      result->n_useful++;
      if (s == side)
        run++;
      else
        {
          if (side != 0)
            result->crossings++;
          side = s;
          run = 1;
        }
      result->longest_run = MAX (result->longest_run, run);
    }
  if (result->n_useful == 0)
    return;
  result->longest_run_max = (guint) round (log2 (result->n_useful)) + 3;
  result->crossings_min = (guint) klynge_stats_binomial_quantile (0.05, result->n_useful - 1, 0.5);
  result->long_run = result->longest_run > result->longest_run_max;
  result->few_crossings = result->crossings < result->crossings_min;
}

/**
 * klynge_stats_runs:
 * @values: (array length=n): a series in time order; NAN for a missing period
 * @result: (out): the Anhøj rules' counts and signals
 *
 * The Anhøj rules for a run chart: around the median of the points present.
 */
void
klynge_stats_runs (const double    *values,
                   guint            n,
                   KlyngeRunsTest  *result)
{
  g_autofree double *present = g_new (double, MAX (n, 1));
  guint m = 0;

  for (guint i = 0; i < n; i++)
    if (!isnan (values[i]))
      present[m++] = values[i];
  klynge_stats_runs_around (values, n, klynge_stats_median (present, m), result);
}

/**
 * klynge_stats_p_chart:
 * @numerators: (array length=n): per period, summed over the clinics
 * @denominators: (array length=n): per period; 0 for a period without counts
 * @laney: %TRUE for Laney's P′ chart: the limits widened by σz
 * @lower: (out) (array length=n): per period the lower 3-sigma limit, NAN without counts
 * @upper: (out) (array length=n): per period the upper 3-sigma limit, NAN without counts
 * @sigma_z: (out) (optional): Laney's σz, 1 for a P chart
 *
 * A P chart of the cluster over time, or Laney's P′ chart (Laney DB.
 * Improved control charts for attributes. Qual Eng 2002;14:531–537), as
 * qicharts2's qic.p() and qic.pprime() compute them: the centre line
 * p̄ = Σx / Σn, limits p̄ ± 3σᵢ with σᵢ = √(p̄(1 − p̄)/nᵢ), cut to 0 and 1;
 * for P′, σᵢ times σz, the mean moving range of zᵢ = (pᵢ − p̄)/σᵢ over
 * neighbouring periods with counts, divided by 1.128. Without two
 * neighbouring periods σz, and so the P′ limits, are NAN.
 *
 * Returns: p̄, or NAN when no period has counts
 */
double
klynge_stats_p_chart (const gint64 *numerators,
                      const gint64 *denominators,
                      guint         n,
                      gboolean      laney,
                      double       *lower,
                      double       *upper,
                      double       *sigma_z)
{
  gint64 sum_x = 0, sum_n = 0;
  double centre, sz = 1, previous = NAN, ranges = 0;
  guint n_ranges = 0;

  for (guint i = 0; i < n; i++)
    if (denominators[i] > 0)
      {
        sum_x += numerators[i];
        sum_n += denominators[i];
      }
  centre = sum_n > 0 ? (double) sum_x / sum_n : NAN;
  if (laney)
    {
      for (guint i = 0; i < n; i++)
        {
          double z = NAN;

          if (denominators[i] > 0)
            z = ((double) numerators[i] / denominators[i] - centre) / sqrt (centre * (1 - centre) / denominators[i]);
          if (!isnan (z) && !isnan (previous))
            {
              ranges += fabs (z - previous);
              n_ranges++;
            }
          previous = z;
        }
      sz = n_ranges > 0 ? ranges / n_ranges / 1.128 : NAN;
    }
  for (guint i = 0; i < n; i++)
    {
      double sigma = denominators[i] > 0 ? sqrt (centre * (1 - centre) / denominators[i]) * sz : NAN;

      lower[i] = MAX (centre - 3 * sigma, 0);
      upper[i] = MIN (centre + 3 * sigma, 1);
      if (isnan (sigma))
        lower[i] = upper[i] = NAN;
    }
  if (sigma_z != NULL)
    *sigma_z = sz;
  return centre;
}

/**
 * klynge_stats_difference:
 *
 * Newcombe's hybrid score interval (Stat Med 1998;17:873, method 10) for
 * the change from @x1/@n1 to @x2/@n2, from the two Wilson intervals. The
 * periods are taken as independent samples.
 *
 * Returns: %FALSE when a denominator is 0
 */
gboolean
klynge_stats_difference (gint64  x1,
                         gint64  n1,
                         gint64  x2,
                         gint64  n2,
                         double  coverage,
                         double *difference,
                         double *lower,
                         double *upper)
{
  double l1, u1, l2, u2, p1, p2;

  if (!klynge_stats_wilson (x1, n1, coverage, &l1, &u1) || !klynge_stats_wilson (x2, n2, coverage, &l2, &u2))
    return FALSE;
  p1 = (double) x1 / n1;
  p2 = (double) x2 / n2;
  *difference = p2 - p1;
  *lower = *difference - sqrt ((p2 - l2) * (p2 - l2) + (u1 - p1) * (u1 - p1));
  *upper = *difference + sqrt ((u2 - p2) * (u2 - p2) + (p1 - l1) * (p1 - l1));
  return TRUE;
}

/* P(X ≤ k) for X ~ Poisson(@mean). */
static double
poisson_cdf (gint64 k,
             double mean)
{
  if (k < 0)
    return 0;
  return mean <= 0 ? 1 : 1 - incomplete_gamma (k + 1.0, mean);
}

/* Spiegelhalter's interpolated Poisson quantile of the rate, for one tail (appendix A.1.2). */
static double
poisson_limit (double target,
               gint64 n,
               double q)
{
  double mean = target * n, wanted = q * (1 - 64 * DBL_EPSILON), f_r, f_below;
  gint64 r = MAX (0, (gint64) floor (mean + sqrt (mean) * klynge_stats_normal_quantile (q)));

  while (r > 0 && poisson_cdf (r - 1, mean) >= wanted)
    r--;
  while (poisson_cdf (r, mean) < wanted)
    r++;
  f_r = poisson_cdf (r, mean);
  f_below = poisson_cdf (r - 1, mean);
  return MAX (0, (r - (f_r > f_below ? (f_r - q) / (f_r - f_below) : 0)) / n);
}

/**
 * klynge_stats_poisson_limits:
 * @target: the events per unit of exposure the clinics are compared with
 * @exposure: the clinic's denominator, at least 1
 *
 * The funnel limits of a rate: exact Poisson quantiles, interpolated.
 */
void
klynge_stats_poisson_limits (double  target,
                             gint64  exposure,
                             double  coverage,
                             double *lower,
                             double *upper)
{
  double tail = (1 - coverage) / 2;

  if (exposure <= 0 || target <= 0)
    {
      *lower = 0;
      *upper = exposure > 0 ? -log (tail) / exposure : G_MAXDOUBLE;
      return;
    }
  *lower = poisson_limit (target, exposure, tail);
  *upper = poisson_limit (target, exposure, 1 - tail);
}

/**
 * klynge_stats_poisson_interval:
 *
 * The exact (Garwood) interval of a rate of @events over @exposure, from the
 * χ² quantiles found by bisection on klynge_stats_chi_square_upper().
 */
gboolean
klynge_stats_poisson_interval (gint64  events,
                               gint64  exposure,
                               double  coverage,
                               double *lower,
                               double *upper)
{
  double tail = (1 - coverage) / 2, bounds[2];

  if (exposure <= 0 || events < 0)
    return FALSE;
  /* The mean m whose tail is @tail: P(X ≥ x | m) = tail below, P(X ≤ x | m) = tail above. */
  for (int side = 0; side < 2; side++)
    {
      double lo = 0, hi = events + 10 * sqrt (events + 1.0) + 10;

      if (side == 0 && events == 0)
        {
          bounds[0] = 0;
          continue;
        }
      for (int it = 0; it < 200; it++)
        {
          double mid = (lo + hi) / 2;
          double p = side == 0 ? incomplete_gamma ((double) events, mid) : poisson_cdf (events, mid);

          if ((side == 0) == (p < tail))
            lo = mid;
          else
            hi = mid;
        }
      bounds[side] = (lo + hi) / 2;
    }
  *lower = bounds[0] / exposure;
  *upper = bounds[1] / exposure;
  return TRUE;
}
