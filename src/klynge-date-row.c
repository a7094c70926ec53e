/* klynge-date-row.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A form row for a date: shown and typed as the user's locale writes dates
 * (ISO 8601 is read too), picked from a calendar if the user likes, and
 * given to the editor as ISO 8601, the form the database keeps.
 */

#include "klynge-i18n.h"

#include "klynge-date-popover.h"
#include "klynge-date-row.h"
#include "klynge-format.h"
#include "klynge-tooltip.h"

struct _KlyngeDateRow
{
  AdwEntryRow    parent_instance;

  GtkMenuButton *button;

  char          *hinted_title;   /* the title with its hint, as last set */
};

G_DEFINE_FINAL_TYPE (KlyngeDateRow, klynge_date_row, ADW_TYPE_ENTRY_ROW)

/* The title says in which order to type the date, as the locale has it,
 * whenever it is given (GtkBuilder gives it after construction). The
 * notification of the hinted title may come later, when GObject thaws
 * them, so the row knows it by its text. */
static void
title_changed_cb (KlyngeDateRow *self)
{
  AdwPreferencesRow *row = ADW_PREFERENCES_ROW (self);
  const char *title = adw_preferences_row_get_title (row);

  if (g_strcmp0 (title, self->hinted_title) == 0)
    return;
  g_free (self->hinted_title);
  if (klynge_format_day_first ())
    /* Translators: a date field's title, as in "Joined (day-month-year)" */
    self->hinted_title = g_strdup_printf (_("%s (day-month-year)"), title);
  else
    /* Translators: a date field's title, as in "Joined (year-month-day)" */
    self->hinted_title = g_strdup_printf (_("%s (year-month-day)"), title);
  adw_preferences_row_set_title (row, self->hinted_title);
}

static void
show_calendar_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_menu_button_popup (KLYNGE_DATE_ROW (widget)->button);
}

static void
klynge_date_row_finalize (GObject *object)
{
  KlyngeDateRow *self = KLYNGE_DATE_ROW (object);

  g_free (self->hinted_title);

  G_OBJECT_CLASS (klynge_date_row_parent_class)->finalize (object);
}

static void
klynge_date_row_class_init (KlyngeDateRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = klynge_date_row_finalize;

  /* As KlyngeDateEntry: Alt+Down opens the calendar from the text. */
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "date.show-calendar", NULL, show_calendar_action);
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Down, GDK_ALT_MASK,
                                       "date.show-calendar", NULL);
}

static void
klynge_date_row_init (KlyngeDateRow *self)
{
  GtkWidget *button = gtk_menu_button_new ();

  self->button = GTK_MENU_BUTTON (button);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), klynge_date_popover_new (GTK_EDITABLE (self)));
  klynge_tooltip_set_text (button, _("Choose from a Calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose from a Calendar"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), button);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
}

/* Shows @iso_date (or nothing for %NULL) as the locale writes dates. */
void
klynge_date_row_set_date (KlyngeDateRow *self,
                          const char    *iso_date)
{
  g_autofree char *shown = klynge_format_date_short (iso_date);

  gtk_editable_set_text (GTK_EDITABLE (self), shown != NULL ? shown : iso_date != NULL ? iso_date : "");
}

/* Returns: (transfer full) (nullable): the ISO 8601 date typed, %NULL when
 * the row is empty or holds no date (the editor's check says so). */
char *
klynge_date_row_get_date (KlyngeDateRow *self)
{
  char *iso = NULL;

  klynge_parse_optional_date (gtk_editable_get_text (GTK_EDITABLE (self)), &iso, NULL);
  return iso;
}
