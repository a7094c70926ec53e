/* klynge-invitation-mail.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The secretary's mail drafts for a meeting: the invitation, an update
 * after a change, the cancellation and a reminder to those who have not
 * answered. Each is one message with every recipient in BCC and the one
 * shared calendar of klynge_ics_for_meeting() inside, built as Google
 * Calendar and Outlook send invitations (multipart/mixed: the text and
 * text/calendar with its METHOD as alternatives, and the same calendar as
 * an .ics attachment for programs that only offer attachments). The draft
 * is written as an .eml file marked X-Unsent, which Outlook opens ready to
 * send and Thunderbird opens with "Edit as New".
 */

#define G_LOG_DOMAIN "klynge-invitation-mail"

#include "klynge-i18n.h"

#include <errno.h>
#include <string.h>

#include <gmime/gmime.h>

#include "klynge-db-task.h"
#include "klynge-file.h"
#include "klynge-format.h"
#include "klynge-ics.h"
#include "klynge-invitation-mail.h"
#include "klynge-invitations.h"
#include "klynge-meeting.h"
#include "klynge-sql.h"

/* GMime 3.2 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMultipart, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeObject, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeFormatOptions, g_mime_format_options_free)

static const char *const kind_names[] = { "auto", "invitation", "update", "cancellation", "reminder", NULL };

static void
ensure_gmime (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      g_mime_init ();
      g_once_init_leave (&initialised, 1);
    }
}

gboolean
klynge_invitation_mail_kind_from_string (const char               *text,
                                         KlyngeInvitationMailKind *kind)
{
  for (guint i = 0; kind_names[i] != NULL; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (KlyngeInvitationMailKind) i;
        return TRUE;
      }
  return FALSE;
}

static char *
one_line (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  for (char *p = valid; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p))
      *p = ' ';
  return g_strstrip (g_steal_pointer (&valid));
}

static KlyngeInvitationMailKind
resolve_kind (KlyngeMeeting             *meeting,
              KlyngeInvitationMailKind   kind,
              GError                   **error)
{
  gboolean cancelled = g_str_equal (meeting->status, "cancelled");

  if (kind == KLYNGE_INVITATION_MAIL_AUTO)
    return cancelled ? KLYNGE_INVITATION_MAIL_CANCELLATION
         : meeting->sequence > 0 ? KLYNGE_INVITATION_MAIL_UPDATE : KLYNGE_INVITATION_MAIL_INVITATION;
  if (cancelled != (kind == KLYNGE_INVITATION_MAIL_CANCELLATION))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, "%s",
                   cancelled ? _("The meeting is cancelled: only the cancellation can be sent.")
                             : _("The meeting is not cancelled: cancel it before sending the cancellation."));
      return KLYNGE_INVITATION_MAIL_AUTO;
    }
  return kind;
}

static const char *
subject_template (KlyngeInvitationMailKind kind)
{
  switch (kind)
    {
    case KLYNGE_INVITATION_MAIL_UPDATE:
      /* Translators: a mail's subject; {title} is the meeting's title; keep the braces */
      return _("Changed: {title}");
    case KLYNGE_INVITATION_MAIL_CANCELLATION:
      /* Translators: a mail's subject; {title} is the meeting's title; keep the braces */
      return _("Cancelled: {title}");
    case KLYNGE_INVITATION_MAIL_REMINDER:
      /* Translators: a mail's subject; {title} is the meeting's title; keep the braces */
      return _("Reminder: {title}");
    case KLYNGE_INVITATION_MAIL_AUTO:
    case KLYNGE_INVITATION_MAIL_INVITATION:
    default:
      /* Translators: a mail's subject; {title} is the meeting's title; keep the braces */
      return _("Invitation: {title}");
    }
}

static const char *
body_template (KlyngeInvitationMailKind kind)
{
  switch (kind)
    {
    case KLYNGE_INVITATION_MAIL_UPDATE:
      return _("Dear colleagues,\n\n"
               "The cluster meeting “{title}” has changed: it is now on {date} at {venue}, {address}.\n\n"
               "Agenda:\n{agenda}\n"
               "Please answer by {reply_by}. The attached calendar invitation moves the meeting in your calendar.\n\n"
               "Kind regards\n");
    case KLYNGE_INVITATION_MAIL_CANCELLATION:
      return _("Dear colleagues,\n\n"
               "The cluster meeting “{title}” on {date} is cancelled.\n\n"
               "The attached calendar message removes it from your calendar.\n\n"
               "Kind regards\n");
    case KLYNGE_INVITATION_MAIL_REMINDER:
      return _("Dear colleagues,\n\n"
               "We have not had your answer yet to the invitation to the cluster meeting “{title}” "
               "on {date} at {venue}, {address}.\n\n"
               "Please answer by {reply_by}, in your calendar or by replying to this mail.\n\n"
               "Kind regards\n");
    case KLYNGE_INVITATION_MAIL_AUTO:
    case KLYNGE_INVITATION_MAIL_INVITATION:
    default:
      return _("Dear colleagues,\n\n"
               "You are invited to the cluster meeting “{title}” on {date} at {venue}, {address}.\n\n"
               "Agenda:\n{agenda}\n"
               "Please answer by {reply_by}: accept or decline the attached calendar invitation, or reply to this mail.\n\n"
               "Kind regards\n");
    }
}

/* The bytes as they are: g_mime_text_part_set_text() would recode the
 * text to ISO-8859-1 where it can, which calendars reading a calendar as
 * UTF-8 (RFC 5545 3.1.4) would show garbled. */
static void
set_content (GMimePart            *part,
             const char           *text,
             GMimeContentEncoding  encoding)
{
  GMimeStream *stream = g_mime_stream_mem_new_with_buffer (text, strlen (text));
  GMimeDataWrapper *content = g_mime_data_wrapper_new_with_stream (stream, GMIME_CONTENT_ENCODING_DEFAULT);

  g_mime_part_set_content (part, content);
  g_mime_part_set_content_encoding (part, encoding);
  g_object_unref (content);
  g_object_unref (stream);
}

static GMimeObject *
utf8_part (const char           *subtype,
           const char           *text,
           GMimeContentEncoding  encoding)
{
  GMimeTextPart *part = g_mime_text_part_new_with_subtype (subtype);

  set_content (GMIME_PART (part), text, encoding);
  g_mime_text_part_set_charset (part, "utf-8");
  return GMIME_OBJECT (part);
}

/* Base64 keeps the calendar's CRLF lines exactly as written. */
static GMimeObject *
calendar_part (const char *ics,
               const char *method)
{
  GMimeObject *part = utf8_part ("calendar", ics, GMIME_CONTENT_ENCODING_BASE64);

  g_mime_object_set_content_type_parameter (part, "method", method);
  return part;
}

static GMimeObject *
calendar_attachment (const char *ics)
{
  GMimePart *part = g_mime_part_new_with_type ("application", "ics");

  set_content (part, ics, GMIME_CONTENT_ENCODING_BASE64);
  g_mime_part_set_filename (part, "invite.ics");
  return GMIME_OBJECT (part);
}

/* An unsent draft from the cluster's organizer, addressed to them: the
 * recipients go in BCC, hidden from each other. */
static GMimeMessage *
new_draft (KlyngeDb    *db,
           gint64       cluster_id,
           const char  *subject,
           GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *organizer_name = NULL, *organizer_email = NULL, *message_id = NULL, *line = NULL;
  GMimeMessage *message;

  if (!klynge_invitations_organizer (db, cluster_id, &organizer_name, &organizer_email, error))
    return NULL;
  ensure_gmime ();
  message = g_mime_message_new (TRUE);
  if (klynge_invitations_is_mail_address (organizer_email))
    {
      g_autofree char *name = one_line (organizer_name);

      g_mime_message_add_mailbox (message, GMIME_ADDRESS_TYPE_FROM, name, organizer_email);
      g_mime_message_add_mailbox (message, GMIME_ADDRESS_TYPE_TO, name, organizer_email);
    }
  line = one_line (subject);
  g_mime_message_set_subject (message, line, "utf-8");
  g_mime_message_set_date (message, now);
  message_id = g_mime_utils_generate_message_id ("klynge.invalid");
  g_mime_message_set_message_id (message, message_id);
  g_mime_object_set_header (GMIME_OBJECT (message), "X-Unsent", "1", NULL);
  return message;
}

static char *
draft_to_string (GMimeMessage *message)
{
  g_autoptr(GMimeFormatOptions) options = g_mime_format_options_new ();

  g_mime_format_options_set_newline_format (options, GMIME_NEWLINE_FORMAT_DOS);
  return g_mime_object_to_string (GMIME_OBJECT (message), options);
}

static char *
build_mail (KlyngeDb                  *db,
            gint64                     meeting_id,
            KlyngeInvitationMailKind   kind,
            const char                *ics,
            GError                   **error)
{
  g_autoptr(KlyngeMeeting) meeting = klynge_meeting_load (db, meeting_id, error);
  g_autoptr(GListModel) invitations = NULL;
  g_autoptr(GMimeMessage) message = NULL;
  g_autoptr(GMimeMultipart) mixed = NULL;
  g_autoptr(GMimeMultipart) alternative = NULL;
  g_autoptr(GMimeObject) text_part = NULL;
  g_autoptr(GMimeObject) inline_calendar = NULL;
  g_autoptr(GMimeObject) attached_calendar = NULL;
  g_autofree char *subject = NULL, *body = NULL;
  const char *method;
  guint n_recipients = 0;

  if (meeting == NULL || (kind = resolve_kind (meeting, kind, error)) == KLYNGE_INVITATION_MAIL_AUTO ||
      !(invitations = klynge_invitations_list (db, meeting_id, error)) ||
      !(subject = klynge_invitations_fill_template (db, meeting_id, subject_template (kind), error)) ||
      !(body = klynge_invitations_fill_template (db, meeting_id, body_template (kind), error)))
    return NULL;
  method = kind == KLYNGE_INVITATION_MAIL_CANCELLATION ? "CANCEL" : "REQUEST";

  if (!(message = new_draft (db, meeting->cluster_id, subject, error)))
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (invitations); i++)
    {
      g_autoptr(KlyngeInvitation) invitation = g_list_model_get_item (invitations, i);
      g_autofree char *name = NULL;

      if (!klynge_invitations_is_mail_address (invitation->member_email))
        continue;
      if (kind == KLYNGE_INVITATION_MAIL_REMINDER &&
          !g_str_equal (invitation->status, "invited") && !g_str_equal (invitation->status, "no_answer"))
        continue;
      name = one_line (invitation->member_name);
      g_mime_message_add_mailbox (message, GMIME_ADDRESS_TYPE_BCC, name, invitation->member_email);
      n_recipients++;
    }
  if (n_recipients == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, "%s",
                   kind == KLYNGE_INVITATION_MAIL_REMINDER ? _("Every invited member has answered; there is nobody to remind.")
                                                           : _("No invited member has a mail address."));
      return NULL;
    }
  text_part = utf8_part ("plain", body, GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  inline_calendar = calendar_part (ics, method);
  attached_calendar = calendar_attachment (ics);

  alternative = g_mime_multipart_new_with_subtype ("alternative");
  g_mime_multipart_add (alternative, text_part);
  g_mime_multipart_add (alternative, inline_calendar);
  mixed = g_mime_multipart_new_with_subtype ("mixed");
  g_mime_multipart_add (mixed, GMIME_OBJECT (alternative));
  g_mime_multipart_add (mixed, attached_calendar);
  g_mime_message_set_mime_part (message, GMIME_OBJECT (mixed));
  return draft_to_string (message);
}

/**
 * klynge_invitation_mail_build:
 * @kind: %KLYNGE_INVITATION_MAIL_AUTO sends the cancellation for a
 *   cancelled meeting, the update once its time, place or status has
 *   changed, else the invitation
 *
 * Returns: (transfer full): the draft as an RFC 5322 message with CRLF
 *   lines, %NULL on error (nobody to send it to, a cancelled meeting asked
 *   for anything but its cancellation)
 */
char *
klynge_invitation_mail_build (KlyngeDb                  *db,
                              gint64                     meeting_id,
                              KlyngeInvitationMailKind   kind,
                              GError                   **error)
{
  g_autofree char *ics = klynge_ics_for_meeting (db, meeting_id, error);

  return ics != NULL ? build_mail (db, meeting_id, kind, ics, error) : NULL;
}

/**
 * klynge_invitation_mail_plain_draft:
 * @names: the recipients' names, %NULL-terminated
 * @addresses: their mail addresses, in the same order (those that are no
 *   address are left out)
 *
 * A plain-text draft from the cluster's organizer with every recipient in
 * BCC, as the invitations are.
 *
 * Returns: (transfer full): an RFC 5322 message with CRLF lines, or %NULL
 *   with @error set when nobody has an address
 */
char *
klynge_invitation_mail_plain_draft (KlyngeDb           *db,
                                    gint64              cluster_id,
                                    const char * const *names,
                                    const char * const *addresses,
                                    const char         *subject,
                                    const char         *body,
                                    GError            **error)
{
  g_autoptr(GMimeMessage) message = new_draft (db, cluster_id, subject, error);
  g_autoptr(GMimeObject) text_part = NULL;
  guint n_recipients = 0;

  if (message == NULL)
    return NULL;
  for (guint i = 0; names[i] != NULL && addresses[i] != NULL; i++)
    {
      g_autofree char *name = one_line (names[i]);

      if (!klynge_invitations_is_mail_address (addresses[i]))
        continue;
      g_mime_message_add_mailbox (message, GMIME_ADDRESS_TYPE_BCC, name, addresses[i]);
      n_recipients++;
    }
  if (n_recipients == 0)
    {
      g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("Nobody to write to has a mail address."));
      return NULL;
    }
  text_part = utf8_part ("plain", body, GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  g_mime_message_set_mime_part (message, text_part);
  return draft_to_string (message);
}

/**
 * klynge_invitation_mail_write:
 * @ics_path: (out) (optional): the calendar written
 * @eml_path: (out) (optional): the mail draft written
 *
 * Writes the calendar and the mail draft into @folder, named after the
 * meeting's date and title (see klynge_ics_file_name()); a name already
 * taken there gets " (2)", " (3)"… so nothing is overwritten.
 */
gboolean
klynge_invitation_mail_write (KlyngeDb                  *db,
                              gint64                     meeting_id,
                              KlyngeInvitationMailKind   kind,
                              const char                *folder,
                              char                     **ics_path,
                              char                     **eml_path,
                              GError                   **error)
{
  g_autoptr(KlyngeMeeting) meeting = klynge_meeting_load (db, meeting_id, error);
  g_autofree char *eml = NULL, *ics = NULL, *base = NULL, *ics_file = NULL, *eml_file = NULL;

  /* One calendar for both files, so their DTSTAMPs agree. */
  if (meeting == NULL ||
      !(ics = klynge_ics_for_meeting (db, meeting_id, error)) ||
      !(eml = build_mail (db, meeting_id, kind, ics, error)))
    return FALSE;
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not create the folder %s: %s"),
                   folder, g_strerror (errno));
      return FALSE;
    }
  base = klynge_ics_file_name (meeting->starts_at, meeting->title, "ics");
  base[strlen (base) - strlen (".ics")] = '\0';
  for (guint n = 1; ics_file == NULL; n++)
    {
      g_autofree char *stem = n == 1 ? g_strdup (base) : g_strdup_printf ("%s (%u)", base, n);
      g_autofree char *ics_name = g_strconcat (stem, ".ics", NULL);
      g_autofree char *eml_name = g_strconcat (stem, ".eml", NULL);
      g_autofree char *ics_candidate = g_build_filename (folder, ics_name, NULL);
      g_autofree char *eml_candidate = g_build_filename (folder, eml_name, NULL);

      if (!g_file_test (ics_candidate, G_FILE_TEST_EXISTS) && !g_file_test (eml_candidate, G_FILE_TEST_EXISTS))
        {
          ics_file = g_steal_pointer (&ics_candidate);
          eml_file = g_steal_pointer (&eml_candidate);
        }
    }
  if (!klynge_file_write_private (ics_file, ics, -1, error) || !klynge_file_write_private (eml_file, eml, -1, error))
    return FALSE;
  if (ics_path != NULL)
    *ics_path = g_steal_pointer (&ics_file);
  if (eml_path != NULL)
    *eml_path = g_steal_pointer (&eml_file);
  return TRUE;
}

static gpointer
write_in_worker (KlyngeDb      *db,
                 gint64         meeting_id,
                 const char    *folder,
                 int            kind,
                 GCancellable  *cancellable,
                 GError       **error)
{
  char *eml_path = NULL;

  return klynge_invitation_mail_write (db, meeting_id, kind, folder, NULL, &eml_path, error) ? eml_path : NULL;
}

/**
 * klynge_invitation_mail_write_async:
 *
 * Writes the draft and its calendar into @folder as
 * klynge_invitation_mail_write() does, in a worker on its own connection,
 * so a slow disk never freezes the window.
 */
void
klynge_invitation_mail_write_async (KlyngeDb                 *db,
                                    gint64                    meeting_id,
                                    KlyngeInvitationMailKind  kind,
                                    const char               *folder,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data)
{
  klynge_db_file_task_run (db, KLYNGE_DB_OPEN_READ_ONLY, meeting_id, folder, kind, write_in_worker, g_free,
                           klynge_invitation_mail_write_async, cancellable, callback, user_data);
}

/* Returns: (transfer full): the path of the mail draft written, or %NULL
 * with @error set */
char *
klynge_invitation_mail_write_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return klynge_db_file_task_finish (result, klynge_invitation_mail_write_async, error);
}
