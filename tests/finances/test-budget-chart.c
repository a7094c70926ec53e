/* test-budget-chart.c — the budget chart reads on the style it is shown on
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

#include "klynge-budget-chart.h"
#include "klynge-chart-style.h"
#include "klynge-test-utils.h"

typedef KlyngeTestDemo Fixture;

/* The lightness (0–255) of the text of the legend's first item, "Budget":
 * the extreme one of its drawn pixels, brightest or darkest as asked. */
static int
legend_text_lightness (cairo_surface_t *surface,
                       gboolean         brightest)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int found = brightest ? -1 : 256;

  cairo_surface_flush (surface);
  /* The item starts at the axis (90 px); its swatch is 12 px wide. */
  for (int y = 2; y < 22; y++)
    for (int x = 110; x < 160; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
        int alpha = pixel >> 24, lightness;

        if (alpha < 200)
          continue;
        lightness = (((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) * 255 / (3 * alpha);
        found = brightest ? MAX (found, lightness) : MIN (found, lightness);
      }
  return found;
}

static cairo_surface_t *
draw (Fixture          *f,
      KlyngeChartTheme  theme)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeLedgerYear) year = klynge_ledger_year_load (f->db, f->cluster, 2026, &error);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 300);
  cairo_t *cr = cairo_create (surface);

  g_assert_no_error (error);
  klynge_budget_chart_draw (cr, 800, 300, year, "DKK", theme);
  cairo_destroy (cr);
  return surface;
}

/* Drawn on a transparent page, the text must contrast with the window's own
 * background: dark text on the light style, light text on the dark one
 * (it was dark on both, unreadable in the dark style). */
static void
test_text_follows_style (Fixture *f, gconstpointer data)
{
  cairo_surface_t *light = draw (f, KLYNGE_CHART_THEME_LIGHT);
  cairo_surface_t *dark = draw (f, KLYNGE_CHART_THEME_DARK);

  g_assert_cmpint (legend_text_lightness (light, FALSE), <, 100);
  g_assert_cmpint (legend_text_lightness (dark, TRUE), >, 155);
  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

/* At 800 px a dozen categories leave each bar ~60 px: a long name wraps onto
 * a few lines under its bar (it was cut to "Coordi…"), and never more than
 * the room under the chart. */
static void
test_labels_wrap (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  KlyngeTextFlags flags = KLYNGE_TEXT_WRAP | KLYNGE_TEXT_ELLIPSIS | KLYNGE_TEXT_MEASURE;
  double one = klynge_chart_text (cr, "Venue", 10.7, flags, 0, 0, 60, 0.5, 0);
  double two = klynge_chart_text (cr, "Board remuneration", 10.7, flags, 0, 0, 60, 0.5, 0);
  double many = klynge_chart_text (cr, "Coordinator remuneration for the whole board and its secretary",
                                   10.7, flags, 0, 0, 60, 0.5, 0);

  g_assert_cmpfloat (two, >, 1.5 * one);
  g_assert_cmpfloat (many, <, (KLYNGE_TEXT_MAX_LINES + 0.5) * one);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/finances/budget-chart/labels-wrap", test_labels_wrap);

  g_test_add ("/finances/budget-chart/text-follows-style", Fixture, NULL,
              klynge_test_demo_set_up, test_text_follows_style, klynge_test_demo_tear_down);

  return g_test_run ();
}
