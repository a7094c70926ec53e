/* klynge-context.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"
#include "klynge-undo-stack.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_CONTEXT (klynge_context_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeContext, klynge_context, KLYNGE, CONTEXT, GObject)

KlyngeContext *klynge_context_new             (void);
KlyngeDb      *klynge_context_get_db          (KlyngeContext *self);
void           klynge_context_set_db          (KlyngeContext *self,
                                               KlyngeDb      *db,
                                               gint64         cluster_id);
gboolean       klynge_context_get_read_only   (KlyngeContext *self);
char          *klynge_context_dup_read_only_reason (KlyngeContext *self);
gint64         klynge_context_get_cluster_id  (KlyngeContext *self);
void           klynge_context_set_cluster_id  (KlyngeContext *self,
                                               gint64         cluster_id);
void           klynge_context_emit_changed    (KlyngeContext *self);
KlyngeUndoStack *klynge_context_get_undo_stack (KlyngeContext *self);
gpointer       klynge_context_get_store       (KlyngeContext *self,
                                               GType          type,
                                               gint64         owner_id);

G_END_DECLS
