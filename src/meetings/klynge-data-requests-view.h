/* klynge-data-requests-view.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-db.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_DATA_REQUESTS_VIEW (klynge_data_requests_view_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeDataRequestsView, klynge_data_requests_view, KLYNGE, DATA_REQUESTS_VIEW, AdwBin)

void klynge_data_requests_view_set_meeting (KlyngeDataRequestsView *self,
                                            KlyngeDb               *db,
                                            gint64                  cluster_id,
                                            gint64                  meeting_id);

G_END_DECLS
