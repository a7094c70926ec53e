/* test-backup-ui.c — read-only notice, restore from backup, damaged files
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "klynge-backup.h"
#include "klynge-restore-dialog.h"
#include "klynge-ui-test-run.h"

#define DEMO_MEMBERS 25

/* Backs the file up, then empties it of members. */
static void
back_up_then_change (const char *path)
{
  g_autoptr(KlyngeDb) db = klynge_test_open_db (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = klynge_backup_create (db, "test", &error);

  g_assert_no_error (error);
  g_assert_true (klynge_db_exec (db, "DELETE FROM member", &error));
  g_assert_no_error (error);
}

static gint64
shown_members (KlyngeWindow *window)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));

  g_assert_nonnull (db);
  return klynge_test_count (db, "SELECT count(*) FROM member", 0);
}

/* Picks the oldest backup in the open restore dialog and confirms. */
static void
restore_oldest (void)
{
  GtkWindow *dialog;
  GtkWidget *list;
  GtkSingleSelection *selection;

  KLYNGE_UI_TEST_WAIT ((dialog = klynge_ui_test_find_toplevel (KLYNGE_TYPE_RESTORE_DIALOG)) != NULL);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (dialog), "1 cluster · 25 members"));

  /* Nothing is chosen until the user chooses. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "restore"));

  list = klynge_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_VIEW);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  gtk_single_selection_set_selected (selection, g_list_model_get_n_items (G_LIST_MODEL (selection)) - 1);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "restore"));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  klynge_ui_test_settle ();
}

/* Whether the button for @action in @area can be pressed. */
static gboolean
can_press (KlyngeWindow *window,
           const char   *area,
           const char   *action)
{
  GtkWidget *button;

  klynge_window_show_area (window, area);
  klynge_ui_test_settle ();
  button = klynge_ui_test_find_actionable (GTK_WIDGET (window), action);
  if (button == NULL)
    g_error ("No button for %s in the %s area", action, area);
  return gtk_widget_is_sensitive (button);
}

static void
check_read_only (KlyngeWindow *window,
                 gpointer      user_data)
{
  GtkWidget *label = klynge_ui_test_find_named (GTK_WIDGET (window), "read-only-label");
  g_autofree char *label_text = NULL;

  g_assert_true (klynge_db_is_read_only (klynge_context_get_db (klynge_window_get_context (window))));
  g_assert_cmpint (shown_members (window), ==, DEMO_MEMBERS);

  /* The header bar says so for as long as the file is open, a toast
   * once, and why (read below). */
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  label_text = klynge_ui_test_collect_text (label);
  g_assert_nonnull (strstr (label_text, "Read-only"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (label), "marked read-only"));

  /* What would change the file cannot be pressed; what only reads can. */
  g_assert_true (can_press (window, "clusters", "clusters.copy-emails"));
  /* The cluster's details open to be read (test-read-only-ui checks they say so). */
  g_assert_true (can_press (window, "clusters", "clusters.edit-cluster"));
  g_assert_false (can_press (window, "meetings", "meetings.new"));
  g_assert_false (can_press (window, "data", "data.import"));
  g_assert_false (can_press (window, "finances", "finances.add-entry"));
  g_assert_true (can_press (window, "charts", "charts.present"));
  klynge_window_show_area (window, "clusters");
  klynge_ui_test_settle ();
  g_assert_false (gtk_widget_get_visible (klynge_ui_test_find_named (GTK_WIDGET (window), "add-button")));

  /* A file that cannot be written cannot be replaced by a backup either. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", NULL);
  klynge_ui_test_settle ();
  g_assert_null (klynge_ui_test_find_toplevel (KLYNGE_TYPE_RESTORE_DIALOG));

  /* The toast lives 10 s from the file's opening, and the window took
   * longer than that to settle on a busy machine: so it is read as
   * another read-only file opens, while the window still shows it. */
  klynge_window_open_path (window, user_data);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (window),
                                            "Opened read-only: The file “demo.sqlite” is marked read-only."));
}

/* chmod works for root too (CI runs as root): a file marked read-only is
 * opened read-only whoever the user is. */
static void
test_read_only_notice (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *other_dir = klynge_test_make_tmpdir ();
  g_autofree char *path = klynge_ui_test_make_demo (dir);
  g_autofree char *other = klynge_ui_test_make_demo (other_dir);
  const char *argv[] = { "klynge", path, NULL };

  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  g_assert_cmpint (g_chmod (other, 0400), ==, 0);
  klynge_ui_test_run_app (argv, check_read_only, other);
  klynge_test_remove_tree (dir);
  klynge_test_remove_tree (other_dir);
}

static void
check_backup_failed (KlyngeWindow *window,
                     gpointer      user_data)
{
  GtkWidget *banner = klynge_ui_test_find_named (GTK_WIDGET (window), "backup-banner");
  GtkWidget *close_button = klynge_ui_test_find_widget (banner, GTK_TYPE_BUTTON);
  g_autofree char *text = NULL;

  /* The file opens and can be worked on; the banner says what is missing
   * for as long as the user has not closed it, not for a toast's seconds
   * while the window fills. */
  g_assert_false (klynge_db_is_read_only (klynge_context_get_db (klynge_window_get_context (window))));
  g_assert_cmpint (shown_members (window), ==, DEMO_MEMBERS);
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (banner)));
  text = klynge_ui_test_collect_text (banner);
  g_assert_nonnull (strstr (text, "No backup could be made of the file as it was opened"));
  g_assert_nonnull (strstr (text, "demo.backups"));

  g_signal_emit_by_name (close_button, "clicked");
  KLYNGE_UI_TEST_WAIT (!gtk_info_bar_get_revealed (GTK_INFO_BAR (banner)));
}

/* A backup that cannot be made is told, not only written to a terminal
 * nobody reads (and under fatal warnings, not an abort). */
static void
test_backup_failure_told (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = klynge_ui_test_make_demo (dir);
  g_autofree char *backups = g_build_filename (dir, "demo.backups", NULL);
  const char *argv[] = { "klynge", path, NULL };

  g_assert_true (g_file_set_contents (backups, "", 0, NULL));
  klynge_ui_test_run_app (argv, check_backup_failed, NULL);
  klynge_test_remove_tree (dir);
}

static void
check_restore (KlyngeWindow *window,
               gpointer      user_data)
{
  GtkWidget *label = klynge_ui_test_find_named (GTK_WIDGET (window), "read-only-label");

  g_assert_false (gtk_widget_get_visible (label));
  g_assert_cmpint (shown_members (window), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", NULL);
  restore_oldest ();

  KLYNGE_UI_TEST_WAIT (klynge_context_get_db (klynge_window_get_context (window)) != NULL &&
                       shown_members (window) == DEMO_MEMBERS);
  /* Its backups were made: nothing warns of a missing one. */
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (klynge_ui_test_find_named (GTK_WIDGET (window), "backup-banner"))));

  /* The same buttons are there to press in a file that can be written. */
  g_assert_true (can_press (window, "clusters", "clusters.edit-cluster"));
  g_assert_true (can_press (window, "meetings", "meetings.new"));
  g_assert_true (can_press (window, "data", "data.import"));
  g_assert_true (can_press (window, "finances", "finances.add-entry"));
}

static void
test_restore_from_menu (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = klynge_ui_test_make_demo (dir);
  const char *argv[] = { "klynge", path, NULL };
  g_autoptr(GListModel) backups = NULL;

  back_up_then_change (path);
  klynge_ui_test_run_app (argv, check_restore, NULL);

  /* The one restored, the one made on opening, the state replaced, and the
   * one made on opening the restored file. */
  backups = klynge_backup_list (path);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 4);
  klynge_test_remove_tree (dir);
}

static void
check_damaged (KlyngeWindow *window,
               gpointer      user_data)
{
  AdwMessageDialog *error_dialog = ADW_MESSAGE_DIALOG (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_null (klynge_context_get_db (klynge_window_get_context (window)));
  g_assert_nonnull (error_dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (error_dialog), "damaged"));
  g_assert_true (adw_message_dialog_has_response (error_dialog, "restore"));

  adw_message_dialog_response (error_dialog, "restore");
  restore_oldest ();

  KLYNGE_UI_TEST_WAIT (klynge_context_get_db (klynge_window_get_context (window)) != NULL &&
                       shown_members (window) == DEMO_MEMBERS);
}

static void
test_damaged_offers_backups (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = klynge_ui_test_make_demo (dir);
  const char *argv[] = { "klynge", path, NULL };
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  char garbage[8192];

  back_up_then_change (path);
  memset (garbage, 0x5a, sizeof garbage);
  g_assert_true (g_file_set_contents (wal, "", 0, NULL));
  g_unlink (wal);
  {
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    g_assert_cmpuint (len, >, 3 * sizeof garbage);
    memcpy (contents + sizeof garbage, garbage, sizeof garbage);
    g_assert_true (g_file_set_contents (path, contents, len, NULL));
  }

  klynge_ui_test_run_app (argv, check_damaged, NULL);
  klynge_test_remove_tree (dir);
}

static void
check_missing (KlyngeWindow *window,
               gpointer      user_data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_null (klynge_context_get_db (klynge_window_get_context (window)));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), user_data));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be found"));
}

/* The last database's folder is gone (a USB stick not plugged in). */
static void
test_last_database_missing (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.klynge.Klynge");
  const char *path = "/nonexistent-klynge-stick/Cluster.sqlite";
  const char *argv[] = { "klynge", NULL };

  g_settings_set_string (settings, "last-database", path);
  klynge_ui_test_run_app (argv, check_missing, (gpointer)path);
  g_settings_set_string (settings, "last-database", "");
}

/* The file is on a network drive: the banner says so while it is open.
 * @user_data: who holds the file for writing elsewhere, or %NULL. */
static void
check_network_banner (KlyngeWindow *window,
                      gpointer      user_data)
{
  const char *holder = user_data;
  GtkWidget *banner = klynge_ui_test_find_named (GTK_WIDGET (window), "network-banner");
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));
  g_autofree char *text = NULL;

  g_assert_nonnull (banner);
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (banner)));
  text = klynge_ui_test_collect_text (banner);
  g_assert_nonnull (strstr (text, "network drive"));
  g_assert_nonnull (strstr (text, "one person at a time"));
  g_assert_cmpint (klynge_db_is_read_only (db), ==, holder != NULL);
  g_assert_cmpint (gtk_widget_get_visible (klynge_ui_test_find_named (GTK_WIDGET (window), "read-only-label")), ==,
                   holder != NULL);
  if (holder != NULL)
    g_assert_nonnull (strstr (text, holder));
  g_assert_cmpint (shown_members (window), ==, DEMO_MEMBERS);
}

static void
test_network_drive (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = klynge_ui_test_make_demo (dir);
  const char *argv[] = { "klynge", path, NULL };

  g_setenv ("KLYNGE_TEST_FS_TYPE", "FE534D42", TRUE);
  klynge_ui_test_run_app (argv, check_network_banner, NULL);
  g_unsetenv ("KLYNGE_TEST_FS_TYPE");
  klynge_test_remove_tree (dir);
}

/* Another computer has the file open for changes: it stands in as a
 * process holding the lock that Klynge takes there, as Klynge writes it. */
static void
test_network_drive_in_use (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = klynge_ui_test_make_demo (dir);
  g_autofree char *owner = g_strconcat (path, ".klynge-owner", NULL);
  const char *argv[] = { "klynge", path, NULL };
  g_autoptr(GSubprocess) other = NULL;
  g_autoptr(GDataInputStream) other_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ready = NULL;

  other = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            "/usr/bin/python3", "-c",
                            "import fcntl, os, sys\n"
                            "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)\n"
                            "fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
                            "os.write(fd, b'hanne\\nreception-pc\\n')\n"
                            "print('held', flush=True)\n"
                            "sys.stdin.read()\n",
                            owner, NULL);
  g_assert_no_error (error);
  other_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (other));
  ready = g_data_input_stream_read_line_utf8 (other_out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ready, ==, "held");

  g_setenv ("KLYNGE_TEST_FS_TYPE", "6969", TRUE);
  klynge_ui_test_run_app (argv, check_network_banner, (gpointer) "hanne on reception-pc");
  g_unsetenv ("KLYNGE_TEST_FS_TYPE");

  g_subprocess_force_exit (other);
  g_subprocess_wait (other, NULL, NULL);
  klynge_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/backup/read-only-notice", test_read_only_notice);
  g_test_add_func ("/ui/backup/backup-failure-told", test_backup_failure_told);
  g_test_add_func ("/ui/backup/restore-from-menu", test_restore_from_menu);
  g_test_add_func ("/ui/backup/damaged-offers-backups", test_damaged_offers_backups);
  g_test_add_func ("/ui/backup/last-database-missing", test_last_database_missing);
  g_test_add_func ("/ui/backup/network-drive", test_network_drive);
  g_test_add_func ("/ui/backup/network-drive-in-use", test_network_drive_in_use);

  return g_test_run ();
}
