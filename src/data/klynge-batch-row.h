/* klynge-batch-row.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-data-item.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_BATCH_ROW (klynge_batch_row_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeBatchRow, klynge_batch_row, KLYNGE, BATCH_ROW, AdwActionRow)

GtkWidget *klynge_batch_row_new (KlyngeDataItem *batch);

G_END_DECLS
