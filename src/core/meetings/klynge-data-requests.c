/* klynge-data-requests.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Data requests: per meeting, which indicators each clinic should deliver and
 * by when. Their status follows the measurements the imports bring.
 */

#define G_LOG_DOMAIN "klynge-data-requests"

#include "klynge-i18n.h"

#include "klynge-data-requests.h"
#include "klynge-db-statement.h"
#include "klynge-format.h"
#include "klynge-meeting.h"
#include "klynge-period.h"
#include "klynge-sql.h"

G_DEFINE_FINAL_TYPE (KlyngeDataRequest, klynge_data_request, G_TYPE_OBJECT)

static void
klynge_data_request_finalize (GObject *object)
{
  KlyngeDataRequest *self = KLYNGE_DATA_REQUEST (object);

  g_free (self->clinic_name);
  g_free (self->indicator_name);
  g_free (self->period);
  g_free (self->due_on);
  g_free (self->status);
  G_OBJECT_CLASS (klynge_data_request_parent_class)->finalize (object);
}

static void
klynge_data_request_class_init (KlyngeDataRequestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = klynge_data_request_finalize;
}

static void
klynge_data_request_init (KlyngeDataRequest *self)
{
}

const char *
klynge_data_request_status_label (const char *status)
{
  if (g_strcmp0 (status, "received") == 0)
    return _("Received");
  if (g_strcmp0 (status, "late") == 0)
    return _("Late");
  return _("Requested");
}

/**
 * klynge_data_requests_create:
 * @period: the period the clinics should report, "2026-Q1" or as a file
 *   writes it ("1. kvartal 2026"): it is stored as its key, as imports store
 *   the measurements that answer it
 * @due_on: (nullable): the date they should deliver by
 *
 * Requests every indicator of the meeting's topic from every current clinic
 * of the cluster. Requests that exist keep their status; their period and
 * due date are updated.
 *
 * Returns: how many requests the meeting has now, -1 on error
 */
int
klynge_data_requests_create (KlyngeDb    *db,
                             gint64       meeting_id,
                             const char  *period,
                             const char  *due_on,
                             GError     **error)
{
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  g_autofree char *key = NULL;
  gint64 made;
  int n = -1;

  if (klynge_sql_is_blank (period))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("Say which period the clinics should report, like 2026-Q1."));
      return -1;
    }
  if (!(key = klynge_period_normalize (period, error)))
    return -1;
  if (due_on != NULL && *due_on != '\0' && !klynge_date_from_iso (due_on, NULL, NULL, NULL))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("“%s” is not a date; write it as year-month-day, like 2026-05-26."), due_on);
      return -1;
    }
  if (!klynge_db_begin (db, error))
    return -1;
  stmt = klynge_db_statement_new (db,
    "INSERT INTO data_request (meeting_id, clinic_id, indicator_id, period, due_on) "
    "SELECT g.id, c.id, i.id, ?2, ?3 FROM meeting g "
    "JOIN clinic c ON c.cluster_id = g.cluster_id AND c.left_on IS NULL "
    "JOIN indicator i ON i.topic_id = g.topic_id WHERE g.id = ?1 "
    "ON CONFLICT (meeting_id, clinic_id, indicator_id) DO UPDATE SET period = excluded.period, "
    "  due_on = excluded.due_on");
  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  klynge_db_statement_bind_text (stmt, 2, key);
  if (due_on != NULL && *due_on != '\0')
    klynge_db_statement_bind_text (stmt, 3, due_on);
  if (!klynge_db_statement_run (stmt, error))
    goto out;
  if (!klynge_db_count (db, "SELECT count(*) FROM data_request WHERE meeting_id = ?1", meeting_id, &made, error))
    goto out;
  n = (int) made;
  if (n == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("The meeting has no topic with indicators, or the cluster has no clinics."));
      n = -1;
      goto out;
    }
  if (!klynge_db_commit (db, error))
    n = -1;

out:
  if (n < 0)
    klynge_db_rollback (db);
  return n;
}

/**
 * klynge_data_requests_list:
 *
 * Returns: (transfer full): the meeting's #KlyngeDataRequest by clinic and
 *   indicator
 */
GListModel *
klynge_data_requests_list (KlyngeDb  *db,
                           gint64     meeting_id,
                           GError   **error)
{
  g_autoptr(GListStore) store = g_list_store_new (KLYNGE_TYPE_DATA_REQUEST);
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT r.id, r.clinic_id, c.name, r.indicator_id, i.name, r.period, r.due_on, r.status "
    "FROM data_request r JOIN clinic c ON c.id = r.clinic_id JOIN indicator i ON i.id = r.indicator_id "
    "WHERE r.meeting_id = ?1 ORDER BY c.name COLLATE NOCASE, i.id");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(KlyngeDataRequest) request = g_object_new (KLYNGE_TYPE_DATA_REQUEST, NULL);

      request->id = klynge_db_statement_column_int64 (stmt, 0);
      request->meeting_id = meeting_id;
      request->clinic_id = klynge_db_statement_column_int64 (stmt, 1);
      request->clinic_name = klynge_db_statement_dup_nullable (stmt, 2);
      request->indicator_id = klynge_db_statement_column_int64 (stmt, 3);
      request->indicator_name = klynge_db_statement_dup_nullable (stmt, 4);
      request->period = klynge_db_statement_dup_nullable (stmt, 5);
      request->due_on = klynge_db_statement_dup_nullable (stmt, 6);
      request->status = klynge_db_statement_dup_nullable (stmt, 7);
      g_list_store_append (store, request);
    }
  return rc == SQLITE_DONE ? G_LIST_MODEL (g_steal_pointer (&store)) : NULL;
}

/**
 * klynge_data_requests_refresh:
 * @cluster_id: the cluster whose requests to update
 * @today: (nullable): "2026-05-27"; %NULL: today
 *
 * Recomputes every request's status from the measurements: received when a
 * measurement of the indicator for the clinic and period exists (any period
 * when the request names none), late when not received and past its due
 * date, requested otherwise. The imports call this after each batch and
 * after an undo.
 */
gboolean
klynge_data_requests_refresh (KlyngeDb    *db,
                              gint64       cluster_id,
                              const char  *today,
                              GError     **error)
{
  g_autofree char *date = NULL;
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = date = g_date_time_format (now, "%Y-%m-%d");
    }
  /* Only the rows whose status changes are written: a write would end what
   * the undo stack can take back, and the views refresh on every load. */
  stmt = klynge_db_statement_new (db,
    "UPDATE data_request SET status = fresh.status FROM ("
    "  SELECT r.id, CASE "
    "    WHEN EXISTS (SELECT 1 FROM measurement x WHERE x.indicator_id = r.indicator_id "
    "                 AND x.clinic_id = r.clinic_id AND (r.period = '' OR x.period = r.period)) THEN 'received' "
    "    WHEN r.due_on IS NOT NULL AND r.due_on < ?2 THEN 'late' ELSE 'requested' END AS status "
    "  FROM data_request r WHERE r.meeting_id IN (SELECT id FROM meeting WHERE cluster_id = ?1)) AS fresh "
    "WHERE data_request.id = fresh.id AND data_request.status IS NOT fresh.status");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, today);
  return klynge_db_statement_run (stmt, error);
}

/**
 * klynge_meeting_list_indicators:
 *
 * The indicators a meeting is about: its topic's and those it requested
 * data for, in the topic's order then by id.
 *
 * Returns: (transfer full) (element-type gint64): indicator ids
 */
GArray *
klynge_meeting_list_indicators (KlyngeDb  *db,
                                gint64     meeting_id,
                                GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT i.id FROM indicator i WHERE i.topic_id = (SELECT topic_id FROM meeting WHERE id = ?1) "
    "   OR i.id IN (SELECT indicator_id FROM data_request WHERE meeting_id = ?1) "
    "ORDER BY i.topic_id IS NOT (SELECT topic_id FROM meeting WHERE id = ?1), i.id");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      gint64 id = klynge_db_statement_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}
