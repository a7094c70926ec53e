/* klynge-clusters-page.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-page.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_CLUSTERS_PAGE (klynge_clusters_page_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeClustersPage, klynge_clusters_page, KLYNGE, CLUSTERS_PAGE, KlyngePage)

G_END_DECLS
