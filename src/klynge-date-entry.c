/* klynge-date-entry.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KlyngeDateRow's small sibling, for a date inside a row of several fields
 * (a role's from and to): the same forms typed and shown, the calendar
 * behind an icon in the entry.
 */

#include "klynge-i18n.h"

#include "klynge-date-entry.h"
#include "klynge-date-popover.h"
#include "klynge-format.h"

struct _KlyngeDateEntry
{
  GtkEntry   parent_instance;

  GtkWidget *popover;
};

G_DEFINE_FINAL_TYPE (KlyngeDateEntry, klynge_date_entry, GTK_TYPE_ENTRY)

static void
show_calendar_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KlyngeDateEntry *self = KLYNGE_DATE_ENTRY (widget);
  GdkRectangle area;

  gtk_entry_get_icon_area (GTK_ENTRY (self), GTK_ENTRY_ICON_SECONDARY, &area);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &area);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
icon_press_cb (KlyngeDateEntry *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "date.show-calendar", NULL);
}

/* A popover is placed by its parent's allocation. */
static void
klynge_date_entry_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  KlyngeDateEntry *self = KLYNGE_DATE_ENTRY (widget);

  GTK_WIDGET_CLASS (klynge_date_entry_parent_class)->size_allocate (widget, width, height, baseline);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
klynge_date_entry_dispose (GObject *object)
{
  KlyngeDateEntry *self = KLYNGE_DATE_ENTRY (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);

  G_OBJECT_CLASS (klynge_date_entry_parent_class)->dispose (object);
}

static void
klynge_date_entry_class_init (KlyngeDateEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = klynge_date_entry_dispose;
  GTK_WIDGET_CLASS (klass)->size_allocate = klynge_date_entry_size_allocate;

  /* The icon takes no focus: Alt+Down, as for a drop-down, opens the calendar. */
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "date.show-calendar", NULL, show_calendar_action);
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Down, GDK_ALT_MASK,
                                       "date.show-calendar", NULL);
}

static void
klynge_date_entry_init (KlyngeDateEntry *self)
{
  GtkEntry *entry = GTK_ENTRY (self);

  self->popover = klynge_date_popover_new (GTK_EDITABLE (self));
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY, "x-office-calendar-symbolic");
  gtk_entry_set_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY, _("Choose from a Calendar"));
  g_signal_connect (self, "icon-press", G_CALLBACK (icon_press_cb), NULL);
}

/**
 * klynge_date_entry_new:
 * @label: what the date is ("From"), shown while the entry is empty
 * @iso_date: (nullable): the date to show, ISO 8601
 *
 * Returns: (transfer floating): the entry, showing @iso_date as the locale writes dates
 */
GtkWidget *
klynge_date_entry_new (const char *label,
                       const char *iso_date)
{
  GtkWidget *self = g_object_new (KLYNGE_TYPE_DATE_ENTRY, "placeholder-text", label, NULL);
  g_autofree char *shown = klynge_format_date_short (iso_date);

  gtk_editable_set_text (GTK_EDITABLE (self), shown != NULL ? shown : iso_date != NULL ? iso_date : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return self;
}

/* Returns: (transfer full) (nullable): the ISO 8601 date typed, %NULL when
 * the entry is empty or holds no date (the editor's check says so). */
char *
klynge_date_entry_get_date (KlyngeDateEntry *self)
{
  char *iso = NULL;

  klynge_parse_optional_date (gtk_editable_get_text (GTK_EDITABLE (self)), &iso, NULL);
  return iso;
}
