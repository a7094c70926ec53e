/* klynge-focus.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Puts the keyboard focus on @field each time @window is shown, so one can
 * type at once; by itself GTK picks the first button, Cancel. */
void klynge_focus_on_show (GtkWindow *window,
                           GtkWidget *field);

G_END_DECLS
