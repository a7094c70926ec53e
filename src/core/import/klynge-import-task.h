/* klynge-import-task.h — prepare and commit in a worker thread
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-import.h"

G_BEGIN_DECLS

/* Called in the caller's main context, at most once per percent. */
typedef void (*KlyngeImportTaskProgress) (double fraction, gpointer user_data);

/**
 * klynge_import_prepare_async:
 * @db_path: the database, opened again by the worker for its own connection
 *
 * klynge_import_prepare() without blocking: the window stays responsive and
 * @cancellable stops the reading.
 */
void              klynge_import_prepare_async  (const char                *db_path,
                                                gint64                     cluster_id,
                                                const char                *file_path,
                                                const KlyngeImportMapping *mapping,
                                                KlyngeImportTaskProgress   progress,
                                                gpointer                   progress_data,
                                                GCancellable              *cancellable,
                                                GAsyncReadyCallback        callback,
                                                gpointer                   user_data);
KlyngeImportPlan *klynge_import_prepare_finish (GAsyncResult              *result,
                                                GError                   **error);

/* klynge_import_commit() without blocking; @plan must live until it finishes.
 * Cancelling rolls back: nothing is written. Returns the batch id. */
void              klynge_import_commit_async   (const char                *db_path,
                                                KlyngeImportPlan          *plan,
                                                KlyngeImportDuplicates     duplicates,
                                                const char                *source,
                                                KlyngeImportTaskProgress   progress,
                                                gpointer                   progress_data,
                                                GCancellable              *cancellable,
                                                GAsyncReadyCallback        callback,
                                                gpointer                   user_data);
gint64            klynge_import_commit_finish  (GAsyncResult              *result,
                                                GError                   **error);

/* klynge_import_undo() without blocking; the one transaction it runs in is
 * not cancelled half way, so there is no @cancellable. */
void              klynge_import_undo_async     (const char                *db_path,
                                                gint64                     batch_id,
                                                KlyngeImportTaskProgress   progress,
                                                gpointer                   progress_data,
                                                GAsyncReadyCallback        callback,
                                                gpointer                   user_data);
gboolean          klynge_import_undo_finish    (GAsyncResult              *result,
                                                GError                   **error);

G_END_DECLS
