/* klynge-delivery-store.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-record-store.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_DELIVERY_STORE (klynge_delivery_store_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeDeliveryStore, klynge_delivery_store, KLYNGE, DELIVERY_STORE, KlyngeRecordStore)

KlyngeDeliveryStore *klynge_delivery_store_new (KlyngeDb *db,
                                                gint64    meeting_id);

G_END_DECLS
