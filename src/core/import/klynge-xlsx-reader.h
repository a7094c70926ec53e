/* klynge-xlsx-reader.h — streaming XLSX reader on libgsf and libxml2
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-table-reader.h"

G_BEGIN_DECLS

/**
 * klynge_xlsx_read_file:
 * @options: (nullable): the sheet, by number or name, and the limits
 *   (the header is found by klynge_table_read(), not here)
 * @info: (out caller-allocates) (optional): the workbook's sheet names
 *
 * Streams one worksheet: shared and inline strings, numbers (as written,
 * with a `.` decimal point), booleans ("TRUE"/"FALSE"), date cells as ISO
 * 8601 ("2026-03-31") in the 1900 or 1904 date system, formulas as their
 * cached value ("" when the writer left none). Missing cells are "";
 * empty rows are skipped and a row's line is its number in the sheet.
 * When a header is asked for, the sheet's merged ranges come with each row.
 */
gboolean klynge_xlsx_read_file  (const char          *path,
                                 const char          *display_name,
                                 const KlyngeTableOptions *options,
                                 KlyngeTableInfo     *info,
                                 KlyngeTableRowFunc   func,
                                 gpointer             user_data,
                                 GCancellable        *cancellable,
                                 GError             **error);
/* The same over bytes in memory (the fuzz target). */
gboolean klynge_xlsx_read_bytes (GBytes              *bytes,
                                 const char          *display_name,
                                 const KlyngeTableOptions *options,
                                 KlyngeTableInfo     *info,
                                 KlyngeTableRowFunc   func,
                                 gpointer             user_data,
                                 GCancellable        *cancellable,
                                 GError             **error);

G_END_DECLS
