/* klynge-cli-meetings.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `meetings`: the cluster's meetings; the meeting kinds of `export`:
 * calendar files, the PDF papers and the XLSX lists of a meeting.
 */

#include "klynge-i18n.h"

#include "klynge-cli.h"
#include "klynge-ics.h"
#include "klynge-meeting.h"
#include "klynge-meeting-export.h"
#include "klynge-meeting-print.h"

/* `meetings [--cluster ID]`: one line per meeting, tab-separated for scripts. */
int
klynge_cli_meetings (KlyngeCli  *cli,
                     int         argc,
                     char      **argv)
{
  gint64 cluster = 0;
  GOptionEntry entries[] = {
    { "cluster", 0, 0, G_OPTION_ARG_INT64, &cluster, N_("The cluster (default: the first)"), N_("ID") },
    { NULL }
  };
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GError) error = NULL;

  if (!klynge_cli_parse_options ("meetings", NULL, _("List the meetings: number, start, status and title."),
                                 entries, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc > 1)
    return klynge_cli_usage_error ("meetings", _("Unexpected argument “%s”."), argv[1]);
  if ((cluster = klynge_cli_get_cluster (cli, cluster)) == 0)
    return KLYNGE_CLI_FAILED;
  if (!(meetings = klynge_meetings_list (cli->db, cluster, KLYNGE_MEETINGS_ALL, NULL, &error)))
    return klynge_cli_report_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(KlyngeMeeting) m = g_list_model_get_item (meetings, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", m->id, m->starts_at, m->status, m->title);
    }
  return KLYNGE_CLI_OK;
}

/* `export ics|agenda|invitation|sign-in|attendance|invitations --meeting ID --output PATH`;
 * argv[0] is the kind. */
int
klynge_cli_export_meeting (KlyngeCli  *cli,
                           int         argc,
                           char      **argv)
{
  g_autofree char *command = g_strdup_printf ("export %s", argv[0]);
  g_autofree char *output = NULL;
  gint64 meeting = 0;
  gboolean with_rates = FALSE;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &meeting, N_("The meeting (see “klynge-cli meetings”)"), N_("ID") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (for ics: the folder)"), N_("PATH") },
    { "with-attendance-rates", 0, 0, G_OPTION_ARG_NONE, &with_rates,
      N_("Add the members’ attendance rates and flags (private to the coordinator)"), NULL },
    { NULL }
  };
  KlyngeMeetingPrint print_kind;
  KlyngeMeetingExport export_kind;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!klynge_cli_parse_options (command, NULL, _("Write a meeting’s calendar files, papers or lists."),
                                 entries, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc > 1)
    return klynge_cli_usage_error (command, _("Unexpected argument “%s”."), argv[1]);
  if (meeting <= 0)
    return klynge_cli_usage_error (command, "%s", _("--meeting is required."));
  if (output == NULL)
    return klynge_cli_usage_error (command, "%s", _("--output is required."));
  if (klynge_cli_get_db (cli) == NULL)
    return KLYNGE_CLI_FAILED;

  if (g_str_equal (argv[0], "ics"))
    {
      int n = klynge_ics_write_folder (cli->db, meeting, output, &error);

      if (n >= 0)
        g_print (ngettext ("Wrote %d calendar file to %s\n", "Wrote %d calendar files to %s\n", n), n, output);
      ok = n >= 0;
    }
  else if (klynge_meeting_print_kind_from_string (argv[0], &print_kind))
    ok = klynge_meeting_print_pdf (cli->db, meeting, print_kind, output, &error);
  else if (klynge_meeting_export_kind_from_string (argv[0], &export_kind))
    ok = klynge_meeting_export_xlsx (cli->db, meeting, export_kind, with_rates, output, &error);
  else
    return klynge_cli_usage_error ("export", _("Unknown kind “%s”."), argv[0]);
  return ok ? KLYNGE_CLI_OK : klynge_cli_report_error (error);
}
