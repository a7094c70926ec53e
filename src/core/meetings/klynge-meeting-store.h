/* klynge-meeting-store.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-record-store.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_MEETING_STORE (klynge_meeting_store_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeMeetingStore, klynge_meeting_store, KLYNGE, MEETING_STORE, KlyngeRecordStore)

KlyngeMeetingStore *klynge_meeting_store_new (KlyngeDb *db,
                                              gint64    cluster_id);

G_END_DECLS
