/* klynge-record-table.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  KLYNGE_RECORD_SORT_NONE,
  KLYNGE_RECORD_SORT_TEXT,
  KLYNGE_RECORD_SORT_NUMBER,
} KlyngeRecordSort;

/* A column of a list of records: what its header says, how it sorts and
 * how it gives way in a narrow window. */
typedef struct
{
  const char       *title;        /* untranslated: N_("Name") */
  KlyngeRecordSort  sort;
  gboolean          numeric;      /* figures: right-aligned, tabular */
  gboolean          expand;
  guint             priority;     /* how soon the column leaves a narrow list (0: never) */
  int               width_chars;  /* the least width; 0: the text's */
  const char       *property;     /* the record's property the cell shows; NULL: the bind callback fills it */
} KlyngeRecordColumn;

/* The text a record sorts by in @column, or its number. */
typedef char   *(*KlyngeRecordSortText)   (gpointer item,
                                           gpointer column);
typedef gint64  (*KlyngeRecordSortNumber) (gpointer item,
                                           gpointer column);

void                klynge_record_table_add_columns     (GtkColumnView            *view,
                                                         const KlyngeRecordColumn *columns,
                                                         guint                     n_columns,
                                                         GType                     record_type,
                                                         GCallback                 bind,
                                                         gpointer                  bind_data,
                                                         KlyngeRecordSortText      sort_text,
                                                         KlyngeRecordSortNumber    sort_number,
                                                         GtkListItemFactory       *buttons);
guint               klynge_record_table_get_column      (GtkListItemFactory       *factory);
GtkFilterListModel *klynge_record_table_attach_models   (GtkColumnView            *view,
                                                         GtkFilter                *filter);
void                klynge_record_table_show_first_rows (GtkColumnView            *view);

G_END_DECLS
