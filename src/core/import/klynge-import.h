/* klynge-import.h — a file's rows checked, then written as one batch
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"
#include "klynge-import-mapping.h"
#include "klynge-table-reader.h"

G_BEGIN_DECLS

typedef enum
{
  KLYNGE_IMPORT_PROBLEM_NOT_A_NUMBER,
  KLYNGE_IMPORT_PROBLEM_NEGATIVE,
  KLYNGE_IMPORT_PROBLEM_NOT_WHOLE,
  KLYNGE_IMPORT_PROBLEM_NUMERATOR_ABOVE_DENOMINATOR,
  KLYNGE_IMPORT_PROBLEM_MISSING_VALUE,
  KLYNGE_IMPORT_PROBLEM_UNKNOWN_CLINIC,
  KLYNGE_IMPORT_PROBLEM_UNKNOWN_INDICATOR,
  KLYNGE_IMPORT_PROBLEM_MISSING_PERIOD,
  KLYNGE_IMPORT_PROBLEM_INVALID_PERIOD,
  KLYNGE_IMPORT_PROBLEM_MISSING_COLUMN,
  KLYNGE_IMPORT_PROBLEM_TWICE_IN_FILE,
  KLYNGE_IMPORT_PROBLEM_DUPLICATE,      /* already stored: replace or keep */
} KlyngeImportProblemKind;

/**
 * KlyngeImportProblem:
 * @line, @column: where, from 1 (column 0: the whole row)
 * @text: the offending text of the file
 * @message: what is wrong, for the user
 * @suggestions: (nullable): known names close to @text
 */
typedef struct
{
  KlyngeImportProblemKind kind;
  guint                   line;
  guint                   column;
  char                   *text;
  char                   *message;
  GStrv                   suggestions;
} KlyngeImportProblem;

typedef enum
{
  KLYNGE_IMPORT_DUPLICATES_REJECT,
  KLYNGE_IMPORT_DUPLICATES_REPLACE,
  KLYNGE_IMPORT_DUPLICATES_KEEP,
} KlyngeImportDuplicates;

/* Only this many problems are kept; all are counted. */
#define KLYNGE_IMPORT_MAX_PROBLEMS 10000

typedef struct _KlyngeImportPlan KlyngeImportPlan;

/* Called from the thread doing the work, with 0 ≤ @fraction ≤ 1. */
typedef void (*KlyngeImportProgressFunc) (double fraction, gpointer user_data);

KlyngeImportPlan *klynge_import_prepare (KlyngeDb                   *db,
                                         gint64                      cluster_id,
                                         const char                 *path,
                                         const KlyngeImportMapping  *mapping,
                                         KlyngeImportProgressFunc    progress,
                                         gpointer                    progress_data,
                                         GCancellable               *cancellable,
                                         GError                    **error);
void              klynge_import_plan_free           (KlyngeImportPlan *plan);
const char       *klynge_import_plan_get_file_name  (KlyngeImportPlan *plan);
guint             klynge_import_plan_get_n_measurements (KlyngeImportPlan *plan);
guint             klynge_import_plan_get_n_duplicates   (KlyngeImportPlan *plan);
/* How many measurements an import with @duplicates writes: kept ones are not. */
guint             klynge_import_plan_get_n_written      (KlyngeImportPlan       *plan,
                                                         KlyngeImportDuplicates  duplicates);
/* Problems that block the import whatever is chosen for duplicates. */
guint             klynge_import_plan_get_n_errors   (KlyngeImportPlan *plan);
/* (element-type KlyngeImportProblem) (transfer none), sorted by line */
GPtrArray        *klynge_import_plan_get_problems   (KlyngeImportPlan *plan);
gboolean          klynge_import_plan_can_commit     (KlyngeImportPlan       *plan,
                                                     KlyngeImportDuplicates  duplicates);

/**
 * KlyngeImportFileClinic:
 * @number: (nullable): the clinic's code in the file
 * @name: its name (the code when the file gives none)
 * @n_rows: how many rows name it
 * @line: the first of them
 *
 * A clinic of the file that is not in the cluster: created by the import
 * (KlyngeImportMapping.add_clinics) or left out with its rows (skip_unknown).
 */
typedef struct
{
  char  *number;
  char  *name;
  guint  n_rows;
  guint  line;
} KlyngeImportFileClinic;

void       klynge_import_file_clinic_free        (KlyngeImportFileClinic *clinic);
/* (element-type KlyngeImportFileClinic) (transfer full) */
GPtrArray *klynge_import_plan_get_new_clinics     (KlyngeImportPlan *plan);
GPtrArray *klynge_import_plan_get_unknown_clinics (KlyngeImportPlan *plan);
/* The indicators the import creates, in the file's order. */
GStrv      klynge_import_plan_get_new_indicators  (KlyngeImportPlan *plan);
/* (element-type KlyngeImportProblem) (transfer none): the rows left out as
 * bad (KlyngeImportMapping.skip_bad), which no longer block the import. */
GPtrArray *klynge_import_plan_get_left_out        (KlyngeImportPlan *plan);
/* Rows left out: bad ones and those of clinics not in the cluster. */
guint      klynge_import_plan_get_n_left_out      (KlyngeImportPlan *plan);

/**
 * KlyngeImportCounts:
 * @filtered: rows the row filters left out ("Sex" is not "All")
 * @totals: total rows ("I alt", "Total"), never clinics
 * @areas: national and regional rows ("Hele landet", "England")
 * @references: reference values those rows offer
 * @suppressed: measurements the publisher suppressed ("<5", "c")
 */
typedef struct
{
  guint filtered;
  guint totals;
  guint areas;
  guint references;
  guint suppressed;
} KlyngeImportCounts;

void       klynge_import_plan_get_counts          (KlyngeImportPlan   *plan,
                                                   KlyngeImportCounts *counts);

/**
 * KlyngeImportReference:
 * @area: the row's name ("England")
 * @period: the normalised period
 * @numerator, @denominator: -1 when absent
 * @value: NAN when absent
 *
 * A national or regional value a file offers as an indicator's reference.
 */
typedef struct
{
  char   *area;
  char   *period;
  gint64  numerator;
  gint64  denominator;
  double  value;
} KlyngeImportReference;

void       klynge_import_reference_free           (KlyngeImportReference *reference);
/* (element-type KlyngeImportReference) (transfer full) */
GPtrArray *klynge_import_plan_get_references      (KlyngeImportPlan *plan);
/* "FILE:LINE:COLUMN: message" */
char             *klynge_import_problem_format      (const char                *file_name,
                                                     const KlyngeImportProblem *problem);

/**
 * klynge_import_commit:
 * @source: the saved mapping used, or %NULL
 *
 * Writes the plan in one transaction with its batch record, marks the
 * meeting data requests it answers as received, and returns the batch id.
 * A cancelled or failed commit writes nothing.
 */
gint64            klynge_import_commit  (KlyngeDb                  *db,
                                         KlyngeImportPlan          *plan,
                                         KlyngeImportDuplicates     duplicates,
                                         const char                *source,
                                         KlyngeImportProgressFunc   progress,
                                         gpointer                   progress_data,
                                         GCancellable              *cancellable,
                                         GError                   **error);

typedef struct
{
  gint64  id;
  char   *file_name;
  char   *checksum;
  char   *source;
  char   *imported_at;
  gint64  row_count;
  gint64  left_out;       /* rows left out: bad, or of clinics not in the cluster */
} KlyngeImportBatch;

void       klynge_import_batch_free   (KlyngeImportBatch *batch);
/* (element-type KlyngeImportBatch), newest first */
GPtrArray *klynge_import_list_batches (KlyngeDb   *db,
                                       gint64      cluster_id,
                                       GError    **error);
/* What a batch left out, "line N: why", by line. */
GStrv      klynge_import_list_left_out (KlyngeDb   *db,
                                        gint64      batch_id,
                                        GError    **error);
/* Removes the batch's measurements and puts back those it replaced, in one
 * transaction; @progress (may be %NULL) hears how much is removed. */
gboolean   klynge_import_undo         (KlyngeDb                 *db,
                                       gint64                    batch_id,
                                       KlyngeImportProgressFunc  progress,
                                       gpointer                  progress_data,
                                       GError                  **error);
/* Teaches Klynge that a file's @alias means @clinic_id, for this and later files. */
gboolean   klynge_import_add_clinic_alias (KlyngeDb   *db,
                                           gint64      cluster_id,
                                           const char *alias,
                                           gint64      clinic_id,
                                           GError    **error);

/* The names of the indicators a file may refer to, sorted. */
GStrv      klynge_import_list_indicators (KlyngeDb  *db,
                                          gint64     cluster_id,
                                          GError   **error);

/* The first @max_rows rows of a file from its header on, each a GStrv, for
 * a preview. */
GPtrArray *klynge_import_preview      (const char       *path,
                                       guint             sheet,
                                       guint             max_rows,
                                       KlyngeTableInfo  *info,
                                       GError          **error);
/* The same in a worker thread: a hostile or huge file never holds up the
 * window, and @cancellable stops it. */
void       klynge_import_preview_async  (const char          *path,
                                         guint                sheet,
                                         guint                max_rows,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* @info: (out caller-allocates) (optional): what was found about the file */
GPtrArray *klynge_import_preview_finish (GAsyncResult        *result,
                                         KlyngeTableInfo     *info,
                                         GError             **error);

/* Which of a file's first @rows (GStrv each) is its header: the first with
 * two or more filled fields, after any title lines a register puts above. */
guint      klynge_import_header_index (GPtrArray  *rows);

/* How a clinic's number and name are compared: "A84002" is "a84002",
 * "012345" is "12345"; "Lægehuset" is "LAEGEHUSET." The two never equal
 * each other. */
char      *klynge_import_number_key (const char *number);
char      *klynge_import_name_key   (const char *name);

/* Parses a count or value as clinics' files write it; @decimal is '.' or ','. */
gboolean   klynge_import_parse_number (const char *text,
                                       char        decimal,
                                       double     *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeImportPlan, klynge_import_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeImportBatch, klynge_import_batch_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeImportFileClinic, klynge_import_file_clinic_free)

G_END_DECLS
