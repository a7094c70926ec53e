/* klynge-row-label.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-row-label.h"

void
klynge_row_label_set (GtkWidget  *child,
                      const char *label)
{
  GtkWidget *row = child;

  g_return_if_fail (GTK_IS_WIDGET (child));

  /* A column view's list is a GtkListView too, its cells rows' children. */
  while (row != NULL && !GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)))
    row = gtk_widget_get_parent (row);
  if (row == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : "", -1);
}
