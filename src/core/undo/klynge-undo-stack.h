/* klynge-undo-stack.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"
#include "klynge-import-task.h"
#include "klynge-snapshot.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_UNDO_STACK (klynge_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeUndoStack, klynge_undo_stack, KLYNGE, UNDO_STACK, GObject)

KlyngeUndoStack *klynge_undo_stack_new            (KlyngeDb         *db);
void             klynge_undo_stack_push           (KlyngeUndoStack  *self,
                                                   const char       *label,
                                                   KlyngeSnapshot   *snapshot);
void             klynge_undo_stack_push_import    (KlyngeUndoStack  *self,
                                                   const char       *label,
                                                   gint64            batch_id);
gboolean         klynge_undo_stack_get_can_undo   (KlyngeUndoStack  *self);
gboolean         klynge_undo_stack_get_busy       (KlyngeUndoStack  *self);
const char      *klynge_undo_stack_get_undo_label (KlyngeUndoStack  *self);
gboolean         klynge_undo_stack_get_can_redo   (KlyngeUndoStack  *self);
gboolean         klynge_undo_stack_undo           (KlyngeUndoStack  *self,
                                                   GError          **error);
void             klynge_undo_stack_undo_async     (KlyngeUndoStack          *self,
                                                   KlyngeImportTaskProgress  progress,
                                                   gpointer                  progress_data,
                                                   GAsyncReadyCallback       callback,
                                                   gpointer                  user_data);
gboolean         klynge_undo_stack_undo_finish    (KlyngeUndoStack  *self,
                                                   GAsyncResult     *result,
                                                   gboolean         *redoable,
                                                   GError          **error);
gboolean         klynge_undo_stack_redo           (KlyngeUndoStack  *self,
                                                   GError          **error);

G_END_DECLS
