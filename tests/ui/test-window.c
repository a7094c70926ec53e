/* test-window.c — the main window on a real database
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <string.h>

#include "klynge-test-utils.h"
#include "klynge-ui-test-run.h"

/* What each area must show of the demo cluster. */
static const struct {
  const char *area;
  const char *expected;
} area_content[] = {
  { "clusters", "Aarhus Midt Quality Cluster" },
  { "meetings", "Type 2 diabetes: follow-up of our PDSA plans" },
  { "data",     "162" },
  { "charts",   "HbA1c measured in last 12 months" },
  { "finances", "32" },
};

/* The areas whose page is built, by name, comma-separated in the
 * switcher's order. */
static char *
built_areas (KlyngeWindow *window)
{
  GtkWidget *stack = klynge_ui_test_find_named (GTK_WIDGET (window), "main-stack");
  AdwViewStack *areas_stack = ADW_VIEW_STACK (klynge_ui_test_find_widget (stack, ADW_TYPE_VIEW_STACK));
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (areas_stack);
  GString *built = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      if (ADW_IS_BIN (child) && adw_bin_get_child (ADW_BIN (child)) != NULL)
        g_string_append_printf (built, "%s%s", built->len > 0 ? "," : "", adw_view_stack_page_get_name (page));
    }
  return g_string_free (built, FALSE);
}

static void
check_areas (KlyngeWindow *window,
             gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  g_autofree char *built_first = NULL;
  g_autofree char *built_last = NULL;

  g_assert_nonnull (klynge_context_get_db (context));
  g_assert_cmpstr (klynge_db_get_path (klynge_context_get_db (context)), ==, user_data);

  /* Start-up builds only the area it shows: the others cost nothing until
   * they are first shown. */
  built_first = built_areas (window);
  g_assert_cmpstr (built_first, ==, klynge_window_get_area (window));

  for (guint i = 0; i < G_N_ELEMENTS (area_content); i++)
    {
      g_autofree char *text = NULL;

      klynge_window_show_area (window, area_content[i].area);
      klynge_ui_test_settle ();
      g_assert_cmpstr (klynge_window_get_area (window), ==, area_content[i].area);

      text = klynge_ui_test_collect_text (GTK_WIDGET (window));
      if (strstr (text, area_content[i].expected) == NULL)
        g_error ("Area “%s” does not show “%s”; it shows:\n%s",
                 area_content[i].area, area_content[i].expected, text);
    }

  built_last = built_areas (window);
  g_assert_cmpstr (built_last, ==, "clusters,meetings,data,charts,finances");

  /* The area switcher answers the keyboard too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "meetings");
  g_assert_cmpstr (klynge_window_get_area (window), ==, "meetings");
}

static void
test_areas_show_content (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = klynge_ui_test_make_demo (dir);
  const char *argv[] = { "klynge", path, NULL };

  klynge_ui_test_run_app (argv, check_areas, path);
  klynge_test_remove_tree (dir);
}

static void
check_reopened (KlyngeWindow *window,
                gpointer      user_data)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));

  g_assert_nonnull (db);
  g_assert_cmpstr (klynge_db_get_path (db), ==, user_data);
}

static void
check_area (KlyngeWindow *window,
            gpointer      user_data)
{
  g_assert_cmpstr (klynge_window_get_area (window), ==, user_data);
}

/* A facilitator starts Klynge on the charts of the file she was sent. */
static void
test_start_on_area (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = klynge_ui_test_make_demo (dir);
  const char *argv[] = { "klynge", path, "--area", "charts", NULL };

  klynge_ui_test_run_app (argv, check_area, (gpointer) "charts");
  klynge_test_remove_tree (dir);
}

static void
check_welcome (KlyngeWindow *window,
               gpointer      user_data)
{
  g_autofree char *text = klynge_ui_test_collect_text (GTK_WIDGET (window));

  g_assert_null (klynge_context_get_db (klynge_window_get_context (window)));
  g_assert_nonnull (strstr (text, "Welcome to Klynge"));
  g_assert_nonnull (klynge_ui_test_find_button (GTK_WIDGET (window), "_Create a New Cluster"));
  g_assert_nonnull (klynge_ui_test_find_button (GTK_WIDGET (window), "_Explore the Demo Cluster"));
}

static void
test_first_run_then_reopen (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = klynge_ui_test_make_demo (dir);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.klynge.Klynge");
  const char *plain[] = { "klynge", NULL };
  const char *with_file[] = { "klynge", path, NULL };

  g_settings_set_string (settings, "last-database", "");
  klynge_ui_test_run_app (plain, check_welcome, NULL);

  /* Opening a file remembers it; the next start opens it again. */
  klynge_ui_test_run_app (with_file, check_reopened, path);
  g_assert_cmpstr (g_settings_get_string (settings, "last-database"), ==, path);
  klynge_ui_test_run_app (plain, check_reopened, path);

  klynge_test_remove_tree (dir);
}

static void
check_demo (KlyngeWindow *window,
            gpointer      user_data)
{
  KlyngeDb *db;
  g_autofree char *text = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL);
  KLYNGE_UI_TEST_WAIT ((db = klynge_context_get_db (klynge_window_get_context (window))) != NULL &&
                       g_str_has_suffix (klynge_db_get_path (db), "demo.sqlite"));

  klynge_window_show_area (window, "clusters");
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (window), "Aarhus Midt Quality Cluster"));
}

static void
test_open_demo (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.klynge.Klynge");
  const char *plain[] = { "klynge", NULL };

  g_settings_set_string (settings, "last-database", "");
  klynge_ui_test_run_app (plain, check_demo, NULL);
  klynge_test_remove_tree (dir);
}

/* About Klynge, chosen in the main menu, shows Klynge's icon, which an
 * uninstalled Klynge (as under test) has only in its resources. */
static void
check_about (KlyngeWindow *window,
             gpointer      user_data)
{
  GtkIconTheme *icons = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  GtkMenuButton *button = GTK_MENU_BUTTON (klynge_ui_test_find_named (GTK_WIDGET (window), "primary-menu"));
  GtkWidget *menu = NULL, *item;
  GtkWindow *about = NULL;

  g_assert_true (gtk_menu_button_get_primary (button));
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_F10, 0);
  KLYNGE_UI_TEST_WAIT ((menu = GTK_WIDGET (gtk_menu_button_get_popover (button))) != NULL &&
                       gtk_widget_get_mapped (menu));
  item = klynge_ui_test_find_menu_item (menu, "About Klynge");
  g_assert_nonnull (item);
  g_signal_emit_by_name (item, "clicked");
  KLYNGE_UI_TEST_WAIT ((about = klynge_ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW)) != NULL);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, "io.github.klynge.Klynge");
  g_assert_true (gtk_icon_theme_has_icon (icons, "io.github.klynge.Klynge"));
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_width (GTK_WIDGET (about)) > 0);
  klynge_ui_test_screenshot (GTK_WIDGET (about), "about.png");
  gtk_window_close (about);
}

static void
test_about (void)
{
  klynge_ui_test_run_on_demo (check_about, NULL);
}

static const char *
shown_path (KlyngeWindow *window)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));

  return db != NULL ? klynge_db_get_path (db) : NULL;
}

static void
check_opens_in_background (KlyngeWindow *window,
                           gpointer      user_data)
{
  const char * const *paths = user_data;
  GtkStack *main_stack = GTK_STACK (klynge_ui_test_find_named (GTK_WIDGET (window), "main-stack"));
  GtkWidget *spinner = klynge_ui_test_find_named (GTK_WIDGET (window), "opening-spinner");
  g_autofree char *text = NULL;

  g_assert_cmpstr (shown_path (window), ==, paths[0]);

  /* The check and backup run in a worker: the call returns at once, the
   * file shown stays shown and usable, and the header bar says why. */
  klynge_window_open_path (window, paths[1]);
  g_assert_true (klynge_window_is_opening (window));
  g_assert_cmpstr (shown_path (window), ==, paths[0]);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "content");
  g_assert_true (gtk_widget_get_visible (spinner));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (spinner), "Opening"));

  KLYNGE_UI_TEST_WAIT (!klynge_window_is_opening (window));
  KLYNGE_UI_TEST_WAIT (!gtk_widget_get_visible (spinner));
  g_assert_cmpstr (shown_path (window), ==, paths[1]);

  /* With nothing to show meanwhile, the window says what it is doing. */
  klynge_context_set_db (klynge_window_get_context (window), NULL, 0);
  klynge_window_open_path (window, paths[0]);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "opening");
  text = klynge_ui_test_collect_text (gtk_stack_get_visible_child (main_stack));
  g_assert_nonnull (strstr (text, "Opening the Database"));
  g_assert_nonnull (strstr (text, "demo.sqlite"));

  KLYNGE_UI_TEST_WAIT (g_strcmp0 (gtk_stack_get_visible_child_name (main_stack), "content") == 0);
  g_assert_cmpstr (shown_path (window), ==, paths[0]);
}

static void
test_opens_in_background (void)
{
  g_autofree char *dir1 = klynge_test_make_tmpdir ();
  g_autofree char *dir2 = klynge_test_make_tmpdir ();
  g_autofree char *first = klynge_ui_test_make_demo (dir1);
  g_autofree char *second = klynge_ui_test_make_demo (dir2);
  const char *paths[] = { first, second };
  const char *argv[] = { "klynge", first, NULL };

  klynge_ui_test_run_app (argv, check_opens_in_background, paths);
  klynge_test_remove_tree (dir1);
  klynge_test_remove_tree (dir2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/window/areas-show-content", test_areas_show_content);
  g_test_add_func ("/ui/window/first-run-then-reopen", test_first_run_then_reopen);
  g_test_add_func ("/ui/window/open-demo", test_open_demo);
  g_test_add_func ("/ui/window/start-on-area", test_start_on_area);
  g_test_add_func ("/ui/window/opens-in-background", test_opens_in_background);
  g_test_add_func ("/ui/window/about", test_about);
  return g_test_run ();
}
