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
};

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

static GtkWidget *
form_dialog (KlyngeTopicsWindow *self,
             const char         *heading,
             GtkWidget         **form)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), *form);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
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
topic_response_cb (AdwMessageDialog   *dialog,
                   const char         *response,
                   KlyngeTopicsWindow *self)
{
  gint64 topic_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "topic-id"));
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
  take_text (&topic->title, g_object_get_data (G_OBJECT (dialog), "title"));
  take_text (&topic->description, g_object_get_data (G_OBJECT (dialog), "description"));
  take_text (&topic->rationale, g_object_get_data (G_OBJECT (dialog), "rationale"));
  save (self, topic, &error);
}

static void
edit_topic (KlyngeTopicsWindow *self,
            KlyngeTopic        *topic)
{
  GtkWidget *form;
  GtkWidget *dialog = form_dialog (self, topic != NULL ? _("Edit Topic") : _("New Topic"), &form);

  g_object_set_data (G_OBJECT (dialog), "topic-id", GSIZE_TO_POINTER (topic != NULL ? topic->id : 0));
  g_object_set_data (G_OBJECT (dialog), "title",
                     required (dialog, form_entry (form, _("Title"), topic != NULL ? topic->title : "")));
  g_object_set_data (G_OBJECT (dialog), "description",
                     form_entry (form, _("Description"), topic != NULL ? topic->description : ""));
  g_object_set_data (G_OBJECT (dialog), "rationale",
                     form_entry (form, _("Why it matters"), topic != NULL ? topic->rationale : ""));
  protect_form (self, dialog, form);
  g_signal_connect (dialog, "response", G_CALLBACK (topic_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_topic_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  edit_topic (KLYNGE_TOPICS_WINDOW (widget), NULL);
}

static KlyngeTopic *
topic_of (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), "topic");
}

static void
edit_topic_cb (GtkButton          *button,
               KlyngeTopicsWindow *self)
{
  edit_topic (self, topic_of (GTK_WIDGET (button)));
}

/* Indicators */

static void
indicator_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       KlyngeTopicsWindow *self)
{
  gint64 topic_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "topic-id"));
  gint64 indicator_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "indicator-id"));
  g_autoptr(KlyngeTopic) topic = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeIndicator *indicator = NULL;
  const KlyngeIndicatorUnit *units;
  guint n_units, unit;

  if (!g_str_equal (response, "save"))
    return;
  if (!(topic = klynge_topic_load (self->db, topic_id, &error)))
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < topic->indicators->len; i++)
    if (((KlyngeIndicator *) g_ptr_array_index (topic->indicators, i))->id == indicator_id)
      indicator = g_ptr_array_index (topic->indicators, i);
  if (indicator == NULL)
    g_ptr_array_add (topic->indicators, (indicator = klynge_indicator_new ()));
  take_text (&indicator->name, g_object_get_data (G_OBJECT (dialog), "name"));
  take_text (&indicator->numerator_definition, g_object_get_data (G_OBJECT (dialog), "numerator"));
  take_text (&indicator->denominator_definition, g_object_get_data (G_OBJECT (dialog), "denominator"));
  take_text (&indicator->data_source, g_object_get_data (G_OBJECT (dialog), "source"));
  units = klynge_indicator_units (&n_units);
  unit = MIN (gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (dialog), "unit")), n_units - 1);
  g_free (indicator->unit);
  indicator->unit = g_strdup (units[unit].unit);
  indicator->rate_per = units[unit].rate_per;
  indicator->higher_is_better = gtk_check_button_get_active (g_object_get_data (G_OBJECT (dialog), "higher"));
  save (self, topic, &error);
}

static void
edit_indicator (KlyngeTopicsWindow *self,
                KlyngeTopic        *topic,
                KlyngeIndicator    *indicator)
{
  g_autoptr(GtkStringList) unit_labels = gtk_string_list_new (NULL);
  GtkWidget *form, *unit, *higher;
  GtkWidget *dialog = form_dialog (self, indicator != NULL ? _("Edit Indicator") : _("New Indicator"), &form);
  guint n_units;
  const KlyngeIndicatorUnit *units = klynge_indicator_units (&n_units);

  for (guint i = 0; i < n_units; i++)
    gtk_string_list_append (unit_labels, klynge_indicator_unit_label (units[i].unit, units[i].rate_per));
  g_object_set_data (G_OBJECT (dialog), "topic-id", GSIZE_TO_POINTER (topic->id));
  g_object_set_data (G_OBJECT (dialog), "indicator-id", GSIZE_TO_POINTER (indicator != NULL ? indicator->id : 0));
  g_object_set_data (G_OBJECT (dialog), "name",
                     required (dialog, form_entry (form, _("Name"), indicator != NULL ? indicator->name : "")));
  g_object_set_data (G_OBJECT (dialog), "numerator",
                     form_entry (form, _("Numerator"), indicator != NULL ? indicator->numerator_definition : ""));
  g_object_set_data (G_OBJECT (dialog), "denominator",
                     form_entry (form, _("Denominator"), indicator != NULL ? indicator->denominator_definition : ""));
  g_object_set_data (G_OBJECT (dialog), "source",
                     form_entry (form, _("Data source"), indicator != NULL ? indicator->data_source : ""));
  unit = form_field (form, _("Unit"), gtk_drop_down_new (G_LIST_MODEL (g_object_ref (unit_labels)), NULL));
  for (guint i = 0; indicator != NULL && i < n_units; i++)
    if (g_str_equal (units[i].unit, indicator->unit) &&
        (klynge_indicator_type_of_unit (indicator->unit) != KLYNGE_INDICATOR_RATE || units[i].rate_per == indicator->rate_per))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (unit), i);
  higher = gtk_check_button_new_with_label (_("Higher is better"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (higher), indicator == NULL || indicator->higher_is_better);
  gtk_widget_set_margin_top (higher, 8);
  gtk_box_append (GTK_BOX (form), higher);
  g_object_set_data (G_OBJECT (dialog), "unit", unit);
  g_object_set_data (G_OBJECT (dialog), "higher", higher);
  protect_form (self, dialog, form);
  g_signal_connect (dialog, "response", G_CALLBACK (indicator_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_indicator_cb (GtkButton          *button,
                   KlyngeTopicsWindow *self)
{
  edit_indicator (self, topic_of (GTK_WIDGET (button)), g_object_get_data (G_OBJECT (button), "indicator"));
}

static GtkWidget *
row_button (const char *icon,
            const char *tooltip,
            KlyngeTopic *topic,
            GCallback   callback,
            gpointer    self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  klynge_tooltip_set_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_focusable (button, FALSE);
  g_object_set_data (G_OBJECT (button), "topic", topic);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
fill_topics (KlyngeTopicsWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *topics = klynge_topics_list (self->db, self->cluster_id, &error);

  clear_list (self->topic_list);
  if (topics == NULL)
    {
      show_error (self, error);
      return;
    }
  /* The rows point into the topics: they live as long as the list. */
  g_object_set_data_full (G_OBJECT (self->topic_list), "topics", topics, (GDestroyNotify) g_ptr_array_unref);
  for (guint t = 0; t < topics->len; t++)
    {
      KlyngeTopic *topic = g_ptr_array_index (topics, t);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *add = adw_action_row_new ();
      GtkWidget *add_button = gtk_button_new_with_mnemonic (_("Add _Indicator…"));

      g_object_set_data (G_OBJECT (row), "topic", topic);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), topic->title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), topic->description);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   row_button ("document-edit-symbolic", _("Edit Topic"), topic,
                                               G_CALLBACK (edit_topic_cb), self));
      for (guint i = 0; i < topic->indicators->len; i++)
        {
          KlyngeIndicator *indicator = g_ptr_array_index (topic->indicators, i);
          g_autofree char *subtitle = g_strdup_printf ("%s / %s · %s · %s · %s",
                                                       indicator->numerator_definition,
                                                       indicator->denominator_definition,
                                                       klynge_indicator_unit_label (indicator->unit, indicator->rate_per),
                                                       indicator->higher_is_better ? _("higher is better")
                                                                                   : _("lower is better"),
                                                       indicator->data_source);
          GtkWidget *line = adw_action_row_new ();
          GtkWidget *edit = row_button ("document-edit-symbolic", _("Edit Indicator"), topic,
                                        G_CALLBACK (edit_indicator_cb), self);

          g_object_set_data (G_OBJECT (edit), "indicator", indicator);
          g_object_set_data (G_OBJECT (line), "topic", topic);
          g_object_set_data (G_OBJECT (line), "indicator", indicator);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (line), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), indicator->name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (line), subtitle);
          adw_action_row_add_suffix (ADW_ACTION_ROW (line), edit);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
        }
      gtk_widget_set_valign (add_button, GTK_ALIGN_CENTER);
      gtk_widget_set_focusable (add_button, FALSE);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (add), add_button);
      g_object_set_data (G_OBJECT (add_button), "topic", topic);
      g_signal_connect (add_button, "clicked", G_CALLBACK (edit_indicator_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (add), add_button);
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Indicator…"), -1);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), add);
      gtk_list_box_append (self->topic_list, row);
      klynge_accessible_name_internals (row);
    }
}

/* The row of @list the keys or the menu act on, or its nearest ancestor
 * with @key: an indicator's line lies inside its topic's row. */
static GtkWidget *
keyed_row (GtkListBox *list,
           const char *key)
{
  GtkWidget *row = klynge_list_keys_get_row (GTK_WIDGET (list));

  for (; row != NULL && row != GTK_WIDGET (list); row = gtk_widget_get_parent (row))
    if (g_object_get_data (G_OBJECT (row), key) != NULL)
      return row;
  return NULL;
}

static void
edit_row_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KlyngeTopicsWindow *self = KLYNGE_TOPICS_WINDOW (widget);
  GtkWidget *row = keyed_row (self->topic_list, "topic");

  if (row == NULL)
    return;
  if (g_object_get_data (G_OBJECT (row), "indicator") != NULL)
    edit_indicator (self, topic_of (row), g_object_get_data (G_OBJECT (row), "indicator"));
  else
    edit_topic (self, topic_of (row));
}

static void
add_indicator_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KlyngeTopicsWindow *self = KLYNGE_TOPICS_WINDOW (widget);
  GtkWidget *row = keyed_row (self->topic_list, "topic");

  if (row != NULL)
    edit_indicator (self, topic_of (row), NULL);
}

/* Brainstorm */

static void
show_votes (GtkWidget *row)
{
  const char *proposer = g_object_get_data (G_OBJECT (row), "proposer");
  int n = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "votes"));
  g_autofree char *votes = g_strdup_printf (ngettext ("%d vote", "%d votes", (gulong) n), n);
  g_autofree char *subtitle = proposer != NULL ? g_strdup_printf (_("Proposed by %s · %s"), proposer, votes)
                                               : g_strdup (votes);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

/* The row keeps its place while the votes come in: a list re-sorted under
 * the pointer would take the next click for another topic. The brainstorm
 * is sorted by votes again when it is next filled (a new proposal, the
 * window opened again). */
static void
vote (KlyngeTopicsWindow *self,
      GtkWidget          *row,
      int                 delta)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "proposal-id"));
  int votes = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "votes"));

  if (!klynge_topic_proposal_vote (self->db, id, delta, &error))
    {
      show_error (self, error);
      return;
    }
  /* As the database counts: never below none. */
  g_object_set_data (G_OBJECT (row), "votes", GINT_TO_POINTER (MAX (0, votes + delta)));
  show_votes (row);
}

static void
vote_cb (GtkButton          *button,
         KlyngeTopicsWindow *self)
{
  vote (self, gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW),
        GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta")));
}

static void
vote_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlyngeTopicsWindow *self = KLYNGE_TOPICS_WINDOW (widget);
  GtkWidget *row = keyed_row (self->proposal_list, "proposal-id");

  if (row != NULL)
    vote (self, row, g_variant_get_int32 (parameter));
}

/* The proposal becomes a topic of the library, and a new meeting on it
 * opens for planning. */
static void
choose (KlyngeTopicsWindow *self,
        GtkWidget          *row)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "proposal-id"));
  g_autofree char *title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gint64 topic_id = klynge_topic_proposal_choose (self->db, id, &error);

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
  choose (self, gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW));
}

static void
plan_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KlyngeTopicsWindow *self = KLYNGE_TOPICS_WINDOW (widget);
  GtkWidget *row = keyed_row (self->proposal_list, "proposal-id");

  /* A chosen proposal's topic is in the library already. */
  if (row != NULL && g_object_get_data (G_OBJECT (row), "chosen") == NULL)
    choose (self, row);
}

static GtkWidget *
proposal_button (const char *icon,
                 const char *tooltip,
                 gint64      id,
                 int         delta,
                 GCallback   callback,
                 gpointer    self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  klynge_tooltip_set_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_focusable (button, FALSE);
  g_object_set_data (G_OBJECT (button), "proposal-id", GSIZE_TO_POINTER (id));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
fill_proposals (KlyngeTopicsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) proposals = klynge_topic_proposals_list (self->db, self->cluster_id, &error);

  clear_list (self->proposal_list);
  gtk_widget_set_visible (GTK_WIDGET (self->proposal_list), proposals != NULL && proposals->len > 0);
  for (guint i = 0; proposals != NULL && i < proposals->len; i++)
    {
      KlyngeTopicProposal *proposal = g_ptr_array_index (proposals, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), proposal->title);
      g_object_set_data_full (G_OBJECT (row), "proposer", g_strdup (proposal->proposer_name), g_free);
      g_object_set_data (G_OBJECT (row), "votes", GINT_TO_POINTER ((int) proposal->votes));
      g_object_set_data (G_OBJECT (row), "proposal-id", GSIZE_TO_POINTER (proposal->id));
      show_votes (row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), proposal_button ("list-remove-symbolic", _("Remove a Vote"),
                                                                        proposal->id, -1, G_CALLBACK (vote_cb), self));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), proposal_button ("list-add-symbolic", _("Add a Vote"),
                                                                        proposal->id, 1, G_CALLBACK (vote_cb), self));
      if (proposal->topic_id == 0)
        {
          GtkWidget *choose = gtk_button_new_with_mnemonic (_("_Plan a Meeting"));

          gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
          gtk_widget_set_focusable (choose, FALSE);
          klynge_tooltip_set_text (choose, _("Put the topic into the library and plan a meeting on it"));
          g_signal_connect (choose, "clicked", G_CALLBACK (choose_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), choose);
        }
      else
        {
          GtkWidget *chosen = gtk_label_new (_("Chosen"));

          g_object_set_data (G_OBJECT (row), "chosen", chosen);
          gtk_widget_add_css_class (chosen, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), chosen);
        }
      gtk_list_box_append (self->proposal_list, row);
    }
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
