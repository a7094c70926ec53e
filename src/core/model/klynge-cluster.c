/* klynge-cluster.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "klynge-cluster"

#include "klynge-i18n.h"

#include <string.h>

#include "klynge-backup.h"
#include "klynge-cluster.h"
#include "klynge-db-statement.h"

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
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  gint64 cluster_id;

  if (*trimmed == '\0')
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("The cluster needs a name."));
      return 0;
    }

  if (!klynge_db_begin (db, error))
    return 0;

  stmt = klynge_db_statement_new (db, "INSERT INTO cluster (name) VALUES (?1)");
  klynge_db_statement_bind_text (stmt, 1, trimmed);
  if (!klynge_db_statement_run (stmt, error))
    goto failed;
  cluster_id = klynge_db_last_insert_id (db);

  for (guint i = 0; i < G_N_ELEMENTS (default_categories); i++)
    {
      g_autoptr(KlyngeDbStatement) category = klynge_db_statement_new (db,
        "INSERT INTO ledger_category (cluster_id, key, name, kind) VALUES (?1, ?2, ?3, ?4)");

      klynge_db_statement_bind_int64 (category, 1, cluster_id);
      klynge_db_statement_bind_text (category, 2, default_categories[i].key);
      klynge_db_statement_bind_text (category, 3, default_categories[i].name);
      klynge_db_statement_bind_text (category, 4, default_categories[i].kind);
      if (!klynge_db_statement_run (category, error))
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

/**
 * klynge_cluster_pick_default:
 * @preferred: the cluster used last time, or 0
 *
 * The cluster a file opens on: @preferred while it exists and is in use,
 * else the first one in use. An archived cluster is shown when chosen in
 * the switcher, or when every cluster of the file is archived: an empty
 * window would look like a lost cluster.
 *
 * Returns: a cluster's id, or 0 when the file has none
 */
gint64
klynge_cluster_pick_default (KlyngeDb *db,
                             gint64    preferred)
{
  gint64 id;

  if (preferred != 0 && klynge_cluster_exists (db, preferred) && !klynge_cluster_is_archived (db, preferred))
    return preferred;
  /* A database that cannot be read has no cluster to show. */
  klynge_db_count (db, "SELECT coalesce ((SELECT min (id) FROM cluster WHERE archived_at IS NULL), min (id), 0) FROM cluster",
                   0, &id, NULL);
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
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  memset (summary, 0, sizeof *summary);

  stmt = klynge_db_statement_new (db,
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
                                  "FROM cluster c WHERE c.id = ?1");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  if (!klynge_db_statement_expect_row (stmt, _("The cluster no longer exists."), error))
    return FALSE;

  summary->cluster_id = cluster_id;
  summary->name = klynge_db_statement_dup_nullable (stmt, 0);
  summary->currency = klynge_db_statement_dup_nullable (stmt, 1);
  summary->min_listed_patients = klynge_db_statement_column_int64 (stmt, 2);
  summary->n_clinics = klynge_db_statement_column_int64 (stmt, 3);
  summary->n_members = klynge_db_statement_column_int64 (stmt, 4);
  summary->n_gps = klynge_db_statement_column_int64 (stmt, 5);
  summary->listed_patients = klynge_db_statement_column_int64 (stmt, 6);
  summary->n_meetings = klynge_db_statement_column_int64 (stmt, 7);
  summary->n_meetings_held = klynge_db_statement_column_int64 (stmt, 8);
  summary->n_topics = klynge_db_statement_column_int64 (stmt, 9);
  summary->n_indicators = klynge_db_statement_column_int64 (stmt, 10);
  summary->n_measurements = klynge_db_statement_column_int64 (stmt, 11);
  summary->n_ledger_entries = klynge_db_statement_column_int64 (stmt, 12);
  summary->balance = klynge_db_statement_column_int64 (stmt, 13);

  return TRUE;
}

/**
 * klynge_cluster_contents_load:
 *
 * Counts what deleting the cluster takes with it: every clinic and member,
 * former ones included, every meeting and measurement.
 */
gboolean
klynge_cluster_contents_load (KlyngeDb               *db,
                              gint64                  cluster_id,
                              KlyngeClusterContents  *contents,
                              GError                **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT (SELECT count(*) FROM clinic WHERE cluster_id = ?1), "
    "  (SELECT count(*) FROM member WHERE cluster_id = ?1), "
    "  (SELECT count(*) FROM meeting WHERE cluster_id = ?1), "
    "  (SELECT coalesce (sum (m.n), 0) FROM measurement_count m JOIN clinic k ON k.id = m.clinic_id WHERE k.cluster_id = ?1)");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  if ((rc = klynge_db_statement_step (stmt, error)) < 0)
    return FALSE;
  contents->n_clinics = klynge_db_statement_column_int64 (stmt, 0);
  contents->n_members = klynge_db_statement_column_int64 (stmt, 1);
  contents->n_meetings = klynge_db_statement_column_int64 (stmt, 2);
  contents->n_measurements = klynge_db_statement_column_int64 (stmt, 3);
  return TRUE;
}

void
klynge_cluster_summary_clear (KlyngeClusterSummary *summary)
{
  g_clear_pointer (&summary->name, g_free);
  g_clear_pointer (&summary->currency, g_free);
}

static gboolean
require_cluster (KlyngeDb  *db,
                 gint64     cluster_id,
                 GError   **error)
{
  if (klynge_cluster_exists (db, cluster_id))
    return TRUE;
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("The cluster no longer exists."));
  return FALSE;
}

gboolean
klynge_cluster_is_archived (KlyngeDb *db,
                            gint64    cluster_id)
{
  gint64 n;

  return klynge_db_count (db, "SELECT count(*) FROM cluster WHERE id = ?1 AND archived_at IS NOT NULL",
                          cluster_id, &n, NULL) && n > 0;
}

/**
 * klynge_cluster_set_archived:
 *
 * Archives a cluster (it keeps everything, but leaves the switcher and
 * opens read-only) or takes it back into use. Once archived, nothing of
 * it can be changed (see klynge-db-guard.c) until it is unarchived.
 */
gboolean
klynge_cluster_set_archived (KlyngeDb  *db,
                             gint64     cluster_id,
                             gboolean   archived,
                             GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "UPDATE cluster SET archived_at = CASE WHEN ?2 THEN strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') END "
    "WHERE id = ?1 AND (archived_at IS NOT NULL) <> ?2");

  if (!require_cluster (db, cluster_id, error))
    return FALSE;
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_int64 (stmt, 2, archived);
  return klynge_db_statement_run (stmt, error);
}

/* The indicators of the cluster's own topics, which the schema does not
 * let go with their topic: deleting the cluster deletes them first. */
static GArray *
own_indicators (KlyngeDb  *db,
                gint64     cluster_id,
                GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT i.id FROM indicator i JOIN topic t ON t.id = i.topic_id WHERE t.cluster_id = ?1");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      gint64 id = klynge_db_statement_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return rc < 0 ? NULL : g_steal_pointer (&ids);
}

/**
 * klynge_cluster_delete:
 * @backup_path: (out) (optional): where the file was copied first
 *
 * Deletes a cluster with everything that belongs to it, in one transaction,
 * after a backup of the whole file: a cluster holds years of work, and the
 * undo stack does not outlive the window. An archived cluster is
 * unarchived first, as its rows could not go otherwise: Undo brings it
 * back archived.
 *
 * Returns: (transfer full) (nullable): what was deleted, for
 *   klynge_snapshot_restore() when the user asks to undo
 */
KlyngeSnapshot *
klynge_cluster_delete (KlyngeDb  *db,
                       gint64     cluster_id,
                       char     **backup_path,
                       GError   **error)
{
  g_autoptr(KlyngeSnapshot) snapshot = klynge_snapshot_new ();
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  g_autoptr(GArray) indicators = NULL;
  g_autofree char *backup = NULL;
  gint64 shared;

  if (!require_cluster (db, cluster_id, error))
    return NULL;
  /* Another cluster's measurements of its indicators would go with it. */
  if (!klynge_db_count (db,
                        "SELECT count(*) FROM measurement_count m JOIN indicator i ON i.id = m.indicator_id "
                        "JOIN topic t ON t.id = i.topic_id JOIN clinic k ON k.id = m.clinic_id "
                        "WHERE t.cluster_id = ?1 AND k.cluster_id <> ?1", cluster_id, &shared, error))
    return NULL;
  if (shared > 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("The cluster was not deleted, because other clusters have measured its indicators."));
      return NULL;
    }
  if ((backup = klynge_backup_create (db, "before-deleting-cluster", error)) == NULL)
    {
      g_prefix_error (error, _("The cluster was not deleted, because no backup could be made first: "));
      return NULL;
    }
  if (!klynge_db_begin (db, error))
    return NULL;
  /* The cluster as it is, archived or not, is set back once all is back;
   * its indicators are captured after it, so that Undo puts their topics
   * back first. */
  if (!klynge_snapshot_capture_edit (snapshot, db, "cluster", cluster_id, error) ||
      !klynge_cluster_set_archived (db, cluster_id, FALSE, error) ||
      !klynge_snapshot_capture (snapshot, db, "cluster", cluster_id, error) ||
      (indicators = own_indicators (db, cluster_id, error)) == NULL)
    goto failed;
  for (guint i = 0; i < indicators->len; i++)
    {
      g_autoptr(KlyngeDbStatement) drop = klynge_db_statement_new (db, "DELETE FROM indicator WHERE id = ?1");

      klynge_db_statement_bind_int64 (drop, 1, g_array_index (indicators, gint64, i));
      if (!klynge_snapshot_capture (snapshot, db, "indicator", g_array_index (indicators, gint64, i), error) ||
          !klynge_db_statement_run (drop, error))
        goto failed;
    }
  stmt = klynge_db_statement_new (db, "DELETE FROM cluster WHERE id = ?1");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  if (!klynge_db_statement_run (stmt, error) ||
      !klynge_snapshot_finish (snapshot, db, error) || !klynge_db_commit (db, error))
    goto failed;
  if (backup_path != NULL)
    *backup_path = g_steal_pointer (&backup);
  return g_steal_pointer (&snapshot);

failed:
  klynge_db_rollback (db);
  return NULL;
}
