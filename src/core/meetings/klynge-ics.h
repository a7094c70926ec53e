/* klynge-ics.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"

G_BEGIN_DECLS

char *klynge_ics_for_member    (KlyngeDb    *db,
                                gint64       meeting_id,
                                gint64       member_id,
                                GError     **error);
int   klynge_ics_write_folder  (KlyngeDb    *db,
                                gint64       meeting_id,
                                const char  *folder,
                                GError     **error);

G_END_DECLS
