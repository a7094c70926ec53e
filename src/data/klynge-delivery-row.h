/* klynge-delivery-row.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-data-item.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_DELIVERY_ROW (klynge_delivery_row_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeDeliveryRow, klynge_delivery_row, KLYNGE, DELIVERY_ROW, AdwActionRow)

GtkWidget *klynge_delivery_row_new (KlyngeDataItem *clinic);

G_END_DECLS
