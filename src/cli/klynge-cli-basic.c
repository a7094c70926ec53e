/* klynge-cli-basic.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include "klynge-cli.h"
#include "klynge-cluster.h"
#include "klynge-cluster-details.h"
#include "klynge-demo.h"
#include "klynge-format.h"

gint64
klynge_cli_get_cluster (KlyngeCli *cli,
                        gint64     requested)
{
  KlyngeDb *db = klynge_cli_get_db (cli);

  if (db == NULL)
    return 0;

  if (requested != 0)
    {
      if (!klynge_cluster_exists (db, requested))
        {
          g_printerr ("klynge-cli: %s\n", _("There is no cluster with that number."));
          return 0;
        }
      return requested;
    }

  if (klynge_cluster_first_id (db) == 0)
    g_printerr ("klynge-cli: %s\n", _("The database holds no cluster yet."));
  return klynge_cluster_first_id (db);
}

int
klynge_cli_demo (KlyngeCli  *cli,
                 int         argc,
                 char      **argv)
{
  g_autoptr(GError) error = NULL;
  KlyngeDb *db;
  gint64 cluster_id;

  if (!klynge_cli_parse_options ("demo", NULL, _("Write the demo cluster into the database."),
                                 NULL, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc > 1)
    return klynge_cli_usage_error ("demo", _("Unexpected argument “%s”."), argv[1]);

  if ((db = klynge_cli_get_db (cli)) == NULL)
    return KLYNGE_CLI_FAILED;

  cluster_id = klynge_demo_create (db, &error);
  if (cluster_id == 0)
    return klynge_cli_report_error (error);

  g_print (_("Wrote the demo cluster (number %d) to %s\n"),
           (int)cluster_id, klynge_db_get_path (db));
  return KLYNGE_CLI_OK;
}

int
klynge_cli_init (KlyngeCli  *cli,
                 int         argc,
                 char      **argv)
{
  KlyngeDb *db;

  if (!klynge_cli_parse_options ("init", NULL, _("Create a new, empty database (nothing is changed in one that exists)."),
                                 NULL, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc > 1)
    return klynge_cli_usage_error ("init", _("Unexpected argument “%s”."), argv[1]);

  if ((db = klynge_cli_get_db (cli)) == NULL)
    return KLYNGE_CLI_FAILED;

  g_print (_("The database %s is ready (format %d).\n"), klynge_db_get_path (db), klynge_db_get_schema_version (db));
  return KLYNGE_CLI_OK;
}

int
klynge_cli_info (KlyngeCli  *cli,
                 int         argc,
                 char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clusters = NULL;
  KlyngeDb *db;

  if (!klynge_cli_parse_options ("info", NULL, _("Print the counts of every cluster in the database."),
                                 NULL, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc > 1)
    return klynge_cli_usage_error ("info", _("Unexpected argument “%s”."), argv[1]);

  if ((db = klynge_cli_get_db (cli)) == NULL)
    return KLYNGE_CLI_FAILED;

  g_print (_("Database: %s (format %d)\n"), klynge_db_get_path (db), klynge_db_get_schema_version (db));

  if (!(clusters = klynge_cluster_list_all (db, TRUE, &error)))
    return klynge_cli_report_error (error);
  if (clusters->len == 0)
    g_print ("%s\n", _("No clusters yet."));

  for (guint i = 0; i < clusters->len; i++)
    {
      const KlyngeClusterBrief *cluster = g_ptr_array_index (clusters, i);
      g_auto(KlyngeClusterSummary) s = { 0 };

      if (!klynge_cluster_summary_load (db, cluster->id, &s, &error))
        return klynge_cli_report_error (error);

      const struct { const char *label; gint64 value; } lines[] = {
        { _("Clinics:"), s.n_clinics },
        { _("Members:"), s.n_members },
        { _("GPs:"), s.n_gps },
        { _("Listed patients:"), s.listed_patients },
        { _("Meetings:"), s.n_meetings },
        { _("Topics:"), s.n_topics },
        { _("Indicators:"), s.n_indicators },
        { _("Measurements:"), s.n_measurements },
        { _("Ledger entries:"), s.n_ledger_entries },
      };
      glong width = 0;

      /* Padded in characters, not bytes ("Læger:", "Møder:"), to the longest translation. */
      for (guint l = 0; l < G_N_ELEMENTS (lines); l++)
        width = MAX (width, g_utf8_strlen (lines[l].label, -1));
      g_print ("\n%s (%" G_GINT64_FORMAT ")\n", s.name, s.cluster_id);
      for (guint l = 0; l < G_N_ELEMENTS (lines); l++)
        {
          /* "48.000" for a Danish reader, as the app shows it. */
          g_autofree char *value = klynge_format_integer (lines[l].value);

          g_print ("  %s%*s %s\n", lines[l].label,
                   (int) (width - g_utf8_strlen (lines[l].label, -1)), "", value);
        }
    }

  return KLYNGE_CLI_OK;
}
