/* klynge-speaker-row.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-meeting.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_SPEAKER_ROW (klynge_speaker_row_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeSpeakerRow, klynge_speaker_row, KLYNGE, SPEAKER_ROW, GtkListBoxRow)

GtkWidget  *klynge_speaker_row_new              (const KlyngeSpeaker *speaker,
                                                 const char          *currency);
const char *klynge_speaker_row_get_name         (KlyngeSpeakerRow    *self);
const char *klynge_speaker_row_get_organisation (KlyngeSpeakerRow    *self);
const char *klynge_speaker_row_get_fee          (KlyngeSpeakerRow    *self);
void        klynge_speaker_row_edit             (KlyngeSpeakerRow    *self);

G_END_DECLS
