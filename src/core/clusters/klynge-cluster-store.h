/* klynge-cluster-store.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "klynge-db.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_CLUSTER_STORE (klynge_cluster_store_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeClusterStore, klynge_cluster_store, KLYNGE, CLUSTER_STORE, GObject)

KlyngeClusterStore *klynge_cluster_store_new          (KlyngeDb            *db,
                                                       gint64               cluster_id);
gint64              klynge_cluster_store_get_cluster_id (KlyngeClusterStore *self);
GListModel         *klynge_cluster_store_get_members  (KlyngeClusterStore  *self);
GListModel         *klynge_cluster_store_get_clinics  (KlyngeClusterStore  *self);
gboolean            klynge_cluster_store_load_members (KlyngeClusterStore  *self,
                                                       GError             **error);
gboolean            klynge_cluster_store_load_clinics (KlyngeClusterStore  *self,
                                                       GError             **error);
gboolean            klynge_cluster_store_refresh      (KlyngeClusterStore  *self,
                                                       GError             **error);
const GError       *klynge_cluster_store_get_error    (KlyngeClusterStore  *self);

G_END_DECLS
