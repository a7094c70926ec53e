/* klynge-snapshot.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"

G_BEGIN_DECLS

/* What a delete took away (rows and links), so Undo can put it back with the
 * same ids. Restored in the order captured. */
typedef struct _KlyngeSnapshot KlyngeSnapshot;

KlyngeSnapshot *klynge_snapshot_new           (void);
void            klynge_snapshot_free          (KlyngeSnapshot  *self);
/* Row @rowid of @table and everything the schema's foreign keys take or
 * unlink with it; call before the delete. */
gboolean        klynge_snapshot_capture       (KlyngeSnapshot  *self,
                                               KlyngeDb        *db,
                                               const char      *table,
                                               gint64           rowid,
                                               GError         **error);
/* Row @rowid of @table before it is changed in place. */
gboolean        klynge_snapshot_capture_edit  (KlyngeSnapshot  *self,
                                               KlyngeDb        *db,
                                               const char      *table,
                                               gint64           rowid,
                                               GError         **error);
/* Row @rowid of @table right after it was inserted. */
gboolean        klynge_snapshot_capture_insert (KlyngeSnapshot *self,
                                                KlyngeDb       *db,
                                                const char     *table,
                                                gint64          rowid,
                                                GError        **error);
gint64          klynge_snapshot_get_changes_before (KlyngeSnapshot *self);
gboolean        klynge_snapshot_finish        (KlyngeSnapshot  *self,
                                               KlyngeDb        *db,
                                               GError         **error);
/* Writes everything back in one transaction; on error nothing changes. */
gboolean        klynge_snapshot_restore       (KlyngeSnapshot  *self,
                                               KlyngeDb        *db,
                                               GError         **error);
gboolean        klynge_snapshot_redo          (KlyngeSnapshot  *self,
                                               KlyngeDb        *db,
                                               GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeSnapshot, klynge_snapshot_free)

G_END_DECLS
