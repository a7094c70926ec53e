/* klynge-picker.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-choice.h"

G_BEGIN_DECLS

/* A picker is a GtkDropDown or an AdwComboRow whose model is a list of
 * #KlyngeChoice: the same calls serve both. */
void         klynge_picker_set_choices       (gpointer    picker,
                                              GListModel *choices);
void         klynge_picker_replace_choices   (gpointer    picker,
                                              GListModel *choices);
void         klynge_picker_set_periods       (gpointer    picker,
                                              GPtrArray  *keys);
gboolean     klynge_picker_select_id         (gpointer    picker,
                                              gint64      id);
gboolean     klynge_picker_select_key        (gpointer    picker,
                                              const char *key);
gint64       klynge_picker_get_selected_id   (gpointer    picker);
const char  *klynge_picker_get_selected_key  (gpointer    picker);

G_END_DECLS
