/* klynge-cluster-details.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cluster's own record, its board today and the grant it can expect.
 */

#include "klynge-i18n.h"

#include <string.h>

#include "klynge-cluster.h"
#include "klynge-cluster-details.h"
#include "klynge-record.h"
#include "klynge-rules.h"

void
klynge_cluster_details_clear (KlyngeClusterDetails *details)
{
  g_clear_pointer (&details->name, g_free);
  g_clear_pointer (&details->region, g_free);
  g_clear_pointer (&details->municipalities, g_free);
  g_clear_pointer (&details->registration_number, g_free);
  g_clear_pointer (&details->bank_account, g_free);
  g_clear_pointer (&details->founded_on, g_free);
  g_clear_pointer (&details->notes, g_free);
  g_clear_pointer (&details->currency, g_free);
}

gboolean
klynge_cluster_details_load (KlyngeDb              *db,
                             gint64                 cluster_id,
                             KlyngeClusterDetails  *details,
                             GError               **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT name, region, municipalities, registration_number, bank_account, founded_on, notes, "
    "  attendance_threshold, min_listed_patients, currency, start_grant_per_gp, grant_per_patient "
    "FROM cluster WHERE id = ?1");

  memset (details, 0, sizeof *details);
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  if (!klynge_db_statement_expect_row (stmt, _("The cluster no longer exists."), error))
    return FALSE;
  details->id = cluster_id;
  details->name = klynge_db_statement_dup_text (stmt, 0);
  details->region = klynge_db_statement_dup_text (stmt, 1);
  details->municipalities = klynge_db_statement_dup_text (stmt, 2);
  details->registration_number = klynge_db_statement_dup_text (stmt, 3);
  details->bank_account = klynge_db_statement_dup_text (stmt, 4);
  details->founded_on = klynge_db_statement_dup_nullable (stmt, 5);
  details->notes = klynge_db_statement_dup_text (stmt, 6);
  details->attendance_threshold = klynge_db_statement_column_double (stmt, 7);
  details->min_listed_patients = klynge_db_statement_column_int64 (stmt, 8);
  details->currency = klynge_db_statement_dup_text (stmt, 9);
  details->start_grant_per_gp = klynge_db_statement_column_int64 (stmt, 10);
  details->grant_per_patient = klynge_db_statement_column_int64 (stmt, 11);
  return TRUE;
}

gboolean
klynge_cluster_details_validate (const KlyngeClusterDetails  *details,
                                 GError                     **error)
{
  if (!klynge_rules_check_required (details->name, _("The cluster needs a name."), error) ||
      !klynge_rules_check_date (details->founded_on, error))
    return FALSE;
  if (!(details->attendance_threshold >= 0 && details->attendance_threshold <= 1))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("The attendance threshold must be between 0 and 100 %%."));
      return FALSE;
    }
  if (details->min_listed_patients < 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("The minimum of listed patients cannot be negative."));
      return FALSE;
    }
  if (details->start_grant_per_gp < 0 || details->grant_per_patient < 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("Grant rates cannot be negative."));
      return FALSE;
    }
  return TRUE;
}

gboolean
klynge_cluster_details_save (KlyngeDb              *db,
                             KlyngeClusterDetails  *details,
                             GError               **error)
{
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  gint64 id = details->id;

  if (!klynge_cluster_details_validate (details, error) || !klynge_db_begin (db, error))
    return FALSE;

  if (id == 0 && (id = klynge_cluster_create (db, details->name, error)) == 0)
    goto failed;

  stmt = klynge_db_statement_new (db,
    "UPDATE cluster SET name = ?2, region = ?3, municipalities = ?4, registration_number = ?5, "
    "  bank_account = ?6, founded_on = ?7, notes = ?8, attendance_threshold = ?9, "
    "  min_listed_patients = ?10, start_grant_per_gp = ?11, grant_per_patient = ?12 "
    "WHERE id = ?1");
  klynge_db_statement_bind_int64 (stmt, 1, id);
  klynge_record_bind_text (stmt, 2, details->name);
  klynge_record_bind_text (stmt, 3, details->region);
  klynge_record_bind_text (stmt, 4, details->municipalities);
  klynge_record_bind_text (stmt, 5, details->registration_number);
  klynge_record_bind_text (stmt, 6, details->bank_account);
  klynge_record_bind_date (stmt, 7, details->founded_on);
  klynge_db_statement_bind_text (stmt, 8, details->notes != NULL ? details->notes : "");
  klynge_db_statement_bind_double (stmt, 9, details->attendance_threshold);
  klynge_db_statement_bind_int64 (stmt, 10, details->min_listed_patients);
  klynge_db_statement_bind_int64 (stmt, 11, details->start_grant_per_gp);
  klynge_db_statement_bind_int64 (stmt, 12, details->grant_per_patient);
  if (!klynge_db_statement_run (stmt, error))
    goto failed;
  if (sqlite3_changes (klynge_db_get_handle (db)) == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("The cluster no longer exists."));
      goto failed;
    }

  if (!klynge_db_commit (db, error))
    goto failed;
  details->id = id;
  return TRUE;

failed:
  klynge_db_rollback (db);
  return FALSE;
}

static void
brief_free (gpointer data)
{
  KlyngeClusterBrief *brief = data;

  g_free (brief->name);
  g_free (brief);
}

static gpointer
brief_from_row (KlyngeDbStatement *stmt)
{
  KlyngeClusterBrief *brief = g_new0 (KlyngeClusterBrief, 1);

  brief->id = klynge_db_statement_column_int64 (stmt, 0);
  brief->name = klynge_db_statement_dup_text (stmt, 1);
  brief->archived = !klynge_db_statement_column_is_null (stmt, 2);
  return brief;
}

GPtrArray *
klynge_cluster_list_all (KlyngeDb  *db,
                         gboolean   with_archived,
                         GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT id, name, archived_at FROM cluster WHERE ?1 OR archived_at IS NULL "
    "ORDER BY name COLLATE NOCASE, id");

  klynge_db_statement_bind_int64 (stmt, 1, with_archived);
  return klynge_db_statement_collect (stmt, brief_from_row, brief_free, error);
}

void
klynge_cluster_grant_for (const KlyngeClusterDetails *details,
                          gint64                      n_gps,
                          gint64                      listed_patients,
                          KlyngeGrantEstimate        *estimate)
{
  estimate->n_gps = n_gps;
  estimate->listed_patients = listed_patients;
  estimate->start_grant = n_gps * details->start_grant_per_gp;
  estimate->yearly_grant = listed_patients * details->grant_per_patient;
}

/* The same count as the summary: active GPs, listed patients of active clinics. */
gboolean
klynge_cluster_estimate_grant (KlyngeDb             *db,
                               gint64                cluster_id,
                               KlyngeGrantEstimate  *estimate,
                               GError              **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT start_grant_per_gp, grant_per_patient, "
    "  (SELECT count(*) FROM member WHERE cluster_id = c.id AND left_on IS NULL AND title = 'gp'), "
    "  (SELECT coalesce(sum(listed_patients), 0) FROM clinic WHERE cluster_id = c.id AND left_on IS NULL) "
    "FROM cluster c WHERE c.id = ?1");
  KlyngeClusterDetails rates = { 0 };

  memset (estimate, 0, sizeof *estimate);
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  if (!klynge_db_statement_expect_row (stmt, _("The cluster no longer exists."), error))
    return FALSE;
  rates.start_grant_per_gp = klynge_db_statement_column_int64 (stmt, 0);
  rates.grant_per_patient = klynge_db_statement_column_int64 (stmt, 1);
  klynge_cluster_grant_for (&rates, klynge_db_statement_column_int64 (stmt, 2),
                            klynge_db_statement_column_int64 (stmt, 3), estimate);
  return TRUE;
}

static void
seat_free (gpointer data)
{
  KlyngeBoardSeat *seat = data;

  g_free (seat->member_name);
  g_free (seat->role);
  g_free (seat->from_date);
  g_free (seat);
}

static gpointer
seat_from_row (KlyngeDbStatement *stmt)
{
  KlyngeBoardSeat *seat = g_new0 (KlyngeBoardSeat, 1);

  seat->member_id = klynge_db_statement_column_int64 (stmt, 0);
  seat->member_name = klynge_db_statement_dup_text (stmt, 1);
  seat->role = klynge_db_statement_dup_text (stmt, 2);
  seat->from_date = klynge_db_statement_dup_nullable (stmt, 3);
  return seat;
}

GPtrArray *
klynge_cluster_list_board (KlyngeDb  *db,
                           gint64     cluster_id,
                           GError   **error)
{
  g_autofree char *today = klynge_rules_today ();
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT m.id, m.name, r.role, r.from_date FROM member_role r JOIN member m ON m.id = r.member_id "
    "WHERE m.cluster_id = ?1 AND m.left_on IS NULL AND r.role <> 'member' "
    "  AND (r.from_date IS NULL OR r.from_date <= ?2) AND (r.to_date IS NULL OR r.to_date >= ?2) "
    "ORDER BY CASE r.role WHEN 'chair' THEN 0 WHEN 'coordinator' THEN 1 WHEN 'deputy' THEN 2 "
    "  WHEN 'treasurer' THEN 3 WHEN 'secretary' THEN 4 ELSE 5 END, m.name");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, today);
  return klynge_db_statement_collect (stmt, seat_from_row, seat_free, error);
}
