/* klynge-xlsx-reader.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An XLSX file is a zip (libgsf) of XML parts read with libxml2's SAX2
 * parser (its tree-building reader is several times slower): the workbook
 * names the sheets, its relationships say which part holds each, the styles tell which number formats are dates, the shared
 * strings hold the text of most cells. Only the shared strings are kept in
 * memory; the sheet itself streams row by row.
 */

#define G_LOG_DOMAIN "klynge-import"
#define _GNU_SOURCE     /* memmem */

#include "klynge-i18n.h"

#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <math.h>
#include <string.h>

#include "klynge-xlsx-reader.h"

/* Merged ranges are only wanted to name the columns under them. */
#define MAX_MERGES 10000
#define MIN_INFLATED ((guint64)16 << 20)
#define MAX_INFLATION 40

/* libgsf 1.14 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)

typedef struct
{
  GsfInfile    *zip;
  const char   *name;
  const KlyngeTableLimits *limits;
  guint64       inflated;
  guint64       max_inflated;
  gboolean      counting;        /* FALSE while a part is read again */
  gboolean      too_big;
  GCancellable *cancellable;
  gboolean      cancelled;

  gboolean      date1904;
  GPtrArray    *shared;         /* char*, owned by shared_chunk; NULL: too long */
  GStringChunk *shared_chunk;
  guint64       shared_bytes;
  gboolean      has_shared;
  GArray       *xf_is_date;     /* gboolean per cell style */
} Workbook;

/* Reads the next piece of @input: its size, 0 at the end, -1 on failure. */
static gssize
read_piece (Workbook *book,
            GsfInput *input,
            guint8   *buffer,
            gsize     len)
{
  gsize n = MIN ((gsf_off_t)len, gsf_input_remaining (input));

  if (g_cancellable_is_cancelled (book->cancellable))
    {
      book->cancelled = TRUE;
      return -1;
    }
  if (n == 0)
    return 0;
  if (book->counting && book->inflated + n > book->max_inflated)
    {
      book->too_big = TRUE;
      return -1;
    }
  if (gsf_input_read (input, n, buffer) == NULL)
    return -1;
  if (book->counting)
    book->inflated += n;
  return n;
}

static void
silence_xml_errors (void        *data,
                    xmlErrorPtr  error)
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

/* A start tag's attributes as SAX2 gives them: local name, prefix, URI,
 * value and its end, for each. */
typedef struct
{
  const xmlChar **values;
  int             n;
} Attributes;

/* Calls @element for each start and end tag, @text for each piece of text;
 * the part counts towards the inflated-size limit. */
typedef void (*ElementFunc) (gpointer data, const Attributes *attributes, const char *local, gboolean start);
typedef void (*TextFunc) (gpointer data, const char *text, int len);

typedef struct
{
  xmlParserCtxtPtr  context;
  ElementFunc       element;
  TextFunc          text;
  gpointer          data;
  gboolean         *stop;
} Sax;

static void
sax_start (void           *user_data,
           const xmlChar  *local,
           const xmlChar  *prefix,
           const xmlChar  *uri,
           int             n_namespaces,
           const xmlChar **namespaces,
           int             n_attributes,
           int             n_defaulted,
           const xmlChar **values)
{
  Sax *sax = user_data;
  Attributes attributes = { values, n_attributes };

  sax->element (sax->data, &attributes, (const char *)local, TRUE);
  if (sax->stop != NULL && *sax->stop)
    xmlStopParser (sax->context);
}

static void
sax_end (void          *user_data,
         const xmlChar *local,
         const xmlChar *prefix,
         const xmlChar *uri)
{
  Sax *sax = user_data;
  Attributes none = { NULL, 0 };

  sax->element (sax->data, &none, (const char *)local, FALSE);
  if (sax->stop != NULL && *sax->stop)
    xmlStopParser (sax->context);
}

static void
sax_text (void          *user_data,
          const xmlChar *text,
          int            len)
{
  Sax *sax = user_data;

  if (sax->text != NULL)
    sax->text (sax->data, (const char *)text, len);
}

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
  /* No entity or DTD handlers: an entity is never expanded nor fetched. */
  xmlSAXHandler handler = {
    .initialized = XML_SAX2_MAGIC,
    .startElementNs = sax_start,
    .endElementNs = sax_end,
    .characters = sax_text,
    .cdataBlock = sax_text,
    .ignorableWhitespace = sax_text,
    .serror = silence_xml_errors,
  };
  Sax sax = { NULL, element, text, data, stop };
  g_autofree guint8 *buffer = NULL;
  gboolean ok = TRUE;

  if (gsf_input_size (input) > (gsf_off_t)book->max_inflated)
    {
      book->too_big = TRUE;
      return part_failed (book, part, error);
    }

  sax.context = xmlCreatePushParserCtxt (&handler, &sax, NULL, 0, part);
  if (sax.context == NULL)
    return part_failed (book, part, error);
  xmlCtxtUseOptions (sax.context, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  buffer = g_malloc (64 * 1024);
  for (;;)
    {
      gssize n = read_piece (book, input, buffer, 64 * 1024);

      if (n < 0)
        {
          ok = FALSE;
          break;
        }
      if (xmlParseChunk (sax.context, (const char *)buffer, n, n == 0) != 0 || (stop != NULL && *stop))
        {
          ok = stop != NULL && *stop;
          break;
        }
      if (n == 0)
        {
          ok = sax.context->wellFormed;
          break;
        }
    }
  /* libxml2 keeps a DTD's entity declarations in a document of its own. */
  if (sax.context->myDoc != NULL)
    xmlFreeDoc (sax.context->myDoc);
  xmlFreeParserCtxt (sax.context);

  if (!ok)
    return part_failed (book, part, error);
  return TRUE;
}

static char *
attribute (const Attributes *attributes,
           const char       *local)
{
  /* Matched by local name: writers differ in the prefix they give the
   * relationships namespace. */
  for (int i = 0; i < attributes->n; i++)
    {
      const xmlChar **a = attributes->values + i * 5;

      if (g_strcmp0 ((const char *)a[0], local) == 0)
        return g_strndup ((const char *)a[3], a[4] - a[3]);
    }
  return NULL;
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
                  const Attributes *attributes,
                  const char       *local,
                  gboolean          start)
{
  SheetList *list = data;

  if (!start)
    return;
  if (g_str_equal (local, "workbookPr"))
    {
      g_autofree char *date1904 = attribute (attributes, "date1904");
      list->book->date1904 = is_true (date1904);
    }
  else if (g_str_equal (local, "sheet"))
    {
      char *name = attribute (attributes, "name");
      char *id = attribute (attributes, "id");

      g_ptr_array_add (list->names, name ? name : g_strdup (""));
      g_ptr_array_add (list->ids, id ? id : g_strdup (""));
    }
}

static void
rels_element (gpointer          data,
              const Attributes *attributes,
              const char       *local,
              gboolean          start)
{
  SheetList *list = data;
  char *id, *target;

  if (!start || !g_str_equal (local, "Relationship"))
    return;
  id = attribute (attributes, "Id");
  target = attribute (attributes, "Target");
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
                const Attributes *attributes,
                const char       *local,
                gboolean          start)
{
  Styles *styles = data;

  if (g_str_equal (local, "cellXfs"))
    styles->in_cell_xfs = start;
  else if (start && g_str_equal (local, "numFmt"))
    {
      g_autofree char *id = attribute (attributes, "numFmtId");
      g_autofree char *code = attribute (attributes, "formatCode");

      if (id != NULL && format_code_is_date (code))
        g_hash_table_add (styles->date_formats, GUINT_TO_POINTER (atoi (id) + 1));
    }
  else if (start && styles->in_cell_xfs && g_str_equal (local, "xf"))
    {
      g_autofree char *id_text = attribute (attributes, "numFmtId");
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
  gboolean  too_long;
  gboolean  in_t;
  guint     skip_depth;          /* inside <rPh>: phonetic hints, not text */
  GError   *error;
  gboolean  stop;
} SharedStrings;

static gboolean
too_many_chars (const Workbook *book,
                const char     *text,
                gsize           len)
{
  return len > book->limits->max_cell_chars && (guint64)g_utf8_strlen (text, len) > book->limits->max_cell_chars;
}

static void
shared_element (gpointer          data,
                const Attributes *attributes,
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
      Workbook *book = ss->book;

      if (start)
        {
          g_string_truncate (ss->item, 0);
          ss->too_long = FALSE;
          return;
        }
      /* A text no cell can hold is kept as NULL: only a cell that uses it is refused. */
      ss->too_long |= too_many_chars (book, ss->item->str, ss->item->len);
      book->shared_bytes += sizeof (char *) + (ss->too_long ? 0 : ss->item->len + 1);
      if (book->shared_bytes > book->limits->max_shared_bytes)
        {
          g_set_error (&ss->error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                       _("%s: the workbook’s shared texts take more than %u MB; it is damaged or not a real spreadsheet."),
                       book->name, (guint)(book->limits->max_shared_bytes >> 20));
          ss->stop = TRUE;
          return;
        }
      g_ptr_array_add (book->shared, ss->too_long ? NULL :
                       g_string_chunk_insert_len (book->shared_chunk, ss->item->str, ss->item->len));
    }
}

static void
shared_text (gpointer    data,
             const char *text,
             int         len)
{
  SharedStrings *ss = data;

  if (!ss->in_t || ss->too_long)
    return;
  g_string_append_len (ss->item, text, len);
  /* Runs of rich text add up: stop keeping them once too long. */
  if (ss->item->len / 4 > ss->book->limits->max_cell_chars)
    {
      ss->too_long = TRUE;
      g_string_truncate (ss->item, 0);
    }
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
  /* Kept from row to row: an entry is "" (empty, not owned) or a text of
   * this row listed in set, so a cell at XFD costs one entry, not 16,384. */
  GPtrArray          *fields;
  GArray             *set;          /* guint: the indexes holding texts */
  guint               n_fields;     /* this row's */
  gsize               row_bytes;
  guint64             n_cells;      /* in the sheet */
  guint64             shared_refs;  /* bytes of shared text used */
  goffset             bytes_total;
  GsfInput           *input;
  GArray             *merges;       /* KlyngeTableMerge */
} Sheet;

static const char empty_field[] = "";

static gboolean
sheet_failed (Sheet      *sheet,
              const char *format,
              ...) G_GNUC_PRINTF (2, 3);

static gboolean
sheet_failed (Sheet      *sheet,
              const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  if (sheet->error == NULL)
    sheet->error = g_error_new_valist (KLYNGE_ERROR, KLYNGE_ERROR_PARSE, format, args);
  va_end (args);
  sheet->stop = TRUE;
  return FALSE;
}

/* "B12" → column 2; 0 when it is no cell reference, G_MAXUINT beyond @max. */
static guint
parse_column (const char *ref,
              guint       max)
{
  guint column = 0;

  for (; ref != NULL && g_ascii_isalpha (*ref); ref++)
    {
      column = column * 26 + (g_ascii_toupper (*ref) - 'A' + 1);
      if (column > max)
        return G_MAXUINT;
    }
  return column;
}

/* "B12" → row 12, 0 when there is none. */
static guint
parse_row (const char *ref)
{
  guint64 row = 0;

  while (ref != NULL && g_ascii_isalpha (*ref))
    ref++;
  if (ref == NULL || !g_ascii_string_to_unsigned (ref, 10, 1, G_MAXUINT32, &row, NULL))
    return 0;
  return row;
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
clear_row (Sheet *sheet)
{
  for (guint i = 0; i < sheet->set->len; i++)
    {
      guint index = g_array_index (sheet->set, guint, i);

      g_free (sheet->fields->pdata[index]);
      sheet->fields->pdata[index] = (char *)empty_field;
    }
  g_array_set_size (sheet->set, 0);
  sheet->n_fields = 0;
  sheet->row_bytes = 0;
}

static void
set_field (Sheet *sheet,
           char  *text)
{
  guint index = sheet->column - 1;

  while (sheet->fields->len <= index)
    g_ptr_array_add (sheet->fields, (char *)empty_field);
  if (sheet->fields->pdata[index] == empty_field)
    g_array_append_val (sheet->set, index);
  else
    g_free (sheet->fields->pdata[index]);
  sheet->fields->pdata[index] = text;
  sheet->n_fields = MAX (sheet->n_fields, index + 1);
}

static char *
shared_cell_text (Sheet      *sheet,
                  const char *v)
{
  Workbook *book = sheet->book;
  g_autofree char *cell = klynge_table_column_name (sheet->column);
  const char *text;
  guint64 index;
  gsize len;

  if (!book->has_shared)
    {
      sheet_failed (sheet, _("%s:%u:%u: the cell refers to the workbook’s shared texts, but the workbook has none; the file is damaged."),
                    book->name, sheet->row_number, sheet->column);
      return NULL;
    }
  if (!g_ascii_string_to_unsigned (v, 10, 0, G_MAXUINT32, &index, NULL) || index >= book->shared->len)
    {
      sheet_failed (sheet, _("%s:%u:%u: the cell refers to a shared text that does not exist; the file is damaged."),
                    book->name, sheet->row_number, sheet->column);
      return NULL;
    }
  text = g_ptr_array_index (book->shared, index);
  if (text == NULL)
    {
      sheet_failed (sheet, _("%s:%u:%u: the cell %s%u holds more than %u characters."),
                    book->name, sheet->row_number, sheet->column, cell, sheet->row_number,
                    book->limits->max_cell_chars);
      return NULL;
    }
  /* Each cell's copy counts: one long text under every cell of a small
   * file would otherwise take the machine's memory. */
  len = strlen (text);
  sheet->shared_refs += len;
  if (sheet->shared_refs > book->limits->max_shared_refs)
    {
      sheet_failed (sheet, _("%s:%u:%u: by cell %s%u the cells have repeated the workbook’s shared texts to more than %u MB; it is damaged or not a real spreadsheet."),
                    book->name, sheet->row_number, sheet->column, cell, sheet->row_number,
                    (guint)(book->limits->max_shared_refs >> 20));
      return NULL;
    }
  return g_strndup (text, len);
}

static void
finish_cell (Sheet *sheet)
{
  const char *v = sheet->value->str;
  char *text = NULL;

  if (sheet->type != CELL_SHARED && too_many_chars (sheet->book, v, sheet->value->len))
    {
      g_autofree char *cell = klynge_table_column_name (sheet->column);

      sheet_failed (sheet, _("%s:%u:%u: the cell %s%u holds more than %u characters."),
                    sheet->book->name, sheet->row_number, sheet->column, cell, sheet->row_number,
                    sheet->book->limits->max_cell_chars);
      return;
    }

  switch (sheet->type)
    {
    case CELL_SHARED:
      /* A formula's cell without a cached value is empty, not damaged. */
      if (*v == '\0')
        return;
      text = shared_cell_text (sheet, v);
      if (text == NULL)
        return;
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

  g_strstrip (text);
  /* Empty cells (styled, or a formula never calculated) do not widen the row. */
  if (*text == '\0')
    {
      g_free (text);
      return;
    }
  if (sheet->set->len >= sheet->book->limits->max_row_cells)
    {
      g_free (text);
      sheet_failed (sheet, _("%s:%u: the row has more than %u cells."), sheet->book->name, sheet->row_number,
                    sheet->book->limits->max_row_cells);
      return;
    }
  sheet->row_bytes += strlen (text) + 1;
  if (sheet->row_bytes > sheet->book->limits->max_row_bytes)
    {
      g_free (text);
      sheet_failed (sheet, _("%s:%u: the row holds more than %u MB of text."), sheet->book->name, sheet->row_number,
                    sheet->book->limits->max_row_bytes >> 20);
      return;
    }
  if (++sheet->n_cells > sheet->book->limits->max_cells)
    {
      g_free (text);
      sheet_failed (sheet, _("%s:%u: the sheet has more than %u cells, more than Klynge reads from one file."),
                    sheet->book->name, sheet->row_number, sheet->book->limits->max_cells);
      return;
    }
  set_field (sheet, text);
}

static void
finish_row (Sheet *sheet)
{
  KlyngeTableRow row = { 0 };

  if (sheet->n_fields == 0 || sheet->stop)
    return;

  row.line = sheet->row_number;
  row.n_fields = sheet->n_fields;
  row.fields = (const char *const *)sheet->fields->pdata;
  row.lines = NULL;
  row.bytes_read = gsf_input_tell (sheet->input);
  row.bytes_total = sheet->bytes_total;
  row.delimiter = 0;
  if (sheet->merges != NULL)
    {
      row.merges = (const KlyngeTableMerge *)sheet->merges->data;
      row.n_merges = sheet->merges->len;
    }

  if (!sheet->func (&row, sheet->user_data, &sheet->error))
    sheet->stop = TRUE;
}

static void
sheet_element (gpointer          data,
               const Attributes *attributes,
               const char       *local,
               gboolean          start)
{
  Sheet *sheet = data;

  if (sheet->stop)
    return;
  if (g_str_equal (local, "row"))
    {
      if (start)
        {
          g_autofree char *r = attribute (attributes, "r");
          guint64 number;

          if (r != NULL && g_ascii_string_to_unsigned (r, 10, 1, G_MAXUINT32, &number, NULL))
            sheet->row_number = number;
          else
            sheet->row_number++;
          sheet->column = 0;
          clear_row (sheet);
        }
      else
        finish_row (sheet);
    }
  else if (g_str_equal (local, "c"))
    {
      if (start)
        {
          g_autofree char *r = attribute (attributes, "r");
          g_autofree char *t = attribute (attributes, "t");
          g_autofree char *s = attribute (attributes, "s");
          guint max = sheet->book->limits->max_columns;
          guint column = parse_column (r, max);
          guint64 style;

          sheet->column = column > 0 ? column : sheet->column + 1;
          if (sheet->column > max)
            {
              g_autofree char *last = klynge_table_column_name (max);

              sheet_failed (sheet, _("%s:%u: the row has a cell beyond column %s, the last one a spreadsheet has."),
                            sheet->book->name, sheet->row_number, last);
              return;
            }
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
            const char *text,
            int         len)
{
  Sheet *sheet = data;

  /* Past the limit the cell is refused anyway: stop growing it. */
  if (sheet->in_value && sheet->value->len / 4 <= sheet->book->limits->max_cell_chars)
    g_string_append_len (sheet->value, text, len);
}

/* --- merged cells: after the rows in the sheet, so read first ------------ */

static void
add_merge (GArray     *merges,
           const char *ref)
{
  g_auto(GStrv) ends = g_strsplit (ref, ":", 2);
  KlyngeTableMerge m;

  if (ends[0] == NULL || ends[1] == NULL || merges->len >= MAX_MERGES)
    return;
  m.first_column = parse_column (ends[0], G_MAXUINT / 26 - 26);
  m.last_column = parse_column (ends[1], G_MAXUINT / 26 - 26);
  m.first_line = parse_row (ends[0]);
  m.last_line = parse_row (ends[1]);
  if (m.first_column > 0 && m.first_line > 0 && m.last_column >= m.first_column && m.last_line >= m.first_line)
    g_array_append_val (merges, m);
}

/* The <mergeCell ref="A4:B4"/> tags, found in the bytes: parsing the whole
 * sheet's XML twice would double the time of a large sheet. */
static gboolean
scan_merges (Workbook *book,
             GsfInput *input,
             GArray   *merges)
{
  g_autoptr(GByteArray) window = g_byte_array_new ();
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  gssize n;

  while ((n = read_piece (book, input, buffer, 64 * 1024)) > 0)
    {
      const char *p, *end, *hit;

      g_byte_array_append (window, buffer, n);
      p = (const char *)window->data;
      end = p + window->len;
      while ((hit = memmem (p, end - p, "mergeCell ", 10)) != NULL)
        {
          const char *close = memchr (hit, '>', end - hit);
          g_autofree char *tag = NULL;
          const char *ref;

          if (close == NULL)
            break;
          tag = g_strndup (hit, close - hit);
          if ((ref = strstr (tag, "ref=")) != NULL && (ref[4] == '"' || ref[4] == '\''))
            {
              char *value = g_strdup (ref + 5);

              value[strcspn (value, "\"'")] = '\0';
              add_merge (merges, value);
              g_free (value);
            }
          p = close + 1;
        }
      /* Keep what may begin a tag cut by the piece's end. */
      p = MAX (p, hit != NULL && end - hit < 4096 ? hit : end - MIN (end - p, 16));
      g_byte_array_remove_range (window, 0, p - (const char *)window->data);
    }
  return n == 0;
}

/* --- reading a workbook --------------------------------------------------- */

static gsize xml_ready;

/* By name first: "Data"; a name that is a number is also a position. */
static gboolean
choose_sheet (GPtrArray                *names,
              const char               *display_name,
              const KlyngeTableOptions *options,
              guint                    *number,
              GError                  **error)
{
  if (options->sheet_name != NULL)
    {
      g_autofree char *wanted = g_utf8_casefold (options->sheet_name, -1);
      g_autofree char *list = NULL;

      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *folded = g_utf8_casefold (g_ptr_array_index (names, i), -1);

          if (g_str_equal (folded, wanted))
            {
              *number = i + 1;
              return TRUE;
            }
        }
      g_ptr_array_add (names, NULL);
      list = g_strjoinv (", ", (char **)names->pdata);
      g_ptr_array_remove_index (names, names->len - 1);
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND,
                   _("%s: the workbook has no sheet “%s”; its sheets are %s."),
                   display_name, options->sheet_name, list);
      return FALSE;
    }

  *number = options->sheet > 0 ? options->sheet : 1;
  if (*number > names->len)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND,
                   ngettext ("%s: there is no sheet %u; the workbook has %u sheet.",
                             "%s: there is no sheet %u; the workbook has %u sheets.", names->len),
                   display_name, *number, names->len);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_workbook (GsfInput                 *input,
               const char               *display_name,
               const KlyngeTableOptions *options,
               KlyngeTableInfo          *info,
               KlyngeTableRowFunc        func,
               gpointer                  user_data,
               GCancellable             *cancellable,
               GError                  **error)
{
  static const KlyngeTableOptions defaults = { 0 };
  g_autoptr(GError) zip_error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) date_formats = g_hash_table_new (NULL, NULL);
  g_autoptr(GsfInput) part = NULL;
  g_autofree char *sheet_path = NULL;
  Workbook book = {
    .name = display_name,
    .counting = TRUE,
    .cancellable = cancellable,
    .shared = g_ptr_array_new (),
    .shared_chunk = g_string_chunk_new (64 * 1024),
    .xf_is_date = g_array_new (FALSE, FALSE, sizeof (gboolean)),
  };
  SheetList list = { &book, names, ids, targets };
  Styles styles = { book.xf_is_date, date_formats, FALSE };
  Sheet sheet = { 0 };
  const char *target;
  guint sheet_number;
  gboolean ok = FALSE;

  if (options == NULL)
    options = &defaults;
  book.limits = options->limits != NULL ? options->limits : &klynge_table_default_limits;
  /* Real workbooks inflate five to ten times: a sheet many times more
   * would take far longer to read than its size promises. */
  book.max_inflated = MIN (book.limits->max_inflated, MAX (MIN_INFLATED, (guint64)gsf_input_size (input) * MAX_INFLATION));

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

  if (!choose_sheet (names, display_name, options, &sheet_number, error))
    goto out;

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
      SharedStrings ss = { &book, g_string_new (NULL), FALSE, FALSE, 0, NULL, FALSE };
      gboolean read = read_part (&book, part, "xl/sharedStrings.xml", shared_element, shared_text, &ss, &ss.stop, error);

      g_string_free (ss.item, TRUE);
      if (read && ss.error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&ss.error));
          read = FALSE;
        }
      g_clear_error (&ss.error);
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
  sheet.fields = g_ptr_array_new ();
  sheet.set = g_array_new (FALSE, FALSE, sizeof (guint));
  sheet.bytes_total = gsf_input_size (part);
  sheet.input = part;

  /* The merged ranges follow the rows: a first pass reads only them. */
  if (options->header != KLYNGE_TABLE_HEADER_NONE)
    {
      g_autoptr(GsfInput) again = open_part (&book, sheet_path);

      sheet.merges = g_array_new (FALSE, FALSE, sizeof (KlyngeTableMerge));
      book.counting = FALSE;
      ok = scan_merges (&book, again, sheet.merges) || part_failed (&book, sheet_path, error);
      book.counting = TRUE;
    }
  else
    ok = TRUE;

  if (ok)
    ok = read_part (&book, part, sheet_path, sheet_element, sheet_text, &sheet, &sheet.stop, error);
  if (ok && sheet.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sheet.error));
      ok = FALSE;
    }

  clear_row (&sheet);
  g_clear_error (&sheet.error);
  g_string_free (sheet.value, TRUE);
  g_ptr_array_unref (sheet.fields);
  g_array_unref (sheet.set);
  g_clear_pointer (&sheet.merges, g_array_unref);

out:
  g_clear_object (&book.zip);
  g_ptr_array_unref (book.shared);
  g_string_chunk_free (book.shared_chunk);
  g_array_unref (book.xf_is_date);
  return ok;
}

gboolean
klynge_xlsx_read_file (const char               *path,
                       const char               *display_name,
                       const KlyngeTableOptions *options,
                       KlyngeTableInfo          *info,
                       KlyngeTableRowFunc        func,
                       gpointer                  user_data,
                       GCancellable             *cancellable,
                       GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GsfInput) input = gsf_input_stdio_new (path, &local_error);

  if (input == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("%s: the file cannot be read."), display_name);
      return FALSE;
    }
  return read_workbook (input, display_name, options, info, func, user_data, cancellable, error);
}

gboolean
klynge_xlsx_read_bytes (GBytes                   *bytes,
                        const char               *display_name,
                        const KlyngeTableOptions *options,
                        KlyngeTableInfo          *info,
                        KlyngeTableRowFunc        func,
                        gpointer                  user_data,
                        GCancellable             *cancellable,
                        GError                  **error)
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
  return read_workbook (input, display_name, options, info, func, user_data, cancellable, error);
}
