/* klynge-meeting.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "klynge-agenda-item.h"
#include "klynge-db.h"
#include "klynge-snapshot.h"

G_BEGIN_DECLS

typedef struct
{
  char   *name;
  char   *organisation;
  gint64  fee;                /* minor units */
} KlyngeSpeaker;

KlyngeSpeaker *klynge_speaker_new  (const char *name,
                                    const char *organisation,
                                    gint64      fee);
void           klynge_speaker_free (KlyngeSpeaker *speaker);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeSpeaker, klynge_speaker_free)

#define KLYNGE_TYPE_MEETING (klynge_meeting_get_type ())
G_DECLARE_FINAL_TYPE (KlyngeMeeting, klynge_meeting, KLYNGE, MEETING, GObject)

/* A meeting as the editor fills it in before klynge_meeting_save(); its
 * properties are what a list binds, brought up to date by
 * klynge_meeting_update(). Times are local to the cluster's time zone,
 * "2026-06-09T17:00". */
struct _KlyngeMeeting
{
  GObject     parent_instance;

  gint64      id;             /* 0 until saved */
  gint64      cluster_id;
  char       *title;
  gint64      topic_id;       /* 0: none */
  char       *topic_title;    /* filled when loaded */
  char       *starts_at;
  char       *ends_at;
  char       *venue_name;
  char       *venue_address;
  char       *catering;
  gint64      facilitator_id; /* 0: none */
  char       *status;         /* planned, invited, held, cancelled */
  char       *minutes;
  gint64      follow_up_of;   /* 0: none */
  GPtrArray  *agenda;         /* KlyngeAgendaItem, in order */
  GPtrArray  *speakers;       /* KlyngeSpeaker */
  gint64      n_present;      /* filled when listed */
  int         sequence;       /* RFC 5545 SEQUENCE: changes of time, place or cancellation since invited; kept by saving */
  char       *reply_by;       /* nullable: "2026-06-02", the date members are asked to answer by */
  gboolean    past;           /* filled when loaded: held, or over */
};

typedef enum
{
  KLYNGE_MEETINGS_ALL,        /* by start */
  KLYNGE_MEETINGS_WITH_INDICATORS, /* with a topic or data requests, latest first: those charts can show */
  /* The Meetings area's list: the upcoming ones soonest first (cancelled
   * ones too, where their date puts them), then the past ones (held, or
   * over) latest first. */
  KLYNGE_MEETINGS_SCHEDULE,
} KlyngeMeetingsFilter;

KlyngeMeeting *klynge_meeting_new                (gint64          cluster_id);
gboolean       klynge_meeting_update             (KlyngeMeeting  *self,
                                                  KlyngeMeeting  *from);
const char    *klynge_meeting_status_label       (const char     *status);
int            klynge_meeting_duration_minutes   (KlyngeMeeting  *self);
int            klynge_meeting_compute_agenda     (KlyngeMeeting  *self);
int            klynge_meeting_agenda_overrun     (KlyngeMeeting  *self);
char          *klynge_meeting_item_start_time    (KlyngeMeeting  *self,
                                                  KlyngeAgendaItem *item);
char          *klynge_meeting_agenda_text        (KlyngeMeeting  *self);

gboolean       klynge_meeting_parse_time         (const char     *local,
                                                  int            *year,
                                                  int            *month,
                                                  int            *day,
                                                  int            *hour,
                                                  int            *minute);

KlyngeMeeting *klynge_meeting_load               (KlyngeDb       *db,
                                                  gint64          meeting_id,
                                                  GError        **error);
GListModel    *klynge_meetings_list              (KlyngeDb       *db,
                                                  gint64          cluster_id,
                                                  KlyngeMeetingsFilter filter,
                                                  const char     *now,
                                                  GError        **error);
gboolean       klynge_meeting_save               (KlyngeDb       *db,
                                                  KlyngeMeeting  *meeting,
                                                  GError        **error);
gboolean       klynge_meeting_set_status         (KlyngeDb       *db,
                                                  gint64          meeting_id,
                                                  const char     *status,
                                                  GError        **error);
KlyngeSnapshot *klynge_meeting_cancel            (KlyngeDb       *db,
                                                  gint64          meeting_id,
                                                  GError        **error);
gboolean       klynge_meeting_reschedule         (KlyngeDb       *db,
                                                  gint64          meeting_id,
                                                  const char     *starts_at,
                                                  const char     *ends_at,
                                                  GError        **error);
char          *klynge_meeting_default_reply_by   (const char     *starts_at,
                                                  const char     *today);

/* Undo with klynge_snapshot_restore(). */
KlyngeSnapshot *klynge_meeting_delete            (KlyngeDb       *db,
                                                  gint64          meeting_id,
                                                  GError        **error);

/* Follow-up (PDSA): 6 to 12 months after a held meeting. */
gboolean       klynge_meeting_follow_up_dates    (const char     *held_starts_at,
                                                  const char     *today,
                                                  char          **earliest,
                                                  char          **proposed,
                                                  char          **latest);
KlyngeMeeting *klynge_meeting_propose_follow_up  (KlyngeMeeting  *held,
                                                  const char     *today);
gint64         klynge_meeting_find_follow_up     (KlyngeDb       *db,
                                                  gint64          meeting_id);

G_END_DECLS
