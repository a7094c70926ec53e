/* klynge-accounts.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "klynge-db.h"
#include "klynge-document.h"

G_BEGIN_DECLS

typedef enum
{
  KLYNGE_ACCOUNTS_XLSX,
  KLYNGE_ACCOUNTS_PDF,
} KlyngeAccountsFormat;

/* The annual accounts for the general assembly: income and expenses by
 * category, result, opening and closing balance, and the year's ledger. */
gboolean klynge_accounts_write        (KlyngeDb              *db,
                                       gint64                 cluster_id,
                                       int                    year,
                                       KlyngeAccountsFormat   format,
                                       const char            *path,
                                       GError               **error);

KlyngeDocument *klynge_accounts_document (KlyngeDb  *db,
                                          gint64     cluster_id,
                                          int        year,
                                          GError   **error);

/* The same in a thread with its own connection to @db_path. */
void     klynge_accounts_write_async  (const char            *db_path,
                                       gint64                 cluster_id,
                                       int                    year,
                                       KlyngeAccountsFormat   format,
                                       const char            *path,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data);
gboolean klynge_accounts_write_finish (GAsyncResult          *result,
                                       GError               **error);

G_END_DECLS
