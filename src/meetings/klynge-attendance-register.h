/* klynge-attendance-register.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-context.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_ATTENDANCE_REGISTER (klynge_attendance_register_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeAttendanceRegister, klynge_attendance_register, KLYNGE, ATTENDANCE_REGISTER, AdwBin)

void klynge_attendance_register_set_meeting (KlyngeAttendanceRegister *self,
                                             KlyngeContext            *context,
                                             gint64                    meeting_id);
gboolean klynge_attendance_register_save_pending (KlyngeAttendanceRegister  *self,
                                                  GError                   **error);

G_END_DECLS
