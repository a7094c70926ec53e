/* klynge-member-import-row.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-member.h"

G_BEGIN_DECLS

typedef enum
{
  KLYNGE_MEMBER_IMPORT_NEW,        /* will be added */
  KLYNGE_MEMBER_IMPORT_DUPLICATE,  /* already a member (or twice in the file): skipped */
  KLYNGE_MEMBER_IMPORT_INVALID,    /* breaks a rule: skipped, with the problem */
} KlyngeMemberImportStatus;

#define KLYNGE_TYPE_MEMBER_IMPORT_ROW (klynge_member_import_row_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeMemberImportRow, klynge_member_import_row, KLYNGE, MEMBER_IMPORT_ROW, GObject)

/* One row of a member list as the import will treat it; a record, as
 * #KlyngeMember is, that the preview lists. */
struct _KlyngeMemberImportRow
{
  GObject                   parent_instance;

  guint                     line;      /* in the file, the header being line 1 */
  KlyngeMemberImportStatus  status;
  KlyngeMember             *member;    /* clinic_name set; clinic_id 0 for a new clinic */
  char                     *problem;   /* translated, for INVALID and DUPLICATE */
};

KlyngeMemberImportRow *klynge_member_import_row_new (guint line);

G_END_DECLS
