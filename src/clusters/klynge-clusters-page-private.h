/* klynge-clusters-page-private.h — what the page's files share
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-cluster-store.h"
#include "klynge-clusters-page.h"

G_BEGIN_DECLS

struct _KlyngeClustersPage
{
  KlyngePage          parent_instance;

  GMenuModel         *row_menu;
  GtkBox             *heading_box;
  GtkBox             *cards;
  GtkLabel           *name_label;
  GtkButton          *cluster_button;
  GtkWidget          *add_button;
  GtkLabel           *details_label;
  GtkLabel           *clinics_value;
  GtkLabel           *clinics_caption;
  GtkLabel           *gps_value;
  GtkLabel           *gps_caption;
  GtkLabel           *patients_value;
  GtkLabel           *patients_caption;
  GtkLabel           *grant_value;
  GtkLabel           *grant_caption;
  GtkLabel           *board_label;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkStack           *members_content;
  GtkStack           *clinics_content;
  AdwStatusPage      *members_empty;
  AdwStatusPage      *clinics_empty;
  GtkColumnView      *members_view;
  GtkColumnView      *clinics_view;

  GtkFilterListModel *members_filtered;
  GtkFilterListModel *clinics_filtered;
  GtkSliceListModel  *members_slice;
  GtkSliceListModel  *clinics_slice;
  GtkCustomFilter    *members_filter;
  GtkCustomFilter    *clinics_filter;
  char               *folded_query;    /* the search text, case-folded; NULL: everything */
  GCancellable       *export_cancellable;
  GCancellable       *import_cancellable;
  KlyngeClusterStore *store;           /* the context's, while it is the same */
  guint               reload_source;
  char               *board_people;    /* the whole board, a person a line; NULL: none */
  gboolean            board_truncated; /* more people than the line names */
  gboolean            compact;         /* the summary fits in a few lines */
};

void _klynge_clusters_page_class_actions_init (GtkWidgetClass     *widget_class);
void _klynge_clusters_page_report_error       (KlyngeClustersPage *self,
                                               const GError       *error);

G_END_DECLS
