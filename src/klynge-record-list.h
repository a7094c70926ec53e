/* klynge-record-list.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the rows of @position to @position + @added now show, @removed rows
 * having gone from there: called once the rows follow the records. */
typedef void (*KlyngeRecordListChanged) (gpointer user_data,
                                         guint    position,
                                         guint    removed,
                                         guint    added);

/* @create_row must return a GtkListBoxRow bound to the record's properties. */
void     klynge_record_list_bind       (GtkListBox                 *list,
                                        GListModel                 *records,
                                        GtkListBoxCreateWidgetFunc  create_row,
                                        KlyngeRecordListChanged     changed,
                                        gpointer                    user_data);
gpointer klynge_record_list_row_record (GtkListBoxRow              *row);

G_END_DECLS
