/* klynge-date-row.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KLYNGE_TYPE_DATE_ROW (klynge_date_row_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeDateRow, klynge_date_row, KLYNGE, DATE_ROW, AdwEntryRow)

void  klynge_date_row_set_date (KlyngeDateRow *self,
                                const char    *iso_date);
char *klynge_date_row_get_date (KlyngeDateRow *self);

G_END_DECLS
