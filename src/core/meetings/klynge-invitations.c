/* klynge-invitations.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Invitations to a meeting, the members' answers, and the mail draft.
 */

#define G_LOG_DOMAIN "klynge-invitations"

#include "klynge-i18n.h"

#include <string.h>

#include "klynge-db-statement.h"
#include "klynge-format.h"
#include "klynge-invitations.h"
#include "klynge-meeting.h"
#include "klynge-record.h"
#include "klynge-sql.h"

G_DEFINE_FINAL_TYPE (KlyngeInvitation, klynge_invitation, G_TYPE_OBJECT)

/* The properties that rows bind; the list's "id" is the member's, as a
 * meeting invites a member once. */
enum {
  PROP_0,
  PROP_ID,
  PROP_MEMBER_NAME,
  PROP_MEMBER_EMAIL,
  PROP_CLINIC_NAME,
  PROP_STATUS,
  PROP_SENT_AT,
  PROP_RESPONDED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const answers[] = { "invited", "accepted", "declined", "no_answer", NULL };

static void
klynge_invitation_finalize (GObject *object)
{
  KlyngeInvitation *self = KLYNGE_INVITATION (object);

  g_free (self->member_name);
  g_free (self->member_email);
  g_free (self->clinic_name);
  g_free (self->status);
  g_free (self->sent_at);
  g_free (self->responded_at);
  G_OBJECT_CLASS (klynge_invitation_parent_class)->finalize (object);
}

static void
klynge_invitation_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KlyngeInvitation *self = KLYNGE_INVITATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->member_id);
      break;
    case PROP_MEMBER_NAME:
      g_value_set_string (value, self->member_name);
      break;
    case PROP_MEMBER_EMAIL:
      g_value_set_string (value, self->member_email);
      break;
    case PROP_CLINIC_NAME:
      g_value_set_string (value, self->clinic_name);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_SENT_AT:
      g_value_set_string (value, self->sent_at);
      break;
    case PROP_RESPONDED_AT:
      g_value_set_string (value, self->responded_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_invitation_class_init (KlyngeInvitationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = klynge_invitation_finalize;
  object_class->get_property = klynge_invitation_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  properties[PROP_MEMBER_NAME] = g_param_spec_string ("member-name", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_MEMBER_EMAIL] = g_param_spec_string ("member-email", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_CLINIC_NAME] = g_param_spec_string ("clinic-name", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_SENT_AT] = g_param_spec_string ("sent-at", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_RESPONDED_AT] = g_param_spec_string ("responded-at", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_invitation_init (KlyngeInvitation *self)
{
}

static void
take_fields (gpointer self,
             gpointer from)
{
  KlyngeInvitation *invitation = self, *fresh = from;

  g_free (invitation->member_name);
  invitation->member_name = g_steal_pointer (&fresh->member_name);
  g_free (invitation->member_email);
  invitation->member_email = g_steal_pointer (&fresh->member_email);
  g_free (invitation->clinic_name);
  invitation->clinic_name = g_steal_pointer (&fresh->clinic_name);
  g_free (invitation->status);
  invitation->status = g_steal_pointer (&fresh->status);
  g_free (invitation->sent_at);
  invitation->sent_at = g_steal_pointer (&fresh->sent_at);
  g_free (invitation->responded_at);
  invitation->responded_at = g_steal_pointer (&fresh->responded_at);
}

/**
 * klynge_invitation_update:
 * @from: (transfer full): the same invitation as read again; used up
 *
 * Returns: whether any of @self's properties changed (each notified)
 */
gboolean
klynge_invitation_update (KlyngeInvitation *self,
                          KlyngeInvitation *from)
{
  g_autoptr(KlyngeInvitation) fresh = from;

  return klynge_record_update (self, fresh, take_fields);
}

const char *
klynge_invitation_status_label (const char *status)
{
  if (g_strcmp0 (status, "accepted") == 0)
    return _("Accepted");
  if (g_strcmp0 (status, "declined") == 0)
    return _("Declined");
  if (g_strcmp0 (status, "no_answer") == 0)
    return _("No answer");
  return _("Invited");
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M");
}

static gpointer
invitation_from_row (KlyngeDbStatement *stmt)
{
  KlyngeInvitation *invitation = g_object_new (KLYNGE_TYPE_INVITATION, NULL);

  invitation->member_id = klynge_db_statement_column_int64 (stmt, 0);
  invitation->member_name = klynge_db_statement_dup_nullable (stmt, 1);
  invitation->member_email = klynge_db_statement_dup_nullable (stmt, 2);
  invitation->clinic_name = klynge_db_statement_dup_nullable (stmt, 3);
  invitation->status = klynge_db_statement_dup_nullable (stmt, 4);
  invitation->sent_at = klynge_db_statement_dup_nullable (stmt, 5);
  invitation->responded_at = klynge_db_statement_dup_nullable (stmt, 6);
  invitation->meeting_id = klynge_db_statement_column_int64 (stmt, 7);
  return invitation;
}

/**
 * klynge_invitations_list:
 *
 * Returns: (transfer full): a list of #KlyngeInvitation by member name
 */
GListModel *
klynge_invitations_list (KlyngeDb  *db,
                         gint64     meeting_id,
                         GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT i.member_id, m.name, m.email, c.name, i.status, i.sent_at, i.responded_at, i.meeting_id "
    "FROM invitation i JOIN member m ON m.id = i.member_id LEFT JOIN clinic c ON c.id = m.clinic_id "
    "WHERE i.meeting_id = ?1 ORDER BY m.name COLLATE NOCASE, m.id");

  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  return klynge_db_statement_collect_model (stmt, KLYNGE_TYPE_INVITATION, invitation_from_row, error);
}

static char *
member_name (KlyngeDb  *db,
             gint64     member_id,
             GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, "SELECT name FROM member WHERE id = ?1");
  g_autofree char *not_found = NULL;

  klynge_db_statement_bind_int64 (stmt, 1, member_id);
  not_found = g_strdup_printf (_("Member number %lld does not exist."), (long long) member_id);
  if (!klynge_db_statement_expect_row (stmt, not_found, error))
    return NULL;
  return klynge_db_statement_dup_text (stmt, 0);
}

static gboolean
insert_invitation (KlyngeDb  *db,
                   gint64     meeting_id,
                   gint64     member_id,
                   GError   **error)
{
  g_autofree char *sent = now_text ();
  g_autofree char *name = NULL;
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (!(name = member_name (db, member_id, error)))
    return FALSE;
  stmt = klynge_db_statement_new (db,
    "INSERT INTO invitation (meeting_id, member_id, sent_at) VALUES (?1, ?2, ?3)");
  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  klynge_db_statement_bind_int64 (stmt, 2, member_id);
  klynge_db_statement_bind_text (stmt, 3, sent);
  if (klynge_db_statement_run (stmt, error))
    return TRUE;
  if (error != NULL && g_error_matches (*error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT))
    {
      g_clear_error (error);
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT,
                   _("%s is already invited to this meeting."), name);
    }
  return FALSE;
}

/* The first invitations also set the date to answer by, unless the
 * secretary chose one. */
static gboolean
mark_invited (KlyngeDb  *db,
              gint64     meeting_id,
              GError   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(KlyngeMeeting) meeting = klynge_meeting_load (db, meeting_id, error);
  g_autofree char *reply_by = NULL;
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (meeting == NULL)
    return FALSE;
  reply_by = klynge_meeting_default_reply_by (meeting->starts_at, today);
  stmt = klynge_db_statement_new (db,
    "UPDATE meeting SET status = CASE status WHEN 'planned' THEN 'invited' ELSE status END, "
    "  reply_by = coalesce (reply_by, ?2) WHERE id = ?1");
  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  klynge_db_statement_bind_text (stmt, 2, reply_by);
  return klynge_db_statement_run (stmt, error);
}

/**
 * klynge_invitations_invite:
 *
 * Invites the members, all or none: a member who is already invited (or
 * listed twice) stops the whole batch with a message naming them. A planned
 * meeting becomes "invitations sent".
 */
gboolean
klynge_invitations_invite (KlyngeDb      *db,
                           gint64         meeting_id,
                           const gint64  *member_ids,
                           guint          n_members,
                           GError       **error)
{
  if (!klynge_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < n_members; i++)
    if (!insert_invitation (db, meeting_id, member_ids[i], error))
      goto fail;
  if (!mark_invited (db, meeting_id, error) || !klynge_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  klynge_db_rollback (db);
  return FALSE;
}

/**
 * klynge_invitations_invite_all:
 *
 * Invites every current member (not left before the meeting) who is not
 * invited yet.
 *
 * Returns: how many were invited, -1 on error
 */
int
klynge_invitations_invite_all (KlyngeDb  *db,
                               gint64     meeting_id,
                               GError   **error)
{
  g_autofree char *sent = now_text ();
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  int n;

  if (!klynge_db_begin (db, error))
    return -1;
  stmt = klynge_db_statement_new (db,
    "INSERT INTO invitation (meeting_id, member_id, sent_at) "
    "SELECT g.id, m.id, ?2 FROM meeting g JOIN member m ON m.cluster_id = g.cluster_id "
    "WHERE g.id = ?1 AND (m.left_on IS NULL OR m.left_on > substr(g.starts_at, 1, 10)) "
    "AND NOT EXISTS (SELECT 1 FROM invitation i WHERE i.meeting_id = g.id AND i.member_id = m.id)");
  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  klynge_db_statement_bind_text (stmt, 2, sent);
  if (!klynge_db_statement_run (stmt, error))
    goto fail;
  n = sqlite3_changes (klynge_db_get_handle (db));
  if ((n > 0 && !mark_invited (db, meeting_id, error)) || !klynge_db_commit (db, error))
    goto fail;
  return n;

fail:
  klynge_db_rollback (db);
  return -1;
}

/**
 * klynge_invitations_count:
 * @counts: (out caller-allocates): how many are invited and how they answered
 *
 * Counts the answers as stored, so a summary says what the file holds.
 */
gboolean
klynge_invitations_count (KlyngeDb                *db,
                          gint64                   meeting_id,
                          KlyngeInvitationCounts  *counts,
                          GError                 **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT count(*), coalesce(sum(status = 'accepted'), 0), coalesce(sum(status = 'declined'), 0) "
    "FROM invitation WHERE meeting_id = ?1");

  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  if (!klynge_db_statement_expect_row (stmt, _("The meeting no longer exists."), error))
    return FALSE;
  counts->invited = (guint) klynge_db_statement_column_int64 (stmt, 0);
  counts->accepted = (guint) klynge_db_statement_column_int64 (stmt, 1);
  counts->declined = (guint) klynge_db_statement_column_int64 (stmt, 2);
  counts->no_answer = counts->invited - counts->accepted - counts->declined;
  return TRUE;
}

/**
 * klynge_invitations_set_status:
 *
 * Records a member's answer with the time it came; back to "invited" clears
 * the time.
 */
gboolean
klynge_invitations_set_status (KlyngeDb    *db,
                               gint64       meeting_id,
                               gint64       member_id,
                               const char  *status,
                               GError     **error)
{
  g_autofree char *now = now_text ();
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (!g_strv_contains (answers, status))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("Unknown answer “%s”."), status);
      return FALSE;
    }
  stmt = klynge_db_statement_new (db,
    "UPDATE invitation SET status = ?3, "
    "  responded_at = CASE WHEN ?3 = 'invited' THEN NULL "
    "                      WHEN status = ?3 THEN responded_at ELSE ?4 END "
    "WHERE meeting_id = ?1 AND member_id = ?2");
  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  klynge_db_statement_bind_int64 (stmt, 2, member_id);
  klynge_db_statement_bind_text (stmt, 3, status);
  klynge_db_statement_bind_text (stmt, 4, now);
  if (!klynge_db_statement_run (stmt, error))
    return FALSE;
  if (sqlite3_changes (klynge_db_get_handle (db)) == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("The member is not invited to this meeting."));
      return FALSE;
    }
  return TRUE;
}

gboolean
klynge_invitations_remove (KlyngeDb  *db,
                           gint64     meeting_id,
                           gint64     member_id,
                           GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "DELETE FROM invitation WHERE meeting_id = ?1 AND member_id = ?2");

  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  klynge_db_statement_bind_int64 (stmt, 2, member_id);
  return klynge_db_statement_run (stmt, error);
}

const char *
klynge_invitations_default_template (void)
{
  return _("Dear colleagues,\n\n"
           "You are invited to the cluster meeting “{title}” on {date} at {venue}, {address}.\n\n"
           "Agenda:\n{agenda}\n"
           "Please let me know whether you can come.\n\n"
           "Kind regards\n");
}

/**
 * klynge_invitations_fill_template:
 *
 * Replaces {title}, {date}, {venue}, {address}, {topic}, {agenda} and
 * {reply_by} in @template_text with the meeting's.
 */
char *
klynge_invitations_fill_template (KlyngeDb    *db,
                                  gint64       meeting_id,
                                  const char  *template_text,
                                  GError     **error)
{
  g_autoptr(KlyngeMeeting) meeting = klynge_meeting_load (db, meeting_id, error);
  g_autofree char *when = NULL;
  g_autofree char *agenda = NULL;
  g_autofree char *reply_by = NULL;
  const char *fields[][2] = {
    { "{title}", NULL }, { "{date}", NULL }, { "{venue}", NULL },
    { "{address}", NULL }, { "{topic}", NULL }, { "{agenda}", NULL },
    { "{reply_by}", NULL },
  };
  g_autoptr(GString) text = NULL;

  if (meeting == NULL)
    return NULL;
  when = klynge_format_date_time (meeting->starts_at);
  agenda = klynge_meeting_agenda_text (meeting);
  fields[0][1] = meeting->title;
  fields[1][1] = when != NULL ? when : meeting->starts_at;
  fields[2][1] = meeting->venue_name;
  fields[3][1] = meeting->venue_address;
  fields[4][1] = meeting->topic_title != NULL ? meeting->topic_title : "";
  fields[5][1] = agenda;
  if (meeting->reply_by == NULL)
    meeting->reply_by = klynge_meeting_default_reply_by (meeting->starts_at, NULL);
  reply_by = meeting->reply_by != NULL ? klynge_format_date (meeting->reply_by) : NULL;
  fields[6][1] = reply_by != NULL ? reply_by : meeting->reply_by != NULL ? meeting->reply_by : "";

  text = g_string_new (template_text);
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    g_string_replace (text, fields[f][0], fields[f][1], 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * klynge_invitations_mailto:
 *
 * A mailto: URI with every invited member who has an address in BCC, so
 * that no member sees the others' addresses.
 */
char *
klynge_invitations_mailto (KlyngeDb    *db,
                           gint64       meeting_id,
                           const char  *subject,
                           const char  *body,
                           GError     **error)
{
  g_autoptr(GListModel) invitations = klynge_invitations_list (db, meeting_id, error);
  g_autoptr(GString) bcc = g_string_new (NULL);
  g_autofree char *subject_escaped = NULL;
  g_autofree char *body_escaped = NULL;

  if (invitations == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (invitations); i++)
    {
      g_autoptr(KlyngeInvitation) invitation = g_list_model_get_item (invitations, i);
      g_autofree char *address = NULL;

      if (klynge_sql_is_blank (invitation->member_email))
        continue;
      address = g_uri_escape_string (invitation->member_email, "@", FALSE);
      if (bcc->len > 0)
        g_string_append_c (bcc, ',');
      g_string_append (bcc, address);
    }
  subject_escaped = g_uri_escape_string (subject, NULL, FALSE);
  body_escaped = g_uri_escape_string (body, NULL, FALSE);
  return g_strdup_printf ("mailto:?bcc=%s&subject=%s&body=%s", bcc->str, subject_escaped, body_escaped);
}

/**
 * klynge_invitations_organizer:
 * @name: (out): the organizer's name
 * @email: (out): their address, "" when none is recorded
 *
 * The organizer is the cluster's coordinator, or the cluster itself when no
 * coordinator with an address is recorded.
 */
gboolean
klynge_invitations_organizer (KlyngeDb    *db,
                              gint64       cluster_id,
                              char       **name,
                              char       **email,
                              GError     **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT coalesce(m.name, c.name), coalesce(m.email, '') "
    "FROM cluster c LEFT JOIN member m ON m.id = ("
    "  SELECT r.member_id FROM member_role r JOIN member x ON x.id = r.member_id "
    "  WHERE x.cluster_id = c.id AND r.role = 'coordinator' AND r.to_date IS NULL AND x.email != '' "
    "  ORDER BY r.from_date DESC LIMIT 1) "
    "WHERE c.id = ?1");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  if (!klynge_db_statement_expect_row (stmt, _("The cluster no longer exists."), error))
    return FALSE;
  *name = klynge_db_statement_dup_nullable (stmt, 0);
  *email = klynge_db_statement_dup_nullable (stmt, 1);
  return TRUE;
}

/* An address a mail program or a calendar takes as one recipient: anything
 * with a line break, a space or a separator could smuggle in a header, a
 * property or a second recipient. */
gboolean
klynge_invitations_is_mail_address (const char *address)
{
  const char *at;

  if (address == NULL || *address == '\0' || !g_utf8_validate (address, -1, NULL))
    return FALSE;
  for (const char *p = address; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p) || strchr (" ,;:<>\"", *p) != NULL)
      return FALSE;
  at = strchr (address, '@');
  return at != NULL && at != address && at[1] != '\0' && strchr (at + 1, '@') == NULL;
}
