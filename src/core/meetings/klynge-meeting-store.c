/* klynge-meeting-store.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The meetings of the cluster shown, as one list model that keeps its
 * objects while the database changes: after a save, a cancellation, a
 * delete or an undo each meeting is updated where it is (its changed
 * properties notify), a gone one leaves and a new one comes in, so the
 * Meetings area's list keeps its rows, scroll position and selection. A
 * store belongs to one database and cluster; another one gets a new store.
 */

#include "klynge-meeting.h"
#include "klynge-meeting-store.h"
#include "klynge-store-sync.h"

struct _KlyngeMeetingStore
{
  GObject     parent_instance;

  KlyngeDb   *db;
  gint64      cluster_id;
  GListStore *meetings;
  gboolean    loaded;
  GError     *error;
};

G_DEFINE_FINAL_TYPE (KlyngeMeetingStore, klynge_meeting_store, G_TYPE_OBJECT)

/* On error the list stays as it was, and the error stays until the next
 * read, for the list to show where its rows would be. */
static gboolean
sync_meetings (KlyngeMeetingStore  *self,
               GError             **error)
{
  g_autoptr(GListModel) fresh = NULL;

  g_clear_error (&self->error);
  fresh = klynge_meetings_list (self->db, self->cluster_id, KLYNGE_MEETINGS_SCHEDULE, NULL, &self->error);
  if (fresh == NULL)
    {
      if (error != NULL)
        *error = g_error_copy (self->error);
      return FALSE;
    }
  klynge_store_sync (self->meetings, fresh, (KlyngeStoreUpdate) klynge_meeting_update);
  return TRUE;
}

static void
klynge_meeting_store_dispose (GObject *object)
{
  KlyngeMeetingStore *self = KLYNGE_MEETING_STORE (object);

  g_clear_object (&self->db);
  g_clear_object (&self->meetings);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (klynge_meeting_store_parent_class)->dispose (object);
}

static void
klynge_meeting_store_class_init (KlyngeMeetingStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = klynge_meeting_store_dispose;
}

static void
klynge_meeting_store_init (KlyngeMeetingStore *self)
{
  self->meetings = g_list_store_new (KLYNGE_TYPE_MEETING);
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
  KlyngeMeetingStore *self;

  g_return_val_if_fail (KLYNGE_IS_DB (db), NULL);
  self = g_object_new (KLYNGE_TYPE_MEETING_STORE, NULL);
  self->db = g_object_ref (db);
  self->cluster_id = cluster_id;
  return self;
}

gint64
klynge_meeting_store_get_cluster_id (KlyngeMeetingStore *self)
{
  g_return_val_if_fail (KLYNGE_IS_MEETING_STORE (self), 0);
  return self->cluster_id;
}

/**
 * klynge_meeting_store_get_meetings:
 *
 * Returns: (transfer none): the cluster's #KlyngeMeeting objects (without
 *   their agendas), the upcoming ones soonest first, then the past ones
 *   latest first (#KlyngeMeeting:past tells them apart); empty until
 *   klynge_meeting_store_load()
 */
GListModel *
klynge_meeting_store_get_meetings (KlyngeMeetingStore *self)
{
  g_return_val_if_fail (KLYNGE_IS_MEETING_STORE (self), NULL);
  return G_LIST_MODEL (self->meetings);
}

/* Reading the meetings is the cost of showing them: a list nobody shows is
 * not read, and a second call does nothing. */
gboolean
klynge_meeting_store_load (KlyngeMeetingStore  *self,
                           GError             **error)
{
  g_return_val_if_fail (KLYNGE_IS_MEETING_STORE (self), FALSE);

  if (self->loaded)
    return TRUE;
  if (!sync_meetings (self, error))
    return FALSE;
  self->loaded = TRUE;
  return TRUE;
}

/**
 * klynge_meeting_store_refresh:
 *
 * Brings a loaded list up to date with the database after a change,
 * meeting by meeting, and moves the meetings that time made past.
 */
gboolean
klynge_meeting_store_refresh (KlyngeMeetingStore  *self,
                              GError             **error)
{
  g_return_val_if_fail (KLYNGE_IS_MEETING_STORE (self), FALSE);
  return !self->loaded || sync_meetings (self, error);
}

/**
 * klynge_meeting_store_get_error:
 *
 * Returns: (nullable) (transfer none): why the last load or refresh failed
 */
const GError *
klynge_meeting_store_get_error (KlyngeMeetingStore *self)
{
  g_return_val_if_fail (KLYNGE_IS_MEETING_STORE (self), NULL);
  return self->error;
}
