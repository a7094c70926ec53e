/* klynge-cluster-switcher.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header bar's cluster chooser: a regional consultant keeps several
 * clusters in one database. The window remembers the choice in GSettings.
 */

#include "klynge-i18n.h"

#include "klynge-cluster-details.h"
#include "klynge-cluster-editor.h"
#include "klynge-cluster-row.h"
#include "klynge-cluster-switcher.h"
#include "klynge-placeholder.h"
#include "klynge-tooltip.h"

struct _KlyngeClusterSwitcher
{
  AdwBin         parent_instance;

  GtkMenuButton *button;
  GtkLabel      *name_label;
  GtkListBox    *list;
  GtkCheckButton *show_archived;

  KlyngeContext *context;
};

G_DEFINE_FINAL_TYPE (KlyngeClusterSwitcher, klynge_cluster_switcher, ADW_TYPE_BIN)

/* Archived clusters are listed when asked for; the one shown is named in
 * the button even when it is archived. */
static void
rebuild (KlyngeClusterSwitcher *self)
{
  KlyngeDb *db = self->context != NULL ? klynge_context_get_db (self->context) : NULL;
  gint64 current = db != NULL ? klynge_context_get_cluster_id (self->context) : 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clusters = db != NULL ? klynge_cluster_list_all (db, TRUE, &error) : NULL;
  gboolean with_archived = gtk_check_button_get_active (self->show_archived);
  gboolean any_archived = FALSE;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  gtk_widget_set_visible (GTK_WIDGET (self), db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "switcher.new-cluster",
                                 db != NULL && !klynge_db_is_read_only (db));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "switcher.edit-cluster", db != NULL && current != 0);
  gtk_label_set_text (self->name_label, "");
  gtk_list_box_set_placeholder (self->list, error != NULL ? klynge_list_error_new (error) : NULL);
  for (guint i = 0; clusters != NULL && i < clusters->len; i++)
    {
      KlyngeClusterBrief *cluster = g_ptr_array_index (clusters, i);

      any_archived |= cluster->archived;
      if (cluster->id == current)
        {
          gtk_label_set_text (self->name_label, cluster->name);
          /* A narrow header bar shortens the name. */
          klynge_tooltip_set_text (GTK_WIDGET (self->name_label), cluster->name);
        }
      if (!cluster->archived || with_archived)
        gtk_list_box_append (self->list, klynge_cluster_row_new (cluster, cluster->id == current));
    }
  /* Nothing to show otherwise; unticked, it is still there to tick. */
  gtk_widget_set_visible (GTK_WIDGET (self->show_archived), any_archived || with_archived);
}

static void
row_activated_cb (KlyngeClusterSwitcher *self,
                  GtkListBoxRow         *row)
{
  gint64 id = klynge_cluster_row_get_cluster_id (KLYNGE_CLUSTER_ROW (row));

  gtk_menu_button_popdown (self->button);
  klynge_context_set_cluster_id (self->context, id);
}

static void
saved_cb (KlyngeClusterSwitcher *self,
          gint64                 cluster_id)
{
  klynge_context_set_cluster_id (self->context, cluster_id);
  klynge_context_emit_changed (self->context);
}

static void
open_editor (KlyngeClusterSwitcher *self,
             gint64                 cluster_id)
{
  KlyngeClusterEditor *editor;

  gtk_menu_button_popdown (self->button);
  editor = klynge_cluster_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                      klynge_context_get_db (self->context), cluster_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_cluster_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_editor (KLYNGE_CLUSTER_SWITCHER (widget), 0);
}

static void
edit_cluster_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KlyngeClusterSwitcher *self = KLYNGE_CLUSTER_SWITCHER (widget);

  open_editor (self, klynge_context_get_cluster_id (self->context));
}

static void
klynge_cluster_switcher_dispose (GObject *object)
{
  KlyngeClusterSwitcher *self = KLYNGE_CLUSTER_SWITCHER (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (klynge_cluster_switcher_parent_class)->dispose (object);
}

static void
klynge_cluster_switcher_class_init (KlyngeClusterSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_cluster_switcher_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/clusters/klynge-cluster-switcher.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterSwitcher, button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterSwitcher, name_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterSwitcher, list);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterSwitcher, show_archived);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, rebuild);

  gtk_widget_class_install_action (widget_class, "switcher.new-cluster", NULL, new_cluster_action);
  gtk_widget_class_install_action (widget_class, "switcher.edit-cluster", NULL, edit_cluster_action);
}

static void
klynge_cluster_switcher_init (KlyngeClusterSwitcher *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
klynge_cluster_switcher_set_context (KlyngeClusterSwitcher *self,
                                     KlyngeContext         *context)
{
  g_return_if_fail (KLYNGE_IS_CLUSTER_SWITCHER (self));

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    {
      g_signal_connect_swapped (context, "notify::db", G_CALLBACK (rebuild), self);
      g_signal_connect_swapped (context, "notify::cluster-id", G_CALLBACK (rebuild), self);
      g_signal_connect_swapped (context, "changed", G_CALLBACK (rebuild), self);
    }
  rebuild (self);
}
