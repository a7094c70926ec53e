/* klynge-clusters-page-actions.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Clusters & members area does: the editors, delete with Undo,
 * the BCC address line, and the member and practice lists in and out.
 */

#include "klynge-i18n.h"

#include "klynge-cancellable.h"
#include "klynge-clinic-editor.h"
#include "klynge-cluster-editor.h"
#include "klynge-clusters-page-private.h"
#include "klynge-format.h"
#include "klynge-member-editor.h"
#include "klynge-member-export.h"
#include "klynge-member-import-dialog.h"
#include "klynge-placeholder.h"
#include "klynge-practice-list.h"
#include "klynge-record-store.h"
#include "klynge-request.h"

static void
changed (KlyngeClustersPage *self)
{
  klynge_context_emit_changed (klynge_page_get_context (KLYNGE_PAGE (self)));
}

static GtkWindow *
parent_window (KlyngeClustersPage *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

/* Editors */

static void
saved_cb (KlyngeClustersPage *self)
{
  changed (self);
}

static void
show_editor (KlyngeClustersPage *self,
             GtkWindow          *editor)
{
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (editor);
}

/* @id: the member or clinic to edit, or 0 for a new one */
static void
open_editor (KlyngeClustersPage *self,
             gboolean            member,
             gint64              id)
{
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (self));
  gint64 cluster = klynge_page_get_cluster (KLYNGE_PAGE (self));
  g_autoptr(GError) error = NULL;
  GtkWindow *editor = NULL;

  if (member)
    {
      g_autoptr(KlyngeMember) record = id != 0 ? klynge_member_load (db, cluster, id, &error) : NULL;

      if (id == 0 || record != NULL)
        editor = GTK_WINDOW (klynge_member_editor_new (parent_window (self), db, cluster, record));
    }
  else
    {
      g_autoptr(KlyngeClinic) record = id != 0 ? klynge_clinic_load (db, cluster, id, &error) : NULL;

      if (id == 0 || record != NULL)
        editor = GTK_WINDOW (klynge_clinic_editor_new (parent_window (self), db, cluster, record));
    }

  if (editor == NULL)
    klynge_page_report_error (KLYNGE_PAGE (self), error);
  else
    show_editor (self, editor);
}

/* clusters.new-member, clusters.edit-member (id), and the same for clinics */
static void
editor_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_editor (KLYNGE_CLUSTERS_PAGE (widget), g_str_has_suffix (action_name, "-member"),
               parameter != NULL ? g_variant_get_int64 (parameter) : 0);
}

static void
edit_cluster_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KlyngeClustersPage *self = KLYNGE_CLUSTERS_PAGE (widget);

  show_editor (self, GTK_WINDOW (klynge_cluster_editor_new (parent_window (self), klynge_page_get_db (KLYNGE_PAGE (self)),
                                                            klynge_page_get_cluster (KLYNGE_PAGE (self)))));
}

/* Delete and Undo */

static void
delete_member_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KlyngeClustersPage *self = KLYNGE_CLUSTERS_PAGE (widget);
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (self));
  gint64 cluster = klynge_page_get_cluster (KLYNGE_PAGE (self));
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeMember) member = klynge_member_load (db, cluster, id, &error);
  KlyngeSnapshot *snapshot = member != NULL ? klynge_member_delete (db, cluster, id, &error) : NULL;
  g_autofree char *message = NULL;

  if (snapshot == NULL)
    {
      klynge_page_report_error (KLYNGE_PAGE (self), error);
      return;
    }
  message = g_strdup_printf (_("%s deleted"), member->name);
  klynge_page_push_undo (KLYNGE_PAGE (self), snapshot, message);
}

static void
delete_clinic (KlyngeClustersPage  *self,
               KlyngeClinic        *clinic,
               KlyngeClinicMembers  members,
               gint64               move_to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  KlyngeSnapshot *snapshot = klynge_clinic_delete (klynge_page_get_db (KLYNGE_PAGE (self)),
                                                   klynge_page_get_cluster (KLYNGE_PAGE (self)),
                                                   clinic->id, members, move_to, &error);

  if (snapshot == NULL)
    {
      klynge_page_report_error (KLYNGE_PAGE (self), error);
      return;
    }
  message = g_strdup_printf (_("%s deleted"), clinic->name);
  klynge_page_push_undo (KLYNGE_PAGE (self), snapshot, message);
}

/* The clinic the dialog asks about, deleted once it says what becomes of
 * the members. */
typedef struct
{
  KlyngeClustersPage *self;
  KlyngeClinic       *clinic;
} DeleteRequest;

static void
delete_request_free (gpointer data)
{
  DeleteRequest *request = data;

  g_object_unref (request->clinic);
  g_free (request);
}

static void
delete_clinic_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           DeleteRequest    *request)
{
  KlyngeClustersPage *self = request->self;
  KlyngeClinic *clinic = request->clinic;
  GtkWidget *target = adw_message_dialog_get_extra_child (dialog);
  KlyngeClinic *move_to = GTK_IS_DROP_DOWN (target) ? gtk_drop_down_get_selected_item (GTK_DROP_DOWN (target)) : NULL;

  if (g_str_equal (response, "move") && move_to != NULL)
    delete_clinic (self, clinic, KLYNGE_CLINIC_MEMBERS_MOVE, move_to->id);
  else if (g_str_equal (response, "remove"))
    delete_clinic (self, clinic, KLYNGE_CLINIC_MEMBERS_REMOVE, 0);
}

static gboolean
is_other_clinic (gpointer item,
                 gpointer clinic)
{
  return KLYNGE_CLINIC (item)->id != KLYNGE_CLINIC (clinic)->id;
}

/* The cluster's other clinics by name, the records themselves. */
static GListModel *
other_clinics (KlyngeClustersPage *self,
               KlyngeClinic       *clinic)
{
  GtkFilter *others = GTK_FILTER (gtk_custom_filter_new (is_other_clinic, g_object_ref (clinic), g_object_unref));
  GtkFilterListModel *filtered = gtk_filter_list_model_new (g_object_ref (gtk_filter_list_model_get_model (self->clinics_filtered)),
                                                            others);
  GtkSorter *by_name = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (KLYNGE_TYPE_CLINIC, NULL, "name")));

  return G_LIST_MODEL (gtk_sort_list_model_new (G_LIST_MODEL (filtered), by_name));
}

/* A clinic with members asks where they go: never orphans. When the other
 * clinics could not be read (@error), the dialog says why in their place
 * and offers only to remove the members. */
static void
ask_about_members (KlyngeClustersPage *self,
                   KlyngeClinic       *clinic,
                   gint64              n_members,
                   const GError       *error)
{
  GListModel *choices = error == NULL ? other_clinics (self, clinic) : NULL;
  g_autofree char *heading = g_strdup_printf (_("Delete %s?"), clinic->name);
  g_autofree char *count = klynge_format_integer (n_members);
  g_autofree char *body = g_strdup_printf (ngettext ("The clinic has %s member. Move them to the clinic chosen below, or remove them with the clinic. Undo brings everything back.",
                                                     "The clinic has %s members. Move them to the clinic chosen below, or remove them with the clinic. Undo brings everything back.",
                                                     n_members), count);
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);
  DeleteRequest *request = g_new0 (DeleteRequest, 1);
  gboolean can_move;
  GtkWidget *target;

  can_move = choices != NULL && g_list_model_get_n_items (choices) > 0;
  if (choices != NULL)
    {
      target = gtk_drop_down_new (choices, gtk_property_expression_new (KLYNGE_TYPE_CLINIC, NULL, "name"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move the members to"), -1);
    }
  else
    target = klynge_list_error_new (error);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), target);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove Them Too"),
                                    "move", _("_Move Them"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "move", can_move);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), can_move ? "move" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  request->self = self;
  request->clinic = g_object_ref (clinic);
  klynge_request_connect (dialog, "response", G_CALLBACK (delete_clinic_response_cb), GTK_WIDGET (self),
                               request, delete_request_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_clinic_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KlyngeClustersPage *self = KLYNGE_CLUSTERS_PAGE (widget);
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeClinic) clinic = klynge_clinic_load (db, klynge_page_get_cluster (KLYNGE_PAGE (self)),
                                                       g_variant_get_int64 (parameter), &error);
  gint64 n_members;

  if (clinic == NULL || !klynge_clinic_count_members (db, clinic->id, &n_members, &error))
    {
      klynge_page_report_error (KLYNGE_PAGE (self), error);
      return;
    }
  if (n_members > 0)
    {
      klynge_record_store_load (KLYNGE_RECORD_STORE (gtk_filter_list_model_get_model (self->clinics_filtered)), &error);
      ask_about_members (self, clinic, n_members, error);
    }
  else
    delete_clinic (self, clinic, KLYNGE_CLINIC_MEMBERS_NONE, 0);
}

/* The Delete and F2 keys and the row's menu (right click, Menu key,
 * Shift+F10) on the selected row of the list shown: a row is one Tab stop,
 * its Edit and Delete buttons are for the pointer. */
static void
act_on_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KlyngeClustersPage *self = KLYNGE_CLUSTERS_PAGE (widget);
  gboolean members = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "members") == 0;
  GtkColumnView *view = members ? self->members_view : self->clinics_view;
  GObject *item = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)));
  const char *verb = g_str_equal (action_name, "clusters.edit-selected") ? "edit" : "delete";
  g_autofree char *action = g_strdup_printf ("clusters.%s-%s", verb, members ? "member" : "clinic");

  if (item == NULL)
    return;
  gtk_widget_activate_action (widget, action, "x", members ? KLYNGE_MEMBER (item)->id : KLYNGE_CLINIC (item)->id);
}

static void
copy_emails_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KlyngeClustersPage *self = KLYNGE_CLUSTERS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *emails = klynge_member_active_emails (klynge_page_get_db (KLYNGE_PAGE (self)),
                                                         klynge_page_get_cluster (KLYNGE_PAGE (self)), &error);
  g_auto(GStrv) parts = NULL;
  g_autofree char *message = NULL;
  guint n;

  if (emails == NULL)
    {
      klynge_page_report_error (KLYNGE_PAGE (self), error);
      return;
    }
  parts = g_strsplit (emails, ", ", -1);
  n = *emails != '\0' ? g_strv_length (parts) : 0;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), emails);
  message = g_strdup_printf (ngettext ("%u e-mail address copied, for the BCC line",
                                       "%u e-mail addresses copied, for the BCC line", n), n);
  klynge_page_add_toast (KLYNGE_PAGE (self), adw_toast_new (message));
}

/* Export */

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KlyngeClustersPage) self = user_data;
  g_autoptr(GError) error = NULL;

  klynge_page_report_task (KLYNGE_PAGE (self), klynge_member_export_finish (result, &error), error,
                           _("The address list is saved"));
}

/* What a file chooser of the page hands its file to: an export in
 * @format, or @import. */
typedef struct
{
  KlyngeClustersPage       *self;
  KlyngeMemberExportFormat  format;
  void                    (*import) (KlyngeClustersPage *self,
                                     const char         *path);
} ChooserRequest;

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    ChooserRequest  *request)
{
  KlyngeClustersPage *self = request->self;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    {
      klynge_cancellable_renew (&self->export_cancellable);
      klynge_member_export_async (klynge_page_get_db (KLYNGE_PAGE (self)), klynge_page_get_cluster (KLYNGE_PAGE (self)),
                                  request->format, path, self->export_cancellable, export_done_cb, g_object_ref (self));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlyngeClustersPage *self = KLYNGE_CLUSTERS_PAGE (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  ChooserRequest *request = g_new0 (ChooserRequest, 1);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Export the Address List"), parent_window (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the file name offered for the exported address list */
  g_autofree char *name = g_strdup_printf ("%s.%s", _("Members"), kind);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  request->format = g_str_equal (kind, "csv") ? KLYNGE_MEMBER_EXPORT_CSV
                    : g_str_equal (kind, "pdf") ? KLYNGE_MEMBER_EXPORT_PDF : KLYNGE_MEMBER_EXPORT_XLSX;
  request->self = self;
  klynge_request_connect (chooser, "response", G_CALLBACK (export_response_cb), widget, request, g_free);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Import */

static void
imported_cb (KlyngeClustersPage *self,
             guint               n_members)
{
  g_autofree char *message = g_strdup_printf (ngettext ("%u member imported", "%u members imported", n_members),
                                              n_members);

  klynge_page_add_toast (KLYNGE_PAGE (self), adw_toast_new (message));
  changed (self);
}

static void
import_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KlyngeClustersPage) self = user_data;
  g_autoptr(GError) error = NULL;
  KlyngeMemberImport *import = klynge_member_import_read_finish (result, &error);
  KlyngeMemberImportDialog *dialog;

  if (!klynge_page_report_task (KLYNGE_PAGE (self), import != NULL, error, NULL))
    return;
  dialog = klynge_member_import_dialog_new (parent_window (self), klynge_page_get_db (KLYNGE_PAGE (self)),
                                            klynge_page_get_cluster (KLYNGE_PAGE (self)), self->import_file_name, import);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reads @path and shows what importing it would do. */
static void
import_file (KlyngeClustersPage *self,
             const char         *path)
{
  klynge_cancellable_renew (&self->import_cancellable);
  g_free (self->import_file_name);
  self->import_file_name = g_path_get_basename (path);
  klynge_member_import_read_async (klynge_page_get_db (KLYNGE_PAGE (self)), klynge_page_get_cluster (KLYNGE_PAGE (self)),
                                   path, self->import_cancellable, import_read_cb, g_object_ref (self));
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    ChooserRequest  *request)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    request->import (request->self, path);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Asks for a spreadsheet to pass to @import; a test (or a drop) hands the
 * file over directly as the action's @parameter. */
static void
choose_spreadsheet (KlyngeClustersPage *self,
                    GVariant           *parameter,
                    const char         *title,
                    void              (*import) (KlyngeClustersPage *, const char *))
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;
  ChooserRequest *request;

  if (parameter != NULL && *g_variant_get_string (parameter, NULL) != '\0')
    {
      import (self, g_variant_get_string (parameter, NULL));
      return;
    }
  chooser = gtk_file_chooser_native_new (title, parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV, XLSX)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_pattern (filter, "*.XLSX");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  request = g_new0 (ChooserRequest, 1);
  request->self = self;
  request->import = import;
  klynge_request_connect (chooser, "response", G_CALLBACK (import_response_cb), GTK_WIDGET (self), request, g_free);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose_spreadsheet (KLYNGE_CLUSTERS_PAGE (widget), parameter, _("Import a Member List"), import_file);
}

static void
practices_imported_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(KlyngeClustersPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *created = NULL;
  KlyngePracticeListResult counts;

  if (!klynge_page_report_task (KLYNGE_PAGE (self), klynge_practice_list_import_finish (result, &counts, &error),
                                error, NULL))
    return;
  created = g_strdup_printf (ngettext ("%u clinic created", "%u clinics created", counts.created), counts.created);
  /* TRANSLATORS: the first %s is "N clinics created" */
  message = g_strdup_printf (ngettext ("%s, %u updated from the practice list", "%s, %u updated from the practice list",
                                       counts.updated), created, counts.updated);
  klynge_page_add_toast (KLYNGE_PAGE (self), adw_toast_new (message));
  klynge_context_emit_changed (klynge_page_get_context (KLYNGE_PAGE (self)));
}

static void
import_practices (KlyngeClustersPage *self,
                  const char         *path)
{
  klynge_cancellable_renew (&self->import_cancellable);
  klynge_practice_list_import_async (klynge_page_get_db (KLYNGE_PAGE (self)), klynge_page_get_cluster (KLYNGE_PAGE (self)),
                                     path, self->import_cancellable, practices_imported_cb, g_object_ref (self));
}

static void
import_practices_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  choose_spreadsheet (KLYNGE_CLUSTERS_PAGE (widget), parameter, _("Import a Practice List"), import_practices);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (KLYNGE_CLUSTERS_PAGE (widget)->search_entry));
}

void
_klynge_clusters_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "clusters.new-member", NULL, editor_action);
  gtk_widget_class_install_action (widget_class, "clusters.edit-member", "x", editor_action);
  gtk_widget_class_install_action (widget_class, "clusters.delete-member", "x", delete_member_action);
  gtk_widget_class_install_action (widget_class, "clusters.new-clinic", NULL, editor_action);
  gtk_widget_class_install_action (widget_class, "clusters.edit-clinic", "x", editor_action);
  gtk_widget_class_install_action (widget_class, "clusters.delete-clinic", "x", delete_clinic_action);
  gtk_widget_class_install_action (widget_class, "clusters.edit-cluster", NULL, edit_cluster_action);
  gtk_widget_class_install_action (widget_class, "clusters.copy-emails", NULL, copy_emails_action);
  gtk_widget_class_install_action (widget_class, "clusters.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "clusters.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "clusters.import-members", "s", import_action);
  gtk_widget_class_install_action (widget_class, "clusters.import-practices", "s", import_practices_action);

  gtk_widget_class_install_action (widget_class, "clusters.delete-selected", NULL, act_on_selected_action);
  gtk_widget_class_install_action (widget_class, "clusters.edit-selected", NULL, act_on_selected_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "clusters.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "clusters.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "clusters.edit-selected", NULL);
}
