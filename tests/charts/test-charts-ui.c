/* test-charts-ui.c — the Charts area and the presentation on the real window
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With KLYNGE_SCREENSHOT_DIR set, the test also saves what it shows as PNG
 * files there, for a person to look at (light, dark, Danish: set the
 * environment as for the app).
 */

#include <adwaita.h>
#include <string.h>

#include "klynge-chart-export.h"
#include "klynge-chart-export-dialog.h"
#include "klynge-chart-table.h"
#include "klynge-chart-view.h"
#include "klynge-charts-page.h"
#include "klynge-context.h"
#include "klynge-presentation.h"
#include "klynge-test-utils.h"
#include "klynge-ui-test-run.h"

static KlyngePresentation *
find_presentation (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KLYNGE_IS_PRESENTATION (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return KLYNGE_PRESENTATION (window);
    }
  return NULL;
}

typedef gboolean (*Condition) (KlyngePresentation *presentation,
                               gconstpointer       data);

/* Spins the main loop until @condition holds; fails after ten seconds. */
static void
wait_for (KlyngePresentation *presentation,
          Condition           condition,
          gconstpointer       data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (!condition (presentation, data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (condition (presentation, data));
}

static gboolean
on_slide (KlyngePresentation *presentation,
          gconstpointer       data)
{
  /* Escape may close the window: then no presentation is left. */
  if (GPOINTER_TO_UINT (data) == G_MAXUINT)
    return find_presentation () == NULL;
  return klynge_presentation_get_slide (presentation) == GPOINTER_TO_UINT (data);
}

/* Presses @keyval as the clicker does and waits for slide @slide (counted
 * from 0), or for the presentation to close when @slide is G_MAXUINT. */
static void
press (KlyngePresentation *presentation,
       guint               keyval,
       guint               slide)
{
  klynge_ui_test_press_key (GTK_WINDOW (presentation), keyval, 0);
  wait_for (presentation, on_slide, GUINT_TO_POINTER (slide));
  klynge_ui_test_settle ();
}

static void
charts_area (KlyngeWindow *window,
             gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  KlyngeDb *db = klynge_context_get_db (context);
  GtkWidget *page, *view;
  const KlyngeChartData *data;
  KlyngePresentation *presentation;
  g_autofree char *sql = NULL;
  guint n_before;
  int min_width;
  GtkDropDown *period_picker;
  g_autofree char *period = NULL;

  page = klynge_ui_test_show_page (window, "charts", KLYNGE_TYPE_CHARTS_PAGE);
  view = klynge_ui_test_find_widget (page, KLYNGE_TYPE_CHART_VIEW);
  g_assert_nonnull (view);

  /* The latest period of the first indicator, every clinic as a letter. */
  KLYNGE_UI_TEST_WAIT ((data = klynge_chart_view_get_data (KLYNGE_CHART_VIEW (view))) != NULL);
  klynge_ui_test_settle ();
  g_assert_cmpstr (data->period, ==, "2026-Q1");
  g_assert_cmpuint (data->rows->len, ==, 9);
  for (guint i = 0; i < data->rows->len; i++)
    g_assert_cmpuint (strlen (((KlyngeChartRow *) g_ptr_array_index (data->rows, i))->label), ==, 1);
  g_assert_cmpint (gtk_widget_get_width (view), >, 400);
  klynge_ui_test_screenshot (GTK_WIDGET (window), "charts-area.png");

  /* The chart types offered are the core's kinds in its order, and the
   * last, Laney's P′ chart, draws from the same data. */
  {
    GtkDropDown *kind_picker = GTK_DROP_DOWN (klynge_ui_test_find_named (page, "kind"));
    GListModel *kinds = gtk_drop_down_get_model (kind_picker);

    g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, KLYNGE_CHART_N_KINDS);
    for (guint k = 0; k < KLYNGE_CHART_N_KINDS; k++)
      g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (kinds), k), ==, klynge_chart_kind_label (k));
    gtk_drop_down_set_selected (kind_picker, KLYNGE_CHART_P_CHART);
    klynge_ui_test_settle ();
    klynge_ui_test_screenshot (GTK_WIDGET (window), "charts-p-chart.png");
    data = klynge_chart_view_get_data (KLYNGE_CHART_VIEW (view));
    g_assert_cmpstr (data->period, ==, "2026-Q1");
    gtk_drop_down_set_selected (kind_picker, KLYNGE_CHART_FUNNEL);
    klynge_ui_test_settle ();
  }

  /* The limits menu: chance alone, then back to widening when needed. */
  {
    g_autofree char *limits = NULL;

    g_assert_true (gtk_widget_activate_action (page, "charts.limits", "s", "chance"));
    g_object_get (page, "limits", &limits, NULL);
    g_assert_cmpstr (limits, ==, "chance");
    g_assert_true (gtk_widget_activate_action (page, "charts.limits", "s", "auto"));
    klynge_ui_test_settle ();
    data = klynge_chart_view_get_data (KLYNGE_CHART_VIEW (view));
  }

  /* A long indicator name or meeting title must not make the page wider
   * than a laptop's half screen: the pickers ellipsize what they show. */
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 700);

  /* A live import: a new clinic's numbers show without touching the page. */
  n_before = data->rows->len;
  sql = g_strdup_printf ("INSERT INTO clinic (cluster_id, name) SELECT cluster_id, 'Nyklinikken' FROM clinic LIMIT 1;"
                         "INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator) "
                         "VALUES (%" G_GINT64_FORMAT ", last_insert_rowid(), '2026-Q1', 10, 200);", data->indicator_id);
  g_assert_true (klynge_db_exec (db, sql, NULL));
  klynge_context_emit_changed (context);
  KLYNGE_UI_TEST_WAIT ((data = klynge_chart_view_get_data (KLYNGE_CHART_VIEW (view))) != NULL &&
                       data->rows->len == n_before + 1);

  /* An earlier period chosen on the page… */
  period_picker = GTK_DROP_DOWN (klynge_ui_test_find_named (page, "period"));
  gtk_drop_down_set_selected (period_picker, 0);
  KLYNGE_UI_TEST_WAIT ((data = klynge_chart_view_get_data (KLYNGE_CHART_VIEW (view))) != NULL &&
                       g_strcmp0 (data->period, "2026-Q1") != 0);
  period = g_strdup (data->period);

  /* Presentation: fullscreen slides stepped with the clicker's keys; F5
   * starts it even with the focus on the header bar, on the page's chart
   * (the funnel, second in the deck) and period. */
  g_assert_true (klynge_ui_test_activate_shortcut (page, "F5"));
  KLYNGE_UI_TEST_WAIT ((presentation = find_presentation ()) != NULL);
  g_assert_cmpuint (klynge_presentation_get_n_slides (presentation), >=, 3);
  g_assert_cmpuint (klynge_presentation_get_slide (presentation), ==, 1);
  data = klynge_chart_view_get_data (KLYNGE_CHART_VIEW (klynge_ui_test_find_widget (GTK_WIDGET (presentation), KLYNGE_TYPE_CHART_VIEW)));
  g_assert_cmpstr (data->period, ==, period);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (presentation)));
  press (presentation, GDK_KEY_Left, 0);
  press (presentation, GDK_KEY_Right, 1);
  klynge_ui_test_settle ();
  klynge_ui_test_screenshot (GTK_WIDGET (presentation), "presentation.png");
  press (presentation, GDK_KEY_Escape, G_MAXUINT);
}

static void
test_charts_area (void)
{
  klynge_ui_test_run_on_demo (charts_area, NULL);
}

static gboolean
is_blank (KlyngePresentation *presentation,
          gconstpointer       data)
{
  return klynge_presentation_is_blank (presentation) == GPOINTER_TO_INT (data);
}

static gboolean
has_theme (KlyngePresentation *presentation,
           gconstpointer       data)
{
  return klynge_presentation_get_theme (presentation) == (KlyngeChartTheme) GPOINTER_TO_INT (data);
}

static gboolean
overview_shown (KlyngePresentation *presentation,
                gconstpointer       data)
{
  return gtk_widget_get_mapped (klynge_ui_test_find_named (GTK_WIDGET (presentation), "overview")) == GPOINTER_TO_INT (data);
}

static gboolean
pointer_hidden (KlyngePresentation *presentation,
                gconstpointer       data)
{
  GdkCursor *cursor = gtk_widget_get_cursor (GTK_WIDGET (presentation));
  GtkWidget *view = klynge_ui_test_find_widget (GTK_WIDGET (presentation), KLYNGE_TYPE_CHART_VIEW);

  return cursor != NULL && g_strcmp0 (gdk_cursor_get_name (cursor), "none") == 0 && !gtk_widget_get_has_tooltip (view);
}

static const char *
position_text (KlyngePresentation *presentation)
{
  return gtk_label_get_text (GTK_LABEL (klynge_ui_test_find_named (GTK_WIDGET (presentation), "position")));
}

static void
press_for (KlyngePresentation *presentation,
           guint               keyval,
           Condition           condition,
           int                 value)
{
  klynge_ui_test_press_key (GTK_WINDOW (presentation), keyval, 0);
  wait_for (presentation, condition, GINT_TO_POINTER (value));
  klynge_ui_test_settle ();
}

static void
screenshot_theme (KlyngePresentation *presentation,
                  const char         *name)
{
  klynge_ui_test_settle ();
  klynge_ui_test_screenshot (GTK_WIDGET (presentation), name);
}

/* The presentation's slide @index, drawn as it is on the screen, and the
 * same slide written by `export slides` are the same PNG. */
static void
same_as_exported (KlyngeWindow       *window,
                  KlyngePresentation *presentation,
                  KlyngeChartView    *view,
                  guint               index)
{
  KlyngeContext *context = klynge_window_get_context (window);
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *shown = g_build_filename (dir, "shown.png", NULL);
  g_autofree char *prefix = g_strdup_printf ("%02u-", index + 1);
  g_autofree char *exported = NULL, *a = NULL, *b = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) folder = NULL;
  const char *name;
  gsize la, lb;
  guint n;

  g_assert_cmpint (klynge_presentation_get_meeting_id (presentation), !=, 0);
  g_assert_true (klynge_chart_export_file (klynge_chart_view_get_data (view), klynge_chart_view_get_options (view),
                                           shown, 960, 540, &error));
  g_assert_no_error (error);
  g_assert_true (klynge_chart_export_slides (klynge_context_get_db (context), klynge_context_get_cluster_id (context),
                                             klynge_presentation_get_meeting_id (presentation), klynge_chart_view_get_options (view),
                                             0, KLYNGE_SLIDE_PNG, 960, 540, dir, &n, &error));
  g_assert_no_error (error);
  folder = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, prefix))
      exported = g_build_filename (dir, name, NULL);
  g_assert_nonnull (exported);
  g_assert_true (g_str_has_suffix (exported, "before-after.png"));
  g_assert_true (g_file_get_contents (shown, &a, &la, NULL));
  g_assert_true (g_file_get_contents (exported, &b, &lb, NULL));
  g_assert_true (la == lb && memcmp (a, b, la) == 0);
}

/* Every key a presenter's clicker or a facilitator's keyboard sends, as real
 * key presses on the X server. */
static void
presentation_keys (KlyngeWindow *window,
                   gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "charts", KLYNGE_TYPE_CHARTS_PAGE);
  GtkDropDown *meeting_picker = GTK_DROP_DOWN (klynge_ui_test_find_widget (page, GTK_TYPE_DROP_DOWN));
  KlyngePresentation *presentation;
  guint n, start;
  g_autofree char *total = NULL;

  /* The latest meeting: three indicators, ten slides or more. */
  gtk_drop_down_set_selected (meeting_picker, 1);
  klynge_ui_test_settle ();
  g_assert_true (klynge_ui_test_activate_shortcut (page, "F5"));
  KLYNGE_UI_TEST_WAIT ((presentation = find_presentation ()) != NULL);
  n = klynge_presentation_get_n_slides (presentation);
  g_assert_cmpuint (n, >=, 10);
  start = klynge_presentation_get_slide (presentation);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (presentation)));

  /* The slide number and the total, on the slide. */
  total = g_strdup_printf ("%u / %u", start + 1, n);
  g_assert_cmpstr (position_text (presentation), ==, total);

  /* A follow-up meeting's before and after is drawn as `export slides`
   * writes it: the same data, the same picture. */
  press (presentation, GDK_KEY_Home, 0);
  for (guint i = 0; i < n; i++)
    {
      KlyngeChartView *view = KLYNGE_CHART_VIEW (klynge_ui_test_find_widget (GTK_WIDGET (presentation), KLYNGE_TYPE_CHART_VIEW));

      if (klynge_chart_view_get_options (view)->kind == KLYNGE_CHART_BEFORE_AFTER)
        {
          same_as_exported (window, presentation, view, i);
          break;
        }
      g_assert_cmpuint (i + 1, <, n);
      press (presentation, GDK_KEY_Right, i + 1);
    }

  press (presentation, GDK_KEY_Home, 0);
  press (presentation, GDK_KEY_Right, 1);
  press (presentation, GDK_KEY_Down, 2);
  press (presentation, GDK_KEY_space, 3);
  press (presentation, GDK_KEY_Page_Down, 4);
  press (presentation, GDK_KEY_Return, 5);
  press (presentation, GDK_KEY_Left, 4);
  press (presentation, GDK_KEY_Up, 3);
  press (presentation, GDK_KEY_BackSpace, 2);
  press (presentation, GDK_KEY_Page_Up, 1);
  press (presentation, GDK_KEY_End, n - 1);
  g_assert_cmpstr (position_text (presentation), ==, g_strdup_printf ("%u / %u", n, n));
  /* Past the last slide nothing moves. */
  press (presentation, GDK_KEY_Right, n - 1);

  /* A number and Enter jump to that slide. */
  klynge_ui_test_press_key (GTK_WINDOW (presentation), GDK_KEY_1, 0);
  press (presentation, GDK_KEY_0, n - 1);
  g_assert_cmpstr (position_text (presentation), ==, "Go to slide 10");
  press (presentation, GDK_KEY_Return, 9);
  g_assert_cmpstr (position_text (presentation), ==, g_strdup_printf ("10 / %u", n));

  /* Black and white screens; the next key brings the slide back, unmoved. */
  press_for (presentation, GDK_KEY_b, is_blank, TRUE);
  press_for (presentation, GDK_KEY_b, is_blank, FALSE);
  press_for (presentation, GDK_KEY_period, is_blank, TRUE);
  press_for (presentation, GDK_KEY_Right, is_blank, FALSE);
  g_assert_cmpuint (klynge_presentation_get_slide (presentation), ==, 9);
  press_for (presentation, GDK_KEY_w, is_blank, TRUE);
  screenshot_theme (presentation, "presentation-white.png");
  press_for (presentation, GDK_KEY_Escape, is_blank, FALSE);
  g_assert_nonnull (find_presentation ());

  /* The overview: the arrows and Enter pick a slide; Escape goes back. */
  press_for (presentation, GDK_KEY_g, overview_shown, TRUE);
  screenshot_theme (presentation, "presentation-overview.png");
  klynge_ui_test_press_key (GTK_WINDOW (presentation), GDK_KEY_Left, 0);
  klynge_ui_test_settle ();
  press_for (presentation, GDK_KEY_Return, overview_shown, FALSE);
  g_assert_cmpuint (klynge_presentation_get_slide (presentation), ==, 8);
  press_for (presentation, GDK_KEY_Tab, overview_shown, TRUE);
  press_for (presentation, GDK_KEY_Escape, overview_shown, FALSE);
  g_assert_cmpuint (klynge_presentation_get_slide (presentation), ==, 8);

  /* Dark, light for a bright room, high contrast. */
  g_assert_cmpint (klynge_presentation_get_theme (presentation), ==, KLYNGE_CHART_THEME_DARK);
  screenshot_theme (presentation, "presentation-dark.png");
  press_for (presentation, GDK_KEY_t, has_theme, KLYNGE_CHART_THEME_LIGHT);
  screenshot_theme (presentation, "presentation-light.png");
  press_for (presentation, GDK_KEY_t, has_theme, KLYNGE_CHART_THEME_HIGH_CONTRAST);
  screenshot_theme (presentation, "presentation-high-contrast.png");
  press_for (presentation, GDK_KEY_t, has_theme, KLYNGE_CHART_THEME_DARK);
  press_for (presentation, GDK_KEY_h, has_theme, KLYNGE_CHART_THEME_HIGH_CONTRAST);
  press_for (presentation, GDK_KEY_h, has_theme, KLYNGE_CHART_THEME_DARK);

  /* No pointer and no tooltip once the pointer rests. */
  wait_for (presentation, pointer_hidden, NULL);

  press (presentation, GDK_KEY_Escape, G_MAXUINT);
}

static void
test_presentation_keys (void)
{
  klynge_ui_test_run_on_demo (presentation_keys, NULL);
}

/* The system's high-contrast setting chooses the high-contrast slides. */
static void
presentation_high_contrast (KlyngeWindow *window,
                            gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "charts", KLYNGE_TYPE_CHARTS_PAGE);
  g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  KlyngePresentation *presentation;

  g_assert_true (klynge_ui_test_activate_shortcut (page, "F5"));
  KLYNGE_UI_TEST_WAIT ((presentation = find_presentation ()) != NULL);
  g_assert_cmpint (klynge_presentation_get_theme (presentation), ==, KLYNGE_CHART_THEME_DARK);
  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  wait_for (presentation, has_theme, GINT_TO_POINTER (KLYNGE_CHART_THEME_HIGH_CONTRAST));
  g_settings_set_boolean (a11y, "high-contrast", FALSE);
  wait_for (presentation, has_theme, GINT_TO_POINTER (KLYNGE_CHART_THEME_DARK));
  gtk_window_close (GTK_WINDOW (presentation));
  KLYNGE_UI_TEST_WAIT (find_presentation () == NULL);
}

static void
test_presentation_high_contrast (void)
{
  klynge_ui_test_run_on_demo (presentation_high_contrast, NULL);
}

/* Presses @keyval in @window and waits until the view reached another clinic. */
static int
step (KlyngeWindow *window,
      GtkWidget    *view,
      guint         keyval)
{
  int before = klynge_chart_view_get_current (KLYNGE_CHART_VIEW (view));

  klynge_ui_test_press_key (GTK_WINDOW (window), keyval, 0);
  KLYNGE_UI_TEST_WAIT (klynge_chart_view_get_current (KLYNGE_CHART_VIEW (view)) != before);
  return klynge_chart_view_get_current (KLYNGE_CHART_VIEW (view));
}

/* The chart without a mouse: Tab reaches it, the arrow keys visit every
 * clinic, and Show as Table lists the same numbers, copied with Ctrl+C. */
static void
chart_keyboard (KlyngeWindow *window,
                gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "charts", KLYNGE_TYPE_CHARTS_PAGE);
  GtkWidget *view = klynge_ui_test_find_widget (page, KLYNGE_TYPE_CHART_VIEW);
  GtkWidget *table = klynge_ui_test_find_widget (page, KLYNGE_TYPE_CHART_TABLE);
  GtkWidget *toggle = klynge_ui_test_find_named (page, "show-table");
  const KlyngeChartData *data;
  g_autoptr(GHashTable) visited = g_hash_table_new (NULL, NULL);
  g_autofree char *copied = NULL, *expected = NULL, *header = NULL;
  g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  GListModel *rows;
  int first;

  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (view) && klynge_chart_view_get_data (KLYNGE_CHART_VIEW (view)) != NULL);
  /* The page shown the first time finishes loading before keys reach it. */
  klynge_ui_test_settle ();
  data = klynge_chart_view_get_data (KLYNGE_CHART_VIEW (view));
  g_assert_true (gtk_widget_get_focusable (view));
  gtk_widget_grab_focus (view);
  KLYNGE_UI_TEST_WAIT (gtk_widget_has_focus (view));
  g_assert_cmpint (klynge_chart_view_get_current (KLYNGE_CHART_VIEW (view)), ==, -1);

  /* Right from nothing reaches the first clinic; on to the last, every one once. */
  first = step (window, view, GDK_KEY_Right);
  g_hash_table_add (visited, GINT_TO_POINTER (first));
  for (guint i = 1; i < data->rows->len; i++)
    g_hash_table_add (visited, GINT_TO_POINTER (step (window, view, GDK_KEY_Right)));
  g_assert_cmpuint (g_hash_table_size (visited), ==, data->rows->len);
  g_assert_cmpint (step (window, view, GDK_KEY_Home), ==, first);
  g_assert_cmpint (step (window, view, GDK_KEY_Down), !=, first);
  g_assert_cmpint (step (window, view, GDK_KEY_Up), ==, first);
  klynge_ui_test_screenshot (GTK_WIDGET (window), "charts-keyboard.png");

  /* The system's high contrast reaches the chart on the page. */
  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  KLYNGE_UI_TEST_WAIT (klynge_chart_view_get_theme (KLYNGE_CHART_VIEW (view)) == KLYNGE_CHART_THEME_HIGH_CONTRAST);
  g_settings_set_boolean (a11y, "high-contrast", FALSE);
  KLYNGE_UI_TEST_WAIT (klynge_chart_view_get_theme (KLYNGE_CHART_VIEW (view)) == KLYNGE_CHART_THEME_LIGHT);

  /* Show as Table: a row per clinic with the chart's counts. */
  g_assert_false (gtk_widget_get_mapped (table));
  g_signal_emit_by_name (toggle, "clicked");
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (table));
  g_assert_false (gtk_widget_get_mapped (view));
  data = klynge_chart_view_get_data (KLYNGE_CHART_VIEW (view));
  rows = klynge_chart_table_get_rows (KLYNGE_CHART_TABLE (table));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, data->rows->len);
  for (guint i = 0; i < data->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);
      g_autoptr(GtkStringObject) item = g_list_model_get_item (rows, i);
      g_auto(GStrv) fields = g_strsplit (gtk_string_object_get_string (item), "\t", -1);
      g_autofree char *numerator = g_strdup_printf ("%" G_GINT64_FORMAT, row->numerator);
      g_autofree char *denominator = g_strdup_printf ("%" G_GINT64_FORMAT, row->denominator);

      g_assert_cmpuint (g_strv_length (fields), ==, 6);
      g_assert_cmpstr (fields[0], ==, row->label);
      g_assert_cmpstr (fields[1], ==, numerator);
      g_assert_cmpstr (fields[2], ==, denominator);
      g_assert_cmpstr (fields[4], !=, "");
      g_assert_cmpstr (fields[5], !=, "");
    }
  klynge_ui_test_screenshot (GTK_WIDGET (window), "charts-table.png");

  /* Ctrl+C in the table: the column titles, then the rows, tab-separated. */
  gtk_widget_grab_focus (klynge_ui_test_find_widget (table, GTK_TYPE_COLUMN_VIEW));
  KLYNGE_UI_TEST_WAIT (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), table));
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_c, GDK_CONTROL_MASK);
  expected = klynge_chart_table_copy_text (KLYNGE_CHART_TABLE (table));
  KLYNGE_UI_TEST_WAIT (gdk_clipboard_is_local (gtk_widget_get_clipboard (table)));
  copied = klynge_ui_test_clipboard_text (table);
  g_assert_cmpstr (copied, ==, expected);
  header = g_strndup (copied, strcspn (copied, "\n"));
  g_assert_cmpstr (header, ==, "Clinic\tNumerator\tDenominator\tRate\t95 % Interval\tOutside Limits");
  {
    guint lines = 0;

    for (const char *c = copied; *c != '\0'; c++)
      lines += *c == '\n';
    g_assert_cmpuint (lines, ==, data->rows->len + 1);
  }

  g_signal_emit_by_name (toggle, "clicked");
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (view));
}

static void
test_chart_keyboard (void)
{
  klynge_ui_test_run_on_demo (chart_keyboard, NULL);
}

/* Clinics that cannot be read are not left out of a chart drawn anyway:
 * the page says why in the chart's place. */
static void
unreadable_choices (KlyngeWindow *window,
                    gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "charts", KLYNGE_TYPE_CHARTS_PAGE);
  GtkWidget *error_page = klynge_ui_test_find_named (page, "choices-error");
  KlyngeContext *context = klynge_window_get_context (window);

  g_assert_nonnull (error_page);
  g_assert_false (gtk_widget_get_mapped (error_page));
  g_assert_true (klynge_db_exec (klynge_context_get_db (context), "ALTER TABLE clinic RENAME TO clinic_away", NULL));
  klynge_context_emit_changed (context);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (error_page));
  g_assert_false (gtk_widget_get_mapped (klynge_ui_test_find_widget (page, KLYNGE_TYPE_CHART_VIEW)));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)), "clinic"));
}

static void
test_unreadable_choices (void)
{
  klynge_ui_test_run_on_demo (unreadable_choices, NULL);
}

/* Indicators that cannot be read are not "no measurements to chart", and
 * a chart that cannot be read is not a blank one: the page says why in the
 * chart's place, not in a toast that goes. */
static void
unreadable_indicators (KlyngeWindow *window,
                       gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "charts", KLYNGE_TYPE_CHARTS_PAGE);
  GtkWidget *error_page = klynge_ui_test_find_named (page, "choices-error");
  KlyngeContext *context = klynge_window_get_context (window);
  KlyngeDb *db = klynge_context_get_db (context);
  KlyngePresentation *presentation;
  GtkWidget *slides_error;

  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (klynge_ui_test_find_widget (page, KLYNGE_TYPE_CHART_VIEW)));
  g_assert_false (gtk_widget_get_mapped (error_page));
  g_assert_true (klynge_db_exec (db, "ALTER TABLE indicator RENAME TO indicator_away", NULL));
  klynge_context_emit_changed (context);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (error_page));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)), "indicator"));

  g_assert_true (klynge_db_exec (db, "ALTER TABLE indicator_away RENAME TO indicator", NULL));
  klynge_context_emit_changed (context);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (klynge_ui_test_find_widget (page, KLYNGE_TYPE_CHART_VIEW)));

  /* The lists are read, the chart and the slides on the projector are not. */
  gtk_widget_activate_action (page, "charts.present", NULL);
  KLYNGE_UI_TEST_WAIT ((presentation = find_presentation ()) != NULL);
  slides_error = klynge_ui_test_find_named (GTK_WIDGET (presentation), "slides-error");
  g_assert_false (gtk_widget_get_mapped (slides_error));
  g_assert_true (klynge_db_exec (db, "ALTER TABLE cluster RENAME TO cluster_away", NULL));
  klynge_context_emit_changed (context);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (slides_error));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (slides_error)), "cluster"));
  gtk_window_destroy (GTK_WINDOW (presentation));
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (error_page));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)), "cluster"));
  g_assert_true (klynge_db_exec (db, "ALTER TABLE cluster_away RENAME TO cluster", NULL));
}

static void
test_unreadable_indicators (void)
{
  klynge_ui_test_run_on_demo (unreadable_indicators, NULL);
}

/* A cluster without measurements gets a status page that says where the
 * numbers come from, not a blank area. */
static void
empty_cluster (KlyngeWindow *window,
               gpointer      user_data)
{
  GtkWidget *page, *empty;

  page = klynge_ui_test_show_page (window, "charts", KLYNGE_TYPE_CHARTS_PAGE);
  KLYNGE_UI_TEST_WAIT ((empty = klynge_ui_test_find_widget (page, ADW_TYPE_STATUS_PAGE)) != NULL &&
                       gtk_widget_get_mapped (empty));
  g_assert_false (gtk_widget_get_mapped (klynge_ui_test_find_widget (page, KLYNGE_TYPE_CHART_VIEW)));
  /* No period to pick, nothing to present. */
  g_assert_false (gtk_widget_is_sensitive (klynge_ui_test_find_named (page, "period")));
  g_assert_false (gtk_widget_is_sensitive (klynge_ui_test_find_named (page, "present")));
}

static void
test_empty_cluster (void)
{
  klynge_ui_test_run_on_empty (empty_cluster, NULL);
}

static void
export_finished_cb (KlyngeChartExportDialog *dialog,
                    gboolean                 written,
                    const char              *message,
                    gboolean                *done)
{
  g_assert_true (written);
  *done = TRUE;
}

/* Compressed streams hold NULs: the bytes are searched, not a string. */
static gboolean
has_bytes (const char *contents,
           gsize       length,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Through the dialog the page's export opens, as its file chooser's answer does. */
static char *
export_through_dialog (GtkWidget  *page,
                       const char *dir,
                       guint       format,
                       guint       size,
                       guint       theme)
{
  g_autofree char *name = g_strdup_printf ("chart-%u-%u-%u", format, size, theme);
  char *path = g_build_filename (dir, name, NULL);
  KlyngeChartExportDialog *dialog;
  gboolean done = FALSE;

  g_assert_true (gtk_widget_activate_action (page, "charts.export-chart", NULL));
  KLYNGE_UI_TEST_WAIT ((dialog = KLYNGE_CHART_EXPORT_DIALOG (klynge_ui_test_find_toplevel (KLYNGE_TYPE_CHART_EXPORT_DIALOG))) != NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (klynge_ui_test_find_named (GTK_WIDGET (dialog), "format")), format);
  adw_combo_row_set_selected (ADW_COMBO_ROW (klynge_ui_test_find_named (GTK_WIDGET (dialog), "size")), size);
  adw_combo_row_set_selected (ADW_COMBO_ROW (klynge_ui_test_find_named (GTK_WIDGET (dialog), "theme")), theme);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  klynge_ui_test_settle ();
  klynge_ui_test_screenshot (GTK_WIDGET (dialog), "export-dialog.png");
  g_signal_connect (dialog, "finished", G_CALLBACK (export_finished_cb), &done);
  klynge_chart_export_dialog_export_to (dialog, path);
  KLYNGE_UI_TEST_WAIT (done);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (KLYNGE_TYPE_CHART_EXPORT_DIALOG) == NULL);
  return path;
}

/* The export dialog writes each format at the size and in the theme chosen. */
static void
export_dialog (KlyngeWindow *window,
               gpointer      user_data)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  GtkWidget *page;
  static const char *const endings[] = { ".png", ".svg", ".pdf" };
  static const char *const starts[] = { "\x89PNG", "<?xml", "%PDF-" };

  klynge_ui_test_screenshot_style ();
  page = klynge_ui_test_show_page (window, "charts", KLYNGE_TYPE_CHARTS_PAGE);
  klynge_ui_test_settle ();

  for (guint format = 0; format < 3; format++)
    for (guint size = 0; size < 2; size++)
      {
        g_autofree char *base = export_through_dialog (page, dir, format, size, format);
        g_autofree char *path = g_strconcat (base, endings[format], NULL);
        g_autofree char *contents = NULL;
        gsize length;

        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        g_assert_true (g_str_has_prefix (contents, starts[format]));
        if (format == 0)
          {
            cairo_surface_t *image = cairo_image_surface_create_from_png (path);
            guint32 corner;

            g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
            g_assert_cmpint (cairo_image_surface_get_width (image), ==, size == 0 ? 1920 : 3840);
            g_assert_cmpint (cairo_image_surface_get_height (image), ==, size == 0 ? 1080 : 2160);
            /* The light theme chosen: a white corner. */
            corner = *(guint32 *) cairo_image_surface_get_data (image);
            g_assert_cmpuint (corner & 0xff, >, 0xc0);
            cairo_surface_destroy (image);
          }
        else if (format == 1)
          /* Dark, on a 16:9 page a projector knows. */
          g_assert_nonnull (strstr (contents, "width=\"960pt\" height=\"540pt\""));
        else
          g_assert_true (has_bytes (contents, length, "/MediaBox [ 0 0 960 540 ]"));
      }

  /* The dark theme chosen for an image: a dark corner. */
  {
    g_autofree char *base = export_through_dialog (page, dir, 0, 0, KLYNGE_CHART_THEME_DARK);
    g_autofree char *path = g_strconcat (base, ".png", NULL);
    cairo_surface_t *image = cairo_image_surface_create_from_png (path);

    g_assert_cmpuint (*(guint32 *) cairo_image_surface_get_data (image) & 0xff, <, 0x60);
    cairo_surface_destroy (image);
  }
  klynge_test_remove_tree (dir);
}

static void
test_export_dialog (void)
{
  klynge_ui_test_run_on_demo (export_dialog, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/ui/area-and-presentation", test_charts_area);
  g_test_add_func ("/charts/ui/presentation-keys", test_presentation_keys);
  g_test_add_func ("/charts/ui/presentation-high-contrast", test_presentation_high_contrast);
  g_test_add_func ("/charts/ui/empty-cluster", test_empty_cluster);
  g_test_add_func ("/charts/ui/unreadable-choices", test_unreadable_choices);
  g_test_add_func ("/charts/ui/unreadable-indicators", test_unreadable_indicators);
  g_test_add_func ("/charts/ui/export-dialog", test_export_dialog);
  g_test_add_func ("/charts/ui/keyboard-and-table", test_chart_keyboard);

  return g_test_run ();
}
