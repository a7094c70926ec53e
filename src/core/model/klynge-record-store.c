/* klynge-record-store.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every store of records shares: it is read only when a list shows
 * it, read again in place after a change, and keeps the error of its last
 * read for the list to show where its rows would be. A store belongs to
 * one database and owner; another one gets a new store.
 */

#include "klynge-record-store.h"

typedef struct
{
  KlyngeDb   *db;         /* weak: see klynge_record_store_get_db() */
  gint64      owner_id;
  GListStore *records;
  gboolean    loaded;
  GError     *error;
} KlyngeRecordStorePrivate;

enum {
  PROP_0,
  PROP_DB,
  PROP_OWNER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (KlyngeRecordStore, klynge_record_store, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (KlyngeRecordStore)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* On error the records stay as they were, and the error stays until the
 * next read. */
static gboolean
sync_records (KlyngeRecordStore  *self,
              GError            **error)
{
  KlyngeRecordStorePrivate *priv = klynge_record_store_get_instance_private (self);
  KlyngeRecordStoreClass *klass = KLYNGE_RECORD_STORE_GET_CLASS (self);
  g_autoptr(GListModel) fresh = NULL;

  /* Of a database closed since: there is nothing to read again. */
  if (priv->db == NULL)
    return TRUE;
  g_clear_error (&priv->error);
  fresh = klass->list (priv->db, priv->owner_id, &priv->error);
  if (fresh == NULL)
    {
      if (error != NULL)
        *error = g_error_copy (priv->error);
      return FALSE;
    }
  klynge_store_sync (priv->records, fresh, klass->update);
  return TRUE;
}

static void
records_changed_cb (KlyngeRecordStore *self,
                    guint              position,
                    guint              removed,
                    guint              added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static GType
klynge_record_store_get_item_type (GListModel *model)
{
  return KLYNGE_RECORD_STORE_GET_CLASS (model)->item_type;
}

static guint
klynge_record_store_get_n_items (GListModel *model)
{
  KlyngeRecordStorePrivate *priv = klynge_record_store_get_instance_private (KLYNGE_RECORD_STORE (model));

  return g_list_model_get_n_items (G_LIST_MODEL (priv->records));
}

static gpointer
klynge_record_store_get_item (GListModel *model,
                              guint       position)
{
  KlyngeRecordStorePrivate *priv = klynge_record_store_get_instance_private (KLYNGE_RECORD_STORE (model));

  return g_list_model_get_item (G_LIST_MODEL (priv->records), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = klynge_record_store_get_item_type;
  iface->get_n_items = klynge_record_store_get_n_items;
  iface->get_item = klynge_record_store_get_item;
}

/* The record type is the subclass's, known once the instance is whole. */
static void
klynge_record_store_constructed (GObject *object)
{
  KlyngeRecordStore *self = KLYNGE_RECORD_STORE (object);
  KlyngeRecordStorePrivate *priv = klynge_record_store_get_instance_private (self);

  G_OBJECT_CLASS (klynge_record_store_parent_class)->constructed (object);
  priv->records = g_list_store_new (KLYNGE_RECORD_STORE_GET_CLASS (self)->item_type);
  g_signal_connect_swapped (priv->records, "items-changed", G_CALLBACK (records_changed_cb), self);
}

static void
klynge_record_store_dispose (GObject *object)
{
  KlyngeRecordStorePrivate *priv = klynge_record_store_get_instance_private (KLYNGE_RECORD_STORE (object));

  g_clear_weak_pointer (&priv->db);
  g_clear_error (&priv->error);

  G_OBJECT_CLASS (klynge_record_store_parent_class)->dispose (object);
}

/* A list may still hold the store's items while it is disposed. */
static void
klynge_record_store_finalize (GObject *object)
{
  KlyngeRecordStorePrivate *priv = klynge_record_store_get_instance_private (KLYNGE_RECORD_STORE (object));

  g_clear_object (&priv->records);

  G_OBJECT_CLASS (klynge_record_store_parent_class)->finalize (object);
}

static void
klynge_record_store_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KlyngeRecordStorePrivate *priv = klynge_record_store_get_instance_private (KLYNGE_RECORD_STORE (object));

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, priv->db);
      break;
    case PROP_OWNER_ID:
      g_value_set_int64 (value, priv->owner_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_record_store_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KlyngeRecordStorePrivate *priv = klynge_record_store_get_instance_private (KLYNGE_RECORD_STORE (object));

  switch (prop_id)
    {
    case PROP_DB:
      g_set_weak_pointer (&priv->db, g_value_get_object (value));
      break;
    case PROP_OWNER_ID:
      priv->owner_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_record_store_class_init (KlyngeRecordStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = klynge_record_store_constructed;
  object_class->dispose = klynge_record_store_dispose;
  object_class->finalize = klynge_record_store_finalize;
  object_class->get_property = klynge_record_store_get_property;
  object_class->set_property = klynge_record_store_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, KLYNGE_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KlyngeRecordStore:owner-id:
   *
   * The cluster or meeting whose records the store holds.
   */
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_record_store_init (KlyngeRecordStore *self)
{
}

/**
 * klynge_record_store_get_db:
 *
 * The store does not keep its database open: a list may hold a store
 * after its window closed the database (to restore a backup over it,
 * say), and the store then stays as it was.
 *
 * Returns: (transfer none) (nullable): the database the records are read
 *   from, %NULL once it is closed
 */
KlyngeDb *
klynge_record_store_get_db (KlyngeRecordStore *self)
{
  KlyngeRecordStorePrivate *priv = klynge_record_store_get_instance_private (self);

  g_return_val_if_fail (KLYNGE_IS_RECORD_STORE (self), NULL);
  return priv->db;
}

gint64
klynge_record_store_get_owner_id (KlyngeRecordStore *self)
{
  KlyngeRecordStorePrivate *priv = klynge_record_store_get_instance_private (self);

  g_return_val_if_fail (KLYNGE_IS_RECORD_STORE (self), 0);
  return priv->owner_id;
}

/**
 * klynge_record_store_load:
 *
 * Reads the records, the first time only: reading them is the cost of
 * showing them, and a list nobody shows is not read.
 *
 * Returns: whether the records are read
 */
gboolean
klynge_record_store_load (KlyngeRecordStore  *self,
                          GError            **error)
{
  KlyngeRecordStorePrivate *priv = klynge_record_store_get_instance_private (self);

  g_return_val_if_fail (KLYNGE_IS_RECORD_STORE (self), FALSE);

  if (priv->loaded)
    return TRUE;
  priv->loaded = sync_records (self, error);
  return priv->loaded;
}

/**
 * klynge_record_store_refresh:
 *
 * Brings loaded records up to date with the database after a change,
 * record by record; a store not loaded yet stays unread. On error the
 * records stay as they were, and klynge_record_store_get_error() keeps
 * the error until the next read.
 */
gboolean
klynge_record_store_refresh (KlyngeRecordStore  *self,
                             GError            **error)
{
  KlyngeRecordStorePrivate *priv = klynge_record_store_get_instance_private (self);

  g_return_val_if_fail (KLYNGE_IS_RECORD_STORE (self), FALSE);
  return !priv->loaded || sync_records (self, error);
}

/**
 * klynge_record_store_get_error:
 *
 * Returns: (nullable) (transfer none): why the last load or refresh failed
 */
const GError *
klynge_record_store_get_error (KlyngeRecordStore *self)
{
  KlyngeRecordStorePrivate *priv = klynge_record_store_get_instance_private (self);

  g_return_val_if_fail (KLYNGE_IS_RECORD_STORE (self), NULL);
  return priv->error;
}

/**
 * klynge_record_store_find:
 *
 * Returns: (transfer none) (nullable): the record whose "id" is @id
 */
gpointer
klynge_record_store_find (KlyngeRecordStore *self,
                          gint64             id)
{
  GListModel *model = G_LIST_MODEL (self);

  g_return_val_if_fail (KLYNGE_IS_RECORD_STORE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (model, i);
      gint64 record_id = 0;

      g_object_get (record, "id", &record_id, NULL);
      if (record_id == id)
        return record;
    }
  return NULL;
}
