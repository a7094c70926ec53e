/* klynge-list-keys.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void klynge_list_keys_attach (GtkWidget  *list,
                              GMenuModel *menu,
                              const char *edit,
                              const char *delete);
GtkWidget *klynge_list_keys_get_row (GtkWidget  *list);

G_END_DECLS
