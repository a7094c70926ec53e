/* test-chart-style.c — the charts' palettes can be read
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every colour that marks a clinic, a limit or a level stands at least 3:1
 * against the chart's background (WCAG 2.1, 1.4.11: graphical objects), and
 * every colour text is drawn in at least 4.5:1 (1.4.3), in the light, dark
 * and high-contrast themes. Ratios as WCAG defines them, from relative
 * luminance.
 */

#include <math.h>

#include "klynge-chart-style.h"

static double
channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const KlyngeRgb *colour)
{
  return 0.2126 * channel (colour->r) + 0.7152 * channel (colour->g) + 0.0722 * channel (colour->b);
}

static double
contrast (const KlyngeRgb *a,
          const KlyngeRgb *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

#define ROLE(name) { #name, G_STRUCT_OFFSET (KlyngeChartStyle, name) }

typedef struct
{
  const char *name;
  glong       offset;
} Role;

/* The grid is left out: it only helps the eye and carries nothing of its own. */
static const Role marks[] = {
  ROLE (mark), ROLE (other), ROLE (highlight), ROLE (pooled), ROLE (reference), ROLE (target),
  ROLE (warning), ROLE (alarm), ROLE (better), ROLE (similar),
};

/* What is written in colour: titles and axes, notes, the levels' labels and
 * the highlighted clinic's name at the end of its run. */
static const Role texts[] = {
  ROLE (foreground), ROLE (muted), ROLE (pooled), ROLE (reference), ROLE (target), ROLE (highlight),
};

static void
check (const Role *roles,
       guint       n_roles,
       double      minimum)
{
  static const char *themes[] = { "light", "dark", "high contrast" };

  for (guint t = KLYNGE_CHART_THEME_LIGHT; t <= KLYNGE_CHART_THEME_HIGH_CONTRAST; t++)
    {
      const KlyngeChartStyle *style = klynge_chart_style_get (t);

      for (guint i = 0; i < n_roles; i++)
        {
          const KlyngeRgb *colour = G_STRUCT_MEMBER_P (style, roles[i].offset);
          double ratio = contrast (colour, &style->background);

          if (ratio < minimum)
            g_error ("%s theme: %s is %.2f:1 against the background, below %.1f:1",
                     themes[t], roles[i].name, ratio, minimum);
        }
    }
}

static void
test_marks (void)
{
  check (marks, G_N_ELEMENTS (marks), 3.0);
}

static void
test_texts (void)
{
  check (texts, G_N_ELEMENTS (texts), 4.5);
}

/* The ratio itself, on WCAG's own examples. */
static void
test_ratio (void)
{
  KlyngeRgb black = { 0, 0, 0 }, white = { 1, 1, 1 }, grey = { 0x77 / 255.0, 0x77 / 255.0, 0x77 / 255.0 };

  g_assert_cmpfloat_with_epsilon (contrast (&black, &white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (contrast (&white, &white), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (contrast (&grey, &white), 4.48, 0.01);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-style/ratio", test_ratio);
  g_test_add_func ("/chart-style/marks-3-to-1", test_marks);
  g_test_add_func ("/chart-style/text-4.5-to-1", test_texts);

  return g_test_run ();
}
