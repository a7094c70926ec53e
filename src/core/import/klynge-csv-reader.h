/* klynge-csv-reader.h — streaming CSV reader on libcsv
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-table-reader.h"

G_BEGIN_DECLS

/**
 * klynge_csv_read:
 * @stream: the file's bytes
 * @size: the file's size for progress, or 0
 * @display_name: the file's name as the user knows it, for messages
 * @limits: (nullable): fields per row and in all, characters per field;
 *   %NULL for the defaults
 * @info: (out caller-allocates) (optional): delimiter and encoding found
 *
 * Reads RFC 4180 CSV in any of the shapes spreadsheets write: `,` `;` or tab
 * (detected from the first line), UTF-8 with or without BOM, UTF-16 with BOM
 * (Excel’s “Unicode text”) or Windows-1252
 * (detected at the first byte that is not ASCII), CRLF, LF or CR line ends.
 * Empty lines are skipped; leading and trailing blanks of a field are dropped.
 * A NUL character anywhere is an error: it would cut the field short.
 */
gboolean klynge_csv_read (GInputStream        *stream,
                          goffset              size,
                          const char          *display_name,
                          const KlyngeTableLimits *limits,
                          KlyngeTableInfo     *info,
                          KlyngeTableRowFunc   func,
                          gpointer             user_data,
                          GCancellable        *cancellable,
                          GError             **error);

G_END_DECLS
