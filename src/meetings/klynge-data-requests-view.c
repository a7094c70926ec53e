/* klynge-data-requests-view.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which indicators each clinic should deliver for a meeting, by when, and
 * what has come.
 */

#include "klynge-i18n.h"

#include "klynge-data-requests.h"
#include "klynge-data-requests-view.h"
#include "klynge-date-row.h"
#include "klynge-format.h"
#include "klynge-page.h"
#include "klynge-placeholder.h"
#include "klynge-period.h"
#include "klynge-read-only.h"
#include "klynge-tooltip.h"

struct _KlyngeDataRequestsView
{
  AdwBin       parent_instance;

  GtkWidget   *content;
  AdwEntryRow *period_row;
  GtkEditable *due_row;
  GtkLabel    *summary_label;
  GtkWidget   *empty_page;
  GtkListBox  *list;

  KlyngeDb    *db;
  gint64       cluster_id;
  gint64       meeting_id;
};

G_DEFINE_FINAL_TYPE (KlyngeDataRequestsView, klynge_data_requests_view, ADW_TYPE_BIN)

static void
reload (KlyngeDataRequestsView *self)
{
  g_autoptr(GListModel) requests = NULL;
  g_autoptr(GError) error = NULL;
  guint received = 0, late = 0, n;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->db == NULL || self->meeting_id == 0)
    return;
  /* Marking overdue requests late writes; a read-only file shows them as stored. */
  if (!klynge_read_only_apply (self->content, self->db))
    klynge_data_requests_refresh (self->db, self->cluster_id, NULL, NULL);
  if (!(requests = klynge_data_requests_list (self->db, self->meeting_id, &error)))
    {
      gtk_list_box_append (self->list, klynge_list_error_new (error));
      return;
    }
  n = requests != NULL ? g_list_model_get_n_items (requests) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KlyngeDataRequest) request = g_list_model_get_item (requests, i);
      g_autofree char *due = request->due_on != NULL ? klynge_format_date (request->due_on) : NULL;
      g_autofree char *period = klynge_period_format_key (request->period);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *status = gtk_label_new (klynge_data_request_status_label (request->status));

      received += g_str_equal (request->status, "received");
      late += g_str_equal (request->status, "late");
      /* Translators: a data request: period, then the date it is due */
      subtitle = due != NULL ? g_strdup_printf (_("%s · due %s"), period, due) : g_strdup (period);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), request->clinic_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), request->indicator_name);
      klynge_tooltip_set_text (row, subtitle);
      gtk_widget_add_css_class (status, g_str_equal (request->status, "received") ? "success"
                                        : g_str_equal (request->status, "late") ? "error" : "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      gtk_list_box_append (self->list, row);
    }
  summary = g_strdup_printf (ngettext ("%u request: %u received, %u late", "%u requests: %u received, %u late", n),
                             n, received, late);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  gtk_widget_set_visible (self->empty_page, n == 0);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlyngeDataRequestsView *self = KLYNGE_DATA_REQUESTS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;

  if (!klynge_parse_optional_date (gtk_editable_get_text (self->due_row), &due, &error) ||
      klynge_data_requests_create (self->db, self->meeting_id,
                                   gtk_editable_get_text (GTK_EDITABLE (self->period_row)), due, &error) < 0)
    {
      klynge_page_show_message (widget, error->message);
      return;
    }
  reload (self);
}

static void
klynge_data_requests_view_dispose (GObject *object)
{
  KlyngeDataRequestsView *self = KLYNGE_DATA_REQUESTS_VIEW (object);

  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_DATA_REQUESTS_VIEW);
  G_OBJECT_CLASS (klynge_data_requests_view_parent_class)->dispose (object);
}

static void
klynge_data_requests_view_class_init (KlyngeDataRequestsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = klynge_data_requests_view_dispose;

  g_type_ensure (KLYNGE_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-data-requests-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeDataRequestsView, content);
  gtk_widget_class_bind_template_child (widget_class, KlyngeDataRequestsView, period_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeDataRequestsView, due_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeDataRequestsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeDataRequestsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KlyngeDataRequestsView, list);
  gtk_widget_class_install_action (widget_class, "requests.create", NULL, create_action);
}

static void
klynge_data_requests_view_init (KlyngeDataRequestsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
klynge_data_requests_view_set_meeting (KlyngeDataRequestsView *self,
                                       KlyngeDb               *db,
                                       gint64                  cluster_id,
                                       gint64                  meeting_id)
{
  g_return_if_fail (KLYNGE_IS_DATA_REQUESTS_VIEW (self));

  g_set_object (&self->db, db);
  self->cluster_id = cluster_id;
  self->meeting_id = meeting_id;
  reload (self);
}
