/* klynge-measurements.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "klynge-import"

#include "klynge-i18n.h"

#include <math.h>

#include "klynge-db-statement.h"
#include "klynge-measurements.h"

gboolean
klynge_measurements_foreach (KlyngeDb               *db,
                             gint64                  cluster_id,
                             gint64                  indicator_id,
                             const char             *period,
                             KlyngeMeasurementFunc   func,
                             gpointer                user_data,
                             GError                **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT COALESCE(c.provider_number, ''), c.name, i.id, i.name, m.period, "
    "  m.numerator, m.denominator, m.value, m.status "
    "FROM measurement m JOIN clinic c ON c.id = m.clinic_id JOIN indicator i ON i.id = m.indicator_id "
    "WHERE c.cluster_id = ?1 AND (?2 = 0 OR m.indicator_id = ?2) AND (?3 IS NULL OR m.period = ?3) "
    "ORDER BY i.name, i.id, c.name, c.id, m.period");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_int64 (stmt, 2, indicator_id);
  if (period != NULL)
    klynge_db_statement_bind_text (stmt, 3, period);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      KlyngeStoredMeasurement m = {
        klynge_db_statement_column_text (stmt, 0),
        klynge_db_statement_column_text (stmt, 1),
        klynge_db_statement_column_int64 (stmt, 2),
        klynge_db_statement_column_text (stmt, 3),
        klynge_db_statement_column_text (stmt, 4),
        klynge_db_statement_column_is_null (stmt, 5) ? -1 : klynge_db_statement_column_int64 (stmt, 5),
        klynge_db_statement_column_is_null (stmt, 6) ? -1 : klynge_db_statement_column_int64 (stmt, 6),
        klynge_db_statement_column_is_null (stmt, 7) ? NAN : klynge_db_statement_column_double (stmt, 7),
        g_strcmp0 (klynge_db_statement_column_text (stmt, 8), "suppressed") == 0,
      };

      func (&m, user_data);
    }
  return rc == SQLITE_DONE;
}

/**
 * klynge_measurements_list:
 * @filter: every clinic, only those without a measurement, or only those
 *   whose value the publisher suppressed
 *
 * Every clinic of the cluster with its numbers for @indicator_id in @period
 * and where they came from, by clinic name.
 *
 * Returns: (transfer full): a list of #KlyngeMeasurementItem, or %NULL
 *   with @error set
 */
GListModel *
klynge_measurements_list (KlyngeDb                  *db,
                          gint64                     cluster_id,
                          gint64                     indicator_id,
                          const char                *period,
                          KlyngeMeasurementsFilter   filter,
                          GError                   **error)
{
  g_autoptr(GListStore) store = g_list_store_new (KLYNGE_TYPE_MEASUREMENT_ITEM);
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT c.id, c.name, COALESCE (c.provider_number, ''), m.id, m.numerator, m.denominator, m.value, "
    "  m.status, b.file_name, m.edited_at "
    "FROM clinic c "
    "LEFT JOIN measurement m ON m.clinic_id = c.id AND m.indicator_id = ?2 AND m.period = ?3 "
    "LEFT JOIN import_batch b ON b.id = m.batch_id "
    "WHERE c.cluster_id = ?1 AND (?4 = 0 OR (?4 = 1 AND m.id IS NULL) OR (?4 = 2 AND m.status = 'suppressed')) "
    "ORDER BY c.name, c.id");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_int64 (stmt, 2, indicator_id);
  klynge_db_statement_bind_text (stmt, 3, period != NULL ? period : "");
  klynge_db_statement_bind_int64 (stmt, 4, filter);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(KlyngeMeasurementItem) item = NULL;
      KlyngeMeasurementItemData data = {
        klynge_db_statement_column_int64 (stmt, 0),
        klynge_db_statement_column_text (stmt, 1),
        klynge_db_statement_column_text (stmt, 2),
        klynge_db_statement_column_is_null (stmt, 3) ? KLYNGE_MEASUREMENT_MISSING
        : g_strcmp0 (klynge_db_statement_column_text (stmt, 7), "suppressed") == 0 ? KLYNGE_MEASUREMENT_SUPPRESSED
        : KLYNGE_MEASUREMENT_OK,
        klynge_db_statement_column_is_null (stmt, 4) ? -1 : klynge_db_statement_column_int64 (stmt, 4),
        klynge_db_statement_column_is_null (stmt, 5) ? -1 : klynge_db_statement_column_int64 (stmt, 5),
        klynge_db_statement_column_is_null (stmt, 6) ? NAN : klynge_db_statement_column_double (stmt, 6),
        klynge_db_statement_column_text (stmt, 8),
        klynge_db_statement_column_text (stmt, 9),
      };

      item = klynge_measurement_item_new (&data);
      g_list_store_append (store, item);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* A count typed by hand: digits, with spaces and thousands separators allowed. */
static gboolean
parse_count (const char  *text,
             gboolean     numerator,
             gint64      *count,
             GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  guint64 parsed;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '.' || c == ',' || c == 0x202F || c == 0xA0)
        continue;
      g_string_append_unichar (digits, c);
    }
  if (digits->len == 0 || !g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT64, &parsed, NULL))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   numerator ? _("The numerator must be a whole number of 0 or more, not “%s”.")
                             : _("The denominator must be a whole number of 0 or more, not “%s”."), text);
      return FALSE;
    }
  *count = (gint64) parsed;
  return TRUE;
}

/* The id of the stored measurement, 0 when there is none; -1 on error.
 * Only a clinic of @cluster_id counts. */
static gint64
find_measurement (KlyngeDb    *db,
                  gint64       cluster_id,
                  gint64       indicator_id,
                  gint64       clinic_id,
                  const char  *period,
                  GError     **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT c.id, m.id FROM clinic c "
    "LEFT JOIN measurement m ON m.clinic_id = c.id AND m.indicator_id = ?3 AND m.period = ?4 "
    "WHERE c.id = ?2 AND c.cluster_id = ?1");
  gint64 id = -1;
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_int64 (stmt, 2, clinic_id);
  klynge_db_statement_bind_int64 (stmt, 3, indicator_id);
  klynge_db_statement_bind_text (stmt, 4, period);
  rc = klynge_db_statement_step (stmt, error);
  if (rc == SQLITE_ROW)
    id = klynge_db_statement_column_int64 (stmt, 1);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("The clinic is not in this cluster."));
  return id;
}

static gboolean
is_proportion (KlyngeDb  *db,
               gint64     indicator_id,
               gboolean  *proportion,
               GError   **error)
{
  gint64 n;

  if (!klynge_db_count (db, "SELECT count(*) FROM indicator WHERE id = ?1 AND unit = 'percent'", indicator_id, &n, error))
    return FALSE;
  *proportion = n > 0;
  return TRUE;
}

/**
 * klynge_measurements_correct:
 * @numerator: the numerator as typed
 * @denominator: the denominator as typed
 *
 * Stores a clinic's numbers for @indicator_id in @period as typed, in place
 * of what was stored (which keeps its file, and says it was corrected), or
 * as a new measurement typed in. Bad input changes nothing.
 *
 * Returns: (transfer full): what klynge_snapshot_restore() needs to undo
 *   it, or %NULL with @error set
 */
KlyngeSnapshot *
klynge_measurements_correct (KlyngeDb    *db,
                             gint64       cluster_id,
                             gint64       indicator_id,
                             gint64       clinic_id,
                             const char  *period,
                             const char  *numerator,
                             const char  *denominator,
                             GError     **error)
{
  g_autoptr(KlyngeSnapshot) snapshot = klynge_snapshot_new ();
  gint64 num, den, id;
  gboolean proportion = FALSE;
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (!parse_count (numerator, TRUE, &num, error) || !parse_count (denominator, FALSE, &den, error))
    return NULL;
  if (num > den && !is_proportion (db, indicator_id, &proportion, error))
    return NULL;
  if (num > den && proportion)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("The numerator (%s) is greater than the denominator (%s): a proportion cannot be."), numerator, denominator);
      return NULL;
    }
  if (!klynge_db_begin (db, error))
    return NULL;
  if ((id = find_measurement (db, cluster_id, indicator_id, clinic_id, period, error)) < 0)
    goto failed;
  if (id > 0)
    {
      if (!klynge_snapshot_capture_edit (snapshot, db, "measurement", id, error))
        goto failed;
      stmt = klynge_db_statement_new (db, "UPDATE measurement SET numerator = ?2, denominator = ?3, value = NULL, status = 'ok', "
        "edited_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1");
      klynge_db_statement_bind_int64 (stmt, 1, id);
    }
  else
    {
      stmt = klynge_db_statement_new (db, "INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator, edited_at) "
        "VALUES (?4, ?5, ?6, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
      klynge_db_statement_bind_int64 (stmt, 4, indicator_id);
      klynge_db_statement_bind_int64 (stmt, 5, clinic_id);
      klynge_db_statement_bind_text (stmt, 6, period);
    }
  klynge_db_statement_bind_int64 (stmt, 2, num);
  klynge_db_statement_bind_int64 (stmt, 3, den);
  if (!klynge_db_statement_run (stmt, error) ||
      (id == 0 && !klynge_snapshot_capture_insert (snapshot, db, "measurement", klynge_db_last_insert_id (db), error)) ||
      !klynge_snapshot_finish (snapshot, db, error) || !klynge_db_commit (db, error))
    goto failed;
  return g_steal_pointer (&snapshot);

failed:
  klynge_db_rollback (db);
  return NULL;
}

/**
 * klynge_measurements_clear:
 *
 * Removes a clinic's measurement of @indicator_id in @period: the clinic is
 * then missing from the chart.
 *
 * Returns: (transfer full): what klynge_snapshot_restore() needs to undo
 *   it, or %NULL with @error set
 */
KlyngeSnapshot *
klynge_measurements_clear (KlyngeDb    *db,
                           gint64       cluster_id,
                           gint64       indicator_id,
                           gint64       clinic_id,
                           const char  *period,
                           GError     **error)
{
  g_autoptr(KlyngeSnapshot) snapshot = klynge_snapshot_new ();
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  gint64 id;

  if (!klynge_db_begin (db, error))
    return NULL;
  if ((id = find_measurement (db, cluster_id, indicator_id, clinic_id, period, error)) < 0)
    goto failed;
  if (id == 0)
    {
      g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("There is no value to clear."));
      goto failed;
    }
  if (!klynge_snapshot_capture (snapshot, db, "measurement", id, error))
    goto failed;
  stmt = klynge_db_statement_new (db, "DELETE FROM measurement WHERE id = ?1");
  klynge_db_statement_bind_int64 (stmt, 1, id);
  if (!klynge_db_statement_run (stmt, error) || !klynge_snapshot_finish (snapshot, db, error) || !klynge_db_commit (db, error))
    goto failed;
  return g_steal_pointer (&snapshot);

failed:
  klynge_db_rollback (db);
  return NULL;
}
