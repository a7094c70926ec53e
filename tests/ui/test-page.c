/* test-page.c — when an area reloads
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every area reloads from the database when what it shows changes, once, and
 * only while it is on screen: opening a database must not cost five reloads
 * of five areas, twice.
 */

#include <adwaita.h>

#include "klynge-cluster.h"
#include "klynge-page.h"
#include "klynge-test-utils.h"
#include "klynge-ui-test-utils.h"

#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, KlyngePage)

struct _TestPage
{
  KlyngePage parent_instance;
  guint      reloads;
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, KLYNGE_TYPE_PAGE)

static void
test_page_reload (KlyngePage *page)
{
  TEST_PAGE (page)->reloads++;
}

static void
test_page_class_init (TestPageClass *klass)
{
  KLYNGE_PAGE_CLASS (klass)->reload = test_page_reload;
}

static void
test_page_init (TestPage *self)
{
}

static void
test_reload_once (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeContext) context = klynge_context_new ();
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  TestPage *page = g_object_new (TEST_TYPE_PAGE, NULL);
  gint64 second;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  klynge_page_set_context (KLYNGE_PAGE (page), context);
  gtk_window_present (GTK_WINDOW (window));
  KLYNGE_UI_TEST_WAIT (page->reloads == 1);

  klynge_context_set_db (context, db, 0);
  g_assert_cmpuint (page->reloads, ==, 2);

  second = klynge_cluster_create (db, "Second cluster", &error);
  g_assert_no_error (error);
  klynge_context_set_cluster_id (context, second);
  g_assert_cmpuint (page->reloads, ==, 3);
  klynge_context_set_cluster_id (context, second);
  g_assert_cmpuint (page->reloads, ==, 3);

  klynge_context_emit_changed (context);
  g_assert_cmpuint (page->reloads, ==, 4);

  /* Off screen, changes are only remembered; back on screen, one reload. */
  gtk_widget_set_visible (GTK_WIDGET (page), FALSE);
  klynge_context_emit_changed (context);
  klynge_context_set_db (context, NULL, 0);
  g_assert_cmpuint (page->reloads, ==, 4);
  gtk_widget_set_visible (GTK_WIDGET (page), TRUE);
  KLYNGE_UI_TEST_WAIT (page->reloads == 5);

  gtk_window_destroy (GTK_WINDOW (window));
  klynge_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/page/reload-once", test_reload_once);

  return g_test_run ();
}
