/* klynge-edit-guard.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typed work is never dropped without asking. An editor is dirty when what
 * its form shows differs from what it showed once loaded or saved: the
 * guard keeps a fingerprint of every field (texts, choices, switches, and
 * which rows there are), so rows added later, values set while loading and
 * a change typed back to what it was all count right without a signal per
 * field.
 *
 * Editor windows (a member, a clinic, the cluster, a ledger entry) ask
 * Save / Discard / Cancel when closed with changes, as gnome-text-editor
 * does for a document; the meeting shown beside the list saves itself when
 * left, as GNOME Calendar's event details do, and asks only when it cannot.
 */

#include "klynge-i18n.h"

#include "klynge-edit-guard.h"

struct _KlyngeEditGuard
{
  GObject    parent_instance;

  GtkWidget *form;          /* weak */
  GtkWindow *editor;        /* weak; an editor window's */
  char      *clean;         /* the fingerprint when loaded or saved */
  char      *save_action;   /* for an editor window */
};

G_DEFINE_FINAL_TYPE (KlyngeEditGuard, klynge_edit_guard, G_TYPE_OBJECT)

static void
fingerprint_into (GtkWidget *widget,
                  GString   *out)
{
  g_string_append_printf (out, "<%s", G_OBJECT_TYPE_NAME (widget));
  if (GTK_IS_EDITABLE (widget))
    g_string_append_printf (out, " %s", gtk_editable_get_text (GTK_EDITABLE (widget)));
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append_printf (out, " %s", text);
    }
  else if (ADW_IS_COMBO_ROW (widget))
    g_string_append_printf (out, " %u", adw_combo_row_get_selected (ADW_COMBO_ROW (widget)));
  else if (GTK_IS_DROP_DOWN (widget))
    g_string_append_printf (out, " %u", gtk_drop_down_get_selected (GTK_DROP_DOWN (widget)));
  else if (GTK_IS_CHECK_BUTTON (widget))
    g_string_append_printf (out, " %d", gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)));
  else if (GTK_IS_TOGGLE_BUTTON (widget))
    g_string_append_printf (out, " %d", gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget)));
  else if (GTK_IS_SWITCH (widget))
    g_string_append_printf (out, " %d", gtk_switch_get_active (GTK_SWITCH (widget)));

  /* A combo row's popover and an entry's inner text repeat what is above. */
  if (!ADW_IS_COMBO_ROW (widget) && !GTK_IS_DROP_DOWN (widget))
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      fingerprint_into (child, out);
  g_string_append_c (out, '>');
}

static char *
fingerprint (KlyngeEditGuard *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (self->form != NULL)
    fingerprint_into (self->form, out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
saved_cb (KlyngeEditGuard *self)
{
  klynge_edit_guard_set_clean (self);
}

static gboolean
save_later_cb (gpointer data)
{
  KlyngeEditGuard *self = data;

  if (self->editor != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->editor), self->save_action, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
discard_later_cb (gpointer data)
{
  KlyngeEditGuard *self = data;

  klynge_edit_guard_set_clean (self);
  if (self->editor != NULL)
    gtk_window_close (self->editor);
  return G_SOURCE_REMOVE;
}

/* Saving closes the editor, and the question is the editor's: both happen
 * once the question is gone. */
static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   KlyngeEditGuard  *self)
{
  if (g_str_equal (response, "save"))
    g_idle_add_full (G_PRIORITY_DEFAULT, save_later_cb, g_object_ref (self), g_object_unref);
  else if (g_str_equal (response, "discard"))
    g_idle_add_full (G_PRIORITY_DEFAULT, discard_later_cb, g_object_ref (self), g_object_unref);
}

static gboolean
close_request_cb (GtkWindow       *editor,
                  KlyngeEditGuard *self)
{
  AdwMessageDialog *dialog;

  if (!klynge_edit_guard_is_dirty (self))
    return FALSE;
  dialog = klynge_edit_guard_ask (GTK_WIDGET (editor), NULL, TRUE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (close_response_cb), g_object_ref (self),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return TRUE;
}

static void
klynge_edit_guard_finalize (GObject *object)
{
  KlyngeEditGuard *self = KLYNGE_EDIT_GUARD (object);

  g_clear_weak_pointer (&self->form);
  g_clear_weak_pointer (&self->editor);
  g_free (self->clean);
  g_free (self->save_action);
  G_OBJECT_CLASS (klynge_edit_guard_parent_class)->finalize (object);
}

static void
klynge_edit_guard_class_init (KlyngeEditGuardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = klynge_edit_guard_finalize;
}

static void
klynge_edit_guard_init (KlyngeEditGuard *self)
{
}

/**
 * klynge_edit_guard_new:
 * @form: the editor's fields, filled as loaded
 *
 * Returns: (transfer full): a guard that calls @form clean as it is now
 */
KlyngeEditGuard *
klynge_edit_guard_new (GtkWidget *form)
{
  KlyngeEditGuard *self = g_object_new (KLYNGE_TYPE_EDIT_GUARD, NULL);

  g_set_weak_pointer (&self->form, form);
  klynge_edit_guard_set_clean (self);
  return self;
}

gboolean
klynge_edit_guard_is_dirty (KlyngeEditGuard *self)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (KLYNGE_IS_EDIT_GUARD (self), FALSE);

  now = fingerprint (self);
  return g_strcmp0 (now, self->clean) != 0;
}

/* After loading or saving: what the form shows is what is stored. */
void
klynge_edit_guard_set_clean (KlyngeEditGuard *self)
{
  g_return_if_fail (KLYNGE_IS_EDIT_GUARD (self));

  g_free (self->clean);
  self->clean = fingerprint (self);
}

/**
 * klynge_edit_guard_protect:
 * @editor: an editor window with a "saved" signal, emitted once stored
 * @form: its fields, filled as loaded
 * @save_action: the window's action that saves (and closes it)
 *
 * Closing @editor with changes (Escape, its close button, the main window
 * going) asks whether to save them, discard them or keep editing.
 */
void
klynge_edit_guard_protect (GtkWindow  *editor,
                           GtkWidget  *form,
                           const char *save_action)
{
  KlyngeEditGuard *self = klynge_edit_guard_new (form);

  self->save_action = g_strdup (save_action);
  g_set_weak_pointer (&self->editor, editor);
  /* The close handler owns the guard: it goes with the window, as this one. */
  g_signal_connect_swapped (editor, "saved", G_CALLBACK (saved_cb), self);
  g_signal_connect_data (editor, "close-request", G_CALLBACK (close_request_cb), self,
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
}

/**
 * klynge_edit_guard_ask:
 * @problem: (nullable): why the changes cannot be saved as they are
 * @can_save: whether to offer Save
 *
 * Presents the question "Save / Discard / Cancel" (or, when @problem says
 * why saving fails, "Discard / Cancel") over @parent's window; the caller
 * connects to "response" ("save", "discard" or "cancel").
 *
 * Returns: (transfer none): the dialog
 */
AdwMessageDialog *
klynge_edit_guard_ask (GtkWidget  *parent,
                       const char *problem,
                       gboolean    can_save)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                              can_save ? _("Save Changes?") : _("Discard Changes?"),
                                              problem != NULL ? problem
                                                              : _("The changes are lost unless you save them."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  if (can_save)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "save", _("_Save"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
    }
  else
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}
