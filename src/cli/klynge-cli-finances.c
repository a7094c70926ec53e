/* klynge-cli-finances.c — `ledger list|add` and the `export accounts` kind
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include "klynge-accounts.h"
#include "klynge-cli.h"
#include "klynge-ledger.h"
#include "klynge-money.h"

/* A category by its built-in key ("catering") or its name as shown. */
static gint64
find_category (KlyngeDb    *db,
               gint64       cluster_id,
               const char  *wanted,
               GError     **error)
{
  g_autoptr(GPtrArray) categories = klynge_ledger_list_categories (db, cluster_id, error);

  if (categories == NULL)
    return 0;
  for (guint i = 0; i < categories->len; i++)
    {
      KlyngeLedgerCategory *c = g_ptr_array_index (categories, i);

      if (g_strcmp0 (c->key, wanted) == 0 || g_utf8_collate (c->name, wanted) == 0)
        return c->id;
    }
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("There is no category called “%s”."), wanted);
  return 0;
}

static void
replace_text (char **field,
              char **value)
{
  g_free (*field);
  *field = g_steal_pointer (value);
}

static int
ledger_list (KlyngeCli  *cli,
             int         argc,
             char      **argv)
{
  gint64 cluster = 0;
  int year = 0;
  GOptionEntry entries[] = {
    { "cluster", 0, 0, G_OPTION_ARG_INT64, &cluster, N_("The cluster (default: the first)"), N_("ID") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Only the entries of this year"), N_("YEAR") },
    { NULL }
  };
  KlyngeLedgerFilter filter = { 0 };
  g_autoptr(GListModel) entries_model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;

  if (!klynge_cli_parse_options ("ledger list", NULL, _("Print the ledger with its running balance."),
                                 entries, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc > 1)
    return klynge_cli_usage_error ("ledger list", _("Unexpected argument “%s”."), argv[1]);
  if ((cluster = klynge_cli_get_cluster (cli, cluster)) == 0)
    return KLYNGE_CLI_FAILED;

  filter.year = year;
  currency = klynge_ledger_get_currency (cli->db, cluster);
  entries_model = klynge_ledger_list_entries (cli->db, cluster, &filter, &error);
  if (entries_model == NULL)
    return klynge_cli_report_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (entries_model); i++)
    {
      g_autoptr(KlyngeLedgerEntry) e = g_list_model_get_item (entries_model, i);
      g_autofree char *amount = klynge_money_format (klynge_ledger_entry_get_signed_amount (e), currency);
      g_autofree char *balance = klynge_money_format (e->balance, currency);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", e->id, e->date, e->category_name,
               e->counterparty, amount, balance);
    }
  return KLYNGE_CLI_OK;
}

static int
ledger_add (KlyngeCli  *cli,
            int         argc,
            char      **argv)
{
  gint64 cluster = 0, meeting = 0;
  int year = 0;
  g_autofree char *date = NULL, *amount = NULL, *category = NULL;
  g_autofree char *counterparty = NULL, *reference = NULL, *note = NULL;
  GOptionEntry entries[] = {
    { "cluster", 0, 0, G_OPTION_ARG_INT64, &cluster, N_("The cluster (default: the first)"), N_("ID") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Refuse dates outside this financial year"), N_("YEAR") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date, as 2026-03-14"), N_("DATE") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount, N_("The amount, as the locale writes it"), N_("AMOUNT") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_("The category’s name or key"), N_("CATEGORY") },
    { "counterparty", 0, 0, G_OPTION_ARG_STRING, &counterparty, N_("Who paid or was paid"), N_("NAME") },
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &meeting, N_("The meeting the entry belongs to"), N_("ID") },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference, N_("The receipt or invoice number"), N_("TEXT") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(KlyngeLedgerEntry) entry = klynge_ledger_entry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = NULL;

  if (!klynge_cli_parse_options ("ledger add", NULL, _("Add an entry to the ledger."), entries, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc > 1)
    return klynge_cli_usage_error ("ledger add", _("Unexpected argument “%s”."), argv[1]);
  if (date == NULL || amount == NULL)
    return klynge_cli_usage_error ("ledger add", "%s", _("--date and --amount are required."));
  cli->writes = TRUE;
  if ((cluster = klynge_cli_get_cluster (cli, cluster)) == 0)
    return KLYNGE_CLI_FAILED;

  currency = klynge_ledger_get_currency (cli->db, cluster);
  entry->date = g_strdup (date);
  entry->meeting_id = meeting;
  if (!klynge_money_parse (amount, currency, &entry->amount, &error) ||
      (category != NULL && (entry->category_id = find_category (cli->db, cluster, category, &error)) == 0))
    return klynge_cli_report_error (error);
  if (counterparty != NULL)
    replace_text (&entry->counterparty, &counterparty);
  if (reference != NULL)
    replace_text (&entry->reference, &reference);
  if (note != NULL)
    replace_text (&entry->note, &note);

  if (!klynge_ledger_save_entry (cli->db, cluster, year, entry, &error))
    return klynge_cli_report_error (error);
  g_print ("%" G_GINT64_FORMAT "\n", entry->id);
  return KLYNGE_CLI_OK;
}

int
klynge_cli_ledger (KlyngeCli  *cli,
                   int         argc,
                   char      **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return ledger_list (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return ledger_add (cli, argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n\n  %-5s %s\n  %-5s %s\n\n%s\n", _("Usage: klynge-cli ledger list|add [OPTION…]"),
               "list", _("List the ledger’s entries"), "add", _("Add an entry to the ledger"),
               _("“klynge-cli ledger list --help” and “ledger add --help” describe their options."));
      return KLYNGE_CLI_OK;
    }
  return klynge_cli_usage_error ("ledger", "%s", _("Use “ledger list” or “ledger add”."));
}

/* `export accounts --year Y [--format xlsx|pdf] --output FILE`; argv[0] is "accounts". */
int
klynge_cli_export_accounts (KlyngeCli  *cli,
                            int         argc,
                            char      **argv)
{
  gint64 cluster = 0;
  int year = 0;
  g_autofree char *format = NULL, *output = NULL, *lower = NULL;
  GOptionEntry entries[] = {
    { "cluster", 0, 0, G_OPTION_ARG_INT64, &cluster, N_("The cluster (default: the first)"), N_("ID") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The financial year"), N_("YEAR") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("xlsx or pdf (default: from the file name, else xlsx)"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { NULL }
  };
  KlyngeAccountsFormat kind = KLYNGE_ACCOUNTS_XLSX;
  g_autoptr(GError) error = NULL;

  if (!klynge_cli_parse_options ("export accounts", NULL, _("Write the annual accounts of a year."),
                                 entries, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc > 1)
    return klynge_cli_usage_error ("export accounts", _("Unexpected argument “%s”."), argv[1]);
  if (year < 2000 || year > 2200)
    return klynge_cli_usage_error ("export accounts", "%s", _("--year is required, as 2026."));
  if (output == NULL)
    return klynge_cli_usage_error ("export accounts", "%s", _("--output is required."));
  /* As `export chart` does: "accounts.pdf" is a PDF, not a workbook under a PDF's name. */
  lower = g_ascii_strdown (output, -1);
  if (format == NULL && g_str_has_suffix (lower, ".pdf"))
    kind = KLYNGE_ACCOUNTS_PDF;
  else if (format != NULL && g_ascii_strcasecmp (format, "pdf") == 0)
    kind = KLYNGE_ACCOUNTS_PDF;
  else if (format != NULL && g_ascii_strcasecmp (format, "xlsx") != 0)
    return klynge_cli_usage_error ("export accounts", _("Unknown format “%s”; use xlsx or pdf."), format);
  if ((cluster = klynge_cli_get_cluster (cli, cluster)) == 0)
    return KLYNGE_CLI_FAILED;

  if (!klynge_accounts_write (cli->db, cluster, year, kind, output, &error))
    return klynge_cli_report_error (error);
  return KLYNGE_CLI_OK;
}
