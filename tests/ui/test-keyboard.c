/* test-keyboard.c — real key presses: Tab leaves a notes field, Ctrl+W
 * closes the window with the focus, a member, ledger, meeting or invitation
 * row is one Tab stop with its actions on its menu, as are an agenda item
 * (its fields entered with F2) and the topics window's rows
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <string.h>

#include "klynge-cluster-editor.h"
#include "klynge-agenda-builder.h"
#include "klynge-clusters-page.h"
#include "klynge-finances-page.h"
#include "klynge-invitations-view.h"
#include "klynge-meetings-page.h"
#include "klynge-member-editor.h"
#include "klynge-topics-window.h"
#include "klynge-ui-test-run.h"

static gboolean
wait_for_focus_outside (GtkWindow *window,
                        GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (gtk_root_get_focus (GTK_ROOT (window)) == widget && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  return gtk_root_get_focus (GTK_ROOT (window)) != widget;
}

/* The cluster's notes, then Ctrl+W, in the cluster editor. */
static void
notes_then_close (KlyngeWindow *window,
                  gpointer      user_data)
{
  GtkWindow *editor;
  GtkWidget *notes;
  gint64 deadline;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_widget_activate_action (klynge_ui_test_show_page (window, "clusters", KLYNGE_TYPE_CLUSTERS_PAGE), "clusters.edit-cluster", NULL);
  KLYNGE_UI_TEST_WAIT ((editor = klynge_ui_test_find_toplevel (KLYNGE_TYPE_CLUSTER_EDITOR)) != NULL);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (editor)));

  /* Tab moves on from the notes instead of typing a tab character. */
  notes = klynge_ui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);
  g_assert_true (gtk_widget_grab_focus (notes));
  klynge_ui_test_press_key (editor, GDK_KEY_Tab, 0);
  g_assert_true (wait_for_focus_outside (editor, notes));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)), &start, &end);
  text = gtk_text_iter_get_text (&start, &end);
  g_assert_null (strchr (text, '\t'));

  /* Nothing changed: Ctrl+W closes the editor without asking. */
  klynge_ui_test_press_key (editor, GDK_KEY_w, GDK_CONTROL_MASK);
  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (editor != NULL && gtk_widget_get_visible (GTK_WIDGET (editor)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (editor == NULL || !gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
}

static void
test_notes_and_ctrl_w (void)
{
  klynge_ui_test_run_on_demo (notes_then_close, NULL);
}

static GtkWidget *
row_menu (GtkWidget *list)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      return child;
  return NULL;
}

static gboolean
focus_inside (GtkWindow *window,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The member list: Tab leaves it from any row; the Menu key and Shift+F10
 * open the row's menu, whose Edit… opens the member. */
static void
member_row_keys (KlyngeWindow *window,
                 gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "clusters", KLYNGE_TYPE_CLUSTERS_PAGE);
  GtkWidget *list = klynge_ui_test_find_named (page, "members_view");
  GtkWidget *menu = row_menu (list);
  GtkWidget *edit;
  GtkWindow *editor;

  g_assert_nonnull (menu);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (list));
  gtk_widget_grab_focus (list);
  KLYNGE_UI_TEST_WAIT (focus_inside (GTK_WINDOW (window), list));
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Down, 0);
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Down, 0);
  klynge_ui_test_settle ();

  /* One Tab stop: the row's Edit and Delete buttons are not on the way. */
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Tab, 0);
  KLYNGE_UI_TEST_WAIT (!focus_inside (GTK_WINDOW (window), list));
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Tab, GDK_SHIFT_MASK);
  KLYNGE_UI_TEST_WAIT (focus_inside (GTK_WINDOW (window), list));

  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Menu, 0);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (menu));
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Escape, 0);
  KLYNGE_UI_TEST_WAIT (!gtk_widget_get_mapped (menu));
  gtk_widget_grab_focus (list);
  klynge_ui_test_settle ();
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_F10, GDK_SHIFT_MASK);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (menu));

  edit = klynge_ui_test_find_menu_item (menu, "Edit…");
  g_assert_nonnull (edit);
  g_signal_emit_by_name (edit, "clicked");
  KLYNGE_UI_TEST_WAIT ((editor = klynge_ui_test_find_toplevel (KLYNGE_TYPE_MEMBER_EDITOR)) != NULL);
  gtk_window_close (editor);
}

static void
test_member_row_keys (void)
{
  klynge_ui_test_run_on_demo (member_row_keys, NULL);
}

/* The ledger: the row's Delete key deletes the selected entry, and the
 * row's delete button is no Tab stop. */
static void
ledger_row_keys (KlyngeWindow *window,
                 gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "finances", KLYNGE_TYPE_FINANCES_PAGE);
  GtkWidget *list = klynge_ui_test_find_widget (page, GTK_TYPE_COLUMN_VIEW);
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (list)));
  guint before;

  g_assert_nonnull (row_menu (list));
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (list) && g_list_model_get_n_items (rows) > 1);
  before = g_list_model_get_n_items (rows);
  gtk_widget_grab_focus (list);
  KLYNGE_UI_TEST_WAIT (focus_inside (GTK_WINDOW (window), list));
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Down, 0);
  klynge_ui_test_settle ();
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Delete, 0);
  KLYNGE_UI_TEST_WAIT (g_list_model_get_n_items (rows) == before - 1);

  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Tab, 0);
  KLYNGE_UI_TEST_WAIT (!focus_inside (GTK_WINDOW (window), list));
}

static void
test_ledger_row_keys (void)
{
  klynge_ui_test_run_on_demo (ledger_row_keys, NULL);
}

/* From a row of @list with the focus: one Tab leaves the list, Shift+Tab
 * comes back, Shift+F10 opens the row's menu. */
static void
check_row_keys (GtkWindow *window,
                GtkWidget *list,
                GtkWidget *row)
{
  GtkWidget *menu = row_menu (list);

  g_assert_nonnull (menu);
  gtk_widget_grab_focus (row);
  KLYNGE_UI_TEST_WAIT (focus_inside (window, row));
  klynge_ui_test_press_key (window, GDK_KEY_Tab, 0);
  KLYNGE_UI_TEST_WAIT (!focus_inside (window, list));
  klynge_ui_test_press_key (window, GDK_KEY_Tab, GDK_SHIFT_MASK);
  KLYNGE_UI_TEST_WAIT (focus_inside (window, list));
  klynge_ui_test_press_key (window, GDK_KEY_F10, GDK_SHIFT_MASK);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (menu));
  klynge_ui_test_press_key (window, GDK_KEY_Escape, 0);
  KLYNGE_UI_TEST_WAIT (!gtk_widget_get_mapped (menu));
}

/* The meetings list: its menu is the meeting's (print, export, cancel, delete). */
static void
meeting_row_keys (KlyngeWindow *window,
                  gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "meetings", KLYNGE_TYPE_MEETINGS_PAGE);
  GtkWidget *list = klynge_ui_test_find_named (page, "meeting-list");
  GtkListBoxRow *row;

  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (list) && gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1) != NULL);
  /* Opening the meeting fills the list anew. */
  gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  klynge_ui_test_settle ();
  row = gtk_list_box_get_selected_row (GTK_LIST_BOX (list));
  g_assert_nonnull (row);
  check_row_keys (GTK_WINDOW (window), list, GTK_WIDGET (row));
}

static void
test_meeting_row_keys (void)
{
  klynge_ui_test_run_on_demo (meeting_row_keys, NULL);
}

/* The invitations: the answer drop-down is no Tab stop; the row's menu answers. */
static void
invitation_row_keys (KlyngeWindow *window,
                     gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "meetings", KLYNGE_TYPE_MEETINGS_PAGE);
  GtkListBox *meetings = GTK_LIST_BOX (klynge_ui_test_find_named (page, "meeting-list"));
  GtkWidget *view = klynge_ui_test_find_widget (page, KLYNGE_TYPE_INVITATIONS_VIEW);
  GtkWidget *list = klynge_ui_test_find_widget (view, GTK_TYPE_LIST_BOX);
  GtkListBoxRow *row = NULL;
  GtkWidget *answer;

  KLYNGE_UI_TEST_WAIT (gtk_list_box_get_row_at_index (meetings, 0) != NULL);
  /* The first meeting that has invitations. */
  for (int i = 0; row == NULL && gtk_list_box_get_row_at_index (meetings, i) != NULL; i++)
    {
      gtk_list_box_select_row (meetings, gtk_list_box_get_row_at_index (meetings, i));
      klynge_ui_test_settle ();
      row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
    }
  g_assert_nonnull (row);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (klynge_ui_test_find_widget (page, ADW_TYPE_VIEW_STACK)), "invitations");
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (row)));
  answer = klynge_ui_test_find_widget (GTK_WIDGET (row), GTK_TYPE_DROP_DOWN);
  g_assert_false (gtk_widget_get_focusable (answer));
  gtk_list_box_select_row (GTK_LIST_BOX (list), row);
  check_row_keys (GTK_WINDOW (window), list, GTK_WIDGET (row));

  gtk_widget_activate_action (view, "invitations.answer", "s", "declined");
  KLYNGE_UI_TEST_WAIT (gtk_drop_down_get_selected (GTK_DROP_DOWN (answer)) == 2);
}

static void
test_invitation_row_keys (void)
{
  klynge_ui_test_run_on_demo (invitation_row_keys, NULL);
}

static GtkWidget *
focused_entry_of (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;
}

/* The agenda: one Tab stop; F2 and Enter go into the item's fields, Tab
 * stays among them, Escape comes back to the row, Delete removes the item. */
static void
agenda_row_keys (KlyngeWindow *window,
                 gpointer      user_data)
{
  GtkWindow *win = GTK_WINDOW (window);
  GtkWidget *page = klynge_ui_test_show_page (window, "meetings", KLYNGE_TYPE_MEETINGS_PAGE);
  GtkWidget *agenda, *list, *row, *add;

  gtk_widget_activate_action (page, "meetings.new", NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (klynge_ui_test_find_widget (page, ADW_TYPE_VIEW_STACK)), "agenda");
  agenda = klynge_ui_test_find_widget (page, KLYNGE_TYPE_AGENDA_BUILDER);
  list = klynge_ui_test_find_widget (agenda, GTK_TYPE_LIST_BOX);
  for (int i = 0; i < 3; i++)
    gtk_widget_activate_action (agenda, "agenda.add-item", NULL);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (list) && gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2) != NULL);
  g_assert_nonnull (row_menu (list));

  /* One Tab from Add Item, above the list, reaches a row; one more Tab,
   * or one Shift+Tab, leaves the list (what follows it depends on the
   * window's width, and at the end of the window Tab wraps around). */
  add = klynge_ui_test_find_actionable (agenda, "agenda.add-item");
  gtk_widget_grab_focus (add);
  KLYNGE_UI_TEST_WAIT (gtk_root_get_focus (GTK_ROOT (window)) == add);
  klynge_ui_test_press_key (win, GDK_KEY_Tab, 0);
  KLYNGE_UI_TEST_WAIT (focus_inside (win, list));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  gtk_widget_grab_focus (row);
  KLYNGE_UI_TEST_WAIT (gtk_root_get_focus (GTK_ROOT (window)) == row);
  klynge_ui_test_press_key (win, GDK_KEY_Tab, 0);
  KLYNGE_UI_TEST_WAIT (!focus_inside (win, list));
  gtk_widget_grab_focus (row);
  KLYNGE_UI_TEST_WAIT (gtk_root_get_focus (GTK_ROOT (window)) == row);
  klynge_ui_test_press_key (win, GDK_KEY_Tab, GDK_SHIFT_MASK);
  KLYNGE_UI_TEST_WAIT (!focus_inside (win, list));

  gtk_widget_grab_focus (row);
  klynge_ui_test_press_key (win, GDK_KEY_F2, 0);
  KLYNGE_UI_TEST_WAIT (focused_entry_of (win) != NULL && focus_inside (win, row));
  klynge_ui_test_type (win, "Velkommen");
  klynge_ui_test_press_key (win, GDK_KEY_Tab, 0);
  KLYNGE_UI_TEST_WAIT (focused_entry_of (win) == NULL);
  g_assert_true (focus_inside (win, row));
  klynge_ui_test_press_key (win, GDK_KEY_Escape, 0);
  KLYNGE_UI_TEST_WAIT (gtk_root_get_focus (GTK_ROOT (window)) == row);
  klynge_ui_test_press_key (win, GDK_KEY_Return, 0);
  KLYNGE_UI_TEST_WAIT (focused_entry_of (win) != NULL && focus_inside (win, row));
  g_assert_true (g_str_has_suffix (gtk_editable_get_text (GTK_EDITABLE (focused_entry_of (win))), "Velkommen"));
  klynge_ui_test_press_key (win, GDK_KEY_Escape, 0);
  KLYNGE_UI_TEST_WAIT (gtk_root_get_focus (GTK_ROOT (window)) == row);

  /* Delete removes the item with the focus, and the next one takes its place. */
  klynge_ui_test_press_key (win, GDK_KEY_Delete, 0);
  KLYNGE_UI_TEST_WAIT (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2) == NULL);
  KLYNGE_UI_TEST_WAIT (focus_inside (win, list));
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
}

static void
test_agenda_row_keys (void)
{
  klynge_ui_test_run_on_demo (agenda_row_keys, NULL);
}

/* The topics window: a proposal and a topic are one Tab stop each, with
 * the New Topic button the only stop between them; the menu votes, F2
 * edits the topic. */
static void
topics_row_keys (KlyngeWindow *window,
                 gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "meetings", KLYNGE_TYPE_MEETINGS_PAGE);
  GtkWindow *topics;
  GtkWidget *proposals, *library, *entry, *menu, *vote, *focus;
  g_autofree char *votes = NULL;

  gtk_widget_activate_action (page, "meetings.topics", NULL);
  KLYNGE_UI_TEST_WAIT ((topics = klynge_ui_test_find_toplevel (KLYNGE_TYPE_TOPICS_WINDOW)) != NULL &&
                       gtk_widget_get_mapped (GTK_WIDGET (topics)));
  proposals = klynge_ui_test_find_named (GTK_WIDGET (topics), "proposals");
  library = klynge_ui_test_find_named (GTK_WIDGET (topics), "topic-list");
  entry = klynge_ui_test_find_named (GTK_WIDGET (topics), "proposal-entry");
  KLYNGE_UI_TEST_WAIT (gtk_list_box_get_row_at_index (GTK_LIST_BOX (library), 0) != NULL);

  gtk_widget_grab_focus (entry);
  KLYNGE_UI_TEST_WAIT (focus_inside (topics, entry));
  klynge_ui_test_type (topics, "astma");
  klynge_ui_test_press_key (topics, GDK_KEY_Return, 0);
  /* Laid out: Tab goes by the lists' places on screen. */
  KLYNGE_UI_TEST_WAIT (gtk_list_box_get_row_at_index (GTK_LIST_BOX (proposals), 0) != NULL &&
                       gtk_widget_get_height (proposals) > 0);

  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (proposals), 0)));
  KLYNGE_UI_TEST_WAIT (focus_inside (topics, proposals));
  klynge_ui_test_press_key (topics, GDK_KEY_Tab, 0);
  KLYNGE_UI_TEST_WAIT (!focus_inside (topics, proposals));
  focus = gtk_root_get_focus (GTK_ROOT (topics));
  g_assert_true (GTK_IS_BUTTON (focus));
  klynge_ui_test_press_key (topics, GDK_KEY_Tab, 0);
  KLYNGE_UI_TEST_WAIT (focus_inside (topics, library));
  klynge_ui_test_press_key (topics, GDK_KEY_Tab, 0);
  KLYNGE_UI_TEST_WAIT (!focus_inside (topics, library));
  klynge_ui_test_press_key (topics, GDK_KEY_Tab, GDK_SHIFT_MASK);
  KLYNGE_UI_TEST_WAIT (focus_inside (topics, library));

  /* F2 on the topic opens its form. */
  klynge_ui_test_press_key (topics, GDK_KEY_F2, 0);
  klynge_ui_test_respond ("cancel");

  /* The proposal's menu votes for it. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (proposals), 0)));
  KLYNGE_UI_TEST_WAIT (focus_inside (topics, proposals));
  menu = row_menu (proposals);
  g_assert_nonnull (menu);
  klynge_ui_test_press_key (topics, GDK_KEY_F10, GDK_SHIFT_MASK);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (menu));
  vote = klynge_ui_test_find_menu_item (menu, "Add a Vote");
  g_assert_nonnull (vote);
  g_signal_emit_by_name (vote, "clicked");
  KLYNGE_UI_TEST_WAIT ((g_free (votes), votes = klynge_ui_test_collect_text (proposals), strstr (votes, "1 vote") != NULL));
  gtk_window_destroy (topics);
}

static void
test_topics_row_keys (void)
{
  klynge_ui_test_run_on_demo (topics_row_keys, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/keyboard/notes-tab-and-ctrl-w", test_notes_and_ctrl_w);
  g_test_add_func ("/ui/keyboard/member-row-menu", test_member_row_keys);
  g_test_add_func ("/ui/keyboard/ledger-row-keys", test_ledger_row_keys);
  g_test_add_func ("/ui/keyboard/meeting-row-keys", test_meeting_row_keys);
  g_test_add_func ("/ui/keyboard/invitation-row-keys", test_invitation_row_keys);
  g_test_add_func ("/ui/keyboard/agenda-row-keys", test_agenda_row_keys);
  g_test_add_func ("/ui/keyboard/topics-row-keys", test_topics_row_keys);

  return g_test_run ();
}
