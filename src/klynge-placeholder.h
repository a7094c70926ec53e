/* klynge-placeholder.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What an empty boxed list shows: @text, dim, as tall as a row. Without
 * one, an empty boxed list draws only its frame, a stray line. */
GtkWidget *klynge_list_placeholder_new (const char *text);

G_END_DECLS
