/* klynge-cluster.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "klynge-cluster"

#include "klynge-i18n.h"

#include <string.h>

#include "klynge-cluster.h"

/* The categories every cluster starts with; users may add their own.
 * Names are stored in English and translated for display by key. */
static const struct {
  const char *key;
  const char *name;
  const char *kind;
} default_categories[] = {
  { "start_grant",              N_("Start-up grant"),           "income"  },
  { "yearly_grant",             N_("Yearly grant"),             "income"  },
  { "other_grant",              N_("Other grant"),              "income"  },
  { "venue",                    N_("Venue"),                    "expense" },
  { "catering",                 N_("Catering"),                 "expense" },
  { "speaker_fees",             N_("Speaker fees"),             "expense" },
  { "facilitator",              N_("Facilitator"),              "expense" },
  { "coordinator_remuneration", N_("Coordinator remuneration"), "expense" },
  { "board_remuneration",       N_("Board remuneration"),       "expense" },
  { "secretary",                N_("Secretary"),                "expense" },
  { "bank_fees",                N_("Bank fees"),                "expense" },
  { "other",                    N_("Other"),                    "expense" },
};

/**
 * klynge_cluster_create:
 *
 * Creates a cluster with the default ledger categories, in one transaction.
 *
 * Returns: the new cluster's id, or 0 with @error set.
 */
gint64
klynge_cluster_create (KlyngeDb    *db,
                       const char  *name,
                       GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  sqlite3_stmt *stmt;
  gint64 cluster_id;

  if (*trimmed == '\0')
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("The cluster needs a name."));
      return 0;
    }

  if (!klynge_db_begin (db, error))
    return 0;

  if (!(stmt = klynge_db_prepare (db, "INSERT INTO cluster (name) VALUES (?1)", error)))
    goto failed;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_STATIC);
  if (!klynge_db_step_done (db, stmt, error))
    goto failed;
  cluster_id = klynge_db_last_insert_id (db);

  for (guint i = 0; i < G_N_ELEMENTS (default_categories); i++)
    {
      if (!(stmt = klynge_db_prepare (db,
                                      "INSERT INTO ledger_category (cluster_id, key, name, kind) "
                                      "VALUES (?1, ?2, ?3, ?4)", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, cluster_id);
      sqlite3_bind_text (stmt, 2, default_categories[i].key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, default_categories[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, default_categories[i].kind, -1, SQLITE_STATIC);
      if (!klynge_db_step_done (db, stmt, error))
        goto failed;
    }

  if (!klynge_db_commit (db, error))
    goto failed;

  return cluster_id;

failed:
  klynge_db_rollback (db);
  return 0;
}

/* Returns: the cluster with the lowest id, or 0 when there is none. */
gint64
klynge_cluster_first_id (KlyngeDb *db)
{
  gint64 id;

  /* A database that cannot be read has no cluster to show. */
  klynge_db_count (db, "SELECT coalesce(min(id), 0) FROM cluster", 0, &id, NULL);
  return id;
}

gboolean
klynge_cluster_exists (KlyngeDb *db,
                       gint64    cluster_id)
{
  gint64 n;

  return klynge_db_count (db, "SELECT count(*) FROM cluster WHERE id = ?1", cluster_id, &n, NULL) && n > 0;
}

gboolean
klynge_cluster_summary_load (KlyngeDb              *db,
                             gint64                 cluster_id,
                             KlyngeClusterSummary  *summary,
                             GError               **error)
{
  sqlite3_stmt *stmt;
  int rc;

  memset (summary, 0, sizeof *summary);

  if (!(stmt = klynge_db_prepare (db,
                                  "SELECT name, currency, min_listed_patients, "
                                  "  (SELECT count(*) FROM clinic WHERE cluster_id = c.id AND left_on IS NULL), "
                                  "  (SELECT count(*) FROM member WHERE cluster_id = c.id AND left_on IS NULL), "
                                  "  (SELECT count(*) FROM member WHERE cluster_id = c.id AND left_on IS NULL AND title = 'gp'), "
                                  "  (SELECT coalesce(sum(listed_patients), 0) FROM clinic WHERE cluster_id = c.id AND left_on IS NULL), "
                                  "  (SELECT count(*) FROM meeting WHERE cluster_id = c.id), "
                                  "  (SELECT count(*) FROM meeting WHERE cluster_id = c.id AND status = 'held'), "
                                  "  (SELECT count(DISTINCT t.id) FROM topic t "
                                  "     WHERE t.cluster_id = c.id OR t.id IN (SELECT topic_id FROM meeting WHERE cluster_id = c.id)), "
                                  "  (SELECT count(DISTINCT m.indicator_id) FROM measurement_count m JOIN clinic k ON k.id = m.clinic_id WHERE k.cluster_id = c.id), "
                                  "  (SELECT coalesce(sum(m.n), 0) FROM measurement_count m JOIN clinic k ON k.id = m.clinic_id WHERE k.cluster_id = c.id), "
                                  "  (SELECT count(*) FROM ledger_entry WHERE cluster_id = c.id), "
                                  "  (SELECT coalesce(sum(CASE kind WHEN 'income' THEN amount ELSE -amount END), 0) "
                                  "     FROM ledger_entry WHERE cluster_id = c.id) "
                                  "FROM cluster c WHERE c.id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, cluster_id);
  rc = klynge_db_step (db, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND,
                   _("The cluster no longer exists."));
      return FALSE;
    }

  summary->cluster_id = cluster_id;
  summary->name = klynge_db_column_dup_nullable (stmt, 0);
  summary->currency = klynge_db_column_dup_nullable (stmt, 1);
  summary->min_listed_patients = sqlite3_column_int64 (stmt, 2);
  summary->n_clinics = sqlite3_column_int64 (stmt, 3);
  summary->n_members = sqlite3_column_int64 (stmt, 4);
  summary->n_gps = sqlite3_column_int64 (stmt, 5);
  summary->listed_patients = sqlite3_column_int64 (stmt, 6);
  summary->n_meetings = sqlite3_column_int64 (stmt, 7);
  summary->n_meetings_held = sqlite3_column_int64 (stmt, 8);
  summary->n_topics = sqlite3_column_int64 (stmt, 9);
  summary->n_indicators = sqlite3_column_int64 (stmt, 10);
  summary->n_measurements = sqlite3_column_int64 (stmt, 11);
  summary->n_ledger_entries = sqlite3_column_int64 (stmt, 12);
  summary->balance = sqlite3_column_int64 (stmt, 13);
  sqlite3_reset (stmt);

  return TRUE;
}

void
klynge_cluster_summary_clear (KlyngeClusterSummary *summary)
{
  g_clear_pointer (&summary->name, g_free);
  g_clear_pointer (&summary->currency, g_free);
}
