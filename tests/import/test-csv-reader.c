/* test-csv-reader.c — the CSV reader against the shapes real files come in
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "klynge-csv-reader.h"
#include "klynge-test-utils.h"

/* Each row as "LINE:field|field|…", each field's own line when it differs. */
static gboolean
collect_row (const KlyngeTableRow  *row,
             gpointer               user_data,
             GError               **error)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%u:", row->line);
  for (guint i = 0; i < row->n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, '|');
      if (row->lines[i] != row->line)
        g_string_append_printf (out, "@%u", row->lines[i]);
      g_string_append (out, row->fields[i]);
    }
  g_ptr_array_add (user_data, g_string_free (out, FALSE));
  return TRUE;
}

/* @len -1: up to the NUL. */
static GPtrArray *
read_limited (const char              *data,
              gssize                   len,
              const KlyngeTableLimits *limits,
              KlyngeTableInfo         *info,
              GError                 **error)
{
  gsize size = len < 0 ? strlen (data) : (gsize)len;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_memdup2 (data, size), size, g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  if (!klynge_csv_read (stream, size, "test.csv", limits, info, collect_row, rows, NULL, error))
    return NULL;
  g_ptr_array_add (rows, NULL);
  return g_steal_pointer (&rows);
}

static GPtrArray *
read_bytes (const char      *data,
            gssize           len,
            KlyngeTableInfo *info,
            GError         **error)
{
  return read_limited (data, len, NULL, info, error);
}

static void
assert_rows (const char  *csv,
             const char **expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_bytes (csv, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstrv ((char **)rows->pdata, expected);
}

static void
test_quotes (void)
{
  assert_rows ("a,\"b,c\",d\n\"x\"\"y\",\"\",z\n",
               (const char *[]) { "1:a|b,c|d", "2:x\"y||z", NULL });
}

static void
test_embedded_newline (void)
{
  /* The third field starts on line 2 though its row starts on line 1. */
  assert_rows ("name,note,n\n\"Lægehuset\nØstergade\",\"two\r\nlines\",5\nx,y,6\n",
               (const char *[]) { "1:name|note|n", "2:Lægehuset\nØstergade|@3two\r\nlines|@45", "5:x|y|6", NULL });
}

static void
test_empty_fields_and_lines (void)
{
  assert_rows ("a,,c\n\n\n,,\nlast,\n",
               (const char *[]) { "1:a||c", "4:||", "5:last|", NULL });
}

static void
test_line_ends (void)
{
  const char *expected[] = { "1:a|b", "2:c|d", "3:e|f", NULL };

  assert_rows ("a,b\r\nc,d\r\ne,f\r\n", expected);
  assert_rows ("a,b\rc,d\re,f", expected);
  assert_rows ("a,b\nc,d\ne,f", expected);
}

static void
test_delimiters (void)
{
  KlyngeTableInfo info = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_bytes ("a;\"b;c\";d,e\n1;2;3,5\n", -1, &info, &error);

  g_assert_no_error (error);
  g_assert_cmpint (info.delimiter, ==, ';');
  g_assert_cmpstr (rows->pdata[1], ==, "2:1|2|3,5");
  klynge_table_info_clear (&info);

  /* Decimal commas outnumber the ";" of some lines, not of every line; a
   * title line above the header has no separator at all. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = read_bytes ("Report\na;b;c\n1,5;2,5;3\n4,1;5,2;6\n", -1, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.delimiter, ==, ';');
  g_assert_cmpstr (rows->pdata[2], ==, "3:1,5|2,5|3");
  klynge_table_info_clear (&info);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = read_bytes ("a\tb c\t\"d\"\n", -1, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.delimiter, ==, '\t');
  g_assert_cmpstr (rows->pdata[0], ==, "1:a|b c|d");
  klynge_table_info_clear (&info);
}

static void
test_bom (void)
{
  KlyngeTableInfo info = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_bytes ("\xEF\xBB\xBF" "nr,navn\n1,Åbyhøj\n", -1, &info, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (info.encoding, ==, "UTF-8");
  g_assert_cmpstr (rows->pdata[0], ==, "1:nr|navn");
  g_assert_cmpstr (rows->pdata[1], ==, "2:1|Åbyhøj");
  klynge_table_info_clear (&info);
}

/* "ø" is two bytes; put its first byte last in the reader's 64 KiB chunk. */
static void
test_multibyte_at_chunk_boundary (void)
{
  GString *csv = g_string_new ("name\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  KlyngeTableInfo info = { 0 };
  const char *last;

  while (csv->len < 65536 - 1)
    g_string_append (csv, csv->len < 65536 - 12 ? "x\n" : "a");
  g_assert_cmpuint (csv->len, ==, 65535);
  g_string_append (csv, "øre\n");

  rows = read_bytes (csv->str, csv->len, &info, &error);
  g_assert_no_error (error);
  last = rows->pdata[rows->len - 2];
  g_assert_true (g_str_has_suffix (last, "øre"));
  g_assert_cmpstr (info.encoding, ==, "UTF-8");
  klynge_table_info_clear (&info);
  g_string_free (csv, TRUE);
}

static void
test_cp1252_file (void)
{
  g_autofree char *path = klynge_test_data_path ("import/nsaid-region-wide-cp1252.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  KlyngeTableInfo info = { 0 };
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  rows = read_bytes (contents, len, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info.encoding, ==, "WINDOWS-1252");
  g_assert_cmpint (info.delimiter, ==, ';');
  g_assert_cmpstr (rows->pdata[0], ==, "1:Klinik|Ydernummer|Periode|Patienter i alt|NSAID-brugere|NSAID-brugere >65 år|Andel >65 år (%)");
  g_assert_cmpstr (rows->pdata[1], ==, "2:Lægehuset Østergade|012345|2025K3|5.152|231|96|41,6");
  klynge_table_info_clear (&info);
}

/* Excel's "Unicode text": UTF-16LE with a byte-order mark, tab-separated. */
static void
test_utf16 (void)
{
  g_autofree char *utf16 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  KlyngeTableInfo info = { 0 };
  gsize len;
  GString *text = g_string_new ("Klinik\tTæller\r\n");

  /* Long enough that characters straddle the reader's chunks. */
  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (text, "Ærø %u\t%u\r\n", i, i);
  utf16 = g_convert (text->str, text->len, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_string_free (text, TRUE);
  utf16 = g_realloc (utf16, len + 2);
  memmove (utf16 + 2, utf16, len);
  utf16[0] = (char)0xFF;
  utf16[1] = (char)0xFE;

  rows = read_bytes (utf16, len + 2, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info.encoding, ==, "UTF-16");
  g_assert_cmpint (info.delimiter, ==, '\t');
  g_assert_cmpstr (rows->pdata[0], ==, "1:Klinik|Tæller");
  g_assert_cmpstr (rows->pdata[4000], ==, "4001:Ærø 3999|3999");
  klynge_table_info_clear (&info);
}

static void
test_unclosed_quote (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_bytes ("a,b\nc,\"d\ne,f\n", -1, NULL, &error);

  g_assert_null (rows);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "test.csv:2:"));
}

static void
test_mixed_encoding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_bytes ("Åby\nx\n\xE6\n", -1, NULL, &error);

  g_assert_null (rows);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "test.csv:3:"));
}

/* A program's own file chosen by mistake is refused by name, not shown as
 * a table of gibberish; text with the odd form feed is still text. */
static void
test_binary_file (void)
{
  static const char zip[] = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb2\x1c";
  static const char controls[] = "\x01\x02\x03\x04\x05\x06\x07\x0e\x0f\x10\x11\x12\x13\x14\x15 a;b\n";
  const char *files[] = { zip, controls };
  const gssize lengths[] = { sizeof zip - 1, sizeof controls - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = read_bytes (files[i], lengths[i], NULL, &error);

      g_assert_null (rows);
      g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, "test.csv is not a CSV or Excel file."));
    }
  assert_rows ("a;b\n1;2\n\f\n", (const char *[]) { "1:a|b", "2:1|2", "3:\f", NULL });
}

static void
assert_refused (const char              *csv,
                gssize                   len,
                const KlyngeTableLimits *limits,
                const char              *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_limited (csv, len, limits, NULL, &error);

  g_assert_null (rows);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, message);
}

/* A NUL would end the field early: 12, NUL, 345 is not 12, wherever it is. */
static void
test_nul (void)
{
  g_autoptr(GString) csv = g_string_new ("clinic,numerator\n");

  assert_refused ("a,b\nc,12\0" "345\n", sizeof "a,b\nc,12\0" "345\n" - 1, NULL, "test.csv:2:2: the field holds a NUL character, which no text has; the file is damaged.");
  assert_refused ("a,\"b\nc\0d\"\n", sizeof "a,\"b\nc\0d\"\n" - 1, NULL, "test.csv:2:2: the field holds a NUL character, which no text has; the file is damaged.");

  /* Past the first 64 KiB, which alone are looked at for a binary file. */
  for (guint i = 0; i < 8000; i++)
    g_string_append (csv, "Lægehuset Østergade,1\n");
  g_string_append_len (csv, "Lægehuset Østergade,12\0" "345\n", sizeof "Lægehuset Østergade,12\0" "345\n" - 1);
  g_assert_cmpuint (csv->len, >, 65536);
  assert_refused (csv->str, csv->len, NULL, "test.csv:8002:2: the field holds a NUL character, which no text has; the file is damaged.");
}

static void
test_limits (void)
{
  KlyngeTableLimits limits = klynge_table_default_limits;
  g_autofree char *long_field = g_strnfill (40000, 'x');
  g_autofree char *csv = g_strdup_printf ("a,b\n1,%s\n", long_field);
  g_autoptr(GString) wide = g_string_new ("a,b\n");

  assert_refused (csv, -1, NULL, "test.csv:2:2: the field is longer than 32767 characters.");

  limits.max_cell_chars = 4;
  assert_rows ("a,bbbb\n", (const char *[]) { "1:a|bbbb", NULL });
  assert_refused ("a,bbbb\nccc,\"Ærø i\"\n", -1, &limits, "test.csv:2:2: the field is longer than 4 characters.");

  limits = klynge_table_default_limits;
  limits.max_row_cells = 3;
  assert_refused ("a,b,c\n1,2,3,4\n", -1, &limits, "test.csv:2: the row has more than 3 fields.");

  limits = klynge_table_default_limits;
  limits.max_row_bytes = 1 << 20;
  g_free (long_field);
  long_field = g_strnfill (30000, 'y');
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (wide, "%s%s", i > 0 ? "," : "", long_field);
  g_string_append_c (wide, '\n');
  assert_refused (wide->str, wide->len, &limits, "test.csv:2: the row holds more than 1 MB of text.");

  limits = klynge_table_default_limits;
  limits.max_cells = 5;
  assert_refused ("a,b\n1,2\n3,4\n", -1, &limits,
                  "test.csv:3: the file has more than 5 fields, more than Klynge reads from one file.");
}

static gboolean
collect_header (const KlyngeTableRow  *row,
                gpointer               user_data,
                GError               **error)
{
  if (row->labels != NULL)
    {
      g_autofree char *labels = g_strjoinv ("|", (char **)row->labels);
      g_ptr_array_add (user_data, g_strdup_printf ("%u=%s", row->line, labels));
    }
  else if (row->line > row->header_line)
    collect_row (row, user_data, error);
  return TRUE;
}

/* As Danish regional files come: Windows-1252 with CRLF, title lines, a
 * group row of quarters over a repeated name, and a total row. */
static void
test_header_under_titles (void)
{
  g_autofree char *path = klynge_test_data_path ("import/titled-groups-cp1252.csv");
  KlyngeTableOptions options = { .header = KLYNGE_TABLE_HEADER_FIND };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *expected[] = {
    "5=Ydernr.|Navn|Antal patienter (4. kvartal 2024)|Antal patienter (column D)|Antal patienter (column E)",
    "6:012345|Lægehuset Østergade|1.213|1.250|1.300",
    "7:023456|Klinikken ved Åen|987|1.002|1.010",
    "8:Klyngen i alt||2.200|2.252|2.310",
    NULL
  };

  g_assert_true (klynge_table_read (path, &options, NULL, collect_header, rows, NULL, &error));
  g_assert_no_error (error);
  g_ptr_array_add (rows, NULL);
  g_assert_cmpstrv ((char **)rows->pdata, expected);
}

static gboolean
stop_after_one (const KlyngeTableRow  *row,
                gpointer               user_data,
                GError               **error)
{
  (*(guint *)user_data)++;
  return FALSE;
}

static void
test_stop_early (void)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data ("a\nb\nc\n", 6, NULL);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (klynge_csv_read (stream, 6, "x.csv", NULL, NULL, stop_after_one, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/csv/quotes", test_quotes);
  g_test_add_func ("/import/csv/embedded-newline", test_embedded_newline);
  g_test_add_func ("/import/csv/empty-fields-and-lines", test_empty_fields_and_lines);
  g_test_add_func ("/import/csv/line-ends", test_line_ends);
  g_test_add_func ("/import/csv/delimiters", test_delimiters);
  g_test_add_func ("/import/csv/bom", test_bom);
  g_test_add_func ("/import/csv/multibyte-at-chunk-boundary", test_multibyte_at_chunk_boundary);
  g_test_add_func ("/import/csv/cp1252-file", test_cp1252_file);
  g_test_add_func ("/import/csv/utf16", test_utf16);
  g_test_add_func ("/import/csv/unclosed-quote", test_unclosed_quote);
  g_test_add_func ("/import/csv/mixed-encoding", test_mixed_encoding);
  g_test_add_func ("/import/csv/binary-file", test_binary_file);
  g_test_add_func ("/import/csv/stop-early", test_stop_early);
  g_test_add_func ("/import/csv/nul", test_nul);
  g_test_add_func ("/import/csv/limits", test_limits);
  g_test_add_func ("/import/csv/header-under-titles", test_header_under_titles);

  return g_test_run ();
}
