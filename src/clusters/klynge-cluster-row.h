/* klynge-cluster-row.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "klynge-cluster-details.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_CLUSTER_ROW (klynge_cluster_row_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeClusterRow, klynge_cluster_row, KLYNGE, CLUSTER_ROW, GtkListBoxRow)

GtkWidget *klynge_cluster_row_new            (const KlyngeClusterBrief *cluster,
                                              gboolean                  current);
gint64     klynge_cluster_row_get_cluster_id (KlyngeClusterRow         *self);

G_END_DECLS
