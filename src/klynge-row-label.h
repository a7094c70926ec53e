/* klynge-row-label.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names the list row that shows @child for screen readers. GTK 4.8 has no
 * API for it (gtk_list_item_set_accessible_label() is 4.12) and reads an
 * unnamed row as "GtkListItemWidget": the row is the ancestor of @child
 * whose parent is the list view. Call it from the factory's bind. */
void klynge_row_label_set (GtkWidget  *child,
                           const char *label);

G_END_DECLS
