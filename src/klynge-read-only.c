/* klynge-read-only.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A form opened on a read-only database shows its content as usual but
 * cannot be changed, and says why at its top: the user can still read
 * (and copy) every field, which an editor that would not open or a form
 * failing on Save would not let them do.
 */

#include "klynge-i18n.h"

#include <adwaita.h>

#include "klynge-read-only.h"
#include "klynge-window.h"

/* What was changed on a widget, so that only that is undone. */
enum {
  LOCKED_NONE,
  LOCKED_EDITABLE,
  LOCKED_TEXT_VIEW,
  LOCKED_SENSITIVE,
  LOCKED_SHOWN,
};

#define LOCKED_KEY "klynge-read-only-locked"
#define NOTICE_KEY "klynge-read-only-notice"

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_DROP_DOWN (widget) || GTK_IS_RANGE (widget) || ADW_IS_COMBO_ROW (widget);
}

static void
lock (GtkWidget *widget)
{
  int how = LOCKED_NONE;

  /* Reading needs scrolling (a scrollbar holds a range). */
  if (GTK_IS_SCROLLBAR (widget))
    return;
  /* An entry row's pencil would promise what it cannot do. The row shows
   * and hides it as the focus moves, so it is made transparent instead. */
  if (GTK_IS_IMAGE (widget) && gtk_widget_has_css_class (widget, "edit-icon"))
    {
      gtk_widget_set_opacity (widget, 0);
      g_object_set_data (G_OBJECT (widget), LOCKED_KEY, GINT_TO_POINTER (LOCKED_SHOWN));
      return;
    }

  if (GTK_IS_EDITABLE (widget) && gtk_editable_get_editable (GTK_EDITABLE (widget)))
    {
      gtk_editable_set_editable (GTK_EDITABLE (widget), FALSE);
      how = LOCKED_EDITABLE;
    }
  else if (GTK_IS_TEXT_VIEW (widget) && gtk_text_view_get_editable (GTK_TEXT_VIEW (widget)))
    {
      gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), FALSE);
      how = LOCKED_TEXT_VIEW;
    }
  else if (is_control (widget))
    {
      /* An actionable's sensitivity is its action's; a second owner would
       * fight it. */
      if (GTK_IS_ACTIONABLE (widget) && gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL)
        return;
      if (gtk_widget_get_sensitive (widget))
        {
          gtk_widget_set_sensitive (widget, FALSE);
          g_object_set_data (G_OBJECT (widget), LOCKED_KEY, GINT_TO_POINTER (LOCKED_SENSITIVE));
        }
      return;
    }
  if (how != LOCKED_NONE)
    g_object_set_data (G_OBJECT (widget), LOCKED_KEY, GINT_TO_POINTER (how));

  /* An entry row's own buttons (a date row's calendar, apply) go too. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    lock (child);
}

static void
unlock (GtkWidget *widget)
{
  switch (GPOINTER_TO_INT (g_object_steal_data (G_OBJECT (widget), LOCKED_KEY)))
    {
    case LOCKED_EDITABLE:
      gtk_editable_set_editable (GTK_EDITABLE (widget), TRUE);
      break;
    case LOCKED_TEXT_VIEW:
      gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), TRUE);
      break;
    case LOCKED_SENSITIVE:
      gtk_widget_set_sensitive (widget, TRUE);
      break;
    case LOCKED_SHOWN:
      gtk_widget_set_opacity (widget, 1);
      break;
    default:
      break;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    unlock (child);
}

static GtkWidget *
notice_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (box, "read-only-notice");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (box, "warning");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* Why @db cannot be changed from @widget: the file's reason, or else the
 * cluster's being archived, which only the window showing it knows (an
 * editor is that window's transient). */
static char *
dup_reason (GtkWidget *widget,
            KlyngeDb  *db)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  KlyngeContext *context;

  if (db == NULL || klynge_db_is_read_only (db))
    return db != NULL ? klynge_db_dup_read_only_reason (db) : NULL;
  while (window != NULL && !KLYNGE_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  if (window == NULL)
    return NULL;
  context = klynge_window_get_context (KLYNGE_WINDOW (window));
  return klynge_context_get_db (context) == db ? klynge_context_dup_read_only_reason (context) : NULL;
}

gboolean
klynge_read_only_apply (GtkWidget *content,
                        KlyngeDb  *db)
{
  GtkWidget *notice = g_object_get_data (G_OBJECT (content), NOTICE_KEY);
  g_autofree char *reason = dup_reason (content, db);

  g_return_val_if_fail (GTK_IS_BOX (gtk_widget_get_parent (content)), FALSE);

  unlock (content);
  if (reason == NULL)
    {
      if (notice != NULL)
        gtk_widget_set_visible (notice, FALSE);
      return FALSE;
    }

  if (notice == NULL)
    {
      notice = notice_new ();
      gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (content)), notice,
                                  gtk_widget_get_prev_sibling (content));
      g_object_set_data (G_OBJECT (content), NOTICE_KEY, notice);
    }
  {
    /* Translators: above a form on a file that cannot be changed; %s says why */
    g_autofree char *markup = g_markup_printf_escaped (_("<b>Read-only</b> — %s Nothing here can be changed."), reason);

    gtk_label_set_markup (GTK_LABEL (gtk_widget_get_last_child (notice)), markup);
  }
  gtk_widget_set_visible (notice, TRUE);
  lock (content);
  return TRUE;
}

static GtkWidget *
find_close_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "window.close") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_close_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
klynge_read_only_apply_editor (GtkWidget          *editor,
                               GtkWidget          *content,
                               KlyngeDb           *db,
                               const char * const *actions,
                               const char         *title)
{
  GtkWidget *close;

  if (!klynge_read_only_apply (content, db))
    return;
  for (guint i = 0; actions[i] != NULL; i++)
    gtk_widget_action_set_enabled (editor, actions[i], FALSE);
  close = find_close_button (editor);
  if (close != NULL && gtk_button_get_label (GTK_BUTTON (close)) != NULL)
    gtk_button_set_label (GTK_BUTTON (close), _("_Close"));
  if (title != NULL && GTK_IS_WINDOW (editor))
    gtk_window_set_title (GTK_WINDOW (editor), title);
}

gboolean
klynge_read_only_refuse_import (GtkWindow *window,
                                KlyngeDb  *db)
{
  g_autofree char *reason = dup_reason (GTK_WIDGET (window), db);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (reason == NULL)
    return FALSE;
  body = g_strdup_printf (_("%s Files can be imported only into a database that can be changed."), reason);
  dialog = adw_message_dialog_new (window, _("Read-only"), body);
  gtk_widget_set_name (dialog, "read-only-refusal");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
