/* klynge-ledger-store.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger of the cluster shown, every year, as one list model of
 * #KlyngeLedgerEntry that keeps its objects while the database changes:
 * after a save, a delete or an undo each entry is updated where it is
 * (its running balance too), and one items-changed names the rows that
 * changed, so a list keeps its scroll position and selection. A store
 * belongs to one database and cluster; another one gets a new store.
 */

#include "klynge-ledger.h"
#include "klynge-ledger-store.h"
#include "klynge-store-sync.h"

struct _KlyngeLedgerStore
{
  GObject     parent_instance;

  KlyngeDb   *db;
  gint64      cluster_id;
  GListStore *entries;
  gboolean    loaded;
  GError     *error;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KlyngeLedgerStore, klynge_ledger_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* On error the entries stay as they were and the error stays with the
 * store, for a list to show where its rows would be. */
static gboolean
sync_entries (KlyngeLedgerStore  *self,
              GError            **error)
{
  g_autoptr(GListModel) fresh = NULL;

  g_clear_error (&self->error);
  fresh = klynge_ledger_list_entries (self->db, self->cluster_id, NULL, &self->error);
  if (fresh == NULL)
    {
      if (error != NULL)
        *error = g_error_copy (self->error);
      return FALSE;
    }
  klynge_store_sync (self->entries, fresh, (KlyngeStoreUpdate) klynge_ledger_entry_update);
  return TRUE;
}

static void
entries_changed_cb (KlyngeLedgerStore *self,
                    guint              position,
                    guint              removed,
                    guint              added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static GType
klynge_ledger_store_get_item_type (GListModel *model)
{
  return KLYNGE_TYPE_LEDGER_ENTRY;
}

static guint
klynge_ledger_store_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (KLYNGE_LEDGER_STORE (model)->entries));
}

static gpointer
klynge_ledger_store_get_item (GListModel *model,
                              guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (KLYNGE_LEDGER_STORE (model)->entries), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = klynge_ledger_store_get_item_type;
  iface->get_n_items = klynge_ledger_store_get_n_items;
  iface->get_item = klynge_ledger_store_get_item;
}

static void
klynge_ledger_store_dispose (GObject *object)
{
  KlyngeLedgerStore *self = KLYNGE_LEDGER_STORE (object);

  g_clear_object (&self->db);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (klynge_ledger_store_parent_class)->dispose (object);
}

static void
klynge_ledger_store_finalize (GObject *object)
{
  KlyngeLedgerStore *self = KLYNGE_LEDGER_STORE (object);

  g_object_unref (self->entries);

  G_OBJECT_CLASS (klynge_ledger_store_parent_class)->finalize (object);
}

static void
klynge_ledger_store_class_init (KlyngeLedgerStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = klynge_ledger_store_dispose;
  object_class->finalize = klynge_ledger_store_finalize;
}

static void
klynge_ledger_store_init (KlyngeLedgerStore *self)
{
  self->entries = g_list_store_new (KLYNGE_TYPE_LEDGER_ENTRY);
  g_signal_connect_swapped (self->entries, "items-changed", G_CALLBACK (entries_changed_cb), self);
}

/**
 * klynge_ledger_store_new:
 *
 * Returns: (transfer full): a store of @cluster_id's ledger entries by
 *   date, empty until klynge_ledger_store_load()
 */
KlyngeLedgerStore *
klynge_ledger_store_new (KlyngeDb *db,
                         gint64    cluster_id)
{
  KlyngeLedgerStore *self;

  g_return_val_if_fail (KLYNGE_IS_DB (db), NULL);
  self = g_object_new (KLYNGE_TYPE_LEDGER_STORE, NULL);
  self->db = g_object_ref (db);
  self->cluster_id = cluster_id;
  return self;
}

gint64
klynge_ledger_store_get_cluster_id (KlyngeLedgerStore *self)
{
  g_return_val_if_fail (KLYNGE_IS_LEDGER_STORE (self), 0);
  return self->cluster_id;
}

/* Reading the ledger is the cost of showing it: a ledger nobody shows is
 * not read, and a second call does nothing. */
gboolean
klynge_ledger_store_load (KlyngeLedgerStore  *self,
                          GError            **error)
{
  g_return_val_if_fail (KLYNGE_IS_LEDGER_STORE (self), FALSE);

  if (self->loaded)
    return TRUE;
  self->loaded = sync_entries (self, error);
  return self->loaded;
}

/**
 * klynge_ledger_store_refresh:
 *
 * Brings a loaded ledger up to date with the database after a change,
 * entry by entry. On error the entries stay as they were, and
 * klynge_ledger_store_get_error() keeps the error until the next refresh.
 */
gboolean
klynge_ledger_store_refresh (KlyngeLedgerStore  *self,
                             GError            **error)
{
  g_return_val_if_fail (KLYNGE_IS_LEDGER_STORE (self), FALSE);

  if (!self->loaded)
    return TRUE;
  return sync_entries (self, error);
}

/**
 * klynge_ledger_store_get_error:
 *
 * Returns: (nullable) (transfer none): why the last load or refresh failed
 */
const GError *
klynge_ledger_store_get_error (KlyngeLedgerStore *self)
{
  g_return_val_if_fail (KLYNGE_IS_LEDGER_STORE (self), NULL);
  return self->error;
}
