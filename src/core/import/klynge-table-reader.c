/* klynge-table-reader.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "klynge-import"

#include "klynge-i18n.h"

#include <string.h>

#include "klynge-csv-reader.h"
#include "klynge-table-reader.h"
#include "klynge-xlsx-reader.h"

void
klynge_table_info_clear (KlyngeTableInfo *info)
{
  g_clear_pointer (&info->encoding, g_free);
  g_clear_pointer (&info->sheet_names, g_strfreev);
}

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

gboolean
klynge_table_read_file (const char          *path,
                        guint                sheet,
                        KlyngeTableInfo     *info,
                        KlyngeTableRowFunc   func,
                        gpointer             user_data,
                        GCancellable        *cancellable,
                        GError             **error)
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
      return klynge_xlsx_read_file (path, name, sheet, KLYNGE_XLSX_MAX_INFLATED, info,
                                    func, user_data, cancellable, error);
    }

  return klynge_csv_read (G_INPUT_STREAM (stream), g_file_info_get_size (file_info), name, info,
                          func, user_data, cancellable, error);
}
