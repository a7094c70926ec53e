/* klynge-record-list.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list box showing a store of records. gtk_list_box_bind_model() builds
 * a new row for a record that is announced changed in place, losing the
 * selection, the focus and the keyboard's place on it; here such a row
 * stays (its bindings show the change) and only the rows of records that
 * came, went or moved are made or dropped.
 */

#include "klynge-record-list.h"

#define BINDING_KEY "klynge-record-list"

typedef struct
{
  GtkListBox                 *list;     /* weak: it owns the binding */
  GListModel                 *records;  /* weak: the context owns its stores */
  GtkListBoxCreateWidgetFunc  create_row;
  KlyngeRecordListChanged     changed;
  gpointer                    user_data;
} Binding;

static void
remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* By row: a row menu's popover is the list's child too. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void records_gone_cb (gpointer  data,
                             GObject  *records);

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  if (binding->records != NULL)
    {
      g_signal_handlers_disconnect_by_data (binding->records, binding);
      g_object_weak_unref (G_OBJECT (binding->records), records_gone_cb, binding);
    }
  g_free (binding);
}

/* A store of another database or cluster is gone, and its rows with it:
 * the list does not keep the database it was read from open. */
static void
records_gone_cb (gpointer  data,
                 GObject  *records)
{
  Binding *binding = data;
  GtkListBox *list = binding->list;

  binding->records = NULL;
  remove_rows (list);
  g_object_set_data (G_OBJECT (list), BINDING_KEY, NULL);
}

static void
records_changed_cb (GListModel *records,
                    guint       position,
                    guint       removed,
                    guint       added,
                    Binding    *binding)
{
  guint kept = 0;

  for (; kept < MIN (removed, added); kept++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (binding->list, (int) (position + kept));
      g_autoptr(GObject) record = g_list_model_get_item (records, position + kept);

      if (row == NULL || klynge_record_list_row_record (row) != (gpointer) record)
        break;
      /* Filters, sorting and headers may see it otherwise now. */
      gtk_list_box_row_changed (row);
    }
  for (guint i = kept; i < removed; i++)
    gtk_list_box_remove (binding->list,
                         GTK_WIDGET (gtk_list_box_get_row_at_index (binding->list, (int) (position + kept))));
  for (guint i = kept; i < added; i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (records, position + i);
      GtkWidget *row = binding->create_row (record, binding->user_data);

      g_object_set_data_full (G_OBJECT (row), "klynge-record", g_object_ref (record), g_object_unref);
      gtk_list_box_insert (binding->list, row, (int) (position + i));
    }
  if (binding->changed != NULL)
    binding->changed (binding->user_data, position, removed, added);
}

/**
 * klynge_record_list_bind:
 * @records: (nullable): the records to show, or %NULL for none
 * @changed: (nullable): called after each change of the rows, the first
 *   filling included, so a view's summary follows the same signal
 *
 * Shows @records in @list, a row made by @create_row for each, and keeps
 * each row for as long as its record is in @records. Another model (or
 * %NULL) replaces the rows; @records finalized takes them away.
 */
void
klynge_record_list_bind (GtkListBox                 *list,
                         GListModel                 *records,
                         GtkListBoxCreateWidgetFunc  create_row,
                         KlyngeRecordListChanged     changed,
                         gpointer                    user_data)
{
  Binding *binding = g_object_get_data (G_OBJECT (list), BINDING_KEY);

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  if (binding != NULL && binding->records == records)
    return;
  g_object_set_data (G_OBJECT (list), BINDING_KEY, NULL);
  remove_rows (list);
  if (records == NULL)
    return;
  binding = g_new0 (Binding, 1);
  binding->list = list;
  binding->records = records;
  g_object_weak_ref (G_OBJECT (records), records_gone_cb, binding);
  binding->create_row = create_row;
  binding->changed = changed;
  binding->user_data = user_data;
  g_object_set_data_full (G_OBJECT (list), BINDING_KEY, binding, binding_free);
  g_signal_connect (records, "items-changed", G_CALLBACK (records_changed_cb), binding);
  records_changed_cb (records, 0, 0, g_list_model_get_n_items (records), binding);
}

/**
 * klynge_record_list_row_record:
 *
 * Returns: (transfer none) (nullable): the record @row shows
 */
gpointer
klynge_record_list_row_record (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "klynge-record");
}
