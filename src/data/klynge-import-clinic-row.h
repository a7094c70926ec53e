/* klynge-import-clinic-row.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-import.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_IMPORT_CLINIC_ROW (klynge_import_clinic_row_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeImportClinicRow, klynge_import_clinic_row, KLYNGE, IMPORT_CLINIC_ROW, AdwActionRow)

GtkWidget  *klynge_import_clinic_row_new        (const KlyngeImportFileClinic *clinic,
                                                 guint                         number,
                                                 gboolean                      hide_names,
                                                 gboolean                      ticked);
const char *klynge_import_clinic_row_get_clinic (KlyngeImportClinicRow        *self);
gboolean    klynge_import_clinic_row_get_ticked (KlyngeImportClinicRow        *self);

G_END_DECLS
