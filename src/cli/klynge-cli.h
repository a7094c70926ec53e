/* klynge-cli.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"
#include "klynge-cli-list.h"

G_BEGIN_DECLS

/* Exit codes: the shell's conventions, so scripts can tell them apart. */
#define KLYNGE_CLI_OK      0
#define KLYNGE_CLI_FAILED  1
#define KLYNGE_CLI_USAGE   2

typedef struct
{
  const char *db_path;
  KlyngeDb   *db;
  /* Whether the command changes the database: it is then backed up when
   * opened, as the app does (a command that decides late sets it before
   * its first klynge_cli_get_db()). */
  gboolean    writes;
  /* Whether the command may create the database file (init, demo). */
  gboolean    creates;
} KlyngeCli;

/* Opens the database on first use; prints the error and returns NULL. */
KlyngeDb *klynge_cli_get_db         (KlyngeCli   *cli);
/* The cluster to act on: --cluster ID when given, else the first. */
gint64    klynge_cli_get_cluster    (KlyngeCli   *cli,
                                     gint64       requested);
int       klynge_cli_usage_error    (const char  *command,
                                     const char  *format,
                                     ...) G_GNUC_PRINTF (2, 3);
int       klynge_cli_report_error   (const GError *error);
/* Parses a command's own options; returns FALSE on a usage error (reported). */
gboolean  klynge_cli_parse_options  (const char   *command,
                                     const char   *parameter_string,
                                     const char   *summary,
                                     GOptionEntry *entries,
                                     int          *argc,
                                     char       ***argv);
/* The whole preamble of a command whose one option is --cluster: the
 * cluster, or 0 with @status set to the exit code (the error reported). */
gint64    klynge_cli_parse_cluster_only (KlyngeCli   *cli,
                                         const char  *command,
                                         const char  *summary,
                                         int          argc,
                                         char       **argv,
                                         int         *status);

/* The same for a list command, which also takes --format tsv|csv|json. */
gint64    klynge_cli_parse_list_options (KlyngeCli        *cli,
                                         const char       *command,
                                         const char       *summary,
                                         int               argc,
                                         char            **argv,
                                         KlyngeCliFormat  *format,
                                         int              *status);

/* One function per command; argv[0] is the command's name. */
int klynge_cli_demo (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_info (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_init (KlyngeCli *cli, int argc, char **argv);

/* Finances: `ledger list|add`; the `export accounts` kind (argv[0] is "accounts"). */
int klynge_cli_ledger (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_export_accounts (KlyngeCli *cli, int argc, char **argv);

/* Meetings: `meetings`; the meeting kinds of `export` (argv[0] is the kind). */
int klynge_cli_meetings (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_export_meeting (KlyngeCli *cli, int argc, char **argv);

/* Import: `import FILE`, `import-batches`, `import-undo BATCH`. */
int klynge_cli_import (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_clinics (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_indicators (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_measurements (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_import_batches (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_import_undo (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_periods (KlyngeCli *cli, int argc, char **argv);

/* Clusters: the `export members` kind (argv[0] is "members"). */
int klynge_cli_clusters (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_export_members (KlyngeCli *cli, int argc, char **argv);

/* Charts: the `export chart|slides|pack|workbook|key` kinds (argv[0] is the kind). */
int klynge_cli_export_chart (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_export_slides (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_export_deck (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_export_feedback (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_export_pack (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_export_workbook (KlyngeCli *cli, int argc, char **argv);
int klynge_cli_export_key (KlyngeCli *cli, int argc, char **argv);

/* `export KIND …`: hands over to the kind's function. */
int klynge_cli_export (KlyngeCli *cli, int argc, char **argv);

G_END_DECLS
