/* klynge-file.h — files Klynge writes, readable by their owner only
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exports hold personal data (addresses, attendance, accounts), so they get
 * the database's mode, whatever the umask says. */
#define KLYNGE_FILE_MODE 0600

gboolean klynge_file_prepare_private (const char  *path,
                                      GError     **error);
gboolean klynge_file_write_private   (const char  *path,
                                      const char  *contents,
                                      gssize       length,
                                      GError     **error);

G_END_DECLS
