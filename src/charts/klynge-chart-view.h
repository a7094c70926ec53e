/* klynge-chart-view.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "klynge-chart.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_CHART_VIEW (klynge_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeChartView, klynge_chart_view, KLYNGE, CHART_VIEW, GtkDrawingArea)

GtkWidget *klynge_chart_view_new (void);
void       klynge_chart_view_set (KlyngeChartView          *self,
                                  KlyngeChartData          *data,
                                  const KlyngeChartOptions *options);

const KlyngeChartData    *klynge_chart_view_get_data    (KlyngeChartView *self);
const KlyngeChartOptions *klynge_chart_view_get_options (KlyngeChartView *self);
int                       klynge_chart_view_get_current (KlyngeChartView *self);
KlyngeChartTheme          klynge_chart_view_get_theme   (KlyngeChartView *self);

G_END_DECLS
