/* fuzz-ics-names.c — the names the .ics writer and its mail draft put out
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is split at NUL bytes into a meeting's title and start, and a
 * member's name and address, as an old database or an import can hold
 * them. Whatever they hold, the file name of the calendar and its draft is
 * valid UTF-8 of at most 120 bytes without control characters, path
 * separators or characters Windows refuses, never hidden, and ends in
 * ".ics"; and no line break of a name or an address reaches the calendar
 * or the mail as anything but an escape. Each input is rolled back.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "klynge-demo.h"
#include "klynge-ics.h"
#include "klynge-invitation-mail.h"
#include "klynge-invitations.h"
#include "klynge-meeting.h"

enum { TITLE, STARTS, NAME, EMAIL, N_FIELDS };

static KlyngeDb *db;
static gint64 cluster_id;
static gint64 member_id;
static gint64 meeting_id;

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("klynge-fuzz-ics-names-XXXXXX", &error);
  g_autofree char *path = NULL;

  if (dir == NULL)
    abort ();
  path = g_build_filename (dir, "fuzz.sqlite", NULL);
  db = klynge_db_open (path, KLYNGE_DB_OPEN_DEFAULT, &error);
  if (db == NULL || (cluster_id = klynge_demo_create (db, &error)) == 0 ||
      !klynge_db_count (db, "SELECT min(id) FROM member WHERE cluster_id = ?1", cluster_id, &member_id, &error) ||
      !klynge_db_count (db, "SELECT max(id) FROM invitation JOIN meeting m ON m.id = meeting_id "
                            "WHERE m.cluster_id = ?1", cluster_id, &meeting_id, &error))
    abort ();
}

static void
check_file_name (const char *name)
{
  gsize len = strlen (name);

  if (len > 120 || len < strlen ("x.ics") || !g_utf8_validate (name, -1, NULL) ||
      !g_str_has_suffix (name, ".ics") || name[0] == '.' || name[0] == ' ' ||
      name[len - 5] == ' ' || name[len - 5] == '.')
    abort ();
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)) || strchr ("/\\:*?\"<>|", *p) != NULL)
      abort ();
}

/* CR and LF only as line ends: CRLF, never alone. */
static void
check_line_ends (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((*p == '\r' && p[1] != '\n') || (*p == '\n' && (p == text || p[-1] != '\r')))
      abort ();
}

static void
set_member (const char *name,
            const char *email)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = klynge_db_prepare (db, "UPDATE member SET name = ?1, email = ?2 WHERE id = ?3", &error);

  if (stmt == NULL)
    abort ();
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, email, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, member_id);
  /* A name the schema refuses (blank) is fine: nothing to check then. */
  klynge_db_step_done (db, stmt, NULL);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *ics = NULL, *eml = NULL;
  char *fields[N_FIELDS] = { NULL };
  const char *p = (const char *)data;
  const char *end = p + size;

  if (db == NULL)
    setup ();

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *nul = p < end ? memchr (p, '\0', end - p) : NULL;
      const char *stop = nul != NULL ? nul : end;

      fields[i] = g_strndup (p, stop - p);
      p = nul != NULL ? nul + 1 : end;
    }

  name = klynge_ics_file_name (fields[STARTS], fields[TITLE], "ics");
  check_file_name (name);

  if (!klynge_db_begin (db, &error))
    abort ();
  set_member (fields[NAME], fields[EMAIL]);
  ics = klynge_ics_for_meeting (db, meeting_id, &error);
  if (ics == NULL)
    abort ();
  check_line_ends (ics);
  eml = klynge_invitation_mail_build (db, meeting_id, KLYNGE_INVITATION_MAIL_AUTO, &error);
  if (eml != NULL)
    check_line_ends (eml);
  else if (error->domain != KLYNGE_ERROR)
    abort ();
  klynge_db_rollback (db);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (fields[i]);
  return 0;
}
