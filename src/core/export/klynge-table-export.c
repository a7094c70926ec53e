/* klynge-table-export.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Address lists, attendance lists and chart figures all leave Klynge as
 * tables. Writing them in one place keeps the rule that matters most in one
 * place too: text a user typed is written as text, so "=HYPERLINK(…)" in a
 * name can never run as a formula in the spreadsheet that opens it.
 */

#define G_LOG_DOMAIN "klynge-export"

#include "klynge-i18n.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "klynge-error.h"
#include "klynge-file.h"
#include "klynge-format.h"
#include "klynge-table-export.h"

/* Excel's limits for a sheet name. */
#define SHEET_NAME_MAX 31
#define MIN_WIDTH       8
#define MAX_WIDTH      60

typedef struct
{
  gboolean  empty;
  char     *text;    /* TEXT and DATE */
  double    number;  /* the numeric kinds */
} Cell;

struct _KlyngeTable
{
  char              *name;
  KlyngeTableColumn *columns;
  guint              n_columns;
  GPtrArray         *rows;      /* of GArray of Cell */
};

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
}

static GArray *
current_row (KlyngeTable *self)
{
  g_return_val_if_fail (self->rows->len > 0, NULL);
  return g_ptr_array_index (self->rows, self->rows->len - 1);
}

static Cell *
next_cell (KlyngeTable *self)
{
  GArray *row = current_row (self);
  Cell cell = { FALSE, NULL, 0 };

  g_return_val_if_fail (row->len < self->n_columns, NULL);
  g_array_append_val (row, cell);
  return &g_array_index (row, Cell, row->len - 1);
}

static const Cell *
get_cell (KlyngeTable *self,
          guint        row,
          guint        column)
{
  GArray *cells = g_ptr_array_index (self->rows, row);

  return column < cells->len ? &g_array_index (cells, Cell, column) : NULL;
}

/* Spreadsheets treat a text cell beginning with one of these as a formula
 * (tab and carriage return too, in some of them). */
static gboolean
looks_like_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

KlyngeTable *
klynge_table_new (const char              *name,
                  const KlyngeTableColumn *columns,
                  guint                    n_columns)
{
  KlyngeTable *self = g_new0 (KlyngeTable, 1);

  g_return_val_if_fail (n_columns > 0, NULL);

  self->name = g_strdup (name);
  self->columns = g_new (KlyngeTableColumn, n_columns);
  memcpy (self->columns, columns, n_columns * sizeof *columns);
  self->n_columns = n_columns;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return self;
}

void
klynge_table_free (KlyngeTable *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->columns);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

guint
klynge_table_get_n_rows (KlyngeTable *self)
{
  return self->rows->len;
}

void
klynge_table_begin_row (KlyngeTable *self)
{
  GArray *row = g_array_sized_new (FALSE, FALSE, sizeof (Cell), self->n_columns);

  g_array_set_clear_func (row, cell_clear);
  g_ptr_array_add (self->rows, row);
}

void
klynge_table_add_text (KlyngeTable *self,
                       const char  *text)
{
  Cell *cell = next_cell (self);

  g_return_if_fail (cell != NULL);
  cell->empty = text == NULL || *text == '\0';
  cell->text = g_strdup (text != NULL ? text : "");
}

void
klynge_table_add_integer (KlyngeTable *self,
                          gint64       value)
{
  Cell *cell = next_cell (self);

  g_return_if_fail (cell != NULL);
  cell->number = (double) value;
}

void
klynge_table_add_number (KlyngeTable *self,
                         double       value)
{
  Cell *cell = next_cell (self);

  g_return_if_fail (cell != NULL);
  cell->number = value;
}

void
klynge_table_add_empty (KlyngeTable *self)
{
  Cell *cell = next_cell (self);

  g_return_if_fail (cell != NULL);
  cell->empty = TRUE;
}

/* CSV */

static gboolean
locale_uses_decimal_comma (void)
{
  const char *point = localeconv ()->decimal_point;

  return point != NULL && g_str_equal (point, ",");
}

/* Quoted whatever the separator: a spreadsheet opening the file may split
 * at another one (Danish Excel at ";", a text import at tab). */
static void
append_quoted (GString    *out,
               const char *text)
{
  gboolean formula = looks_like_formula (text);

  if (!formula && strpbrk (text, ",;\t\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  /* The apostrophe is what Excel itself shows for text that starts like a
   * formula; it keeps the cell inert without hiding the user's text. */
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_number (GString    *out,
               const char *format,
               double      value,
               gboolean    decimal_comma)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, format, value);
  if (decimal_comma)
    g_strdelimit (buffer, ".", ',');
  g_string_append (out, buffer);
}

static void
append_csv_cell (GString         *out,
                 KlyngeTableKind  kind,
                 const Cell      *cell,
                 gboolean         decimal_comma)
{
  if (cell == NULL || cell->empty)
    return;

  switch (kind)
    {
    case KLYNGE_TABLE_TEXT:
    case KLYNGE_TABLE_DATE:
      append_quoted (out, cell->text);
      break;
    case KLYNGE_TABLE_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) cell->number);
      break;
    case KLYNGE_TABLE_NUMBER:
      append_number (out, "%.10g", cell->number, decimal_comma);
      break;
    case KLYNGE_TABLE_PERCENT:
      append_number (out, "%.1f", cell->number * 100.0, decimal_comma);
      g_string_append_c (out, '%');
      break;
    case KLYNGE_TABLE_MONEY:
      append_number (out, "%.2f", cell->number, decimal_comma);
      break;
    default:
      g_assert_not_reached ();
    }
}

GString *
klynge_table_format_csv (KlyngeTable *self,
                         gboolean     decimal_comma)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  char separator = decimal_comma ? ';' : ',';

  for (guint c = 0; c < self->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, separator);
      append_quoted (out, self->columns[c].title);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < self->rows->len; r++)
    {
      for (guint c = 0; c < self->n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, separator);
          append_csv_cell (out, self->columns[c].kind, get_cell (self, r, c), decimal_comma);
        }
      g_string_append (out, "\r\n");
    }
  return out;
}

gboolean
klynge_table_write_csv (KlyngeTable  *self,
                        const char   *path,
                        GError      **error)
{
  g_autoptr(GString) out = klynge_table_format_csv (self, locale_uses_decimal_comma ());

  return klynge_file_write_private (path, out->str, out->len, error);
}

/* XLSX */

typedef struct
{
  lxw_format *header;
  lxw_format *integer;
  lxw_format *number;
  lxw_format *percent;
  lxw_format *money;
  lxw_format *date;
} Formats;

struct _KlyngeWorkbook
{
  char         *path;
  lxw_workbook *workbook;
  Formats       formats;
  GHashTable   *sheet_names;  /* casefolded, as Excel compares them */
  char         *last_sheet_name;
};

static lxw_format *
add_number_format (lxw_workbook *workbook,
                   const char   *num_format)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_num_format (format, num_format);
  return format;
}

KlyngeWorkbook *
klynge_workbook_new (const char  *path,
                     GError     **error)
{
  lxw_workbook *workbook;
  KlyngeWorkbook *self;

  if (!klynge_file_prepare_private (path, error))
    return NULL;
  workbook = workbook_new (path);
  if (workbook == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not write “%s”."), path);
      return NULL;
    }

  self = g_new0 (KlyngeWorkbook, 1);
  self->path = g_strdup (path);
  self->workbook = workbook;
  self->sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->formats.header = workbook_add_format (workbook);
  format_set_bold (self->formats.header);
  format_set_bottom (self->formats.header, LXW_BORDER_THIN);
  self->formats.integer = add_number_format (workbook, "#,##0");
  self->formats.number = NULL;  /* General: as many decimals as the value has */
  self->formats.percent = add_number_format (workbook, "0.0%");
  self->formats.money = add_number_format (workbook, "#,##0.00");
  /* Built-in format 14 is the short date of whoever opens the file. */
  self->formats.date = workbook_add_format (workbook);
  format_set_num_format_index (self->formats.date, 14);
  return self;
}

lxw_workbook *
klynge_workbook_get_handle (KlyngeWorkbook *self)
{
  return self->workbook;
}

const char *
klynge_workbook_last_sheet_name (KlyngeWorkbook *self)
{
  return self->last_sheet_name;
}

static char *
make_sheet_name (KlyngeWorkbook *self,
                 const char     *wanted)
{
  g_autofree char *base = g_strdup (wanted != NULL && *wanted != '\0' ? wanted : _("Sheet"));

  g_strdelimit (base, "[]:*?/\\", '-');
  /* Excel refuses a name that begins or ends with an apostrophe. */
  g_strdelimit (base, "'", ' ');
  g_strstrip (base);
  if (*base == '\0')
    {
      g_free (base);
      base = g_strdup (_("Sheet"));
    }

  for (guint n = 1; ; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", n);
      glong keep = SHEET_NAME_MAX - (glong) strlen (suffix);
      g_autofree char *kept = g_utf8_substring (base, 0, MIN (keep, g_utf8_strlen (base, -1)));
      g_autofree char *key = NULL;
      char *candidate = g_strconcat (kept, suffix, NULL);

      key = g_utf8_casefold (candidate, -1);
      if (!g_hash_table_contains (self->sheet_names, key))
        {
          g_hash_table_add (self->sheet_names, g_steal_pointer (&key));
          return candidate;
        }
      g_free (candidate);
    }
}

static gboolean
parse_iso_date (const char   *text,
                lxw_datetime *out)
{
  int year, month, day;

  if (!klynge_date_from_iso (text, &year, &month, &day))
    return FALSE;

  *out = (lxw_datetime) { .year = year, .month = month, .day = day };
  return TRUE;
}

/* The number of characters a cell shows, for the width of its column. */
static glong
cell_width (KlyngeTableKind  kind,
            const Cell      *cell)
{
  if (cell == NULL || cell->empty)
    return 0;
  switch (kind)
    {
    case KLYNGE_TABLE_TEXT:
      return g_utf8_strlen (cell->text, -1);
    case KLYNGE_TABLE_DATE:
      return 10;
    default:
      return 12;
    }
}

static void
write_xlsx_cell (KlyngeWorkbook  *self,
                 lxw_worksheet   *sheet,
                 lxw_row_t        row,
                 lxw_col_t        column,
                 KlyngeTableKind  kind,
                 const Cell      *cell)
{
  lxw_datetime date;

  if (cell == NULL || cell->empty)
    return;

  switch (kind)
    {
    case KLYNGE_TABLE_TEXT:
      worksheet_write_string (sheet, row, column, cell->text, NULL);
      break;
    case KLYNGE_TABLE_DATE:
      if (parse_iso_date (cell->text, &date))
        worksheet_write_datetime (sheet, row, column, &date, self->formats.date);
      else
        worksheet_write_string (sheet, row, column, cell->text, NULL);
      break;
    case KLYNGE_TABLE_INTEGER:
      worksheet_write_number (sheet, row, column, cell->number, self->formats.integer);
      break;
    case KLYNGE_TABLE_NUMBER:
      worksheet_write_number (sheet, row, column, cell->number, self->formats.number);
      break;
    case KLYNGE_TABLE_PERCENT:
      worksheet_write_number (sheet, row, column, cell->number, self->formats.percent);
      break;
    case KLYNGE_TABLE_MONEY:
      worksheet_write_number (sheet, row, column, cell->number, self->formats.money);
      break;
    default:
      g_assert_not_reached ();
    }
}

lxw_worksheet *
klynge_workbook_add_table (KlyngeWorkbook *self,
                           KlyngeTable    *table)
{
  g_autofree char *name = make_sheet_name (self, table->name);
  lxw_worksheet *sheet = workbook_add_worksheet (self->workbook, name);

  g_return_val_if_fail (sheet != NULL, NULL);
  g_free (self->last_sheet_name);
  self->last_sheet_name = g_steal_pointer (&name);

  for (guint c = 0; c < table->n_columns; c++)
    {
      /* The header's bold takes about two characters more. */
      glong width = g_utf8_strlen (table->columns[c].title, -1) + 2;

      worksheet_write_string (sheet, 0, c, table->columns[c].title, self->formats.header);
      for (guint r = 0; r < table->rows->len; r++)
        {
          const Cell *cell = get_cell (table, r, c);

          write_xlsx_cell (self, sheet, r + 1, c, table->columns[c].kind, cell);
          width = MAX (width, cell_width (table->columns[c].kind, cell) + 1);
        }
      worksheet_set_column (sheet, c, c, CLAMP (width, MIN_WIDTH, MAX_WIDTH), NULL);
    }

  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_autofilter (sheet, 0, 0, table->rows->len, table->n_columns - 1);
  return sheet;
}

gboolean
klynge_workbook_close (KlyngeWorkbook  *self,
                       GError         **error)
{
  lxw_error rc = workbook_close (self->workbook);
  gboolean ok = rc == LXW_NO_ERROR;

  if (!ok)
    g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not write “%s”: %s"), self->path, lxw_strerror (rc));

  g_hash_table_unref (self->sheet_names);
  g_free (self->last_sheet_name);
  g_free (self->path);
  g_free (self);
  return ok;
}

gboolean
klynge_tables_write_xlsx (KlyngeTable **tables,
                          guint         n_tables,
                          const char   *path,
                          GError      **error)
{
  KlyngeWorkbook *workbook = klynge_workbook_new (path, error);

  if (workbook == NULL)
    return FALSE;
  for (guint i = 0; i < n_tables; i++)
    klynge_workbook_add_table (workbook, tables[i]);
  return klynge_workbook_close (workbook, error);
}
