/* fuzz-ics.c — the .ics writer on arbitrary meeting text
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is split at NUL bytes into what a user or an old database can
 * put into an invitation: the title, the venue's name and address, the
 * start and end, an agenda item and the cluster's time zone. Whatever they
 * hold, the writer returns a calendar or a KlyngeError, never crashes, and
 * the calendar keeps RFC 5545's lines (CRLF, at most 75 octets, folds never
 * inside a UTF-8 character), parses back, and carries the title unchanged.
 * Nothing is kept: each input runs in a transaction that is rolled back.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "klynge-demo.h"
#include "klynge-ics.h"
#include "klynge-invitations.h"
#include "klynge-meeting.h"

enum { TITLE, VENUE, ADDRESS, STARTS, ENDS, ITEM, TIME_ZONE, N_FIELDS };

static KlyngeDb *db;
static gint64 cluster_id;
static gint64 member_id;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("klynge-fuzz-ics-XXXXXX", &error);
  g_autofree char *path = NULL;

  if (dir == NULL)
    abort ();
  path = g_build_filename (dir, "fuzz.sqlite", NULL);
  db = klynge_db_open (path, KLYNGE_DB_OPEN_DEFAULT, &error);
  if (db == NULL || (cluster_id = klynge_demo_create (db, &error)) == 0 ||
      !klynge_db_count (db, "SELECT min(id) FROM member WHERE cluster_id = ?1", cluster_id, &member_id, &error))
    abort ();
}

/* No line longer than 75 octets, each ended by CRLF, and a fold never
 * splits a UTF-8 character (unfolded, the text must still be valid). */
static void
check_lines (const char *ics)
{
  g_autoptr(GString) unfolded = g_string_new (NULL);
  const char *line = ics;

  while (*line != '\0')
    {
      const char *end = strstr (line, "\r\n");

      if (end == NULL || end - line > 75 || memchr (line, '\n', end - line) != NULL)
        abort ();
      g_string_append_len (unfolded, line[0] == ' ' ? line + 1 : line, end - line - (line[0] == ' '));
      if (end[2] != ' ')
        {
          if (!g_utf8_validate (unfolded->str, unfolded->len, NULL))
            abort ();
          g_string_truncate (unfolded, 0);
        }
      line = end + 2;
    }
}

static gboolean
is_plain_text (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
check_calendar (const char *ics,
                const char *title)
{
  icalcomponent *calendar = icalparser_parse_string (ics);
  icalcomponent *event;

  if (calendar == NULL)
    abort ();
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  if (event == NULL)
    abort ();
  /* The saved title, as the editor trims it, comes back as it was. */
  if (is_plain_text (title) && g_strcmp0 (icalcomponent_get_summary (event), title) != 0)
    abort ();
  icalcomponent_free (calendar);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeMeeting) meeting = NULL;
  g_autofree char *ics = NULL;
  char *fields[N_FIELDS] = { NULL };
  const char *p = (const char *)data;
  const char *end = p + size;
  sqlite3_stmt *stmt;

  if (db == NULL)
    setup ();

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *nul = p < end ? memchr (p, '\0', end - p) : NULL;
      const char *stop = nul != NULL ? nul : end;

      fields[i] = g_strndup (p, stop - p);
      p = nul != NULL ? nul + 1 : end;
    }

  if (!klynge_db_begin (db, &error))
    abort ();

  stmt = klynge_db_prepare (db, "UPDATE cluster SET time_zone = ?1 WHERE id = ?2", &error);
  sqlite3_bind_text (stmt, 1, fields[TIME_ZONE], -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, cluster_id);
  if (!klynge_db_step_done (db, stmt, &error))
    abort ();

  meeting = klynge_meeting_new (cluster_id);
  g_free (meeting->title);
  meeting->title = g_strdup (fields[TITLE]);
  g_free (meeting->venue_name);
  meeting->venue_name = g_strdup (fields[VENUE]);
  g_free (meeting->venue_address);
  meeting->venue_address = g_strdup (fields[ADDRESS]);
  g_free (meeting->starts_at);
  meeting->starts_at = g_strdup (fields[STARTS]);
  g_free (meeting->ends_at);
  meeting->ends_at = g_strdup (fields[ENDS]);
  g_ptr_array_add (meeting->agenda, klynge_agenda_item_new (fields[ITEM], "welcome", 10));

  /* Refusing odd input is fine; it must be a KlyngeError. */
  if (klynge_meeting_save (db, meeting, &error) &&
      klynge_invitations_invite (db, meeting->id, &member_id, 1, &error))
    {
      ics = klynge_ics_for_meeting (db, meeting->id, &error);
      if (ics != NULL)
        {
          check_lines (ics);
          check_calendar (ics, meeting->title);
        }
    }
  if (error != NULL && error->domain != KLYNGE_ERROR)
    abort ();

  klynge_db_rollback (db);
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (fields[i]);
  return 0;
}
