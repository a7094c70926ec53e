/* klynge-placeholder.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-placeholder.h"

GtkWidget *
klynge_list_placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (label, 15);
  gtk_widget_set_margin_bottom (label, 15);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/**
 * klynge_list_error_new:
 *
 * A list whose rows could not be read shows why where the rows would be: an
 * empty list would say there is nothing, which is not true.
 */
GtkWidget *
klynge_list_error_new (const GError *error)
{
  GtkWidget *label = klynge_list_placeholder_new (error->message);

  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "error");
  return label;
}

/**
 * klynge_combo_row_show_error:
 * @error: (nullable): why its choices could not be read; %NULL once they were
 *
 * A drop-down row whose choices could not be read says why under its title,
 * instead of offering only "None".
 */
void
klynge_combo_row_show_error (AdwComboRow  *row,
                             const GError *error)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error != NULL ? error->message : "");
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}
