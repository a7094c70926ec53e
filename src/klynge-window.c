/* klynge-window.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include <glib/gstdio.h>
#include <string.h>

#include "klynge-accessible.h"
#include "klynge-backup.h"
#include "klynge-cancellable.h"
#include "klynge-charts-page.h"
#include "klynge-cluster.h"
#include "klynge-cluster-actions.h"
#include "klynge-cluster-switcher.h"
#include "klynge-clusters-page.h"
#include "klynge-data-page.h"
#include "klynge-db-task.h"
#include "klynge-import-sheet.h"
#include "klynge-demo.h"
#include "klynge-edit-guard.h"
#include "klynge-finances-page.h"
#include "klynge-meetings-page.h"
#include "klynge-menu-button.h"
#include "klynge-print.h"
#include "klynge-read-only.h"
#include "klynge-request.h"
#include "klynge-restore-dialog.h"
#include "klynge-topics.h"
#include "klynge-window.h"

enum
{
  AREA_CLUSTERS,
  AREA_MEETINGS,
  AREA_DATA,
  AREA_CHARTS,
  AREA_FINANCES,
  N_AREAS
};

struct _KlyngeWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  KlyngeContext        *context;

  AdwToastOverlay      *toast_overlay;
  GtkWidget            *read_only_label;
  GtkLabel             *read_only_text;
  GtkInfoBar           *archived_banner;
  GtkLabel             *archived_banner_label;
  GtkInfoBar           *backup_banner;
  GtkLabel             *backup_banner_label;
  GtkInfoBar           *network_banner;
  GtkLabel             *network_banner_label;
  GtkSpinner           *opening_spinner;
  AdwStatusPage        *opening_page;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  KlyngeClusterSwitcher *cluster_switcher;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  GtkMenuButton        *primary_button;
  GMenuModel           *primary_menu;
  /* Each area's page is built the first time the area is shown, into its
   * place in the view stack: start-up builds only the one it shows. */
  AdwBin               *bins[N_AREAS];
  KlyngePage           *pages[N_AREAS];

  /* The file being opened in a worker; cancelled when another is opened
   * or the window closes, so only the newest one is shown. */
  GCancellable         *opening;
};

G_DEFINE_FINAL_TYPE (KlyngeWindow, klynge_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *areas[N_AREAS] = { "clusters", "meetings", "data", "charts", "finances" };

static KlyngePage *
ensure_page (KlyngeWindow *self,
             guint         area)
{
  static GType (* const page_types[N_AREAS]) (void) = {
    klynge_clusters_page_get_type, klynge_meetings_page_get_type, klynge_data_page_get_type,
    klynge_charts_page_get_type, klynge_finances_page_get_type,
  };

  if (self->pages[area] == NULL)
    {
      self->pages[area] = g_object_new (page_types[area] (), "context", self->context, NULL);
      adw_bin_set_child (self->bins[area], GTK_WIDGET (self->pages[area]));
      /* The window named its insides when it was mapped, before this page. */
      klynge_accessible_name_tree (GTK_WIDGET (self->pages[area]));
    }
  return self->pages[area];
}

static void
ensure_visible_page (KlyngeWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  for (guint i = 0; i < N_AREAS; i++)
    if (visible == GTK_WIDGET (self->bins[i]))
      ensure_page (self, i);
}

char *
klynge_window_default_path (const char *basename)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "klynge", NULL);

  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, basename, NULL);
}

static void
update_switcher (KlyngeWindow *self)
{
  gboolean content = klynge_context_get_db (self->context) != NULL;
  gboolean title_visible = adw_view_switcher_title_get_title_visible (self->switcher_title);

  gtk_stack_set_visible_child_name (self->main_stack,
                                    content ? "content" : self->opening != NULL ? "opening" : "welcome");
  /* Without content the whole window says it is opening a file. */
  gtk_widget_set_visible (GTK_WIDGET (self->opening_spinner), content && self->opening != NULL);
  gtk_spinner_set_spinning (self->opening_spinner, content && self->opening != NULL);
  adw_view_switcher_title_set_stack (self->switcher_title, content ? self->view_stack : NULL);
  /* The bar's buttons are made when a narrow window first shows it. */
  if (content && title_visible)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, content && title_visible);
}

static void
update_title (KlyngeWindow *self)
{
  g_auto(KlyngeClusterSummary) summary = { 0 };
  g_autoptr(GError) error = NULL;
  KlyngeDb *db = klynge_context_get_db (self->context);

  if (db != NULL && klynge_cluster_summary_load (db, klynge_context_get_cluster_id (self->context), &summary, &error))
    {
      g_autofree char *title = g_strdup_printf ("%s – Klynge", summary.name);

      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_view_switcher_title_set_subtitle (self->switcher_title, summary.name);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), "Klynge");
      /* In the cluster's name's place. */
      adw_view_switcher_title_set_subtitle (self->switcher_title, error != NULL ? error->message : NULL);
    }
}

/* An archived cluster says so, and offers to take it back into use, for
 * as long as it is shown: a read-only file's reason is in the header bar's
 * tooltip and said once when opened. */
static void
update_read_only (KlyngeWindow *self)
{
  KlyngeDb *db = klynge_context_get_db (self->context);
  gboolean read_only = klynge_context_get_read_only (self->context);
  gboolean archived = read_only && !klynge_db_is_read_only (db);
  g_autofree char *reason = klynge_context_dup_read_only_reason (self->context);

  gtk_widget_set_visible (self->read_only_label, read_only);
  gtk_label_set_text (self->read_only_text, archived ? _("Archived") : _("Read-only"));
  gtk_widget_set_tooltip_text (self->read_only_label, reason);
  gtk_label_set_text (self->archived_banner_label, archived ? reason : "");
  gtk_info_bar_set_revealed (self->archived_banner, archived);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", db != NULL && !read_only);
  /* Without a database it makes a new file; with one, a cluster in it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-cluster", db == NULL || !klynge_db_is_read_only (db));
  klynge_cluster_actions_update (GTK_WIDGET (self));
}

/* Said once, when such a file is opened; the header bar keeps saying it. */
static void
announce_read_only (KlyngeWindow *self)
{
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  reason = klynge_context_dup_read_only_reason (self->context);
  message = g_strdup_printf (_("Opened read-only: %s You can look, export and print, but not change anything."), reason);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Another computer may open the file too: said for as long as the file is
 * open, as it explains the waits, and on the computer that found it in
 * use, why nothing can be changed and who has it. */
static void
update_network_banner (KlyngeWindow *self)
{
  KlyngeDb *db = klynge_context_get_db (self->context);
  g_autofree char *text = NULL;

  if (db != NULL && klynge_db_is_on_network_drive (db))
    text = klynge_db_is_read_only (db) ? klynge_db_dup_read_only_reason (db) : klynge_db_dup_network_notice (db);
  gtk_label_set_text (self->network_banner_label, text != NULL ? text : "");
  gtk_info_bar_set_message_type (self->network_banner,
                                 db != NULL && klynge_db_is_read_only (db) ? GTK_MESSAGE_WARNING : GTK_MESSAGE_INFO);
  gtk_info_bar_set_revealed (self->network_banner, text != NULL);
}

static void
context_changed_cb (KlyngeWindow *self)
{
  update_switcher (self);
  update_title (self);
  update_read_only (self);
  update_network_banner (self);
  g_settings_set_int64 (self->settings, "cluster-id", klynge_context_get_cluster_id (self->context));
}

static void
switcher_title_visible_cb (KlyngeWindow *self)
{
  update_switcher (self);
}

void
klynge_window_show_error (KlyngeWindow *self,
                          const char   *heading,
                          const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void show_restore_dialog (KlyngeWindow *self,
                                 const char   *path);

/* A dialog's answer about a file: the file goes to its handler. */
typedef struct
{
  KlyngeWindow *self;
  char         *path;
} PathRequest;

static void
path_request_free (PathRequest *request)
{
  g_free (request->path);
  g_free (request);
}

static void
connect_path_request (KlyngeWindow *self,
                      GtkWidget    *dialog,
                      GCallback     callback,
                      const char   *path)
{
  PathRequest *request = g_new0 (PathRequest, 1);

  request->self = self;
  request->path = g_strdup (path);
  klynge_request_connect (dialog, "response", callback, self, request, (GDestroyNotify) path_request_free);
}

static void
open_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PathRequest      *request)
{
  if (g_str_equal (response, "restore"))
    show_restore_dialog (request->self, request->path);
}

/* Whether going back to a backup can help: not for a file that is busy,
 * read-only or newer than this version, which are fine as they are. */
static gboolean
backups_can_help (const GError *error,
                  const char   *path)
{
  g_autoptr(GListModel) backups = NULL;

  if (!g_error_matches (error, KLYNGE_ERROR, KLYNGE_ERROR_CORRUPT) &&
      !g_error_matches (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_A_DATABASE) &&
      !g_error_matches (error, KLYNGE_ERROR, KLYNGE_ERROR_IO))
    return FALSE;

  backups = klynge_backup_list (path);
  return g_list_model_get_n_items (backups) > 0;
}

static void
show_open_error (KlyngeWindow *self,
                 const char   *path,
                 const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Open the Database"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (backups_can_help (error, path))
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore", _("_Restore from Backup…"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
      connect_path_request (self, dialog, G_CALLBACK (open_error_response_cb), path);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef void (*OpenedFunc) (KlyngeWindow *self,
                            gpointer      data);

typedef struct
{
  KlyngeWindow   *window;
  char           *path;
  OpenedFunc      then;
  gpointer        then_data;
  GDestroyNotify  then_destroy;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  if (job->then_destroy != NULL)
    job->then_destroy (job->then_data);
  g_object_unref (job->window);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenJob, open_job_free)

/* Every file opened gets the topic library built into this Klynge (new
 * packages, corrected texts) in the worker, off the main loop. */
static gint64
fill_library (KlyngeDb  *db,
              GError   **error)
{
  g_autoptr(GError) library_error = NULL;

  if (!klynge_topics_ensure_library (db, &library_error))
    g_message ("The topic library was not loaded: %s", library_error->message);
  return 0;
}

/* A file opened to show the demo gets it when it has no cluster yet; the
 * demo loads the library itself. */
static gint64
fill_demo (KlyngeDb  *db,
           GError   **error)
{
  return klynge_cluster_first_id (db) == 0 ? klynge_demo_create (db, error) : fill_library (db, error);
}

static void
update_opening (KlyngeWindow *self,
                const char   *path)
{
  if (self->opening != NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *tooltip = g_strdup_printf (_("Opening “%s”…"), name);

      adw_status_page_set_description (self->opening_page, name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->opening_spinner), tooltip);
    }
  update_switcher (self);
}

static void
show_toast (KlyngeWindow *self,
            gpointer      message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* A file without a backup of how it was opened is worked on without the
 * safety net, so this stays in view until the user closes it, and not
 * only as a toast that passes while the window is still filling. */
static void
update_backup_banner (KlyngeWindow *self,
                      KlyngeDb     *db)
{
  const GError *error = klynge_db_get_backup_error (db);
  g_autofree char *message = NULL;

  if (error != NULL)
    message = g_strdup_printf (_("No backup could be made of the file as it was opened: %s"), error->message);
  gtk_label_set_text (self->backup_banner_label, message != NULL ? message : "");
  gtk_info_bar_set_revealed (self->backup_banner, message != NULL);
}

static void
backup_banner_close_cb (KlyngeWindow *self)
{
  gtk_info_bar_set_revealed (self->backup_banner, FALSE);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(OpenJob) job = user_data;
  KlyngeWindow *self = job->window;
  g_autoptr(GError) error = NULL;
  gint64 cluster_id = 0;
  g_autoptr(KlyngeDb) db = klynge_db_open_finish (result, &cluster_id, &error);

  /* Another file was chosen since, or the window closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->opening);
  update_opening (self, NULL);

  if (db == NULL)
    {
      show_open_error (self, job->path, error);
      return;
    }

  if (cluster_id == 0 && g_strcmp0 (g_settings_get_string (self->settings, "last-database"), job->path) == 0)
    cluster_id = g_settings_get_int64 (self->settings, "cluster-id");

  g_settings_set_string (self->settings, "last-database", job->path);
  klynge_context_set_db (self->context, db, cluster_id);
  /* On a network drive the banner says why, and who has the file. */
  if (klynge_db_is_read_only (db) && !klynge_db_is_on_network_drive (db))
    announce_read_only (self);
  update_backup_banner (self, db);

  if (job->then != NULL)
    job->then (self, job->then_data);
}

/* Opens @path in a worker; the database shown stays until it is ready.
 * @then runs once it is shown, not when opening fails. */
static void
open_db (KlyngeWindow   *self,
         const char     *path,
         gboolean        create_demo,
         OpenedFunc      then,
         gpointer        then_data,
         GDestroyNotify  then_destroy)
{
  OpenJob *job = g_new0 (OpenJob, 1);

  job->window = g_object_ref (self);
  job->path = g_strdup (path);
  job->then = then;
  job->then_data = then_data;
  job->then_destroy = then_destroy;

  klynge_cancellable_renew (&self->opening);
  update_opening (self, path);

  klynge_db_open_async (path, KLYNGE_DB_OPEN_BACKUP, create_demo ? fill_demo : fill_library, self->opening, opened_cb, job);
}

gboolean
klynge_window_is_opening (KlyngeWindow *self)
{
  g_return_val_if_fail (KLYNGE_IS_WINDOW (self), FALSE);
  return self->opening != NULL;
}

/* The open database is closed first: a restore replaces the file. */
static void
restore_response_cb (KlyngeRestoreDialog *dialog,
                     const char          *response,
                     KlyngeWindow        *self)
{
  g_autofree char *path = g_strdup (klynge_restore_dialog_get_db_path (dialog));
  KlyngeBackup *backup = klynge_restore_dialog_get_selected (dialog);
  KlyngeDb *db = klynge_context_get_db (self->context);
  g_autofree char *safety = NULL;
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "restore") || backup == NULL)
    return;

  /* Replacing the file under a connection still open (an export running)
   * would let that connection write into the replaced file. */
  if (db != NULL && g_strcmp0 (klynge_db_get_path (db), path) == 0)
    {
      g_object_add_weak_pointer (G_OBJECT (db), (gpointer *)&db);
      klynge_context_set_db (self->context, NULL, 0);
      if (db != NULL)
        {
          g_object_remove_weak_pointer (G_OBJECT (db), (gpointer *)&db);
          klynge_context_set_db (self->context, db, 0);
          g_set_error (&error, KLYNGE_ERROR, KLYNGE_ERROR_BUSY,
                       _("The database is still in use by a task in progress. Wait for it to finish, then try again."));
          klynge_window_show_error (self, _("Could Not Restore the Backup"), error);
          return;
        }
    }

  if (!klynge_backup_restore (path, backup, &safety, &error))
    {
      klynge_window_show_error (self, _("Could Not Restore the Backup"), error);
      open_db (self, path, FALSE, NULL, NULL, NULL);
      return;
    }

  when = klynge_backup_format_created (backup);
  message = g_strdup_printf (_("Restored the backup of %s"), when);
  open_db (self, path, FALSE, show_toast, g_steal_pointer (&message), g_free);
}

static void
show_restore_dialog (KlyngeWindow *self,
                     const char   *path)
{
  KlyngeRestoreDialog *dialog = klynge_restore_dialog_new (GTK_WINDOW (self), path);

  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * klynge_window_open_path:
 *
 * Opens the database at @path, creating it when it does not exist; errors
 * are shown to the user and leave the current database open.
 */
void
klynge_window_open_path (KlyngeWindow *self,
                         const char   *path)
{
  open_db (self, path, FALSE, NULL, NULL, NULL);
}

void
klynge_window_open_demo (KlyngeWindow *self)
{
  g_autofree char *path = klynge_window_default_path ("demo.sqlite");

  open_db (self, path, TRUE, NULL, NULL, NULL);
}

/* Opens the last database again, or greets a first-time user. */
void
klynge_window_restore (KlyngeWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-database");

  if (*last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    open_db (self, last, FALSE, NULL, NULL, NULL);
  else if (*last != '\0')
    {
      /* Often a USB stick or network drive that is not connected: the user
       * must not take the welcome screen for the loss of the cluster. */
      g_autoptr(GError) error = g_error_new (KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND,
                                             _("The database used last time, “%s”, cannot be found. If it is on a USB stick or a network drive, connect it and open the file again with Open…."),
                                             last);

      klynge_window_show_error (self, _("Database Not Found"), error);
    }

  update_switcher (self);
}

gboolean
klynge_window_is_area (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (g_str_equal (areas[i], name))
      return TRUE;
  return FALSE;
}

void
klynge_window_show_area (KlyngeWindow *self,
                         const char   *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
klynge_window_get_area (KlyngeWindow *self)
{
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
klynge_window_import_file (KlyngeWindow *self,
                           GFile        *file)
{
  g_return_if_fail (KLYNGE_IS_WINDOW (self));

  if (klynge_context_get_db (self->context) == NULL ||
      klynge_read_only_refuse_import (GTK_WINDOW (self), klynge_context_get_db (self->context)) ||
      (self->pages[AREA_DATA] != NULL && klynge_data_page_refuse_import (KLYNGE_DATA_PAGE (self->pages[AREA_DATA]))))
    return;
  if (g_strcmp0 (klynge_window_get_area (self), "charts") == 0)
    {
      /* The charts may be mirrored on the projector: letters, in the app's own style. */
      KlyngeLiveLook look = { klynge_charts_page_get_meeting (KLYNGE_CHARTS_PAGE (self->pages[AREA_CHARTS])), FALSE, 0 };

      klynge_import_sheet_present_live (GTK_WINDOW (self), self->context, file, &look);
      return;
    }
  klynge_window_show_area (self, "data");
  klynge_data_page_import_file (KLYNGE_DATA_PAGE (ensure_page (self, AREA_DATA)), file);
}

static gboolean
file_dropped_cb (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 KlyngeWindow  *self)
{
  g_autoptr(GSList) files = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || klynge_context_get_db (self->context) == NULL)
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  klynge_window_import_file (self, files->data);
  return !klynge_context_get_read_only (self->context);
}

KlyngeContext *
klynge_window_get_context (KlyngeWindow *self)
{
  return self->context;
}

static void
cluster_name_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "create", *name != '\0');
}

static void
cluster_name_activate_cb (GtkEntry         *entry,
                          AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "create"))
    adw_message_dialog_response (dialog, "create");
}

static void
create_cluster (KlyngeWindow *self,
                gpointer      name)
{
  KlyngeDb *db = klynge_context_get_db (self->context);
  g_autoptr(GError) error = NULL;
  gint64 cluster_id;

  cluster_id = klynge_cluster_create (db, name, &error);
  if (cluster_id == 0)
    {
      klynge_window_show_error (self, _("Could Not Create the Cluster"), error);
      return;
    }

  klynge_context_set_cluster_id (self->context, cluster_id);
  klynge_context_emit_changed (self->context);
  klynge_window_show_area (self, "clusters");
}

static void
create_cluster_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            PathRequest      *request)
{
  KlyngeWindow *self = request->self;
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *path = request->path;
  const char *name = gtk_editable_get_text (entry);

  if (!g_str_equal (response, "create"))
    return;

  if (path != NULL)
    open_db (self, path, FALSE, create_cluster, g_strdup (name), g_free);
  else
    create_cluster (self, (gpointer) name);
}

/* Asks for the new cluster's name; @path is the database to create it in,
 * or %NULL for the one that is open. */
static void
ask_cluster_name (KlyngeWindow *self,
                  const char   *path)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Cluster"),
                                              _("The name the members know the cluster by. Everything else can be filled in later."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("e.g. Aarhus Midt Quality Cluster"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cluster name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect (entry, "changed", G_CALLBACK (cluster_name_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (cluster_name_activate_cb), dialog);
  connect_path_request (self, dialog, G_CALLBACK (create_cluster_response_cb), path);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
new_cluster_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KlyngeWindow *self = KLYNGE_WINDOW (widget);
  g_autofree char *path = NULL;

  if (klynge_context_get_db (self->context) == NULL)
    path = klynge_window_default_path ("klynge.sqlite");

  ask_cluster_name (self, path);
}

static GtkFileFilter *
database_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Klynge databases"));
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_pattern (filter, "*.klynge");
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  return filter;
}

static void
file_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          KlyngeWindow    *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gboolean creating = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    {
      if (creating)
        ask_cluster_name (self, path);
      else
        open_db (self, path, FALSE, NULL, NULL, NULL);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file (KlyngeWindow         *self,
             GtkFileChooserAction  action)
{
  gboolean save = action == GTK_FILE_CHOOSER_ACTION_SAVE;
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (save ? _("New Database") : _("Open Database"),
                                 GTK_WINDOW (self), action,
                                 save ? _("_Create") : _("_Open"), _("_Cancel"));

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), database_filter ());
  if (save)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Cluster.sqlite"));

  g_signal_connect (chooser, "response", G_CALLBACK (file_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_file (KLYNGE_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_file (KLYNGE_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  klynge_window_open_demo (KLYNGE_WINDOW (widget));
}

static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KlyngeWindow *self = KLYNGE_WINDOW (widget);
  KlyngeDb *db = klynge_context_get_db (self->context);

  if (db != NULL)
    show_restore_dialog (self, klynge_db_get_path (db));
}

static void
update_undo (KlyngeWindow *self)
{
  KlyngeUndoStack *stack = klynge_context_get_undo_stack (self->context);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", stack != NULL && klynge_undo_stack_get_can_undo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", stack != NULL && klynge_undo_stack_get_can_redo (stack));
}

static void
undo_stack_changed (KlyngeWindow *self)
{
  KlyngeUndoStack *stack = klynge_context_get_undo_stack (self->context);

  if (stack != NULL)
    {
      g_signal_connect_object (stack, "notify::can-undo", G_CALLBACK (update_undo), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (stack, "notify::can-redo", G_CALLBACK (update_undo), self, G_CONNECT_SWAPPED);
    }
  update_undo (self);
}

/* Undoing the delete of the only cluster in use brings it back to a
 * window that shows none: it shows that one again. */
static void
show_restored_cluster (KlyngeWindow *self)
{
  KlyngeDb *db = klynge_context_get_db (self->context);

  if (!klynge_cluster_exists (db, klynge_context_get_cluster_id (self->context)))
    klynge_context_set_cluster_id (self->context, klynge_cluster_pick_default (db, 0));
}

static void
undone_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KlyngeWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean redoable = TRUE;
  gboolean undone = klynge_undo_stack_undo_finish (KLYNGE_UNDO_STACK (source), result, &redoable, &error);

  /* Closed meanwhile: the worker's transaction is done, there is nothing to show. */
  if (self->context == NULL)
    return;
  if (!undone)
    {
      show_toast (self, error->message);
      return;
    }
  /* Shift+Ctrl+Z cannot bring an import back: say what does. */
  if (!redoable)
    show_toast (self, _("The import was undone. To bring it back, import the file again."));
  show_restored_cluster (self);
  klynge_context_emit_changed (self->context);
}

/* An import takes a while to undo: it is undone in a worker, the window
 * staying alive; a delete is put back at once. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlyngeWindow *self = KLYNGE_WINDOW (widget);
  KlyngeUndoStack *stack = klynge_context_get_undo_stack (self->context);
  g_autoptr(GError) error = NULL;

  if (stack == NULL)
    return;
  if (g_str_equal (action_name, "win.undo"))
    {
      klynge_undo_stack_undo_async (stack, NULL, NULL, undone_cb, g_object_ref (self));
      if (klynge_undo_stack_get_busy (stack))
        show_toast (self, _("Undoing the import…"));
      return;
    }
  if (!klynge_undo_stack_redo (stack, &error))
    {
      show_toast (self, error->message);
      return;
    }
  klynge_context_emit_changed (self->context);
}

static void
show_area_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KlyngeWindow *self = KLYNGE_WINDOW (widget);

  if (klynge_context_get_db (self->context) != NULL)
    klynge_window_show_area (self, g_variant_get_string (parameter, NULL));
}

/* Ctrl+P prints what the visible area shows. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KlyngeWindow *self = KLYNGE_WINDOW (widget);
  GtkWidget *page = adw_bin_get_child (ADW_BIN (adw_view_stack_get_visible_child (self->view_stack)));
  g_autoptr(GError) error = NULL;

  if (KLYNGE_IS_PAGE (page) &&
      !klynge_page_print (KLYNGE_PAGE (page), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    klynge_window_show_error (self, _("Could Not Print"), error);
}

/* GtkApplication would build a gtk/help-overlay.ui with every window, a
 * twentieth of start-up for a window few open: it is built the first time
 * it is asked for. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/klynge/Klynge/klynge-shortcuts-window.ui");

      gtk_application_window_set_help_overlay (window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  gtk_window_present (GTK_WINDOW (gtk_application_window_get_help_overlay (window)));
}

static void
page_setup_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  klynge_print_page_setup (GTK_WINDOW (widget));
}

/* Typed work in an area is saved, or the area asks, before the window goes. */
static gboolean
klynge_window_close_request (GtkWindow *window)
{
  KlyngeWindow *self = KLYNGE_WINDOW (window);

  /* An editor window still open asks about its own changes first. */
  if (!klynge_edit_guard_close_transients (window))
    return TRUE;
  /* An area never shown has nothing typed. */
  for (guint i = 0; i < N_AREAS; i++)
    if (self->pages[i] != NULL && !klynge_page_save_pending (self->pages[i]))
      return TRUE;
  return GTK_WINDOW_CLASS (klynge_window_parent_class)->close_request != NULL &&
         GTK_WINDOW_CLASS (klynge_window_parent_class)->close_request (window);
}

static void
klynge_window_dispose (GObject *object)
{
  KlyngeWindow *self = (KlyngeWindow *)object;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  klynge_cancellable_clear (&self->opening);

  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_WINDOW);
  memset (self->pages, 0, sizeof self->pages);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (klynge_window_parent_class)->dispose (object);
}

static void
klynge_window_class_init (KlyngeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = klynge_window_close_request;

  g_type_ensure (KLYNGE_TYPE_CLUSTER_SWITCHER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/klynge-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, read_only_text);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, archived_banner);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, archived_banner_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, backup_banner);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, backup_banner_label);
  gtk_widget_class_bind_template_callback (widget_class, backup_banner_close_cb);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, network_banner);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, network_banner_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, opening_page);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, cluster_switcher);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, primary_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeWindow, primary_menu);
  gtk_widget_class_bind_template_child_full (widget_class, "clusters_bin", FALSE, G_STRUCT_OFFSET (KlyngeWindow, bins[AREA_CLUSTERS]));
  gtk_widget_class_bind_template_child_full (widget_class, "meetings_bin", FALSE, G_STRUCT_OFFSET (KlyngeWindow, bins[AREA_MEETINGS]));
  gtk_widget_class_bind_template_child_full (widget_class, "data_bin", FALSE, G_STRUCT_OFFSET (KlyngeWindow, bins[AREA_DATA]));
  gtk_widget_class_bind_template_child_full (widget_class, "charts_bin", FALSE, G_STRUCT_OFFSET (KlyngeWindow, bins[AREA_CHARTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "finances_bin", FALSE, G_STRUCT_OFFSET (KlyngeWindow, bins[AREA_FINANCES]));

  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.new-cluster", NULL, new_cluster_action);
  gtk_widget_class_install_action (widget_class, "win.show-area", "s", show_area_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.page-setup", NULL, page_setup_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  klynge_cluster_actions_install (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.show-area", "s", areas[i]);
}

static void
klynge_window_init (KlyngeWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_menu_button_set_menu_on_popup (self->primary_button, self->primary_menu);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  self->context = klynge_context_new ();
  g_signal_connect_swapped (self->context, "notify::db", G_CALLBACK (context_changed_cb), self);
  g_signal_connect_swapped (self->context, "notify::db", G_CALLBACK (undo_stack_changed), self);
  g_signal_connect_swapped (self->context, "notify::cluster-id", G_CALLBACK (context_changed_cb), self);
  g_signal_connect_swapped (self->context, "changed", G_CALLBACK (update_title), self);
  /* Archiving changes what can be done with the cluster, not which it is. */
  g_signal_connect_swapped (self->context, "changed", G_CALLBACK (update_read_only), self);
  g_signal_connect_swapped (self->switcher_title, "notify::title-visible", G_CALLBACK (switcher_title_visible_cb), self);

  /* An area is built when the view stack first maps (a database is open)
   * showing it, or when it is picked. */
  g_signal_connect_swapped (self->view_stack, "map", G_CALLBACK (ensure_visible_page), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child", G_CALLBACK (ensure_visible_page), self);
  klynge_cluster_switcher_set_context (self->cluster_switcher, self->context);

  /* Clinics' files dropped anywhere on the window are imported. */
  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop_target, "drop", G_CALLBACK (file_dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  update_switcher (self);
  update_read_only (self);
  update_undo (self);
}

KlyngeWindow *
klynge_window_new (AdwApplication *application)
{
  return g_object_new (KLYNGE_TYPE_WINDOW, "application", application, NULL);
}
