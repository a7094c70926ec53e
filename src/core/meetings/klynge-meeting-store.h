/* klynge-meeting-store.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "klynge-db.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_MEETING_STORE (klynge_meeting_store_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeMeetingStore, klynge_meeting_store, KLYNGE, MEETING_STORE, GObject)

KlyngeMeetingStore *klynge_meeting_store_new            (KlyngeDb            *db,
                                                         gint64               cluster_id);
gint64              klynge_meeting_store_get_cluster_id (KlyngeMeetingStore  *self);
GListModel         *klynge_meeting_store_get_meetings   (KlyngeMeetingStore  *self);
gboolean            klynge_meeting_store_load           (KlyngeMeetingStore  *self,
                                                         GError             **error);
gboolean            klynge_meeting_store_refresh        (KlyngeMeetingStore  *self,
                                                         GError             **error);
const GError       *klynge_meeting_store_get_error      (KlyngeMeetingStore  *self);

G_END_DECLS
