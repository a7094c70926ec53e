/* klynge-meeting-row.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-meeting.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_MEETING_ROW (klynge_meeting_row_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeMeetingRow, klynge_meeting_row, KLYNGE, MEETING_ROW, AdwActionRow)

GtkWidget     *klynge_meeting_row_new         (KlyngeMeeting    *meeting);
KlyngeMeeting *klynge_meeting_row_get_meeting (KlyngeMeetingRow *self);

G_END_DECLS
