/* klynge-practice-list.h — a register's list of practices makes the clinics
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"
#include "klynge-import-mapping.h"

G_BEGIN_DECLS

/**
 * KlyngePracticeList:
 * @sheet: the XLSX sheet, from 1
 * @number, @name, @listed: the columns of the practice's code, name and
 *   listed patients; %NULL to find them by their usual names
 * @where: (element-type KlyngeImportFilter): only the rows matching every
 *   filter ("GPCluster=Stirling City")
 *
 * The address is the address lines and postcode joined, the phone number
 * the telephone column, when the file has them.
 */
typedef struct
{
  guint      sheet;
  char      *number;
  char      *name;
  char      *listed;
  GPtrArray *where;
} KlyngePracticeList;

typedef struct
{
  guint created;
  guint updated;
  guint filtered;
} KlyngePracticeListResult;

/**
 * klynge_practice_list_import:
 * @dry_run: check and count, write nothing
 *
 * Creates the practices of the file that are not yet clinics of the
 * cluster and updates the others (matched by number, else by name) with
 * the file's name, number, listed patients, address and phone, in one
 * transaction. A file with a bad row changes nothing; the error names
 * FILE:LINE:COLUMN.
 */
gboolean klynge_practice_list_import (KlyngeDb                  *db,
                                      gint64                     cluster_id,
                                      const char                *path,
                                      const KlyngePracticeList  *list,
                                      gboolean                   dry_run,
                                      KlyngePracticeListResult  *result,
                                      GError                   **error);

/* The same in a worker with its own connection, the columns found by their
 * usual names: the Clusters area's "Import a Practice List…". */
void     klynge_practice_list_import_async  (KlyngeDb             *db,
                                             gint64                cluster_id,
                                             const char           *path,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean klynge_practice_list_import_finish (GAsyncResult             *result,
                                             KlyngePracticeListResult *counts,
                                             GError                  **error);

G_END_DECLS
