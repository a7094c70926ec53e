/* klynge-attendance-flags-window.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-db.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_ATTENDANCE_FLAGS_WINDOW (klynge_attendance_flags_window_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeAttendanceFlagsWindow, klynge_attendance_flags_window, KLYNGE, ATTENDANCE_FLAGS_WINDOW, AdwWindow)

GtkWidget *klynge_attendance_flags_window_new (GtkWindow *parent,
                                               KlyngeDb  *db,
                                               gint64     cluster_id);

G_END_DECLS
