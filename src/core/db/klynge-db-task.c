/* klynge-db-task.c — opening a database, and work on a file of a cluster, in a worker thread
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The `_async` half of opening a file and of the file imports (a practice
 * list, a member list): the worker opens the database (again), because a
 * connection belongs to the thread that uses it, and hands its result back
 * to the caller's main context.
 */

#define G_LOG_DOMAIN "klynge-db"

#include "klynge-db-task.h"

typedef struct
{
  char              *db_path;
  KlyngeDbOpenFlags  flags;
  gint64             cluster_id;
  char              *path;
  int                option;
  KlyngeDbFileFunc   func;
  GDestroyNotify     result_free;
} FileTask;

static void
file_task_free (gpointer data)
{
  FileTask *file_task = data;

  g_free (file_task->db_path);
  g_free (file_task->path);
  g_free (file_task);
}

static void
file_task_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  FileTask *file_task = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = NULL;
  gpointer result = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  db = klynge_db_open (file_task->db_path, file_task->flags, &error);
  if (db != NULL)
    result = file_task->func (db, file_task->cluster_id, file_task->path, file_task->option, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, file_task->result_free);
}

/**
 * klynge_db_file_task_run:
 * @flags: how the worker opens @db's file
 * @func: the work, called in the worker
 * @result_free: frees what @func returns when nobody takes it
 * @source_tag: the caller's `_async` function, checked by the `_finish`
 *
 * Runs @func on @path for @cluster_id in a worker thread; @callback gets
 * the result through klynge_db_file_task_finish().
 */
void
klynge_db_file_task_run (KlyngeDb            *db,
                         KlyngeDbOpenFlags    flags,
                         gint64               cluster_id,
                         const char          *path,
                         int                  option,
                         KlyngeDbFileFunc     func,
                         GDestroyNotify       result_free,
                         gpointer             source_tag,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  FileTask *file_task = g_new0 (FileTask, 1);

  file_task->db_path = g_strdup (klynge_db_get_path (db));
  file_task->flags = flags;
  file_task->cluster_id = cluster_id;
  file_task->path = g_strdup (path);
  file_task->option = option;
  file_task->func = func;
  file_task->result_free = result_free;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, file_task, file_task_free);
  g_task_run_in_thread (task, file_task_thread);
}

/* Returns: (transfer full): what the worker's function returned, or %NULL
 * with @error set */
gpointer
klynge_db_file_task_finish (GAsyncResult  *result,
                            gpointer       source_tag,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  char              *path;
  KlyngeDbOpenFlags  flags;
  KlyngeDbFillFunc   fill;
  KlyngeDb          *db;
  gint64             cluster_id;
} OpenTask;

static void
open_task_free (gpointer data)
{
  OpenTask *open_task = data;

  g_clear_object (&open_task->db);
  g_free (open_task->path);
  g_free (open_task);
}

/* The integrity check and the backup read the whole file: a second or more
 * for a large one. The connection is the worker's alone until
 * klynge_db_open_finish() hands it over. */
static void
open_task_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  OpenTask *open_task = task_data;
  g_autoptr(GError) error = NULL;

  open_task->db = klynge_db_open (open_task->path, open_task->flags, &error);
  if (open_task->db != NULL && open_task->fill != NULL)
    open_task->cluster_id = open_task->fill (open_task->db, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&open_task->db), g_object_unref);
}

/**
 * klynge_db_open_async:
 * @fill: (nullable): run in the worker on the open file, before it is
 *   handed over
 *
 * klynge_db_open() in a worker thread; @callback gets the database through
 * klynge_db_open_finish().
 */
void
klynge_db_open_async (const char          *path,
                      KlyngeDbOpenFlags    flags,
                      KlyngeDbFillFunc     fill,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenTask *open_task = g_new0 (OpenTask, 1);

  open_task->path = g_strdup (path);
  open_task->flags = flags;
  open_task->fill = fill;
  g_task_set_source_tag (task, klynge_db_open_async);
  g_task_set_task_data (task, open_task, open_task_free);
  g_task_run_in_thread (task, open_task_thread);
}

/**
 * klynge_db_open_finish:
 * @cluster_id: (out) (optional): what @fill returned, 0 without one
 *
 * Returns: (transfer full): the open database, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when the open was cancelled meanwhile)
 */
KlyngeDb *
klynge_db_open_finish (GAsyncResult  *result,
                       gint64        *cluster_id,
                       GError       **error)
{
  KlyngeDb *db;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == klynge_db_open_async, NULL);

  db = g_task_propagate_pointer (G_TASK (result), error);
  if (cluster_id != NULL)
    *cluster_id = db != NULL ? ((OpenTask *) g_task_get_task_data (G_TASK (result)))->cluster_id : 0;
  return db;
}
