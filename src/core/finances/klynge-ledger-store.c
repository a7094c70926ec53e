/* klynge-ledger-store.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger of the cluster shown, every year, as one list model of
 * #KlyngeLedgerEntry by date that keeps its objects while the database
 * changes: after a save, a delete or an undo each entry is updated where
 * it is (its running balance too), and one items-changed names the rows
 * that changed, so a list keeps its scroll position and selection.
 */

#include "klynge-ledger.h"
#include "klynge-ledger-store.h"

struct _KlyngeLedgerStore
{
  KlyngeRecordStore parent_instance;
};

G_DEFINE_FINAL_TYPE (KlyngeLedgerStore, klynge_ledger_store, KLYNGE_TYPE_RECORD_STORE)

static GListModel *
list_entries (KlyngeDb  *db,
              gint64     cluster_id,
              GError   **error)
{
  return klynge_ledger_list_entries (db, cluster_id, NULL, error);
}

static void
klynge_ledger_store_class_init (KlyngeLedgerStoreClass *klass)
{
  KlyngeRecordStoreClass *store_class = KLYNGE_RECORD_STORE_CLASS (klass);

  store_class->item_type = KLYNGE_TYPE_LEDGER_ENTRY;
  store_class->list = list_entries;
  store_class->update = (KlyngeStoreUpdate) klynge_ledger_entry_update;
}

static void
klynge_ledger_store_init (KlyngeLedgerStore *self)
{
}

/**
 * klynge_ledger_store_new:
 *
 * Returns: (transfer full): a store of @cluster_id's ledger entries by
 *   date, read the first time it is loaded
 */
KlyngeLedgerStore *
klynge_ledger_store_new (KlyngeDb *db,
                         gint64    cluster_id)
{
  g_return_val_if_fail (KLYNGE_IS_DB (db), NULL);
  return g_object_new (KLYNGE_TYPE_LEDGER_STORE, "db", db, "owner-id", cluster_id, NULL);
}
