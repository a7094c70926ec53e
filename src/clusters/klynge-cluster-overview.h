/* klynge-cluster-overview.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "klynge-db.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_CLUSTER_OVERVIEW (klynge_cluster_overview_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeClusterOverview, klynge_cluster_overview, KLYNGE, CLUSTER_OVERVIEW, GtkBox)

void klynge_cluster_overview_load          (KlyngeClusterOverview *self,
                                           KlyngeDb             *db,
                                           gint64                cluster);
void klynge_cluster_overview_set_compact   (KlyngeClusterOverview *self,
                                           gboolean              compact);
void klynge_cluster_overview_set_read_only (KlyngeClusterOverview *self,
                                           gboolean              read_only);

G_END_DECLS
