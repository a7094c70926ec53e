/* fuzz-csv.c — the CSV reader on arbitrary bytes
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the bytes, the reader returns rows or a KlyngeError, never
 * crashes, and every field it hands out is valid UTF-8.
 */

#include <stdint.h>

#include "klynge-csv-reader.h"

static gboolean
check_row (const KlyngeTableRow  *row,
           gpointer               user_data,
           GError               **error)
{
  for (guint i = 0; i < row->n_fields; i++)
    {
      if (!g_utf8_validate (row->fields[i], -1, NULL) || row->lines[i] < row->line)
        abort ();
    }
  return TRUE;
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(KlyngeTableInfo) info = { 0 };

  if (!klynge_csv_read (stream, size, "fuzz.csv", NULL, &info, check_row, NULL, NULL, &error) &&
      (error == NULL || error->domain != KLYNGE_ERROR))
    abort ();
  return 0;
}
