/* klynge-date-entry.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KLYNGE_TYPE_DATE_ENTRY (klynge_date_entry_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeDateEntry, klynge_date_entry, KLYNGE, DATE_ENTRY, GtkEntry)

GtkWidget *klynge_date_entry_new      (const char      *label,
                                       const char      *iso_date);
char      *klynge_date_entry_get_date (KlyngeDateEntry *self);

G_END_DECLS
