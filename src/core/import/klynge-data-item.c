/* klynge-data-item.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file imported or a clinic's deliveries, as the Data area's rows show
 * them: read again after a change, an item keeps its object and notifies
 * what changed, so its row stays where it is.
 */

#include "klynge-data-item.h"
#include "klynge-record.h"

struct _KlyngeDataItem
{
  GObject   parent_instance;

  gint64    id;
  char     *title;
  char     *subtitle;
  char     *detail;
  gboolean  complete;
};

G_DEFINE_FINAL_TYPE (KlyngeDataItem, klynge_data_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_DETAIL,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
take_fields (gpointer self,
             gpointer from)
{
  KlyngeDataItem *item = self, *fresh = from;

  g_free (item->title);
  item->title = g_steal_pointer (&fresh->title);
  g_free (item->subtitle);
  item->subtitle = g_steal_pointer (&fresh->subtitle);
  g_free (item->detail);
  item->detail = g_steal_pointer (&fresh->detail);
  item->complete = fresh->complete;
}

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
klynge_data_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KlyngeDataItem *self = KLYNGE_DATA_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_data_item_class_init (KlyngeDataItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = klynge_data_item_finalize;
  object_class->get_property = klynge_data_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_COMPLETE] = g_param_spec_boolean ("complete", NULL, NULL, FALSE, KLYNGE_RECORD_READABLE);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_data_item_init (KlyngeDataItem *self)
{
}

KlyngeDataItem *
klynge_data_item_new (gint64      id,
                      const char *title,
                      const char *subtitle,
                      const char *detail,
                      gboolean    complete)
{
  KlyngeDataItem *self = g_object_new (KLYNGE_TYPE_DATA_ITEM, NULL);

  self->id = id;
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->detail = g_strdup (detail);
  self->complete = complete;
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

gboolean
klynge_data_item_get_complete (KlyngeDataItem *self)
{
  return self->complete;
}

/**
 * klynge_data_item_update:
 * @from: (transfer full): the same item as read again
 *
 * Returns: whether any of @self's properties changed (each notified)
 */
gboolean
klynge_data_item_update (KlyngeDataItem *self,
                         KlyngeDataItem *from)
{
  g_autoptr(KlyngeDataItem) fresh = from;

  return klynge_record_update (self, fresh, take_fields);
}
