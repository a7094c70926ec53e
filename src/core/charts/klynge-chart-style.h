/* klynge-chart-style.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KLYNGE_CHART_THEME_LIGHT,
  KLYNGE_CHART_THEME_DARK,
  KLYNGE_CHART_THEME_HIGH_CONTRAST,
} KlyngeChartTheme;

typedef struct
{
  double r, g, b;
} KlyngeRgb;

/**
 * KlyngeChartStyle:
 *
 * The colours of one theme, taken from the Okabe–Ito palette (Okabe & Ito,
 * "Color Universal Design", 2008) so that every role stays distinct for
 * readers with any common colour-vision deficiency.
 *
 * The highlighted clinic ("this is you") is the strong blue of the clinics
 * among their pale peers, on the blue side of the one axis every common
 * colour-vision deficiency keeps, far from the orange and vermillion that
 * mean "unusual"; the charts add a ring in the text colour, so the
 * highlight never rests on colour alone.
 */
typedef struct
{
  KlyngeRgb background;
  KlyngeRgb foreground;
  KlyngeRgb muted;
  KlyngeRgb grid;
  KlyngeRgb mark;        /* a clinic */
  KlyngeRgb other;       /* the anonymous peers when one clinic is highlighted */
  KlyngeRgb highlight;   /* the highlighted clinic: never warning or alarm */
  KlyngeRgb pooled;      /* the cluster's value */
  KlyngeRgb reference;
  KlyngeRgb target;
  KlyngeRgb warning;     /* outside the 95 % limits */
  KlyngeRgb alarm;       /* outside the 99.8 % limits; worse than the cluster */
  double    line_scale;
  KlyngeRgb better;      /* better than the cluster beyond chance: a lighter blue than the highlight */
  KlyngeRgb similar;     /* a clinic like the cluster: no more than chance */
} KlyngeChartStyle;

#define KLYNGE_TEXT_MAX_LINES 3

typedef enum
{
  KLYNGE_TEXT_BOLD     = 1 << 0,
  KLYNGE_TEXT_WRAP     = 1 << 1,
  KLYNGE_TEXT_ELLIPSIS = 1 << 2,  /* with WRAP: at most KLYNGE_TEXT_MAX_LINES lines */
  KLYNGE_TEXT_MEASURE  = 1 << 3,  /* only return the height */
  KLYNGE_TEXT_MEASURE_WIDTH = 1 << 4,  /* only return the width */
} KlyngeTextFlags;

/**
 * KlyngeTextObserver:
 * @size: the font size in device pixels
 * @box: where the text was drawn, in device pixels
 * @ellipsized: whether part of it was cut
 *
 * Told of every text a chart draws: how the layout tests check that a slide
 * is readable from the back of a room.
 */
typedef void (*KlyngeTextObserver) (const char            *text,
                                    double                 size,
                                    const cairo_rectangle_t *box,
                                    gboolean               ellipsized,
                                    gpointer               user_data);

const KlyngeChartStyle *klynge_chart_style_get       (KlyngeChartTheme  theme);
void                    klynge_chart_observe_text    (KlyngeTextObserver observer,
                                                      gpointer          user_data);
void                    klynge_chart_set_font_family (const char       *family);
void                    klynge_chart_set_source      (cairo_t          *cr,
                                                      const KlyngeRgb  *colour);
double                  klynge_chart_text            (cairo_t          *cr,
                                                      const char       *text,
                                                      double            size,
                                                      KlyngeTextFlags   flags,
                                                      double            x,
                                                      double            y,
                                                      double            width,
                                                      double            xalign,
                                                      double            yalign);
void                    klynge_chart_legend_item     (cairo_t          *cr,
                                                      const KlyngeRgb  *swatch,
                                                      const KlyngeRgb  *text_colour,
                                                      const char       *label,
                                                      double            size,
                                                      double            x,
                                                      double            y,
                                                      double            width);

G_END_DECLS
