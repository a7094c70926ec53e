/* klynge-import-task.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite connections must not be shared between threads here, so the worker
 * opens the same file again; WAL lets the window keep reading meanwhile.
 */

#define G_LOG_DOMAIN "klynge-import"

#include "klynge-import-task.h"

typedef struct
{
  char                     *db_path;
  gint64                    cluster_id;
  char                     *file_path;
  KlyngeImportMapping      *mapping;
  KlyngeImportPlan         *plan;         /* not owned */
  KlyngeImportDuplicates    duplicates;
  char                     *source;
  gint64                    batch_id;     /* to undo */

  GMainContext             *context;
  KlyngeImportTaskProgress  progress;
  gpointer                  progress_data;
  int                       last_percent;  /* atomic */
} TaskData;

typedef struct
{
  KlyngeImportTaskProgress progress;
  gpointer                 progress_data;
  double                   fraction;
} ProgressReport;

static void
task_data_free (gpointer data)
{
  TaskData *d = data;

  g_free (d->db_path);
  g_free (d->file_path);
  g_clear_pointer (&d->mapping, klynge_import_mapping_free);
  g_free (d->source);
  g_main_context_unref (d->context);
  g_free (d);
}

static gboolean
report_progress (gpointer data)
{
  ProgressReport *report = data;

  report->progress (report->fraction, report->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: hands the fraction to the caller's thread, once per percent. */
static void
worker_progress (double   fraction,
                 gpointer user_data)
{
  TaskData *d = user_data;
  int percent = (int)(fraction * 100);
  ProgressReport *report;

  if (d->progress == NULL || percent <= g_atomic_int_get (&d->last_percent))
    return;
  g_atomic_int_set (&d->last_percent, percent);

  report = g_new (ProgressReport, 1);
  report->progress = d->progress;
  report->progress_data = d->progress_data;
  report->fraction = fraction;
  g_main_context_invoke_full (d->context, G_PRIORITY_DEFAULT, report_progress, report, g_free);
}

static TaskData *
task_data_new (const char               *db_path,
               KlyngeImportTaskProgress  progress,
               gpointer                  progress_data)
{
  TaskData *d = g_new0 (TaskData, 1);

  d->db_path = g_strdup (db_path);
  d->context = g_main_context_ref_thread_default ();
  d->progress = progress;
  d->progress_data = progress_data;
  d->last_percent = -1;
  return d;
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TaskData *d = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = klynge_db_open (d->db_path, KLYNGE_DB_OPEN_DEFAULT, &error);
  KlyngeImportPlan *plan = NULL;

  if (db != NULL)
    plan = klynge_import_prepare (db, d->cluster_id, d->file_path, d->mapping,
                                  worker_progress, d, cancellable, &error);
  if (plan == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, plan, (GDestroyNotify)klynge_import_plan_free);
}

void
klynge_import_prepare_async (const char                *db_path,
                             gint64                     cluster_id,
                             const char                *file_path,
                             const KlyngeImportMapping *mapping,
                             KlyngeImportTaskProgress   progress,
                             gpointer                   progress_data,
                             GCancellable              *cancellable,
                             GAsyncReadyCallback        callback,
                             gpointer                   user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  TaskData *d = task_data_new (db_path, progress, progress_data);

  d->cluster_id = cluster_id;
  d->file_path = g_strdup (file_path);
  d->mapping = klynge_import_mapping_copy (mapping);
  g_task_set_source_tag (task, klynge_import_prepare_async);
  g_task_set_task_data (task, d, task_data_free);
  /* The worker checks the cancellable itself and says what was cancelled. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, prepare_thread);
}

KlyngeImportPlan *
klynge_import_prepare_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
commit_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *d = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = klynge_db_open (d->db_path, KLYNGE_DB_OPEN_DEFAULT, &error);
  gint64 batch = 0;

  if (db != NULL)
    batch = klynge_import_commit (db, d->plan, d->duplicates, d->source,
                                  worker_progress, d, cancellable, &error);
  if (batch == 0)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, batch);
}

void
klynge_import_commit_async (const char                *db_path,
                            KlyngeImportPlan          *plan,
                            KlyngeImportDuplicates     duplicates,
                            const char                *source,
                            KlyngeImportTaskProgress   progress,
                            gpointer                   progress_data,
                            GCancellable              *cancellable,
                            GAsyncReadyCallback        callback,
                            gpointer                   user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  TaskData *d = task_data_new (db_path, progress, progress_data);

  d->plan = plan;
  d->duplicates = duplicates;
  d->source = g_strdup (source);
  g_task_set_source_tag (task, klynge_import_commit_async);
  g_task_set_task_data (task, d, task_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, commit_thread);
}

gint64
klynge_import_commit_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), 0);
  return g_task_propagate_int (G_TASK (result), error);
}

static void
undo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskData *d = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = klynge_db_open (d->db_path, KLYNGE_DB_OPEN_DEFAULT, &error);

  if (db != NULL && klynge_import_undo (db, d->batch_id, worker_progress, d, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
klynge_import_undo_async (const char               *db_path,
                          gint64                    batch_id,
                          KlyngeImportTaskProgress  progress,
                          gpointer                  progress_data,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, callback, user_data);
  TaskData *d = task_data_new (db_path, progress, progress_data);

  d->batch_id = batch_id;
  g_task_set_source_tag (task, klynge_import_undo_async);
  g_task_set_task_data (task, d, task_data_free);
  g_task_run_in_thread (task, undo_thread);
}

gboolean
klynge_import_undo_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
