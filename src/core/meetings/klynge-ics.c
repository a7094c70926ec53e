/* klynge-ics.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Invitations as iCalendar (RFC 5545) events in iTIP messages (RFC 5546):
 * one calendar for the whole meeting listing every invited member, sent as
 * METHOD:REQUEST while the meeting stands and METHOD:CANCEL once cancelled,
 * with the meeting's stable UID and its SEQUENCE, so that Outlook, Google
 * Calendar, Thunderbird and Apple Calendar update or remove the event they
 * already hold. libical writes them, so folding at 75 octets and escaping
 * of , ; \ and newlines follow the standard.
 */

#define G_LOG_DOMAIN "klynge-ics"

#include "klynge-i18n.h"

#include <string.h>

#include <libical/ical.h>

#include "klynge-db-statement.h"
#include "klynge-ics.h"
#include "klynge-invitations.h"
#include "klynge-meeting.h"
#include "klynge-sql.h"

typedef struct
{
  char *time_zone;
  char *created_at;
  char *organizer_name;
  char *organizer_email;
} ClusterInfo;

static void
cluster_info_clear (ClusterInfo *info)
{
  g_free (info->time_zone);
  g_free (info->created_at);
  g_free (info->organizer_name);
  g_free (info->organizer_email);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ClusterInfo, cluster_info_clear)

static gboolean
load_cluster_info (KlyngeDb       *db,
                   gint64          cluster_id,
                   ClusterInfo    *info,
                   GError        **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, "SELECT time_zone, created_at FROM cluster WHERE id = ?1");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  if (!klynge_db_statement_expect_row (stmt, _("The cluster no longer exists."), error))
    return FALSE;
  info->time_zone = klynge_db_statement_dup_nullable (stmt, 0);
  info->created_at = klynge_db_statement_dup_nullable (stmt, 1);
  return klynge_invitations_organizer (db, cluster_id, &info->organizer_name, &info->organizer_email, error);
}

static struct icaltimetype
local_time (const char   *local,
            icaltimezone *zone)
{
  struct icaltimetype t = icaltime_null_time ();
  int y, mo, d, h, mi;

  klynge_meeting_parse_time (local, &y, &mo, &d, &h, &mi);
  t.year = y;
  t.month = mo;
  t.day = d;
  t.hour = h;
  t.minute = mi;
  return icaltime_set_timezone (&t, zone);
}

static icalproperty *
time_property (icalproperty *property,
               const char   *tzid)
{
  icalproperty_add_parameter (property, icalparameter_new_tzid (tzid));
  return property;
}

static char *
describe (KlyngeMeeting *meeting)
{
  g_autofree char *agenda = klynge_meeting_agenda_text (meeting);
  GString *text = g_string_new (NULL);

  if (meeting->topic_title != NULL)
    g_string_append_printf (text, _("Topic: %s\n\n"), meeting->topic_title);
  if (*agenda != '\0')
    g_string_append_printf (text, _("Agenda:\n%s"), agenda);
  if (*meeting->catering != '\0')
    g_string_append_printf (text, _("\nCatering: %s\n"), meeting->catering);
  return g_string_free (text, FALSE);
}

/* Text from the database goes out as valid UTF-8 without control
 * characters, whatever it holds (a file written by another program, say):
 * calendars refuse invalid text, and libical folds a line ending in a
 * control character between its CR and LF. Line breaks and tabs stay. */
static char *
clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *clean = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iscntrl (c) || c == '\n' || c == '\t')
        g_string_append_unichar (clean, c);
    }

  return g_string_free (clean, FALSE);
}

/* A CAL-ADDRESS or a parameter is no TEXT value: libical escapes nothing in
 * it, so a line break there would end the property (RFC 5545 3.3.3). Every
 * control character becomes a space, and a parameter's quotes go. */
static char *
clean_line (const char *text)
{
  char *clean = clean_text (text);

  g_strdelimit (clean, "\n\t\"", ' ');
  return clean;
}

static void
add_attendee (icalcomponent    *event,
              KlyngeInvitation *invitation)
{
  g_autofree char *address = g_strdup_printf ("mailto:%s", invitation->member_email);
  g_autofree char *valid_address = clean_line (address);
  g_autofree char *name = clean_line (invitation->member_name);
  icalproperty *property = icalproperty_new_attendee (valid_address);

  icalproperty_add_parameter (property, icalparameter_new_cn (name));
  icalproperty_add_parameter (property, icalparameter_new_cutype (ICAL_CUTYPE_INDIVIDUAL));
  icalproperty_add_parameter (property, icalparameter_new_role (ICAL_ROLE_REQPARTICIPANT));
  icalproperty_add_parameter (property, icalparameter_new_partstat (
    g_str_equal (invitation->status, "accepted") ? ICAL_PARTSTAT_ACCEPTED :
    g_str_equal (invitation->status, "declined") ? ICAL_PARTSTAT_DECLINED : ICAL_PARTSTAT_NEEDSACTION));
  icalproperty_add_parameter (property, icalparameter_new_rsvp (ICAL_RSVP_TRUE));
  icalcomponent_add_property (event, property);
}

static icalcomponent *
build_calendar (KlyngeMeeting     *meeting,
                const ClusterInfo *info,
                GListModel        *invitations,
                GError           **error)
{
  gboolean cancelled = g_str_equal (meeting->status, "cancelled");
  icaltimezone *zone = icaltimezone_get_builtin_timezone (info->time_zone);
  g_autofree char *uid = NULL;
  g_autofree char *organizer = NULL;
  g_autofree char *description = NULL;
  g_autofree char *location = NULL;
  g_autofree char *title = NULL;
  char *valid;
  char created[32] = "";
  icalcomponent *calendar, *vtimezone, *event;
  icalproperty *property;
  const char *tzid;

  if (zone == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("The cluster's time zone “%s” is unknown; choose one like Europe/Copenhagen."), info->time_zone);
      return NULL;
    }
  /* libical names a zone read from the system's tzdata after its rules
   * ("CET"); calendars match the Olson name the cluster chose better, so
   * both the VTIMEZONE and the times use that. */
  tzid = info->time_zone;

  calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                  icalproperty_new_version ("2.0"),
                                  icalproperty_new_prodid ("-//Klynge//Klynge//EN"),
                                  icalproperty_new_calscale ("GREGORIAN"),
                                  icalproperty_new_method (cancelled ? ICAL_METHOD_CANCEL : ICAL_METHOD_REQUEST),
                                  (void *) 0);
  vtimezone = icalcomponent_new_clone (icaltimezone_get_component (zone));
  /* The rules from a year before the meeting on are enough, and keep the
   * file small instead of carrying every change since 1890. */
  {
    struct icaltimetype from = local_time (meeting->starts_at, zone);

    from.year -= 1;
    icaltimezone_truncate_vtimezone (vtimezone, icaltime_convert_to_zone (from, icaltimezone_get_utc_timezone ()),
                                     icaltime_null_time (), 1);
  }
  property = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);
  icalproperty_set_tzid (property, tzid);
  icalcomponent_add_component (calendar, vtimezone);

  event = icalcomponent_new_vevent ();
  /* The cluster's creation time tells apart meetings 1 of two databases. */
  for (const char *c = info->created_at; c != NULL && *c != '\0' && strlen (created) + 1 < sizeof created; c++)
    if (g_ascii_isdigit (*c))
      strncat (created, c, 1);
  /* Stable across exports, so that a calendar updates the event it has. */
  uid = g_strdup_printf ("klynge-meeting-%" G_GINT64_FORMAT "-%s@klynge.invalid", meeting->id, created);
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ())));
  icalcomponent_add_property (event, time_property (icalproperty_new_dtstart (local_time (meeting->starts_at, zone)), tzid));
  icalcomponent_add_property (event, time_property (icalproperty_new_dtend (local_time (meeting->ends_at, zone)), tzid));
  title = clean_text (meeting->title);
  icalcomponent_add_property (event, icalproperty_new_summary (title));
  location = *meeting->venue_address != '\0'
    ? g_strdup_printf ("%s, %s", meeting->venue_name, meeting->venue_address)
    : g_strdup (meeting->venue_name);
  valid = clean_text (location);
  if (*valid != '\0')
    icalcomponent_add_property (event, icalproperty_new_location (valid));
  g_free (valid);
  description = describe (meeting);
  valid = clean_text (description);
  icalcomponent_add_property (event, icalproperty_new_description (valid));
  g_free (valid);

  organizer = g_strdup_printf ("mailto:%s", info->organizer_email);
  valid = clean_line (organizer);
  property = icalproperty_new_organizer (valid);
  g_free (valid);
  valid = clean_line (info->organizer_name);
  icalproperty_add_parameter (property, icalparameter_new_cn (valid));
  g_free (valid);
  icalcomponent_add_property (event, property);

  /* Everyone in one calendar, so one mail in BCC can carry it; a member
   * without a usable address cannot answer and is left out, as from the mail. */
  for (guint i = 0; i < g_list_model_get_n_items (invitations); i++)
    {
      g_autoptr(KlyngeInvitation) invitation = g_list_model_get_item (invitations, i);

      if (klynge_invitations_is_mail_address (invitation->member_email))
        add_attendee (event, invitation);
    }
  icalcomponent_add_property (event, icalproperty_new_status (cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property (event, icalproperty_new_sequence (meeting->sequence));
  icalcomponent_add_component (calendar, event);
  return calendar;
}

/* libical 3.0 folds a line whose end falls on the fold between its CR and
 * LF ("…\r\r\n \n"), which calendars read as a broken line. Its folds are
 * undone (that also mends those) and the lines folded again as RFC 5545
 * 3.1 asks: at most 75 octets, never inside a UTF-8 character. */
static char *
refold (const char *ics)
{
  g_auto(GStrv) parts = g_strsplit (ics, "\r\n ", -1);
  g_autofree char *unfolded = g_strjoinv ("", parts);
  g_auto(GStrv) lines = g_strsplit (unfolded, "\r\n", -1);
  GString *out = g_string_sized_new (strlen (ics) + 64);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = lines[i];
      gsize room = 75;

      if (*p == '\0' && lines[i + 1] == NULL)
        break;

      while (strlen (p) > room)
        {
          const char *cut = p + room;

          while (cut > p && (*cut & 0xc0) == 0x80)
            cut--;
          g_string_append_len (out, p, cut - p);
          g_string_append (out, "\r\n ");
          p = cut;
          room = 74;
        }
      g_string_append (out, p);
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

static char *
calendar_text (KlyngeMeeting     *meeting,
               const ClusterInfo *info,
               GListModel        *invitations,
               GError           **error)
{
  icalcomponent *calendar = build_calendar (meeting, info, invitations, error);
  char *text, *copy;

  if (calendar == NULL)
    return NULL;
  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  /* libical allocates with its own allocator; hand out GLib memory. */
  copy = refold (text);
  icalmemory_free_buffer (text);
  return copy;
}

/**
 * klynge_ics_for_meeting:
 *
 * The one calendar every invited member gets: METHOD:REQUEST (an invitation,
 * or an update once the sequence has grown) or, for a cancelled meeting,
 * METHOD:CANCEL, with every invited member who has an address as ATTENDEE.
 *
 * Returns: (transfer full): the .ics text, %NULL on error
 */
char *
klynge_ics_for_meeting (KlyngeDb  *db,
                        gint64     meeting_id,
                        GError   **error)
{
  g_autoptr(KlyngeMeeting) meeting = klynge_meeting_load (db, meeting_id, error);
  g_autoptr(GListModel) invitations = NULL;
  g_auto(ClusterInfo) info = { 0 };

  if (meeting == NULL || !load_cluster_info (db, meeting->cluster_id, &info, error) ||
      !(invitations = klynge_invitations_list (db, meeting_id, error)))
    return NULL;
  if (g_list_model_get_n_items (invitations) == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("Nobody is invited to this meeting yet."));
      return NULL;
    }
  return calendar_text (meeting, &info, invitations, error);
}

/* Windows, macOS and Linux file systems all take names of 255 bytes; a
 * suffix " (99).eml" must fit after the name. */
#define FILE_NAME_MAX 120

/**
 * klynge_ics_file_name:
 * @starts_at: the meeting's start, "2026-06-09T17:00"
 * @title: the meeting's title, any text
 * @extension: "ics"
 *
 * A file name any file system takes and a shell script can quote: the
 * date, then the title without control characters (tab, CR, LF), path
 * separators or the characters Windows refuses, at most 120 bytes, never
 * hidden (a leading dot) or ending in a dot or space.
 *
 * Returns: (transfer full): "2026-06-09 KOL.ics"
 */
char *
klynge_ics_file_name (const char *starts_at,
                      const char *title,
                      const char *extension)
{
  g_autofree char *text = clean_line (title != NULL ? title : "");
  g_autofree char *date = clean_line (starts_at != NULL ? starts_at : "");
  GString *name = g_string_new (NULL);
  gsize room;

  g_strdelimit (text, "/\\:*?\"<>|", '_');
  g_strdelimit (date, "/\\:*?\"<>|", '_');
  /* The date's first ten bytes, cut at a character: a stored date that is
   * no date can hold letters of any width. */
  if (strlen (date) > 10)
    *g_utf8_find_prev_char (date, date + 11) = '\0';
  g_string_append_printf (name, "%s %s", date, g_strstrip (text));
  /* Cut at a character, not inside one. */
  room = FILE_NAME_MAX - strlen (extension) - 1;
  if (name->len > room)
    g_string_truncate (name, g_utf8_find_prev_char (name->str, name->str + room + 1) - name->str);
  while (name->len > 0 && (name->str[name->len - 1] == ' ' || name->str[name->len - 1] == '.'))
    g_string_truncate (name, name->len - 1);
  while (name->len > 0 && (name->str[0] == '.' || name->str[0] == ' '))
    g_string_erase (name, 0, 1);
  if (name->len == 0)
    g_string_append (name, "meeting");
  g_string_append_printf (name, ".%s", extension);
  return g_string_free (name, FALSE);
}
