/* klynge-menu-button.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives @button @menu when it first pops up: a menu model set at once
 * builds the whole popover and its items, which start-up does not show. */
void klynge_menu_button_set_menu_on_popup (GtkMenuButton *button,
                                           GMenuModel    *menu);

G_END_DECLS
