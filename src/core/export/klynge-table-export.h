/* klynge-table-export.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

/**
 * KlyngeTableKind:
 * @KLYNGE_TABLE_TEXT: user text; never becomes a formula in either format
 * @KLYNGE_TABLE_INTEGER: a whole number
 * @KLYNGE_TABLE_NUMBER: a decimal number
 * @KLYNGE_TABLE_PERCENT: a fraction (0.31), shown as a percentage
 * @KLYNGE_TABLE_MONEY: major units of money (1234.5), two decimals
 * @KLYNGE_TABLE_DATE: an ISO 8601 date ("2026-03-14"); shown in the reader's date format
 *
 * The kind of a column, which decides how its cells are written.
 */
typedef enum
{
  KLYNGE_TABLE_TEXT,
  KLYNGE_TABLE_INTEGER,
  KLYNGE_TABLE_NUMBER,
  KLYNGE_TABLE_PERCENT,
  KLYNGE_TABLE_MONEY,
  KLYNGE_TABLE_DATE,
} KlyngeTableKind;

typedef struct
{
  const char      *title;
  KlyngeTableKind  kind;
} KlyngeTableColumn;

/* A table (a header and rows of typed cells) written as a worksheet or a CSV
 * file, so every export of Klynge looks the same and treats user text the
 * same: a name beginning with "=" stays a name. */
typedef struct _KlyngeTable KlyngeTable;

KlyngeTable *klynge_table_new          (const char              *name,
                                        const KlyngeTableColumn *columns,
                                        guint                    n_columns);
void         klynge_table_free         (KlyngeTable             *self);
guint        klynge_table_get_n_rows   (KlyngeTable             *self);

/* Cells are added left to right after klynge_table_begin_row(); a row with
 * fewer cells than columns is padded with empty ones. */
void         klynge_table_begin_row    (KlyngeTable             *self);
void         klynge_table_add_text     (KlyngeTable             *self,
                                        const char              *text);
void         klynge_table_add_integer  (KlyngeTable             *self,
                                        gint64                   value);
void         klynge_table_add_number   (KlyngeTable             *self,
                                        double                   value);
void         klynge_table_add_empty    (KlyngeTable             *self);

/* CSV in UTF-8 with a byte-order mark (so Excel shows æøå), CRLF line ends,
 * RFC 4180 quoting. The separator and the decimal mark follow the locale the
 * way a spreadsheet there expects: ";" and "," where the decimal mark is a
 * comma, else "," and ".". A text with either separator, a tab, a quote or
 * a line break is quoted; one a spreadsheet would run as a formula is
 * quoted behind an apostrophe. */
gboolean     klynge_table_write_csv    (KlyngeTable             *self,
                                        const char              *path,
                                        GError                 **error);
/* The same text, with the decimal comma (and ";") or not (the fuzz target). */
GString     *klynge_table_format_csv   (KlyngeTable             *self,
                                        gboolean                 decimal_comma);

/* A workbook of one or more tables. A sheet has its header bold and frozen,
 * an autofilter and column widths fitted to the contents. */
typedef struct _KlyngeWorkbook KlyngeWorkbook;

KlyngeWorkbook *klynge_workbook_new         (const char      *path,
                                             GError         **error);
/* Returns the sheet so callers can add more to it (a native chart, say);
 * the data rows are 1 … n_rows, columns 0 … n_columns - 1. */
lxw_worksheet  *klynge_workbook_add_table   (KlyngeWorkbook  *self,
                                             KlyngeTable     *table);
lxw_workbook   *klynge_workbook_get_handle  (KlyngeWorkbook  *self);
/* The sheet name Excel will accept for @name (at most 31 characters, none
 * of []:*?/\, unique in the workbook), as used by add_table for references. */
const char     *klynge_workbook_last_sheet_name (KlyngeWorkbook *self);
/* Writes the file and frees @self, also on error. */
gboolean        klynge_workbook_close       (KlyngeWorkbook  *self,
                                             GError         **error);

/* Writes @tables as one workbook, a sheet each. */
gboolean        klynge_tables_write_xlsx    (KlyngeTable    **tables,
                                             guint            n_tables,
                                             const char      *path,
                                             GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeTable, klynge_table_free)

G_END_DECLS
