/* test-ics.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <gmime/gmime.h>
#include <libical/ical.h>

#include "klynge-ics.h"
#include "klynge-invitation-mail.h"
#include "klynge-invitations.h"
#include "klynge-test-utils.h"
#include "meetings-test-utils.h"

#define TITLE "Ærø, Åbenrå; Øst\\Vest – KOL"

static KlyngeMeeting *
prepare_meeting (MeetingsFixture *f)
{
  g_autoptr(GError) error = NULL;
  KlyngeMeeting *m = meetings_add_meeting (f, TITLE, "2026-06-09T17:00", "2026-06-09T20:00", "planned");

  g_free (m->venue_name);
  m->venue_name = g_strdup ("Hotel Ritz Aarhus");
  g_free (m->venue_address);
  m->venue_address = g_strdup ("Banegårdspladsen 12, 8000 Aarhus C");
  /* Long enough that DESCRIPTION must fold several times. */
  g_ptr_array_add (m->agenda, klynge_agenda_item_new ("Velkommen og praktiske oplysninger om aftenens forløb", "welcome", 10));
  g_ptr_array_add (m->agenda, klynge_agenda_item_new ("Vores data: præsentation af klinikkernes ordination af NSAID til ældre", "data", 30));
  g_ptr_array_add (m->agenda, klynge_agenda_item_new ("Drøftelse i små grupper; hvad gør vi forskelligt, og hvorfor?", "group", 45));
  g_assert_true (klynge_meeting_save (f->db, m, &error));
  g_assert_no_error (error);
  g_assert_cmpint (klynge_invitations_invite_all (f->db, m->id, &error), ==, 4);
  g_assert_true (klynge_invitations_set_status (f->db, m->id, f->members[1], "accepted", &error));
  return m;
}

static const char *
text_of (icalcomponent     *event,
         icalproperty_kind  kind)
{
  icalproperty *p = icalcomponent_get_first_property (event, kind);

  g_assert_nonnull (p);
  return icalvalue_get_text (icalproperty_get_value (p));
}

static void
test_parse_back (MeetingsFixture *f,
                 gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = prepare_meeting (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = klynge_ics_for_meeting (f->db, m->id, &error);
  g_autofree char *agenda = klynge_meeting_agenda_text (m);
  g_auto(GStrv) lines = NULL;
  g_autofree char *uid_prefix = NULL;
  icalcomponent *calendar, *event, *vtimezone;
  icalproperty *p;
  struct icaltimetype t;
  gboolean folded = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (ics);

  /* RFC 5545 3.1: CRLF line ends, no line longer than 75 octets. */
  lines = g_strsplit (ics, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_null (strchr (lines[i], '\n'));
      folded |= lines[i][0] == ' ';
    }
  g_assert_true (folded);
  /* 3.3.11: , ; \ escaped in TEXT values. */
  g_assert_nonnull (strstr (ics, "SUMMARY:Ærø\\, Åbenrå\\; Øst\\\\Vest – KOL"));

  calendar = icalparser_parse_string (ics);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY)), ==, "2.0");
  g_assert_cmpint (icalproperty_get_method (icalcomponent_get_first_property (calendar, ICAL_METHOD_PROPERTY)), ==, ICAL_METHOD_REQUEST);

  vtimezone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
  g_assert_nonnull (vtimezone);
  g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY)), ==, "Europe/Copenhagen");

  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_nonnull (event);
  uid_prefix = g_strdup_printf ("klynge-meeting-%" G_GINT64_FORMAT "-", m->id);
  g_assert_true (g_str_has_prefix (icalcomponent_get_uid (event), uid_prefix));
  g_assert_true (g_str_has_suffix (icalcomponent_get_uid (event), "@klynge.invalid"));
  t = icalproperty_get_dtstamp (icalcomponent_get_first_property (event, ICAL_DTSTAMP_PROPERTY));
  g_assert_true (icaltime_is_utc (t));
  g_assert_cmpint (t.year, >=, 2024);

  p = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  g_assert_cmpstr (icalparameter_get_tzid (icalproperty_get_first_parameter (p, ICAL_TZID_PARAMETER)), ==, "Europe/Copenhagen");
  t = icalproperty_get_dtstart (p);
  g_assert_cmpint (t.year, ==, 2026);
  g_assert_cmpint (t.month, ==, 6);
  g_assert_cmpint (t.day, ==, 9);
  g_assert_cmpint (t.hour, ==, 17);
  g_assert_cmpint (t.minute, ==, 0);
  p = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  g_assert_cmpstr (icalparameter_get_tzid (icalproperty_get_first_parameter (p, ICAL_TZID_PARAMETER)), ==, "Europe/Copenhagen");
  g_assert_cmpint (icalproperty_get_dtend (p).hour, ==, 20);

  g_assert_cmpstr (text_of (event, ICAL_SUMMARY_PROPERTY), ==, TITLE);
  g_assert_cmpstr (text_of (event, ICAL_LOCATION_PROPERTY), ==, "Hotel Ritz Aarhus, Banegårdspladsen 12, 8000 Aarhus C");
  g_assert_nonnull (strstr (text_of (event, ICAL_DESCRIPTION_PROPERTY), agenda));
  g_assert_nonnull (strstr (text_of (event, ICAL_DESCRIPTION_PROPERTY), "17:10  Vores data: præsentation"));

  p = icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY);
  g_assert_cmpstr (icalproperty_get_organizer (p), ==, "mailto:anna@example.dk");
  g_assert_cmpstr (icalparameter_get_cn (icalproperty_get_first_parameter (p, ICAL_CN_PARAMETER)), ==, "Anna Holm");

  /* One calendar for all: every invited member with an address, by name. */
  g_assert_cmpint (icalcomponent_count_properties (event, ICAL_ATTENDEE_PROPERTY), ==, 3);
  p = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
  g_assert_cmpstr (icalproperty_get_attendee (p), ==, "mailto:anna@example.dk");
  g_assert_cmpint (icalparameter_get_partstat (icalproperty_get_first_parameter (p, ICAL_PARTSTAT_PARAMETER)), ==, ICAL_PARTSTAT_NEEDSACTION);
  p = icalcomponent_get_next_property (event, ICAL_ATTENDEE_PROPERTY);
  g_assert_cmpstr (icalproperty_get_attendee (p), ==, "mailto:bo@example.dk");
  g_assert_cmpstr (icalparameter_get_cn (icalproperty_get_first_parameter (p, ICAL_CN_PARAMETER)), ==, "Bo Bæk");
  g_assert_cmpint (icalparameter_get_partstat (icalproperty_get_first_parameter (p, ICAL_PARTSTAT_PARAMETER)), ==, ICAL_PARTSTAT_ACCEPTED);
  for (p = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_ATTENDEE_PROPERTY))
    g_assert_cmpint (icalparameter_get_rsvp (icalproperty_get_first_parameter (p, ICAL_RSVP_PARAMETER)), ==, ICAL_RSVP_TRUE);
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 0);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);

  icalcomponent_free (calendar);
}

typedef struct
{
  icalproperty_method method;
  int                 sequence;
  icalproperty_status status;
  char               *uid;
} Sent;

static Sent
parse_sent (const char *ics)
{
  icalcomponent *calendar = icalparser_parse_string (ics);
  icalcomponent *event;
  Sent sent;

  g_assert_nonnull (calendar);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  sent.method = icalproperty_get_method (icalcomponent_get_first_property (calendar, ICAL_METHOD_PROPERTY));
  sent.sequence = icalcomponent_get_sequence (event);
  sent.status = icalcomponent_get_status (event);
  sent.uid = g_strdup (icalcomponent_get_uid (event));
  icalcomponent_free (calendar);
  return sent;
}

static Sent
sent_now (MeetingsFixture *f,
          gint64           meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = klynge_ics_for_meeting (f->db, meeting_id, &error);

  g_assert_no_error (error);
  return parse_sent (ics);
}

/* RFC 5546 3.2.2 and 3.2.5: a calendar applies an update or a cancellation
 * only with the same UID and a higher SEQUENCE, and removes the event only
 * on METHOD:CANCEL. */
static void
test_sequence (MeetingsFixture *f,
               gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = prepare_meeting (f);
  g_autoptr(KlyngeMeeting) loaded = NULL;
  g_autoptr(GError) error = NULL;
  Sent first, renamed, moved, cancelled;

  first = sent_now (f, m->id);
  g_assert_cmpint (first.method, ==, ICAL_METHOD_REQUEST);
  g_assert_cmpint (first.sequence, ==, 0);

  /* A new title or catering is no change a calendar must be told of. */
  loaded = klynge_meeting_load (f->db, m->id, &error);
  g_free (loaded->catering);
  loaded->catering = g_strdup ("Sandwiches");
  g_assert_true (klynge_meeting_save (f->db, loaded, &error));
  renamed = sent_now (f, m->id);
  g_assert_cmpint (renamed.sequence, ==, 0);

  g_assert_true (klynge_meeting_reschedule (f->db, m->id, "2026-06-16T17:00", NULL, &error));
  g_assert_no_error (error);
  moved = sent_now (f, m->id);
  g_assert_cmpint (moved.method, ==, ICAL_METHOD_REQUEST);
  g_assert_cmpint (moved.sequence, ==, 1);
  g_assert_cmpstr (moved.uid, ==, first.uid);
  g_clear_object (&loaded);
  loaded = klynge_meeting_load (f->db, m->id, &error);
  g_assert_cmpstr (loaded->ends_at, ==, "2026-06-16T20:00");

  g_assert_true (klynge_meeting_set_status (f->db, m->id, "cancelled", &error));
  cancelled = sent_now (f, m->id);
  g_assert_cmpint (cancelled.method, ==, ICAL_METHOD_CANCEL);
  g_assert_cmpint (cancelled.sequence, ==, 2);
  g_assert_cmpint (cancelled.status, ==, ICAL_STATUS_CANCELLED);
  g_assert_cmpstr (cancelled.uid, ==, first.uid);

  /* Cancelling twice is no second change. */
  g_assert_true (klynge_meeting_set_status (f->db, m->id, "cancelled", &error));
  g_free (cancelled.uid);
  cancelled = sent_now (f, m->id);
  g_assert_cmpint (cancelled.sequence, ==, 2);

  g_free (first.uid);
  g_free (renamed.uid);
  g_free (moved.uid);
  g_free (cancelled.uid);
}

static GMimeMessage *
parse_mail (const char *eml)
{
  GMimeStream *stream = g_mime_stream_mem_new_with_buffer (eml, strlen (eml));
  GMimeParser *parser = g_mime_parser_new_with_stream (stream);
  GMimeMessage *message = g_mime_parser_construct_message (parser, NULL);

  g_assert_nonnull (message);
  g_object_unref (parser);
  g_object_unref (stream);
  return message;
}

static char *
decoded (GMimeObject *part)
{
  GMimeStream *stream = g_mime_stream_mem_new ();
  GByteArray *bytes;
  char *text;

  g_mime_data_wrapper_write_to_stream (g_mime_part_get_content (GMIME_PART (part)), stream);
  bytes = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));
  text = g_strndup ((const char *) bytes->data, bytes->len);
  g_object_unref (stream);
  return text;
}

static char *
bcc_of (GMimeMessage *message)
{
  InternetAddressList *list = g_mime_message_get_addresses (message, GMIME_ADDRESS_TYPE_BCC);

  return internet_address_list_to_string (list, NULL, FALSE);
}

static void
test_mail (MeetingsFixture *f,
           gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = prepare_meeting (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *eml = klynge_invitation_mail_build (f->db, m->id, KLYNGE_INVITATION_MAIL_AUTO, &error);
  g_autofree char *bcc = NULL, *to = NULL, *reminder = NULL, *calendar_text = NULL, *attached = NULL, *sent = NULL;
  g_autofree char *body = NULL, *cancel_eml = NULL;
  GMimeMessage *message;
  GMimeMultipart *mixed, *alternative;
  GMimeObject *calendar;
  GMimePart *attachment;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (eml, "\r\nX-Unsent: 1\r\n"));
  message = parse_mail (eml);
  bcc = bcc_of (message);
  /* Everyone with an address in BCC; only the organizer is visible. */
  g_assert_cmpstr (bcc, ==, "Anna Holm <anna@example.dk>, Bo Bæk <bo@example.dk>, Carl Ørsted <carl@example.dk>");
  to = internet_address_list_to_string (g_mime_message_get_addresses (message, GMIME_ADDRESS_TYPE_TO), NULL, FALSE);
  g_assert_cmpstr (to, ==, "Anna Holm <anna@example.dk>");
  g_assert_true (g_str_has_prefix (g_mime_message_get_subject (message), "Invitation: "));

  mixed = GMIME_MULTIPART (g_mime_message_get_mime_part (message));
  g_assert_cmpint (g_mime_multipart_get_count (mixed), ==, 2);
  alternative = GMIME_MULTIPART (g_mime_multipart_get_part (mixed, 0));
  body = g_mime_text_part_get_text (GMIME_TEXT_PART (g_mime_multipart_get_part (alternative, 0)));
  g_assert_nonnull (strstr (body, "Please answer by "));
  g_assert_null (strstr (body, "{reply_by}"));
  calendar = g_mime_multipart_get_part (alternative, 1);
  g_assert_true (g_mime_content_type_is_type (g_mime_object_get_content_type (calendar), "text", "calendar"));
  g_assert_cmpstr (g_mime_object_get_content_type_parameter (calendar, "method"), ==, "REQUEST");
  calendar_text = g_mime_text_part_get_text (GMIME_TEXT_PART (calendar));
  g_assert_true (g_str_has_prefix (calendar_text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (calendar_text, "\r\nMETHOD:REQUEST\r\n"));

  attachment = GMIME_PART (g_mime_multipart_get_part (mixed, 1));
  g_assert_cmpstr (g_mime_part_get_filename (attachment), ==, "invite.ics");
  attached = decoded (GMIME_OBJECT (attachment));
  g_assert_cmpstr (attached, ==, calendar_text);
  /* UTF-8 as sent, not recoded to Latin-1 under a UTF-8 label. */
  sent = decoded (calendar);
  g_assert_cmpstr (sent, ==, attached);
  g_assert_nonnull (strstr (sent, "CN=Bo Bæk"));
  g_assert_cmpstr (g_mime_object_get_content_type_parameter (calendar, "charset"), ==, "utf-8");
  g_object_unref (message);

  /* Bo accepted (prepare_meeting): the reminder goes to the others only. */
  reminder = klynge_invitation_mail_build (f->db, m->id, KLYNGE_INVITATION_MAIL_REMINDER, &error);
  g_assert_no_error (error);
  message = parse_mail (reminder);
  g_free (bcc);
  bcc = bcc_of (message);
  g_assert_cmpstr (bcc, ==, "Anna Holm <anna@example.dk>, Carl Ørsted <carl@example.dk>");
  g_assert_true (g_str_has_prefix (g_mime_message_get_subject (message), "Reminder: "));
  g_object_unref (message);

  /* A standing meeting has no cancellation, and a cancelled one only that. */
  g_assert_null (klynge_invitation_mail_build (f->db, m->id, KLYNGE_INVITATION_MAIL_CANCELLATION, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (klynge_meeting_set_status (f->db, m->id, "cancelled", &error));
  cancel_eml = klynge_invitation_mail_build (f->db, m->id, KLYNGE_INVITATION_MAIL_AUTO, &error);
  g_assert_no_error (error);
  message = parse_mail (cancel_eml);
  g_assert_true (g_str_has_prefix (g_mime_message_get_subject (message), "Cancelled: "));
  mixed = GMIME_MULTIPART (g_mime_message_get_mime_part (message));
  calendar = g_mime_multipart_get_part (GMIME_MULTIPART (g_mime_multipart_get_part (mixed, 0)), 1);
  g_assert_cmpstr (g_mime_object_get_content_type_parameter (calendar, "method"), ==, "CANCEL");
  g_object_unref (message);
  g_assert_null (klynge_invitation_mail_build (f->db, m->id, KLYNGE_INVITATION_MAIL_REMINDER, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
}

/* Issue 13.9: a line break in a name or an address never ends a property
 * (or a mail header) early. */
static void
test_line_breaks (MeetingsFixture *f,
                  gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = prepare_meeting (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL, *eml = NULL;
  g_autofree char *unfolded = NULL;
  g_auto(GStrv) lines = NULL;
  icalcomponent *calendar, *event;
  guint n_attendee_lines = 0;

  g_assert_true (klynge_db_exec (f->db,
    "UPDATE member SET name = 'Anna' || char(13, 10) || 'ATTENDEE:mailto:evil@example.com' WHERE id = 1;"
    "UPDATE member SET email = 'bo@example.dk' || char(10) || 'ATTENDEE:mailto:evil@example.com' WHERE id = 2;"
    "UPDATE member SET name = 'Carl' || char(9) || char(10) || 'Bcc: evil@example.com' WHERE id = 3", &error));
  g_assert_no_error (error);
  ics = klynge_ics_for_meeting (f->db, m->id, &error);
  g_assert_no_error (error);
  {
    g_auto(GStrv) parts = g_strsplit (ics, "\r\n ", -1);

    unfolded = g_strjoinv ("", parts);
  }
  lines = g_strsplit (unfolded, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
      g_assert_false (g_str_has_prefix (lines[i], "ATTENDEE:mailto:evil"));
      n_attendee_lines += g_str_has_prefix (lines[i], "ATTENDEE");
    }
  /* Bo's address is no address any more; Anna and Carl keep theirs. */
  g_assert_cmpuint (n_attendee_lines, ==, 2);
  calendar = icalparser_parse_string (ics);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_cmpint (icalcomponent_count_properties (event, ICAL_ATTENDEE_PROPERTY), ==, 2);
  icalcomponent_free (calendar);

  eml = klynge_invitation_mail_build (f->db, m->id, KLYNGE_INVITATION_MAIL_INVITATION, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (eml, "\nBcc: evil"));
  g_assert_null (strstr (eml, "evil@example.com>"));
}

static void
test_file_names (MeetingsFixture *f,
                 gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = prepare_meeting (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "mail", NULL);
  g_autofree char *ics1 = NULL, *eml1 = NULL, *ics2 = NULL, *eml2 = NULL;
  g_autofree char *base = NULL, *long_title = NULL, *long_name = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  static const char *const odd[] = {
    "../../etc/passwd", "a\tb\r\nc", ".hidden", "  ", "con:*?\"<>|", "NUL\x01\x1f end. ",
  };

  g_assert_true (klynge_invitation_mail_write (f->db, m->id, KLYNGE_INVITATION_MAIL_AUTO, folder, &ics1, &eml1, &error));
  g_assert_no_error (error);
  base = g_path_get_basename (ics1);
  g_assert_cmpstr (base, ==, "2026-06-09 Ærø, Åbenrå; Øst_Vest – KOL.ics");
  klynge_test_assert_private_file (ics1);
  klynge_test_assert_private_file (eml1);
  /* Written again (a second meeting of the same name and day, say), nothing is overwritten. */
  g_assert_true (klynge_invitation_mail_write (f->db, m->id, KLYNGE_INVITATION_MAIL_AUTO, folder, &ics2, &eml2, &error));
  g_assert_cmpstr (ics1, !=, ics2);
  g_assert_true (g_str_has_suffix (ics2, "KOL (2).ics"));
  g_assert_true (g_str_has_suffix (eml2, "KOL (2).eml"));

  /* 150 characters of Danish letters: capped within a character, whole extension. */
  for (guint i = 0; i < 150; i++)
    g_string_append (title, "æ");
  long_name = klynge_ics_file_name ("2026-06-09T17:00", title->str, "ics");
  g_assert_cmpuint (strlen (long_name), <=, 120);
  g_assert_true (g_utf8_validate (long_name, -1, NULL));
  g_assert_true (g_str_has_suffix (long_name, "æ.ics"));

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autofree char *name = klynge_ics_file_name ("2026-06-09T17:00", odd[i], "ics");

      g_assert_null (strpbrk (name, "/\\:*?\"<>|\t\r\n\x01\x1f"));
      g_assert_false (g_str_has_prefix (name, "."));
      g_assert_true (g_str_has_prefix (name, "2026-06-09"));
      g_assert_true (g_str_has_suffix (name, ".ics"));
      g_assert_false (g_str_has_suffix (name, " .ics"));
    }
  long_title = klynge_ics_file_name ("", "", "ics");
  g_assert_cmpstr (long_title, ==, "meeting.ics");

  /* An unknown time zone is a message, not a broken file. */
  g_assert_true (klynge_db_exec (f->db, "UPDATE cluster SET time_zone = 'Mars/Olympus'", &error));
  g_assert_null (klynge_ics_for_meeting (f->db, m->id, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
}

/* In a worker, as the invitations view writes it. */
static void
test_write_async (MeetingsFixture *f,
                  gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = prepare_meeting (f);
  g_autofree char *folder = g_build_filename (f->dir, "async", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *eml = NULL;

  klynge_invitation_mail_write_async (f->db, m->id, KLYNGE_INVITATION_MAIL_AUTO, folder, NULL, meetings_result_cb, &slot);
  result = meetings_wait_result (&slot);
  eml = klynge_invitation_mail_write_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (eml, ".eml"));
  klynge_test_assert_private_file (eml);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_mime_init ();

  g_test_add ("/meetings/ics/parse-back", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_parse_back, meetings_fixture_tear_down);
  g_test_add ("/meetings/ics/sequence", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_sequence, meetings_fixture_tear_down);
  g_test_add ("/meetings/ics/mail", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_mail, meetings_fixture_tear_down);
  g_test_add ("/meetings/ics/line-breaks", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_line_breaks, meetings_fixture_tear_down);
  g_test_add ("/meetings/ics/write-async", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_write_async, meetings_fixture_tear_down);
  g_test_add ("/meetings/ics/file-names", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_file_names, meetings_fixture_tear_down);

  return g_test_run ();
}
