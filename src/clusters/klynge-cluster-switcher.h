/* klynge-cluster-switcher.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-context.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_CLUSTER_SWITCHER (klynge_cluster_switcher_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeClusterSwitcher, klynge_cluster_switcher, KLYNGE, CLUSTER_SWITCHER, AdwBin)

void klynge_cluster_switcher_set_context (KlyngeClusterSwitcher *self,
                                          KlyngeContext         *context);

G_END_DECLS
