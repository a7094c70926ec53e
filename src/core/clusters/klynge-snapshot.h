/* klynge-snapshot.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"

G_BEGIN_DECLS

/* What a delete took away (rows and links), so Undo can put it back with the
 * same ids. Restored in the order captured: capture parents first. */
typedef struct _KlyngeSnapshot KlyngeSnapshot;

KlyngeSnapshot *klynge_snapshot_new           (void);
void            klynge_snapshot_free          (KlyngeSnapshot  *self);
/* Every row of @table whose @column equals @id. */
gboolean        klynge_snapshot_capture_rows  (KlyngeSnapshot  *self,
                                               KlyngeDb        *db,
                                               const char      *table,
                                               const char      *column,
                                               gint64           id,
                                               GError         **error);
/* The rows of @table whose @column points at @id, to point them at @id again
 * (for links the delete sets to NULL or moves elsewhere). */
gboolean        klynge_snapshot_capture_links (KlyngeSnapshot  *self,
                                               KlyngeDb        *db,
                                               const char      *table,
                                               const char      *column,
                                               gint64           id,
                                               GError         **error);
/* Writes everything back in one transaction; on error nothing changes. */
gboolean        klynge_snapshot_restore       (KlyngeSnapshot  *self,
                                               KlyngeDb        *db,
                                               GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeSnapshot, klynge_snapshot_free)

G_END_DECLS
