/* klynge-member-store.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The members of a cluster, former ones included, as #KlyngeMember records that keep their objects while the database changes (see
 * #KlyngeRecordStore).
 */

#include "klynge-member.h"
#include "klynge-member-store.h"

struct _KlyngeMemberStore
{
  KlyngeRecordStore parent_instance;
};

G_DEFINE_FINAL_TYPE (KlyngeMemberStore, klynge_member_store, KLYNGE_TYPE_RECORD_STORE)

static void
klynge_member_store_class_init (KlyngeMemberStoreClass *klass)
{
  KlyngeRecordStoreClass *store_class = KLYNGE_RECORD_STORE_CLASS (klass);

  store_class->item_type = KLYNGE_TYPE_MEMBER;
  store_class->list = klynge_member_list;
  store_class->update = (KlyngeStoreUpdate) klynge_member_update;
}

static void
klynge_member_store_init (KlyngeMemberStore *self)
{
}
