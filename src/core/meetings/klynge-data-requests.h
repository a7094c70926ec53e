/* klynge-data-requests.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "klynge-db.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_DATA_REQUEST (klynge_data_request_get_type ())
G_DECLARE_FINAL_TYPE (KlyngeDataRequest, klynge_data_request, KLYNGE, DATA_REQUEST, GObject)

/* What one clinic should deliver for one indicator before a meeting. */
struct _KlyngeDataRequest
{
  GObject  parent_instance;

  gint64   id;
  gint64   meeting_id;
  gint64   clinic_id;
  char    *clinic_name;
  gint64   indicator_id;
  char    *indicator_name;
  char    *period;
  char    *due_on;        /* nullable, "2026-05-26" */
  char    *status;        /* requested, received, late */
};

const char *klynge_data_request_status_label (const char *status);

int         klynge_data_requests_create    (KlyngeDb    *db,
                                            gint64       meeting_id,
                                            const char  *period,
                                            const char  *due_on,
                                            GError     **error);
GListModel *klynge_data_requests_list      (KlyngeDb    *db,
                                            gint64       meeting_id,
                                            GError     **error);
gboolean    klynge_data_requests_refresh   (KlyngeDb    *db,
                                            gint64       cluster_id,
                                            const char  *today,
                                            GError     **error);
GArray     *klynge_meeting_list_indicators (KlyngeDb    *db,
                                            gint64       meeting_id,
                                            GError     **error);

G_END_DECLS
