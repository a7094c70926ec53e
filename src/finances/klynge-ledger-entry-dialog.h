/* klynge-ledger-entry-dialog.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-ledger.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_LEDGER_ENTRY_DIALOG (klynge_ledger_entry_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeLedgerEntryDialog, klynge_ledger_entry_dialog, KLYNGE, LEDGER_ENTRY_DIALOG, AdwWindow)

/* Edits @entry (a new one when %NULL) of @year; emits "saved" once the
 * entry is in the database, and shows what is wrong otherwise. */
KlyngeLedgerEntryDialog *klynge_ledger_entry_dialog_new (GtkWindow         *parent,
                                                         KlyngeDb          *db,
                                                         gint64             cluster_id,
                                                         int                year,
                                                         KlyngeLedgerEntry *entry);

G_END_DECLS
