/* klynge-date-popover.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KLYNGE_TYPE_DATE_POPOVER (klynge_date_popover_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeDatePopover, klynge_date_popover, KLYNGE, DATE_POPOVER, GtkPopover)

GtkWidget *klynge_date_popover_new (GtkEditable *field);

G_END_DECLS
