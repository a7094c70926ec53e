/* klynge-indicator-editor.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "klynge-indicator.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_INDICATOR_EDITOR (klynge_indicator_editor_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeIndicatorEditor, klynge_indicator_editor, KLYNGE, INDICATOR_EDITOR, GtkBox)

GtkWidget       *klynge_indicator_editor_new            (KlyngeIndicator       *indicator);
KlyngeIndicator *klynge_indicator_editor_get_indicator  (KlyngeIndicatorEditor *self);
GtkWidget       *klynge_indicator_editor_get_name_entry (KlyngeIndicatorEditor *self);

G_END_DECLS
