/* klynge-cli-import.c — `import`, `import-batches`, `import-undo`
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include <math.h>
#include <string.h>

#include "klynge-cli.h"
#include "klynge-import.h"
#include "klynge-period.h"

static void
set_text (char       **field,
          const char  *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

/* "INDICATOR=NUMERATOR:DENOMINATOR" or "INDICATOR=VALUE" */
static gboolean
add_wide (KlyngeImportMapping *mapping,
          const char          *spec)
{
  const char *equals = strrchr (spec, '=');
  g_autofree char *indicator = NULL;
  g_auto(GStrv) columns = NULL;

  if (equals == NULL || equals == spec || equals[1] == '\0')
    return FALSE;
  indicator = g_strndup (spec, equals - spec);
  columns = g_strsplit (equals + 1, ":", 2);
  if (columns[1] != NULL)
    klynge_import_mapping_add_wide (mapping, indicator, columns[0], columns[1], NULL);
  else
    klynge_import_mapping_add_wide (mapping, indicator, NULL, NULL, columns[0]);
  return TRUE;
}

/* The sheet's number from "2" or its name ("Data"), 0 when there is none. */
static guint
find_sheet (const char  *path,
            const char  *sheet,
            GError     **error)
{
  g_auto(KlyngeTableInfo) info = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  guint64 number;

  if (sheet == NULL)
    return 1;
  if (g_ascii_string_to_unsigned (sheet, 10, 1, G_MAXUINT, &number, NULL))
    return number;
  if ((rows = klynge_import_preview (path, 1, 1, &info, error)) == NULL)
    return 0;
  for (guint i = 0; info.sheet_names != NULL && info.sheet_names[i] != NULL; i++)
    if (g_utf8_collate (info.sheet_names[i], sheet) == 0 || g_ascii_strcasecmp (info.sheet_names[i], sheet) == 0)
      return i + 1;
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("The workbook has no sheet “%s”."), sheet);
  return 0;
}

/* The header row (the one given, or the first with two fields) as a GStrv. */
static GStrv
read_header (const char  *path,
             guint        sheet,
             guint        header_row,
             GError     **error)
{
  g_autoptr(GPtrArray) rows = klynge_import_preview (path, sheet, MAX (header_row, 20), NULL, error);
  guint index;

  if (rows == NULL)
    return NULL;
  index = header_row > 0 ? header_row - 1 : rows->len > 0 ? klynge_import_header_index (rows) : 0;
  if (index >= rows->len)
    {
      g_autofree char *name = g_path_get_basename (path);
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE, _("%s: the file has no rows."), name);
      return NULL;
    }
  return g_strdupv (g_ptr_array_index (rows, index));
}

static guint
count_rows (GPtrArray *clinics)
{
  guint rows = 0;

  for (guint i = 0; i < clinics->len; i++)
    rows += ((KlyngeImportFileClinic *)g_ptr_array_index (clinics, i))->n_rows;
  return rows;
}

/* Each clinic on a line: code, name and its rows. */
static void
print_file_clinics (GPtrArray *clinics)
{
  for (guint i = 0; i < clinics->len; i++)
    {
      KlyngeImportFileClinic *clinic = g_ptr_array_index (clinics, i);

      if (clinic->number != NULL && g_strcmp0 (clinic->number, clinic->name) != 0)
        g_print ("  %s\t%s\t%u\n", clinic->number, clinic->name, clinic->n_rows);
      else
        g_print ("  %s\t%u\n", clinic->name, clinic->n_rows);
    }
}

/* What the import left out or recognised, for the user to check. */
static void
print_summary (const char       *path,
               KlyngeImportPlan *plan,
               gboolean          stored_references)
{
  g_autoptr(GPtrArray) unknown = klynge_import_plan_get_unknown_clinics (plan);
  g_autoptr(GPtrArray) created = klynge_import_plan_get_new_clinics (plan);
  g_auto(GStrv) indicators = klynge_import_plan_get_new_indicators (plan);
  g_autoptr(GPtrArray) references = klynge_import_plan_get_references (plan);
  GPtrArray *left_out = klynge_import_plan_get_left_out (plan);
  KlyngeImportCounts counts;

  klynge_import_plan_get_counts (plan, &counts);
  if (counts.filtered > 0)
    g_print (ngettext ("%s: %u row did not match --where and was left out.\n",
                       "%s: %u rows did not match --where and were left out.\n", counts.filtered),
             path, counts.filtered);
  if (counts.totals > 0)
    g_print (ngettext ("%s: %u total row is not a clinic and was left out.\n",
                       "%s: %u total rows are not clinics and were left out.\n", counts.totals),
             path, counts.totals);
  if (counts.areas > 0)
    g_print (ngettext ("%s: %u national or regional row is not a clinic.\n",
                       "%s: %u national or regional rows are not clinics.\n", counts.areas),
             path, counts.areas);
  for (guint i = 0; i < references->len; i++)
    {
      KlyngeImportReference *r = g_ptr_array_index (references, i);
      g_autofree char *number = !isnan (r->value) ? g_strdup_printf ("%.15g", r->value) :
                                g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, r->numerator, r->denominator);

      g_print (stored_references ? _("%s: reference value of %s for %s: %s (stored)\n")
                                 : _("%s: reference value of %s for %s: %s (store it with --reference)\n"),
               path, r->area, r->period, number);
    }
  if (counts.suppressed > 0)
    g_print (ngettext ("%s: %u value is suppressed by the publisher and stored as suppressed.\n",
                       "%s: %u values are suppressed by the publisher and stored as suppressed.\n", counts.suppressed),
             path, counts.suppressed);
  if (unknown->len > 0)
    {
      /* The rows are counted in the message; the clinics, many, are listed. */
      g_print (ngettext ("%s: clinics not in this cluster: %u row left out:\n",
                         "%s: clinics not in this cluster: %u rows left out:\n", count_rows (unknown)),
               path, count_rows (unknown));
      print_file_clinics (unknown);
    }
  if (created->len > 0)
    {
      g_print (ngettext ("%s: %u new clinic from the file:\n", "%s: %u new clinics from the file:\n", created->len),
               path, created->len);
      print_file_clinics (created);
    }
  for (guint i = 0; indicators[i] != NULL; i++)
    g_print (_("%s: new indicator “%s”\n"), path, indicators[i]);
  if (left_out->len > 0)
    {
      guint n = klynge_import_plan_get_n_left_out (plan) - count_rows (unknown);

      g_print (ngettext ("%s: %u row with problems was left out:\n", "%s: %u rows with problems were left out:\n", n),
               path, n);
      for (guint i = 0; i < left_out->len; i++)
        {
          g_autofree char *line = klynge_import_problem_format (path, g_ptr_array_index (left_out, i));
          g_print ("  %s\n", line);
        }
    }
}

int
klynge_cli_import (KlyngeCli  *cli,
                   int         argc,
                   char      **argv)
{
  gint64 cluster = 0;
  int header_row = 0;
  guint sheet = 1;
  gboolean dry_run = FALSE, replace = FALSE, keep = FALSE;
  gboolean add_clinics = FALSE, add_indicators = FALSE, skip_unknown = FALSE, skip_bad = FALSE, reference = FALSE;
  g_autofree char *mapping_name = NULL, *save_name = NULL, *layout = NULL, *decimal = NULL, *sheet_name = NULL;
  g_autofree char *clinic = NULL, *clinic_name = NULL, *period = NULL, *fixed_period = NULL, *granularity = NULL;
  g_autofree char *indicator = NULL;
  g_autofree char *numerator = NULL, *denominator = NULL, *value = NULL;
  g_auto(GStrv) wide = NULL, where = NULL, header = NULL;
  GOptionEntry entries[] = {
    { "cluster", 0, 0, G_OPTION_ARG_INT64, &cluster, N_("The cluster (default: the first)"), N_("ID") },
    { "mapping", 0, 0, G_OPTION_ARG_STRING, &mapping_name, N_("Use the saved column mapping of this name"), N_("NAME") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet_name, N_("The workbook’s sheet to read: its number from 1, or its name"), N_("N|NAME") },
    { "header-row", 0, 0, G_OPTION_ARG_INT, &header_row, N_("The line (CSV) or row (XLSX) of the header, from 1 (default: found)"), N_("N") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Check the file, write nothing"), NULL },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Replace measurements already stored"), NULL },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, N_("Keep measurements already stored and skip the file’s"), NULL },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout, N_("“long” (a row per indicator) or “wide” (a column per indicator)"), N_("LAYOUT") },
    { "clinic", 0, 0, G_OPTION_ARG_STRING, &clinic, N_("The column naming the clinic (a name, or #N for the N-th column)"), N_("COLUMN") },
    { "clinic-name", 0, 0, G_OPTION_ARG_STRING, &clinic_name, N_("The column of the clinic’s name, when --clinic holds its number"), N_("COLUMN") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("The column of the period"), N_("COLUMN") },
    { "fixed-period", 0, 0, G_OPTION_ARG_STRING, &fixed_period, N_("The period of every row, when the file has no such column"), N_("PERIOD") },
    { "period-granularity", 0, 0, G_OPTION_ARG_STRING, &granularity, N_("Store the periods as “year”, “financial-year”, “quarter”, “month” or “day”: days as their months, say"), N_("LENGTH") },
    { "indicator", 0, 0, G_OPTION_ARG_STRING, &indicator, N_("The column of the indicator (long layout)"), N_("COLUMN") },
    { "numerator", 0, 0, G_OPTION_ARG_STRING, &numerator, N_("The column of the numerator (long layout)"), N_("COLUMN") },
    { "denominator", 0, 0, G_OPTION_ARG_STRING, &denominator, N_("The column of the denominator (long layout)"), N_("COLUMN") },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, N_("The column of the value (long layout)"), N_("COLUMN") },
    { "wide", 0, 0, G_OPTION_ARG_STRING_ARRAY, &wide, N_("An indicator’s columns (wide layout); repeat for each"), N_("INDICATOR=NUMERATOR:DENOMINATOR") },
    { "decimal", 0, 0, G_OPTION_ARG_STRING, &decimal, N_("The decimal separator, “.” or “,” (default: detected)"), N_("CHAR") },
    { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &where, N_("Only the rows where COLUMN holds VALUE; repeat for more"), N_("COLUMN=VALUE") },
    { "skip-unknown", 0, 0, G_OPTION_ARG_NONE, &skip_unknown, N_("Leave out, and list, the rows of clinics that are not in the cluster"), NULL },
    { "add-clinics", 0, 0, G_OPTION_ARG_NONE, &add_clinics, N_("Create the clinics of the file that are not in the cluster"), NULL },
    { "add-indicators", 0, 0, G_OPTION_ARG_NONE, &add_indicators, N_("Create the indicators of the file that Klynge does not know"), NULL },
    { "skip-bad", 0, 0, G_OPTION_ARG_NONE, &skip_bad, N_("Import the good rows and leave out, and list, the rows with problems"), NULL },
    { "reference", 0, 0, G_OPTION_ARG_NONE, &reference, N_("Store national and regional rows as the indicators’ reference values"), NULL },
    { "save-mapping", 0, 0, G_OPTION_ARG_STRING, &save_name, N_("Save the column mapping under this name"), N_("NAME") },
    { NULL }
  };
  g_autoptr(KlyngeImportMapping) mapping = NULL;
  g_autoptr(KlyngeImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *batch_text = NULL;
  KlyngeImportDuplicates duplicates;
  GPtrArray *problems;
  const char *path;
  gint64 batch;
  guint n_written;

  if (!klynge_cli_parse_options ("import", _("FILE"), _("Import clinics’ measurements from a CSV or XLSX file."),
                                 entries, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc != 2)
    return klynge_cli_usage_error ("import", "%s", _("Give exactly one file to import."));
  if (replace && keep)
    return klynge_cli_usage_error ("import", "%s", _("--replace and --keep exclude each other."));
  if (layout != NULL && !g_str_equal (layout, "long") && !g_str_equal (layout, "wide"))
    return klynge_cli_usage_error ("import", _("Unknown layout “%s”."), layout);
  if (decimal != NULL && !g_str_equal (decimal, ".") && !g_str_equal (decimal, ","))
    return klynge_cli_usage_error ("import", "%s", _("--decimal takes “.” or “,”."));
  if (header_row < 0)
    return klynge_cli_usage_error ("import", "%s", _("Rows are numbered from 1."));
  if (add_clinics && skip_unknown)
    return klynge_cli_usage_error ("import", "%s", _("--add-clinics and --skip-unknown exclude each other."));
  if (granularity != NULL && !klynge_period_granularity_from_string (granularity, &(KlyngePeriodGranularity) { 0 }))
    return klynge_cli_usage_error ("import", _("Unknown period length “%s”."), granularity);
  path = argv[1];
  if ((cluster = klynge_cli_get_cluster (cli, cluster)) == 0)
    return KLYNGE_CLI_FAILED;
  if ((sheet = find_sheet (path, sheet_name, &error)) == 0)
    return klynge_cli_report_error (error);

  /* Next quarter's file of a source has the header its saved mapping
   * names: with no columns given, that mapping is used. */
  if (mapping_name == NULL && clinic == NULL && wide == NULL && indicator == NULL)
    {
      if ((header = read_header (path, sheet, header_row, &error)) == NULL)
        return klynge_cli_report_error (error);
      mapping_name = klynge_import_mapping_find_fitting (cli->db, cluster, (const char *const *)header,
                                                         g_strv_length (header), NULL);
      if (mapping_name != NULL)
        g_print (_("%s: its columns fit the saved mapping “%s”, which is used.\n"), path, mapping_name);
    }
  if (mapping_name != NULL)
    mapping = klynge_import_mapping_load (cli->db, cluster, mapping_name, &error);
  else if (header != NULL || (header = read_header (path, sheet, header_row, &error)) != NULL)
    mapping = klynge_import_mapping_guess ((const char *const *)header, g_strv_length (header));
  if (mapping == NULL)
    return klynge_cli_report_error (error);

  /* Options on the command line refine the saved or guessed mapping. */
  if (layout != NULL)
    mapping->layout = g_str_equal (layout, "wide") ? KLYNGE_IMPORT_WIDE : KLYNGE_IMPORT_LONG;
  if (sheet_name != NULL)
    mapping->sheet = sheet;
  if (header_row > 0)
    mapping->header_row = header_row;
  set_text (&mapping->clinic_name, clinic_name);
  for (guint i = 0; where != NULL && where[i] != NULL; i++)
    if (!klynge_import_mapping_add_filter (mapping, where[i]))
      return klynge_cli_usage_error ("import", _("“%s” is not COLUMN=VALUE."), where[i]);
  mapping->skip_unknown = skip_unknown;
  mapping->add_clinics = add_clinics;
  mapping->add_indicators = add_indicators;
  mapping->skip_bad = skip_bad;
  mapping->store_reference = reference;
  if (decimal != NULL)
    mapping->decimal = decimal[0];
  set_text (&mapping->clinic, clinic);
  set_text (&mapping->period, period);
  set_text (&mapping->fixed_period, fixed_period);
  if (fixed_period != NULL && period == NULL)
    g_clear_pointer (&mapping->period, g_free);
  set_text (&mapping->period_granularity, granularity);
  set_text (&mapping->indicator, indicator);
  set_text (&mapping->numerator, numerator);
  set_text (&mapping->denominator, denominator);
  set_text (&mapping->value, value);
  if (wide != NULL)
    {
      g_ptr_array_set_size (mapping->wide, 0);
      mapping->layout = KLYNGE_IMPORT_WIDE;
      for (guint i = 0; wide[i] != NULL; i++)
        if (!add_wide (mapping, wide[i]))
          return klynge_cli_usage_error ("import", _("“%s” is not INDICATOR=NUMERATOR:DENOMINATOR or INDICATOR=VALUE."), wide[i]);
    }

  plan = klynge_import_prepare (cli->db, cluster, path, mapping, NULL, NULL, NULL, &error);
  if (plan == NULL)
    return klynge_cli_report_error (error);

  duplicates = replace ? KLYNGE_IMPORT_DUPLICATES_REPLACE :
               keep ? KLYNGE_IMPORT_DUPLICATES_KEEP : KLYNGE_IMPORT_DUPLICATES_REJECT;
  problems = klynge_import_plan_get_problems (plan);
  for (guint i = 0; i < problems->len; i++)
    {
      KlyngeImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = NULL;

      if (problem->kind == KLYNGE_IMPORT_PROBLEM_DUPLICATE && duplicates != KLYNGE_IMPORT_DUPLICATES_REJECT)
        continue;
      line = klynge_import_problem_format (path, problem);
      g_printerr ("%s\n", line);
    }
  if (problems->len < klynge_import_plan_get_n_errors (plan) + klynge_import_plan_get_n_duplicates (plan))
    g_printerr (_("%s: and more problems than can be listed.\n"), path);
  print_summary (path, plan, reference);

  if (!klynge_import_plan_can_commit (plan, duplicates))
    {
      gboolean unknown_clinics = FALSE, unknown_indicators = FALSE, bad_rows = FALSE;

      for (guint i = 0; i < problems->len; i++)
        {
          KlyngeImportProblem *problem = g_ptr_array_index (problems, i);

          unknown_clinics |= problem->kind == KLYNGE_IMPORT_PROBLEM_UNKNOWN_CLINIC && problem->text != NULL && *problem->text != '\0';
          unknown_indicators |= problem->kind == KLYNGE_IMPORT_PROBLEM_UNKNOWN_INDICATOR;
          /* A header's problem (column 0) concerns every row. */
          bad_rows |= problem->line > 0 && problem->column > 0 && problem->kind != KLYNGE_IMPORT_PROBLEM_DUPLICATE &&
                      problem->kind != KLYNGE_IMPORT_PROBLEM_MISSING_COLUMN;
        }
      if (unknown_indicators && !add_indicators)
        g_printerr ("%s: %s\n", path, _("Create the indicators Klynge does not know with --add-indicators."));
      if (unknown_clinics)
        g_printerr ("%s: %s\n", path, _("Leave out the rows of clinics that are not in the cluster with --skip-unknown, or create the clinics with --add-clinics."));
      if (bad_rows && !skip_bad)
        g_printerr ("%s: %s\n", path, _("Import the good rows and leave out those with problems with --skip-bad."));
      if (klynge_import_plan_get_n_errors (plan) == 0 && klynge_import_plan_get_n_duplicates (plan) > 0)
        g_printerr ("%s: %s\n", path, _("Some measurements are already stored: import again with --replace or --keep."));
      g_printerr ("%s: %s\n", path, _("Nothing was imported."));
      return KLYNGE_CLI_FAILED;
    }

  if (save_name != NULL && !dry_run && !klynge_import_mapping_save (cli->db, cluster, save_name, mapping, &error))
    return klynge_cli_report_error (error);

  if (dry_run)
    {
      n_written = klynge_import_plan_get_n_written (plan, duplicates);
      g_print (ngettext ("%s: %u measurement can be imported; nothing was written.\n",
                         "%s: %u measurements can be imported; nothing was written.\n",
                         n_written),
               path, n_written);
      return KLYNGE_CLI_OK;
    }

  batch = klynge_import_commit (cli->db, plan, duplicates, save_name ? save_name : mapping_name, NULL, NULL, NULL, &error);
  if (batch == 0)
    return klynge_cli_report_error (error);
  /* The number as text: xgettext cannot see through G_GINT64_FORMAT. */
  batch_text = g_strdup_printf ("%" G_GINT64_FORMAT, batch);
  n_written = klynge_import_plan_get_n_written (plan, duplicates);
  g_print (ngettext ("%s: %u measurement imported as batch %s.\n",
                     "%s: %u measurements imported as batch %s.\n",
                     n_written),
           path, n_written, batch_text);
  return KLYNGE_CLI_OK;
}

int
klynge_cli_import_batches (KlyngeCli  *cli,
                           int         argc,
                           char      **argv)
{
  static const char * const columns[] = { "batch", "imported_at", "file", "rows", "checksum", "left_out", NULL };
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeCliList) list = NULL;
  KlyngeCliFormat format;
  int status;
  gint64 cluster = klynge_cli_parse_list_options (cli, "import-batches", _("List the imported files, newest first."),
                                                  argc, argv, &format, &status);

  if (cluster == 0)
    return status;

  batches = klynge_import_list_batches (cli->db, cluster, &error);
  if (batches == NULL)
    return klynge_cli_report_error (error);
  list = klynge_cli_list_new (format, columns);
  for (guint i = 0; i < batches->len; i++)
    {
      KlyngeImportBatch *b = g_ptr_array_index (batches, i);

      klynge_cli_list_begin_row (list);
      klynge_cli_list_add_integer (list, b->id);
      klynge_cli_list_add_text (list, b->imported_at);
      klynge_cli_list_add_text (list, b->file_name);
      klynge_cli_list_add_integer (list, b->row_count);
      klynge_cli_list_add_text (list, b->checksum);
      klynge_cli_list_add_integer (list, b->left_out);
    }
  klynge_cli_list_print (list);
  return KLYNGE_CLI_OK;
}

int
klynge_cli_periods (KlyngeCli  *cli,
                    int         argc,
                    char      **argv)
{
  static const char * const columns[] = { "period", "label", "measurements", NULL };
  gint64 cluster = 0;
  gboolean unreadable = FALSE;
  g_autofree char *format_name = NULL;
  GOptionEntry entries[] = {
    { "cluster", 0, 0, G_OPTION_ARG_INT64, &cluster, N_("The cluster (default: the first)"), N_("ID") },
    { "unreadable", 0, 0, G_OPTION_ARG_NONE, &unreadable, N_("Only the stored periods that are no period Klynge can read"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("Output as tsv (the default), csv or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeCliList) list = NULL;
  KlyngeCliFormat format;

  if (!klynge_cli_parse_options ("periods", NULL,
                                 _("List the periods of the cluster’s measurements by time: period, label, measurements."),
                                 entries, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc != 1)
    return klynge_cli_usage_error ("periods", "%s", _("The command takes no file."));
  if (!klynge_cli_format_parse ("periods", format_name, &format))
    return KLYNGE_CLI_USAGE;
  if ((cluster = klynge_cli_get_cluster (cli, cluster)) == 0)
    return KLYNGE_CLI_FAILED;
  if (!(periods = klynge_periods_list (cli->db, cluster, &error)))
    return klynge_cli_report_error (error);
  list = klynge_cli_list_new (format, columns);
  for (guint i = 0; i < periods->len; i++)
    {
      KlyngePeriodUse *use = g_ptr_array_index (periods, i);

      if (unreadable && use->readable)
        continue;
      klynge_cli_list_begin_row (list);
      klynge_cli_list_add_text (list, use->period);
      /* A stored text no period could be read from has no label to show. */
      klynge_cli_list_add_text (list, use->readable ? use->label : NULL);
      klynge_cli_list_add_integer (list, use->n_measurements);
    }
  klynge_cli_list_print (list);
  return KLYNGE_CLI_OK;
}

int
klynge_cli_import_undo (KlyngeCli  *cli,
                        int         argc,
                        char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) left_out = NULL;
  g_autofree char *batch_text = NULL;
  guint64 batch;
  KlyngeDb *db;

  if (!klynge_cli_parse_options ("import-undo", _("BATCH"), _("Remove an imported file’s measurements as a whole."),
                                 NULL, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &batch, NULL))
    return klynge_cli_usage_error ("import-undo", "%s", _("Give the number of one batch (see import-batches)."));
  if ((db = klynge_cli_get_db (cli)) == NULL)
    return KLYNGE_CLI_FAILED;
  /* Undoing says what the import had left out, which goes with it. */
  if ((left_out = klynge_import_list_left_out (db, batch, &error)) == NULL)
    return klynge_cli_report_error (error);
  if (!klynge_import_undo (db, batch, NULL, NULL, &error))
    return klynge_cli_report_error (error);
  batch_text = g_strdup_printf ("%" G_GUINT64_FORMAT, batch);
  if (left_out[0] != NULL)
    g_print (_("Batch %s undone; when imported it had left out:\n"), batch_text);
  for (guint i = 0; left_out[i] != NULL; i++)
    g_print ("  %s\n", left_out[i]);
  return KLYNGE_CLI_OK;
}
