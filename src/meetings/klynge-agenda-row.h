/* klynge-agenda-row.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-agenda-item.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_AGENDA_ROW (klynge_agenda_row_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeAgendaRow, klynge_agenda_row, KLYNGE, AGENDA_ROW, GtkListBoxRow)

GtkWidget        *klynge_agenda_row_new             (KlyngeAgendaItem *item,
                                                     GListModel       *kinds,
                                                     gboolean          movable);
KlyngeAgendaItem *klynge_agenda_row_get_item        (KlyngeAgendaRow  *self);
GtkWidget        *klynge_agenda_row_get_kind_picker (KlyngeAgendaRow  *self);
void              klynge_agenda_row_set_start_time  (KlyngeAgendaRow  *self,
                                                     const char       *start_time);
void              klynge_agenda_row_edit            (KlyngeAgendaRow  *self);

G_END_DECLS
