/* klynge-budget-chart.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "klynge-chart-style.h"
#include "klynge-ledger.h"

G_BEGIN_DECLS

/* Budget against actual per category of @year as grouped bars, in a
 * @width × @height area; the same drawing serves the page and exports.
 * Nothing paints the background: @theme is the one it will be seen on. */
void klynge_budget_chart_draw (cairo_t                *cr,
                               double                  width,
                               double                  height,
                               const KlyngeLedgerYear *year,
                               const char             *currency,
                               KlyngeChartTheme        theme);

G_END_DECLS
