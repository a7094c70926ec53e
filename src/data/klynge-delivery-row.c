/* klynge-delivery-row.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A clinic in the Data area's request tracker: what it delivered and what
 * is missing, bound to the clinic; while something is missing, a reminder
 * and "received by hand", once all is delivered a tick. The row stays as
 * the clinic delivers.
 */

#include "klynge-i18n.h"

#include "klynge-delivery-row.h"
#include "klynge-tooltip.h"

struct _KlyngeDeliveryRow
{
  AdwActionRow    parent_instance;

  GtkWidget      *missing_box;
  GtkWidget      *remind_button;
  GtkWidget      *by_hand_button;
  GtkWidget      *delivered_image;

  KlyngeDataItem *clinic;
};

G_DEFINE_FINAL_TYPE (KlyngeDeliveryRow, klynge_delivery_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CLINIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_complete (KlyngeDeliveryRow *self)
{
  gboolean complete = klynge_data_item_get_complete (self->clinic);

  gtk_widget_set_visible (self->missing_box, !complete);
  gtk_widget_set_visible (self->delivered_image, complete);
}

/* Bound in C, as KlyngeMeetingRow's: a template <binding> on the row's own
 * record warns of a weak reference as the row goes, with GTK 4.8. */
static void
klynge_delivery_row_constructed (GObject *object)
{
  KlyngeDeliveryRow *self = KLYNGE_DELIVERY_ROW (object);
  gint64 id = klynge_data_item_get_id (self->clinic);

  G_OBJECT_CLASS (klynge_delivery_row_parent_class)->constructed (object);

  g_object_bind_property (self->clinic, "title", self, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->clinic, "subtitle", self, "subtitle", G_BINDING_SYNC_CREATE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remind_button), "x", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->by_hand_button), "x", id);
  g_signal_connect_object (self->clinic, "notify::complete", G_CALLBACK (show_complete), self, G_CONNECT_SWAPPED);
  show_complete (self);
}

static void
klynge_delivery_row_dispose (GObject *object)
{
  KlyngeDeliveryRow *self = KLYNGE_DELIVERY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_DELIVERY_ROW);
  g_clear_object (&self->clinic);

  G_OBJECT_CLASS (klynge_delivery_row_parent_class)->dispose (object);
}

static void
klynge_delivery_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KlyngeDeliveryRow *self = KLYNGE_DELIVERY_ROW (object);

  switch (prop_id)
    {
    case PROP_CLINIC:
      g_value_set_object (value, self->clinic);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_delivery_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KlyngeDeliveryRow *self = KLYNGE_DELIVERY_ROW (object);

  switch (prop_id)
    {
    case PROP_CLINIC:
      self->clinic = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_delivery_row_class_init (KlyngeDeliveryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = klynge_delivery_row_constructed;
  object_class->dispose = klynge_delivery_row_dispose;
  object_class->get_property = klynge_delivery_row_get_property;
  object_class->set_property = klynge_delivery_row_set_property;

  /**
   * KlyngeDeliveryRow:clinic:
   *
   * The clinic shown, one of the delivery store's.
   */
  properties[PROP_CLINIC] =
    g_param_spec_object ("clinic", NULL, NULL, KLYNGE_TYPE_DATA_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/data/klynge-delivery-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeDeliveryRow, missing_box);
  gtk_widget_class_bind_template_child (widget_class, KlyngeDeliveryRow, remind_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeDeliveryRow, by_hand_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeDeliveryRow, delivered_image);
}

static void
klynge_delivery_row_init (KlyngeDeliveryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_tooltip_set_text (self->remind_button, _("Open a draft e-mail listing what is missing"));
  klynge_tooltip_set_text (self->by_hand_button, _("Mark what is missing as received another way, with a note saying how"));
}

GtkWidget *
klynge_delivery_row_new (KlyngeDataItem *clinic)
{
  g_return_val_if_fail (KLYNGE_IS_DATA_ITEM (clinic), NULL);
  return g_object_new (KLYNGE_TYPE_DELIVERY_ROW, "clinic", clinic, NULL);
}
