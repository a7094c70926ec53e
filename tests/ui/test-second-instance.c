/* test-second-instance.c — starting Klynge again reaches the running one
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The running instance is this test process, registered on the test's own
 * session bus; the second instance is the real klynge binary.
 */

#include <adwaita.h>
#include <glib/gstdio.h>

#include "klynge-test-utils.h"
#include "klynge-ui-test-utils.h"

static char *
make_demo_file (const char *dir,
                const char *name)
{
  g_autofree char *subdir = g_build_filename (dir, name, NULL);
  g_autoptr(KlyngeDb) db = NULL;

  g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
  db = klynge_test_open_demo (subdir, NULL);
  return g_strdup (klynge_db_get_path (db));
}

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

/* Runs the klynge binary while this instance keeps serving its bus calls. */
static void
run_second_instance (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  const char *app = g_getenv ("KLYNGE_APP");
  gboolean done = FALSE;

  g_assert_nonnull (app);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, app, path, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, wait_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  /* It hands over and quits instead of opening a window of its own. */
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  klynge_ui_test_settle ();
}

static guint
count_main_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      n += KLYNGE_IS_WINDOW (window);
    }
  return n;
}

static void
check_second_instance (KlyngeWindow *window,
                       gpointer      user_data)
{
  const char *other = user_data;
  KlyngeContext *context = klynge_window_get_context (window);

  /* A file given to the second instance opens in the running window. */
  run_second_instance (other);
  g_assert_cmpuint (count_main_windows (), ==, 1);
  g_assert_cmpstr (klynge_db_get_path (klynge_context_get_db (context)), ==, other);

  /* Started plainly, it raises the running window and changes nothing. */
  run_second_instance (NULL);
  g_assert_cmpuint (count_main_windows (), ==, 1);
  g_assert_cmpstr (klynge_db_get_path (klynge_context_get_db (context)), ==, other);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
}

static void
test_second_instance (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *first = make_demo_file (dir, "first");
  g_autofree char *second = make_demo_file (dir, "second");
  const char *argv[] = { "klynge", first, NULL };

  klynge_ui_test_run_unique_app (argv, check_second_instance, second);
  klynge_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/second-instance/reaches-running-window", test_second_instance);
  return g_test_run ();
}
