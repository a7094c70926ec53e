/* klynge-store-sync.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Brings @item up to date with @from (transfer full, used up), notifying
 * the properties whose value changed; returns whether any did. */
typedef gboolean (*KlyngeStoreUpdate) (gpointer item,
                                       gpointer from);

gboolean klynge_store_sync (GListStore        *store,
                            GListModel        *fresh,
                            KlyngeStoreUpdate  update);

G_END_DECLS
