/* klynge-backup.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups live beside the database, in "<name>.backups/", one SQLite file per
 * backup named "YYYYMMDD-HHMMSS-<reason>.sqlite" (UTC), so a user who finds
 * the folder understands it and a sorted listing is a history. Copies are
 * made with SQLite's online backup API: they are consistent even while
 * another program writes, and include what is still in the WAL.
 */

#define G_LOG_DOMAIN "klynge-backup"

#include "klynge-i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "klynge-backup.h"
#include "klynge-format.h"

#define KLYNGE_APPLICATION_ID 0x4B4C594E
#define BACKUP_SUFFIX ".sqlite"
#define BUSY_TIMEOUT_MS 5000
#define LAST_BACKUP_RECORD "last-backup"
#define BUSY_RETRIES 50
#define BUSY_SLEEP_US 100000

struct _KlyngeBackup
{
  GObject    parent_instance;

  char      *path;
  GDateTime *created;
  gint64     n_clusters;
  gint64     n_members;
  gint64     n_meetings;
  gint64     n_ledger_entries;
  guint      readable : 1;
};

G_DEFINE_FINAL_TYPE (KlyngeBackup, klynge_backup, G_TYPE_OBJECT)

static void
klynge_backup_finalize (GObject *object)
{
  KlyngeBackup *self = (KlyngeBackup *)object;

  g_free (self->path);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (klynge_backup_parent_class)->finalize (object);
}

static void
klynge_backup_class_init (KlyngeBackupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = klynge_backup_finalize;
}

static void
klynge_backup_init (KlyngeBackup *self)
{
}

const char *
klynge_backup_get_path (KlyngeBackup *self)
{
  g_return_val_if_fail (KLYNGE_IS_BACKUP (self), NULL);
  return self->path;
}

/* Returns: (transfer none): when the backup was made. */
GDateTime *
klynge_backup_get_created (KlyngeBackup *self)
{
  g_return_val_if_fail (KLYNGE_IS_BACKUP (self), NULL);
  return self->created;
}

/* A backup that cannot be read (damaged since) is listed but not offered. */
gboolean
klynge_backup_get_readable (KlyngeBackup *self)
{
  g_return_val_if_fail (KLYNGE_IS_BACKUP (self), FALSE);
  return self->readable;
}

gint64
klynge_backup_get_n_clusters (KlyngeBackup *self)
{
  return self->n_clusters;
}

gint64
klynge_backup_get_n_members (KlyngeBackup *self)
{
  return self->n_members;
}

gint64
klynge_backup_get_n_meetings (KlyngeBackup *self)
{
  return self->n_meetings;
}

gint64
klynge_backup_get_n_ledger_entries (KlyngeBackup *self)
{
  return self->n_ledger_entries;
}

/**
 * klynge_backup_describe:
 *
 * Returns: (transfer full): what the backup holds, e.g. "1 cluster ·
 * 24 members · 12 meetings · 80 ledger entries", so the user can tell which
 * one to go back to.
 */
char *
klynge_backup_describe (KlyngeBackup *self)
{
  g_autofree char *clusters = NULL;
  g_autofree char *members = NULL;
  g_autofree char *meetings = NULL;
  g_autofree char *entries = NULL;
  g_autofree char *n_clusters = NULL;
  g_autofree char *n_members = NULL;
  g_autofree char *n_meetings = NULL;
  g_autofree char *n_entries = NULL;

  g_return_val_if_fail (KLYNGE_IS_BACKUP (self), NULL);

  if (!self->readable)
    return g_strdup (_("Damaged: cannot be restored"));

  n_clusters = klynge_format_integer (self->n_clusters);
  n_members = klynge_format_integer (self->n_members);
  n_meetings = klynge_format_integer (self->n_meetings);
  n_entries = klynge_format_integer (self->n_ledger_entries);
  clusters = g_strdup_printf (ngettext ("%s cluster", "%s clusters", (gulong)self->n_clusters), n_clusters);
  members = g_strdup_printf (ngettext ("%s member", "%s members", (gulong)self->n_members), n_members);
  meetings = g_strdup_printf (ngettext ("%s meeting", "%s meetings", (gulong)self->n_meetings), n_meetings);
  entries = g_strdup_printf (ngettext ("%s ledger entry", "%s ledger entries", (gulong)self->n_ledger_entries), n_entries);

  return g_strjoin (" · ", clusters, members, meetings, entries, NULL);
}

/* Returns: (transfer full): the creation time in the user's time zone and locale. */
char *
klynge_backup_format_created (KlyngeBackup *self)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (self->created);
  g_autofree char *iso = g_date_time_format (local, "%Y-%m-%dT%H:%M");

  return klynge_format_date_time (iso);
}

/**
 * klynge_backup_dir_for:
 *
 * Returns: (transfer full): the backup folder of the database at @db_path:
 * "cluster.sqlite" keeps its backups in "cluster.backups".
 */
char *
klynge_backup_dir_for (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot != NULL && dot != base)
    *dot = '\0';

  name = g_strconcat (base, ".backups", NULL);
  return g_build_filename (dir, name, NULL);
}

static GDateTime *
parse_backup_name (const char *name)
{
  int year, month, day, hour, minute, second;
  int consumed = 0;

  if (!g_str_has_suffix (name, BACKUP_SUFFIX))
    return NULL;

  if (sscanf (name, "%4d%2d%2d-%2d%2d%2d%n", &year, &month, &day, &hour, &minute, &second, &consumed) != 6 ||
      consumed != 15)
    return NULL;

  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

/* @format takes the file name, then the system's reason. */
static gboolean G_GNUC_PRINTF (3, 4)
set_io_error (GError     **error,
              int          saved_errno,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, KLYNGE_ERROR,
                       saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM ? KLYNGE_ERROR_READ_ONLY : KLYNGE_ERROR_IO,
                       message);
  return FALSE;
}

static gboolean
ensure_dir (const char  *dir,
            GError     **error)
{
  if (g_mkdir (dir, 0700) != 0 && errno != EEXIST)
    return set_io_error (error, errno, _("Could not create the backup folder “%s”: %s"), dir, g_strerror (errno));

  return TRUE;
}

static gboolean
stamp_taken (const char *dir,
             const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && name[strlen (prefix)] == '-')
      return TRUE;

  return FALSE;
}

/* A free name for a backup made now. A second backup within the same second
 * gets "~2", "~3"… after the time, which sorts after the first. */
static char *
new_backup_path (const char *dir,
                 const char *reason)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 1; ; n++)
    {
      g_autofree char *prefix = n == 1 ? g_strdup (stamp) : g_strdup_printf ("%s~%u", stamp, n);
      g_autofree char *name = NULL;

      if (stamp_taken (dir, prefix))
        continue;

      name = g_strdup_printf ("%s-%s%s", prefix, reason, BACKUP_SUFFIX);
      return g_build_filename (dir, name, NULL);
    }
}

static int
create_private (const char  *path,
                GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  if (fd < 0)
    set_io_error (error, errno, _("Could not write “%s”: %s"), path, g_strerror (errno));
  return fd;
}

/* Copies the database behind @src into a new file @dest (mode 0600), written
 * under a temporary name first so a crash never leaves a half backup that
 * looks complete. */
static gboolean
copy_database (sqlite3     *src,
               const char  *dest,
               GError     **error)
{
  /* The process's own temporary: two processes backing up in the same
   * second pick the same name, and one must not write into the other's. */
  g_autofree char *tmp = g_strdup_printf ("%s.tmp-%d", dest, (int) getpid ());
  sqlite3 *handle = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  fd = create_private (tmp, error);
  if (fd < 0)
    return FALSE;
  close (fd);

  rc = sqlite3_open_v2 (tmp, &handle, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    goto fail;

  backup = sqlite3_backup_init (handle, "main", src, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (handle);
      goto fail;
    }

  /* A writer elsewhere holds the lock only for one transaction: wait for it. */
  for (guint tries = 0; ; tries++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries >= BUSY_RETRIES)
        break;
      g_usleep (BUSY_SLEEP_US);
    }
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto fail;

  /* The copy is read on its own later: no WAL beside it. */
  rc = sqlite3_exec (handle, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto fail;

  sqlite3_close (handle);

  if (g_rename (tmp, dest) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      return set_io_error (error, saved_errno, _("Could not write “%s”: %s"), dest, g_strerror (saved_errno));
    }

  return TRUE;

fail:
  klynge_db_set_error_from_sqlite (error, NULL, rc);
  g_prefix_error (error, _("Could not make a backup in “%s”: "), dest);
  sqlite3_close (handle);
  g_unlink (tmp);
  return FALSE;
}

static gint64
count_rows (sqlite3    *handle,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result = -1;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    result = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  return result;
}

/* Reads a backup's counts; a file that fails SQLite's own check, or is not a
 * Klynge database of a version this build knows, is not readable. */
static void
inspect (KlyngeBackup *self)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (self->path, &handle, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (handle, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  ok = ok &&
       count_rows (handle, "PRAGMA application_id") == KLYNGE_APPLICATION_ID &&
       count_rows (handle, "PRAGMA user_version") <= KLYNGE_DB_SCHEMA_VERSION;

  if (ok)
    {
      self->n_clusters = count_rows (handle, "SELECT count(*) FROM cluster");
      self->n_members = count_rows (handle, "SELECT count(*) FROM member");
      self->n_meetings = count_rows (handle, "SELECT count(*) FROM meeting");
      self->n_ledger_entries = count_rows (handle, "SELECT count(*) FROM ledger_entry");
      ok = self->n_clusters >= 0 && self->n_members >= 0 &&
           self->n_meetings >= 0 && self->n_ledger_entries >= 0;
    }

  self->readable = ok;
  sqlite3_close (handle);
}

static KlyngeBackup *
backup_new (const char *path,
            GDateTime  *created)
{
  KlyngeBackup *self = g_object_new (KLYNGE_TYPE_BACKUP, NULL);

  self->path = g_strdup (path);
  self->created = g_date_time_ref (created);
  inspect (self);
  return self;
}

/* The UTC stamp leads the name, so name order is time order. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return strcmp (*(char * const *)b, *(char * const *)a);
}

/* The backup file names in @dir, newest first. */
static GPtrArray *
list_names (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autoptr(GDateTime) created = parse_backup_name (name);

      if (created != NULL)
        g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort (names, compare_newest_first);

  return names;
}

/* A backup cut short by a crash leaves its temporary file (and SQLite's
 * beside it); one not touched for an hour is not being written any more. */
static void
remove_stale_temporaries (const char *dir,
                          GDateTime  *now)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (strstr (name, BACKUP_SUFFIX ".tmp") == NULL)
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_stat (path, &st) == 0 && g_date_time_to_unix (now) - st.st_mtime > 3600)
        g_unlink (path);
    }
}

/**
 * klynge_backup_rotate:
 * @now: the time to count the year back from
 *
 * Deletes backups beyond the newest %KLYNGE_BACKUP_KEEP_LATEST, keeping the
 * newest of each month of the past year, and what crashed backups left.
 */
void
klynge_backup_rotate (const char *db_path,
                      GDateTime  *now)
{
  g_autofree char *dir = klynge_backup_dir_for (db_path);
  g_autoptr(GPtrArray) names = list_names (dir);
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) year_ago = g_date_time_add_months (now, -KLYNGE_BACKUP_KEEP_MONTHS);

  remove_stale_temporaries (dir, now);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      g_autoptr(GDateTime) created = parse_backup_name (name);
      g_autofree char *month = g_strndup (name, 6);
      gboolean keep = i < KLYNGE_BACKUP_KEEP_LATEST ||
                      (g_date_time_compare (created, year_ago) >= 0 &&
                       !g_hash_table_contains (months, month));

      if (keep)
        g_hash_table_add (months, g_steal_pointer (&month));
      else
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          /* Another process rotating at the same time may have been first. */
          if (g_unlink (path) != 0 && errno != ENOENT)
            g_warning ("Could not delete the old backup %s: %s", path, g_strerror (errno));
        }
    }
}

/**
 * klynge_backup_create:
 * @reason: a word for the file name ("opened", "before-update-to-2"…)
 *
 * Makes a consistent copy of @db in its backup folder, then rotates the
 * folder. @db must not be inside a transaction.
 *
 * Returns: (transfer full): the backup's path, or %NULL with @error set.
 */
char *
klynge_backup_create (KlyngeDb    *db,
                      const char  *reason,
                      GError     **error)
{
  const char *db_path = klynge_db_get_path (db);
  g_autofree char *dir = klynge_backup_dir_for (db_path);
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (!ensure_dir (dir, error))
    return NULL;

  path = new_backup_path (dir, reason);
  if (!copy_database (klynge_db_get_handle (db), path, error))
    return NULL;

  klynge_backup_rotate (db_path, now);
  return g_steal_pointer (&path);
}

/**
 * klynge_backup_create_if_changed:
 *
 * Like klynge_backup_create(), but only when the database changed since
 * the last backup made this way (and that backup is still there), so
 * opening the same file many times neither copies it each time nor pushes
 * the older, different backups out of the rotation. What the file was like
 * then is kept in LAST_BACKUP_RECORD in the backup folder.
 *
 * Returns: (transfer full) (nullable): the new backup's path; %NULL with
 * @error unset when nothing changed since the last backup.
 */
char *
klynge_backup_create_if_changed (KlyngeDb  *db,
                                 GError   **error)
{
  g_autofree char *dir = klynge_backup_dir_for (klynge_db_get_path (db));
  g_autofree char *record = g_build_filename (dir, LAST_BACKUP_RECORD, NULL);
  g_autofree char *state = klynge_db_dup_file_state (db);
  g_autofree char *last = NULL;
  g_autofree char *path = NULL;

  if (state != NULL && g_file_get_contents (record, &last, NULL, NULL))
    {
      char *name = strchr (last, '\n');
      g_autofree char *newest = NULL;

      if (name != NULL)
        {
          *name++ = '\0';
          newest = g_build_filename (dir, name, NULL);
          if (g_str_equal (last, state) && g_file_test (newest, G_FILE_TEST_IS_REGULAR))
            return NULL;
        }
    }

  path = klynge_backup_create (db, "opened", error);
  if (path != NULL && state != NULL)
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *contents = g_strconcat (state, "\n", name, NULL);

      g_file_set_contents_full (record, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
    }

  return g_steal_pointer (&path);
}

/**
 * klynge_backup_list:
 *
 * Returns: (transfer full): the #KlyngeBackup objects of the database at
 * @db_path, newest first; empty when it has none.
 */
GListModel *
klynge_backup_list (const char *db_path)
{
  g_autofree char *dir = klynge_backup_dir_for (db_path);
  g_autoptr(GPtrArray) names = list_names (dir);
  GListStore *store = g_list_store_new (KLYNGE_TYPE_BACKUP);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autoptr(GDateTime) created = parse_backup_name (names->pdata[i]);
      g_autoptr(KlyngeBackup) backup = backup_new (path, created);

      g_list_store_append (store, backup);
    }

  return G_LIST_MODEL (store);
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  char copy_buffer[65536];
  int in = g_open (from, O_RDONLY | O_CLOEXEC, 0);
  int out;
  gboolean ok = TRUE;
  gssize n;

  if (in < 0)
    return set_io_error (error, errno, _("Could not read “%s”: %s"), from, g_strerror (errno));

  out = create_private (to, error);
  if (out < 0)
    {
      close (in);
      return FALSE;
    }

  while (ok && (n = read (in, copy_buffer, sizeof copy_buffer)) != 0)
    {
      if (n < 0)
        ok = set_io_error (error, errno, _("Could not read “%s”: %s"), from, g_strerror (errno));
      else if (write (out, copy_buffer, n) != n)
        ok = set_io_error (error, errno, _("Could not write “%s”: %s"), to, g_strerror (errno));
    }

  if (ok && fsync (out) != 0)
    ok = set_io_error (error, errno, _("Could not write “%s”: %s"), to, g_strerror (errno));

  close (in);
  close (out);
  return ok;
}

/* A file SQLite cannot read any more is kept byte for byte (with its WAL)
 * before a restore replaces it, so nothing a rescue tool might still
 * recover is thrown away. No connection can be using such a file, so it is
 * copied and replaced by plain file operations. */
static gboolean
replace_damaged (const char    *db_path,
                 const char    *dir,
                 KlyngeBackup  *backup,
                 char         **saved,
                 GError       **error)
{
  g_autofree char *path = new_backup_path (dir, "damaged");
  g_autofree char *tmp = g_strconcat (db_path, ".restoring", NULL);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

  if (!copy_file (db_path, path, error))
    return FALSE;

  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *wal_copy = g_strconcat (path, "-wal", NULL);

      if (!copy_file (wal, wal_copy, error))
        return FALSE;
    }

  if (!copy_file (backup->path, tmp, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  /* A WAL left beside the restored file would be replayed into it. */
  g_unlink (wal);
  g_unlink (shm);
  if (g_rename (tmp, db_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      return set_io_error (error, saved_errno, _("Could not write “%s”: %s"), db_path, g_strerror (saved_errno));
    }

  *saved = g_steal_pointer (&path);
  return TRUE;
}

/* Keeps the database as it is now, read by a connection of its own: the
 * restore holds the write lock, so what is kept is exactly what the restore
 * replaces. */
static char *
save_current (const char  *db_path,
              const char  *dir,
              GError     **error)
{
  g_autofree char *path = new_backup_path (dir, "before-restore");
  sqlite3 *handle = NULL;
  gboolean copied = FALSE;
  int rc;

  rc = sqlite3_open_v2 (db_path, &handle, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    copied = copy_database (handle, path, error);
  else
    klynge_db_set_error_from_sqlite (error, handle, rc);
  sqlite3_close (handle);

  return copied ? g_steal_pointer (&path) : NULL;
}

/**
 * klynge_backup_restore:
 * @db_path: the database to go back
 * @backup: the backup to go back to
 * @safety_path: (out) (optional): where the replaced database was saved
 *
 * Copies @backup into the database through SQLite's online backup API, as
 * one transaction under SQLite's locks, after saving the current contents
 * into the backup folder, so a restore can itself be undone. Another
 * program writing at the same time either finishes first (its change is in
 * the saved copy) or waits and writes into the restored database; when it
 * holds the file too long, the restore fails with %KLYNGE_ERROR_BUSY and
 * changes nothing.
 */
gboolean
klynge_backup_restore (const char    *db_path,
                       KlyngeBackup  *backup,
                       char         **safety_path,
                       GError       **error)
{
  g_autofree char *dir = klynge_backup_dir_for (db_path);
  g_autofree char *saved = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  sqlite3 *dest = NULL;
  sqlite3 *src = NULL;
  sqlite3_backup *copy = NULL;
  int rc;

  g_return_val_if_fail (KLYNGE_IS_BACKUP (backup), FALSE);

  /* The file may have been damaged since it was listed. */
  inspect (backup);
  if (!backup->readable)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged and cannot be restored. Choose another one."),
                   backup->path);
      return FALSE;
    }

  if (!ensure_dir (dir, error))
    return FALSE;

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      int fd = create_private (db_path, error);

      if (fd < 0)
        return FALSE;
      close (fd);
    }

  rc = sqlite3_open_v2 (db_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (dest, BUSY_TIMEOUT_MS);
      rc = sqlite3_open_v2 (backup->path, &src, SQLITE_OPEN_READONLY, NULL);
    }
  if (rc == SQLITE_OK)
    {
      copy = sqlite3_backup_init (dest, "main", src, "main");
      rc = copy != NULL ? SQLITE_OK : sqlite3_errcode (dest);
    }

  /* The first page takes the write lock, which is then held to the end. */
  if (rc == SQLITE_OK)
    rc = sqlite3_backup_step (copy, 1);

  if (rc == SQLITE_OK || rc == SQLITE_DONE)
    {
      saved = save_current (db_path, dir, error);
      rc = saved != NULL ? sqlite3_backup_step (copy, -1) : SQLITE_ABORT;
    }

  if (copy != NULL)
    sqlite3_backup_finish (copy);
  if (rc != SQLITE_DONE && rc != SQLITE_ABORT)
    klynge_db_set_error_from_sqlite (error, dest, rc);
  sqlite3_close (src);
  sqlite3_close (dest);

  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    {
      g_clear_error (error);
      if (!replace_damaged (db_path, dir, backup, &saved, error))
        return FALSE;
    }
  else if (rc != SQLITE_DONE)
    {
      /* The saved copy is of a state that is still there. */
      if (saved != NULL)
        g_unlink (saved);
      return FALSE;
    }

  klynge_backup_rotate (db_path, now);

  if (safety_path != NULL)
    *safety_path = g_steal_pointer (&saved);
  return TRUE;
}
