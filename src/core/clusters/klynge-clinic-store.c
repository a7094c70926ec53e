/* klynge-clinic-store.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clinics of a cluster, as #KlyngeClinic records that keep their objects while the database changes (see
 * #KlyngeRecordStore).
 */

#include "klynge-clinic.h"
#include "klynge-clinic-store.h"

struct _KlyngeClinicStore
{
  KlyngeRecordStore parent_instance;
};

G_DEFINE_FINAL_TYPE (KlyngeClinicStore, klynge_clinic_store, KLYNGE_TYPE_RECORD_STORE)

static void
klynge_clinic_store_class_init (KlyngeClinicStoreClass *klass)
{
  KlyngeRecordStoreClass *store_class = KLYNGE_RECORD_STORE_CLASS (klass);

  store_class->item_type = KLYNGE_TYPE_CLINIC;
  store_class->list = klynge_clinic_list;
  store_class->update = (KlyngeStoreUpdate) klynge_clinic_update;
}

static void
klynge_clinic_store_init (KlyngeClinicStore *self)
{
}
