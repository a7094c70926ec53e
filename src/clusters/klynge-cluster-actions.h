/* klynge-cluster-actions.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void klynge_cluster_actions_install (GtkWidgetClass *window_class);
void klynge_cluster_actions_update  (GtkWidget      *window);

G_END_DECLS
