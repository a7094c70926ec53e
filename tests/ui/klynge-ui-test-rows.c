/* klynge-ui-test-rows.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list that reads its records again after a change must keep its row
 * widgets: a new row loses the selection, the focus and the place.
 */

#include "klynge-ui-test-rows.h"

GPtrArray *
klynge_ui_test_list_rows (GtkWidget *list)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    g_ptr_array_add (rows, g_object_ref (row));
  return rows;
}

void
klynge_ui_test_assert_same_rows (GtkWidget *list,
                                 GPtrArray *before)
{
  g_autoptr(GPtrArray) after = klynge_ui_test_list_rows (list);

  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_true (after->pdata[i] == before->pdata[i]);
}
