/* klynge-import-assistant.h — a file's preview, its columns, the check, the import
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-context.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_IMPORT_ASSISTANT (klynge_import_assistant_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeImportAssistant, klynge_import_assistant, KLYNGE, IMPORT_ASSISTANT, AdwWindow)

/* Opens @path; errors reading it are shown inside. Emits "imported" like
 * KlyngeImportSheet and closes itself when done. */
KlyngeImportAssistant *klynge_import_assistant_new (GtkWindow     *parent,
                                                    KlyngeContext *context,
                                                    const char    *path);

G_END_DECLS
