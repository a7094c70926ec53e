/* klynge-import-wide-row.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KLYNGE_TYPE_IMPORT_WIDE_ROW (klynge_import_wide_row_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeImportWideRow, klynge_import_wide_row, KLYNGE, IMPORT_WIDE_ROW, AdwActionRow)

GtkWidget  *klynge_import_wide_row_new             (const char          *indicator,
                                                    GListModel          *columns);
const char *klynge_import_wide_row_get_indicator   (KlyngeImportWideRow *self);
const char *klynge_import_wide_row_get_numerator   (KlyngeImportWideRow *self);
const char *klynge_import_wide_row_get_denominator (KlyngeImportWideRow *self);
void        klynge_import_wide_row_set_selected    (KlyngeImportWideRow *self,
                                                    guint                numerator,
                                                    guint                denominator);
void        klynge_import_wide_row_focus           (KlyngeImportWideRow *self);

G_END_DECLS
