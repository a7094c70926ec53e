/* test-stats.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference values come from SciPy 1.10.1 (Debian 12 python3-scipy),
 * independent of the code under test: scipy.stats.norm.ppf for quantiles,
 * scipy.stats.binom.cdf/ppf for the binomial (ppf is R's qbinom), the Wilson
 * formula evaluated with norm.ppf(0.975), and Spiegelhalter's interpolation
 * (r − (F(r) − q) / (F(r) − F(r − 1))) / n with r = binom.ppf(q, n, p).
 * 81 of 263 also matches Newcombe (Stat Med 1998;17:857) table I: 0.2553–0.3662.
 *
 * The tables reference/NAME.tsv come from reference/make-reference.R, an
 * independent implementation in base R (the command is in its header): the
 * flags by exact tail probabilities, over-dispersion and random-effects
 * limits, the Anhøj rules, P and P′ charts, Poisson limits and intervals,
 * Newcombe's interval. reference/README.md names the published tables.
 */

#include <math.h>

#include "klynge-stats.h"

#define TOLERANCE 1e-6

static void
test_normal_quantile (void)
{
  g_assert_cmpfloat_with_epsilon (klynge_stats_normal_quantile (0.975), 1.959963984540054, 1e-12);
  g_assert_cmpfloat_with_epsilon (klynge_stats_normal_quantile (0.999), 3.090232306167813, 1e-12);
  g_assert_cmpfloat_with_epsilon (klynge_stats_normal_quantile (0.5), 0, 1e-15);
  g_assert_cmpfloat_with_epsilon (klynge_stats_normal_quantile (0.9), 1.2815515655446, 1e-12);
  g_assert_cmpfloat_with_epsilon (klynge_stats_normal_quantile (1e-10), -6.36134090240406, 1e-12);
}

static void
test_wilson (void)
{
  static const struct { gint64 x, n; double lower, upper; } cases[] = {
    { 0, 10, 0.000000000000, 0.277532799863 },
    { 10, 10, 0.722467200137, 1.000000000000 },
    { 412, 1329, 0.285719622879, 0.335390602454 },
    { 81, 263, 0.255288519878, 0.366209576983 },
    { 1, 1, 0.206549314377, 1.000000000000 },
    { 5, 20, 0.111861701408, 0.468700877619 },
  };
  double lower, upper;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (klynge_stats_wilson (cases[i].x, cases[i].n, 0.95, &lower, &upper));
      g_assert_cmpfloat_with_epsilon (lower, cases[i].lower, TOLERANCE);
      g_assert_cmpfloat_with_epsilon (upper, cases[i].upper, TOLERANCE);
    }

  /* A denominator of 0 has no interval: the chart leaves the clinic out. */
  g_assert_false (klynge_stats_wilson (0, 0, 0.95, &lower, &upper));
}

static void
test_binomial (void)
{
  g_assert_cmpfloat_with_epsilon (klynge_stats_binomial_cdf (3, 10, 0.31), 0.622756691615955, 1e-10);
  g_assert_cmpfloat_with_epsilon (klynge_stats_binomial_cdf (412, 1329, 0.31), 0.513561610016998, 1e-10);
  g_assert_cmpfloat_with_epsilon (klynge_stats_binomial_cdf (0, 50, 0.02), 0.364169680087117, 1e-10);
  g_assert_cmpfloat_with_epsilon (klynge_stats_binomial_cdf (4999, 5000, 0.999), 0.993278888040134, 1e-10);
}

static void
test_funnel (void)
{
  /* target, n, coverage, qbinom lower, qbinom upper, exact lower, exact upper */
  static const struct { double target; gint64 n; double coverage; gint64 r_lower, r_upper; double lower, upper; } exact[] = {
  { 0.31, 10, 0.95, 1, 6, 0.000489583426, 0.571272267227 },
  { 0.31, 10, 0.998, 0, 8, 0.000000000000, 0.755706190765 },
  { 0.31, 50, 0.95, 9, 22, 0.175124911660, 0.432474052865 },
  { 0.31, 50, 0.998, 6, 26, 0.109787627296, 0.512032144141 },
  { 0.31, 100, 0.95, 22, 40, 0.215907797985, 0.397588307562 },
  { 0.31, 100, 0.998, 17, 46, 0.168323900331, 0.452806682552 },
  { 0.31, 1329, 0.95, 379, 445, 0.284889203566, 0.334627777311 },
  { 0.31, 1329, 0.998, 360, 465, 0.270848876279, 0.349218135361 },
  { 0.31, 5000, 0.95, 1486, 1614, 0.297115856227, 0.322755708710 },
  { 0.31, 5000, 0.998, 1449, 1652, 0.289799518520, 0.330217853569 },
  { 0.05, 10, 0.95, 0, 2, 0.000000000000, 0.181916689147 },
  { 0.05, 10, 0.998, 0, 4, 0.000000000000, 0.302953741547 },
  { 0.05, 50, 0.95, 0, 6, 0.000000000000, 0.109831710720 },
  { 0.05, 50, 0.998, 0, 8, 0.000000000000, 0.157993590948 },
  { 0.05, 100, 0.95, 1, 10, 0.006122931436, 0.091907344024 },
  { 0.05, 100, 0.998, 0, 13, 0.000000000000, 0.124638495438 },
  { 0.05, 1329, 0.95, 51, 82, 0.038227221887, 0.061653746383 },
  { 0.05, 1329, 0.998, 43, 92, 0.032134955239, 0.069044876694 },
  { 0.05, 5000, 0.95, 220, 281, 0.043943628281, 0.056025706139 },
  { 0.05, 5000, 0.998, 204, 299, 0.040635431260, 0.059679448607 },
  };
  static const struct { double target; gint64 n; double coverage, lower, upper; } normal[] = {
  { 0.31, 10, 0.95, 0.023348985394, 0.596651014606 },
  { 0.31, 10, 0.998, 0.000000000000, 0.761956379259 },
  { 0.31, 50, 0.95, 0.181805769104, 0.438194230896 },
  { 0.31, 50, 0.998, 0.107878962622, 0.512121037378 },
  { 0.31, 100, 0.95, 0.219352990025, 0.400647009975 },
  { 0.31, 100, 0.998, 0.167078843850, 0.452921156150 },
  { 0.31, 1329, 0.95, 0.285134855190, 0.334865144810 },
  { 0.31, 1329, 0.998, 0.270795670534, 0.349204329466 },
  { 0.31, 5000, 0.95, 0.297180576910, 0.322819423090 },
  { 0.31, 5000, 0.998, 0.289787896262, 0.330212103738 },
  { 0.05, 10, 0.95, 0.000000000000, 0.185081195576 },
  { 0.05, 10, 0.998, 0.000000000000, 0.262979563818 },
  { 0.05, 50, 0.95, 0.000000000000, 0.110410147158 },
  { 0.05, 50, 0.998, 0.000000000000, 0.145247356503 },
  { 0.05, 100, 0.95, 0.007283575292, 0.092716424708 },
  { 0.05, 100, 0.998, 0.000000000000, 0.117350051673 },
  { 0.05, 1329, 0.95, 0.038282568984, 0.061717431016 },
  { 0.05, 1329, 0.998, 0.031525383040, 0.068474616960 },
  { 0.05, 5000, 0.95, 0.043958985284, 0.056041014716 },
  { 0.05, 5000, 0.998, 0.040475264350, 0.059524735650 },
  };
  double lower, upper;

  for (guint i = 0; i < G_N_ELEMENTS (exact); i++)
    {
      double tail = (1 - exact[i].coverage) / 2;

      g_assert_cmpint (klynge_stats_binomial_quantile (tail, exact[i].n, exact[i].target), ==, exact[i].r_lower);
      g_assert_cmpint (klynge_stats_binomial_quantile (1 - tail, exact[i].n, exact[i].target), ==, exact[i].r_upper);
      klynge_stats_funnel_limits (exact[i].target, exact[i].n, exact[i].coverage, KLYNGE_FUNNEL_EXACT, &lower, &upper);
      g_assert_cmpfloat_with_epsilon (lower, exact[i].lower, TOLERANCE);
      g_assert_cmpfloat_with_epsilon (upper, exact[i].upper, TOLERANCE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (normal); i++)
    {
      klynge_stats_funnel_limits (normal[i].target, normal[i].n, normal[i].coverage, KLYNGE_FUNNEL_NORMAL, &lower, &upper);
      g_assert_cmpfloat_with_epsilon (lower, normal[i].lower, TOLERANCE);
      g_assert_cmpfloat_with_epsilon (upper, normal[i].upper, TOLERANCE);
    }

  /* A target of 0 % or 100 % has no spread: the limits close on it. */
  klynge_stats_funnel_limits (0, 40, 0.998, KLYNGE_FUNNEL_EXACT, &lower, &upper);
  g_assert_cmpfloat (lower, ==, 0);
  g_assert_cmpfloat (upper, ==, 0);
  klynge_stats_funnel_limits (1, 40, 0.998, KLYNGE_FUNNEL_EXACT, &lower, &upper);
  g_assert_cmpfloat (lower, ==, 1);
  g_assert_cmpfloat (upper, ==, 1);
}

static void
test_pooled_and_median (void)
{
  static const gint64 x[] = { 10, 0, 402 }, n[] = { 29, 0, 1300 };
  static const double odd[] = { 0.5, 0.1, 0.3 }, even[] = { 0.4, 0.1, 0.3, 0.2 };
  double pooled;

  g_assert_true (klynge_stats_pooled (x, n, 3, &pooled));
  g_assert_cmpfloat_with_epsilon (pooled, 412.0 / 1329.0, 1e-15);
  g_assert_false (klynge_stats_pooled (x + 1, n + 1, 1, &pooled));

  g_assert_cmpfloat_with_epsilon (klynge_stats_median (odd, 3), 0.3, 1e-15);
  g_assert_cmpfloat_with_epsilon (klynge_stats_median (even, 4), 0.25, 1e-15);
  g_assert_true (isnan (klynge_stats_median (odd, 0)));
}

/* The rows of a reference table, each a NULL-terminated vector of fields, the header left out. */
static GPtrArray *
read_table (const char *name)
{
  g_autofree char *path = g_build_filename (REFERENCE_DIR, name, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
  g_assert_cmpuint (rows->len, >, 0);
  return rows;
}

static double
field (char **row,
       guint  column)
{
  return g_str_equal (row[column], "NA") ? NAN : g_ascii_strtod (row[column], NULL);
}

/* x = n and x = 0 at n = 1…200 and targets 0.5–0.99: 20 of 20 at 90 % is not flagged. */
static void
test_reference_flags (void)
{
  g_autoptr(GPtrArray) rows = read_table ("flags.tsv");

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      int flag = klynge_stats_flag (KLYNGE_STATS_BINOMIAL, (gint64) field (row, 2), (gint64) field (row, 1), field (row, 0));

      if (flag != (int) field (row, 3))
        g_error ("x = %s of n = %s at %s: flag %d, R says %s", row[2], row[1], row[0], flag, row[3]);
    }
  g_assert_cmpint (klynge_stats_flag (KLYNGE_STATS_BINOMIAL, 20, 20, 0.9), ==, 0);
  g_assert_cmpint (klynge_stats_flag (KLYNGE_STATS_BINOMIAL, 1, 1, 0.58), ==, 0);
}

/* The counts of one set of a table, from columns @column and @column + 1;
 * NA, a missing period, as 0 of 0. Adds each row read to @rows. */
static void
read_counts (GPtrArray  *table,
             const char *set,
             guint       column,
             GArray     *num,
             GArray     *den,
             GPtrArray  *rows)
{
  for (guint i = 0; i < table->len; i++)
    {
      char **d = g_ptr_array_index (table, i);
      double x = field (d, column), n = field (d, column + 1);
      gint64 xi = isnan (x) ? 0 : (gint64) x, ni = isnan (n) ? 0 : (gint64) n;

      if (!g_str_equal (d[0], set))
        continue;
      g_array_append_val (num, xi);
      g_array_append_val (den, ni);
      if (rows != NULL)
        g_ptr_array_add (rows, d);
    }
}

static void
test_reference_dispersion (void)
{
  g_autoptr(GPtrArray) summary = read_table ("dispersion.tsv");
  g_autoptr(GPtrArray) limits = read_table ("dispersion-limits.tsv");
  g_autoptr(GPtrArray) data = read_table ("dispersion-data.tsv");

  for (guint s = 0; s < summary->len; s++)
    {
      char **row = g_ptr_array_index (summary, s);
      g_autoptr(GArray) num = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) den = g_array_new (FALSE, FALSE, sizeof (gint64));
      KlyngeOverdispersion result;
      double target = field (row, 2);

      read_counts (data, row[0], 1, num, den, NULL);
      g_assert_cmpuint (num->len, ==, (guint) field (row, 1));
      g_assert_true (klynge_stats_overdispersion (KLYNGE_STATS_BINOMIAL, (gint64 *) num->data, (gint64 *) den->data,
                                                  num->len, target, &result));
      g_assert_cmpfloat_with_epsilon (result.phi, field (row, 3), 1e-9 * MAX (1, field (row, 3)));
      g_assert_cmpfloat_with_epsilon (result.p_value, field (row, 4), 1e-9 + 1e-6 * field (row, 4));
      g_assert_cmpfloat_with_epsilon (result.tau2, field (row, 5), 1e-12);
      for (guint i = 0; i < limits->len; i++)
        {
          char **l = g_ptr_array_index (limits, i);
          double lo95, hi95, lo998, hi998;

          if (!g_str_equal (l[0], row[0]))
            continue;
          klynge_stats_random_effects_limits (KLYNGE_STATS_BINOMIAL, target, result.tau2, (gint64) field (l, 1), 0.95, &lo95, &hi95);
          klynge_stats_random_effects_limits (KLYNGE_STATS_BINOMIAL, target, result.tau2, (gint64) field (l, 1), 0.998, &lo998, &hi998);
          g_assert_cmpfloat_with_epsilon (lo95, field (l, 2), 1e-9);
          g_assert_cmpfloat_with_epsilon (hi95, field (l, 3), 1e-9);
          g_assert_cmpfloat_with_epsilon (lo998, field (l, 4), 1e-9);
          g_assert_cmpfloat_with_epsilon (hi998, field (l, 5), 1e-9);
        }
    }
}

/* Against the widened limits a clinic is outside on the side where it lies,
 * and exactly when it passes the limits drawn. */
static void
test_random_effects_flag (void)
{
  static const gint64 counts[] = { 10, 38, 44, 50, 56, 62, 90 };
  double lo95, hi95, lo998, hi998;

  klynge_stats_random_effects_limits (KLYNGE_STATS_BINOMIAL, 0.5, 0.001, 100, 0.95, &lo95, &hi95);
  klynge_stats_random_effects_limits (KLYNGE_STATS_BINOMIAL, 0.5, 0.001, 100, 0.998, &lo998, &hi998);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      double v = counts[i] / 100.0;
      int expected = v < lo998 ? -2 : v > hi998 ? 2 : v < lo95 ? -1 : v > hi95 ? 1 : 0;

      g_assert_cmpint (klynge_stats_random_effects_flag (KLYNGE_STATS_BINOMIAL, counts[i], 100, 0.5, 0.001), ==, expected);
    }
  g_assert_cmpint (klynge_stats_random_effects_flag (KLYNGE_STATS_BINOMIAL, 10, 100, 0.5, 0.001), ==, -2);
  g_assert_cmpint (klynge_stats_random_effects_flag (KLYNGE_STATS_BINOMIAL, 90, 100, 0.5, 0.001), ==, 2);
}

/* The values of one series of runs-series.tsv, NAN where it has a gap. */
static GArray *
read_series (GPtrArray  *values,
             const char *name)
{
  GArray *series = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < values->len; i++)
    {
      char **v = g_ptr_array_index (values, i);
      double value = field (v, 2);

      if (g_str_equal (v[0], name))
        g_array_append_val (series, value);
    }
  g_assert_cmpuint (series->len, >, 0);
  return series;
}

/* The mean of the points present: an I chart's centre line. */
static double
series_mean (GArray *series)
{
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < series->len; i++)
    if (!isnan (g_array_index (series, double, i)))
      {
        sum += g_array_index (series, double, i);
        n++;
      }
  return sum / n;
}

/* The counts of @runs against a table's row, from column @first on:
 * useful points, longest run and its limit, crossings and their limit. */
static void
assert_runs (const KlyngeRunsTest *runs,
             char                **row,
             guint                 first)
{
  g_assert_cmpuint (runs->n_useful, ==, (guint) field (row, first));
  g_assert_cmpuint (runs->longest_run, ==, (guint) field (row, first + 1));
  g_assert_cmpuint (runs->longest_run_max, ==, (guint) field (row, first + 2));
  g_assert_cmpuint (runs->crossings, ==, (guint) field (row, first + 3));
  g_assert_cmpuint (runs->crossings_min, ==, (guint) field (row, first + 4));
}

static void
test_reference_runs (void)
{
  g_autoptr(GPtrArray) expected = read_table ("runs.tsv");
  g_autoptr(GPtrArray) values = read_table ("runs-series.tsv");

  for (guint s = 0; s < expected->len; s++)
    {
      char **row = g_ptr_array_index (expected, s);
      g_autoptr(GArray) series = read_series (values, row[0]);
      KlyngeRunsTest runs;

      if (g_str_equal (row[1], "mean"))
        klynge_stats_runs_around ((double *) series->data, series->len, series_mean (series), &runs);
      else
        klynge_stats_runs ((double *) series->data, series->len, &runs);
      g_test_message ("%s around the %s", row[0], row[1]);
      assert_runs (&runs, row, 2);
      g_assert_cmpint (runs.long_run, ==, (int) field (row, 7));
      g_assert_cmpint (runs.few_crossings, ==, (int) field (row, 8));
    }
}

/* What qicharts2's vignette prints (reference/README.md names it): the
 * critical values of its appendix 2 for 10–100 useful points, and the
 * summary of the I chart of its shifted series, where both rules fire. */
static void
test_published_runs (void)
{
  g_autoptr(GPtrArray) critical = read_table ("anhoej-critical-values.tsv");
  g_autoptr(GPtrArray) published = read_table ("runs-published.tsv");
  g_autoptr(GPtrArray) values = read_table ("runs-series.tsv");

  for (guint i = 0; i < critical->len; i++)
    {
      char **row = g_ptr_array_index (critical, i);
      guint n = (guint) field (row, 0);
      g_autofree double *alternating = g_new (double, n);
      KlyngeRunsTest runs;

      /* A series that alternates around 0 has n useful points. */
      for (guint j = 0; j < n; j++)
        alternating[j] = j % 2 ? 1 : -1;
      klynge_stats_runs_around (alternating, n, 0, &runs);
      g_assert_cmpuint (runs.n_useful, ==, n);
      g_assert_cmpuint (runs.longest_run_max, ==, (guint) field (row, 1));
      g_assert_cmpuint (runs.crossings_min, ==, (guint) field (row, 2));
    }
  for (guint s = 0; s < published->len; s++)
    {
      char **row = g_ptr_array_index (published, s);
      g_autoptr(GArray) series = read_series (values, row[0]);
      double centre = series_mean (series);
      KlyngeRunsTest runs;

      /* qicharts2 prints the centre line to seven digits. */
      g_assert_cmpfloat_with_epsilon (centre, field (row, 8), 5e-7);
      klynge_stats_runs_around ((double *) series->data, series->len, centre, &runs);
      assert_runs (&runs, row, 2);
      g_assert_cmpint (runs.long_run || runs.few_crossings, ==, (int) field (row, 7));
    }
}

/* P and Laney P′ limits as qicharts2 computes them; NA marks a missing period. */
static void
test_reference_p_chart (void)
{
  g_autoptr(GPtrArray) summary = read_table ("p-chart.tsv");
  g_autoptr(GPtrArray) points = read_table ("p-chart-data.tsv");

  for (guint s = 0; s < summary->len; s++)
    {
      char **row = g_ptr_array_index (summary, s);
      g_autoptr(GArray) num = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) den = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();
      g_autofree double *lower = NULL, *upper = NULL;
      double sigma_z;

      read_counts (points, row[0], 2, num, den, expected);
      lower = g_new (double, num->len);
      upper = g_new (double, num->len);
      for (int laney = 0; laney < 2; laney++)
        {
          double centre = klynge_stats_p_chart ((gint64 *) num->data, (gint64 *) den->data, num->len, laney,
                                                lower, upper, &sigma_z);

          g_test_message ("%s, %s", row[0], laney ? "P′" : "P");
          g_assert_cmpfloat_with_epsilon (centre, field (row, 1), 1e-12);
          g_assert_cmpfloat_with_epsilon (sigma_z, laney ? field (row, 2) : 1, 1e-9);
          for (guint i = 0; i < num->len; i++)
            {
              char **p = g_ptr_array_index (expected, i);
              double lo = field (p, laney ? 6 : 4), hi = field (p, laney ? 7 : 5);

              g_assert_cmpint (isnan (lower[i]), ==, isnan (lo));
              if (!isnan (lo))
                {
                  g_assert_cmpfloat_with_epsilon (lower[i], lo, 1e-9);
                  g_assert_cmpfloat_with_epsilon (upper[i], hi, 1e-9);
                }
            }
        }
    }
}

static void
test_reference_poisson (void)
{
  g_autoptr(GPtrArray) limits = read_table ("poisson-limits.tsv");
  g_autoptr(GPtrArray) intervals = read_table ("poisson-intervals.tsv");

  for (guint i = 0; i < limits->len; i++)
    {
      char **row = g_ptr_array_index (limits, i);
      double lo95, hi95, lo998, hi998;

      klynge_stats_poisson_limits (field (row, 0), (gint64) field (row, 1), 0.95, &lo95, &hi95);
      klynge_stats_poisson_limits (field (row, 0), (gint64) field (row, 1), 0.998, &lo998, &hi998);
      g_assert_cmpfloat_with_epsilon (lo95, field (row, 2), 1e-9);
      g_assert_cmpfloat_with_epsilon (hi95, field (row, 3), 1e-9);
      g_assert_cmpfloat_with_epsilon (lo998, field (row, 4), 1e-9);
      g_assert_cmpfloat_with_epsilon (hi998, field (row, 5), 1e-9);
    }
  for (guint i = 0; i < intervals->len; i++)
    {
      char **row = g_ptr_array_index (intervals, i);
      double lower, upper;

      g_assert_true (klynge_stats_poisson_interval ((gint64) field (row, 0), (gint64) field (row, 1), 0.95, &lower, &upper));
      g_assert_cmpfloat_with_epsilon (lower, field (row, 2), 1e-9 * MAX (1, field (row, 2)));
      g_assert_cmpfloat_with_epsilon (upper, field (row, 3), 1e-9 * MAX (1, field (row, 3)));
    }
}

static void
test_reference_differences (void)
{
  g_autoptr(GPtrArray) rows = read_table ("differences.tsv");

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      double d, lower, upper;

      g_assert_true (klynge_stats_difference ((gint64) field (row, 0), (gint64) field (row, 1), (gint64) field (row, 2),
                                              (gint64) field (row, 3), 0.95, &d, &lower, &upper));
      g_assert_cmpfloat_with_epsilon (d, field (row, 4), 1e-12);
      g_assert_cmpfloat_with_epsilon (lower, field (row, 5), 1e-9);
      g_assert_cmpfloat_with_epsilon (upper, field (row, 6), 1e-9);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/normal-quantile", test_normal_quantile);
  g_test_add_func ("/stats/wilson", test_wilson);
  g_test_add_func ("/stats/binomial", test_binomial);
  g_test_add_func ("/stats/funnel", test_funnel);
  g_test_add_func ("/stats/pooled-and-median", test_pooled_and_median);
  g_test_add_func ("/stats/reference/flags", test_reference_flags);
  g_test_add_func ("/stats/reference/dispersion", test_reference_dispersion);
  g_test_add_func ("/stats/random-effects-flag", test_random_effects_flag);
  g_test_add_func ("/stats/reference/runs", test_reference_runs);
  g_test_add_func ("/stats/published/runs", test_published_runs);
  g_test_add_func ("/stats/reference/p-chart", test_reference_p_chart);
  g_test_add_func ("/stats/reference/poisson", test_reference_poisson);
  g_test_add_func ("/stats/reference/differences", test_reference_differences);

  return g_test_run ();
}
