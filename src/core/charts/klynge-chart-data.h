/* klynge-chart-data.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"
#include "klynge-topics.h"

G_BEGIN_DECLS

/**
 * KlyngeChartNames:
 * @KLYNGE_CHART_ANONYMOUS: every clinic as a letter
 * @KLYNGE_CHART_HIGHLIGHT: one clinic named and coloured, the rest as letters
 * @KLYNGE_CHART_NAMED: every clinic by name (only when asked for)
 */
typedef enum
{
  KLYNGE_CHART_ANONYMOUS,
  KLYNGE_CHART_HIGHLIGHT,
  KLYNGE_CHART_NAMED,
} KlyngeChartNames;

/* A clinic's measurement in the chosen period, and its values across periods. */
typedef struct
{
  gint64   clinic_id;
  char    *name;
  char    *label;         /* as shown: a letter unless names are asked for */
  gboolean highlighted;
  gboolean has_counts;    /* numerator and denominator, not a bare value */
  gint64   numerator;
  gint64   denominator;
  double   value;         /* the proportion, or the bare value */
  double   lower;         /* 95 % Wilson interval, NAN without counts */
  double   upper;
  double  *series;        /* per period of the data's periods, NAN when missing */
  gint64  *series_numerators;    /* per period; denominator 0 without counts */
  gint64  *series_denominators;
  gboolean suppressed;    /* the chosen period's value was withheld by the publisher */
  guint    n_suppressed;  /* periods whose value the publisher withheld (NAN in series) */
} KlyngeChartRow;

typedef struct
{
  char   *title;
  char   *date;           /* ISO */
  guint   present;
  guint   excused;
  guint   absent;
} KlyngeChartMeeting;

typedef struct
{
  char      *cluster_name;
  gint64     indicator_id;
  char      *indicator_name;
  char      *unit;        /* the indicator's: its type, klynge_chart_data_get_indicator_type() */
  gint64     rate_per;    /* a rate's base: 1,000 or 100,000 (0 is read as 1,000) */
  char      *data_source;
  gboolean   higher_is_better;
  double     reference;   /* NAN when not set */
  double     target;
  char      *period;      /* the chosen period; NULL when the indicator has none */
  char      *before_period;  /* before/after: the "before"; NULL for the first period */
  GPtrArray *periods;     /* every period of the indicator by time, with the gaps in a run filled
                           * (klynge_chart_list_run_periods()): a gap's series values are NAN */
  GPtrArray *rows;        /* KlyngeChartRow of the chosen period, denominator 0 left out */
  guint      n_zero_denominator;
  guint      n_suppressed;  /* clinics whose value in the chosen period the publisher withheld */
  gboolean   has_pooled;
  gint64     pooled_numerator;
  gint64     pooled_denominator;
  double     pooled;
  double    *cluster_series;  /* the pooled proportion per period, NAN when missing */
  gint64    *cluster_numerators;    /* per period, summed over the clinics with counts */
  gint64    *cluster_denominators;
  guint     *cluster_clinics;       /* per period: how many clinics the point is made of */
  GPtrArray *meetings;    /* KlyngeChartMeeting, for the attendance chart */
} KlyngeChartData;

typedef struct
{
  gint64  id;
  char   *name;
  char   *topic;
} KlyngeChartIndicator;

KlyngeChartData *klynge_chart_data_new         (void);
KlyngeChartRow  *klynge_chart_row_new          (gint64             clinic_id,
                                                const char        *name,
                                                guint              n_periods);
KlyngeChartRow  *klynge_chart_data_add_counts  (KlyngeChartData   *data,
                                                gint64             clinic_id,
                                                const char        *label,
                                                gint64             numerator,
                                                gint64             denominator);
void             klynge_chart_data_free        (KlyngeChartData   *data);
KlyngeChartData *klynge_chart_data_load        (KlyngeDb          *db,
                                                gint64             cluster_id,
                                                gint64             indicator_id,
                                                const char        *period,
                                                GError           **error);
KlyngeChartData *klynge_chart_data_load_attendance (KlyngeDb      *db,
                                                    gint64         cluster_id,
                                                    GError       **error);
void             klynge_chart_data_set_names   (KlyngeChartData   *data,
                                                KlyngeDb          *db,
                                                gint64             cluster_id,
                                                KlyngeChartNames   names,
                                                gint64             highlight_clinic,
                                                gint64             meeting_id);
double           klynge_chart_data_scale       (const KlyngeChartData *data);
KlyngeIndicatorType klynge_chart_data_get_indicator_type (const KlyngeChartData *data);

GPtrArray       *klynge_chart_list_indicators  (KlyngeDb          *db,
                                                gint64             cluster_id,
                                                gint64             meeting_id,
                                                GError           **error);
GPtrArray       *klynge_chart_list_periods     (KlyngeDb          *db,
                                                gint64             cluster_id,
                                                gint64             indicator_id,
                                                GError           **error);
GPtrArray       *klynge_chart_list_run_periods (KlyngeDb          *db,
                                                gint64             cluster_id,
                                                gint64             indicator_id,
                                                GError           **error);
GPtrArray       *klynge_chart_list_meetings    (KlyngeDb          *db,
                                                gint64             cluster_id,
                                                GError           **error);
gboolean         klynge_chart_meeting_info     (KlyngeDb          *db,
                                                gint64             cluster_id,
                                                gint64             meeting_id,
                                                gboolean          *follow_up,
                                                char             **title,
                                                char             **date,
                                                GError           **error);
char            *klynge_chart_meeting_period   (KlyngeDb          *db,
                                                gint64             meeting_id,
                                                gint64             indicator_id,
                                                GError           **error);
char            *klynge_chart_meeting_before_period (KlyngeDb     *db,
                                                     gint64        meeting_id,
                                                     gint64        indicator_id,
                                                     GError      **error);
GPtrArray       *klynge_chart_list_clinics     (KlyngeDb          *db,
                                                gint64             cluster_id,
                                                GError           **error);
void             klynge_chart_append_choices   (GListStore        *choices,
                                                GPtrArray         *items);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeChartData, klynge_chart_data_free)

G_END_DECLS
