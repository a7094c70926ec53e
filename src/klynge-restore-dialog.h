/* klynge-restore-dialog.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-backup.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_RESTORE_DIALOG (klynge_restore_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeRestoreDialog, klynge_restore_dialog, KLYNGE, RESTORE_DIALOG, AdwMessageDialog)

KlyngeRestoreDialog *klynge_restore_dialog_new          (GtkWindow           *parent,
                                                         const char          *db_path);
const char          *klynge_restore_dialog_get_db_path  (KlyngeRestoreDialog *self);
KlyngeBackup        *klynge_restore_dialog_get_selected (KlyngeRestoreDialog *self);

G_END_DECLS
