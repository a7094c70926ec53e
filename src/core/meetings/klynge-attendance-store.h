/* klynge-attendance-store.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-record-store.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_ATTENDANCE_STORE (klynge_attendance_store_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeAttendanceStore, klynge_attendance_store, KLYNGE, ATTENDANCE_STORE, KlyngeRecordStore)

KlyngeAttendanceStore *klynge_attendance_store_new (KlyngeDb *db,
                                                   gint64    meeting_id);

G_END_DECLS
