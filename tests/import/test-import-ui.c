/* test-import-ui.c — the import assistant, Undo, the tracker and the live import on the real window
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <string.h>

#include "klynge-charts-page.h"
#include "klynge-data-page.h"
#include "klynge-import-assistant.h"
#include "klynge-import-sheet.h"
#include "klynge-presentation.h"
#include "klynge-submissions.h"
#include "klynge-test-utils.h"
#include "klynge-ui-test-utils.h"

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
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (klynge_import_sheet_is_busy (sheet) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (klynge_import_sheet_is_busy (sheet));
  klynge_ui_test_flush ();
}

/* The preview is read in a worker: its Stop button shows until it is read. */
static void
wait_for_preview (GtkWindow *assistant)
{
  GtkWidget *stop = klynge_ui_test_find_named (GTK_WIDGET (assistant), "cancel-preview");
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_nonnull (stop);
  while (gtk_widget_get_visible (stop) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_widget_get_visible (stop));
  klynge_ui_test_flush ();
}

/* The preview shows a short cell whole: "clinic_number", not "clinic_n…". */
static void
assert_preview_readable (GtkWindow *assistant)
{
  GtkWidget *grid = klynge_ui_test_find_widget (klynge_ui_test_find_named (GTK_WIDGET (assistant), "preview"), GTK_TYPE_GRID);
  guint n = 0;

  g_assert_nonnull (grid);
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && g_utf8_strlen (gtk_label_get_text (GTK_LABEL (child)), -1) <= 24)
      {
        if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (child))))
          g_error ("The preview cuts “%s”", gtk_label_get_text (GTK_LABEL (child)));
        n++;
      }
  g_assert_cmpuint (n, >, 6);
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
  wait_while_busy (sheet);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (summary)), "27 measurements"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (summary)), "27 of them are already stored"));

  /* Nothing is written until the user chooses what to do with duplicates. */
  gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.import", NULL);
  klynge_ui_test_flush ();
  g_assert_cmpint (n_batches (window), ==, before);

  adw_combo_row_set_selected (ADW_COMBO_ROW (klynge_ui_test_find_named (GTK_WIDGET (sheet), "duplicates")), 1);
  klynge_ui_test_flush ();
  g_object_ref (sheet);
  gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.import", NULL);
  wait_while_busy (sheet);
  g_object_unref (sheet);
}

/* Undo runs in a worker; returns once the page shows it has ended. */
static void
wait_for_undo (GtkWidget *page)
{
  GtkWidget *progress = klynge_ui_test_find_named (page, "undo-progress");
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_assert_nonnull (progress);
  while (gtk_widget_get_visible (progress) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gtk_widget_get_visible (progress));
  klynge_ui_test_flush ();
}

static void
count_changes_cb (KlyngeContext *context,
                  guint         *n)
{
  (*n)++;
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
  g_autofree char *text = NULL;
  GtkWidget *page, *batches, *tracker, *sheet_row, *preview, *unknown, *presentation;
  KlyngeImportSheet *sheet;
  GtkWindow *assistant;
  guint changes = 0;
  int min_width;

  klynge_window_show_area (window, "data");
  klynge_ui_test_flush ();
  page = klynge_ui_test_find_widget (GTK_WIDGET (window), KLYNGE_TYPE_DATA_PAGE);
  batches = klynge_ui_test_find_named (page, "batches");
  tracker = klynge_ui_test_find_named (page, "tracker");
  g_assert_cmpuint (n_rows (batches), ==, 0);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (tracker)), "0 of 1 clinic has delivered everything"));
  /* The meeting's long title does not widen the page beyond a narrow window. */
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 700);

  /* The assistant: preview, guessed columns, check, import. */
  klynge_data_page_import_file (KLYNGE_DATA_PAGE (page), file);
  klynge_ui_test_flush ();
  assistant = find_import_window (window);
  g_assert_true (KLYNGE_IS_IMPORT_ASSISTANT (assistant));
  wait_for_preview (assistant);
  assert_preview_readable (assistant);
  check_and_import (window, assistant);
  g_assert_null (find_import_window (window));
  g_assert_cmpint (n_batches (window), ==, 1);
  g_assert_cmpuint (n_rows (batches), ==, 1);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (tracker)), "1 of 1 clinic has delivered everything"));

  /* The toast's Undo removes the batch as a whole, from any area. */
  klynge_window_show_area (window, "charts");
  klynge_ui_test_flush ();
  g_signal_emit_by_name (klynge_ui_test_find_toast_button (window, "_Undo"), "clicked");
  KLYNGE_UI_TEST_WAIT (n_batches (window) == 0);
  wait_for_undo (page);
  klynge_window_show_area (window, "data");
  klynge_ui_test_flush ();
  g_assert_cmpint (n_batches (window), ==, 0);
  g_assert_cmpuint (n_rows (batches), ==, 0);

  /* Dropped on the charts: the compact sheet, and every page reloads. */
  g_signal_connect (klynge_window_get_context (window), "changed", G_CALLBACK (count_changes_cb), &changes);
  klynge_window_show_area (window, "charts");
  klynge_ui_test_flush ();
  klynge_window_import_file (window, file);
  klynge_ui_test_flush ();
  assistant = find_import_window (window);
  g_assert_nonnull (assistant);
  g_assert_false (KLYNGE_IS_IMPORT_ASSISTANT (assistant));
  check_and_import (window, assistant);
  g_assert_null (find_import_window (window));
  g_assert_cmpint (n_batches (window), ==, 1);
  g_assert_cmpuint (changes, >=, 1);
  g_signal_handlers_disconnect_by_func (klynge_window_get_context (window), count_changes_cb, &changes);

  /* A workbook of two sheets: the assistant offers the choice and previews the one chosen. */
  klynge_window_show_area (window, "data");
  klynge_data_page_import_file (KLYNGE_DATA_PAGE (page), workbook);
  klynge_ui_test_flush ();
  assistant = find_import_window (window);
  wait_for_preview (assistant);
  sheet_row = klynge_ui_test_find_named (GTK_WIDGET (assistant), "sheet");
  preview = klynge_ui_test_find_named (GTK_WIDGET (assistant), "preview");
  g_assert_true (gtk_widget_get_visible (sheet_row));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (preview)), "“Data”"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (sheet_row), 1);
  wait_for_preview (assistant);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (preview)), "“Notes”"));
  text = klynge_ui_test_collect_text (preview);
  g_assert_nonnull (strstr (text, "second sheet"));
  gtk_window_close (assistant);
  klynge_ui_test_flush ();

  /* Reading the file can be stopped: the window stays usable, nothing is shown. */
  klynge_data_page_import_file (KLYNGE_DATA_PAGE (page), workbook);
  assistant = find_import_window (window);
  g_signal_emit_by_name (klynge_ui_test_find_named (GTK_WIDGET (assistant), "cancel-preview"), "clicked");
  wait_for_preview (assistant);
  preview = klynge_ui_test_find_named (GTK_WIDGET (assistant), "preview");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (preview)), ==, "Reading the file was stopped.");
  g_assert_null (gtk_widget_get_first_child (klynge_ui_test_find_widget (preview, GTK_TYPE_GRID)));
  gtk_window_close (assistant);
  klynge_ui_test_flush ();

  /* Unknown names: the closest clinic and indicator are offered; once
   * chosen, checking again no longer reports them. */
  klynge_data_page_import_file (KLYNGE_DATA_PAGE (page), bad_file);
  klynge_ui_test_flush ();
  assistant = find_import_window (window);
  wait_for_preview (assistant);
  sheet = KLYNGE_IMPORT_SHEET (klynge_ui_test_find_widget (GTK_WIDGET (assistant), KLYNGE_TYPE_IMPORT_SHEET));
  klynge_import_sheet_check (sheet);
  wait_while_busy (sheet);
  unknown = klynge_ui_test_find_named (GTK_WIDGET (sheet), "unknown");
  g_assert_true (gtk_widget_get_visible (unknown));
  g_clear_pointer (&text, g_free);
  text = klynge_ui_test_collect_text (GTK_WIDGET (sheet));
  g_assert_nonnull (strstr (text, "There is no clinic “Lægehuset Østergde”"));
  g_assert_nonnull (strstr (text, "There is no indicator “HbA1c målt”"));
  g_signal_emit_by_name (klynge_ui_test_find_button (unknown, "_Remember and Check Again"), "clicked");
  wait_while_busy (sheet);
  g_clear_pointer (&text, g_free);
  text = klynge_ui_test_collect_text (GTK_WIDGET (sheet));
  g_assert_null (strstr (text, "There is no clinic"));
  g_assert_null (strstr (text, "There is no indicator"));
  g_assert_nonnull (strstr (text, "“21x” is not a number"));
  gtk_window_close (assistant);
  klynge_ui_test_flush ();

  /* Presentation mode: a file dropped on the slide opens the live import over it. */
  klynge_window_show_area (window, "charts");
  klynge_ui_test_flush ();
  gtk_widget_activate_action (klynge_ui_test_find_widget (GTK_WIDGET (window), KLYNGE_TYPE_CHARTS_PAGE), "charts.present", NULL);
  klynge_ui_test_flush ();
  presentation = find_presentation ();
  g_assert_nonnull (presentation);
  g_assert_true (drop_file (presentation, file));
  klynge_ui_test_flush ();
  assistant = find_import_window (window);
  g_assert_nonnull (assistant);
  g_assert_true (gtk_window_get_transient_for (assistant) == GTK_WINDOW (presentation));
  check_and_import (window, assistant);
  g_assert_cmpint (n_batches (window), ==, 2);
  gtk_window_close (GTK_WINDOW (presentation));
  klynge_ui_test_flush ();

  /* The main window takes drops too: on the Data area, the full assistant. */
  klynge_window_show_area (window, "data");
  g_assert_true (drop_file (GTK_WIDGET (window), file));
  klynge_ui_test_flush ();
  assistant = find_import_window (window);
  g_assert_true (KLYNGE_IS_IMPORT_ASSISTANT (assistant));
  gtk_window_close (assistant);
  klynge_ui_test_flush ();
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
  klynge_ui_test_flush ();
  batches = klynge_ui_test_find_named (page, "batches");
  progress = klynge_ui_test_find_named (page, "undo-progress");
  g_assert_cmpuint (n_rows (batches), ==, 1);
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
  klynge_ui_test_flush ();

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
  g_autofree char *text = NULL;
  GtkWidget *skip_bad;

  nhsd->layout = KLYNGE_IMPORT_WIDE;
  nhsd->clinic = g_strdup ("CODE");
  nhsd->period = g_strdup ("EXTRACT_DATE");
  klynge_import_mapping_add_wide (nhsd, "HbA1c measured in last 12 months", NULL, NULL, "NUMBER_OF_PATIENTS");
  sheet = check_real_file (window, "import/real/nhsd-gp-reg-jan2021.csv", nhsd);
  wait_while_busy (sheet);
  g_assert_true (gtk_switch_get_active (find_switch (GTK_WIDGET (sheet), "_Leave out clinics that are not in this cluster")));
  text = klynge_ui_test_collect_text (GTK_WIDGET (sheet));
  g_assert_nonnull (strstr (text, "6 clinics of the file are not in this cluster: their rows (6) are left out."));

  gtk_switch_set_active (find_switch (GTK_WIDGET (sheet), "_Add all the file’s clinics to this cluster"), TRUE);
  wait_while_busy (sheet);
  g_assert_false (gtk_switch_get_active (find_switch (GTK_WIDGET (sheet), "_Leave out clinics that are not in this cluster")));
  g_clear_pointer (&text, g_free);
  text = klynge_ui_test_collect_text (GTK_WIDGET (sheet));
  g_assert_nonnull (strstr (text, "6 clinics are added to the cluster."));
  g_assert_nonnull (strstr (text, "Nothing has been written yet"));

  prescribing->layout = KLYNGE_IMPORT_WIDE;
  prescribing->clinic = g_strdup ("id");
  prescribing->clinic_name = g_strdup ("name");
  prescribing->period = g_strdup ("date");
  prescribing->add_clinics = TRUE;
  klynge_import_mapping_add_wide (prescribing, "HbA1c measured in last 12 months", "y_items", "total_list_size", NULL);
  second = check_real_file (window, "import/real/openprescribing-items.csv", prescribing);
  gtk_switch_set_active (find_switch (GTK_WIDGET (second), "_Add all the file’s clinics to this cluster"), TRUE);
  wait_while_busy (second);
  skip_bad = klynge_ui_test_find_button (GTK_WIDGET (second), "Import the 8 good measurements and leave out the 1 row listed");
  g_assert_nonnull (skip_bad);
  g_signal_emit_by_name (skip_bad, "clicked");
  wait_while_busy (second);
  g_clear_pointer (&text, g_free);
  text = klynge_ui_test_collect_text (GTK_WIDGET (second));
  g_assert_nonnull (strstr (text, "1 row with problems is left out, as listed."));
  g_assert_nonnull (strstr (text, "Nothing has been written yet"));
}

/* At the meeting: a file of next quarter fits the saved mapping, which is
 * taken; it has no period column, so the sheet asks, with the meeting's. */
static void
live_without_period (KlyngeWindow *window,
                     gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  g_autoptr(KlyngeImportMapping) mapping = klynge_import_mapping_new ();
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "hba1c.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autofree char *meeting = NULL;
  KlyngeImportSheet *sheet;
  GtkWindow *live;
  GtkWidget *period;

  mapping->layout = KLYNGE_IMPORT_WIDE;
  mapping->clinic = g_strdup ("Ydernummer");
  klynge_import_mapping_add_wide (mapping, "HbA1c measured in last 12 months", "Tæller", "Nævner", NULL);
  g_assert_true (klynge_import_mapping_save (klynge_context_get_db (context), klynge_context_get_cluster_id (context),
                                             "Region HbA1c", mapping, NULL));
  g_assert_true (g_file_set_contents (path, "Ydernummer;Tæller;Nævner\n012345;30;41\n", -1, NULL));
  meeting = klynge_submissions_meeting_period (klynge_context_get_db (context), klynge_context_get_cluster_id (context));
  g_assert_nonnull (meeting);

  live = klynge_import_sheet_present_live (GTK_WINDOW (window), context, file);
  sheet = KLYNGE_IMPORT_SHEET (klynge_ui_test_find_widget (GTK_WIDGET (live), KLYNGE_TYPE_IMPORT_SHEET));
  wait_while_busy (sheet);
  period = klynge_ui_test_find_named (GTK_WIDGET (sheet), "period");
  g_assert_true (gtk_widget_get_visible (period));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (period)), ==, meeting);
  text = klynge_ui_test_collect_text (GTK_WIDGET (sheet));
  g_assert_nonnull (strstr (text, "Region HbA1c"));
  g_assert_nonnull (strstr (text, "The file holds 1 measurement."));
  gtk_window_close (live);
  klynge_ui_test_flush ();
  klynge_test_remove_tree (dir);
}

static void
test_live_without_period (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  g_autofree char *path = g_strdup (klynge_db_get_path (db));
  const char *argv[] = { "klynge", path, NULL };

  g_clear_object (&db);
  klynge_ui_test_run_app (argv, live_without_period, NULL);
  klynge_test_remove_tree (dir);
}

static void
test_real_file_choices (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  g_autofree char *path = g_strdup (klynge_db_get_path (db));
  const char *argv[] = { "klynge", path, NULL };

  g_clear_object (&db);
  klynge_ui_test_run_app (argv, real_file_choices, NULL);
  klynge_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/ui/import-and-undo", test_import_and_undo);
  g_test_add_func ("/import/ui/undo-large-import", test_undo_large_import);
  g_test_add_func ("/import/ui/real-file-choices", test_real_file_choices);
  g_test_add_func ("/import/ui/live-without-period", test_live_without_period);

  return g_test_run ();
}
