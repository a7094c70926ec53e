/* klynge-ledger-store.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-record-store.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_LEDGER_STORE (klynge_ledger_store_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeLedgerStore, klynge_ledger_store, KLYNGE, LEDGER_STORE, KlyngeRecordStore)

KlyngeLedgerStore *klynge_ledger_store_new (KlyngeDb *db,
                                            gint64    cluster_id);

G_END_DECLS
