/* klynge-batch-store.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files imported into a cluster, newest first, as #KlyngeDataItem
 * rows (the file's name; when, and how many measurements) that keep their
 * objects while the database changes.
 */

#include "klynge-i18n.h"

#include "klynge-batch-store.h"
#include "klynge-data-item.h"
#include "klynge-format.h"
#include "klynge-import.h"

struct _KlyngeBatchStore
{
  KlyngeRecordStore parent_instance;
};

G_DEFINE_FINAL_TYPE (KlyngeBatchStore, klynge_batch_store, KLYNGE_TYPE_RECORD_STORE)

static GListModel *
list_batches (KlyngeDb  *db,
              gint64     cluster_id,
              GError   **error)
{
  g_autoptr(GPtrArray) batches = klynge_import_list_batches (db, cluster_id, error);
  GListStore *items;

  if (batches == NULL)
    return NULL;
  items = g_list_store_new (KLYNGE_TYPE_DATA_ITEM);
  for (guint i = 0; i < batches->len; i++)
    {
      KlyngeImportBatch *b = g_ptr_array_index (batches, i);
      g_autofree char *when = klynge_format_date_time (b->imported_at);
      g_autofree char *rows = klynge_format_integer (b->row_count);
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%s · %s measurement", "%s · %s measurements", b->row_count),
                                                   when, rows);
      g_autoptr(KlyngeDataItem) item = klynge_data_item_new (b->id, b->file_name, subtitle, NULL, TRUE);

      g_list_store_append (items, item);
    }
  return G_LIST_MODEL (items);
}

static void
klynge_batch_store_class_init (KlyngeBatchStoreClass *klass)
{
  KlyngeRecordStoreClass *store_class = KLYNGE_RECORD_STORE_CLASS (klass);

  store_class->item_type = KLYNGE_TYPE_DATA_ITEM;
  store_class->list = list_batches;
  store_class->update = (KlyngeStoreUpdate) klynge_data_item_update;
}

static void
klynge_batch_store_init (KlyngeBatchStore *self)
{
}

/**
 * klynge_batch_store_new:
 *
 * Returns: (transfer full): a store of @cluster_id's imported files, read
 *   the first time it is loaded
 */
KlyngeBatchStore *
klynge_batch_store_new (KlyngeDb *db,
                        gint64    cluster_id)
{
  g_return_val_if_fail (KLYNGE_IS_DB (db), NULL);
  return g_object_new (KLYNGE_TYPE_BATCH_STORE, "db", db, "owner-id", cluster_id, NULL);
}
