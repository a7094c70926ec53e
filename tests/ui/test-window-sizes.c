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

  scrolled = scrolled || GTK_IS_SCROLLED_WINDOW (widget) || GTK_IS_VIEWPORT (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_widget (child, window, inside, scrolled);
}

/* The window's inside, without the border a frame drawn by GTK adds: that
 * is what a phone's screen holds. */
static gboolean
window_is (KlyngeWindow *window,
           const Size   *size)
{
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (window));

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
assert_fits (KlyngeWindow *window,
             const Size   *size)
{
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (window));
  int min_width;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  if (min_width > size->width)
    {
      g_autoptr(GString) wide = g_string_new (NULL);

      list_too_wide (content, size->width, wide);
      g_error ("The window in area “%s” needs %d px; %d px asked for by:\n%s",
               klynge_window_get_area (window), min_width, size->width, wide->str);
    }
}

static void
resize (KlyngeWindow *window,
        const Size   *size)
{
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (window));

  assert_fits (window, size);
  /* The default size may count a frame GTK draws around the content, and
   * the X server answers in its own time: correct by what came out. A
   * page turns narrow on the way, and may then need more. */
  gtk_window_set_default_size (GTK_WINDOW (window), size->width, size->height);
  for (int attempt = 0; attempt < 10; attempt++)
    {
      int default_width, default_height;

      klynge_ui_test_settle ();
      assert_fits (window, size);
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
check_shown (KlyngeWindow *window,
             const char   *where)
{
  gsize before = problems->len;
  graphene_rect_t inside;

  klynge_ui_test_settle ();
  g_assert_true (gtk_widget_compute_bounds (gtk_window_get_child (GTK_WINDOW (window)), GTK_WIDGET (window), &inside));
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
save_shot (KlyngeWindow *window,
           const char   *where)
{
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (window));
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

  check_shown (window, here);
  save_shot (window, here);
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

  return adw_view_stack_get_visible_child (areas_stack);
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
      check_shown (window, areas[i]);
      save_shot (window, areas[i]);
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
  return g_test_run ();
}
