/* klynge-batch-store.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-record-store.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_BATCH_STORE (klynge_batch_store_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeBatchStore, klynge_batch_store, KLYNGE, BATCH_STORE, KlyngeRecordStore)

KlyngeBatchStore *klynge_batch_store_new (KlyngeDb *db,
                                          gint64    cluster_id);

G_END_DECLS
