/* klynge-data-item.h — one row of the Data area's lists
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KLYNGE_TYPE_DATA_ITEM (klynge_data_item_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeDataItem, klynge_data_item, KLYNGE, DATA_ITEM, GObject)

/* @id: the batch or clinic; @title, @subtitle: as shown; @detail: a mailto:
 * draft or other text the row's button uses, or %NULL; @complete: nothing
 * is missing. */
KlyngeDataItem *klynge_data_item_new          (gint64          id,
                                               const char     *title,
                                               const char     *subtitle,
                                               const char     *detail,
                                               gboolean        complete);
gint64          klynge_data_item_get_id       (KlyngeDataItem *self);
const char     *klynge_data_item_get_title    (KlyngeDataItem *self);
const char     *klynge_data_item_get_subtitle (KlyngeDataItem *self);
const char     *klynge_data_item_get_detail   (KlyngeDataItem *self);
gboolean        klynge_data_item_get_complete (KlyngeDataItem *self);
gboolean        klynge_data_item_update       (KlyngeDataItem *self,
                                               KlyngeDataItem *from);

G_END_DECLS
