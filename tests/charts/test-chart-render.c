/* test-chart-render.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each chart drawn to PNG and compared with the reference image in
 * tests/charts/reference within a small pixel tolerance. The font is fixed
 * (DejaVu Sans, Debian fonts-dejavu-core) and so is the date on the slide.
 * After an intended change of the drawing, regenerate the references with
 *   KLYNGE_UPDATE_REFERENCES=1 meson test -C build test-chart-render
 * and look at every image before committing them.
 */

#include <math.h>

#include "chart-fixtures.h"

#define WIDTH  640
#define HEIGHT 360
/* A pixel differs when a channel moves by more than this; at most this share may. */
#define CHANNEL_TOLERANCE 48
#define PIXEL_SHARE       0.0005

typedef struct
{
  const char        *name;
  KlyngeChartData *(*build) (void);
  KlyngeChartKind    kind;
  KlyngeChartTheme   theme;
  int                width;   /* 0: WIDTH × HEIGHT */
  int                height;
} Case;

static KlyngeChartData *
empty (void)
{
  KlyngeChartData *data = chart_fixture_clinics (0);

  return data;
}

static KlyngeChartData *
one_clinic (void)
{
  return chart_fixture_clinics (1);
}

static KlyngeChartData *
extremes (void)
{
  KlyngeChartData *data = chart_fixture_clinics (6);

  klynge_chart_data_add_counts (data, 100, "Z0", 0, 120);
  klynge_chart_data_add_counts (data, 101, "Z1", 80, 80);
  return data;
}

static KlyngeChartData *
zero_denominator (void)
{
  KlyngeChartData *data = chart_fixture_clinics (6);

  klynge_chart_data_add_counts (data, 100, "Z", 0, 0);
  return data;
}

static KlyngeChartData *
many (void)
{
  return chart_fixture_clinics (2000);
}

static KlyngeChartData *
eleven (void)
{
  return chart_fixture_clinics (11);
}

/* 60 clinics near 97 % over twelve quarters, the last made of a third of them. */
static KlyngeChartData *
sixty (void)
{
  return chart_fixture_series (60, 12, 0.97);
}

static const Case cases[] = {
  { "empty-bars", empty, KLYNGE_CHART_BARS, KLYNGE_CHART_THEME_LIGHT },
  { "empty-funnel", empty, KLYNGE_CHART_FUNNEL, KLYNGE_CHART_THEME_LIGHT },
  { "one-clinic-bars", one_clinic, KLYNGE_CHART_BARS, KLYNGE_CHART_THEME_LIGHT },
  { "one-clinic-funnel", one_clinic, KLYNGE_CHART_FUNNEL, KLYNGE_CHART_THEME_LIGHT },
  { "extremes-bars", extremes, KLYNGE_CHART_BARS, KLYNGE_CHART_THEME_LIGHT },
  { "extremes-funnel", extremes, KLYNGE_CHART_FUNNEL, KLYNGE_CHART_THEME_LIGHT },
  { "zero-denominator-bars", zero_denominator, KLYNGE_CHART_BARS, KLYNGE_CHART_THEME_LIGHT },
  { "many-bars", many, KLYNGE_CHART_BARS, KLYNGE_CHART_THEME_LIGHT },
  { "many-funnel", many, KLYNGE_CHART_FUNNEL, KLYNGE_CHART_THEME_LIGHT },
  { "funnel-dark", eleven, KLYNGE_CHART_FUNNEL, KLYNGE_CHART_THEME_DARK },
  { "bars-high-contrast", eleven, KLYNGE_CHART_BARS, KLYNGE_CHART_THEME_HIGH_CONTRAST },
  { "run", chart_fixture_periods, KLYNGE_CHART_RUN, KLYNGE_CHART_THEME_LIGHT },
  { "before-after", chart_fixture_periods, KLYNGE_CHART_BEFORE_AFTER, KLYNGE_CHART_THEME_LIGHT },
  { "attendance", chart_fixture_attendance, KLYNGE_CHART_ATTENDANCE, KLYNGE_CHART_THEME_LIGHT },
  { "sixty-funnel", sixty, KLYNGE_CHART_FUNNEL, KLYNGE_CHART_THEME_LIGHT },
  { "sixty-run", sixty, KLYNGE_CHART_RUN, KLYNGE_CHART_THEME_LIGHT },
  { "sixty-p-chart", sixty, KLYNGE_CHART_P_CHART, KLYNGE_CHART_THEME_LIGHT },
  /* In a phone-wide window the legend wraps instead of cutting its labels. */
  { "narrow-funnel", sixty, KLYNGE_CHART_FUNNEL, KLYNGE_CHART_THEME_LIGHT, 330, 420 },
  { "narrow-bars", eleven, KLYNGE_CHART_BARS, KLYNGE_CHART_THEME_LIGHT, 330, 420 },
  { "narrow-run", chart_fixture_periods, KLYNGE_CHART_RUN, KLYNGE_CHART_THEME_LIGHT, 330, 420 },
};

static int
case_width (const Case *c)
{
  return c->width != 0 ? c->width : WIDTH;
}

static int
case_height (const Case *c)
{
  return c->height != 0 ? c->height : HEIGHT;
}

static cairo_surface_t *
render (const Case *c)
{
  g_autoptr(KlyngeChartData) data = c->build ();
  KlyngeChartOptions options = { c->kind, c->theme, KLYNGE_CHART_ANONYMOUS, KLYNGE_FUNNEL_EXACT, TRUE, "2026-11-24" };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, case_width (c), case_height (c));
  cairo_t *cr = cairo_create (surface);

  klynge_chart_draw (cr, case_width (c), case_height (c), data, &options, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static double
differing_share (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  int stride_a = cairo_image_surface_get_stride (a), stride_b = cairo_image_surface_get_stride (b);
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  guint differing = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      for (int ch = 0; ch < 3; ch++)
        if (ABS (pa[y * stride_a + 4 * x + ch] - pb[y * stride_b + 4 * x + ch]) > CHANNEL_TOLERANCE)
          {
            differing++;
            break;
          }
  return (double) differing / (width * height);
}

static void
test_render (gconstpointer user_data)
{
  const Case *c = user_data;
  cairo_surface_t *actual = render (c);
  g_autofree char *name = g_strconcat (c->name, ".png", NULL);
  g_autofree char *reference_path = g_build_filename (REFERENCE_DIR, name, NULL);
  cairo_surface_t *reference;

  if (g_getenv ("KLYNGE_UPDATE_REFERENCES") != NULL)
    g_assert_cmpint (cairo_surface_write_to_png (actual, reference_path), ==, CAIRO_STATUS_SUCCESS);

  reference = cairo_image_surface_create_from_png (reference_path);
  g_assert_cmpint (cairo_surface_status (reference), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (reference), ==, case_width (c));
  g_assert_cmpint (cairo_image_surface_get_height (reference), ==, case_height (c));
  if (differing_share (actual, reference) > PIXEL_SHARE)
    {
      g_autofree char *out = g_build_filename (g_get_tmp_dir (), name, NULL);

      cairo_surface_write_to_png (actual, out);
      g_test_message ("%s differs from its reference; the drawing is in %s", c->name, out);
      g_test_fail ();
    }
  cairo_surface_destroy (reference);
  cairo_surface_destroy (actual);
}

/* The highlight says "this is you", the outside colour "unusual": on a
 * projector the two must never be mistaken for each other, in any theme. */
static double
colour_distance (const KlyngeRgb *a,
                 const KlyngeRgb *b)
{
  return fabs (a->r - b->r) + fabs (a->g - b->g) + fabs (a->b - b->b);
}

static void
test_highlight_style (void)
{
  for (KlyngeChartTheme theme = KLYNGE_CHART_THEME_LIGHT; theme <= KLYNGE_CHART_THEME_HIGH_CONTRAST; theme++)
    {
      const KlyngeChartStyle *style = klynge_chart_style_get (theme);

      g_assert_cmpfloat (colour_distance (&style->highlight, &style->alarm), >, 0.5);
      g_assert_cmpfloat (colour_distance (&style->highlight, &style->warning), >, 0.5);
      g_assert_cmpfloat (colour_distance (&style->highlight, &style->other), >, 0.3);
      g_assert_cmpfloat (colour_distance (&style->highlight, &style->better), >, 0.3);
      g_assert_cmpfloat (colour_distance (&style->better, &style->alarm), >, 0.5);
    }
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + (int) y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) row)[(int) x] & 0xffffff;
}

/* Pixels of the theme's text colour inside a clinic's hover box: the ring. */
static guint
ring_pixels (cairo_surface_t       *surface,
             const KlyngeChartHit  *hit,
             const KlyngeRgb       *colour)
{
  guint32 want = (guint32) round (colour->r * 255) << 16 | (guint32) round (colour->g * 255) << 8 | (guint32) round (colour->b * 255);
  guint n = 0;

  for (double y = hit->y; y < hit->y + hit->height; y++)
    for (double x = hit->x; x < hit->x + hit->width; x++)
      if (pixel_at (surface, x, y) == want)
        n++;
  return n;
}

static void
test_highlight_distinct (gconstpointer user_data)
{
  KlyngeChartTheme theme = GPOINTER_TO_INT (user_data);
  const KlyngeChartStyle *style = klynge_chart_style_get (theme);

  /* Once with the highlighted clinic inside the limits, once outside them. */
  for (int highlight_outside = 0; highlight_outside < 2; highlight_outside++)
    {
      g_autoptr(KlyngeChartData) data = chart_fixture_clinics (11);
      g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (KlyngeChartHit));
      g_autofree gint8 *outside = g_new0 (gint8, data->rows->len);
      KlyngeChartOptions options = { KLYNGE_CHART_FUNNEL, theme, KLYNGE_CHART_HIGHLIGHT, KLYNGE_FUNNEL_EXACT, TRUE, "2026-11-24",
                                     KLYNGE_LIMITS_CHANCE, FALSE };
      KlyngeFunnelSummary summary;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1280, 720);
      cairo_t *cr = cairo_create (surface);
      const KlyngeChartHit *you = NULL, *peer = NULL;
      guint chosen = G_MAXUINT;

      klynge_chart_funnel_classify (data, &options, outside, &summary);
      g_assert_cmpuint (summary.n_outside_998, >=, 2);
      for (guint i = 0; i < data->rows->len && chosen == G_MAXUINT; i++)
        if ((ABS (outside[i]) == 2) == highlight_outside)
          chosen = i;
      ((KlyngeChartRow *) g_ptr_array_index (data->rows, chosen))->highlighted = TRUE;
      klynge_chart_draw (cr, 1280, 720, data, &options, hits);
      cairo_surface_flush (surface);

      for (guint h = 0; h < hits->len; h++)
        {
          const KlyngeChartHit *hit = &g_array_index (hits, KlyngeChartHit, h);

          if (hit->index == chosen)
            you = hit;
          else if (ABS (outside[hit->index]) == 2)
            peer = hit;
        }
      g_assert_nonnull (you);
      g_assert_nonnull (peer);
      if (!highlight_outside)
        g_assert_cmphex (pixel_at (surface, you->x + you->width / 2, you->y + you->height / 2), !=,
                         pixel_at (surface, peer->x + peer->width / 2, peer->y + peer->height / 2));
      /* The ring around the highlighted clinic, in the text colour, and none around the peer. */
      g_assert_cmpuint (ring_pixels (surface, you, &style->foreground), >, 20);
      g_assert_cmpuint (ring_pixels (surface, peer, &style->foreground), <, 5);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  klynge_chart_set_font_family ("DejaVu Sans");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/charts/render/", cases[i].name, NULL);

      g_test_add_data_func (path, &cases[i], test_render);
    }
  g_test_add_func ("/charts/highlight/style", test_highlight_style);
  g_test_add_data_func ("/charts/highlight/light", GINT_TO_POINTER (KLYNGE_CHART_THEME_LIGHT), test_highlight_distinct);
  g_test_add_data_func ("/charts/highlight/dark", GINT_TO_POINTER (KLYNGE_CHART_THEME_DARK), test_highlight_distinct);
  g_test_add_data_func ("/charts/highlight/high-contrast", GINT_TO_POINTER (KLYNGE_CHART_THEME_HIGH_CONTRAST),
                        test_highlight_distinct);
  return g_test_run ();
}
