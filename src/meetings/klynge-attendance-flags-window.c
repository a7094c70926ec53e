/* klynge-attendance-flags-window.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The coordinator's private view of members under the attendance threshold,
 * phrased as facts ("has missed 3 of the last 4 meetings") so that the
 * coordinator can take it up discreetly.
 */

#include "klynge-i18n.h"

#include "klynge-attendance.h"
#include "klynge-attendance-flags-window.h"
#include "klynge-placeholder.h"

struct _KlyngeAttendanceFlagsWindow
{
  AdwWindow      parent_instance;

  GtkSpinButton *count_spin;
  GtkStack      *stack;
  GtkListBox    *list;

  KlyngeDb      *db;
  gint64         cluster_id;
};

G_DEFINE_FINAL_TYPE (KlyngeAttendanceFlagsWindow, klynge_attendance_flags_window, ADW_TYPE_WINDOW)

static void
count_changed_cb (KlyngeAttendanceFlagsWindow *self)
{
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GError) error = NULL;
  guint n_flagged = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->db != NULL)
    rates = klynge_attendance_rates (self->db, self->cluster_id,
                                     (guint) gtk_spin_button_get_value_as_int (self->count_spin), &error);
  /* "Nobody is under the threshold" would not be true. */
  if (error != NULL)
    {
      gtk_list_box_append (self->list, klynge_list_error_new (error));
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  for (guint i = 0; rates != NULL && i < rates->len; i++)
    {
      KlyngeAttendanceRate *rate = g_ptr_array_index (rates, i);
      g_autofree char *description = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (!rate->flagged)
        continue;
      description = klynge_attendance_rate_describe (rate);
      subtitle = rate->clinic_name != NULL ? g_strdup_printf ("%s · %s", rate->clinic_name, description)
                                           : g_steal_pointer (&description);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rate->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->list, row);
      n_flagged++;
    }
  gtk_stack_set_visible_child_name (self->stack, n_flagged > 0 ? "list" : "none");
}

static void
klynge_attendance_flags_window_dispose (GObject *object)
{
  KlyngeAttendanceFlagsWindow *self = KLYNGE_ATTENDANCE_FLAGS_WINDOW (object);

  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_ATTENDANCE_FLAGS_WINDOW);
  G_OBJECT_CLASS (klynge_attendance_flags_window_parent_class)->dispose (object);
}

static void
klynge_attendance_flags_window_class_init (KlyngeAttendanceFlagsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = klynge_attendance_flags_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-attendance-flags-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeAttendanceFlagsWindow, count_spin);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAttendanceFlagsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAttendanceFlagsWindow, list);
  gtk_widget_class_bind_template_callback (widget_class, count_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
klynge_attendance_flags_window_init (KlyngeAttendanceFlagsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
klynge_attendance_flags_window_new (GtkWindow *parent,
                                    KlyngeDb  *db,
                                    gint64     cluster_id)
{
  KlyngeAttendanceFlagsWindow *self = g_object_new (KLYNGE_TYPE_ATTENDANCE_FLAGS_WINDOW,
                                                    "transient-for", parent, NULL);

  self->db = g_object_ref (db);
  self->cluster_id = cluster_id;
  count_changed_cb (self);
  return GTK_WIDGET (self);
}
