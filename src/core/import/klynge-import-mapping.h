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
 * @clinic_name: (nullable): a column with the clinic's name, for clinics
 *   created from the file when @clinic holds their numbers
 * @header_row: the line or row of the header, from 1; 0 to find it
 * @where: (element-type KlyngeImportFilter): only rows matching every filter
 *   are read ("Sex = All" of a file with a row per sex)
 * @skip_unknown: rows of clinics that are not in the cluster are left out
 *   and counted instead of being problems
 * @add_clinics, @add_indicators: unknown clinics and indicators are created
 *   from the file
 * @add_only: (nullable): with @add_clinics, only these of the file's unknown
 *   clinics (their text in the clinic column) are created; the others are
 *   left out and counted as with @skip_unknown. %NULL creates them all.
 * @skip_bad: rows with problems are left out, listed and kept in the batch
 * @store_reference: national and regional rows become the indicator's
 *   reference value for their period
 *
 * Columns are named by their header text, compared without case, or by
 * position as "#3" when a name repeats. The choices after @where are made
 * per import and are not saved with a mapping.
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
  char              *clinic_name;
  guint              header_row;
  GPtrArray         *where;
  gboolean           skip_unknown;
  gboolean           add_clinics;
  GStrv              add_only;
  gboolean           add_indicators;
  gboolean           skip_bad;
  gboolean           store_reference;
} KlyngeImportMapping;

/* A row filter: keep the rows whose @column holds @value (without case). */
typedef struct
{
  char *column;
  char *value;
} KlyngeImportFilter;

KlyngeImportMapping *klynge_import_mapping_new       (void);
void                 klynge_import_mapping_free      (KlyngeImportMapping  *self);
KlyngeImportMapping *klynge_import_mapping_copy      (const KlyngeImportMapping *self);
void                 klynge_import_mapping_add_wide  (KlyngeImportMapping  *self,
                                                      const char           *indicator,
                                                      const char           *numerator,
                                                      const char           *denominator,
                                                      const char           *value);
/* "COLUMN=VALUE"; FALSE when @spec has no "=" or no column. */
gboolean             klynge_import_mapping_add_filter (KlyngeImportMapping *self,
                                                       const char          *spec);
/* Whether every column @self names is in @header (a saved mapping fits a
 * new file of the same source). */
gboolean             klynge_import_mapping_fits      (const KlyngeImportMapping *self,
                                                      const char *const    *header,
                                                      guint                 n_fields);
/* The name of the first saved mapping that fits @header, or %NULL. */
char                *klynge_import_mapping_find_fitting (KlyngeDb          *db,
                                                         gint64             cluster_id,
                                                         const char *const *header,
                                                         guint              n_fields,
                                                         GError           **error);
/* The saved mapping that fits @header, its name in @name; else a guess from
 * @header, and %NULL in @name. %NULL only on a database error. */
KlyngeImportMapping *klynge_import_mapping_for_header (KlyngeDb          *db,
                                                       gint64             cluster_id,
                                                       const char *const *header,
                                                       guint              n_fields,
                                                       char             **name,
                                                       GError           **error);
/* When a clinic's row for a period comes more than once (a row per sex),
 * the column that tells the copies apart in @rows (GStrv each, the header
 * at @header_index) and its values in @values; -1 when there is none.
 * @clinic and @period are positions from 0, @period -1 when absent. */
int                  klynge_import_find_copies_column (GPtrArray          *rows,
                                                       guint               header_index,
                                                       int                 clinic,
                                                       int                 period,
                                                       GStrv              *values);
/* Where @name is in @header: its position from 0; -1 when absent, -2 when
 * the name is there more than once ("#N" names column N from 1). */
int                  klynge_import_column_position   (const char *const    *header,
                                                      guint                 n_fields,
                                                      const char           *name);
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
