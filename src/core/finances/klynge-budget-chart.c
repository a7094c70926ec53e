/* klynge-budget-chart.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include "klynge-budget-chart.h"
#include "klynge-chart-style.h"
#include "klynge-money.h"


#define LEGEND_HEIGHT 24.0
/* Room for category names wrapped onto three lines under narrow bars. */
#define LABEL_HEIGHT  42.0
/* The longest a slanted category name may be before it is cut. */
#define SLANTED_WIDTH 150.0
#define AXIS_WIDTH    90.0
/* "Sans 8" at 96 dpi. */
#define FONT_SIZE     (8 * 96 / 72.0)

static void
show_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      max_width,
           double      xalign)
{
  klynge_chart_text (cr, text, FONT_SIZE, KLYNGE_TEXT_ELLIPSIS, x, y, max_width, xalign, 0.5);
}

/* Whether a word of one of the names is wider than a bar's slot: broken
 * into pieces ("Forplejnin-g", a Danish compound cut anywhere) it can no
 * longer be read, so the names are slanted instead. The width they need
 * then, or 0 when they wrap under their bars. */
static double
slanted_width (cairo_t   *cr,
               GPtrArray *shown,
               double     slot)
{
  double widest = 0;
  gboolean slant = FALSE;

  for (guint i = 0; i < shown->len; i++)
    {
      KlyngeLedgerLine *line = g_ptr_array_index (shown, i);
      g_auto(GStrv) words = g_strsplit (line->name, " ", -1);

      widest = MAX (widest, klynge_chart_text (cr, line->name, FONT_SIZE, KLYNGE_TEXT_MEASURE_WIDTH, 0, 0, 0, 0, 0));
      for (guint w = 0; words[w] != NULL; w++)
        if (klynge_chart_text (cr, words[w], FONT_SIZE, KLYNGE_TEXT_MEASURE_WIDTH, 0, 0, 0, 0, 0) > slot - 4)
          slant = TRUE;
    }
  return slant ? MIN (widest, SLANTED_WIDTH) : 0;
}

static void
show_slanted (cairo_t    *cr,
              const char *text,
              double      x,
              double      y,
              double      max_width)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_save (cr);
  /* Glyphs placed on the pixel grid of unrotated text crowd each other. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, -G_PI / 4);
  /* Ends under the bar, reading upwards from the left. */
  klynge_chart_text (cr, text, FONT_SIZE, KLYNGE_TEXT_ELLIPSIS, -max_width, 0, max_width, 1, 0.5);
  cairo_restore (cr);
}

/* A round axis maximum (1, 2 or 5 × 10^n major units) above @value minor units. */
static gint64
nice_ceiling (gint64 value)
{
  gint64 step = 100;

  while (TRUE)
    {
      if (value <= step)
        return step;
      if (value <= 2 * step)
        return 2 * step;
      if (value <= 5 * step)
        return 5 * step;
      step *= 10;
    }
}

void
klynge_budget_chart_draw (cairo_t                *cr,
                          double                  width,
                          double                  height,
                          const KlyngeLedgerYear *year,
                          const char             *currency,
                          KlyngeChartTheme        theme)
{
  const KlyngeChartStyle *style = klynge_chart_style_get (theme);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  gint64 max = 0, top;
  double plot_h, plot_w = width - AXIS_WIDTH, slot, slant = 0;

  for (guint i = 0; i < year->lines->len; i++)
    {
      KlyngeLedgerLine *line = g_ptr_array_index (year->lines, i);

      if (line->actual == 0 && line->budget == 0)
        continue;
      g_ptr_array_add (shown, line);
      max = MAX (max, MAX (line->actual, line->budget));
    }

  slot = shown->len > 0 ? plot_w / shown->len : plot_w;
  slant = slanted_width (cr, shown, slot);
  plot_h = height - LEGEND_HEIGHT - (slant > 0 ? slant * G_SQRT2 / 2 + FONT_SIZE : LABEL_HEIGHT);

  /* Budget pale, actual strong, overspending in the alarm colour. */
  klynge_chart_legend_item (cr, &style->other, &style->foreground, _("Budget"), 12, AXIS_WIDTH, 12, 150);
  klynge_chart_legend_item (cr, &style->mark, &style->foreground, _("Actual"), 12, AXIS_WIDTH + 150, 12, 150);
  klynge_chart_legend_item (cr, &style->alarm, &style->foreground, _("Over budget"), 12, AXIS_WIDTH + 300, 12, 150);
  if (shown->len == 0 || plot_h < 20 || plot_w < 20)
    {
      klynge_chart_set_source (cr, &style->muted);
      show_text (cr, _("No budget or entries in this year"), AXIS_WIDTH, LEGEND_HEIGHT + plot_h / 2, plot_w, 0.5);
      return;
    }

  top = nice_ceiling (max);
  cairo_set_line_width (cr, 1);
  for (int tick = 0; tick <= 4; tick++)
    {
      double y = LEGEND_HEIGHT + plot_h - plot_h * tick / 4;
      g_autofree char *label = klynge_money_format (top / 4 * tick, NULL);

      klynge_chart_set_source (cr, &style->grid);
      cairo_move_to (cr, AXIS_WIDTH, (int) y + 0.5);
      cairo_line_to (cr, width, (int) y + 0.5);
      cairo_stroke (cr);
      klynge_chart_set_source (cr, &style->muted);
      show_text (cr, label, 0, y, AXIS_WIDTH - 6, 1);
    }
  klynge_chart_set_source (cr, &style->muted);
  /* On the legend's line: just above the top tick it overlapped that tick's label. */
  show_text (cr, currency, 0, 12, AXIS_WIDTH - 6, 1);

  for (guint i = 0; i < shown->len; i++)
    {
      KlyngeLedgerLine *line = g_ptr_array_index (shown, i);
      double bar = MIN (slot * 0.35, 40), x = AXIS_WIDTH + slot * i + (slot - 2 * bar) / 2;
      double hb = plot_h * line->budget / top, ha = plot_h * line->actual / top;
      const KlyngeRgb *actual = line->kind == KLYNGE_LEDGER_EXPENSE && line->budget > 0 && line->actual > line->budget
                             ? &style->alarm : &style->mark;

      klynge_chart_set_source (cr, &style->other);
      cairo_rectangle (cr, x, LEGEND_HEIGHT + plot_h - hb, bar, hb);
      cairo_fill (cr);
      klynge_chart_set_source (cr, actual);
      cairo_rectangle (cr, x + bar, LEGEND_HEIGHT + plot_h - ha, bar, ha);
      cairo_fill (cr);
      klynge_chart_set_source (cr, &style->foreground);
      if (slant > 0)
        show_slanted (cr, line->name, AXIS_WIDTH + slot * (i + 0.5), LEGEND_HEIGHT + plot_h + 6, slant);
      else
        klynge_chart_text (cr, line->name, FONT_SIZE, KLYNGE_TEXT_WRAP | KLYNGE_TEXT_ELLIPSIS,
                           AXIS_WIDTH + slot * i + 2, LEGEND_HEIGHT + plot_h + 3, slot - 4, 0.5, 0);
    }
}
