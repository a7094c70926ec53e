/* klynge-submissions.h — which clinics have delivered a meeting's data
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"

G_BEGIN_DECLS

/**
 * KlyngeSubmission:
 * @status: "requested", "received" or "late" (as stored)
 * @late: not received, and asked to be late or past its due date
 * @note: (nullable): how it was received by hand; %NULL when it came
 *   through an import or has not come
 *
 * One data request of a meeting (created by the meetings area), with the
 * clinic's contacts for a reminder.
 */
typedef struct
{
  gint64  request_id;
  gint64  clinic_id;
  char   *clinic_name;
  char   *clinic_email;
  char   *clinic_phone;
  char   *indicator_name;
  char   *period;
  char   *due_on;
  char   *status;
  gboolean late;
  char   *note;
} KlyngeSubmission;

/* A meeting that asked for data, for choosing whose requests to track. */
typedef struct
{
  gint64  id;
  char   *title;
  char   *starts_at;
  gint64  n_requests;
  gint64  n_received;
} KlyngeSubmissionMeeting;

void       klynge_submission_meeting_free      (KlyngeSubmissionMeeting *meeting);
/* (element-type KlyngeSubmissionMeeting): meetings with data requests, newest first */
GPtrArray *klynge_submissions_list_meetings    (KlyngeDb   *db,
                                                gint64      cluster_id,
                                                GError    **error);

void       klynge_submission_free              (KlyngeSubmission *submission);
/* (element-type KlyngeSubmission): by clinic, then indicator */
GPtrArray *klynge_submissions_list             (KlyngeDb   *db,
                                                gint64      meeting_id,
                                                GError    **error);
/* A "mailto:" draft asking @clinic_id for what it has not delivered. */
char      *klynge_submissions_reminder_uri     (KlyngeDb   *db,
                                                gint64      meeting_id,
                                                gint64      clinic_id,
                                                GError    **error);

char      *klynge_submissions_reminder_mail    (KlyngeDb   *db,
                                                gint64      meeting_id,
                                                GError    **error);
gboolean   klynge_submissions_write_reminder   (KlyngeDb   *db,
                                                gint64      meeting_id,
                                                const char *path,
                                                GError    **error);

/* Marks @clinic_id's missing requests of @meeting_id received by hand,
 * saying how in @note (which must not be empty). */
gboolean   klynge_submissions_receive_by_hand  (KlyngeDb   *db,
                                                gint64      meeting_id,
                                                gint64      clinic_id,
                                                const char *note,
                                                GError    **error);

/* Marks received the requests answered by the batch's measurements (a
 * request without a period is answered by any period). Part of the import's
 * transaction. */
/* The period the cluster's meeting at hand asked its clinics for: the next
 * meeting's, else the last one held; %NULL when none asked. A file
 * imported at the meeting without a period column is of this period. */
char      *klynge_submissions_meeting_period   (KlyngeDb   *db,
                                                gint64      cluster_id);
gboolean   klynge_submissions_mark_delivered   (KlyngeDb   *db,
                                                gint64      batch_id,
                                                GError    **error);
/* (element-type gint64): the received requests the batch answers */
GArray    *klynge_submissions_delivered_by     (KlyngeDb   *db,
                                                gint64      batch_id,
                                                GError    **error);
/* Sets back to requested those of @request_ids no measurement answers any more. */
gboolean   klynge_submissions_recheck          (KlyngeDb   *db,
                                                GArray     *request_ids,
                                                GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeSubmission, klynge_submission_free)

G_END_DECLS
