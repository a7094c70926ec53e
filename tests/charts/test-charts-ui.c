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

#include "klynge-chart-view.h"
#include "klynge-charts-page.h"
#include "klynge-presentation.h"
#include "klynge-test-utils.h"
#include "klynge-ui-test-run.h"

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("KLYNGE_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

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

static void
wait_a_little (void)
{
  for (int i = 0; i < 10; i++)
    {
      klynge_ui_test_flush ();
      g_usleep (20000);
    }
  klynge_ui_test_flush ();
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

  klynge_window_show_area (window, "charts");
  wait_a_little ();
  page = klynge_ui_test_find_widget (GTK_WIDGET (window), KLYNGE_TYPE_CHARTS_PAGE);
  view = klynge_ui_test_find_widget (page, KLYNGE_TYPE_CHART_VIEW);
  g_assert_nonnull (view);

  /* The latest period of the first indicator, every clinic as a letter. */
  data = klynge_chart_view_get_data (KLYNGE_CHART_VIEW (view));
  g_assert_nonnull (data);
  g_assert_cmpstr (data->period, ==, "2026-Q1");
  g_assert_cmpuint (data->rows->len, ==, 9);
  for (guint i = 0; i < data->rows->len; i++)
    g_assert_cmpuint (strlen (((KlyngeChartRow *) g_ptr_array_index (data->rows, i))->label), ==, 1);
  g_assert_cmpint (gtk_widget_get_width (view), >, 400);
  screenshot (GTK_WIDGET (window), "charts-area.png");

  /* The limits menu: chance alone, then back to widening when needed. */
  {
    g_autofree char *limits = NULL;

    g_assert_true (gtk_widget_activate_action (page, "charts.limits", "s", "chance"));
    wait_a_little ();
    g_object_get (page, "limits", &limits, NULL);
    g_assert_cmpstr (limits, ==, "chance");
    g_assert_true (gtk_widget_activate_action (page, "charts.limits", "s", "auto"));
    wait_a_little ();
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
  wait_a_little ();
  data = klynge_chart_view_get_data (KLYNGE_CHART_VIEW (view));
  g_assert_cmpuint (data->rows->len, ==, n_before + 1);

  /* An earlier period chosen on the page… */
  period_picker = GTK_DROP_DOWN (klynge_ui_test_find_named (page, "period"));
  gtk_drop_down_set_selected (period_picker, 0);
  wait_a_little ();
  data = klynge_chart_view_get_data (KLYNGE_CHART_VIEW (view));
  g_assert_cmpstr (data->period, !=, "2026-Q1");
  period = g_strdup (data->period);

  /* Presentation: fullscreen slides stepped with the clicker's keys; F5
   * starts it even with the focus on the header bar, on the page's chart
   * (the funnel, second in the deck) and period. */
  g_assert_true (klynge_ui_test_activate_shortcut (page, "F5"));
  wait_a_little ();
  presentation = find_presentation ();
  g_assert_nonnull (presentation);
  g_assert_cmpuint (klynge_presentation_get_n_slides (presentation), >=, 3);
  g_assert_cmpuint (klynge_presentation_get_slide (presentation), ==, 1);
  data = klynge_chart_view_get_data (KLYNGE_CHART_VIEW (klynge_ui_test_find_widget (GTK_WIDGET (presentation), KLYNGE_TYPE_CHART_VIEW)));
  g_assert_cmpstr (data->period, ==, period);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.previous", NULL);
  g_assert_cmpuint (klynge_presentation_get_slide (presentation), ==, 1);
  wait_a_little ();
  screenshot (GTK_WIDGET (presentation), "presentation.png");
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.contrast", NULL);
  wait_a_little ();
  screenshot (GTK_WIDGET (presentation), "presentation-high-contrast.png");
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.leave", NULL);
  wait_a_little ();
  g_assert_null (find_presentation ());
}

static void
test_charts_area (void)
{
  klynge_ui_test_run_on_demo (charts_area, NULL);
}

/* A cluster without measurements gets a status page that says where the
 * numbers come from, not a blank area. */
static void
empty_cluster (KlyngeWindow *window,
               gpointer      user_data)
{
  GtkWidget *page, *empty;

  klynge_window_show_area (window, "charts");
  wait_a_little ();
  page = klynge_ui_test_find_widget (GTK_WIDGET (window), KLYNGE_TYPE_CHARTS_PAGE);
  empty = klynge_ui_test_find_widget (page, ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_get_mapped (empty));
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/ui/area-and-presentation", test_charts_area);
  g_test_add_func ("/charts/ui/empty-cluster", test_empty_cluster);

  return g_test_run ();
}
