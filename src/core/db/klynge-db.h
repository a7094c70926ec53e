/* klynge-db.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "klynge-error.h"

G_BEGIN_DECLS

/* The schema version this build writes; see klynge-db-migrations.c. */
#define KLYNGE_DB_SCHEMA_VERSION 10

#define KLYNGE_TYPE_DB (klynge_db_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeDb, klynge_db, KLYNGE, DB, GObject)

typedef enum
{
  KLYNGE_DB_OPEN_DEFAULT   = 0,
  KLYNGE_DB_OPEN_READ_ONLY = 1 << 0,
  KLYNGE_DB_OPEN_BACKUP    = 1 << 1,
} KlyngeDbOpenFlags;

KlyngeDb     *klynge_db_open               (const char          *path,
                                            KlyngeDbOpenFlags    flags,
                                            GError             **error);
gboolean      klynge_db_file_is_open       (const char          *path);
char         *klynge_db_dup_file_state     (KlyngeDb            *self);
const char   *klynge_db_get_path           (KlyngeDb            *self);
sqlite3      *klynge_db_get_handle         (KlyngeDb            *self);
gint64        klynge_db_get_changes        (KlyngeDb            *self);
void          klynge_db_add_bookkeeping    (KlyngeDb            *self,
                                            gint64               changes);
gboolean      klynge_db_is_read_only       (KlyngeDb            *self);
char         *klynge_db_dup_read_only_reason (KlyngeDb          *self);
gboolean      klynge_db_is_on_network_drive (KlyngeDb           *self);
const GError *klynge_db_get_backup_error    (KlyngeDb           *self);
char         *klynge_db_dup_network_notice (KlyngeDb            *self);
int           klynge_db_get_schema_version (KlyngeDb            *self);

sqlite3_stmt *klynge_db_prepare            (KlyngeDb            *self,
                                            const char          *sql,
                                            GError             **error);
gboolean      klynge_db_step_done          (KlyngeDb            *self,
                                            sqlite3_stmt        *stmt,
                                            GError             **error);
int           klynge_db_step               (KlyngeDb            *self,
                                            sqlite3_stmt        *stmt,
                                            GError             **error);
gboolean      klynge_db_exec               (KlyngeDb            *self,
                                            const char          *sql,
                                            GError             **error);
gint64        klynge_db_last_insert_id     (KlyngeDb            *self);
gboolean      klynge_db_count              (KlyngeDb            *self,
                                            const char          *sql,
                                            gint64               bind_id,
                                            gint64              *value,
                                            GError             **error);

gboolean      klynge_db_begin              (KlyngeDb            *self,
                                            GError             **error);
gboolean      klynge_db_commit             (KlyngeDb            *self,
                                            GError             **error);
void          klynge_db_rollback           (KlyngeDb            *self);
gboolean      klynge_db_commit_or_rollback (KlyngeDb            *self,
                                            GError             **error);

gboolean      klynge_db_set_error_from_sqlite (GError          **error,
                                               sqlite3          *handle,
                                               int               rc);

char         *klynge_db_column_dup_text     (sqlite3_stmt        *stmt,
                                            int                  column);
char         *klynge_db_column_dup_nullable (sqlite3_stmt       *stmt,
                                             int                 column);

/* A bulk import builds these once after its inserts (see klynge-db-migrations.c). */
gboolean      klynge_db_drop_measurement_indexes   (KlyngeDb    *self,
                                                    GError     **error);
gboolean      klynge_db_create_measurement_indexes (KlyngeDb    *self,
                                                    GError     **error);

/* Used by the migration steps only. */
gboolean      _klynge_db_migrate           (KlyngeDb            *self,
                                            GError             **error);

/* What the triggers of klynge-db-guard.c raise on a change to an archived
 * cluster; klynge_db_set_error_from_sqlite() says it in words. */
#define KLYNGE_DB_CLUSTER_ARCHIVED "klynge: the cluster is archived"
gboolean      _klynge_db_guard_archived_clusters (KlyngeDb      *self,
                                                  GError       **error);

G_END_DECLS
