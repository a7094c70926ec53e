/* test-ics.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <libical/ical.h>

#include "klynge-ics.h"
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
  g_autofree char *ics = klynge_ics_for_member (f->db, m->id, f->members[1], &error);
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

  p = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
  g_assert_cmpstr (icalproperty_get_attendee (p), ==, "mailto:bo@example.dk");
  g_assert_cmpstr (icalparameter_get_cn (icalproperty_get_first_parameter (p, ICAL_CN_PARAMETER)), ==, "Bo Bæk");
  g_assert_cmpint (icalparameter_get_partstat (icalproperty_get_first_parameter (p, ICAL_PARTSTAT_PARAMETER)), ==, ICAL_PARTSTAT_ACCEPTED);

  icalcomponent_free (calendar);
}

static void
test_folder (MeetingsFixture *f,
             gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = prepare_meeting (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "ics", NULL);
  g_autofree char *anna = g_build_filename (folder, "2026-06-09 Anna Holm.ics", NULL);

  g_assert_cmpint (klynge_ics_write_folder (f->db, m->id, folder, &error), ==, 4);
  g_assert_no_error (error);
  klynge_test_assert_private_file (anna);

  /* An unknown time zone is a message, not a broken file. */
  g_assert_true (klynge_db_exec (f->db, "UPDATE cluster SET time_zone = 'Mars/Olympus'", &error));
  g_assert_null (klynge_ics_for_member (f->db, m->id, f->members[0], &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/meetings/ics/parse-back", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_parse_back, meetings_fixture_tear_down);
  g_test_add ("/meetings/ics/folder", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_folder, meetings_fixture_tear_down);

  return g_test_run ();
}
