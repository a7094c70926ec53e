/* klynge-agenda-item.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One item of a meeting's agenda: what, of which type, for how long.
 */

#include "klynge-i18n.h"

#include "klynge-agenda-item.h"
#include "klynge-record.h"

G_DEFINE_FINAL_TYPE (KlyngeAgendaItem, klynge_agenda_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_KIND,
  PROP_KIND_LABEL,
  PROP_DURATION_MINUTES,
  PROP_NOTES,
  PROP_START_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const agenda_kinds[] = {
  "welcome", "data", "group", "plenary", "speaker", "pdsa", "break", NULL
};

static void
klynge_agenda_item_finalize (GObject *object)
{
  KlyngeAgendaItem *self = KLYNGE_AGENDA_ITEM (object);

  g_free (self->title);
  g_free (self->kind);
  g_free (self->notes);
  G_OBJECT_CLASS (klynge_agenda_item_parent_class)->finalize (object);
}

static void
klynge_agenda_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KlyngeAgendaItem *self = KLYNGE_AGENDA_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, klynge_agenda_kind_label (self->kind));
      break;
    case PROP_DURATION_MINUTES:
      g_value_set_int (value, self->duration_minutes);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_START_MINUTES:
      g_value_set_int (value, self->start_minutes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_agenda_item_class_init (KlyngeAgendaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = klynge_agenda_item_finalize;
  object_class->get_property = klynge_agenda_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeAgendaItem:kind:
   *
   * The type's key, one of klynge_agenda_kinds().
   */
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeAgendaItem:kind-label:
   *
   * The type, translated: "Small-group discussion".
   */
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_DURATION_MINUTES] = g_param_spec_int ("duration-minutes", NULL, NULL, 0, G_MAXINT, 0, KLYNGE_RECORD_READABLE);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeAgendaItem:start-minutes:
   *
   * Minutes after the meeting's start, as klynge_meeting_compute_agenda()
   * last set them.
   */
  properties[PROP_START_MINUTES] = g_param_spec_int ("start-minutes", NULL, NULL, 0, G_MAXINT, 0, KLYNGE_RECORD_READABLE);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_agenda_item_init (KlyngeAgendaItem *self)
{
  self->title = g_strdup ("");
  self->kind = g_strdup ("plenary");
  self->notes = g_strdup ("");
}

KlyngeAgendaItem *
klynge_agenda_item_new (const char *title,
                        const char *kind,
                        int         duration_minutes)
{
  KlyngeAgendaItem *item = g_object_new (KLYNGE_TYPE_AGENDA_ITEM, NULL);

  klynge_record_set_text (&item->title, title);
  klynge_record_set_text (&item->kind, kind != NULL ? kind : "plenary");
  item->duration_minutes = duration_minutes;
  return item;
}

/* Start times follow every edit of the items before: a bound start label
 * hears of the ones that moved, and only of those. */
void
klynge_agenda_item_set_start_minutes (KlyngeAgendaItem *self,
                                      int               start_minutes)
{
  g_return_if_fail (KLYNGE_IS_AGENDA_ITEM (self));

  if (self->start_minutes == start_minutes)
    return;
  self->start_minutes = start_minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_MINUTES]);
}

const char *const *
klynge_agenda_kinds (void)
{
  return agenda_kinds;
}

const char *
klynge_agenda_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "welcome") == 0)
    return _("Welcome");
  if (g_strcmp0 (kind, "data") == 0)
    return _("Data presentation");
  if (g_strcmp0 (kind, "group") == 0)
    return _("Small-group discussion");
  if (g_strcmp0 (kind, "speaker") == 0)
    return _("Speaker");
  if (g_strcmp0 (kind, "pdsa") == 0)
    return _("PDSA plan");
  if (g_strcmp0 (kind, "break") == 0)
    return _("Break");
  return _("Plenary");
}
