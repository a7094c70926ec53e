/* klynge-cli-meetings.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `meetings`: the cluster's meetings, inviting to one, moving and
 * cancelling it as the app does; the meeting kinds of `export`: the
 * calendar with its mail draft, the PDF papers and the XLSX lists.
 */

#include "klynge-i18n.h"

#include "klynge-cli.h"
#include "klynge-invitation-mail.h"
#include "klynge-invitations.h"
#include "klynge-meeting.h"
#include "klynge-meeting-export.h"
#include "klynge-meeting-print.h"

/* The meeting a subcommand acts on: its one argument. */
static gint64
meeting_argument (const char  *command,
                  int          argc,
                  char       **argv)
{
  gint64 id = 0;

  if (argc < 2)
    {
      klynge_cli_usage_error (command, "%s", _("Name the meeting by its number (see “klynge-cli meetings”)."));
      return 0;
    }
  if (argc > 2)
    {
      klynge_cli_usage_error (command, _("Unexpected argument “%s”."), argv[2]);
      return 0;
    }
  if (!g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    {
      klynge_cli_usage_error (command, _("“%s” is not a meeting number."), argv[1]);
      return 0;
    }
  return id;
}

/* `meetings invite ID [--member ID…]`: default every active member. */
static int
meetings_invite (KlyngeCli  *cli,
                 int         argc,
                 char      **argv)
{
  g_auto(GStrv) members = NULL;
  GOptionEntry entries[] = {
    { "member", 0, 0, G_OPTION_ARG_STRING_ARRAY, &members, N_("Invite this member only (repeat for more)"), N_("ID") },
    { NULL }
  };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 meeting;
  int n;

  if (!klynge_cli_parse_options ("meetings invite", _("ID"), _("Invite members to a meeting."), entries, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if ((meeting = meeting_argument ("meetings invite", argc, argv)) == 0)
    return KLYNGE_CLI_USAGE;
  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      gint64 id;

      if (!g_ascii_string_to_signed (members[i], 10, 1, G_MAXINT64, &id, NULL))
        return klynge_cli_usage_error ("meetings invite", _("“%s” is not a member number."), members[i]);
      g_array_append_val (ids, id);
    }
  cli->writes = TRUE;
  if (klynge_cli_get_db (cli) == NULL)
    return KLYNGE_CLI_FAILED;
  if (ids->len > 0)
    n = klynge_invitations_invite (cli->db, meeting, (gint64 *) ids->data, ids->len, &error) ? (int) ids->len : -1;
  else
    n = klynge_invitations_invite_all (cli->db, meeting, &error);
  if (n < 0)
    return klynge_cli_report_error (error);
  g_print (ngettext ("Invited %d member.\n", "Invited %d members.\n", n), n);
  return KLYNGE_CLI_OK;
}

/* `meetings reschedule ID --start ISO [--end ISO]`: the end keeps the length by default. */
static int
meetings_reschedule (KlyngeCli  *cli,
                     int         argc,
                     char      **argv)
{
  g_autofree char *start = NULL, *end = NULL;
  GOptionEntry entries[] = {
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("The new start, as 2026-12-08T17:00"), N_("TIME") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("The new end (default: as long as before)"), N_("TIME") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  gint64 meeting;

  if (!klynge_cli_parse_options ("meetings reschedule", _("ID"), _("Move a meeting to another time."),
                                 entries, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if ((meeting = meeting_argument ("meetings reschedule", argc, argv)) == 0)
    return KLYNGE_CLI_USAGE;
  if (start == NULL)
    return klynge_cli_usage_error ("meetings reschedule", "%s", _("--start is required."));
  cli->writes = TRUE;
  if (klynge_cli_get_db (cli) == NULL)
    return KLYNGE_CLI_FAILED;
  if (!klynge_meeting_reschedule (cli->db, meeting, start, end, &error))
    return klynge_cli_report_error (error);
  return KLYNGE_CLI_OK;
}

/* `meetings cancel ID` */
static int
meetings_cancel (KlyngeCli  *cli,
                 int         argc,
                 char      **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting;

  if (!klynge_cli_parse_options ("meetings cancel", _("ID"), _("Cancel a meeting; it keeps its invitations."),
                                 NULL, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if ((meeting = meeting_argument ("meetings cancel", argc, argv)) == 0)
    return KLYNGE_CLI_USAGE;
  cli->writes = TRUE;
  if (klynge_cli_get_db (cli) == NULL)
    return KLYNGE_CLI_FAILED;
  if (!klynge_meeting_set_status (cli->db, meeting, "cancelled", &error))
    return klynge_cli_report_error (error);
  return KLYNGE_CLI_OK;
}

/* `meetings [--cluster ID]`: one line per meeting, tab-separated for scripts;
 * `meetings invite|reschedule|cancel ID …` change one. */
int
klynge_cli_meetings (KlyngeCli  *cli,
                     int         argc,
                     char      **argv)
{
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  gint64 cluster;

  if (argc >= 2 && g_str_equal (argv[1], "invite"))
    return meetings_invite (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "reschedule"))
    return meetings_reschedule (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "cancel"))
    return meetings_cancel (cli, argc - 1, argv + 1);
  cluster = klynge_cli_parse_cluster_only (cli, "meetings", _("List the meetings: number, start, status and title."),
                                           argc, argv, &status);
  if (cluster == 0)
    return status;
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
  g_autofree char *output = NULL, *mail = NULL;
  gint64 meeting = 0;
  gboolean with_rates = FALSE;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &meeting, N_("The meeting (see “klynge-cli meetings”)"), N_("ID") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (for ics: the folder)"), N_("PATH") },
    { "mail", 0, 0, G_OPTION_ARG_STRING, &mail,
      N_("For ics: invitation, update, cancellation or reminder (default: what the meeting’s state asks for)"), N_("KIND") },
    { "with-attendance-rates", 0, 0, G_OPTION_ARG_NONE, &with_rates,
      N_("Add the members’ attendance rates and flags (private to the coordinator)"), NULL },
    { NULL }
  };
  KlyngeInvitationMailKind mail_kind = KLYNGE_INVITATION_MAIL_AUTO;
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
  if (mail != NULL && !klynge_invitation_mail_kind_from_string (mail, &mail_kind))
    return klynge_cli_usage_error (command, _("Unknown mail “%s”; use invitation, update, cancellation or reminder."), mail);
  if (klynge_cli_get_db (cli) == NULL)
    return KLYNGE_CLI_FAILED;

  if (g_str_equal (argv[0], "ics"))
    {
      g_autofree char *ics = NULL, *eml = NULL;

      ok = klynge_invitation_mail_write (cli->db, meeting, mail_kind, output, &ics, &eml, &error);
      if (ok)
        g_print ("%s\n%s\n", ics, eml);
    }
  else if (klynge_meeting_print_kind_from_string (argv[0], &print_kind))
    ok = klynge_meeting_print_pdf (cli->db, meeting, print_kind, output, &error);
  else if (klynge_meeting_export_kind_from_string (argv[0], &export_kind))
    ok = klynge_meeting_export_xlsx (cli->db, meeting, export_kind, with_rates, output, &error);
  else
    return klynge_cli_usage_error ("export", _("Unknown kind “%s”."), argv[0]);
  return ok ? KLYNGE_CLI_OK : klynge_cli_report_error (error);
}
