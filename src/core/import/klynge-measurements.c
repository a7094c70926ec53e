/* klynge-measurements.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "klynge-import"

#include <math.h>

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
  sqlite3_stmt *stmt = klynge_db_prepare (db,
                                          "SELECT COALESCE(c.provider_number, ''), c.name, i.id, i.name, m.period, "
                                          "  m.numerator, m.denominator, m.value, m.status "
                                          "FROM measurement m JOIN clinic c ON c.id = m.clinic_id JOIN indicator i ON i.id = m.indicator_id "
                                          "WHERE c.cluster_id = ?1 AND (?2 = 0 OR m.indicator_id = ?2) AND (?3 IS NULL OR m.period = ?3) "
                                          "ORDER BY i.name, i.id, c.name, c.id, m.period",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cluster_id);
  sqlite3_bind_int64 (stmt, 2, indicator_id);
  if (period != NULL)
    sqlite3_bind_text (stmt, 3, period, -1, SQLITE_TRANSIENT);
  while ((rc = klynge_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      KlyngeStoredMeasurement m = {
        (const char *)sqlite3_column_text (stmt, 0),
        (const char *)sqlite3_column_text (stmt, 1),
        sqlite3_column_int64 (stmt, 2),
        (const char *)sqlite3_column_text (stmt, 3),
        (const char *)sqlite3_column_text (stmt, 4),
        sqlite3_column_type (stmt, 5) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 5),
        sqlite3_column_type (stmt, 6) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 6),
        sqlite3_column_type (stmt, 7) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 7),
        g_strcmp0 ((const char *)sqlite3_column_text (stmt, 8), "suppressed") == 0,
      };

      func (&m, user_data);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}
