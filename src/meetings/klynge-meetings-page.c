/* klynge-meetings-page.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Meetings area: upcoming and past meetings beside the chosen meeting's
 * details, agenda, invitations, attendance and data requests.
 */

#include "klynge-i18n.h"

#include "klynge-agenda-builder.h"
#include "klynge-attendance-flags-window.h"
#include "klynge-attendance-register.h"
#include "klynge-context.h"
#include "klynge-list-keys.h"
#include "klynge-data-requests-view.h"
#include "klynge-edit-guard.h"
#include "klynge-format.h"
#include "klynge-invitations-view.h"
#include "klynge-meeting.h"
#include "klynge-meeting-editor.h"
#include "klynge-meeting-export.h"
#include "klynge-meeting-print.h"
#include "klynge-meeting-row.h"
#include "klynge-meeting-store.h"
#include "klynge-print.h"
#include "klynge-meetings-page.h"
#include "klynge-placeholder.h"
#include "klynge-record-list.h"
#include "klynge-request.h"
#include "klynge-topics-window.h"

struct _KlyngeMeetingsPage
{
  KlyngePage                parent_instance;

  AdwLeaflet               *leaflet;     /* the bin's child, not a reference */
  GtkListBox               *meeting_list;
  GMenuModel               *meeting_menu;
  GtkStack                 *content_stack;
  AdwStatusPage            *none_page;
  GtkWidget                *back_button;
  GtkRevealer              *follow_up_revealer;
  GtkLabel                 *follow_up_label;
  AdwViewStack             *view_stack;
  GtkDropDown              *view_picker;
  KlyngeMeetingEditor      *editor;
  KlyngeAgendaBuilder      *agenda;
  KlyngeInvitationsView    *invitations;
  KlyngeAttendanceRegister *attendance;
  KlyngeDataRequestsView   *requests;

  KlyngeMeetingStore       *store;       /* the context's, shown by the list; weak */
  KlyngeMeeting            *meeting;     /* being edited; id 0 when new */
  KlyngeDb                 *meeting_db;  /* the file it is from */
  KlyngeEditGuard          *guard;       /* whether the editor has changes */
  gboolean                  reloading;
  gboolean                  notifying;   /* telling the other areas of its own change */
};

/* What was going on when the meeting's changes could not be saved: done
 * once the user chose to discard them. */
typedef enum
{
  LEAVE_TO_MEETING,
  LEAVE_TO_NEW,
  LEAVE_TO_LIST,
  LEAVE_TO_CLOSE,
} LeaveTo;

G_DEFINE_FINAL_TYPE (KlyngeMeetingsPage, klynge_meetings_page, KLYNGE_TYPE_PAGE)

static void
update_follow_up (KlyngeMeetingsPage *self)
{
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (self));
  gboolean propose = self->meeting != NULL && self->meeting->id != 0 &&
                     g_str_equal (self->meeting->status, "held") &&
                     klynge_meeting_find_follow_up (db, self->meeting->id) == 0;

  if (propose)
    {
      g_autofree char *earliest = NULL, *latest = NULL;
      g_autofree char *from = NULL, *to = NULL, *text = NULL;

      klynge_meeting_follow_up_dates (self->meeting->starts_at, NULL, &earliest, NULL, &latest);
      from = klynge_format_date (earliest);
      to = klynge_format_date (latest);
      text = g_strdup_printf (_("Revisit the data of this meeting between %s and %s (PDSA)."), from, to);
      gtk_label_set_text (self->follow_up_label, text);
    }
  gtk_revealer_set_reveal_child (self->follow_up_revealer, propose);
  klynge_page_set_action_enabled (KLYNGE_PAGE (self), "meetings.follow-up", propose);
}

static void
show_meeting (KlyngeMeetingsPage *self,
              KlyngeMeeting      *meeting)
{
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (self));
  gboolean saved = meeting != NULL && meeting->id != 0;

  g_set_object (&self->meeting, meeting);
  gtk_stack_set_visible_child_name (self->content_stack, meeting != NULL ? "meeting" : "none");
  if (meeting == NULL)
    {
      /* A new cluster has no list to choose from: say where to begin. */
      gboolean none_yet = gtk_list_box_get_row_at_index (self->meeting_list, 0) == NULL;

      adw_status_page_set_title (self->none_page, none_yet ? _("No Meetings Yet") : _("No Meeting Chosen"));
      adw_status_page_set_description (self->none_page,
                                       none_yet ? _("Plan the cluster’s first meeting with New Meeting: its date, agenda, invitations and the data to ask the clinics for.")
                                                : _("Choose a meeting in the list, or plan a new one."));
      return;
    }
  klynge_meeting_editor_set_meeting (self->editor, db, meeting);
  g_set_object (&self->meeting_db, db);
  klynge_agenda_builder_set_meeting (self->agenda, db, meeting);
  klynge_edit_guard_set_clean (self->guard);
  klynge_invitations_view_set_meeting (self->invitations, klynge_page_get_context (KLYNGE_PAGE (self)), meeting->id);
  klynge_attendance_register_set_meeting (self->attendance, klynge_page_get_context (KLYNGE_PAGE (self)), meeting->id);
  klynge_data_requests_view_set_meeting (self->requests, db, meeting->cluster_id, meeting->id);
  for (guint i = 0; i < 3; i++)
    {
      static const char *pages[] = { "invitations", "attendance", "data-requests" };

      gtk_widget_set_sensitive (adw_view_stack_get_child_by_name (self->view_stack, pages[i]), saved);
    }
  klynge_page_set_action_enabled (KLYNGE_PAGE (self), "meetings.delete", saved);
  klynge_page_set_action_enabled (KLYNGE_PAGE (self), "meetings.cancel-meeting", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.print", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.save-pdf", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.export", saved);
  update_follow_up (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* In the meeting's place, why it could not be read: a toast would leave the
 * form of the meeting shown before, as if it were this one. */
static void
show_meeting_error (KlyngeMeetingsPage *self,
                    const GError       *error)
{
  show_meeting (self, NULL);
  adw_status_page_set_title (self->none_page, _("The Meeting Could Not Be Read"));
  adw_status_page_set_description (self->none_page, error->message);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static KlyngeMeeting *
row_meeting (GtkListBoxRow *row)
{
  return klynge_meeting_row_get_meeting (KLYNGE_MEETING_ROW (row));
}

static void
header_cb (GtkListBoxRow *row,
           GtkListBoxRow *before,
           gpointer       user_data)
{
  gboolean past = row_meeting (row)->past;
  GtkWidget *header;

  if (before != NULL && row_meeting (before)->past == past)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (past ? _("Past") : _("Upcoming"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static GtkListBoxRow *
row_of (KlyngeMeetingsPage *self,
        gint64              id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->meeting_list, i)) != NULL; i++)
    if (row_meeting (row)->id == id)
      return row;
  return NULL;
}

/* Selects the row of @id (0: none) as the page's doing, not the user's. */
static void
select_meeting_row (KlyngeMeetingsPage *self,
                    gint64              id)
{
  GtkListBoxRow *row = id != 0 ? row_of (self, id) : NULL;

  self->reloading = TRUE;
  if (row == NULL)
    gtk_list_box_unselect_all (self->meeting_list);
  else if (row != gtk_list_box_get_selected_row (self->meeting_list))
    gtk_list_box_select_row (self->meeting_list, row);
  self->reloading = FALSE;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return GTK_WIDGET (klynge_meeting_row_new (item));
}

/* Runs once the list's rows follow the store (klynge_record_list_bind()
 * keeps the row of a meeting updated in place): a meeting that moved keeps
 * its selection. */
static void
meetings_changed_cb (gpointer user_data,
                     guint    position,
                     guint    removed,
                     guint    added)
{
  KlyngeMeetingsPage *self = user_data;

  if (self->meeting != NULL && gtk_list_box_get_selected_row (self->meeting_list) == NULL)
    select_meeting_row (self, self->meeting->id);
}

/* The list shows the context's store of the cluster's meetings: the same
 * store keeps its rows; another database or cluster brings another one. */
static void
show_store (KlyngeMeetingsPage *self)
{
  KlyngeContext *context = klynge_page_get_context (KLYNGE_PAGE (self));
  KlyngeMeetingStore *store = context != NULL ? klynge_context_get_store (context, KLYNGE_TYPE_MEETING_STORE,
                                                                           klynge_page_get_cluster (KLYNGE_PAGE (self)))
                                               : NULL;
  const GError *error;

  if (self->store != store)
    {
      g_set_weak_pointer (&self->store, store);
      klynge_record_list_bind (self->meeting_list, G_LIST_MODEL (store), create_row, meetings_changed_cb, self);
      if (store == NULL)
        return;
      klynge_record_store_load (KLYNGE_RECORD_STORE (store), NULL);
    }
  if (store == NULL)
    return;
  /* Meetings that could not be read would look like a cluster without any,
   * or like the list as it was. */
  error = klynge_record_store_get_error (KLYNGE_RECORD_STORE (store));
  gtk_list_box_set_placeholder (self->meeting_list, error != NULL ? klynge_list_error_new (error) : NULL);
  if (error != NULL && g_list_model_get_n_items (G_LIST_MODEL (store)) > 0)
    klynge_page_show_message (GTK_WIDGET (self), error->message);
}

/* After the page's own change the other areas show it at once, as after
 * any other record's; the page itself already does, its list through the
 * store the context refreshes in place, so it does not reload the form
 * (it may be in the middle of saving it for a reload). */
static void
notify_changed (KlyngeMeetingsPage *self)
{
  KlyngeContext *context = klynge_page_get_context (KLYNGE_PAGE (self));

  if (context == NULL)
    return;
  self->notifying = TRUE;
  klynge_context_emit_changed (context);
  self->notifying = FALSE;
}

static void
open_meeting (KlyngeMeetingsPage *self,
              gint64              id)
{
  g_autoptr(KlyngeMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;

  meeting = klynge_meeting_load (klynge_page_get_db (KLYNGE_PAGE (self)), id, &error);
  if (meeting == NULL)
    show_meeting_error (self, error);
  else
    show_meeting (self, meeting);
}

/* Stores the editor's meeting in the file it came from (the window may have
 * switched to another file meanwhile). */
static gboolean
save_meeting (KlyngeMeetingsPage  *self,
              GError             **error)
{
  gboolean is_new = self->meeting->id == 0;

  if (!klynge_meeting_editor_apply (self->editor, error) ||
      !klynge_meeting_save (self->meeting_db, self->meeting, error))
    return FALSE;
  klynge_edit_guard_set_clean (self->guard);
  notify_changed (self);
  klynge_page_show_message (GTK_WIDGET (self), is_new ? _("Meeting added") : _("Meeting saved"));
  return TRUE;
}

static void leave_to (KlyngeMeetingsPage *self,
                      LeaveTo             to,
                      gint64              id);

typedef struct
{
  KlyngeMeetingsPage *self;
  LeaveTo             to;
  gint64              id;
} Leaving;

static void
leaving_free (gpointer data)
{
  Leaving *leaving = data;

  g_object_unref (leaving->self);
  g_free (leaving);
}

static gboolean
leave_later_cb (gpointer data)
{
  Leaving *leaving = data;

  klynge_edit_guard_set_clean (leaving->self->guard);
  leave_to (leaving->self, leaving->to, leaving->id);
  return G_SOURCE_REMOVE;
}

/* Discarded: on where the user was going, once the question is gone (it
 * may be the window that closes). */
static void
leave_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Leaving          *leaving)
{
  Leaving *later;

  if (!g_str_equal (response, "discard"))
    return;
  later = g_memdup2 (leaving, sizeof *leaving);
  g_object_ref (later->self);
  g_idle_add_full (G_PRIORITY_DEFAULT, leave_later_cb, later, leaving_free);
}

/* Leaving a meeting with changes saves them, as GNOME Calendar's event
 * details do; only changes that cannot be saved (a time that is no time)
 * make it ask. Returns whether it may go on now. */
static gboolean
leave_meeting (KlyngeMeetingsPage *self,
               LeaveTo             to,
               gint64              id)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  Leaving *leaving;

  if (self->meeting == NULL || self->meeting_db == NULL)
    return TRUE;
  if (klynge_attendance_register_save_pending (self->attendance, &error) &&
      (!klynge_edit_guard_is_dirty (self->guard) || save_meeting (self, &error)))
    return TRUE;

  dialog = klynge_edit_guard_ask (GTK_WIDGET (self), error->message, FALSE);
  leaving = g_new0 (Leaving, 1);
  leaving->self = g_object_ref (self);
  leaving->to = to;
  leaving->id = id;
  g_signal_connect_data (dialog, "response", G_CALLBACK (leave_response_cb), leaving,
                         (GClosureNotify) (void (*) (void)) leaving_free, 0);
  return FALSE;
}

/* Goes where the user was going once the meeting's changes are stored or discarded. */
static void
leave_to (KlyngeMeetingsPage *self,
          LeaveTo             to,
          gint64              id)
{
  switch (to)
    {
    case LEAVE_TO_MEETING:
      select_meeting_row (self, id);
      if (row_of (self, id) != NULL)
        open_meeting (self, id);
      break;
    case LEAVE_TO_NEW:
      gtk_widget_activate_action (GTK_WIDGET (self), "meetings.new", NULL);
      break;
    case LEAVE_TO_LIST:
      select_meeting_row (self, self->meeting != NULL ? self->meeting->id : 0);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      break;
    case LEAVE_TO_CLOSE:
      gtk_window_close (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
meeting_selected_cb (KlyngeMeetingsPage *self,
                     GtkListBoxRow      *row)
{
  gint64 id;

  if (self->reloading || row == NULL)
    return;
  id = row_meeting (row)->id;
  if (self->meeting != NULL && self->meeting->id == id)
    return;
  if (leave_meeting (self, LEAVE_TO_MEETING, id))
    {
      leave_to (self, LEAVE_TO_MEETING, id);
      return;
    }
  /* Still on the meeting with changes, until the user discards them. */
  select_meeting_row (self, self->meeting != NULL ? self->meeting->id : 0);
}

static gboolean
klynge_meetings_page_save_pending (KlyngePage *page)
{
  return leave_meeting (KLYNGE_MEETINGS_PAGE (page), LEAVE_TO_CLOSE, 0);
}

static void
times_changed_cb (KlyngeMeetingsPage *self)
{
  klynge_agenda_builder_refresh (self->agenda);
}

static void
klynge_meetings_page_reload (KlyngePage *page)
{
  KlyngeMeetingsPage *self = KLYNGE_MEETINGS_PAGE (page);
  gint64 current = self->meeting != NULL ? self->meeting->id : 0;
  g_autoptr(KlyngeMeeting) meeting = NULL;
  KlyngeDb *db = klynge_page_get_db (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) load_error = NULL;

  if (self->notifying)
    return;
  /* A change elsewhere (or another file) must not refill the form over
   * what was typed: it is saved first, or kept while it cannot be. */
  if (self->meeting != NULL && self->meeting_db != NULL && klynge_edit_guard_is_dirty (self->guard) &&
      !save_meeting (self, &error))
    {
      if (db == self->meeting_db)
        {
          show_store (self);
          select_meeting_row (self, current);
          return;
        }
      g_message ("The changes to “%s” in another file could not be saved: %s", self->meeting->title, error->message);
    }
  current = self->meeting != NULL ? self->meeting->id : 0;
  show_store (self);
  /* The meeting shown may belong to the cluster or database just left. */
  if (row_of (self, current) == NULL)
    current = 0;
  /* Side by side, the next meeting (or the latest) is open from the start. */
  if (current == 0 && !adw_leaflet_get_folded (self->leaflet))
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->meeting_list, 0);

      if (first != NULL)
        current = row_meeting (first)->id;
    }
  select_meeting_row (self, current);
  if (db != NULL && current != 0 && !(meeting = klynge_meeting_load (db, current, &load_error)))
    show_meeting_error (self, load_error);
  else
    show_meeting (self, meeting);
}

/* Actions */

/* Folded, the meeting covers the list; swiping back is no way a mouse user
 * would find. */
static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  adw_leaflet_navigate (KLYNGE_MEETINGS_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* A new meeting, six weeks on, on @topic_id (0: none yet). */
static void
start_new_meeting (KlyngeMeetingsPage *self,
                   gint64              topic_id,
                   const char         *title)
{
  g_autoptr(KlyngeMeeting) meeting = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, 42);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

  if (klynge_page_get_db (KLYNGE_PAGE (self)) == NULL || !leave_meeting (self, LEAVE_TO_NEW, 0))
    return;
  meeting = klynge_meeting_new (klynge_page_get_cluster (KLYNGE_PAGE (self)));
  g_free (meeting->title);
  meeting->title = g_strdup (title != NULL ? title : _("New meeting"));
  meeting->topic_id = topic_id;
  g_free (meeting->starts_at);
  meeting->starts_at = g_strdup_printf ("%sT17:00", date);
  g_free (meeting->ends_at);
  meeting->ends_at = g_strdup_printf ("%sT20:00", date);
  gtk_list_box_unselect_all (self->meeting_list);
  show_meeting (self, meeting);
  adw_view_stack_set_visible_child_name (self->view_stack, "details");
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  start_new_meeting (KLYNGE_MEETINGS_PAGE (widget), 0, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlyngeMeetingsPage *self = KLYNGE_MEETINGS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->meeting == NULL || self->meeting_db == NULL)
    return;
  if (!save_meeting (self, &error))
    {
      klynge_page_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  klynge_meetings_page_reload (KLYNGE_PAGE (self));
}

/* Escape leaves the meeting for the list, its changes saved. */
static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KlyngeMeetingsPage *self = KLYNGE_MEETINGS_PAGE (widget);

  if (leave_meeting (self, LEAVE_TO_LIST, 0))
    leave_to (self, LEAVE_TO_LIST, 0);
}

static void
cancel_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    KlyngeMeetingsPage *self)
{
  g_autoptr(GError) error = NULL;
  KlyngeSnapshot *snapshot;

  if (!g_str_equal (response, "cancel-meeting") || self->meeting == NULL || self->meeting->id == 0)
    return;
  if (!(snapshot = klynge_meeting_cancel (klynge_page_get_db (KLYNGE_PAGE (self)), self->meeting->id, &error)))
    {
      klynge_page_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  klynge_page_push_undo (KLYNGE_PAGE (self), snapshot, _("Meeting cancelled"));
}

static void
cancel_meeting_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KlyngeMeetingsPage *self = KLYNGE_MEETINGS_PAGE (widget);
  GtkWidget *dialog;

  if (self->meeting == NULL || self->meeting->id == 0 || g_str_equal (self->meeting->status, "cancelled"))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Cancel the Meeting?"),
                                   _("It stays in the list where its date puts it, marked cancelled, with its "
                                     "invitations. Then send the cancellation from Invitations (Mail Draft…), "
                                     "so the members' calendars remove it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep"),
                                    "cancel-meeting", _("C_ancel Meeting"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-meeting", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    KlyngeMeetingsPage *self)
{
  g_autoptr(GError) error = NULL;
  KlyngeSnapshot *snapshot;

  if (!g_str_equal (response, "delete") || self->meeting == NULL)
    return;
  snapshot = klynge_meeting_delete (klynge_page_get_db (KLYNGE_PAGE (self)), self->meeting->id, &error);
  if (snapshot == NULL)
    {
      klynge_page_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  g_clear_object (&self->meeting);
  klynge_page_push_undo (KLYNGE_PAGE (self), snapshot, _("Meeting deleted"));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlyngeMeetingsPage *self = KLYNGE_MEETINGS_PAGE (widget);
  GtkWidget *dialog;

  if (self->meeting == NULL || self->meeting->id == 0)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Delete the Meeting?"),
                                   _("Its agenda, invitations, attendance and data requests are deleted with it. "
                                     "To keep its history, cancel the meeting instead."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
follow_up_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KlyngeMeetingsPage *self = KLYNGE_MEETINGS_PAGE (widget);
  g_autoptr(KlyngeMeeting) next = NULL;

  if (self->meeting == NULL || self->meeting->id == 0)
    return;
  next = klynge_meeting_propose_follow_up (self->meeting, NULL);
  if (next == NULL)
    return;
  gtk_list_box_unselect_all (self->meeting_list);
  show_meeting (self, next);
  adw_view_stack_set_visible_child_name (self->view_stack, "details");
  klynge_page_show_message (GTK_WIDGET (self), _("A follow-up six months on is proposed; change what you need and save it."));
}

static void
attendance_overview_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  KlyngePage *page = KLYNGE_PAGE (widget);

  if (klynge_page_get_db (page) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (klynge_attendance_flags_window_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                                      klynge_page_get_db (page),
                                                                      klynge_page_get_cluster (page))));
}

static gboolean
topics_closed_cb (KlyngeMeetingsPage *self)
{
  /* A meeting planned from a proposal stays open, unsaved, for its details. */
  if (self->meeting != NULL && self->meeting->id == 0)
    notify_changed (self);
  else
    klynge_meetings_page_reload (KLYNGE_PAGE (self));
  return FALSE;
}

static void
plan_meeting_cb (KlyngeMeetingsPage *self,
                 gint64              topic_id,
                 const char         *title)
{
  start_new_meeting (self, topic_id, title);
  klynge_page_show_message (GTK_WIDGET (self), _("A meeting on the chosen topic; give it a date and save it."));
}

static void
topics_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlyngePage *page = KLYNGE_PAGE (widget);
  KlyngeMeetingsPage *self = KLYNGE_MEETINGS_PAGE (widget);
  GtkWidget *window;

  if (klynge_page_get_db (page) == NULL)
    return;
  window = klynge_topics_window_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                     klynge_page_get_db (page), klynge_page_get_cluster (page));
  /* A chosen or edited topic shows in the editor's list afterwards. */
  g_signal_connect_object (window, "close-request", G_CALLBACK (topics_closed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "plan-meeting", G_CALLBACK (plan_meeting_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* Printing to PDF and exporting write in core's workers; what the chooser
 * is asked for is kept with it until the user chose the file. */

typedef struct
{
  KlyngeMeetingsPage *self;
  char               *db_path;
  gint64              meeting_id;
  char               *kind;
  gboolean            pdf;
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->kind);
  g_free (job);
}

static void
report_saved (KlyngeMeetingsPage *self,
              gboolean            saved,
              const GError       *error)
{
  klynge_page_show_message (GTK_WIDGET (self), saved ? _("Saved") : error->message);
}

static void
pdf_saved_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KlyngeMeetingsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  report_saved (self, klynge_meeting_print_pdf_finish (result, &error), error);
}

static void
xlsx_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KlyngeMeetingsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  report_saved (self, klynge_meeting_export_xlsx_finish (result, &error), error);
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                Job             *job)
{
  KlyngeMeetingsPage *self = job->self;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (self));
  KlyngeMeetingPrint print_kind;
  KlyngeMeetingExport export_kind;

  /* Not from another file opened meanwhile, where the id is another meeting's. */
  if (response == GTK_RESPONSE_ACCEPT && db != NULL && g_strcmp0 (klynge_db_get_path (db), job->db_path) == 0 &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      if (job->pdf && klynge_meeting_print_kind_from_string (job->kind, &print_kind))
        klynge_meeting_print_pdf_async (db, job->meeting_id, print_kind, path, NULL,
                                        pdf_saved_cb, g_object_ref (self));
      else if (!job->pdf && klynge_meeting_export_kind_from_string (job->kind, &export_kind))
        klynge_meeting_export_xlsx_async (db, job->meeting_id, export_kind, path, NULL,
                                          xlsx_saved_cb, g_object_ref (self));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
start_job (KlyngeMeetingsPage *self,
           const char         *kind,
           gboolean            pdf,
           const char         *title,
           const char         *suggested)
{
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (self));
  GtkFileChooserNative *chooser;
  Job *job;

  if (self->meeting == NULL || self->meeting->id == 0 || db == NULL)
    return;
  job = g_new0 (Job, 1);
  job->self = self;
  job->db_path = g_strdup (klynge_db_get_path (db));
  job->meeting_id = self->meeting->id;
  job->kind = g_strdup (kind);
  job->pdf = pdf;
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  klynge_request_connect (chooser, "response", G_CALLBACK (file_chosen_cb), GTK_WIDGET (self),
                               job, (GDestroyNotify) job_free);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The paper the meeting's visible tab is about. */
static KlyngeMeetingPrint
shown_paper (KlyngeMeetingsPage *self)
{
  const char *shown = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (shown, "invitations") == 0)
    return KLYNGE_MEETING_PRINT_INVITATION;
  if (g_strcmp0 (shown, "attendance") == 0)
    return KLYNGE_MEETING_PRINT_SIGN_IN;
  return KLYNGE_MEETING_PRINT_AGENDA;
}

static KlyngeDocument *
paper_document (KlyngeMeetingsPage  *self,
                KlyngeMeetingPrint   kind,
                GError             **error)
{
  if (self->meeting == NULL || self->meeting->id == 0)
    {
      g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                           _("Choose a saved meeting to print its agenda, invitation or sign-in sheet."));
      return NULL;
    }
  return klynge_meeting_print_document (klynge_page_get_db (KLYNGE_PAGE (self)), self->meeting->id, kind, error);
}

static KlyngeDocument *
klynge_meetings_page_print_document (KlyngePage  *page,
                                     GError     **error)
{
  KlyngeMeetingsPage *self = KLYNGE_MEETINGS_PAGE (page);

  return paper_document (self, shown_paper (self), error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KlyngeMeetingsPage *self = KLYNGE_MEETINGS_PAGE (widget);
  KlyngeMeetingPrint kind;
  KlyngeDocument *document;
  g_autoptr(GError) error = NULL;

  if (!klynge_meeting_print_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    return;
  document = paper_document (self, kind, &error);
  if (document == NULL ||
      !klynge_print_document (GTK_WINDOW (gtk_widget_get_root (widget)), document,
                              GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    klynge_page_show_message (widget, error->message);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KlyngeMeetingsPage *self = KLYNGE_MEETINGS_PAGE (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;

  if (self->meeting == NULL)
    return;
  /* Translators: a file name: the meeting's date, then what the file holds */
  name = g_strdup_printf (_("%.10s %s.pdf"), self->meeting->starts_at,
                          g_str_equal (kind, "agenda") ? _("agenda")
                          : g_str_equal (kind, "invitation") ? _("invitation") : _("sign-in sheet"));
  start_job (self, kind, TRUE, _("Save as PDF"), name);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlyngeMeetingsPage *self = KLYNGE_MEETINGS_PAGE (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;

  if (self->meeting == NULL)
    return;
  name = g_strdup_printf (_("%.10s %s.xlsx"), self->meeting->starts_at,
                          g_str_equal (kind, "attendance") ? _("attendance") : _("invitations"));
  start_job (self, kind, FALSE, _("Export as Spreadsheet"), name);
}

static void
klynge_meetings_page_dispose (GObject *object)
{
  KlyngeMeetingsPage *self = KLYNGE_MEETINGS_PAGE (object);

  g_clear_weak_pointer (&self->store);
  g_clear_object (&self->meeting);
  g_clear_object (&self->meeting_db);
  g_clear_object (&self->guard);
  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_MEETINGS_PAGE);
  G_OBJECT_CLASS (klynge_meetings_page_parent_class)->dispose (object);
}

static void
klynge_meetings_page_class_init (KlyngeMeetingsPageClass *klass)
{
  static const char *editing_actions[] = {
    "meetings.new", "meetings.save", "meetings.delete", "meetings.cancel-meeting",
    "meetings.follow-up", NULL
  };
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = klynge_meetings_page_dispose;
  KLYNGE_PAGE_CLASS (klass)->reload = klynge_meetings_page_reload;
  KLYNGE_PAGE_CLASS (klass)->save_pending = klynge_meetings_page_save_pending;
  KLYNGE_PAGE_CLASS (klass)->print_document = klynge_meetings_page_print_document;
  klynge_page_class_set_editing_actions (KLYNGE_PAGE_CLASS (klass), editing_actions);

  g_type_ensure (KLYNGE_TYPE_MEETING_EDITOR);
  g_type_ensure (KLYNGE_TYPE_AGENDA_BUILDER);
  g_type_ensure (KLYNGE_TYPE_INVITATIONS_VIEW);
  g_type_ensure (KLYNGE_TYPE_ATTENDANCE_REGISTER);
  g_type_ensure (KLYNGE_TYPE_DATA_REQUESTS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingsPage, meeting_list);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingsPage, meeting_menu);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingsPage, none_page);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingsPage, follow_up_revealer);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingsPage, follow_up_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingsPage, view_picker);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingsPage, editor);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingsPage, agenda);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingsPage, invitations);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingsPage, attendance);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMeetingsPage, requests);
  gtk_widget_class_bind_template_callback (widget_class, meeting_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, times_changed_cb);

  gtk_widget_class_install_action (widget_class, "meetings.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "meetings.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "meetings.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "meetings.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "meetings.cancel-meeting", NULL, cancel_meeting_action);
  gtk_widget_class_install_action (widget_class, "meetings.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "meetings.follow-up", NULL, follow_up_action);
  gtk_widget_class_install_action (widget_class, "meetings.attendance-overview", NULL, attendance_overview_action);
  gtk_widget_class_install_action (widget_class, "meetings.topics", NULL, topics_action);
  gtk_widget_class_install_action (widget_class, "meetings.print", "s", print_action);
  gtk_widget_class_install_action (widget_class, "meetings.save-pdf", "s", save_pdf_action);
  gtk_widget_class_install_action (widget_class, "meetings.export", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "meetings.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "meetings.leave", NULL);
}

/* The parts of a meeting's page that change it have actions of their own. */
static void
read_only_cb (KlyngeMeetingsPage *self)
{
  gboolean writable = !klynge_page_get_read_only (KLYNGE_PAGE (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self->editor), "editor.add-speaker", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->agenda), "agenda.add-item", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->agenda), "agenda.move", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->agenda), "agenda.remove-item", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->invitations), "invitations.invite-all", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->requests), "requests.create", writable);
}

static void
klynge_meetings_page_init (KlyngeMeetingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_page_bind_view_picker (self->view_picker, self->view_stack);
  /* The agenda is stored with the meeting: its changes count as the meeting's. */
  self->guard = klynge_edit_guard_new (GTK_WIDGET (self->editor));
  klynge_edit_guard_add_form (self->guard, GTK_WIDGET (self->agenda));
  g_signal_connect (self, "notify::read-only", G_CALLBACK (read_only_cb), NULL);
  /* Not a bound template child: the bin owns its child, and disposing the
   * template would unparent it a second time. */
  self->leaflet = ADW_LEAFLET (adw_bin_get_child (ADW_BIN (self)));
  g_object_bind_property (self->leaflet, "folded", self->back_button, "visible", G_BINDING_SYNC_CREATE);
  klynge_page_add_shortcut (KLYNGE_PAGE (self), "<Control>n", "meetings.new");
  gtk_list_box_set_header_func (self->meeting_list, header_cb, NULL, NULL);
  klynge_list_keys_attach (GTK_WIDGET (self->meeting_list), self->meeting_menu, NULL, "meetings.delete");
}
