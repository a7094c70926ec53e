/* klynge-ui-test-rows.h — whether a list box kept its rows
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The rows of @list (a GtkListBox), in order, kept alive to be compared. */
GPtrArray *klynge_ui_test_list_rows       (GtkWidget *list);
/* Checks that @list shows the very row widgets of @before, in order. */
void       klynge_ui_test_assert_same_rows (GtkWidget *list,
                                            GPtrArray *before);

G_END_DECLS
