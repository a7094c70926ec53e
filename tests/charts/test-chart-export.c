/* test-chart-export.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include <string.h>

#include <glib/gstdio.h>

#include "klynge-chart-export.h"
#include "klynge-test-utils.h"

/* The demo cluster in a fresh temporary database. */
typedef KlyngeTestDemo Fixture;

static const KlyngeChartOptions defaults = { KLYNGE_CHART_FUNNEL, KLYNGE_CHART_THEME_LIGHT, KLYNGE_CHART_ANONYMOUS, KLYNGE_FUNNEL_EXACT, TRUE,
                                             "2026-11-24", KLYNGE_LIMITS_AUTO, FALSE };

static void
test_png_sizes (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeChartData) data = klynge_chart_data_load (f->db, f->cluster, 1, NULL, &error);
  static const int sizes[][2] = { { 1920, 1080 }, { 3840, 2160 } };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, "slide.png", NULL);
      cairo_surface_t *png;

      g_assert_true (klynge_chart_export_file (data, &defaults, path, sizes[i][0], sizes[i][1], &error));
      g_assert_no_error (error);
      klynge_test_assert_private_file (path);
      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, sizes[i][0]);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, sizes[i][1]);
      cairo_surface_destroy (png);
    }
}

static void
test_vector_and_errors (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeChartData) data = klynge_chart_data_load (f->db, f->cluster, 1, NULL, &error);
  g_autofree char *svg = g_build_filename (f->dir, "slide.svg", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "slide.pdf", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "slide.doc", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (klynge_chart_export_file (data, &defaults, svg, 1920, 1080, &error));
  klynge_test_assert_private_file (svg);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (klynge_chart_export_file (data, &defaults, pdf, 1920, 1080, &error));
  klynge_test_assert_private_file (pdf);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  g_assert_false (klynge_chart_export_file (data, &defaults, bad, 1920, 1080, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

static void
test_meeting_slides (Fixture       *f,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "slides", NULL);
  g_autoptr(GDir) dir = NULL;
  guint n = 0, files = 0;

  /* Meeting 4 follows up meeting 2: three indicators × four charts, and the attendance. */
  g_assert_true (klynge_chart_export_slides (f->db, f->cluster, 4, &defaults, 0, KLYNGE_SLIDE_PNG, 960, 540, folder, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 13);
  dir = g_dir_open (folder, 0, NULL);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL; files++)
    {
      g_autofree char *slide = g_build_filename (folder, name, NULL);

      klynge_test_assert_private_file (slide);
    }
  g_assert_cmpuint (files, ==, 13);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  g_assert_false (klynge_chart_export_slides (f->db, f->cluster, 999, &defaults, 0, KLYNGE_SLIDE_PNG, 960, 540, folder, &n, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
}

/* A meeting shows the period it asked the clinics for, not the latest. */
static void
test_meeting_period (Fixture       *f,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slides = NULL;

  g_assert_true (klynge_db_exec (f->db, "INSERT INTO data_request (meeting_id, clinic_id, indicator_id, period) "
                                        "SELECT 2, id, 1, '2025-Q4' FROM clinic", NULL));
  slides = klynge_chart_meeting_slides (f->db, f->cluster, 2, &defaults, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((KlyngeSlide *) g_ptr_array_index (slides, 0))->data->period, ==, "2025-Q4");
  /* The meeting's other indicators asked for no period: the latest. */
  g_assert_cmpstr (((KlyngeSlide *) g_ptr_array_index (slides, 3))->data->period, ==, "2026-Q1");

  /* A period asked for but not delivered yet: the page and the slides both
   * fall back to the latest period with data, never to "No data". */
  g_clear_pointer (&slides, g_ptr_array_unref);
  g_assert_true (klynge_db_exec (f->db, "INSERT INTO data_request (meeting_id, clinic_id, indicator_id, period) "
                                        "SELECT 2, id, 2, '2026-Q2' FROM clinic", NULL));
  slides = klynge_chart_meeting_slides (f->db, f->cluster, 2, &defaults, 0, &error);
  g_assert_no_error (error);
  {
    KlyngeSlide *undelivered = g_ptr_array_index (slides, 3);
    g_autofree char *period = klynge_chart_meeting_period (f->db, 2, undelivered->data->indicator_id, &error);

    g_assert_cmpstr (undelivered->data->period, ==, "2026-Q1");
    g_assert_no_error (error);
    g_assert_cmpstr (period, ==, "2026-Q1");
    g_assert_cmpuint (undelivered->data->rows->len, >, 0);
  }

  /* The periods asked for cannot be read: an error, not the latest period
   * under the meeting's name. */
  g_clear_pointer (&slides, g_ptr_array_unref);
  g_assert_true (klynge_db_exec (f->db, "ALTER TABLE data_request RENAME TO data_request_away", NULL));
  {
    g_autofree char *period = klynge_chart_meeting_period (f->db, 2, 1, &error);

    g_assert_null (period);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  g_assert_null (klynge_chart_meeting_slides (f->db, f->cluster, 2, &defaults, 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (klynge_db_exec (f->db, "ALTER TABLE data_request_away RENAME TO data_request", NULL));

  /* Meeting 4 follows up meeting 2: its "before" is what meeting 2 asked for. */
  g_clear_pointer (&slides, g_ptr_array_unref);
  slides = klynge_chart_meeting_slides (f->db, f->cluster, 4, &defaults, 0, &error);
  g_assert_no_error (error);
  {
    KlyngeSlide *before_after = g_ptr_array_index (slides, 3);
    KlyngeChartOptions options = defaults;
    g_autofree char *caption = NULL;

    g_assert_cmpint (before_after->kind, ==, KLYNGE_CHART_BEFORE_AFTER);
    g_assert_cmpstr (before_after->data->before_period, ==, "2025-Q4");
    options.kind = KLYNGE_CHART_BEFORE_AFTER;
    caption = klynge_chart_caption (before_after->data, &options);
    g_assert_nonnull (strstr (caption, "in Q4 2025, "));
    g_assert_nonnull (strstr (caption, "in Q1 2026."));
  }
}

static guint
count_pdf_pages (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  guint pages = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* The streams hold NUL bytes: search the whole buffer, not a string. */
  for (const char *p = contents; (p = memmem (p, length - (p - contents), "/Type /Page", 11)) != NULL; p++)
    if (p[11] != 's')
      pages++;
  return pages;
}

static void
test_pack_and_workbook (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pack = g_build_filename (f->dir, "pack.pdf", NULL);
  g_autofree char *workbook = g_build_filename (f->dir, "meeting.xlsx", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (klynge_chart_export_pack (f->db, f->cluster, 2, &defaults, pack, &error));
  g_assert_no_error (error);
  klynge_test_assert_private_file (pack);
  /* A page per clinic of the demo cluster. */
  g_assert_cmpuint (count_pdf_pages (pack), ==, 9);

  g_assert_true (klynge_chart_export_workbook (f->db, f->cluster, 2, &defaults, workbook, &error));
  g_assert_no_error (error);
  klynge_test_assert_private_file (workbook);
  g_assert_true (g_file_get_contents (workbook, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK"));
  /* A sheet and a native chart per indicator of the meeting's topic. */
  g_assert_nonnull (memmem (contents, length, "xl/worksheets/sheet3.xml", 24));
  g_assert_nonnull (memmem (contents, length, "xl/charts/chart3.xml", 20));
}

/* The attribute @name="…" of the first element @element after @from in @xml. */
static double
attribute_after (const char *xml,
                 const char *from,
                 const char *element)
{
  const char *at = strstr (xml, from);
  const char *value;

  g_assert_nonnull (at);
  at = strstr (at, element);
  g_assert_nonnull (at);
  value = strstr (at, "val=\"");
  g_assert_nonnull (value);
  return g_ascii_strtod (value + strlen ("val=\""), NULL);
}

static guint
count_in (const char *text,
          const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* The workbook's Excel chart is the funnel of the screen: the y axis on
 * the data's range, the limits as smooth curves over the whole x axis, the
 * points labelled with the clinics' letters; every sheet prints on one
 * landscape page. */
static void
test_workbook_chart (Fixture       *f,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *workbook = g_build_filename (f->dir, "meeting.xlsx", NULL);
  g_autoptr(GPtrArray) data = klynge_chart_meeting_data (f->db, f->cluster, 2, &defaults, &error);
  g_autofree char *chart = NULL;
  g_autofree char *points = g_strdup_printf ("<c:ptCount val=\"%d\"/>", KLYNGE_FUNNEL_SAMPLES);
  KlyngeChartData *first;
  double lowest = G_MAXDOUBLE, highest = -G_MAXDOUBLE, y_min, y_max, x_max;
  guint n_clinics = 0;

  g_assert_no_error (error);
  g_assert_true (klynge_chart_export_workbook (f->db, f->cluster, 2, &defaults, workbook, &error));
  g_assert_no_error (error);
  first = g_ptr_array_index (data, 0);
  for (guint i = 0; i < first->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (first->rows, i);

      lowest = MIN (lowest, row->value);
      highest = MAX (highest, row->value);
      n_clinics++;
    }
  g_assert_cmpuint (n_clinics, ==, 9);

  chart = klynge_test_unzip_member (workbook, "xl/charts/chart1.xml");
  /* A scatter chart's second value axis is its y axis. */
  y_min = attribute_after (strstr (chart, "</c:valAx>"), "<c:valAx>", "<c:min ");
  y_max = attribute_after (strstr (chart, "</c:valAx>"), "<c:valAx>", "<c:max ");
  g_test_message ("clinics from %g to %g, y axis from %g to %g", lowest, highest, y_min, y_max);
  g_assert_cmpfloat (y_min, <=, lowest);
  g_assert_cmpfloat (y_max, >=, highest);
  g_assert_cmpfloat (y_min, >, 0);
  g_assert_cmpfloat (y_max, <, 1);
  x_max = attribute_after (chart, "<c:valAx>", "<c:max ");
  g_assert_cmpfloat (x_max, >, 0);

  /* Four limit curves of as many points, x and y, smooth; the clinics not. */
  g_assert_cmpuint (count_in (chart, points), ==, 4 * 2);
  g_assert_cmpuint (count_in (chart, "<c:smooth val=\"1\"/>"), ==, 4);
  /* A label per clinic, its letter (anonymised): no clinic's name. */
  g_assert_cmpuint (count_in (chart, "<c:dLbl>"), ==, n_clinics);
  g_assert_nonnull (strstr (chart, "<c:v>A</c:v>"));
  g_assert_null (strstr (chart, "Lægehuset"));

  for (guint i = 1; i <= data->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("xl/worksheets/sheet%u.xml", i);
      g_autofree char *sheet = klynge_test_unzip_member (workbook, name);

      g_assert_nonnull (strstr (sheet, "<pageSetUpPr fitToPage=\"1\"/>"));
      g_assert_nonnull (strstr (sheet, "orientation=\"landscape\""));
    }
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Outcome;

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = klynge_chart_export_finish (result, &outcome->error);
  outcome->done = TRUE;
}

/* Runs @job as the app does and waits for its end. */
static Outcome
export_and_wait (Fixture                    *f,
                 const KlyngeChartExportJob *job,
                 GCancellable               *cancellable)
{
  Outcome outcome = { 0 };

  klynge_chart_export_async (f->db, job, cancellable, async_done_cb, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  return outcome;
}

/* The app's path: the export runs in a worker thread on its own connection. */
static void
test_async (Fixture       *f,
            gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "pack.pdf", NULL);
  KlyngeChartExportJob job = { KLYNGE_CHART_EXPORT_PACK, f->cluster, 2, 0, NULL, defaults, 0, KLYNGE_SLIDE_PDF, 0, 0, path };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcome outcome = export_and_wait (f, &job, NULL);

  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  g_assert_cmpuint (count_pdf_pages (path), ==, 9);

  /* Cancelled before it ran: nothing written, and said so. */
  g_unlink (path);
  g_cancellable_cancel (cancellable);
  outcome = export_and_wait (f, &job, cancellable);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&outcome.error);
}

/* The key from the app: the worker's connection is read-only, so the
 * letters it lists are dealt and stored on the app's own first. */
static void
test_key_async (Fixture       *f,
                gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "key.csv", NULL);
  KlyngeChartExportJob job = { KLYNGE_CHART_EXPORT_KEY, f->cluster, 2, 0, NULL, defaults, 0, KLYNGE_SLIDE_PNG, 0, 0, path };
  g_autofree char *contents = NULL;
  Outcome outcome = export_and_wait (f, &job, NULL);

  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  klynge_test_assert_private_file (path);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM clinic_letter WHERE meeting_id = ?1", 2), ==, 9);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Letter,Clinic,Given on\r\nA,"));
  g_assert_nonnull (strstr (contents, "Private:"));
}

/* A run chart of one period is a dot: the deck leaves it out. */
static void
test_single_period_run (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slides = NULL;
  guint runs = 0;

  g_assert_true (klynge_db_exec (f->db, "DELETE FROM measurement WHERE indicator_id = 1 AND period != '2026-Q1'", NULL));
  slides = klynge_chart_meeting_slides (f->db, f->cluster, 2, &defaults, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < slides->len; i++)
    {
      KlyngeSlide *slide = g_ptr_array_index (slides, i);

      if (slide->kind == KLYNGE_CHART_RUN)
        {
          g_assert_cmpint (slide->data->indicator_id, !=, 1);
          runs++;
        }
    }
  g_assert_cmpuint (runs, ==, 2);
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* A follow-up meeting's before-and-after: the screen's request, `export
 * chart` (the app's worker and the command line) and `export slides` draw
 * the same slide, the "before" being what the followed-up meeting asked for. */
static void
test_same_slide (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "slides", NULL);
  g_autofree char *deck = g_build_filename (folder, "04-hba1c-measured-in-last-12-months-before-after.png", NULL);
  g_autofree char *screen = g_build_filename (f->dir, "screen.png", NULL);
  g_autofree char *chart = g_build_filename (f->dir, "chart.png", NULL);
  KlyngeChartOptions options = defaults;
  KlyngeChartRequest request = { f->cluster, 4, 1, NULL, NULL, 0, defaults };
  KlyngeChartExportJob job = { KLYNGE_CHART_EXPORT_CHART, f->cluster, 4, 1, NULL, defaults, 0, KLYNGE_SLIDE_PNG, 960, 540, chart };
  g_autoptr(KlyngeChartData) data = NULL;
  g_autoptr(GBytes) a = NULL, b = NULL, c = NULL;
  Outcome outcome;
  guint n;

  g_assert_true (klynge_db_exec (f->db, "INSERT INTO data_request (meeting_id, clinic_id, indicator_id, period) "
                                        "SELECT 2, id, 1, '2025-Q4' FROM clinic", NULL));
  /* The app's worker draws with today's date, as the screen does. */
  options.date = request.options.date = job.options.date = NULL;
  request.options.kind = job.options.kind = KLYNGE_CHART_BEFORE_AFTER;
  data = klynge_chart_request_load (f->db, &request, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (data->before_period, ==, "2025-Q4");
  g_assert_true (klynge_chart_export_file (data, &request.options, screen, 960, 540, &error));
  outcome = export_and_wait (f, &job, NULL);
  g_assert_no_error (outcome.error);
  g_assert_true (klynge_chart_export_slides (f->db, f->cluster, 4, &options, 0, KLYNGE_SLIDE_PNG, 960, 540, folder, &n, &error));
  g_assert_no_error (error);

  a = read_bytes (screen);
  b = read_bytes (chart);
  c = read_bytes (deck);
  g_assert_true (g_bytes_equal (a, b));
  g_assert_true (g_bytes_equal (a, c));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/charts/export/png-sizes", Fixture, NULL, klynge_test_demo_set_up, test_png_sizes, klynge_test_demo_tear_down);
  g_test_add ("/charts/export/vector-and-errors", Fixture, NULL, klynge_test_demo_set_up, test_vector_and_errors, klynge_test_demo_tear_down);
  g_test_add ("/charts/export/meeting-slides", Fixture, NULL, klynge_test_demo_set_up, test_meeting_slides, klynge_test_demo_tear_down);
  g_test_add ("/charts/export/pack-and-workbook", Fixture, NULL, klynge_test_demo_set_up, test_pack_and_workbook, klynge_test_demo_tear_down);
  g_test_add ("/charts/export/workbook-chart", Fixture, NULL, klynge_test_demo_set_up, test_workbook_chart, klynge_test_demo_tear_down);
  g_test_add ("/charts/export/meeting-period", Fixture, NULL, klynge_test_demo_set_up, test_meeting_period, klynge_test_demo_tear_down);
  g_test_add ("/charts/export/async", Fixture, NULL, klynge_test_demo_set_up, test_async, klynge_test_demo_tear_down);
  g_test_add ("/charts/export/single-period-run", Fixture, NULL, klynge_test_demo_set_up, test_single_period_run, klynge_test_demo_tear_down);
  g_test_add ("/charts/export/same-slide", Fixture, NULL, klynge_test_demo_set_up, test_same_slide, klynge_test_demo_tear_down);
  g_test_add ("/charts/export/key-async", Fixture, NULL, klynge_test_demo_set_up, test_key_async, klynge_test_demo_tear_down);

  return g_test_run ();
}
