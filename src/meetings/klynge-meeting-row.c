/* klynge-meeting-row.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting in the Meetings area's list: its title, and when it is and how
 * it stands, bound to the meeting, so a saved meeting changes its row's
 * text and not the row.
 */

#include "klynge-meeting-row.h"

struct _KlyngeMeetingRow
{
  AdwActionRow   parent_instance;

  KlyngeMeeting *meeting;
};

G_DEFINE_FINAL_TYPE (KlyngeMeetingRow, klynge_meeting_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_MEETING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Bound in C: with GTK 4.8, a template <binding> looking up the row's own
 * "meeting" ended in a GObject weak-reference warning as the row was
 * destroyed. */
static void
klynge_meeting_row_constructed (GObject *object)
{
  KlyngeMeetingRow *self = KLYNGE_MEETING_ROW (object);

  G_OBJECT_CLASS (klynge_meeting_row_parent_class)->constructed (object);

  g_object_bind_property (self->meeting, "title", self, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->meeting, "summary", self, "subtitle", G_BINDING_SYNC_CREATE);
}

static void
klynge_meeting_row_dispose (GObject *object)
{
  KlyngeMeetingRow *self = KLYNGE_MEETING_ROW (object);

  g_clear_object (&self->meeting);

  G_OBJECT_CLASS (klynge_meeting_row_parent_class)->dispose (object);
}

static void
klynge_meeting_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KlyngeMeetingRow *self = KLYNGE_MEETING_ROW (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_meeting_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KlyngeMeetingRow *self = KLYNGE_MEETING_ROW (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      self->meeting = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_meeting_row_class_init (KlyngeMeetingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = klynge_meeting_row_constructed;
  object_class->dispose = klynge_meeting_row_dispose;
  object_class->get_property = klynge_meeting_row_get_property;
  object_class->set_property = klynge_meeting_row_set_property;

  /**
   * KlyngeMeetingRow:meeting:
   *
   * The meeting shown, one of the meeting store's.
   */
  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL, KLYNGE_TYPE_MEETING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_meeting_row_init (KlyngeMeetingRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
}

GtkWidget *
klynge_meeting_row_new (KlyngeMeeting *meeting)
{
  g_return_val_if_fail (KLYNGE_IS_MEETING (meeting), NULL);
  return g_object_new (KLYNGE_TYPE_MEETING_ROW, "meeting", meeting, NULL);
}

/**
 * klynge_meeting_row_get_meeting:
 *
 * Returns: (transfer none): the meeting shown
 */
KlyngeMeeting *
klynge_meeting_row_get_meeting (KlyngeMeetingRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_MEETING_ROW (self), NULL);
  return self->meeting;
}
