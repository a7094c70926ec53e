/* klynge-chart-export-dialog.h — one chart to a file: format, size and theme
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-chart-export.h"
#include "klynge-db.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_CHART_EXPORT_DIALOG (klynge_chart_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeChartExportDialog, klynge_chart_export_dialog, KLYNGE, CHART_EXPORT_DIALOG, AdwWindow)

/*
 * A modal window over @parent offering PNG, SVG or PDF, 1080p or 4K and the
 * light, dark or high-contrast theme for the chart @job asks for (the page's
 * own request, so the file shows what the screen does). Export asks for the
 * file, writes it in a worker and closes the window.
 * Signal: "finished" (gboolean written, const char *message) once it is over.
 */
GtkWindow *klynge_chart_export_dialog_new       (GtkWindow                  *parent,
                                                 KlyngeDb                   *db,
                                                 const KlyngeChartExportJob *job);
/* Writes the chart to @path (given the format's ending when it has none):
 * what the file chooser's answer does. */
void       klynge_chart_export_dialog_export_to (KlyngeChartExportDialog    *self,
                                                 const char                 *path);

G_END_DECLS
