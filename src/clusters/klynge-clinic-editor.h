/* klynge-clinic-editor.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-clinic.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_CLINIC_EDITOR (klynge_clinic_editor_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeClinicEditor, klynge_clinic_editor, KLYNGE, CLINIC_EDITOR, AdwWindow)

/* @clinic: (nullable): the clinic to edit, or %NULL for a new one */
KlyngeClinicEditor *klynge_clinic_editor_new (GtkWindow    *parent,
                                              KlyngeDb     *db,
                                              gint64        cluster_id,
                                              KlyngeClinic *clinic);

G_END_DECLS
