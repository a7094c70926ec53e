/* klynge-clinic-store.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-record-store.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_CLINIC_STORE (klynge_clinic_store_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeClinicStore, klynge_clinic_store, KLYNGE, CLINIC_STORE, KlyngeRecordStore)

G_END_DECLS
