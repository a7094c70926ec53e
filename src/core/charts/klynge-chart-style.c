/* klynge-chart-style.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every chart of Klynge shares: the themes and the text. Text goes
 * through pango with sizes in device units, so a chart drawn at 3840×2160 is
 * the one drawn at 1920×1080, only sharper.
 */

#include <pango/pangocairo.h>

#include <math.h>

#include "klynge-chart-style.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

static const KlyngeChartStyle styles[] = {
  /* Okabe–Ito's orange, green, purple and sky blue darkened (and the faded
   * peers made stronger) until every mark stands 3:1 and every text 4.5:1
   * against the background (WCAG 2.1, 1.4.11 and 1.4.3); test-chart-style
   * computes the ratios. */
  [KLYNGE_CHART_THEME_LIGHT] = {
    RGB (0xffffff), RGB (0x1e1e1e), RGB (0x5e5c64), RGB (0xdeddda),
    RGB (0x0072b2), RGB (0x7796aa), RGB (0x0072b2), RGB (0x008661),
    RGB (0xa36085), RGB (0x000000), RGB (0xc38700), RGB (0xd55e00), 1.0,
    RGB (0x499ac8), RGB (0x77767b),
  },
  [KLYNGE_CHART_THEME_DARK] = {
    RGB (0x1e1e1e), RGB (0xffffff), RGB (0xc0bfbc), RGB (0x3d3846),
    RGB (0x56b4e9), RGB (0x476f87), RGB (0x56b4e9), RGB (0x009e73),
    RGB (0xcc79a7), RGB (0xffffff), RGB (0xe69f00), RGB (0xff7a2e), 1.0,
    RGB (0xa6dcff), RGB (0x9a9996),
  },
  [KLYNGE_CHART_THEME_HIGH_CONTRAST] = {
    RGB (0x000000), RGB (0xffffff), RGB (0xffffff), RGB (0x6a6a6a),
    RGB (0x56b4e9), RGB (0x3e6f8e), RGB (0x56b4e9), RGB (0x00c08c),
    RGB (0xe08cc0), RGB (0xffffff), RGB (0xe69f00), RGB (0xff7a2e), 1.6,
    RGB (0xa6dcff), RGB (0xc0bfbc),
  },
};

/* Tests and benches fix the family so a rendering does not depend on the fonts installed. */
static char *font_family;

const KlyngeChartStyle *
klynge_chart_style_get (KlyngeChartTheme theme)
{
  return &styles[CLAMP (theme, KLYNGE_CHART_THEME_LIGHT, KLYNGE_CHART_THEME_HIGH_CONTRAST)];
}

void
klynge_chart_set_font_family (const char *family)
{
  g_free (font_family);
  font_family = g_strdup (family);
}

void
klynge_chart_set_source (cairo_t         *cr,
                         const KlyngeRgb *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

static KlyngeTextObserver text_observer;
static gpointer           text_observer_data;

/**
 * klynge_chart_observe_text:
 * @observer: (nullable): told of each text drawn from now on; %NULL to stop
 *
 * Not thread-safe: for tests, which draw on one thread.
 */
void
klynge_chart_observe_text (KlyngeTextObserver observer,
                           gpointer           user_data)
{
  text_observer = observer;
  text_observer_data = user_data;
}

/* Tells the observer where the layout about to be shown at the current point lands on the device. */
static void
observe (cairo_t        *cr,
         PangoLayout    *layout,
         const char     *text,
         double          size,
         PangoRectangle *logical)
{
  double x0, y0, xs[4], ys[4];
  cairo_rectangle_t box;
  double scale_x = 1, scale_y = 0;

  cairo_get_current_point (cr, &x0, &y0);
  for (int k = 0; k < 4; k++)
    {
      xs[k] = x0 + logical->x + (k & 1 ? logical->width : 0);
      ys[k] = y0 + logical->y + (k & 2 ? logical->height : 0);
      cairo_user_to_device (cr, &xs[k], &ys[k]);
    }
  box.x = MIN (MIN (xs[0], xs[1]), MIN (xs[2], xs[3]));
  box.y = MIN (MIN (ys[0], ys[1]), MIN (ys[2], ys[3]));
  box.width = MAX (MAX (xs[0], xs[1]), MAX (xs[2], xs[3])) - box.x;
  box.height = MAX (MAX (ys[0], ys[1]), MAX (ys[2], ys[3])) - box.y;
  cairo_user_to_device_distance (cr, &scale_x, &scale_y);
  text_observer (text, size * hypot (scale_x, scale_y), &box, pango_layout_is_ellipsized (layout), text_observer_data);
}

/**
 * klynge_chart_text:
 * @size: the font size in device units
 * @width: the width the text may take; 0 for any
 * @xalign: 0 left, 0.5 centred, 1 right, relative to (@x, @width)
 * @yalign: 0 puts the top at @y, 0.5 the middle, 1 the bottom
 *
 * Draws @text in the current source colour.
 *
 * Returns: the height the text took (its width with %KLYNGE_TEXT_MEASURE_WIDTH)
 */
double
klynge_chart_text (cairo_t         *cr,
                   const char      *text,
                   double           size,
                   KlyngeTextFlags  flags,
                   double           x,
                   double           y,
                   double           width,
                   double           xalign,
                   double           yalign)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();
  PangoRectangle ink, logical;

  pango_font_description_set_family (font, font_family != NULL ? font_family : "Sans");
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (flags & KLYNGE_TEXT_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_alignment (layout, xalign > 0.7 ? PANGO_ALIGN_RIGHT : xalign > 0.3 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
      if (flags & KLYNGE_TEXT_WRAP)
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          /* Both: narrow labels wrap onto a few lines before they are cut. */
          if (flags & KLYNGE_TEXT_ELLIPSIS)
            {
              pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
              pango_layout_set_height (layout, -KLYNGE_TEXT_MAX_LINES);
            }
        }
      else
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_extents (layout, &ink, &logical);
  if (flags & KLYNGE_TEXT_MEASURE_WIDTH)
    return logical.width;
  if (flags & KLYNGE_TEXT_MEASURE)
    return logical.height;
  cairo_move_to (cr, width > 0 ? x : x - xalign * logical.width, y - yalign * logical.height);
  if (text_observer != NULL)
    observe (cr, layout, text, size, &logical);
  pango_cairo_show_layout (cr, layout);
  return logical.height;
}

/* A coloured square and its label, centred vertically on @y. */
void
klynge_chart_legend_item (cairo_t         *cr,
                          const KlyngeRgb *swatch,
                          const KlyngeRgb *text_colour,
                          const char      *label,
                          double           size,
                          double           x,
                          double           y,
                          double           width)
{
  klynge_chart_set_source (cr, swatch);
  cairo_rectangle (cr, x, y - size / 2, size, size);
  cairo_fill (cr);
  klynge_chart_set_source (cr, text_colour);
  klynge_chart_text (cr, label, size, KLYNGE_TEXT_ELLIPSIS, x + size * 1.4, y, width - size * 1.4, 0, 0.5);
}
