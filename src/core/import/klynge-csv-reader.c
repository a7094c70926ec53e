/* klynge-csv-reader.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libcsv does the quoting. It knows nothing of lines, so the text is fed to
 * it one physical line at a time and the line number is counted here; the
 * parser's public state tells whether a line starts a new row.
 */

#define G_LOG_DOMAIN "klynge-import"

#include "klynge-i18n.h"

#include <csv.h>
#include <errno.h>
#include <string.h>

#include "klynge-csv-reader.h"

#define CHUNK_SIZE (64 * 1024)
/* libcsv's state before the first field of a row. */
#define CSV_ROW_NOT_BEGUN 0

typedef enum
{
  ENCODING_UNDECIDED,   /* only ASCII so far: both readings agree */
  ENCODING_UTF8,
  ENCODING_CP1252,
  ENCODING_UTF16,       /* Excel's "Unicode text": told by its byte-order mark */
} Encoding;

typedef struct
{
  struct csv_parser   parser;
  const char         *name;
  const KlyngeTableLimits *limits;
  KlyngeTableRowFunc  func;
  gpointer            user_data;

  Encoding            encoding;
  GIConv              converter;
  GByteArray         *carry;          /* an incomplete UTF-8 sequence at a chunk's end */
  GString            *text;

  guint               line;
  gboolean            after_cr;
  guint               row_line;
  guint               field_line;
  guint64             n_fields;
  GString            *row;            /* the row's fields, each NUL-terminated */
  GArray             *offsets;
  GArray             *lines;
  GPtrArray          *fields;
  goffset             bytes_read;
  goffset             bytes_total;

  gboolean            stop;
  GError             *error;
} CsvReader;

static void
field_cb (void   *s,
          size_t  len,
          void   *data)
{
  CsvReader *self = data;
  gsize offset = self->row->len;
  guint line = self->offsets->len == 0 ? self->row_line : self->field_line;
  guint column = self->offsets->len + 1;
  const char *nul;

  if (self->stop)
    return;

  if (self->offsets->len >= self->limits->max_row_cells)
    {
      g_set_error (&self->error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                   _("%s:%u: the row has more than %u fields."), self->name, self->row_line,
                   self->limits->max_row_cells);
      self->stop = TRUE;
      return;
    }
  if (++self->n_fields > self->limits->max_cells)
    {
      g_set_error (&self->error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                   _("%s:%u: the file has more than %u fields, more than Klynge reads from one file."),
                   self->name, self->row_line, self->limits->max_cells);
      self->stop = TRUE;
      return;
    }
  /* "12\0345" would otherwise be read as 12. */
  if ((nul = memchr (s, '\0', len)) != NULL)
    {
      for (const char *p = s; p < nul; p++)
        line += *p == '\n' || (*p == '\r' && p[1] != '\n');
      g_set_error (&self->error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                   _("%s:%u:%u: the field holds a NUL character, which no text has; the file is damaged."),
                   self->name, line, column);
      self->stop = TRUE;
      return;
    }
  if (len > self->limits->max_cell_chars && (guint64)g_utf8_strlen (s, len) > self->limits->max_cell_chars)
    {
      g_set_error (&self->error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                   _("%s:%u:%u: the field is longer than %u characters."), self->name, line, column,
                   self->limits->max_cell_chars);
      self->stop = TRUE;
      return;
    }

  g_string_append_len (self->row, s, len);
  g_string_append_c (self->row, '\0');
  if (self->row->len > self->limits->max_row_bytes)
    {
      g_set_error (&self->error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                   _("%s:%u: the row holds more than %u MB of text."), self->name, self->row_line,
                   self->limits->max_row_bytes >> 20);
      self->stop = TRUE;
      return;
    }
  g_array_append_val (self->offsets, offset);
  g_array_append_val (self->lines, line);
  self->field_line = self->line;
}

static void
row_cb (int   c,
        void *data)
{
  CsvReader *self = data;
  KlyngeTableRow row = { 0 };

  if (self->stop)
    return;

  g_ptr_array_set_size (self->fields, 0);
  for (guint i = 0; i < self->offsets->len; i++)
    g_ptr_array_add (self->fields, self->row->str + g_array_index (self->offsets, gsize, i));

  row.line = self->row_line;
  row.n_fields = self->fields->len;
  row.fields = (const char *const *)self->fields->pdata;
  row.lines = (const guint *)self->lines->data;
  row.bytes_read = self->bytes_read;
  row.bytes_total = self->bytes_total;
  row.delimiter = self->parser.delim_char;

  if (!self->func (&row, self->user_data, &self->error))
    self->stop = TRUE;

  g_string_truncate (self->row, 0);
  g_array_set_size (self->offsets, 0);
  g_array_set_size (self->lines, 0);
}

static gboolean
parse_failed (CsvReader *self)
{
  if (self->error == NULL)
    g_set_error (&self->error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                 _("%s:%u: a quoted field is not closed; the file is not valid CSV."),
                 self->name, self->row_line);
  self->stop = TRUE;
  return FALSE;
}

/* Feeds @text to libcsv a line at a time, counting lines. */
static gboolean
feed (CsvReader  *self,
      const char *text,
      gsize       len)
{
  const char *end = text + len;

  while (text < end && !self->stop)
    {
      const char *nl = text;
      gsize n;

      while (nl < end && *nl != '\n' && *nl != '\r')
        nl++;
      n = nl < end ? (gsize)(nl - text) + 1 : (gsize)(end - text);

      /* "\r\n" is one line end, split over two pieces. */
      if (self->after_cr)
        {
          self->after_cr = FALSE;
          if (*text == '\n')
            {
              if (csv_parse (&self->parser, text, 1, field_cb, row_cb, self) != 1)
                return parse_failed (self);
              text++;
              continue;
            }
        }

      if (self->parser.pstate == CSV_ROW_NOT_BEGUN)
        self->row_line = self->field_line = self->line;

      if (csv_parse (&self->parser, text, n, field_cb, row_cb, self) != n)
        return parse_failed (self);

      /* Four bytes a character at most: longer is surely too long. */
      if (self->parser.entry_pos / 4 > self->limits->max_cell_chars)
        {
          if (self->parser.quoted)
            g_set_error (&self->error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                         _("%s:%u: a field is longer than %u characters; is a closing quote missing?"),
                         self->name, self->field_line, self->limits->max_cell_chars);
          else
            g_set_error (&self->error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                         _("%s:%u:%u: the field is longer than %u characters."),
                         self->name, self->field_line, self->offsets->len + 1, self->limits->max_cell_chars);
          self->stop = TRUE;
          return FALSE;
        }

      if (nl < end)
        {
          self->line++;
          self->after_cr = *nl == '\r';
        }
      text += n;
    }

  return self->error == NULL;
}

/* Converts what fits in a buffer of @in to the text; returns g_iconv()'s
 * result, errno telling why it stopped. */
static gsize
convert_some (CsvReader  *self,
              char      **in,
              gsize      *in_left)
{
  char buf[4096];
  char *out = buf;
  gsize out_left = sizeof buf;
  gsize rc = g_iconv (self->converter, in, in_left, &out, &out_left);
  int saved = errno;

  g_string_append_len (self->text, buf, out - buf);
  errno = saved;
  return rc;
}

/* Windows-1252 leaves five bytes undefined; iconv refuses them, so they
 * become the ISO-8859-1 characters of the same number. */
static void
append_cp1252 (CsvReader  *self,
               const char *raw,
               gsize       len)
{
  char *in = (char *)raw;
  gsize in_left = len;

  while (in_left > 0)
    {
      gsize rc = convert_some (self, &in, &in_left);

      if (rc == (gsize)-1 && errno == EILSEQ)
        {
          char utf8[6];
          g_string_append_len (self->text, utf8, g_unichar_to_utf8 ((guchar)*in, utf8));
          in++;
          in_left--;
        }
    }
}

/* A character may be cut by the chunk's end: its bytes wait in carry. */
static gboolean
append_utf16 (CsvReader  *self,
              const char *raw,
              gsize       len,
              gboolean    at_end)
{
  g_autoptr(GByteArray) input = g_byte_array_new ();
  char *in;
  gsize in_left;

  g_byte_array_append (input, self->carry->data, self->carry->len);
  g_byte_array_append (input, (const guint8 *)raw, len);
  g_byte_array_set_size (self->carry, 0);
  in = (char *)input->data;
  in_left = input->len;

  while (in_left > 0)
    {
      gsize rc = convert_some (self, &in, &in_left);

      if (rc != (gsize)-1 || errno == E2BIG)
        continue;
      if (errno == EINVAL && !at_end)
        {
          g_byte_array_append (self->carry, (const guint8 *)in, in_left);
          break;
        }
      g_set_error (&self->error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                   _("%s:%u: the file is not valid UTF-16 text."), self->name, self->line);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_non_ascii (const char *p,
               gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if ((guchar)p[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* Text has hardly any control characters; a program's own file (a .bin, a
 * .doc, a zip) is full of them, and read as Windows-1252 it would only show
 * the user a screen of gibberish. A stray NUL in a text file is not this:
 * it is refused where it is. */
static gboolean
looks_binary (const char *p,
              gsize       n)
{
  gsize controls = 0;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = p[i];

      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
        controls++;
    }
  return controls > 1 && controls > n / 100;
}

static gboolean
end_is_partial (const char *p,
                gsize       n)
{
  return n < 4 && g_utf8_get_char_validated (p, n) == (gunichar)-2;
}

static gboolean
decode_text (CsvReader  *self,
             const char *raw,
             gsize       len,
             gboolean    at_end)
{
  const char *bad;

  if (self->encoding == ENCODING_CP1252)
    {
      append_cp1252 (self, raw, len);
      return TRUE;
    }
  if (self->encoding == ENCODING_UTF16)
    return append_utf16 (self, raw, len, at_end);

  if (self->carry->len > 0)
    {
      g_byte_array_append (self->carry, (const guint8 *)raw, len);
      raw = (const char *)self->carry->data;
      len = self->carry->len;
    }

  if (g_utf8_validate_len (raw, len, &bad))
    {
      if (self->encoding == ENCODING_UNDECIDED && has_non_ascii (raw, len))
        self->encoding = ENCODING_UTF8;
      g_string_append_len (self->text, raw, len);
      g_byte_array_set_size (self->carry, 0);
      return TRUE;
    }

  /* A character cut in two by the chunk's end: keep its start for the next chunk. */
  if (!at_end && end_is_partial (bad, raw + len - bad))
    {
      g_autoptr(GByteArray) rest = g_byte_array_new ();

      g_byte_array_append (rest, (const guint8 *)bad, raw + len - bad);
      g_string_append_len (self->text, raw, bad - raw);
      g_byte_array_set_size (self->carry, 0);
      g_byte_array_append (self->carry, rest->data, rest->len);
      return TRUE;
    }

  /* The first character beyond ASCII decides. */
  if (has_non_ascii (raw, bad - raw))
    self->encoding = ENCODING_UTF8;

  if (self->encoding == ENCODING_UTF8)
    {
      guint line = self->line;

      for (const char *p = raw; p < bad; p++)
        line += *p == '\n';
      g_set_error (&self->error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                   _("%s:%u: the file mixes UTF-8 with another encoding; save it again as “CSV UTF-8”."),
                   self->name, line);
      return FALSE;
    }

  /* Not UTF-8 and all ASCII so far: what Danish Excel writes. */
  self->encoding = ENCODING_CP1252;
  self->converter = g_iconv_open ("UTF-8", "WINDOWS-1252");
  g_string_append_len (self->text, raw, bad - raw);
  append_cp1252 (self, bad, raw + len - bad);
  g_byte_array_set_size (self->carry, 0);
  return TRUE;
}

/* A NUL is no character of UTF-8 or Windows-1252 text: it passes through to
 * the parser, which refuses it with its line and column. */
static gboolean
decode (CsvReader  *self,
        const char *raw,
        gsize       len,
        gboolean    at_end)
{
  const char *nul;

  g_string_truncate (self->text, 0);
  while (self->encoding != ENCODING_UTF16 && (nul = memchr (raw, '\0', len)) != NULL)
    {
      if (!decode_text (self, raw, nul - raw, TRUE))
        return FALSE;
      g_string_append_c (self->text, '\0');
      len -= nul - raw + 1;
      raw = nul + 1;
    }
  return decode_text (self, raw, len, at_end);
}

#define SNIFF_LINES 20

/* The separator that splits the first lines most consistently: the same
 * number of times on the most lines, then the most times. Not the first line
 * alone: registers put a title above the header, and decimal commas make ","
 * common in a ";" file, but not the same number of times on every line. */
static char
detect_delimiter (const char *text,
                  gsize       len)
{
  static const char candidates[] = { ';', '\t', ',' };
  guint counts[G_N_ELEMENTS (candidates)][SNIFF_LINES] = { { 0 } };
  gboolean quoted = FALSE;
  guint line = 0;
  char best = ',';
  guint best_lines = 0, best_count = 0;

  for (gsize i = 0; i < len && line < SNIFF_LINES; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && text[i] == '\n')
        line++;
      else if (!quoted)
        for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
          counts[c][line] += text[i] == candidates[c];
    }

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    for (guint l = 0; l < SNIFF_LINES; l++)
      {
        guint count = counts[c][l], lines = 0;

        if (count == 0)
          continue;
        for (guint k = 0; k < SNIFF_LINES; k++)
          lines += counts[c][k] == count;
        if (lines > best_lines || (lines == best_lines && count > best_count))
          {
            best = candidates[c];
            best_lines = lines;
            best_count = count;
          }
      }
  return best;
}

static void
csv_reader_clear (CsvReader *self)
{
  csv_free (&self->parser);
  if (self->converter != NULL)
    g_iconv_close (self->converter);
  g_byte_array_unref (self->carry);
  g_string_free (self->text, TRUE);
  g_string_free (self->row, TRUE);
  g_array_unref (self->offsets);
  g_array_unref (self->lines);
  g_ptr_array_unref (self->fields);
  g_clear_error (&self->error);
}

gboolean
klynge_csv_read (GInputStream        *stream,
                 goffset              size,
                 const char          *display_name,
                 const KlyngeTableLimits *limits,
                 KlyngeTableInfo     *info,
                 KlyngeTableRowFunc   func,
                 gpointer             user_data,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autofree char *buffer = g_malloc (CHUNK_SIZE);
  CsvReader self = {
    .name = display_name,
    .limits = limits != NULL ? limits : &klynge_table_default_limits,
    .func = func,
    .user_data = user_data,
    .carry = g_byte_array_new (),
    .text = g_string_sized_new (CHUNK_SIZE + CHUNK_SIZE / 2),
    .line = 1,
    .row_line = 1,
    .field_line = 1,
    .row = g_string_new (NULL),
    .offsets = g_array_new (FALSE, FALSE, sizeof (gsize)),
    .lines = g_array_new (FALSE, FALSE, sizeof (guint)),
    .fields = g_ptr_array_new (),
    .bytes_total = size,
  };
  gboolean first = TRUE;
  gboolean ok = FALSE;
  char delimiter = ',';

  /* Not strict: a stray quote inside a field is kept as text, as Excel reads
   * it; but a quoted field still open at the end is an error. */
  csv_init (&self.parser, CSV_APPEND_NULL);

  for (;;)
    {
      g_autoptr(GError) read_error = NULL;
      gssize n = g_input_stream_read (stream, buffer, CHUNK_SIZE, cancellable, &read_error);
      const char *text;
      gsize text_len;

      if (n < 0)
        {
          if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CANCELLED, _("The import was cancelled."));
          else
            g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("%s: the file cannot be read: %s"),
                         display_name, read_error->message);
          goto out;
        }
      self.bytes_read += n;

      if (first && n >= 2 && (((guchar)buffer[0] == 0xFF && (guchar)buffer[1] == 0xFE) ||
                              ((guchar)buffer[0] == 0xFE && (guchar)buffer[1] == 0xFF)))
        {
          self.encoding = ENCODING_UTF16;
          self.converter = g_iconv_open ("UTF-8", "UTF-16");
        }

      if (first && self.encoding != ENCODING_UTF16 && looks_binary (buffer, n))
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                       _("%s is not a CSV or Excel file. Save the data from the record system as CSV or XLSX and import that file."),
                       display_name);
          goto out;
        }

      if (!decode (&self, buffer, n, n == 0))
        break;

      text = self.text->str;
      text_len = self.text->len;
      if (first && text_len > 0)
        {
          if (text_len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
            {
              text += 3;
              text_len -= 3;
            }
          delimiter = detect_delimiter (text, text_len);
          csv_set_delim (&self.parser, delimiter);
          first = FALSE;
        }

      if (!feed (&self, text, text_len) || self.stop || n == 0)
        break;
    }

  /* libcsv only notices an open quote at the end in its strict mode,
   * which would also refuse the stray quotes Excel accepts. */
  if (self.error == NULL && !self.stop &&
      (self.parser.quoted || csv_fini (&self.parser, field_cb, row_cb, &self) != 0))
    parse_failed (&self);

  if (self.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self.error));
      goto out;
    }

  if (info != NULL)
    {
      info->format = KLYNGE_TABLE_FORMAT_CSV;
      info->delimiter = delimiter;
      g_free (info->encoding);
      info->encoding = g_strdup (self.encoding == ENCODING_CP1252 ? "WINDOWS-1252" :
                                 self.encoding == ENCODING_UTF16 ? "UTF-16" : "UTF-8");
    }
  ok = TRUE;

out:
  csv_reader_clear (&self);
  return ok;
}
