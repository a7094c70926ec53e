/* klynge-measurement-item.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-measurement-item.h"

struct _KlyngeMeasurementItem
{
  GObject                  parent_instance;

  gint64                   clinic_id;
  char                    *clinic_name;
  char                    *clinic_number;
  KlyngeMeasurementStatus  status;
  gint64                   numerator;
  gint64                   denominator;
  double                   value;
  char                    *source;
  char                    *edited_at;
};

G_DEFINE_FINAL_TYPE (KlyngeMeasurementItem, klynge_measurement_item, G_TYPE_OBJECT)

static void
klynge_measurement_item_finalize (GObject *object)
{
  KlyngeMeasurementItem *self = KLYNGE_MEASUREMENT_ITEM (object);

  g_free (self->clinic_name);
  g_free (self->clinic_number);
  g_free (self->source);
  g_free (self->edited_at);
  G_OBJECT_CLASS (klynge_measurement_item_parent_class)->finalize (object);
}

static void
klynge_measurement_item_class_init (KlyngeMeasurementItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = klynge_measurement_item_finalize;
}

static void
klynge_measurement_item_init (KlyngeMeasurementItem *self)
{
}

KlyngeMeasurementItem *
klynge_measurement_item_new (const KlyngeMeasurementItemData *data)
{
  KlyngeMeasurementItem *self = g_object_new (KLYNGE_TYPE_MEASUREMENT_ITEM, NULL);

  self->clinic_id = data->clinic_id;
  self->clinic_name = g_strdup (data->clinic_name);
  self->clinic_number = g_strdup (data->clinic_number);
  self->status = data->status;
  self->numerator = data->numerator;
  self->denominator = data->denominator;
  self->value = data->value;
  self->source = g_strdup (data->source);
  self->edited_at = g_strdup (data->edited_at);
  return self;
}

gint64
klynge_measurement_item_get_clinic_id (KlyngeMeasurementItem *self)
{
  return self->clinic_id;
}

const char *
klynge_measurement_item_get_clinic_name (KlyngeMeasurementItem *self)
{
  return self->clinic_name;
}

const char *
klynge_measurement_item_get_clinic_number (KlyngeMeasurementItem *self)
{
  return self->clinic_number;
}

KlyngeMeasurementStatus
klynge_measurement_item_get_status (KlyngeMeasurementItem *self)
{
  return self->status;
}

gint64
klynge_measurement_item_get_numerator (KlyngeMeasurementItem *self)
{
  return self->numerator;
}

gint64
klynge_measurement_item_get_denominator (KlyngeMeasurementItem *self)
{
  return self->denominator;
}

double
klynge_measurement_item_get_value (KlyngeMeasurementItem *self)
{
  return self->value;
}

const char *
klynge_measurement_item_get_source (KlyngeMeasurementItem *self)
{
  return self->source;
}

const char *
klynge_measurement_item_get_edited_at (KlyngeMeasurementItem *self)
{
  return self->edited_at;
}
