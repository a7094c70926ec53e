/* klynge-ics.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"

G_BEGIN_DECLS

char *klynge_ics_for_meeting   (KlyngeDb    *db,
                                gint64       meeting_id,
                                GError     **error);
char *klynge_ics_file_name     (const char  *starts_at,
                                const char  *title,
                                const char  *extension);

G_END_DECLS
