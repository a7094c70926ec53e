/* klynge-record-table.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView of records, as the members, clinics and ledger lists are:
 * columns from descriptors, sorting by collation keys kept with each record,
 * and rows built a screenful at a time, which GTK 4.8 needs for long lists.
 */

#include "klynge-i18n.h"

#include "klynge-column-fit.h"
#include "klynge-record-table.h"

/* GTK 4.8 sorts a column view's list by comparing items through the view's
 * sorter, which gives a string sorter no chance to compute its keys once:
 * every comparison would fold and collate both texts again, 40,000 times for
 * 2,000 members. Each item keeps its collation keys instead, until one of
 * its properties changes: the store updates a saved record in place. */
typedef struct
{
  KlyngeRecordSortText text;
  guint    column;
  GQuark   quark;
} TextSort;

G_DEFINE_QUARK (klynge-sort-keys, sort_keys)

static void
forget_sort_keys_cb (GObject *item)
{
  g_object_set_qdata (item, sort_keys_quark (), NULL);
}

static const char *
text_sort_key (gpointer  item,
               TextSort *sort)
{
  GHashTable *keys = g_object_get_qdata (item, sort_keys_quark ());
  const char *key;

  if (keys == NULL)
    {
      keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_object_set_qdata_full (item, sort_keys_quark (), keys, (GDestroyNotify) g_hash_table_unref);
      if (g_signal_handler_find (item, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, forget_sort_keys_cb, NULL) == 0)
        g_signal_connect (item, "notify", G_CALLBACK (forget_sort_keys_cb), NULL);
    }
  key = g_hash_table_lookup (keys, GUINT_TO_POINTER (sort->quark));
  if (key == NULL)
    {
      g_autofree char *text = sort->text (item, GUINT_TO_POINTER (sort->column));
      g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
      char *collated = g_utf8_collate_key (folded, -1);

      g_hash_table_insert (keys, GUINT_TO_POINTER (sort->quark), collated);
      key = collated;
    }
  return key;
}

static int
compare_text_sort_keys (gconstpointer a,
                        gconstpointer b,
                        gpointer      data)
{
  return strcmp (text_sort_key ((gpointer) a, data), text_sort_key ((gpointer) b, data));
}

static GtkSorter *
column_sorter (KlyngeRecordSort       kind,
               KlyngeRecordSortText   sort_text,
               KlyngeRecordSortNumber sort_number,
               guint                  column)
{
  GtkExpression *expression;
  TextSort *sort;
  g_autofree char *quark = NULL;

  if (kind == KLYNGE_RECORD_SORT_NONE)
    return NULL;
  if (kind == KLYNGE_RECORD_SORT_NUMBER)
    {
      expression = gtk_cclosure_expression_new (G_TYPE_INT64, NULL, 0, NULL, G_CALLBACK (sort_number),
                                                GUINT_TO_POINTER (column), NULL);
      return GTK_SORTER (gtk_numeric_sorter_new (expression));
    }
  sort = g_new (TextSort, 1);
  sort->text = sort_text;
  sort->column = column;
  quark = g_strdup_printf ("klynge-sort-key-%p-%u", (gpointer) sort_text, column);
  sort->quark = g_quark_from_string (quark);
  return GTK_SORTER (gtk_custom_sorter_new (compare_text_sort_keys, sort, g_free));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const KlyngeRecordColumn *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->numeric ? 1 : 0);
  if (column->width_chars > 0)
    gtk_label_set_width_chars (GTK_LABEL (label), column->width_chars);
  if (column->numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

/* A cell's style classes: figures are tabular, and a former member or
 * clinic stays in the list, greyed, with their history. */
static char **
cell_classes (GtkListItem *item,
              gboolean     numeric,
              gboolean     former)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **classes;

  if (numeric)
    g_strv_builder_add (builder, "numeric");
  if (former)
    g_strv_builder_add (builder, "dim-label");
  classes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return classes;
}

/* A cell as a template whose label is bound to the record's property: a
 * record updated in place shows its new values without a rebind. */
static GtkListItemFactory *
bound_cell_factory (const KlyngeRecordColumn *column,
                    GType                     record_type)
{
  const char *type = g_type_name (record_type);
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GString) ui = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GTypeClass) klass = g_type_class_ref (record_type);

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "cell_classes", G_CALLBACK (cell_classes));
  g_string_append_printf (ui,
    "<interface><template class=\"GtkListItem\"><property name=\"child\"><object class=\"GtkLabel\">"
    "<property name=\"xalign\">%d</property>"
    "<binding name=\"label\"><lookup name=\"%s\" type=\"%s\"><lookup name=\"item\">GtkListItem</lookup></lookup></binding>",
    column->numeric ? 1 : 0, column->property, type);
  if (column->width_chars > 0)
    g_string_append_printf (ui, "<property name=\"width-chars\">%d</property>", column->width_chars);
  if (g_object_class_find_property (G_OBJECT_CLASS (klass), "former") != NULL)
    g_string_append_printf (ui,
      "<binding name=\"css-classes\"><closure type=\"GStrv\" function=\"cell_classes\">"
      "<constant type=\"gboolean\">%s</constant>"
      "<lookup name=\"former\" type=\"%s\"><lookup name=\"item\">GtkListItem</lookup></lookup>"
      "</closure></binding>",
      column->numeric ? "true" : "false", type);
  g_string_append (ui, "</object></property></template></interface>");
  bytes = g_string_free_to_bytes (g_steal_pointer (&ui));
  return gtk_builder_list_item_factory_new_from_bytes (scope, bytes);
}

/**
 * klynge_record_table_add_columns:
 * @columns: (array length=n_columns): kept by the view: static
 * @record_type: the type of the records, whose properties the cells bind
 * @bind: the GtkSignalListItemFactory::bind of the cells without a
 *   property, a label child each; klynge_record_table_get_column() says
 *   which column the factory is for
 * @sort_text: (nullable): for the columns sorted as text
 * @sort_number: (nullable): for the columns sorted as numbers
 * @buttons: (nullable) (transfer full): the factory of a last, untitled
 *   column (a row's buttons)
 */
void
klynge_record_table_add_columns (GtkColumnView            *view,
                                 const KlyngeRecordColumn *columns,
                                 guint                     n_columns,
                                 GType                     record_type,
                                 GCallback                 bind,
                                 gpointer                  bind_data,
                                 KlyngeRecordSortText      sort_text,
                                 KlyngeRecordSortNumber    sort_number,
                                 GtkListItemFactory       *buttons)
{
  GtkColumnViewColumn *column;

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GtkSorter) sorter = column_sorter (columns[i].sort, sort_text, sort_number, i);
      GtkListItemFactory *factory;

      if (columns[i].property != NULL)
        factory = bound_cell_factory (&columns[i], record_type);
      else
        {
          factory = gtk_signal_list_item_factory_new ();
          g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
          g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer) &columns[i]);
          g_signal_connect (factory, "bind", bind, bind_data);
        }
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_sorter (column, sorter);
      klynge_column_fit_set_priority (column, columns[i].priority);
      gtk_column_view_append_column (view, column);
      g_object_unref (column);
    }
  if (buttons != NULL)
    {
      column = gtk_column_view_column_new (NULL, buttons);
      gtk_column_view_append_column (view, column);
      g_object_unref (column);
    }
  klynge_column_fit_attach (view);
}

/* Which of the descriptors @factory makes the cells of. */
guint
klynge_record_table_get_column (GtkListItemFactory *factory)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
}

/* GTK 4.8 gives a new model up to 200 rows of widgets at once, which takes
 * far longer than reading 2,000 members. The view therefore shows the first
 * rows of the sorted list and takes a screenful more whenever less than a
 * screenful is left below what is shown. Growing waits for the view's next
 * frame: the rows already there are painted first, a hidden tab's list does
 * not grow at all, and each frame builds only a screenful of rows. */
#define FIRST_ROWS 14
#define MORE_ROWS  20

static gboolean
grow_slice_tick (GtkWidget     *view,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  GtkSliceListModel *slice = data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (slice));
  GListModel *all = gtk_slice_list_model_get_model (slice);
  double below;

  g_object_set_data (G_OBJECT (slice), "grow-tick", NULL);
  if (adjustment == NULL || all == NULL || shown >= g_list_model_get_n_items (all))
    return G_SOURCE_REMOVE;
  below = gtk_adjustment_get_upper (adjustment) -
          (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
  if (below < gtk_adjustment_get_page_size (adjustment))
    gtk_slice_list_model_set_size (slice, shown + MORE_ROWS);
  return G_SOURCE_REMOVE;
}

/* The adjustment changes while the view is being laid out, when rows must
 * not be added; a tab shown again may keep its adjustment's values. */
static void
grow_slice (GtkWidget *view)
{
  GtkSliceListModel *slice = g_object_get_data (G_OBJECT (view), "klynge-slice");

  if (!gtk_widget_get_mapped (view) || g_object_get_data (G_OBJECT (slice), "grow-tick") != NULL)
    return;
  g_object_set_data (G_OBJECT (slice), "grow-tick", GUINT_TO_POINTER (1));
  gtk_widget_add_tick_callback (view, grow_slice_tick, g_object_ref (slice), g_object_unref);
}

static void
vadjustment_cb (GtkScrollable *view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (view);

  if (adjustment == NULL)
    return;
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (grow_slice), view, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (grow_slice), view, G_CONNECT_SWAPPED);
}

/**
 * klynge_record_table_attach_models:
 * @filter: what of the records the list shows
 *
 * Gives @view its models: records → filter (search) → sort (by the clicked
 * column header) → the rows shown → selection. The records go into the
 * returned filter model.
 *
 * Returns: (transfer full): the filter model
 */
GtkFilterListModel *
klynge_record_table_attach_models (GtkColumnView *view,
                                   GtkFilter     *filter)
{
  GtkFilterListModel *filtered = gtk_filter_list_model_new (NULL, g_object_ref (filter));
  GtkSortListModel *sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (filtered)),
                                                      g_object_ref (gtk_column_view_get_sorter (view)));
  GtkSliceListModel *slice = gtk_slice_list_model_new (G_LIST_MODEL (sorted), 0, FIRST_ROWS);
  GtkSingleSelection *selection = gtk_single_selection_new (G_LIST_MODEL (slice));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  /* The selection, which the view keeps, keeps the slice. */
  g_object_set_data (G_OBJECT (view), "klynge-slice", slice);
  g_signal_connect (view, "notify::vadjustment", G_CALLBACK (vadjustment_cb), NULL);
  g_signal_connect (view, "map", G_CALLBACK (grow_slice), NULL);
  vadjustment_cb (GTK_SCROLLABLE (view));
  return filtered;
}

/* A new list or search starts again from the first rows. */
void
klynge_record_table_show_first_rows (GtkColumnView *view)
{
  gtk_slice_list_model_set_size (g_object_get_data (G_OBJECT (view), "klynge-slice"), FIRST_ROWS);
}
