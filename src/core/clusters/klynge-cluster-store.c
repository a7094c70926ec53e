/* klynge-cluster-store.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The members and clinics of the cluster shown, as list models that stay
 * the same objects while the database changes: after a save, a delete or
 * an undo each record is updated where it is, and one items-changed names
 * the rows that changed (klynge_store_sync()), so a list keeps its scroll
 * position and selection.
 * A store belongs to one database and cluster; another one gets a new store.
 */

#include "klynge-clinic.h"
#include "klynge-cluster-store.h"
#include "klynge-member.h"
#include "klynge-store-sync.h"

/* One kind of record: how it is listed and brought up to date. */
typedef struct
{
  GListModel *(*list)   (KlyngeDb *db, gint64 cluster_id, GError **error);
  KlyngeStoreUpdate update;
} RecordKind;

typedef struct
{
  const RecordKind *kind;
  GListStore       *store;
  gboolean          loaded;
} Records;

struct _KlyngeClusterStore
{
  GObject   parent_instance;

  KlyngeDb *db;
  gint64    cluster_id;
  Records   members;
  Records   clinics;
  GError   *error;
};

G_DEFINE_FINAL_TYPE (KlyngeClusterStore, klynge_cluster_store, G_TYPE_OBJECT)

static const RecordKind member_kind = {
  klynge_member_list, (KlyngeStoreUpdate) klynge_member_update,
};

static const RecordKind clinic_kind = {
  klynge_clinic_list, (KlyngeStoreUpdate) klynge_clinic_update,
};

/* Reads the records again and changes the store only where they differ. */
static gboolean
sync_records (KlyngeClusterStore  *self,
              Records             *records,
              GError             **error)
{
  g_autoptr(GListModel) fresh = records->kind->list (self->db, self->cluster_id, error);

  if (fresh == NULL)
    return FALSE;
  klynge_store_sync (records->store, fresh, records->kind->update);
  return TRUE;
}

static gboolean
load_records (KlyngeClusterStore  *self,
              Records             *records,
              GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (records->loaded)
    return TRUE;
  if (!sync_records (self, records, &local_error))
    {
      g_clear_error (&self->error);
      self->error = g_error_copy (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  records->loaded = TRUE;
  return TRUE;
}

static void
records_init (Records          *records,
              const RecordKind *kind,
              GType             type)
{
  records->kind = kind;
  records->store = g_list_store_new (type);
}

static void
klynge_cluster_store_dispose (GObject *object)
{
  KlyngeClusterStore *self = KLYNGE_CLUSTER_STORE (object);

  g_clear_object (&self->db);
  g_clear_object (&self->members.store);
  g_clear_object (&self->clinics.store);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (klynge_cluster_store_parent_class)->dispose (object);
}

static void
klynge_cluster_store_class_init (KlyngeClusterStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = klynge_cluster_store_dispose;
}

static void
klynge_cluster_store_init (KlyngeClusterStore *self)
{
  records_init (&self->members, &member_kind, KLYNGE_TYPE_MEMBER);
  records_init (&self->clinics, &clinic_kind, KLYNGE_TYPE_CLINIC);
}

/**
 * klynge_cluster_store_new:
 *
 * Returns: (transfer full): a store of @cluster_id's records, which reads
 *   each list the first time it is loaded
 */
KlyngeClusterStore *
klynge_cluster_store_new (KlyngeDb *db,
                          gint64    cluster_id)
{
  KlyngeClusterStore *self;

  g_return_val_if_fail (KLYNGE_IS_DB (db), NULL);
  self = g_object_new (KLYNGE_TYPE_CLUSTER_STORE, NULL);
  self->db = g_object_ref (db);
  self->cluster_id = cluster_id;
  return self;
}

gint64
klynge_cluster_store_get_cluster_id (KlyngeClusterStore *self)
{
  g_return_val_if_fail (KLYNGE_IS_CLUSTER_STORE (self), 0);
  return self->cluster_id;
}

/**
 * klynge_cluster_store_get_members:
 *
 * Returns: (transfer none): the cluster's #KlyngeMember records, former
 *   ones included; empty until klynge_cluster_store_load_members()
 */
GListModel *
klynge_cluster_store_get_members (KlyngeClusterStore *self)
{
  g_return_val_if_fail (KLYNGE_IS_CLUSTER_STORE (self), NULL);
  return G_LIST_MODEL (self->members.store);
}

/**
 * klynge_cluster_store_get_clinics:
 *
 * Returns: (transfer none): the cluster's #KlyngeClinic records; empty
 *   until klynge_cluster_store_load_clinics()
 */
GListModel *
klynge_cluster_store_get_clinics (KlyngeClusterStore *self)
{
  g_return_val_if_fail (KLYNGE_IS_CLUSTER_STORE (self), NULL);
  return G_LIST_MODEL (self->clinics.store);
}

/* Reading the members is the cost of showing them: a list nobody shows is
 * not read, and a second call does nothing. */
gboolean
klynge_cluster_store_load_members (KlyngeClusterStore  *self,
                                   GError             **error)
{
  g_return_val_if_fail (KLYNGE_IS_CLUSTER_STORE (self), FALSE);
  return load_records (self, &self->members, error);
}

gboolean
klynge_cluster_store_load_clinics (KlyngeClusterStore  *self,
                                   GError             **error)
{
  g_return_val_if_fail (KLYNGE_IS_CLUSTER_STORE (self), FALSE);
  return load_records (self, &self->clinics, error);
}

/**
 * klynge_cluster_store_refresh:
 *
 * Brings the loaded lists up to date with the database after a change,
 * record by record. On error the lists stay as they were, and
 * klynge_cluster_store_get_error() keeps the error until the next refresh.
 */
gboolean
klynge_cluster_store_refresh (KlyngeClusterStore  *self,
                              GError             **error)
{
  Records *lists[] = { &self->members, &self->clinics };

  g_return_val_if_fail (KLYNGE_IS_CLUSTER_STORE (self), FALSE);

  g_clear_error (&self->error);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (lists[i]->loaded && !sync_records (self, lists[i], &self->error))
      {
        if (error != NULL)
          *error = g_error_copy (self->error);
        return FALSE;
      }
  return TRUE;
}

/**
 * klynge_cluster_store_get_error:
 *
 * Returns: (nullable) (transfer none): why the last load or refresh failed
 */
const GError *
klynge_cluster_store_get_error (KlyngeClusterStore *self)
{
  g_return_val_if_fail (KLYNGE_IS_CLUSTER_STORE (self), NULL);
  return self->error;
}
