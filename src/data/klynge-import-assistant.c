/* klynge-import-assistant.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include "klynge-cancellable.h"
#include "klynge-import.h"
#include "klynge-import-assistant.h"
#include "klynge-period.h"
#include "klynge-picker.h"
#include "klynge-import-sheet.h"
#include "klynge-import-wide-row.h"
#include "klynge-placeholder.h"
#include "klynge-tooltip.h"

#define PREVIEW_ROWS 12
#define NONE 0   /* the "(none)" choice heading every column list */

/* The choices of the Periods row, in its order. */
static const KlyngePeriodGranularity period_lengths[] = {
  KLYNGE_PERIOD_DAY, KLYNGE_PERIOD_MONTH, KLYNGE_PERIOD_QUARTER, KLYNGE_PERIOD_FINANCIAL_YEAR, KLYNGE_PERIOD_YEAR,
};

struct _KlyngeImportAssistant
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  GtkScrolledWindow *scroller;
  GtkWidget         *viewport;
  AdwPreferencesGroup *preview_group;
  GtkWidget         *cancel_preview_button;
  GtkGrid           *preview_grid;
  AdwComboRow       *sheet_row;
  GtkStringList     *sheet_names;
  AdwComboRow       *saved_row;
  AdwComboRow       *layout_row;
  AdwComboRow       *clinic_row;
  AdwComboRow       *period_row;
  AdwComboRow       *period_length_row;
  AdwEntryRow       *fixed_period_row;
  AdwComboRow       *filter_row;
  GListStore        *filter_values; /* KlyngeChoice: "Every row", then the values of the filter's column */
  AdwComboRow       *indicator_row;
  AdwComboRow       *numerator_row;
  AdwComboRow       *denominator_row;
  AdwComboRow       *value_row;
  AdwPreferencesGroup *wide_group;
  AdwEntryRow       *new_indicator_row;
  AdwEntryRow       *save_name_row;
  KlyngeImportSheet *sheet;

  KlyngeContext     *context;
  char              *path;
  GListStore        *columns;       /* KlyngeChoice: "(none)", then the file's headers as keys */
  GPtrArray         *wide_rows;     /* KlyngeImportWideRow */
  gboolean           applying;      /* filling the rows from a mapping */
  gboolean           saved_unread;  /* the saved mappings could not be read: their row says why */
  guint              sheet_number;
  GCancellable      *preview_cancellable;
  GPtrArray         *preview_rows;  /* GStrv each, the header at header_index */
  guint              header_index;
  int                filter_column; /* the column telling a clinic's copies apart, or -1 */
  int                dates_column;  /* the period column when it holds days, or -1 */
  char              *clinic_name;   /* the column of names for clinics the file brings, guessed or saved */
};

G_DEFINE_FINAL_TYPE (KlyngeImportAssistant, klynge_import_assistant, ADW_TYPE_WINDOW)

enum { IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static guint
column_position (KlyngeImportAssistant *self,
                 const char            *header)
{
  g_autofree char *wanted = header ? g_utf8_casefold (header, -1) : NULL;

  for (guint i = 1; wanted != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->columns)); i++)
    {
      g_autoptr(KlyngeChoice) column = g_list_model_get_item (G_LIST_MODEL (self->columns), i);
      g_autofree char *folded = g_utf8_casefold (klynge_choice_get_key (column), -1);

      if (g_str_equal (folded, wanted))
        return i;
    }
  return NONE;
}

static KlyngeImportMapping *
build_mapping (KlyngeImportAssistant *self)
{
  KlyngeImportMapping *m = klynge_import_mapping_new ();
  const char *fixed = gtk_editable_get_text (GTK_EDITABLE (self->fixed_period_row));

  m->layout = adw_combo_row_get_selected (self->layout_row) == 1 ? KLYNGE_IMPORT_WIDE : KLYNGE_IMPORT_LONG;
  m->sheet = self->sheet_number;
  m->clinic = g_strdup (klynge_picker_get_selected_key (self->clinic_row));
  /* OpenPrescribing's "id" is the clinic, its "name" names the clinics created. */
  if (column_position (self, self->clinic_name) != NONE && g_strcmp0 (self->clinic_name, m->clinic) != 0)
    m->clinic_name = g_strdup (self->clinic_name);
  m->period = g_strdup (klynge_picker_get_selected_key (self->period_row));
  if (m->period == NULL && *fixed != '\0')
    m->fixed_period = g_strdup (fixed);
  /* "day" is saved too: a saved mapping of days stays days when the
   * file's dates happen to be firsts of months. */
  if (m->period != NULL && self->dates_column >= 0 &&
      adw_combo_row_get_selected (self->period_length_row) < G_N_ELEMENTS (period_lengths))
    m->period_granularity = g_strdup (klynge_period_granularity_to_string (
      period_lengths[adw_combo_row_get_selected (self->period_length_row)]));
  if (self->filter_column >= 0 && klynge_picker_get_selected_key (self->filter_row) != NULL)
    {
      const char *value = klynge_picker_get_selected_key (self->filter_row);
      char **header = g_ptr_array_index (self->preview_rows, self->header_index);
      const char *name = header[self->filter_column];
      g_autofree char *spec = NULL;

      /* A name two columns share is named by position. */
      if (klynge_import_column_position ((const char *const *)header, g_strv_length (header), name) == self->filter_column)
        spec = g_strdup_printf ("%s=%s", name, value);
      else
        spec = g_strdup_printf ("#%d=%s", self->filter_column + 1, value);
      klynge_import_mapping_add_filter (m, spec);
    }
  if (m->layout == KLYNGE_IMPORT_LONG)
    {
      m->indicator = g_strdup (klynge_picker_get_selected_key (self->indicator_row));
      m->numerator = g_strdup (klynge_picker_get_selected_key (self->numerator_row));
      m->denominator = g_strdup (klynge_picker_get_selected_key (self->denominator_row));
      m->value = g_strdup (klynge_picker_get_selected_key (self->value_row));
      return m;
    }

  for (guint i = 0; i < self->wide_rows->len; i++)
    {
      KlyngeImportWideRow *row = g_ptr_array_index (self->wide_rows, i);
      const char *indicator = klynge_import_wide_row_get_indicator (row);
      const char *numerator = klynge_import_wide_row_get_numerator (row);
      const char *denominator = klynge_import_wide_row_get_denominator (row);

      if (numerator != NULL && denominator != NULL)
        klynge_import_mapping_add_wide (m, indicator, numerator, denominator, NULL);
      else if (numerator != NULL || denominator != NULL)
        klynge_import_mapping_add_wide (m, indicator, NULL, NULL, numerator ? numerator : denominator);
    }
  return m;
}

static void
update_visibility (KlyngeImportAssistant *self)
{
  gboolean wide = adw_combo_row_get_selected (self->layout_row) == 1;

  gtk_widget_set_visible (GTK_WIDGET (self->indicator_row), !wide);
  gtk_widget_set_visible (GTK_WIDGET (self->numerator_row), !wide);
  gtk_widget_set_visible (GTK_WIDGET (self->denominator_row), !wide);
  gtk_widget_set_visible (GTK_WIDGET (self->value_row), !wide);
  gtk_widget_set_visible (GTK_WIDGET (self->wide_group), wide);
  gtk_widget_set_visible (GTK_WIDGET (self->fixed_period_row), adw_combo_row_get_selected (self->period_row) == NONE);
}

static int
header_position (KlyngeImportAssistant *self,
                 const char            *name)
{
  char **header = g_ptr_array_index (self->preview_rows, self->header_index);

  return name != NULL ? klynge_import_column_position ((const char *const *)header, g_strv_length (header), name) : -1;
}

/* OpenPrescribing's months are dates on their first day: a column of days
 * offers to store them as longer periods, months when every date in the
 * preview is a first. */
static void
update_period_length (KlyngeImportAssistant *self)
{
  int column = -1;
  gboolean firsts = TRUE;

  if (self->preview_rows != NULL)
    column = header_position (self, klynge_picker_get_selected_key (self->period_row));
  for (guint r = self->header_index + 1; column >= 0 && self->preview_rows != NULL && r < self->preview_rows->len; r++)
    {
      char **fields = g_ptr_array_index (self->preview_rows, r);
      KlyngePeriod period;

      if ((guint)column >= g_strv_length (fields) || *fields[column] == '\0' ||
          !klynge_period_parse (fields[column], &period, NULL))
        continue;
      if (period.granularity != KLYNGE_PERIOD_DAY)
        column = -1;
      else
        firsts &= period.day == 1;
    }
  if (column == self->dates_column)
    return;
  self->dates_column = column;
  gtk_widget_set_visible (GTK_WIDGET (self->period_length_row), column >= 0);
  adw_combo_row_set_selected (self->period_length_row, column >= 0 && firsts ? 1 : 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->period_length_row),
                               column >= 0 && firsts ? _("Every date in the file’s first rows is the first of a month") : NULL);
}

/* PHS's file has a row per sex for each practice: the picker of the rows to
 * keep shows when a column tells the copies apart, and stays as chosen
 * while that column does. */
static void
update_filter (KlyngeImportAssistant *self)
{
  g_auto(GStrv) values = NULL;
  int clinic, period, column = -1;
  g_autofree char *title = NULL;

  if (self->preview_rows != NULL)
    {
      clinic = header_position (self, klynge_picker_get_selected_key (self->clinic_row));
      period = header_position (self, klynge_picker_get_selected_key (self->period_row));
      if (clinic >= 0)
        column = klynge_import_find_copies_column (self->preview_rows, self->header_index, clinic, period, &values);
    }
  if (column == self->filter_column)
    return;
  self->filter_column = column;
  gtk_widget_set_visible (GTK_WIDGET (self->filter_row), column >= 0);
  g_list_store_remove_all (self->filter_values);
  klynge_choices_append (self->filter_values, 0, _("Every row"));
  if (column < 0)
    return;
  klynge_choices_append_names (self->filter_values, (const char * const *) values);
  /* TRANSLATORS: %s is a column of the file, e.g. "Keep only the rows whose Sex is" */
  title = g_strdup_printf (_("Keep only the rows whose %s is"),
                           ((char **)g_ptr_array_index (self->preview_rows, self->header_index))[column]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->filter_row), title);
}

static void
mapping_changed_cb (KlyngeImportAssistant *self)
{
  g_autoptr(KlyngeImportMapping) mapping = NULL;

  if (self->applying || self->columns == NULL)
    return;
  update_visibility (self);
  self->applying = TRUE;
  update_filter (self);
  update_period_length (self);
  self->applying = FALSE;
  mapping = build_mapping (self);
  klynge_import_sheet_set_mapping (self->sheet, mapping, gtk_editable_get_text (GTK_EDITABLE (self->save_name_row)));
}

static void
apply_mapping (KlyngeImportAssistant     *self,
               const KlyngeImportMapping *m)
{
  self->applying = TRUE;
  g_free (self->clinic_name);
  self->clinic_name = g_strdup (m->clinic_name);
  adw_combo_row_set_selected (self->layout_row, m->layout == KLYNGE_IMPORT_WIDE ? 1 : 0);
  adw_combo_row_set_selected (self->clinic_row, column_position (self, m->clinic));
  adw_combo_row_set_selected (self->period_row, column_position (self, m->period));
  gtk_editable_set_text (GTK_EDITABLE (self->fixed_period_row), m->fixed_period ? m->fixed_period : "");
  adw_combo_row_set_selected (self->indicator_row, column_position (self, m->indicator));
  adw_combo_row_set_selected (self->numerator_row, column_position (self, m->numerator));
  adw_combo_row_set_selected (self->denominator_row, column_position (self, m->denominator));
  adw_combo_row_set_selected (self->value_row, column_position (self, m->value));

  for (guint i = 0; i < self->wide_rows->len; i++)
    {
      KlyngeImportWideRow *row = g_ptr_array_index (self->wide_rows, i);
      guint numerator = NONE, denominator = NONE;

      for (guint w = 0; w < m->wide->len; w++)
        {
          KlyngeImportWideColumn *column = g_ptr_array_index (m->wide, w);

          if (g_utf8_collate (column->indicator, klynge_import_wide_row_get_indicator (row)) != 0)
            continue;
          numerator = column_position (self, column->numerator ? column->numerator : column->value);
          denominator = column_position (self, column->denominator);
        }
      klynge_import_wide_row_set_selected (row, numerator, denominator);
    }
  update_period_length (self);
  for (guint i = 0; m->period_granularity != NULL && i < G_N_ELEMENTS (period_lengths); i++)
    if (g_strcmp0 (m->period_granularity, klynge_period_granularity_to_string (period_lengths[i])) == 0)
      adw_combo_row_set_selected (self->period_length_row, i);
  update_filter (self);
  adw_combo_row_set_selected (self->filter_row, 0);
  for (guint i = 0; self->filter_column >= 0 && i < m->where->len; i++)
    {
      KlyngeImportFilter *filter = g_ptr_array_index (m->where, i);

      if (header_position (self, filter->column) != self->filter_column)
        continue;
      klynge_picker_select_key (self->filter_row, filter->value);
    }
  self->applying = FALSE;
  mapping_changed_cb (self);
}

static void
saved_selected_cb (KlyngeImportAssistant *self)
{
  const char *name = klynge_picker_get_selected_key (self->saved_row);
  g_autoptr(KlyngeImportMapping) mapping = NULL;
  g_autoptr(GError) error = NULL;

  if (self->applying || name == NULL)
    return;
  mapping = klynge_import_mapping_load (klynge_context_get_db (self->context),
                                        klynge_context_get_cluster_id (self->context), name, &error);
  /* The columns chosen before stay; the row says why they are not the saved ones. */
  klynge_combo_row_show_error (self->saved_row, error);
  if (mapping == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->save_name_row), name);
  apply_mapping (self, mapping);
}

static void
add_wide_row (KlyngeImportAssistant *self,
              const char            *indicator)
{
  GtkWidget *row = klynge_import_wide_row_new (indicator, G_LIST_MODEL (self->columns));

  g_signal_connect_swapped (row, "changed", G_CALLBACK (mapping_changed_cb), self);
  adw_preferences_group_add (self->wide_group, row);
  g_ptr_array_add (self->wide_rows, row);
}

/* Without the indicators there are no rows to map: the group says why, and
 * offers no new one, which might be one it already has. */
static void
add_wide_rows (KlyngeImportAssistant *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) indicators = klynge_import_list_indicators (klynge_context_get_db (self->context),
                                                            klynge_context_get_cluster_id (self->context), &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self->new_indicator_row), indicators != NULL);
  if (indicators == NULL)
    adw_preferences_group_add (self->wide_group, klynge_list_error_new (error));
  for (guint i = 0; indicators != NULL && indicators[i] != NULL; i++)
    add_wide_row (self, indicators[i]);
}

/* A file's measure Klynge has no indicator for ("Registered patients"):
 * named here, it is created with the import. */
static void
new_indicator_cb (KlyngeImportAssistant *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_indicator_row))));

  if (*name == '\0')
    return;
  for (guint i = 0; i < self->wide_rows->len; i++)
    if (g_utf8_collate (klynge_import_wide_row_get_indicator (g_ptr_array_index (self->wide_rows, i)), name) == 0)
      return;
  g_object_ref (self->new_indicator_row);
  adw_preferences_group_remove (self->wide_group, GTK_WIDGET (self->new_indicator_row));
  add_wide_row (self, name);
  adw_preferences_group_add (self->wide_group, GTK_WIDGET (self->new_indicator_row));
  g_object_unref (self->new_indicator_row);
  gtk_editable_set_text (GTK_EDITABLE (self->new_indicator_row), "");
  klynge_import_wide_row_focus (g_ptr_array_index (self->wide_rows, self->wide_rows->len - 1));
}

/* Shows @name (or none) as the saved mapping chosen, saying why. */
static void
offer_saved (KlyngeImportAssistant *self,
             const char            *name)
{
  gboolean found;

  self->applying = TRUE;
  found = klynge_picker_select_key (self->saved_row, name);
  self->applying = FALSE;
  if (!self->saved_unread)
    {
      klynge_combo_row_show_error (self->saved_row, NULL);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->saved_row), found ? _("Chosen: it fits this file’s columns") : NULL);
    }
  if (found)
    gtk_editable_set_text (GTK_EDITABLE (self->save_name_row), name);
}

/* The widest a preview cell is before it ellipsizes, in characters. */
#define PREVIEW_CHARS 24

static void
show_preview (KlyngeImportAssistant *self,
              GPtrArray             *rows,
              guint                  header_index)
{
  for (guint r = 0; r < rows->len; r++)
    {
      char **fields = g_ptr_array_index (rows, r);

      for (guint c = 0; fields[c] != NULL; c++)
        {
          GtkWidget *label = gtk_label_new (fields[c]);
          glong length = g_utf8_strlen (fields[c], -1);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          /* Up to 24 characters show whole (the preview scrolls sideways);
           * an ellipsized "Patient…" said nothing about the column. The
           * bold heading is wider than width-chars reckons: it never ellipsizes. */
          if (r != header_index || length > PREVIEW_CHARS)
            gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_width_chars (GTK_LABEL (label), (int) MIN (length, PREVIEW_CHARS));
          gtk_label_set_max_width_chars (GTK_LABEL (label), PREVIEW_CHARS);
          if (length > PREVIEW_CHARS)
            klynge_tooltip_set_text (label, fields[c]);
          if (r == header_index)
            gtk_widget_add_css_class (label, "heading");
          else if (r < header_index)
            gtk_widget_add_css_class (label, "dim-label");
          gtk_grid_attach (self->preview_grid, label, c, r, 1, 1);
        }
    }
}

/* The columns, the wide rows and the saved mappings, once per file. */
static void
set_up (KlyngeImportAssistant *self)
{
  g_autofree char *name = g_path_get_basename (self->path);
  g_auto(GStrv) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) saved_choices = klynge_choices_new ();

  adw_window_title_set_subtitle (self->window_title, name);
  self->columns = klynge_choices_new ();
  klynge_choices_append (self->columns, 0, _("(none)"));
  /* The package's and cluster's indicators, then the row naming another. */
  g_object_ref (self->new_indicator_row);
  adw_preferences_group_remove (self->wide_group, GTK_WIDGET (self->new_indicator_row));
  add_wide_rows (self);
  adw_preferences_group_add (self->wide_group, GTK_WIDGET (self->new_indicator_row));
  g_object_unref (self->new_indicator_row);
  for (AdwComboRow **row = (AdwComboRow *[]) { self->clinic_row, self->period_row, self->indicator_row,
                                               self->numerator_row, self->denominator_row, self->value_row, NULL };
       *row != NULL; row++)
    klynge_picker_set_choices (*row, G_LIST_MODEL (self->columns));

  self->applying = TRUE;
  saved = klynge_import_mapping_list (klynge_context_get_db (self->context), klynge_context_get_cluster_id (self->context), &error);
  self->saved_unread = saved == NULL;
  klynge_combo_row_show_error (self->saved_row, error);
  klynge_choices_append (saved_choices, 0, _("None"));
  klynge_choices_append_names (saved_choices, (const char * const *) saved);
  klynge_picker_set_choices (self->saved_row, G_LIST_MODEL (saved_choices));
  self->applying = FALSE;
}

/* The preview and the choice of columns for one sheet (CSV: the file), once
 * read in a worker. */
static void
preview_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KlyngeImportAssistant) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(KlyngeTableInfo) info = { 0 };
  g_autoptr(GPtrArray) rows = klynge_import_preview_finish (result, &info, &error);
  g_autoptr(KlyngeImportMapping) guess = NULL;
  g_autofree char *description = NULL;
  g_autofree char *fitting = NULL;
  guint sheet = self->sheet_number;
  guint header_index;
  char **header;

  /* Another sheet was chosen meanwhile, or the window closed. */
  if (g_task_get_cancellable (G_TASK (result)) != self->preview_cancellable)
    return;
  gtk_widget_set_visible (self->cancel_preview_button, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, KLYNGE_ERROR, KLYNGE_ERROR_CANCELLED))
    {
      adw_preferences_group_set_description (self->preview_group, _("Reading the file was stopped."));
      return;
    }

  /* A workbook of several sheets offers the choice. */
  if (info.sheet_names != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->sheet_names)) == 0)
    {
      self->applying = TRUE;
      gtk_string_list_splice (self->sheet_names, 0, 0, (const char *const *)info.sheet_names);
      adw_combo_row_set_selected (self->sheet_row, sheet - 1);
      self->applying = FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), info.sheet_names != NULL && g_strv_length (info.sheet_names) > 1);

  if (rows == NULL || rows->len == 0)
    {
      adw_preferences_group_set_description (self->preview_group,
                                             error ? error->message : _("The file has no rows."));
      return;
    }

  if (info.format == KLYNGE_TABLE_FORMAT_XLSX)
    description = g_strdup_printf (_("Excel workbook, sheet “%s”"), info.sheet_names[sheet - 1]);
  else
    description = g_strdup_printf (_("CSV, %s, fields separated by “%s”"), info.encoding,
                                   info.delimiter == '\t' ? _("tab") : (char[]) { info.delimiter, '\0' });
  adw_preferences_group_set_description (self->preview_group, description);
  header_index = klynge_import_header_index (rows);
  show_preview (self, rows, header_index);
  g_clear_pointer (&self->preview_rows, g_ptr_array_unref);
  self->preview_rows = g_ptr_array_ref (rows);
  self->header_index = header_index;
  self->filter_column = -2;   /* to be found */
  self->dates_column = -2;

  header = g_ptr_array_index (rows, header_index);
  for (guint i = 0; header[i] != NULL; i++)
    if (*header[i] != '\0')
      klynge_choices_append_key (self->columns, header[i], header[i]);

  /* A saved mapping whose columns this file has is next quarter's file of
   * the same source: it is chosen, so the file imports in one click. */
  guess = klynge_import_mapping_for_header (klynge_context_get_db (self->context),
                                            klynge_context_get_cluster_id (self->context),
                                            (const char *const *)header, g_strv_length (header), &fitting, &error);
  if (guess == NULL)
    {
      adw_preferences_group_set_description (self->preview_group, error->message);
      return;
    }
  offer_saved (self, fitting);
  apply_mapping (self, guess);
}

static void
load_sheet (KlyngeImportAssistant *self,
            guint                  sheet)
{
  GtkWidget *child;

  self->sheet_number = sheet;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  g_list_store_splice (self->columns, 1, g_list_model_get_n_items (G_LIST_MODEL (self->columns)) - 1, NULL, 0);

  klynge_cancellable_renew (&self->preview_cancellable);
  adw_preferences_group_set_description (self->preview_group, _("Reading the file…"));
  gtk_widget_set_visible (self->cancel_preview_button, TRUE);
  klynge_import_preview_async (self->path, sheet, PREVIEW_ROWS, self->preview_cancellable,
                               preview_read_cb, g_object_ref (self));
}

static void
cancel_preview_cb (KlyngeImportAssistant *self)
{
  g_cancellable_cancel (self->preview_cancellable);
}

static void
sheet_selected_cb (KlyngeImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->sheet_row);

  if (!self->applying && selected != GTK_INVALID_LIST_POSITION && self->columns != NULL)
    load_sheet (self, selected + 1);
}

static void
imported_cb (KlyngeImportAssistant *self,
             gint64                 batch,
             guint                  n)
{
  g_signal_emit (self, signals[IMPORTED], 0, batch, n);
}

static void
save_name_changed_cb (KlyngeImportAssistant *self)
{
  klynge_import_sheet_set_source (self->sheet, gtk_editable_get_text (GTK_EDITABLE (self->save_name_row)));
}

static void
finished_cb (KlyngeImportAssistant *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* The page follows the focus as GtkViewport would, except into a
 * drop-down's list: GTK 4.8 takes the list's rows in their popover for
 * places on the page, and each Down in the list scrolled the page away
 * from the row being mapped. */
static void
focus_changed_cb (KlyngeImportAssistant *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page = gtk_adjustment_get_page_size (adjustment);
  graphene_rect_t bounds;

  if (focus == NULL || gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL ||
      !gtk_widget_is_ancestor (focus, self->viewport) ||
      !gtk_widget_compute_bounds (focus, self->viewport, &bounds))
    return;
  if (bounds.origin.y < 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > page)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                          MIN (bounds.origin.y, bounds.origin.y + bounds.size.height - page));
}

static void
klynge_import_assistant_dispose (GObject *object)
{
  KlyngeImportAssistant *self = KLYNGE_IMPORT_ASSISTANT (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_IMPORT_ASSISTANT);
  klynge_cancellable_clear (&self->preview_cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->columns);
  g_clear_object (&self->filter_values);
  g_clear_pointer (&self->wide_rows, g_ptr_array_unref);
  g_clear_pointer (&self->preview_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (klynge_import_assistant_parent_class)->dispose (object);
}

static void
klynge_import_assistant_finalize (GObject *object)
{
  g_free (KLYNGE_IMPORT_ASSISTANT (object)->path);
  g_free (KLYNGE_IMPORT_ASSISTANT (object)->clinic_name);
  G_OBJECT_CLASS (klynge_import_assistant_parent_class)->finalize (object);
}

static void
klynge_import_assistant_class_init (KlyngeImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_import_assistant_dispose;
  object_class->finalize = klynge_import_assistant_finalize;

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);

  g_type_ensure (KLYNGE_TYPE_IMPORT_SHEET);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/data/klynge-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, scroller);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, viewport);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, preview_group);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, cancel_preview_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, sheet_names);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, saved_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, layout_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, clinic_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, period_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, period_length_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, fixed_period_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, filter_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, indicator_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, numerator_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, denominator_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, value_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, wide_group);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, new_indicator_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, save_name_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportAssistant, sheet);
  gtk_widget_class_bind_template_callback (widget_class, saved_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sheet_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_preview_cb);
  gtk_widget_class_bind_template_callback (widget_class, mapping_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, imported_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, finished_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_indicator_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
klynge_import_assistant_init (KlyngeImportAssistant *self)
{
  self->wide_rows = g_ptr_array_new ();
  self->filter_column = -1;
  self->dates_column = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filter_values = klynge_choices_new ();
  klynge_picker_set_choices (self->filter_row, G_LIST_MODEL (self->filter_values));
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_changed_cb), NULL);
}

KlyngeImportAssistant *
klynge_import_assistant_new (GtkWindow     *parent,
                             KlyngeContext *context,
                             const char    *path)
{
  KlyngeImportAssistant *self = g_object_new (KLYNGE_TYPE_IMPORT_ASSISTANT, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  self->path = g_strdup (path);
  klynge_import_sheet_set_context (self->sheet, context);
  klynge_import_sheet_set_file (self->sheet, path);
  set_up (self);
  load_sheet (self, 1);
  return self;
}
