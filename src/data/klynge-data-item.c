/* klynge-data-item.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-data-item.h"

struct _KlyngeDataItem
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *subtitle;
  char    *detail;
};

G_DEFINE_FINAL_TYPE (KlyngeDataItem, klynge_data_item, G_TYPE_OBJECT)

static void
klynge_data_item_finalize (GObject *object)
{
  KlyngeDataItem *self = KLYNGE_DATA_ITEM (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->detail);
  G_OBJECT_CLASS (klynge_data_item_parent_class)->finalize (object);
}

static void
klynge_data_item_class_init (KlyngeDataItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = klynge_data_item_finalize;
}

static void
klynge_data_item_init (KlyngeDataItem *self)
{
}

KlyngeDataItem *
klynge_data_item_new (gint64      id,
                      const char *title,
                      const char *subtitle,
                      const char *detail)
{
  KlyngeDataItem *self = g_object_new (KLYNGE_TYPE_DATA_ITEM, NULL);

  self->id = id;
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->detail = g_strdup (detail);
  return self;
}

gint64
klynge_data_item_get_id (KlyngeDataItem *self)
{
  return self->id;
}

const char *
klynge_data_item_get_title (KlyngeDataItem *self)
{
  return self->title;
}

const char *
klynge_data_item_get_subtitle (KlyngeDataItem *self)
{
  return self->subtitle;
}

const char *
klynge_data_item_get_detail (KlyngeDataItem *self)
{
  return self->detail;
}
