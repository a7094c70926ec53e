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
                          const char             *currency,
                          KlyngeChartTheme        theme)
{
  const KlyngeChartStyle *style = klynge_chart_style_get (theme);
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

  slot = plot_w / shown->len;
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
      klynge_chart_text (cr, line->name, FONT_SIZE, KLYNGE_TEXT_WRAP | KLYNGE_TEXT_ELLIPSIS,
                         AXIS_WIDTH + slot * i + 2, LEGEND_HEIGHT + plot_h + 3, slot - 4, 0.5, 0);
    }
}
