/* klynge-chart-export.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-chart.h"
#include "klynge-chart-request.h"

G_BEGIN_DECLS

typedef enum
{
  KLYNGE_SLIDE_PNG,
  KLYNGE_SLIDE_SVG,
  KLYNGE_SLIDE_PDF,
} KlyngeSlideFormat;

gboolean klynge_slide_format_from_path   (const char               *path,
                                          KlyngeSlideFormat        *format);
gboolean klynge_chart_write_png          (cairo_surface_t          *surface,
                                          const char               *path,
                                          GError                  **error);
gboolean klynge_chart_export_file        (const KlyngeChartData    *data,
                                          const KlyngeChartOptions *options,
                                          const char               *path,
                                          int                       width,
                                          int                       height,
                                          GError                  **error);
gboolean klynge_chart_export_slides      (KlyngeDb                 *db,
                                          gint64                    cluster_id,
                                          gint64                    meeting_id,
                                          const KlyngeChartOptions *options,
                                          gint64                    highlight_clinic,
                                          KlyngeSlideFormat         format,
                                          int                       width,
                                          int                       height,
                                          const char               *folder,
                                          guint                    *n_written,
                                          GError                  **error);
gboolean klynge_chart_export_pack        (KlyngeDb                 *db,
                                          gint64                    cluster_id,
                                          gint64                    meeting_id,
                                          const KlyngeChartOptions *options,
                                          const char               *path,
                                          GError                  **error);
gboolean klynge_chart_export_workbook    (KlyngeDb                 *db,
                                          gint64                    cluster_id,
                                          gint64                    meeting_id,
                                          const KlyngeChartOptions *options,
                                          const char               *path,
                                          GError                  **error);
GPtrArray *klynge_chart_meeting_data     (KlyngeDb                 *db,
                                          gint64                    cluster_id,
                                          gint64                    meeting_id,
                                          const KlyngeChartOptions *options,
                                          GError                  **error);
GPtrArray *klynge_chart_meeting_slides   (KlyngeDb                 *db,
                                          gint64                    cluster_id,
                                          gint64                    meeting_id,
                                          const KlyngeChartOptions *options,
                                          gint64                    highlight_clinic,
                                          GError                  **error);

/* One slide of a meeting: its data (names already set) and chart kind. */
typedef struct
{
  KlyngeChartData *data;
  KlyngeChartKind  kind;
} KlyngeSlide;

void klynge_slide_free (KlyngeSlide *slide);

typedef enum
{
  KLYNGE_CHART_EXPORT_CHART,
  KLYNGE_CHART_EXPORT_SLIDES,
  KLYNGE_CHART_EXPORT_PACK,
  KLYNGE_CHART_EXPORT_WORKBOOK,
  KLYNGE_CHART_EXPORT_KEY,
  KLYNGE_CHART_EXPORT_DECK,
  KLYNGE_CHART_EXPORT_FEEDBACK,
} KlyngeChartExportKind;

/**
 * KlyngeChartExportJob:
 * @indicator_id: for %KLYNGE_CHART_EXPORT_CHART
 * @period: (nullable): for %KLYNGE_CHART_EXPORT_CHART; %NULL for the latest
 * @meeting_id: the meeting of slides, pack, workbook and letter key; whose
 *   letters a chart shows (0: the cluster's charts without a meeting)
 * @path: the file, or the folder for slides; the key is CSV when it ends in ".csv"
 *
 * One export from the app, run in a worker thread.
 */
typedef struct
{
  KlyngeChartExportKind kind;
  gint64                cluster_id;
  gint64                meeting_id;
  gint64                indicator_id;
  const char           *period;
  KlyngeChartOptions    options;
  gint64                highlight_clinic;
  KlyngeSlideFormat     format;
  int                   width;
  int                   height;
  const char           *path;
} KlyngeChartExportJob;

void     klynge_chart_export_async  (KlyngeDb                   *db,
                                     const KlyngeChartExportJob *job,
                                     GCancellable               *cancellable,
                                     GAsyncReadyCallback         callback,
                                     gpointer                    user_data);
gboolean klynge_chart_export_finish (GAsyncResult               *result,
                                     GError                    **error);

G_END_DECLS
