/* klynge-presentation.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-chart.h"
#include "klynge-context.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_PRESENTATION (klynge_presentation_get_type ())

G_DECLARE_FINAL_TYPE (KlyngePresentation, klynge_presentation, KLYNGE, PRESENTATION, AdwWindow)

GtkWindow *klynge_presentation_new         (KlyngeContext            *context,
                                            gint64                    meeting_id,
                                            gint64                    indicator_id,
                                            const char               *period,
                                            const KlyngeChartOptions *options,
                                            gint64                    highlight_clinic);
guint      klynge_presentation_get_slide   (KlyngePresentation       *self);
guint      klynge_presentation_get_n_slides (KlyngePresentation      *self);
gint64     klynge_presentation_get_meeting_id (KlyngePresentation    *self);
KlyngeChartTheme klynge_presentation_get_theme (KlyngePresentation *self);
gboolean   klynge_presentation_is_blank    (KlyngePresentation       *self);

G_END_DECLS
