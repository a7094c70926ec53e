/* klynge-table-reader.h — rows of a CSV or XLSX file, one callback per row
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "klynge-error.h"

G_BEGIN_DECLS

/**
 * KlyngeTableRow:
 * @line: the line (CSV) or row number (XLSX) where the row starts, from 1
 * @n_fields: the number of fields
 * @fields: the fields as UTF-8; a missing cell is ""
 * @lines: the line where each field starts (differs from @line after a
 *   quoted field with a line break)
 * @bytes_read: how much of the file has been read, for progress
 * @bytes_total: the size of what is being read, or 0 when unknown
 * @delimiter: the CSV field separator, 0 for a workbook
 *
 * Fields are numbered from 1 in messages: the "column" of FILE:LINE:COLUMN.
 */
typedef struct
{
  guint              line;
  guint              n_fields;
  const char *const *fields;
  const guint       *lines;
  goffset            bytes_read;
  goffset            bytes_total;
  char               delimiter;
} KlyngeTableRow;

/* Return FALSE to stop reading: with @error set to fail, without to end early. */
typedef gboolean (*KlyngeTableRowFunc) (const KlyngeTableRow  *row,
                                        gpointer               user_data,
                                        GError               **error);

typedef enum
{
  KLYNGE_TABLE_FORMAT_CSV,
  KLYNGE_TABLE_FORMAT_XLSX,
} KlyngeTableFormat;

/**
 * KlyngeTableInfo:
 * @format: what the file turned out to be
 * @delimiter: the CSV field separator found (',' ';' or '\t')
 * @encoding: the CSV file's encoding ("UTF-8", "WINDOWS-1252")
 * @sheet_names: (nullable): the XLSX workbook's sheets, in order
 */
typedef struct
{
  KlyngeTableFormat format;
  char              delimiter;
  char             *encoding;
  GStrv             sheet_names;
} KlyngeTableInfo;

void     klynge_table_info_clear  (KlyngeTableInfo     *info);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KlyngeTableInfo, klynge_table_info_clear)

/**
 * klynge_table_read_file:
 * @path: a CSV or XLSX file (told apart by content, not by name)
 * @sheet: the XLSX sheet, from 1; ignored for CSV
 * @info: (out caller-allocates) (optional): what was found about the file
 *
 * Streams the file's rows to @func without loading it whole.
 */
gboolean klynge_table_read_file   (const char          *path,
                                   guint                sheet,
                                   KlyngeTableInfo     *info,
                                   KlyngeTableRowFunc   func,
                                   gpointer             user_data,
                                   GCancellable        *cancellable,
                                   GError             **error);

G_END_DECLS
