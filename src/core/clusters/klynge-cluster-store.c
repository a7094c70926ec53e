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

#include "klynge-clinic-store.h"
#include "klynge-cluster-store.h"
#include "klynge-member-store.h"

struct _KlyngeClusterStore
{
  GObject            parent_instance;

  gint64             cluster_id;
  KlyngeRecordStore *members;
  KlyngeRecordStore *clinics;
};

G_DEFINE_FINAL_TYPE (KlyngeClusterStore, klynge_cluster_store, G_TYPE_OBJECT)

static void
klynge_cluster_store_dispose (GObject *object)
{
  KlyngeClusterStore *self = KLYNGE_CLUSTER_STORE (object);

  g_clear_object (&self->members);
  g_clear_object (&self->clinics);

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
  self->cluster_id = cluster_id;
  self->members = g_object_new (KLYNGE_TYPE_MEMBER_STORE, "db", db, "owner-id", cluster_id, NULL);
  self->clinics = g_object_new (KLYNGE_TYPE_CLINIC_STORE, "db", db, "owner-id", cluster_id, NULL);
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
  return G_LIST_MODEL (self->members);
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
  return G_LIST_MODEL (self->clinics);
}

/* Reading the members is the cost of showing them: a list nobody shows is
 * not read, and a second call does nothing. */
gboolean
klynge_cluster_store_load_members (KlyngeClusterStore  *self,
                                   GError             **error)
{
  g_return_val_if_fail (KLYNGE_IS_CLUSTER_STORE (self), FALSE);
  return klynge_record_store_load (self->members, error);
}

gboolean
klynge_cluster_store_load_clinics (KlyngeClusterStore  *self,
                                   GError             **error)
{
  g_return_val_if_fail (KLYNGE_IS_CLUSTER_STORE (self), FALSE);
  return klynge_record_store_load (self->clinics, error);
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
  g_return_val_if_fail (KLYNGE_IS_CLUSTER_STORE (self), FALSE);
  return klynge_record_store_refresh (self->members, error) &&
         klynge_record_store_refresh (self->clinics, error);
}

/**
 * klynge_cluster_store_get_error:
 *
 * Returns: (nullable) (transfer none): why the last load or refresh failed
 */
const GError *
klynge_cluster_store_get_error (KlyngeClusterStore *self)
{
  const GError *error;

  g_return_val_if_fail (KLYNGE_IS_CLUSTER_STORE (self), NULL);
  error = klynge_record_store_get_error (self->members);
  return error != NULL ? error : klynge_record_store_get_error (self->clinics);
}
