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
 * Editor windows (a member, a clinic, the cluster, a ledger entry) and
 * editor dialogs (a topic, an indicator) ask Save / Discard / Cancel when
 * closed with changes, as gnome-text-editor does for a document; the
 * meeting shown beside the list, with its agenda, saves itself when left,
 * as GNOME Calendar's event details do, and asks only when it cannot.
 */

#include "klynge-i18n.h"

#include "klynge-edit-guard.h"

struct _KlyngeEditGuard
{
  GObject    parent_instance;

  GPtrArray *forms;         /* of GWeakRef to the fields' containers */
  GtkWindow *editor;        /* weak; an editor window's or dialog's */
  char      *clean;         /* the fingerprint when loaded or saved */
  char      *save_action;   /* for an editor window; a dialog's save response */
  char      *response;      /* the button that closed a dialog, once known */
  guint      decide_id;
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

  for (guint i = 0; i < self->forms->len; i++)
    {
      g_autoptr(GtkWidget) form = g_weak_ref_get (g_ptr_array_index (self->forms, i));

      if (form != NULL)
        fingerprint_into (form, out);
    }
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

  if (self->editor == NULL)
    return G_SOURCE_REMOVE;
  /* As a dialog's button does: it closes, then tells which one it was. */
  if (ADW_IS_MESSAGE_DIALOG (self->editor))
    {
      gtk_window_close (self->editor);
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (self->editor), self->save_action);
    }
  else
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

static void
ask_to_close (KlyngeEditGuard *self,
              gboolean         can_save)
{
  AdwMessageDialog *dialog = klynge_edit_guard_ask (GTK_WIDGET (self->editor), NULL, can_save);

  g_signal_connect_data (dialog, "response", G_CALLBACK (close_response_cb), g_object_ref (self),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
}

static gboolean
close_request_cb (GtkWindow       *editor,
                  KlyngeEditGuard *self)
{
  if (!klynge_edit_guard_is_dirty (self))
    return FALSE;
  ask_to_close (self, TRUE);
  return TRUE;
}

/* Its own buttons close a dialog too, and it tells which one only after
 * closing: what becomes of the changes is decided once that is known. */
static gboolean
decide_cb (gpointer data)
{
  KlyngeEditGuard *self = data;
  g_autofree char *response = g_steal_pointer (&self->response);

  self->decide_id = 0;
  if (self->editor == NULL)
    return G_SOURCE_REMOVE;
  /* Escape, or the window below closing: no button was pressed. */
  if (response == NULL)
    {
      ask_to_close (self, adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self->editor),
                                                                   self->save_action));
      return G_SOURCE_REMOVE;
    }
  /* Its Cancel button drops the changes on purpose. */
  if (!g_str_equal (response, self->save_action))
    klynge_edit_guard_set_clean (self);
  /* A save that failed keeps the dialog open with what was typed. */
  if (!klynge_edit_guard_is_dirty (self))
    gtk_window_close (self->editor);
  return G_SOURCE_REMOVE;
}

static gboolean
dialog_close_request_cb (GtkWindow       *dialog,
                         KlyngeEditGuard *self)
{
  if (!klynge_edit_guard_is_dirty (self))
    return FALSE;
  g_clear_pointer (&self->response, g_free);
  if (self->decide_id == 0)
    self->decide_id = g_idle_add_full (G_PRIORITY_DEFAULT, decide_cb, g_object_ref (self), g_object_unref);
  return TRUE;
}

static void
dialog_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    KlyngeEditGuard  *self)
{
  g_free (self->response);
  self->response = g_strdup (response);
}

static void
klynge_edit_guard_finalize (GObject *object)
{
  KlyngeEditGuard *self = KLYNGE_EDIT_GUARD (object);

  g_ptr_array_unref (self->forms);
  g_clear_weak_pointer (&self->editor);
  g_free (self->clean);
  g_free (self->save_action);
  g_free (self->response);
  G_OBJECT_CLASS (klynge_edit_guard_parent_class)->finalize (object);
}

static void
klynge_edit_guard_class_init (KlyngeEditGuardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = klynge_edit_guard_finalize;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
klynge_edit_guard_init (KlyngeEditGuard *self)
{
  self->forms = g_ptr_array_new_with_free_func (weak_ref_free);
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

  klynge_edit_guard_add_form (self, form);
  return self;
}

/**
 * klynge_edit_guard_add_form:
 * @form: more fields of the same record, filled as loaded
 *
 * The guard watches @form too, and calls it clean as it is now.
 */
void
klynge_edit_guard_add_form (KlyngeEditGuard *self,
                            GtkWidget       *form)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_return_if_fail (KLYNGE_IS_EDIT_GUARD (self));
  g_return_if_fail (GTK_IS_WIDGET (form));

  g_weak_ref_init (ref, form);
  g_ptr_array_add (self->forms, ref);
  klynge_edit_guard_set_clean (self);
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
 * @editor: an editor window, with a "saved" signal emitted once stored
 *   unless saving empties its fields
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
  /* The close handler owns the guard: it goes with the window, as this one.
   * An editor without "saved" shows its fields empty once saved. */
  if (g_signal_lookup ("saved", G_OBJECT_TYPE (editor)) != 0)
    g_signal_connect_swapped (editor, "saved", G_CALLBACK (saved_cb), self);
  g_signal_connect_data (editor, "close-request", G_CALLBACK (close_request_cb), self,
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
}

/**
 * klynge_edit_guard_protect_dialog:
 * @dialog: a message dialog holding a form
 * @form: its fields, filled as loaded
 * @save_response: the response that saves
 *
 * Closing @dialog with changes by Escape or with the window below asks
 * whether to save them, discard them or keep editing; its Cancel response
 * discards them, and a save that fails leaves it open. The caller calls
 * the guard clean once @save_response stored the changes.
 *
 * Returns: (transfer none): the guard, which lives as long as @dialog
 */
KlyngeEditGuard *
klynge_edit_guard_protect_dialog (AdwMessageDialog *dialog,
                                  GtkWidget        *form,
                                  const char       *save_response)
{
  KlyngeEditGuard *self = klynge_edit_guard_new (form);

  self->save_action = g_strdup (save_response);
  g_set_weak_pointer (&self->editor, GTK_WINDOW (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (dialog_response_cb), self);
  g_signal_connect_data (dialog, "close-request", G_CALLBACK (dialog_close_request_cb), self,
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return self;
}

/**
 * klynge_edit_guard_close_transients:
 * @window: a window with editors open above it
 *
 * Closes the editors open above @window, each asking about its own changes.
 *
 * Returns: whether all of them closed
 */
gboolean
klynge_edit_guard_close_transients (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i-- > 0;)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (other) != window || !gtk_widget_get_visible (GTK_WIDGET (other)))
        continue;
      gtk_window_close (other);
      if (gtk_widget_get_visible (GTK_WIDGET (other)))
        return FALSE;
    }
  return TRUE;
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
