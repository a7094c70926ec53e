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
/* Opens (creating) a database, failing the test on error. */
KlyngeDb *klynge_test_open_db       (const char *path);
/* A new database in @dir holding the demo cluster; its id in @cluster_id. */
KlyngeDb *klynge_test_open_demo     (const char *dir,
                                     gint64     *cluster_id);
/* Fails the test unless SQLite's full integrity check of @handle is "ok". */
void      klynge_test_assert_integrity (sqlite3   *handle);
/* Copies tests/data/@name into @dir (mode 0600); returns the copy's path. */
char     *klynge_test_copy_data     (const char *name,
                                     const char *dir);
/* The path of a file in tests/data. */
char     *klynge_test_data_path     (const char *name);
/* One member of a zip file (a sheet of an XLSX, say), read with unzip -p. */
char     *klynge_test_unzip_member  (const char *zip,
                                     const char *member);

G_END_DECLS
