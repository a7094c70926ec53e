/* klynge-db-guard.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An archived cluster is kept to be looked up, not changed. Every writer
 * (the app's views, imports, undo, klynge-cli) goes through SQLite, so the
 * refusal lives there, in one place: temporary triggers on each table that
 * belongs to a cluster abort any insert, update or delete of an archived
 * cluster's rows, and klynge_db_set_error_from_sqlite() turns the abort
 * into a message. They are the connection's own (TEMP), so the file keeps
 * no trigger another program would trip over and no migration is needed.
 */

#define G_LOG_DOMAIN "klynge-db"

#include "klynge-db.h"

/* The cluster a row belongs to, with ROW for NEW or OLD. */
static const struct {
  const char *table;
  const char *owner;
} guarded[] = {
  { "clinic",          "ROW.cluster_id" },
  { "member",          "ROW.cluster_id" },
  { "member_role",     "(SELECT cluster_id FROM main.member WHERE id = ROW.member_id)" },
  { "topic",           "ROW.cluster_id" },
  { "indicator",       "(SELECT cluster_id FROM main.topic WHERE id = ROW.topic_id)" },
  { "topic_proposal",  "ROW.cluster_id" },
  { "meeting",         "ROW.cluster_id" },
  { "meeting_speaker", "(SELECT cluster_id FROM main.meeting WHERE id = ROW.meeting_id)" },
  { "agenda_item",     "(SELECT cluster_id FROM main.meeting WHERE id = ROW.meeting_id)" },
  { "invitation",      "(SELECT cluster_id FROM main.meeting WHERE id = ROW.meeting_id)" },
  { "attendance",      "(SELECT cluster_id FROM main.meeting WHERE id = ROW.meeting_id)" },
  { "guest",           "(SELECT cluster_id FROM main.meeting WHERE id = ROW.meeting_id)" },
  { "data_request",    "(SELECT cluster_id FROM main.meeting WHERE id = ROW.meeting_id)" },
  { "import_batch",    "ROW.cluster_id" },
  { "import_replaced", "(SELECT cluster_id FROM main.import_batch WHERE id = ROW.batch_id)" },
  { "import_left_out", "(SELECT cluster_id FROM main.import_batch WHERE id = ROW.batch_id)" },
  { "import_mapping",  "ROW.cluster_id" },
  { "clinic_alias",    "ROW.cluster_id" },
  { "measurement",     "(SELECT cluster_id FROM main.clinic WHERE id = ROW.clinic_id)" },
  { "ledger_category", "ROW.cluster_id" },
  { "ledger_entry",    "ROW.cluster_id" },
  { "budget_line",     "ROW.cluster_id" },
  { "locked_year",     "ROW.cluster_id" },
  { "clinic_letter",   "ROW.cluster_id" },
};

/* Unarchiving and archiving are the changes an archived cluster takes;
 * deleting one unarchives it first, in the same transaction. */
static const char cluster_sql[] =
  "CREATE TEMP TRIGGER IF NOT EXISTS cluster_archived_update BEFORE UPDATE ON main.cluster "
  "  WHEN OLD.archived_at IS NOT NULL AND NEW.archived_at IS NOT NULL BEGIN "
  "  SELECT RAISE (ABORT, '" KLYNGE_DB_CLUSTER_ARCHIVED "'); "
  "END;";

static char *
guard_condition (const char *owner,
                 const char *row)
{
  g_auto(GStrv) parts = g_strsplit (owner, "ROW", -1);
  g_autofree char *expression = g_strjoinv (row, parts);

  return g_strdup_printf ("(SELECT archived_at FROM main.cluster WHERE id = %s) IS NOT NULL", expression);
}

/* Returns: the triggers of @table, as one script */
static char *
guard_sql (const char *table,
           const char *owner)
{
  g_autofree char *new_row = guard_condition (owner, "NEW");
  g_autofree char *old_row = guard_condition (owner, "OLD");
  const char *raise = "BEGIN SELECT RAISE (ABORT, '" KLYNGE_DB_CLUSTER_ARCHIVED "'); END;";

  return g_strdup_printf ("CREATE TEMP TRIGGER IF NOT EXISTS %s_archived_insert BEFORE INSERT ON main.%s WHEN %s %s"
                          "CREATE TEMP TRIGGER IF NOT EXISTS %s_archived_delete BEFORE DELETE ON main.%s WHEN %s %s"
                          "CREATE TEMP TRIGGER IF NOT EXISTS %s_archived_update BEFORE UPDATE ON main.%s WHEN %s OR %s %s",
                          table, table, new_row, raise,
                          table, table, old_row, raise,
                          table, table, old_row, new_row, raise);
}

/* Called by klynge_db_open() on a connection that can write. */
gboolean
_klynge_db_guard_archived_clusters (KlyngeDb  *self,
                                    GError   **error)
{
  if (!klynge_db_exec (self, cluster_sql, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (guarded); i++)
    {
      g_autofree char *sql = guard_sql (guarded[i].table, guarded[i].owner);

      if (!klynge_db_exec (self, sql, error))
        return FALSE;
    }
  return TRUE;
}
