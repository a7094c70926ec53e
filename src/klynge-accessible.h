/* klynge-accessible.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void klynge_accessible_install          (void);
void klynge_accessible_name_internals   (GtkWidget     *widget);
void klynge_accessible_name_tree        (GtkWidget     *widget);
void klynge_accessible_name_list (GtkWidget  *owner,
                                  const char *label);

G_END_DECLS
