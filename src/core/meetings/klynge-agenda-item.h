/* klynge-agenda-item.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KLYNGE_TYPE_AGENDA_ITEM (klynge_agenda_item_get_type ())
G_DECLARE_FINAL_TYPE (KlyngeAgendaItem, klynge_agenda_item, KLYNGE, AGENDA_ITEM, GObject)

/* One item of an agenda. The fields are public, as the agenda builder
 * fills them in; the properties are what a row binds. start_minutes is
 * computed from the items before it (klynge_meeting_compute_agenda()); it
 * is not stored. */
struct _KlyngeAgendaItem
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *kind;              /* welcome, data, group, plenary, speaker, pdsa, break */
  int      duration_minutes;  /* > 0 */
  char    *notes;
  int      start_minutes;     /* minutes after the meeting starts */
};

KlyngeAgendaItem  *klynge_agenda_item_new               (const char       *title,
                                                         const char       *kind,
                                                         int               duration_minutes);
void               klynge_agenda_item_set_start_minutes (KlyngeAgendaItem *self,
                                                         int               start_minutes);
const char        *klynge_agenda_kind_label             (const char       *kind);
const char *const *klynge_agenda_kinds                  (void);

G_END_DECLS
