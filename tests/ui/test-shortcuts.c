/* test-shortcuts.c — Ctrl+N makes a new item of the area on screen
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "klynge-charts-page.h"
#include "klynge-clusters-page.h"
#include "klynge-data-page.h"
#include "klynge-finances-page.h"
#include "klynge-ledger-entry-dialog.h"
#include "klynge-meetings-page.h"
#include "klynge-member-editor.h"
#include "klynge-test-utils.h"
#include "klynge-ui-test-run.h"

/* Shows @area with the focus on the header bar, outside the page, where a
 * key bound only inside the page would not reach. */
static GtkWidget *
show_area (KlyngeWindow *window,
           const char   *area,
           GType         page_type)
{
  GtkWidget *page = klynge_ui_test_show_page (window, area, page_type);

  gtk_widget_grab_focus (klynge_ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), page));
  return page;
}

/* Checks that a file chooser titled @title is open, and cancels it. */
static void
cancel_chooser (const char *title)
{
  GtkWindow *chooser;

  KLYNGE_UI_TEST_WAIT ((chooser = klynge_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, title);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
}

/* An area whose Ctrl+N opens an editor in a window of its own. */
typedef struct
{
  const char *area;
  GType       page_type;
  GType       editor_type;
} EditorCase;

static void
opens_editor (KlyngeWindow *window,
              gpointer      user_data)
{
  const EditorCase *c = user_data;
  GtkWidget *page = show_area (window, c->area, c->page_type);
  GtkWindow *editor;

  g_assert_true (klynge_ui_test_activate_shortcut (page, "<Control>n"));
  KLYNGE_UI_TEST_WAIT ((editor = klynge_ui_test_find_toplevel (c->editor_type)) != NULL);
  gtk_window_destroy (editor);
}

static void
new_meeting (KlyngeWindow *window,
             gpointer      user_data)
{
  GtkWidget *page = show_area (window, "meetings", KLYNGE_TYPE_MEETINGS_PAGE);
  GtkWidget *title = klynge_ui_test_find_named (page, "meeting-title");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), !=, "New meeting");
  g_assert_true (klynge_ui_test_activate_shortcut (page, "<Control>n"));
  KLYNGE_UI_TEST_WAIT (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (title)), "New meeting") == 0);
  g_assert_true (gtk_widget_get_mapped (title));
}

static void
new_import (KlyngeWindow *window,
            gpointer      user_data)
{
  GtkWidget *page = show_area (window, "data", KLYNGE_TYPE_DATA_PAGE);

  g_assert_true (klynge_ui_test_activate_shortcut (page, "<Control>n"));
  cancel_chooser ("Import Clinics’ Data");
}

static void
no_new_chart (KlyngeWindow *window,
              gpointer      user_data)
{
  GtkWidget *page = show_area (window, "charts", KLYNGE_TYPE_CHARTS_PAGE);

  /* Charts are drawn from the data; there is nothing to make here. */
  g_assert_false (klynge_ui_test_activate_shortcut (page, "<Control>n"));
}

static void
new_database (KlyngeWindow *window,
              gpointer      user_data)
{
  show_area (window, "meetings", KLYNGE_TYPE_MEETINGS_PAGE);
  g_assert_true (klynge_ui_test_activate_shortcut (GTK_WIDGET (window), "<Control><Shift>n"));
  cancel_chooser ("New Database");
  /* Ctrl+N is the area's, not the window's. */
  g_assert_false (klynge_ui_test_activate_shortcut (GTK_WIDGET (window), "<Control>n"));
}

static void
test_new_member (void)
{
  EditorCase c = { "clusters", KLYNGE_TYPE_CLUSTERS_PAGE, KLYNGE_TYPE_MEMBER_EDITOR };

  klynge_ui_test_run_on_demo (opens_editor, &c);
}

static void
test_new_meeting (void)
{
  klynge_ui_test_run_on_demo (new_meeting, NULL);
}

static void
test_new_import (void)
{
  klynge_ui_test_run_on_demo (new_import, NULL);
}

static void
test_no_new_chart (void)
{
  klynge_ui_test_run_on_demo (no_new_chart, NULL);
}

static void
test_new_ledger_entry (void)
{
  EditorCase c = { "finances", KLYNGE_TYPE_FINANCES_PAGE, KLYNGE_TYPE_LEDGER_ENTRY_DIALOG };

  klynge_ui_test_run_on_demo (opens_editor, &c);
}

static void
test_new_database (void)
{
  klynge_ui_test_run_on_demo (new_database, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/shortcuts/clusters-new-member", test_new_member);
  g_test_add_func ("/ui/shortcuts/meetings-new-meeting", test_new_meeting);
  g_test_add_func ("/ui/shortcuts/data-new-import", test_new_import);
  g_test_add_func ("/ui/shortcuts/charts-nothing-new", test_no_new_chart);
  g_test_add_func ("/ui/shortcuts/finances-new-entry", test_new_ledger_entry);
  g_test_add_func ("/ui/shortcuts/new-database", test_new_database);

  return g_test_run ();
}
