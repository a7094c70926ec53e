/* klynge-cli.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * klynge-cli [--db FILE] COMMAND [OPTIONS…]: the core library from a shell,
 * for scripts, tests and benchmarks.
 */

#include "klynge-i18n.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "klynge-cli.h"
#include "klynge-cli-list.h"
#include "klynge-topics.h"

typedef struct
{
  const char *name;
  int       (*run) (KlyngeCli *cli, int argc, char **argv);
  const char *summary;
  gboolean    writes;   /* backs the file up first (see KlyngeCli) */
  gboolean    creates;  /* may make a new database where there is none */
} Command;

static int run_help (KlyngeCli *cli, int argc, char **argv);

static const Command commands[] = {
  /* Only "clinics import" writes; it says so itself. */
  { "clinics", klynge_cli_clinics, N_("List the clinics, or create them from a practice list (clinics import FILE)") },
  /* Only "clusters archive|unarchive|delete" writes; it says so itself. */
  { "clusters", klynge_cli_clusters, N_("List the clusters; archive, unarchive or delete one") },
  { "demo", klynge_cli_demo, N_("Write the demo cluster into the database"), TRUE, TRUE },
  { "export", klynge_cli_export, N_("Write a spreadsheet or file: accounts, agenda, attendance, chart, deck, feedback, ics, invitation, invitations, key, members, pack, sign-in, slides, workbook") },
  { "help", run_help, N_("Describe klynge-cli, or one command’s options") },
  { "import", klynge_cli_import, N_("Import measurements from a CSV or XLSX file"), TRUE },
  { "import-batches", klynge_cli_import_batches, N_("List the imported files") },
  { "import-undo", klynge_cli_import_undo, N_("Undo an imported file as a whole"), TRUE },
  { "indicators", klynge_cli_indicators, N_("List the indicators with their ids") },
  { "info", klynge_cli_info, N_("Print the counts of every cluster in the database") },
  { "init", klynge_cli_init, N_("Create a new, empty database"), TRUE, TRUE },
  /* Only "ledger add" writes; it says so itself (see KlyngeCli). */
  { "ledger", klynge_cli_ledger, N_("List the ledger or add an entry to it") },
  { "measurements", klynge_cli_measurements, N_("List the stored measurements (CSV or JSON for scripts)") },
  { "meetings", klynge_cli_meetings, N_("List the meetings of a cluster; invite to, reschedule or cancel one") },
  { "periods", klynge_cli_periods, N_("List the periods of the measurements by time, and those no period could be read from") },
};

/* The kinds of `export`; each area adds its own. */
static const Command export_kinds[] = {
  { "accounts", klynge_cli_export_accounts, N_("The annual accounts of a year (XLSX or PDF)") },
  { "agenda", klynge_cli_export_meeting, N_("A meeting’s agenda (PDF)") },
  { "attendance", klynge_cli_export_meeting, N_("A meeting’s attendance list (XLSX)") },
  { "chart", klynge_cli_export_chart, N_("One chart as a slide (PNG, SVG or PDF)") },
  { "deck", klynge_cli_export_deck, N_("A meeting’s deck: every slide in one PDF") },
  { "feedback", klynge_cli_export_feedback, N_("Each clinic’s feedback PDF and e-mail draft, into a folder") },
  { "ics", klynge_cli_export_meeting, N_("A meeting’s calendar for all invited members and its mail draft (.ics and .eml), into a folder") },
  { "invitation", klynge_cli_export_meeting, N_("A meeting’s invitation (PDF)") },
  { "invitations", klynge_cli_export_meeting, N_("A meeting’s invitation status (XLSX)") },
  { "key", klynge_cli_export_key, N_("The private key to a meeting’s chart letters (XLSX or CSV)") },
  { "members", klynge_cli_export_members, N_("The member and clinic address list (XLSX, CSV or PDF)") },
  { "pack", klynge_cli_export_pack, N_("A meeting’s feedback pack: a PDF page per clinic") },
  { "sign-in", klynge_cli_export_meeting, N_("A meeting’s sign-in sheet (PDF)") },
  { "slides", klynge_cli_export_slides, N_("Every slide of a meeting into a folder") },
  { "workbook", klynge_cli_export_workbook, N_("A meeting’s workbook (XLSX with Excel charts)") },
};

static const Command *
find_in (const Command *table,
         guint          n,
         const char    *name)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (table[i].name, name))
      return &table[i];
  return NULL;
}

static const Command *
find_command (const char *name)
{
  return find_in (commands, G_N_ELEMENTS (commands), name);
}

int
klynge_cli_export (KlyngeCli  *cli,
                   int         argc,
                   char      **argv)
{
  const Command *kind = argc >= 2 ? find_in (export_kinds, G_N_ELEMENTS (export_kinds), argv[1]) : NULL;

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      printf ("%s\n\n%s\n", _("Usage: klynge-cli export KIND [OPTION…]"), _("Kinds:"));
      for (guint i = 0; i < G_N_ELEMENTS (export_kinds); i++)
        printf ("  %-10s %s\n", export_kinds[i].name, _(export_kinds[i].summary));
      return KLYNGE_CLI_OK;
    }
  if (kind == NULL)
    return klynge_cli_usage_error ("export", argc >= 2 ? _("Unknown kind “%s”; see “klynge-cli export --help”.")
                                                       : _("Say what to export; see “klynge-cli export --help”."),
                                   argc >= 2 ? argv[1] : "");
  return kind->run (cli, argc - 1, argv + 1);
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: klynge-cli [--db FILE] COMMAND [OPTION…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-15s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  %-15s %s\n", "--db FILE", _("The database to use (default: the one Klynge opens)"));
  fprintf (out, "  %-15s %s\n", "--help", _("Show this help"));
  fprintf (out, "  %-15s %s\n", "--version", _("Show the version"));
  fprintf (out, "\n%s\n", _("“klynge-cli COMMAND --help” describes a command’s options."));
}

/* `help [COMMAND]`: what `--help` shows, so both spellings work. */
static int
run_help (KlyngeCli  *cli,
          int         argc,
          char      **argv)
{
  const Command *command;
  char *help_argv[] = { NULL, (char *) "--help", NULL };

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_help (stdout);
      return KLYNGE_CLI_OK;
    }
  if (argc > 2)
    return klynge_cli_usage_error ("help", _("Unexpected argument “%s”."), argv[2]);
  command = find_command (argv[1]);
  if (command == NULL)
    return klynge_cli_usage_error ("help", _("Unknown command “%s”."), argv[1]);
  if (command->run == run_help)
    {
      print_help (stdout);
      return KLYNGE_CLI_OK;
    }
  help_argv[0] = argv[1];
  return command->run (cli, 2, help_argv);
}

int
klynge_cli_usage_error (const char *command,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("klynge-cli%s%s: %s\n", command ? " " : "", command ? command : "", message);
  g_printerr ("%s\n", _("Try “klynge-cli --help”."));
  return KLYNGE_CLI_USAGE;
}

int
klynge_cli_report_error (const GError *error)
{
  g_printerr ("klynge-cli: %s\n", error->message);
  return KLYNGE_CLI_FAILED;
}

gboolean
klynge_cli_parse_options (const char   *command,
                          const char   *parameter_string,
                          const char   *summary,
                          GOptionEntry *entries,
                          int          *argc,
                          char       ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      klynge_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

gint64
klynge_cli_parse_list_options (KlyngeCli        *cli,
                               const char       *command,
                               const char       *summary,
                               int               argc,
                               char            **argv,
                               KlyngeCliFormat  *format,
                               int              *status)
{
  gint64 cluster = 0;
  g_autofree char *format_name = NULL;
  GOptionEntry entries[] = {
    { "cluster", 0, 0, G_OPTION_ARG_INT64, &cluster, N_("The cluster (default: the first)"), N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("Output as tsv (the default), csv or json"), N_("FORMAT") },
    { NULL }
  };

  /* A command without list output takes no --format. */
  if (format == NULL)
    entries[1] = (GOptionEntry) { NULL };

  *status = KLYNGE_CLI_USAGE;
  if (!klynge_cli_parse_options (command, NULL, summary, entries, &argc, &argv))
    return 0;
  if (argc > 1)
    {
      klynge_cli_usage_error (command, _("Unexpected argument “%s”."), argv[1]);
      return 0;
    }
  if (format != NULL && !klynge_cli_format_parse (command, format_name, format))
    return 0;
  *status = KLYNGE_CLI_FAILED;
  return klynge_cli_get_cluster (cli, cluster);
}

gint64
klynge_cli_parse_cluster_only (KlyngeCli   *cli,
                               const char  *command,
                               const char  *summary,
                               int          argc,
                               char       **argv,
                               int         *status)
{
  return klynge_cli_parse_list_options (cli, command, summary, argc, argv, NULL, status);
}

KlyngeDb *
klynge_cli_get_db (KlyngeCli *cli)
{
  g_autoptr(GError) error = NULL;

  if (cli->db != NULL)
    return cli->db;

  /* A mistyped --db must not leave an empty database behind that a later
   * command would take for the real one. */
  if (!cli->creates && !g_file_test (cli->db_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("klynge-cli: ");
      g_printerr (_("There is no database “%s”. Create one with “klynge-cli --db FILE init” (or “demo”)."), cli->db_path);
      g_printerr ("\n");
      return NULL;
    }

  /* As in the app: what a command is about to change can be gone back to. */
  cli->db = klynge_db_open (cli->db_path, cli->writes ? KLYNGE_DB_OPEN_BACKUP : KLYNGE_DB_OPEN_DEFAULT, &error);
  if (cli->db == NULL)
    klynge_cli_report_error (error);
  else if (cli->writes && klynge_db_is_read_only (cli->db))
    {
      /* Said before the command starts, not as a failed write halfway. */
      g_autofree char *reason = klynge_db_dup_read_only_reason (cli->db);

      g_printerr ("klynge-cli: %s %s\n", reason, _("Nothing was changed."));
      g_clear_object (&cli->db);
    }
  else if (!klynge_topics_ensure_library (cli->db, &error))
    g_printerr ("%s\n", error->message);

  /* The command goes on without it, but not without saying so. */
  if (cli->db != NULL && klynge_db_get_backup_error (cli->db) != NULL)
    {
      g_printerr ("klynge-cli: ");
      g_printerr (_("No backup could be made of the file as it was opened: %s"), klynge_db_get_backup_error (cli->db)->message);
      g_printerr ("\n");
    }

  return cli->db;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *default_path = NULL;
  KlyngeCli cli = { 0 };
  const Command *command;
  int first = 1;
  int status;

  setlocale (LC_ALL, "");
  /* As the app does: a build's own translations, before installing. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KLYNGE_LOCALEDIR") ? g_getenv ("KLYNGE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* ngettext() (plural messages, here and in the core) reads the default domain. */
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command; the command parses the rest. */
  while (first < argc && argv[first][0] == '-')
    {
      const char *arg = argv[first];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_help (stdout);
          return KLYNGE_CLI_OK;
        }
      else if (g_str_equal (arg, "--version") || g_str_equal (arg, "-V"))
        {
          printf ("klynge-cli %s\n", PACKAGE_VERSION);
          return KLYNGE_CLI_OK;
        }
      else if (g_str_equal (arg, "--db"))
        {
          if (first + 1 >= argc)
            return klynge_cli_usage_error (NULL, _("--db needs a file name."));
          cli.db_path = argv[first + 1];
          first += 2;
        }
      else if (g_str_has_prefix (arg, "--db="))
        {
          cli.db_path = arg + strlen ("--db=");
          first++;
        }
      else
        return klynge_cli_usage_error (NULL, _("Unknown option “%s”."), arg);
    }

  if (first >= argc)
    return klynge_cli_usage_error (NULL, _("No command given."));

  command = find_command (argv[first]);
  if (command == NULL)
    return klynge_cli_usage_error (NULL, _("Unknown command “%s”."), argv[first]);

  if (cli.db_path == NULL || *cli.db_path == '\0')
    {
      g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "klynge", NULL);

      g_mkdir_with_parents (dir, 0700);
      cli.db_path = default_path = g_build_filename (dir, "klynge.sqlite", NULL);
    }

  cli.writes = command->writes;
  cli.creates = command->creates;
  status = command->run (&cli, argc - first, argv + first);
  g_clear_object (&cli.db);
  return status;
}
