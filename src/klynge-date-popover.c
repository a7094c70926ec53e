/* klynge-date-popover.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A calendar to pick the date of a text field from. The field stays the
 * truth: the calendar opens on the date it holds, and the day picked goes
 * back into it as the locale writes dates, so the editor checks and reads
 * it as if it had been typed. The popover also marks the field red, with
 * the reason as its tooltip, while it holds something that is not a date:
 * editors with rules across fields (klynge_field_check_period()) mark it
 * again after this, when they hear the same change.
 */

#include "klynge-date-popover.h"
#include "klynge-format.h"
#include "klynge-tooltip.h"

struct _KlyngeDatePopover
{
  GtkPopover   parent_instance;

  GtkCalendar *calendar;

  GtkEditable *field;   /* owns this popover, so outlives it */
};

G_DEFINE_FINAL_TYPE (KlyngeDatePopover, klynge_date_popover, GTK_TYPE_POPOVER)

static void
field_changed_cb (KlyngeDatePopover *self)
{
  GtkWidget *field = GTK_WIDGET (self->field);
  g_autofree char *iso = NULL;
  g_autoptr(GError) error = NULL;

  if (klynge_parse_optional_date (gtk_editable_get_text (self->field), &iso, &error))
    {
      gtk_widget_remove_css_class (field, "error");
      klynge_tooltip_set_text (field, NULL);
    }
  else
    {
      gtk_widget_add_css_class (field, "error");
      klynge_tooltip_set_text (field, error->message);
    }
}

/* GtkCalendar says "day-selected" only when the day of the month changes,
 * so picking the 15th of the next month from the 15th says nothing: a
 * release over a day is what tells that the user picked one. */
static void
calendar_released_cb (KlyngeDatePopover *self,
                      int                n_press,
                      double             x,
                      double             y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->calendar), x, y, GTK_PICK_DEFAULT);

  if (picked != NULL && gtk_widget_has_css_class (picked, "day-number"))
    gtk_widget_activate_action (GTK_WIDGET (self), "date.pick", NULL);
}

static void
calendar_key_released_cb (KlyngeDatePopover *self,
                          guint              keyval)
{
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_space)
    gtk_widget_activate_action (GTK_WIDGET (self), "date.pick", NULL);
}

static void
pick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlyngeDatePopover *self = KLYNGE_DATE_POPOVER (widget);
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");
  g_autofree char *shown = klynge_format_date_short (iso);

  gtk_editable_set_text (self->field, shown);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
klynge_date_popover_show (GtkWidget *widget)
{
  KlyngeDatePopover *self = KLYNGE_DATE_POPOVER (widget);
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) day = NULL;

  /* The field's date, or today when it has none (or none that reads). */
  if (klynge_parse_optional_date (gtk_editable_get_text (self->field), &iso, NULL) && iso != NULL)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
      g_autofree char *midnight = g_strconcat (iso, "T00:00:00", NULL);

      day = g_date_time_new_from_iso8601 (midnight, tz);
    }
  if (day == NULL)
    day = g_date_time_new_now_local ();
  gtk_calendar_select_day (self->calendar, day);

  GTK_WIDGET_CLASS (klynge_date_popover_parent_class)->show (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
klynge_date_popover_class_init (KlyngeDatePopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->show = klynge_date_popover_show;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/klynge-date-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeDatePopover, calendar);
  gtk_widget_class_bind_template_callback (widget_class, calendar_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_key_released_cb);

  gtk_widget_class_install_action (widget_class, "date.pick", NULL, pick_action);
}

static void
klynge_date_popover_init (KlyngeDatePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * klynge_date_popover_new:
 * @field: the text field whose date the popover shows and sets; it must
 *   outlive the popover (it is usually its parent)
 *
 * Returns: (transfer floating): the popover
 */
GtkWidget *
klynge_date_popover_new (GtkEditable *field)
{
  KlyngeDatePopover *self = g_object_new (KLYNGE_TYPE_DATE_POPOVER, NULL);

  self->field = field;
  g_signal_connect_object (field, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
