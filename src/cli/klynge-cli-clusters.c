/* klynge-cli-clusters.c — `clusters` and the `export members` kind
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include "klynge-cli.h"
#include "klynge-cluster.h"
#include "klynge-cluster-details.h"
#include "klynge-member-export.h"

/* `export members [--format xlsx|csv|pdf] --output FILE`; argv[0] is "members". */
int
klynge_cli_export_members (KlyngeCli  *cli,
                           int         argc,
                           char      **argv)
{
  gint64 cluster = 0;
  g_autofree char *format = NULL, *output = NULL;
  GOptionEntry entries[] = {
    { "cluster", 0, 0, G_OPTION_ARG_INT64, &cluster, N_("The cluster (default: the first)"), N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("xlsx (default: members and clinics), csv (members) or pdf (the address list to print)"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { NULL }
  };
  KlyngeMemberExportFormat kind = KLYNGE_MEMBER_EXPORT_XLSX;
  g_autoptr(GError) error = NULL;

  if (!klynge_cli_parse_options ("export members", NULL, _("Write the member and clinic address list."),
                                 entries, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc > 1)
    return klynge_cli_usage_error ("export members", _("Unexpected argument “%s”."), argv[1]);
  if (output == NULL)
    return klynge_cli_usage_error ("export members", "%s", _("--output is required."));
  if (format != NULL && g_ascii_strcasecmp (format, "csv") == 0)
    kind = KLYNGE_MEMBER_EXPORT_CSV;
  else if (format != NULL && g_ascii_strcasecmp (format, "pdf") == 0)
    kind = KLYNGE_MEMBER_EXPORT_PDF;
  else if (format != NULL && g_ascii_strcasecmp (format, "xlsx") != 0)
    return klynge_cli_usage_error ("export members", _("Unknown format “%s”; use xlsx, csv or pdf."), format);
  if ((cluster = klynge_cli_get_cluster (cli, cluster)) == 0)
    return KLYNGE_CLI_FAILED;

  if (!klynge_member_export (cli->db, cluster, kind, output, &error))
    return klynge_cli_report_error (error);
  return KLYNGE_CLI_OK;
}

/* `clusters archive|unarchive|delete ID`: argv[0] is the verb. */
static int
clusters_change (KlyngeCli   *cli,
                 const char  *command,
                 const char  *summary,
                 int          argc,
                 char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeSnapshot) snapshot = NULL;
  g_autofree char *backup = NULL;
  guint64 cluster;

  if (!klynge_cli_parse_options (command, _("ID"), summary, NULL, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &cluster, NULL))
    return klynge_cli_usage_error (command, "%s", _("Give the number of one cluster (see “klynge-cli clusters”)."));
  cli->writes = TRUE;
  if (klynge_cli_get_db (cli) == NULL)
    return KLYNGE_CLI_FAILED;
  if (g_str_equal (argv[0], "delete"))
    {
      if ((snapshot = klynge_cluster_delete (cli->db, cluster, &backup, &error)) == NULL)
        return klynge_cli_report_error (error);
      g_print (_("Cluster deleted; the file was backed up first to %s\n"), backup);
    }
  else if (!klynge_cluster_set_archived (cli->db, cluster, g_str_equal (argv[0], "archive"), &error))
    return klynge_cli_report_error (error);
  return KLYNGE_CLI_OK;
}

/* `clusters`: one line per cluster (id, name, and "archived" for those that
 * are), tab-separated for scripts; `clusters archive|unarchive|delete ID`
 * change one. */
int
klynge_cli_clusters (KlyngeCli  *cli,
                     int         argc,
                     char      **argv)
{
  g_autoptr(GPtrArray) clusters = NULL;
  g_autoptr(GError) error = NULL;

  if (argc >= 2 && g_str_equal (argv[1], "archive"))
    return clusters_change (cli, "clusters archive", _("Archive a cluster: it is kept, read-only, out of the app’s cluster list."),
                            argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "unarchive"))
    return clusters_change (cli, "clusters unarchive", _("Take an archived cluster back into use."), argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "delete"))
    return clusters_change (cli, "clusters delete", _("Delete a cluster with everything in it, after a backup of the file."),
                            argc - 1, argv + 1);
  if (!klynge_cli_parse_options ("clusters", NULL, _("List the clusters: number, name, and whether archived."),
                                 NULL, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc > 1)
    return klynge_cli_usage_error ("clusters", _("Unexpected argument “%s”."), argv[1]);
  if (klynge_cli_get_db (cli) == NULL)
    return KLYNGE_CLI_FAILED;
  if ((clusters = klynge_cluster_list_all (cli->db, TRUE, &error)) == NULL)
    return klynge_cli_report_error (error);
  for (guint i = 0; i < clusters->len; i++)
    {
      KlyngeClusterBrief *c = g_ptr_array_index (clusters, i);

      g_print ("%" G_GINT64_FORMAT "\t%s%s\n", c->id, c->name, c->archived ? "\tarchived" : "");
    }
  return KLYNGE_CLI_OK;
}
