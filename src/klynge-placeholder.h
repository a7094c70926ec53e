/* klynge-placeholder.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What an empty boxed list shows: @text, dim, as tall as a row. Without
 * one, an empty boxed list draws only its frame, a stray line. */
GtkWidget *klynge_list_placeholder_new (const char *text);

/* What a list shows in place of its rows when they could not be read. */
GtkWidget *klynge_list_error_new       (const GError *error);
void       klynge_combo_row_show_error (AdwComboRow  *row,
                                        const GError *error);

G_END_DECLS
