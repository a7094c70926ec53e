/* klynge-invitation-store.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The invitations of one meeting, by member name, as #KlyngeInvitation
 * records that keep their objects while the database changes: an answer
 * recorded, a member renamed elsewhere or a meeting saved changes the
 * rows where they are.
 */

#include "klynge-invitation-store.h"
#include "klynge-invitations.h"

struct _KlyngeInvitationStore
{
  KlyngeRecordStore parent_instance;
};

G_DEFINE_FINAL_TYPE (KlyngeInvitationStore, klynge_invitation_store, KLYNGE_TYPE_RECORD_STORE)

static void
klynge_invitation_store_class_init (KlyngeInvitationStoreClass *klass)
{
  KlyngeRecordStoreClass *store_class = KLYNGE_RECORD_STORE_CLASS (klass);

  store_class->item_type = KLYNGE_TYPE_INVITATION;
  store_class->list = klynge_invitations_list;
  store_class->update = (KlyngeStoreUpdate) klynge_invitation_update;
}

static void
klynge_invitation_store_init (KlyngeInvitationStore *self)
{
}

/**
 * klynge_invitation_store_new:
 *
 * Returns: (transfer full): a store of @meeting_id's invitations, read the
 *   first time it is loaded
 */
KlyngeInvitationStore *
klynge_invitation_store_new (KlyngeDb *db,
                             gint64    meeting_id)
{
  g_return_val_if_fail (KLYNGE_IS_DB (db), NULL);
  return g_object_new (KLYNGE_TYPE_INVITATION_STORE, "db", db, "owner-id", meeting_id, NULL);
}
