/* klynge-invitation-row.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-invitations.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_INVITATION_ROW (klynge_invitation_row_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeInvitationRow, klynge_invitation_row, KLYNGE, INVITATION_ROW, AdwActionRow)

GtkWidget        *klynge_invitation_row_new            (KlyngeInvitation    *invitation,
                                                        GListModel          *answers);
KlyngeInvitation *klynge_invitation_row_get_invitation (KlyngeInvitationRow *self);
void              klynge_invitation_row_answer         (KlyngeInvitationRow *self,
                                                        const char          *answer);

G_END_DECLS
