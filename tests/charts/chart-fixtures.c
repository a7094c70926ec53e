/* chart-fixtures.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "chart-fixtures.h"

static KlyngeChartData *
fixture_new (const char *indicator)
{
  KlyngeChartData *data = klynge_chart_data_new ();

  data->cluster_name = g_strdup ("Test Cluster");
  data->indicator_name = g_strdup (indicator);
  data->unit = g_strdup ("percent");
  data->data_source = g_strdup ("Test extract");
  data->higher_is_better = TRUE;
  data->target = 40;
  g_ptr_array_add (data->periods, g_strdup ("2026-Q1"));
  data->period = g_strdup ("2026-Q1");
  return data;
}

static char *
letter (guint i)
{
  GString *s = g_string_new (NULL);

  for (i++; i > 0; i = (i - 1) / 26)
    g_string_prepend_c (s, 'A' + (i - 1) % 26);
  return g_string_free (s, FALSE);
}

KlyngeChartData *
chart_fixture_clinics (guint n)
{
  KlyngeChartData *data = fixture_new ("Statin treatment after heart attack");
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);

  for (guint i = 0; i < n; i++)
    {
      gint64 den = g_rand_int_range (rand, 40, 900);
      double rate = 0.31 + (i % 7 == 3 ? 0.12 : 0) + g_rand_double_range (rand, -0.04, 0.04);
      g_autofree char *label = letter (i);

      klynge_chart_data_add_counts (data, i + 1, label, (gint64) round (den * rate), den);
    }
  return data;
}

KlyngeChartData *
chart_fixture_close_pair (void)
{
  KlyngeChartData *data = fixture_new ("HbA1c measured in last 12 months");
  static const struct { gint64 numerator, denominator; } counts[] = {
    { 196, 350 }, { 146, 200 }, { 346, 400 }, { 182, 246 }, { 134, 195 },
    { 176, 248 }, { 258, 385 }, { 208, 315 }, { 238, 315 },
  };

  data->target = NAN;
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *label = letter (i);

      klynge_chart_data_add_counts (data, i + 1, label, counts[i].numerator, counts[i].denominator);
    }
  return data;
}

KlyngeChartData *
chart_fixture_periods (void)
{
  KlyngeChartData *data = chart_fixture_clinics (8);
  static const char *periods[] = { "2025-Q3", "2025-Q4" };

  /* The fixture's one period becomes the last of three. */
  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    g_ptr_array_insert (data->periods, p, g_strdup (periods[p]));
  g_free (data->cluster_series);
  data->cluster_series = g_new (double, 3);
  data->cluster_clinics = g_renew (guint, data->cluster_clinics, 3);
  data->cluster_numerators = g_renew (gint64, data->cluster_numerators, 3);
  data->cluster_denominators = g_renew (gint64, data->cluster_denominators, 3);
  for (guint p = 0; p < 3; p++)
    {
      data->cluster_clinics[p] = data->rows->len;
      data->cluster_numerators[p] = data->cluster_denominators[p] = 0;
    }
  for (guint i = 0; i < data->rows->len; i++)
    {
      KlyngeChartRow *row = g_ptr_array_index (data->rows, i);
      double last = row->value;

      g_free (row->series);
      row->series = g_new (double, 3);
      /* Values only: before and after cannot test these changes. */
      row->series_numerators = g_renew (gint64, row->series_numerators, 3);
      row->series_denominators = g_renew (gint64, row->series_denominators, 3);
      for (guint p = 0; p < 3; p++)
        row->series_numerators[p] = row->series_denominators[p] = 0;
      row->series[0] = last - 0.06 + 0.01 * (i % 3);
      row->series[1] = last - 0.02 - 0.01 * (i % 2);
      row->series[2] = last;
    }
  data->cluster_series[0] = data->pooled - 0.05;
  data->cluster_series[1] = data->pooled - 0.02;
  data->cluster_series[2] = data->pooled;
  return data;
}

/* @n_clinics clinics over @n_periods quarters, counts in each, the cluster
 * near @level; the last period made of a third of the clinics. */
KlyngeChartData *
chart_fixture_series (guint  n_clinics,
                      guint  n_periods,
                      double level)
{
  KlyngeChartData *data = fixture_new ("Statin treatment after heart attack");
  g_autoptr(GRand) rand = g_rand_new_with_seed (60);

  g_ptr_array_set_size (data->periods, 0);
  for (guint p = 0; p < n_periods; p++)
    g_ptr_array_add (data->periods, g_strdup_printf ("%u-Q%u", 2024 + p / 4, p % 4 + 1));
  g_free (data->period);
  data->period = g_strdup (g_ptr_array_index (data->periods, n_periods - 1));
  data->cluster_series = g_new (double, n_periods);
  data->cluster_numerators = g_new0 (gint64, n_periods);
  data->cluster_denominators = g_new0 (gint64, n_periods);
  data->cluster_clinics = g_new0 (guint, n_periods);
  for (guint i = 0; i < n_clinics; i++)
    {
      g_autofree char *label = letter (i);
      KlyngeChartRow *row = klynge_chart_row_new (i + 1, label, n_periods);
      gint64 den = g_rand_int_range (rand, 60, 400);

      for (guint p = 0; p < n_periods; p++)
        {
          double rate = CLAMP (level + g_rand_double_range (rand, -0.03, 0.03), 0, 1);

          if (p == n_periods - 1 && i % 3 != 0)
            continue;
          row->series_denominators[p] = den;
          row->series_numerators[p] = (gint64) round (den * rate);
          row->series[p] = (double) row->series_numerators[p] / den;
          data->cluster_numerators[p] += row->series_numerators[p];
          data->cluster_denominators[p] += den;
          data->cluster_clinics[p]++;
        }
      row->has_counts = !isnan (row->series[n_periods - 1]);
      row->numerator = row->series_numerators[n_periods - 1];
      row->denominator = row->series_denominators[n_periods - 1];
      row->value = row->series[n_periods - 1];
      if (row->has_counts)
        klynge_stats_wilson (row->numerator, row->denominator, 0.95, &row->lower, &row->upper);
      g_ptr_array_add (data->rows, row);
    }
  for (guint p = 0; p < n_periods; p++)
    data->cluster_series[p] = (double) data->cluster_numerators[p] / data->cluster_denominators[p];
  data->pooled_numerator = data->cluster_numerators[n_periods - 1];
  data->pooled_denominator = data->cluster_denominators[n_periods - 1];
  data->pooled = (double) data->pooled_numerator / data->pooled_denominator;
  data->has_pooled = TRUE;
  return data;
}

KlyngeChartData *
chart_fixture_attendance (void)
{
  KlyngeChartData *data = klynge_chart_data_new ();
  static const struct { const char *date; guint present, excused, absent; } meetings[] = {
    { "2025-03-11", 18, 3, 2 }, { "2025-09-16", 15, 4, 4 }, { "2026-03-10", 20, 2, 1 }, { "2026-06-09", 12, 6, 5 },
  };

  data->cluster_name = g_strdup ("Test Cluster");
  for (guint i = 0; i < G_N_ELEMENTS (meetings); i++)
    {
      KlyngeChartMeeting *m = g_new0 (KlyngeChartMeeting, 1);

      m->title = g_strdup_printf ("Meeting %u", i + 1);
      m->date = g_strdup (meetings[i].date);
      m->present = meetings[i].present;
      m->excused = meetings[i].excused;
      m->absent = meetings[i].absent;
      g_ptr_array_add (data->meetings, m);
    }
  return data;
}
