/* klynge-member-import.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"
#include "klynge-member-import-row.h"

G_BEGIN_DECLS

typedef struct
{
  GListStore *rows;         /* KlyngeMemberImportRow, in the file's order */
  GPtrArray  *new_clinics;  /* names (char *) of clinics the import creates */
  guint       n_new;
  guint       n_duplicate;
  guint       n_invalid;
} KlyngeMemberImport;

/* Reads the rows of a member list (the first row names the columns, in
 * English or Danish: Name/Navn, Clinic/Klinik, E-mail, Phone/Telefon,
 * Title/Titel, Joined/Indtrådt, Notes/Noter) and checks each with the
 * rules of the member editor. Nothing is written.
 * @records: (element-type GStrv): the file's rows, header first
 * @lines: (nullable) (element-type guint): the line in the file of each record */
KlyngeMemberImport *klynge_member_import_preview (KlyngeDb            *db,
                                                  gint64               cluster_id,
                                                  GPtrArray           *records,
                                                  GArray              *lines,
                                                  GError             **error);
/* Adds the new rows (and their new clinics) in one transaction. */
gboolean            klynge_member_import_commit  (KlyngeDb            *db,
                                                  gint64               cluster_id,
                                                  KlyngeMemberImport  *import,
                                                  GError             **error);
void                klynge_member_import_free    (KlyngeMemberImport  *import);

/* klynge_member_import_preview() of a CSV or XLSX file (its first sheet),
 * read with the import area's readers. */
KlyngeMemberImport *klynge_member_import_read    (KlyngeDb            *db,
                                                  gint64               cluster_id,
                                                  const char          *path,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
/* The same in a worker thread with its own connection to @db's file. */
void                klynge_member_import_read_async  (KlyngeDb            *db,
                                                      gint64               cluster_id,
                                                      const char          *path,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
KlyngeMemberImport *klynge_member_import_read_finish (GAsyncResult        *result,
                                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeMemberImport, klynge_member_import_free)

G_END_DECLS
