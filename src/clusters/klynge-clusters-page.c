/* klynge-clusters-page.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include "klynge-cluster.h"
#include "klynge-clusters-page.h"
#include "klynge-format.h"

struct _KlyngeClustersPage
{
  KlyngePage    parent_instance;

  GtkLabel     *name_label;
  GtkLabel     *region_label;
  AdwActionRow *clinics_row;
  AdwActionRow *members_row;
  AdwActionRow *gps_row;
  AdwActionRow *patients_row;
};

G_DEFINE_FINAL_TYPE (KlyngeClustersPage, klynge_clusters_page, KLYNGE_TYPE_PAGE)

static void
set_count (AdwActionRow *row,
           gint64        value)
{
  g_autofree char *text = klynge_format_integer (value);

  adw_action_row_set_subtitle (row, text);
}

static void
klynge_clusters_page_reload (KlyngePage *page)
{
  KlyngeClustersPage *self = KLYNGE_CLUSTERS_PAGE (page);
  g_auto(KlyngeClusterSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *minimum = NULL;
  g_autofree char *minimum_text = NULL;
  KlyngeDb *db = klynge_page_get_db (page);

  if (db == NULL || !klynge_cluster_summary_load (db, klynge_page_get_cluster (page), &summary, &error))
    {
      gtk_label_set_text (self->name_label, error ? error->message : "");
      return;
    }

  gtk_label_set_text (self->name_label, summary.name);
  set_count (self->clinics_row, summary.n_clinics);
  set_count (self->members_row, summary.n_members);
  set_count (self->gps_row, summary.n_gps);

  minimum = klynge_format_integer (summary.min_listed_patients);
  minimum_text = g_strdup_printf (summary.listed_patients >= summary.min_listed_patients
                                    ? _("Meets the minimum of %s")
                                    : _("Below the minimum of %s"),
                                  minimum);
  set_count (self->patients_row, summary.listed_patients);
  gtk_label_set_text (self->region_label, minimum_text);
}

static void
klynge_clusters_page_class_init (KlyngeClustersPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  KLYNGE_PAGE_CLASS (klass)->reload = klynge_clusters_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/clusters/klynge-clusters-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, region_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, clinics_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, members_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, gps_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, patients_row);
}

static void
klynge_clusters_page_init (KlyngeClustersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
