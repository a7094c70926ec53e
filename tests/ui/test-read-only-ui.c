/* test-read-only-ui.c — a read-only database cannot be changed from any form
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each form (the meeting editor, the attendance register, the topics
 * window, and an editor of each area) is opened on a chmod 0400 copy of
 * the demo and on a writable one: on the first nothing may take typing or
 * a click that changes something, on the second the same form must, so
 * that the count means something.
 */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "klynge-attendance-register.h"
#include "klynge-clinic-editor.h"
#include "klynge-cluster.h"
#include "klynge-cluster-editor.h"
#include "klynge-clusters-page.h"
#include "klynge-finances-page.h"
#include "klynge-ledger-entry-dialog.h"
#include "klynge-meeting-editor.h"
#include "klynge-meetings-page.h"
#include "klynge-member-editor.h"
#include "klynge-test-utils.h"
#include "klynge-topics-window.h"
#include "klynge-ui-test-utils.h"

/* What a user could change below @widget among what is on screen: a field
 * taking typing, or a control that can be clicked. Closing a window and
 * scrolling change nothing. */
static guint
count_changeable (GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (widget) || GTK_IS_WINDOW_CONTROLS (widget) || GTK_IS_SCROLLBAR (widget) ||
      (GTK_IS_ACTIONABLE (widget) &&
       g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "window.close") == 0))
    return 0;
  /* Entries, entry rows and spin buttons all type into a GtkText. */
  if (GTK_IS_TEXT (widget))
    return gtk_editable_get_editable (GTK_EDITABLE (widget)) && gtk_widget_is_sensitive (widget);
  if (GTK_IS_TEXT_VIEW (widget))
    return gtk_text_view_get_editable (GTK_TEXT_VIEW (widget)) && gtk_widget_is_sensitive (widget);
  if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
      GTK_IS_DROP_DOWN (widget) || ADW_IS_COMBO_ROW (widget))
    return gtk_widget_is_sensitive (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_changeable (child);
  return n;
}

/* The form says why when read-only, and says nothing otherwise. */
static void
check_form (GtkWidget  *form,
            gboolean    read_only,
            const char *what)
{
  GtkWidget *notice = klynge_ui_test_find_named (form, "read-only-notice");
  guint changeable = count_changeable (form);

  g_test_message ("%s: %u things to change", what, changeable);
  if (read_only)
    {
      g_autofree char *text = NULL;

      if (changeable != 0)
        g_error ("%s: %u things can still be changed on a read-only file", what, changeable);
      g_assert_nonnull (notice);
      g_assert_true (gtk_widget_get_mapped (notice));
      text = klynge_ui_test_collect_text (notice);
      g_assert_nonnull (strstr (text, "Read-only"));
      g_assert_nonnull (strstr (text, "marked read-only"));
    }
  else
    {
      if (changeable == 0)
        g_error ("%s: nothing can be changed on a writable file", what);
      g_assert_true (notice == NULL || !gtk_widget_get_mapped (notice));
    }
}

/* A window that only shows says what it shows ("Member"), not "Edit Member". */
static void
check_title (GtkWindow  *editor,
             gboolean    read_only,
             const char *read_only_title)
{
  const char *title = gtk_window_get_title (editor);

  if (read_only)
    g_assert_cmpstr (title, ==, read_only_title);
  else
    g_assert_true (g_str_has_prefix (title, "Edit "));
}

/* Checks the editor window of @type that @action of @page opened, and its
 * title when one is given, then closes it. */
static void
check_editor_window (GtkWidget  *page,
                     const char *action,
                     GVariant   *parameter,
                     GType       type,
                     gboolean    read_only,
                     const char *read_only_title)
{
  GtkWindow *editor;
  GtkWidget *save;

  g_assert_true (gtk_widget_activate_action_variant (page, action, parameter));
  KLYNGE_UI_TEST_WAIT ((editor = klynge_ui_test_find_toplevel (type)) != NULL);
  check_form (GTK_WIDGET (editor), read_only, g_type_name (type));
  if (read_only_title != NULL)
    check_title (editor, read_only, read_only_title);
  /* Counted apart: a header bar's Save is no field, and it must not work either. */
  save = klynge_ui_test_find_button (GTK_WIDGET (editor), "_Save");
  if (read_only && save != NULL)
    g_assert_false (gtk_widget_is_sensitive (save));
  gtk_window_destroy (editor);
}

static gint64
first_id (KlyngeWindow *window,
          const char   *sql)
{
  gint64 id = klynge_test_count (klynge_context_get_db (klynge_window_get_context (window)), sql, 0);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
check_clusters (KlyngeWindow *window,
                gboolean      read_only)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "clusters", KLYNGE_TYPE_CLUSTERS_PAGE);
  GtkWidget *open = klynge_ui_test_find_actionable (page, "clusters.edit-member");

  /* A row's button opens the member to be read, and says so. */
  g_assert_nonnull (open);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (open)), ==,
                   read_only ? "view-reveal-symbolic" : "document-edit-symbolic");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (klynge_ui_test_find_actionable (page, "clusters.edit-cluster"))), ==,
                   read_only ? "_Cluster Details…" : "_Edit Cluster…");
  check_editor_window (page, "clusters.edit-member",
                       g_variant_new_int64 (first_id (window, "SELECT min(id) FROM member")),
                       KLYNGE_TYPE_MEMBER_EDITOR, read_only, "Member");
  check_editor_window (page, "clusters.edit-clinic",
                       g_variant_new_int64 (first_id (window, "SELECT min(id) FROM clinic")),
                       KLYNGE_TYPE_CLINIC_EDITOR, read_only, "Clinic");
  check_editor_window (page, "clusters.edit-cluster", NULL, KLYNGE_TYPE_CLUSTER_EDITOR, read_only, "Cluster");
}

static void
check_meetings (KlyngeWindow *window,
                gboolean      read_only)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "meetings", KLYNGE_TYPE_MEETINGS_PAGE);
  GtkListBox *list = GTK_LIST_BOX (klynge_ui_test_find_named (page, "meeting-list"));
  AdwViewStack *stack;

  g_assert_nonnull (list);
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
  klynge_ui_test_settle ();
  check_form (klynge_ui_test_find_widget (page, KLYNGE_TYPE_MEETING_EDITOR), read_only, "meeting editor");

  stack = ADW_VIEW_STACK (klynge_ui_test_find_widget (page, ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "attendance");
  klynge_ui_test_settle ();
  check_form (klynge_ui_test_find_widget (page, KLYNGE_TYPE_ATTENDANCE_REGISTER), read_only, "attendance register");
  adw_view_stack_set_visible_child_name (stack, "details");

  check_editor_window (page, "meetings.topics", NULL, KLYNGE_TYPE_TOPICS_WINDOW, read_only, NULL);
}

static void
check_finances (KlyngeWindow *window,
                gboolean      read_only)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "finances", KLYNGE_TYPE_FINANCES_PAGE);
  GtkWidget *ledger = klynge_ui_test_find_widget (page, GTK_TYPE_COLUMN_VIEW);
  GtkWindow *editor;
  AdwViewStack *stack;
  guint budget;

  g_assert_nonnull (ledger);
  g_signal_emit_by_name (ledger, "activate", 0);
  KLYNGE_UI_TEST_WAIT ((editor = klynge_ui_test_find_toplevel (KLYNGE_TYPE_LEDGER_ENTRY_DIALOG)) != NULL);
  check_form (GTK_WIDGET (editor), read_only, "ledger entry");
  check_title (editor, read_only, "Ledger Entry");
  gtk_window_destroy (editor);

  /* The budget is typed into the page itself, with no notice of its own:
   * the header bar says Read-only. */
  stack = ADW_VIEW_STACK (klynge_ui_test_find_widget (page, ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "budget");
  klynge_ui_test_settle ();
  budget = count_changeable (adw_view_stack_get_child_by_name (stack, "budget"));
  g_test_message ("budget: %u things to change", budget);
  if (read_only)
    g_assert_cmpuint (budget, ==, 0);
  else
    g_assert_cmpuint (budget, >, 0);
  adw_view_stack_set_visible_child_name (stack, "ledger");
}

static void
check_forms (KlyngeWindow *window,
             gpointer      user_data)
{
  gboolean read_only = GPOINTER_TO_INT (user_data);

  g_assert_cmpint (klynge_context_get_read_only (klynge_window_get_context (window)), ==, read_only);
  check_clusters (window, read_only);
  check_meetings (window, read_only);
  check_finances (window, read_only);
}

static void
run_on_demo (gboolean         read_only,
             KlyngeUiTestFunc func)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  g_autofree char *path = g_strdup (klynge_db_get_path (db));
  const char *argv[] = { "klynge", path, NULL };

  g_clear_object (&db);
  if (read_only)
    g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  klynge_ui_test_run_app (argv, func, GINT_TO_POINTER (read_only));
  klynge_test_remove_tree (dir);
}

static void
test_read_only_forms (void)
{
  run_on_demo (TRUE, check_forms);
}

static void
test_writable_forms (void)
{
  run_on_demo (FALSE, check_forms);
}

/* An archived cluster opens read-only, in a file that is not. */
static void
check_archived (KlyngeWindow *window,
                gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  GtkWidget *page = klynge_ui_test_show_page (window, "clusters", KLYNGE_TYPE_CLUSTERS_PAGE);

  g_assert_true (klynge_context_get_read_only (context));
  g_assert_false (klynge_db_is_read_only (klynge_context_get_db (context)));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (klynge_ui_test_find_actionable (page, "clusters.edit-cluster"))), ==,
                   "_Cluster Details…");
}

static void
test_archived_cluster (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  g_autofree char *path = g_strdup (klynge_db_get_path (db));
  const char *argv[] = { "klynge", path, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_cluster_set_archived (db, klynge_cluster_first_id (db), TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  klynge_ui_test_run_app (argv, check_archived, NULL);
  klynge_test_remove_tree (dir);
}

/* A dropped file is refused at once, saying why. */
static void
check_drop (KlyngeWindow *window,
            gpointer      user_data)
{
  g_autoptr(GFile) file = g_file_new_for_path (TEST_DATA_DIR "/nonexistent.csv");
  AdwMessageDialog *dialog;

  klynge_window_import_file (window, file);
  KLYNGE_UI_TEST_WAIT ((dialog = ADW_MESSAGE_DIALOG (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (dialog)), ==, "read-only-refusal");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "marked read-only"));
  g_assert_cmpstr (klynge_window_get_area (window), !=, "data");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_read_only_drop (void)
{
  run_on_demo (TRUE, check_drop);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/read-only/forms-locked", test_read_only_forms);
  g_test_add_func ("/ui/read-only/forms-writable", test_writable_forms);
  g_test_add_func ("/ui/read-only/drop-refused", test_read_only_drop);
  g_test_add_func ("/ui/read-only/archived-cluster", test_archived_cluster);

  return g_test_run ();
}
