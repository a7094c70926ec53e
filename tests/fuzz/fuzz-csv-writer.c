/* fuzz-csv-writer.c — the CSV writer on arbitrary texts
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input's bytes 0xFF (never in UTF-8) split it into texts, three to a
 * row, the first three the header. Written with "," and with ";", the file
 * must read back, by RFC 4180 with that separator, as the same texts: a
 * text a spreadsheet would run as a formula quoted behind an apostrophe, and
 * none with a separator of either kind, a tab, a quote or a line break left
 * unquoted.
 */

#include <stdint.h>
#include <string.h>

#include "klynge-table-export.h"

#define N_COLUMNS 3

static gboolean
looks_like_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/* The next field of @p, or NULL when the file breaks RFC 4180 or the
 * writer's rules. */
static char *
next_field (const char **p,
            const char  *end,
            char         separator,
            gboolean    *row_end)
{
  GString *field = g_string_new (NULL);
  const char *q = *p;
  gboolean quoted = q < end && *q == '"';

  if (quoted)
    {
      for (q++; ; q++)
        {
          if (q >= end)
            goto bad;
          if (*q == '"' && q + 1 < end && q[1] == '"')
            g_string_append_c (field, *q++);
          else if (*q == '"')
            break;
          else
            g_string_append_c (field, *q);
        }
      q++;
      /* Quoted needlessly is allowed; but a formula must be behind "'". */
    }
  else
    {
      for (; q < end && *q != separator && *q != '\r'; q++)
        {
          if (strchr (",;\t\"\n", *q) != NULL)
            goto bad;
          g_string_append_c (field, *q);
        }
      if (looks_like_formula (field->str))
        goto bad;
    }

  if (q + 1 < end && q[0] == '\r' && q[1] == '\n')
    {
      *row_end = TRUE;
      *p = q + 2;
    }
  else if (q < end && *q == separator)
    {
      *row_end = FALSE;
      *p = q + 1;
    }
  else
    goto bad;
  return g_string_free (field, FALSE);

bad:
  g_string_free (field, TRUE);
  return NULL;
}

static void
check (KlyngeTable *table,
       GPtrArray   *texts,
       gboolean     decimal_comma)
{
  g_autoptr(GString) csv = klynge_table_format_csv (table, decimal_comma);
  char separator = decimal_comma ? ';' : ',';
  const char *p = csv->str + 3;
  const char *end = csv->str + csv->len;
  guint i = 0;

  if (!g_str_has_prefix (csv->str, "\xEF\xBB\xBF"))
    abort ();
  while (p < end)
    {
      gboolean row_end = FALSE;
      g_autofree char *field = next_field (&p, end, separator, &row_end);
      const char *expected = i < texts->len ? g_ptr_array_index (texts, i) : "";

      if (field == NULL || row_end != (i % N_COLUMNS == N_COLUMNS - 1))
        abort ();
      if (looks_like_formula (expected) ? field[0] != '\'' || strcmp (field + 1, expected) != 0
                                        : strcmp (field, expected) != 0)
        abort ();
      i++;
    }
  if (i % N_COLUMNS != 0 || i < texts->len)
    abort ();
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const KlyngeTableColumn text = { NULL, KLYNGE_TABLE_TEXT };
  KlyngeTableColumn columns[N_COLUMNS];
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KlyngeTable) table = NULL;
  const char *start = (const char *)data, *end = start + size;

  while (start <= end)
    {
      const char *cut = memchr (start, 0xFF, end - start);
      gsize len = (cut != NULL ? cut : end) - start;
      char *valid = g_utf8_make_valid (start, len);

      /* A NUL ends a C string: the table holds what comes before it. */
      g_ptr_array_add (texts, g_strdup (valid));
      g_free (valid);
      start += len + 1;
    }
  while (texts->len < N_COLUMNS)
    g_ptr_array_add (texts, g_strdup (""));

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      columns[c] = text;
      columns[c].title = g_ptr_array_index (texts, c);
    }
  table = klynge_table_new ("fuzz", columns, N_COLUMNS);
  for (guint i = N_COLUMNS; i < texts->len; i++)
    {
      if ((i - N_COLUMNS) % N_COLUMNS == 0)
        klynge_table_begin_row (table);
      klynge_table_add_text (table, g_ptr_array_index (texts, i));
    }

  check (table, texts, FALSE);
  check (table, texts, TRUE);
  return 0;
}
