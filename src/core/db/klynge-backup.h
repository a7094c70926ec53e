/* klynge-backup.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "klynge-db.h"

G_BEGIN_DECLS

/* How many of the newest backups are always kept; older ones thin out to
 * one per month for a year. */
#define KLYNGE_BACKUP_KEEP_LATEST 10
#define KLYNGE_BACKUP_KEEP_MONTHS 12

#define KLYNGE_TYPE_BACKUP (klynge_backup_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeBackup, klynge_backup, KLYNGE, BACKUP, GObject)

const char   *klynge_backup_get_path          (KlyngeBackup  *self);
GDateTime    *klynge_backup_get_created       (KlyngeBackup  *self);
gboolean      klynge_backup_get_readable      (KlyngeBackup  *self);
gint64        klynge_backup_get_n_clusters    (KlyngeBackup  *self);
gint64        klynge_backup_get_n_members     (KlyngeBackup  *self);
gint64        klynge_backup_get_n_meetings    (KlyngeBackup  *self);
gint64        klynge_backup_get_n_ledger_entries (KlyngeBackup *self);
char         *klynge_backup_describe          (KlyngeBackup  *self);
char         *klynge_backup_format_created    (KlyngeBackup  *self);

char         *klynge_backup_dir_for           (const char    *db_path);
char         *klynge_backup_create            (KlyngeDb      *db,
                                               const char    *reason,
                                               GError       **error);
char         *klynge_backup_create_if_changed (KlyngeDb      *db,
                                               GError       **error);
void          klynge_backup_rotate            (const char    *db_path,
                                               GDateTime     *now);
GListModel   *klynge_backup_list              (const char    *db_path);
gboolean      klynge_backup_restore           (const char    *db_path,
                                               KlyngeBackup  *backup,
                                               char         **safety_path,
                                               GError       **error);

G_END_DECLS
