/* klynge-import-sheet.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include <string.h>

#include "klynge-chart-data.h"
#include "klynge-chart-letters.h"
#include "klynge-format.h"
#include "klynge-import-clinic-row.h"
#include "klynge-import-problem-row.h"
#include "klynge-import-sheet.h"
#include "klynge-import-task.h"
#include "klynge-picker.h"
#include "klynge-placeholder.h"
#include "klynge-read-only.h"
#include "klynge-submissions.h"
#include "klynge-undo-stack.h"

struct _KlyngeImportSheet
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *choices_group;
  AdwComboRow         *mapping_row;
  AdwComboRow         *duplicates_row;
  AdwEntryRow         *period_row;
  GtkProgressBar      *progress_bar;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *unknown_group;
  GtkScrolledWindow   *problems_scroller;
  GtkStringList       *problems;
  GtkWidget           *check_button;
  GtkWidget           *import_button;
  AdwPreferencesGroup *rows_group;
  GtkWidget           *skip_unknown_row;
  GtkWidget           *add_clinics_row;
  AdwExpanderRow      *file_clinics_row;
  GtkWidget           *add_indicators_row;
  GtkWidget           *reference_row;
  GtkSwitch           *skip_unknown_switch;
  GtkSwitch           *add_clinics_switch;
  GtkSwitch           *add_indicators_switch;
  GtkSwitch           *reference_switch;
  GtkButton           *skip_bad_button;
  GtkWidget           *names_row;
  GtkSwitch           *names_switch;
  gboolean             skip_bad;
  gboolean             chose_unknown;  /* the user set the switch: no default any more */
  GPtrArray           *file_clinic_rows; /* KlyngeImportClinicRow */
  GHashTable          *add_only;      /* the texts of the clinics ticked, when not all are; or NULL */

  KlyngeContext       *context;
  char                *path;
  KlyngeImportMapping *mapping;       /* the assistant's, or NULL */
  char                *source;
  gboolean             compact;

  KlyngeImportPlan    *plan;
  GCancellable        *cancellable;
  gboolean             busy;
  GPtrArray           *unknown_rows;  /* KlyngeImportProblemRow */
  GtkWidget           *unknown_error; /* in their place when the clinics or indicators to offer could not be read */
  GHashTable          *indicator_choices; /* file text → indicator name */
  KlyngeImportMapping *checked;       /* the mapping of the last check, choices included */
  gboolean             anonymous;     /* clinics by their letters unless names_switch is on */
  gint64               meeting_id;    /* whose letters */
  GPtrArray           *letters;       /* KlyngeChartLetter by letter, while anonymous */
  GPtrArray           *masks;         /* Mask, the longest name first; empty when names show */
};

/* A clinic's name and what the sheet shows instead while it is projected. */
typedef struct
{
  char *name;
  char *label;
} Mask;

static void
mask_free (Mask *mask)
{
  g_free (mask->name);
  g_free (mask->label);
  g_free (mask);
}

G_DEFINE_FINAL_TYPE (KlyngeImportSheet, klynge_import_sheet, ADW_TYPE_BIN)

enum { IMPORTED, FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* From this many clinics not in the cluster a file is taken for a whole
 * board's or region's, whose other practices are left out by default. */
#define MANY_UNKNOWN_CLINICS 3

static gboolean
hides_names (KlyngeImportSheet *self)
{
  return self->anonymous && !gtk_switch_get_active (self->names_switch);
}

static char *
letter_label (const char *letter)
{
  /* Translators: a clinic as the anonymised charts show it; %s is its letter */
  return g_strdup_printf (_("Clinic %s"), letter);
}

static int
compare_masks (gconstpointer a,
               gconstpointer b)
{
  const Mask *x = *(Mask * const *) a, *y = *(Mask * const *) b;

  return (int) strlen (y->name) - (int) strlen (x->name);
}

/* The cluster's names and their letters, read afresh: a live import may have
 * added clinics, who get the next letters as on the slide. Without them
 * the projector would show the names: the caller shows @error instead. */
static gboolean
load_masks (KlyngeImportSheet  *self,
            GError            **error)
{
  KlyngeDb *db = self->context != NULL ? klynge_context_get_db (self->context) : NULL;

  g_ptr_array_set_size (self->masks, 0);
  g_clear_pointer (&self->letters, g_ptr_array_unref);
  if (!self->anonymous || db == NULL)
    return TRUE;
  self->letters = klynge_chart_letters_list (db, klynge_context_get_cluster_id (self->context), self->meeting_id, error);
  if (self->letters == NULL)
    return FALSE;
  for (guint i = 0; hides_names (self) && self->letters != NULL && i < self->letters->len; i++)
    {
      const KlyngeChartLetter *letter = g_ptr_array_index (self->letters, i);
      Mask *mask;

      if (letter->clinic_name == NULL || *letter->clinic_name == '\0')
        continue;
      mask = g_new0 (Mask, 1);
      mask->name = g_strdup (letter->clinic_name);
      mask->label = letter_label (letter->letter);
      g_ptr_array_add (self->masks, mask);
    }
  /* "Lægehuset Nord" before "Lægehuset": a longer name is never half replaced. */
  g_ptr_array_sort (self->masks, compare_masks);
  return TRUE;
}

/* @text as the sheet shows it: on the projector every clinic by its letter. */
static char *
shown_text (KlyngeImportSheet *self,
            const char        *text)
{
  GString *shown = g_string_new (text);

  for (guint i = 0; i < self->masks->len; i++)
    {
      Mask *mask = g_ptr_array_index (self->masks, i);

      g_string_replace (shown, mask->name, mask->label, 0);
    }
  return g_string_free (shown, FALSE);
}

static void
add_shown_line (KlyngeImportSheet *self,
                GStrvBuilder      *lines,
                const char        *line)
{
  g_autofree char *shown = shown_text (self, line);

  g_strv_builder_add (lines, shown);
}

static void
set_shown_text (KlyngeImportSheet *self,
                GtkLabel          *label,
                const char        *text)
{
  g_autofree char *shown = shown_text (self, text);

  gtk_label_set_text (label, shown);
}

static KlyngeImportDuplicates
chosen_duplicates (KlyngeImportSheet *self)
{
  switch (adw_combo_row_get_selected (self->duplicates_row))
    {
    case 1: return KLYNGE_IMPORT_DUPLICATES_REPLACE;
    case 2: return KLYNGE_IMPORT_DUPLICATES_KEEP;
    default: return KLYNGE_IMPORT_DUPLICATES_REJECT;
    }
}

static void
update_actions (KlyngeImportSheet *self)
{
  gboolean ready = self->context != NULL && self->path != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.check", ready && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.import",
                                 ready && !self->busy && self->plan != NULL &&
                                 klynge_import_plan_can_commit (self->plan, chosen_duplicates (self)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->choices_group), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unknown_group), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rows_group), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->skip_bad_button), !self->busy);
}

static void
set_busy (KlyngeImportSheet *self,
          const char        *what)
{
  self->busy = what != NULL;
  g_clear_object (&self->cancellable);
  if (self->busy)
    {
      self->cancellable = g_cancellable_new ();
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, what);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), self->busy);
  update_actions (self);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  KlyngeImportSheet *self = user_data;

  if (self->busy)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
clear_unknown_rows (KlyngeImportSheet *self)
{
  for (guint i = 0; i < self->unknown_rows->len; i++)
    adw_preferences_group_remove (self->unknown_group, g_ptr_array_index (self->unknown_rows, i));
  g_ptr_array_set_size (self->unknown_rows, 0);
  if (self->unknown_error != NULL)
    adw_preferences_group_remove (self->unknown_group, g_steal_pointer (&self->unknown_error));
  gtk_widget_set_visible (GTK_WIDGET (self->unknown_group), FALSE);
}

/* One choice per distinct unknown name of @kind, the closest known one preselected. */
static void
add_unknown_rows (KlyngeImportSheet       *self,
                  KlyngeImportProblemKind  kind,
                  GListModel              *choices,
                  const char              *subtitle)
{
  GPtrArray *problems = klynge_import_plan_get_problems (self->plan);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < problems->len; i++)
    {
      KlyngeImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (problem->kind != kind || problem->text == NULL ||
          *problem->text == '\0' || g_hash_table_contains (seen, problem->text))
        continue;
      g_hash_table_add (seen, problem->text);

      /* The file's own words for a clinic may well be its name. */
      if (kind == KLYNGE_IMPORT_PROBLEM_UNKNOWN_CLINIC && hides_names (self))
        title = g_strdup_printf (_("A clinic not in this cluster, line %u"), problem->line);
      else
        title = shown_text (self, problem->text);
      row = klynge_import_problem_row_new (problem, title, subtitle, choices);
      adw_preferences_group_add (self->unknown_group, row);
      g_ptr_array_add (self->unknown_rows, row);
    }
}

static void
show_unknown_names (KlyngeImportSheet *self)
{
  KlyngeDb *db = klynge_context_get_db (self->context);
  gint64 cluster = klynge_context_get_cluster_id (self->context);
  g_autoptr(GListStore) clinics = klynge_choices_new ();
  g_autoptr(GListStore) indicators = klynge_choices_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) indicator_names = klynge_import_list_indicators (db, cluster, &error);
  g_autoptr(GPtrArray) known = NULL;

  clear_unknown_rows (self);
  klynge_choices_append (clinics, 0, _("Choose…"));
  klynge_choices_append (indicators, 0, _("Choose…"));
  /* By letter on the projector: the order of the names would tell them. */
  if (hides_names (self) && self->letters != NULL)
    {
      for (guint i = 0; i < self->letters->len; i++)
        {
          const KlyngeChartLetter *letter = g_ptr_array_index (self->letters, i);
          g_autofree char *label = letter_label (letter->letter);

          if (letter->clinic_id == 0)
            continue;
          klynge_choices_append_full (clinics, letter->clinic_id, letter->clinic_name, label);
        }
    }
  else if (error == NULL && (known = klynge_chart_list_clinics (db, cluster, &error)) != NULL)
    for (guint i = 0; i < known->len; i++)
      {
        const KlyngeChartIndicator *clinic = g_ptr_array_index (known, i);

        klynge_choices_append_full (clinics, clinic->id, clinic->name, clinic->name);
      }
  /* Choices without the cluster's clinics or indicators would map names to the wrong ones. */
  if (error != NULL)
    {
      self->unknown_error = klynge_list_error_new (error);
      adw_preferences_group_add (self->unknown_group, self->unknown_error);
      gtk_widget_set_visible (GTK_WIDGET (self->unknown_group), TRUE);
      return;
    }
  klynge_choices_append_names (indicators, (const char * const *) indicator_names);

  add_unknown_rows (self, KLYNGE_IMPORT_PROBLEM_UNKNOWN_CLINIC, G_LIST_MODEL (clinics), _("Clinic"));
  add_unknown_rows (self, KLYNGE_IMPORT_PROBLEM_UNKNOWN_INDICATOR, G_LIST_MODEL (indicators), _("Indicator"));
  gtk_widget_set_visible (GTK_WIDGET (self->unknown_group), self->unknown_rows->len > 0);
}

static gboolean
has_problem (KlyngeImportPlan        *plan,
             KlyngeImportProblemKind  kind)
{
  GPtrArray *problems = klynge_import_plan_get_problems (plan);

  for (guint i = 0; i < problems->len; i++)
    if (((KlyngeImportProblem *)g_ptr_array_index (problems, i))->kind == kind)
      return TRUE;
  return FALSE;
}

static guint
count_unknown_clinics (KlyngeImportPlan *plan)
{
  GPtrArray *problems = klynge_import_plan_get_problems (plan);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < problems->len; i++)
    {
      KlyngeImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->kind == KLYNGE_IMPORT_PROBLEM_UNKNOWN_CLINIC && problem->text != NULL && *problem->text != '\0')
        g_hash_table_add (seen, problem->text);
    }
  return g_hash_table_size (seen);
}

static void file_clinic_toggled_cb (KlyngeImportSheet *self);

static void
add_file_clinic_rows (KlyngeImportSheet *self,
                      GPtrArray         *clinics,
                      gboolean           ticked)
{
  for (guint i = 0; i < clinics->len; i++)
    {
      GtkWidget *row = klynge_import_clinic_row_new (g_ptr_array_index (clinics, i), self->file_clinic_rows->len + 1,
                                                     hides_names (self), ticked);

      g_signal_connect_swapped (row, "toggled", G_CALLBACK (file_clinic_toggled_cb), self);
      adw_expander_row_add_row (self->file_clinics_row, row);
      g_ptr_array_add (self->file_clinic_rows, row);
    }
}

/* A checkbox per clinic of the file that is not in the cluster: ticked
 * ones are created, the others left out. */
static void
show_file_clinics (KlyngeImportSheet *self,
                   GPtrArray         *created,
                   GPtrArray         *unknown)
{
  for (guint i = 0; i < self->file_clinic_rows->len; i++)
    adw_expander_row_remove (self->file_clinics_row, g_ptr_array_index (self->file_clinic_rows, i));
  g_ptr_array_set_size (self->file_clinic_rows, 0);
  add_file_clinic_rows (self, created, TRUE);
  add_file_clinic_rows (self, unknown, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->file_clinics_row), self->file_clinic_rows->len > 0);
}

/* Rows that are no measurements, said plainly so nothing goes unnoticed. */
static void
describe_rows (KlyngeImportSheet *self,
               GString           *summary)
{
  g_autoptr(GPtrArray) unknown = klynge_import_plan_get_unknown_clinics (self->plan);
  g_autoptr(GPtrArray) created = klynge_import_plan_get_new_clinics (self->plan);
  g_auto(GStrv) indicators = klynge_import_plan_get_new_indicators (self->plan);
  KlyngeImportCounts counts;
  guint unknown_rows = 0;

  klynge_import_plan_get_counts (self->plan, &counts);
  for (guint i = 0; i < unknown->len; i++)
    unknown_rows += ((KlyngeImportFileClinic *)g_ptr_array_index (unknown, i))->n_rows;
#define SAY(...) G_STMT_START { g_string_append_c (summary, ' '); g_string_append_printf (summary, __VA_ARGS__); } G_STMT_END
/* @format: an ngettext() of @n, with %s for @n grouped as the locale groups it */
#define SAY_COUNT(n, format) G_STMT_START { g_autofree char *count_ = klynge_format_integer (n); SAY (format, count_); } G_STMT_END
  if (unknown->len > 0)
    {
      g_autofree char *n_unknown = klynge_format_integer (unknown->len);
      g_autofree char *n_unknown_rows = klynge_format_integer (unknown_rows);

      /* Translators: both %s are grouped numbers: clinics, then rows */
      SAY (ngettext ("%s clinic of the file is not in this cluster: its rows (%s) are left out.",
                     "%s clinics of the file are not in this cluster: their rows (%s) are left out.", unknown->len),
           n_unknown, n_unknown_rows);
    }
  /* Translators: in these sentences %s is a number, grouped as the locale groups it ("1,234") */
  if (created->len > 0)
    SAY_COUNT (created->len, ngettext ("%s clinic is added to the cluster.", "%s clinics are added to the cluster.", created->len));
  if (indicators[0] != NULL)
    SAY_COUNT (g_strv_length (indicators),
               ngettext ("%s indicator is added.", "%s indicators are added.", g_strv_length (indicators)));
  if (counts.filtered > 0)
    SAY_COUNT (counts.filtered, ngettext ("%s row does not match the rows kept and is left out.",
                                          "%s rows do not match the rows kept and are left out.", counts.filtered));
  if (counts.totals > 0)
    SAY_COUNT (counts.totals, ngettext ("%s total row is left out.", "%s total rows are left out.", counts.totals));
  if (counts.areas > 0)
    SAY_COUNT (counts.areas, ngettext ("%s national or regional row is no clinic.",
                                       "%s national or regional rows are no clinics.", counts.areas));
  if (counts.suppressed > 0)
    SAY_COUNT (counts.suppressed, ngettext ("%s value is suppressed by the publisher and kept as suppressed.",
                                            "%s values are suppressed by the publisher and kept as suppressed.",
                                            counts.suppressed));
  if (klynge_import_plan_get_left_out (self->plan)->len > 0)
    {
      guint n = klynge_import_plan_get_n_left_out (self->plan) - unknown_rows;
      SAY_COUNT (n, ngettext ("%s row with problems is left out, as listed.", "%s rows with problems are left out, as listed.", n));
    }
#undef SAY_COUNT
#undef SAY

  show_file_clinics (self, created, unknown);
  gtk_widget_set_visible (self->skip_unknown_row, unknown->len > 0 || count_unknown_clinics (self->plan) > 0);
  gtk_widget_set_visible (self->add_clinics_row, created->len > 0 || count_unknown_clinics (self->plan) > 0 ||
                                                 gtk_switch_get_active (self->skip_unknown_switch));
  gtk_widget_set_visible (self->add_indicators_row, indicators[0] != NULL || gtk_switch_get_active (self->add_indicators_switch) ||
                                                    has_problem (self->plan, KLYNGE_IMPORT_PROBLEM_UNKNOWN_INDICATOR));
  gtk_widget_set_visible (self->reference_row, counts.references > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->rows_group),
                          gtk_widget_get_visible (self->skip_unknown_row) || gtk_widget_get_visible (self->add_clinics_row) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->file_clinics_row)) ||
                          gtk_widget_get_visible (self->add_indicators_row) || gtk_widget_get_visible (self->reference_row));
}

/* "Import the 544 good rows and leave out the 6 listed" when only rows are wrong. */
static void
offer_skip_bad (KlyngeImportSheet *self)
{
  GPtrArray *problems = klynge_import_plan_get_problems (self->plan);
  g_autoptr(GHashTable) lines = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autofree char *label = NULL;
  g_autofree char *n_good = NULL, *n_lines = NULL;
  gboolean whole_file = FALSE;
  guint good;

  for (guint i = 0; i < problems->len; i++)
    {
      KlyngeImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->kind == KLYNGE_IMPORT_PROBLEM_DUPLICATE)
        continue;
      if (problem->line == 0 || problem->column == 0 || problem->kind == KLYNGE_IMPORT_PROBLEM_MISSING_COLUMN)
        whole_file = TRUE;
      else
        g_hash_table_add (lines, GUINT_TO_POINTER (problem->line));
    }
  good = klynge_import_plan_get_n_measurements (self->plan);
  gtk_widget_set_visible (GTK_WIDGET (self->skip_bad_button), !whole_file && g_hash_table_size (lines) > 0 && good > 0);
  n_good = klynge_format_integer (good);
  n_lines = klynge_format_integer (g_hash_table_size (lines));
  /* Translators: both %s are grouped numbers ("1,234") */
  label = g_strdup_printf (ngettext ("Import the %s good measurements and leave out the %s row listed",
                                     "Import the %s good measurements and leave out the %s rows listed",
                                     g_hash_table_size (lines)),
                           n_good, n_lines);
  gtk_button_set_label (self->skip_bad_button, label);
}

static void
show_report (KlyngeImportSheet *self)
{
  GPtrArray *problems = klynge_import_plan_get_problems (self->plan);
  KlyngeImportDuplicates duplicates = chosen_duplicates (self);
  guint n = klynge_import_plan_get_n_measurements (self->plan);
  guint n_errors = klynge_import_plan_get_n_errors (self->plan);
  guint n_duplicates = klynge_import_plan_get_n_duplicates (self->plan);
  g_autofree char *count = klynge_format_integer (n);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_string_append_printf (summary, ngettext ("The file holds %s measurement.", "The file holds %s measurements.", n), count);
  if (n_errors > 0)
    {
      g_string_append_c (summary, ' ');
      g_autofree char *errors = klynge_format_integer (n_errors);

      g_string_append_printf (summary, ngettext ("%s problem must be solved first: correct the file or the columns, then check again.",
                                                 "%s problems must be solved first: correct the file or the columns, then check again.",
                                                 n_errors), errors);
    }
  if (n_duplicates > 0)
    {
      g_string_append_c (summary, ' ');
      g_autofree char *stored = klynge_format_integer (n_duplicates);

      g_string_append_printf (summary, ngettext ("%s of them is already stored; choose whether to replace or keep it.",
                                                 "%s of them are already stored; choose whether to replace or keep them.",
                                                 n_duplicates), stored);
    }
  describe_rows (self, summary);
  if (klynge_import_plan_can_commit (self->plan, duplicates))
    {
      g_string_append_c (summary, ' ');
      g_string_append (summary, _("Nothing has been written yet: Import writes it all at once, and it can be undone."));
    }
  set_shown_text (self, self->summary_label, summary->str);
  offer_skip_bad (self);

  for (guint i = 0; i < problems->len; i++)
    {
      KlyngeImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = NULL;

      if (problem->kind == KLYNGE_IMPORT_PROBLEM_DUPLICATE && duplicates != KLYNGE_IMPORT_DUPLICATES_REJECT)
        continue;
      if (problem->kind == KLYNGE_IMPORT_PROBLEM_UNKNOWN_CLINIC && hides_names (self) && problem->text != NULL && *problem->text != '\0')
        {
          KlyngeImportProblem hidden = *problem;

          hidden.message = (char *) _("This clinic is not in the cluster; its name in the file shows with the names.");
          line = klynge_import_problem_format (klynge_import_plan_get_file_name (self->plan), &hidden);
        }
      else
        line = klynge_import_problem_format (klynge_import_plan_get_file_name (self->plan), problem);
      add_shown_line (self, lines, line);
    }
  for (guint i = 0; i < klynge_import_plan_get_left_out (self->plan)->len; i++)
    {
      g_autofree char *line = klynge_import_problem_format (klynge_import_plan_get_file_name (self->plan),
                                                            g_ptr_array_index (klynge_import_plan_get_left_out (self->plan), i));
      g_autofree char *left = g_strdup_printf (_("Left out: %s"), line);
      add_shown_line (self, lines, left);
    }
  strv = g_strv_builder_end (lines);
  gtk_string_list_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                          (const char *const *)strv);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_scroller), strv[0] != NULL);
  update_actions (self);
}

static void
show_error (KlyngeImportSheet *self,
            const GError      *error)
{
  set_shown_text (self, self->summary_label, error->message);
  gtk_string_list_splice (self->problems, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problems)), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_scroller), FALSE);
  clear_unknown_rows (self);
}

static void
prepare_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KlyngeImportSheet) self = user_data;
  g_autoptr(GError) error = NULL;

  self->plan = klynge_import_prepare_finish (result, &error);
  set_busy (self, NULL);
  if (self->plan == NULL)
    show_error (self, error);
  else if (!self->chose_unknown && !gtk_switch_get_active (self->add_clinics_switch) &&
           count_unknown_clinics (self->plan) >= MANY_UNKNOWN_CLINICS)
    {
      /* A board's or region's file: the rest of its practices are left out
       * by default, and the report says so. */
      self->chose_unknown = TRUE;
      gtk_switch_set_active (self->skip_unknown_switch, TRUE);
    }
  else
    {
      show_report (self);
      show_unknown_names (self);
      /* In the assistant the report is below the columns: bring it into view. */
      gtk_widget_grab_focus (gtk_widget_is_sensitive (self->import_button) ? self->import_button : self->check_button);
    }
}

static void mapping_selected_cb (KlyngeImportSheet *self);

/* Checks the file in a worker with @mapping (taken). */
static void
check_with_mapping (KlyngeImportSheet   *self,
                    KlyngeImportMapping *taken)
{
  g_autoptr(KlyngeImportMapping) mapping = taken;
  KlyngeDb *db = klynge_context_get_db (self->context);
  GHashTableIter iter;
  gpointer text, name;

  g_hash_table_iter_init (&iter, self->indicator_choices);
  while (g_hash_table_iter_next (&iter, &text, &name))
    g_hash_table_insert (mapping->indicator_names, g_strdup (text), g_strdup (name));
  /* A file without a period column at the meeting is of the meeting's period. */
  if (self->compact && mapping->period == NULL && (mapping->fixed_period == NULL || *mapping->fixed_period == '\0'))
    {
      const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->period_row));

      if (*typed == '\0')
        {
          g_autofree char *meeting = klynge_submissions_meeting_period (db, klynge_context_get_cluster_id (self->context));
          gtk_editable_set_text (GTK_EDITABLE (self->period_row), meeting ? meeting : "");
        }
      gtk_widget_set_visible (GTK_WIDGET (self->period_row), TRUE);
      g_free (mapping->fixed_period);
      mapping->fixed_period = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->period_row)));
    }
  mapping->add_clinics = gtk_switch_get_active (self->add_clinics_switch) || self->add_only != NULL;
  mapping->skip_unknown = gtk_switch_get_active (self->skip_unknown_switch) && !mapping->add_clinics;
  g_clear_pointer (&mapping->add_only, g_strfreev);
  if (self->add_only != NULL)
    {
      g_autofree const char **ticked = (const char **)g_hash_table_get_keys_as_array (self->add_only, NULL);

      mapping->add_only = g_strdupv ((char **)ticked);
    }
  mapping->add_indicators = gtk_switch_get_active (self->add_indicators_switch);
  mapping->store_reference = gtk_switch_get_active (self->reference_switch);
  mapping->skip_bad = self->skip_bad;
  g_clear_pointer (&self->checked, klynge_import_mapping_free);
  self->checked = klynge_import_mapping_copy (mapping);

  gtk_label_set_text (self->summary_label, "");
  set_busy (self, _("Checking the file…"));
  klynge_import_prepare_async (klynge_db_get_path (db), klynge_context_get_cluster_id (self->context),
                               self->path, mapping, progress_cb, self, self->cancellable,
                               prepare_done_cb, g_object_ref (self));
}


/* The compact sheet's guess, from the header of the file read in a worker. */
static void
guess_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KlyngeImportSheet) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = klynge_import_preview_finish (result, NULL, &error);
  KlyngeImportMapping *mapping;
  char **header;

  set_busy (self, NULL);
  if (rows != NULL && rows->len == 0)
    g_set_error (&error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE, _("The file has no rows."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, KLYNGE_ERROR, KLYNGE_ERROR_CANCELLED))
    {
      gtk_label_set_text (self->summary_label, _("Reading the file was stopped."));
      return;
    }
  if (error != NULL)
    show_error (self, error);
  /* The sheet may have lost its database meanwhile. */
  if (error != NULL || self->context == NULL || klynge_context_get_db (self->context) == NULL)
    {
      update_actions (self);
      return;
    }
  header = g_ptr_array_index (rows, klynge_import_header_index (rows));

  /* Next quarter's file has the columns of a saved mapping: that one. */
  g_clear_pointer (&self->source, g_free);
  mapping = klynge_import_mapping_for_header (klynge_context_get_db (self->context),
                                              klynge_context_get_cluster_id (self->context),
                                              (const char *const *)header, g_strv_length (header),
                                              &self->source, &error);
  if (mapping == NULL)
    {
      show_error (self, error);
      update_actions (self);
      return;
    }
  if (self->source != NULL)
    {
      g_signal_handlers_block_by_func (self->mapping_row, mapping_selected_cb, self);
      klynge_picker_select_key (self->mapping_row, self->source);
      g_signal_handlers_unblock_by_func (self->mapping_row, mapping_selected_cb, self);
    }
  check_with_mapping (self, mapping);
}

void
klynge_import_sheet_check (KlyngeImportSheet *self)
{
  g_autoptr(GError) error = NULL;
  KlyngeImportMapping *mapping;
  const char *saved;

  g_return_if_fail (KLYNGE_IS_IMPORT_SHEET (self));

  if (self->busy || self->context == NULL || self->path == NULL ||
      klynge_context_get_db (self->context) == NULL)
    return;

  g_clear_pointer (&self->plan, klynge_import_plan_free);
  if (!load_masks (self, &error))
    {
      show_error (self, error);
      update_actions (self);
      return;
    }
  if (self->mapping != NULL)
    {
      check_with_mapping (self, klynge_import_mapping_copy (self->mapping));
      return;
    }

  /* The compact sheet: the saved mapping chosen, or a guess from the header. */
  saved = klynge_picker_get_selected_key (self->mapping_row);
  if (saved != NULL)
    {
      g_free (self->source);
      self->source = g_strdup (saved);
      mapping = klynge_import_mapping_load (klynge_context_get_db (self->context),
                                           klynge_context_get_cluster_id (self->context), self->source, &error);
      if (mapping == NULL)
        {
          show_error (self, error);
          update_actions (self);
          return;
        }
      check_with_mapping (self, mapping);
      return;
    }

  g_clear_pointer (&self->source, g_free);
  set_busy (self, _("Reading the file…"));
  klynge_import_preview_async (self->path, 1, 20, self->cancellable, guess_read_cb, g_object_ref (self));
}

/* The sheet's window closes once the import is done: what is left to say
 * is said in the main window it was opened over. */
static void
toast_in_main_window (KlyngeImportSheet *self,
                      const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *main_window = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;
  GtkWidget *content = ADW_IS_APPLICATION_WINDOW (main_window)
                       ? adw_application_window_get_content (ADW_APPLICATION_WINDOW (main_window)) : NULL;

  if (ADW_IS_TOAST_OVERLAY (content))
    {
      AdwToast *toast = adw_toast_new (message);

      /* Before the import's own toast, which stays with its Undo. */
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), toast);
    }
  else
    g_warning ("%s", message);
}

static void
commit_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KlyngeImportSheet) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) mapping_error = NULL;
  gint64 batch = klynge_import_commit_finish (result, &error);
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;
  guint n;

  set_busy (self, NULL);
  /* A failed task gives -1. */
  if (batch <= 0)
    {
      if (g_error_matches (error, KLYNGE_ERROR, KLYNGE_ERROR_CANCELLED))
        gtk_label_set_text (self->summary_label, _("The import was cancelled; nothing was written."));
      else
        set_shown_text (self, self->summary_label, error->message);
      return;
    }

  /* Saved once it has worked, so next quarter's file imports in one click;
   * the import stands without it. */
  if (self->source != NULL && *self->source != '\0' && self->checked != NULL &&
      !klynge_import_mapping_save (klynge_context_get_db (self->context), klynge_context_get_cluster_id (self->context),
                                   self->source, self->checked, &mapping_error))
    {
      g_autofree char *message = g_strdup_printf (_("The measurements are imported, but the column mapping could not be remembered: %s"),
                                                  mapping_error->message);

      toast_in_main_window (self, message);
    }

  n = klynge_import_plan_get_n_written (self->plan, chosen_duplicates (self));
  g_clear_pointer (&self->plan, klynge_import_plan_free);
  update_actions (self);
  /* Ctrl+Z right after undoes the import, in any area. */
  count = klynge_format_integer (n);
  label = g_strdup_printf (ngettext ("%s measurement imported", "%s measurements imported", n), count);
  klynge_undo_stack_push_import (klynge_context_get_undo_stack (self->context), label, batch);
  /* Every page reloads: the chart on the projector shows the new clinic now. */
  klynge_context_emit_changed (self->context);
  g_signal_emit (self, signals[IMPORTED], 0, batch, n);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  klynge_import_sheet_check (KLYNGE_IMPORT_SHEET (widget));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlyngeImportSheet *self = KLYNGE_IMPORT_SHEET (widget);
  KlyngeDb *db = klynge_context_get_db (self->context);

  if (self->busy || self->plan == NULL || db == NULL)
    return;
  set_busy (self, _("Importing…"));
  klynge_import_commit_async (klynge_db_get_path (db), self->plan, chosen_duplicates (self), self->source,
                              progress_cb, self, self->cancellable, commit_done_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlyngeImportSheet *self = KLYNGE_IMPORT_SHEET (widget);

  if (self->busy)
    g_cancellable_cancel (self->cancellable);
  else
    g_signal_emit (self, signals[FINISHED], 0);
}

static void
mapping_selected_cb (KlyngeImportSheet *self)
{
  if (self->compact && self->path != NULL)
    klynge_import_sheet_check (self);
}

static void
duplicates_selected_cb (KlyngeImportSheet *self)
{
  if (self->plan != NULL)
    show_report (self);
  update_actions (self);
}

/* Clinics are remembered for the cluster; indicators in the saved mapping. */
static void
remember_clicked_cb (KlyngeImportSheet *self)
{
  KlyngeDb *db = klynge_context_get_db (self->context);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->unknown_rows->len; i++)
    {
      KlyngeImportProblemRow *row = g_ptr_array_index (self->unknown_rows, i);
      const char *alias = klynge_import_problem_row_get_alias (row);
      const char *indicator = klynge_picker_get_selected_key (row);
      gint64 clinic = klynge_picker_get_selected_id (row);

      if (klynge_import_problem_row_get_kind (row) == KLYNGE_IMPORT_PROBLEM_UNKNOWN_INDICATOR)
        {
          if (indicator != NULL)
            g_hash_table_insert (self->indicator_choices, g_strdup (alias), g_strdup (indicator));
        }
      else if (clinic != 0 &&
               !klynge_import_add_clinic_alias (db, klynge_context_get_cluster_id (self->context), alias,
                                                clinic, &error))
        {
          show_error (self, error);
          return;
        }
    }
  klynge_import_sheet_check (self);
}

static void
choice_toggled_cb (KlyngeImportSheet *self,
                   GParamSpec        *pspec,
                   GtkSwitch         *toggled)
{
  if (toggled == self->skip_unknown_switch || toggled == self->add_clinics_switch)
    {
      self->chose_unknown = TRUE;
      /* "Add all" or leave all out: no clinic picked one by one any more. */
      g_clear_pointer (&self->add_only, g_hash_table_unref);
    }
  /* Adding the clinics and leaving them out exclude each other. */
  if (toggled == self->add_clinics_switch && gtk_switch_get_active (toggled))
    gtk_switch_set_active (self->skip_unknown_switch, FALSE);
  else if (toggled == self->skip_unknown_switch && gtk_switch_get_active (toggled))
    gtk_switch_set_active (self->add_clinics_switch, FALSE);
  if (self->path != NULL && !self->busy)
    klynge_import_sheet_check (self);
}

/* Shown on the facilitator's word only: the plan is told again, unchecked. */
static void
names_toggled_cb (KlyngeImportSheet *self)
{
  g_autoptr(GError) error = NULL;

  if (!load_masks (self, &error))
    show_error (self, error);
  else if (self->plan != NULL)
    {
      show_report (self);
      show_unknown_names (self);
    }
}

/* All ticked is "Add all", none is "Leave out"; some, just those. */
static void
file_clinic_toggled_cb (KlyngeImportSheet *self)
{
  g_autoptr(GHashTable) ticked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkSwitch *chosen = NULL;

  for (guint i = 0; i < self->file_clinic_rows->len; i++)
    {
      KlyngeImportClinicRow *row = g_ptr_array_index (self->file_clinic_rows, i);

      if (klynge_import_clinic_row_get_ticked (row))
        g_hash_table_add (ticked, g_strdup (klynge_import_clinic_row_get_clinic (row)));
    }
  if (g_hash_table_size (ticked) == self->file_clinic_rows->len)
    chosen = self->add_clinics_switch;
  else if (g_hash_table_size (ticked) == 0)
    chosen = self->skip_unknown_switch;
  if (chosen != NULL && !gtk_switch_get_active (chosen))
    {
      /* The switch's handler checks the file again. */
      gtk_switch_set_active (chosen, TRUE);
      return;
    }
  self->chose_unknown = TRUE;
  g_clear_pointer (&self->add_only, g_hash_table_unref);
  if (chosen == NULL)
    {
      self->add_only = g_steal_pointer (&ticked);
      g_signal_handlers_block_by_func (self->add_clinics_switch, choice_toggled_cb, self);
      g_signal_handlers_block_by_func (self->skip_unknown_switch, choice_toggled_cb, self);
      gtk_switch_set_active (self->add_clinics_switch, FALSE);
      gtk_switch_set_active (self->skip_unknown_switch, FALSE);
      g_signal_handlers_unblock_by_func (self->add_clinics_switch, choice_toggled_cb, self);
      g_signal_handlers_unblock_by_func (self->skip_unknown_switch, choice_toggled_cb, self);
    }
  if (self->path != NULL && !self->busy)
    klynge_import_sheet_check (self);
}

static void
period_activated_cb (KlyngeImportSheet *self)
{
  /* The check makes the row insensitive: a text losing its sensitivity
   * while focused misses its focus-out, and the next key trips it. */
  gtk_widget_grab_focus (self->check_button);
  klynge_import_sheet_check (self);
}

static void
skip_bad_clicked_cb (KlyngeImportSheet *self)
{
  self->skip_bad = TRUE;
  klynge_import_sheet_check (self);
}

static void
load_mapping_names (KlyngeImportSheet *self)
{
  KlyngeDb *db = self->context ? klynge_context_get_db (self->context) : NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GListStore) choices = klynge_choices_new ();
  g_autoptr(GError) error = NULL;

  klynge_choices_append (choices, 0, _("Guessed from the first row"));
  if (db != NULL)
    names = klynge_import_mapping_list (db, klynge_context_get_cluster_id (self->context), &error);
  klynge_choices_append_names (choices, (const char * const *) names);
  klynge_picker_set_choices (self->mapping_row, G_LIST_MODEL (choices));
  if (error != NULL)
    klynge_combo_row_show_error (self->mapping_row, error);
}

static void
klynge_import_sheet_dispose (GObject *object)
{
  KlyngeImportSheet *self = KLYNGE_IMPORT_SHEET (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_IMPORT_SHEET);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (klynge_import_sheet_parent_class)->dispose (object);
}

static void
klynge_import_sheet_finalize (GObject *object)
{
  KlyngeImportSheet *self = KLYNGE_IMPORT_SHEET (object);

  g_free (self->path);
  g_free (self->source);
  g_clear_pointer (&self->mapping, klynge_import_mapping_free);
  g_clear_pointer (&self->plan, klynge_import_plan_free);
  g_ptr_array_unref (self->unknown_rows);
  g_ptr_array_unref (self->file_clinic_rows);
  g_clear_pointer (&self->add_only, g_hash_table_unref);
  g_hash_table_unref (self->indicator_choices);
  g_clear_pointer (&self->checked, klynge_import_mapping_free);
  g_clear_pointer (&self->letters, g_ptr_array_unref);
  g_ptr_array_unref (self->masks);
  G_OBJECT_CLASS (klynge_import_sheet_parent_class)->finalize (object);
}

static void
klynge_import_sheet_class_init (KlyngeImportSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_import_sheet_dispose;
  object_class->finalize = klynge_import_sheet_finalize;

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/data/klynge-import-sheet.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, choices_group);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, mapping_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, unknown_group);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, problems_scroller);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, problems);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, check_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, import_button);
  gtk_widget_class_bind_template_callback (widget_class, mapping_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, duplicates_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, remember_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, skip_bad_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, rows_group);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, period_row);
  gtk_widget_class_bind_template_callback (widget_class, period_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, skip_unknown_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, add_clinics_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, file_clinics_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, add_indicators_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, reference_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, skip_unknown_switch);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, add_clinics_switch);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, add_indicators_switch);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, reference_switch);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, skip_bad_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, names_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportSheet, names_switch);
  gtk_widget_class_bind_template_callback (widget_class, names_toggled_cb);

  gtk_widget_class_install_action (widget_class, "sheet.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "sheet.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "sheet.cancel", NULL, cancel_action);
}

static void
klynge_import_sheet_init (KlyngeImportSheet *self)
{
  self->unknown_rows = g_ptr_array_new ();
  self->file_clinic_rows = g_ptr_array_new ();
  self->indicator_choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->masks = g_ptr_array_new_with_free_func ((GDestroyNotify) mask_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_row), FALSE);
  update_actions (self);
}

GtkWidget *
klynge_import_sheet_new (void)
{
  return g_object_new (KLYNGE_TYPE_IMPORT_SHEET, NULL);
}

void
klynge_import_sheet_set_context (KlyngeImportSheet *self,
                                 KlyngeContext     *context)
{
  g_return_if_fail (KLYNGE_IS_IMPORT_SHEET (self));

  g_set_object (&self->context, context);
  g_signal_handlers_block_by_func (self->mapping_row, mapping_selected_cb, self);
  load_mapping_names (self);
  g_signal_handlers_unblock_by_func (self->mapping_row, mapping_selected_cb, self);
  update_actions (self);
}

void
klynge_import_sheet_set_file (KlyngeImportSheet *self,
                              const char        *path)
{
  g_return_if_fail (KLYNGE_IS_IMPORT_SHEET (self));

  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_pointer (&self->plan, klynge_import_plan_free);
  /* Another file: its rows are judged afresh. */
  self->skip_bad = FALSE;
  self->chose_unknown = FALSE;
  g_clear_pointer (&self->add_only, g_hash_table_unref);
  update_actions (self);
}

void
klynge_import_sheet_set_compact (KlyngeImportSheet *self,
                                 gboolean           compact)
{
  g_return_if_fail (KLYNGE_IS_IMPORT_SHEET (self));

  self->compact = compact;
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_row), compact);
  /* Alone in its window, the list of problems takes the room there is
   * instead of leaving a blank band under the buttons. */
  gtk_widget_set_vexpand (GTK_WIDGET (self->problems_scroller), compact);
  gtk_scrolled_window_set_max_content_height (self->problems_scroller, compact ? -1 : 260);
}

void
klynge_import_sheet_set_mapping (KlyngeImportSheet         *self,
                                 const KlyngeImportMapping *mapping,
                                 const char                *source)
{
  g_return_if_fail (KLYNGE_IS_IMPORT_SHEET (self));

  g_clear_pointer (&self->mapping, klynge_import_mapping_free);
  self->mapping = mapping ? klynge_import_mapping_copy (mapping) : NULL;
  g_free (self->source);
  self->source = g_strdup (source);
  g_clear_pointer (&self->plan, klynge_import_plan_free);
  update_actions (self);
}

void
klynge_import_sheet_set_source (KlyngeImportSheet *self,
                                 const char        *source)
{
  g_return_if_fail (KLYNGE_IS_IMPORT_SHEET (self));

  g_free (self->source);
  self->source = g_strdup (source);
}

/**
 * klynge_import_sheet_set_anonymous:
 * @meeting_id: whose letters the clinics are shown by (0: the cluster's own)
 *
 * Shows every clinic by its letter, as the projected charts do, until the
 * facilitator asks for the names.
 */
void
klynge_import_sheet_set_anonymous (KlyngeImportSheet *self,
                                   gint64             meeting_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KLYNGE_IS_IMPORT_SHEET (self));

  self->anonymous = TRUE;
  self->meeting_id = meeting_id;
  gtk_widget_set_visible (self->names_row, TRUE);
  if (!load_masks (self, &error))
    show_error (self, error);
}

gboolean
klynge_import_sheet_is_busy (KlyngeImportSheet *self)
{
  return self->busy;
}

static void
restore_scheme_cb (GtkWidget *window,
                   gpointer   scheme)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), GPOINTER_TO_INT (scheme));
}

/* A bright window over a dark slide dazzles the room. libadwaita 1.2 styles
 * the whole application at once, so the app takes the slides' scheme while
 * the window is open (the main window is behind the fullscreen slide). */
static void
take_on_theme (GtkWindow        *window,
               KlyngeChartTheme  theme)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_signal_connect (window, "destroy", G_CALLBACK (restore_scheme_cb),
                    GINT_TO_POINTER (adw_style_manager_get_color_scheme (manager)));
  adw_style_manager_set_color_scheme (manager, theme == KLYNGE_CHART_THEME_LIGHT ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                                                  : ADW_COLOR_SCHEME_FORCE_DARK);
  if (theme == KLYNGE_CHART_THEME_HIGH_CONTRAST)
    gtk_widget_add_css_class (GTK_WIDGET (window), "klynge-high-contrast");
}

GtkWindow *
klynge_import_sheet_present_live (GtkWindow            *parent,
                                  KlyngeContext        *context,
                                  GFile                *file,
                                  const KlyngeLiveLook *look)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *shown_name = NULL;
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *sheet = klynge_import_sheet_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  klynge_import_sheet_set_context (KLYNGE_IMPORT_SHEET (sheet), context);
  klynge_import_sheet_set_compact (KLYNGE_IMPORT_SHEET (sheet), TRUE);
  klynge_import_sheet_set_anonymous (KLYNGE_IMPORT_SHEET (sheet), look->meeting_id);
  klynge_import_sheet_set_file (KLYNGE_IMPORT_SHEET (sheet), path);
  /* A clinic's file may be named after it. */
  shown_name = shown_text (KLYNGE_IMPORT_SHEET (sheet), name);
  if (look->themed)
    take_on_theme (GTK_WINDOW (window), look->theme);

  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 640);
  gtk_window_set_title (GTK_WINDOW (window), _("Import at the Meeting"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Import at the Meeting"), shown_name));
  gtk_widget_set_margin_top (sheet, 12);
  gtk_widget_set_margin_bottom (sheet, 18);
  gtk_widget_set_margin_start (sheet, 18);
  gtk_widget_set_margin_end (sheet, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), sheet);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_signal_connect_swapped (sheet, "finished", G_CALLBACK (gtk_window_close), window);

  gtk_window_present (GTK_WINDOW (window));
  klynge_import_sheet_check (KLYNGE_IMPORT_SHEET (sheet));
  return GTK_WINDOW (window);
}

/* What a window's drop target needs to open the live import. */
typedef struct
{
  KlyngeContext      *context;
  KlyngeLiveLookFunc  look_func;
} LiveDrop;

static void
live_drop_free (gpointer  data,
                GClosure *closure)
{
  LiveDrop *drop = data;

  g_object_unref (drop->context);
  g_free (drop);
}

static gboolean
live_drop_cb (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              LiveDrop      *drop)
{
  GtkWidget *window = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  KlyngeContext *context = drop->context;
  KlyngeLiveLook look = { 0 };
  g_autoptr(GSList) files = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || klynge_context_get_db (context) == NULL ||
      klynge_read_only_refuse_import (GTK_WINDOW (window), klynge_context_get_db (context)))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  drop->look_func (GTK_WINDOW (window), &look);
  klynge_import_sheet_present_live (GTK_WINDOW (window), context, files->data, &look);
  return TRUE;
}

void
klynge_import_sheet_accept_drops (GtkWindow          *window,
                                  KlyngeContext      *context,
                                  KlyngeLiveLookFunc  look_func)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  LiveDrop *drop = g_new (LiveDrop, 1);

  drop->context = g_object_ref (context);
  drop->look_func = look_func;
  g_signal_connect_data (target, "drop", G_CALLBACK (live_drop_cb), drop, live_drop_free, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (target));
}
