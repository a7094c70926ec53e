/* test-cluster-archive-ui.c — archiving and deleting a cluster through the
 * Clusters area's menu of the real window
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include <adwaita.h>
#include <string.h>

#include "klynge-backup.h"
#include "klynge-cluster.h"
#include "klynge-db-statement.h"
#include "klynge-format.h"
#include "klynge-clusters-page.h"
#include "klynge-member.h"
#include "klynge-member-editor.h"
#include "klynge-test-utils.h"
#include "klynge-undo-stack.h"
#include "klynge-ui-test-utils.h"

#define OTHER "Klynge Syd"

static KlyngeDb *
window_db (KlyngeWindow *window)
{
  return klynge_context_get_db (klynge_window_get_context (window));
}

static gint64
shown_cluster (KlyngeWindow *window)
{
  return klynge_context_get_cluster_id (klynge_window_get_context (window));
}

static gint64
demo_id (KlyngeDb *db)
{
  return klynge_test_count (db, "SELECT min(id) FROM cluster", 0);
}

static void
choose_in_cluster_menu (KlyngeWindow *window,
                        const char   *label,
                        const char   *screenshot)
{
  g_auto(GStrv) parts = g_strsplit (label, "_", -1);
  g_autofree char *text = g_strjoinv ("", parts);
  GtkWidget *page = klynge_ui_test_show_page (window, "clusters", KLYNGE_TYPE_CLUSTERS_PAGE);
  GtkMenuButton *button = GTK_MENU_BUTTON (klynge_ui_test_find_named (page, "cluster-menu"));
  GtkWidget *menu, *found;

  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  menu = GTK_WIDGET (gtk_menu_button_get_popover (button));
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (menu));
  found = klynge_ui_test_find_menu_item (menu, text);
  g_assert_nonnull (found);
  if (screenshot != NULL)
    {
      KLYNGE_UI_TEST_WAIT (gtk_widget_get_width (found) > 0);
      klynge_ui_test_screenshot (gtk_widget_get_first_child (menu), screenshot);
    }
  g_assert_true (gtk_widget_is_sensitive (found));
  g_signal_emit_by_name (found, "clicked");
  KLYNGE_UI_TEST_WAIT (!gtk_widget_get_mapped (menu));
}

static AdwMessageDialog *
wait_for_question (const char *name)
{
  GtkWindow *dialog = NULL;
  g_autofree char *png = g_strconcat (name, ".png", NULL);

  KLYNGE_UI_TEST_WAIT ((dialog = klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (dialog)), ==, name);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_width (GTK_WIDGET (dialog)) > 0);
  klynge_ui_test_screenshot (GTK_WIDGET (dialog), png);
  return ADW_MESSAGE_DIALOG (dialog);
}

static char *
cluster_name (KlyngeDb *db,
              gint64    cluster)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, "SELECT name FROM cluster WHERE id = ?1");

  klynge_db_statement_bind_int64 (stmt, 1, cluster);
  g_assert_cmpint (klynge_db_statement_step (stmt, NULL), ==, SQLITE_ROW);
  return klynge_db_statement_dup_text (stmt, 0);
}

static gboolean
is_archived (KlyngeDb *db,
             gint64    cluster)
{
  return klynge_test_count (db, "SELECT archived_at IS NOT NULL FROM cluster WHERE id = ?1", cluster) == 1;
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* Archiving asks first and says what it means; the cluster stays shown,
 * read-only, named and saying how to unarchive it; the switcher lists it
 * only when asked to, marked archived; Unarchive takes it back. */
static void
archive_and_unarchive (KlyngeWindow *window,
                       gpointer      user_data)
{
  KlyngeDb *db = window_db (window);
  gint64 demo = demo_id (db);
  GtkWidget *switcher = klynge_ui_test_find_named (GTK_WIDGET (window), "cluster-switcher");
  GtkWidget *banner = klynge_ui_test_find_named (GTK_WIDGET (window), "archived-banner");
  GtkWidget *popover, *list, *show_archived;
  AdwMessageDialog *dialog;
  g_autofree char *banner_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *notice = NULL;
  GtkWindow *editor;

  g_autofree char *demo_name = cluster_name (db, demo);

  klynge_ui_test_screenshot_style ();
  g_assert_cmpint (shown_cluster (window), ==, demo);
  choose_in_cluster_menu (window, _("_Archive Cluster…"), "cluster-menu.png");
  dialog = wait_for_question ("archive-cluster");
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), demo_name));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  /* Cancel changes nothing. */
  klynge_ui_test_respond ("cancel");
  g_assert_false (is_archived (db, demo));

  choose_in_cluster_menu (window, _("_Archive Cluster…"), NULL);
  wait_for_question ("archive-cluster");
  klynge_ui_test_respond ("archive");
  KLYNGE_UI_TEST_WAIT (is_archived (db, demo));
  KLYNGE_UI_TEST_WAIT (klynge_context_get_read_only (klynge_window_get_context (window)));
  g_assert_cmpint (shown_cluster (window), ==, demo);

  /* The notice says archived and how to undo it, not a file's lock. */
  KLYNGE_UI_TEST_WAIT (gtk_info_bar_get_revealed (GTK_INFO_BAR (banner)));
  banner_text = klynge_ui_test_collect_text (banner);
  g_assert_nonnull (strstr (banner_text, demo_name));
  g_assert_nonnull (strstr (banner_text, _("Unarchive Cluster")));
  klynge_ui_test_screenshot (GTK_WIDGET (window), "archived-window.png");

  /* Still named in the header bar; listed only when asked for, marked. */
  name = klynge_ui_test_collect_text (gtk_menu_button_get_child (GTK_MENU_BUTTON (switcher)));
  g_assert_nonnull (strstr (name, demo_name));
  gtk_menu_button_popup (GTK_MENU_BUTTON (switcher));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (switcher)));
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (popover));
  list = klynge_ui_test_find_widget (popover, GTK_TYPE_LIST_BOX);
  show_archived = klynge_ui_test_find_named (popover, "show-archived");
  g_assert_cmpuint (n_rows (list), ==, 1);
  g_assert_false (klynge_ui_test_shows (list, "Archived"));
  g_assert_true (gtk_widget_get_visible (show_archived));
  g_signal_emit_by_name (show_archived, "activate");
  KLYNGE_UI_TEST_WAIT (n_rows (list) == 2);
  g_assert_true (klynge_ui_test_shows (list, "Archived"));
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_width (gtk_widget_get_last_child (list)) > 0);
  klynge_ui_test_screenshot (gtk_widget_get_first_child (popover), "switcher-archived.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (switcher));

  /* A member's editor says why it cannot change anything, and how to. */
  gtk_widget_activate_action (klynge_ui_test_show_page (window, "clusters", KLYNGE_TYPE_CLUSTERS_PAGE),
                              "clusters.edit-member", "x",
                              klynge_test_count (db, "SELECT min(id) FROM member WHERE cluster_id = ?1", demo));
  KLYNGE_UI_TEST_WAIT ((editor = klynge_ui_test_find_toplevel (KLYNGE_TYPE_MEMBER_EDITOR)) != NULL);
  notice = klynge_ui_test_collect_text (klynge_ui_test_find_named (GTK_WIDGET (editor), "read-only-notice"));
  g_assert_nonnull (strstr (notice, demo_name));
  g_assert_nonnull (strstr (notice, _("Unarchive Cluster")));
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_width (GTK_WIDGET (editor)) > 0);
  klynge_ui_test_screenshot (GTK_WIDGET (editor), "archived-member-editor.png");
  gtk_window_destroy (editor);

  /* Nothing of it can be changed, whoever writes. */
  g_assert_false (klynge_db_exec (db, "UPDATE member SET notes = 'x'", NULL));

  /* The menu takes it back into use. */
  choose_in_cluster_menu (window, _("_Unarchive Cluster"), "cluster-menu-archived.png");
  KLYNGE_UI_TEST_WAIT (!is_archived (db, demo));
  KLYNGE_UI_TEST_WAIT (!klynge_context_get_read_only (klynge_window_get_context (window)));
  KLYNGE_UI_TEST_WAIT (!gtk_info_bar_get_revealed (GTK_INFO_BAR (banner)));
}

static gint64
n_backups (KlyngeDb *db)
{
  g_autoptr(GListModel) backups = klynge_backup_list (klynge_db_get_path (db));

  return g_list_model_get_n_items (backups);
}

/* The question names what goes, counted as the database counts it. */
static gboolean
shows_counts (AdwMessageDialog *dialog,
              KlyngeDb         *db,
              gint64            cluster)
{
  const char *body = adw_message_dialog_get_body (dialog);
  int clinics = (int) klynge_test_count (db, "SELECT count(*) FROM clinic WHERE cluster_id = ?1", cluster);
  int members = (int) klynge_test_count (db, "SELECT count(*) FROM member WHERE cluster_id = ?1", cluster);
  int meetings = (int) klynge_test_count (db, "SELECT count(*) FROM meeting WHERE cluster_id = ?1", cluster);
  int measurements = (int) klynge_test_count (db, "SELECT count(*) FROM measurement m JOIN clinic c ON c.id = m.clinic_id "
                                                  "WHERE c.cluster_id = ?1", cluster);
  /* A large count is grouped as the locale groups it, "12,345". */
  g_autofree char *grouped = klynge_format_integer (measurements);
  char *texts[] = {
    g_strdup_printf (ngettext ("%d clinic", "%d clinics", clinics), clinics),
    g_strdup_printf (ngettext ("%d member", "%d members", members), members),
    g_strdup_printf (ngettext ("%d meeting", "%d meetings", meetings), meetings),
    g_strdup_printf (ngettext ("%s measurement", "%s measurements", measurements), grouped),
  };
  gboolean all = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      all = all && strstr (body, texts[i]) != NULL;
      g_free (texts[i]);
    }
  return all;
}

/* Deleting asks, naming what goes; the file is backed up first; the
 * window shows the other cluster; the toast's Undo and Ctrl+Z bring it
 * back whole. */
static void
delete_and_undo (KlyngeWindow *window,
                 gpointer      user_data)
{
  KlyngeDb *db = window_db (window);
  gint64 demo = demo_id (db);
  gint64 other = klynge_test_count (db, "SELECT id FROM cluster WHERE name = '" OTHER "'", 0);
  gint64 members = klynge_test_count (db, "SELECT count(*) FROM member WHERE cluster_id = ?1", demo);
  gint64 measurements = klynge_test_count (db, "SELECT count(*) FROM measurement", 0);
  gint64 backups = n_backups (db);
  AdwMessageDialog *dialog;
  GtkWidget *undo;

  g_autofree char *demo_name = cluster_name (db, demo);

  klynge_ui_test_screenshot_style ();
  g_assert_cmpint (members, >, 0);
  choose_in_cluster_menu (window, _("_Delete Cluster…"), NULL);
  dialog = wait_for_question ("delete-cluster");
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), demo_name));
  g_assert_true (shows_counts (dialog, db, demo));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  klynge_ui_test_respond ("delete");
  KLYNGE_UI_TEST_WAIT (!klynge_cluster_exists (db, demo));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM member WHERE cluster_id = ?1", demo), ==, 0);
  g_assert_cmpint (n_backups (db), ==, backups + 1);
  g_assert_cmpint (shown_cluster (window), ==, other);

  /* The toast's Undo. */
  KLYNGE_UI_TEST_WAIT ((undo = klynge_ui_test_find_toast_button (window, _("_Undo"))) != NULL);
  klynge_ui_test_screenshot (GTK_WIDGET (window), "deleted-window.png");
  g_signal_emit_by_name (undo, "clicked");
  KLYNGE_UI_TEST_WAIT (klynge_cluster_exists (db, demo));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM member WHERE cluster_id = ?1", demo), ==, members);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM measurement", 0), ==, measurements);

  /* Ctrl+Z, the key, after deleting it again from its own page. */
  klynge_context_set_cluster_id (klynge_window_get_context (window), demo);
  choose_in_cluster_menu (window, _("_Delete Cluster…"), NULL);
  wait_for_question ("delete-cluster");
  klynge_ui_test_respond ("delete");
  KLYNGE_UI_TEST_WAIT (!klynge_cluster_exists (db, demo));
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  KLYNGE_UI_TEST_WAIT (klynge_cluster_exists (db, demo));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM member WHERE cluster_id = ?1", demo), ==, members);
}

/* The window's undo is the database's: a delete undone in one cluster is
 * redone with Shift+Ctrl+Z after a look at another cluster and back. */
static void
redo_after_switch (KlyngeWindow *window,
                   gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  KlyngeDb *db = window_db (window);
  gint64 demo = demo_id (db);
  gint64 other = klynge_test_count (db, "SELECT id FROM cluster WHERE name = '" OTHER "'", 0);
  gint64 member = klynge_test_count (db, "SELECT min(id) FROM member WHERE cluster_id = ?1", demo);
  g_autoptr(GError) error = NULL;
  KlyngeSnapshot *snapshot;

  g_assert_cmpint (shown_cluster (window), ==, demo);
  snapshot = klynge_member_delete (db, demo, member, &error);
  g_assert_no_error (error);
  klynge_undo_stack_push (klynge_context_get_undo_stack (context), "Member deleted", snapshot);
  klynge_context_emit_changed (context);

  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  KLYNGE_UI_TEST_WAIT (klynge_test_count (db, "SELECT count(*) FROM member WHERE id = ?1", member) == 1);

  klynge_context_set_cluster_id (context, other);
  klynge_context_set_cluster_id (context, demo);
  g_assert_true (klynge_undo_stack_get_can_redo (klynge_context_get_undo_stack (context)));
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  KLYNGE_UI_TEST_WAIT (klynge_test_count (db, "SELECT count(*) FROM member WHERE id = ?1", member) == 0);

  /* And the undo is kept as well, from the other cluster too. */
  klynge_context_set_cluster_id (context, other);
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  KLYNGE_UI_TEST_WAIT (klynge_test_count (db, "SELECT count(*) FROM member WHERE id = ?1", member) == 1);
}

/* A file opens on a cluster in use, even when the archived one comes first. */
static void
opens_in_use (KlyngeWindow *window,
              gpointer      user_data)
{
  KlyngeDb *db = window_db (window);

  g_assert_true (is_archived (db, demo_id (db)));
  g_assert_cmpint (shown_cluster (window), ==, klynge_test_count (db, "SELECT id FROM cluster WHERE name = '" OTHER "'", 0));
  g_assert_false (klynge_context_get_read_only (klynge_window_get_context (window)));
}

static void
run (KlyngeUiTestFunc func,
     gboolean         archive_first)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  g_autofree char *path = g_strdup (klynge_db_get_path (db));
  const char *argv[] = { "klynge", path, NULL };

  g_assert_cmpint (klynge_cluster_create (db, OTHER, NULL), >, 0);
  if (archive_first)
    g_assert_true (klynge_cluster_set_archived (db, demo_id (db), TRUE, NULL));
  g_clear_object (&db);
  klynge_ui_test_run_app (argv, func, NULL);
  klynge_test_remove_tree (dir);
}

static void
test_archive_and_unarchive (void)
{
  run (archive_and_unarchive, FALSE);
}

static void
test_delete_and_undo (void)
{
  run (delete_and_undo, FALSE);
}

static void
test_redo_after_switch (void)
{
  run (redo_after_switch, FALSE);
}

static void
test_opens_in_use (void)
{
  run (opens_in_use, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clusters/archive-ui/archive-and-unarchive", test_archive_and_unarchive);
  g_test_add_func ("/clusters/archive-ui/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/clusters/archive-ui/redo-after-switch", test_redo_after_switch);
  g_test_add_func ("/clusters/archive-ui/opens-in-use", test_opens_in_use);

  return g_test_run ();
}
