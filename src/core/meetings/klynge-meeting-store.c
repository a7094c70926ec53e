/* klynge-meeting-store.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The meetings of the cluster shown (without their agendas), as one list
 * model that keeps its objects while the database changes: after a save,
 * a cancellation, a delete or an undo each meeting is updated where it is
 * (its changed properties notify), a gone one leaves and a new one comes
 * in, so the Meetings area's list keeps its rows, scroll position and
 * selection. The upcoming meetings come soonest first, then the past ones
 * latest first (#KlyngeMeeting:past tells them apart); a refresh moves
 * the meetings that time made past.
 */

#include "klynge-meeting.h"
#include "klynge-meeting-store.h"

struct _KlyngeMeetingStore
{
  KlyngeRecordStore parent_instance;
};

G_DEFINE_FINAL_TYPE (KlyngeMeetingStore, klynge_meeting_store, KLYNGE_TYPE_RECORD_STORE)

static GListModel *
list_schedule (KlyngeDb  *db,
               gint64     cluster_id,
               GError   **error)
{
  return klynge_meetings_list (db, cluster_id, KLYNGE_MEETINGS_SCHEDULE, NULL, error);
}

static void
klynge_meeting_store_class_init (KlyngeMeetingStoreClass *klass)
{
  KlyngeRecordStoreClass *store_class = KLYNGE_RECORD_STORE_CLASS (klass);

  store_class->item_type = KLYNGE_TYPE_MEETING;
  store_class->list = list_schedule;
  store_class->update = (KlyngeStoreUpdate) klynge_meeting_update;
}

static void
klynge_meeting_store_init (KlyngeMeetingStore *self)
{
}

/**
 * klynge_meeting_store_new:
 *
 * Returns: (transfer full): a store of @cluster_id's meetings, read the
 *   first time it is loaded
 */
KlyngeMeetingStore *
klynge_meeting_store_new (KlyngeDb *db,
                          gint64    cluster_id)
{
  g_return_val_if_fail (KLYNGE_IS_DB (db), NULL);
  return g_object_new (KLYNGE_TYPE_MEETING_STORE, "db", db, "owner-id", cluster_id, NULL);
}
