/* klynge-agenda-builder.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-meeting.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_AGENDA_BUILDER (klynge_agenda_builder_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeAgendaBuilder, klynge_agenda_builder, KLYNGE, AGENDA_BUILDER, AdwBin)

void klynge_agenda_builder_set_meeting (KlyngeAgendaBuilder *self,
                                        KlyngeDb            *db,
                                        KlyngeMeeting       *meeting);
void klynge_agenda_builder_move        (KlyngeAgendaBuilder *self,
                                        guint                from,
                                        guint                to);
void klynge_agenda_builder_refresh     (KlyngeAgendaBuilder *self);

G_END_DECLS
