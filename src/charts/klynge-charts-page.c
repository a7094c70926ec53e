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
#include "klynge-picker.h"
#include "klynge-presentation.h"
#include "klynge-request.h"

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

  GError          *choices_error; /* why the meetings or clinics could not be read */
  GError          *indicators_error; /* why the indicators could not be read */
  GError          *periods_error;    /* why their periods (or the meeting's period) could not be */
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

/* Replaces a picker's items (KlyngeChartIndicator: id and name) and keeps
 * the chosen one when still there. */
static void
fill_picker (GtkDropDown *picker,
             GPtrArray   *items,
             const char  *first)
{
  g_autoptr(GListStore) choices = klynge_choices_new ();

  if (first != NULL)
    klynge_choices_append (choices, 0, first);
  klynge_chart_append_choices (choices, items);
  klynge_picker_replace_choices (picker, G_LIST_MODEL (choices));
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

/* In the chart's place: a chart drawn anyway would leave out what could not be read. */
static void
show_error (KlyngeChartsPage *self,
            const char       *title,
            const GError     *error)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->content, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export-chart", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.present", FALSE);
  klynge_chart_table_set (self->table, NULL, &(KlyngeChartOptions) { 0 });
  klynge_chart_view_set (self->view, NULL, &(KlyngeChartOptions) { 0 });
}

static void
show_chart (KlyngeChartsPage *self)
{
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (self));
  gint64 cluster = klynge_page_get_cluster (KLYNGE_PAGE (self));
  KlyngeChartOptions options = current_options (self);
  gint64 indicator = klynge_picker_get_selected_id (self->indicator_picker);
  gint64 meeting = klynge_picker_get_selected_id (self->meeting_picker);
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
      show_error (self, _("The Cluster’s Meetings and Clinics Could Not Be Read"), self->choices_error);
      return;
    }
  if (self->indicators_error != NULL || self->periods_error != NULL)
    {
      show_error (self, _("The Cluster’s Indicators Could Not Be Read"),
                  self->indicators_error != NULL ? self->indicators_error : self->periods_error);
      return;
    }
  if (options.kind == KLYNGE_CHART_ATTENDANCE || indicator != 0)
    {
      KlyngeChartRequest request = {
        cluster, meeting, indicator, klynge_picker_get_selected_key (self->period_picker),
        NULL, klynge_picker_get_selected_id (self->clinic_picker), options,
      };

      data = klynge_chart_request_load (db, &request, &error);
    }
  else
    data = NULL;
  if (data == NULL && error != NULL)
    {
      show_error (self, _("The Chart Could Not Be Read"), error);
      return;
    }
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
  g_autoptr(GPtrArray) periods = NULL;

  g_clear_error (&self->periods_error);
  periods = klynge_chart_list_periods (db, klynge_page_get_cluster (KLYNGE_PAGE (self)),
                                       klynge_picker_get_selected_id (self->indicator_picker), &self->periods_error);
  klynge_picker_set_periods (self->period_picker, periods);
}

static void
fill_indicators (KlyngeChartsPage *self)
{
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (self));
  g_autoptr(GPtrArray) indicators = NULL;

  g_clear_error (&self->indicators_error);
  indicators = klynge_chart_list_indicators (db, klynge_page_get_cluster (KLYNGE_PAGE (self)),
                                             klynge_picker_get_selected_id (self->meeting_picker), &self->indicators_error);
  fill_picker (self->indicator_picker, indicators, NULL);
  fill_periods (self);
}

/* A chosen meeting shows the period it asked the clinics for. */
static void
select_meeting_period (KlyngeChartsPage *self)
{
  gint64 meeting = klynge_picker_get_selected_id (self->meeting_picker);
  g_autofree char *period = NULL;
  guint index;

  /* Periods that could not be read already hold the error to show. */
  if (meeting == 0 || self->periods_error != NULL)
    return;
  period = klynge_chart_meeting_period (klynge_page_get_db (KLYNGE_PAGE (self)), meeting,
                                        klynge_picker_get_selected_id (self->indicator_picker), &self->periods_error);
  index = klynge_choices_find_key (gtk_drop_down_get_model (self->period_picker), period);
  if (index != KLYNGE_CHOICE_NOT_FOUND)
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
  GtkWindow *window;

  if (klynge_page_get_db (KLYNGE_PAGE (self)) == NULL)
    return;
  /* The deck opens on what the page shows: the same period and chart. */
  window = klynge_presentation_new (context,
                                    klynge_picker_get_selected_id (self->meeting_picker),
                                    klynge_picker_get_selected_id (self->indicator_picker),
                                    klynge_picker_get_selected_key (self->period_picker),
                                    &options,
                                    klynge_picker_get_selected_id (self->clinic_picker));
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
  job->kind = kind;
  job->cluster_id = klynge_page_get_cluster (KLYNGE_PAGE (self));
  job->meeting_id = klynge_picker_get_selected_id (self->meeting_picker);
  job->indicator_id = klynge_picker_get_selected_id (self->indicator_picker);
  job->period = klynge_picker_get_selected_key (self->period_picker);
  job->options = current_options (self);
  job->options.theme = KLYNGE_CHART_THEME_LIGHT;
  job->options.slide = TRUE;
  job->highlight_clinic = klynge_picker_get_selected_id (self->clinic_picker);
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

/* What the chooser was opened for: the kind of export asked for. */
typedef struct
{
  KlyngeChartsPage      *self;
  KlyngeChartExportKind  kind;
} ExportRequest;

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    ExportRequest   *request)
{
  KlyngeChartsPage *self = request->self;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  KlyngeChartExportJob job = { 0 };

  if (response == GTK_RESPONSE_ACCEPT && path != NULL && klynge_page_get_db (KLYNGE_PAGE (self)) != NULL)
    {
      page_job (self, request->kind, &job);
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
  ExportRequest *request;

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
  request = g_new0 (ExportRequest, 1);
  request->self = self;
  request->kind = kind;
  klynge_request_connect (chooser, "response", G_CALLBACK (export_response_cb), widget, request, g_free);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
klynge_charts_page_reload (KlyngePage *page)
{
  KlyngeChartsPage *self = KLYNGE_CHARTS_PAGE (page);
  KlyngeDb *db = klynge_page_get_db (page);
  gint64 cluster = klynge_page_get_cluster (page);
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) clinics = NULL;

  if (db == NULL)
    {
      klynge_chart_view_set (self->view, NULL, &(KlyngeChartOptions) { 0 });
      return;
    }
  self->updating = TRUE;
  g_clear_error (&self->choices_error);
  meetings = klynge_chart_list_meetings (db, cluster, &self->choices_error);
  clinics = meetings != NULL ? klynge_chart_list_clinics (db, cluster, &self->choices_error) : NULL;
  fill_picker (self->meeting_picker, meetings, _("All indicators"));
  fill_picker (self->clinic_picker, clinics, NULL);
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

  g_clear_error (&self->choices_error);
  g_clear_error (&self->indicators_error);
  g_clear_error (&self->periods_error);
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

  return klynge_picker_get_selected_id (self->meeting_picker);
}
