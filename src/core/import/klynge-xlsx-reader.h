/* klynge-xlsx-reader.h — streaming XLSX reader on libgsf and libxml2
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-table-reader.h"

G_BEGIN_DECLS

/* What a workbook may inflate to in all: far above any cluster's data,
 * far below what a zip bomb expands to. */
#define KLYNGE_XLSX_MAX_INFLATED ((guint64)512 << 20)

/**
 * klynge_xlsx_read_file:
 * @sheet: the sheet, from 1, in the workbook's order
 * @max_inflated: stop with an error past this many uncompressed bytes
 * @info: (out caller-allocates) (optional): the workbook's sheet names
 *
 * Streams one worksheet: shared and inline strings, numbers (as written,
 * with a `.` decimal point), booleans ("TRUE"/"FALSE"), date cells as ISO
 * 8601 ("2026-03-31") in the 1900 or 1904 date system. Missing cells are "";
 * empty rows are skipped and a row's line is its number in the sheet.
 */
gboolean klynge_xlsx_read_file  (const char          *path,
                                 const char          *display_name,
                                 guint                sheet,
                                 guint64              max_inflated,
                                 KlyngeTableInfo     *info,
                                 KlyngeTableRowFunc   func,
                                 gpointer             user_data,
                                 GCancellable        *cancellable,
                                 GError             **error);
/* The same over bytes in memory (the fuzz target). */
gboolean klynge_xlsx_read_bytes (GBytes              *bytes,
                                 const char          *display_name,
                                 guint                sheet,
                                 guint64              max_inflated,
                                 KlyngeTableInfo     *info,
                                 KlyngeTableRowFunc   func,
                                 gpointer             user_data,
                                 GCancellable        *cancellable,
                                 GError             **error);

G_END_DECLS
