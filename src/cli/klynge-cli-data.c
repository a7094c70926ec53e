/* klynge-cli-data.c — `clinics`, `clinics import`, `indicators`, `measurements`
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include <math.h>

#include "klynge-cli.h"
#include "klynge-cli-list.h"
#include "klynge-clinic.h"
#include "klynge-measurements.h"
#include "klynge-practice-list.h"
#include "klynge-topics.h"

/* `clinics import FILE`: argv[0] is "import". */
static int
import_practices (KlyngeCli  *cli,
                  int         argc,
                  char      **argv)
{
  gint64 cluster = 0;
  gboolean dry_run = FALSE;
  g_autofree char *number = NULL, *name = NULL, *listed = NULL;
  g_auto(GStrv) where = NULL;
  int sheet = 1;
  GOptionEntry entries[] = {
    { "cluster", 0, 0, G_OPTION_ARG_INT64, &cluster, N_("The cluster (default: the first)"), N_("ID") },
    { "sheet", 0, 0, G_OPTION_ARG_INT, &sheet, N_("The workbook’s sheet to read, from 1"), N_("N") },
    { "number", 0, 0, G_OPTION_ARG_STRING, &number, N_("The column of the practice’s code (default: found by name)"), N_("COLUMN") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The column of the practice’s name (default: found by name)"), N_("COLUMN") },
    { "listed", 0, 0, G_OPTION_ARG_STRING, &listed, N_("The column of the listed patients (default: found by name)"), N_("COLUMN") },
    { "where", 0, 0, G_OPTION_ARG_STRING_ARRAY, &where, N_("Only the rows where COLUMN holds VALUE; repeat for more"), N_("COLUMN=VALUE") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Check the file, write nothing"), NULL },
    { NULL }
  };
  g_autoptr(KlyngeImportMapping) filters = klynge_import_mapping_new ();
  KlyngePracticeListResult result;
  g_autoptr(GError) error = NULL;

  if (!klynge_cli_parse_options ("clinics import", _("FILE"),
                                 _("Create or update the cluster’s clinics from a practice list (code, name, listed patients, address)."),
                                 entries, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc != 2)
    return klynge_cli_usage_error ("clinics import", "%s", _("Give exactly one file to import."));
  if (sheet < 1)
    return klynge_cli_usage_error ("clinics import", "%s", _("Sheets are numbered from 1."));
  for (guint i = 0; where != NULL && where[i] != NULL; i++)
    if (!klynge_import_mapping_add_filter (filters, where[i]))
      return klynge_cli_usage_error ("clinics import", _("“%s” is not COLUMN=VALUE."), where[i]);
  cli->writes = !dry_run;
  if ((cluster = klynge_cli_get_cluster (cli, cluster)) == 0)
    return KLYNGE_CLI_FAILED;

  if (!klynge_practice_list_import (cli->db, cluster, argv[1],
                                    &(KlyngePracticeList) { sheet, number, name, listed, filters->where },
                                    dry_run, &result, &error))
    return klynge_cli_report_error (error);
  if (result.filtered > 0)
    g_print (ngettext ("%s: %u row did not match --where and was left out.\n",
                       "%s: %u rows did not match --where and were left out.\n", result.filtered),
             argv[1], result.filtered);
  g_print (dry_run ? _("%s: %u clinics would be created and %u updated; nothing was written.\n")
                   : _("%s: %u clinics created, %u updated.\n"),
           argv[1], result.created, result.updated);
  return KLYNGE_CLI_OK;
}

int
klynge_cli_clinics (KlyngeCli  *cli,
                    int         argc,
                    char      **argv)
{
  static const char * const columns[] = { "id", "number", "name", "listed_patients", NULL };
  g_autoptr(GListModel) clinics = NULL;
  g_autoptr(KlyngeCliList) list = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeCliFormat format;
  int status;
  gint64 cluster;

  if (argc > 1 && g_str_equal (argv[1], "import"))
    return import_practices (cli, argc - 1, argv + 1);
  cluster = klynge_cli_parse_list_options (cli, "clinics", _("List the cluster’s clinics; “clinics import FILE” reads a practice list."),
                                           argc, argv, &format, &status);
  if (cluster == 0)
    return status;
  if ((clinics = klynge_clinic_list (cli->db, cluster, &error)) == NULL)
    return klynge_cli_report_error (error);
  list = klynge_cli_list_new (format, columns);
  for (guint i = 0; i < g_list_model_get_n_items (clinics); i++)
    {
      g_autoptr(KlyngeClinic) clinic = g_list_model_get_item (clinics, i);

      klynge_cli_list_begin_row (list);
      klynge_cli_list_add_integer (list, clinic->id);
      klynge_cli_list_add_text (list, clinic->provider_number);
      klynge_cli_list_add_text (list, clinic->name);
      klynge_cli_list_add_integer (list, clinic->listed_patients);
    }
  klynge_cli_list_print (list);
  return KLYNGE_CLI_OK;
}

int
klynge_cli_indicators (KlyngeCli  *cli,
                       int         argc,
                       char      **argv)
{
  static const char * const columns[] = { "id", "name", "unit", "topic", NULL };
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(KlyngeCliList) list = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeCliFormat format;
  int status;
  gint64 cluster = klynge_cli_parse_list_options (cli, "indicators", _("List the indicators the cluster’s files can refer to."),
                                                  argc, argv, &format, &status);

  if (cluster == 0)
    return status;
  if ((topics = klynge_topics_list (cli->db, cluster, &error)) == NULL)
    return klynge_cli_report_error (error);
  list = klynge_cli_list_new (format, columns);
  for (guint i = 0; i < topics->len; i++)
    {
      KlyngeTopic *topic = g_ptr_array_index (topics, i);

      for (guint j = 0; j < topic->indicators->len; j++)
        {
          KlyngeIndicator *indicator = g_ptr_array_index (topic->indicators, j);

          klynge_cli_list_begin_row (list);
          klynge_cli_list_add_integer (list, indicator->id);
          klynge_cli_list_add_text (list, indicator->name);
          klynge_cli_list_add_text (list, indicator->unit);
          klynge_cli_list_add_text (list, topic->title);
        }
    }
  klynge_cli_list_print (list);
  return KLYNGE_CLI_OK;
}

static void
add_measurement_row (const KlyngeStoredMeasurement *m,
                     gpointer                       user_data)
{
  KlyngeCliList *list = user_data;

  klynge_cli_list_begin_row (list);
  klynge_cli_list_add_text (list, m->clinic_number);
  klynge_cli_list_add_text (list, m->clinic_name);
  klynge_cli_list_add_text (list, m->indicator);
  klynge_cli_list_add_text (list, m->period);
  if (m->numerator >= 0)
    klynge_cli_list_add_integer (list, m->numerator);
  else
    klynge_cli_list_add_empty (list);
  if (m->denominator >= 0)
    klynge_cli_list_add_integer (list, m->denominator);
  else
    klynge_cli_list_add_empty (list);
  if (!isnan (m->value))
    klynge_cli_list_add_number (list, m->value);
  else
    klynge_cli_list_add_empty (list);
  klynge_cli_list_add_text (list, m->suppressed ? "suppressed" : "ok");
}

int
klynge_cli_measurements (KlyngeCli  *cli,
                         int         argc,
                         char      **argv)
{
  static const char * const columns[] = { "clinic_number", "clinic_name", "indicator", "period",
                                          "numerator", "denominator", "value", "status", NULL };
  gint64 cluster = 0, indicator = 0;
  g_autofree char *period = NULL, *format_name = NULL;
  GOptionEntry entries[] = {
    { "cluster", 0, 0, G_OPTION_ARG_INT64, &cluster, N_("The cluster (default: the first)"), N_("ID") },
    { "indicator", 0, 0, G_OPTION_ARG_INT64, &indicator, N_("Only this indicator (see “indicators”)"), N_("ID") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("Only this period"), N_("PERIOD") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("Output as tsv (the default), csv or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(KlyngeCliList) list = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeCliFormat format;

  if (!klynge_cli_parse_options ("measurements", NULL, _("List the stored measurements: one row per clinic, indicator and period."),
                                 entries, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc > 1)
    return klynge_cli_usage_error ("measurements", _("Unexpected argument “%s”."), argv[1]);
  if (!klynge_cli_format_parse ("measurements", format_name, &format))
    return KLYNGE_CLI_USAGE;
  if ((cluster = klynge_cli_get_cluster (cli, cluster)) == 0)
    return KLYNGE_CLI_FAILED;

  list = klynge_cli_list_new (format, columns);
  if (!klynge_measurements_foreach (cli->db, cluster, indicator, period, add_measurement_row, list, &error))
    return klynge_cli_report_error (error);
  klynge_cli_list_print (list);
  return KLYNGE_CLI_OK;
}
