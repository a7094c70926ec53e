/* klynge-member-store.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-record-store.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_MEMBER_STORE (klynge_member_store_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeMemberStore, klynge_member_store, KLYNGE, MEMBER_STORE, KlyngeRecordStore)

G_END_DECLS
