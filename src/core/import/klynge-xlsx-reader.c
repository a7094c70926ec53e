/* klynge-xlsx-reader.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An XLSX file is a zip (libgsf) of XML parts read with libxml2's streaming
 * reader: the workbook names the sheets, its relationships say which part
 * holds each, the styles tell which number formats are dates, the shared
 * strings hold the text of most cells. Only the shared strings are kept in
 * memory; the sheet itself streams row by row.
 */

#define G_LOG_DOMAIN "klynge-import"

#include "klynge-i18n.h"

#include <gsf/gsf.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <string.h>

#include "klynge-xlsx-reader.h"

#define MAX_COLUMNS 16384   /* Excel's own limit: XFD */

/* libgsf 1.14 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)

typedef struct
{
  GsfInfile    *zip;
  const char   *name;
  guint64       inflated;
  guint64       max_inflated;
  gboolean      too_big;
  GCancellable *cancellable;
  gboolean      cancelled;

  gboolean      date1904;
  GPtrArray    *shared;         /* char*, owned by shared_chunk */
  GStringChunk *shared_chunk;
  gboolean      has_shared;
  GArray       *xf_is_date;     /* gboolean per cell style */
} Workbook;

typedef struct
{
  Workbook *book;
  GsfInput *input;
} PartIO;

static int
part_read_cb (void *context,
              char *buffer,
              int   len)
{
  PartIO *io = context;
  gsf_off_t left = gsf_input_remaining (io->input);
  gsize n = MIN ((gsf_off_t)len, left);

  if (g_cancellable_is_cancelled (io->book->cancellable))
    {
      io->book->cancelled = TRUE;
      return -1;
    }
  if (n == 0)
    return 0;
  if (io->book->inflated + n > io->book->max_inflated)
    {
      io->book->too_big = TRUE;
      return -1;
    }
  if (gsf_input_read (io->input, n, (guint8 *)buffer) == NULL)
    return -1;
  io->book->inflated += n;
  return (int)n;
}

static int
part_close_cb (void *context)
{
  return 0;
}

static void
silence_xml_errors (void                    *arg,
                    const char              *msg,
                    xmlParserSeverities      severity,
                    xmlTextReaderLocatorPtr  locator)
{
}

static GsfInput *
open_part (Workbook   *book,
           const char *path)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);

  return gsf_infile_child_by_aname (book->zip, (const char **)names);
}

static gboolean
part_failed (Workbook    *book,
             const char  *part,
             GError     **error)
{
  if (book->cancelled)
    g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CANCELLED, _("The import was cancelled."));
  else if (book->too_big)
    g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                 _("%s: the workbook expands to more than %u MB; it is damaged or not a real spreadsheet."),
                 book->name, (guint)(book->max_inflated >> 20));
  else
    g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                 _("%s: the part “%s” of the workbook is damaged."), book->name, part);
  return FALSE;
}

/* Calls @element for each start tag, @text for each text node; the part
 * counts towards the inflated-size limit. */
typedef void (*ElementFunc) (gpointer data, xmlTextReaderPtr reader, const char *local, gboolean start);
typedef void (*TextFunc) (gpointer data, const char *text);

static gboolean
read_part (Workbook     *book,
           GsfInput     *input,
           const char   *part,
           ElementFunc   element,
           TextFunc      text,
           gpointer      data,
           gboolean     *stop,
           GError      **error)
{
  PartIO io = { book, input };
  xmlTextReaderPtr reader;
  int rc;

  if (gsf_input_size (input) > (gsf_off_t)book->max_inflated)
    {
      book->too_big = TRUE;
      return part_failed (book, part, error);
    }

  reader = xmlReaderForIO (part_read_cb, part_close_cb, &io, part, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    return part_failed (book, part, error);
  xmlTextReaderSetErrorHandler (reader, silence_xml_errors, NULL);

  while ((rc = xmlTextReaderRead (reader)) == 1 && (stop == NULL || !*stop))
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (reader);
          const char *local = (const char *)xmlTextReaderConstLocalName (reader);

          element (data, reader, local, TRUE);
          if (empty)
            element (data, reader, local, FALSE);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        element (data, reader, (const char *)xmlTextReaderConstLocalName (reader), FALSE);
      else if (text != NULL && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                                type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                                type == XML_READER_TYPE_WHITESPACE))
        text (data, (const char *)xmlTextReaderConstValue (reader));
    }
  xmlFreeTextReader (reader);

  if (rc < 0)
    return part_failed (book, part, error);
  return TRUE;
}

static char *
attribute (xmlTextReaderPtr  reader,
           const char       *local)
{
  char *result = NULL;

  /* Attributes are matched by local name: writers differ in the prefix
   * they give the relationships namespace. */
  if (xmlTextReaderMoveToFirstAttribute (reader) == 1)
    {
      do
        if (g_strcmp0 ((const char *)xmlTextReaderConstLocalName (reader), local) == 0)
          {
            result = g_strdup ((const char *)xmlTextReaderConstValue (reader));
            break;
          }
      while (xmlTextReaderMoveToNextAttribute (reader) == 1);
      xmlTextReaderMoveToElement (reader);
    }
  return result;
}

static gboolean
is_true (const char *value)
{
  return g_strcmp0 (value, "1") == 0 || g_strcmp0 (value, "true") == 0;
}

/* --- workbook.xml and its relationships ---------------------------------- */

typedef struct
{
  Workbook  *book;
  GPtrArray *names;
  GPtrArray *ids;
  GHashTable *targets;
} SheetList;

static void
workbook_element (gpointer          data,
                  xmlTextReaderPtr  reader,
                  const char       *local,
                  gboolean          start)
{
  SheetList *list = data;

  if (!start)
    return;
  if (g_str_equal (local, "workbookPr"))
    {
      g_autofree char *date1904 = attribute (reader, "date1904");
      list->book->date1904 = is_true (date1904);
    }
  else if (g_str_equal (local, "sheet"))
    {
      char *name = attribute (reader, "name");
      char *id = attribute (reader, "id");

      g_ptr_array_add (list->names, name ? name : g_strdup (""));
      g_ptr_array_add (list->ids, id ? id : g_strdup (""));
    }
}

static void
rels_element (gpointer          data,
              xmlTextReaderPtr  reader,
              const char       *local,
              gboolean          start)
{
  SheetList *list = data;
  char *id, *target;

  if (!start || !g_str_equal (local, "Relationship"))
    return;
  id = attribute (reader, "Id");
  target = attribute (reader, "Target");
  if (id != NULL && target != NULL)
    g_hash_table_insert (list->targets, id, target);
  else
    {
      g_free (id);
      g_free (target);
    }
}

/* --- styles.xml: which cell styles are dates ------------------------------ */

typedef struct
{
  GArray     *xf_is_date;
  GHashTable *date_formats;     /* custom numFmtId → TRUE */
  gboolean    in_cell_xfs;
} Styles;

static gboolean
builtin_date_format (guint id)
{
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/* A format code is a date when it has d, m or y outside quotes, brackets
 * and escapes: "dd/mm/yyyy" is, "#,##0" and "[Red]0.0" are not. */
static gboolean
format_code_is_date (const char *code)
{
  gboolean quoted = FALSE;

  for (const char *p = code; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '[')
        {
          p = strchr (p, ']');
          if (p == NULL)
            break;
        }
      else if (strchr ("dDmMyY", *p) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
styles_element (gpointer          data,
                xmlTextReaderPtr  reader,
                const char       *local,
                gboolean          start)
{
  Styles *styles = data;

  if (g_str_equal (local, "cellXfs"))
    styles->in_cell_xfs = start;
  else if (start && g_str_equal (local, "numFmt"))
    {
      g_autofree char *id = attribute (reader, "numFmtId");
      g_autofree char *code = attribute (reader, "formatCode");

      if (id != NULL && format_code_is_date (code))
        g_hash_table_add (styles->date_formats, GUINT_TO_POINTER (atoi (id) + 1));
    }
  else if (start && styles->in_cell_xfs && g_str_equal (local, "xf"))
    {
      g_autofree char *id_text = attribute (reader, "numFmtId");
      guint id = id_text ? (guint)atoi (id_text) : 0;
      gboolean is_date = builtin_date_format (id) ||
                         g_hash_table_contains (styles->date_formats, GUINT_TO_POINTER (id + 1));

      g_array_append_val (styles->xf_is_date, is_date);
    }
}

/* --- sharedStrings.xml ---------------------------------------------------- */

typedef struct
{
  Workbook *book;
  GString  *item;
  gboolean  in_t;
  guint     skip_depth;          /* inside <rPh>: phonetic hints, not text */
} SharedStrings;

static void
shared_element (gpointer          data,
                xmlTextReaderPtr  reader,
                const char       *local,
                gboolean          start)
{
  SharedStrings *ss = data;

  if (g_str_equal (local, "rPh"))
    ss->skip_depth += start ? 1 : -1;
  else if (g_str_equal (local, "t"))
    ss->in_t = start && ss->skip_depth == 0;
  else if (g_str_equal (local, "si"))
    {
      if (start)
        g_string_truncate (ss->item, 0);
      else
        g_ptr_array_add (ss->book->shared,
                         g_string_chunk_insert_len (ss->book->shared_chunk, ss->item->str, ss->item->len));
    }
}

static void
shared_text (gpointer    data,
             const char *text)
{
  SharedStrings *ss = data;

  if (ss->in_t)
    g_string_append (ss->item, text);
}

/* --- the worksheet -------------------------------------------------------- */

typedef enum
{
  CELL_NUMBER,
  CELL_SHARED,
  CELL_INLINE,
  CELL_BOOLEAN,
  CELL_TEXT,        /* t="str" (a formula's text), t="e" (an error), t="d" (ISO date) */
} CellType;

typedef struct
{
  Workbook           *book;
  KlyngeTableRowFunc  func;
  gpointer            user_data;
  GError             *error;
  gboolean            stop;

  guint               row_number;
  guint               column;       /* the current cell's, from 1 */
  CellType            type;
  gboolean            is_date;
  gboolean            in_value;
  GString            *value;
  GPtrArray          *fields;       /* char*, owned */
  GArray             *lines;
  guint               n_cells;
  goffset             bytes_total;
  GsfInput           *input;
} Sheet;

/* "B12" → column 2; 0 when it is no cell reference. */
static guint
parse_column (const char *ref)
{
  guint column = 0;

  for (; ref != NULL && g_ascii_isalpha (*ref); ref++)
    {
      column = column * 26 + (g_ascii_toupper (*ref) - 'A' + 1);
      if (column > MAX_COLUMNS)
        return 0;
    }
  return column;
}

static char *
serial_to_date (Workbook *book,
                double    serial)
{
  g_autoptr(GDateTime) epoch = NULL;
  g_autoptr(GDateTime) dt = NULL;
  double days = floor (serial);
  gint64 seconds = (gint64)llround ((serial - days) * 86400.0);

  if (!isfinite (serial) || serial < 0 || serial > 2958465)   /* 9999-12-31 */
    return NULL;

  /* The 1900 system counts the 29 February 1900 that never was (Lotus's bug);
   * serials before it are one day off from those after. */
  if (book->date1904)
    epoch = g_date_time_new_utc (1904, 1, 1, 0, 0, 0);
  else if (days < 60)
    epoch = g_date_time_new_utc (1899, 12, 31, 0, 0, 0);
  else
    epoch = g_date_time_new_utc (1899, 12, 30, 0, 0, 0);

  dt = g_date_time_add_seconds (epoch, days * 86400.0 + seconds);
  if (dt == NULL)
    return NULL;
  if (seconds == 0)
    return g_date_time_format (dt, "%Y-%m-%d");
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
}

static void
set_field (Sheet *sheet,
           char  *text)
{
  guint index = sheet->column - 1;

  while (sheet->fields->len <= index)
    {
      guint line = sheet->row_number;

      g_ptr_array_add (sheet->fields, g_strdup (""));
      g_array_append_val (sheet->lines, line);
    }
  g_free (sheet->fields->pdata[index]);
  sheet->fields->pdata[index] = text;
}

static void
finish_cell (Sheet *sheet)
{
  const char *v = sheet->value->str;
  char *text = NULL;

  switch (sheet->type)
    {
    case CELL_SHARED:
      {
        guint64 index;

        if (!sheet->book->has_shared)
          {
            g_set_error (&sheet->error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                         _("%s:%u:%u: the cell refers to the workbook’s shared texts, but the workbook has none; the file is damaged."),
                         sheet->book->name, sheet->row_number, sheet->column);
            sheet->stop = TRUE;
            return;
          }
        if (!g_ascii_string_to_unsigned (v, 10, 0, G_MAXUINT32, &index, NULL) ||
            index >= sheet->book->shared->len)
          {
            g_set_error (&sheet->error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                         _("%s:%u:%u: the cell refers to a shared text that does not exist; the file is damaged."),
                         sheet->book->name, sheet->row_number, sheet->column);
            sheet->stop = TRUE;
            return;
          }
        text = g_strdup (g_ptr_array_index (sheet->book->shared, index));
      }
      break;
    case CELL_BOOLEAN:
      text = g_strdup (g_str_equal (v, "1") ? "TRUE" : "FALSE");
      break;
    case CELL_NUMBER:
      if (sheet->is_date && *v != '\0')
        text = serial_to_date (sheet->book, g_ascii_strtod (v, NULL));
      if (text == NULL)
        text = g_strdup (v);
      break;
    case CELL_INLINE:
    case CELL_TEXT:
    default:
      text = g_strdup (v);
      break;
    }

  set_field (sheet, g_strstrip (text));
  sheet->n_cells++;
}

static void
finish_row (Sheet *sheet)
{
  KlyngeTableRow row;

  if (sheet->n_cells == 0 || sheet->stop)
    return;

  row.line = sheet->row_number;
  row.n_fields = sheet->fields->len;
  row.fields = (const char *const *)sheet->fields->pdata;
  row.lines = (const guint *)sheet->lines->data;
  row.bytes_read = gsf_input_tell (sheet->input);
  row.bytes_total = sheet->bytes_total;
  row.delimiter = 0;

  if (!sheet->func (&row, sheet->user_data, &sheet->error))
    sheet->stop = TRUE;
}

static void
sheet_element (gpointer          data,
               xmlTextReaderPtr  reader,
               const char       *local,
               gboolean          start)
{
  Sheet *sheet = data;

  if (g_str_equal (local, "row"))
    {
      if (start)
        {
          g_autofree char *r = attribute (reader, "r");
          guint64 number;

          if (r != NULL && g_ascii_string_to_unsigned (r, 10, 1, G_MAXUINT32, &number, NULL))
            sheet->row_number = number;
          else
            sheet->row_number++;
          sheet->column = 0;
          sheet->n_cells = 0;
          g_ptr_array_set_size (sheet->fields, 0);
          g_array_set_size (sheet->lines, 0);
        }
      else
        finish_row (sheet);
    }
  else if (g_str_equal (local, "c"))
    {
      if (start)
        {
          g_autofree char *r = attribute (reader, "r");
          g_autofree char *t = attribute (reader, "t");
          g_autofree char *s = attribute (reader, "s");
          guint column = parse_column (r);
          guint64 style;

          sheet->column = column > 0 ? column : MIN (sheet->column + 1, MAX_COLUMNS);
          sheet->type = t == NULL || g_str_equal (t, "n") ? CELL_NUMBER :
                        g_str_equal (t, "s") ? CELL_SHARED :
                        g_str_equal (t, "inlineStr") ? CELL_INLINE :
                        g_str_equal (t, "b") ? CELL_BOOLEAN : CELL_TEXT;
          sheet->is_date = s != NULL && g_ascii_string_to_unsigned (s, 10, 0, G_MAXUINT32, &style, NULL) &&
                           style < sheet->book->xf_is_date->len &&
                           g_array_index (sheet->book->xf_is_date, gboolean, style);
          g_string_truncate (sheet->value, 0);
        }
      else if (sheet->column > 0)
        finish_cell (sheet);
    }
  else if (g_str_equal (local, "v") || (g_str_equal (local, "t") && sheet->type == CELL_INLINE))
    sheet->in_value = start;
}

static void
sheet_text (gpointer    data,
            const char *text)
{
  Sheet *sheet = data;

  if (sheet->in_value)
    g_string_append (sheet->value, text);
}

/* --- reading a workbook --------------------------------------------------- */

static gsize xml_ready;

static gboolean
read_workbook (GsfInput            *input,
               const char          *display_name,
               guint                sheet_number,
               guint64              max_inflated,
               KlyngeTableInfo     *info,
               KlyngeTableRowFunc   func,
               gpointer             user_data,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(GError) zip_error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) date_formats = g_hash_table_new (NULL, NULL);
  g_autoptr(GsfInput) part = NULL;
  g_autofree char *sheet_path = NULL;
  Workbook book = {
    .name = display_name,
    .max_inflated = max_inflated,
    .cancellable = cancellable,
    .shared = g_ptr_array_new (),
    .shared_chunk = g_string_chunk_new (64 * 1024),
    .xf_is_date = g_array_new (FALSE, FALSE, sizeof (gboolean)),
  };
  SheetList list = { &book, names, ids, targets };
  Styles styles = { book.xf_is_date, date_formats, FALSE };
  Sheet sheet = { 0 };
  const char *target;
  gboolean ok = FALSE;

  if (g_once_init_enter (&xml_ready))
    {
      xmlInitParser ();
      g_once_init_leave (&xml_ready, 1);
    }

  book.zip = gsf_infile_zip_new (input, &zip_error);
  if (book.zip == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                   _("%s: the file is not an XLSX workbook, or it is damaged or cut short."), display_name);
      goto out;
    }

  part = open_part (&book, "xl/workbook.xml");
  if (part == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                   _("%s: the file is a zip archive but not an Excel workbook."), display_name);
      goto out;
    }
  if (!read_part (&book, part, "xl/workbook.xml", workbook_element, NULL, &list, NULL, error))
    goto out;
  g_clear_object (&part);

  if (info != NULL)
    {
      info->format = KLYNGE_TABLE_FORMAT_XLSX;
      g_strfreev (info->sheet_names);
      info->sheet_names = g_new0 (char *, names->len + 1);
      for (guint i = 0; i < names->len; i++)
        info->sheet_names[i] = g_strdup (g_ptr_array_index (names, i));
    }

  if (sheet_number < 1 || sheet_number > names->len)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND,
                   ngettext ("%s: there is no sheet %u; the workbook has %u sheet.",
                             "%s: there is no sheet %u; the workbook has %u sheets.", names->len),
                   display_name, sheet_number, names->len);
      goto out;
    }

  if ((part = open_part (&book, "xl/_rels/workbook.xml.rels")) != NULL &&
      !read_part (&book, part, "xl/_rels/workbook.xml.rels", rels_element, NULL, &list, NULL, error))
    goto out;
  g_clear_object (&part);

  target = g_hash_table_lookup (targets, g_ptr_array_index (ids, sheet_number - 1));
  if (target == NULL)
    sheet_path = g_strdup_printf ("xl/worksheets/sheet%u.xml", sheet_number);
  else if (target[0] == '/')
    sheet_path = g_strdup (target + 1);
  else
    sheet_path = g_strconcat ("xl/", target, NULL);

  if ((part = open_part (&book, "xl/styles.xml")) != NULL &&
      !read_part (&book, part, "xl/styles.xml", styles_element, NULL, &styles, NULL, error))
    goto out;
  g_clear_object (&part);

  if ((part = open_part (&book, "xl/sharedStrings.xml")) != NULL)
    {
      SharedStrings ss = { &book, g_string_new (NULL), FALSE, 0 };
      gboolean read = read_part (&book, part, "xl/sharedStrings.xml", shared_element, shared_text, &ss, NULL, error);

      g_string_free (ss.item, TRUE);
      if (!read)
        goto out;
      book.has_shared = TRUE;
    }
  g_clear_object (&part);

  part = open_part (&book, sheet_path);
  if (part == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                   _("%s: the workbook lists sheet %u, but its part “%s” is missing; the file is damaged."),
                   display_name, sheet_number, sheet_path);
      goto out;
    }

  sheet.book = &book;
  sheet.func = func;
  sheet.user_data = user_data;
  sheet.value = g_string_new (NULL);
  sheet.fields = g_ptr_array_new_with_free_func (g_free);
  sheet.lines = g_array_new (FALSE, FALSE, sizeof (guint));
  sheet.bytes_total = gsf_input_size (part);
  sheet.input = part;

  ok = read_part (&book, part, sheet_path, sheet_element, sheet_text, &sheet, &sheet.stop, error);
  if (ok && sheet.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sheet.error));
      ok = FALSE;
    }

  g_clear_error (&sheet.error);
  g_string_free (sheet.value, TRUE);
  g_ptr_array_unref (sheet.fields);
  g_array_unref (sheet.lines);

out:
  g_clear_object (&book.zip);
  g_ptr_array_unref (book.shared);
  g_string_chunk_free (book.shared_chunk);
  g_array_unref (book.xf_is_date);
  return ok;
}

gboolean
klynge_xlsx_read_file (const char          *path,
                       const char          *display_name,
                       guint                sheet,
                       guint64              max_inflated,
                       KlyngeTableInfo     *info,
                       KlyngeTableRowFunc   func,
                       gpointer             user_data,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GsfInput) input = gsf_input_stdio_new (path, &local_error);

  if (input == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("%s: the file cannot be read."), display_name);
      return FALSE;
    }
  return read_workbook (input, display_name, sheet, max_inflated, info, func, user_data, cancellable, error);
}

gboolean
klynge_xlsx_read_bytes (GBytes              *bytes,
                        const char          *display_name,
                        guint                sheet,
                        guint64              max_inflated,
                        KlyngeTableInfo     *info,
                        KlyngeTableRowFunc   func,
                        gpointer             user_data,
                        GCancellable        *cancellable,
                        GError             **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GsfInput) input = NULL;

  if (size == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE, _("%s: the file is empty."), display_name);
      return FALSE;
    }
  input = gsf_input_memory_new (data, size, FALSE);
  return read_workbook (input, display_name, sheet, max_inflated, info, func, user_data, cancellable, error);
}
