/* klynge-finances-page.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include "klynge-cluster.h"
#include "klynge-format.h"
#include "klynge-finances-page.h"

struct _KlyngeFinancesPage
{
  KlyngePage     parent_instance;

  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (KlyngeFinancesPage, klynge_finances_page, KLYNGE_TYPE_PAGE)

static void
klynge_finances_page_reload (KlyngePage *page)
{
  KlyngeFinancesPage *self = KLYNGE_FINANCES_PAGE (page);
  g_auto(KlyngeClusterSummary) summary = { 0 };
  g_autofree char *description = NULL;
  g_autofree char *count = NULL;
  KlyngeDb *db = klynge_page_get_db (page);

  if (db == NULL || !klynge_cluster_summary_load (db, klynge_page_get_cluster (page), &summary, NULL))
    return;

  count = klynge_format_integer (summary.n_ledger_entries);
  description = g_strdup_printf (ngettext ("The ledger holds %s entry. Keeping the accounts in Klynge is not part of this version yet.",
                                           "The ledger holds %s entries. Keeping the accounts in Klynge is not part of this version yet.",
                                           summary.n_ledger_entries),
                                 count);
  adw_status_page_set_description (self->status_page, description);
}

static void
klynge_finances_page_class_init (KlyngeFinancesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  KLYNGE_PAGE_CLASS (klass)->reload = klynge_finances_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/finances/klynge-finances-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeFinancesPage, status_page);
}

static void
klynge_finances_page_init (KlyngeFinancesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
