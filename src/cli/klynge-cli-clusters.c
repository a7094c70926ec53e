/* klynge-cli-clusters.c — the `export members` kind
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include "klynge-cli.h"
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
