/* klynge-chart-attendance.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Attendance per meeting: who came, who sent word, who stayed away.
 */

#include "klynge-i18n.h"

#include <stdio.h>

#include "klynge-chart-private.h"
#include "klynge-format.h"

static double
attendance_share (const KlyngeChartMeeting *meeting)
{
  guint total = meeting->present + meeting->excused + meeting->absent;

  return total > 0 ? (double) meeting->present / total : 0;
}

static char *
short_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (iso);
  dt = g_date_time_new_utc (y, m, d, 12, 0, 0);
  /* Translators: a short date under a bar, as "9 Jun 2026"; see g_date_time_format() */
  return dt != NULL ? g_date_time_format (dt, _("%-d %b %Y")) : g_strdup (iso);
}

/* In the order of a bar's parts, from the bottom. */
static void
legend_attendance (Ctx *ctx)
{
  _klynge_chart_legend_add (ctx, &ctx->style->mark, _("Present"));
  _klynge_chart_legend_add (ctx, &ctx->style->other, _("Excused"));
  _klynge_chart_legend_add (ctx, &ctx->style->grid, _("Absent"));
}

static void
draw_attendance (Ctx *ctx)
{
  const KlyngeChartData *data = ctx->data;
  double slot = (ctx->x1 - ctx->x0) / data->meetings->len;
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  gboolean standing;

  for (guint i = 0; i < data->meetings->len; i++)
    g_ptr_array_add (dates, short_date (((KlyngeChartMeeting *) g_ptr_array_index (data->meetings, i))->date));
  standing = _klynge_chart_stand_bar_labels (ctx, (const char *const *) dates->pdata, dates->len, slot);
  ctx->ymin = 0;
  ctx->ymax = 100;
  ctx->ystep = 20;
  _klynge_chart_draw_y_axis (ctx);
  for (guint i = 0; i < data->meetings->len; i++)
    {
      const KlyngeChartMeeting *meeting = g_ptr_array_index (data->meetings, i);
      guint total = MAX (meeting->present + meeting->excused + meeting->absent, 1);
      double x = ctx->x0 + slot * i + slot * 0.15, bar = slot * 0.7, base = ctx->y1, h = ctx->y1 - ctx->y0;
      guint parts[] = { meeting->present, meeting->excused, meeting->absent };
      g_autofree char *value = NULL, *number = NULL;

      for (guint k = 0; k < 3; k++)
        {
          double part = h * parts[k] / total;

          klynge_chart_set_source (ctx->cr, ctx->legend.colours[k]);
          cairo_rectangle (ctx->cr, x, base - part, bar, part);
          cairo_fill (ctx->cr);
          base -= part;
        }
      number = _klynge_chart_format_number (100 * attendance_share (meeting), 0);
      value = g_strdup_printf (_("%s %%"), number);
      klynge_chart_set_source (ctx->cr, &ctx->style->background);
      klynge_chart_text (ctx->cr, value, MIN (0.8 * ctx->u, bar * 0.3), KLYNGE_TEXT_BOLD, x, ctx->y1 - 0.3 * ctx->u, bar, 0.5, 1);
      _klynge_chart_draw_bar_labels (ctx, ctx->x0 + slot * i, slot, g_ptr_array_index (dates, i), standing);
      _klynge_chart_add_hit (ctx, ctx->x0 + slot * i, ctx->y0, slot, h, i);
    }
  _klynge_chart_legend (ctx);
}

static void
caption_attendance (const KlyngeChartData    *data,
                    const KlyngeChartOptions *options,
                    GPtrArray                *out)
{
  guint present = 0, total = 0, lowest = 0;
  g_autofree char *mean = NULL, *low = NULL, *date = NULL, *count = _klynge_chart_format_count (data->meetings->len);
  g_autofree char *mean_number = NULL, *low_number = NULL;

  for (guint i = 0; i < data->meetings->len; i++)
    {
      const KlyngeChartMeeting *m = g_ptr_array_index (data->meetings, i);

      present += m->present;
      total += m->present + m->excused + m->absent;
      if (attendance_share (m) < attendance_share (g_ptr_array_index (data->meetings, lowest)))
        lowest = i;
    }
  mean_number = _klynge_chart_format_number (total > 0 ? 100.0 * present / total : 0, 0);
  mean = g_strdup_printf (_("%s %%"), mean_number);
  low_number = _klynge_chart_format_number (100 * attendance_share (g_ptr_array_index (data->meetings, lowest)), 0);
  low = g_strdup_printf (_("%s %%"), low_number);
  date = klynge_format_date (((KlyngeChartMeeting *) g_ptr_array_index (data->meetings, lowest))->date);
  g_ptr_array_add (out, g_strdup_printf (ngettext ("On average %1$s of the members came to the %2$s meeting; the lowest was %3$s on %4$s.",
                                                   "On average %1$s of the members came to the %2$s meetings; the lowest was %3$s on %4$s.",
                                                   data->meetings->len), mean, count, low, date));
}

static char *
describe_meeting (const KlyngeChartData *data,
                  guint                  index)
{
  const KlyngeChartMeeting *m;
  g_autofree char *date = NULL;

  if (index >= data->meetings->len)
    return NULL;
  m = g_ptr_array_index (data->meetings, index);
  date = klynge_format_date (m->date);
  return g_strdup_printf (_("%1$s, %2$s\n%3$u present, %4$u excused, %5$u absent"),
                          m->title, date, m->present, m->excused, m->absent);
}

const KlyngeChartKindClass _klynge_chart_attendance_class = {
  .name = "attendance",
  .label = N_("Attendance"),
  .shows_meetings = TRUE,
  .axis_below = 1.9,
  .legend = legend_attendance,
  .draw = draw_attendance,
  .caption = caption_attendance,
  .describe = describe_meeting,
};
