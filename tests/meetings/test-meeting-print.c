/* test-meeting-print.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "klynge-invitations.h"
#include "klynge-meeting-print.h"
#include "klynge-test-utils.h"
#include "meetings-test-utils.h"

static void
test_papers (MeetingsFixture *f,
             gconstpointer    data)
{
  static const char *kinds[] = { "agenda", "invitation", "sign-in" };
  g_autoptr(KlyngeMeeting) m = meetings_add_meeting (f, "KOL", "2026-06-09T17:00", "2026-06-09T20:00", "planned");
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (m->agenda, klynge_agenda_item_new ("Velkommen", "welcome", 10));
  g_assert_true (klynge_meeting_save (f->db, m, &error));
  g_assert_cmpint (klynge_invitations_invite_all (f->db, m->id, &error), ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.pdf", f->dir, kinds[i]);
      g_autofree char *contents = NULL;
      KlyngeMeetingPrint kind;
      gsize length;

      g_assert_true (klynge_meeting_print_kind_from_string (kinds[i], &kind));
      g_assert_true (klynge_meeting_print_pdf (f->db, m->id, kind, path, &error));
      g_assert_no_error (error);
      klynge_test_assert_private_file (path);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      g_assert_cmpuint (length, >, 1000);
    }

  /* A meeting that does not exist leaves no file behind. */
  {
    g_autofree char *path = g_strdup_printf ("%s/missing.pdf", f->dir);

    g_assert_false (klynge_meeting_print_pdf (f->db, 999, KLYNGE_MEETING_PRINT_AGENDA, path, &error));
    g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

/* In a worker, as the Meetings area saves it. */
static void
test_pdf_async (MeetingsFixture *f,
                gconstpointer    data)
{
  g_autoptr(KlyngeMeeting) m = meetings_add_meeting (f, "KOL", "2026-06-09T17:00", "2026-06-09T20:00", "planned");
  g_autofree char *path = g_strdup_printf ("%s/async.pdf", f->dir);
  g_autofree char *missing = g_strdup_printf ("%s/missing.pdf", f->dir);
  g_autoptr(GAsyncResult) result = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GError) error = NULL;

  klynge_meeting_print_pdf_async (f->db, m->id, KLYNGE_MEETING_PRINT_SIGN_IN, path, NULL, meetings_result_cb, &slot);
  result = meetings_wait_result (&slot);
  g_assert_true (klynge_meeting_print_pdf_finish (result, &error));
  g_assert_no_error (error);
  klynge_test_assert_private_file (path);
  g_clear_object (&result);

  klynge_meeting_print_pdf_async (f->db, 999, KLYNGE_MEETING_PRINT_AGENDA, missing, NULL, meetings_result_cb, &slot);
  result = meetings_wait_result (&slot);
  g_assert_false (klynge_meeting_print_pdf_finish (result, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/meetings/print/papers", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_papers, meetings_fixture_tear_down);
  g_test_add ("/meetings/print/pdf-async", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_pdf_async, meetings_fixture_tear_down);

  return g_test_run ();
}
