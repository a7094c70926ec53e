/* klynge-presentation.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The facilitator's fullscreen slides: a meeting's charts (or one
 * indicator's), one per slide, driven by the keys presenter clickers send.
 * The slides are read again when the data change, so a file dropped during
 * the meeting shows on the projector at once, on the slide already shown.
 */

#include "klynge-i18n.h"

#include "klynge-chart-export.h"
#include "klynge-chart-view.h"
#include "klynge-import-sheet.h"
#include "klynge-presentation.h"

/* How long the pointer may rest before it leaves the projected slide. */
#define POINTER_REST_MS 1000

typedef enum
{
  CURTAIN_NONE,
  CURTAIN_BLACK,
  CURTAIN_WHITE,
} Curtain;

struct _KlyngePresentation
{
  AdwWindow           parent_instance;

  GtkStack           *stack;
  KlyngeChartView    *view;
  AdwStatusPage      *error_page;
  GtkFlowBox         *overview;
  GtkLabel           *position_label;
  GtkDrawingArea     *curtain;

  KlyngeContext      *context;
  gint64              meeting_id;
  gint64              indicator_id;
  char               *period;    /* the page's period of its indicator; NULL, the latest */
  gint64              highlight_clinic;
  KlyngeChartOptions  options;
  gboolean            theme_chosen;  /* by a key, so the system's setting no longer decides */
  GPtrArray          *slides;    /* KlyngeSlide */
  guint               index;
  GString            *typed;     /* digits of a slide number, until Enter */
  Curtain             curtain_colour;
  guint               rest_source;
  double              pointer_x, pointer_y;
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

/* A period chosen by hand on the page is the one projected for its indicator. */
static gboolean
apply_page_period (KlyngePresentation  *self,
                   KlyngeDb            *db,
                   gint64               cluster,
                   GError             **error)
{
  for (guint i = 0; self->period != NULL && i < self->slides->len; i++)
    {
      KlyngeSlide *slide = g_ptr_array_index (self->slides, i);
      KlyngeChartData *data;

      if (slide->kind == KLYNGE_CHART_ATTENDANCE || slide->data->indicator_id != self->indicator_id
          || g_strcmp0 (slide->data->period, self->period) == 0)
        continue;
      if ((data = klynge_chart_data_load (db, cluster, self->indicator_id, self->period, error)) == NULL)
        return FALSE;
      klynge_chart_data_set_names (data, db, cluster, self->options.names, self->highlight_clinic, self->meeting_id);
      data->before_period = g_strdup (slide->data->before_period);
      klynge_chart_data_free (slide->data);
      slide->data = data;
    }
  return TRUE;
}

static void
load_slides (KlyngePresentation *self)
{
  KlyngeDb *db = klynge_context_get_db (self->context);
  gint64 cluster = klynge_context_get_cluster_id (self->context);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->slides, g_ptr_array_unref);
  if (db == NULL)
    return;
  if (self->meeting_id != 0)
    self->slides = klynge_chart_meeting_slides (db, cluster, self->meeting_id, &self->options, self->highlight_clinic, &error);
  else
    self->slides = indicator_slides (self, db, cluster, &error);
  /* Not the period the page showed, under its name: the slide says why instead. */
  if (self->slides != NULL && self->meeting_id != 0 && !apply_page_period (self, db, cluster, &error))
    g_clear_pointer (&self->slides, g_ptr_array_unref);
  if (self->slides == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0)
    gtk_stack_set_visible_child_name (self->stack, "slide");
}

static void
show_position (KlyngePresentation *self)
{
  g_autofree char *position = NULL;

  if (self->typed->len > 0)
    /* Translators: shown while the facilitator types a slide number to jump to */
    position = g_strdup_printf (_("Go to slide %s"), self->typed->str);
  else
    position = g_strdup_printf ("%u / %u", self->index + 1, klynge_presentation_get_n_slides (self));
  gtk_label_set_text (self->position_label, position);
}

/* The options a slide is drawn with: the page's, in the presentation's theme. */
static KlyngeChartOptions
slide_options (KlyngePresentation *self,
               const KlyngeSlide  *slide)
{
  KlyngeChartOptions options = self->options;

  options.kind = slide->kind;
  options.slide = TRUE;
  return options;
}

static void
show_slide (KlyngePresentation *self)
{
  KlyngeSlide *slide;
  KlyngeChartOptions options;

  if (self->slides == NULL || self->slides->len == 0)
    return;
  self->index = MIN (self->index, self->slides->len - 1);
  show_position (self);
  slide = g_ptr_array_index (self->slides, self->index);
  options = slide_options (self, slide);
  /* The view owns what it shows; go_to() reads the slides again each time. */
  klynge_chart_view_set (self->view, g_steal_pointer (&slide->data), &options);
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
set_curtain (KlyngePresentation *self,
             Curtain             colour)
{
  self->curtain_colour = colour;
  gtk_widget_set_visible (GTK_WIDGET (self->curtain), colour != CURTAIN_NONE);
  gtk_widget_queue_draw (GTK_WIDGET (self->curtain));
}

static void
set_theme (KlyngePresentation *self,
           KlyngeChartTheme    theme)
{
  self->options.theme = theme;
  go_to (self, self->index);
}

static void
close_overview (KlyngePresentation *self)
{
  GtkWidget *child;

  gtk_stack_set_visible_child_name (self->stack, "slide");
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->overview))) != NULL)
    gtk_flow_box_remove (self->overview, child);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* Every slide small, to pick one with the arrows and Enter or a click. */
static void
open_overview (KlyngePresentation *self)
{
  GtkFlowBoxChild *current;

  load_slides (self);
  if (self->slides == NULL)
    return;
  for (guint i = 0; i < self->slides->len; i++)
    {
      KlyngeSlide *slide = g_ptr_array_index (self->slides, i);
      KlyngeChartOptions options = slide_options (self, slide);
      GtkWidget *view = klynge_chart_view_new ();

      gtk_widget_set_size_request (view, 320, 180);
      gtk_widget_set_has_tooltip (view, FALSE);
      gtk_widget_set_focusable (view, FALSE);
      klynge_chart_view_set (KLYNGE_CHART_VIEW (view), g_steal_pointer (&slide->data), &options);
      gtk_flow_box_append (self->overview, view);
    }
  gtk_stack_set_visible_child_name (self->stack, "overview");
  current = gtk_flow_box_get_child_at_index (self->overview, (int) self->index);
  if (current != NULL)
    {
      gtk_flow_box_select_child (self->overview, current);
      gtk_widget_grab_focus (GTK_WIDGET (current));
    }
}

static gboolean
overview_open (KlyngePresentation *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "overview") == 0;
}

static void
overview_activated_cb (KlyngePresentation *self,
                       GtkFlowBoxChild    *child)
{
  guint index = (guint) gtk_flow_box_child_get_index (child);

  close_overview (self);
  go_to (self, index);
}

static void
draw_curtain_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  KlyngePresentation *self = user_data;
  double level = self->curtain_colour == CURTAIN_WHITE ? 1 : 0;

  cairo_set_source_rgb (cr, level, level, level);
  cairo_paint (cr);
}

static gboolean
pointer_rested_cb (gpointer user_data)
{
  KlyngePresentation *self = user_data;

  self->rest_source = 0;
  /* Nothing of the facilitator's desk on the projected slide. */
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->view), FALSE);
  return G_SOURCE_REMOVE;
}

static void
restart_rest (KlyngePresentation *self)
{
  g_clear_handle_id (&self->rest_source, g_source_remove);
  self->rest_source = g_timeout_add (POINTER_REST_MS, pointer_rested_cb, self);
}

static void
motion_cb (KlyngePresentation *self,
           double              x,
           double              y)
{
  /* A window can report motion without any: only a moved pointer shows. */
  if (x == self->pointer_x && y == self->pointer_y)
    return;
  self->pointer_x = x;
  self->pointer_y = y;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->view), TRUE);
  restart_rest (self);
}

static void
activate (KlyngePresentation *self,
          const char         *action)
{
  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

static int
digit_of (guint keyval)
{
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    return (int) (keyval - GDK_KEY_0);
  if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    return (int) (keyval - GDK_KEY_KP_0);
  return -1;
}

/* Typed digits and Enter jump to that slide; Backspace takes a digit back. */
static gboolean
number_key (KlyngePresentation *self,
            guint               keyval)
{
  int digit = digit_of (keyval);

  if (digit >= 0)
    {
      if (self->typed->len < 4)
        g_string_append_c (self->typed, (char) ('0' + digit));
      show_position (self);
      return TRUE;
    }
  if (self->typed->len == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      {
        guint number = (guint) g_ascii_strtoull (self->typed->str, NULL, 10);

        g_string_truncate (self->typed, 0);
        if (number >= 1)
          go_to (self, number - 1);
        show_position (self);
      }
      return TRUE;
    case GDK_KEY_BackSpace:
      g_string_truncate (self->typed, self->typed->len - 1);
      show_position (self);
      return TRUE;
    case GDK_KEY_Escape:
      g_string_truncate (self->typed, 0);
      show_position (self);
      return TRUE;
    default:
      return FALSE;
    }
}

/* The grid's columns: the children on the first one's row. */
static int
overview_columns (KlyngePresentation *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->overview));
  double origin_x, origin_y, x, y;
  int columns = 0;

  if (first == NULL || !gtk_widget_translate_coordinates (first, GTK_WIDGET (self->overview), 0, 0, &origin_x, &origin_y))
    return 1;
  for (GtkWidget *child = first; child != NULL; child = gtk_widget_get_next_sibling (child), columns++)
    if (!gtk_widget_translate_coordinates (child, GTK_WIDGET (self->overview), 0, 0, &x, &y) || y != origin_y)
      break;
  return MAX (columns, 1);
}

static int
overview_selected (KlyngePresentation *self)
{
  g_autoptr(GList) selected = gtk_flow_box_get_selected_children (self->overview);

  return selected != NULL ? gtk_flow_box_child_get_index (selected->data) : 0;
}

static void
overview_select (KlyngePresentation *self,
                 int                 index)
{
  GtkFlowBoxChild *child;
  int n = (int) klynge_presentation_get_n_slides (self);

  child = gtk_flow_box_get_child_at_index (self->overview, CLAMP (index, 0, MAX (n, 1) - 1));
  if (child == NULL)
    return;
  gtk_flow_box_select_child (self->overview, child);
  gtk_widget_grab_focus (GTK_WIDGET (child));
}

/* In the grid the clicker's keys move the choice; Enter shows it. The
 * keys are the presentation's own, as the flow box moves its cursor only
 * once it was clicked or tabbed into. */
static gboolean
overview_key (KlyngePresentation *self,
              guint               keyval)
{
  int selected = overview_selected (self);

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Page_Down:
    case GDK_KEY_space:
      overview_select (self, selected + 1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
    case GDK_KEY_BackSpace:
      overview_select (self, selected - 1);
      return TRUE;
    case GDK_KEY_Down:
      overview_select (self, selected + overview_columns (self));
      return TRUE;
    case GDK_KEY_Up:
      overview_select (self, selected - overview_columns (self));
      return TRUE;
    case GDK_KEY_Home:
      overview_select (self, 0);
      return TRUE;
    case GDK_KEY_End:
      overview_select (self, G_MAXINT);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      close_overview (self);
      go_to (self, (guint) selected);
      return TRUE;
    case GDK_KEY_Escape:
    case GDK_KEY_g:
    case GDK_KEY_G:
    case GDK_KEY_Tab:
      close_overview (self);
      show_slide (self);
      return TRUE;
    default:
      return FALSE;
    }
}

/* The keys are taken before the window's own (which move the focus on the
 * arrows and activate it on Space): a clicker sends exactly those. */
static gboolean
key_pressed_cb (KlyngePresentation *self,
                guint               keyval,
                guint               keycode,
                GdkModifierType     state)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;
  if (overview_open (self))
    return overview_key (self, keyval);
  if (number_key (self, keyval))
    return TRUE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_space:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_n:
      activate (self, "presentation.next");
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_p:
      activate (self, "presentation.previous");
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      activate (self, "presentation.first");
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      activate (self, "presentation.last");
      return TRUE;
    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:
    case GDK_KEY_KP_Decimal:
      activate (self, "presentation.black");
      return TRUE;
    case GDK_KEY_w:
    case GDK_KEY_W:
      activate (self, "presentation.white");
      return TRUE;
    case GDK_KEY_g:
    case GDK_KEY_G:
    case GDK_KEY_Tab:
      activate (self, "presentation.overview");
      return TRUE;
    case GDK_KEY_h:
    case GDK_KEY_H:
      activate (self, "presentation.contrast");
      return TRUE;
    case GDK_KEY_t:
    case GDK_KEY_T:
      activate (self, "presentation.theme");
      return TRUE;
    case GDK_KEY_Escape:
      activate (self, "presentation.leave");
      return TRUE;
    default:
      return FALSE;
    }
}

static void
high_contrast_changed_cb (KlyngePresentation *self)
{
  gboolean high = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());

  if (self->theme_chosen && !high)
    return;
  set_theme (self, high ? KLYNGE_CHART_THEME_HIGH_CONTRAST : KLYNGE_CHART_THEME_DARK);
}

static void
context_changed_cb (KlyngePresentation *self)
{
  if (klynge_context_get_db (self->context) == NULL)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (!overview_open (self))
    go_to (self, self->index);
}

/* A blank screen lifts with the next key instead of moving on: the room
 * looks back at the slide it left. */
static gboolean
lift_curtain (KlyngePresentation *self)
{
  if (self->curtain_colour == CURTAIN_NONE)
    return FALSE;
  set_curtain (self, CURTAIN_NONE);
  return TRUE;
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlyngePresentation *self = KLYNGE_PRESENTATION (widget);

  if (!lift_curtain (self) && self->index + 1 < klynge_presentation_get_n_slides (self))
    go_to (self, self->index + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KlyngePresentation *self = KLYNGE_PRESENTATION (widget);

  if (!lift_curtain (self) && self->index > 0)
    go_to (self, self->index - 1);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KlyngePresentation *self = KLYNGE_PRESENTATION (widget);

  lift_curtain (self);
  go_to (self, 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlyngePresentation *self = KLYNGE_PRESENTATION (widget);

  lift_curtain (self);
  go_to (self, MAX (klynge_presentation_get_n_slides (self), 1) - 1);
}

static void
curtain_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KlyngePresentation *self = KLYNGE_PRESENTATION (widget);
  Curtain colour = g_str_equal (action_name, "presentation.white") ? CURTAIN_WHITE : CURTAIN_BLACK;

  set_curtain (self, self->curtain_colour == colour ? CURTAIN_NONE : colour);
}

static void
overview_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KlyngePresentation *self = KLYNGE_PRESENTATION (widget);

  lift_curtain (self);
  if (overview_open (self))
    {
      close_overview (self);
      show_slide (self);
    }
  else
    open_overview (self);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KlyngePresentation *self = KLYNGE_PRESENTATION (widget);

  if (!lift_curtain (self))
    gtk_window_close (GTK_WINDOW (widget));
}

static void
contrast_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KlyngePresentation *self = KLYNGE_PRESENTATION (widget);

  self->theme_chosen = TRUE;
  set_theme (self, self->options.theme == KLYNGE_CHART_THEME_HIGH_CONTRAST
                   ? KLYNGE_CHART_THEME_DARK : KLYNGE_CHART_THEME_HIGH_CONTRAST);
}

/* Dark for a dim room, light for a bright one, high contrast for a weak projector. */
static void
theme_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KlyngePresentation *self = KLYNGE_PRESENTATION (widget);
  static const KlyngeChartTheme order[] = {
    [KLYNGE_CHART_THEME_DARK] = KLYNGE_CHART_THEME_LIGHT,
    [KLYNGE_CHART_THEME_LIGHT] = KLYNGE_CHART_THEME_HIGH_CONTRAST,
    [KLYNGE_CHART_THEME_HIGH_CONTRAST] = KLYNGE_CHART_THEME_DARK,
  };

  self->theme_chosen = TRUE;
  set_theme (self, order[self->options.theme]);
}

/* A file dropped during the meeting is checked in the slides' theme and letters. */
static void
live_look (GtkWindow      *window,
           KlyngeLiveLook *look)
{
  KlyngePresentation *self = KLYNGE_PRESENTATION (window);

  look->meeting_id = self->meeting_id;
  look->themed = TRUE;
  look->theme = self->options.theme;
}

static void
klynge_presentation_dispose (GObject *object)
{
  KlyngePresentation *self = KLYNGE_PRESENTATION (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_handle_id (&self->rest_source, g_source_remove);
  g_clear_object (&self->context);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_clear_pointer (&self->period, g_free);

  G_OBJECT_CLASS (klynge_presentation_parent_class)->dispose (object);
}

static void
klynge_presentation_finalize (GObject *object)
{
  KlyngePresentation *self = KLYNGE_PRESENTATION (object);

  g_string_free (self->typed, TRUE);

  G_OBJECT_CLASS (klynge_presentation_parent_class)->finalize (object);
}

static void
klynge_presentation_class_init (KlyngePresentationClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const actions[] = {
    "presentation.next", "presentation.previous", "presentation.first", "presentation.last",
    "presentation.black", "presentation.white", "presentation.overview",
    "presentation.leave", "presentation.contrast", "presentation.theme",
  };
  static const GtkWidgetActionActivateFunc activates[] = {
    next_action, previous_action, first_action, last_action,
    curtain_action, curtain_action, overview_action,
    leave_action, contrast_action, theme_action,
  };

  G_OBJECT_CLASS (klass)->dispose = klynge_presentation_dispose;
  G_OBJECT_CLASS (klass)->finalize = klynge_presentation_finalize;

  g_type_ensure (KLYNGE_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/charts/klynge-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngePresentation, stack);
  gtk_widget_class_bind_template_child (widget_class, KlyngePresentation, error_page);
  gtk_widget_class_bind_template_child (widget_class, KlyngePresentation, view);
  gtk_widget_class_bind_template_child (widget_class, KlyngePresentation, overview);
  gtk_widget_class_bind_template_child (widget_class, KlyngePresentation, position_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngePresentation, curtain);
  gtk_widget_class_bind_template_callback (widget_class, overview_activated_cb);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, activates[i]);
}

static void
klynge_presentation_init (KlyngePresentation *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->typed = g_string_new (NULL);
  self->pointer_x = self->pointer_y = -1;
  gtk_drawing_area_set_draw_func (self->curtain, draw_curtain_cb, self, NULL);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  restart_rest (self);
}

/**
 * klynge_presentation_new:
 * @meeting_id: the meeting whose slides to show, or 0 for @indicator_id's charts
 * @period: (nullable): the period the page shows of @indicator_id; %NULL, the latest
 *
 * Returns: (transfer none): a fullscreen window, dark (high contrast when the
 *   system asks for it), showing the slide of the chart kind in @options
 *   (what the page showed when F5 was pressed)
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
  AdwStyleManager *manager = adw_style_manager_get_default ();
  guint first = 0;

  self->context = g_object_ref (context);
  self->meeting_id = meeting_id;
  self->indicator_id = indicator_id;
  self->period = g_strdup (period);
  self->highlight_clinic = highlight_clinic;
  self->options = *options;
  g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (high_contrast_changed_cb), self, G_CONNECT_SWAPPED);
  /* A clinic's file dropped on the slide is imported live, and the slide redraws. */
  klynge_import_sheet_accept_drops (GTK_WINDOW (self), context, live_look);
  load_slides (self);
  for (guint i = 0; self->slides != NULL && i < self->slides->len; i++)
    {
      KlyngeSlide *slide = g_ptr_array_index (self->slides, i);

      if (slide->kind == options->kind
          && (options->kind == KLYNGE_CHART_ATTENDANCE || slide->data->indicator_id == indicator_id))
        {
          first = i;
          break;
        }
    }
  self->index = first;
  /* A projector shows a dark slide best in a dim room. */
  high_contrast_changed_cb (self);
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

/* Returns: the meeting whose slides are shown; 0 for one indicator's charts */
gint64
klynge_presentation_get_meeting_id (KlyngePresentation *self)
{
  return self->meeting_id;
}

/* Returns: the theme of the slides, for what the presentation shows over them */
KlyngeChartTheme
klynge_presentation_get_theme (KlyngePresentation *self)
{
  return self->options.theme;
}

/* Returns: whether a black or white screen hides the slide */
gboolean
klynge_presentation_is_blank (KlyngePresentation *self)
{
  return self->curtain_colour != CURTAIN_NONE;
}
