/* klynge-undo-stack.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"
#include "klynge-snapshot.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_UNDO_STACK (klynge_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeUndoStack, klynge_undo_stack, KLYNGE, UNDO_STACK, GObject)

KlyngeUndoStack *klynge_undo_stack_new            (KlyngeDb         *db);
void             klynge_undo_stack_push           (KlyngeUndoStack  *self,
                                                   const char       *label,
                                                   KlyngeSnapshot   *snapshot);
gboolean         klynge_undo_stack_get_can_undo   (KlyngeUndoStack  *self);
gboolean         klynge_undo_stack_get_can_redo   (KlyngeUndoStack  *self);
gboolean         klynge_undo_stack_undo           (KlyngeUndoStack  *self,
                                                   GError          **error);
gboolean         klynge_undo_stack_redo           (KlyngeUndoStack  *self,
                                                   GError          **error);
void             klynge_undo_stack_clear          (KlyngeUndoStack  *self);

G_END_DECLS
