/* klynge-budget-chart.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include "klynge-budget-chart.h"
#include "klynge-chart-style.h"
#include "klynge-money.h"

/* GNOME palette: blue 1 for the budget, blue 4 for actual, red 3 when over. */
static const KlyngeRgb budget_rgb = { 0x99 / 255.0, 0xc1 / 255.0, 0xf1 / 255.0 };
static const KlyngeRgb actual_rgb = { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0 };
static const KlyngeRgb over_rgb = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0 };
static const KlyngeRgb label_rgb = { 0.2, 0.2, 0.2 };

#define LEGEND_HEIGHT 24.0
#define LABEL_HEIGHT  36.0
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
                          const char             *currency)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  gint64 max = 0, top;
  double plot_h = height - LEGEND_HEIGHT - LABEL_HEIGHT, plot_w = width - AXIS_WIDTH, slot;

  for (guint i = 0; i < year->lines->len; i++)
    {
      KlyngeLedgerLine *line = g_ptr_array_index (year->lines, i);

      if (line->actual == 0 && line->budget == 0)
        continue;
      g_ptr_array_add (shown, line);
      max = MAX (max, MAX (line->actual, line->budget));
    }

  klynge_chart_legend_item (cr, &budget_rgb, &label_rgb, _("Budget"), 12, AXIS_WIDTH, 12, 150);
  klynge_chart_legend_item (cr, &actual_rgb, &label_rgb, _("Actual"), 12, AXIS_WIDTH + 150, 12, 150);
  klynge_chart_legend_item (cr, &over_rgb, &label_rgb, _("Over budget"), 12, AXIS_WIDTH + 300, 12, 150);
  if (shown->len == 0 || plot_h < 20 || plot_w < 20)
    {
      cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
      show_text (cr, _("No budget or entries in this year"), AXIS_WIDTH, LEGEND_HEIGHT + plot_h / 2, plot_w, 0.5);
      return;
    }

  top = nice_ceiling (max);
  cairo_set_line_width (cr, 1);
  for (int tick = 0; tick <= 4; tick++)
    {
      double y = LEGEND_HEIGHT + plot_h - plot_h * tick / 4;
      g_autofree char *label = klynge_money_format (top / 4 * tick, NULL);

      cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
      cairo_move_to (cr, AXIS_WIDTH, (int) y + 0.5);
      cairo_line_to (cr, width, (int) y + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      show_text (cr, label, 0, y, AXIS_WIDTH - 6, 1);
    }
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  show_text (cr, currency, 0, LEGEND_HEIGHT - 6, AXIS_WIDTH - 6, 1);

  slot = plot_w / shown->len;
  for (guint i = 0; i < shown->len; i++)
    {
      KlyngeLedgerLine *line = g_ptr_array_index (shown, i);
      double bar = MIN (slot * 0.35, 40), x = AXIS_WIDTH + slot * i + (slot - 2 * bar) / 2;
      double hb = plot_h * line->budget / top, ha = plot_h * line->actual / top;
      const KlyngeRgb *actual = line->kind == KLYNGE_LEDGER_EXPENSE && line->budget > 0 && line->actual > line->budget
                             ? &over_rgb : &actual_rgb;

      klynge_chart_set_source (cr, &budget_rgb);
      cairo_rectangle (cr, x, LEGEND_HEIGHT + plot_h - hb, bar, hb);
      cairo_fill (cr);
      klynge_chart_set_source (cr, actual);
      cairo_rectangle (cr, x + bar, LEGEND_HEIGHT + plot_h - ha, bar, ha);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      show_text (cr, line->name, AXIS_WIDTH + slot * i, LEGEND_HEIGHT + plot_h + LABEL_HEIGHT / 2, slot, 0.5);
    }
}
