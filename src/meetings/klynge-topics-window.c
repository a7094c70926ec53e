/* klynge-topics-window.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The brainstorm of proposed topics with their votes, and the topic library:
 * the shipped cluster packages and the cluster's own topics, each with the
 * indicators to extract. Edits go through klynge_topic_save(), which marks
 * shipped rows as the user's so that an update never overwrites them.
 *
 * Each list is one Tab stop: the rows' buttons are for the pointer, and
 * their actions are on the row's menu (Menu key, Shift+F10, right click),
 * with F2 editing the topic or indicator of the row.
 */

#include "klynge-i18n.h"

#include "klynge-edit-guard.h"
#include "klynge-accessible.h"
#include "klynge-indicator-editor.h"
#include "klynge-indicator-row.h"
#include "klynge-list-keys.h"
#include "klynge-read-only.h"
#include "klynge-topics.h"
#include "klynge-topics-window.h"
#include "klynge-tooltip.h"

struct _KlyngeTopicsWindow
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toasts;
  GtkWidget       *content;
  AdwEntryRow     *proposal_row;
  GtkListBox      *proposal_list;
  GtkListBox      *topic_list;

  KlyngeDb        *db;
  gint64           cluster_id;
  KlyngeEditGuard *editing;     /* weak; the open topic's or indicator's form */
  GPtrArray       *topics;      /* KlyngeTopic, by row of topic_list */
  GPtrArray       *proposals;   /* KlyngeTopicProposal, by row of proposal_list */
};

/* The fields of a topic's form, for its answer. */
typedef struct
{
  KlyngeTopicsWindow *self;
  gint64              topic_id;  /* 0: a new topic */
  GtkWidget          *title;
  GtkWidget          *description;
  GtkWidget          *rationale;
} TopicForm;

G_DEFINE_FINAL_TYPE (KlyngeTopicsWindow, klynge_topics_window, ADW_TYPE_WINDOW)

enum {
  PLAN_MEETING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (KlyngeTopicsWindow *self);

static void
show_error (KlyngeTopicsWindow *self,
            const GError       *error)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

/* Rows only: the rows' menu is a child of the list too, and stays. */
static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* A form in a message dialog: one labelled entry per field. */
static GtkWidget *
form_field (GtkWidget  *form,
            const char *label,
            GtkWidget  *field)
{
  GtkWidget *title = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  /* Each label with its own field, apart from the field above. */
  if (gtk_widget_get_first_child (form) != NULL)
    gtk_widget_set_margin_top (title, 8);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  gtk_box_append (GTK_BOX (form), title);
  gtk_box_append (GTK_BOX (form), field);
  return field;
}

static GtkWidget *
form_entry (GtkWidget  *form,
            const char *label,
            const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  return form_field (form, label, entry);
}

static void
required_changed_cb (GtkEditable      *entry,
                     AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

/* Saving without a name would only be refused: Save waits for one. */
static GtkWidget *
required (GtkWidget *dialog,
          GtkWidget *entry)
{
  g_signal_connect_object (entry, "changed", G_CALLBACK (required_changed_cb), dialog, 0);
  required_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  return entry;
}

static void
add_form_responses (GtkWidget *dialog)
{
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
}

static GtkWidget *
form_dialog (KlyngeTopicsWindow *self,
             const char         *heading,
             GtkWidget         **form)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), *form);
  add_form_responses (dialog);
  return dialog;
}

/* Changes to a topic or an indicator are never dropped unasked: closing its
 * form asks, as an editor window does; a save that failed keeps it open. */
static void
protect_form (KlyngeTopicsWindow *self,
              GtkWidget          *dialog,
              GtkWidget          *form)
{
  g_set_weak_pointer (&self->editing, klynge_edit_guard_protect_dialog (ADW_MESSAGE_DIALOG (dialog), form, "save"));
}

static void
save (KlyngeTopicsWindow  *self,
      KlyngeTopic         *topic,
      GError             **error)
{
  if (!klynge_topic_save (self->db, topic, error))
    show_error (self, *error);
  else if (self->editing != NULL)
    klynge_edit_guard_set_clean (self->editing);
  reload (self);
}

static void
take_text (char      **field,
           GtkWidget  *entry)
{
  g_free (*field);
  *field = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Topics */

static void
topic_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   TopicForm        *form)
{
  KlyngeTopicsWindow *self = form->self;
  gint64 topic_id = form->topic_id;
  g_autoptr(KlyngeTopic) topic = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;
  topic = topic_id != 0 ? klynge_topic_load (self->db, topic_id, &error) : klynge_topic_new ();
  if (topic == NULL)
    {
      show_error (self, error);
      return;
    }
  if (topic_id == 0)
    topic->cluster_id = self->cluster_id;
  take_text (&topic->title, form->title);
  take_text (&topic->description, form->description);
  take_text (&topic->rationale, form->rationale);
  save (self, topic, &error);
}

static void
topic_form_free (gpointer  data,
                 GClosure *closure)
{
  g_free (data);
}

static void
edit_topic (KlyngeTopicsWindow *self,
            KlyngeTopic        *topic)
{
  GtkWidget *box;
  GtkWidget *dialog = form_dialog (self, topic != NULL ? _("Edit Topic") : _("New Topic"), &box);
  TopicForm *form = g_new0 (TopicForm, 1);

  /* The dialog is modal over the window, which outlives it. */
  form->self = self;
  form->topic_id = topic != NULL ? topic->id : 0;
  form->title = required (dialog, form_entry (box, _("Title"), topic != NULL ? topic->title : ""));
  form->description = form_entry (box, _("Description"), topic != NULL ? topic->description : "");
  form->rationale = form_entry (box, _("Why it matters"), topic != NULL ? topic->rationale : "");
  protect_form (self, dialog, box);
  g_signal_connect_data (dialog, "response", G_CALLBACK (topic_response_cb), form, topic_form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_topic_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  edit_topic (KLYNGE_TOPICS_WINDOW (widget), NULL);
}

/* The topic whose row holds @widget, or %NULL. */
static KlyngeTopic *
topic_of (KlyngeTopicsWindow *self,
          GtkWidget          *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);
  int index = row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;

  return self->topics != NULL && index >= 0 && (guint) index < self->topics->len ? g_ptr_array_index (self->topics, index)
                                                                                  : NULL;
}

static void
edit_topic_cb (GtkButton          *button,
               KlyngeTopicsWindow *self)
{
  edit_topic (self, topic_of (self, GTK_WIDGET (button)));
}

/* Indicators */

static void
indicator_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       KlyngeTopicsWindow *self)
{
  KlyngeIndicatorEditor *editor = KLYNGE_INDICATOR_EDITOR (adw_message_dialog_get_extra_child (dialog));
  KlyngeIndicator *edited = klynge_indicator_editor_get_indicator (editor);
  g_autoptr(KlyngeTopic) topic = NULL;
  g_autoptr(GError) error = NULL;
  guint i;

  if (!g_str_equal (response, "save"))
    return;
  if (!(topic = klynge_topic_load (self->db, edited->topic_id, &error)))
    {
      show_error (self, error);
      return;
    }
  /* The topic is saved with the edited indicator in the place of its own,
   * as a copy: a save that fails leaves the form's indicator as typed. */
  for (i = 0; i < topic->indicators->len; i++)
    if (((KlyngeIndicator *) g_ptr_array_index (topic->indicators, i))->id == edited->id && edited->id != 0)
      break;
  if (i < topic->indicators->len)
    g_ptr_array_remove_index (topic->indicators, i);
  g_ptr_array_insert (topic->indicators, (int) i, klynge_indicator_copy (edited));
  save (self, topic, &error);
}

/* A new indicator of @topic when @indicator is %NULL. The form edits a
 * copy: the row shows the indicator as saved until it is saved. */
static void
edit_indicator (KlyngeTopicsWindow *self,
                KlyngeTopic        *topic,
                KlyngeIndicator    *indicator)
{
  g_autoptr(KlyngeIndicator) edited = indicator != NULL ? klynge_indicator_copy (indicator) : klynge_indicator_new ();
  GtkWidget *form;
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), indicator != NULL ? _("Edit Indicator")
                                                                                   : _("New Indicator"), NULL);

  edited->topic_id = topic->id;
  form = klynge_indicator_editor_new (edited);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), form);
  add_form_responses (dialog);
  required (dialog, klynge_indicator_editor_get_name_entry (KLYNGE_INDICATOR_EDITOR (form)));
  protect_form (self, dialog, form);
  g_signal_connect (dialog, "response", G_CALLBACK (indicator_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_indicator_cb (KlyngeIndicatorRow *row,
                   KlyngeTopicsWindow *self)
{
  edit_indicator (self, topic_of (self, GTK_WIDGET (row)), klynge_indicator_row_get_indicator (row));
}

static void
add_indicator_cb (GtkButton          *button,
                  KlyngeTopicsWindow *self)
{
  edit_indicator (self, topic_of (self, GTK_WIDGET (button)), NULL);
}

/* A row's button, for the pointer: the keyboard has the row's menu. */
static GtkWidget *
row_button (GtkWidget  *button,
            const char *tooltip,
            GCallback   callback,
            gpointer    self)
{
  if (tooltip != NULL)
    klynge_tooltip_set_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_focusable (button, FALSE);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* An icon says less than a label: it stays flat beside the row's text. */
static GtkWidget *
row_icon_button (const char *icon,
                 const char *tooltip,
                 GCallback   callback,
                 gpointer    self)
{
  GtkWidget *button = row_button (gtk_button_new_from_icon_name (icon), tooltip, callback, self);

  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
fill_topics (KlyngeTopicsWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *topics = klynge_topics_list (self->db, self->cluster_id, &error);

  clear_list (self->topic_list);
  /* The rows point into the topics: they live as long as the rows. */
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  if (topics == NULL)
    {
      show_error (self, error);
      return;
    }
  self->topics = topics;
  for (guint t = 0; t < topics->len; t++)
    {
      KlyngeTopic *topic = g_ptr_array_index (topics, t);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *add = adw_action_row_new ();
      GtkWidget *add_button = row_button (gtk_button_new_with_mnemonic (_("Add _Indicator…")), NULL,
                                          G_CALLBACK (add_indicator_cb), self);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), topic->title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), topic->description);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   row_icon_button ("document-edit-symbolic", _("Edit Topic"),
                                                    G_CALLBACK (edit_topic_cb), self));
      for (guint i = 0; i < topic->indicators->len; i++)
        {
          GtkWidget *line = klynge_indicator_row_new (g_ptr_array_index (topic->indicators, i));

          g_signal_connect (line, "edit", G_CALLBACK (edit_indicator_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
        }
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (add), add_button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (add), add_button);
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Indicator…"), -1);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), add);
      gtk_list_box_append (self->topic_list, row);
      klynge_accessible_name_internals (row);
    }
}

static void
edit_row_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KlyngeTopicsWindow *self = KLYNGE_TOPICS_WINDOW (widget);
  GtkWidget *row = klynge_list_keys_get_row (GTK_WIDGET (self->topic_list));
  GtkWidget *line = row != NULL ? gtk_widget_get_ancestor (row, KLYNGE_TYPE_INDICATOR_ROW) : NULL;
  KlyngeTopic *topic = row != NULL ? topic_of (self, row) : NULL;

  /* An indicator's line lies inside its topic's row. */
  if (topic == NULL)
    return;
  if (line != NULL)
    edit_indicator (self, topic, klynge_indicator_row_get_indicator (KLYNGE_INDICATOR_ROW (line)));
  else
    edit_topic (self, topic);
}

static void
add_indicator_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KlyngeTopicsWindow *self = KLYNGE_TOPICS_WINDOW (widget);
  GtkWidget *row = klynge_list_keys_get_row (GTK_WIDGET (self->topic_list));
  KlyngeTopic *topic = row != NULL ? topic_of (self, row) : NULL;

  if (topic != NULL)
    edit_indicator (self, topic, NULL);
}

/* Brainstorm */

/* The proposal whose row holds @widget, or %NULL. */
static KlyngeTopicProposal *
proposal_of (KlyngeTopicsWindow *self,
             GtkWidget          *widget)
{
  GtkWidget *row = widget;
  int index;

  while (row != NULL && gtk_widget_get_parent (row) != GTK_WIDGET (self->proposal_list))
    row = gtk_widget_get_parent (row);
  if (row == NULL || !GTK_IS_LIST_BOX_ROW (row))
    return NULL;
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  return self->proposals != NULL && index >= 0 && (guint) index < self->proposals->len
         ? g_ptr_array_index (self->proposals, index) : NULL;
}

static void
show_votes (GtkWidget           *row,
            KlyngeTopicProposal *proposal)
{
  int n = (int) proposal->votes;
  g_autofree char *votes = g_strdup_printf (ngettext ("%d vote", "%d votes", (gulong) n), n);
  g_autofree char *subtitle = proposal->proposer_name != NULL
    ? g_strdup_printf (_("Proposed by %s · %s"), proposal->proposer_name, votes)
    : g_strdup (votes);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

/* The row keeps its place while the votes come in: a list re-sorted under
 * the pointer would take the next click for another topic. The brainstorm
 * is sorted by votes again when it is next filled (a new proposal, the
 * window opened again). */
static void
vote (KlyngeTopicsWindow *self,
      GtkWidget          *widget,
      int                 delta)
{
  g_autoptr(GError) error = NULL;
  KlyngeTopicProposal *proposal = proposal_of (self, widget);

  if (proposal == NULL)
    return;
  if (!klynge_topic_proposal_vote (self->db, proposal->id, delta, &error))
    {
      show_error (self, error);
      return;
    }
  /* As the database counts: never below none. */
  proposal->votes = MAX (0, proposal->votes + delta);
  show_votes (gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW), proposal);
}

static void
vote_up_cb (GtkButton          *button,
            KlyngeTopicsWindow *self)
{
  vote (self, GTK_WIDGET (button), 1);
}

static void
vote_down_cb (GtkButton          *button,
              KlyngeTopicsWindow *self)
{
  vote (self, GTK_WIDGET (button), -1);
}

static void
vote_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlyngeTopicsWindow *self = KLYNGE_TOPICS_WINDOW (widget);
  GtkWidget *row = klynge_list_keys_get_row (GTK_WIDGET (self->proposal_list));

  if (row != NULL)
    vote (self, row, g_variant_get_int32 (parameter));
}

/* The proposal becomes a topic of the library, and a new meeting on it
 * opens for planning. */
static void
choose (KlyngeTopicsWindow  *self,
        KlyngeTopicProposal *proposal)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup (proposal->title);
  gint64 topic_id = klynge_topic_proposal_choose (self->db, proposal->id, &error);

  if (topic_id == 0)
    {
      show_error (self, error);
      reload (self);
      return;
    }
  g_signal_emit (self, signals[PLAN_MEETING], 0, topic_id, title);
  gtk_window_close (GTK_WINDOW (self));
}

static void
choose_cb (GtkButton          *button,
           KlyngeTopicsWindow *self)
{
  KlyngeTopicProposal *proposal = proposal_of (self, GTK_WIDGET (button));

  if (proposal != NULL)
    choose (self, proposal);
}

static void
plan_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KlyngeTopicsWindow *self = KLYNGE_TOPICS_WINDOW (widget);
  GtkWidget *row = klynge_list_keys_get_row (GTK_WIDGET (self->proposal_list));
  KlyngeTopicProposal *proposal = row != NULL ? proposal_of (self, row) : NULL;

  /* A chosen proposal's topic is in the library already. */
  if (proposal != NULL && proposal->topic_id == 0)
    choose (self, proposal);
}

static void
fill_proposals (KlyngeTopicsWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *proposals = klynge_topic_proposals_list (self->db, self->cluster_id, &error);

  clear_list (self->proposal_list);
  g_clear_pointer (&self->proposals, g_ptr_array_unref);
  self->proposals = proposals;
  gtk_widget_set_visible (GTK_WIDGET (self->proposal_list), proposals != NULL && proposals->len > 0);
  for (guint i = 0; proposals != NULL && i < proposals->len; i++)
    {
      KlyngeTopicProposal *proposal = g_ptr_array_index (proposals, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), proposal->title);
      show_votes (row, proposal);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_icon_button ("list-remove-symbolic", _("Remove a Vote"),
                                                                        G_CALLBACK (vote_down_cb), self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_icon_button ("list-add-symbolic", _("Add a Vote"),
                                                                        G_CALLBACK (vote_up_cb), self));
      if (proposal->topic_id == 0)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     row_button (gtk_button_new_with_mnemonic (_("_Plan a Meeting")),
                                                 _("Put the topic into the library and plan a meeting on it"),
                                                 G_CALLBACK (choose_cb), self));
        }
      else
        {
          GtkWidget *chosen = gtk_label_new (_("Chosen"));

          gtk_widget_add_css_class (chosen, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), chosen);
        }
      gtk_list_box_append (self->proposal_list, row);
    }
  if (proposals == NULL)
    show_error (self, error);
}

static gboolean
propose (KlyngeTopicsWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (klynge_topic_proposal_add (self->db, self->cluster_id,
                                 gtk_editable_get_text (GTK_EDITABLE (self->proposal_row)), 0, &error) == 0)
    {
      show_error (self, error);
      return FALSE;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->proposal_row), "");
  fill_proposals (self);
  return TRUE;
}

static void
propose_cb (KlyngeTopicsWindow *self)
{
  propose (self);
}

/* Save, when the window closes with a proposal typed but not added. */
static void
propose_and_close_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  if (propose (KLYNGE_TOPICS_WINDOW (widget)))
    gtk_window_close (GTK_WINDOW (widget));
}

static void
reload (KlyngeTopicsWindow *self)
{
  gboolean writable;

  fill_proposals (self);
  fill_topics (self);
  writable = !klynge_read_only_apply (self->content, self->db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "topics.new-topic", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "topics.edit-row", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "topics.add-indicator", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "topics.vote", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "topics.plan-meeting", writable);
}

/* A topic or an indicator being edited asks about its changes first. */
static gboolean
klynge_topics_window_close_request (GtkWindow *window)
{
  if (!klynge_edit_guard_close_transients (window))
    return TRUE;
  return GTK_WINDOW_CLASS (klynge_topics_window_parent_class)->close_request != NULL &&
         GTK_WINDOW_CLASS (klynge_topics_window_parent_class)->close_request (window);
}

static void
klynge_topics_window_dispose (GObject *object)
{
  KlyngeTopicsWindow *self = KLYNGE_TOPICS_WINDOW (object);

  g_clear_weak_pointer (&self->editing);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_TOPICS_WINDOW);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->proposals, g_ptr_array_unref);
  G_OBJECT_CLASS (klynge_topics_window_parent_class)->dispose (object);
}

static void
klynge_topics_window_class_init (KlyngeTopicsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = klynge_topics_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = klynge_topics_window_close_request;

  /**
   * KlyngeTopicsWindow::plan-meeting:
   * @topic_id: the topic a proposal became
   * @title: its title
   *
   * Emitted when a proposal is chosen, for a new meeting on it.
   */
  signals[PLAN_MEETING] = g_signal_new ("plan-meeting", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-topics-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeTopicsWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, KlyngeTopicsWindow, content);
  gtk_widget_class_bind_template_child (widget_class, KlyngeTopicsWindow, proposal_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeTopicsWindow, proposal_list);
  gtk_widget_class_bind_template_child (widget_class, KlyngeTopicsWindow, topic_list);
  gtk_widget_class_bind_template_callback (widget_class, propose_cb);
  gtk_widget_class_install_action (widget_class, "topics.new-topic", NULL, new_topic_action);
  gtk_widget_class_install_action (widget_class, "topics.propose-and-close", NULL, propose_and_close_action);
  gtk_widget_class_install_action (widget_class, "topics.edit-row", NULL, edit_row_action);
  gtk_widget_class_install_action (widget_class, "topics.add-indicator", NULL, add_indicator_action);
  gtk_widget_class_install_action (widget_class, "topics.vote", "i", vote_action);
  gtk_widget_class_install_action (widget_class, "topics.plan-meeting", NULL, plan_meeting_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
klynge_topics_window_init (KlyngeTopicsWindow *self)
{
  g_autoptr(GMenu) topic_menu = g_menu_new ();
  g_autoptr(GMenu) proposal_menu = g_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_menu_append (topic_menu, _("_Edit…"), "topics.edit-row");
  g_menu_append (topic_menu, _("Add _Indicator…"), "topics.add-indicator");
  klynge_list_keys_attach (GTK_WIDGET (self->topic_list), G_MENU_MODEL (topic_menu), "topics.edit-row", NULL);

  g_menu_append (proposal_menu, _("_Add a Vote"), "topics.vote(1)");
  g_menu_append (proposal_menu, _("_Remove a Vote"), "topics.vote(-1)");
  g_menu_append (proposal_menu, _("_Plan a Meeting"), "topics.plan-meeting");
  klynge_list_keys_attach (GTK_WIDGET (self->proposal_list), G_MENU_MODEL (proposal_menu), NULL, NULL);
}

GtkWidget *
klynge_topics_window_new (GtkWindow *parent,
                          KlyngeDb  *db,
                          gint64     cluster_id)
{
  KlyngeTopicsWindow *self = g_object_new (KLYNGE_TYPE_TOPICS_WINDOW, "transient-for", parent, NULL);

  self->db = g_object_ref (db);
  self->cluster_id = cluster_id;
  reload (self);
  /* A proposal typed but not added is typed work too. */
  klynge_edit_guard_protect (GTK_WINDOW (self), GTK_WIDGET (self->proposal_row), "topics.propose-and-close");
  return GTK_WIDGET (self);
}
