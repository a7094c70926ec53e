/* klynge-menu-button.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-menu-button.h"

/* GTK calls this only while the button has neither popover nor menu. */
static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       menu)
{
  gtk_menu_button_set_menu_model (button, menu);
}

void
klynge_menu_button_set_menu_on_popup (GtkMenuButton *button,
                                      GMenuModel    *menu)
{
  gtk_menu_button_set_create_popup_func (button, create_popup_cb, g_object_ref (menu), g_object_unref);
}
