/* cluster-form.h — reading the state of an editor of the clusters area
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

/* Whether the editor's Save button can be pressed. */
gboolean    cluster_form_can_save (GtkWidget *form);
/* The problems listed under the form, "" when none are shown. */
const char *cluster_form_problems (GtkWidget *form);
