/* klynge-invitation-template-dialog.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KLYNGE_TYPE_INVITATION_TEMPLATE_DIALOG (klynge_invitation_template_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeInvitationTemplateDialog, klynge_invitation_template_dialog, KLYNGE, INVITATION_TEMPLATE_DIALOG, AdwMessageDialog)

KlyngeInvitationTemplateDialog *klynge_invitation_template_dialog_new         (GtkWindow                      *parent,
                                                                               const char                     *subject,
                                                                               const char                     *text);
const char                     *klynge_invitation_template_dialog_get_subject (KlyngeInvitationTemplateDialog *self);
char                           *klynge_invitation_template_dialog_dup_text    (KlyngeInvitationTemplateDialog *self);

G_END_DECLS
