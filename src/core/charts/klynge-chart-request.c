/* klynge-chart-request.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One way from a request to a chart's data: a follow-up meeting's
 * before-and-after once differed between the screen and the exports because
 * only the screen looked up the earlier meeting's period.
 */

#include "klynge-chart-request.h"

/**
 * klynge_chart_request_load:
 *
 * Reads what @request asks for, names the clinics as it says and sets the
 * before-and-after's "before".
 *
 * Returns: (transfer full): the data, or %NULL with @error set
 */
KlyngeChartData *
klynge_chart_request_load (KlyngeDb                 *db,
                           const KlyngeChartRequest *request,
                           GError                  **error)
{
  g_autoptr(KlyngeChartData) data = NULL;
  g_autofree char *meeting_period = NULL;
  g_autoptr(GError) local_error = NULL;

  if (request->options.kind == KLYNGE_CHART_ATTENDANCE)
    return klynge_chart_data_load_attendance (db, request->cluster_id, error);

  if (request->period == NULL && request->meeting_id != 0
      && (meeting_period = klynge_chart_meeting_period (db, request->meeting_id, request->indicator_id, &local_error)) == NULL
      && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  data = klynge_chart_data_load (db, request->cluster_id, request->indicator_id,
                                 request->period != NULL ? request->period : meeting_period, error);
  if (data == NULL)
    return NULL;
  klynge_chart_data_set_names (data, db, request->cluster_id, request->options.names, request->highlight_clinic,
                               request->meeting_id);
  if (request->before_period != NULL)
    data->before_period = g_strdup (request->before_period);
  else if (request->meeting_id != 0
           && (data->before_period = klynge_chart_meeting_before_period (db, request->meeting_id, request->indicator_id,
                                                                         &local_error)) == NULL
           && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&data);
}
