/* klynge-delivery-store.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The request tracker of one meeting: a #KlyngeDataItem per clinic asked
 * for data, saying what it delivered, what is missing and how to remind
 * it ("detail", a mailto: draft). Its items keep their objects while the
 * database changes, so a clinic received by hand changes its row alone.
 */

#include "klynge-i18n.h"

#include "klynge-data-item.h"
#include "klynge-delivery-store.h"
#include "klynge-format.h"
#include "klynge-submissions.h"

struct _KlyngeDeliveryStore
{
  KlyngeRecordStore parent_instance;
};

G_DEFINE_FINAL_TYPE (KlyngeDeliveryStore, klynge_delivery_store, KLYNGE_TYPE_RECORD_STORE)

/* The clinic of @list's submission @i, which runs on to @end (the first
 * of another clinic's): what it delivered, what is missing, a reminder. */
static KlyngeDataItem *
clinic_item (KlyngeDb  *db,
             gint64     meeting_id,
             GPtrArray *list,
             guint      i,
             guint     *end)
{
  KlyngeSubmission *first = g_ptr_array_index (list, i);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *mailto = NULL;
  const char *note = NULL, *late = NULL;
  guint n = 0, received = 0;

  for (; i < list->len && ((KlyngeSubmission *) g_ptr_array_index (list, i))->clinic_id == first->clinic_id; i++, n++)
    {
      KlyngeSubmission *s = g_ptr_array_index (list, i);

      if (g_str_equal (s->status, "received"))
        {
          received++;
          if (s->note != NULL && note == NULL)
            note = s->note;
        }
      else
        {
          g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", s->indicator_name);
          if (s->late && late == NULL)
            late = s->due_on != NULL ? s->due_on : "";
        }
    }
  *end = i;

  g_string_append_printf (subtitle, _("Delivered %u of %u"), received, n);
  if (note != NULL)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("by hand: %s"), note);
    }
  if (late != NULL)
    {
      g_autofree char *due = *late != '\0' ? klynge_format_date (late) : NULL;

      g_string_append (subtitle, " · ");
      if (due != NULL)
        g_string_append_printf (subtitle, _("Late: it was due %s"), due);
      else
        g_string_append (subtitle, _("Late"));
    }
  if (missing->len > 0)
    {
      g_autoptr(GError) error = NULL;

      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("Missing: %s"), missing->str);
      g_string_append_printf (subtitle, "\n%s · %s", first->clinic_phone, first->clinic_email);
      /* Without its reminder the row says why, under what is missing. */
      if ((mailto = klynge_submissions_reminder_uri (db, meeting_id, first->clinic_id, &error)) == NULL)
        g_string_append_printf (subtitle, "\n%s", error->message);
    }
  return klynge_data_item_new (first->clinic_id, first->clinic_name, subtitle->str, mailto, missing->len == 0);
}

static GListModel *
list_clinics (KlyngeDb  *db,
              gint64     meeting_id,
              GError   **error)
{
  g_autoptr(GPtrArray) list = klynge_submissions_list (db, meeting_id, error);
  GListStore *items;

  if (list == NULL)
    return NULL;
  items = g_list_store_new (KLYNGE_TYPE_DATA_ITEM);
  for (guint i = 0; i < list->len;)
    {
      g_autoptr(KlyngeDataItem) item = clinic_item (db, meeting_id, list, i, &i);

      g_list_store_append (items, item);
    }
  return G_LIST_MODEL (items);
}

static void
klynge_delivery_store_class_init (KlyngeDeliveryStoreClass *klass)
{
  KlyngeRecordStoreClass *store_class = KLYNGE_RECORD_STORE_CLASS (klass);

  store_class->item_type = KLYNGE_TYPE_DATA_ITEM;
  store_class->list = list_clinics;
  store_class->update = (KlyngeStoreUpdate) klynge_data_item_update;
}

static void
klynge_delivery_store_init (KlyngeDeliveryStore *self)
{
}

/**
 * klynge_delivery_store_new:
 *
 * Returns: (transfer full): a store of the clinics @meeting_id asked for
 *   data, read the first time it is loaded
 */
KlyngeDeliveryStore *
klynge_delivery_store_new (KlyngeDb *db,
                           gint64    meeting_id)
{
  g_return_val_if_fail (KLYNGE_IS_DB (db), NULL);
  return g_object_new (KLYNGE_TYPE_DELIVERY_STORE, "db", db, "owner-id", meeting_id, NULL);
}
