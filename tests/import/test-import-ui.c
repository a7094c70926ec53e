/* test-import-ui.c — the import assistant, Undo, the tracker and the live import on the real window
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <string.h>

#include "klynge-chart-view.h"
#include "klynge-choice.h"
#include "klynge-charts-page.h"
#include "klynge-clusters-page.h"
#include "klynge-context.h"
#include "klynge-data-page.h"
#include "klynge-import-assistant.h"
#include "klynge-import-sheet.h"
#include "klynge-measurement-item.h"
#include "klynge-measurements-window.h"
#include "klynge-presentation.h"
#include "klynge-submissions.h"
#include "klynge-test-utils.h"
#include "klynge-ui-test-rows.h"
#include "klynge-ui-test-utils.h"
#include "klynge-undo-stack.h"
#include "klynge-ui-test-run.h"

/* The visible toplevel other than the main window holding a sheet. */
static GtkWindow *
find_import_window (KlyngeWindow *main_window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WIDGET (main_window) && gtk_widget_get_visible (window) &&
          klynge_ui_test_find_widget (window, KLYNGE_TYPE_IMPORT_SHEET) != NULL)
        return GTK_WINDOW (window);
    }
  return NULL;
}

static void
wait_while_busy (KlyngeImportSheet *sheet)
{
  KLYNGE_UI_TEST_WAIT (!klynge_import_sheet_is_busy (sheet));
}

/* The preview is read in a worker: its Stop button shows until it is read. */
static void
wait_for_preview (GtkWindow *assistant)
{
  GtkWidget *stop = klynge_ui_test_find_named (GTK_WIDGET (assistant), "cancel-preview");

  g_assert_nonnull (stop);
  KLYNGE_UI_TEST_WAIT (!gtk_widget_get_visible (stop));
  /* The window takes the preview's size. */
  klynge_ui_test_settle ();
}

/* The preview shows a short cell whole: "clinic_number", not "clinic_n…"
 * (once laid out). */
static gboolean
preview_readable (GtkWindow *assistant)
{
  GtkWidget *grid = klynge_ui_test_find_widget (klynge_ui_test_find_named (GTK_WIDGET (assistant), "preview"), GTK_TYPE_GRID);
  guint n = 0;

  g_assert_nonnull (grid);
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && g_utf8_strlen (gtk_label_get_text (GTK_LABEL (child)), -1) <= 24)
      {
        if (gtk_widget_get_width (child) == 0 || pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (child))))
          return FALSE;
        n++;
      }
  return n > 6;
}

static GtkWidget *
find_presentation (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (KLYNGE_IS_PRESENTATION (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* What a drag from the file manager ends with: "drop" on the window's file target. */
static gboolean
drop_file (GtkWidget *window,
           GFile     *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  g_autoptr(GSList) files = g_slist_append (NULL, file);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) &&
          gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)), GDK_TYPE_FILE_LIST))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &accepted);
    }
  return accepted;
}

static guint
n_rows (GtkWidget *list_box)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_visible (child);
  return n;
}

/* The "received by hand" button of the first or the last clinic with
 * something missing: a delivered clinic's row hides its buttons. */
static GtkWidget *
by_hand_button (GtkWidget *requests,
                gboolean   last)
{
  GtkWidget *found = NULL;
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (requests), i)) != NULL; i++)
    {
      GtkWidget *button = klynge_ui_test_find_actionable (GTK_WIDGET (row), "data.receive-by-hand");

      if (button != NULL && gtk_widget_is_visible (button))
        {
          found = button;
          if (!last)
            break;
        }
    }
  return found;
}

static gint64
n_batches (KlyngeWindow *window)
{
  return klynge_test_count (klynge_context_get_db (klynge_window_get_context (window)),
                            "SELECT count(*) FROM import_batch", 0);
}

/* Checks, chooses to replace what is stored, imports; returns when done. */
static void
check_and_import (KlyngeWindow *window,
                  GtkWindow    *import_window)
{
  KlyngeImportSheet *sheet = KLYNGE_IMPORT_SHEET (klynge_ui_test_find_widget (GTK_WIDGET (import_window),
                                                                              KLYNGE_TYPE_IMPORT_SHEET));
  GtkWidget *summary = klynge_ui_test_find_named (GTK_WIDGET (sheet), "summary");
  gint64 before = n_batches (window);

  gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.check", NULL);
  KLYNGE_UI_TEST_WAIT (strstr (gtk_label_get_text (GTK_LABEL (summary)), "27 measurements") != NULL);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (summary)), "27 of them are already stored"));

  /* Nothing is written until the user chooses what to do with duplicates. */
  gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.import", NULL);
  wait_while_busy (sheet);
  g_assert_cmpint (n_batches (window), ==, before);

  adw_combo_row_set_selected (ADW_COMBO_ROW (klynge_ui_test_find_named (GTK_WIDGET (sheet), "duplicates")), 1);
  gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.import", NULL);
  /* The window closes once the batch is written. */
  KLYNGE_UI_TEST_WAIT (n_batches (window) == before + 1 && find_import_window (window) == NULL);
}

/* Undo runs in a worker; returns once the page shows it has ended. */
static void
wait_for_undo (GtkWidget *page)
{
  GtkWidget *progress = klynge_ui_test_find_named (page, "undo-progress");

  g_assert_nonnull (progress);
  KLYNGE_UI_TEST_WAIT (!gtk_widget_get_visible (progress));
}

static void
count_changes_cb (KlyngeContext *context,
                  guint         *n)
{
  (*n)++;
}

/* Saves a screenshot of @window (see klynge_ui_test_screenshot()) scrolled to @widget. */
static void
screenshot_at (GtkWindow  *window,
               GtkWidget  *widget,
               const char *name)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_rect_t bounds;

  if (g_getenv ("KLYNGE_SCREENSHOT_DIR") == NULL)
    return;
  /* The sheet grows as a check shows its rows: measured once it has. */
  klynge_ui_test_settle ();
  if (!gtk_widget_compute_bounds (widget, scroller, &bounds))
    return;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y - 12);
  klynge_ui_test_settle ();
  klynge_ui_test_screenshot (GTK_WIDGET (window), name);
}

static void
import_and_undo (KlyngeWindow *window,
                 gpointer      user_data)
{
  g_autofree char *path = klynge_test_data_path ("import/diabetes-long-utf8bom.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *workbook_path = klynge_test_data_path ("import/inline-dates.xlsx");
  g_autoptr(GFile) workbook = g_file_new_for_path (workbook_path);
  g_autofree char *bad_path = klynge_test_data_path ("import/bad-long.csv");
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  GtkWidget *page, *batches, *tracker, *sheet_row, *preview, *unknown, *presentation;
  KlyngeImportSheet *sheet;
  GtkWindow *assistant;
  guint changes = 0;
  int min_width;

  page = klynge_ui_test_show_page (window, "data", KLYNGE_TYPE_DATA_PAGE);
  batches = klynge_ui_test_find_named (page, "batches");
  tracker = klynge_ui_test_find_named (page, "tracker");
  g_assert_cmpuint (n_rows (batches), ==, 0);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (tracker)), "0 of 1 clinic has delivered everything"));
  /* The meeting's long title does not widen the page beyond a narrow window. */
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 700);

  /* The assistant: preview, guessed columns, check, import. */
  klynge_data_page_import_file (KLYNGE_DATA_PAGE (page), file);
  KLYNGE_UI_TEST_WAIT ((assistant = find_import_window (window)) != NULL);
  g_assert_true (KLYNGE_IS_IMPORT_ASSISTANT (assistant));
  wait_for_preview (assistant);
  KLYNGE_UI_TEST_WAIT (preview_readable (assistant));
  check_and_import (window, assistant);
  g_assert_null (find_import_window (window));
  g_assert_cmpint (n_batches (window), ==, 1);
  KLYNGE_UI_TEST_WAIT (n_rows (batches) == 1);
  KLYNGE_UI_TEST_WAIT (strstr (gtk_label_get_text (GTK_LABEL (tracker)), "1 of 1 clinic has delivered everything") != NULL);

  /* The toast's Undo removes the batch as a whole, from any area. */
  klynge_ui_test_show_page (window, "charts", KLYNGE_TYPE_CHARTS_PAGE);
  g_signal_emit_by_name (klynge_ui_test_find_toast_button (window, "_Undo"), "clicked");
  KLYNGE_UI_TEST_WAIT (n_batches (window) == 0);
  wait_for_undo (page);
  klynge_ui_test_show_page (window, "data", KLYNGE_TYPE_DATA_PAGE);
  g_assert_cmpint (n_batches (window), ==, 0);
  KLYNGE_UI_TEST_WAIT (n_rows (batches) == 0);

  /* Dropped on the charts: the compact sheet, and every page reloads. */
  g_signal_connect (klynge_window_get_context (window), "changed", G_CALLBACK (count_changes_cb), &changes);
  klynge_ui_test_show_page (window, "charts", KLYNGE_TYPE_CHARTS_PAGE);
  klynge_window_import_file (window, file);
  KLYNGE_UI_TEST_WAIT ((assistant = find_import_window (window)) != NULL);
  g_assert_false (KLYNGE_IS_IMPORT_ASSISTANT (assistant));
  check_and_import (window, assistant);
  g_assert_null (find_import_window (window));
  g_assert_cmpint (n_batches (window), ==, 1);
  KLYNGE_UI_TEST_WAIT (changes >= 1);
  g_signal_handlers_disconnect_by_func (klynge_window_get_context (window), count_changes_cb, &changes);

  /* A workbook of two sheets: the assistant offers the choice and previews the one chosen. */
  klynge_window_show_area (window, "data");
  klynge_data_page_import_file (KLYNGE_DATA_PAGE (page), workbook);
  KLYNGE_UI_TEST_WAIT ((assistant = find_import_window (window)) != NULL);
  wait_for_preview (assistant);
  sheet_row = klynge_ui_test_find_named (GTK_WIDGET (assistant), "sheet");
  preview = klynge_ui_test_find_named (GTK_WIDGET (assistant), "preview");
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_visible (sheet_row));
  KLYNGE_UI_TEST_WAIT (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (preview)), "“Data”") != NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sheet_row), 1);
  KLYNGE_UI_TEST_WAIT (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (preview)), "“Notes”") != NULL);
  wait_for_preview (assistant);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (preview, "second sheet"));
  gtk_window_close (assistant);

  /* Reading the file can be stopped: the window stays usable, nothing is shown. */
  klynge_data_page_import_file (KLYNGE_DATA_PAGE (page), workbook);
  assistant = find_import_window (window);
  g_signal_emit_by_name (klynge_ui_test_find_named (GTK_WIDGET (assistant), "cancel-preview"), "clicked");
  wait_for_preview (assistant);
  preview = klynge_ui_test_find_named (GTK_WIDGET (assistant), "preview");
  KLYNGE_UI_TEST_WAIT (g_strcmp0 (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (preview)),
                                  "Reading the file was stopped.") == 0);
  g_assert_null (gtk_widget_get_first_child (klynge_ui_test_find_widget (preview, GTK_TYPE_GRID)));
  gtk_window_close (assistant);

  /* Unknown names: the closest clinic and indicator are offered; once
   * chosen, checking again no longer reports them. */
  klynge_data_page_import_file (KLYNGE_DATA_PAGE (page), bad_file);
  KLYNGE_UI_TEST_WAIT ((assistant = find_import_window (window)) != NULL);
  wait_for_preview (assistant);
  sheet = KLYNGE_IMPORT_SHEET (klynge_ui_test_find_widget (GTK_WIDGET (assistant), KLYNGE_TYPE_IMPORT_SHEET));
  klynge_import_sheet_check (sheet);
  unknown = klynge_ui_test_find_named (GTK_WIDGET (sheet), "unknown");
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_visible (unknown));
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (sheet), "There is no clinic “Lægehuset Østergde”"));
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (sheet), "There is no indicator “HbA1c målt”"));
  screenshot_at (assistant, unknown, "import-problems.png");
  g_signal_emit_by_name (klynge_ui_test_find_button (unknown, "_Remember and Check Again"), "clicked");
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (sheet), "“21x” is not a number") &&
                       !klynge_ui_test_shows (GTK_WIDGET (sheet), "There is no clinic"));
  wait_while_busy (sheet);
  g_assert_false (klynge_ui_test_shows (GTK_WIDGET (sheet), "There is no indicator"));
  gtk_window_close (assistant);

  /* Presentation mode: a file dropped on the slide opens the live import over it. */
  gtk_widget_activate_action (klynge_ui_test_show_page (window, "charts", KLYNGE_TYPE_CHARTS_PAGE), "charts.present", NULL);
  KLYNGE_UI_TEST_WAIT ((presentation = find_presentation ()) != NULL && gtk_widget_get_mapped (presentation));
  g_assert_true (drop_file (presentation, file));
  KLYNGE_UI_TEST_WAIT ((assistant = find_import_window (window)) != NULL);
  g_assert_true (gtk_window_get_transient_for (assistant) == GTK_WINDOW (presentation));
  check_and_import (window, assistant);
  g_assert_cmpint (n_batches (window), ==, 2);
  gtk_window_close (GTK_WINDOW (presentation));
  KLYNGE_UI_TEST_WAIT (find_presentation () == NULL);

  /* The main window takes drops too: on the Data area, the full assistant. */
  klynge_window_show_area (window, "data");
  g_assert_true (drop_file (GTK_WIDGET (window), file));
  KLYNGE_UI_TEST_WAIT ((assistant = find_import_window (window)) != NULL);
  g_assert_true (KLYNGE_IS_IMPORT_ASSISTANT (assistant));
  gtk_window_close (assistant);
}

static void
test_import_and_undo (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  g_autofree char *path = g_strdup (klynge_db_get_path (db));
  const char *argv[] = { "klynge", path, NULL };

  /* A data request the meetings area would have made, alone on the demo's
   * planned meeting. */
  g_assert_true (klynge_db_exec (db,
    "DELETE FROM data_request;"
    "INSERT INTO data_request (meeting_id, clinic_id, indicator_id, period) "
    "SELECT (SELECT max(id) FROM meeting), c.id, i.id, '2026-Q1' FROM clinic c, indicator i "
    "WHERE c.provider_number = '012345' AND i.name = 'HbA1c measured in last 12 months';"
    /* Titles are as long as coordinators make them. */
    "UPDATE meeting SET title = title || ': what we learnt, what we changed and what we measure next' "
    "WHERE id = (SELECT max(id) FROM meeting)", NULL));
  g_clear_object (&db);
  klynge_ui_test_run_app (argv, import_and_undo, NULL);
  klynge_test_remove_tree (dir);
}

static gboolean
toast_says (KlyngeWindow *window,
            const char   *text)
{
  g_autofree char *shown = klynge_ui_test_collect_text (klynge_ui_test_find_widget (GTK_WIDGET (window),
                                                                                   ADW_TYPE_TOAST_OVERLAY));

  return strstr (shown, text) != NULL;
}

/* An import is on the one undo: Ctrl+Z right after it removes the batch,
 * and says that importing the file again is what brings it back. */
static void
import_then_ctrl_z (KlyngeWindow *window,
                    gpointer      user_data)
{
  g_autofree char *path = klynge_test_data_path ("import/diabetes-long-utf8bom.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));
  GtkWidget *page;
  GtkWindow *assistant;
  gint64 stored;

  page = klynge_ui_test_show_page (window, "data", KLYNGE_TYPE_DATA_PAGE);
  stored = klynge_test_count (db, "SELECT total(value) FROM measurement WHERE ?1", 1);
  klynge_data_page_import_file (KLYNGE_DATA_PAGE (page), file);
  assistant = find_import_window (window);
  wait_for_preview (assistant);
  check_and_import (window, assistant);
  g_assert_cmpint (n_batches (window), ==, 1);
  g_assert_nonnull (klynge_ui_test_find_toast_button (window, "_Undo"));

  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  KLYNGE_UI_TEST_WAIT (n_batches (window) == 0);
  KLYNGE_UI_TEST_WAIT (toast_says (window, "To bring it back, import the file again."));
  /* What the file replaced is back. */
  g_assert_cmpint (klynge_test_count (db, "SELECT total(value) FROM measurement WHERE ?1", 1), ==, stored);

  /* Nothing to redo: Shift+Ctrl+Z does nothing. */
  g_assert_false (klynge_undo_stack_get_can_redo (klynge_context_get_undo_stack (klynge_window_get_context (window))));
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  /* Nothing can be waited for: what Shift+Ctrl+Z would start has started. */
  klynge_ui_test_settle ();
  g_assert_cmpint (n_batches (window), ==, 0);
}

static void
test_import_then_ctrl_z (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  g_autofree char *path = g_strdup (klynge_db_get_path (db));
  const char *argv[] = { "klynge", path, NULL };

  g_assert_true (klynge_db_exec (db, "DELETE FROM import_batch", NULL));
  g_clear_object (&db);
  klynge_ui_test_run_app (argv, import_then_ctrl_z, NULL);
  klynge_test_remove_tree (dir);
}

static gboolean
tick_cb (gpointer user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

static void
record_fraction_cb (GtkProgressBar *bar,
                    GParamSpec     *pspec,
                    double         *max)
{
  *max = MAX (*max, gtk_progress_bar_get_fraction (bar));
}

static void
undo_large_import (KlyngeWindow *window,
                   gpointer      user_data)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));
  gint64 batch = klynge_test_count (db, "SELECT max(id) FROM import_batch", 0);
  g_autofree char *path = klynge_test_data_path ("import/diabetes-long-utf8bom.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *page, *batches, *button, *progress;
  guint ticks = 0, ticks_while_undoing, tick_id;
  double max_fraction = 0;

  page = klynge_ui_test_show_page (window, "data", KLYNGE_TYPE_DATA_PAGE);
  batches = klynge_ui_test_find_named (page, "batches");
  progress = klynge_ui_test_find_named (page, "undo-progress");
  KLYNGE_UI_TEST_WAIT (n_rows (batches) == 1);
  button = klynge_ui_test_find_actionable (batches, "data.undo-batch");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_connect (progress, "notify::fraction", G_CALLBACK (record_fraction_cb), &max_fraction);

  /* A click: "activate" would first animate the press for a while. */
  g_signal_emit_by_name (button, "clicked");
  /* The click returns at once, with the undo still to do. */
  g_assert_true (gtk_widget_get_visible (progress));
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_cmpint (n_batches (window), ==, 1);

  /* Neither a second undo nor an import can start meanwhile. */
  g_assert_false (gtk_widget_is_sensitive (klynge_ui_test_find_actionable (page, "data.import")));
  klynge_data_page_import_file (KLYNGE_DATA_PAGE (page), file);
  g_assert_null (find_import_window (window));
  /* Nor on the charts, where a drop opens the live import. */
  klynge_window_show_area (window, "charts");
  klynge_window_import_file (window, file);
  g_assert_null (find_import_window (window));
  klynge_window_show_area (window, "data");

  /* The main loop keeps running: a timeout fires while the worker deletes. */
  tick_id = g_timeout_add (5, tick_cb, &ticks);
  while (gtk_widget_get_visible (progress))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_true (gtk_widget_get_visible (progress) || n_batches (window) == 0);
    }
  ticks_while_undoing = ticks;
  g_source_remove (tick_id);

  g_test_message ("timeouts fired during the undo: %u; progress reached %.2f", ticks_while_undoing, max_fraction);
  g_assert_cmpuint (ticks_while_undoing, >, 0);
  /* It said how far it had got, not only that it was busy. */
  g_assert_cmpfloat (max_fraction, ==, 1.0);
  g_assert_cmpint (n_batches (window), ==, 0);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM measurement WHERE period LIKE 'U-%'", 0), ==, 0);
  g_assert_cmpuint (n_rows (batches), ==, 0);

  /* Usable again; undoing what is gone says so and changes nothing. */
  g_assert_true (gtk_widget_activate_action (page, "data.undo-batch", "x", batch));
  wait_for_undo (page);
  g_assert_cmpint (n_batches (window), ==, 0);
  g_signal_handlers_disconnect_by_func (progress, record_fraction_cb, &max_fraction);
}

/* A file of 150,000 measurements: removing it takes long enough that a
 * synchronous undo would hold the window still for a visible moment. */
static void
test_undo_large_import (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  g_autofree char *path = g_strdup (klynge_db_get_path (db));
  const char *argv[] = { "klynge", path, NULL };

  g_assert_true (klynge_db_exec (db, "DELETE FROM import_batch", NULL));
  klynge_test_add_large_batch (db, 150000);
  g_clear_object (&db);
  klynge_ui_test_run_app (argv, undo_large_import, NULL);
  klynge_test_remove_tree (dir);
}

static KlyngeImportSheet *
check_real_file (KlyngeWindow        *window,
                 const char          *name,
                 KlyngeImportMapping *mapping)
{
  g_autofree char *path = klynge_test_data_path (name);
  KlyngeImportSheet *sheet = KLYNGE_IMPORT_SHEET (klynge_import_sheet_new ());

  g_object_ref_sink (sheet);
  klynge_import_sheet_set_context (sheet, klynge_window_get_context (window));
  klynge_import_sheet_set_file (sheet, path);
  klynge_import_sheet_set_mapping (sheet, mapping, NULL);
  klynge_import_sheet_check (sheet);
  wait_while_busy (sheet);
  return sheet;
}

static GtkSwitch *
find_switch (GtkWidget  *sheet,
             const char *title)
{
  for (GtkWidget *row = klynge_ui_test_find_widget (klynge_ui_test_find_named (sheet, "rows"), ADW_TYPE_ACTION_ROW);
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
  g_assert_not_reached ();
}

/* A board's file: its other practices are left out by default and said so;
 * the clinics can be added instead. A file with one bad row offers to
 * import the others. */
static void
real_file_choices (KlyngeWindow *window,
                   gpointer      user_data)
{
  g_autoptr(KlyngeImportMapping) nhsd = klynge_import_mapping_new ();
  g_autoptr(KlyngeImportMapping) prescribing = klynge_import_mapping_new ();
  g_autoptr(KlyngeImportSheet) sheet = NULL;
  g_autoptr(KlyngeImportSheet) second = NULL;
  GtkWidget *skip_bad;

  nhsd->layout = KLYNGE_IMPORT_WIDE;
  nhsd->clinic = g_strdup ("CODE");
  nhsd->period = g_strdup ("EXTRACT_DATE");
  klynge_import_mapping_add_wide (nhsd, "HbA1c measured in last 12 months", NULL, NULL, "NUMBER_OF_PATIENTS");
  sheet = check_real_file (window, "import/real/nhsd-gp-reg-jan2021.csv", nhsd);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (sheet),
                                             "6 clinics of the file are not in this cluster: their rows (6) are left out."));
  g_assert_true (gtk_switch_get_active (find_switch (GTK_WIDGET (sheet), "_Leave out clinics that are not in this cluster")));

  gtk_switch_set_active (find_switch (GTK_WIDGET (sheet), "_Add all the file’s clinics to this cluster"), TRUE);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (sheet), "6 clinics are added to the cluster."));
  g_assert_false (gtk_switch_get_active (find_switch (GTK_WIDGET (sheet), "_Leave out clinics that are not in this cluster")));
  g_assert_true (klynge_ui_test_shows (GTK_WIDGET (sheet), "Nothing has been written yet"));

  prescribing->layout = KLYNGE_IMPORT_WIDE;
  prescribing->clinic = g_strdup ("id");
  prescribing->clinic_name = g_strdup ("name");
  prescribing->period = g_strdup ("date");
  prescribing->add_clinics = TRUE;
  klynge_import_mapping_add_wide (prescribing, "HbA1c measured in last 12 months", "y_items", "total_list_size", NULL);
  second = check_real_file (window, "import/real/openprescribing-items.csv", prescribing);
  gtk_switch_set_active (find_switch (GTK_WIDGET (second), "_Add all the file’s clinics to this cluster"), TRUE);
  KLYNGE_UI_TEST_WAIT ((skip_bad = klynge_ui_test_find_button (GTK_WIDGET (second),
                                                               "Import the 8 good measurements and leave out the 1 row listed")) != NULL);
  g_signal_emit_by_name (skip_bad, "clicked");
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (second), "1 row with problems is left out, as listed."));
  g_assert_true (klynge_ui_test_shows (GTK_WIDGET (second), "Nothing has been written yet"));
}

/* Runs @func in the app on a copy of the demo of its own. */
static void
run_on_demo_copy (KlyngeUiTestFunc func)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  g_autofree char *path = g_strdup (klynge_db_get_path (db));
  const char *argv[] = { "klynge", path, NULL };

  g_clear_object (&db);
  klynge_ui_test_run_app (argv, func, NULL);
  klynge_test_remove_tree (dir);
}

/* The region's HbA1c files, saved as a mapping for the live sheet to take. */
static void
save_region_mapping (KlyngeContext *context)
{
  g_autoptr(KlyngeImportMapping) mapping = klynge_import_mapping_new ();

  mapping->layout = KLYNGE_IMPORT_WIDE;
  mapping->clinic = g_strdup ("Ydernummer");
  klynge_import_mapping_add_wide (mapping, "HbA1c measured in last 12 months", "Tæller", "Nævner", NULL);
  g_assert_true (klynge_import_mapping_save (klynge_context_get_db (context), klynge_context_get_cluster_id (context),
                                             "Region HbA1c", mapping, NULL));
}

/* The live sheet over @window on a file in @dir of the region's HbA1c
 * layout (saved as a mapping first) holding @contents. */
static GtkWindow *
present_live (KlyngeWindow         *window,
              const char           *dir,
              const char           *contents,
              const KlyngeLiveLook *look)
{
  KlyngeContext *context = klynge_window_get_context (window);
  g_autofree char *path = g_build_filename (dir, "hba1c.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  save_region_mapping (context);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return klynge_import_sheet_present_live (GTK_WINDOW (window), context, file, look);
}

/* At the meeting: a file of next quarter fits the saved mapping, which is
 * taken; it has no period column, so the sheet asks, with the meeting's. */
static void
live_without_period (KlyngeWindow *window,
                     gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *meeting = NULL;
  KlyngeImportSheet *sheet;
  GtkWindow *live;
  GtkWidget *period;

  meeting = klynge_submissions_meeting_period (klynge_context_get_db (context), klynge_context_get_cluster_id (context));
  g_assert_nonnull (meeting);

  live = present_live (window, dir, "Ydernummer;Tæller;Nævner\n012345;30;41\n", &(KlyngeLiveLook) { 0 });
  sheet = KLYNGE_IMPORT_SHEET (klynge_ui_test_find_widget (GTK_WIDGET (live), KLYNGE_TYPE_IMPORT_SHEET));
  period = klynge_ui_test_find_named (GTK_WIDGET (sheet), "period");
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (sheet), "The file holds 1 measurement."));
  g_assert_true (gtk_widget_get_visible (period));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (period)), ==, meeting);
  g_assert_true (klynge_ui_test_shows (GTK_WIDGET (sheet), "Region HbA1c"));
  gtk_window_close (live);
  klynge_test_remove_tree (dir);
}

static void
test_live_without_period (void)
{
  run_on_demo_copy (live_without_period);
}

/* Over a high-contrast slide the live import has the slide's strong edges,
 * from Klynge's own style sheet: 2 px borders on its buttons. */
static void
live_high_contrast (KlyngeWindow *window,
                    gpointer      user_data)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  KlyngeLiveLook look = { .themed = TRUE, .theme = KLYNGE_CHART_THEME_HIGH_CONTRAST };
  GtkWindow *live;
  GtkWidget *button;
  GtkBorder border;

  live = present_live (window, dir, "Ydernummer;Tæller;Nævner\n012345;30;41\n", &look);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (live), "The file holds 1 measurement."));
  button = klynge_ui_test_find_widget (GTK_WIDGET (live), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (button));
  gtk_style_context_get_border (gtk_widget_get_style_context (button), &border);
  g_assert_cmpint (border.left, ==, 2);
  g_assert_cmpint (border.bottom, ==, 2);
  gtk_window_close (live);
  klynge_test_remove_tree (dir);
}

static void
test_live_high_contrast (void)
{
  run_on_demo_copy (live_high_contrast);
}

/* Counts in the sheet are grouped as the locale groups them: a file with
 * 1,200 clinics not in the cluster says so with "1,200", not "1200". */
static void
counts_grouped (KlyngeWindow *window,
                gpointer      user_data)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(GString) contents = g_string_new ("Ydernummer;Tæller;Nævner\n012345;30;41\n");
  KlyngeImportSheet *sheet;
  GtkWindow *live;

  for (guint i = 0; i < 1200; i++)
    g_string_append_printf (contents, "9%05u;3;40\n", i);
  live = present_live (window, dir, contents->str, &(KlyngeLiveLook) { 0 });
  sheet = KLYNGE_IMPORT_SHEET (klynge_ui_test_find_widget (GTK_WIDGET (live), KLYNGE_TYPE_IMPORT_SHEET));
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (sheet), "The file holds"));
  g_assert_true (klynge_ui_test_shows (GTK_WIDGET (sheet), "1,200 clinics of the file are not in this cluster: their rows (1,200) are left out."));
  gtk_window_close (live);
  klynge_test_remove_tree (dir);
}

static void
test_counts_grouped (void)
{
  run_on_demo_copy (counts_grouped);
}

/* A column mapping that cannot be remembered after an import says so; the
 * import itself stays. */
static void
mapping_not_remembered (KlyngeWindow *window,
                        gpointer      user_data)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));
  g_autofree char *dir = klynge_test_make_tmpdir ();
  gint64 before = klynge_test_count (db, "SELECT count(*) FROM measurement", 0);
  KlyngeImportSheet *sheet;
  GtkWindow *live;

  live = present_live (window, dir, "Ydernummer;Tæller;Nævner\n012345;30;41\n", &(KlyngeLiveLook) { 0 });
  sheet = KLYNGE_IMPORT_SHEET (klynge_ui_test_find_widget (GTK_WIDGET (live), KLYNGE_TYPE_IMPORT_SHEET));
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (sheet), "The file holds 1 measurement."));
  KLYNGE_UI_TEST_WAIT (gtk_widget_is_sensitive (klynge_ui_test_find_actionable (GTK_WIDGET (sheet), "sheet.import")));
  /* Only the window's own connection refuses: the import is written by a worker's. */
  g_assert_true (klynge_db_exec (db, "CREATE TEMP TRIGGER refuse_mapping BEFORE UPDATE ON main.import_mapping "
                                     "BEGIN SELECT RAISE (ABORT, 'mappings refused'); END", NULL));
  g_assert_true (klynge_db_exec (db, "CREATE TEMP TRIGGER refuse_new_mapping BEFORE INSERT ON main.import_mapping "
                                     "BEGIN SELECT RAISE (ABORT, 'mappings refused'); END", NULL));
  g_signal_emit_by_name (klynge_ui_test_find_actionable (GTK_WIDGET (sheet), "sheet.import"), "clicked");
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (window), "the column mapping could not be remembered"));
  g_assert_true (klynge_ui_test_shows (GTK_WIDGET (window), "mappings refused"));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM measurement", 0), ==, before + 1);
  klynge_test_remove_tree (dir);
}

static void
test_mapping_not_remembered (void)
{
  run_on_demo_copy (mapping_not_remembered);
}

/* Opens the full assistant on a look-alike file from the Data area. */
static GtkWindow *
open_assistant (KlyngeWindow *window,
                const char   *name)
{
  g_autofree char *path = klynge_test_data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *assistant;

  klynge_data_page_import_file (KLYNGE_DATA_PAGE (klynge_ui_test_show_page (window, "data", KLYNGE_TYPE_DATA_PAGE)), file);
  KLYNGE_UI_TEST_WAIT ((assistant = find_import_window (window)) != NULL);
  g_assert_true (KLYNGE_IS_IMPORT_ASSISTANT (assistant));
  wait_for_preview (assistant);
  return assistant;
}

static gboolean
popover_open (gpointer data)
{
  GtkWidget *popover = klynge_ui_test_find_widget (data, GTK_TYPE_POPOVER);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

/* Open, with the keyboard's focus in its list. */
static gboolean
popover_focused (gpointer data)
{
  GtkWidget *popover = klynge_ui_test_find_widget (data, GTK_TYPE_POPOVER);
  GtkWidget *focus;

  if (popover == NULL || !gtk_widget_get_mapped (popover))
    return FALSE;
  focus = gtk_root_get_focus (gtk_widget_get_root (data));
  return focus != NULL && gtk_widget_is_ancestor (focus, popover);
}

/* The text the list shows for the item @picker has chosen. */
static char *
chosen_text (GtkWidget *picker)
{
  g_autoptr(GObject) item = NULL;

  g_object_get (picker, "selected-item", &item, NULL);
  if (KLYNGE_IS_CHOICE (item))
    return g_strdup (klynge_choice_get_label (KLYNGE_CHOICE (item)));
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  return NULL;
}

/* Open, with the keyboard's focus where Down starts. A drop-down's list
 * moves the focus to the item chosen before a while after it opens: keys
 * pressed before that went to its first item, so under load ten Downs once
 * picked a file's first column instead of its tenth. A combo row's list
 * keeps the focus on its first item. */
static gboolean
focus_on_chosen (gpointer data)
{
  g_autofree char *text = NULL, *chosen = NULL;
  char *line_end;

  if (!popover_focused (data))
    return FALSE;
  if (!GTK_IS_DROP_DOWN (data))
    return TRUE;
  text = klynge_ui_test_collect_text (gtk_root_get_focus (gtk_widget_get_root (data)));
  chosen = chosen_text (data);
  if ((line_end = strchr (text, '\n')) != NULL)
    *line_end = '\0';
  return chosen != NULL && g_str_equal (text, chosen);
}

static gboolean
in_view (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, root, &bounds) && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (root);
}

/* As a user scrolls to a row before clicking it: a list opened off the
 * screen would have no monitor to open on. */
static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  for (; scroller != NULL && !in_view (widget);
       scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (scroller), GTK_TYPE_SCROLLED_WINDOW))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      graphene_rect_t bounds;

      if (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment))
        continue;
      g_assert_true (gtk_widget_compute_bounds (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                                &bounds));
      gtk_adjustment_set_value (adjustment, bounds.origin.y - gtk_adjustment_get_page_size (adjustment) / 2);
      klynge_ui_test_settle ();
    }
}

/* Picks item @n of a combo row or drop-down with the keyboard: Space
 * opens its list, Down moves, Return chooses. */
static void
choose_with_keys (GtkWindow *window,
                  GtkWidget *widget,
                  guint      n)
{
  gtk_widget_grab_focus (widget);
  scroll_into_view (widget);
  klynge_ui_test_press_key (window, GDK_KEY_space, 0);
  g_assert_true (klynge_ui_test_wait_until (focus_on_chosen, widget, 30000));
  klynge_ui_test_settle ();
  for (guint i = 0; i < n; i++)
    klynge_ui_test_press_key (window, GDK_KEY_Down, 0);
  klynge_ui_test_press_key (window, GDK_KEY_Return, 0);
  KLYNGE_UI_TEST_WAIT (!popover_open (widget));
  /* The list's surface goes with the next frame. */
  klynge_ui_test_settle ();
}

static GtkWidget *
find_titled_row (GtkWidget  *widget,
                 const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child) && gtk_widget_get_visible (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_titled_row (child, title)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
adds_one_clinic (gpointer sheet)
{
  return klynge_ui_test_shows (sheet, "1 clinic is added to the cluster.");
}

static void
assistant_choices (KlyngeWindow *window,
                   gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  g_autoptr(KlyngeImportMapping) saved = klynge_import_mapping_new ();
  g_autofree char *text = NULL;
  GtkWidget *filter, *clinics, *row, *check, *scroller, *numerator;
  GtkAdjustment *adjustment;
  KlyngeImportSheet *sheet;
  GtkWindow *assistant;
  double scrolled;
  g_autofree char *practices = NULL;
  gint64 clinics_before;
  GtkWidget *page;

  /* a: PHS's row per sex. The picker offers the values of the column that
   * tells a practice's rows apart; "All" keeps one row each. */
  assistant = open_assistant (window, "import/real/phs-listsizes.csv");
  filter = klynge_ui_test_find_named (GTK_WIDGET (assistant), "row-filter");
  g_assert_true (gtk_widget_get_visible (filter));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (filter)), ==, "Keep only the rows whose Sex is");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (filter))), ==, 4);
  choose_with_keys (assistant, filter, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (filter)), ==, 3);
  numerator = klynge_ui_test_find_widget (find_titled_row (GTK_WIDGET (assistant), "HbA1c measured in last 12 months"),
                                          GTK_TYPE_DROP_DOWN);
  choose_with_keys (assistant, numerator, 7);   /* AllAges */
  screenshot_at (assistant, gtk_widget_get_ancestor (numerator, ADW_TYPE_PREFERENCES_GROUP), "import-wide.png");
  sheet = KLYNGE_IMPORT_SHEET (klynge_ui_test_find_widget (GTK_WIDGET (assistant), KLYNGE_TYPE_IMPORT_SHEET));
  gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.check", NULL);
  KLYNGE_UI_TEST_WAIT (!klynge_import_sheet_is_busy (sheet));
  screenshot_at (assistant, GTK_WIDGET (sheet), "import-checked.png");
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (sheet), "12 rows do not match the rows kept and are left out."));
  g_assert_false (klynge_ui_test_shows (GTK_WIDGET (sheet), "already on line"));
  gtk_window_close (assistant);

  /* b: a board's file: a checkbox per clinic not in the cluster; ticking
   * one adds it and leaves the others out. */
  assistant = open_assistant (window, "import/real/nhsd-gp-reg-jan2021.csv");
  choose_with_keys (assistant, klynge_ui_test_find_widget (find_titled_row (GTK_WIDGET (assistant), "HbA1c measured in last 12 months"),
                                                           GTK_TYPE_DROP_DOWN), 10);   /* NUMBER_OF_PATIENTS */
  sheet = KLYNGE_IMPORT_SHEET (klynge_ui_test_find_widget (GTK_WIDGET (assistant), KLYNGE_TYPE_IMPORT_SHEET));
  gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.check", NULL);
  /* The rows of a check still running go when it ends: tick one shown by the last. */
  KLYNGE_UI_TEST_WAIT (!klynge_import_sheet_is_busy (sheet) &&
                       klynge_ui_test_shows (GTK_WIDGET (sheet), "6 clinics of the file are not in this cluster"));
  clinics = klynge_ui_test_find_named (GTK_WIDGET (sheet), "file-clinics");
  g_assert_true (gtk_widget_get_visible (clinics));
  /* As a user can: a tick while the file is checked is not taken, and the
   * rows a check lists are new ones, so the box is looked up each time. */
  KLYNGE_UI_TEST_WAIT (!klynge_import_sheet_is_busy (sheet) &&
                       (row = find_titled_row (clinics, "B81003")) != NULL &&
                       gtk_widget_is_sensitive ((check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  /* The file names its clinics by code only: the code is the title, and
   * the subtitle does not say it again. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "1 row");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (clinics), TRUE);
  screenshot_at (assistant, clinics, "import-clinics.png");
  g_signal_emit_by_name (check, "activate");
  /* Once (a default-renderer run under heavy load) this was not seen in
   * 30 s: what the sheet said instead tells why. */
  if (!klynge_ui_test_wait_until (adds_one_clinic, sheet, 30000))
    g_error ("The tick added no clinic; the sheet shows: %s", klynge_ui_test_collect_text (GTK_WIDGET (sheet)));
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (sheet), "5 clinics of the file are not in this cluster"));
  row = find_titled_row (klynge_ui_test_find_named (GTK_WIDGET (sheet), "file-clinics"), "B81003");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)))));
  /* "Add all" ticks them all. */
  adw_action_row_activate (ADW_ACTION_ROW (find_titled_row (GTK_WIDGET (sheet), "_Add all the file’s clinics to this cluster")));
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_shows (GTK_WIDGET (sheet), "6 clinics are added to the cluster."));
  gtk_window_close (assistant);

  /* d: next quarter's file fits a saved mapping, which is chosen. */
  saved->layout = KLYNGE_IMPORT_WIDE;
  saved->clinic = g_strdup ("CODE");
  saved->period = g_strdup ("EXTRACT_DATE");
  klynge_import_mapping_add_wide (saved, "HbA1c measured in last 12 months", NULL, NULL, "NUMBER_OF_PATIENTS");
  g_assert_true (klynge_import_mapping_save (klynge_context_get_db (context), klynge_context_get_cluster_id (context),
                                             "NHS Digital list sizes", saved, NULL));
  assistant = open_assistant (window, "import/real/nhsd-gp-reg-may2022.csv");
  text = klynge_ui_test_collect_text (GTK_WIDGET (assistant));
  g_assert_nonnull (strstr (text, "NHS Digital list sizes"));
  g_assert_nonnull (strstr (text, "Chosen: it fits this file’s columns"));
  numerator = NULL;
  row = find_titled_row (GTK_WIDGET (assistant), "HbA1c measured in last 12 months");
  g_assert_nonnull (row);
  numerator = klynge_ui_test_find_widget (row, GTK_TYPE_DROP_DOWN);
  g_assert_cmpstr (klynge_ui_test_picked (numerator), ==, "NUMBER_OF_PATIENTS");

  /* e: mapping in the wide list keeps the list where it is. */
  scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  row = find_titled_row (GTK_WIDGET (assistant), "Patients prescribed an NSAID");
  numerator = klynge_ui_test_find_widget (row, GTK_TYPE_DROP_DOWN);
  gtk_widget_grab_focus (numerator);
  /* The list scrolls the focused row into view when it is next laid out. */
  KLYNGE_UI_TEST_WAIT (gtk_adjustment_get_value (adjustment) > 0);
  klynge_ui_test_settle ();
  scrolled = gtk_adjustment_get_value (adjustment);
  choose_with_keys (assistant, numerator, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (numerator)), ==, 2);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, scrolled);
  g_assert_true (gtk_widget_has_focus (numerator) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (assistant)), numerator));
  gtk_window_close (assistant);

  /* c: the Clusters area makes the clinics from a register's practice list. */
  practices = klynge_test_data_path ("import/real/phs-contactdetails.csv");
  clinics_before = klynge_test_count (klynge_context_get_db (context), "SELECT count(*) FROM clinic", 0);
  page = klynge_ui_test_show_page (window, "clusters", KLYNGE_TYPE_CLUSTERS_PAGE);
  gtk_widget_activate_action (page, "clusters.import-practices", "s", practices);
  KLYNGE_UI_TEST_WAIT (klynge_test_count (klynge_context_get_db (context), "SELECT count(*) FROM clinic", 0) == clinics_before + 6);
  g_assert_cmpint (klynge_test_count (klynge_context_get_db (context), "SELECT count(*) FROM clinic WHERE provider_number = '41101'", 0), ==, 1);
}

static void
test_assistant_choices (void)
{
  run_on_demo_copy (assistant_choices);
}

static void
test_real_file_choices (void)
{
  run_on_demo_copy (real_file_choices);
}

/* OpenPrescribing's months are dates on their first day: the assistant
 * offers months and stores them so. A new indicator with the file's unknown
 * clinics: both are offered at once. */
static void
month_dates (KlyngeWindow *window,
             gpointer      user_data)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));
  GtkWindow *assistant = open_assistant (window, "import/real/openprescribing-items.csv");
  GtkWidget *length = klynge_ui_test_find_named (GTK_WIDGET (assistant), "period-length");
  GtkWidget *entry, *numerator;
  KlyngeImportSheet *sheet;

  g_assert_true (gtk_widget_get_visible (length));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (length)), ==, 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (length)), ==,
                   "Every date in the file’s first rows is the first of a month");
  choose_with_keys (assistant, find_titled_row (GTK_WIDGET (assistant), "Layout"), 1);
  choose_with_keys (assistant, find_titled_row (GTK_WIDGET (assistant), "Clinic"), 2);   /* id */
  choose_with_keys (assistant, find_titled_row (GTK_WIDGET (assistant), "Period"), 1);   /* date */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (length)), ==, 1);

  entry = klynge_ui_test_find_named (GTK_WIDGET (assistant), "new-indicator");
  gtk_widget_grab_focus (entry);
  klynge_ui_test_type (assistant, "Antibacterial actual cost");
  klynge_ui_test_press_key (assistant, GDK_KEY_Return, 0);
  KLYNGE_UI_TEST_WAIT (find_titled_row (GTK_WIDGET (assistant), "Antibacterial actual cost") != NULL);
  numerator = klynge_ui_test_find_widget (find_titled_row (GTK_WIDGET (assistant), "Antibacterial actual cost"),
                                          GTK_TYPE_DROP_DOWN);
  /* The new row's list would open below Xvfb's small screen. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (numerator), 5);   /* y_actual_cost */

  sheet = KLYNGE_IMPORT_SHEET (klynge_ui_test_find_widget (GTK_WIDGET (assistant), KLYNGE_TYPE_IMPORT_SHEET));
  g_signal_emit_by_name (klynge_ui_test_find_button (GTK_WIDGET (sheet), "C_heck File"), "clicked");
  KLYNGE_UI_TEST_WAIT (!klynge_import_sheet_is_busy (sheet) &&
                       gtk_widget_get_visible (klynge_ui_test_find_named (GTK_WIDGET (sheet), "file-clinics")));
  g_assert_nonnull (find_titled_row (GTK_WIDGET (sheet), "Add the file’s _indicators Klynge does not know"));
  g_assert_nonnull (find_titled_row (GTK_WIDGET (sheet), "_Add all the file’s clinics to this cluster"));

  adw_action_row_activate (ADW_ACTION_ROW (find_titled_row (GTK_WIDGET (sheet), "Add the file’s _indicators Klynge does not know")));
  KLYNGE_UI_TEST_WAIT (gtk_switch_get_active (find_switch (GTK_WIDGET (sheet), "Add the file’s _indicators Klynge does not know")));
  wait_while_busy (sheet);
  adw_action_row_activate (ADW_ACTION_ROW (find_titled_row (GTK_WIDGET (sheet), "_Add all the file’s clinics to this cluster")));
  KLYNGE_UI_TEST_WAIT (gtk_switch_get_active (find_switch (GTK_WIDGET (sheet), "_Add all the file’s clinics to this cluster")));
  KLYNGE_UI_TEST_WAIT (!klynge_import_sheet_is_busy (sheet) &&
                       gtk_widget_is_sensitive (klynge_ui_test_find_button (GTK_WIDGET (sheet), "_Import")));
  g_object_ref (sheet);
  g_signal_emit_by_name (klynge_ui_test_find_button (GTK_WIDGET (sheet), "_Import"), "clicked");
  KLYNGE_UI_TEST_WAIT (klynge_test_count (db, "SELECT count(*) FROM measurement m JOIN indicator i ON i.id = m.indicator_id "
                                              "WHERE i.name = 'Antibacterial actual cost' AND m.period IN ('2014-10', '2014-11', '2014-12')",
                                          0) == 9);
  wait_while_busy (sheet);
  g_object_unref (sheet);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM measurement WHERE period LIKE '2014-__-__'", 0), ==, 0);
}

static void
test_month_dates (void)
{
  klynge_ui_test_run_on_demo (month_dates, NULL);
}

static const KlyngeChartData *
slide_data (GtkWidget *presentation)
{
  return klynge_chart_view_get_data (KLYNGE_CHART_VIEW (klynge_ui_test_find_widget (presentation, KLYNGE_TYPE_CHART_VIEW)));
}

/* The numerator the slide shows for @clinic, or -1. */
static gint64
slide_numerator (GtkWidget *presentation,
                 gint64     clinic)
{
  const KlyngeChartData *data = slide_data (presentation);

  for (guint i = 0; data != NULL && i < data->rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

      if (row->clinic_id == clinic)
        return row->numerator;
    }
  return -1;
}

/* The name of a clinic of the cluster that @text shows, or NULL. */
static char *
find_clinic_name (KlyngeDb   *db,
                  const char *text)
{
  sqlite3_stmt *stmt = klynge_db_prepare (db, "SELECT name FROM clinic", NULL);
  char *found = NULL;

  g_assert_nonnull (stmt);
  while (found == NULL && sqlite3_step (stmt) == SQLITE_ROW)
    if (strstr (text, (const char *) sqlite3_column_text (stmt, 0)) != NULL)
      found = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return found;
}

static void
set_switch (GtkWidget  *sheet,
            const char *row)
{
  GtkWidget *toggle = klynge_ui_test_find_widget (klynge_ui_test_find_named (sheet, row), GTK_TYPE_SWITCH);

  gtk_switch_set_active (GTK_SWITCH (toggle), !gtk_switch_get_active (GTK_SWITCH (toggle)));
}

/* At the meeting: F5, then a clinic's file dropped on the slide. The sheet
 * takes on the slides' theme, names no clinic (the file, named after one,
 * has a stored clinic's numbers and a misspelt name), asks for the period
 * the file lacks, and the slide shows the file's numbers once imported. */
static void
live_import_anonymous (KlyngeWindow *window,
                       gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  KlyngeDb *db = klynge_context_get_db (context);
  AdwStyleManager *style = adw_style_manager_get_default ();
  AdwColorScheme scheme;
  g_autoptr(KlyngeImportMapping) mapping = klynge_import_mapping_new ();
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Lægehuset Østergade HbA1c.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autofree char *named = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *period = NULL;
  g_autofree char *summary = NULL;
  gint64 clinic = klynge_test_count (db, "SELECT id FROM clinic WHERE provider_number = '012345'", 0);
  const KlyngeChartData *data;
  GtkWidget *presentation, *sheet, *period_row;
  GtkWindow *live;
  gint64 clicked;

  klynge_ui_test_screenshot_style ();
  scheme = adw_style_manager_get_color_scheme (style);
  klynge_ui_test_show_page (window, "charts", KLYNGE_TYPE_CHARTS_PAGE);
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_F5, 0);
  KLYNGE_UI_TEST_WAIT ((presentation = find_presentation ()) != NULL && gtk_widget_get_mapped (presentation));
  data = slide_data (presentation);
  g_assert_nonnull (data);
  g_assert_nonnull (data->period);
  period = g_strdup (data->period);
  g_assert_cmpint (slide_numerator (presentation, clinic), !=, 7);

  mapping->layout = KLYNGE_IMPORT_WIDE;
  mapping->clinic = g_strdup ("Ydernummer");
  klynge_import_mapping_add_wide (mapping, data->indicator_name, "Tæller", "Nævner", NULL);
  g_assert_true (klynge_import_mapping_save (db, klynge_context_get_cluster_id (context), "Region HbA1c", mapping, NULL));
  g_assert_true (g_file_set_contents (path, "Ydernummer;Tæller;Nævner\n012345;7;70\nLægehuset Østergaard;3;40\n", -1, NULL));
  meeting = klynge_submissions_meeting_period (db, klynge_context_get_cluster_id (context));

  g_assert_true (drop_file (presentation, file));
  KLYNGE_UI_TEST_WAIT ((live = find_import_window (window)) != NULL);
  sheet = klynge_ui_test_find_widget (GTK_WIDGET (live), KLYNGE_TYPE_IMPORT_SHEET);
  wait_while_busy (KLYNGE_IMPORT_SHEET (sheet));

  /* The slides are dark: so is the window over them. */
  g_assert_cmpint (klynge_presentation_get_theme (KLYNGE_PRESENTATION (presentation)), ==, KLYNGE_CHART_THEME_DARK);
  g_assert_true (adw_style_manager_get_dark (style));

  /* No period in the file: the sheet asks, offering the meeting's. */
  period_row = klynge_ui_test_find_named (sheet, "period");
  g_assert_true (gtk_widget_get_visible (period_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (period_row)), ==, meeting);
  summary = g_strdup (gtk_label_get_text (GTK_LABEL (klynge_ui_test_find_named (sheet, "summary"))));
  klynge_ui_test_type_over (live, period_row, period);
  klynge_ui_test_press_key (live, GDK_KEY_Return, 0);
  /* Checked again: the file's numbers are now those stored for the slide's period. */
  KLYNGE_UI_TEST_WAIT (!klynge_import_sheet_is_busy (KLYNGE_IMPORT_SHEET (sheet)) &&
                       *gtk_label_get_text (GTK_LABEL (klynge_ui_test_find_named (sheet, "summary"))) != '\0' &&
                       g_strcmp0 (gtk_label_get_text (GTK_LABEL (klynge_ui_test_find_named (sheet, "summary"))), summary) != 0);
  klynge_ui_test_settle ();

  /* Every label of the window: letters, never a name. */
  text = klynge_ui_test_collect_text (GTK_WIDGET (live));
  named = find_clinic_name (db, text);
  if (named != NULL)
    g_error ("The live import shows “%s” on the projector:\n%s", named, text);
  klynge_ui_test_screenshot (GTK_WIDGET (live), "live-import.png");
  /* The names on the facilitator's word, and the check above would see them. */
  set_switch (sheet, "show-names");
  g_clear_pointer (&text, g_free);
  text = klynge_ui_test_collect_text (GTK_WIDGET (live));
  g_assert_nonnull (strstr (text, "Lægehuset Østergade"));
  set_switch (sheet, "show-names");
  g_clear_pointer (&text, g_free);
  text = klynge_ui_test_collect_text (GTK_WIDGET (live));
  g_assert_null (find_clinic_name (db, text));

  /* The misspelt clinic left out, the stored numbers replaced. */
  set_switch (sheet, "skip-unknown");
  wait_while_busy (KLYNGE_IMPORT_SHEET (sheet));
  adw_combo_row_set_selected (ADW_COMBO_ROW (klynge_ui_test_find_named (sheet, "duplicates")), 1);
  KLYNGE_UI_TEST_WAIT (gtk_widget_is_sensitive (klynge_ui_test_find_actionable (sheet, "sheet.import")));
  g_clear_pointer (&text, g_free);
  text = klynge_ui_test_collect_text (GTK_WIDGET (live));
  g_assert_null (find_clinic_name (db, text));
  clicked = g_get_monotonic_time ();
  g_signal_emit_by_name (klynge_ui_test_find_actionable (sheet, "sheet.import"), "clicked");
  KLYNGE_UI_TEST_WAIT (slide_numerator (presentation, clinic) == 7);
  g_test_message ("The slide showed the import %.0f ms after the click",
                  (g_get_monotonic_time () - clicked) / 1000.0);
  KLYNGE_UI_TEST_WAIT (find_import_window (window) == NULL);
  /* The app's own style is back once the window is gone. */
  KLYNGE_UI_TEST_WAIT (adw_style_manager_get_color_scheme (style) == scheme);
  klynge_ui_test_press_key (GTK_WINDOW (presentation), GDK_KEY_Escape, 0);
  KLYNGE_UI_TEST_WAIT (find_presentation () == NULL);
  klynge_test_remove_tree (dir);
}

static void
test_live_import_anonymous (void)
{
  klynge_ui_test_run_on_demo (live_import_anonymous, NULL);
}

/* The stored numerator of the clinic numbered 012345 for the view's indicator and period. */
static gint64
stored_numerator (KlyngeDb   *db,
                  gint64      indicator,
                  const char *period)
{
  sqlite3_stmt *stmt = klynge_db_prepare (db, "SELECT m.numerator FROM measurement m JOIN clinic c ON c.id = m.clinic_id "
                                              "WHERE c.provider_number = '012345' AND m.indicator_id = ?1 AND m.period = ?2", NULL);
  gint64 numerator = -1;

  sqlite3_bind_int64 (stmt, 1, indicator);
  sqlite3_bind_text (stmt, 2, period, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    numerator = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return numerator;
}

/* When the @n-th row of the list was corrected by hand, or NULL. */
static const char *
edited_at (GtkSingleSelection *selection,
           guint               n)
{
  g_autoptr(KlyngeMeasurementItem) item = g_list_model_get_item (G_LIST_MODEL (selection), n);

  return klynge_measurement_item_get_edited_at (item);
}

/* The error label the batches list shows in place of its rows, if it does. */
static GtkWidget *
batches_error (GtkWidget *batches)
{
  for (GtkWidget *child = gtk_widget_get_first_child (batches); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) && gtk_widget_has_css_class (child, "error"))
      return child;
  return NULL;
}

/* Batches that cannot be read are not shown as "No files imported yet":
 * the list says why where its rows would be. */
static void
unreadable_batches (KlyngeWindow *window,
                    gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "data", KLYNGE_TYPE_DATA_PAGE);
  GtkWidget *batches = klynge_ui_test_find_named (page, "batches");
  KlyngeContext *context = klynge_window_get_context (window);

  g_assert_null (batches_error (batches));
  g_assert_true (klynge_db_exec (klynge_context_get_db (context), "ALTER TABLE import_batch RENAME TO import_batch_away", NULL));
  klynge_context_emit_changed (context);
  KLYNGE_UI_TEST_WAIT (batches_error (batches) != NULL);
  g_assert_cmpuint (n_rows (batches), ==, 0);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (batches_error (batches))), "import_batch"));
}

static void
test_unreadable_batches (void)
{
  klynge_ui_test_run_on_demo (unreadable_batches, NULL);
}

/* Measurements that cannot be read are not an empty list nor a count of
 * none: the measurements window, the Data area's count and the window's
 * subtitle say why in their place. */
static void
unreadable_measurements (KlyngeWindow *window,
                         gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  GtkWidget *page = klynge_ui_test_show_page (window, "data", KLYNGE_TYPE_DATA_PAGE);
  GtkWidget *summary = klynge_ui_test_find_named (page, "summary");
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (klynge_ui_test_find_widget (GTK_WIDGET (window),
                                                                                     ADW_TYPE_VIEW_SWITCHER_TITLE));
  GtkWidget *error_page;
  GtkWindow *view;

  g_signal_emit_by_name (klynge_ui_test_find_actionable (page, "data.measurements"), "clicked");
  KLYNGE_UI_TEST_WAIT ((view = klynge_ui_test_find_toplevel (KLYNGE_TYPE_MEASUREMENTS_WINDOW)) != NULL);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (klynge_ui_test_find_named (GTK_WIDGET (view), "measurements")));
  error_page = klynge_ui_test_find_named (GTK_WIDGET (view), "measurements-error");
  g_assert_false (gtk_widget_get_mapped (error_page));
  g_assert_false (gtk_widget_has_css_class (summary, "error"));

  g_assert_true (klynge_db_exec (klynge_context_get_db (context), "ALTER TABLE measurement RENAME TO measurement_away", NULL));
  g_assert_true (klynge_db_exec (klynge_context_get_db (context), "ALTER TABLE measurement_count RENAME TO measurement_count_away", NULL));
  klynge_context_emit_changed (context);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (error_page));
  g_assert_false (gtk_widget_get_mapped (klynge_ui_test_find_named (GTK_WIDGET (view), "measurements")));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)), "measurement"));
  KLYNGE_UI_TEST_WAIT (gtk_widget_has_css_class (summary, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (summary)), "measurement_count"));
  g_assert_nonnull (strstr (adw_view_switcher_title_get_subtitle (title), "measurement_count"));
  gtk_window_close (view);
}

static void
test_unreadable_measurements (void)
{
  klynge_ui_test_run_on_demo (unreadable_measurements, NULL);
}

/* Saved mappings and indicators that cannot be read: the assistant says
 * why in the row or group they fill, and neither keeps a mapping that is
 * not the one chosen nor guesses one past a saved one. */
static void
unreadable_mappings (KlyngeWindow *window,
                     gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  KlyngeDb *db = klynge_context_get_db (context);
  g_autoptr(KlyngeImportMapping) saved = klynge_import_mapping_new ();
  GtkWidget *row, *error_label;
  GtkWindow *assistant;

  /* a: one saved, which cannot be read when it is chosen. */
  saved->layout = KLYNGE_IMPORT_WIDE;
  saved->clinic = g_strdup ("NO SUCH COLUMN");
  g_assert_true (klynge_import_mapping_save (db, klynge_context_get_cluster_id (context), "Elsewhere", saved, NULL));
  assistant = open_assistant (window, "import/real/nhsd-gp-reg-jan2021.csv");
  row = klynge_ui_test_find_named (GTK_WIDGET (assistant), "saved-mapping");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_true (klynge_db_exec (db, "ALTER TABLE import_mapping RENAME TO import_mapping_away", NULL));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "import_mapping"));
  gtk_window_close (assistant);

  /* b: none can be read: the row says so, and the file's columns are not guessed. */
  assistant = open_assistant (window, "import/real/nhsd-gp-reg-jan2021.csv");
  row = klynge_ui_test_find_named (GTK_WIDGET (assistant), "saved-mapping");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "import_mapping"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (klynge_ui_test_find_named (GTK_WIDGET (assistant), "preview"))),
                            "import_mapping"));
  gtk_window_close (assistant);
  g_assert_true (klynge_db_exec (db, "ALTER TABLE import_mapping_away RENAME TO import_mapping", NULL));

  /* c: without the indicators there are no rows to map, nor a new one to name. */
  g_assert_true (klynge_db_exec (db, "ALTER TABLE indicator RENAME TO indicator_away", NULL));
  assistant = open_assistant (window, "import/real/nhsd-gp-reg-jan2021.csv");
  error_label = klynge_ui_test_find_error (klynge_ui_test_find_named (GTK_WIDGET (assistant), "wide"));
  g_assert_nonnull (error_label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "indicator"));
  g_assert_false (gtk_widget_is_sensitive (klynge_ui_test_find_named (GTK_WIDGET (assistant), "new-indicator")));
  gtk_window_close (assistant);
  g_assert_true (klynge_db_exec (db, "ALTER TABLE indicator_away RENAME TO indicator", NULL));
}

/* The sheet on a dropped file: saved mappings that cannot be read are not
 * "none saved", and letters that cannot be read do not leave the names on
 * the projector. */
static void
unreadable_sheet_choices (KlyngeWindow *window,
                          gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  KlyngeDb *db = klynge_context_get_db (context);
  g_autofree char *path = klynge_test_data_path ("import/diabetes-long-utf8bom.csv");
  GtkWidget *sheet = g_object_ref_sink (klynge_import_sheet_new ());
  GtkWidget *mapping_row = klynge_ui_test_find_widget (sheet, ADW_TYPE_COMBO_ROW);
  GtkWidget *summary = klynge_ui_test_find_named (sheet, "summary");

  g_assert_true (klynge_db_exec (db, "ALTER TABLE import_mapping RENAME TO import_mapping_away", NULL));
  klynge_import_sheet_set_compact (KLYNGE_IMPORT_SHEET (sheet), TRUE);
  klynge_import_sheet_set_context (KLYNGE_IMPORT_SHEET (sheet), context);
  klynge_import_sheet_set_file (KLYNGE_IMPORT_SHEET (sheet), path);
  g_assert_true (gtk_widget_has_css_class (mapping_row, "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (mapping_row)), "import_mapping"));
  g_assert_true (klynge_db_exec (db, "ALTER TABLE import_mapping_away RENAME TO import_mapping", NULL));

  g_assert_true (klynge_db_exec (db, "ALTER TABLE clinic_letter RENAME TO clinic_letter_away", NULL));
  klynge_import_sheet_set_anonymous (KLYNGE_IMPORT_SHEET (sheet), 0);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (summary)), "clinic_letter"));
  klynge_import_sheet_check (KLYNGE_IMPORT_SHEET (sheet));
  g_assert_false (klynge_import_sheet_is_busy (KLYNGE_IMPORT_SHEET (sheet)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (summary)), "clinic_letter"));
  g_assert_true (klynge_db_exec (db, "ALTER TABLE clinic_letter_away RENAME TO clinic_letter", NULL));
  g_object_unref (sheet);
}

static void
test_unreadable_sheet_choices (void)
{
  klynge_ui_test_run_on_demo (unreadable_sheet_choices, NULL);
}

static void
test_unreadable_mappings (void)
{
  klynge_ui_test_run_on_demo (unreadable_mappings, NULL);
}

/* The Data area's measurements: a clinic's value corrected by typing,
 * refused when it is no count, and Ctrl+Z brings the old one back. */
static void
measurements_view (KlyngeWindow *window,
                   gpointer      user_data)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));
  GtkWidget *page, *table, *numerator, *message;
  GtkSingleSelection *selection;
  GtkWindow *view;
  g_autofree char *period = NULL;
  gint64 indicator, before;
  guint n;

  klynge_ui_test_screenshot_style ();
  page = klynge_ui_test_show_page (window, "data", KLYNGE_TYPE_DATA_PAGE);
  g_signal_emit_by_name (klynge_ui_test_find_actionable (page, "data.measurements"), "clicked");
  KLYNGE_UI_TEST_WAIT ((view = klynge_ui_test_find_toplevel (KLYNGE_TYPE_MEASUREMENTS_WINDOW)) != NULL);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (view)));
  table = klynge_ui_test_find_named (GTK_WIDGET (view), "measurements");
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 9);

  /* The demo's first indicator in its latest period, from the demo's data. */
  indicator = klynge_test_count (db, "SELECT indicator_id FROM measurement ORDER BY indicator_id LIMIT 1", 0);
  period = g_strdup ("2026-Q1");
  before = stored_numerator (db, indicator, period);
  g_assert_cmpint (before, >, 0);
  for (n = 0; n < g_list_model_get_n_items (G_LIST_MODEL (selection)); n++)
    {
      g_autoptr(KlyngeMeasurementItem) item = g_list_model_get_item (G_LIST_MODEL (selection), n);

      if (g_strcmp0 (klynge_measurement_item_get_clinic_number (item), "012345") == 0)
        {
          g_assert_cmpint (klynge_measurement_item_get_numerator (item), ==, before);
          break;
        }
    }
  gtk_single_selection_set_selected (selection, n);
  numerator = klynge_ui_test_find_named (GTK_WIDGET (view), "numerator");
  KLYNGE_UI_TEST_WAIT (atoi (gtk_editable_get_text (GTK_EDITABLE (numerator))) == before);

  /* Not a count: refused, said so, nothing written. */
  message = klynge_ui_test_find_named (GTK_WIDGET (view), "message");
  klynge_ui_test_type_over (view, numerator, "12x");
  klynge_ui_test_press_key (view, GDK_KEY_Return, 0);
  KLYNGE_UI_TEST_WAIT (*gtk_label_get_text (GTK_LABEL (message)) != '\0');
  g_assert_cmpint (stored_numerator (db, indicator, period), ==, before);

  klynge_ui_test_type_over (view, numerator, "3");
  klynge_ui_test_press_key (view, GDK_KEY_Return, 0);
  KLYNGE_UI_TEST_WAIT (stored_numerator (db, indicator, period) == 3);
  g_assert_nonnull (edited_at (selection, n));
  klynge_ui_test_screenshot (GTK_WIDGET (view), "measurements.png");

  /* Ctrl+Z in the view, as anywhere. */
  klynge_ui_test_press_key (view, GDK_KEY_z, GDK_CONTROL_MASK);
  KLYNGE_UI_TEST_WAIT (stored_numerator (db, indicator, period) == before);
  KLYNGE_UI_TEST_WAIT (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (numerator)), "3") != 0);
  KLYNGE_UI_TEST_WAIT (edited_at (selection, n) == NULL);

  /* Only the missing ones: none in the demo's data. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (klynge_ui_test_find_named (GTK_WIDGET (view), "filter")), 1);
  KLYNGE_UI_TEST_WAIT (g_list_model_get_n_items (G_LIST_MODEL (selection)) == 0);
  gtk_window_close (view);
}

static void
test_measurements_view (void)
{
  klynge_ui_test_run_on_demo (measurements_view, NULL);
}

/* The tracker: a clinic's data that came on paper are marked received by
 * hand with a note typed in, and the count of delivered clinics moves. */
static void
tracker_by_hand (KlyngeWindow *window,
                 gpointer      user_data)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "data", KLYNGE_TYPE_DATA_PAGE);
  GtkWidget *tracker = klynge_ui_test_find_named (page, "tracker");
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  GtkWindow *dialog;
  GtkWidget *note;

  klynge_ui_test_screenshot_style ();
  /* "4 of 9 clinics have delivered…", in the words of any language. */
  KLYNGE_UI_TEST_WAIT (n_rows (klynge_ui_test_find_named (page, "requests")) == 9);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (tracker)), "4"));
  before = g_strdup (gtk_label_get_text (GTK_LABEL (tracker)));
  g_assert_true (gtk_widget_get_visible (klynge_ui_test_find_named (page, "remind-all")));
  klynge_ui_test_screenshot (GTK_WIDGET (window), "tracker.png");
  g_signal_emit_by_name (by_hand_button (klynge_ui_test_find_named (page, "requests"), FALSE), "clicked");
  KLYNGE_UI_TEST_WAIT ((dialog = klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  note = klynge_ui_test_find_named (GTK_WIDGET (dialog), "note");
  klynge_ui_test_type_over (dialog, note, "By phone");
  klynge_ui_test_press_key (dialog, GDK_KEY_Return, 0);
  KLYNGE_UI_TEST_WAIT (g_strcmp0 (gtk_label_get_text (GTK_LABEL (tracker)), before) != 0);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (tracker)), "5"));
  text = klynge_ui_test_collect_text (klynge_ui_test_find_named (page, "requests"));
  g_assert_nonnull (strstr (text, "By phone"));
}

static void
test_tracker_by_hand (void)
{
  klynge_ui_test_run_on_demo (tracker_by_hand, NULL);
}

/* A change made in the area changes the rows it concerns and nothing
 * else: the lists keep their row widgets, the row with the keyboard's
 * focus keeps it, and the page keeps its scroll position. */
static void
tracker_keeps_place (KlyngeWindow *window,
                     gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  GtkWidget *page = klynge_ui_test_show_page (window, "data", KLYNGE_TYPE_DATA_PAGE);
  GtkWidget *requests = klynge_ui_test_find_named (page, "requests");
  GtkWidget *batches = klynge_ui_test_find_named (page, "batches");
  GtkAdjustment *adjustment;
  g_autoptr(GPtrArray) request_rows = NULL;
  g_autoptr(GPtrArray) batch_rows = NULL;
  g_autofree char *sql = NULL;
  GtkWidget *row;
  GtkWindow *dialog;
  double value;

  /* Files enough to scroll the page. */
  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20) "
                         "INSERT INTO import_batch (cluster_id, file_name, row_count) "
                         "SELECT %" G_GINT64_FORMAT ", 'file-' || i || '.csv', i FROM n",
                         klynge_context_get_cluster_id (context));
  g_assert_true (klynge_db_exec (klynge_context_get_db (context), sql, NULL));
  klynge_context_emit_changed (context);
  KLYNGE_UI_TEST_WAIT (n_rows (batches) == 20 && n_rows (requests) == 9);

  /* The last clinic with something missing has the keyboard's focus. */
  row = gtk_widget_get_ancestor (by_hand_button (requests, TRUE), GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  KLYNGE_UI_TEST_WAIT (gtk_widget_has_focus (GTK_WIDGET (row)));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (requests, GTK_TYPE_SCROLLED_WINDOW)));
  KLYNGE_UI_TEST_WAIT (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 100);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  klynge_ui_test_settle ();
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, >, 0);
  request_rows = klynge_ui_test_list_rows (requests);
  batch_rows = klynge_ui_test_list_rows (batches);

  g_signal_emit_by_name (klynge_ui_test_find_actionable (row, "data.receive-by-hand"), "clicked");
  KLYNGE_UI_TEST_WAIT ((dialog = klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  klynge_ui_test_type_over (dialog, klynge_ui_test_find_named (GTK_WIDGET (dialog), "note"), "On paper");
  klynge_ui_test_press_key (dialog, GDK_KEY_Return, 0);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  KLYNGE_UI_TEST_WAIT (gtk_list_box_get_row_at_index (GTK_LIST_BOX (requests), 0) != NULL &&
                       klynge_ui_test_shows (requests, "by hand: On paper"));
  klynge_ui_test_settle ();

  klynge_ui_test_assert_same_rows (requests, request_rows);
  klynge_ui_test_assert_same_rows (batches, batch_rows);
  g_assert_true (klynge_ui_test_shows (GTK_WIDGET (row), "by hand: On paper"));
  /* Delivered now: in the same row, its buttons gave way to the tick. */
  g_assert_false (gtk_widget_is_visible (klynge_ui_test_find_actionable (row, "data.receive-by-hand")));
  g_assert_true (gtk_widget_is_visible (klynge_ui_test_find_named (row, "delivered")));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == row);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);
}

static void
test_tracker_keeps_place (void)
{
  klynge_ui_test_run_on_demo (tracker_keeps_place, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/ui/import-and-undo", test_import_and_undo);
  g_test_add_func ("/import/ui/undo-large-import", test_undo_large_import);
  g_test_add_func ("/import/ui/import-then-ctrl-z", test_import_then_ctrl_z);
  g_test_add_func ("/import/ui/real-file-choices", test_real_file_choices);
  g_test_add_func ("/import/ui/live-without-period", test_live_without_period);
  g_test_add_func ("/import/ui/counts-grouped", test_counts_grouped);
  g_test_add_func ("/import/ui/mapping-not-remembered", test_mapping_not_remembered);
  g_test_add_func ("/import/ui/live-import-anonymous", test_live_import_anonymous);
  g_test_add_func ("/import/ui/measurements-view", test_measurements_view);
  g_test_add_func ("/import/ui/unreadable-batches", test_unreadable_batches);
  g_test_add_func ("/import/ui/unreadable-measurements", test_unreadable_measurements);
  g_test_add_func ("/import/ui/unreadable-mappings", test_unreadable_mappings);
  g_test_add_func ("/import/ui/unreadable-sheet-choices", test_unreadable_sheet_choices);
  g_test_add_func ("/import/ui/tracker-by-hand", test_tracker_by_hand);
  g_test_add_func ("/import/ui/tracker-keeps-place", test_tracker_keeps_place);
  g_test_add_func ("/import/ui/assistant-choices", test_assistant_choices);
  g_test_add_func ("/import/ui/month-dates", test_month_dates);
  g_test_add_func ("/import/ui/live-high-contrast", test_live_high_contrast);

  return g_test_run ();
}
