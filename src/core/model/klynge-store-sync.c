/* klynge-store-sync.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A store of records read again from the database keeps its objects: a
 * list bound to them keeps its rows, scroll position and selection.
 */

#include "klynge-store-sync.h"

static gint64
item_id (gpointer item)
{
  gint64 id = 0;

  g_object_get (item, "id", &id, NULL);
  return id;
}

/**
 * klynge_store_sync:
 * @store: a store of records, each with an int64 "id" property
 * @fresh: the same records as read again, in the order they are to have
 * @update: brings a record of @store up to date with its fresh copy
 *
 * Makes @store hold @fresh's records in @fresh's order, keeping the object
 * of each record it holds already: a changed one is updated in place (its
 * changed properties notify), a gone one leaves, a new one comes in.
 * Everything that changed is announced as one items-changed, from the
 * first row that differs to the last (a changed record is replaced by
 * itself there, so filters and sorters look at it again); nothing changed
 * announces nothing.
 *
 * Returns: whether @store changed
 */
gboolean
klynge_store_sync (GListStore        *store,
                   GListModel        *fresh,
                   KlyngeStoreUpdate  update)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = g_list_model_get_n_items (fresh);
  g_autofree gint64 *old_ids = g_new (gint64, n_old);
  g_autoptr(GPtrArray) old = g_ptr_array_new_full (n_old, g_object_unref);
  g_autoptr(GPtrArray) target = g_ptr_array_new_full (n_new, g_object_unref);
  g_autofree gboolean *changed = g_new0 (gboolean, n_new);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint prefix = 0, suffix = 0;

  g_return_val_if_fail (G_IS_LIST_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (fresh), FALSE);

  for (guint i = 0; i < n_old; i++)
    {
      g_ptr_array_add (old, g_list_model_get_item (model, i));
      old_ids[i] = item_id (old->pdata[i]);
      g_hash_table_insert (by_id, &old_ids[i], old->pdata[i]);
    }
  for (guint i = 0; i < n_new; i++)
    {
      gpointer from = g_list_model_get_item (fresh, i);
      gint64 id = item_id (from);
      gpointer item = g_hash_table_lookup (by_id, &id);

      if (item == NULL)
        {
          g_ptr_array_add (target, from);
          continue;
        }
      /* A record listed twice is taken in place once. */
      g_hash_table_remove (by_id, &id);
      changed[i] = update (item, from);
      g_ptr_array_add (target, g_object_ref (item));
    }

  while (prefix < n_old && prefix < n_new &&
         old->pdata[prefix] == target->pdata[prefix] && !changed[prefix])
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         old->pdata[n_old - 1 - suffix] == target->pdata[n_new - 1 - suffix] && !changed[n_new - 1 - suffix])
    suffix++;
  if (prefix + suffix == n_old && prefix + suffix == n_new)
    return FALSE;
  g_list_store_splice (store, prefix, n_old - prefix - suffix,
                       target->pdata + prefix, n_new - prefix - suffix);
  return TRUE;
}
