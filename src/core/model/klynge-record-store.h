/* klynge-record-store.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "klynge-db.h"
#include "klynge-store-sync.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_RECORD_STORE (klynge_record_store_get_type ())

G_DECLARE_DERIVABLE_TYPE (KlyngeRecordStore, klynge_record_store, KLYNGE, RECORD_STORE, GObject)

/**
 * KlyngeRecordStoreClass:
 * @item_type: the type of the records, each with an int64 "id" property
 * @list: reads the records of @owner_id (a cluster or a meeting) in the
 *   order they are shown
 * @update: brings a record up to date with its fresh copy
 *
 * A list model of one owner's records, read the first time a list asks
 * for them and then kept the same objects: klynge_record_store_refresh()
 * updates each record in place (klynge_store_sync()). A subclass names
 * its records and how they are read.
 */
struct _KlyngeRecordStoreClass
{
  GObjectClass parent_class;

  GType               item_type;
  GListModel       *(*list) (KlyngeDb  *db,
                             gint64     owner_id,
                             GError   **error);
  KlyngeStoreUpdate   update;
};

KlyngeDb     *klynge_record_store_get_db       (KlyngeRecordStore  *self);
gint64        klynge_record_store_get_owner_id (KlyngeRecordStore  *self);
gboolean      klynge_record_store_load         (KlyngeRecordStore  *self,
                                                GError            **error);
gboolean      klynge_record_store_refresh      (KlyngeRecordStore  *self,
                                                GError            **error);
const GError *klynge_record_store_get_error    (KlyngeRecordStore  *self);
gpointer      klynge_record_store_find         (KlyngeRecordStore  *self,
                                                gint64              id);

G_END_DECLS
