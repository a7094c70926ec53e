/* klynge-column-fit.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void klynge_column_fit_set_priority (GtkColumnViewColumn *column,
                                     guint                priority);
void klynge_column_fit_attach       (GtkColumnView       *view);

G_END_DECLS
