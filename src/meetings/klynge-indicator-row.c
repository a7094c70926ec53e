/* klynge-indicator-row.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An indicator in its topic's row of the topic library: its name, what it
 * counts and how it is read, and a button that asks for it to be edited.
 */

#include "klynge-i18n.h"

#include "klynge-indicator-row.h"
#include "klynge-tooltip.h"

struct _KlyngeIndicatorRow
{
  AdwActionRow     parent_instance;

  GtkWidget       *edit_button;

  KlyngeIndicator *indicator;
};

G_DEFINE_FINAL_TYPE (KlyngeIndicatorRow, klynge_indicator_row, ADW_TYPE_ACTION_ROW)

enum {
  EDIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_summary (KlyngeIndicatorRow *self)
{
  KlyngeIndicator *indicator = self->indicator;
  g_autofree char *subtitle = g_strdup_printf ("%s / %s · %s · %s · %s",
                                               indicator->numerator_definition,
                                               indicator->denominator_definition,
                                               klynge_indicator_unit_label (indicator->unit, indicator->rate_per),
                                               indicator->higher_is_better ? _("higher is better")
                                                                           : _("lower is better"),
                                               indicator->data_source);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

static void
edit_clicked_cb (KlyngeIndicatorRow *self)
{
  g_signal_emit (self, signals[EDIT], 0);
}

static void
klynge_indicator_row_dispose (GObject *object)
{
  KlyngeIndicatorRow *self = KLYNGE_INDICATOR_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_INDICATOR_ROW);
  g_clear_object (&self->indicator);

  G_OBJECT_CLASS (klynge_indicator_row_parent_class)->dispose (object);
}

static void
klynge_indicator_row_class_init (KlyngeIndicatorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_indicator_row_dispose;

  /**
   * KlyngeIndicatorRow::edit:
   *
   * Emitted when the row's edit button is clicked.
   */
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-indicator-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeIndicatorRow, edit_button);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
}

static void
klynge_indicator_row_init (KlyngeIndicatorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_tooltip_set_text (self->edit_button, _("Edit Indicator"));
}

/* The row shows @indicator as it is, and as it changes. */
GtkWidget *
klynge_indicator_row_new (KlyngeIndicator *indicator)
{
  KlyngeIndicatorRow *self;

  g_return_val_if_fail (KLYNGE_IS_INDICATOR (indicator), NULL);

  self = g_object_new (KLYNGE_TYPE_INDICATOR_ROW, NULL);
  self->indicator = g_object_ref (indicator);
  g_object_bind_property (indicator, "name", self, "title", G_BINDING_SYNC_CREATE);
  /* Whatever of it changes, the summary says it. */
  g_signal_connect_object (indicator, "notify", G_CALLBACK (show_summary), self, G_CONNECT_SWAPPED);
  show_summary (self);
  return GTK_WIDGET (self);
}

KlyngeIndicator *
klynge_indicator_row_get_indicator (KlyngeIndicatorRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_INDICATOR_ROW (self), NULL);
  return self->indicator;
}
