/* klynge-db-task.h — opening a database, and work on a file of a cluster, in a worker thread
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"

G_BEGIN_DECLS

/* Runs in the worker, on its own connection to the database; @cluster_id
 * is the id the work is on (a cluster's, or a meeting's), @option the
 * caller's (a format, a flag, a kind). Returns the result (any non-%NULL
 * pointer when there is nothing to hand back), or %NULL with @error set. */
typedef gpointer (*KlyngeDbFileFunc) (KlyngeDb      *db,
                                      gint64         cluster_id,
                                      const char    *path,
                                      int            option,
                                      GCancellable  *cancellable,
                                      GError       **error);

void     klynge_db_file_task_run    (KlyngeDb            *db,
                                     KlyngeDbOpenFlags    flags,
                                     gint64               cluster_id,
                                     const char          *path,
                                     int                  option,
                                     KlyngeDbFileFunc     func,
                                     GDestroyNotify       result_free,
                                     gpointer             source_tag,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gpointer klynge_db_file_task_finish (GAsyncResult        *result,
                                     gpointer             source_tag,
                                     GError             **error);

/* Runs in the worker on a file klynge_db_open_async() just opened: a new
 * file's first content, say. Returns the cluster it made (0 for none), or
 * 0 with @error set. */
typedef gint64 (*KlyngeDbFillFunc) (KlyngeDb  *db,
                                    GError   **error);

void      klynge_db_open_async  (const char           *path,
                                 KlyngeDbOpenFlags     flags,
                                 KlyngeDbFillFunc      fill,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
KlyngeDb *klynge_db_open_finish (GAsyncResult         *result,
                                 gint64               *cluster_id,
                                 GError              **error);

G_END_DECLS
