/* klynge-chart-request.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-chart.h"

G_BEGIN_DECLS

/**
 * KlyngeChartRequest:
 * @meeting_id: whose letters the clinics get and, for a follow-up meeting,
 *   whose "before" period the before-and-after shows; 0 for none
 * @period: (nullable): the period shown; %NULL for the meeting's, else the latest
 * @before_period: (nullable): the "before"; %NULL for the period the
 *   followed-up meeting asked for, else the first
 * @highlight_clinic: the clinic named when @options.names is highlight
 * @options: the kind, names mode, limits and reference of the chart
 *
 * Everything that decides what one chart shows. The screen, the
 * presentation, every export and the command line build their charts from
 * one of these with klynge_chart_request_load(), so they cannot disagree.
 */
typedef struct
{
  gint64              cluster_id;
  gint64              meeting_id;
  gint64              indicator_id;
  const char         *period;
  const char         *before_period;
  gint64              highlight_clinic;
  KlyngeChartOptions  options;
} KlyngeChartRequest;

KlyngeChartData *klynge_chart_request_load (KlyngeDb                 *db,
                                            const KlyngeChartRequest *request,
                                            GError                  **error);

G_END_DECLS
