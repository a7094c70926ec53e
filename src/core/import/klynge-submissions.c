/* klynge-submissions.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "klynge-import"

#include "klynge-i18n.h"

#include "klynge-db-statement.h"
#include "klynge-file.h"
#include "klynge-invitation-mail.h"
#include "klynge-submissions.h"

/* A measurement answers a request for its clinic and indicator, and for its
 * period unless the request names none. */
#define ANSWERS(m, r) \
  m ".indicator_id = " r ".indicator_id AND " m ".clinic_id = " r ".clinic_id AND " \
  "(" r ".period = '' OR " m ".period = " r ".period)"

void
klynge_submission_free (KlyngeSubmission *submission)
{
  if (submission == NULL)
    return;
  g_free (submission->clinic_name);
  g_free (submission->clinic_email);
  g_free (submission->clinic_phone);
  g_free (submission->indicator_name);
  g_free (submission->period);
  g_free (submission->due_on);
  g_free (submission->status);
  g_free (submission->note);
  g_free (submission);
}

void
klynge_submission_meeting_free (KlyngeSubmissionMeeting *meeting)
{
  if (meeting == NULL)
    return;
  g_free (meeting->title);
  g_free (meeting->starts_at);
  g_free (meeting);
}

static gpointer
submission_meeting_from_row (KlyngeDbStatement *stmt)
{
  KlyngeSubmissionMeeting *m = g_new0 (KlyngeSubmissionMeeting, 1);

  m->id = klynge_db_statement_column_int64 (stmt, 0);
  m->title = klynge_db_statement_dup_text (stmt, 1);
  m->starts_at = klynge_db_statement_dup_text (stmt, 2);
  m->n_requests = klynge_db_statement_column_int64 (stmt, 3);
  m->n_received = klynge_db_statement_column_int64 (stmt, 4);
  return m;
}

static gpointer
submission_from_row (KlyngeDbStatement *stmt)
{
  KlyngeSubmission *s = g_new0 (KlyngeSubmission, 1);

  s->request_id = klynge_db_statement_column_int64 (stmt, 0);
  s->clinic_id = klynge_db_statement_column_int64 (stmt, 1);
  s->clinic_name = klynge_db_statement_dup_text (stmt, 2);
  s->clinic_email = klynge_db_statement_dup_text (stmt, 3);
  s->clinic_phone = klynge_db_statement_dup_text (stmt, 4);
  s->indicator_name = klynge_db_statement_dup_text (stmt, 5);
  s->period = klynge_db_statement_dup_text (stmt, 6);
  s->due_on = klynge_db_statement_dup_text (stmt, 7);
  s->status = klynge_db_statement_dup_text (stmt, 8);
  s->late = klynge_db_statement_column_int (stmt, 9) != 0;
  s->note = klynge_db_statement_dup_nullable (stmt, 10);
  return s;
}

GPtrArray *
klynge_submissions_list_meetings (KlyngeDb  *db,
                                  gint64     cluster_id,
                                  GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT m.id, m.title, m.starts_at, count(*), sum(r.status = 'received') "
    "FROM meeting m JOIN data_request r ON r.meeting_id = m.id "
    "WHERE m.cluster_id = ?1 GROUP BY m.id ORDER BY m.starts_at DESC");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  return klynge_db_statement_collect (stmt, submission_meeting_from_row, (GDestroyNotify) klynge_submission_meeting_free, error);
}

GPtrArray *
klynge_submissions_list (KlyngeDb  *db,
                         gint64     meeting_id,
                         GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT r.id, c.id, c.name, c.email, c.phone, i.name, r.period, r.due_on, r.status, "
    "  r.status <> 'received' AND (r.status = 'late' OR r.due_on < date ('now', 'localtime')), "
    "  r.received_note "
    "FROM data_request r JOIN clinic c ON c.id = r.clinic_id "
    "JOIN indicator i ON i.id = r.indicator_id "
    "WHERE r.meeting_id = ?1 ORDER BY c.name, i.name, r.period COLLATE klynge_period");

  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  return klynge_db_statement_collect (stmt, submission_from_row, (GDestroyNotify) klynge_submission_free, error);
}

char *
klynge_submissions_reminder_uri (KlyngeDb  *db,
                                 gint64     meeting_id,
                                 gint64     clinic_id,
                                 GError   **error)
{
  g_autoptr(GPtrArray) list = klynge_submissions_list (db, meeting_id, error);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *subject = NULL;
  g_autofree char *subject_escaped = NULL;
  g_autofree char *body_escaped = NULL;
  g_autofree char *to = NULL;
  const char *clinic_name = NULL;

  if (list == NULL)
    return NULL;

  for (guint i = 0; i < list->len; i++)
    {
      KlyngeSubmission *s = g_ptr_array_index (list, i);

      if (s->clinic_id != clinic_id || g_str_equal (s->status, "received"))
        continue;
      clinic_name = s->clinic_name;
      g_free (to);
      to = g_uri_escape_string (s->clinic_email, "@", FALSE);
      if (*s->period != '\0')
        g_string_append_printf (body, "- %s (%s)\n", s->indicator_name, s->period);
      else
        g_string_append_printf (body, "- %s\n", s->indicator_name);
    }

  if (clinic_name == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("The clinic has delivered everything asked for."));
      return NULL;
    }

  g_string_prepend (body, _("Dear colleagues,\n\nFor our next cluster meeting we are still missing these data from your clinic:\n\n"));
  g_string_append (body, _("\nPlease send them as a CSV or Excel file before the meeting.\n\nKind regards\n"));
  subject = g_strdup_printf (_("Data for the cluster meeting: %s"), clinic_name);
  subject_escaped = g_uri_escape_string (subject, NULL, FALSE);
  body_escaped = g_uri_escape_string (body->str, NULL, FALSE);
  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", to, subject_escaped, body_escaped);
}

/**
 * klynge_submissions_reminder_mail:
 *
 * One draft to every clinic that still owes @meeting_id data, in BCC, listing
 * what each one owes (the clinics' names are shared among the cluster's
 * members already; their numbers are not in it).
 *
 * Returns: (transfer full): the draft as an RFC 5322 message with CRLF
 *   lines, or %NULL with @error set (nothing missing, nobody's address)
 */
char *
klynge_submissions_reminder_mail (KlyngeDb  *db,
                                  gint64     meeting_id,
                                  GError   **error)
{
  g_autoptr(GPtrArray) list = klynge_submissions_list (db, meeting_id, error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) addresses = g_strv_builder_new ();
  g_auto(GStrv) name_list = NULL, address_list = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  gint64 last_clinic = 0, cluster_id;

  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      KlyngeSubmission *s = g_ptr_array_index (list, i);

      if (g_str_equal (s->status, "received"))
        continue;
      if (s->clinic_id != last_clinic)
        {
          g_string_append_printf (body, "\n%s:\n", s->clinic_name);
          g_strv_builder_add (names, s->clinic_name);
          g_strv_builder_add (addresses, s->clinic_email);
          last_clinic = s->clinic_id;
        }
      if (*s->period != '\0')
        g_string_append_printf (body, "- %s (%s)\n", s->indicator_name, s->period);
      else
        g_string_append_printf (body, "- %s\n", s->indicator_name);
    }
  if (last_clinic == 0)
    {
      g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("Every clinic has delivered everything asked for."));
      return NULL;
    }
  g_string_prepend (body, _("Dear colleagues,\n\nFor our next cluster meeting we are still missing these data:\n"));
  g_string_append (body, _("\nPlease send them as a CSV or Excel file before the meeting.\n\nKind regards\n"));
  name_list = g_strv_builder_end (names);
  address_list = g_strv_builder_end (addresses);
  if (!klynge_db_count (db, "SELECT cluster_id FROM meeting WHERE id = ?1", meeting_id, &cluster_id, error))
    return NULL;
  return klynge_invitation_mail_plain_draft (db, cluster_id,
                                             (const char * const *) name_list, (const char * const *) address_list,
                                             _("Data for the cluster meeting: still missing"), body->str, error);
}

/* Writes klynge_submissions_reminder_mail() to @path, readable by its owner only. */
gboolean
klynge_submissions_write_reminder (KlyngeDb    *db,
                                   gint64       meeting_id,
                                   const char  *path,
                                   GError     **error)
{
  g_autofree char *mail = klynge_submissions_reminder_mail (db, meeting_id, error);

  return mail != NULL && klynge_file_write_private (path, mail, -1, error);
}

gboolean
klynge_submissions_receive_by_hand (KlyngeDb   *db,
                                    gint64      meeting_id,
                                    gint64      clinic_id,
                                    const char *note,
                                    GError    **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (note != NULL ? note : ""));
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                           _("Say how the data came (on paper, by phone…): the note is what the tracker shows."));
      return FALSE;
    }
  stmt = klynge_db_statement_new (db,
    "UPDATE data_request SET status = 'received', received_note = ?3 "
    "WHERE meeting_id = ?1 AND clinic_id = ?2 AND status <> 'received'");
  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  klynge_db_statement_bind_int64 (stmt, 2, clinic_id);
  klynge_db_statement_bind_text (stmt, 3, trimmed);
  return klynge_db_statement_run_changing (stmt, _("The clinic has delivered everything asked for."), error);
}

gboolean
klynge_submissions_mark_delivered (KlyngeDb  *db,
                                   gint64     batch_id,
                                   GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "UPDATE data_request SET status = 'received' "
    "WHERE status <> 'received' AND EXISTS (SELECT 1 FROM measurement m "
    "WHERE m.batch_id = ?1 AND " ANSWERS ("m", "data_request") ")");

  klynge_db_statement_bind_int64 (stmt, 1, batch_id);
  return klynge_db_statement_run (stmt, error);
}

GArray *
klynge_submissions_delivered_by (KlyngeDb  *db,
                                 gint64     batch_id,
                                 GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT r.id FROM data_request r WHERE r.status = 'received' AND EXISTS "
    "(SELECT 1 FROM measurement m WHERE m.batch_id = ?1 AND " ANSWERS ("m", "r") ")");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, batch_id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      gint64 id = klynge_db_statement_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&ids);
}

gboolean
klynge_submissions_recheck (KlyngeDb  *db,
                            GArray    *request_ids,
                            GError   **error)
{
  for (guint i = 0; i < request_ids->len; i++)
    {
      g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
        "UPDATE data_request SET status = 'requested' WHERE id = ?1 AND received_note IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM measurement m WHERE " ANSWERS ("m", "data_request") ")");
      klynge_db_statement_bind_int64 (stmt, 1, g_array_index (request_ids, gint64, i));
      if (!klynge_db_statement_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

char *
klynge_submissions_meeting_period (KlyngeDb *db,
                                   gint64    cluster_id)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT r.period FROM data_request r JOIN meeting m ON m.id = r.meeting_id "
    "WHERE m.cluster_id = ?1 AND m.status <> 'cancelled' "
    "ORDER BY m.status = 'held', "
    "CASE WHEN m.status = 'held' THEN -julianday (m.starts_at) ELSE julianday (m.starts_at) END "
    "LIMIT 1");
  char *period = NULL;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  if (klynge_db_statement_step (stmt, NULL) == SQLITE_ROW)
    period = klynge_db_statement_dup_nullable (stmt, 0);
  return period;
}
