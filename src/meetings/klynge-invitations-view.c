/* klynge-invitations-view.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who is invited and what they answered by when, with one-key answers, and
 * the mail drafts: the invitation (or update, or cancellation) with one
 * calendar for all in BCC, and a reminder to those who have not answered.
 */

#include "klynge-i18n.h"

#include "klynge-attendance.h"
#include "klynge-format.h"
#include "klynge-invitation-mail.h"
#include "klynge-invitation-row.h"
#include "klynge-invitation-template-dialog.h"
#include "klynge-meeting.h"
#include "klynge-invitations.h"
#include "klynge-invitations-view.h"
#include "klynge-invitation-store.h"
#include "klynge-list-keys.h"
#include "klynge-page.h"
#include "klynge-request.h"
#include "klynge-picker.h"
#include "klynge-read-only.h"
#include "klynge-record-list.h"

struct _KlyngeInvitationsView
{
  AdwBin      parent_instance;

  GtkWidget  *content;
  GtkListBox *list;
  GtkLabel   *summary_label;
  GtkLabel   *reply_by_label;
  GtkLabel   *keys_label;
  GtkWidget  *empty_page;
  GtkLabel   *load_error_label;

  GListModel *choices;     /* the answers, each with its key */
  KlyngeContext *context;
  KlyngeDb   *db;
  gint64      meeting_id;
  KlyngeRecordStore *store; /* the context's, of the meeting's invitations; weak */
};

G_DEFINE_FINAL_TYPE (KlyngeInvitationsView, klynge_invitations_view, ADW_TYPE_BIN)

static const char *const answers[] = { "invited", "accepted", "declined", "no_answer" };

/* From the file, not from the drop-downs: an answer that could not be
 * stored is not counted. */
static void
update_summary (KlyngeInvitationsView *self)
{
  KlyngeInvitationCounts counts = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *n_invited = NULL;
  g_autofree char *n_accepted = NULL;
  g_autofree char *n_declined = NULL;
  g_autofree char *n_no_answer = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (!klynge_invitations_count (self->db, self->meeting_id, &counts, &error))
    {
      gtk_label_set_text (self->load_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->load_error_label), TRUE);
    }
  n = counts.invited;
  n_invited = klynge_format_integer (n);
  n_accepted = klynge_format_integer (counts.accepted);
  n_declined = klynge_format_integer (counts.declined);
  n_no_answer = klynge_format_integer (counts.no_answer);
  /* Translators: the counts of the invitations' answers */
  text = g_strdup_printf (ngettext ("%s invited: %s accepted, %s declined, %s no answer",
                                    "%s invited: %s accepted, %s declined, %s no answer", n),
                          n_invited, n_accepted, n_declined, n_no_answer);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->keys_label), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->reply_by_label), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  gtk_widget_set_visible (self->empty_page, n == 0);
}

static void
answered_cb (KlyngeInvitationRow   *row,
             const char            *answer,
             KlyngeInvitationsView *self)
{
  KlyngeInvitation *invitation = klynge_invitation_row_get_invitation (row);
  g_autoptr(GError) error = NULL;

  if (!klynge_invitations_set_status (self->db, self->meeting_id, invitation->member_id, answer, &error))
    klynge_page_show_message (GTK_WIDGET (self), error->message);
  klynge_record_store_refresh (self->store, NULL);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KlyngeInvitationsView *self = user_data;
  GtkWidget *row = klynge_invitation_row_new (item, self->choices);

  g_signal_connect (row, "answered", G_CALLBACK (answered_cb), self);
  return row;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KlyngeInvitationsView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  GtkListBoxRow *next;
  gunichar letter = gdk_keyval_to_unicode (gdk_keyval_to_lower (keyval));
  guint answer = G_N_ELEMENTS (answers);

  if (row == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || klynge_db_is_read_only (self->db))
    return FALSE;
  for (guint i = 0; letter != 0 && i < G_N_ELEMENTS (answers); i++)
    if (letter == klynge_quick_key (answers[i]))
      answer = i;
  if (answer == G_N_ELEMENTS (answers))
    return FALSE;
  klynge_invitation_row_answer (KLYNGE_INVITATION_ROW (row), answers[answer]);
  /* On to the next member, as when ticking off a list of answers. */
  next = gtk_list_box_get_row_at_index (self->list, gtk_list_box_row_get_index (row) + 1);
  if (next != NULL)
    {
      gtk_list_box_select_row (self->list, next);
      gtk_widget_grab_focus (GTK_WIDGET (next));
    }
  return TRUE;
}

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlyngeInvitationsView *self = KLYNGE_INVITATIONS_VIEW (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  if (row == NULL || klynge_db_is_read_only (self->db))
    return;
  klynge_invitation_row_answer (KLYNGE_INVITATION_ROW (row), g_variant_get_string (parameter, NULL));
}

static void
answers_changed_cb (gpointer user_data,
                    guint    position,
                    guint    removed,
                    guint    added)
{
  update_summary (user_data);
}

static void
set_store (KlyngeInvitationsView *self,
           KlyngeRecordStore     *store)
{
  g_set_weak_pointer (&self->store, store);
  klynge_record_list_bind (self->list, G_LIST_MODEL (store), create_row, answers_changed_cb, self);
}

/* The context's store of the meeting's invitations keeps its rows while
 * the meeting, its members or their answers change. */
static void
reload (KlyngeInvitationsView *self)
{
  g_autoptr(KlyngeMeeting) meeting = NULL;
  g_autofree char *reply_by = NULL;
  g_autoptr(GError) error = NULL;
  const GError *list_error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->load_error_label), FALSE);
  if (self->db == NULL || self->meeting_id == 0)
    {
      set_store (self, NULL);
      return;
    }

  meeting = klynge_meeting_load (self->db, self->meeting_id, &error);
  reply_by = meeting != NULL && meeting->reply_by != NULL ? klynge_format_date (meeting->reply_by) : NULL;
  if (reply_by != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Members are asked to answer by %s."), reply_by);

      gtk_label_set_text (self->reply_by_label, text);
    }
  else
    gtk_label_set_text (self->reply_by_label, "");
  set_store (self, meeting != NULL ? klynge_context_get_store (self->context, KLYNGE_TYPE_INVITATION_STORE, self->meeting_id) : NULL);
  if (self->store != NULL)
    {
      klynge_record_store_load (self->store, NULL);
      list_error = klynge_record_store_get_error (self->store);
    }
  update_summary (self);
  /* Not "nobody invited yet": the meeting or its invitations could not be read. */
  if (error != NULL || list_error != NULL)
    {
      gtk_label_set_text (self->load_error_label, error != NULL ? error->message : list_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->load_error_label), TRUE);
      gtk_widget_set_visible (self->empty_page, FALSE);
    }
  klynge_read_only_apply (self->content, self->db);
}

static void
invite_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KlyngeInvitationsView *self = KLYNGE_INVITATIONS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int n = klynge_invitations_invite_all (self->db, self->meeting_id, &error);

  if (n < 0)
    {
      klynge_page_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  if (self->store != NULL)
    klynge_record_store_refresh (self->store, NULL);
  else
    reload (self);
  /* Nobody to invite at all is not "everybody invited". */
  if (n == 0 && gtk_list_box_get_row_at_index (self->list, 0) == NULL)
    text = g_strdup (_("The cluster has no active members to invite yet. Add them under Cluster."));
  else
    text = n == 0 ? g_strdup (_("Every member is invited already."))
                  : g_strdup_printf (ngettext ("Invited %d member.", "Invited %d members.", n), n);
  klynge_page_show_message (GTK_WIDGET (self), text);
}

static void
ics_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KlyngeInvitationsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *eml_path = klynge_invitation_mail_write_finish (result, &error);
  g_autofree char *text = NULL;

  if (eml_path == NULL)
    {
      klynge_page_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  text = g_strdup_printf (_("Saved the mail draft %s with the calendar beside it; open it in your mail program and send it."),
                          eml_path);
  klynge_page_show_message (GTK_WIDGET (self), text);
}

/* What a chosen folder is for: the mail of @kind for @self's meeting. */
typedef struct
{
  KlyngeInvitationsView    *self;
  KlyngeInvitationMailKind  kind;
} MailRequest;

static void
folder_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  MailRequest     *request)
{
  KlyngeInvitationsView *self = request->self;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (folder)) != NULL && self->db != NULL)
    klynge_invitation_mail_write_async (self->db, self->meeting_id, request->kind, path,
                                        NULL, ics_done_cb, g_object_ref (self));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KlyngeInvitationsView *self = KLYNGE_INVITATIONS_VIEW (widget);
  gboolean remind = g_str_equal (action_name, "invitations.remind");
  GtkFileChooserNative *chooser;
  MailRequest *request = g_new0 (MailRequest, 1);

  chooser = gtk_file_chooser_native_new (remind ? _("Save the Reminder") : _("Save the Mail Draft"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Save Here"), _("_Cancel"));
  request->self = self;
  request->kind = remind ? KLYNGE_INVITATION_MAIL_REMINDER : KLYNGE_INVITATION_MAIL_AUTO;
  klynge_request_connect (chooser, "response", G_CALLBACK (folder_chosen_cb), widget, request, g_free);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
mail_response_cb (KlyngeInvitationTemplateDialog *dialog,
                  const char                     *response,
                  KlyngeInvitationsView          *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *template_text = klynge_invitation_template_dialog_dup_text (dialog);
  const char *subject = klynge_invitation_template_dialog_get_subject (dialog);
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  /* What was written is kept as a draft, also when the dialog is closed
   * without writing the mail: the next one starts from it. */
  g_settings_set_string (settings, "invitation-template", template_text);
  g_settings_set_string (settings, "invitation-subject", subject);
  if (!g_str_equal (response, "compose"))
    return;
  if (!(body = klynge_invitations_fill_template (self->db, self->meeting_id, template_text, &error)) ||
      !(title = klynge_invitations_fill_template (self->db, self->meeting_id, subject, &error)) ||
      !(uri = klynge_invitations_mailto (self->db, self->meeting_id, title, body, &error)))
    {
      klynge_page_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
}

static void
mail_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlyngeInvitationsView *self = KLYNGE_INVITATIONS_VIEW (widget);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *saved_subject = g_settings_get_string (settings, "invitation-subject");
  g_autofree char *saved_text = g_settings_get_string (settings, "invitation-template");
  KlyngeInvitationTemplateDialog *dialog;

  dialog = klynge_invitation_template_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                  *saved_subject != '\0' ? saved_subject : _("Invitation: {title}"),
                                                  *saved_text != '\0' ? saved_text : klynge_invitations_default_template ());
  g_signal_connect (dialog, "response", G_CALLBACK (mail_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
klynge_invitations_view_dispose (GObject *object)
{
  KlyngeInvitationsView *self = KLYNGE_INVITATIONS_VIEW (object);

  set_store (self, NULL);
  g_clear_object (&self->db);
  g_clear_object (&self->context);
  g_clear_object (&self->choices);
  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_INVITATIONS_VIEW);
  G_OBJECT_CLASS (klynge_invitations_view_parent_class)->dispose (object);
}

static void
klynge_invitations_view_class_init (KlyngeInvitationsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = klynge_invitations_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-invitations-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeInvitationsView, content);
  gtk_widget_class_bind_template_child (widget_class, KlyngeInvitationsView, list);
  gtk_widget_class_bind_template_child (widget_class, KlyngeInvitationsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeInvitationsView, reply_by_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeInvitationsView, keys_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeInvitationsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KlyngeInvitationsView, load_error_label);

  gtk_widget_class_install_action (widget_class, "invitations.invite-all", NULL, invite_all_action);
  gtk_widget_class_install_action (widget_class, "invitations.export-ics", NULL, export_ics_action);
  gtk_widget_class_install_action (widget_class, "invitations.remind", NULL, export_ics_action);
  gtk_widget_class_install_action (widget_class, "invitations.mail", NULL, mail_action);
  gtk_widget_class_install_action (widget_class, "invitations.answer", "s", answer_action);
}

static void
klynge_invitations_view_init (KlyngeInvitationsView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *accepted = klynge_quick_key_text ("accepted");
  g_autofree char *declined = klynge_quick_key_text ("declined");
  g_autofree char *no_answer = klynge_quick_key_text ("no_answer");
  g_autofree char *invited = klynge_quick_key_text ("invited");
  g_autofree char *text = NULL;
  GListStore *choices = klynge_choices_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Each answer with its key, so the row itself teaches it. */
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autofree char *key = klynge_quick_key_text (answers[i]);
      /* Translators: an answer with the key that records it, "Accepted (A)" */
      g_autofree char *answer = g_strdup_printf (_("%s (%s)"), klynge_invitation_status_label (answers[i]), key);

      klynge_choices_append_key (choices, answers[i], answer);
    }
  self->choices = G_LIST_MODEL (choices);
  /* The letters are the translation's, the same as in the roll call. */
  text = g_strdup_printf (_("Quick entry: select a member and press %s for accepted, %s for declined, "
                            "%s for no answer or %s for invited."), accepted, declined, no_answer, invited);
  gtk_label_set_text (self->keys_label, text);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autofree char *action = g_strdup_printf ("invitations.answer::%s", answers[i]);

      g_menu_append (menu, klynge_invitation_status_label (answers[i]), action);
    }
  klynge_list_keys_attach (GTK_WIDGET (self->list), G_MENU_MODEL (menu), NULL, NULL);
}

/**
 * klynge_invitations_view_set_meeting:
 * @context: the context of the database the meeting is in
 *
 * Shows @meeting_id's invitations; the same meeting again keeps its rows.
 */
void
klynge_invitations_view_set_meeting (KlyngeInvitationsView *self,
                                     KlyngeContext         *context,
                                     gint64                 meeting_id)
{
  g_return_if_fail (KLYNGE_IS_INVITATIONS_VIEW (self));
  g_return_if_fail (KLYNGE_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  g_set_object (&self->db, klynge_context_get_db (context));
  self->meeting_id = meeting_id;
  reload (self);
}
