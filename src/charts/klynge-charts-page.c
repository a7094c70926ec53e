/* klynge-charts-page.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Charts area: pick a meeting (or all indicators), an indicator, a period,
 * a chart type and how clinics are named; the chart fills the rest and is
 * redrawn whenever the data change, so a live import shows at once.
 */

#include "klynge-i18n.h"

#include "klynge-cancellable.h"
#include "klynge-chart-export.h"
#include "klynge-chart-export-dialog.h"
#include "klynge-chart-table.h"
#include "klynge-chart-view.h"
#include "klynge-charts-page.h"
#include "klynge-period.h"
#include "klynge-presentation.h"

struct _KlyngeChartsPage
{
  KlyngePage       parent_instance;

  GtkDropDown     *meeting_picker;
  GtkDropDown     *indicator_picker;
  GtkDropDown     *period_picker;
  GtkDropDown     *kind_picker;
  GtkDropDown     *names_picker;
  GtkDropDown     *clinic_picker;
  GtkStack        *content;
  AdwStatusPage   *error_page;
  KlyngeChartView *view;
  KlyngeChartTable *table;

  GPtrArray       *meetings;     /* KlyngeChartIndicator: id, title */
  GPtrArray       *indicators;
  GPtrArray       *periods;
  GPtrArray       *clinics;
  GError          *choices_error; /* why the meetings or clinics could not be read */
  char            *limits;       /* "auto", "chance" or "widened", as KlyngeChartLimits */
  gboolean         show_table;   /* the chart's numbers as a table instead of the chart */
  gboolean         updating;
  GCancellable    *export_cancellable;
  KlyngeChartExportKind export_kind;
};

G_DEFINE_FINAL_TYPE (KlyngeChartsPage, klynge_charts_page, KLYNGE_TYPE_PAGE)

enum {
  PROP_0,
  PROP_LIMITS,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The limits menu's choices, in the order of KlyngeChartLimits. */
static const char *limits_names[KLYNGE_LIMITS_N] = { "auto", "chance", "widened" };

static gint64
selected_id (GtkDropDown *picker,
             GPtrArray   *items,
             guint        offset)
{
  guint selected = gtk_drop_down_get_selected (picker);

  if (items == NULL || selected == GTK_INVALID_LIST_POSITION || selected < offset || selected - offset >= items->len)
    return 0;
  return ((KlyngeChartIndicator *) g_ptr_array_index (items, selected - offset))->id;
}

/* Replaces a picker's items and keeps the one with @keep_id selected when still there. */
static void
fill_picker (GtkDropDown *picker,
             GPtrArray   *items,
             const char  *first,
             gint64       keep_id)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint offset = first != NULL, selected = 0;

  if (first != NULL)
    gtk_string_list_append (model, first);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      KlyngeChartIndicator *item = g_ptr_array_index (items, i);

      gtk_string_list_append (model, item->name);
      if (item->id == keep_id)
        selected = i + offset;
    }
  gtk_drop_down_set_model (picker, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (picker, selected);
}

static KlyngeChartOptions
current_options (KlyngeChartsPage *self)
{
  KlyngeChartOptions options = { 0 };

  options.kind = MIN (gtk_drop_down_get_selected (self->kind_picker), KLYNGE_CHART_N_KINDS - 1);
  options.names = MIN (gtk_drop_down_get_selected (self->names_picker), KLYNGE_CHART_NAMED);
  /* The system's high-contrast setting reaches the chart as it reaches the widgets. */
  if (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    options.theme = KLYNGE_CHART_THEME_HIGH_CONTRAST;
  else if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    options.theme = KLYNGE_CHART_THEME_DARK;
  else
    options.theme = KLYNGE_CHART_THEME_LIGHT;
  options.funnel_method = KLYNGE_FUNNEL_EXACT;
  for (guint i = 0; i < KLYNGE_LIMITS_N; i++)
    if (g_strcmp0 (self->limits, limits_names[i]) == 0)
      options.limits = i;
  options.slide = options.names != KLYNGE_CHART_ANONYMOUS;
  return options;
}

static void
show_chart (KlyngeChartsPage *self)
{
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (self));
  gint64 cluster = klynge_page_get_cluster (KLYNGE_PAGE (self));
  KlyngeChartOptions options = current_options (self);
  gint64 indicator = selected_id (self->indicator_picker, self->indicators, 0);
  gint64 meeting = selected_id (self->meeting_picker, self->meetings, 1);
  guint period = gtk_drop_down_get_selected (self->period_picker);
  g_autoptr(GError) error = NULL;
  KlyngeChartData *data;

  gtk_widget_set_visible (GTK_WIDGET (self->clinic_picker), options.names == KLYNGE_CHART_HIGHLIGHT);
  /* A meeting's slides, pack and workbook need a meeting. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export-slides", meeting != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export-pack", meeting != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export-workbook", meeting != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export-deck", meeting != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.send-feedback", meeting != 0);
  if (db == NULL || self->updating)
    return;
  /* Without its meetings and clinics, a chart would be drawn for choices that are not the cluster's. */
  if (self->choices_error != NULL)
    {
      adw_status_page_set_description (self->error_page, self->choices_error->message);
      gtk_stack_set_visible_child_name (self->content, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export-chart", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.present", FALSE);
      return;
    }
  if (options.kind == KLYNGE_CHART_ATTENDANCE || indicator != 0)
    {
      KlyngeChartRequest request = {
        cluster, meeting, indicator,
        self->periods != NULL && period < self->periods->len ? g_ptr_array_index (self->periods, period) : NULL,
        NULL, selected_id (self->clinic_picker, self->clinics, 0), options,
      };

      data = klynge_chart_request_load (db, &request, &error);
    }
  else
    data = NULL;
  if (data == NULL && error != NULL)
    klynge_page_add_toast (KLYNGE_PAGE (self), adw_toast_new (error->message));
  /* Empty pickers would only offer "(None)". */
  gtk_widget_set_sensitive (GTK_WIDGET (self->indicator_picker), options.kind != KLYNGE_CHART_ATTENDANCE && indicator != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_picker), options.kind != KLYNGE_CHART_ATTENDANCE && indicator != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export-chart", data != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.present", data != NULL);
  /* Nothing to chart: say where the numbers come from instead of a blank page. */
  gtk_stack_set_visible_child_name (self->content,
                                    options.kind != KLYNGE_CHART_ATTENDANCE && indicator == 0 ? "empty"
                                    : self->show_table ? "table" : "chart");
  klynge_chart_table_set (self->table, data, &options);
  klynge_chart_view_set (self->view, data, &options);
}

static void
fill_periods (KlyngeChartsPage *self)
{
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (self));
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint previous = gtk_drop_down_get_selected (self->period_picker);
  g_autofree char *keep = NULL;
  guint selected = 0;

  if (self->periods != NULL && previous < self->periods->len)
    keep = g_strdup (g_ptr_array_index (self->periods, previous));
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  self->periods = klynge_chart_list_periods (db, klynge_page_get_cluster (KLYNGE_PAGE (self)),
                                             selected_id (self->indicator_picker, self->indicators, 0), NULL);
  for (guint i = 0; self->periods != NULL && i < self->periods->len; i++)
    {
      g_autofree char *label = klynge_period_format_key (g_ptr_array_index (self->periods, i));

      gtk_string_list_append (model, label);
      /* The latest period unless the one shown before is still there. */
      selected = keep != NULL && g_str_equal (keep, g_ptr_array_index (self->periods, i)) ? i
                 : keep == NULL ? i : selected;
    }
  if (keep != NULL && self->periods != NULL && !g_ptr_array_find_with_equal_func (self->periods, keep, g_str_equal, NULL))
    selected = self->periods->len - 1;
  gtk_drop_down_set_model (self->period_picker, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->period_picker, selected);
}

static void
fill_indicators (KlyngeChartsPage *self)
{
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (self));
  gint64 keep = selected_id (self->indicator_picker, self->indicators, 0);

  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  self->indicators = klynge_chart_list_indicators (db, klynge_page_get_cluster (KLYNGE_PAGE (self)),
                                                   selected_id (self->meeting_picker, self->meetings, 1), NULL);
  fill_picker (self->indicator_picker, self->indicators, NULL, keep);
  fill_periods (self);
}

/* A chosen meeting shows the period it asked the clinics for. */
static void
select_meeting_period (KlyngeChartsPage *self)
{
  gint64 meeting = selected_id (self->meeting_picker, self->meetings, 1);
  g_autofree char *period = NULL;
  guint index;

  if (meeting == 0 || self->periods == NULL)
    return;
  period = klynge_chart_meeting_period (klynge_page_get_db (KLYNGE_PAGE (self)), meeting,
                                        selected_id (self->indicator_picker, self->indicators, 0));
  if (period != NULL && g_ptr_array_find_with_equal_func (self->periods, period, g_str_equal, &index))
    gtk_drop_down_set_selected (self->period_picker, index);
}

static void
meeting_changed_cb (KlyngeChartsPage *self)
{
  if (self->updating)
    return;
  self->updating = TRUE;
  fill_indicators (self);
  select_meeting_period (self);
  self->updating = FALSE;
  show_chart (self);
}

static void
indicator_changed_cb (KlyngeChartsPage *self)
{
  if (self->updating)
    return;
  self->updating = TRUE;
  fill_periods (self);
  select_meeting_period (self);
  self->updating = FALSE;
  show_chart (self);
}

static void
options_changed_cb (KlyngeChartsPage *self)
{
  show_chart (self);
}

static void
style_changed_cb (KlyngeChartsPage *self)
{
  show_chart (self);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KlyngeChartsPage *self = KLYNGE_CHARTS_PAGE (widget);
  KlyngeContext *context = klynge_page_get_context (KLYNGE_PAGE (self));
  KlyngeChartOptions options = current_options (self);
  guint period = gtk_drop_down_get_selected (self->period_picker);
  GtkWindow *window;

  if (klynge_page_get_db (KLYNGE_PAGE (self)) == NULL)
    return;
  /* The deck opens on what the page shows: the same period and chart. */
  window = klynge_presentation_new (context,
                                    selected_id (self->meeting_picker, self->meetings, 1),
                                    selected_id (self->indicator_picker, self->indicators, 0),
                                    self->periods != NULL && period < self->periods->len ? g_ptr_array_index (self->periods, period) : NULL,
                                    &options,
                                    selected_id (self->clinic_picker, self->clinics, 0));
  gtk_window_set_transient_for (window, GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (window);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KlyngeChartsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done = klynge_chart_export_finish (result, &error);
  const char *message;

  /* The key undoes the anonymity of every slide: say so where it is saved. */
  if (self->export_kind == KLYNGE_CHART_EXPORT_KEY)
    message = _("Letter key exported. Keep it private: tell each clinic only its own letter.");
  else if (self->export_kind == KLYNGE_CHART_EXPORT_FEEDBACK)
    message = _("Feedback written: open each clinic’s e-mail draft to send it.");
  else
    message = _("Exported");
  klynge_page_report_task (KLYNGE_PAGE (self), done, error, message);
}

/* What the page shows, as an export: the same request, on light slides
 * (files go to projectors and printers) at 1080p. */
static void
page_job (KlyngeChartsPage      *self,
          KlyngeChartExportKind  kind,
          KlyngeChartExportJob  *job)
{
  guint period = gtk_drop_down_get_selected (self->period_picker);

  job->kind = kind;
  job->cluster_id = klynge_page_get_cluster (KLYNGE_PAGE (self));
  job->meeting_id = selected_id (self->meeting_picker, self->meetings, 1);
  job->indicator_id = selected_id (self->indicator_picker, self->indicators, 0);
  job->period = self->periods != NULL && period < self->periods->len ? g_ptr_array_index (self->periods, period) : NULL;
  job->options = current_options (self);
  job->options.theme = KLYNGE_CHART_THEME_LIGHT;
  job->options.slide = TRUE;
  job->highlight_clinic = selected_id (self->clinic_picker, self->clinics, 0);
  job->format = KLYNGE_SLIDE_PNG;
  job->width = 1920;
  job->height = 1080;
}

static void
export_dialog_finished_cb (KlyngeChartsPage *self,
                           gboolean          written,
                           const char       *message)
{
  klynge_page_add_toast (KLYNGE_PAGE (self), adw_toast_new (message));
}

static void
export_response_cb (GtkNativeDialog  *chooser,
                    int               response,
                    KlyngeChartsPage *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  KlyngeChartExportJob job = { 0 };

  if (response == GTK_RESPONSE_ACCEPT && path != NULL && klynge_page_get_db (KLYNGE_PAGE (self)) != NULL)
    {
      page_job (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind")), &job);
      job.path = path;
      if (job.kind == KLYNGE_CHART_EXPORT_DECK && !g_str_has_suffix (path, ".pdf"))
        {
          g_autofree char *with_pdf = g_strconcat (path, ".pdf", NULL);

          g_free (path);
          job.path = path = g_steal_pointer (&with_pdf);
        }
      else if (job.kind == KLYNGE_CHART_EXPORT_KEY && !g_str_has_suffix (path, ".csv") && !g_str_has_suffix (path, ".xlsx"))
        {
          g_autofree char *with_xlsx = g_strconcat (path, ".xlsx", NULL);

          g_free (path);
          job.path = path = g_steal_pointer (&with_xlsx);
        }
      self->export_kind = job.kind;
      klynge_cancellable_renew (&self->export_cancellable);
      klynge_chart_export_async (klynge_page_get_db (KLYNGE_PAGE (self)), &job, self->export_cancellable,
                                 export_done_cb, g_object_ref (self));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlyngeChartsPage *self = KLYNGE_CHARTS_PAGE (widget);
  KlyngeChartExportKind kind = g_str_equal (action_name, "charts.export-slides") ? KLYNGE_CHART_EXPORT_SLIDES
                               : g_str_equal (action_name, "charts.export-pack") ? KLYNGE_CHART_EXPORT_PACK
                               : g_str_equal (action_name, "charts.export-workbook") ? KLYNGE_CHART_EXPORT_WORKBOOK
                               : g_str_equal (action_name, "charts.export-key") ? KLYNGE_CHART_EXPORT_KEY
                               : g_str_equal (action_name, "charts.export-deck") ? KLYNGE_CHART_EXPORT_DECK
                               : g_str_equal (action_name, "charts.send-feedback") ? KLYNGE_CHART_EXPORT_FEEDBACK
                               : KLYNGE_CHART_EXPORT_CHART;
  /* Translators: the file names offered for a chart, a meeting's slides, its feedback pack, its workbook, its letter key, its deck and the clinics' feedback */
  const char *names[] = { N_("Chart.png"), N_("Slides"), N_("Feedback pack.pdf"), N_("Meeting workbook.xlsx"),
                          N_("Letter key (private).xlsx"), N_("Deck.pdf"), N_("Feedback") };
  gboolean folder = kind == KLYNGE_CHART_EXPORT_SLIDES || kind == KLYNGE_CHART_EXPORT_FEEDBACK;
  GtkFileChooserNative *chooser;

  /* One chart: its format, size and theme first. */
  if (kind == KLYNGE_CHART_EXPORT_CHART)
    {
      KlyngeChartExportJob job = { 0 };
      GtkWindow *dialog;

      if (klynge_page_get_db (KLYNGE_PAGE (self)) == NULL)
        return;
      page_job (self, kind, &job);
      dialog = klynge_chart_export_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), klynge_page_get_db (KLYNGE_PAGE (self)), &job);
      g_signal_connect_object (dialog, "finished", G_CALLBACK (export_dialog_finished_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (dialog);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  if (!folder)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _(names[kind]));
  g_object_set_data (G_OBJECT (chooser), "kind", GINT_TO_POINTER (kind));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
klynge_charts_page_reload (KlyngePage *page)
{
  KlyngeChartsPage *self = KLYNGE_CHARTS_PAGE (page);
  KlyngeDb *db = klynge_page_get_db (page);
  gint64 cluster = klynge_page_get_cluster (page);
  gint64 meeting = selected_id (self->meeting_picker, self->meetings, 1);
  gint64 clinic = selected_id (self->clinic_picker, self->clinics, 0);

  if (db == NULL)
    {
      klynge_chart_view_set (self->view, NULL, &(KlyngeChartOptions) { 0 });
      return;
    }
  self->updating = TRUE;
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  g_clear_pointer (&self->clinics, g_ptr_array_unref);
  g_clear_error (&self->choices_error);
  self->meetings = klynge_chart_list_meetings (db, cluster, &self->choices_error);
  self->clinics = self->meetings != NULL ? klynge_chart_list_clinics (db, cluster, &self->choices_error) : NULL;
  fill_picker (self->meeting_picker, self->meetings, _("All indicators"), meeting);
  fill_picker (self->clinic_picker, self->clinics, NULL, clinic);
  fill_indicators (self);
  self->updating = FALSE;
  show_chart (self);
}

static void
klynge_charts_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KlyngeChartsPage *self = KLYNGE_CHARTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIMITS:
      g_value_set_string (value, self->limits);
      break;
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_charts_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KlyngeChartsPage *self = KLYNGE_CHARTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIMITS:
      if (g_strcmp0 (self->limits, g_value_get_string (value)) == 0)
        return;
      g_free (self->limits);
      self->limits = g_value_dup_string (value);
      g_object_notify_by_pspec (object, pspec);
      show_chart (self);
      break;
    case PROP_SHOW_TABLE:
      if (self->show_table == g_value_get_boolean (value))
        return;
      self->show_table = g_value_get_boolean (value);
      g_object_notify_by_pspec (object, pspec);
      show_chart (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_charts_page_finalize (GObject *object)
{
  g_free (KLYNGE_CHARTS_PAGE (object)->limits);

  G_OBJECT_CLASS (klynge_charts_page_parent_class)->finalize (object);
}

static void
klynge_charts_page_dispose (GObject *object)
{
  KlyngeChartsPage *self = KLYNGE_CHARTS_PAGE (object);

  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->clinics, g_ptr_array_unref);
  g_clear_error (&self->choices_error);
  klynge_cancellable_clear (&self->export_cancellable);

  G_OBJECT_CLASS (klynge_charts_page_parent_class)->dispose (object);
}

static void
klynge_charts_page_class_init (KlyngeChartsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = klynge_charts_page_get_property;
  object_class->set_property = klynge_charts_page_set_property;
  object_class->dispose = klynge_charts_page_dispose;
  object_class->finalize = klynge_charts_page_finalize;
  KLYNGE_PAGE_CLASS (klass)->reload = klynge_charts_page_reload;

  /* How the funnel's limits allow for clinics that differ more than chance explains. */
  properties[PROP_LIMITS] = g_param_spec_string ("limits", NULL, NULL, "auto",
                                                 G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The numbers instead of the chart: for a screen reader, or to copy them. */
  properties[PROP_SHOW_TABLE] = g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                                                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KLYNGE_TYPE_CHART_VIEW);
  g_type_ensure (KLYNGE_TYPE_CHART_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/charts/klynge-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartsPage, meeting_picker);
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartsPage, indicator_picker);
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartsPage, period_picker);
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartsPage, kind_picker);
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartsPage, names_picker);
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartsPage, clinic_picker);
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartsPage, content);
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartsPage, view);
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartsPage, table);
  gtk_widget_class_bind_template_callback (widget_class, meeting_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, indicator_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);

  gtk_widget_class_install_action (widget_class, "charts.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "charts.export-chart", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "charts.export-slides", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "charts.export-pack", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "charts.export-workbook", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "charts.export-deck", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "charts.send-feedback", NULL, export_action);
  /* The letters of the chosen meeting, or of the charts without one. */
  gtk_widget_class_install_action (widget_class, "charts.export-key", NULL, export_action);
  gtk_widget_class_install_property_action (widget_class, "charts.limits", "limits");
  gtk_widget_class_install_property_action (widget_class, "charts.show-table", "show-table");
}

static void
klynge_charts_page_init (KlyngeChartsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->limits = g_strdup ("auto");
  klynge_page_ellipsize_picker (self->meeting_picker);
  klynge_page_ellipsize_picker (self->indicator_picker);
  klynge_page_ellipsize_picker (self->clinic_picker);
  klynge_page_add_shortcut (KLYNGE_PAGE (self), "F5", "charts.present");
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Returns: the meeting whose charts the page shows, or 0 for all indicators */
gint64
klynge_charts_page_get_meeting (KlyngeChartsPage *self)
{
  g_return_val_if_fail (KLYNGE_IS_CHARTS_PAGE (self), 0);

  return selected_id (self->meeting_picker, self->meetings, 1);
}
