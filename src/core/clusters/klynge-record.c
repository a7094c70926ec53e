/* klynge-record.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-record.h"
#include "klynge-rules.h"

void
klynge_record_bind_text (KlyngeDbStatement *stmt,
                         int                index,
                         const char        *text)
{
  g_autofree char *trimmed = klynge_rules_strip_or_null (text);

  klynge_db_statement_bind_text (stmt, index, trimmed != NULL ? trimmed : "");
}

void
klynge_record_bind_date (KlyngeDbStatement *stmt,
                         int                index,
                         const char        *date)
{
  g_autofree char *trimmed = klynge_rules_strip_or_null (date);

  klynge_db_statement_bind_text (stmt, index, trimmed);
}

void
klynge_record_set_text (char       **field,
                        const char  *text)
{
  g_free (*field);
  *field = g_strdup (text != NULL ? text : "");
}
