/* klynge-deck.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-chart.h"

G_BEGIN_DECLS

gboolean klynge_deck_export_pdf (KlyngeDb                 *db,
                                 gint64                    cluster_id,
                                 gint64                    meeting_id,
                                 const KlyngeChartOptions *options,
                                 gint64                    highlight_clinic,
                                 const char               *path,
                                 guint                    *n_pages,
                                 GError                  **error);

G_END_DECLS
