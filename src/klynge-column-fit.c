/* klynge-column-fit.c — a list shows the columns that fit whole
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cells are never cut: a cut e-mail address or amount is a wrong one. When
 * the columns are wider than the list, the least important column goes
 * (and comes back once the list is wide again), so the important columns
 * and the row's buttons stay whole on screen instead of scrolling sideways
 * out of sight.
 *
 * The widths the user gives the columns by dragging their edges are kept
 * in GSettings per list (by the view's widget name) and given back when
 * the list is made again.
 */

#include "config.h"

#include "klynge-column-fit.h"

#define PRIORITY_KEY "klynge-fit-priority"
/* The width the columns needed while a hidden column was still shown. */
#define NEEDED_KEY   "klynge-fit-needed"
#define HIDDEN_KEY   "klynge-fit-hidden"
#define IDLE_KEY     "klynge-fit-idle"
#define SETTINGS_KEY "klynge-fit-settings"

static GtkColumnViewColumn *
least_important_shown (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  GtkColumnViewColumn *found = NULL;
  guint found_priority = 0;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      guint priority = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), PRIORITY_KEY));

      if (gtk_column_view_column_get_visible (column) && priority > found_priority)
        {
          found = column;
          found_priority = priority;
        }
    }
  return found;
}

static void schedule_fit (GtkColumnView *view);

static gboolean
fit_idle_cb (gpointer data)
{
  GtkColumnView *view = data;
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));
  GPtrArray *hidden = g_object_get_data (G_OBJECT (view), HIDDEN_KEY);
  double needed, shown;

  g_object_set_data (G_OBJECT (view), IDLE_KEY, NULL);
  if (adjustment == NULL || !gtk_widget_get_mapped (GTK_WIDGET (view)))
    return G_SOURCE_REMOVE;
  needed = gtk_adjustment_get_upper (adjustment);
  shown = gtk_adjustment_get_page_size (adjustment);
  if (shown <= 0)
    return G_SOURCE_REMOVE;

  if (needed > shown + 0.5)
    {
      GtkColumnViewColumn *column = least_important_shown (view);

      if (column != NULL)
        {
          g_object_set_data (G_OBJECT (column), NEEDED_KEY, GINT_TO_POINTER ((int) needed));
          g_ptr_array_add (hidden, g_object_ref (column));
          gtk_column_view_column_set_visible (column, FALSE);
        }
    }
  else if (hidden->len > 0)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (hidden, hidden->len - 1);

      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), NEEDED_KEY)) <= shown + 0.5)
        {
          gtk_column_view_column_set_visible (column, TRUE);
          g_ptr_array_remove_index (hidden, hidden->len - 1);
          /* The next one may fit too: a list that fits its width has the
           * same adjustment with a column more, and says nothing. */
          schedule_fit (view);
        }
    }
  return G_SOURCE_REMOVE;
}

/* The adjustment changes while the view is laid out, when columns must not
 * come and go: the fit waits for an idle moment. */
static void
schedule_fit (GtkColumnView *view)
{
  if (g_object_get_data (G_OBJECT (view), IDLE_KEY) != NULL)
    return;
  /* The idle holds the view until it ran. */
  g_object_set_data (G_OBJECT (view), IDLE_KEY,
                     GUINT_TO_POINTER (g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, fit_idle_cb,
                                                        g_object_ref (view), g_object_unref)));
}

static void
hadjustment_cb (GtkScrollable *view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (view);

  if (adjustment != NULL)
    g_signal_connect_object (adjustment, "changed", G_CALLBACK (schedule_fit), view, G_CONNECT_SWAPPED);
}

/* Widths set by dragging a column's edge: -1 for a column left as it was. */
static void
fixed_width_cb (GtkColumnViewColumn *changed,
                GParamSpec          *pspec,
                GtkColumnView       *view)
{
  GSettings *settings = g_object_get_data (G_OBJECT (view), SETTINGS_KEY);
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GVariant) old = g_settings_get_value (settings, "column-widths");
  GVariantBuilder lists, widths;
  GVariantIter iter;
  const char *name;
  GVariant *value;

  g_variant_builder_init (&widths, G_VARIANT_TYPE ("ai"));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_variant_builder_add (&widths, "i", gtk_column_view_column_get_fixed_width (column));
    }
  g_variant_builder_init (&lists, G_VARIANT_TYPE ("a{sai}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s@ai}", &name, &value))
    {
      if (!g_str_equal (name, gtk_widget_get_name (GTK_WIDGET (view))))
        g_variant_builder_add (&lists, "{s@ai}", name, value);
      g_variant_unref (value);
    }
  g_variant_builder_add (&lists, "{sai}", gtk_widget_get_name (GTK_WIDGET (view)), &widths);
  g_settings_set_value (settings, "column-widths", g_variant_builder_end (&lists));
}

static void
remember_widths (GtkColumnView *view)
{
  GSettings *settings = g_settings_new (APP_ID);
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GVariant) lists = g_settings_get_value (settings, "column-widths");
  g_autoptr(GVariant) widths = g_variant_lookup_value (lists, gtk_widget_get_name (GTK_WIDGET (view)), G_VARIANT_TYPE ("ai"));
  gsize n_widths = 0;
  const gint32 *width = widths != NULL ? g_variant_get_fixed_array (widths, &n_widths, sizeof (gint32)) : NULL;

  g_object_set_data_full (G_OBJECT (view), SETTINGS_KEY, settings, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      /* The list's columns may have changed since: a width stays its column's. */
      if (i < n_widths && n_widths == g_list_model_get_n_items (columns))
        gtk_column_view_column_set_fixed_width (column, width[i]);
      g_signal_connect_object (column, "notify::fixed-width", G_CALLBACK (fixed_width_cb), view, 0);
    }
}

/**
 * klynge_column_fit_set_priority:
 * @column: a column of a view given to klynge_column_fit_attach()
 * @priority: 0 for a column always shown; the higher, the sooner it goes
 *
 * How soon @column leaves a list too narrow for all its columns.
 */
void
klynge_column_fit_set_priority (GtkColumnViewColumn *column,
                                guint                priority)
{
  g_object_set_data (G_OBJECT (column), PRIORITY_KEY, GUINT_TO_POINTER (priority));
}

/**
 * klynge_column_fit_attach:
 * @view: a column view in a scrolled window, whose cells are never cut
 *
 * Hides @view's least important columns while they do not fit its width,
 * and keeps the widths the user gives its columns under its widget name.
 */
void
klynge_column_fit_attach (GtkColumnView *view)
{
  g_object_set_data_full (G_OBJECT (view), HIDDEN_KEY, g_ptr_array_new_with_free_func (g_object_unref),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (view, "notify::hadjustment", G_CALLBACK (hadjustment_cb), NULL);
  g_signal_connect (view, "map", G_CALLBACK (schedule_fit), NULL);
  hadjustment_cb (GTK_SCROLLABLE (view));
  remember_widths (view);
}
