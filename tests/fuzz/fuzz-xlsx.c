/* fuzz-xlsx.c — the XLSX reader on arbitrary bytes
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the bytes, the reader returns rows or a KlyngeError, never
 * crashes, and stays under its (here small) inflated-size limit.
 */

#include <stdint.h>

#include "klynge-xlsx-reader.h"

static gboolean
check_row (const KlyngeTableRow  *row,
           gpointer               user_data,
           GError               **error)
{
  for (guint i = 0; i < row->n_fields; i++)
    if (!g_utf8_validate (row->fields[i], -1, NULL))
      abort ();
  return TRUE;
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_auto(KlyngeTableInfo) info = { 0 };
  KlyngeTableLimits limits = klynge_table_default_limits;
  /* With a header asked for, the merged ranges are read too. */
  KlyngeTableOptions options = { .sheet = 1, .header = KLYNGE_TABLE_HEADER_FIND, .limits = &limits };

  limits.max_inflated = 8 << 20;

  if (!klynge_xlsx_read_bytes (bytes, "fuzz.xlsx", &options, &info, check_row, NULL, NULL, &error) &&
      (error == NULL || error->domain != KLYNGE_ERROR))
    abort ();
  return 0;
}
