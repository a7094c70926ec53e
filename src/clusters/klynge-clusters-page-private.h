/* klynge-clusters-page-private.h — what the page's files share
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-cluster-overview.h"
#include "klynge-clusters-page.h"

G_BEGIN_DECLS

struct _KlyngeClustersPage
{
  KlyngePage          parent_instance;

  GMenuModel         *row_menu;
  KlyngeClusterOverview *summary;
  GtkWidget          *add_button;
  GMenuModel         *add_menu;
  GtkMenuButton      *export_button;
  GMenuModel         *export_menu;
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
  GtkCustomFilter    *members_filter;
  GtkCustomFilter    *clinics_filter;
  char               *folded_query;    /* the search text, case-folded; NULL: everything */
  GCancellable       *export_cancellable;
  GCancellable       *import_cancellable;
  char               *import_file_name; /* what the import being read is called */
  guint               reload_source;
  gboolean            compact;         /* the summary fits in a few lines */
};

void _klynge_clusters_page_class_actions_init (GtkWidgetClass *widget_class);

G_END_DECLS
