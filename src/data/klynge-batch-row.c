/* klynge-batch-row.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An imported file in the Data area's list: its name and what it brought,
 * bound to the batch, and the button that removes its measurements again.
 */

#include "klynge-i18n.h"

#include "klynge-batch-row.h"
#include "klynge-tooltip.h"

struct _KlyngeBatchRow
{
  AdwActionRow    parent_instance;

  GtkWidget      *undo_button;

  KlyngeDataItem *batch;
};

G_DEFINE_FINAL_TYPE (KlyngeBatchRow, klynge_batch_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_BATCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Bound in C, as KlyngeMeetingRow's: a template <binding> on the row's own
 * record warns of a weak reference as the row goes, with GTK 4.8. */
static void
klynge_batch_row_constructed (GObject *object)
{
  KlyngeBatchRow *self = KLYNGE_BATCH_ROW (object);

  G_OBJECT_CLASS (klynge_batch_row_parent_class)->constructed (object);

  g_object_bind_property (self->batch, "title", self, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->batch, "subtitle", self, "subtitle", G_BINDING_SYNC_CREATE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->undo_button), "x", klynge_data_item_get_id (self->batch));
}

static void
klynge_batch_row_dispose (GObject *object)
{
  KlyngeBatchRow *self = KLYNGE_BATCH_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_BATCH_ROW);
  g_clear_object (&self->batch);

  G_OBJECT_CLASS (klynge_batch_row_parent_class)->dispose (object);
}

static void
klynge_batch_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KlyngeBatchRow *self = KLYNGE_BATCH_ROW (object);

  switch (prop_id)
    {
    case PROP_BATCH:
      g_value_set_object (value, self->batch);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_batch_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KlyngeBatchRow *self = KLYNGE_BATCH_ROW (object);

  switch (prop_id)
    {
    case PROP_BATCH:
      self->batch = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_batch_row_class_init (KlyngeBatchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = klynge_batch_row_constructed;
  object_class->dispose = klynge_batch_row_dispose;
  object_class->get_property = klynge_batch_row_get_property;
  object_class->set_property = klynge_batch_row_set_property;

  /**
   * KlyngeBatchRow:batch:
   *
   * The imported file shown, one of the batch store's.
   */
  properties[PROP_BATCH] =
    g_param_spec_object ("batch", NULL, NULL, KLYNGE_TYPE_DATA_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/data/klynge-batch-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeBatchRow, undo_button);
}

static void
klynge_batch_row_init (KlyngeBatchRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_tooltip_set_text (self->undo_button, _("Remove this file’s measurements"));
}

GtkWidget *
klynge_batch_row_new (KlyngeDataItem *batch)
{
  g_return_val_if_fail (KLYNGE_IS_DATA_ITEM (batch), NULL);
  return g_object_new (KLYNGE_TYPE_BATCH_ROW, "batch", batch, NULL);
}
