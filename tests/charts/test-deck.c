/* test-deck.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting's deck as one PDF, its pages counted by poppler's pdfinfo.
 */

#include <string.h>

#include "klynge-chart-export.h"
#include "klynge-deck.h"
#include "klynge-test-utils.h"

typedef KlyngeTestDemo Fixture;

static const KlyngeChartOptions defaults = { KLYNGE_CHART_BARS, KLYNGE_CHART_THEME_LIGHT, KLYNGE_CHART_ANONYMOUS, KLYNGE_FUNNEL_EXACT, TRUE, NULL };

static guint
pdfinfo_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *pages;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:") + strspn (pages + strlen ("Pages:"), " "), NULL, 10);
}

/* Title, one page per slide the presentation shows, closing. */
static void
test_deck_pages (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "deck.pdf", NULL);
  g_autoptr(GPtrArray) slides = klynge_chart_meeting_slides (f->db, f->cluster, 4, &defaults, 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  g_assert_true (klynge_deck_export_pdf (f->db, f->cluster, 4, &defaults, 0, path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, slides->len + 2);
  g_assert_cmpuint (pdfinfo_pages (path), ==, slides->len + 2);
  klynge_test_assert_private_file (path);
}

static void
test_deck_unknown_meeting (Fixture       *f,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "deck.pdf", NULL);

  g_assert_false (klynge_deck_export_pdf (f->db, f->cluster, 999, &defaults, 0, path, NULL, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/deck/pages", Fixture, NULL, klynge_test_demo_set_up, test_deck_pages, klynge_test_demo_tear_down);
  g_test_add ("/deck/unknown-meeting", Fixture, NULL, klynge_test_demo_set_up, test_deck_unknown_meeting, klynge_test_demo_tear_down);

  return g_test_run ();
}
