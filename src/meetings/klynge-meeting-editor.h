/* klynge-meeting-editor.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-db.h"
#include "klynge-meeting.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_MEETING_EDITOR (klynge_meeting_editor_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeMeetingEditor, klynge_meeting_editor, KLYNGE, MEETING_EDITOR, AdwBin)

void     klynge_meeting_editor_set_meeting (KlyngeMeetingEditor *self,
                                            KlyngeDb            *db,
                                            KlyngeMeeting       *meeting);
gboolean klynge_meeting_editor_apply       (KlyngeMeetingEditor *self,
                                            GError             **error);

G_END_DECLS
