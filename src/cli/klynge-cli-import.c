/* klynge-cli-import.c — `import`, `import-batches`, `import-undo`
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include <string.h>

#include "klynge-cli.h"
#include "klynge-import.h"

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

static KlyngeImportMapping *
guess_mapping (const char  *path,
               guint        sheet,
               GError     **error)
{
  g_autoptr(GPtrArray) rows = klynge_import_preview (path, sheet, 20, NULL, error);
  char **header;

  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_autofree char *name = g_path_get_basename (path);
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE, _("%s: the file has no rows."), name);
      return NULL;
    }
  header = g_ptr_array_index (rows, klynge_import_header_index (rows));
  return klynge_import_mapping_guess ((const char *const *)header, g_strv_length (header));
}

int
klynge_cli_import (KlyngeCli  *cli,
                   int         argc,
                   char      **argv)
{
  gint64 cluster = 0;
  int sheet = 0;
  gboolean dry_run = FALSE, replace = FALSE, keep = FALSE;
  g_autofree char *mapping_name = NULL, *save_name = NULL, *layout = NULL, *decimal = NULL;
  g_autofree char *clinic = NULL, *period = NULL, *fixed_period = NULL, *indicator = NULL;
  g_autofree char *numerator = NULL, *denominator = NULL, *value = NULL;
  g_auto(GStrv) wide = NULL;
  GOptionEntry entries[] = {
    { "cluster", 0, 0, G_OPTION_ARG_INT64, &cluster, N_("The cluster (default: the first)"), N_("ID") },
    { "mapping", 0, 0, G_OPTION_ARG_STRING, &mapping_name, N_("Use the saved column mapping of this name"), N_("NAME") },
    { "sheet", 0, 0, G_OPTION_ARG_INT, &sheet, N_("The workbook’s sheet to read, from 1"), N_("N") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Check the file, write nothing"), NULL },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Replace measurements already stored"), NULL },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, N_("Keep measurements already stored and skip the file’s"), NULL },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout, N_("“long” (a row per indicator) or “wide” (a column per indicator)"), N_("LAYOUT") },
    { "clinic", 0, 0, G_OPTION_ARG_STRING, &clinic, N_("The column naming the clinic"), N_("COLUMN") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("The column of the period"), N_("COLUMN") },
    { "fixed-period", 0, 0, G_OPTION_ARG_STRING, &fixed_period, N_("The period of every row, when the file has no such column"), N_("PERIOD") },
    { "indicator", 0, 0, G_OPTION_ARG_STRING, &indicator, N_("The column of the indicator (long layout)"), N_("COLUMN") },
    { "numerator", 0, 0, G_OPTION_ARG_STRING, &numerator, N_("The column of the numerator (long layout)"), N_("COLUMN") },
    { "denominator", 0, 0, G_OPTION_ARG_STRING, &denominator, N_("The column of the denominator (long layout)"), N_("COLUMN") },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, N_("The column of the value (long layout)"), N_("COLUMN") },
    { "wide", 0, 0, G_OPTION_ARG_STRING_ARRAY, &wide, N_("An indicator’s columns (wide layout); repeat for each"), N_("INDICATOR=NUMERATOR:DENOMINATOR") },
    { "decimal", 0, 0, G_OPTION_ARG_STRING, &decimal, N_("The decimal separator, “.” or “,” (default: detected)"), N_("CHAR") },
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
  if (sheet < 0)
    return klynge_cli_usage_error ("import", "%s", _("Sheets are numbered from 1."));
  path = argv[1];
  if ((cluster = klynge_cli_get_cluster (cli, cluster)) == 0)
    return KLYNGE_CLI_FAILED;

  if (mapping_name != NULL)
    mapping = klynge_import_mapping_load (cli->db, cluster, mapping_name, &error);
  else
    mapping = guess_mapping (path, sheet > 0 ? sheet : 1, &error);
  if (mapping == NULL)
    return klynge_cli_report_error (error);

  /* Options on the command line refine the saved or guessed mapping. */
  if (layout != NULL)
    mapping->layout = g_str_equal (layout, "wide") ? KLYNGE_IMPORT_WIDE : KLYNGE_IMPORT_LONG;
  if (sheet > 0)
    mapping->sheet = sheet;
  if (decimal != NULL)
    mapping->decimal = decimal[0];
  set_text (&mapping->clinic, clinic);
  set_text (&mapping->period, period);
  set_text (&mapping->fixed_period, fixed_period);
  if (fixed_period != NULL && period == NULL)
    g_clear_pointer (&mapping->period, g_free);
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

  if (!klynge_import_plan_can_commit (plan, duplicates))
    {
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
  static const char * const columns[] = { "batch", "imported_at", "file", "rows", "checksum", NULL };
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
  guint64 batch;
  KlyngeDb *db;

  if (!klynge_cli_parse_options ("import-undo", _("BATCH"), _("Remove an imported file’s measurements as a whole."),
                                 NULL, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &batch, NULL))
    return klynge_cli_usage_error ("import-undo", "%s", _("Give the number of one batch (see import-batches)."));
  if ((db = klynge_cli_get_db (cli)) == NULL)
    return KLYNGE_CLI_FAILED;
  if (!klynge_import_undo (db, batch, NULL, NULL, &error))
    return klynge_cli_report_error (error);
  return KLYNGE_CLI_OK;
}
