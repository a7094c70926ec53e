/* klynge-measurement-item.h — one clinic's numbers for an indicator and period
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  KLYNGE_MEASUREMENT_MISSING,
  KLYNGE_MEASUREMENT_OK,
  KLYNGE_MEASUREMENT_SUPPRESSED,
} KlyngeMeasurementStatus;

#define KLYNGE_TYPE_MEASUREMENT_ITEM (klynge_measurement_item_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeMeasurementItem, klynge_measurement_item, KLYNGE, MEASUREMENT_ITEM, GObject)

/**
 * KlyngeMeasurementItemData:
 * @numerator, @denominator: -1 when absent
 * @value: NAN when absent
 * @source: (nullable): the file it was imported from; %NULL when typed in
 * @edited_at: (nullable): when it was corrected or typed in by hand (ISO, UTC)
 *
 * What a row of the measurements view shows; copied into the item.
 */
typedef struct
{
  gint64                   clinic_id;
  const char              *clinic_name;
  const char              *clinic_number;
  KlyngeMeasurementStatus  status;
  gint64                   numerator;
  gint64                   denominator;
  double                   value;
  const char              *source;
  const char              *edited_at;
} KlyngeMeasurementItemData;

KlyngeMeasurementItem   *klynge_measurement_item_new              (const KlyngeMeasurementItemData *data);
gint64                   klynge_measurement_item_get_clinic_id    (KlyngeMeasurementItem *self);
const char              *klynge_measurement_item_get_clinic_name  (KlyngeMeasurementItem *self);
const char              *klynge_measurement_item_get_clinic_number (KlyngeMeasurementItem *self);
KlyngeMeasurementStatus  klynge_measurement_item_get_status       (KlyngeMeasurementItem *self);
gint64                   klynge_measurement_item_get_numerator    (KlyngeMeasurementItem *self);
gint64                   klynge_measurement_item_get_denominator  (KlyngeMeasurementItem *self);
double                   klynge_measurement_item_get_value        (KlyngeMeasurementItem *self);
const char              *klynge_measurement_item_get_source       (KlyngeMeasurementItem *self);
const char              *klynge_measurement_item_get_edited_at    (KlyngeMeasurementItem *self);

G_END_DECLS
