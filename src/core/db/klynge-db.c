/* klynge-db.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "klynge-db"

#include "klynge-i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "klynge-backup.h"
#include "klynge-db.h"
#include "klynge-db-statement.h"
#include "klynge-period.h"

/* "KLYN": lets us tell our own files from other SQLite databases. */
#define KLYNGE_APPLICATION_ID 0x4B4C594E
#define BUSY_TIMEOUT_MS 5000

struct _KlyngeDb
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *handle;
  GHashTable *statements;
  char       *file_id;
  guint       tx_depth;
  guint       read_only : 1;
  guint       network : 1;
  /* Why it is read-only, for klynge_db_dup_read_only_reason(). */
  enum {
    REASON_ASKED,
    REASON_MARKED,
    REASON_NO_PERMISSION,
    REASON_FOLDER,
    REASON_IN_USE,
  }           reason;
  /* A file on a network drive: the key of this process's claim to write
   * it (see claim_network_file()), or who holds it when another does. */
  char       *claim_id;
  char       *holder;
  /* Why the backup on opening could not be made, for the window to say. */
  GError     *backup_error;
  /* Rows written as bookkeeping, which an undo stack need not notice. */
  gint64      bookkeeping_changes;
};

G_DEFINE_FINAL_TYPE (KlyngeDb, klynge_db, G_TYPE_OBJECT)

/* The files this process has open through SQLite, as "device:inode" → how
 * many connections: what must never be opened by other means here. */
G_LOCK_DEFINE_STATIC (open_files);
static GHashTable *open_files;

static char *
dup_file_id (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, (guint64) st.st_dev, (guint64) st.st_ino);
}

static gboolean
is_open_file (const char *path)
{
  g_autofree char *id = dup_file_id (path);
  gboolean open;

  if (id == NULL)
    return FALSE;

  G_LOCK (open_files);
  open = open_files != NULL && g_hash_table_contains (open_files, id);
  G_UNLOCK (open_files);
  return open;
}

static void
register_open_file (KlyngeDb *self)
{
  self->file_id = dup_file_id (self->path);
  if (self->file_id == NULL)
    return;

  G_LOCK (open_files);
  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (open_files, g_strdup (self->file_id),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (open_files, self->file_id)) + 1));
  G_UNLOCK (open_files);
}

static void
unregister_open_file (KlyngeDb *self)
{
  guint n;

  if (self->file_id == NULL)
    return;

  G_LOCK (open_files);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (open_files, self->file_id));
  if (n > 1)
    g_hash_table_insert (open_files, g_strdup (self->file_id), GUINT_TO_POINTER (n - 1));
  else
    g_hash_table_remove (open_files, self->file_id);
  G_UNLOCK (open_files);
  g_clear_pointer (&self->file_id, g_free);
}

/* A file on a network drive is written from one computer at a time. The
 * computer that opens it first for writing holds a POSIX lock on a file
 * beside it, FILE.klynge-owner, which names the user and the computer;
 * another that finds it locked opens the database read-only and says who
 * has it. The lock dies with the process (also when it is killed), so the
 * next open can write. It is not a lock on the database itself: closing a
 * descriptor of the database would drop SQLite's locks (see
 * klynge_db_file_is_open()). SQLite's own locks cannot do it either: the
 * lock that keeps other writers out for a whole session (EXCLUSIVE
 * locking mode) keeps readers out too. Every connection of this process
 * shares one descriptor of the owner file, because closing any descriptor
 * of a file drops all of the process's locks on it. */
typedef struct
{
  char *path;
  int   fd;
  guint n;
} Claim;

G_LOCK_DEFINE_STATIC (claims);
static GHashTable *claims;   /* "device:inode" of the database → Claim */

static void
claim_free (gpointer data)
{
  Claim *claim = data;

  /* Removed while still locked: a process waiting on the old file finds
   * that it is no longer the one at the path, and tries again. */
  g_unlink (claim->path);
  close (claim->fd);
  g_free (claim->path);
  g_free (claim);
}

/* Who holds the file, as another computer wrote it: at most a line each
 * of user and computer name, with no control characters to reach a
 * terminal. */
static char *
read_holder (int fd)
{
  char buffer[256];
  ssize_t n = pread (fd, buffer, sizeof buffer - 1, 0);
  g_auto(GStrv) lines = NULL;

  if (n <= 0)
    return NULL;
  buffer[n] = '\0';
  for (ssize_t i = 0; i < n; i++)
    if ((guchar) buffer[i] < 0x20 && buffer[i] != '\n')
      buffer[i] = '?';
  lines = g_strsplit (buffer, "\n", 3);
  if (g_strv_length (lines) < 2 || !g_utf8_validate (lines[0], -1, NULL) || !g_utf8_validate (lines[1], -1, NULL) ||
      *lines[0] == '\0' || *lines[1] == '\0')
    return NULL;
  /* TRANSLATORS: a user name and a computer's name. */
  return g_strdup_printf (_("%s on %s"), lines[0], lines[1]);
}

/* Claims the right to write @self's file for this process. Returns %FALSE
 * when another process holds it, with self->holder set to who that is
 * (%NULL when unknown). A folder or file system without locks leaves only
 * SQLite's own to keep writers apart. */
static gboolean
claim_network_file (KlyngeDb *self)
{
  g_autofree char *id = dup_file_id (self->path);
  g_autofree char *owner_path = g_strconcat (self->path, ".klynge-owner", NULL);
  Claim *claim;

  if (id == NULL)
    return TRUE;

  G_LOCK (claims);
  if (claims == NULL)
    claims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, claim_free);
  if ((claim = g_hash_table_lookup (claims, id)) != NULL)
    {
      claim->n++;
      self->claim_id = g_steal_pointer (&id);
      G_UNLOCK (claims);
      return TRUE;
    }

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
      g_autofree char *who = NULL;
      GStatBuf at_path;
      struct stat opened;
      int fd = g_open (owner_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

      if (fd < 0)
        break;
      if (fcntl (fd, F_SETLK, &lock) != 0)
        {
          gboolean held = errno == EAGAIN || errno == EACCES;

          if (held)
            self->holder = read_holder (fd);
          close (fd);
          if (!held)
            break;
          G_UNLOCK (claims);
          return FALSE;
        }
      if (fstat (fd, &opened) != 0 || g_stat (owner_path, &at_path) != 0 ||
          opened.st_ino != at_path.st_ino || opened.st_dev != at_path.st_dev)
        {
          close (fd);
          continue;
        }

      who = g_strdup_printf ("%s\n%s\n", g_get_user_name (), g_get_host_name ());
      if (ftruncate (fd, 0) != 0 || pwrite (fd, who, strlen (who), 0) < 0)
        g_debug ("%s: %s", owner_path, g_strerror (errno));
      claim = g_new0 (Claim, 1);
      claim->path = g_steal_pointer (&owner_path);
      claim->fd = fd;
      claim->n = 1;
      g_hash_table_insert (claims, g_strdup (id), claim);
      self->claim_id = g_steal_pointer (&id);
      break;
    }
  G_UNLOCK (claims);
  return TRUE;
}

static void
release_network_file (KlyngeDb *self)
{
  Claim *claim;

  if (self->claim_id == NULL)
    return;

  G_LOCK (claims);
  claim = g_hash_table_lookup (claims, self->claim_id);
  if (claim != NULL && --claim->n == 0)
    g_hash_table_remove (claims, self->claim_id);
  G_UNLOCK (claims);
  g_clear_pointer (&self->claim_id, g_free);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
klynge_db_finalize (GObject *object)
{
  KlyngeDb *self = (KlyngeDb *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  unregister_open_file (self);
  release_network_file (self);
  g_free (self->holder);
  g_free (self->path);
  g_clear_error (&self->backup_error);

  G_OBJECT_CLASS (klynge_db_parent_class)->finalize (object);
}

static void
klynge_db_class_init (KlyngeDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = klynge_db_finalize;
}

static void
klynge_db_init (KlyngeDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/**
 * klynge_db_set_error_from_sqlite:
 *
 * Turns an SQLite result code into a #KlyngeError whose message a user can
 * act on. The technical detail stays in parentheses for support.
 *
 * Returns: %FALSE, so callers can `return klynge_db_set_error_from_sqlite (…)`.
 */
gboolean
klynge_db_set_error_from_sqlite (GError  **error,
                                 sqlite3  *handle,
                                 int       rc)
{
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);
  int extended = handle != NULL ? sqlite3_extended_errcode (handle) : rc;

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      switch (extended)
        {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT,
                       _("This would create a duplicate of an existing record (%s)."), detail);
          break;
        case SQLITE_CONSTRAINT_FOREIGNKEY:
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT,
                       _("The record is linked to other records that would be left behind (%s)."), detail);
          break;
        case SQLITE_CONSTRAINT_NOTNULL:
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT,
                       _("A required field is empty (%s)."), detail);
          break;
        case SQLITE_CONSTRAINT_TRIGGER:
          if (g_strcmp0 (detail, KLYNGE_DB_CLUSTER_ARCHIVED) == 0)
            {
              g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_READ_ONLY,
                                   _("The cluster is archived, so nothing in it can be changed. Unarchive it first: "
                                     "“Unarchive Cluster” in the Cluster area, or “klynge-cli clusters unarchive ID”."));
              break;
            }
          G_GNUC_FALLTHROUGH;
        default:
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT,
                       _("A value is not allowed here (%s)."), detail);
          break;
        }
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_BUSY,
                   _("The database is in use by another program and did not become free in time. Try again in a moment."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_READ_ONLY,
                   _("The database is read-only, so the change could not be saved."));
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CORRUPT,
                   _("The database file is damaged (%s). Restore it from a backup."), detail);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_A_DATABASE,
                   _("The file is not a Klynge database."));
      break;

    case SQLITE_FULL:
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO,
                   _("The disk is full, so the change could not be saved."));
      break;

    case SQLITE_INTERRUPT:
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CANCELLED,
                   _("The operation was cancelled; nothing was changed."));
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO,
                   _("The database file could not be read or written (%s)."), detail);
      break;

    default:
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_FAILED,
                   _("The database reported an error (%s)."), detail);
      break;
    }

  return FALSE;
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        return TRUE;

      g_set_error (error, KLYNGE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS ? KLYNGE_ERROR_READ_ONLY : KLYNGE_ERROR_IO,
                   _("Could not create the database “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* Refuses anything that is not an SQLite file before SQLite reads it as
 * one, so a wrongly chosen spreadsheet is never touched. The header is read
 * through the connection's own file: opening and closing another descriptor
 * of the file would drop every POSIX lock this process holds on it (a
 * worker's connection would drop the app's), and another program would then
 * take the live WAL for an abandoned one and delete it. */
static gboolean
check_file_header (KlyngeDb  *self,
                   gboolean  *is_empty,
                   GError   **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  sqlite3_file *file = NULL;
  sqlite3_int64 size = 0;
  int rc;

  *is_empty = FALSE;

  rc = sqlite3_file_control (self->handle, "main", SQLITE_FCNTL_FILE_POINTER, &file);
  if (rc == SQLITE_OK && (file == NULL || file->pMethods == NULL))
    rc = SQLITE_CANTOPEN;
  if (rc == SQLITE_OK)
    rc = file->pMethods->xFileSize (file, &size);
  if (rc != SQLITE_OK)
    return klynge_db_set_error_from_sqlite (error, NULL, rc);

  if (size == 0)
    {
      *is_empty = TRUE;
      return TRUE;
    }

  if (size < (sqlite3_int64) sizeof header ||
      file->pMethods->xRead (file, header, sizeof header, 0) != SQLITE_OK ||
      memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Klynge database."), self->path);
      return FALSE;
    }

  return TRUE;
}

static gint64
pragma_int (KlyngeDb   *self,
            const char *sql)
{
  gint64 result;

  return klynge_db_count (self, sql, 0, &result, NULL) ? result : -1;
}

static gboolean
check_identity (KlyngeDb  *self,
                GError   **error)
{
  gint64 version, app_id = -1, n_tables = -1;

  /* Stops at the first failure: each would wait out the busy timeout again. */
  if ((version = pragma_int (self, "PRAGMA user_version")) < 0 ||
      (app_id = pragma_int (self, "PRAGMA application_id")) < 0 ||
      (n_tables = pragma_int (self, "SELECT count(*) FROM sqlite_schema")) < 0)
    {
      int rc = sqlite3_errcode (self->handle);
      return klynge_db_set_error_from_sqlite (error, self->handle, rc != SQLITE_OK ? rc : SQLITE_NOTADB);
    }

  /* An empty database is ours to fill; any other SQLite file is foreign. */
  if (n_tables > 0 && app_id != KLYNGE_APPLICATION_ID)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite database of another program, not a Klynge database."), self->path);
      return FALSE;
    }

  if (version > KLYNGE_DB_SCHEMA_VERSION)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Klynge (format %d; this version reads up to %d). Update Klynge to open it; the file was not changed."),
                   self->path, (int)version, KLYNGE_DB_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* SQLite's own messages do not say which file; the user may have several. */
static void
name_file_in_error (GError     **error,
                    const char  *path)
{
  if (error != NULL && *error != NULL && strstr ((*error)->message, path) == NULL)
    g_prefix_error (error, _("Could not open “%s”: "), path);
}

static gboolean
has_backups (const char *path)
{
  g_autoptr(GListModel) backups = klynge_backup_list (path);

  return g_list_model_get_n_items (backups) > 0;
}

static gboolean
is_marked_writable (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && (st.st_mode & S_IWUSR) != 0;
}

/* SQLite reads pages lazily, so damage would otherwise surface only when a
 * view touches the broken page, in the middle of the user's work. Checking
 * every page's structure costs milliseconds for a cluster's database. */
static gboolean
check_integrity (KlyngeDb  *self,
                 GError   **error)
{
  sqlite3_stmt *stmt = klynge_db_prepare (self, "PRAGMA quick_check(1)", error);
  gboolean ok;
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = klynge_db_step (self, stmt, error);
  if (rc < 0)
    return FALSE;

  ok = rc == SQLITE_ROW && g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_reset (stmt);

  if (!ok)
    g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CORRUPT,
                 _("The database “%s” is damaged and cannot be opened safely. Restore it from a backup."),
                 self->path);
  return ok;
}

/* Where the state of the file at its last clean check is kept: in the
 * cache, since losing it only costs one more check. */
static char *
checked_record_path (KlyngeDb *self)
{
  g_autofree char *name = g_strdelimit (g_strdup (self->file_id), ":", '-');

  return g_build_filename (g_get_user_cache_dir (), "klynge", "checked", name, NULL);
}

/* A file that has not changed since it last passed the check passes it
 * again: checking every page costs time proportional to the file. */
static gboolean
check_integrity_if_changed (KlyngeDb  *self,
                            GError   **error)
{
  g_autofree char *state = klynge_db_dup_file_state (self);
  g_autofree char *record = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *last = NULL;

  if (state == NULL || self->file_id == NULL)
    return check_integrity (self, error);

  record = checked_record_path (self);
  if (g_file_get_contents (record, &last, NULL, NULL) && g_str_equal (last, state))
    return TRUE;

  if (!check_integrity (self, error))
    return FALSE;

  folder = g_path_get_dirname (record);
  if (g_mkdir_with_parents (folder, 0700) == 0)
    g_file_set_contents_full (record, state, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
  return TRUE;
}

/* File systems whose files other computers reach: the magic numbers of
 * statfs(2) for NFS, SMB/CIFS (both generations), FUSE (sshfs, Google
 * Drive, rclone…), AFS, Coda, 9P and Ceph. */
static gboolean
is_network_file_system (const char *path)
{
  static const guint32 network_types[] = {
    0x6969,      /* NFS */
    0x517B,      /* SMB */
    0xFF534D42,  /* CIFS */
    0xFE534D42,  /* SMB2 */
    0x65735546,  /* FUSE */
    0x5346414F,  /* AFS */
    0x73757245,  /* Coda */
    0x01021997,  /* 9P */
    0x00C36400,  /* Ceph */
  };
  /* Tests stand in for a network mount, which they cannot make. */
  const char *stub = g_getenv ("KLYNGE_TEST_FS_TYPE");
  struct statfs st;
  guint32 type;

  if (stub != NULL)
    type = (guint32) g_ascii_strtoull (stub, NULL, 16);
  else if (statfs (path, &st) == 0)
    type = (guint32) st.f_type;
  else
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (network_types); i++)
    if (type == network_types[i])
      return TRUE;
  return FALSE;
}

/* WAL keeps its index in memory shared through the -shm file, which only
 * works between processes of one computer: two PCs writing a file on a
 * network drive through WAL corrupt it. There the rollback journal is used
 * (a writer locks the file itself, so the other PC waits until the write is
 * over), with every commit synced, as SQLite advises for that mode. The
 * locking mode stays NORMAL: in EXCLUSIVE mode the first write's lock is
 * kept until the file is closed, and a second PC could not even read it.
 * Writers of different PCs are kept apart for a whole session by
 * claim_network_file() instead. */
static gboolean
set_journal_mode (KlyngeDb  *self,
                  GError   **error)
{
  if (!self->network)
    return klynge_db_exec (self, "PRAGMA journal_mode = WAL", error) &&
           klynge_db_exec (self, "PRAGMA synchronous = NORMAL", error);

  return klynge_db_exec (self, "PRAGMA locking_mode = NORMAL", error) &&
         klynge_db_exec (self, "PRAGMA journal_mode = DELETE", error) &&
         klynge_db_exec (self, "PRAGMA synchronous = FULL", error);
}

/**
 * klynge_db_open:
 * @path: the database file; created (mode 0600) when it does not exist
 * @flags: #KlyngeDbOpenFlags; %KLYNGE_DB_OPEN_BACKUP keeps a backup of the
 *   file as it was opened (see klynge-backup.c)
 * @error: a location for a #KlyngeError
 *
 * Opens a Klynge database and brings its schema up to date, backing it up
 * first. A file that
 * cannot be written is opened read-only (see klynge_db_is_read_only()).
 *
 * Returns: (transfer full): the database, or %NULL with @error set.
 */
KlyngeDb *
klynge_db_open (const char         *path,
                KlyngeDbOpenFlags   flags,
                GError            **error)
{
  g_autoptr(KlyngeDb) self = NULL;
  g_autofree char *dir = NULL;
  gboolean read_only = (flags & KLYNGE_DB_OPEN_READ_ONLY) != 0;
  gboolean is_empty;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO,
                   _("The folder “%s” does not exist."), dir);
      return NULL;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (read_only)
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND,
                       _("The database “%s” does not exist."), path);
          return NULL;
        }
      if (!create_private_file (path, error))
        return NULL;
    }
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a folder, not a Klynge database."), path);
      return NULL;
    }

  self = g_object_new (KLYNGE_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->reason = REASON_ASKED;

  /* A file marked read-only stays so even for an administrator, whom
   * access() would let write anyway. SQLite keeps its journal beside the
   * file, so the folder must be writable too. */
  if (!read_only)
    {
      if (!is_marked_writable (path))
        self->reason = REASON_MARKED;
      else if (access (path, W_OK) != 0)
        self->reason = REASON_NO_PERMISSION;
      else if (access (dir, W_OK) != 0)
        self->reason = REASON_FOLDER;
      read_only = self->reason != REASON_ASKED;
    }
  self->network = is_network_file_system (path);
  if (!read_only && self->network && !claim_network_file (self))
    {
      self->reason = REASON_IN_USE;
      read_only = TRUE;
    }
  self->read_only = read_only;

  open_flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
  rc = sqlite3_open_v2 (path, &self->handle, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      klynge_db_set_error_from_sqlite (error, self->handle, rc);
      name_file_in_error (error, path);
      return NULL;
    }

  register_open_file (self);

  if (!check_file_header (self, &is_empty, error))
    {
      name_file_in_error (error, path);
      return NULL;
    }

  /* An existing database that lost all its bytes is not a new one: filling
   * it would hide the loss. Its backups are what the user needs. */
  if (is_empty && has_backups (path))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CORRUPT,
                   _("The database “%s” is empty, but it has backups. Restore it from a backup."), path);
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
  /* "ORDER BY period COLLATE klynge_period" orders periods by time. */
  sqlite3_create_collation (self->handle, "klynge_period", SQLITE_UTF8, NULL, klynge_period_collate);

  if (!check_identity (self, error) || !check_integrity_if_changed (self, error))
    {
      name_file_in_error (error, path);
      return NULL;
    }

  if (!klynge_db_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (read_only)
    {
      if (klynge_db_get_schema_version (self) != KLYNGE_DB_SCHEMA_VERSION)
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_READ_ONLY,
                       _("“%s” is read-only and was saved by an older version of Klynge, so it cannot be updated."), path);
          return NULL;
        }
      return g_steal_pointer (&self);
    }

  if (!set_journal_mode (self, error))
    return NULL;

  /* A migration makes its own backup first; otherwise the file as it was
   * opened is kept. Opening still works when the backup cannot be made, but
   * the user must hear of it: a warning on stderr reaches nobody. */
  if ((flags & KLYNGE_DB_OPEN_BACKUP) != 0 &&
      klynge_db_get_schema_version (self) == KLYNGE_DB_SCHEMA_VERSION)
    {
      g_autofree char *backup = klynge_backup_create_if_changed (self, &self->backup_error);
    }

  if (!_klynge_db_migrate (self, error) || !_klynge_db_guard_archived_clusters (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * klynge_db_get_backup_error:
 *
 * Returns: (nullable): why opening with %KLYNGE_DB_OPEN_BACKUP made no
 *   backup though the file had changed since the last one, or %NULL
 */
const GError *
klynge_db_get_backup_error (KlyngeDb *self)
{
  g_return_val_if_fail (KLYNGE_IS_DB (self), NULL);
  return self->backup_error;
}

/**
 * klynge_db_dup_file_state:
 *
 * Describes the database file as it is now, without reading its pages:
 * its identity, size and modification time, its WAL's size and modification
 * time, and SQLite's file change counter (which a network file system's
 * coarse times may miss). Two equal states mean the contents did not
 * change in between.
 *
 * Returns: (transfer full) (nullable): the state, or %NULL when the file
 *   cannot be examined
 */
char *
klynge_db_dup_file_state (KlyngeDb *self)
{
  g_autofree char *wal = NULL;
  sqlite3_file *file = NULL;
  guchar counter[4] = { 0 };
  struct stat st, wal_st = { 0 };

  g_return_val_if_fail (KLYNGE_IS_DB (self), NULL);

  if (g_stat (self->path, (GStatBuf *) &st) != 0 ||
      sqlite3_file_control (self->handle, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == NULL || file->pMethods == NULL ||
      file->pMethods->xRead (file, counter, sizeof counter, 24) != SQLITE_OK)
    return NULL;

  /* An empty WAL is what opening creates and closing removes. */
  wal = g_strconcat (self->path, "-wal", NULL);
  if (g_stat (wal, (GStatBuf *) &wal_st) != 0 || wal_st.st_size == 0)
    memset (&wal_st, 0, sizeof wal_st);

  return g_strdup_printf ("%ju %ju %jd %jd.%09ld %jd %jd.%09ld %02x%02x%02x%02x",
                          (uintmax_t) st.st_dev, (uintmax_t) st.st_ino, (intmax_t) st.st_size,
                          (intmax_t) st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                          (intmax_t) wal_st.st_size, (intmax_t) wal_st.st_mtim.tv_sec, wal_st.st_mtim.tv_nsec,
                          counter[0], counter[1], counter[2], counter[3]);
}

/**
 * klynge_db_file_is_open:
 * @path: any file
 *
 * Tells whether @path is a database this process has open, or one of the
 * working files SQLite keeps beside it. Writing or even reading such a file
 * by other means than SQLite would drop the process's locks on it.
 *
 * Returns: %TRUE when @path must be left to SQLite
 */
gboolean
klynge_db_file_is_open (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  g_return_val_if_fail (path != NULL, FALSE);

  if (is_open_file (path))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (path, suffixes[i]))
      {
        g_autofree char *db_path = g_strndup (path, strlen (path) - strlen (suffixes[i]));

        return is_open_file (db_path);
      }

  return FALSE;
}

/**
 * klynge_db_dup_read_only_reason:
 *
 * Returns: (transfer full) (nullable): why the database was opened
 *   read-only, in a sentence for the user, or %NULL if it was not
 */
char *
klynge_db_dup_read_only_reason (KlyngeDb *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (KLYNGE_IS_DB (self), NULL);

  if (!self->read_only)
    return NULL;

  name = g_filename_display_basename (self->path);
  switch (self->reason)
    {
    case REASON_MARKED:
      return g_strdup_printf (_("The file “%s” is marked read-only."), name);
    case REASON_NO_PERMISSION:
      return g_strdup_printf (_("You do not have permission to change the file “%s”."), name);
    case REASON_FOLDER:
      return g_strdup_printf (_("The folder of “%s” cannot be written to, and the database needs to keep its working files beside it."), name);
    case REASON_IN_USE:
      if (self->holder != NULL)
        return g_strdup_printf (_("The file “%s” is on a network drive and is open for changes by %s: one person at a time. Open it again once it is closed there to make changes."),
                                name, self->holder);
      return g_strdup_printf (_("The file “%s” is on a network drive and is open for changes on another computer: one person at a time. Open it again once it is closed there to make changes."),
                              name);
    case REASON_ASKED:
    default:
      return g_strdup_printf (_("The file “%s” was opened for reading only."), name);
    }
}

/**
 * klynge_db_is_on_network_drive:
 *
 * Returns: whether the file is on a network drive, where it is kept in
 * rollback-journal mode; see klynge_db_dup_network_notice()
 */
gboolean
klynge_db_is_on_network_drive (KlyngeDb *self)
{
  g_return_val_if_fail (KLYNGE_IS_DB (self), FALSE);
  return self->network;
}

/**
 * klynge_db_dup_network_notice:
 *
 * Returns: (transfer full) (nullable): what to tell the user about a file
 *   on a network drive, or %NULL for a local file
 */
char *
klynge_db_dup_network_notice (KlyngeDb *self)
{
  g_return_val_if_fail (KLYNGE_IS_DB (self), NULL);

  if (!self->network)
    return NULL;
  return g_strdup (_("This file is on a network drive: one person at a time. While one computer saves a change, the others wait."));
}

const char *
klynge_db_get_path (KlyngeDb *self)
{
  g_return_val_if_fail (KLYNGE_IS_DB (self), NULL);
  return self->path;
}

/**
 * klynge_db_get_handle:
 *
 * Returns: (transfer none): the connection, for modules of src/core only.
 */
sqlite3 *
klynge_db_get_handle (KlyngeDb *self)
{
  g_return_val_if_fail (KLYNGE_IS_DB (self), NULL);
  return self->handle;
}

/**
 * klynge_db_get_changes:
 *
 * Returns: how many rows the connection has changed, less those written as
 *   bookkeeping: what an undo stack compares to tell whether anything else
 *   wrote since its last entry
 */
gint64
klynge_db_get_changes (KlyngeDb *self)
{
  g_return_val_if_fail (KLYNGE_IS_DB (self), 0);
  return sqlite3_total_changes64 (self->handle) - self->bookkeeping_changes;
}

/**
 * klynge_db_add_bookkeeping:
 * @changes: how many rows a committed write just changed
 *
 * Marks a write as bookkeeping (the letters a chart deals): it only adds
 * rows no undo puts back or takes away, so what was undoable stays so.
 */
void
klynge_db_add_bookkeeping (KlyngeDb *self,
                           gint64    changes)
{
  g_return_if_fail (KLYNGE_IS_DB (self));
  self->bookkeeping_changes += changes;
}

gboolean
klynge_db_is_read_only (KlyngeDb *self)
{
  g_return_val_if_fail (KLYNGE_IS_DB (self), TRUE);
  return self->read_only;
}

int
klynge_db_get_schema_version (KlyngeDb *self)
{
  return (int)pragma_int (self, "PRAGMA user_version");
}

/**
 * klynge_db_prepare:
 * @sql: a statement with `?NNN` parameters; never built from user text
 *
 * Returns a cached prepared statement, reset and with its bindings cleared.
 * The statement belongs to @self: do not finalize it, and finish with it
 * before preparing the same SQL again.
 *
 * Returns: (transfer none): the statement, or %NULL with @error set.
 */
sqlite3_stmt *
klynge_db_prepare (KlyngeDb    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KLYNGE_IS_DB (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      klynge_db_set_error_from_sqlite (error, self->handle, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * klynge_db_step:
 *
 * Returns: %SQLITE_ROW, %SQLITE_DONE, or -1 with @error set.
 */
int
klynge_db_step (KlyngeDb      *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  klynge_db_set_error_from_sqlite (error, self->handle, rc);
  sqlite3_reset (stmt);
  return -1;
}

gboolean
klynge_db_step_done (KlyngeDb      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = klynge_db_step (self, stmt, error);

  if (rc < 0)
    return FALSE;

  sqlite3_reset (stmt);
  return TRUE;
}

/* For fixed SQL without parameters: pragmas, DDL and transaction control. */
gboolean
klynge_db_exec (KlyngeDb    *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return klynge_db_set_error_from_sqlite (error, self->handle, rc);

  return TRUE;
}

gint64
klynge_db_last_insert_id (KlyngeDb *self)
{
  return sqlite3_last_insert_rowid (self->handle);
}

/**
 * klynge_db_count:
 * @sql: a query returning one integer, with at most one parameter `?1`
 * @bind_id: the value bound to `?1`, if the query has it
 * @value: (out): the integer; 0 when the query has no row or returns SQL NULL
 *
 * Returns: %FALSE with @error set when the query failed
 */
gboolean
klynge_db_count (KlyngeDb    *self,
                 const char  *sql,
                 gint64       bind_id,
                 gint64      *value,
                 GError     **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (self, sql);

  *value = 0;
  if (klynge_db_statement_get_n_parameters (stmt) > 0)
    klynge_db_statement_bind_int64 (stmt, 1, bind_id);
  return klynge_db_statement_get_int64 (stmt, value, error);
}

/**
 * klynge_db_begin:
 *
 * Starts the transaction of one user action. Calls nest: an inner
 * begin/commit pair becomes a savepoint, so a core function that owns a
 * transaction can also be part of a larger one.
 */
gboolean
klynge_db_begin (KlyngeDb  *self,
                 GError   **error)
{
  g_autofree char *sql = NULL;

  if (self->tx_depth == 0)
    {
      if (!klynge_db_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
    }
  else
    {
      sql = g_strdup_printf ("SAVEPOINT klynge_%u", self->tx_depth);
      if (!klynge_db_exec (self, sql, error))
        return FALSE;
    }

  self->tx_depth++;
  return TRUE;
}

/* A file deleted or renamed while open still takes the writes, into an
 * inode nobody will ever open again: saving there would report a change as
 * saved that is lost when the connection closes. */
static gboolean
check_not_moved (KlyngeDb  *self,
                 GError   **error)
{
  int moved = 0;

  if (sqlite3_file_control (self->handle, "main", SQLITE_FCNTL_HAS_MOVED, &moved) != SQLITE_OK || !moved)
    return TRUE;

  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO,
               _("The database file “%s” was moved or deleted while it was open, so the change was not saved."),
               self->path);
  return FALSE;
}

/**
 * klynge_db_commit:
 *
 * Ends the transaction of klynge_db_begin(). When it fails, the transaction
 * is still open and its owner, the caller of klynge_db_begin(), rolls it
 * back with klynge_db_rollback(), exactly as after any other failure.
 */
gboolean
klynge_db_commit (KlyngeDb  *self,
                  GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (self->tx_depth == 1)
    {
      if (!check_not_moved (self, error) || !klynge_db_exec (self, "COMMIT", error))
        return FALSE;
    }
  else
    {
      sql = g_strdup_printf ("RELEASE klynge_%u", self->tx_depth - 1);
      if (!klynge_db_exec (self, sql, error))
        return FALSE;
    }

  self->tx_depth--;
  return TRUE;
}

void
klynge_db_rollback (KlyngeDb *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (self->tx_depth > 0);

  self->tx_depth--;

  if (self->tx_depth == 0)
    {
      if (sqlite3_get_autocommit (self->handle) == 0)
        sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
      return;
    }

  sql = g_strdup_printf ("ROLLBACK TO klynge_%u; RELEASE klynge_%u",
                         self->tx_depth, self->tx_depth);
  sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
}

/**
 * klynge_db_commit_or_rollback:
 *
 * Commits, or rolls back when the commit fails: the last step of an owner
 * of a transaction that has nothing else to undo.
 */
gboolean
klynge_db_commit_or_rollback (KlyngeDb  *self,
                              GError   **error)
{
  if (klynge_db_commit (self, error))
    return TRUE;

  klynge_db_rollback (self);
  return FALSE;
}

/* Returns: (transfer full): the text of @column as a new string, "" for SQL NULL
 * (for fields a view shows as they are). */
char *
klynge_db_column_dup_text (sqlite3_stmt *stmt,
                           int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

/* Returns: (transfer full) (nullable): the text of @column, %NULL for SQL NULL
 * (for optional fields where "none" differs from empty). */
char *
klynge_db_column_dup_nullable (sqlite3_stmt *stmt,
                               int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}
