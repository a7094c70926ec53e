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
  GtkWidget *page;

  klynge_window_show_area (window, area);
  klynge_ui_test_flush ();
  gtk_widget_grab_focus (klynge_ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  page = klynge_ui_test_find_widget (GTK_WIDGET (window), page_type);
  g_assert_nonnull (page);
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), page));
  return page;
}

/* The toplevel of @type that the shortcut opened, closed again. */
static void
close_opened (GType type)
{
  GtkWindow *opened;

  klynge_ui_test_flush ();
  opened = klynge_ui_test_find_toplevel (type);
  if (opened == NULL)
    g_error ("Ctrl+N opened no %s", g_type_name (type));
  gtk_window_destroy (opened);
  klynge_ui_test_flush ();
}

static void
new_member (KlyngeWindow *window,
            gpointer      user_data)
{
  GtkWidget *page = show_area (window, "clusters", KLYNGE_TYPE_CLUSTERS_PAGE);

  g_assert_true (klynge_ui_test_activate_shortcut (page, "<Control>n"));
  close_opened (KLYNGE_TYPE_MEMBER_EDITOR);
}

static void
new_meeting (KlyngeWindow *window,
             gpointer      user_data)
{
  GtkWidget *page = show_area (window, "meetings", KLYNGE_TYPE_MEETINGS_PAGE);
  GtkWidget *title = klynge_ui_test_find_named (page, "meeting-title");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), !=, "New meeting");
  g_assert_true (klynge_ui_test_activate_shortcut (page, "<Control>n"));
  klynge_ui_test_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "New meeting");
  g_assert_true (gtk_widget_get_mapped (title));
}

static void
new_import (KlyngeWindow *window,
            gpointer      user_data)
{
  GtkWidget *page = show_area (window, "data", KLYNGE_TYPE_DATA_PAGE);
  GtkWindow *chooser;

  g_assert_true (klynge_ui_test_activate_shortcut (page, "<Control>n"));
  klynge_ui_test_flush ();
  chooser = klynge_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Import Clinics’ Data");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  klynge_ui_test_flush ();
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
new_ledger_entry (KlyngeWindow *window,
                  gpointer      user_data)
{
  GtkWidget *page = show_area (window, "finances", KLYNGE_TYPE_FINANCES_PAGE);

  g_assert_true (klynge_ui_test_activate_shortcut (page, "<Control>n"));
  close_opened (KLYNGE_TYPE_LEDGER_ENTRY_DIALOG);
}

static void
new_database (KlyngeWindow *window,
              gpointer      user_data)
{
  GtkWindow *chooser;

  show_area (window, "meetings", KLYNGE_TYPE_MEETINGS_PAGE);
  g_assert_true (klynge_ui_test_activate_shortcut (GTK_WIDGET (window), "<Control><Shift>n"));
  klynge_ui_test_flush ();
  chooser = klynge_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "New Database");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  klynge_ui_test_flush ();
  /* Ctrl+N is the area's, not the window's. */
  g_assert_false (klynge_ui_test_activate_shortcut (GTK_WIDGET (window), "<Control>n"));
}

static void
test_new_member (void)
{
  klynge_ui_test_run_on_demo (new_member, NULL);
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
  klynge_ui_test_run_on_demo (new_ledger_entry, NULL);
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
