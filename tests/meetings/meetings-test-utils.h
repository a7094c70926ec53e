/* meetings-test-utils.h — a small cluster the meeting tests control fully
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"
#include "klynge-meeting.h"

G_BEGIN_DECLS

typedef struct
{
  char     *dir;
  KlyngeDb *db;
  gint64    cluster;
  gint64    clinic;
  gint64    members[4];   /* Anna, Bo, Carl (joined 2026-01-01), Dorte */
} MeetingsFixture;

void           meetings_fixture_set_up    (MeetingsFixture *f,
                                           gconstpointer    data);
void           meetings_fixture_tear_down (MeetingsFixture *f,
                                           gconstpointer    data);
/* A saved meeting from @starts to @ends ("2026-06-09T17:00"). */
KlyngeMeeting *meetings_add_meeting       (MeetingsFixture *f,
                                           const char      *title,
                                           const char      *starts,
                                           const char      *ends,
                                           const char      *status);
gint64         meetings_count             (MeetingsFixture *f,
                                           const char      *sql,
                                           gint64           id);

/* Runs the main context until an `_async` call given
 * meetings_result_cb() and @slot as its callback has finished; returns
 * its result (transfer full). */
void           meetings_result_cb         (GObject         *source,
                                           GAsyncResult    *result,
                                           gpointer         slot);
GAsyncResult  *meetings_wait_result       (GAsyncResult   **slot);

G_END_DECLS
