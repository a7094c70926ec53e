/* klynge-chart-view.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart on screen: the core's drawing at the widget's size, and the numbers
 * of the clinic under the pointer as a tooltip. Shared by the Charts area and
 * the presentation.
 */

#include "klynge-chart-view.h"

struct _KlyngeChartView
{
  GtkDrawingArea      parent_instance;

  KlyngeChartData    *data;
  KlyngeChartOptions  options;
  GArray             *hits;
};

G_DEFINE_FINAL_TYPE (KlyngeChartView, klynge_chart_view, GTK_TYPE_DRAWING_AREA)

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  KlyngeChartView *self = KLYNGE_CHART_VIEW (area);

  g_array_set_size (self->hits, 0);
  if (self->data != NULL)
    klynge_chart_draw (cr, width, height, self->data, &self->options, self->hits);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  KlyngeChartView *self = KLYNGE_CHART_VIEW (widget);
  g_autofree char *text = NULL;
  int index;

  if (self->data == NULL || keyboard)
    return FALSE;
  index = klynge_chart_hit_test (self->hits, x, y);
  /* Away from the points, the clinics that cannot be drawn. */
  if (index < 0 && self->options.kind != KLYNGE_CHART_ATTENDANCE)
    text = klynge_chart_suppressed_note (self->data);
  else if (index >= 0)
    text = klynge_chart_describe (self->data, &self->options, index);
  gtk_tooltip_set_text (tooltip, text);
  return text != NULL;
}

static void
klynge_chart_view_finalize (GObject *object)
{
  KlyngeChartView *self = KLYNGE_CHART_VIEW (object);

  g_clear_pointer (&self->data, klynge_chart_data_free);
  g_array_unref (self->hits);

  G_OBJECT_CLASS (klynge_chart_view_parent_class)->finalize (object);
}

static void
klynge_chart_view_class_init (KlyngeChartViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = klynge_chart_view_finalize;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
klynge_chart_view_init (KlyngeChartView *self)
{
  self->hits = g_array_new (FALSE, FALSE, sizeof (KlyngeChartHit));
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

GtkWidget *
klynge_chart_view_new (void)
{
  return g_object_new (KLYNGE_TYPE_CHART_VIEW, NULL);
}

/**
 * klynge_chart_view_set:
 * @data: (transfer full) (nullable): what to draw
 *
 * Shows @data as @options say; the caption becomes the accessible description.
 */
void
klynge_chart_view_set (KlyngeChartView          *self,
                       KlyngeChartData          *data,
                       const KlyngeChartOptions *options)
{
  g_clear_pointer (&self->data, klynge_chart_data_free);
  self->data = data;
  self->options = *options;
  if (data != NULL)
    {
      g_autofree char *caption = klynge_chart_caption (data, options);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caption, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Returns: (transfer none) (nullable): what the view shows */
const KlyngeChartData *
klynge_chart_view_get_data (KlyngeChartView *self)
{
  return self->data;
}

/* Returns: (transfer none): how the view draws its data */
const KlyngeChartOptions *
klynge_chart_view_get_options (KlyngeChartView *self)
{
  return &self->options;
}
