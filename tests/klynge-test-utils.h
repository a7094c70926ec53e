/* klynge-test-utils.h — shared by the tests of every module
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"

G_BEGIN_DECLS

/* A fresh temporary folder, removed with everything in it by klynge_test_remove_tree(). */
char     *klynge_test_make_tmpdir   (void);
void      klynge_test_remove_tree   (const char *dir);
/* SHA-256 of a file's bytes: "the file is exactly as it was". */
char     *klynge_test_file_checksum (const char *path);
/* The file exists and only its owner can read it: exports and backups hold
 * personal data, like the database. */
void      klynge_test_assert_private_file (const char *path);
/* Opens (creating) a database, failing the test on error. */
KlyngeDb *klynge_test_open_db       (const char *path);
/* klynge_db_count(), failing the test when the query fails. */
gint64    klynge_test_count         (KlyngeDb   *db,
                                     const char *sql,
                                     gint64      bind_id);
/* A new database in @dir holding the demo cluster; its id in @cluster_id. */
KlyngeDb *klynge_test_open_demo     (const char *dir,
                                     gint64     *cluster_id);
/* An imported file's batch of @n measurements (periods "U-1", "U-2", …) for
 * the first cluster, written straight in SQL: faster than importing a file. */
gint64    klynge_test_add_large_batch (KlyngeDb  *db,
                                       guint      n);
/* Fails the test unless SQLite's full integrity check of @handle is "ok". */
void      klynge_test_assert_integrity (sqlite3   *handle);
/* Fails the test unless the measurement counts the triggers keep (what a
 * cluster's summary shows) equal the rows counted afresh. */
void      klynge_test_assert_measurement_counts (KlyngeDb *db);
/* Copies tests/data/@name into @dir (mode 0600); returns the copy's path. */
char     *klynge_test_copy_data     (const char *name,
                                     const char *dir);
/* The path of a file in tests/data. */
char     *klynge_test_data_path     (const char *name);
/* One member of a zip file (a sheet of an XLSX, say), read with unzip -p. */
char     *klynge_test_unzip_member  (const char *zip,
                                     const char *member);

/* A database holding one cluster with nothing in it, for empty states;
 * returns its path. */
char     *klynge_test_make_empty_cluster (const char *dir);

/* What a list model announces, logged as "(position,removed,added)" each;
 * disconnect with g_signal_handlers_disconnect_by_data (@model, @log). */
void      klynge_test_log_items_changed (GListModel *model,
                                         GString    *log);
/* The names of the properties @object notifies, added to @names (strings). */
void      klynge_test_log_notify    (gpointer    object,
                                     GPtrArray  *names);
/* @names sorted and joined by spaces (a frozen object notifies in no set
 * order); empties @names. */
char     *klynge_test_take_names    (GPtrArray  *names);
/* Checks that @log (of klynge_test_log_items_changed()) is @expected, and
 * empties it. */
void      klynge_test_assert_log    (GString    *log,
                                     const char *expected);
/* Checks that @names (of klynge_test_log_notify()) are @expected, sorted
 * and joined by spaces, and empties it. */
void      klynge_test_assert_names  (GPtrArray  *names,
                                     const char *expected);
/* The item at @position of @list, which @list keeps (transfer none). */
gpointer  klynge_test_item          (GListModel *list,
                                     guint       position);

/* The fixture of the tests that work on the demo cluster in a fresh
 * temporary database: g_test_add (path, KlyngeTestDemo, NULL,
 * klynge_test_demo_set_up, test, klynge_test_demo_tear_down). */
typedef struct
{
  char     *dir;
  char     *db_path;
  KlyngeDb *db;
  gint64    cluster;
} KlyngeTestDemo;

void      klynge_test_demo_set_up    (KlyngeTestDemo *f,
                                      gconstpointer   data);
void      klynge_test_demo_tear_down (KlyngeTestDemo *f,
                                      gconstpointer   data);

G_END_DECLS
