/* klynge-measurements-window.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include <math.h>

#include "klynge-chart-data.h"
#include "klynge-column-fit.h"
#include "klynge-format.h"
#include "klynge-measurements.h"
#include "klynge-measurements-window.h"
#include "klynge-page.h"
#include "klynge-picker.h"

struct _KlyngeMeasurementsWindow
{
  AdwWindow           parent_instance;

  GtkDropDown        *indicator_picker;
  GtkDropDown        *period_picker;
  GtkDropDown        *filter_picker;
  GtkStack           *content;
  GtkColumnView      *table;
  AdwStatusPage      *error_page;
  GtkSingleSelection *selection;
  GtkLabel           *clinic_label;
  GtkEditable        *numerator_entry;
  GtkEditable        *denominator_entry;
  GtkLabel           *message_label;

  KlyngeContext      *context;
  gboolean            updating;
};

G_DEFINE_FINAL_TYPE (KlyngeMeasurementsWindow, klynge_measurements_window, ADW_TYPE_WINDOW)

static KlyngeMeasurementItem *
chosen_item (KlyngeMeasurementsWindow *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* The chosen clinic's numbers, ready to be corrected. */
static void
show_chosen (KlyngeMeasurementsWindow *self)
{
  KlyngeMeasurementItem *item = chosen_item (self);
  g_autofree char *numerator = NULL;
  g_autofree char *denominator = NULL;

  gtk_label_set_text (self->clinic_label, item != NULL ? klynge_measurement_item_get_clinic_name (item) : "");
  if (item != NULL && klynge_measurement_item_get_numerator (item) >= 0)
    numerator = g_strdup_printf ("%" G_GINT64_FORMAT, klynge_measurement_item_get_numerator (item));
  if (item != NULL && klynge_measurement_item_get_denominator (item) >= 0)
    denominator = g_strdup_printf ("%" G_GINT64_FORMAT, klynge_measurement_item_get_denominator (item));
  gtk_editable_set_text (self->numerator_entry, numerator != NULL ? numerator : "");
  gtk_editable_set_text (self->denominator_entry, denominator != NULL ? denominator : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measurements.save", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "measurements.clear",
                                 item != NULL && klynge_measurement_item_get_status (item) != KLYNGE_MEASUREMENT_MISSING);
}

/* In the list's place: an empty list would say no clinic has numbers. */
static void
show_error (KlyngeMeasurementsWindow *self,
            const GError             *error)
{
  gtk_single_selection_set_model (self->selection, NULL);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->content, "error");
  show_chosen (self);
}

/* The list read again, the same clinic kept chosen. */
static void
load_rows (KlyngeMeasurementsWindow *self)
{
  KlyngeDb *db = klynge_context_get_db (self->context);
  KlyngeMeasurementItem *item = chosen_item (self);
  gint64 keep = item != NULL ? klynge_measurement_item_get_clinic_id (item) : 0;
  const char *period = klynge_picker_get_selected_key (self->period_picker);
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (db != NULL && period != NULL)
    rows = klynge_measurements_list (db, klynge_context_get_cluster_id (self->context),
                                     klynge_picker_get_selected_id (self->indicator_picker), period,
                                     gtk_drop_down_get_selected (self->filter_picker), &error);
  if (error != NULL)
    {
      show_error (self, error);
      return;
    }
  gtk_stack_set_visible_child_name (self->content, "table");
  gtk_single_selection_set_model (self->selection, rows);
  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(KlyngeMeasurementItem) row = g_list_model_get_item (rows, i);

      if (klynge_measurement_item_get_clinic_id (row) == keep)
        gtk_single_selection_set_selected (self->selection, i);
    }
  show_chosen (self);
}

static gboolean
load_periods (KlyngeMeasurementsWindow  *self,
              GError                   **error)
{
  KlyngeDb *db = klynge_context_get_db (self->context);
  g_autoptr(GPtrArray) periods = NULL;

  if (db != NULL)
    periods = klynge_chart_list_periods (db, klynge_context_get_cluster_id (self->context),
                                         klynge_picker_get_selected_id (self->indicator_picker), error);
  klynge_picker_set_periods (self->period_picker, periods);
  return db == NULL || periods != NULL;
}

/* After the choices were read: their rows, or why the choices could not be. */
static void
load_rows_or_show (KlyngeMeasurementsWindow *self,
                   gboolean                  read,
                   const GError             *error)
{
  if (read)
    load_rows (self);
  else
    show_error (self, error);
}

static void
load_all (KlyngeMeasurementsWindow *self)
{
  KlyngeDb *db = klynge_context_get_db (self->context);
  g_autoptr(GListStore) choices = klynge_choices_new ();
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GError) error = NULL;
  gboolean read;

  if (db == NULL)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  self->updating = TRUE;
  indicators = klynge_chart_list_indicators (db, klynge_context_get_cluster_id (self->context), 0, &error);
  klynge_chart_append_choices (choices, indicators);
  klynge_picker_replace_choices (self->indicator_picker, G_LIST_MODEL (choices));
  read = indicators != NULL && load_periods (self, &error);
  self->updating = FALSE;
  load_rows_or_show (self, read, error);
}

static void
indicator_changed_cb (KlyngeMeasurementsWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean read;

  if (self->updating)
    return;
  self->updating = TRUE;
  read = load_periods (self, &error);
  self->updating = FALSE;
  load_rows_or_show (self, read, error);
}

static void
rows_changed_cb (KlyngeMeasurementsWindow *self)
{
  if (!self->updating)
    load_rows (self);
}

static void
selection_changed_cb (KlyngeMeasurementsWindow *self)
{
  gtk_label_set_text (self->message_label, "");
  show_chosen (self);
}

/* The change goes on the window's one undo, and every area shows it. */
static void
push_undo (KlyngeMeasurementsWindow *self,
           KlyngeSnapshot           *snapshot,
           const char               *label)
{
  klynge_undo_stack_push (klynge_context_get_undo_stack (self->context), label, snapshot);
  gtk_label_set_text (self->message_label, label);
  /* Back to the list, where Ctrl+Z undoes the change (in an entry it undoes typing). */
  gtk_widget_grab_focus (GTK_WIDGET (self->table));
  klynge_context_emit_changed (self->context);
}

/* Corrects the chosen clinic's value as typed, or clears it. */
static void
change_chosen (KlyngeMeasurementsWindow *self,
               gboolean                  clear)
{
  KlyngeMeasurementItem *item = chosen_item (self);
  KlyngeDb *db = klynge_context_get_db (self->context);
  gint64 cluster = klynge_context_get_cluster_id (self->context);
  gint64 indicator = klynge_picker_get_selected_id (self->indicator_picker);
  const char *period = klynge_picker_get_selected_key (self->period_picker);
  g_autoptr(GError) error = NULL;
  KlyngeSnapshot *snapshot;

  if (item == NULL || period == NULL)
    return;
  snapshot = clear
    ? klynge_measurements_clear (db, cluster, indicator, klynge_measurement_item_get_clinic_id (item),
                                 period, &error)
    : klynge_measurements_correct (db, cluster, indicator, klynge_measurement_item_get_clinic_id (item),
                                   period, gtk_editable_get_text (self->numerator_entry),
                                   gtk_editable_get_text (self->denominator_entry), &error);
  if (snapshot == NULL)
    {
      gtk_label_set_text (self->message_label, error->message);
      return;
    }
  push_undo (self, snapshot, clear ? _("Measurement cleared") : _("Measurement corrected"));
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  change_chosen (KLYNGE_MEASUREMENTS_WINDOW (widget), g_str_equal (action_name, "measurements.clear"));
}

/* Ctrl+Z here is the main window's, as everywhere. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), g_str_equal (action_name, "measurements.redo") ? "win.redo" : "win.undo", NULL);
}

/* Cells: each column shows one text of the row's item. */
typedef char *(*CellText) (KlyngeMeasurementItem *item);

static char *
clinic_text (KlyngeMeasurementItem *item)
{
  return g_strdup (klynge_measurement_item_get_clinic_name (item));
}

static char *
count_text (gint64 count)
{
  return count >= 0 ? klynge_format_integer (count) : g_strdup ("");
}

static char *
numerator_text (KlyngeMeasurementItem *item)
{
  return count_text (klynge_measurement_item_get_numerator (item));
}

static char *
denominator_text (KlyngeMeasurementItem *item)
{
  return count_text (klynge_measurement_item_get_denominator (item));
}

static char *
value_text (KlyngeMeasurementItem *item)
{
  gint64 numerator = klynge_measurement_item_get_numerator (item);
  gint64 denominator = klynge_measurement_item_get_denominator (item);

  switch (klynge_measurement_item_get_status (item))
    {
    case KLYNGE_MEASUREMENT_MISSING:
      return g_strdup (_("Missing"));
    case KLYNGE_MEASUREMENT_SUPPRESSED:
      return g_strdup (_("Suppressed"));
    case KLYNGE_MEASUREMENT_OK:
    default:
      if (numerator >= 0 && denominator > 0)
        return g_strdup_printf ("%.1f %%", 100.0 * (double) numerator / (double) denominator);
      return isnan (klynge_measurement_item_get_value (item)) ? g_strdup ("")
             : g_strdup_printf ("%g", klynge_measurement_item_get_value (item));
    }
}

static char *
source_text (KlyngeMeasurementItem *item)
{
  const char *source = klynge_measurement_item_get_source (item);
  const char *edited = klynge_measurement_item_get_edited_at (item);
  g_autofree char *date = edited != NULL ? g_strndup (edited, 10) : NULL;

  if (klynge_measurement_item_get_status (item) == KLYNGE_MEASUREMENT_MISSING)
    return g_strdup ("");
  if (source != NULL && date != NULL)
    /* Translators: where a number is from: a file's name, then the date it was corrected */
    return g_strdup_printf (_("%s, corrected by hand on %s"), source, date);
  if (date != NULL)
    return g_strdup_printf (_("Typed in or corrected by hand on %s"), date);
  return g_strdup (source != NULL ? source : _("Typed in"));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Never cut: the least important columns give way instead. */
  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (numeric) ? 1 : 0);
  if (GPOINTER_TO_INT (numeric))
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  numeric)
{
  CellText text = (CellText) g_object_get_data (G_OBJECT (factory), "text");
  g_autofree char *shown = text (gtk_list_item_get_item (list_item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), shown);
}

static void
add_column (KlyngeMeasurementsWindow *self,
            const char               *title,
            CellText                  text,
            gboolean                  numeric,
            gboolean                  expand,
            guint                     priority)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "text", (gpointer) text);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (numeric));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  klynge_column_fit_set_priority (column, priority);
  gtk_column_view_append_column (self->table, column);
  g_object_unref (column);
}

static void
klynge_measurements_window_dispose (GObject *object)
{
  KlyngeMeasurementsWindow *self = KLYNGE_MEASUREMENTS_WINDOW (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_MEASUREMENTS_WINDOW);
  G_OBJECT_CLASS (klynge_measurements_window_parent_class)->dispose (object);
}

static void
klynge_measurements_window_class_init (KlyngeMeasurementsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = klynge_measurements_window_dispose;
  g_type_ensure (KLYNGE_TYPE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/data/klynge-measurements-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeasurementsWindow, indicator_picker);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeasurementsWindow, period_picker);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeasurementsWindow, filter_picker);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeasurementsWindow, table);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeasurementsWindow, content);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeasurementsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeasurementsWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeasurementsWindow, clinic_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeasurementsWindow, numerator_entry);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeasurementsWindow, denominator_entry);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeasurementsWindow, message_label);
  gtk_widget_class_bind_template_callback (widget_class, indicator_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rows_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);

  gtk_widget_class_install_action (widget_class, "measurements.save", NULL, change_action);
  gtk_widget_class_install_action (widget_class, "measurements.clear", NULL, change_action);
  gtk_widget_class_install_action (widget_class, "measurements.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "measurements.redo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "measurements.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "measurements.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
klynge_measurements_window_init (KlyngeMeasurementsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* In a narrow window the clinic and its value stay; the form below
   * shows the numerator and denominator of the one chosen. */
  add_column (self, _("Clinic"), clinic_text, FALSE, TRUE, 0);
  add_column (self, _("Numerator"), numerator_text, TRUE, FALSE, 2);
  add_column (self, _("Denominator"), denominator_text, TRUE, FALSE, 3);
  add_column (self, _("Value"), value_text, TRUE, FALSE, 0);
  add_column (self, _("Source"), source_text, FALSE, TRUE, 4);
  klynge_column_fit_attach (self->table);
}

GtkWindow *
klynge_measurements_window_new (GtkWindow     *parent,
                                KlyngeContext *context)
{
  KlyngeMeasurementsWindow *self = g_object_new (KLYNGE_TYPE_MEASUREMENTS_WINDOW, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  /* An undo, an import or a change elsewhere shows here at once. */
  g_signal_connect_object (context, "changed", G_CALLBACK (load_all), self, G_CONNECT_SWAPPED);
  load_all (self);
  return GTK_WINDOW (self);
}
