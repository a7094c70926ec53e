/* klynge-member-export.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "klynge-db.h"
#include "klynge-document.h"

G_BEGIN_DECLS

typedef enum
{
  KLYNGE_MEMBER_EXPORT_XLSX,   /* a sheet of members and a sheet of clinics */
  KLYNGE_MEMBER_EXPORT_CSV,    /* the members */
  KLYNGE_MEMBER_EXPORT_PDF,    /* the active members' address list to print */
} KlyngeMemberExportFormat;

/* The address list: every member (former ones marked so) and clinic. */
gboolean klynge_member_export        (KlyngeDb                  *db,
                                      gint64                     cluster_id,
                                      KlyngeMemberExportFormat   format,
                                      const char                *path,
                                      GError                   **error);

KlyngeDocument *klynge_member_export_document (KlyngeDb  *db,
                                               gint64     cluster_id,
                                               GError   **error);

/* The same in a worker thread with its own connection to @db's file. */
void     klynge_member_export_async  (KlyngeDb                  *db,
                                      gint64                     cluster_id,
                                      KlyngeMemberExportFormat   format,
                                      const char                *path,
                                      GCancellable              *cancellable,
                                      GAsyncReadyCallback        callback,
                                      gpointer                   user_data);
gboolean klynge_member_export_finish (GAsyncResult              *result,
                                      GError                   **error);

G_END_DECLS
