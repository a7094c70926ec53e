/* klynge-invitations-view.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-context.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_INVITATIONS_VIEW (klynge_invitations_view_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeInvitationsView, klynge_invitations_view, KLYNGE, INVITATIONS_VIEW, AdwBin)

void klynge_invitations_view_set_meeting (KlyngeInvitationsView *self,
                                          KlyngeContext         *context,
                                          gint64                 meeting_id);

G_END_DECLS
