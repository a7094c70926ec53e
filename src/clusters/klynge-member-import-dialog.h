/* klynge-member-import-dialog.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-member-import.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_MEMBER_IMPORT_DIALOG (klynge_member_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeMemberImportDialog, klynge_member_import_dialog, KLYNGE, MEMBER_IMPORT_DIALOG, AdwWindow)

/* Shows what importing @file_name would do; @import: (transfer full) */
KlyngeMemberImportDialog *klynge_member_import_dialog_new (GtkWindow          *parent,
                                                           KlyngeDb           *db,
                                                           gint64              cluster_id,
                                                           const char         *file_name,
                                                           KlyngeMemberImport *import);

G_END_DECLS
