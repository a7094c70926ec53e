/* klynge-presentation.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The facilitator's fullscreen slides: a meeting's charts (or one
 * indicator's), one per slide, stepped with the keys presenter clickers send.
 * The slides are read again when the data change, so a file dropped during
 * the meeting shows on the projector at once, on the slide already shown.
 */

#include "klynge-i18n.h"

#include "klynge-chart-export.h"
#include "klynge-chart-view.h"
#include "klynge-import-sheet.h"
#include "klynge-presentation.h"

struct _KlyngePresentation
{
  AdwWindow           parent_instance;

  KlyngeChartView    *view;
  GtkLabel           *position_label;

  KlyngeContext      *context;
  gint64              meeting_id;
  gint64              indicator_id;
  char               *period;    /* without a meeting: the page's period; NULL, the latest */
  gint64              highlight_clinic;
  KlyngeChartOptions  options;
  GPtrArray          *slides;    /* KlyngeSlide */
  guint               index;
};

G_DEFINE_FINAL_TYPE (KlyngePresentation, klynge_presentation, ADW_TYPE_WINDOW)

/* Without a meeting: the indicator's own charts, then the attendance. */
static GPtrArray *
indicator_slides (KlyngePresentation  *self,
                  KlyngeDb            *db,
                  gint64               cluster,
                  GError             **error)
{
  g_autoptr(GPtrArray) slides = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_slide_free);
  static const KlyngeChartKind kinds[] = { KLYNGE_CHART_BARS, KLYNGE_CHART_FUNNEL, KLYNGE_CHART_RUN, KLYNGE_CHART_ATTENDANCE };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      KlyngeChartRequest request = { cluster, 0, self->indicator_id, self->period, NULL, self->highlight_clinic, self->options };
      KlyngeSlide *slide = g_new0 (KlyngeSlide, 1);

      slide->kind = request.options.kind = kinds[k];
      if (kinds[k] == KLYNGE_CHART_ATTENDANCE || self->indicator_id != 0)
        slide->data = klynge_chart_request_load (db, &request, error);
      if (slide->data == NULL)
        {
          g_free (slide);
          if (error != NULL && *error != NULL)
            return NULL;
          continue;
        }
      g_ptr_array_add (slides, slide);
    }
  return g_steal_pointer (&slides);
}

static void
show_slide (KlyngePresentation *self)
{
  KlyngeSlide *slide;
  KlyngeChartOptions options = self->options;
  g_autofree char *position = NULL;

  if (self->slides == NULL || self->slides->len == 0)
    return;
  self->index = MIN (self->index, self->slides->len - 1);
  /* Where the facilitator is in the deck, small enough not to distract. */
  position = g_strdup_printf ("%u / %u", self->index + 1, self->slides->len);
  gtk_label_set_text (self->position_label, position);
  slide = g_ptr_array_index (self->slides, self->index);
  options.kind = slide->kind;
  options.slide = TRUE;
  /* The view owns what it shows; go_to() reads the slides again each time. */
  klynge_chart_view_set (self->view, g_steal_pointer (&slide->data), &options);
}

static void
load_slides (KlyngePresentation *self)
{
  KlyngeDb *db = klynge_context_get_db (self->context);
  gint64 cluster = klynge_context_get_cluster_id (self->context);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->slides, g_ptr_array_unref);
  if (db == NULL)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (self->meeting_id != 0)
    self->slides = klynge_chart_meeting_slides (db, cluster, self->meeting_id, &self->options, self->highlight_clinic, &error);
  else
    self->slides = indicator_slides (self, db, cluster, &error);
  if (self->slides == NULL)
    g_warning ("The presentation could not read its slides: %s", error->message);
}

static void
go_to (KlyngePresentation *self,
       guint               index)
{
  /* Slides hand their data to the view, so read them again before showing. */
  load_slides (self);
  self->index = index;
  show_slide (self);
}

static void
context_changed_cb (KlyngePresentation *self)
{
  go_to (self, self->index);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlyngePresentation *self = KLYNGE_PRESENTATION (widget);

  go_to (self, self->index + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KlyngePresentation *self = KLYNGE_PRESENTATION (widget);

  if (self->index > 0)
    go_to (self, self->index - 1);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
contrast_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KlyngePresentation *self = KLYNGE_PRESENTATION (widget);

  self->options.theme = self->options.theme == KLYNGE_CHART_THEME_HIGH_CONTRAST
                        ? KLYNGE_CHART_THEME_DARK : KLYNGE_CHART_THEME_HIGH_CONTRAST;
  go_to (self, self->index);
}

static void
klynge_presentation_dispose (GObject *object)
{
  KlyngePresentation *self = KLYNGE_PRESENTATION (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_clear_pointer (&self->period, g_free);

  G_OBJECT_CLASS (klynge_presentation_parent_class)->dispose (object);
}

static void
klynge_presentation_class_init (KlyngePresentationClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint next_keys[] = { GDK_KEY_Right, GDK_KEY_Page_Down, GDK_KEY_space, GDK_KEY_Down, GDK_KEY_KP_Page_Down };
  static const guint previous_keys[] = { GDK_KEY_Left, GDK_KEY_Page_Up, GDK_KEY_BackSpace, GDK_KEY_Up, GDK_KEY_KP_Page_Up };

  G_OBJECT_CLASS (klass)->dispose = klynge_presentation_dispose;

  g_type_ensure (KLYNGE_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/charts/klynge-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngePresentation, view);
  gtk_widget_class_bind_template_child (widget_class, KlyngePresentation, position_label);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "presentation.contrast", NULL, contrast_action);
  for (guint i = 0; i < G_N_ELEMENTS (next_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, next_keys[i], 0, "presentation.next", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (previous_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, previous_keys[i], 0, "presentation.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "presentation.leave", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, 0, "presentation.contrast", NULL);
}

static void
klynge_presentation_init (KlyngePresentation *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * klynge_presentation_new:
 * @meeting_id: the meeting whose slides to show, or 0 for @indicator_id's charts
 * @period: (nullable): the period of @indicator_id's charts; %NULL, the latest
 *
 * Returns: (transfer none): a fullscreen window, dark, showing the first slide
 *   of the chart kind in @options (what the page showed when F5 was pressed)
 */
GtkWindow *
klynge_presentation_new (KlyngeContext            *context,
                         gint64                    meeting_id,
                         gint64                    indicator_id,
                         const char               *period,
                         const KlyngeChartOptions *options,
                         gint64                    highlight_clinic)
{
  KlyngePresentation *self = g_object_new (KLYNGE_TYPE_PRESENTATION, NULL);
  guint first = 0;

  self->context = g_object_ref (context);
  self->meeting_id = meeting_id;
  self->indicator_id = indicator_id;
  self->period = g_strdup (period);
  self->highlight_clinic = highlight_clinic;
  self->options = *options;
  /* A projector shows a dark slide best in a dim room. */
  self->options.theme = KLYNGE_CHART_THEME_DARK;
  g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  /* A clinic's file dropped on the slide is imported live, and the slide redraws. */
  klynge_import_sheet_accept_drops (GTK_WINDOW (self), context);
  load_slides (self);
  for (guint i = 0; self->slides != NULL && i < self->slides->len; i++)
    if (((KlyngeSlide *) g_ptr_array_index (self->slides, i))->kind == options->kind)
      {
        first = i;
        break;
      }
  go_to (self, first);
  gtk_window_fullscreen (GTK_WINDOW (self));
  return GTK_WINDOW (self);
}

guint
klynge_presentation_get_slide (KlyngePresentation *self)
{
  return self->index;
}

guint
klynge_presentation_get_n_slides (KlyngePresentation *self)
{
  return self->slides != NULL ? self->slides->len : 0;
}
