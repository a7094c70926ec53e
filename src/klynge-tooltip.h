/* klynge-tooltip.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives @widget @text as its tooltip (none when NULL or empty) without
 * asking the display anything. gtk_widget_set_tooltip_text() looks up the
 * pointer at once, a round trip to the X server each time: in list rows
 * made by the dozen that costs more than building the rows. */
void        klynge_tooltip_set_text (GtkWidget  *widget,
                                     const char *text);
/* The text klynge_tooltip_set_text() gave @widget, or its tooltip-text. */
const char *klynge_tooltip_get_text (GtkWidget  *widget);

G_END_DECLS
