/* klynge-cli-list.h — list output of `klynge-cli` for people and scripts
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * KlyngeCliFormat:
 * @KLYNGE_CLI_FORMAT_TSV: a header line, then one tab-separated line per row
 * @KLYNGE_CLI_FORMAT_CSV: RFC 4180, "," between fields, numbers with "."
 * @KLYNGE_CLI_FORMAT_JSON: an array of objects keyed by the column names
 *
 * Every format starts from the same header, and numbers are written with
 * "." whatever the locale, so a script reads the same output everywhere.
 */
typedef enum
{
  KLYNGE_CLI_FORMAT_TSV,
  KLYNGE_CLI_FORMAT_CSV,
  KLYNGE_CLI_FORMAT_JSON,
} KlyngeCliFormat;

/* The value of a `--format` option; NULL means TSV. Reports a usage error
 * for @command and returns FALSE on anything else. */
gboolean       klynge_cli_format_parse  (const char       *command,
                                         const char       *name,
                                         KlyngeCliFormat  *format);

typedef struct _KlyngeCliList KlyngeCliList;

/* @columns is NULL-terminated; the names are the header (and JSON keys),
 * so they are machine names, never translated. */
KlyngeCliList *klynge_cli_list_new      (KlyngeCliFormat     format,
                                         const char * const *columns);
/* Cells are added left to right after begin_row(). */
void           klynge_cli_list_begin_row (KlyngeCliList    *self);
void           klynge_cli_list_add_text  (KlyngeCliList    *self,
                                          const char       *text);
void           klynge_cli_list_add_integer (KlyngeCliList  *self,
                                            gint64          value);
/* The shortest decimal that reads back as @value. */
void           klynge_cli_list_add_number (KlyngeCliList   *self,
                                           double           value);
/* An absent value: an empty field, or null in JSON. */
void           klynge_cli_list_add_empty (KlyngeCliList    *self);
/* Ends the last row and writes the list to stdout. */
void           klynge_cli_list_print     (KlyngeCliList    *self);
void           klynge_cli_list_free      (KlyngeCliList    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeCliList, klynge_cli_list_free)

G_END_DECLS
