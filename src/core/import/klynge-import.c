/* klynge-import.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two steps, so the user sees every problem before anything is written:
 * prepare() streams the file once, resolves clinics, indicators and periods
 * and keeps each measurement as a small fixed-size record (a million rows fit
 * in ~50 MB); commit() writes those records in one transaction. Duplicates
 * are found by sorting, not hashing, to keep memory flat.
 *
 * This file holds the plan and runs the steps: klynge-import-read.c reads
 * the rows, klynge-import-match.c matches clinics and indicators,
 * klynge-import-check.c finds the problems and duplicates,
 * klynge-import-write.c writes.
 */

#define G_LOG_DOMAIN "klynge-import"

#include "klynge-i18n.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "klynge-import-private.h"
#include "klynge-period.h"
#include "klynge-submissions.h"
#include "klynge-topics.h"

typedef struct
{
  char         *path;
  GCancellable *cancellable;
} ChecksumData;

static ChecksumData *
checksum_data_new (const char   *path,
                   GCancellable *cancellable)
{
  ChecksumData *data = g_new0 (ChecksumData, 1);

  data->path = g_strdup (path);
  data->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  return data;
}

static char *
file_checksum (const char    *path,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (256 * 1024);
  gssize n;

  if (stream == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 256 * 1024, cancellable, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

/* Returns the SHA-256 as text, or NULL when the file cannot be read. */
static gpointer
checksum_thread_func (gpointer user_data)
{
  ChecksumData *data = user_data;
  char *checksum = file_checksum (data->path, data->cancellable, NULL);

  g_free (data->path);
  g_clear_object (&data->cancellable);
  g_free (data);
  return checksum;
}

void
klynge_import_plan_free (KlyngeImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->file_name);
  g_free (plan->checksum);
  g_array_unref (plan->candidates);
  g_hash_table_unref (plan->period_index);
  g_ptr_array_unref (plan->periods);
  g_ptr_array_unref (plan->problems);
  g_ptr_array_unref (plan->new_clinics);
  g_ptr_array_unref (plan->unknown_clinics);
  g_ptr_array_unref (plan->new_indicators);
  g_ptr_array_unref (plan->new_indicator_units);
  for (guint i = 0; i < plan->references->len; i++)
    g_free (g_array_index (plan->references, Reference, i).area);
  g_array_unref (plan->references);
  g_ptr_array_unref (plan->left_out);
  g_hash_table_unref (plan->bad_lines);
  g_free (plan);
}

void
_klynge_import_cancelled_error (GError **error)
{
  g_clear_error (error);
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CANCELLED, _("The import was cancelled."));
}

KlyngeImportPlan *
klynge_import_prepare (KlyngeDb                   *db,
                       gint64                      cluster_id,
                       const char                 *path,
                       const KlyngeImportMapping  *mapping,
                       KlyngeImportProgressFunc    progress,
                       gpointer                    progress_data,
                       GCancellable               *cancellable,
                       GError                    **error)
{
  g_autoptr(KlyngeImportPlan) plan = g_new0 (KlyngeImportPlan, 1);
  Prepare self = {
    .plan = plan,
    .db = db,
    .mapping = mapping,
    .progress = progress,
    .progress_data = progress_data,
    .cancellable = cancellable,
    .wide = g_array_new (FALSE, FALSE, sizeof (WideMeasure)),
    .clinics = g_array_new (FALSE, FALSE, sizeof (KnownClinic)),
    .clinic_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .clinic_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .indicator_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .indicator_names = g_ptr_array_new_with_free_func (g_free),
    .indicator_ids = g_array_new (FALSE, FALSE, sizeof (gint64)),
    .indicator_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .proportions = g_hash_table_new (NULL, NULL),
    .period_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .file_clinic_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .add_only_keys = mapping->add_only != NULL ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) : NULL,
    .col_clinic_name = -1,
    .col_area_type = -1,
    .filter_columns = g_array_new (FALSE, FALSE, sizeof (int)),
    .filter_values = g_ptr_array_new_with_free_func (g_free),
    .quality = g_array_new (FALSE, FALSE, sizeof (int)),
  };
  GThread *checksum_thread;
  gboolean ok;

  g_array_set_clear_func (self.clinics, _klynge_import_known_clinic_clear);
  for (guint i = 0; mapping->add_only != NULL && mapping->add_only[i] != NULL; i++)
    g_hash_table_add (self.add_only_keys, klynge_import_number_key (mapping->add_only[i]));
  plan->cluster_id = cluster_id;
  plan->store_references = mapping->store_reference;
  plan->file_name = g_path_get_basename (path);
  plan->candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  plan->periods = g_ptr_array_new_with_free_func (g_free);
  plan->period_index = g_hash_table_new (g_str_hash, g_str_equal);
  plan->problems = g_ptr_array_new_with_free_func (_klynge_import_problem_free);
  plan->new_clinics = g_ptr_array_new_with_free_func (_klynge_import_file_clinic_free);
  plan->unknown_clinics = g_ptr_array_new_with_free_func (_klynge_import_file_clinic_free);
  plan->new_indicators = g_ptr_array_new_with_free_func (g_free);
  plan->new_indicator_units = g_ptr_array_new_with_free_func (g_free);
  plan->references = g_array_new (FALSE, FALSE, sizeof (Reference));
  plan->left_out = g_ptr_array_new_with_free_func (_klynge_import_problem_free);
  plan->bad_lines = g_hash_table_new (g_direct_hash, g_direct_equal);

  /* The checksum reads the file on the second core while this one parses it. */
  checksum_thread = g_thread_new ("klynge-checksum", checksum_thread_func,
                                  checksum_data_new (path, cancellable));
  ok = _klynge_import_load_reference (&self, error) &&
       klynge_table_read (path, &(KlyngeTableOptions) { .sheet = mapping->sheet,
                                                         .header = mapping->header_row > 0 ? KLYNGE_TABLE_HEADER_LINE
                                                                                           : KLYNGE_TABLE_HEADER_FIND,
                                                         .header_line = mapping->header_row },
                          NULL, _klynge_import_read_row, &self, cancellable, error);
  plan->checksum = g_thread_join (checksum_thread);
  if (ok && plan->checksum == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("%s: the file cannot be read."), plan->file_name);
      ok = FALSE;
    }

  if (ok && !self.have_header)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE, _("%s: the file has no rows."), plan->file_name);
      ok = FALSE;
    }
  if (ok)
    {
      _klynge_import_leave_out_bad_rows (plan);
      _klynge_import_drop_clinics_without_rows (plan);
    }
  if (ok && plan->candidates->len == 0 && plan->n_errors == 0)
    _klynge_import_add_problem (&self, KLYNGE_IMPORT_PROBLEM_MISSING_VALUE, 0, 0, NULL, NULL,
                                _("The file has no measurements under its header."));
  if (ok)
    ok = _klynge_import_find_duplicates (&self, error);
  if (!ok && error != NULL && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _klynge_import_cancelled_error (error);

  g_array_unref (self.wide);
  g_array_unref (self.clinics);
  g_hash_table_unref (self.clinic_keys);
  g_hash_table_unref (self.clinic_cache);
  g_hash_table_unref (self.indicator_keys);
  g_ptr_array_unref (self.indicator_names);
  g_array_unref (self.indicator_ids);
  g_hash_table_unref (self.indicator_cache);
  g_hash_table_unref (self.proportions);
  g_hash_table_unref (self.period_cache);
  g_hash_table_unref (self.file_clinic_keys);
  g_clear_pointer (&self.add_only_keys, g_hash_table_unref);
  g_array_unref (self.filter_columns);
  g_ptr_array_unref (self.filter_values);
  g_array_unref (self.quality);
  g_free (self.fixed_period);

  if (!ok)
    return NULL;
  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&plan);
}

const char *
klynge_import_plan_get_file_name (KlyngeImportPlan *plan)
{
  return plan->file_name;
}

guint
klynge_import_plan_get_n_measurements (KlyngeImportPlan *plan)
{
  return plan->candidates->len;
}

guint
klynge_import_plan_get_n_duplicates (KlyngeImportPlan *plan)
{
  return plan->n_duplicates;
}

guint
klynge_import_plan_get_n_written (KlyngeImportPlan       *plan,
                                  KlyngeImportDuplicates  duplicates)
{
  if (duplicates == KLYNGE_IMPORT_DUPLICATES_KEEP)
    return plan->candidates->len - plan->n_duplicates;
  return plan->candidates->len;
}

guint
klynge_import_plan_get_n_errors (KlyngeImportPlan *plan)
{
  return plan->n_errors;
}

GPtrArray *
klynge_import_plan_get_problems (KlyngeImportPlan *plan)
{
  return plan->problems;
}

GPtrArray *
klynge_import_plan_get_left_out (KlyngeImportPlan *plan)
{
  return plan->left_out;
}

guint
klynge_import_plan_get_n_left_out (KlyngeImportPlan *plan)
{
  guint n = g_hash_table_size (plan->bad_lines);

  for (guint i = 0; i < plan->unknown_clinics->len; i++)
    n += ((FileClinic *)g_ptr_array_index (plan->unknown_clinics, i))->n_rows;
  return n;
}

static GPtrArray *
file_clinics (GPtrArray *list)
{
  GPtrArray *clinics = g_ptr_array_new_with_free_func ((GDestroyNotify)klynge_import_file_clinic_free);

  for (guint i = 0; i < list->len; i++)
    {
      FileClinic *clinic = g_ptr_array_index (list, i);
      KlyngeImportFileClinic *copy = g_new0 (KlyngeImportFileClinic, 1);

      copy->number = g_strdup (clinic->number);
      copy->name = g_strdup (clinic->name);
      copy->n_rows = clinic->n_rows;
      copy->line = clinic->line;
      g_ptr_array_add (clinics, copy);
    }
  return clinics;
}

void
klynge_import_file_clinic_free (KlyngeImportFileClinic *clinic)
{
  if (clinic == NULL)
    return;
  g_free (clinic->number);
  g_free (clinic->name);
  g_free (clinic);
}

GPtrArray *
klynge_import_plan_get_new_clinics (KlyngeImportPlan *plan)
{
  return file_clinics (plan->new_clinics);
}

GPtrArray *
klynge_import_plan_get_unknown_clinics (KlyngeImportPlan *plan)
{
  return file_clinics (plan->unknown_clinics);
}

GStrv
klynge_import_plan_get_new_indicators (KlyngeImportPlan *plan)
{
  GStrv names = g_new0 (char *, plan->new_indicators->len + 1);

  for (guint i = 0; i < plan->new_indicators->len; i++)
    names[i] = g_strdup (plan->new_indicators->pdata[i]);
  return names;
}

void
klynge_import_plan_get_counts (KlyngeImportPlan   *plan,
                               KlyngeImportCounts *counts)
{
  counts->filtered = plan->n_filtered;
  counts->totals = plan->n_total_rows;
  counts->areas = plan->n_area_rows;
  counts->references = plan->references->len;
  counts->suppressed = plan->n_suppressed;
}

GPtrArray *
klynge_import_plan_get_references (KlyngeImportPlan *plan)
{
  GPtrArray *references = g_ptr_array_new_with_free_func ((GDestroyNotify)klynge_import_reference_free);

  for (guint i = 0; i < plan->references->len; i++)
    {
      Reference *r = &g_array_index (plan->references, Reference, i);
      KlyngeImportReference *copy = g_new0 (KlyngeImportReference, 1);

      copy->area = g_strdup (r->area);
      copy->period = g_strdup (plan->periods->pdata[r->period]);
      copy->numerator = r->numerator;
      copy->denominator = r->denominator;
      copy->value = r->value;
      g_ptr_array_add (references, copy);
    }
  return references;
}

void
klynge_import_reference_free (KlyngeImportReference *reference)
{
  if (reference == NULL)
    return;
  g_free (reference->area);
  g_free (reference->period);
  g_free (reference);
}

gboolean
klynge_import_plan_can_commit (KlyngeImportPlan       *plan,
                               KlyngeImportDuplicates  duplicates)
{
  return plan->n_errors == 0 && plan->candidates->len > 0 &&
         (plan->n_duplicates == 0 || duplicates != KLYNGE_IMPORT_DUPLICATES_REJECT);
}

char *
klynge_import_problem_format (const char                *file_name,
                              const KlyngeImportProblem *problem)
{
  GString *out = g_string_new (file_name);

  if (problem->line > 0)
    g_string_append_printf (out, ":%u", problem->line);
  if (problem->column > 0)
    g_string_append_printf (out, ":%u", problem->column);
  g_string_append_printf (out, ": %s", problem->message);
  if (problem->suggestions != NULL && problem->suggestions[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("”, “", problem->suggestions);
      g_string_append_c (out, ' ');
      g_string_append_printf (out, _("Did you mean “%s”?"), joined);
    }
  return g_string_free (out, FALSE);
}
