/* klynge-cluster-actions.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions on the cluster shown: win.archive-cluster,
 * win.unarchive-cluster and win.delete-cluster. They are the window's, not
 * the Clusters area's, because deleting changes the cluster every area
 * shows and puts the delete on the window's one undo.
 */

#include "klynge-i18n.h"

#include "klynge-cluster.h"
#include "klynge-cluster-actions.h"
#include "klynge-cluster-details.h"
#include "klynge-format.h"
#include "klynge-page.h"
#include "klynge-undo-stack.h"
#include "klynge-window.h"

static void
add_toast (GtkWidget *window,
           AdwToast  *toast)
{
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))),
                               toast);
}

/* Returns: (transfer full) (nullable): the shown cluster's name */
static char *
dup_cluster_name (KlyngeContext  *context,
                  GError        **error)
{
  g_auto(KlyngeClusterDetails) details = { 0 };

  if (!klynge_cluster_details_load (klynge_context_get_db (context), klynge_context_get_cluster_id (context),
                                    &details, error))
    return NULL;
  return g_steal_pointer (&details.name);
}

static AdwMessageDialog *
question_new (GtkWidget  *window,
              const char *name,
              const char *heading,
              const char *body,
              const char *response,
              const char *label)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, body);

  gtk_widget_set_name (dialog, name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
set_archived (GtkWidget *window,
              gboolean   archived)
{
  KlyngeContext *context = klynge_window_get_context (KLYNGE_WINDOW (window));
  g_autoptr(GError) error = NULL;

  if (!klynge_cluster_set_archived (klynge_context_get_db (context), klynge_context_get_cluster_id (context),
                                    archived, &error))
    {
      klynge_window_show_error (KLYNGE_WINDOW (window),
                                archived ? _("Could Not Archive the Cluster") : _("Could Not Unarchive the Cluster"), error);
      return;
    }
  klynge_context_emit_changed (context);
  add_toast (window, adw_toast_new (archived ? _("Cluster archived: it is read-only until you unarchive it")
                                             : _("Cluster unarchived: it can be changed again")));
}

static void
archive_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GtkWidget        *window)
{
  if (g_str_equal (response, "archive"))
    set_archived (window, TRUE);
}

static void
archive_action (GtkWidget  *window,
                const char *action_name,
                GVariant   *parameter)
{
  KlyngeContext *context = klynge_window_get_context (KLYNGE_WINDOW (window));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_cluster_name (context, &error);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (name == NULL)
    {
      klynge_window_show_error (KLYNGE_WINDOW (window), _("Could Not Archive the Cluster"), error);
      return;
    }
  /* Translators: %s is the cluster's name */
  heading = g_strdup_printf (_("Archive “%s”?"), name);
  dialog = question_new (window, "archive-cluster", heading,
                         _("An archived cluster is hidden from the cluster list and becomes read-only: "
                           "everything in it is kept to look up, export and print, but nothing can be changed. "
                           "To use it again, tick Show Archived Clusters in the cluster switcher, choose it, and unarchive it."),
                         "archive", _("_Archive"));
  adw_message_dialog_set_response_appearance (dialog, "archive", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (archive_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
unarchive_action (GtkWidget  *window,
                  const char *action_name,
                  GVariant   *parameter)
{
  set_archived (window, FALSE);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GtkWidget        *window)
{
  KlyngeContext *context = klynge_window_get_context (KLYNGE_WINDOW (window));
  KlyngeDb *db = klynge_context_get_db (context);
  g_autoptr(KlyngeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "delete") || db == NULL)
    return;
  if ((name = dup_cluster_name (context, &error)) == NULL
      || (snapshot = klynge_cluster_delete (db, klynge_context_get_cluster_id (context), NULL, &error)) == NULL)
    {
      klynge_window_show_error (KLYNGE_WINDOW (window), _("Could Not Delete the Cluster"), error);
      return;
    }
  /* Showing another cluster empties the undo; the delete goes on it after. */
  klynge_context_set_cluster_id (context, klynge_cluster_pick_default (db, 0));
  /* Translators: %s is the cluster's name */
  message = g_strdup_printf (_("Cluster “%s” deleted"), name);
  klynge_undo_stack_push (klynge_context_get_undo_stack (context), message, g_steal_pointer (&snapshot));
  klynge_context_emit_changed (context);

  add_toast (window, klynge_page_undo_toast_new (message));
}

static void
delete_action (GtkWidget  *window,
               const char *action_name,
               GVariant   *parameter)
{
  KlyngeContext *context = klynge_window_get_context (KLYNGE_WINDOW (window));
  KlyngeClusterContents contents;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_cluster_name (context, &error);
  g_autofree char *heading = NULL;
  g_autofree char *clinics = NULL, *members = NULL, *meetings = NULL, *measurements = NULL;
  g_autofree char *n_measurements = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (name == NULL
      || !klynge_cluster_contents_load (klynge_context_get_db (context), klynge_context_get_cluster_id (context),
                                     &contents, &error))
    {
      klynge_window_show_error (KLYNGE_WINDOW (window), _("Could Not Delete the Cluster"), error);
      return;
    }
  clinics = g_strdup_printf (ngettext ("%d clinic", "%d clinics", contents.n_clinics), (int) contents.n_clinics);
  members = g_strdup_printf (ngettext ("%d member", "%d members", contents.n_members), (int) contents.n_members);
  meetings = g_strdup_printf (ngettext ("%d meeting", "%d meetings", contents.n_meetings), (int) contents.n_meetings);
  n_measurements = klynge_format_integer (contents.n_measurements);
  /* Translators: %s is a number, grouped as the locale groups it ("12,345") */
  measurements = g_strdup_printf (ngettext ("%s measurement", "%s measurements", contents.n_measurements),
                                  n_measurements);
  /* Translators: %s is the cluster's name */
  heading = g_strdup_printf (_("Delete “%s”?"), name);
  /* Translators: the four %s are "3 clinics", "12 members", "5 meetings" and "240 measurements" */
  body = g_strdup_printf (_("The cluster is deleted with everything in it: %s, %s, %s and %s, its ledger and its own topics. "
                            "A backup of the whole file is made first, and Undo brings it back."),
                          clinics, members, meetings, measurements);
  dialog = question_new (window, "delete-cluster", heading, body, "delete", _("_Delete"));
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
klynge_cluster_actions_install (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "win.archive-cluster", NULL, archive_action);
  gtk_widget_class_install_action (window_class, "win.unarchive-cluster", NULL, unarchive_action);
  gtk_widget_class_install_action (window_class, "win.delete-cluster", NULL, delete_action);
}

/* Only a file that can be written can have its clusters archived or
 * deleted; an archived cluster can still be deleted. */
void
klynge_cluster_actions_update (GtkWidget *window)
{
  KlyngeContext *context = klynge_window_get_context (KLYNGE_WINDOW (window));
  KlyngeDb *db = klynge_context_get_db (context);
  gint64 cluster_id = klynge_context_get_cluster_id (context);
  gboolean writable = db != NULL && !klynge_db_is_read_only (db) && klynge_cluster_exists (db, cluster_id);
  gboolean archived = writable && klynge_cluster_is_archived (db, cluster_id);

  gtk_widget_action_set_enabled (window, "win.archive-cluster", writable && !archived);
  gtk_widget_action_set_enabled (window, "win.unarchive-cluster", archived);
  gtk_widget_action_set_enabled (window, "win.delete-cluster", writable);
}
