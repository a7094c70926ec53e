/* klynge-chart-export-dialog.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include "klynge-cancellable.h"
#include "klynge-chart-export-dialog.h"

struct _KlyngeChartExportDialog
{
  AdwWindow             parent_instance;

  AdwComboRow          *format_row;
  AdwComboRow          *size_row;
  AdwComboRow          *theme_row;
  GtkWidget            *export_button;

  KlyngeDb             *db;
  KlyngeChartExportJob  job;
  char                 *period;   /* the job's, owned */
  char                 *path;     /* of the export running, owned */
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (KlyngeChartExportDialog, klynge_chart_export_dialog, ADW_TYPE_WINDOW)

enum { FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* In the order of the format row's choices, as KlyngeSlideFormat. */
static const char *const endings[] = { ".png", ".svg", ".pdf" };

/* In the order of the size row's choices. */
static const struct { int width, height; } sizes[] = { { 1920, 1080 }, { 3840, 2160 } };

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KlyngeChartExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean written = klynge_chart_export_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_signal_emit (self, signals[FINISHED], 0, written, written ? _("Exported") : error->message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
chooser_response_cb (GtkNativeDialog         *chooser,
                     int                      response,
                     KlyngeChartExportDialog *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    klynge_chart_export_dialog_export_to (self, path);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KlyngeChartExportDialog *self = KLYNGE_CHART_EXPORT_DIALOG (widget);
  /* Translators: the file names offered for a chart as PNG, SVG and PDF */
  const char *names[] = { N_("Chart.png"), N_("Chart.svg"), N_("Chart.pdf") };
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     _(names[MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (names) - 1)]));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
klynge_chart_export_dialog_dispose (GObject *object)
{
  KlyngeChartExportDialog *self = KLYNGE_CHART_EXPORT_DIALOG (object);

  klynge_cancellable_clear (&self->cancellable);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_CHART_EXPORT_DIALOG);
  G_OBJECT_CLASS (klynge_chart_export_dialog_parent_class)->dispose (object);
}

static void
klynge_chart_export_dialog_finalize (GObject *object)
{
  KlyngeChartExportDialog *self = KLYNGE_CHART_EXPORT_DIALOG (object);

  g_free (self->period);
  g_free (self->path);
  G_OBJECT_CLASS (klynge_chart_export_dialog_parent_class)->finalize (object);
}

static void
klynge_chart_export_dialog_class_init (KlyngeChartExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_chart_export_dialog_dispose;
  object_class->finalize = klynge_chart_export_dialog_finalize;

  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/charts/klynge-chart-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartExportDialog, export_button);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
klynge_chart_export_dialog_init (KlyngeChartExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
klynge_chart_export_dialog_new (GtkWindow                  *parent,
                                KlyngeDb                   *db,
                                const KlyngeChartExportJob *job)
{
  KlyngeChartExportDialog *self = g_object_new (KLYNGE_TYPE_CHART_EXPORT_DIALOG,
                                                "transient-for", parent, NULL);

  self->db = g_object_ref (db);
  self->job = *job;
  self->period = g_strdup (job->period);
  self->job.period = self->period;
  self->job.path = NULL;
  /* Files go to projectors and printers: light unless asked otherwise. */
  adw_combo_row_set_selected (self->theme_row, KLYNGE_CHART_THEME_LIGHT);
  return GTK_WINDOW (self);
}

void
klynge_chart_export_dialog_export_to (KlyngeChartExportDialog *self,
                                      const char              *path)
{
  KlyngeChartExportJob job = self->job;
  guint format = MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (endings) - 1);
  guint size = MIN (adw_combo_row_get_selected (self->size_row), G_N_ELEMENTS (sizes) - 1);

  g_return_if_fail (KLYNGE_IS_CHART_EXPORT_DIALOG (self));

  g_free (self->path);
  self->path = g_str_has_suffix (path, endings[format]) ? g_strdup (path) : g_strconcat (path, endings[format], NULL);
  job.kind = KLYNGE_CHART_EXPORT_CHART;
  job.path = self->path;
  job.format = format;
  job.width = sizes[size].width;
  job.height = sizes[size].height;
  job.options.theme = MIN (adw_combo_row_get_selected (self->theme_row), KLYNGE_CHART_THEME_HIGH_CONTRAST);
  job.options.slide = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  klynge_chart_export_async (self->db, &job, self->cancellable, export_done_cb, g_object_ref (self));
}
