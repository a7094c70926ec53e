/* klynge-cluster-row.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cluster in the switcher's list: its name, "Archived" when it is, and a
 * tick on the one shown. The row knows its cluster's id, which activating
 * it switches to.
 */

#include "klynge-cluster-row.h"

struct _KlyngeClusterRow
{
  GtkListBoxRow  parent_instance;

  GtkLabel      *name_label;
  GtkWidget     *archived_mark;
  GtkWidget     *check;

  gint64         cluster_id;
};

G_DEFINE_FINAL_TYPE (KlyngeClusterRow, klynge_cluster_row, GTK_TYPE_LIST_BOX_ROW)

static void
klynge_cluster_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KLYNGE_TYPE_CLUSTER_ROW);

  G_OBJECT_CLASS (klynge_cluster_row_parent_class)->dispose (object);
}

static void
klynge_cluster_row_class_init (KlyngeClusterRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = klynge_cluster_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/clusters/klynge-cluster-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterRow, archived_mark);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterRow, check);
}

static void
klynge_cluster_row_init (KlyngeClusterRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The tick of a cluster not shown stays in place, invisible, so the
 * names line up. */
GtkWidget *
klynge_cluster_row_new (const KlyngeClusterBrief *cluster,
                        gboolean                  current)
{
  KlyngeClusterRow *self = g_object_new (KLYNGE_TYPE_CLUSTER_ROW, NULL);

  self->cluster_id = cluster->id;
  gtk_label_set_text (self->name_label, cluster->name);
  gtk_widget_set_visible (self->archived_mark, cluster->archived);
  gtk_widget_set_opacity (self->check, current ? 1 : 0);
  return GTK_WIDGET (self);
}

gint64
klynge_cluster_row_get_cluster_id (KlyngeClusterRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_CLUSTER_ROW (self), 0);

  return self->cluster_id;
}
