/* klynge-chart-view.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart on screen: the core's drawing at the widget's size, and the numbers
 * of the clinic under the pointer as a tooltip. Shared by the Charts area and
 * the presentation.
 *
 * The keyboard reaches the same numbers: the arrow keys step from clinic to
 * clinic in the order they were drawn, ring the one reached, show its numbers
 * as the hover does, and make them the view's accessible name, which a screen
 * reader announces as it changes.
 */

#include "klynge-i18n.h"

#include "klynge-chart-view.h"

struct _KlyngeChartView
{
  GtkDrawingArea      parent_instance;

  KlyngeChartData    *data;
  KlyngeChartOptions  options;
  GArray             *hits;
  int                 current;  /* the row (or meeting) the keys reached, -1 for none */
};

G_DEFINE_FINAL_TYPE (KlyngeChartView, klynge_chart_view, GTK_TYPE_DRAWING_AREA)

static const KlyngeChartHit *
find_hit (KlyngeChartView *self,
          int              index)
{
  for (guint i = 0; i < self->hits->len; i++)
    if ((int) g_array_index (self->hits, KlyngeChartHit, i).index == index)
      return &g_array_index (self->hits, KlyngeChartHit, i);
  return NULL;
}

/* The numbers of the mark the keys reached, in a box beside its ring, as a
 * tooltip would show them on hover. */
static void
draw_current (KlyngeChartView *self,
              cairo_t         *cr,
              int              width,
              int              height)
{
  const KlyngeChartStyle *style = klynge_chart_style_get (self->options.theme);
  const KlyngeChartHit *hit = find_hit (self, self->current);
  g_autofree char *text = NULL;
  double size = 14, pad = 6, w, h, x, y;

  if (hit == NULL)
    return;
  text = klynge_chart_describe (self->data, &self->options, self->current);
  cairo_save (cr);
  klynge_chart_set_source (cr, &style->foreground);
  cairo_set_line_width (cr, 2 * style->line_scale);
  cairo_rectangle (cr, hit->x - 3, hit->y - 3, hit->width + 6, hit->height + 6);
  cairo_stroke (cr);
  if (text != NULL)
    {
      w = MIN (klynge_chart_text (cr, text, size, KLYNGE_TEXT_MEASURE_WIDTH, 0, 0, 0, 0, 0), width - 2 * pad);
      h = klynge_chart_text (cr, text, size, KLYNGE_TEXT_MEASURE | KLYNGE_TEXT_WRAP, 0, 0, w, 0, 0);
      x = CLAMP (hit->x + hit->width / 2 - w / 2, pad, MAX (pad, width - w - pad));
      y = hit->y + hit->height + 3 * pad;
      if (y + h + pad > height)
        y = MAX (pad, hit->y - h - 3 * pad);
      klynge_chart_set_source (cr, &style->background);
      cairo_rectangle (cr, x - pad, y - pad, w + 2 * pad, h + 2 * pad);
      cairo_fill_preserve (cr);
      klynge_chart_set_source (cr, &style->foreground);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      klynge_chart_text (cr, text, size, KLYNGE_TEXT_WRAP, x, y, w, 0, 0);
    }
  cairo_restore (cr);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  KlyngeChartView *self = KLYNGE_CHART_VIEW (area);

  g_array_set_size (self->hits, 0);
  if (self->data == NULL)
    return;
  klynge_chart_draw (cr, width, height, self->data, &self->options, self->hits);
  if (self->current >= 0 && gtk_widget_has_focus (GTK_WIDGET (self)))
    draw_current (self, cr, width, height);
}

/* What a screen reader calls the chart: its title, or the numbers of the
 * clinic the keys reached. */
static void
update_label (KlyngeChartView *self)
{
  g_autofree char *label = NULL;

  if (self->data == NULL)
    label = g_strdup (_("Chart"));
  else if (self->current >= 0)
    label = klynge_chart_describe (self->data, &self->options, self->current);
  else
    label = klynge_chart_title (self->data, &self->options);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Moves @step marks on in drawing order (G_MAXINT/-G_MAXINT: the last or first). */
static void
move (KlyngeChartView *self,
      int              step)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (int));
  int at = -1, next;

  for (guint i = 0; i < self->hits->len; i++)
    {
      int index = g_array_index (self->hits, KlyngeChartHit, i).index;
      gboolean seen = FALSE;

      for (guint j = 0; j < order->len && !seen; j++)
        seen = g_array_index (order, int, j) == index;
      if (seen)
        continue;
      if (index == self->current)
        at = order->len;
      g_array_append_val (order, index);
    }
  if (order->len == 0)
    return;
  if (at < 0)
    next = step > 0 ? 0 : (int) order->len - 1;
  else
    next = CLAMP ((gint64) at + step, 0, (int) order->len - 1);
  if (ABS (step) == G_MAXINT)
    next = step > 0 ? (int) order->len - 1 : 0;
  self->current = g_array_index (order, int, next);
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KlyngeChartView       *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right: case GDK_KEY_KP_Right: case GDK_KEY_Down: case GDK_KEY_KP_Down:
      move (self, 1);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: case GDK_KEY_Up: case GDK_KEY_KP_Up:
      move (self, -1);
      return TRUE;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      move (self, -G_MAXINT);
      return TRUE;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      move (self, G_MAXINT);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
focus_changed_cb (KlyngeChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->hits = g_array_new (FALSE, FALSE, sizeof (KlyngeChartHit));
  self->current = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  update_label (self);
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
 * The clinic the keys reached stays reached while the new data still has it
 * (a live import redraws the chart under the reader).
 */
void
klynge_chart_view_set (KlyngeChartView          *self,
                       KlyngeChartData          *data,
                       const KlyngeChartOptions *options)
{
  if (data == NULL || self->data == NULL || options->kind != self->options.kind
      || self->current >= (int) (options->kind == KLYNGE_CHART_ATTENDANCE ? data->meetings->len : data->rows->len))
    self->current = -1;
  g_clear_pointer (&self->data, klynge_chart_data_free);
  self->data = data;
  self->options = *options;
  if (data != NULL)
    {
      g_autofree char *caption = klynge_chart_caption (data, options);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caption, -1);
    }
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Returns: the theme the chart is drawn in */
KlyngeChartTheme
klynge_chart_view_get_theme (KlyngeChartView *self)
{
  return self->options.theme;
}

/* Returns: the row (or meeting) the arrow keys reached, -1 for none */
int
klynge_chart_view_get_current (KlyngeChartView *self)
{
  return self->current;
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
