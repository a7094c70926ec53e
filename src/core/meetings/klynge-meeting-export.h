/* klynge-meeting-export.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"

G_BEGIN_DECLS

typedef enum
{
  KLYNGE_MEETING_EXPORT_ATTENDANCE,
  KLYNGE_MEETING_EXPORT_INVITATIONS,
} KlyngeMeetingExport;

gboolean klynge_meeting_export_kind_from_string (const char           *name,
                                                 KlyngeMeetingExport  *kind);
gboolean klynge_meeting_export_xlsx             (KlyngeDb             *db,
                                                 gint64                meeting_id,
                                                 KlyngeMeetingExport   kind,
                                                 gboolean              with_attendance_rates,
                                                 const char           *path,
                                                 GError              **error);

void     klynge_meeting_export_xlsx_async       (KlyngeDb             *db,
                                                 gint64                meeting_id,
                                                 KlyngeMeetingExport   kind,
                                                 const char           *path,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean klynge_meeting_export_xlsx_finish      (GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
