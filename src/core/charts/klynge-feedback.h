/* klynge-feedback.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-chart.h"

G_BEGIN_DECLS

char     *klynge_feedback_sentence (const KlyngeChartData *data,
                                    guint                  row);
gboolean  klynge_feedback_export   (KlyngeDb              *db,
                                    gint64                 cluster_id,
                                    gint64                 meeting_id,
                                    const char            *folder,
                                    guint                 *n_clinics,
                                    GError               **error);

G_END_DECLS
