/* klynge-chart-table.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers behind a chart as a table, for who cannot see the chart or
 * wants to paste its numbers elsewhere: a clinic per row (a meeting per row
 * for attendance). Each row is kept as the tab-separated line Ctrl+C copies,
 * so what is copied is exactly what is shown.
 */

#include <math.h>

#include "klynge-accessible.h"
#include "klynge-chart-table.h"
#include "klynge-i18n.h"
#include "klynge-row-label.h"

enum
{
  COLUMN_CLINIC,
  COLUMN_NUMERATOR,
  COLUMN_DENOMINATOR,
  COLUMN_RATE,
  COLUMN_INTERVAL,
  COLUMN_FLAG,
  N_COLUMNS
};

struct _KlyngeChartTable
{
  GtkWidget           parent_instance;

  GtkWidget          *scroller;  /* bound so that dispose unparents it */
  GtkColumnView      *view;
  GtkMultiSelection  *selection;
  GtkStringList      *rows;
  GtkColumnViewColumn *columns[N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (KlyngeChartTable, klynge_chart_table, GTK_TYPE_WIDGET)

/* A field of a row's line; names lose their tabs before they become one. */
static char *
field (const char *line,
       guint       column)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", N_COLUMNS);

  return g_strdup (column < g_strv_length (fields) ? fields[column] : "");
}

static char *
clean (const char *text)
{
  return g_strdelimit (g_strdup (text != NULL ? text : ""), "\t\n", ' ');
}

static char *
flag_text (const KlyngeChartData *data,
           const KlyngeChartRow  *row,
           int                    flag)
{
  gboolean better = (flag > 0) == data->higher_is_better;

  if (!row->has_counts || !data->has_pooled)
    return g_strdup ("");
  switch (ABS (flag))
    {
    case 2:
      return g_strdup_printf (better ? _("Better, outside the 99.8 %% limits") : _("Worse, outside the 99.8 %% limits"));
    case 1:
      return g_strdup_printf (better ? _("Better, outside the 95 %% limits") : _("Worse, outside the 95 %% limits"));
    default:
      return g_strdup (_("Within the limits"));
    }
}

static char *
row_line (const KlyngeChartData *data,
          const KlyngeChartRow  *row,
          int                    flag)
{
  g_autofree char *label = clean (row->label);
  g_autofree char *value = klynge_chart_format_value (data, row->value, 1);
  g_autofree char *numerator = NULL, *denominator = NULL, *interval = NULL;
  g_autofree char *flagged = flag_text (data, row, flag);

  if (row->has_counts)
    {
      g_autofree char *lower = klynge_chart_format_value (data, row->lower, 1);
      g_autofree char *upper = klynge_chart_format_value (data, row->upper, 1);

      numerator = g_strdup_printf ("%" G_GINT64_FORMAT, row->numerator);
      denominator = g_strdup_printf ("%" G_GINT64_FORMAT, row->denominator);
      interval = isfinite (row->lower) && isfinite (row->upper)
                 ? g_strdup_printf (C_("an interval", "%1$s to %2$s"), lower, upper) : g_strdup ("");
    }
  return g_strjoin ("\t", label, numerator != NULL ? numerator : "", denominator != NULL ? denominator : "",
                    value, interval != NULL ? interval : "", flagged, NULL);
}

static char *
meeting_line (const KlyngeChartMeeting *meeting)
{
  g_autofree char *title = clean (meeting->title);
  guint total = meeting->present + meeting->excused + meeting->absent;
  g_autofree char *rate = total > 0 ? g_strdup_printf ("%.0f %%", 100.0 * meeting->present / total) : g_strdup ("");

  return g_strdup_printf ("%s %s\t%u\t%u\t%s\t\t", title, meeting->date, meeting->present, total, rate);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_CLINIC || column == COLUMN_FLAG ? 0 : 1);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkStringObject *row = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (user_data);
  g_autofree char *text = field (gtk_string_object_get_string (row), column);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  /* The row's name is its line, read as a screen reader reads a list. */
  if (column == COLUMN_CLINIC)
    {
      g_auto(GStrv) fields = g_strsplit (gtk_string_object_get_string (row), "\t", N_COLUMNS);
      g_autoptr(GStrvBuilder) shown = g_strv_builder_new ();
      g_auto(GStrv) parts = NULL;
      g_autofree char *label = NULL;

      for (guint i = 0; fields[i] != NULL; i++)
        if (*fields[i] != '\0')
          g_strv_builder_add (shown, fields[i]);
      parts = g_strv_builder_end (shown);
      label = g_strjoinv (", ", parts);
      klynge_row_label_set (gtk_list_item_get_child (item), label);
    }
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autofree char *text = klynge_chart_table_copy_text (KLYNGE_CHART_TABLE (widget));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
add_columns (KlyngeChartTable *self)
{
  /* xgettext:no-c-format */
  const char *titles[N_COLUMNS] = {
    N_("Clinic"), N_("Numerator"), N_("Denominator"), N_("Rate"), N_("95 % Interval"), N_("Outside Limits"),
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      self->columns[i] = gtk_column_view_column_new (_(titles[i]), factory);
      gtk_column_view_column_set_resizable (self->columns[i], TRUE);
      gtk_column_view_column_set_expand (self->columns[i], i == COLUMN_CLINIC || i == COLUMN_FLAG);
      gtk_column_view_append_column (self->view, self->columns[i]);
      g_object_unref (self->columns[i]);
    }
}

static void
klynge_chart_table_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KLYNGE_TYPE_CHART_TABLE);

  G_OBJECT_CLASS (klynge_chart_table_parent_class)->dispose (object);
}

static void
klynge_chart_table_class_init (KlyngeChartTableClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = klynge_chart_table_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/charts/klynge-chart-table.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartTable, view);
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartTable, selection);
  gtk_widget_class_bind_template_child (widget_class, KlyngeChartTable, rows);
  gtk_widget_class_install_action (widget_class, "table.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "table.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK, "table.copy", NULL);
}

static void
klynge_chart_table_init (KlyngeChartTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_accessible_name_list (GTK_WIDGET (self->view), _("The Chart’s Numbers"));
  add_columns (self);
}

/**
 * klynge_chart_table_set:
 * @data: (nullable): the chart's numbers; copied, not kept
 *
 * Shows the clinics of @data in the order the chart's data holds them, each
 * flagged as the funnel judges it under @options.
 */
void
klynge_chart_table_set (KlyngeChartTable         *self,
                        const KlyngeChartData    *data,
                        const KlyngeChartOptions *options)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  gboolean attendance = options->kind == KLYNGE_CHART_ATTENDANCE;

  if (data != NULL && attendance)
    {
      for (guint i = 0; i < data->meetings->len; i++)
        g_ptr_array_add (lines, meeting_line (g_ptr_array_index (data->meetings, i)));
    }
  else if (data != NULL)
    {
      g_autofree gint8 *flags = g_new0 (gint8, MAX (data->rows->len, 1));
      KlyngeFunnelSummary summary;

      klynge_chart_funnel_classify (data, options, flags, &summary);
      for (guint i = 0; i < data->rows->len; i++)
        g_ptr_array_add (lines, row_line (data, g_ptr_array_index (data->rows, i), flags[i]));
    }
  g_ptr_array_add (lines, NULL);
  gtk_column_view_column_set_title (self->columns[COLUMN_CLINIC], attendance ? _("Meeting") : _("Clinic"));
  gtk_column_view_column_set_title (self->columns[COLUMN_NUMERATOR], attendance ? _("Present") : _("Numerator"));
  gtk_column_view_column_set_title (self->columns[COLUMN_DENOMINATOR], attendance ? _("Members") : _("Denominator"));
  gtk_column_view_column_set_visible (self->columns[COLUMN_INTERVAL], !attendance);
  gtk_column_view_column_set_visible (self->columns[COLUMN_FLAG], !attendance);
  gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                          (const char * const *) lines->pdata);
}

/* Returns: (transfer none): a GtkStringObject per row, its fields tab-separated */
GListModel *
klynge_chart_table_get_rows (KlyngeChartTable *self)
{
  return G_LIST_MODEL (self->rows);
}

/**
 * klynge_chart_table_copy_text:
 *
 * Returns: (transfer full): the selected rows (every row when none is
 *   selected) under the column titles, as tab-separated lines a spreadsheet
 *   pastes into cells
 */
char *
klynge_chart_table_copy_text (KlyngeChartTable *self)
{
  GListModel *model = G_LIST_MODEL (self->rows);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GString *text = g_string_new (NULL);
  gboolean all = gtk_bitset_is_empty (selected);

  for (guint i = 0; i < N_COLUMNS; i++)
    if (gtk_column_view_column_get_visible (self->columns[i]))
      g_string_append_printf (text, "%s%s", i > 0 ? "\t" : "", gtk_column_view_column_get_title (self->columns[i]));
  g_string_append_c (text, '\n');
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (all || gtk_bitset_contains (selected, i))
      {
        g_autoptr(GtkStringObject) row = g_list_model_get_item (model, i);
        g_auto(GStrv) fields = g_strsplit (gtk_string_object_get_string (row), "\t", N_COLUMNS);

        for (guint j = 0; j < N_COLUMNS && fields[j] != NULL; j++)
          if (gtk_column_view_column_get_visible (self->columns[j]))
            g_string_append_printf (text, "%s%s", j > 0 ? "\t" : "", fields[j]);
        g_string_append_c (text, '\n');
      }
  return g_string_free (text, FALSE);
}
