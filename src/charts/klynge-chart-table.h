/* klynge-chart-table.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "klynge-chart.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_CHART_TABLE (klynge_chart_table_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeChartTable, klynge_chart_table, KLYNGE, CHART_TABLE, GtkWidget)

void        klynge_chart_table_set      (KlyngeChartTable         *self,
                                         const KlyngeChartData    *data,
                                         const KlyngeChartOptions *options);
GListModel *klynge_chart_table_get_rows (KlyngeChartTable         *self);
char       *klynge_chart_table_copy_text (KlyngeChartTable        *self);

G_END_DECLS
