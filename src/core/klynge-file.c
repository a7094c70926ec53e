/* klynge-file.c — files Klynge writes, readable by their owner only
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "klynge-db.h"
#include "klynge-error.h"
#include "klynge-file.h"

/* Writing over the open database would destroy it, and even opening it
 * here would drop this process's locks on it. */
static gboolean
check_not_database (const char  *path,
                    GError     **error)
{
  if (!klynge_db_file_is_open (path))
    return TRUE;
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
               _("“%s” is the open database. Choose another name for the file."), path);
  return FALSE;
}

/**
 * klynge_file_prepare_private:
 * @path: the file a writer is about to open itself (cairo, libxlsxwriter, libpng)
 * @error: return location for a #GError
 *
 * Creates @path with mode %KLYNGE_FILE_MODE, or gives an existing file that
 * mode. Those writers create files with fopen(), 0644 under the usual umask,
 * but reopening an existing file keeps its mode, so calling this first means
 * the data is never readable by others, not even for a moment.
 * The contents are left alone: the writer replaces them.
 *
 * Returns: %FALSE with @error set when the file cannot be written
 */
gboolean
klynge_file_prepare_private (const char  *path,
                             GError     **error)
{
  int fd;
  int saved_errno;

  if (!check_not_database (path, error))
    return FALSE;

  fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, KLYNGE_FILE_MODE);

  if (fd >= 0 && fchmod (fd, KLYNGE_FILE_MODE) == 0)
    {
      close (fd);
      return TRUE;
    }

  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/**
 * klynge_file_write_private:
 * @length: the length of @contents, or -1 when it is a string
 *
 * Writes @contents to @path, readable by its owner only. The text goes to a
 * temporary file that is then renamed, so a failed write never leaves half
 * a file where a good one was; never over the open database.
 *
 * Returns: %FALSE with @error set when the file cannot be written
 */
gboolean
klynge_file_write_private (const char  *path,
                           const char  *contents,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!check_not_database (path, error))
    return FALSE;
  if (g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, KLYNGE_FILE_MODE, &local_error))
    return TRUE;
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not write “%s”: %s"), path, local_error->message);
  return FALSE;
}
