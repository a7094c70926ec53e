/* klynge-guest-row.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A guest of the meeting below its roll call: name and organisation, and a
 * button that asks for the guest to be removed.
 */

#include "klynge-i18n.h"

#include "klynge-guest-row.h"
#include "klynge-tooltip.h"

struct _KlyngeGuestRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *remove_button;

  gint64        guest_id;
};

G_DEFINE_FINAL_TYPE (KlyngeGuestRow, klynge_guest_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_GUEST_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
remove_clicked_cb (KlyngeGuestRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
klynge_guest_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KLYNGE_TYPE_GUEST_ROW);

  G_OBJECT_CLASS (klynge_guest_row_parent_class)->dispose (object);
}

static void
klynge_guest_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KlyngeGuestRow *self = KLYNGE_GUEST_ROW (object);

  switch (prop_id)
    {
    case PROP_GUEST_ID:
      g_value_set_int64 (value, self->guest_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_guest_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KlyngeGuestRow *self = KLYNGE_GUEST_ROW (object);

  switch (prop_id)
    {
    case PROP_GUEST_ID:
      self->guest_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_guest_row_class_init (KlyngeGuestRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_guest_row_dispose;
  object_class->get_property = klynge_guest_row_get_property;
  object_class->set_property = klynge_guest_row_set_property;

  /**
   * KlyngeGuestRow:guest-id:
   *
   * The guest's row in the database.
   */
  properties[PROP_GUEST_ID] =
    g_param_spec_int64 ("guest-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KlyngeGuestRow::remove:
   *
   * Emitted when the row's remove button is clicked.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-guest-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeGuestRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
klynge_guest_row_init (KlyngeGuestRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_tooltip_set_text (self->remove_button, _("Remove Guest"));
}

GtkWidget *
klynge_guest_row_new (const KlyngeGuest *guest)
{
  g_return_val_if_fail (guest != NULL, NULL);
  return g_object_new (KLYNGE_TYPE_GUEST_ROW,
                       "guest-id", guest->id,
                       "title", guest->name,
                       "subtitle", guest->organisation,
                       NULL);
}

gint64
klynge_guest_row_get_guest_id (KlyngeGuestRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_GUEST_ROW (self), 0);
  return self->guest_id;
}
