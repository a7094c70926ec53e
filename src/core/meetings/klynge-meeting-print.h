/* klynge-meeting-print.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"
#include "klynge-document.h"

G_BEGIN_DECLS

typedef enum
{
  KLYNGE_MEETING_PRINT_AGENDA,
  KLYNGE_MEETING_PRINT_INVITATION,
  KLYNGE_MEETING_PRINT_SIGN_IN,
} KlyngeMeetingPrint;

gboolean klynge_meeting_print_kind_from_string (const char          *name,
                                                KlyngeMeetingPrint  *kind);
KlyngeDocument *klynge_meeting_print_document (KlyngeDb           *db,
                                               gint64              meeting_id,
                                               KlyngeMeetingPrint  kind,
                                               GError            **error);
gboolean klynge_meeting_print_pdf              (KlyngeDb            *db,
                                                gint64               meeting_id,
                                                KlyngeMeetingPrint   kind,
                                                const char          *path,
                                                GError             **error);

void     klynge_meeting_print_pdf_async        (KlyngeDb            *db,
                                                gint64               meeting_id,
                                                KlyngeMeetingPrint   kind,
                                                const char          *path,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean klynge_meeting_print_pdf_finish       (GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
