/* test-backup.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <utime.h>

#include "klynge-backup.h"
#include "klynge-demo.h"
#include "klynge-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
  char *backups;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KlyngeDb) db = NULL;

  f->dir = klynge_test_make_tmpdir ();
  db = klynge_test_open_demo (f->dir, NULL);
  f->path = g_strdup (klynge_db_get_path (db));
  f->backups = g_build_filename (f->dir, "demo.backups", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  klynge_test_remove_tree (f->dir);
  g_free (f->backups);
  g_free (f->path);
  g_free (f->dir);
}

static KlyngeBackup *
only_backup (GListModel *list)
{
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  return g_list_model_get_item (list, 0);
}

static gint64
count_members (const char *path)
{
  g_autoptr(KlyngeDb) db = klynge_test_open_db (path);

  return klynge_test_count (db, "SELECT count(*) FROM member", 0);
}

static void
test_dir_name (void)
{
  g_autofree char *a = klynge_backup_dir_for ("/home/x/Cluster.sqlite");
  g_autofree char *b = klynge_backup_dir_for ("/home/x/cluster");
  g_autofree char *c = klynge_backup_dir_for ("/home/x/.hidden");

  g_assert_cmpstr (a, ==, "/home/x/Cluster.backups");
  g_assert_cmpstr (b, ==, "/home/x/cluster.backups");
  g_assert_cmpstr (c, ==, "/home/x/.hidden.backups");
}

/* The copy holds everything committed, also what is still only in the WAL,
 * is private, and is listed with its counts. */
static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(KlyngeBackup) backup = NULL;
  g_autofree char *description = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  gint64 members = klynge_test_count (db, "SELECT count(*) FROM member", 0);
  GStatBuf st;

  g_assert_true (klynge_db_exec (db, "DELETE FROM member_role; DELETE FROM member WHERE id = (SELECT max(id) FROM member)", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  path = klynge_backup_create (db, "test", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (path, f->backups));
  g_assert_true (g_str_has_suffix (path, "-test.sqlite"));
  klynge_test_assert_private_file (path);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (f->backups, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  list = klynge_backup_list (f->path);
  backup = only_backup (list);
  g_assert_cmpstr (klynge_backup_get_path (backup), ==, path);
  g_assert_true (klynge_backup_get_readable (backup));
  g_assert_cmpint (klynge_backup_get_n_clusters (backup), ==, 1);
  g_assert_cmpint (klynge_backup_get_n_members (backup), ==, members - 1);
  g_assert_cmpint (klynge_backup_get_n_meetings (backup), >, 0);
  g_assert_cmpint (klynge_backup_get_n_ledger_entries (backup), >, 0);
  description = klynge_backup_describe (backup);
  g_assert_nonnull (strstr (description, "1 cluster ·"));

  /* The backup stands alone: no WAL beside it. */
  g_assert_cmpint (count_members (path), ==, members - 1);
}

/* Opening the same unchanged file again and again keeps one backup, so the
 * rotation does not drop older, different states. */
static void
test_open_backs_up_changes_only (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(KlyngeDb) db = klynge_db_open (f->path, KLYNGE_DB_OPEN_BACKUP, &error);

      g_assert_no_error (error);
    }
  list = klynge_backup_list (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);

  {
    g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);

    g_assert_true (klynge_db_exec (db, "UPDATE cluster SET notes = 'changed'", &error));
  }
  {
    g_autoptr(KlyngeDb) db = klynge_db_open (f->path, KLYNGE_DB_OPEN_BACKUP, &error);

    g_assert_no_error (error);
  }
  list = klynge_backup_list (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  /* A plain open (klynge-cli) makes none. */
  {
    g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);

    g_assert_true (klynge_db_exec (db, "UPDATE cluster SET notes = 'again'", &error));
  }
  g_clear_object (&list);
  list = klynge_backup_list (f->path);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
}

static void
touch_backup (const char *dir,
              GDateTime  *when)
{
  g_autofree char *stamp = g_date_time_format (when, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("%s-opened.sqlite", stamp);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

/* Keeps the newest ten, then the newest of each month of the past year. */
/* A backup that cannot be made does not stop the file from opening: the
 * reason is kept for the window to tell (a warning would reach nobody). */
static void
test_open_keeps_backup_error (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = NULL;

  /* A file where the backup folder should be. */
  g_assert_true (g_file_set_contents (f->backups, "", 0, NULL));
  db = klynge_db_open (f->path, KLYNGE_DB_OPEN_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_nonnull (klynge_db_get_backup_error (db));
  g_assert_nonnull (strstr (klynge_db_get_backup_error (db)->message, "demo.backups"));
  g_clear_object (&db);

  db = klynge_test_open_db (f->path);
  g_assert_null (klynge_db_get_backup_error (db));
}

static void
test_rotate (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 24, 12, 0, 0);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpint (g_mkdir (f->backups, 0700), ==, 0);

  /* Twenty today (an hour apart), then two a month for two years back. */
  for (int i = 0; i < 20; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (now, -i);
      touch_backup (f->backups, when);
    }
  for (int m = 1; m <= 24; m++)
    for (int d = 0; d < 2; d++)
      {
        g_autoptr(GDateTime) month = g_date_time_add_months (now, -m);
        g_autoptr(GDateTime) when = g_date_time_add_days (month, -d * 7);
        touch_backup (f->backups, when);
      }

  /* What a backup cut short by a crash left, an hour before and just now. */
  {
    g_autofree char *stale = g_build_filename (f->backups, "20261124-100000-opened.sqlite.tmp", NULL);
    g_autofree char *fresh = g_build_filename (f->backups, "20261124-115959-opened.sqlite.tmp", NULL);
    struct utimbuf old_times = { g_date_time_to_unix (now) - 7200, g_date_time_to_unix (now) - 7200 };
    struct utimbuf new_times = { g_date_time_to_unix (now), g_date_time_to_unix (now) };

    g_assert_true (g_file_set_contents (stale, "", 0, NULL));
    g_assert_true (g_file_set_contents (fresh, "", 0, NULL));
    g_assert_cmpint (g_utime (stale, &old_times), ==, 0);
    g_assert_cmpint (g_utime (fresh, &new_times), ==, 0);

    klynge_backup_rotate (f->path, now);

    g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  }

  list = klynge_backup_list (f->path);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KlyngeBackup) backup = g_list_model_get_item (list, i);
      GDateTime *created = klynge_backup_get_created (backup);

      g_hash_table_add (kept, g_date_time_format (created, "%Y%m%d-%H%M%S"));
    }

  /* 10 newest (all today) + 12 months back, one each. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 10 + 12);
  g_assert_true (g_hash_table_contains (kept, "20261124-120000"));
  g_assert_true (g_hash_table_contains (kept, "20261124-030000"));
  g_assert_false (g_hash_table_contains (kept, "20261124-020000"));
  /* The newer of a month's two stays. */
  g_assert_true (g_hash_table_contains (kept, "20261024-120000"));
  g_assert_false (g_hash_table_contains (kept, "20261017-120000"));
  g_assert_true (g_hash_table_contains (kept, "20251124-120000"));
  g_assert_false (g_hash_table_contains (kept, "20251024-120000"));
}

/* Restore brings back the old state and keeps the replaced one. */
static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(KlyngeBackup) backup = NULL;
  g_autofree char *safety = NULL;
  gint64 members = count_members (f->path);

  {
    g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);
    g_autofree char *path = klynge_backup_create (db, "test", &error);

    g_assert_no_error (error);
    /* A change that stays in the WAL: restore must not replay it. */
    g_assert_true (klynge_db_exec (db, "DELETE FROM member_role; DELETE FROM attendance; DELETE FROM meeting_speaker; DELETE FROM invitation; DELETE FROM member", &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (count_members (f->path), ==, 0);

  list = klynge_backup_list (f->path);
  backup = only_backup (list);
  g_assert_true (klynge_backup_restore (f->path, backup, &safety, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_members (f->path), ==, members);
  g_assert_nonnull (safety);
  g_assert_true (g_str_has_suffix (safety, "-before-restore.sqlite"));
  g_assert_cmpint (count_members (safety), ==, 0);
}

/* A file SQLite cannot read is kept byte for byte before it is replaced. */
static void
test_restore_over_damaged (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(KlyngeBackup) backup = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *damaged_sum = NULL;
  g_autofree char *safety_sum = NULL;
  gint64 members = count_members (f->path);

  {
    g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);
    g_autofree char *path = klynge_backup_create (db, "test", &error);

    g_assert_no_error (error);
  }
  g_assert_true (g_file_set_contents (f->path, "SQLite format 3\0garbage garbage garbage", 40, NULL));
  damaged_sum = klynge_test_file_checksum (f->path);

  list = klynge_backup_list (f->path);
  backup = only_backup (list);
  g_assert_true (klynge_backup_restore (f->path, backup, &safety, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_members (f->path), ==, members);
  g_assert_true (g_str_has_suffix (safety, "-damaged.sqlite"));
  safety_sum = klynge_test_file_checksum (safety);
  g_assert_cmpstr (safety_sum, ==, damaged_sum);
}

/* A damaged backup is listed as such and refused; the database is untouched. */
static void
test_restore_damaged_backup (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(KlyngeBackup) backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;

  {
    g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);

    path = klynge_backup_create (db, "test", &error);
    g_assert_no_error (error);
  }
  g_assert_true (g_file_set_contents (path, "SQLite format 3\0garbage", 24, NULL));
  before = klynge_test_file_checksum (f->path);

  list = klynge_backup_list (f->path);
  backup = only_backup (list);
  g_assert_false (klynge_backup_get_readable (backup));
  g_assert_false (klynge_backup_restore (f->path, backup, NULL, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CORRUPT);

  after = klynge_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  g_test_add_func ("/backup/dir-name", test_dir_name);
  ADD ("/backup/create", test_create);
  ADD ("/backup/open-backs-up-changes-only", test_open_backs_up_changes_only);
  ADD ("/backup/open-keeps-backup-error", test_open_keeps_backup_error);
  ADD ("/backup/rotate", test_rotate);
  ADD ("/backup/restore", test_restore);
  ADD ("/backup/restore-over-damaged", test_restore_over_damaged);
  ADD ("/backup/restore-damaged-backup", test_restore_damaged_backup);
#undef ADD

  return g_test_run ();
}
