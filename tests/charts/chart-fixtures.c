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
chart_fixture_periods (void)
{
  KlyngeChartData *data = chart_fixture_clinics (8);
  static const char *periods[] = { "2025-Q3", "2025-Q4" };

  /* The fixture's one period becomes the last of three. */
  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    g_ptr_array_insert (data->periods, p, g_strdup (periods[p]));
  g_free (data->cluster_series);
  data->cluster_series = g_new (double, 3);
  for (guint i = 0; i < data->rows->len; i++)
    {
      KlyngeChartRow *row = g_ptr_array_index (data->rows, i);
      double last = row->value;

      g_free (row->series);
      row->series = g_new (double, 3);
      row->series[0] = last - 0.06 + 0.01 * (i % 3);
      row->series[1] = last - 0.02 - 0.01 * (i % 2);
      row->series[2] = last;
    }
  data->cluster_series[0] = data->pooled - 0.05;
  data->cluster_series[1] = data->pooled - 0.02;
  data->cluster_series[2] = data->pooled;
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
