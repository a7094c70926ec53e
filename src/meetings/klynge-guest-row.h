/* klynge-guest-row.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-attendance.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_GUEST_ROW (klynge_guest_row_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeGuestRow, klynge_guest_row, KLYNGE, GUEST_ROW, AdwActionRow)

GtkWidget *klynge_guest_row_new          (const KlyngeGuest *guest);
gint64     klynge_guest_row_get_guest_id (KlyngeGuestRow    *self);

G_END_DECLS
