/* klynge-import-mapping.h — which column of a file means what
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"

G_BEGIN_DECLS

typedef enum
{
  KLYNGE_IMPORT_LONG,   /* a row per clinic × indicator (× period) */
  KLYNGE_IMPORT_WIDE,   /* a row per clinic (× period), a column per measure */
} KlyngeImportLayout;

/**
 * KlyngeImportWideColumn:
 * @indicator: the indicator's package key or name
 * @numerator, @denominator, @value: the file's column headers, or %NULL
 *
 * In a wide file one column may serve several indicators: "NSAID users" is
 * the numerator of one and the denominator of the next.
 */
typedef struct
{
  char *indicator;
  char *numerator;
  char *denominator;
  char *value;
} KlyngeImportWideColumn;

/**
 * KlyngeImportMapping:
 * @layout: long or wide
 * @sheet: the XLSX sheet, from 1
 * @decimal: '.' or ',' to force the decimal separator, 0 to detect it
 * @clinic: the column naming the clinic (provider number, name or alias)
 * @period: the column of the period, or %NULL with @fixed_period
 * @fixed_period: the period of every row when the file has no such column
 * @period_granularity: (nullable): "month" (say) to store the file's days as
 *   the months that hold them (klynge_period_granularity_from_string()),
 *   %NULL to keep the periods as long as the file writes them
 * @indicator, @numerator, @denominator, @value: the long layout's columns
 * @wide: (element-type KlyngeImportWideColumn): the wide layout's measures
 * @indicator_names: a file's own names of indicators → package key or name
 *
 * Columns are named by their header text, compared without case.
 */
typedef struct
{
  KlyngeImportLayout layout;
  guint              sheet;
  char               decimal;
  char              *clinic;
  char              *period;
  char              *fixed_period;
  char              *period_granularity;
  char              *indicator;
  char              *numerator;
  char              *denominator;
  char              *value;
  GPtrArray         *wide;
  GHashTable        *indicator_names;
} KlyngeImportMapping;

KlyngeImportMapping *klynge_import_mapping_new       (void);
void                 klynge_import_mapping_free      (KlyngeImportMapping  *self);
KlyngeImportMapping *klynge_import_mapping_copy      (const KlyngeImportMapping *self);
void                 klynge_import_mapping_add_wide  (KlyngeImportMapping  *self,
                                                      const char           *indicator,
                                                      const char           *numerator,
                                                      const char           *denominator,
                                                      const char           *value);
/* A first guess from a header row: the usual English and Danish names. */
KlyngeImportMapping *klynge_import_mapping_guess     (const char *const    *header,
                                                      guint                 n_fields);
char                *klynge_import_mapping_to_json   (const KlyngeImportMapping *self);
KlyngeImportMapping *klynge_import_mapping_from_json (const char           *json,
                                                      GError              **error);

/* Saved per source ("Region Midt NSAID"): next quarter's file imports in one click. */
gboolean             klynge_import_mapping_save      (KlyngeDb             *db,
                                                      gint64                cluster_id,
                                                      const char           *name,
                                                      const KlyngeImportMapping *mapping,
                                                      GError              **error);
KlyngeImportMapping *klynge_import_mapping_load      (KlyngeDb             *db,
                                                      gint64                cluster_id,
                                                      const char           *name,
                                                      GError              **error);
GStrv                klynge_import_mapping_list      (KlyngeDb             *db,
                                                      gint64                cluster_id,
                                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeImportMapping, klynge_import_mapping_free)

G_END_DECLS
