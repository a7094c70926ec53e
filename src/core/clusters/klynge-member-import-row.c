/* klynge-member-import-row.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-member-import-row.h"

G_DEFINE_FINAL_TYPE (KlyngeMemberImportRow, klynge_member_import_row, G_TYPE_OBJECT)

static void
klynge_member_import_row_finalize (GObject *object)
{
  KlyngeMemberImportRow *self = KLYNGE_MEMBER_IMPORT_ROW (object);

  g_clear_object (&self->member);
  g_free (self->problem);

  G_OBJECT_CLASS (klynge_member_import_row_parent_class)->finalize (object);
}

static void
klynge_member_import_row_class_init (KlyngeMemberImportRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = klynge_member_import_row_finalize;
}

static void
klynge_member_import_row_init (KlyngeMemberImportRow *self)
{
}

KlyngeMemberImportRow *
klynge_member_import_row_new (guint line)
{
  KlyngeMemberImportRow *self = g_object_new (KLYNGE_TYPE_MEMBER_IMPORT_ROW, NULL);

  self->line = line;
  self->member = klynge_member_new ();
  return self;
}
