/* klynge-ledger-store.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "klynge-db.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_LEDGER_STORE (klynge_ledger_store_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeLedgerStore, klynge_ledger_store, KLYNGE, LEDGER_STORE, GObject)

KlyngeLedgerStore *klynge_ledger_store_new            (KlyngeDb           *db,
                                                       gint64              cluster_id);
gint64             klynge_ledger_store_get_cluster_id (KlyngeLedgerStore  *self);
gboolean           klynge_ledger_store_load           (KlyngeLedgerStore  *self,
                                                       GError            **error);
gboolean           klynge_ledger_store_refresh        (KlyngeLedgerStore  *self,
                                                       GError            **error);
const GError      *klynge_ledger_store_get_error      (KlyngeLedgerStore  *self);

G_END_DECLS
