/* klynge-measurements.h — the stored measurements, read back for scripts
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "klynge-db.h"
#include "klynge-measurement-item.h"
#include "klynge-snapshot.h"

G_BEGIN_DECLS

/**
 * KlyngeStoredMeasurement:
 * @clinic_number: "" when the clinic has none
 * @numerator, @denominator: -1 when absent
 * @value: NAN when absent
 * @suppressed: the publisher withheld it; it has no numbers
 *
 * Valid during the callback only.
 */
typedef struct
{
  const char *clinic_number;
  const char *clinic_name;
  gint64      indicator_id;
  const char *indicator;
  const char *period;
  gint64      numerator;
  gint64      denominator;
  double      value;
  gboolean    suppressed;
} KlyngeStoredMeasurement;

typedef void (*KlyngeMeasurementFunc) (const KlyngeStoredMeasurement *measurement,
                                       gpointer                       user_data);

/**
 * klynge_measurements_foreach:
 * @indicator_id: one indicator, or 0 for all
 * @period: (nullable): one period, or %NULL for all
 *
 * Calls @func for each of the cluster's measurements, by indicator, clinic
 * and period.
 */
gboolean klynge_measurements_foreach (KlyngeDb               *db,
                                      gint64                  cluster_id,
                                      gint64                  indicator_id,
                                      const char             *period,
                                      KlyngeMeasurementFunc   func,
                                      gpointer                user_data,
                                      GError                **error);

typedef enum
{
  KLYNGE_MEASUREMENTS_ALL,
  KLYNGE_MEASUREMENTS_MISSING,
  KLYNGE_MEASUREMENTS_SUPPRESSED,
} KlyngeMeasurementsFilter;

GListModel     *klynge_measurements_list    (KlyngeDb                  *db,
                                             gint64                     cluster_id,
                                             gint64                     indicator_id,
                                             const char                *period,
                                             KlyngeMeasurementsFilter   filter,
                                             GError                   **error);
KlyngeSnapshot *klynge_measurements_correct (KlyngeDb                  *db,
                                             gint64                     cluster_id,
                                             gint64                     indicator_id,
                                             gint64                     clinic_id,
                                             const char                *period,
                                             const char                *numerator,
                                             const char                *denominator,
                                             GError                   **error);
KlyngeSnapshot *klynge_measurements_clear   (KlyngeDb                  *db,
                                             gint64                     cluster_id,
                                             gint64                     indicator_id,
                                             gint64                     clinic_id,
                                             const char                *period,
                                             GError                   **error);

G_END_DECLS
