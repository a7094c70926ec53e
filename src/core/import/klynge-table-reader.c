/* klynge-table-reader.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "klynge-import"

#include "klynge-i18n.h"

#include <string.h>

#include "klynge-csv-reader.h"
#include "klynge-format.h"
#include "klynge-table-reader.h"
#include "klynge-xlsx-reader.h"

/* Excel's own limits are 16,384 columns (XFD) and 32,767 characters a cell;
 * a cluster's file is far inside the rest. */
const KlyngeTableLimits klynge_table_default_limits = {
  .max_inflated = (guint64)512 << 20,
  .max_cells = 20 * 1000 * 1000,
  .max_row_cells = 4096,
  .max_row_bytes = 16 << 20,
  .max_columns = 16384,
  .max_cell_chars = 32767,
  .max_shared_bytes = (guint64)64 << 20,
  .max_shared_refs = (guint64)64 << 20,
};

/* The header is looked for among this many rows, kept until it is found. */
#define SNIFF_ROWS       64
#define SNIFF_BYTES      (8 << 20)
#define MAX_GROUP_ROWS   4

void
klynge_table_info_clear (KlyngeTableInfo *info)
{
  g_clear_pointer (&info->encoding, g_free);
  g_clear_pointer (&info->sheet_names, g_strfreev);
}

char *
klynge_table_quote (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *start = NULL;

  /* Four bytes a character at most: these bytes hold 81 characters if the text has them. */
  if (g_utf8_strlen (valid, KLYNGE_TABLE_QUOTE_CHARS * 4 + 4) <= KLYNGE_TABLE_QUOTE_CHARS)
    return g_steal_pointer (&valid);
  start = g_utf8_substring (valid, 0, KLYNGE_TABLE_QUOTE_CHARS - 1);
  return g_strconcat (start, "…", NULL);
}

char *
klynge_table_column_name (guint column)
{
  char name[8];
  guint i = sizeof name - 1;

  name[i] = '\0';
  for (; column > 0 && i > 0; column = (column - 1) / 26)
    name[--i] = 'A' + (column - 1) % 26;
  return g_strdup (name + i);
}

/* --- finding the header ---------------------------------------------------- */

typedef struct
{
  guint   index;
  char   *text;
} SparseField;

/* A row kept while the header is looked for: only its filled fields, so a
 * cell at column XFD costs one entry, not 16,384. */
typedef struct
{
  KlyngeTableRow  row;
  GArray         *filled;        /* SparseField */
  guint          *lines;
} HeldRow;

typedef struct
{
  const KlyngeTableOptions *options;
  const char               *name;
  KlyngeTableRowFunc        func;
  gpointer                  user_data;

  GPtrArray                *held;          /* HeldRow* */
  gsize                     held_bytes;
  gboolean                  decided;
  guint                     header_line;
  GStrv                     labels;
  GStrv                     groups;
  KlyngeTableMerge         *merges;
  guint                     n_merges;
} Finder;

static void
held_row_free (gpointer data)
{
  HeldRow *held = data;

  for (guint i = 0; i < held->filled->len; i++)
    g_free (g_array_index (held->filled, SparseField, i).text);
  g_array_unref (held->filled);
  g_free (held->lines);
  g_free (held);
}

static HeldRow *
held_row_new (const KlyngeTableRow *row)
{
  HeldRow *held = g_new0 (HeldRow, 1);

  held->row = *row;
  held->row.fields = NULL;
  held->filled = g_array_new (FALSE, FALSE, sizeof (SparseField));
  for (guint i = 0; i < row->n_fields; i++)
    if (*row->fields[i] != '\0')
      {
        SparseField field = { i, g_strdup (row->fields[i]) };
        g_array_append_val (held->filled, field);
      }
  if (row->lines != NULL)
    held->lines = g_memdup2 (row->lines, row->n_fields * sizeof (guint));
  held->row.lines = held->lines;
  return held;
}

static const char *
held_field (const HeldRow *held,
            guint          index)
{
  for (guint i = 0; i < held->filled->len; i++)
    if (g_array_index (held->filled, SparseField, i).index == index)
      return g_array_index (held->filled, SparseField, i).text;
  return "";
}

static const KlyngeTableMerge *
merge_at (const Finder *self,
          guint         line,
          guint         column)
{
  for (guint i = 0; i < self->n_merges; i++)
    {
      const KlyngeTableMerge *m = &self->merges[i];

      if (line >= m->first_line && line <= m->last_line && column >= m->first_column && column <= m->last_column)
        return m;
    }
  return NULL;
}

/* A row of merged cells over several columns each: "Prevalence" over three
 * years, a date over two counts. */
static gboolean
starts_merges (const Finder  *self,
               const HeldRow *held)
{
  for (guint i = 0; i < held->filled->len; i++)
    {
      const KlyngeTableMerge *m = merge_at (self, held->row.line, g_array_index (held->filled, SparseField, i).index + 1);

      if (m != NULL && m->first_line == held->row.line && m->last_column > m->first_column)
        return TRUE;
    }
  return FALSE;
}

/* The first row nearly as wide as the widest that is not a group row;
 * titles and notes above a table fill one cell or a few. */
static guint
find_header (const Finder *self)
{
  guint widest = 0;
  guint fallback = G_MAXUINT;

  for (guint i = 0; i < self->held->len; i++)
    widest = MAX (widest, ((HeldRow *)g_ptr_array_index (self->held, i))->filled->len);

  for (guint i = 0; i < self->held->len; i++)
    {
      const HeldRow *held = g_ptr_array_index (self->held, i);
      guint filled = held->filled->len;

      if (filled < 2 || filled * 5 < widest * 4)
        continue;
      if (!starts_merges (self, held))
        return i;
      fallback = MIN (fallback, i);
    }
  if (fallback != G_MAXUINT)
    return fallback;
  for (guint i = 0; i < self->held->len; i++)
    if (((HeldRow *)g_ptr_array_index (self->held, i))->filled->len >= 2)
      return i;
  return 0;
}

/* The text over @column (from 0) in a group row: its own cell, the merged
 * range it lies in, or in a CSV (which has no merges) the nearest filled
 * cell to its left, as merged cells are saved. */
static const char *
group_text (const Finder  *self,
            const HeldRow *group,
            guint          first_group_line,
            guint          column)
{
  const char *text = held_field (group, column);
  const KlyngeTableMerge *m;

  if (*text != '\0')
    return text;
  if (self->merges != NULL)
    {
      m = merge_at (self, group->row.line, column + 1);
      if (m == NULL || m->first_line < first_group_line || m->first_line > group->row.line)
        return "";
      for (guint i = 0; i < self->held->len; i++)
        {
          const HeldRow *held = g_ptr_array_index (self->held, i);

          if (held->row.line == m->first_line)
            return held_field (held, m->first_column - 1);
        }
      return "";
    }
  for (guint i = group->filled->len; i-- > 0;)
    if (g_array_index (group->filled, SparseField, i).index < column)
      return g_array_index (group->filled, SparseField, i).text;
  return "";
}

/* Publishers fill cells they mean to leave blank with "_" or "-". */
static gboolean
has_alnum (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static char *
fold_name (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  return g_utf8_casefold (stripped, -1);
}

static guint
count_label (GHashTable *counts,
             const char *label)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, label));
}

static GHashTable *
label_counts (GStrv labels)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; labels[i] != NULL; i++)
    {
      char *folded = fold_name (labels[i]);

      g_hash_table_insert (counts, folded, GUINT_TO_POINTER (count_label (counts, folded) + 1));
    }
  return counts;
}

static gboolean
is_iso_date (const char *text)
{
  return strlen (text) == 10 && g_ascii_isdigit (text[0]) && text[4] == '-' && text[7] == '-' &&
         g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[8]);
}

/* Names that repeat get the groups above them, then, if that is not
 * enough, their column: "Registered patients (1 May 2022)". */
static void
make_labels (Finder *self,
             guint   header)
{
  const HeldRow *head = g_ptr_array_index (self->held, header);
  g_autoptr(GPtrArray) group_rows = g_ptr_array_new ();
  g_autoptr(GHashTable) counts = NULL;
  g_auto(GStrv) shown = NULL;
  guint n = head->row.n_fields;
  guint first_group_line;

  for (guint i = header; i-- > 0 && group_rows->len < MAX_GROUP_ROWS;)
    {
      const HeldRow *above = g_ptr_array_index (self->held, i);
      const HeldRow *below = g_ptr_array_index (self->held, i + 1);

      if (above->row.line + 1 != below->row.line)
        break;
      /* One cell alone is a title, unless it is merged over some columns. */
      if (above->filled->len < 2 && !starts_merges (self, above))
        break;
      g_ptr_array_insert (group_rows, 0, (gpointer)above);
    }
  first_group_line = group_rows->len > 0 ? ((HeldRow *)group_rows->pdata[0])->row.line : 0;

  self->groups = g_new0 (char *, n + 1);
  self->labels = g_new0 (char *, n + 1);
  shown = g_new0 (char *, n + 1);
  for (guint c = 0; c < n; c++)
    {
      GString *group = g_string_new (NULL);
      GString *group_shown = g_string_new (NULL);
      const char *last = NULL;

      for (guint g = 0; g < group_rows->len; g++)
        {
          const char *text = group_text (self, group_rows->pdata[g], first_group_line, c);
          g_autofree char *date = NULL;

          if (!has_alnum (text) || g_strcmp0 (text, last) == 0)
            continue;
          if (group->len > 0)
            {
              g_string_append (group, ", ");
              g_string_append (group_shown, ", ");
            }
          g_string_append (group, text);
          /* A date cell reads back as ISO; the user reads "1 May 2022". */
          date = is_iso_date (text) ? klynge_format_date (text) : NULL;
          g_string_append (group_shown, date != NULL ? date : text);
          last = text;
        }
      self->groups[c] = g_string_free (group, FALSE);
      shown[c] = g_string_free (group_shown, FALSE);
      self->labels[c] = g_strdup (held_field (head, c));
    }

  counts = label_counts (self->labels);
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *folded = fold_name (self->labels[c]);

      if (*folded != '\0' && count_label (counts, folded) > 1 && *shown[c] != '\0')
        {
          char *label = g_strdup_printf ("%s (%s)", g_strstrip (self->labels[c]), shown[c]);

          g_free (self->labels[c]);
          self->labels[c] = label;
        }
    }

  g_hash_table_unref (counts);
  counts = label_counts (self->labels);
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *folded = fold_name (self->labels[c]);

      if (*folded != '\0' && count_label (counts, folded) > 1)
        {
          g_autofree char *column = klynge_table_column_name (c + 1);
          g_autofree char *name = g_strstrip (g_strdup (held_field (head, c)));
          /* TRANSLATORS: a column's name that repeats, told apart by its letter: "List size (column D)" */
          char *label = g_strdup_printf (_("%s (column %s)"), name, column);

          g_free (self->labels[c]);
          self->labels[c] = label;
        }
    }
}

static gboolean
deliver (Finder               *self,
         const KlyngeTableRow *row,
         GError              **error)
{
  KlyngeTableRow copy = *row;

  copy.header_line = self->header_line;
  if (row->line == self->header_line && self->labels != NULL)
    {
      copy.labels = (const char *const *)self->labels;
      copy.groups = (const char *const *)self->groups;
    }
  return self->func (&copy, self->user_data, error);
}

/* Chooses the header among the rows held, then passes them on. */
static gboolean
decide (Finder  *self,
        GError **error)
{
  guint header = 0;
  gboolean found = FALSE;

  self->decided = TRUE;
  if (self->options->header == KLYNGE_TABLE_HEADER_LINE)
    {
      for (guint i = 0; i < self->held->len && !found; i++)
        if (((HeldRow *)g_ptr_array_index (self->held, i))->row.line == self->options->header_line)
          {
            header = i;
            found = TRUE;
          }
      if (!found)
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND,
                       _("%s:%u: the header row chosen is empty or beyond the end of the file."),
                       self->name, self->options->header_line);
          return FALSE;
        }
    }
  else if (self->held->len > 0)
    header = find_header (self);

  if (self->held->len > 0)
    {
      self->header_line = ((HeldRow *)g_ptr_array_index (self->held, header))->row.line;
      make_labels (self, header);
    }

  for (guint i = 0; i < self->held->len; i++)
    {
      HeldRow *held = g_ptr_array_index (self->held, i);
      g_autofree const char **fields = g_new (const char *, held->row.n_fields + 1);
      gboolean go_on;

      for (guint f = 0; f < held->row.n_fields; f++)
        fields[f] = "";
      for (guint f = 0; f < held->filled->len; f++)
        fields[g_array_index (held->filled, SparseField, f).index] = g_array_index (held->filled, SparseField, f).text;
      held->row.fields = fields;
      go_on = deliver (self, &held->row, error);
      held->row.fields = NULL;
      if (!go_on)
        {
          g_ptr_array_set_size (self->held, 0);
          return FALSE;
        }
    }
  g_ptr_array_set_size (self->held, 0);
  return TRUE;
}

static gboolean
finder_row_cb (const KlyngeTableRow  *row,
               gpointer               user_data,
               GError               **error)
{
  Finder *self = user_data;
  HeldRow *held;

  if (self->decided)
    return deliver (self, row, error);

  /* The reader's ranges are gone when the file ends before the header is chosen. */
  if (row->merges != NULL && self->merges == NULL)
    {
      self->merges = g_memdup2 (row->merges, row->n_merges * sizeof (KlyngeTableMerge));
      self->n_merges = row->n_merges;
    }
  held = held_row_new (row);
  g_ptr_array_add (self->held, held);
  for (guint i = 0; i < held->filled->len; i++)
    self->held_bytes += strlen (g_array_index (held->filled, SparseField, i).text) + sizeof (SparseField);

  if (self->options->header == KLYNGE_TABLE_HEADER_LINE ? row->line >= self->options->header_line :
      self->held->len >= SNIFF_ROWS || self->held_bytes >= SNIFF_BYTES)
    return decide (self, error);
  return TRUE;
}

static void
finder_clear (Finder *self)
{
  g_ptr_array_unref (self->held);
  g_strfreev (self->labels);
  g_strfreev (self->groups);
  g_free (self->merges);
}

/* --- reading ---------------------------------------------------------------- */

/* By content: clinics rename files, and Excel saves CSV as ".xls" at times. */
static gboolean
looks_like_zip (GFileInputStream *stream)
{
  char magic[4] = { 0 };
  gsize n = 0;
  gboolean zip;

  g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n, NULL, NULL);
  zip = n == 4 && memcmp (magic, "PK\003\004", 4) == 0;
  g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, NULL, NULL);
  return zip;
}

static gboolean
read_rows (const char               *path,
           const KlyngeTableOptions *options,
           KlyngeTableInfo          *info,
           KlyngeTableRowFunc        func,
           gpointer                  user_data,
           GCancellable             *cancellable,
           GError                  **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) file_info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_path_get_basename (path);

  stream = g_file_read (file, cancellable, &local_error);
  if (stream != NULL)
    file_info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CANCELLED, _("The import was cancelled."));
      return FALSE;
    }
  if (file_info == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("%s: the file cannot be read: %s"),
                   name, local_error->message);
      return FALSE;
    }

  if (g_file_info_get_size (file_info) == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE, _("%s: the file is empty."), name);
      return FALSE;
    }

  if (looks_like_zip (stream))
    {
      g_input_stream_close (G_INPUT_STREAM (stream), NULL, NULL);
      return klynge_xlsx_read_file (path, name, options, info, func, user_data, cancellable, error);
    }

  return klynge_csv_read (G_INPUT_STREAM (stream), g_file_info_get_size (file_info), name, options->limits,
                          info, func, user_data, cancellable, error);
}

gboolean
klynge_table_read (const char               *path,
                   const KlyngeTableOptions *options,
                   KlyngeTableInfo          *info,
                   KlyngeTableRowFunc        func,
                   gpointer                  user_data,
                   GCancellable             *cancellable,
                   GError                  **error)
{
  static const KlyngeTableOptions defaults = { 0 };
  g_autofree char *name = g_path_get_basename (path);
  Finder finder = { 0 };
  gboolean ok;

  if (options == NULL)
    options = &defaults;
  if (options->header == KLYNGE_TABLE_HEADER_NONE)
    return read_rows (path, options, info, func, user_data, cancellable, error);

  finder.options = options;
  finder.name = name;
  finder.func = func;
  finder.user_data = user_data;
  finder.held = g_ptr_array_new_with_free_func (held_row_free);
  ok = read_rows (path, options, info, finder_row_cb, &finder, cancellable, error);
  /* A file shorter than the rows looked at. */
  if (ok && !finder.decided)
    {
      g_autoptr(GError) local_error = NULL;

      if (!decide (&finder, &local_error) && local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
    }
  finder_clear (&finder);
  return ok;
}

gboolean
klynge_table_read_file (const char          *path,
                        guint                sheet,
                        KlyngeTableInfo     *info,
                        KlyngeTableRowFunc   func,
                        gpointer             user_data,
                        GCancellable        *cancellable,
                        GError             **error)
{
  KlyngeTableOptions options = { .sheet = sheet };

  return klynge_table_read (path, &options, info, func, user_data, cancellable, error);
}
