/* klynge-meetings-page.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include "klynge-cluster.h"
#include "klynge-format.h"
#include "klynge-meetings-page.h"

struct _KlyngeMeetingsPage
{
  KlyngePage  parent_instance;

  GtkStack   *stack;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (KlyngeMeetingsPage, klynge_meetings_page, KLYNGE_TYPE_PAGE)

static const char *
status_label (const char *status)
{
  if (g_str_equal (status, "planned"))
    return _("Planned");
  if (g_str_equal (status, "invited"))
    return _("Invitations sent");
  if (g_str_equal (status, "held"))
    return _("Held");
  return _("Cancelled");
}

static void
klynge_meetings_page_reload (KlyngePage *page)
{
  KlyngeMeetingsPage *self = KLYNGE_MEETINGS_PAGE (page);
  g_autoptr(GPtrArray) meetings = NULL;
  KlyngeDb *db = klynge_page_get_db (page);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  if (db != NULL)
    meetings = klynge_cluster_list_meetings (db, klynge_page_get_cluster (page), NULL);

  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    {
      KlyngeMeetingBrief *m = g_ptr_array_index (meetings, i);
      g_autofree char *when = klynge_format_date_time (m->starts_at);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (g_str_equal (m->status, "held"))
        subtitle = g_strdup_printf (ngettext ("%s · %s · %d present",
                                              "%s · %s · %d present",
                                              m->n_present),
                                    when ? when : m->starts_at, status_label (m->status), (int)m->n_present);
      else
        subtitle = g_strdup_printf ("%s · %s", when ? when : m->starts_at, status_label (m->status));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->list_box, row);
    }

  gtk_stack_set_visible_child_name (self->stack, meetings != NULL && meetings->len > 0 ? "list" : "empty");
}

static void
klynge_meetings_page_class_init (KlyngeMeetingsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  KLYNGE_PAGE_CLASS (klass)->reload = klynge_meetings_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingsPage, list_box);
}

static void
klynge_meetings_page_init (KlyngeMeetingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
