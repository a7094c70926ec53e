/* klynge-import-private.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the import's steps share: the plan's records and the state of one
 * prepare() as it reads, matches and checks a file.
 */

#pragma once

#include "klynge-db-statement.h"
#include "klynge-import.h"
#include "klynge-period.h"

G_BEGIN_DECLS

#define PROGRESS_EVERY 8192
#define NO_COUNT (-1)

typedef struct
{
  gint64  indicator_id;
  gint64  clinic_id;
  gint64  numerator;      /* NO_COUNT when absent */
  gint64  denominator;
  double  value;          /* NAN when absent */
  guint32 period;         /* index into plan->periods */
  guint32 line;
  guint8  duplicate;
  guint8  suppressed;     /* the publisher withheld it: no numbers */
} Candidate;

/* Clinics and indicators the file brings: a candidate refers to the i-th
 * by the id -(i + 1) until the commit creates them. */
typedef struct
{
  char   *number;         /* NULL: the file names clinics by name */
  char   *name;
  guint   n_rows;
  guint   line;           /* the first row naming it */
} FileClinic;

typedef struct
{
  gint64  indicator_id;
  guint32 period;
  char   *area;
  gint64  numerator;
  gint64  denominator;
  double  value;
} Reference;

struct _KlyngeImportPlan
{
  gint64      cluster_id;
  char       *file_name;
  char       *checksum;
  GArray     *candidates;
  GPtrArray  *periods;
  GHashTable *period_index;
  GPtrArray  *problems;
  guint       n_problems;
  guint       n_errors;
  guint       n_duplicates;

  GPtrArray  *new_clinics;       /* FileClinic, created by the commit */
  GPtrArray  *unknown_clinics;   /* FileClinic, whose rows are left out */
  GPtrArray  *new_indicators;    /* names, created by the commit */
  GPtrArray  *new_indicator_units;
  GArray     *references;        /* Reference */
  GPtrArray  *left_out;          /* KlyngeImportProblem: rows left out as bad */
  GHashTable *bad_lines;
  guint       n_filtered;
  guint       n_total_rows;
  guint       n_area_rows;
  guint       n_suppressed;
  gboolean    store_references;
};

typedef struct
{
  gint64  id;
  char   *name;
  char   *number;
} KnownClinic;

typedef struct
{
  gint64  indicator_id;
  int     numerator;
  int     denominator;
  int     value;
} WideMeasure;

typedef struct
{
  KlyngeImportPlan          *plan;
  KlyngeDb                  *db;
  const KlyngeImportMapping *mapping;
  KlyngeImportProgressFunc   progress;
  gpointer                   progress_data;
  GCancellable              *cancellable;

  gboolean    have_header;
  gboolean    columns_missing;
  char        decimal;
  int         col_clinic;
  int         col_period;
  int         col_indicator;
  int         col_numerator;
  int         col_denominator;
  int         col_value;
  GArray     *wide;              /* WideMeasure */
  char       *fixed_period;
  gboolean    coarsen;
  KlyngePeriodGranularity granularity;
  int         col_clinic_name;
  int         col_area_type;
  GArray     *filter_columns;    /* int, beside mapping->where */
  GPtrArray  *filter_values;     /* folded */
  GArray     *quality;           /* int per column: its quality-flag column or -1 */
  gboolean    in_rows;           /* past the header: problems belong to a row */

  GArray     *clinics;           /* KnownClinic */
  GHashTable *clinic_keys;       /* number_key, name_key, alias → id */
  GHashTable *file_clinic_keys;  /* the file's unknown clinics' keys → index */
  GHashTable *add_only_keys;     /* number keys of mapping->add_only, or NULL */
  GHashTable *clinic_cache;      /* file text → id (0: unknown) */
  GHashTable *indicator_keys;    /* folded name, package key → id */
  GPtrArray  *indicator_names;
  GArray     *indicator_ids;     /* gint64, beside indicator_names */
  GHashTable *indicator_cache;
  GHashTable *proportions;       /* ids of the indicators whose numerator ≤ denominator */
  GHashTable *period_cache;      /* file text → index + 1 */
  guint       n_rows;
} Prepare;


/* Shared by the steps; each is documented where it is defined. */

void
_klynge_import_add_problem (Prepare                 *self,
                            KlyngeImportProblemKind  kind,
                            guint                    line,
                            guint                    column,
                            const char              *text,
                            GStrv                    suggestions,
                            const char              *format,
                            ...) G_GNUC_PRINTF (7, 8);
void
_klynge_import_leave_out_bad_rows (KlyngeImportPlan *plan);
void
_klynge_import_drop_clinics_without_rows (KlyngeImportPlan *plan);
gboolean
_klynge_import_find_duplicates (Prepare  *self,
                                GError  **error);
char *
_klynge_import_fold (const char *text);
GStrv
_klynge_import_suggest (const char  *text,
                        const char **names,
                        guint        n_names);
gboolean
_klynge_import_load_reference (Prepare  *self,
                               GError  **error);
gint64
_klynge_import_find_indicator (Prepare    *self,
                               const char *text);
gint64
_klynge_import_find_clinic (Prepare    *self,
                            const char *text);
gboolean
_klynge_import_can_list_problem (Prepare *self);
GStrv
_klynge_import_suggest_clinics (Prepare    *self,
                                const char *text);
gint64
_klynge_import_add_file_indicator (Prepare    *self,
                                   const char *name,
                                   const char *unit);
guint
_klynge_import_note_file_clinic (Prepare    *self,
                                 GPtrArray  *list,
                                 const char *text,
                                 const char *name,
                                 guint       line);
void
_klynge_import_cancelled_error (GError **error);

void
_klynge_import_problem_free (gpointer data);
void
_klynge_import_file_clinic_free (gpointer data);
void
_klynge_import_known_clinic_clear (gpointer data);
gboolean
_klynge_import_read_row (const KlyngeTableRow  *row,
                         gpointer               user_data,
                         GError               **error);

G_END_DECLS
