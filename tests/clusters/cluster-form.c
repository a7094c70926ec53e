/* cluster-form.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cluster-form.h"
#include "klynge-ui-test-utils.h"

gboolean
cluster_form_can_save (GtkWidget *form)
{
  return gtk_widget_is_sensitive (klynge_ui_test_find_named (form, "save"));
}

const char *
cluster_form_problems (GtkWidget *form)
{
  GtkWidget *label = klynge_ui_test_find_named (form, "problems");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : "";
}
