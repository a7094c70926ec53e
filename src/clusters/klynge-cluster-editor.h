/* klynge-cluster-editor.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-db.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_CLUSTER_EDITOR (klynge_cluster_editor_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeClusterEditor, klynge_cluster_editor, KLYNGE, CLUSTER_EDITOR, AdwWindow)

/* @cluster_id: the cluster to edit, or 0 for a new one */
KlyngeClusterEditor *klynge_cluster_editor_new (GtkWindow *parent,
                                                KlyngeDb  *db,
                                                gint64     cluster_id);

G_END_DECLS
