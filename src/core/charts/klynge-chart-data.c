/* klynge-chart-data.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a chart shows, read in one go from the database: the chart code never
 * sees SQL, and a chart can be redrawn at any size without reading again.
 */

#include "klynge-i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "klynge-chart-data.h"
#include "klynge-choice.h"
#include "klynge-chart-letters.h"
#include "klynge-db-statement.h"
#include "klynge-meeting.h"
#include "klynge-period.h"
#include "klynge-stats.h"

static double
column_double_or_nan (KlyngeDbStatement *stmt,
                      int           column)
{
  return klynge_db_statement_column_is_null (stmt, column) ? NAN : klynge_db_statement_column_double (stmt, column);
}

static void
row_free (KlyngeChartRow *row)
{
  g_free (row->name);
  g_free (row->label);
  g_free (row->series);
  g_free (row->series_numerators);
  g_free (row->series_denominators);
  g_free (row);
}

static void
meeting_free (KlyngeChartMeeting *meeting)
{
  g_free (meeting->title);
  g_free (meeting->date);
  g_free (meeting);
}

static void
indicator_free (KlyngeChartIndicator *indicator)
{
  g_free (indicator->name);
  g_free (indicator->topic);
  g_free (indicator);
}

/* A choice as id, name and a third column (a topic or a date); "" when the
 * query has no third column. */
static gpointer
choice_from_row (KlyngeDbStatement *stmt)
{
  KlyngeChartIndicator *choice = g_new0 (KlyngeChartIndicator, 1);

  choice->id = klynge_db_statement_column_int64 (stmt, 0);
  choice->name = klynge_db_statement_dup_text (stmt, 1);
  choice->topic = klynge_db_statement_dup_text (stmt, 2);
  return choice;
}

static gpointer
attendance_from_row (KlyngeDbStatement *stmt)
{
  KlyngeChartMeeting *meeting = g_new0 (KlyngeChartMeeting, 1);

  meeting->title = klynge_db_statement_dup_text (stmt, 0);
  meeting->date = klynge_db_statement_dup_text (stmt, 1);
  meeting->present = klynge_db_statement_column_int (stmt, 2);
  meeting->excused = klynge_db_statement_column_int (stmt, 3);
  meeting->absent = klynge_db_statement_column_int (stmt, 4);
  return meeting;
}

/* Returns: (transfer full): empty data, for charts built without a database (tests, benches) */
KlyngeChartData *
klynge_chart_data_new (void)
{
  KlyngeChartData *data = g_new0 (KlyngeChartData, 1);

  data->periods = g_ptr_array_new_with_free_func (g_free);
  data->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  data->meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) meeting_free);
  data->reference = NAN;
  data->target = NAN;
  return data;
}

void
klynge_chart_data_free (KlyngeChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->cluster_name);
  g_free (data->indicator_name);
  g_free (data->unit);
  g_free (data->data_source);
  g_free (data->period);
  g_free (data->before_period);
  g_ptr_array_unref (data->periods);
  g_ptr_array_unref (data->rows);
  g_ptr_array_unref (data->meetings);
  g_free (data->cluster_series);
  g_free (data->cluster_numerators);
  g_free (data->cluster_denominators);
  g_free (data->cluster_clinics);
  g_free (data);
}

static gboolean
load_cluster_name (KlyngeChartData  *data,
                   KlyngeDb         *db,
                   gint64            cluster_id,
                   GError          **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, "SELECT name FROM cluster WHERE id = ?1");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  rc = klynge_db_statement_step (stmt, error);
  if (rc == SQLITE_ROW)
    {
      data->cluster_name = klynge_db_statement_dup_text (stmt, 0);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, cluster_id);

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("There is no cluster with the number %s."), number);
    }
  return FALSE;
}

static gboolean
load_indicator (KlyngeChartData  *data,
                KlyngeDb         *db,
                gint64            indicator_id,
                GError          **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT name, unit, higher_is_better, data_source, reference_value, target_value, rate_per "
    "FROM indicator WHERE id = ?1");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, indicator_id);
  rc = klynge_db_statement_step (stmt, error);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, indicator_id);

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("There is no indicator with the number %s."), number);
    }
  if (rc != SQLITE_ROW)
    return FALSE;

  data->indicator_id = indicator_id;
  data->indicator_name = klynge_db_statement_dup_text (stmt, 0);
  data->unit = klynge_db_statement_dup_text (stmt, 1);
  data->higher_is_better = klynge_db_statement_column_int (stmt, 2) != 0;
  data->data_source = klynge_db_statement_dup_text (stmt, 3);
  data->reference = column_double_or_nan (stmt, 4);
  data->target = column_double_or_nan (stmt, 5);
  data->rate_per = klynge_db_statement_column_int64 (stmt, 6);
  return TRUE;
}

static guint
period_index (GPtrArray  *periods,
              const char *period)
{
  guint index = 0;

  g_ptr_array_find_with_equal_func (periods, period, g_str_equal, &index);
  return index;
}

KlyngeChartRow *
klynge_chart_row_new (gint64      clinic_id,
                      const char *name,
                      guint       n_periods)
{
  KlyngeChartRow *row = g_new0 (KlyngeChartRow, 1);

  row->clinic_id = clinic_id;
  row->name = g_strdup (name);
  row->label = g_strdup (name);
  row->value = row->lower = row->upper = NAN;
  row->series = g_new (double, MAX (n_periods, 1));
  row->series_numerators = g_new0 (gint64, MAX (n_periods, 1));
  row->series_denominators = g_new0 (gint64, MAX (n_periods, 1));
  for (guint p = 0; p < n_periods; p++)
    row->series[p] = NAN;
  return row;
}

/* The clinic's value in one period: its proportion, or its bare value. */
static double
measured_value (KlyngeDbStatement *stmt,
                gboolean     *has_counts)
{
  *has_counts = !klynge_db_statement_column_is_null (stmt, 3) && !klynge_db_statement_column_is_null (stmt, 4);
  if (*has_counts)
    {
      gint64 den = klynge_db_statement_column_int64 (stmt, 4);

      return den > 0 ? (double) klynge_db_statement_column_int64 (stmt, 3) / den : NAN;
    }
  return column_double_or_nan (stmt, 5);
}

/* A clinic's 95 % interval: Wilson's for a proportion, the exact Poisson interval for a rate. */
static void
set_interval (const KlyngeChartData *data,
              KlyngeChartRow        *row)
{
  if (g_strcmp0 (data->unit, "rate") == 0)
    klynge_stats_poisson_interval (row->numerator, row->denominator, 0.95, &row->lower, &row->upper);
  else
    klynge_stats_wilson (row->numerator, row->denominator, 0.95, &row->lower, &row->upper);
}

static void
allocate_cluster_series (KlyngeChartData *data)
{
  guint n = MAX (data->periods->len, 1);

  data->cluster_series = g_new (double, n);
  data->cluster_numerators = g_new0 (gint64, n);
  data->cluster_denominators = g_new0 (gint64, n);
  data->cluster_clinics = g_new0 (guint, n);
  for (guint p = 0; p < n; p++)
    data->cluster_series[p] = NAN;
}

static gboolean
load_measurements (KlyngeChartData  *data,
                   KlyngeDb         *db,
                   gint64            cluster_id,
                   GError          **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT m.clinic_id, c.name, m.period, m.numerator, m.denominator, m.value, m.status = 'suppressed' "
    "FROM measurement m JOIN clinic c ON c.id = m.clinic_id "
    "WHERE m.indicator_id = ?1 AND c.cluster_id = ?2 ORDER BY c.id, m.id");
  g_autoptr(GHashTable) by_clinic = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *numerators = g_new0 (gint64, MAX (data->periods->len, 1));
  g_autofree gint64 *denominators = g_new0 (gint64, MAX (data->periods->len, 1));
  guint chosen = data->period != NULL ? period_index (data->periods, data->period) : G_MAXUINT;
  g_autoptr(GPtrArray) all_rows = g_ptr_array_new ();
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, data->indicator_id);
  klynge_db_statement_bind_int64 (stmt, 2, cluster_id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      gint64 clinic_id = klynge_db_statement_column_int64 (stmt, 0);
      KlyngeChartRow *row = g_hash_table_lookup (by_clinic, &clinic_id);
      guint p = period_index (data->periods, klynge_db_statement_column_text (stmt, 2));
      gboolean has_counts;
      double value = measured_value (stmt, &has_counts);

      if (row == NULL)
        {
          row = klynge_chart_row_new (clinic_id, klynge_db_statement_column_text (stmt, 1), data->periods->len);
          g_hash_table_insert (by_clinic, &row->clinic_id, row);
          g_ptr_array_add (all_rows, row);
        }
      row->series[p] = value;
      row->n_suppressed += klynge_db_statement_column_int (stmt, 6);
      row->series_numerators[p] = has_counts ? klynge_db_statement_column_int64 (stmt, 3) : 0;
      row->series_denominators[p] = has_counts ? MAX (klynge_db_statement_column_int64 (stmt, 4), 0) : 0;
      /* A later measurement of the same period (a corrected import) replaces the earlier. */
      if (p == chosen)
        {
          row->has_counts = has_counts;
          row->numerator = has_counts ? klynge_db_statement_column_int64 (stmt, 3) : 0;
          row->denominator = has_counts ? klynge_db_statement_column_int64 (stmt, 4) : 0;
          row->value = value;
          row->suppressed = klynge_db_statement_column_int (stmt, 6);
        }
    }
  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < all_rows->len; i++)
        row_free (g_ptr_array_index (all_rows, i));
      return FALSE;
    }

  for (guint i = 0; i < all_rows->len; i++)
    {
      KlyngeChartRow *row = g_ptr_array_index (all_rows, i);

      if (row->has_counts && row->denominator == 0)
        data->n_zero_denominator++;
      data->n_suppressed += row->suppressed;
      if (chosen == G_MAXUINT || isnan (row->value))
        {
          row_free (row);
          continue;
        }
      if (row->has_counts)
        set_interval (data, row);
      g_ptr_array_add (data->rows, row);
    }

  /* The cluster per period: every clinic's counts pooled. */
  allocate_cluster_series (data);
  for (guint i = 0; i < data->rows->len; i++)
    {
      KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

      if (row->has_counts)
        {
          data->pooled_numerator += row->numerator;
          data->pooled_denominator += row->denominator;
        }
    }
  data->has_pooled = data->pooled_denominator > 0;
  data->pooled = data->has_pooled ? (double) data->pooled_numerator / data->pooled_denominator : NAN;
  return TRUE;
}

/* The cluster's pooled value per period, again from the database so clinics
 * without a value in the chosen period still count in the others. */
static gboolean
load_cluster_series (KlyngeChartData  *data,
                     KlyngeDb         *db,
                     gint64            cluster_id,
                     GError          **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT m.period, sum(m.numerator), sum(m.denominator), avg(m.value), count(m.denominator), "
    "  count(DISTINCT m.clinic_id) "
    "FROM measurement m JOIN clinic c ON c.id = m.clinic_id "
    "WHERE m.indicator_id = ?1 AND c.cluster_id = ?2 GROUP BY m.period");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, data->indicator_id);
  klynge_db_statement_bind_int64 (stmt, 2, cluster_id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      guint p = period_index (data->periods, klynge_db_statement_column_text (stmt, 0));
      gint64 den = klynge_db_statement_column_int64 (stmt, 2);

      data->cluster_clinics[p] = klynge_db_statement_column_int (stmt, 5);
      if (klynge_db_statement_column_int64 (stmt, 4) > 0)
        {
          data->cluster_series[p] = den > 0 ? (double) klynge_db_statement_column_int64 (stmt, 1) / den : NAN;
          data->cluster_numerators[p] = klynge_db_statement_column_int64 (stmt, 1);
          data->cluster_denominators[p] = MAX (den, 0);
        }
      else
        data->cluster_series[p] = column_double_or_nan (stmt, 3);
    }
  return rc == SQLITE_DONE;
}

/* A period as a count of quarters, months or years, and its kind: 'Q' for
 * "2025-Q3", 'M' for "2025-07", 'Y' for "2025"; 0 for anything else. */
static char
period_ordinal (const char *period,
                int        *ordinal)
{
  int year, part;
  char tail;

  if (sscanf (period, "%4d-Q%1d%c", &year, &part, &tail) == 2 && strlen (period) == 7 && part >= 1 && part <= 4)
    return *ordinal = year * 4 + part - 1, 'Q';
  if (sscanf (period, "%4d-%2d%c", &year, &part, &tail) == 2 && strlen (period) == 7 && part >= 1 && part <= 12)
    return *ordinal = year * 12 + part - 1, 'M';
  if (sscanf (period, "%4d%c", &year, &tail) == 1 && strlen (period) == 4)
    return *ordinal = year, 'Y';
  return 0;
}

static char *
period_name (char kind,
             int  ordinal)
{
  if (kind == 'Q')
    return g_strdup_printf ("%d-Q%d", ordinal / 4, ordinal % 4 + 1);
  if (kind == 'M')
    return g_strdup_printf ("%d-%02d", ordinal / 12, ordinal % 12 + 1);
  return g_strdup_printf ("%d", ordinal);
}

/* Quarters, months or years without data in between stay on the time axis
 * as gaps, so a run chart is chronological; other period names are kept as
 * they sort. */
static void
fill_period_gaps (GPtrArray *periods)
{
  g_autoptr(GPtrArray) filled = NULL;
  int first = 0, last = 0, ordinal;
  char kind = 0;

  for (guint i = 0; i < periods->len; i++)
    {
      char k = period_ordinal (g_ptr_array_index (periods, i), &ordinal);

      if (k == 0 || (kind != 0 && k != kind))
        return;
      kind = k;
      if (i == 0)
        first = ordinal;
      last = ordinal;
    }
  if (kind == 0 || last - first + 1 <= (int) periods->len || last - first >= 400)
    return;
  filled = g_ptr_array_new_with_free_func (g_free);
  for (int o = first; o <= last; o++)
    g_ptr_array_add (filled, period_name (kind, o));
  g_ptr_array_set_size (periods, 0);
  g_ptr_array_extend_and_steal (periods, g_steal_pointer (&filled));
}

/**
 * klynge_chart_data_load:
 * @period: (nullable): the period to show; %NULL for the latest
 *
 * Everything the charts of one indicator show. Clinics are named until
 * klynge_chart_data_set_names() anonymises them.
 *
 * Returns: (transfer full): the data, or %NULL with @error set
 */
KlyngeChartData *
klynge_chart_data_load (KlyngeDb    *db,
                        gint64       cluster_id,
                        gint64       indicator_id,
                        const char  *period,
                        GError     **error)
{
  g_autoptr(KlyngeChartData) data = klynge_chart_data_new ();
  g_autoptr(GPtrArray) periods = NULL;

  if (!load_cluster_name (data, db, cluster_id, error) || !load_indicator (data, db, indicator_id, error))
    return NULL;
  periods = klynge_chart_list_run_periods (db, cluster_id, indicator_id, error);
  if (periods == NULL)
    return NULL;
  g_ptr_array_extend_and_steal (data->periods, g_steal_pointer (&periods));
  fill_period_gaps (data->periods);

  if (period != NULL && g_ptr_array_find_with_equal_func (data->periods, period, g_str_equal, NULL))
    data->period = g_strdup (period);
  else if (period == NULL && data->periods->len > 0)
    data->period = g_strdup (g_ptr_array_index (data->periods, data->periods->len - 1));

  if (!load_measurements (data, db, cluster_id, error) || !load_cluster_series (data, db, cluster_id, error))
    return NULL;
  return g_steal_pointer (&data);
}

/**
 * klynge_chart_data_load_attendance:
 *
 * The attendance of every held meeting of the cluster, oldest first.
 *
 * Returns: (transfer full): the data, or %NULL with @error set
 */
KlyngeChartData *
klynge_chart_data_load_attendance (KlyngeDb  *db,
                                   gint64     cluster_id,
                                   GError   **error)
{
  g_autoptr(KlyngeChartData) data = klynge_chart_data_new ();
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  g_autoptr(GPtrArray) meetings = NULL;

  if (!load_cluster_name (data, db, cluster_id, error))
    return NULL;
  stmt = klynge_db_statement_new (db,
    "SELECT m.title, substr(m.starts_at, 1, 10), "
    "  count(CASE a.status WHEN 'present' THEN 1 END), count(CASE a.status WHEN 'excused' THEN 1 END), "
    "  count(CASE a.status WHEN 'absent' THEN 1 END) "
    "FROM meeting m JOIN attendance a ON a.meeting_id = m.id "
    "WHERE m.cluster_id = ?1 AND m.status != 'cancelled' GROUP BY m.id ORDER BY m.starts_at");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  if (!(meetings = klynge_db_statement_collect (stmt, attendance_from_row, (GDestroyNotify) meeting_free, error)))
    return NULL;
  g_ptr_array_extend_and_steal (data->meetings, g_steal_pointer (&meetings));
  return g_steal_pointer (&data);
}

/**
 * klynge_chart_data_set_names:
 * @meeting_id: the meeting whose letters to use, or 0 for the cluster's
 *   charts without a meeting
 *
 * Sets each row's label. Letters are dealt to every clinic of the cluster,
 * not just those with data, and kept once dealt (see
 * klynge_chart_letters_deal()), so a clinic has one letter on every chart of
 * the meeting, whoever joins or leaves.
 */
void
klynge_chart_data_set_names (KlyngeChartData  *data,
                             KlyngeDb         *db,
                             gint64            cluster_id,
                             KlyngeChartNames  names,
                             gint64            highlight_clinic,
                             gint64            meeting_id)
{
  g_autoptr(GArray) with_data = g_array_sized_new (FALSE, FALSE, sizeof (gint64), data->rows->len);
  g_autoptr(GHashTable) letter_of = NULL;

  /* Clinics with data that are not (or no longer) in the cluster's list. */
  for (guint i = 0; i < data->rows->len; i++)
    g_array_append_val (with_data, ((KlyngeChartRow *) g_ptr_array_index (data->rows, i))->clinic_id);
  letter_of = klynge_chart_letters_deal (db, cluster_id, meeting_id, with_data);

  for (guint i = 0; i < data->rows->len; i++)
    {
      KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

      row->highlighted = names == KLYNGE_CHART_HIGHLIGHT && row->clinic_id == highlight_clinic;
      g_free (row->label);
      if (names == KLYNGE_CHART_NAMED || row->highlighted)
        row->label = g_strdup (row->name);
      else
        row->label = g_strdup (g_hash_table_lookup (letter_of, &row->clinic_id));
    }
}

/* What numerator / denominator is multiplied by to be shown: 100 for
 * percent, 1,000 for a rate per 1,000, 1 for a plain value. */
double
klynge_chart_data_scale (const KlyngeChartData *data)
{
  return klynge_indicator_multiplier (data->unit, data->rate_per);
}

/* A proportion (binomial limits), a rate (Poisson: its numerator may exceed
 * its denominator) or a plain value. */
KlyngeIndicatorType
klynge_chart_data_get_indicator_type (const KlyngeChartData *data)
{
  return klynge_indicator_type_of_unit (data->unit);
}

/**
 * klynge_chart_list_indicators:
 * @meeting_id: a meeting's indicators (those of its topic), or 0 for every
 *   indicator with data in the cluster
 *
 * Returns: (transfer full) (element-type KlyngeChartIndicator): the indicators
 */
GPtrArray *
klynge_chart_list_indicators (KlyngeDb  *db,
                              gint64     cluster_id,
                              gint64     meeting_id,
                              GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (meeting_id > 0)
    /* As the meetings area defines a meeting's indicators: its topic's,
     * then those it requested data for. */
    stmt = klynge_db_statement_new (db,
      "SELECT i.id, i.name, t.title FROM meeting mt, indicator i JOIN topic t ON t.id = i.topic_id "
      "WHERE mt.id = ?2 AND mt.cluster_id = ?1 AND (i.topic_id = mt.topic_id "
      "  OR i.id IN (SELECT indicator_id FROM data_request WHERE meeting_id = mt.id)) "
      "ORDER BY i.topic_id IS NOT mt.topic_id, i.id");
  else
    stmt = klynge_db_statement_new (db,
      "SELECT i.id, i.name, t.title FROM indicator i JOIN topic t ON t.id = i.topic_id "
      "WHERE EXISTS (SELECT 1 FROM measurement m JOIN clinic c ON c.id = m.clinic_id "
      "              WHERE m.indicator_id = i.id AND c.cluster_id = ?1) "
      "ORDER BY t.id, i.id");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  if (meeting_id > 0)
    klynge_db_statement_bind_int64 (stmt, 2, meeting_id);
  return klynge_db_statement_collect (stmt, choice_from_row, (GDestroyNotify) indicator_free, error);
}

/* Returns: (transfer full) (element-type utf8): the indicator's periods in
 * the cluster that have measurements, oldest first (by time, not as text) */
GPtrArray *
klynge_chart_list_periods (KlyngeDb  *db,
                           gint64     cluster_id,
                           gint64     indicator_id,
                           GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT DISTINCT m.period FROM measurement m JOIN clinic c ON c.id = m.clinic_id "
    "WHERE m.indicator_id = ?1 AND c.cluster_id = ?2 ORDER BY m.period COLLATE klynge_period");

  klynge_db_statement_bind_int64 (stmt, 1, indicator_id);
  klynge_db_statement_bind_int64 (stmt, 2, cluster_id);
  return klynge_db_statement_collect_text (stmt, error);
}

/**
 * klynge_chart_list_run_periods:
 *
 * The periods a run chart spreads along its axis: klynge_chart_list_periods()
 * with the periods missing between them (2024-Q2 between 2024-Q1 and
 * 2024-Q3), so that a missing period shows as a gap rather than as the
 * next point.
 *
 * Returns: (transfer full) (element-type utf8): the periods, oldest first
 */
GPtrArray *
klynge_chart_list_run_periods (KlyngeDb  *db,
                               gint64     cluster_id,
                               gint64     indicator_id,
                               GError   **error)
{
  g_autoptr(GPtrArray) periods = klynge_chart_list_periods (db, cluster_id, indicator_id, error);

  return periods != NULL ? klynge_period_fill_gaps (periods) : NULL;
}

/* Returns: (transfer full) (element-type KlyngeChartIndicator): the cluster's
 * clinics as id and name (the topic field is empty), by name */
GPtrArray *
klynge_chart_list_clinics (KlyngeDb  *db,
                           gint64     cluster_id,
                           GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, "SELECT id, name, '' FROM clinic WHERE cluster_id = ?1 ORDER BY name, id");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  return klynge_db_statement_collect (stmt, choice_from_row, (GDestroyNotify) indicator_free, error);
}

/**
 * klynge_chart_data_add_counts:
 *
 * Adds a clinic's counts in the data's chosen period (the last of its
 * periods), as a measurement read from the database would: a denominator of
 * 0 is counted and left out, the interval and the pooled value follow.
 * Tests and benches build their charts with it.
 *
 * Returns: (transfer none) (nullable): the row, or %NULL when left out
 */
KlyngeChartRow *
klynge_chart_data_add_counts (KlyngeChartData *data,
                              gint64           clinic_id,
                              const char      *label,
                              gint64           numerator,
                              gint64           denominator)
{
  guint n_periods = data->periods->len;
  KlyngeChartRow *row;

  if (data->cluster_series == NULL)
    allocate_cluster_series (data);
  if (denominator <= 0)
    {
      data->n_zero_denominator++;
      return NULL;
    }
  row = klynge_chart_row_new (clinic_id, label, n_periods);
  row->has_counts = TRUE;
  row->numerator = numerator;
  row->denominator = denominator;
  row->value = (double) numerator / denominator;
  set_interval (data, row);
  if (n_periods > 0)
    {
      row->series[n_periods - 1] = row->value;
      row->series_numerators[n_periods - 1] = numerator;
      row->series_denominators[n_periods - 1] = denominator;
    }
  g_ptr_array_add (data->rows, row);

  data->pooled_numerator += numerator;
  data->pooled_denominator += denominator;
  data->has_pooled = TRUE;
  data->pooled = (double) data->pooled_numerator / data->pooled_denominator;
  if (n_periods > 0)
    {
      data->cluster_series[n_periods - 1] = data->pooled;
      data->cluster_numerators[n_periods - 1] = data->pooled_numerator;
      data->cluster_denominators[n_periods - 1] = data->pooled_denominator;
      data->cluster_clinics[n_periods - 1]++;
    }
  return row;
}

/* Returns: (transfer full) (element-type KlyngeChartIndicator): the cluster's
 * meetings with indicators (a topic or data requests), latest first, as id, title (name) and ISO date (topic) */
GPtrArray *
klynge_chart_list_meetings (KlyngeDb  *db,
                            gint64     cluster_id,
                            GError   **error)
{
  g_autoptr(GListModel) meetings = klynge_meetings_list (db, cluster_id, KLYNGE_MEETINGS_WITH_INDICATORS, NULL, error);
  g_autoptr(GPtrArray) list = NULL;

  if (meetings == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_free);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(KlyngeMeeting) meeting = g_list_model_get_item (meetings, i);
      KlyngeChartIndicator *choice = g_new0 (KlyngeChartIndicator, 1);

      choice->id = meeting->id;
      choice->name = g_strdup (meeting->title);
      choice->topic = g_strndup (meeting->starts_at, 10);
      g_ptr_array_add (list, choice);
    }
  return g_steal_pointer (&list);
}

/**
 * klynge_chart_meeting_info:
 * @follow_up: (out) (optional): whether it follows up an earlier meeting
 * @title: (out) (optional) (transfer full): its title
 * @date: (out) (optional) (transfer full): its ISO date
 *
 * Checks that the meeting is one of the cluster's, and tells about it.
 *
 * Returns: %FALSE with @error set when there is no such meeting
 */
gboolean
klynge_chart_meeting_info (KlyngeDb   *db,
                           gint64      cluster_id,
                           gint64      meeting_id,
                           gboolean   *follow_up,
                           char      **title,
                           char      **date,
                           GError    **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT follow_up_of, title, substr (starts_at, 1, 10) FROM meeting WHERE id = ?1 AND cluster_id = ?2");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  klynge_db_statement_bind_int64 (stmt, 2, cluster_id);
  rc = klynge_db_statement_step (stmt, error);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("There is no meeting with the number %s in this cluster."), number);
    }
  if (rc != SQLITE_ROW)
    return FALSE;
  if (follow_up != NULL)
    *follow_up = !klynge_db_statement_column_is_null (stmt, 0);
  if (title != NULL)
    *title = klynge_db_statement_dup_text (stmt, 1);
  if (date != NULL)
    *date = klynge_db_statement_dup_text (stmt, 2);
  return TRUE;
}

/**
 * klynge_chart_meeting_period:
 *
 * The period a meeting's charts of @indicator_id show, by one rule for the
 * page, the presentation and every export: the latest period the meeting
 * asked its clinics for that has data in its cluster (not whatever came in
 * since); when none of them has data yet, the latest period that has. A
 * period asked for but not yet delivered would otherwise put "No data" on
 * the projector while the page shows a chart.
 *
 * Returns: (transfer full) (nullable): the period, or %NULL when the cluster
 *   has no data on @indicator_id or (with @error set) it could not be read
 */
char *
klynge_chart_meeting_period (KlyngeDb  *db,
                             gint64     meeting_id,
                             gint64     indicator_id,
                             GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "WITH measured AS ("
    "  SELECT DISTINCT m.period FROM measurement m JOIN clinic c ON c.id = m.clinic_id "
    "  WHERE m.indicator_id = ?2 AND c.cluster_id = (SELECT cluster_id FROM meeting WHERE id = ?1)) "
    "SELECT coalesce ((SELECT r.period FROM data_request r "
    "                  WHERE r.meeting_id = ?1 AND r.indicator_id = ?2 AND r.period IN (SELECT period FROM measured) "
    "                  ORDER BY r.period COLLATE klynge_period DESC LIMIT 1), "
    "                 (SELECT period FROM measured ORDER BY period COLLATE klynge_period DESC LIMIT 1))");
  char *period = NULL;

  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  klynge_db_statement_bind_int64 (stmt, 2, indicator_id);
  if (klynge_db_statement_step (stmt, error) == SQLITE_ROW && !klynge_db_statement_column_is_null (stmt, 0))
    period = klynge_db_statement_dup_text (stmt, 0);
  return period;
}

/**
 * klynge_chart_meeting_before_period:
 *
 * For a follow-up meeting, the period the meeting it follows up asked for on
 * @indicator_id: the "before" of its before-and-after charts.
 *
 * Returns: (transfer full) (nullable): the period, or %NULL (the first
 *   period, or with @error set: it could not be read)
 */
char *
klynge_chart_meeting_before_period (KlyngeDb  *db,
                                    gint64     meeting_id,
                                    gint64     indicator_id,
                                    GError   **error)
{
  gint64 original = 0;

  if (!klynge_db_count (db, "SELECT follow_up_of FROM meeting WHERE id = ?1", meeting_id, &original, error))
    return NULL;
  return original != 0 ? klynge_chart_meeting_period (db, original, indicator_id, error) : NULL;
}

/**
 * klynge_chart_append_choices:
 * @choices: a list of #KlyngeChoice
 * @items: (element-type KlyngeChartIndicator) (nullable): indicators,
 *   meetings or clinics as the list functions above give them
 *
 * Offers @items in a drop-down by their ids and names.
 */
void
klynge_chart_append_choices (GListStore *choices,
                             GPtrArray  *items)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      KlyngeChartIndicator *item = g_ptr_array_index (items, i);

      klynge_choices_append (choices, item->id, item->name);
    }
}
