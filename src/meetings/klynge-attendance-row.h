/* klynge-attendance-row.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-attendance.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_ATTENDANCE_ROW (klynge_attendance_row_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeAttendanceRow, klynge_attendance_row, KLYNGE, ATTENDANCE_ROW, AdwActionRow)

GtkWidget        *klynge_attendance_row_new      (KlyngeAttendance    *line);
KlyngeAttendance *klynge_attendance_row_get_line (KlyngeAttendanceRow *self);

G_END_DECLS
