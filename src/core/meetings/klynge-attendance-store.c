/* klynge-attendance-store.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The register of one meeting, a #KlyngeAttendance per member by name,
 * that keeps its objects while the database changes: a member recorded,
 * renamed elsewhere or a meeting saved changes the rows where they are.
 */

#include "klynge-attendance-store.h"
#include "klynge-attendance.h"

struct _KlyngeAttendanceStore
{
  KlyngeRecordStore parent_instance;
};

G_DEFINE_FINAL_TYPE (KlyngeAttendanceStore, klynge_attendance_store, KLYNGE_TYPE_RECORD_STORE)

static void
klynge_attendance_store_class_init (KlyngeAttendanceStoreClass *klass)
{
  KlyngeRecordStoreClass *store_class = KLYNGE_RECORD_STORE_CLASS (klass);

  store_class->item_type = KLYNGE_TYPE_ATTENDANCE;
  store_class->list = klynge_attendance_list;
  store_class->update = (KlyngeStoreUpdate) klynge_attendance_update;
}

static void
klynge_attendance_store_init (KlyngeAttendanceStore *self)
{
}

/**
 * klynge_attendance_store_new:
 *
 * Returns: (transfer full): a store of @meeting_id's register, read the
 *   first time it is loaded
 */
KlyngeAttendanceStore *
klynge_attendance_store_new (KlyngeDb *db,
                             gint64    meeting_id)
{
  g_return_val_if_fail (KLYNGE_IS_DB (db), NULL);
  return g_object_new (KLYNGE_TYPE_ATTENDANCE_STORE, "db", db, "owner-id", meeting_id, NULL);
}
