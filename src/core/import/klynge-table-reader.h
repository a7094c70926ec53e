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
 * KlyngeTableMerge:
 * @first_line: the top row of a range of merged cells, from 1
 * @last_line: its bottom row
 * @first_column: its leftmost column, from 1
 * @last_column: its rightmost column
 */
typedef struct
{
  guint first_line;
  guint last_line;
  guint first_column;
  guint last_column;
} KlyngeTableMerge;

/**
 * KlyngeTableRow:
 * @line: the line (CSV) or row number (XLSX) where the row starts, from 1
 * @n_fields: the number of fields
 * @fields: the fields as UTF-8; a missing cell is ""
 * @lines: (nullable): the line where each field starts (differs from @line
 *   after a quoted field with a line break); %NULL when all start on @line
 * @bytes_read: how much of the file has been read, for progress
 * @bytes_total: the size of what is being read, or 0 when unknown
 * @delimiter: the CSV field separator, 0 for a workbook
 * @header_line: the line of the header row when it was found or chosen
 *   (#KlyngeTableOptions), else 0; rows above it are titles and groups
 * @labels: (nullable): on the header row only, a name per field that tells
 *   repeated names apart: "Registered patients (2022-05-01)" by the group
 *   cells above, or "List size (column D)" by position
 * @groups: (nullable): on the header row only, the text of the group cells
 *   above each field ("" where there is none)
 * @merges: (nullable): the sheet's merged ranges (XLSX)
 * @n_merges: how many
 *
 * Fields are numbered from 1 in messages: the "column" of FILE:LINE:COLUMN.
 */
typedef struct
{
  guint                   line;
  guint                   n_fields;
  const char *const      *fields;
  const guint            *lines;
  goffset                 bytes_read;
  goffset                 bytes_total;
  char                    delimiter;
  guint                   header_line;
  const char *const      *labels;
  const char *const      *groups;
  const KlyngeTableMerge *merges;
  guint                   n_merges;
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
 * KlyngeTableLimits:
 * @max_inflated: XLSX: uncompressed bytes of all the parts read
 * @max_cells: cells (XLSX) or fields (CSV) in the whole file
 * @max_row_cells: cells or fields in one row
 * @max_row_bytes: bytes of text in one row
 * @max_columns: the furthest column a cell may be in
 * @max_cell_chars: characters in one cell or field
 * @max_shared_bytes: XLSX: memory for the workbook's shared texts
 * @max_shared_refs: XLSX: bytes of shared text all the cells refer to,
 *   together (one long text referred to by every cell would otherwise
 *   expand a small file a million times)
 *
 * What one file may cost. A file beyond any of them is refused with a
 * message saying which and where, before it can take the memory or time;
 * with the defaults a file never needs more than about 256 MB.
 */
typedef struct
{
  guint64 max_inflated;
  guint   max_cells;
  guint   max_row_cells;
  guint   max_row_bytes;
  guint   max_columns;
  guint   max_cell_chars;
  guint64 max_shared_bytes;
  guint64 max_shared_refs;
} KlyngeTableLimits;

extern const KlyngeTableLimits klynge_table_default_limits;

/**
 * KlyngeTableHeader:
 * @KLYNGE_TABLE_HEADER_NONE: rows as they come; nothing is a header
 * @KLYNGE_TABLE_HEADER_FIND: the header is the first row as wide as the
 *   table below it that is not a group row of merged cells; title lines,
 *   blank lines and group rows above it are skipped
 * @KLYNGE_TABLE_HEADER_LINE: the header is the row on the given line
 */
typedef enum
{
  KLYNGE_TABLE_HEADER_NONE,
  KLYNGE_TABLE_HEADER_FIND,
  KLYNGE_TABLE_HEADER_LINE,
} KlyngeTableHeader;

/**
 * KlyngeTableOptions:
 * @sheet: the XLSX sheet, from 1 (0 is the first); ignored for CSV
 * @sheet_name: (nullable): the XLSX sheet by name, instead of @sheet
 * @header: how the header row is told
 * @header_line: its line, for %KLYNGE_TABLE_HEADER_LINE
 * @limits: (nullable): the budgets; %NULL for the defaults
 *
 * With a header found or chosen, every row still reaches the callback
 * (a preview shows the titles), each carrying @header_line.
 */
typedef struct
{
  guint                    sheet;
  const char              *sheet_name;
  KlyngeTableHeader        header;
  guint                    header_line;
  const KlyngeTableLimits *limits;
} KlyngeTableOptions;

/**
 * klynge_table_read:
 * @path: a CSV or XLSX file (told apart by content, not by name)
 * @options: (nullable): the sheet, the header, the limits
 * @info: (out caller-allocates) (optional): what was found about the file
 *
 * Streams the file's rows to @func without loading it whole.
 */
gboolean klynge_table_read        (const char               *path,
                                   const KlyngeTableOptions *options,
                                   KlyngeTableInfo          *info,
                                   KlyngeTableRowFunc        func,
                                   gpointer                  user_data,
                                   GCancellable             *cancellable,
                                   GError                  **error);

/* The same with only a sheet number and no header. */
gboolean klynge_table_read_file   (const char          *path,
                                   guint                sheet,
                                   KlyngeTableInfo     *info,
                                   KlyngeTableRowFunc   func,
                                   gpointer             user_data,
                                   GCancellable        *cancellable,
                                   GError             **error);

/* Messages quote at most this many characters of a field. */
#define KLYNGE_TABLE_QUOTE_CHARS 80

char    *klynge_table_quote       (const char          *text);
char    *klynge_table_column_name (guint                column);

G_END_DECLS
