/* klynge-data-page.c — the Data area: imports, their batches, the request tracker
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include "klynge-cluster.h"
#include "klynge-batch-row.h"
#include "klynge-batch-store.h"
#include "klynge-data-item.h"
#include "klynge-data-page.h"
#include "klynge-delivery-row.h"
#include "klynge-delivery-store.h"
#include "klynge-format.h"
#include "klynge-import.h"
#include "klynge-import-assistant.h"
#include "klynge-import-task.h"
#include "klynge-measurements-window.h"
#include "klynge-picker.h"
#include "klynge-placeholder.h"
#include "klynge-record-list.h"
#include "klynge-request.h"
#include "klynge-submissions.h"
#include "klynge-undo-stack.h"

struct _KlyngeDataPage
{
  KlyngePage     parent_instance;

  GtkLabel      *summary_label;
  GtkDropDown   *meeting_drop_down;
  GtkLabel      *tracker_label;
  GtkWidget     *remind_all_button;
  GtkListBox    *requests_list;
  GtkListBox    *batches_list;
  GtkProgressBar *undo_progress;

  /* The tracker's: the context's store of the chosen meeting's clinics; weak. */
  KlyngeRecordStore *deliveries;
  gboolean       loading;

  /* An undo running in its worker: one at a time, and no import meanwhile. */
  gboolean       undoing;
  guint          pulse_id;
};

G_DEFINE_FINAL_TYPE (KlyngeDataPage, klynge_data_page, KLYNGE_TYPE_PAGE)

static GtkWidget *
create_batch_row (gpointer item,
                  gpointer user_data)
{
  return klynge_batch_row_new (item);
}

static GtkWidget *
create_request_row (gpointer item,
                    gpointer user_data)
{
  return klynge_delivery_row_new (item);
}

/* With no rows, the list says why: nothing imported, or @error when its
 * rows could not be read (an empty list would claim nothing was imported). */
static GtkWidget *
batches_placeholder_new (const GError *error)
{
  return error != NULL ? klynge_list_error_new (error) : klynge_list_placeholder_new (_("No files imported yet"));
}

/* The context's store of the cluster's files: the same store keeps its
 * rows; another database or cluster brings another one. */
static void
show_batches (KlyngeDataPage *self)
{
  KlyngeContext *context = klynge_page_get_context (KLYNGE_PAGE (self));
  KlyngeRecordStore *store = klynge_context_get_store (context, KLYNGE_TYPE_BATCH_STORE, klynge_page_get_cluster (KLYNGE_PAGE (self)));

  klynge_record_store_load (store, NULL);
  klynge_record_list_bind (self->batches_list, G_LIST_MODEL (store), create_batch_row, NULL, self);
  gtk_list_box_set_placeholder (self->batches_list, batches_placeholder_new (klynge_record_store_get_error (store)));
}

static void
set_deliveries (KlyngeDataPage    *self,
                KlyngeRecordStore *store)
{
  g_set_weak_pointer (&self->deliveries, store);
  klynge_record_list_bind (self->requests_list, G_LIST_MODEL (store), create_request_row, NULL, self);
}

static void
clear_requests (KlyngeDataPage *self)
{
  set_deliveries (self, NULL);
  /* Empty, the boxed list would still draw its frame as a stray line. */
  gtk_widget_set_visible (GTK_WIDGET (self->requests_list), FALSE);
  gtk_widget_set_visible (self->remind_all_button, FALSE);
}

/* What the clinics' rows add up to, from the rows themselves. */
static void
update_tracker (KlyngeDataPage *self)
{
  GListModel *clinics = G_LIST_MODEL (self->deliveries);
  guint n_clinics = g_list_model_get_n_items (clinics), n_complete = 0;
  const GError *error = klynge_record_store_get_error (self->deliveries);
  g_autofree char *complete = NULL;
  g_autofree char *all = NULL;
  g_autofree char *text = NULL;

  /* In place of the clinics' rows: an empty tracker would say all is delivered. */
  if (error != NULL)
    {
      gtk_label_set_text (self->tracker_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->requests_list), FALSE);
      gtk_widget_set_visible (self->remind_all_button, FALSE);
      return;
    }
  for (guint i = 0; i < n_clinics; i++)
    {
      g_autoptr(KlyngeDataItem) clinic = g_list_model_get_item (clinics, i);

      n_complete += klynge_data_item_get_complete (clinic);
    }
  complete = klynge_format_integer (n_complete);
  all = klynge_format_integer (n_clinics);
  text = g_strdup_printf (ngettext ("%s of %s clinic has delivered everything asked for.",
                                    "%s of %s clinics have delivered everything asked for.", n_clinics),
                          complete, all);
  gtk_label_set_text (self->tracker_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->requests_list), n_clinics > 0);
  klynge_page_reflow (GTK_WIDGET (self->requests_list));
  gtk_widget_set_visible (self->remind_all_button, n_complete < n_clinics);
}

/* One row per clinic: what it delivered, what is missing, a reminder draft.
 * The rows follow the store by themselves; the tracker is counted here
 * once, as the context refreshes its stores before every change that
 * reloads the page. */
static void
show_requests (KlyngeDataPage *self)
{
  KlyngeContext *context = klynge_page_get_context (KLYNGE_PAGE (self));
  gint64 meeting = klynge_picker_get_selected_id (self->meeting_drop_down);
  KlyngeRecordStore *store;

  if (meeting == 0)
    {
      clear_requests (self);
      gtk_label_set_text (self->tracker_label, _("No meeting has asked the clinics for data yet. Data requests are made when planning a meeting."));
      return;
    }
  store = klynge_context_get_store (context, KLYNGE_TYPE_DELIVERY_STORE, meeting);
  klynge_record_store_load (store, NULL);
  set_deliveries (self, store);
  update_tracker (self);
}

static gboolean
load_meetings (KlyngeDataPage  *self,
               GError         **error)
{
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (self));
  g_autoptr(GPtrArray) meetings = klynge_submissions_list_meetings (db, klynge_page_get_cluster (KLYNGE_PAGE (self)), error);
  g_autoptr(GListStore) choices = klynge_choices_new ();

  self->loading = TRUE;
  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    {
      KlyngeSubmissionMeeting *m = g_ptr_array_index (meetings, i);
      g_autofree char *date = klynge_format_date (m->starts_at);
      g_autofree char *title = g_strdup_printf ("%s — %s", date, m->title);

      klynge_choices_append (choices, m->id, title);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->meeting_drop_down), g_list_model_get_n_items (G_LIST_MODEL (choices)) > 0);
  klynge_picker_replace_choices (self->meeting_drop_down, G_LIST_MODEL (choices));
  self->loading = FALSE;
  return meetings != NULL;
}

static void
klynge_data_page_reload (KlyngePage *page)
{
  KlyngeDataPage *self = KLYNGE_DATA_PAGE (page);
  g_auto(KlyngeClusterSummary) summary = { 0 };
  g_autofree char *description = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeDb *db = klynge_page_get_db (page);
  gboolean counted;

  if (db == NULL)
    return;

  /* In the count's place: a count of none would not be true. */
  counted = klynge_cluster_summary_load (db, klynge_page_get_cluster (page), &summary, &error);
  count = klynge_format_integer (summary.n_measurements);
  if (!counted)
    {
      description = g_strdup (error->message);
      g_clear_error (&error);
    }
  else if (summary.n_measurements == 0)
    description = g_strdup (_("No measurements are stored for this cluster yet. Import the clinics’ CSV or Excel files here, or drop them on the window."));
  else
    description = g_strdup_printf (ngettext ("%s measurement is stored for this cluster. Import the clinics’ CSV or Excel files here, or drop them on the window.",
                                             "%s measurements are stored for this cluster. Import the clinics’ CSV or Excel files here, or drop them on the window.",
                                             summary.n_measurements),
                                   count);
  gtk_label_set_text (self->summary_label, description);
  if (!counted)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  show_batches (self);
  if (load_meetings (self, &error))
    show_requests (self);
  else
    {
      /* In the tracker's place: without its meetings it would say none asked for data. */
      clear_requests (self);
      gtk_label_set_text (self->tracker_label, error->message);
    }
}

static void
meeting_selected_cb (KlyngeDataPage *self)
{
  if (!self->loading && klynge_page_get_db (KLYNGE_PAGE (self)) != NULL)
    show_requests (self);
}

/* The import sheet put the import on the window's undo. */
static void
assistant_imported_cb (KlyngeDataPage *self)
{
  KlyngeUndoStack *stack = klynge_context_get_undo_stack (klynge_page_get_context (KLYNGE_PAGE (self)));
  const char *label = klynge_undo_stack_get_undo_label (stack);

  if (label != NULL)
    klynge_page_add_undo_toast (KLYNGE_PAGE (self), label);
}

gboolean
klynge_data_page_refuse_import (KlyngeDataPage *self)
{
  KlyngeUndoStack *stack;
  gboolean refuse;

  g_return_val_if_fail (KLYNGE_IS_DATA_PAGE (self), FALSE);

  /* The worker removing a file, from its row or from Ctrl+Z, is still at work. */
  stack = klynge_context_get_undo_stack (klynge_page_get_context (KLYNGE_PAGE (self)));
  refuse = self->undoing || (stack != NULL && klynge_undo_stack_get_busy (stack));
  if (refuse)
    klynge_page_add_toast (KLYNGE_PAGE (self), adw_toast_new (_("Wait until the import is undone, then import the file again")));
  return refuse;
}

void
klynge_data_page_import_file (KlyngeDataPage *self,
                              GFile          *file)
{
  g_autofree char *path = g_file_get_path (file);
  KlyngeImportAssistant *assistant;

  g_return_if_fail (KLYNGE_IS_DATA_PAGE (self));

  if (klynge_data_page_refuse_import (self))
    return;
  if (path == NULL || klynge_page_get_db (KLYNGE_PAGE (self)) == NULL)
    return;
  assistant = klynge_import_assistant_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                           klynge_page_get_context (KLYNGE_PAGE (self)), path);
  g_signal_connect_object (assistant, "imported", G_CALLBACK (assistant_imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (assistant));
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                KlyngeDataPage  *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    klynge_data_page_import_file (self, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlyngeDataPage *self = KLYNGE_DATA_PAGE (widget);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Import Clinics’ Data"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets and CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
pulse_cb (gpointer user_data)
{
  KlyngeDataPage *self = user_data;

  gtk_progress_bar_pulse (self->undo_progress);
  return G_SOURCE_CONTINUE;
}

static void
stop_pulsing (KlyngeDataPage *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
}

/* Undo from the import's toast starts with the page scrolled to its top,
 * far from the list of files: the bar is brought into view once laid out. */
static gboolean
reveal_progress_cb (GtkWidget     *bar,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (bar, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t top;
  double page;

  if (scrolled == NULL || !gtk_widget_get_visible (bar))
    return G_SOURCE_REMOVE;
  if (gtk_widget_get_height (bar) == 0 ||
      !gtk_widget_compute_point (bar, scrolled, &GRAPHENE_POINT_INIT (0, 0), &top))
    return G_SOURCE_CONTINUE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  page = gtk_adjustment_get_page_size (adjustment);
  if (top.y < 0 || top.y + gtk_widget_get_height (bar) > page)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top.y - page / 3);
  return G_SOURCE_REMOVE;
}

/* Until the worker has restored what the file replaced and starts removing,
 * there is no fraction to show: the bar pulses. */
static void
set_undoing (KlyngeDataPage *self,
             gboolean        undoing)
{
  self->undoing = undoing;
  klynge_page_set_action_enabled (KLYNGE_PAGE (self), "data.undo-batch", !undoing);
  klynge_page_set_action_enabled (KLYNGE_PAGE (self), "data.import", !undoing);
  stop_pulsing (self);
  gtk_widget_set_visible (GTK_WIDGET (self->undo_progress), undoing);
  if (!undoing)
    return;
  gtk_progress_bar_set_text (self->undo_progress, _("Undoing the import…"));
  gtk_progress_bar_set_fraction (self->undo_progress, 0);
  self->pulse_id = g_timeout_add (100, pulse_cb, self);
  gtk_widget_add_tick_callback (GTK_WIDGET (self->undo_progress), reveal_progress_cb, NULL, NULL);
}

static void
undo_progress_cb (double   fraction,
                  gpointer user_data)
{
  KlyngeDataPage *self = user_data;

  if (!self->undoing || self->undo_progress == NULL)
    return;
  stop_pulsing (self);
  gtk_progress_bar_set_fraction (self->undo_progress, fraction);
}

static void
undo_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KlyngeDataPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean undone = klynge_import_undo_finish (result, &error);

  /* Closed meanwhile: the worker's transaction is done, there is nothing to show. */
  if (self->undo_progress == NULL)
    return;
  set_undoing (self, FALSE);
  if (!klynge_page_report_task (KLYNGE_PAGE (self), undone, error, _("The import was undone")))
    return;
  klynge_context_emit_changed (klynge_page_get_context (KLYNGE_PAGE (self)));
}

/* A large file takes seconds to remove: its own connection in a worker, so
 * the window stays alive and shows how far it has got. */
static void
undo_batch_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KlyngeDataPage *self = KLYNGE_DATA_PAGE (widget);
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (self));

  if (self->undoing || db == NULL)
    return;
  set_undoing (self, TRUE);
  klynge_import_undo_async (klynge_db_get_path (db), g_variant_get_int64 (parameter),
                            undo_progress_cb, self, undo_done_cb, g_object_ref (self));
}

/* The clinic's draft as its row shows it now: it changes as the clinic delivers. */
static void
remind_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlyngeDataPage *self = KLYNGE_DATA_PAGE (widget);
  KlyngeDataItem *clinic = self->deliveries != NULL ? klynge_record_store_find (self->deliveries, g_variant_get_int64 (parameter)) : NULL;

  if (clinic != NULL && klynge_data_item_get_detail (clinic) != NULL)
    gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), klynge_data_item_get_detail (clinic), GDK_CURRENT_TIME);
}

/* The clinic whose data the "received by hand" dialog is about. */
typedef struct
{
  KlyngeDataPage *self;
  gint64          clinic;
} ByHandRequest;

static void
by_hand_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ByHandRequest    *request)
{
  KlyngeDataPage *self = request->self;
  GtkEditable *note = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 meeting = klynge_picker_get_selected_id (self->meeting_drop_down);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "receive") || meeting == 0)
    return;
  if (!klynge_submissions_receive_by_hand (klynge_page_get_db (KLYNGE_PAGE (self)), meeting,
                                           request->clinic, gtk_editable_get_text (note), &error))
    {
      klynge_page_report_error (KLYNGE_PAGE (self), error);
      return;
    }
  klynge_context_emit_changed (klynge_page_get_context (KLYNGE_PAGE (self)));
}

static void
receive_by_hand_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KlyngeDataPage *self = KLYNGE_DATA_PAGE (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Received by Hand"),
                                              _("What the clinic still owes is marked received. Say how it came."));
  GtkWidget *note = gtk_entry_new ();
  ByHandRequest *request = g_new0 (ByHandRequest, 1);

  gtk_widget_set_name (note, "note");
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("On paper at the meeting, by phone…"));
  gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("How the data came"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), note);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "receive", _("_Mark Received"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "receive", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "receive");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  request->self = self;
  request->clinic = g_variant_get_int64 (parameter);
  klynge_request_connect (dialog, "response", G_CALLBACK (by_hand_response_cb), widget, request, g_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remind_all_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        KlyngeDataPage  *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  gint64 meeting = klynge_picker_get_selected_id (self->meeting_drop_down);
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL && meeting != 0)
    {
      gboolean written;

      if (!g_str_has_suffix (path, ".eml"))
        {
          char *with_eml = g_strconcat (path, ".eml", NULL);

          g_free (path);
          path = with_eml;
        }
      written = klynge_submissions_write_reminder (klynge_page_get_db (KLYNGE_PAGE (self)),
                                                   meeting, path, &error);
      klynge_page_report_task (KLYNGE_PAGE (self), written, error, _("Reminder saved: open the draft to send it."));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
remind_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Remind All Missing"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  /* Translators: the file name offered for the reminder draft */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Reminder.eml"));
  g_signal_connect (chooser, "response", G_CALLBACK (remind_all_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
measurements_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KlyngeContext *context = klynge_page_get_context (KLYNGE_PAGE (widget));

  if (klynge_context_get_db (context) != NULL)
    gtk_window_present (klynge_measurements_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), context));
}

static void
klynge_data_page_dispose (GObject *object)
{
  KlyngeDataPage *self = KLYNGE_DATA_PAGE (object);

  stop_pulsing (self);
  set_deliveries (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_DATA_PAGE);
  G_OBJECT_CLASS (klynge_data_page_parent_class)->dispose (object);
}

static void
klynge_data_page_class_init (KlyngeDataPageClass *klass)
{
  static const char *editing_actions[] = { "data.import", "data.undo-batch", "data.receive-by-hand", NULL };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_data_page_dispose;
  KLYNGE_PAGE_CLASS (klass)->reload = klynge_data_page_reload;
  klynge_page_class_set_editing_actions (KLYNGE_PAGE_CLASS (klass), editing_actions);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/data/klynge-data-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeDataPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeDataPage, meeting_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KlyngeDataPage, tracker_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeDataPage, remind_all_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeDataPage, requests_list);
  gtk_widget_class_bind_template_child (widget_class, KlyngeDataPage, batches_list);
  gtk_widget_class_bind_template_child (widget_class, KlyngeDataPage, undo_progress);
  gtk_widget_class_bind_template_callback (widget_class, meeting_selected_cb);

  gtk_widget_class_install_action (widget_class, "data.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "data.undo-batch", "x", undo_batch_action);
  gtk_widget_class_install_action (widget_class, "data.remind", "x", remind_action);
  gtk_widget_class_install_action (widget_class, "data.measurements", NULL, measurements_action);
  gtk_widget_class_install_action (widget_class, "data.receive-by-hand", "x", receive_by_hand_action);
  gtk_widget_class_install_action (widget_class, "data.remind-all", NULL, remind_all_action);
}

static void
klynge_data_page_init (KlyngeDataPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_page_ellipsize_picker (self->meeting_drop_down);
  klynge_page_add_shortcut (KLYNGE_PAGE (self), "<Control>i", "data.import");
  /* What is new in this area comes from the clinics' files. */
  klynge_page_add_shortcut (KLYNGE_PAGE (self), "<Control>n", "data.import");

  gtk_list_box_set_placeholder (self->batches_list, batches_placeholder_new (NULL));
}
