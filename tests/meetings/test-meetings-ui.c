/* test-meetings-ui.c — the Meetings area on the real window
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <string.h>

#include "klynge-agenda-builder.h"
#include "klynge-attendance.h"
#include "klynge-attendance-flags-window.h"
#include "klynge-attendance-register.h"
#include "klynge-charts-page.h"
#include "klynge-choice.h"
#include "klynge-cluster.h"
#include "klynge-context.h"
#include "klynge-data-page.h"
#include "klynge-invitations.h"
#include "klynge-invitations-view.h"
#include "klynge-meeting.h"
#include "klynge-meeting-editor.h"
#include "klynge-meeting-row.h"
#include "klynge-meetings-page.h"
#include "klynge-page.h"
#include "klynge-speaker-row.h"
#include "klynge-test-utils.h"
#include "klynge-indicator-row.h"
#include "klynge-topics.h"
#include "klynge-ui-test-run.h"
#include "klynge-ui-test-rows.h"
#include "klynge-ui-test-utils.h"

static GtkWidget *
agenda_row_child (GtkWidget *agenda,
                  guint      index,
                  GType      type)
{
  GtkListBox *list = GTK_LIST_BOX (klynge_ui_test_find_widget (agenda, GTK_TYPE_LIST_BOX));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) index);

  g_assert_nonnull (row);
  return klynge_ui_test_find_widget (GTK_WIDGET (row), type);
}

static void
set_item (GtkWidget  *agenda,
          guint       index,
          const char *title,
          int         minutes)
{
  gtk_editable_set_text (GTK_EDITABLE (agenda_row_child (agenda, index, GTK_TYPE_ENTRY)), title);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (agenda_row_child (agenda, index, GTK_TYPE_SPIN_BUTTON)), minutes);
}

static const char *
status_of (GListModel *lines,
           guint       index,
           gboolean   *late)
{
  g_autoptr(KlyngeAttendance) line = g_list_model_get_item (lines, index);

  *late = line->late;
  return g_intern_string (line->status);
}

static void
plan_and_register (KlyngeWindow *window,
                   gpointer      user_data)
{
  GtkWidget *page, *agenda, *warning, *list, *requests;
  AdwViewStack *stack;
  KlyngeDb *db;
  g_autoptr(GListModel) upcoming = NULL;
  g_autoptr(KlyngeMeeting) saved = NULL;
  g_autoptr(GListModel) lines = NULL;
  gboolean late;

  page = klynge_ui_test_open_meeting (window, 0);
  g_assert_nonnull (page);
  db = klynge_page_get_db (KLYNGE_PAGE (page));
  stack = ADW_VIEW_STACK (klynge_ui_test_find_widget (page, ADW_TYPE_VIEW_STACK));

  /* A new meeting: details first. */
  gtk_widget_activate_action (page, "meetings.new", NULL);
  klynge_ui_test_settle ();
  gtk_editable_set_text (GTK_EDITABLE (klynge_ui_test_find_named (page, "meeting-title")), "KOL: spirometri");
  gtk_editable_set_text (GTK_EDITABLE (klynge_ui_test_find_named (page, "meeting-date")), "2030-02-05");
  gtk_editable_set_text (GTK_EDITABLE (klynge_ui_test_find_named (page, "meeting-start")), "17:00");
  gtk_editable_set_text (GTK_EDITABLE (klynge_ui_test_find_named (page, "meeting-end")), "19:00");

  /* Three agenda items; the third added first by mistake, moved with Alt+Up's action. */
  adw_view_stack_set_visible_child_name (stack, "agenda");
  agenda = klynge_ui_test_find_widget (page, KLYNGE_TYPE_AGENDA_BUILDER);
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (agenda, "agenda.add-item", NULL);
  klynge_ui_test_settle ();
  set_item (agenda, 0, "Velkommen", 10);
  set_item (agenda, 1, "Gruppearbejde", 60);
  set_item (agenda, 2, "Vores data", 30);
  /* A longer type in one row leaves the titles lined up. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (agenda_row_child (agenda, 1, GTK_TYPE_DROP_DOWN)), 2);
  klynge_ui_test_settle ();
  g_assert_cmpint (gtk_widget_get_width (agenda_row_child (agenda, 0, GTK_TYPE_ENTRY)), ==,
                   gtk_widget_get_width (agenda_row_child (agenda, 1, GTK_TYPE_ENTRY)));
  gtk_widget_grab_focus (agenda_row_child (agenda, 2, GTK_TYPE_ENTRY));
  gtk_widget_activate_action (agenda, "agenda.move", "i", -1);
  klynge_ui_test_settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (agenda_row_child (agenda, 1, GTK_TYPE_ENTRY))), ==, "Vores data");
  /* Start times follow: 17:00, 17:10, 17:40. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (agenda_row_child (agenda, 2, GTK_TYPE_LABEL))), ==, "17:40");

  /* A longer first item moves the later ones as it is typed. */
  set_item (agenda, 0, "Velkommen", 20);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (agenda_row_child (agenda, 1, GTK_TYPE_LABEL))), ==, "17:20");
  set_item (agenda, 0, "Velkommen", 10);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (agenda_row_child (agenda, 1, GTK_TYPE_LABEL))), ==, "17:10");

  /* 100 minutes fit in two hours; 140 do not, and the page says so. */
  warning = klynge_ui_test_find_named (agenda, "agenda-warning");
  g_assert_false (gtk_widget_get_visible (warning));
  set_item (agenda, 2, "Gruppearbejde", 100);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_visible (warning));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (warning)), "20 minutes past"));
  set_item (agenda, 2, "Gruppearbejde", 60);

  /* A speaker with a fee, typed into the details: the button puts the
   * focus into the new speaker's name, and Tab goes on to the next field. */
  adw_view_stack_set_visible_child_name (stack, "details");
  g_signal_emit_by_name (klynge_ui_test_find_actionable (page, "editor.add-speaker"), "clicked");
  {
    GtkWidget *name = klynge_ui_test_find_widget (klynge_ui_test_find_widget (page, KLYNGE_TYPE_SPEAKER_ROW), GTK_TYPE_ENTRY);

    KLYNGE_UI_TEST_WAIT (gtk_widget_has_focus (gtk_widget_get_first_child (name)) || gtk_widget_has_focus (name));
    klynge_ui_test_type (GTK_WINDOW (window), "Eva Holm");
    klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Tab, 0);
    klynge_ui_test_type (GTK_WINDOW (window), "Lungeklinikken");
    klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Tab, 0);
    klynge_ui_test_type (GTK_WINDOW (window), "1500");
    KLYNGE_UI_TEST_WAIT (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (name)), "Eva Holm"));
  }

  gtk_widget_activate_action (page, "meetings.save", NULL);
  klynge_ui_test_settle ();
  /* The schedule lists the upcoming ones first: the one after 2029 alone. */
  upcoming = klynge_meetings_list (db, 1, KLYNGE_MEETINGS_SCHEDULE, "2029-01-01T00:00", NULL);
  {
    g_autoptr(KlyngeMeeting) listed = g_list_model_get_item (upcoming, 0);
    g_autoptr(KlyngeMeeting) next = g_list_model_get_item (upcoming, 1);

    g_assert_false (listed->past);
    g_assert_true (next == NULL || next->past);
    saved = klynge_meeting_load (db, listed->id, NULL);
  }
  g_assert_cmpstr (saved->title, ==, "KOL: spirometri");
  g_assert_cmpstr (saved->starts_at, ==, "2030-02-05T17:00");
  g_assert_cmpuint (saved->agenda->len, ==, 3);
  g_assert_cmpstr (((KlyngeAgendaItem *) g_ptr_array_index (saved->agenda, 1))->title, ==, "Vores data");
  g_assert_cmpint (((KlyngeAgendaItem *) g_ptr_array_index (saved->agenda, 2))->start_minutes, ==, 40);
  g_assert_cmpuint (saved->speakers->len, ==, 1);
  g_assert_cmpstr (((KlyngeSpeaker *) g_ptr_array_index (saved->speakers, 0))->name, ==, "Eva Holm");
  g_assert_cmpstr (((KlyngeSpeaker *) g_ptr_array_index (saved->speakers, 0))->organisation, ==, "Lungeklinikken");
  g_assert_cmpint (((KlyngeSpeaker *) g_ptr_array_index (saved->speakers, 0))->fee, ==, 150000);

  /* The meetings it may follow up, by their date in words. */
  klynge_ui_test_choice_position (adw_combo_row_get_model (ADW_COMBO_ROW (klynge_ui_test_find_named (page, "follow-up"))),
                                  "9 June 2026: Type 2 diabetes: follow-up of our PDSA plans");

  /* No data asked for yet: a status page says what to do. */
  adw_view_stack_set_visible_child_name (stack, "data-requests");
  klynge_ui_test_settle ();
  requests = klynge_ui_test_find_widget (page, g_type_from_name ("KlyngeDataRequestsView"));
  g_assert_true (gtk_widget_get_visible (klynge_ui_test_find_named (requests, "empty")));
  g_assert_false (gtk_widget_get_visible (klynge_ui_test_find_named (requests, "summary")));

  /* Invite everyone, then roll call with the keyboard alone. */
  adw_view_stack_set_visible_child_name (stack, "invitations");
  klynge_ui_test_settle ();
  g_assert_true (gtk_widget_get_visible (klynge_ui_test_find_named (page, "no-invitations")));
  gtk_widget_activate_action (klynge_ui_test_find_widget (page, g_type_from_name ("KlyngeInvitationsView")),
                              "invitations.invite-all", NULL);
  klynge_ui_test_settle ();
  /* Answers with the keyboard, as the page says: D on the first, A on the next. */
  {
    GtkWidget *invitations = klynge_ui_test_find_widget (page, g_type_from_name ("KlyngeInvitationsView"));
    GtkListBox *answers = GTK_LIST_BOX (klynge_ui_test_find_widget (invitations, GTK_TYPE_LIST_BOX));
    g_autoptr(GListModel) invited = NULL;
    g_autoptr(KlyngeInvitation) first = NULL, second = NULL;

    g_assert_true (gtk_widget_get_visible (klynge_ui_test_find_named (invitations, "rsvp-keys")));
    g_assert_false (gtk_widget_get_visible (klynge_ui_test_find_named (invitations, "no-invitations")));
    gtk_list_box_select_row (answers, gtk_list_box_get_row_at_index (answers, 0));
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (answers, 0)));
    klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_d, 0);
    klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_a, 0);
    invited = klynge_invitations_list (db, saved->id, NULL);
    first = g_list_model_get_item (invited, 0);
    second = g_list_model_get_item (invited, 1);
    g_assert_cmpstr (first->status, ==, "declined");
    g_assert_cmpstr (second->status, ==, "accepted");
    /* The counts above the list follow the keys. */
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (klynge_ui_test_find_named (invitations, "invitations-summary"))),
                              " invited: 1 accepted, 1 declined, "));
  }
  adw_view_stack_set_visible_child_name (stack, "attendance");
  klynge_ui_test_settle ();
  list = klynge_ui_test_find_named (page, "attendance-list");
  gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)));
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_p, 0);   /* first member present, on to the second */
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_e, 0);   /* second excused */
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_u, 0);   /* third absent */
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_l, 0);   /* fourth came late */
  /* Up arrow to the third: she came after all. */
  g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, -1, FALSE, FALSE);
  klynge_ui_test_settle ();
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_p, 0);
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_u, 0);   /* the fourth, reached by the letter, absent after all; then back */
  g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, -1, FALSE, FALSE);
  klynge_ui_test_settle ();
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_l, 0);   /* late implies present */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (klynge_ui_test_find_named (page, "attendance-summary"))), "3 present (1 late)"));

  lines = klynge_attendance_list (db, saved->id, NULL);
  g_assert_cmpstr (status_of (lines, 0, &late), ==, "present");
  g_assert_false (late);
  g_assert_cmpstr (status_of (lines, 1, &late), ==, "excused");
  g_assert_cmpstr (status_of (lines, 2, &late), ==, "present");
  g_assert_false (late);
  g_assert_cmpstr (status_of (lines, 3, &late), ==, "present");
  g_assert_true (late);
  g_assert_cmpstr (status_of (lines, 4, &late), ==, "");

  /* Each part of a meeting fits a small laptop's 800 px. */
  {
    static const char *const parts[] = { "details", "agenda", "invitations", "attendance", "data-requests" };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        int min_width;

        adw_view_stack_set_visible_child_name (stack, parts[i]);
        klynge_ui_test_settle ();
        gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
        if (min_width > 800)
          g_error ("The meeting's %s need %d px", parts[i], min_width);
      }
  }

  /* The details' drop-downs hold ids and codes: what was saved shows again
   * when the meeting is opened again, not the first of each. */
  {
    gint64 june = klynge_test_count (db, "SELECT id FROM meeting WHERE starts_at LIKE '2026-06-09%'", 0);
    GtkWidget *facilitator = klynge_ui_test_find_named (page, "meeting-facilitator");
    g_autofree char *chosen = NULL;
    g_autoptr(KlyngeMeeting) again = NULL;

    adw_view_stack_set_visible_child_name (stack, "details");
    klynge_ui_test_pick (klynge_ui_test_find_named (page, "follow-up"),
                         "9 June 2026: Type 2 diabetes: follow-up of our PDSA plans");
    adw_combo_row_set_selected (ADW_COMBO_ROW (facilitator), 2);
    chosen = g_strdup (klynge_ui_test_picked (facilitator));
    klynge_ui_test_pick (klynge_ui_test_find_named (page, "meeting-status"), "Held");
    gtk_widget_activate_action (page, "meetings.save", NULL);
    KLYNGE_UI_TEST_WAIT (klynge_test_count (db, "SELECT follow_up_of FROM meeting WHERE id = ?1", saved->id) == june);
    again = klynge_meeting_load (db, saved->id, NULL);
    g_assert_cmpstr (again->status, ==, "held");
    g_assert_cmpint (again->facilitator_id, !=, 0);

    klynge_ui_test_open_meeting (window, june);
    KLYNGE_UI_TEST_WAIT (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (klynge_ui_test_find_named (page, "meeting-title"))),
                                    "Type 2 diabetes: follow-up of our PDSA plans") == 0);
    klynge_ui_test_open_meeting (window, saved->id);
    KLYNGE_UI_TEST_WAIT (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (klynge_ui_test_find_named (page, "meeting-title"))),
                                    "KOL: spirometri") == 0);
    g_assert_cmpstr (klynge_ui_test_picked (klynge_ui_test_find_named (page, "follow-up")), ==,
                     "9 June 2026: Type 2 diabetes: follow-up of our PDSA plans");
    g_assert_cmpstr (klynge_ui_test_picked (facilitator), ==, chosen);
    g_assert_cmpstr (klynge_ui_test_picked (klynge_ui_test_find_named (page, "meeting-status")), ==, "Held");
  }
}

static void
test_plan_and_register (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  g_autofree char *path = g_strdup (klynge_db_get_path (db));
  const char *argv[] = { "klynge", path, NULL };

  g_clear_object (&db);
  klynge_ui_test_run_app (argv, plan_and_register, NULL);
  klynge_test_remove_tree (dir);
}

/* A cluster without meetings says where to begin instead of asking to
 * choose from an empty list. */
static void
first_meeting (KlyngeWindow *window,
               gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  GtkWidget *page, *none;

  page = klynge_ui_test_open_meeting (window, 0);
  none = klynge_ui_test_find_named (page, "no-meeting");
  g_assert_false (gtk_widget_get_mapped (none));

  klynge_context_set_cluster_id (context, klynge_test_count (klynge_context_get_db (context),
                                                             "SELECT id FROM cluster WHERE name = 'Empty'", 0));
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (none));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (none)), ==, "No Meetings Yet");
}

/* In a narrow window the meeting covers the list; a button leads back to it. */
static void
narrow_window (KlyngeWindow *window,
               gpointer      user_data)
{
  GtkWidget *page, *back;
  AdwLeaflet *leaflet;

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 560);
  page = klynge_ui_test_open_meeting (window, 0);
  leaflet = ADW_LEAFLET (klynge_ui_test_find_widget (page, ADW_TYPE_LEAFLET));
  KLYNGE_UI_TEST_WAIT (adw_leaflet_get_folded (leaflet));
  back = klynge_ui_test_find_named (page, "back");

  gtk_widget_activate_action (page, "meetings.new", NULL);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (back));
  g_signal_emit_by_name (back, "clicked");
  KLYNGE_UI_TEST_WAIT (!gtk_widget_get_mapped (back));
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (klynge_ui_test_find_button (page, "New Meeting")));
}

static void
test_narrow_window (void)
{
  klynge_ui_test_run_on_demo (narrow_window, NULL);
}

static GtkWidget *
find_icon_button (GtkWidget  *widget,
                  const char *icon)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_icon_button (child, icon);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the placeholder is on screen: GtkListBox hides it without
 * making it invisible. */
static gboolean
says_no_items (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), "No items yet"))
    return gtk_widget_get_mapped (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (says_no_items (child))
      return TRUE;
  return FALSE;
}

/* An empty agenda says how to begin, also once its last item is removed. */
static void
empty_agenda (KlyngeWindow *window,
              gpointer      user_data)
{
  GtkWidget *page, *agenda;

  page = klynge_ui_test_open_meeting (window, 0);
  gtk_widget_activate_action (page, "meetings.new", NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (klynge_ui_test_find_widget (page, ADW_TYPE_VIEW_STACK)), "agenda");
  klynge_ui_test_settle ();
  agenda = klynge_ui_test_find_widget (page, KLYNGE_TYPE_AGENDA_BUILDER);
  g_assert_true (says_no_items (agenda));

  gtk_widget_activate_action (agenda, "agenda.add-item", NULL);
  KLYNGE_UI_TEST_WAIT (!says_no_items (agenda));
  g_signal_emit_by_name (find_icon_button (agenda, "user-trash-symbolic"), "clicked");
  KLYNGE_UI_TEST_WAIT (says_no_items (agenda));
}

static void
test_empty_agenda (void)
{
  klynge_ui_test_run_on_demo (empty_agenda, NULL);
}

/* A new topic cannot be saved without a title, which the topic needs. */
static void
new_topic (KlyngeWindow *window,
           gpointer      user_data)
{
  GtkWidget *page, *topics;
  AdwMessageDialog *dialog;

  page = klynge_ui_test_open_meeting (window, 0);
  gtk_widget_activate_action (page, "meetings.topics", NULL);
  KLYNGE_UI_TEST_WAIT ((topics = GTK_WIDGET (klynge_ui_test_find_toplevel (g_type_from_name ("KlyngeTopicsWindow")))) != NULL);
  gtk_widget_activate_action (topics, "topics.new-topic", NULL);
  KLYNGE_UI_TEST_WAIT ((dialog = ADW_MESSAGE_DIALOG (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (klynge_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY)), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (klynge_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY)), "Astma");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (topics));
}

static void
test_new_topic (void)
{
  klynge_ui_test_run_on_demo (new_topic, NULL);
}

/* Cancelling asks first, keeps the meeting in the list marked cancelled,
 * and can be undone. */
static void
cancel_and_undo (KlyngeWindow *window,
                 gpointer      user_data)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));
  const char *status_sql = "SELECT status = 'cancelled' FROM meeting WHERE id = ?1";
  const char *planned_sql = "SELECT status = 'planned' FROM meeting WHERE id = ?1";
  GtkWidget *page, *row;
  GtkWindow *dialog;

  /* The demo's planned meeting. */
  page = klynge_ui_test_open_meeting (window, 7);

  gtk_widget_activate_action (page, "meetings.cancel-meeting", NULL);
  KLYNGE_UI_TEST_WAIT ((dialog = klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_cmpint (klynge_test_count (db, status_sql, 7), ==, 0);
  klynge_ui_test_respond ("cancel-meeting");
  g_assert_cmpint (klynge_test_count (db, status_sql, 7), ==, 1);
  KLYNGE_UI_TEST_WAIT ((row = klynge_ui_test_meeting_row (page, 7)) != NULL && klynge_ui_test_shows (row, "Cancelled"));

  /* On the window's one undo: the toast's Undo from another area, then
   * Shift+Ctrl+Z and Ctrl+Z. */
  klynge_ui_test_show_page (window, "data", KLYNGE_TYPE_DATA_PAGE);
  g_signal_emit_by_name (klynge_ui_test_find_toast_button (window, "_Undo"), "clicked");
  KLYNGE_UI_TEST_WAIT (klynge_test_count (db, planned_sql, 7) == 1);
  klynge_ui_test_show_page (window, "meetings", KLYNGE_TYPE_MEETINGS_PAGE);
  KLYNGE_UI_TEST_WAIT (!klynge_ui_test_shows (klynge_ui_test_meeting_row (page, 7), "Cancelled"));
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  KLYNGE_UI_TEST_WAIT (klynge_test_count (db, status_sql, 7) == 1);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (klynge_ui_test_meeting_row (page, 7), "Cancelled"));
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  KLYNGE_UI_TEST_WAIT (klynge_test_count (db, planned_sql, 7) == 1);
}

static void
test_cancel_and_undo (void)
{
  klynge_ui_test_run_on_demo (cancel_and_undo, NULL);
}

/* Votes land where the pointer is: clicking "Add a Vote" three times on
 * the second proposal gives it three votes, even once it has more than the
 * first (the list does not re-sort under the pointer). */
static void
vote_three_times (KlyngeWindow *window,
                  gpointer      user_data)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));
  GtkWidget *page, *topics, *entry;
  GtkListBox *proposals;
  g_autoptr(GPtrArray) listed = NULL;

  page = klynge_ui_test_open_meeting (window, 0);
  gtk_widget_activate_action (page, "meetings.topics", NULL);
  KLYNGE_UI_TEST_WAIT ((topics = GTK_WIDGET (klynge_ui_test_find_toplevel (g_type_from_name ("KlyngeTopicsWindow")))) != NULL);
  entry = klynge_ui_test_find_named (topics, "proposal-entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Antibiotika til børn");
  g_signal_emit_by_name (entry, "entry-activated");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Demens i almen praksis");
  g_signal_emit_by_name (entry, "entry-activated");
  klynge_ui_test_settle ();

  proposals = GTK_LIST_BOX (klynge_ui_test_find_named (topics, "proposals"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (proposals, 1));
  for (int click = 0; click < 3; click++)
    {
      /* The pointer stays on the second row. */
      GtkWidget *second = GTK_WIDGET (gtk_list_box_get_row_at_index (proposals, 1));

      g_signal_emit_by_name (find_icon_button (second, "list-add-symbolic"), "clicked");
      klynge_ui_test_settle ();
    }

  listed = klynge_topic_proposals_list (db, klynge_context_get_cluster_id (klynge_window_get_context (window)), NULL);
  g_assert_cmpuint (listed->len, ==, 2);
  for (guint i = 0; i < listed->len; i++)
    {
      KlyngeTopicProposal *proposal = g_ptr_array_index (listed, i);

      g_assert_cmpint (proposal->votes, ==, g_str_equal (proposal->title, "Demens i almen praksis") ? 3 : 0);
    }
  gtk_window_destroy (GTK_WINDOW (topics));
}

static void
test_vote_three_times (void)
{
  klynge_ui_test_run_on_demo (vote_three_times, NULL);
}

static GtkWidget *
find_labelled_button (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "Plan a Meeting" on a proposal opens a new meeting on that topic. */
static void
plan_from_proposal (KlyngeWindow *window,
                    gpointer      user_data)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));
  GtkWidget *page, *topics, *entry, *plan;

  page = klynge_ui_test_open_meeting (window, 0);
  gtk_widget_activate_action (page, "meetings.topics", NULL);
  KLYNGE_UI_TEST_WAIT ((topics = GTK_WIDGET (klynge_ui_test_find_toplevel (g_type_from_name ("KlyngeTopicsWindow")))) != NULL);
  entry = klynge_ui_test_find_named (topics, "proposal-entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Demens i almen praksis");
  g_signal_emit_by_name (entry, "entry-activated");
  klynge_ui_test_settle ();
  plan = find_labelled_button (klynge_ui_test_find_named (topics, "proposals"), "_Plan a Meeting");
  g_assert_nonnull (plan);
  g_signal_emit_by_name (plan, "clicked");
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (g_type_from_name ("KlyngeTopicsWindow")) == NULL);
  gtk_widget_activate_action (page, "meetings.save", NULL);
  klynge_ui_test_settle ();
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM meeting m JOIN topic t ON t.id = m.topic_id "
                                        "WHERE m.title = 'Demens i almen praksis' AND t.title = m.title AND ?1", 1), ==, 1);
}

static void
test_plan_from_proposal (void)
{
  klynge_ui_test_run_on_demo (plan_from_proposal, NULL);
}

static void
test_first_meeting (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  g_autofree char *path = g_strdup (klynge_db_get_path (db));
  const char *argv[] = { "klynge", path, NULL };

  g_assert_cmpint (klynge_cluster_create (db, "Empty", NULL), >, 0);
  g_clear_object (&db);
  klynge_ui_test_run_app (argv, first_meeting, NULL);
  klynge_test_remove_tree (dir);
}

/* The edit button of the indicator @id: the one of its row. */
static GtkWidget *
find_indicator_button (GtkWidget *widget,
                       gint64     id)
{
  if (KLYNGE_IS_INDICATOR_ROW (widget) &&
      klynge_indicator_row_get_indicator (KLYNGE_INDICATOR_ROW (widget))->id == id)
    return klynge_ui_test_find_widget (widget, GTK_TYPE_BUTTON);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_indicator_button (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* An indicator's type is chosen where it is edited: a rate per 100,000. */
static void
indicator_type (KlyngeWindow *window,
                gpointer      user_data)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));
  gint64 rate = klynge_test_count (db, "SELECT min(id) FROM indicator WHERE unit = 'rate' AND ?1", 1);
  GtkWidget *page, *topics, *edit;
  AdwMessageDialog *dialog;
  GtkDropDown *unit;
  GListModel *labels;
  guint per_100000 = G_MAXUINT;

  page = klynge_ui_test_open_meeting (window, 0);
  gtk_widget_activate_action (page, "meetings.topics", NULL);
  KLYNGE_UI_TEST_WAIT ((topics = GTK_WIDGET (klynge_ui_test_find_toplevel (g_type_from_name ("KlyngeTopicsWindow")))) != NULL);
  edit = find_indicator_button (topics, rate);
  g_assert_nonnull (edit);
  g_signal_emit_by_name (edit, "clicked");
  KLYNGE_UI_TEST_WAIT ((dialog = ADW_MESSAGE_DIALOG (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL);
  unit = GTK_DROP_DOWN (klynge_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN));
  labels = gtk_drop_down_get_model (unit);
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), "Rate per 100,000"))
      per_100000 = i;
  g_assert_cmpuint (per_100000, !=, G_MAXUINT);
  /* The rate per 1,000 it is now is what the editor shows first. */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), gtk_drop_down_get_selected (unit)), ==, "Rate per 1,000");
  gtk_drop_down_set_selected (unit, per_100000);
  adw_message_dialog_response (dialog, "save");
  KLYNGE_UI_TEST_WAIT (klynge_test_count (db, "SELECT rate_per FROM indicator WHERE id = ?1 AND unit = 'rate'", rate) == 100000);
  gtk_window_destroy (GTK_WINDOW (topics));
}

static void
test_indicator_type (void)
{
  klynge_ui_test_run_on_demo (indicator_type, NULL);
}

static char *
title_of (KlyngeDb *db,
          gint64    id)
{
  g_autoptr(KlyngeMeeting) meeting = klynge_meeting_load (db, id, NULL);

  return g_strdup (meeting != NULL ? meeting->title : NULL);
}

static gboolean
title_is (KlyngeDb   *db,
          gint64      id,
          const char *title)
{
  g_autofree char *stored = title_of (db, id);

  return g_strcmp0 (stored, title) == 0;
}

/* The Meetings area, with the demo's first and last meetings. */
static GtkWidget *
two_meetings (KlyngeWindow *window,
              gint64       *first,
              gint64       *second)
{
  GtkWidget *page;
  KlyngeDb *db;

  page = klynge_ui_test_open_meeting (window, 0);
  db = klynge_page_get_db (KLYNGE_PAGE (page));
  *first = klynge_test_count (db, "SELECT min(id) FROM meeting", 0);
  *second = klynge_test_count (db, "SELECT max(id) FROM meeting", 0);
  return page;
}

/* A changed title is never dropped: picking another meeting, Escape and
 * closing the window save it; when it cannot be saved the user is asked. */
static void
keeps_typed_title (KlyngeWindow *window,
                   gpointer      user_data)
{
  gint64 first, second;
  GtkWidget *page = two_meetings (window, &first, &second);
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (page));
  gboolean stays_open;

  /* Another meeting picked. */
  klynge_ui_test_open_meeting (window, first);
  klynge_ui_test_type_over (GTK_WINDOW (window), klynge_ui_test_find_named (page, "meeting-title"), "Picked away");
  klynge_ui_test_open_meeting (window, second);
  g_assert_true (title_is (db, first, "Picked away"));

  /* Escape. */
  klynge_ui_test_type_over (GTK_WINDOW (window), klynge_ui_test_find_named (page, "meeting-title"), "Escaped");
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Escape, 0);
  KLYNGE_UI_TEST_WAIT (title_is (db, second, "Escaped"));

  /* The window closed. */
  klynge_ui_test_open_meeting (window, first);
  klynge_ui_test_type_over (GTK_WINDOW (window), klynge_ui_test_find_named (page, "meeting-title"), "Closed");
  g_signal_emit_by_name (window, "close-request", &stays_open);
  g_assert_false (stays_open);
  g_assert_true (title_is (db, first, "Closed"));

  /* A start that is no time cannot be saved: asked, Cancel keeps the
   * meeting and what was typed, Discard drops it. */
  klynge_ui_test_type_over (GTK_WINDOW (window), klynge_ui_test_find_named (page, "meeting-title"), "Not saved");
  gtk_editable_set_text (GTK_EDITABLE (klynge_ui_test_find_named (page, "meeting-start")), "25:99");
  klynge_ui_test_open_meeting (window, second);
  klynge_ui_test_respond ("cancel");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (klynge_ui_test_find_named (page, "meeting-title"))), ==, "Not saved");
  g_assert_true (title_is (db, first, "Closed"));
  g_signal_emit_by_name (window, "close-request", &stays_open);
  g_assert_true (stays_open);
  klynge_ui_test_respond ("cancel");
  klynge_ui_test_open_meeting (window, second);
  klynge_ui_test_respond ("discard");
  KLYNGE_UI_TEST_WAIT (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (klynge_ui_test_find_named (page, "meeting-title"))), "Escaped"));
  g_assert_true (title_is (db, first, "Closed"));
}

static void
test_keeps_typed_title (void)
{
  klynge_ui_test_run_on_demo (keeps_typed_title, NULL);
}

/* Thirty held meetings of years ago: more than the list shows at once. */
static gint64
add_old_meetings (KlyngeDb *db,
                  gint64    cluster_id)
{
  gint64 last = 0;

  for (int i = 0; i < 30; i++)
    {
      g_autoptr(KlyngeMeeting) meeting = klynge_meeting_new (cluster_id);
      g_autoptr(GError) error = NULL;

      g_free (meeting->title);
      meeting->title = g_strdup_printf ("Old meeting %02d", i);
      g_free (meeting->starts_at);
      meeting->starts_at = g_strdup_printf ("2015-%02d-%02dT17:00", 1 + i / 28, 1 + i % 28);
      g_free (meeting->ends_at);
      meeting->ends_at = g_strdup_printf ("2015-%02d-%02dT19:00", 1 + i / 28, 1 + i % 28);
      g_free (meeting->status);
      meeting->status = g_strdup ("held");
      g_assert_true (klynge_meeting_save (db, meeting, &error));
      g_assert_no_error (error);
      last = meeting->id;
    }
  return last;
}

static gint64
selected_meeting (GtkWidget *page)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (klynge_ui_test_find_named (page, "meeting-list")));

  return row != NULL ? klynge_meeting_row_get_meeting (KLYNGE_MEETING_ROW (row))->id : 0;
}

/* Saving a meeting changes its row and nothing else: the list keeps its
 * scroll position, and the saved meeting's row stays the selected one. */
static void
save_keeps_place (KlyngeWindow *window,
                  gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  GtkWidget *page = klynge_ui_test_open_meeting (window, 0);
  GtkWidget *list = klynge_ui_test_find_named (page, "meeting-list");
  GtkAdjustment *adjustment;
  GtkWidget *row;
  gint64 target;
  double value;

  /* The second oldest: near the end of a list scrolled down to it. */
  add_old_meetings (klynge_context_get_db (context), klynge_context_get_cluster_id (context));
  klynge_context_emit_changed (context);
  target = klynge_test_count (klynge_context_get_db (context), "SELECT id FROM meeting WHERE title = 'Old meeting 01'", 0);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_meeting_row (page, target) != NULL);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW)));
  KLYNGE_UI_TEST_WAIT (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) * 2);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  klynge_ui_test_open_meeting (window, target);
  KLYNGE_UI_TEST_WAIT (selected_meeting (page) == target);
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, >, 0);
  row = klynge_ui_test_meeting_row (page, target);

  klynge_ui_test_type_over (GTK_WINDOW (window), klynge_ui_test_find_named (page, "meeting-title"), "Renamed in place");
  g_signal_emit_by_name (klynge_ui_test_find_actionable (page, "meetings.save"), "clicked");
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (klynge_ui_test_meeting_row (page, target), "Renamed in place"));
  klynge_ui_test_settle ();

  g_assert_cmpint (selected_meeting (page), ==, target);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);
  g_assert_true (klynge_ui_test_meeting_row (page, target) == row);
  g_assert_true (title_is (klynge_context_get_db (context), target, "Renamed in place"));
}

/* Whether @row lies whole in its scrolled window's view. */
static gboolean
row_in_view (gpointer row)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (row, scroller, &bounds) && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* The list moves the selection and the focus to @list's row @index, then
 * scrolls it into view: animated, from a frame or more later, so a frame
 * laid out as the one before does not yet tell the scroll is over (under
 * load the roll call was read at 1647.5 px, then went on to 2085.5). */
static void
wait_for_next_row (GtkWidget *list,
                   int        index)
{
  GtkListBoxRow *row;

  KLYNGE_UI_TEST_WAIT ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index)) != NULL &&
                       gtk_list_box_get_selected_row (GTK_LIST_BOX (list)) == row);
  g_assert_true (klynge_ui_test_wait_until (row_in_view, row, 30000));
  klynge_ui_test_settle ();
}

/* Scrolls @list's window half down. */
static void
scroll_half_down (GtkWidget *list)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW)));

  KLYNGE_UI_TEST_WAIT (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 100);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  klynge_ui_test_settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
}

static double
scrolled_to (GtkWidget *list)
{
  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW))));
}

static char *
invitation_status (KlyngeDb *db,
                   gint64    meeting,
                   gint64    member)
{
  g_autoptr(GListModel) invitations = klynge_invitations_list (db, meeting, NULL);

  for (guint i = 0; invitations != NULL && i < g_list_model_get_n_items (invitations); i++)
    {
      g_autoptr(KlyngeInvitation) invitation = g_list_model_get_item (invitations, i);

      if (invitation->member_id == member)
        return g_strdup (invitation->status);
    }
  return NULL;
}

/* An answer typed, then the meeting saved and a member renamed elsewhere:
 * the invitations and the roll call keep their row widgets, the selected
 * row and their scroll position, and show what changed. */
static void
answers_keep_place (KlyngeWindow *window,
                    gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  KlyngeDb *db = klynge_context_get_db (context);
  gint64 meeting = klynge_test_count (db, "SELECT max(meeting_id) FROM invitation", 0);
  GtkWidget *page, *view, *list, *roll_call, *row, *answer;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *status = NULL;
  gint64 member, renamed;
  double value;
  guint n, i;

  /* Members enough to scroll the lists, all invited. */
  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 10 UNION ALL SELECT i + 1 FROM n WHERE i < 40) "
                         "INSERT INTO member (cluster_id, name) SELECT %" G_GINT64_FORMAT ", 'Zz member ' || i FROM n",
                         klynge_context_get_cluster_id (context));
  g_assert_true (klynge_db_exec (db, sql, NULL));
  g_assert_cmpint (klynge_invitations_invite_all (db, meeting, NULL), ==, 31);
  klynge_context_emit_changed (context);
  page = klynge_ui_test_open_meeting (window, meeting);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (klynge_ui_test_find_widget (page, ADW_TYPE_VIEW_STACK)), "invitations");
  view = klynge_ui_test_find_widget (page, KLYNGE_TYPE_INVITATIONS_VIEW);
  list = klynge_ui_test_find_widget (view, GTK_TYPE_LIST_BOX);
  n = (guint) klynge_test_count (db, "SELECT count(*) FROM invitation WHERE meeting_id = ?1", meeting);
  KLYNGE_UI_TEST_WAIT (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) n - 1) != NULL);

  /* A with a row of the lower half selected: accepted, and on to the next. */
  i = n - 10;
  scroll_half_down (list);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) i));
  gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (row));
  gtk_widget_grab_focus (row);
  member = klynge_test_count (db, "SELECT id FROM member WHERE name = 'Zz member ' || ?1", 40 - 9);
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_a, 0);
  KLYNGE_UI_TEST_WAIT (g_strcmp0 ((g_free (status), status = invitation_status (db, meeting, member)), "accepted") == 0);
  wait_for_next_row (list, (int) i + 1);
  value = scrolled_to (list);
  rows = klynge_ui_test_list_rows (list);

  /* Saved, and a member renamed in another area. */
  g_signal_emit_by_name (klynge_ui_test_find_actionable (page, "meetings.save"), "clicked");
  renamed = klynge_test_count (db, "SELECT id FROM member WHERE name = 'Zz member ' || ?1", 40 - 8);
  sql = (g_free (sql), g_strdup_printf ("UPDATE member SET name = 'Zz member 32, renamed' WHERE id = %" G_GINT64_FORMAT, renamed));
  g_assert_true (klynge_db_exec (db, sql, NULL));
  klynge_context_emit_changed (context);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (list, "Zz member 32, renamed"));
  klynge_ui_test_settle ();

  klynge_ui_test_assert_same_rows (list, rows);
  g_assert_true (klynge_ui_test_shows (GTK_WIDGET (g_ptr_array_index (rows, i + 1)), "Zz member 32, renamed"));
  g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)) == g_ptr_array_index (rows, i + 1));
  g_assert_cmpfloat (scrolled_to (list), ==, value);
  answer = klynge_ui_test_find_widget (GTK_WIDGET (g_ptr_array_index (rows, i)), GTK_TYPE_DROP_DOWN);
  g_assert_true (g_str_has_prefix (klynge_ui_test_picked (answer), "Accepted"));

  /* The roll call: P on a row of the lower half, then a save. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (klynge_ui_test_find_widget (page, ADW_TYPE_VIEW_STACK)), "attendance");
  roll_call = klynge_ui_test_find_named (page, "attendance-list");
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (roll_call));
  g_clear_pointer (&rows, g_ptr_array_unref);
  n = 0;
  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (roll_call), (int) n) != NULL)
    n++;
  i = n - 10;
  scroll_half_down (roll_call);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (roll_call), (int) i));
  gtk_list_box_select_row (GTK_LIST_BOX (roll_call), GTK_LIST_BOX_ROW (row));
  gtk_widget_grab_focus (row);
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_p, 0);
  wait_for_next_row (roll_call, (int) i + 1);
  value = scrolled_to (roll_call);
  rows = klynge_ui_test_list_rows (roll_call);

  g_signal_emit_by_name (klynge_ui_test_find_actionable (page, "meetings.save"), "clicked");
  klynge_context_emit_changed (context);
  klynge_ui_test_settle ();

  klynge_ui_test_assert_same_rows (roll_call, rows);
  g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (roll_call)) == g_ptr_array_index (rows, i + 1));
  g_assert_cmpfloat (scrolled_to (roll_call), ==, value);
  g_assert_true (klynge_ui_test_shows (GTK_WIDGET (g_ptr_array_index (rows, i)), "Present"));
}

static void
test_answers_keep_place (void)
{
  klynge_ui_test_run_on_demo (answers_keep_place, NULL);
}

static void
test_save_keeps_place (void)
{
  klynge_ui_test_run_on_demo (save_keeps_place, NULL);
}

/* A meeting saved in its editor is renamed in the other areas at once:
 * the Charts area, shown before, offers it by its new name without being
 * reopened. */
static void
rename_reaches_charts (KlyngeWindow *window,
                       gpointer      user_data)
{
  GtkWidget *charts = klynge_ui_test_show_page (window, "charts", KLYNGE_TYPE_CHARTS_PAGE);
  GtkWidget *picker = klynge_ui_test_find_widget (charts, GTK_TYPE_DROP_DOWN);
  GListModel *choices = gtk_drop_down_get_model (GTK_DROP_DOWN (picker));
  g_autoptr(KlyngeChoice) first = NULL;
  GtkWidget *page;
  gint64 target;

  KLYNGE_UI_TEST_WAIT (g_list_model_get_n_items (choices) > 1);
  first = g_list_model_get_item (choices, 1);
  target = klynge_choice_get_id (first);
  page = klynge_ui_test_open_meeting (window, target);
  KLYNGE_UI_TEST_WAIT (selected_meeting (page) == target);

  klynge_ui_test_type_over (GTK_WINDOW (window), klynge_ui_test_find_named (page, "meeting-title"), "Renamed for charts");
  g_signal_emit_by_name (klynge_ui_test_find_actionable (page, "meetings.save"), "clicked");
  KLYNGE_UI_TEST_WAIT (title_is (klynge_page_get_db (KLYNGE_PAGE (page)), target, "Renamed for charts"));

  klynge_ui_test_show_page (window, "charts", KLYNGE_TYPE_CHARTS_PAGE);
  klynge_ui_test_settle ();
  g_assert_cmpuint (klynge_ui_test_choice_position (gtk_drop_down_get_model (GTK_DROP_DOWN (picker)), "Renamed for charts"), ==, 1);
}

static void
test_rename_reaches_charts (void)
{
  klynge_ui_test_run_on_demo (rename_reaches_charts, NULL);
}

static gboolean
first_item_is (KlyngeDb   *db,
               gint64      id,
               const char *title)
{
  g_autoptr(KlyngeMeeting) meeting = klynge_meeting_load (db, id, NULL);

  return meeting != NULL && meeting->agenda->len > 0 &&
         g_strcmp0 (((KlyngeAgendaItem *) g_ptr_array_index (meeting->agenda, 0))->title, title) == 0;
}

static GtkWidget *
first_item_entry (GtkWidget *page)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (klynge_ui_test_find_widget (page, ADW_TYPE_VIEW_STACK)), "agenda");
  klynge_ui_test_settle ();
  return agenda_row_child (klynge_ui_test_find_widget (page, KLYNGE_TYPE_AGENDA_BUILDER), 0, GTK_TYPE_ENTRY);
}

/* The agenda is the meeting's: what was typed in it is saved as a changed
 * title is, when another meeting is picked, on Escape and on closing. */
static void
keeps_typed_agenda (KlyngeWindow *window,
                    gpointer      user_data)
{
  gint64 first, second;
  GtkWidget *page = two_meetings (window, &first, &second);
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (page));
  gboolean stays_open;

  klynge_ui_test_open_meeting (window, first);
  klynge_ui_test_type_over (GTK_WINDOW (window), first_item_entry (page), "Picked away");
  klynge_ui_test_open_meeting (window, second);
  g_assert_true (first_item_is (db, first, "Picked away"));

  /* The first Escape leaves the item's fields for the item, the second the meeting. */
  klynge_ui_test_type_over (GTK_WINDOW (window), first_item_entry (page), "Escaped");
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Escape, 0);
  KLYNGE_UI_TEST_WAIT (GTK_IS_LIST_BOX_ROW (gtk_root_get_focus (GTK_ROOT (window))));
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Escape, 0);
  KLYNGE_UI_TEST_WAIT (first_item_is (db, second, "Escaped"));

  klynge_ui_test_open_meeting (window, first);
  klynge_ui_test_type_over (GTK_WINDOW (window), first_item_entry (page), "Closed");
  g_signal_emit_by_name (window, "close-request", &stays_open);
  g_assert_false (stays_open);
  g_assert_true (first_item_is (db, first, "Closed"));
}

static void
test_keeps_typed_agenda (void)
{
  klynge_ui_test_run_on_demo (keeps_typed_agenda, NULL);
}

static gboolean
has_guest (KlyngeDb   *db,
           gint64      meeting,
           const char *name)
{
  g_autoptr(GPtrArray) guests = klynge_guests_list (db, meeting, NULL);

  for (guint i = 0; guests != NULL && i < guests->len; i++)
    if (g_str_equal (((KlyngeGuest *) g_ptr_array_index (guests, i))->name, name))
      return TRUE;
  return FALSE;
}

static GtkWidget *
guest_entry (GtkWidget *page)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (klynge_ui_test_find_widget (page, ADW_TYPE_VIEW_STACK)), "attendance");
  klynge_ui_test_settle ();
  return klynge_ui_test_find_widget (klynge_ui_test_find_widget (page, KLYNGE_TYPE_ATTENDANCE_REGISTER), ADW_TYPE_ENTRY_ROW);
}

/* A guest typed in the register but not yet added is added when the
 * meeting is left, as the meeting's own fields are saved; a guest's row
 * removes it with Delete. */
static void
keeps_typed_guest (KlyngeWindow *window,
                   gpointer      user_data)
{
  gint64 first, second;
  GtkWidget *page = two_meetings (window, &first, &second);
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (page));
  GtkListBoxRow *row;
  GtkWidget *guests;
  gboolean stays_open;

  klynge_ui_test_open_meeting (window, first);
  klynge_ui_test_type_over (GTK_WINDOW (window), guest_entry (page), "Picked Away, Region");
  klynge_ui_test_open_meeting (window, second);
  g_assert_true (has_guest (db, first, "Picked Away"));
  g_assert_false (has_guest (db, second, "Picked Away"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (guest_entry (page))), ==, "");

  /* The guest row is one Tab stop; Delete on it removes the guest. */
  klynge_ui_test_open_meeting (window, first);
  guest_entry (page);
  guests = klynge_ui_test_find_named (page, "guest-list");
  KLYNGE_UI_TEST_WAIT ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (guests), 0)) != NULL && gtk_widget_get_mapped (GTK_WIDGET (row)));
  gtk_list_box_select_row (GTK_LIST_BOX (guests), row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  klynge_ui_test_settle ();
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Delete, 0);
  KLYNGE_UI_TEST_WAIT (!has_guest (db, first, "Picked Away"));
  klynge_ui_test_open_meeting (window, second);

  klynge_ui_test_type_over (GTK_WINDOW (window), guest_entry (page), "Closed Window");
  g_signal_emit_by_name (window, "close-request", &stays_open);
  g_assert_false (stays_open);
  g_assert_true (has_guest (db, second, "Closed Window"));
}

static void
test_keeps_typed_guest (void)
{
  klynge_ui_test_run_on_demo (keeps_typed_guest, NULL);
}

/* The invitation mail is a draft: closed with Escape, what was typed is
 * what the next one starts from. */
static void
keeps_mail_draft (KlyngeWindow *window,
                  gpointer      user_data)
{
  gint64 first, second;
  GtkWidget *page = two_meetings (window, &first, &second);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.klynge.Klynge");
  g_autofree char *subject = NULL;
  g_autofree char *text = NULL;
  GtkWindow *dialog;
  GtkWidget *text_view;

  klynge_ui_test_open_meeting (window, second);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (klynge_ui_test_find_widget (page, ADW_TYPE_VIEW_STACK)), "invitations");
  klynge_ui_test_settle ();
  gtk_widget_activate_action (klynge_ui_test_find_widget (page, KLYNGE_TYPE_INVITATIONS_VIEW), "invitations.mail", NULL);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_width (GTK_WIDGET (dialog)) > 0);
  klynge_ui_test_screenshot (GTK_WIDGET (dialog), "invitation-template.png");
  klynge_ui_test_type_over (dialog, klynge_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY), "Draft subject");
  text_view = klynge_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
  g_assert_true (gtk_widget_grab_focus (text_view));
  klynge_ui_test_press_key (dialog, GDK_KEY_End, GDK_CONTROL_MASK);
  klynge_ui_test_type (dialog, " Draft text");
  klynge_ui_test_press_key (dialog, GDK_KEY_Escape, 0);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  subject = g_settings_get_string (settings, "invitation-subject");
  g_assert_cmpstr (subject, ==, "Draft subject");
  text = g_settings_get_string (settings, "invitation-template");
  g_assert_true (g_str_has_suffix (text, " Draft text"));
}

static void
test_keeps_mail_draft (void)
{
  klynge_ui_test_run_on_demo (keeps_mail_draft, NULL);
}

static GtkWidget *
open_topics (KlyngeWindow *window)
{
  GtkWidget *page;

  page = klynge_ui_test_open_meeting (window, 0);
  gtk_widget_activate_action (page, "meetings.topics", NULL);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (g_type_from_name ("KlyngeTopicsWindow")) != NULL);
  return GTK_WIDGET (klynge_ui_test_find_toplevel (g_type_from_name ("KlyngeTopicsWindow")));
}

static GtkWindow *
open_form (void)
{
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  return klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static GtkWindow *
edit_indicator (GtkWidget *topics,
                gint64     id)
{
  GtkWidget *edit = find_indicator_button (topics, id);

  g_assert_nonnull (edit);
  g_signal_emit_by_name (edit, "clicked");
  return open_form ();
}

/* A topic's and an indicator's forms are editors: closing one with changes
 * (Escape, the topics window or the main window going) asks Save / Discard
 * / Cancel, as the member editor does. */
static void
topic_editors_ask (KlyngeWindow *window,
                   gpointer      user_data)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));
  gint64 rate = klynge_test_count (db, "SELECT min(id) FROM indicator WHERE unit = 'rate' AND ?1", 1);
  GtkWidget *topics = open_topics (window);
  GtkWindow *form;
  gboolean stays_open;

  /* A new topic: Escape asks, Save stores what was typed. */
  gtk_widget_activate_action (topics, "topics.new-topic", NULL);
  form = open_form ();
  klynge_ui_test_type_over (form, klynge_ui_test_find_widget (GTK_WIDGET (form), GTK_TYPE_ENTRY), "Sleep apnoea");
  klynge_ui_test_press_key (form, GDK_KEY_Escape, 0);
  klynge_ui_test_respond_above (form, "save");
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM topic WHERE title = 'Sleep apnoea' AND ?1", 1), ==, 1);

  /* An indicator: Cancel keeps editing what was typed; closing the topics
   * window asks too, and Discard leaves the file as it was. */
  form = edit_indicator (topics, rate);
  klynge_ui_test_type_over (form, klynge_ui_test_find_widget (GTK_WIDGET (form), GTK_TYPE_ENTRY), "Renamed rate");
  klynge_ui_test_press_key (form, GDK_KEY_Escape, 0);
  klynge_ui_test_respond_above (form, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (form)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (klynge_ui_test_find_widget (GTK_WIDGET (form), GTK_TYPE_ENTRY))),
                   ==, "Renamed rate");
  gtk_window_close (GTK_WINDOW (topics));
  g_assert_true (gtk_widget_get_visible (topics));
  klynge_ui_test_respond_above (form, "discard");
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM indicator WHERE name = 'Renamed rate' AND ?1", 1), ==, 0);

  /* Closing the main window asks the indicator's form first. */
  form = edit_indicator (topics, rate);
  klynge_ui_test_type_over (form, klynge_ui_test_find_widget (GTK_WIDGET (form), GTK_TYPE_ENTRY), "Renamed rate");
  g_signal_emit_by_name (window, "close-request", &stays_open);
  g_assert_true (stays_open);
  klynge_ui_test_respond_above (form, "save");
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM indicator WHERE id = ?1 AND name = 'Renamed rate'", rate), ==, 1);

  /* A proposal typed but not added: closing the topics window asks. */
  klynge_ui_test_type_over (GTK_WINDOW (topics), klynge_ui_test_find_named (topics, "proposal-entry"), "Falls in the elderly");
  gtk_window_close (GTK_WINDOW (topics));
  klynge_ui_test_respond ("save");
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (g_type_from_name ("KlyngeTopicsWindow")) == NULL);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM topic_proposal WHERE title = 'Falls in the elderly' AND ?1", 1), ==, 1);
  topics = open_topics (window);

  /* The form's own Cancel drops the changes on purpose, unasked. */
  form = edit_indicator (topics, rate);
  klynge_ui_test_type_over (form, klynge_ui_test_find_widget (GTK_WIDGET (form), GTK_TYPE_ENTRY), "Not kept");
  g_signal_emit_by_name (klynge_ui_test_find_button (GTK_WIDGET (form), "_Cancel"), "clicked");
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM indicator WHERE name = 'Not kept' AND ?1", 1), ==, 0);
  gtk_window_destroy (GTK_WINDOW (topics));
}

static void
test_topic_editors_ask (void)
{
  klynge_ui_test_run_on_demo (topic_editors_ask, NULL);
}


/* Invitations or attendance that cannot be read are not "nobody invited
 * yet" or an empty roll call: the views say why where the list would be. */
static void
load_errors_shown (KlyngeWindow *window,
                   gpointer      user_data)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  g_autoptr(KlyngeContext) context = klynge_context_new ();
  gint64 meeting = klynge_test_count (db, "SELECT max(meeting_id) FROM invitation", 0);
  GtkWidget *view = g_object_ref_sink (g_object_new (KLYNGE_TYPE_INVITATIONS_VIEW, NULL));
  GtkWidget *message = klynge_ui_test_find_named (view, "invitations-load-error");
  GtkWidget *roll_call = g_object_ref_sink (g_object_new (KLYNGE_TYPE_ATTENDANCE_REGISTER, NULL));
  GtkWidget *roll_call_message = klynge_ui_test_find_named (roll_call, "attendance-load-error");

  klynge_context_set_db (context, db, 0);
  klynge_invitations_view_set_meeting (KLYNGE_INVITATIONS_VIEW (view), context, meeting);
  g_assert_false (gtk_widget_get_visible (message));
  klynge_attendance_register_set_meeting (KLYNGE_ATTENDANCE_REGISTER (roll_call), context, meeting);
  g_assert_false (gtk_widget_get_visible (roll_call_message));

  /* Read again after the change, as every change is. */
  g_assert_true (klynge_db_exec (db, "DROP TABLE invitation", NULL));
  klynge_context_emit_changed (context);
  klynge_invitations_view_set_meeting (KLYNGE_INVITATIONS_VIEW (view), context, meeting);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "invitation"));
  g_assert_false (gtk_widget_get_visible (klynge_ui_test_find_named (view, "no-invitations")));

  /* The roll call lists whoever was invited, too. */
  klynge_attendance_register_set_meeting (KLYNGE_ATTENDANCE_REGISTER (roll_call), context, meeting);
  g_assert_true (gtk_widget_get_visible (roll_call_message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (roll_call_message)), "invitation"));

  g_object_unref (roll_call);
  g_object_unref (view);
  g_clear_object (&context);
  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

/* A meeting that cannot be read is not the form of the one shown before,
 * nor "nobody invited"; attendance that cannot be read is not "nobody is
 * under the threshold". Each view says why where its content would be. */
static void
unreadable_meeting (KlyngeWindow *window,
                    gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  KlyngeDb *db = klynge_context_get_db (context);
  gint64 meeting = klynge_test_count (db, "SELECT max(meeting_id) FROM invitation", 0);
  GtkWidget *page, *none, *view, *message, *flags, *error_label = NULL;

  g_assert_true (klynge_db_exec (db, "ALTER TABLE agenda_item RENAME TO agenda_item_away", NULL));
  page = klynge_ui_test_open_meeting (window, meeting);
  none = klynge_ui_test_find_named (page, "no-meeting");
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (none));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (none)), "agenda_item"));

  view = g_object_ref_sink (g_object_new (KLYNGE_TYPE_INVITATIONS_VIEW, NULL));
  message = klynge_ui_test_find_named (view, "invitations-load-error");
  klynge_invitations_view_set_meeting (KLYNGE_INVITATIONS_VIEW (view), context, meeting);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "agenda_item"));
  g_assert_false (gtk_widget_get_visible (klynge_ui_test_find_named (view, "no-invitations")));
  g_object_unref (view);
  g_assert_true (klynge_db_exec (db, "ALTER TABLE agenda_item_away RENAME TO agenda_item", NULL));

  g_assert_true (klynge_db_exec (db, "ALTER TABLE attendance RENAME TO attendance_away", NULL));
  flags = klynge_attendance_flags_window_new (GTK_WINDOW (window), db, klynge_context_get_cluster_id (context));
  for (GtkWidget *child = gtk_widget_get_first_child (klynge_ui_test_find_named (flags, "flagged"));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && GTK_IS_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (child))))
      error_label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (child));
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_has_css_class (error_label, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "attendance"));
  gtk_window_destroy (GTK_WINDOW (flags));
  g_assert_true (klynge_db_exec (db, "ALTER TABLE attendance_away RENAME TO attendance", NULL));
}

static void
test_unreadable_meeting (void)
{
  klynge_ui_test_run_on_demo (unreadable_meeting, NULL);
}

static void
test_load_errors_shown (void)
{
  klynge_ui_test_run_on_demo (load_errors_shown, NULL);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meetings/ui/plan-and-register", test_plan_and_register);
  g_test_add_func ("/meetings/ui/load-errors-shown", test_load_errors_shown);
  g_test_add_func ("/meetings/ui/unreadable-meeting", test_unreadable_meeting);
  g_test_add_func ("/meetings/ui/first-meeting", test_first_meeting);
  g_test_add_func ("/meetings/ui/narrow-window", test_narrow_window);
  g_test_add_func ("/meetings/ui/new-topic", test_new_topic);
  g_test_add_func ("/meetings/ui/empty-agenda", test_empty_agenda);
  g_test_add_func ("/meetings/ui/cancel-and-undo", test_cancel_and_undo);
  g_test_add_func ("/meetings/ui/vote-three-times", test_vote_three_times);
  g_test_add_func ("/meetings/ui/plan-from-proposal", test_plan_from_proposal);
  g_test_add_func ("/meetings/ui/indicator-type", test_indicator_type);
  g_test_add_func ("/meetings/ui/keeps-typed-title", test_keeps_typed_title);
  g_test_add_func ("/meetings/ui/save-keeps-place", test_save_keeps_place);
  g_test_add_func ("/meetings/ui/rename-reaches-charts", test_rename_reaches_charts);
  g_test_add_func ("/meetings/ui/answers-keep-place", test_answers_keep_place);
  g_test_add_func ("/meetings/ui/keeps-typed-agenda", test_keeps_typed_agenda);
  g_test_add_func ("/meetings/ui/keeps-typed-guest", test_keeps_typed_guest);
  g_test_add_func ("/meetings/ui/topic-editors-ask", test_topic_editors_ask);
  g_test_add_func ("/meetings/ui/keeps-mail-draft", test_keeps_mail_draft);

  return g_test_run ();
}
