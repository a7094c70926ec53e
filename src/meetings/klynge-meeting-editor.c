/* klynge-meeting-editor.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The details of a meeting: title, topic, time, status, people, venue,
 * speakers with their fees, and the minutes. The form writes into the
 * meeting only in klynge_meeting_editor_apply(), so a failed save leaves
 * both the form and the database as they were.
 */

#include "klynge-i18n.h"

#include <stdio.h>
#include <string.h>

#include "klynge-accessible.h"
#include "klynge-attendance.h"
#include "klynge-date-row.h"
#include "klynge-format.h"
#include "klynge-ledger.h"
#include "klynge-meeting-editor.h"
#include "klynge-money.h"
#include "klynge-picker.h"
#include "klynge-placeholder.h"
#include "klynge-read-only.h"
#include "klynge-speaker-row.h"
#include "klynge-topics.h"

struct _KlyngeMeetingEditor
{
  AdwBin          parent_instance;

  GtkWidget      *content;
  AdwEntryRow    *title_row;
  AdwComboRow    *topic_row;
  KlyngeDateRow  *date_row;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
  AdwComboRow    *status_row;
  GtkWidget      *details_group;
  AdwComboRow    *facilitator_row;
  AdwComboRow    *follow_up_row;
  AdwEntryRow    *venue_row;
  AdwEntryRow    *address_row;
  AdwEntryRow    *catering_row;
  GtkListBox     *speaker_list;
  GtkTextView    *minutes_view;

  KlyngeDb       *db;
  KlyngeMeeting  *meeting;
  char           *currency;
};

G_DEFINE_FINAL_TYPE (KlyngeMeetingEditor, klynge_meeting_editor, ADW_TYPE_BIN)

enum {
  TIMES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const statuses[] = { "planned", "invited", "held", "cancelled", NULL };

/* "None" first: a meeting needs no topic, facilitator or earlier meeting. */
static GListStore *
start_list (void)
{
  GListStore *choices = klynge_choices_new ();

  klynge_choices_append (choices, 0, _("None"));
  return choices;
}

/* Offers @choices with the row of @selected chosen, or why they could not be read. */
static void
fill_combo (AdwComboRow  *row,
            GListStore   *choices,
            gint64        selected,
            const GError *error)
{
  klynge_picker_set_choices (row, G_LIST_MODEL (choices));
  klynge_picker_select_id (row, selected);
  klynge_accessible_name_internals (GTK_WIDGET (row));
  klynge_combo_row_show_error (row, error);
}

static void
fill_choices (KlyngeMeetingEditor *self)
{
  gint64 cluster = self->meeting->cluster_id;
  g_autoptr(GError) topics_error = NULL;
  g_autoptr(GError) members_error = NULL;
  g_autoptr(GError) meetings_error = NULL;
  g_autoptr(GPtrArray) topics = klynge_topics_list (self->db, cluster, &topics_error);
  g_autoptr(GPtrArray) members = klynge_attendance_rates (self->db, cluster, 0, &members_error);
  g_autoptr(GListModel) meetings = klynge_meetings_list (self->db, cluster, KLYNGE_MEETINGS_ALL, NULL, &meetings_error);
  g_autoptr(GListStore) topic_choices = start_list ();
  g_autoptr(GListStore) member_choices = start_list ();
  g_autoptr(GListStore) meeting_choices = start_list ();

  for (guint i = 0; topics != NULL && i < topics->len; i++)
    {
      KlyngeTopic *topic = g_ptr_array_index (topics, i);

      klynge_choices_append (topic_choices, topic->id, topic->title);
    }
  fill_combo (self->topic_row, topic_choices, self->meeting->topic_id, topics_error);

  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      KlyngeAttendanceRate *member = g_ptr_array_index (members, i);

      klynge_choices_append (member_choices, member->member_id, member->name);
    }
  fill_combo (self->facilitator_row, member_choices, self->meeting->facilitator_id, members_error);

  for (guint i = 0; meetings != NULL && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(KlyngeMeeting) other = g_list_model_get_item (meetings, i);
      g_autofree char *day = NULL, *date = NULL, *label = NULL;

      if (other->id == self->meeting->id)
        continue;
      day = g_strndup (other->starts_at, 10);
      date = klynge_format_date (day);
      /* Translators: a meeting to follow up: its date, then its title */
      label = g_strdup_printf (_("%s: %s"), date != NULL ? date : day, other->title);
      klynge_choices_append (meeting_choices, other->id, label);
    }
  fill_combo (self->follow_up_row, meeting_choices, self->meeting->follow_up_of, meetings_error);
}

static void
remove_speaker_cb (GtkWidget           *row,
                   KlyngeMeetingEditor *self)
{
  gtk_list_box_remove (self->speaker_list, row);
}

static GtkWidget *
add_speaker_row (KlyngeMeetingEditor *self,
                 KlyngeSpeaker       *speaker)
{
  GtkWidget *row = klynge_speaker_row_new (speaker, self->currency);

  g_signal_connect (row, "remove", G_CALLBACK (remove_speaker_cb), self);
  gtk_list_box_append (self->speaker_list, row);
  return row;
}

static void
add_speaker_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KlyngeMeetingEditor *self = KLYNGE_MEETING_EDITOR (widget);
  g_autoptr(KlyngeSpeaker) speaker = NULL;

  speaker = klynge_speaker_new ("", "", 0);
  /* Into the new name, as a new agenda item: one types it next, and the
   * editor scrolls to where it is. */
  klynge_speaker_row_edit (KLYNGE_SPEAKER_ROW (add_speaker_row (self, speaker)));
}

/* "17:00" or "17.00" → minutes since midnight; -1 when it is not a time. */
static int
parse_clock (const char *text)
{
  int h, m;
  char separator, tail;

  if (sscanf (text, "%d%c%d%c", &h, &separator, &m, &tail) != 3 ||
      (separator != ':' && separator != '.') || h < 0 || h > 23 || m < 0 || m > 59)
    return -1;
  return h * 60 + m;
}

static gboolean
read_time (AdwEntryRow  *row,
           const char   *date,
           char        **out,
           GError      **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  int minutes = parse_clock (text);

  if (minutes < 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("“%s” is not a time of day; write it like 17:00."), text);
      return FALSE;
    }
  *out = g_strdup_printf ("%sT%02d:%02d", date, minutes / 60, minutes % 60);
  return TRUE;
}

static void
set_text (char       **field,
          AdwEntryRow *row)
{
  g_free (*field);
  *field = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The agenda builder shows start times and the over-run as the times are
 * typed, so a valid time goes into the meeting at once. */
static void
time_changed_cb (KlyngeMeetingEditor *self)
{
  g_autofree char *date = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;

  if (self->meeting == NULL)
    return;
  date = klynge_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), NULL);
  if (date == NULL || !read_time (self->start_row, date, &starts, NULL) || !read_time (self->end_row, date, &ends, NULL))
    return;
  g_free (self->meeting->starts_at);
  self->meeting->starts_at = g_steal_pointer (&starts);
  g_free (self->meeting->ends_at);
  self->meeting->ends_at = g_steal_pointer (&ends);
  g_signal_emit (self, signals[TIMES_CHANGED], 0);
}

static void
klynge_meeting_editor_dispose (GObject *object)
{
  KlyngeMeetingEditor *self = KLYNGE_MEETING_EDITOR (object);

  g_clear_object (&self->db);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->currency, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_MEETING_EDITOR);
  G_OBJECT_CLASS (klynge_meeting_editor_parent_class)->dispose (object);
}

static void
klynge_meeting_editor_class_init (KlyngeMeetingEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = klynge_meeting_editor_dispose;

  g_type_ensure (KLYNGE_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingEditor, content);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingEditor, topic_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingEditor, details_group);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingEditor, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingEditor, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingEditor, venue_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingEditor, catering_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingEditor, speaker_list);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingEditor, minutes_view);

  gtk_widget_class_bind_template_callback (widget_class, time_changed_cb);
  gtk_widget_class_install_action (widget_class, "editor.add-speaker", NULL, add_speaker_action);

  /**
   * KlyngeMeetingEditor::times-changed:
   *
   * The meeting's start or end changed to another valid time.
   */
  signals[TIMES_CHANGED] = g_signal_new ("times-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
klynge_meeting_editor_init (KlyngeMeetingEditor *self)
{
  g_autoptr(GListStore) choices = klynge_choices_new_for_keys (statuses, klynge_meeting_status_label);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The group has no heading: the editor's own is the meeting's title. */
  klynge_accessible_name_list (self->details_group, _("Meeting"));
  klynge_picker_set_choices (self->status_row, G_LIST_MODEL (choices));
}

void
klynge_meeting_editor_set_meeting (KlyngeMeetingEditor *self,
                                   KlyngeDb            *db,
                                   KlyngeMeeting       *meeting)
{
  GtkWidget *child;
  char date[11] = "";

  g_return_if_fail (KLYNGE_IS_MEETING_EDITOR (self));

  g_set_object (&self->db, db);
  g_set_object (&self->meeting, meeting);
  if (meeting == NULL)
    return;
  g_free (self->currency);
  self->currency = klynge_ledger_get_currency (db, meeting->cluster_id);

  g_strlcpy (date, meeting->starts_at, sizeof date);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), meeting->title);
  klynge_date_row_set_date (self->date_row, date);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), strlen (meeting->starts_at) == 16 ? meeting->starts_at + 11 : "");
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), strlen (meeting->ends_at) == 16 ? meeting->ends_at + 11 : "");
  gtk_editable_set_text (GTK_EDITABLE (self->venue_row), meeting->venue_name);
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), meeting->venue_address);
  gtk_editable_set_text (GTK_EDITABLE (self->catering_row), meeting->catering);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->minutes_view), meeting->minutes, -1);
  klynge_picker_select_key (self->status_row, meeting->status);
  fill_choices (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->speaker_list))) != NULL)
    gtk_list_box_remove (self->speaker_list, child);
  for (guint i = 0; i < meeting->speakers->len; i++)
    add_speaker_row (self, g_ptr_array_index (meeting->speakers, i));
  klynge_read_only_apply (self->content, db);
}

/**
 * klynge_meeting_editor_apply:
 *
 * Writes the form into the meeting. On an error (a time that is no time, a
 * fee that is no amount) the meeting is not changed.
 */
gboolean
klynge_meeting_editor_apply (KlyngeMeetingEditor  *self,
                             GError              **error)
{
  KlyngeMeeting *m = self->meeting;
  g_autofree char *date = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autoptr(GPtrArray) speakers = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_speaker_free);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->minutes_view);
  GtkTextIter start, end;
  const char *status;

  g_return_val_if_fail (m != NULL, FALSE);

  date = klynge_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), error);
  if (date == NULL ||
      !read_time (self->start_row, date, &starts, error) || !read_time (self->end_row, date, &ends, error))
    return FALSE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->speaker_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *name = klynge_speaker_row_get_name (KLYNGE_SPEAKER_ROW (row));
      const char *organisation = klynge_speaker_row_get_organisation (KLYNGE_SPEAKER_ROW (row));
      const char *fee_text = klynge_speaker_row_get_fee (KLYNGE_SPEAKER_ROW (row));
      gint64 fee = 0;

      if (*fee_text != '\0' && !klynge_money_parse (fee_text, self->currency, &fee, error))
        {
          g_prefix_error (error, _("The fee of %s: "), name);
          return FALSE;
        }
      g_ptr_array_add (speakers, klynge_speaker_new (name, organisation, fee));
    }

  set_text (&m->title, self->title_row);
  g_free (m->starts_at);
  m->starts_at = g_steal_pointer (&starts);
  g_free (m->ends_at);
  m->ends_at = g_steal_pointer (&ends);
  set_text (&m->venue_name, self->venue_row);
  set_text (&m->venue_address, self->address_row);
  set_text (&m->catering, self->catering_row);
  status = klynge_picker_get_selected_key (self->status_row);
  g_free (m->status);
  m->status = g_strdup (status != NULL ? status : statuses[0]);
  m->topic_id = klynge_picker_get_selected_id (self->topic_row);
  m->facilitator_id = klynge_picker_get_selected_id (self->facilitator_row);
  m->follow_up_of = klynge_picker_get_selected_id (self->follow_up_row);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (m->minutes);
  m->minutes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_ptr_array_set_size (m->speakers, 0);
  g_ptr_array_extend_and_steal (m->speakers, g_steal_pointer (&speakers));
  return TRUE;
}
