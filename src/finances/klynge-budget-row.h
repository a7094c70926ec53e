/* klynge-budget-row.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-ledger.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_BUDGET_ROW (klynge_budget_row_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeBudgetRow, klynge_budget_row, KLYNGE, BUDGET_ROW, AdwEntryRow)

GtkWidget *klynge_budget_row_new             (const KlyngeLedgerLine *line,
                                              const char             *budget,
                                              const char             *currency);
gint64     klynge_budget_row_get_category_id (KlyngeBudgetRow        *self);

G_END_DECLS
