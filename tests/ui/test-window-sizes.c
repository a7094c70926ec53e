/* test-window-sizes.c — every area whole at a phone's width and on small screens
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run once in English and once in Danish (`--danish`), the longer language.
 * At each size every area and each of its tabs is shown and every widget on
 * screen is checked: it gets at least the width it asked for, it lies
 * within the window (across; what a list or page scrolls away vertically is
 * not clipped), and its text is whole unless the label is one of the few
 * designed to shorten long user text.
 */

#include "klynge-i18n.h"

#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "klynge-attendance-flags-window.h"
#include "klynge-chart-export-dialog.h"
#include "klynge-clinic-editor.h"
#include "klynge-cluster-editor.h"
#include "klynge-column-fit.h"
#include "klynge-import-assistant.h"
#include "klynge-ledger-entry-dialog.h"
#include "klynge-measurements-window.h"
#include "klynge-member-editor.h"
#include "klynge-member-import-dialog.h"
#include "klynge-restore-dialog.h"
#include "klynge-topics-window.h"
#include "klynge-ui-test-run.h"

typedef struct
{
  int width;
  int height;
} Size;

static const Size phone = { 360, 640 };
static const Size laptop = { 1100, 760 };
static const Size small = { 800, 600 };

static GString *problems;

static const char *
describe (GtkWidget *widget)
{
  static char text[256];
  const char *label = NULL;

  if (GTK_IS_LABEL (widget))
    label = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  g_snprintf (text, sizeof text, "%s “%s” (%s)", G_OBJECT_TYPE_NAME (widget),
              label ? label : "", gtk_widget_get_name (widget));
  return text;
}

/* Whether @label may end in an ellipsis by design: where a name or a
 * summary is cut to one line, it or its card offers the whole text as a
 * tooltip; a drop-down's or combo row's button shows the choice its list
 * shows whole, and
 * the window title's subtitle repeats the cluster switcher. */
static gboolean
shortens_by_design (GtkLabel *label)
{
  if (gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_DROP_DOWN) != NULL ||
      gtk_widget_get_ancestor (GTK_WIDGET (label), ADW_TYPE_COMBO_ROW) != NULL ||
      gtk_widget_get_ancestor (GTK_WIDGET (label), ADW_TYPE_WINDOW_TITLE) != NULL)
    return TRUE;
  for (GtkWidget *widget = GTK_WIDGET (label); widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (gtk_widget_get_has_tooltip (widget))
        return TRUE;
      if (GTK_IS_BUTTON (widget) || GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_NATIVE (widget))
        return FALSE;
    }
  return FALSE;
}

/* The box @widget's parent gave it, CSS and widget margins included, as
 * gtk_widget_measure() counts them; gtk_widget_get_width() is the content's. */
static void
margin_box (GtkWidget *widget,
            int       *width,
            int       *height)
{
  GtkBorder margin, border, padding;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_margin (gtk_widget_get_style_context (widget), &margin);
  gtk_style_context_get_border (gtk_widget_get_style_context (widget), &border);
  gtk_style_context_get_padding (gtk_widget_get_style_context (widget), &padding);
  G_GNUC_END_IGNORE_DEPRECATIONS
  *width = gtk_widget_get_width (widget) + margin.left + margin.right + border.left + border.right +
           padding.left + padding.right + gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);
  *height = gtk_widget_get_height (widget) + margin.top + margin.bottom + border.top + border.bottom +
            padding.top + padding.bottom + gtk_widget_get_margin_top (widget) + gtk_widget_get_margin_bottom (widget);
}

static void
check_widget (GtkWidget             *widget,
              GtkWidget             *window,
              const graphene_rect_t *inside,
              gboolean               scrolled)
{
  int min_width, min_height, width, height;
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || GTK_IS_NATIVE (widget) || GTK_IS_SCROLLBAR (widget))
    return;

  margin_box (widget, &width, &height);
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  if (min_width > width)
    g_string_append_printf (problems, "  %s: needs %d px, has %d\n", describe (widget), min_width, width);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, MAX (width, 0), &min_height, NULL, NULL, NULL);
  if (min_height > height && !GTK_IS_SCROLLABLE (widget))
    g_string_append_printf (problems, "  %s: needs %d px high, has %d\n", describe (widget), min_height, height);

  if (gtk_widget_get_width (widget) > 0 && gtk_widget_compute_bounds (widget, window, &bounds))
    {
      if (bounds.origin.x < inside->origin.x - 1 ||
          bounds.origin.x + bounds.size.width > inside->origin.x + inside->size.width + 1)
        g_string_append_printf (problems, "  %s: across from %.0f to %.0f, window %.0f\n", describe (widget),
                                bounds.origin.x, bounds.origin.x + bounds.size.width, inside->size.width);
      if (!scrolled && bounds.origin.y + bounds.size.height > inside->origin.y + inside->size.height + 1)
        g_string_append_printf (problems, "  %s: down to %.0f, window %.0f\n", describe (widget),
                                bounds.origin.y + bounds.size.height, inside->size.height);
    }

  if (GTK_IS_LABEL (widget) && !shortens_by_design (GTK_LABEL (widget)) &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    g_string_append_printf (problems, "  %s: cut off\n", describe (widget));

  /* The import's preview shows the file's first rows as they are, and
   * scrolls sideways as a spreadsheet does. */
  if (GTK_IS_SCROLLED_WINDOW (widget) && g_str_equal (gtk_widget_get_name (widget), "preview"))
    return;
  scrolled = scrolled || GTK_IS_SCROLLED_WINDOW (widget) || GTK_IS_VIEWPORT (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_widget (child, window, inside, scrolled);
}

/* The window's inside, without the border a frame drawn by GTK adds: that
 * is what a phone's screen holds. */
static gboolean
window_is (GtkWindow  *window,
           const Size *size)
{
  GtkWidget *content = gtk_window_get_child (window);

  return gtk_widget_get_width (content) == size->width && gtk_widget_get_height (content) == size->height;
}

/* Names the innermost widgets below @widget that ask for more than @width,
 * the ones to fix when the window cannot be made that narrow. */
static void
list_too_wide (GtkWidget *widget,
               int        width,
               GString   *out)
{
  gboolean child_too_wide = FALSE;
  int min_width;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child) || GTK_IS_NATIVE (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      if (min_width > width)
        {
          child_too_wide = TRUE;
          list_too_wide (child, width, out);
        }
    }
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  if (child_too_wide)
    return;
  g_string_append_printf (out, "  %s in %s: %d px, its parts:\n", describe (widget),
                          G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)), min_width);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && !GTK_IS_NATIVE (child))
      {
        gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
        g_string_append_printf (out, "    %s: %d px\n", describe (child), min_width);
      }
}

static void
assert_fits (GtkWindow  *window,
             const char *where,
             const Size *size)
{
  GtkWidget *content = gtk_window_get_child (window);
  int min_width;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  if (min_width > size->width)
    {
      g_autoptr(GString) wide = g_string_new (NULL);

      list_too_wide (content, size->width, wide);
      g_error ("The window in “%s” needs %d px; %d px asked for by:\n%s",
               where, min_width, size->width, wide->str);
    }
}

static void
resize_window (GtkWindow  *window,
               const char *where,
               const Size *size)
{
  GtkWidget *content = gtk_window_get_child (window);

  assert_fits (window, where, size);
  /* The default size may count a frame GTK draws around the content, and
   * the X server answers in its own time: correct by what came out. A
   * page turns narrow on the way, and may then need more. */
  gtk_window_set_default_size (GTK_WINDOW (window), size->width, size->height);
  for (int attempt = 0; attempt < 10; attempt++)
    {
      int default_width, default_height;

      klynge_ui_test_settle ();
      assert_fits (window, where, size);
      if (window_is (window, size))
        break;
      gtk_window_get_default_size (GTK_WINDOW (window), &default_width, &default_height);
      gtk_window_set_default_size (GTK_WINDOW (window),
                                   default_width + size->width - gtk_widget_get_width (content),
                                   default_height + size->height - gtk_widget_get_height (content));
    }
  g_assert_true (window_is (window, size));
}

static void
resize (KlyngeWindow *window,
        const Size   *size)
{
  resize_window (GTK_WINDOW (window), klynge_window_get_area (window), size);
}

static void
check_shown (GtkWindow  *window,
             const char *where)
{
  gsize before = problems->len;
  graphene_rect_t inside;

  klynge_ui_test_settle ();
  g_assert_true (gtk_widget_compute_bounds (gtk_window_get_child (window), GTK_WIDGET (window), &inside));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window)); child; child = gtk_widget_get_next_sibling (child))
    check_widget (child, GTK_WIDGET (window), &inside, FALSE);
  if (problems->len > before)
    g_string_insert (problems, before, g_strdup_printf ("%s at %d×%d:\n", where,
                                                        gtk_widget_get_width (GTK_WIDGET (window)),
                                                        gtk_widget_get_height (GTK_WIDGET (window))));
}

/* With KLYNGE_SHOTS=DIR, each view checked is also saved there as a PNG
 * (the screenshots a change of layout is looked at in). */
static void
save_shot (GtkWindow  *window,
           const char *where)
{
  GtkWidget *content = gtk_window_get_child (window);
  int width = gtk_widget_get_width (content), height = gtk_widget_get_height (content);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *name = NULL, *path = NULL;

  if (g_getenv ("KLYNGE_SHOTS") == NULL)
    return;
  paintable = gtk_widget_paintable_new (content);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  name = g_strdup_printf ("%s-%dx%d-%s.png", g_strcmp0 (g_getenv ("LANGUAGE"), "da") == 0 ? "da" : "en",
                          width, height, where);
  g_strdelimit (name, "/", '-');
  path = g_build_filename (g_getenv ("KLYNGE_SHOTS"), name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void visit_views (KlyngeWindow *window,
                         GtkWidget    *widget,
                         const char   *where);

static void
visit_child (KlyngeWindow *window,
             GtkWidget    *child,
             const char   *where,
             const char   *name)
{
  g_autofree char *here = g_strdup_printf ("%s/%s", where, name);

  check_shown (GTK_WINDOW (window), here);
  save_shot (GTK_WINDOW (window), here);
  visit_views (window, child, here);
}

/* Shows in turn every page of each view stack, of the clusters' lists and,
 * where it is folded, of each leaflet below @widget, checking each. */
static void
visit_views (KlyngeWindow *window,
             GtkWidget    *widget,
             const char   *where)
{
  if (ADW_IS_VIEW_STACK (widget) && gtk_widget_get_mapped (widget))
    {
      AdwViewStack *stack = ADW_VIEW_STACK (widget);
      g_autoptr(GListModel) pages = G_LIST_MODEL (adw_view_stack_get_pages (stack));
      GtkWidget *shown = adw_view_stack_get_visible_child (stack);

      for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
        {
          g_autoptr(AdwViewStackPage) page = g_list_model_get_item (pages, i);

          adw_view_stack_set_visible_child (stack, adw_view_stack_page_get_child (page));
          klynge_ui_test_settle ();
          visit_child (window, adw_view_stack_page_get_child (page), where, adw_view_stack_page_get_name (page));
        }
      adw_view_stack_set_visible_child (stack, shown);
      return;
    }
  if (GTK_IS_STACK (widget) && gtk_widget_get_mapped (widget) && g_str_equal (gtk_widget_get_name (widget), "lists"))
    {
      GtkStack *stack = GTK_STACK (widget);
      g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (stack));
      GtkWidget *shown = gtk_stack_get_visible_child (stack);

      for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (pages, i);
          GtkStackPage *page = GTK_STACK_PAGE (item);

          gtk_stack_set_visible_child (stack, gtk_stack_page_get_child (page));
          klynge_ui_test_settle ();
          visit_child (window, gtk_stack_page_get_child (page), where, gtk_stack_page_get_name (page));
        }
      gtk_stack_set_visible_child (stack, shown);
      return;
    }
  if (ADW_IS_LEAFLET (widget) && adw_leaflet_get_folded (ADW_LEAFLET (widget)))
    {
      AdwLeaflet *leaflet = ADW_LEAFLET (widget);
      g_autoptr(GListModel) pages = G_LIST_MODEL (adw_leaflet_get_pages (leaflet));
      GtkWidget *shown = adw_leaflet_get_visible_child (leaflet);

      for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
        {
          g_autoptr(AdwLeafletPage) page = g_list_model_get_item (pages, i);
          g_autofree char *name = g_strdup_printf ("%u", i + 1);

          if (!adw_leaflet_page_get_navigatable (page))
            continue;
          adw_leaflet_set_visible_child (leaflet, adw_leaflet_page_get_child (page));
          /* Mid-slide both panes stick out: check where the slide ends. */
          KLYNGE_UI_TEST_WAIT (!adw_leaflet_get_child_transition_running (leaflet));
          klynge_ui_test_settle ();
          visit_child (window, adw_leaflet_page_get_child (page), where,
                       adw_leaflet_page_get_name (page) != NULL ? adw_leaflet_page_get_name (page) : name);
        }
      adw_leaflet_set_visible_child (leaflet, shown);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_mapped (child) && !GTK_IS_NATIVE (child))
      visit_views (window, child, where);
}

static GtkWidget *
shown_page (KlyngeWindow *window)
{
  GtkWidget *stack = klynge_ui_test_find_named (GTK_WIDGET (window), "main-stack");
  AdwViewStack *areas_stack = ADW_VIEW_STACK (klynge_ui_test_find_widget (stack, ADW_TYPE_VIEW_STACK));
  GtkWidget *shown = adw_view_stack_get_visible_child (areas_stack);

  /* An area's page is built into its place the first time it is shown. */
  return ADW_IS_BIN (shown) ? adw_bin_get_child (ADW_BIN (shown)) : shown;
}

static const char *areas[] = { "clusters", "meetings", "data", "charts", "finances" };

static void
check_size (KlyngeWindow *window,
            gpointer      user_data)
{
  const Size *size = user_data;

  problems = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      klynge_window_show_area (window, areas[i]);
      klynge_ui_test_settle ();
      resize (window, size);
      check_shown (GTK_WINDOW (window), areas[i]);
      save_shot (GTK_WINDOW (window), areas[i]);
      visit_views (window, shown_page (window), areas[i]);
    }
  if (problems->len > 0)
    g_error ("Clipped:\n%s", problems->str);
  g_string_free (problems, TRUE);
}

static void
test_phone (void)
{
  klynge_ui_test_run_on_demo (check_size, (gpointer) &phone);
}

static void
test_laptop (void)
{
  klynge_ui_test_run_on_demo (check_size, (gpointer) &laptop);
}

static void
test_small (void)
{
  klynge_ui_test_run_on_demo (check_size, (gpointer) &small);
}

static guint
hidden_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  guint hidden = 0;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      hidden += !gtk_column_view_column_get_visible (column);
    }
  return hidden;
}

static int
remembered_width (const char *list,
                  guint       index)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.klynge.Klynge");
  g_autoptr(GVariant) lists = g_settings_get_value (settings, "column-widths");
  g_autoptr(GVariant) widths = g_variant_lookup_value (lists, list, G_VARIANT_TYPE ("ai"));
  int width = -1;

  if (widths != NULL && index < g_variant_n_children (widths))
    g_variant_get_child (widths, index, "i", &width);
  return width;
}

/* The member list: columns that went for lack of room come back as the
 * window widens, and a column's width set by hand is remembered. */
static void
columns_come_back (KlyngeWindow *window,
                   gpointer      user_data)
{
  static const Size narrow = { 560, 640 };
  GtkColumnView *view, *again;
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) second = NULL;
  guint before;

  klynge_window_show_area (window, "clusters");
  resize (window, &laptop);
  view = GTK_COLUMN_VIEW (klynge_ui_test_find_named (GTK_WIDGET (window), "members_view"));
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (view)));
  klynge_ui_test_settle ();
  before = hidden_columns (view);
  resize (window, &narrow);
  KLYNGE_UI_TEST_WAIT (hidden_columns (view) > before);
  resize (window, &laptop);
  KLYNGE_UI_TEST_WAIT (hidden_columns (view) == before);

  /* What dragging a column's edge does. */
  columns = gtk_column_view_get_columns (view);
  second = g_list_model_get_item (columns, 1);
  gtk_column_view_column_set_fixed_width (second, 260);
  g_assert_cmpint (remembered_width ("members_view", 1), ==, 260);
  g_assert_cmpint (remembered_width ("members_view", 0), ==, -1);

  /* The list made again, as in the next session, has it back. */
  again = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  g_object_ref_sink (again);
  gtk_widget_set_name (GTK_WIDGET (again), "members_view");
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (NULL, NULL);

      gtk_column_view_append_column (again, column);
    }
  klynge_column_fit_attach (again);
  g_clear_object (&second);
  second = g_list_model_get_item (gtk_column_view_get_columns (again), 1);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (second), ==, 260);
  g_object_unref (again);
}

static void
test_columns (void)
{
  klynge_ui_test_run_on_demo (columns_come_back, NULL);
}

/* @dialog at a phone's size, or a message dialog at its own (never
 * wider): whole, nothing cut or out of sight across. */
static void
check_dialog (GtkWindow  *dialog,
              const char *where)
{
  g_assert_nonnull (dialog);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  if (ADW_IS_MESSAGE_DIALOG (dialog))
    {
      assert_fits (dialog, where, &phone);
      klynge_ui_test_settle ();
    }
  else
    resize_window (dialog, where, &phone);
  check_shown (dialog, where);
  save_shot (dialog, where);
}

static GtkWindow *
open_from (KlyngeWindow *window,
           const char   *area,
           const char   *action,
           GType         type)
{
  GtkWindow *dialog;

  klynge_window_show_area (window, area);
  KLYNGE_UI_TEST_WAIT (shown_page (window) != NULL && gtk_widget_get_mapped (shown_page (window)));
  g_assert_true (gtk_widget_activate_action (shown_page (window), action, NULL));
  KLYNGE_UI_TEST_WAIT ((dialog = klynge_ui_test_find_toplevel (type)) != NULL);
  return dialog;
}

static void
close_dialog (GtkWindow *dialog)
{
  gtk_window_destroy (dialog);
  klynge_ui_test_settle ();
}

/* Every editor and dialog at 360 px wide. Not GTK 4.8's own keyboard
 * shortcuts window: it lays its columns side by side, each 400 px wide. */
static void
dialogs_at_phone_width (KlyngeWindow *window,
                        gpointer      user_data)
{
  static const struct
  {
    const char *area;
    const char *action;
    GType     (*type) (void);
  } windows[] = {
    { "clusters", "clusters.new-member", klynge_member_editor_get_type },
    { "clusters", "clusters.new-clinic", klynge_clinic_editor_get_type },
    { "clusters", "clusters.edit-cluster", klynge_cluster_editor_get_type },
    { "meetings", "meetings.attendance-overview", klynge_attendance_flags_window_get_type },
    { "data", "data.measurements", klynge_measurements_window_get_type },
    { "charts", "charts.export-chart", klynge_chart_export_dialog_get_type },
    { "finances", "finances.add-entry", klynge_ledger_entry_dialog_get_type },
  };
  KlyngeContext *context = klynge_window_get_context (window);
  KlyngeDb *db = klynge_context_get_db (context);
  g_autofree char *members = g_build_filename (TEST_DATA_DIR, "clusters", "medlemsliste.csv", NULL);
  g_autofree char *data = g_build_filename (TEST_DATA_DIR, "import", "titled-long.csv", NULL);
  g_autoptr(GError) error = NULL;
  KlyngeMemberImport *import;  /* the dialog takes it */
  GtkWindow *dialog, *topics;

  problems = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      dialog = open_from (window, windows[i].area, windows[i].action, windows[i].type ());
      check_dialog (dialog, g_type_name (windows[i].type ()));
      close_dialog (dialog);
    }

  /* The topics window, and its form for a topic. */
  topics = open_from (window, "meetings", "meetings.topics", KLYNGE_TYPE_TOPICS_WINDOW);
  check_dialog (topics, "topics");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (topics), "topics.new-topic", NULL));
  KLYNGE_UI_TEST_WAIT ((dialog = klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  check_dialog (dialog, "topics/new-topic");
  close_dialog (dialog);
  close_dialog (topics);

  /* Those that open once a file is chosen. */
  dialog = GTK_WINDOW (klynge_import_assistant_new (GTK_WINDOW (window), context, data));
  gtk_window_present (dialog);
  check_dialog (dialog, "import");
  close_dialog (dialog);
  import = klynge_member_import_read (db, klynge_context_get_cluster_id (context), members, NULL, &error);
  g_assert_no_error (error);
  dialog = GTK_WINDOW (klynge_member_import_dialog_new (GTK_WINDOW (window), db, klynge_context_get_cluster_id (context),
                                                        members, import));
  gtk_window_present (dialog);
  check_dialog (dialog, "member-import");
  close_dialog (dialog);
  dialog = GTK_WINDOW (klynge_restore_dialog_new (GTK_WINDOW (window), klynge_db_get_path (db)));
  gtk_window_present (dialog);
  check_dialog (dialog, "restore");
  close_dialog (dialog);


  if (problems->len > 0)
    g_error ("Clipped:\n%s", problems->str);
  g_string_free (problems, TRUE);
}

static void
test_dialogs (void)
{
  klynge_ui_test_run_on_demo (dialogs_at_phone_width, NULL);
}

int
main (int   argc,
      char *argv[])
{
  gboolean danish = argc > 1 && g_str_equal (argv[1], "--danish");

  if (danish)
    {
      argv[1] = argv[0];
      argv++;
      argc--;
    }
  klynge_ui_test_use_language (danish, BUILD_LOCALEDIR);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/window-sizes/360x640", test_phone);
  g_test_add_func ("/ui/window-sizes/1100x760", test_laptop);
  g_test_add_func ("/ui/window-sizes/800x600", test_small);
  g_test_add_func ("/ui/window-sizes/columns", test_columns);
  g_test_add_func ("/ui/window-sizes/dialogs", test_dialogs);
  return g_test_run ();
}
