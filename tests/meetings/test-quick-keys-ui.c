/* test-quick-keys-ui.c — the roll call's and the invitations' keys in Danish
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A Danish secretary presses T for tilmeldt, A for afbud, U for udeblevet
 * and F for fremmødt; A must mean afbud in both lists, never udeblevet
 * (which feeds the private attendance flags). And the About window's
 * authors are Danish too.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "klynge-attendance.h"
#include "klynge-context.h"
#include "klynge-invitations.h"
#include "klynge-meetings-page.h"
#include "klynge-test-utils.h"
#include "klynge-ui-test-run.h"
#include "klynge-ui-test-utils.h"

/* The demo's planned meeting: nobody invited, nobody registered yet. */
#define MEETING 7

static const char *
answer_of (GListModel *invitations,
           guint       position)
{
  g_autoptr(KlyngeInvitation) invitation = g_list_model_get_item (invitations, position);

  return g_intern_string (invitation->status);
}

static const char *
attendance_of (GListModel *lines,
               guint       position,
               gboolean   *late)
{
  g_autoptr(KlyngeAttendance) line = g_list_model_get_item (lines, position);

  *late = line->late;
  return g_intern_string (line->status);
}

static void
collect_accelerators (GtkWidget *widget,
                      GString   *out)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      g_string_append_printf (out, "%s\n", accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, out);
}

static void
danish_keys (KlyngeWindow *window,
             gpointer      user_data)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));
  GtkWidget *page, *list, *invitations, *register_view;
  GtkListBox *answers;
  AdwViewStack *stack;
  g_autoptr(GListModel) invited = NULL;
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(GString) accelerators = g_string_new ("\n");
  g_autofree char *row_text = NULL;
  GtkDropDown *dropdown;
  gboolean late;

  page = klynge_ui_test_open_meeting (window, MEETING);
  stack = ADW_VIEW_STACK (klynge_ui_test_find_widget (page, ADW_TYPE_VIEW_STACK));

  adw_view_stack_set_visible_child_name (stack, "invitations");
  klynge_ui_test_settle ();
  invitations = klynge_ui_test_find_widget (page, g_type_from_name ("KlyngeInvitationsView"));
  gtk_widget_activate_action (invitations, "invitations.invite-all", NULL);
  klynge_ui_test_settle ();
  answers = GTK_LIST_BOX (klynge_ui_test_find_widget (invitations, GTK_TYPE_LIST_BOX));
  /* The page and each row say which letter does what. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (klynge_ui_test_find_named (invitations, "rsvp-keys"))),
                            "T for tilmeldt, A for afbud"));
  dropdown = GTK_DROP_DOWN (klynge_ui_test_find_widget (GTK_WIDGET (gtk_list_box_get_row_at_index (answers, 0)),
                                                        GTK_TYPE_DROP_DOWN));
  g_assert_cmpuint (klynge_ui_test_choice_position (gtk_drop_down_get_model (dropdown), "Tilmeldt (T)"), ==, 1);
  gtk_list_box_select_row (answers, gtk_list_box_get_row_at_index (answers, 0));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (answers, 0)));
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_t, 0);
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_a, 0);
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_s, 0);
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_T, GDK_SHIFT_MASK);
  invited = klynge_invitations_list (db, MEETING, NULL);
  g_assert_cmpstr (answer_of (invited, 0), ==, "accepted");
  g_assert_cmpstr (answer_of (invited, 1), ==, "declined");
  g_assert_cmpstr (answer_of (invited, 2), ==, "no_answer");
  g_assert_cmpstr (answer_of (invited, 3), ==, "accepted");

  adw_view_stack_set_visible_child_name (stack, "attendance");
  klynge_ui_test_settle ();
  register_view = klynge_ui_test_find_widget (page, g_type_from_name ("KlyngeAttendanceRegister"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (klynge_ui_test_find_named (register_view, "roll-call-keys"))),
                            "F fremmødt, A afbud, U udeblevet, K for sent"));
  list = klynge_ui_test_find_named (page, "attendance-list");
  gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)));
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_f, 0);   /* fremmødt, on to the next */
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_a, 0);   /* afbud: excused, as A is in the invitations */
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_u, 0);   /* udeblevet */
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_k, 0);   /* kom for sent: present and late */
  lines = klynge_attendance_list (db, MEETING, NULL);
  g_assert_cmpstr (attendance_of (lines, 0, &late), ==, "present");
  g_assert_false (late);
  g_assert_cmpstr (attendance_of (lines, 1, &late), ==, "excused");
  g_assert_cmpstr (attendance_of (lines, 2, &late), ==, "absent");
  g_assert_cmpstr (attendance_of (lines, 3, &late), ==, "present");
  g_assert_true (late);
  row_text = klynge_ui_test_collect_text (gtk_widget_get_first_child (list));
  g_assert_nonnull (strstr (row_text, "Fremmødt (F)"));

  /* The shortcuts window lists the same letters. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  collect_accelerators (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))), accelerators);
  gtk_window_close (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))));
  g_assert_nonnull (strstr (accelerators->str, "\nf a u k\n"));
  g_assert_nonnull (strstr (accelerators->str, "\nt a s i\n"));
}

/* The About window names its authors in Danish too. */
static void
danish_about (KlyngeWindow *window,
              gpointer      user_data)
{
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (gtk_window_get_application (GTK_WINDOW (window))), "about", NULL);
  KLYNGE_UI_TEST_WAIT ((about = klynge_ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW)) != NULL);
  g_assert_cmpstr (adw_about_window_get_developer_name (ADW_ABOUT_WINDOW (about)), ==, "Klynges forfattere");
  g_assert_cmpstr (adw_about_window_get_copyright (ADW_ABOUT_WINDOW (about)), ==, "© 2026 Klynges forfattere");
  gtk_window_destroy (about);
}

static void
test_danish_about (void)
{
  klynge_ui_test_run_on_demo (danish_about, NULL);
}

static void
test_danish_keys (void)
{
  klynge_ui_test_run_on_demo (danish_keys, NULL);
}

int
main (int   argc,
      char *argv[])
{
  klynge_ui_test_use_language (TRUE, BUILD_LOCALEDIR);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/meetings/ui/danish-quick-keys", test_danish_keys);
  g_test_add_func ("/ui/danish-about", test_danish_about);
  return g_test_run ();
}
