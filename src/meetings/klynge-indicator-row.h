/* klynge-indicator-row.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-indicator.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_INDICATOR_ROW (klynge_indicator_row_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeIndicatorRow, klynge_indicator_row, KLYNGE, INDICATOR_ROW, AdwActionRow)

GtkWidget       *klynge_indicator_row_new           (KlyngeIndicator    *indicator);
KlyngeIndicator *klynge_indicator_row_get_indicator (KlyngeIndicatorRow *self);

G_END_DECLS
