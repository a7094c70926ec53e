/* test-help-overlay.c — the keyboard shortcuts window lists the keys that work
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <string.h>

#include "klynge-test-utils.h"
#include "klynge-ui-test-run.h"

static void
collect_accelerators (GtkWidget *widget,
                      GString   *out)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "title", &title, "accelerator", &accelerator, NULL);
      /* A shortcut named by an action the window binds itself (not through
       * the application's accels) showed an empty key box. */
      if (accelerator == NULL || *accelerator == '\0')
        g_error ("The shortcut “%s” shows no keys", title);
      g_string_append_printf (out, "%s\n", accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, out);
}

static void
check_overlay (KlyngeWindow *window,
               gpointer      user_data)
{
  GtkShortcutsWindow *overlay;
  g_autoptr(GString) keys = g_string_new ("\n");
  /* The keys the areas bind, which a facilitator or secretary looks up here. */
  static const char *const expected[] = {
    "<Control>n", "<Shift><Control>n", "<Control>o", "<Control>q", "<Alt>1", "<Alt>5",
    "<Control>f", "Delete", "<Control>s", "<Alt>Up <Alt>Down", "p e u l", "a d n i", "<Control>i", "F5", "Right space n", "Left BackSpace p", "h", "Escape", "<Control>Return",
    "<Control>w", "<Shift>F10", "Return F2", "Home End", "0...9", "g Tab", "b period", "w", "t",
  };

  /* Built when asked for, not at start-up. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  /* Ctrl+? as typed: Shift and the key under the question mark. Shown, so
   * a layout warning (fatal in the tests) is caught too. */
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_question, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  KLYNGE_UI_TEST_WAIT ((overlay = GTK_SHORTCUTS_WINDOW (klynge_ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW))) != NULL &&
                       gtk_widget_get_mapped (GTK_WIDGET (overlay)));
  g_assert_true (overlay == gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  klynge_ui_test_settle ();
  collect_accelerators (GTK_WIDGET (overlay), keys);
  /* One page per section: a second page hides groups behind a button few
   * notice, while the sections are named in the window's title menu. The
   * presentation's keys have a section of their own, so the first fits. */
  {
    GtkWidget *first = klynge_ui_test_find_widget (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_SECTION);
    guint n_sections = 0;

    for (GtkWidget *section = gtk_widget_get_first_child (gtk_widget_get_parent (first)); section != NULL;
         section = gtk_widget_get_next_sibling (section))
      {
        GtkWidget *pages;
        guint n = 0;

        /* The window's stack holds its search results too. */
        if (!GTK_IS_SHORTCUTS_SECTION (section))
          continue;
        pages = klynge_ui_test_find_widget (section, GTK_TYPE_STACK);
        for (GtkWidget *page = gtk_widget_get_first_child (pages); page != NULL; page = gtk_widget_get_next_sibling (page))
          n++;
        g_assert_cmpuint (n, ==, 1);
        n_sections++;
      }
    g_assert_cmpuint (n_sections, ==, 2);
  }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n%s\n", expected[i]);

      if (strstr (keys->str, line) == NULL)
        g_error ("The shortcuts window does not list %s", expected[i]);
    }
}

static void
test_overlay_lists_keys (void)
{
  klynge_ui_test_run_on_demo (check_overlay, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/help-overlay/lists-keys", test_overlay_lists_keys);

  return g_test_run ();
}
