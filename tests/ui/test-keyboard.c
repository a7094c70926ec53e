/* test-keyboard.c — real key presses: Tab leaves a notes field, Ctrl+W
 * closes the window with the focus
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <string.h>

#include "klynge-cluster-editor.h"
#include "klynge-clusters-page.h"
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
  klynge_ui_test_flush ();
  editor = klynge_ui_test_find_toplevel (KLYNGE_TYPE_CLUSTER_EDITOR);
  g_assert_nonnull (editor);
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/keyboard/notes-tab-and-ctrl-w", test_notes_and_ctrl_w);

  return g_test_run ();
}
