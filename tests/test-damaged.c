/* test-damaged.c — databases that are damaged, read-only or in use
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case must end in a clear KlyngeError, never a crash, and leave the
 * file exactly as it was.
 */

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "klynge-backup.h"
#include "klynge-db.h"
#include "klynge-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = klynge_test_make_tmpdir ();
  f->path = klynge_test_copy_data ("schema-v1.sqlite", f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  klynge_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Opens @path expecting @code; the file must not change. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autofree char *before = klynge_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = klynge_db_open (path, KLYNGE_DB_OPEN_BACKUP, &error);

  g_assert_null (db);
  g_assert_error (error, KLYNGE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  after = klynge_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
overwrite (const char *path,
           goffset     offset,
           const char *bytes,
           gsize       len)
{
  int fd = g_open (path, O_WRONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, bytes, len, offset), ==, (gssize)len);
  close (fd);
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (truncate (f->path, st.st_size / 2), ==, 0);
  assert_refused (f->path, KLYNGE_ERROR_CORRUPT);
}

/* Garbage over the middle of the file, as a bad sector or a copy program
 * gone wrong would leave it. */
static void
test_corrupted (Fixture       *f,
                gconstpointer  data)
{
  char garbage[4096];
  GStatBuf st;

  memset (garbage, 0x5a, sizeof garbage);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  for (goffset offset = 4096; offset < st.st_size; offset += 3 * 4096)
    overwrite (f->path, offset + 100, garbage, 1000);
  assert_refused (f->path, KLYNGE_ERROR_CORRUPT);
}

static void
test_damaged_header (Fixture       *f,
                     gconstpointer  data)
{
  overwrite (f->path, 16, "\xff\xff\xff\xff\xff\xff\xff\xff", 8);
  assert_refused (f->path, KLYNGE_ERROR_NOT_A_DATABASE);
}

/* A file emptied by accident is not taken for a new database when it has
 * backups to go back to. */
static void
test_emptied_with_backups (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);
    g_autofree char *backup = klynge_backup_create (db, "test", &error);

    g_assert_no_error (error);
  }
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  assert_refused (f->path, KLYNGE_ERROR_CORRUPT);
}

/* A file marked read-only opens read-only, can be read, refuses changes
 * with a clear error and stays as it was. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  {
    /* As the app leaves it: in WAL mode. */
    g_autoptr(KlyngeDb) writable = klynge_test_open_db (f->path);
  }
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  before = klynge_test_file_checksum (f->path);

  db = klynge_db_open (f->path, KLYNGE_DB_OPEN_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (klynge_db_is_read_only (db));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM member", 0), ==, 25);

  g_assert_false (klynge_db_begin (db, &error) &&
                  klynge_db_exec (db, "UPDATE cluster SET notes = 'x'", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_READ_ONLY);
  g_clear_object (&db);

  after = klynge_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* Another program in the middle of a write: our write waits for it (busy
 * timeout), then gives up with a message saying why; once the other
 * program is done, writing works. */
static void
test_locked_write (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);
  sqlite3 *other;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; UPDATE cluster SET notes = 'other'", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (klynge_db_begin (db, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_clear_error (&error);

  /* Reading is never blocked by a writer. */
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM member", 0), ==, 25);

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  g_assert_true (klynge_db_begin (db, &error));
  g_assert_true (klynge_db_exec (db, "UPDATE cluster SET notes = 'ours'", &error));
  g_assert_true (klynge_db_commit (db, &error));
  g_assert_no_error (error);
}

/* A program holding the whole file exclusively: opening gives up cleanly. */
static void
test_locked_open (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = NULL;
  sqlite3 *other;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE cluster SET notes = 'other'", NULL, NULL, NULL), ==, SQLITE_OK);

  db = klynge_db_open (f->path, KLYNGE_DB_OPEN_BACKUP, &error);
  g_assert_null (db);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BUSY);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/damaged/truncated", test_truncated);
  ADD ("/damaged/corrupted", test_corrupted);
  ADD ("/damaged/damaged-header", test_damaged_header);
  ADD ("/damaged/emptied-with-backups", test_emptied_with_backups);
  ADD ("/damaged/read-only", test_read_only);
  ADD ("/damaged/locked-write", test_locked_write);
  ADD ("/damaged/locked-open", test_locked_open);
#undef ADD

  return g_test_run ();
}
