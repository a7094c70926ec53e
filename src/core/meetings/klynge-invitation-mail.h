/* klynge-invitation-mail.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"

G_BEGIN_DECLS

typedef enum
{
  KLYNGE_INVITATION_MAIL_AUTO,          /* what the meeting's state asks for */
  KLYNGE_INVITATION_MAIL_INVITATION,
  KLYNGE_INVITATION_MAIL_UPDATE,
  KLYNGE_INVITATION_MAIL_CANCELLATION,
  KLYNGE_INVITATION_MAIL_REMINDER,      /* only to those who have not answered */
} KlyngeInvitationMailKind;

gboolean  klynge_invitation_mail_kind_from_string (const char               *text,
                                                   KlyngeInvitationMailKind *kind);
char     *klynge_invitation_mail_build            (KlyngeDb                 *db,
                                                   gint64                    meeting_id,
                                                   KlyngeInvitationMailKind  kind,
                                                   GError                  **error);
gboolean  klynge_invitation_mail_write            (KlyngeDb                 *db,
                                                   gint64                    meeting_id,
                                                   KlyngeInvitationMailKind  kind,
                                                   const char               *folder,
                                                   char                    **ics_path,
                                                   char                    **eml_path,
                                                   GError                  **error);

void      klynge_invitation_mail_write_async      (KlyngeDb                 *db,
                                                   gint64                    meeting_id,
                                                   KlyngeInvitationMailKind  kind,
                                                   const char               *folder,
                                                   GCancellable             *cancellable,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
char     *klynge_invitation_mail_write_finish     (GAsyncResult             *result,
                                                   GError                  **error);
char     *klynge_invitation_mail_plain_draft      (KlyngeDb                 *db,
                                                   gint64                    cluster_id,
                                                   const char * const       *names,
                                                   const char * const       *addresses,
                                                   const char               *subject,
                                                   const char               *body,
                                                   GError                  **error);

G_END_DECLS
