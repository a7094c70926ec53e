/* klynge-db-migrations.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One function per schema version. A released step is never edited: a change
 * to the schema is a new step that brings version N-1 to N. Each step runs in
 * its own transaction together with the new user_version, so a database is
 * always at exactly one version.
 */

#define G_LOG_DOMAIN "klynge-db"

#include "klynge-i18n.h"

#include "klynge-backup.h"
#include "klynge-db-statement.h"
#include "klynge-db.h"
#include "klynge-period.h"

typedef gboolean (*MigrationFunc) (KlyngeDb *db, GError **error);

/* Version 1: the objects of PRODUCT.md. Money is integer minor units (øre,
 * pence); dates are ISO 8601 text ("2026-03-14", "2026-03-14T17:00") in the
 * cluster's time zone; periods are free text as the data sources name them
 * ("2026-Q1"). */
static const char schema_v1[] =
  "PRAGMA application_id = 1263294798;"

  "CREATE TABLE cluster ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  region TEXT NOT NULL DEFAULT '',"
  "  municipalities TEXT NOT NULL DEFAULT '',"
  "  registration_number TEXT NOT NULL DEFAULT '',"
  "  bank_account TEXT NOT NULL DEFAULT '',"
  "  founded_on TEXT,"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  attendance_threshold REAL NOT NULL DEFAULT 0.75 CHECK (attendance_threshold BETWEEN 0 AND 1),"
  "  min_listed_patients INTEGER NOT NULL DEFAULT 30000 CHECK (min_listed_patients >= 0),"
  "  currency TEXT NOT NULL DEFAULT 'DKK' CHECK (length(currency) = 3),"
  "  start_grant_per_gp INTEGER NOT NULL DEFAULT 1000000 CHECK (start_grant_per_gp >= 0),"
  "  grant_per_patient INTEGER NOT NULL DEFAULT 426 CHECK (grant_per_patient >= 0),"
  "  time_zone TEXT NOT NULL DEFAULT 'Europe/Copenhagen',"
  "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"

  "CREATE TABLE clinic ("
  "  id INTEGER PRIMARY KEY,"
  "  cluster_id INTEGER NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  provider_number TEXT,"
  "  address TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  listed_patients INTEGER NOT NULL DEFAULT 0 CHECK (listed_patients >= 0),"
  "  record_system TEXT NOT NULL DEFAULT '',"
  "  joined_on TEXT,"
  "  left_on TEXT,"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (cluster_id, provider_number)"
  ");"
  "CREATE INDEX clinic_cluster ON clinic (cluster_id, name);"

  "CREATE TABLE member ("
  "  id INTEGER PRIMARY KEY,"
  "  cluster_id INTEGER NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,"
  "  clinic_id INTEGER REFERENCES clinic (id) ON DELETE RESTRICT,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  title TEXT NOT NULL DEFAULT 'gp' CHECK (title IN ('gp', 'trainee', 'nurse', 'secretary', 'other')),"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  joined_on TEXT,"
  "  left_on TEXT,"
  "  notes TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX member_cluster ON member (cluster_id, name);"
  "CREATE INDEX member_clinic ON member (clinic_id);"

  "CREATE TABLE member_role ("
  "  id INTEGER PRIMARY KEY,"
  "  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL CHECK (role IN ('coordinator', 'deputy', 'board', 'chair', 'treasurer', 'secretary', 'member')),"
  "  from_date TEXT,"
  "  to_date TEXT,"
  "  CHECK (to_date IS NULL OR from_date IS NULL OR to_date >= from_date)"
  ");"
  "CREATE INDEX member_role_member ON member_role (member_id);"

  "CREATE TABLE topic ("
  "  id INTEGER PRIMARY KEY,"
  "  cluster_id INTEGER REFERENCES cluster (id) ON DELETE CASCADE,"     /* NULL: shared library */
  "  package_key TEXT UNIQUE,"                                          /* shipped cluster package */
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  rationale TEXT NOT NULL DEFAULT '',"
  "  user_modified INTEGER NOT NULL DEFAULT 0 CHECK (user_modified IN (0, 1))"
  ");"

  "CREATE TABLE indicator ("
  "  id INTEGER PRIMARY KEY,"
  "  topic_id INTEGER NOT NULL REFERENCES topic (id) ON DELETE RESTRICT,"
  "  package_key TEXT UNIQUE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  numerator_definition TEXT NOT NULL DEFAULT '',"
  "  denominator_definition TEXT NOT NULL DEFAULT '',"
  "  unit TEXT NOT NULL DEFAULT 'percent' CHECK (unit IN ('percent', 'count', 'rate', 'value')),"
  "  higher_is_better INTEGER NOT NULL DEFAULT 1 CHECK (higher_is_better IN (0, 1)),"
  "  data_source TEXT NOT NULL DEFAULT '',"
  "  reference_value REAL,"
  "  target_value REAL,"
  "  user_modified INTEGER NOT NULL DEFAULT 0 CHECK (user_modified IN (0, 1))"
  ");"
  "CREATE INDEX indicator_topic ON indicator (topic_id);"

  "CREATE TABLE topic_proposal ("
  "  id INTEGER PRIMARY KEY,"
  "  cluster_id INTEGER NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  proposed_by INTEGER REFERENCES member (id) ON DELETE SET NULL,"
  "  votes INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0),"
  "  topic_id INTEGER REFERENCES topic (id) ON DELETE SET NULL,"
  "  created_on TEXT NOT NULL DEFAULT (date('now'))"
  ");"

  "CREATE TABLE meeting ("
  "  id INTEGER PRIMARY KEY,"
  "  cluster_id INTEGER NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  topic_id INTEGER REFERENCES topic (id) ON DELETE SET NULL,"
  "  starts_at TEXT NOT NULL,"
  "  ends_at TEXT NOT NULL,"
  "  venue_name TEXT NOT NULL DEFAULT '',"
  "  venue_address TEXT NOT NULL DEFAULT '',"
  "  catering TEXT NOT NULL DEFAULT '',"
  "  facilitator_id INTEGER REFERENCES member (id) ON DELETE SET NULL,"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'invited', 'held', 'cancelled')),"
  "  minutes TEXT NOT NULL DEFAULT '',"
  "  follow_up_of INTEGER REFERENCES meeting (id) ON DELETE SET NULL,"
  "  CHECK (ends_at > starts_at)"
  ");"
  "CREATE INDEX meeting_cluster ON meeting (cluster_id, starts_at);"

  "CREATE TABLE meeting_speaker ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  fee INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0)"
  ");"
  "CREATE INDEX meeting_speaker_meeting ON meeting_speaker (meeting_id);"

  "CREATE TABLE agenda_item ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL CHECK (position >= 0),"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  kind TEXT NOT NULL DEFAULT 'plenary' CHECK (kind IN ('welcome', 'data', 'group', 'plenary', 'speaker', 'pdsa', 'break')),"
  "  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),"
  "  notes TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position);"

  "CREATE TABLE invitation ("
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,"
  "  status TEXT NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'accepted', 'declined', 'no_answer')),"
  "  sent_at TEXT,"
  "  responded_at TEXT,"
  "  PRIMARY KEY (meeting_id, member_id)"
  ");"
  "CREATE INDEX invitation_member ON invitation (member_id);"

  "CREATE TABLE attendance ("
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,"
  "  status TEXT NOT NULL CHECK (status IN ('present', 'excused', 'absent')),"
  "  late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),"
  "  PRIMARY KEY (meeting_id, member_id)"
  ");"
  "CREATE INDEX attendance_member ON attendance (member_id);"

  "CREATE TABLE guest ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  organisation TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX guest_meeting ON guest (meeting_id);"

  "CREATE TABLE data_request ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  clinic_id INTEGER NOT NULL REFERENCES clinic (id) ON DELETE CASCADE,"
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,"
  "  period TEXT NOT NULL DEFAULT '',"
  "  due_on TEXT,"
  "  status TEXT NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'received', 'late')),"
  "  UNIQUE (meeting_id, clinic_id, indicator_id)"
  ");"
  "CREATE INDEX data_request_clinic ON data_request (clinic_id);"

  "CREATE TABLE import_batch ("
  "  id INTEGER PRIMARY KEY,"
  "  cluster_id INTEGER NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,"
  "  file_name TEXT NOT NULL,"
  "  checksum TEXT NOT NULL DEFAULT '',"
  "  source TEXT NOT NULL DEFAULT '',"
  "  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  row_count INTEGER NOT NULL DEFAULT 0 CHECK (row_count >= 0)"
  ");"
  "CREATE INDEX import_batch_cluster ON import_batch (cluster_id, imported_at);"

  "CREATE TABLE measurement ("
  "  id INTEGER PRIMARY KEY,"
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,"
  "  clinic_id INTEGER NOT NULL REFERENCES clinic (id) ON DELETE CASCADE,"
  "  period TEXT NOT NULL CHECK (length(trim(period)) > 0),"
  "  numerator INTEGER CHECK (numerator >= 0),"
  "  denominator INTEGER CHECK (denominator >= 0),"
  "  value REAL,"
  "  batch_id INTEGER REFERENCES import_batch (id) ON DELETE CASCADE,"   /* NULL: typed in */
  "  CHECK (numerator IS NULL OR denominator IS NULL OR numerator <= denominator),"
  "  CHECK ((numerator IS NOT NULL AND denominator IS NOT NULL) OR value IS NOT NULL),"
  "  UNIQUE (indicator_id, clinic_id, period)"
  ");"
  "CREATE INDEX measurement_indicator ON measurement (indicator_id, period);"
  "CREATE INDEX measurement_clinic ON measurement (clinic_id);"
  "CREATE INDEX measurement_batch ON measurement (batch_id);"

  "CREATE TABLE import_mapping ("
  "  id INTEGER PRIMARY KEY,"
  "  cluster_id INTEGER NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  definition TEXT NOT NULL,"                                         /* JSON */
  "  UNIQUE (cluster_id, name)"
  ");"

  "CREATE TABLE clinic_alias ("
  "  cluster_id INTEGER NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,"
  "  alias TEXT NOT NULL,"
  "  clinic_id INTEGER NOT NULL REFERENCES clinic (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (cluster_id, alias)"
  ");"

  "CREATE TABLE ledger_category ("
  "  id INTEGER PRIMARY KEY,"
  "  cluster_id INTEGER NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,"
  "  key TEXT,"                                                         /* built-in categories */
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  kind TEXT NOT NULL CHECK (kind IN ('income', 'expense')),"
  "  UNIQUE (cluster_id, name)"
  ");"

  "CREATE TABLE ledger_entry ("
  "  id INTEGER PRIMARY KEY,"
  "  cluster_id INTEGER NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,"
  "  entry_date TEXT NOT NULL,"
  "  amount INTEGER NOT NULL CHECK (amount > 0),"
  "  kind TEXT NOT NULL CHECK (kind IN ('income', 'expense')),"
  "  category_id INTEGER NOT NULL REFERENCES ledger_category (id) ON DELETE RESTRICT,"
  "  counterparty TEXT NOT NULL DEFAULT '',"
  "  meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,"
  "  reference TEXT NOT NULL DEFAULT '',"
  "  attachment_path TEXT,"
  "  note TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX ledger_entry_cluster ON ledger_entry (cluster_id, entry_date);"
  "CREATE INDEX ledger_entry_category ON ledger_entry (category_id);"
  "CREATE INDEX ledger_entry_meeting ON ledger_entry (meeting_id);"

  "CREATE TABLE budget_line ("
  "  id INTEGER PRIMARY KEY,"
  "  cluster_id INTEGER NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2200),"
  "  category_id INTEGER NOT NULL REFERENCES ledger_category (id) ON DELETE CASCADE,"
  "  amount INTEGER NOT NULL CHECK (amount >= 0),"
  "  UNIQUE (cluster_id, year, category_id)"
  ");"

  "CREATE TABLE locked_year ("
  "  cluster_id INTEGER NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,"
  "  year INTEGER NOT NULL,"
  "  PRIMARY KEY (cluster_id, year)"
  ");"
  ;

static gboolean
migrate_to_v1 (KlyngeDb  *db,
               GError   **error)
{
  return klynge_db_exec (db, schema_v1, error);
}

/* The import: measurements an import replaced, so that undoing it puts
 * them back instead of losing them. */
static const char schema_import[] =
  "CREATE TABLE import_replaced ("
  "  batch_id INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,"
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,"
  "  clinic_id INTEGER NOT NULL REFERENCES clinic (id) ON DELETE CASCADE,"
  "  period TEXT NOT NULL,"
  "  numerator INTEGER,"
  "  denominator INTEGER,"
  "  value REAL,"
  "  old_batch_id INTEGER"
  ");"
  "CREATE INDEX import_replaced_batch ON import_replaced (batch_id);"
  ;

static gboolean
migrate_import (KlyngeDb  *db,
                GError   **error)
{
  return klynge_db_exec (db, schema_import, error);
}

/* Charts: the letter each clinic was given for a meeting (meeting_id NULL:
 * for the cluster's charts without a meeting). Clinics are told their letter
 * before the meeting, so a letter once dealt is kept when clinics come and
 * go. Deleting a clinic leaves its letter spent (clinic_id NULL), never dealt
 * again while the meeting exists; undoing the delete points it back. */
static const char schema_letters[] =
  "CREATE TABLE clinic_letter ("
  "  id INTEGER PRIMARY KEY,"
  "  cluster_id INTEGER NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,"
  "  meeting_id INTEGER REFERENCES meeting (id) ON DELETE CASCADE,"
  "  clinic_id INTEGER REFERENCES clinic (id) ON DELETE SET NULL,"
  "  position INTEGER NOT NULL CHECK (position >= 0),"                   /* 0 is A, 26 is AA */
  "  dealt_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  /* NULLs are distinct in a UNIQUE index, so the scope is ifnull(meeting_id, 0). */
  "CREATE UNIQUE INDEX clinic_letter_position ON clinic_letter (cluster_id, ifnull (meeting_id, 0), position);"
  "CREATE UNIQUE INDEX clinic_letter_clinic ON clinic_letter (cluster_id, ifnull (meeting_id, 0), clinic_id);"
  "CREATE INDEX clinic_letter_meeting ON clinic_letter (meeting_id);"
  "CREATE INDEX clinic_letter_of_clinic ON clinic_letter (clinic_id);"
  ;

static gboolean
migrate_letters (KlyngeDb  *db,
                 GError   **error)
{
  return klynge_db_exec (db, schema_letters, error);
}

/* A proportion's numerator is at most its denominator; a rate's may be
 * more. A CHECK cannot look at the indicator, so triggers hold the rule,
 * on the measurements and on a change of an indicator's type. */
#define MEASUREMENT_PROPORTION_TRIGGERS \
  "CREATE TRIGGER measurement_proportion_insert BEFORE INSERT ON measurement " \
  "  WHEN NEW.numerator > NEW.denominator " \
  "   AND (SELECT unit FROM indicator WHERE id = NEW.indicator_id) = 'percent' " \
  "BEGIN SELECT RAISE (ABORT, 'the numerator of a proportion is greater than its denominator'); END;" \
  "CREATE TRIGGER measurement_proportion_update BEFORE UPDATE OF indicator_id, numerator, denominator ON measurement " \
  "  WHEN NEW.numerator > NEW.denominator " \
  "   AND (SELECT unit FROM indicator WHERE id = NEW.indicator_id) = 'percent' " \
  "BEGIN SELECT RAISE (ABORT, 'the numerator of a proportion is greater than its denominator'); END;" \
  "CREATE TRIGGER indicator_proportion_unit BEFORE UPDATE OF unit ON indicator " \
  "  WHEN NEW.unit = 'percent' " \
  "   AND EXISTS (SELECT 1 FROM measurement WHERE indicator_id = NEW.id AND numerator > denominator) " \
  "BEGIN SELECT RAISE (ABORT, 'a measurement of the indicator has a numerator greater than its denominator'); END;"

/* SQLite changes a column's CHECK only by building the table anew: the
 * steps that rebuild the measurement table create the new one from the
 * columns version 1 had, plus their own, then move the rows over with
 * MEASUREMENT_MOVE_TO and index the result as version 1 did. */
#define MEASUREMENT_COLUMNS_V1 \
  "  id INTEGER PRIMARY KEY," \
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE," \
  "  clinic_id INTEGER NOT NULL REFERENCES clinic (id) ON DELETE CASCADE," \
  "  period TEXT NOT NULL CHECK (length(trim(period)) > 0)," \
  "  numerator INTEGER CHECK (numerator >= 0)," \
  "  denominator INTEGER CHECK (denominator >= 0)," \
  "  value REAL," \
  "  batch_id INTEGER REFERENCES import_batch (id) ON DELETE CASCADE,"

#define MEASUREMENT_MOVE_TO(new_table) \
  "INSERT INTO " #new_table " (id, indicator_id, clinic_id, period, numerator, denominator, value, batch_id) " \
  "  SELECT id, indicator_id, clinic_id, period, numerator, denominator, value, batch_id FROM measurement;" \
  "DROP TABLE measurement;" \
  "ALTER TABLE " #new_table " RENAME TO measurement;" \
  "CREATE INDEX measurement_indicator ON measurement (indicator_id, period);" \
  "CREATE INDEX measurement_clinic ON measurement (clinic_id);" \
  "CREATE INDEX measurement_batch ON measurement (batch_id);"

/* Periods and indicator types. A period is stored as its key ("2024-Q4",
 * klynge-period.h), so that it is stored once however a file wrote it and
 * ordered by time (COLLATE klynge_period). An indicator's unit is its type:
 * a proportion ("percent") keeps numerator ≤ denominator, a rate counts
 * events per rate_per people, so its numerator may exceed its denominator
 * (antibacterial items per 1,000 patients). A CHECK cannot look at another
 * table, so the measurement table loses its CHECK and triggers hold the rule
 * for proportions only. */
static const char schema_periods[] =
  "ALTER TABLE indicator ADD COLUMN rate_per INTEGER NOT NULL DEFAULT 1000 CHECK (rate_per IN (1000, 100000));"

  "CREATE TABLE measurement_typed ("
  MEASUREMENT_COLUMNS_V1
  "  CHECK ((numerator IS NOT NULL AND denominator IS NOT NULL) OR value IS NOT NULL),"
  "  UNIQUE (indicator_id, clinic_id, period)"
  ");"
  MEASUREMENT_MOVE_TO (measurement_typed)

  MEASUREMENT_PROPORTION_TRIGGERS
  ;

/* Rewrites one table's periods to their keys. Text that is no period, or
 * whose key another measurement of the same clinic and indicator already
 * has, stays as it was: klynge_periods_list_unreadable() lists it. */
static gboolean
rewrite_periods (KlyngeDb    *db,
                 const char  *select_sql,
                 const char  *update_sql,
                 GError     **error)
{
  g_autoptr(KlyngeDbStatement) select = klynge_db_statement_new (db, select_sql);
  g_autoptr(GPtrArray) texts = klynge_db_statement_collect_text (select, error);

  if (texts == NULL)
    return FALSE;

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      KlyngePeriod period;
      g_autofree char *key = NULL;
      g_autoptr(KlyngeDbStatement) stmt = NULL;

      if (klynge_period_from_key (text, -1, &period) || !klynge_period_parse (text, &period, NULL))
        continue;
      key = klynge_period_to_key (&period);
      stmt = klynge_db_statement_new (db, update_sql);
      klynge_db_statement_bind_text (stmt, 1, key);
      klynge_db_statement_bind_text (stmt, 2, text);
      if (!klynge_db_statement_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
migrate_periods (KlyngeDb  *db,
                 GError   **error)
{
  return klynge_db_exec (db, schema_periods, error) &&
         rewrite_periods (db, "SELECT DISTINCT period FROM measurement",
                          "UPDATE OR IGNORE measurement SET period = ?1 WHERE period = ?2", error) &&
         rewrite_periods (db, "SELECT DISTINCT period FROM import_replaced",
                          "UPDATE import_replaced SET period = ?1 WHERE period = ?2", error) &&
         rewrite_periods (db, "SELECT DISTINCT period FROM data_request WHERE period != ''",
                          "UPDATE data_request SET period = ?1 WHERE period = ?2", error);
}

/* Invitations calendars keep (RFC 5546): SEQUENCE counts the changes of
 * time, place and status a calendar must apply, and the date by which members
 * are asked to answer. The accounts' balance before the first booked year,
 * typed in once, is carried into every year after it. */
static const char schema_invitations[] =
  "ALTER TABLE meeting ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0);"
  "ALTER TABLE meeting ADD COLUMN reply_by TEXT;"
  "ALTER TABLE cluster ADD COLUMN opening_balance INTEGER NOT NULL DEFAULT 0;"
  ;

static gboolean
migrate_invitations (KlyngeDb  *db,
                     GError   **error)
{
  return klynge_db_exec (db, schema_invitations, error);
}

/* Real files: a value the publisher suppressed (“<5”, “c”) is stored as
 * such, neither a number nor lost, so the measurement's CHECK lets a
 * suppressed row go without numbers (SQLite changes a CHECK only by
 * rebuilding the table; the proportion rule stays in its triggers, so a
 * rate's numerator may still exceed its denominator). A batch keeps the rows it left out, and a
 * national or regional row of a file can be an indicator's reference value
 * for its period. */
static const char schema_real_files[] =
  /* Renaming the new table re-reads every trigger naming it. */
  "DROP TRIGGER indicator_proportion_unit;"
  "CREATE TABLE measurement_new ("
  MEASUREMENT_COLUMNS_V1
  "  status TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'suppressed')),"
  "  CHECK (CASE status WHEN 'ok' THEN (numerator IS NOT NULL AND denominator IS NOT NULL) OR value IS NOT NULL "
  "         ELSE numerator IS NULL AND denominator IS NULL AND value IS NULL END),"
  "  UNIQUE (indicator_id, clinic_id, period)"
  ");"
  MEASUREMENT_MOVE_TO (measurement_new)
  /* Dropping the old table took its triggers with it. */
  MEASUREMENT_PROPORTION_TRIGGERS

  "ALTER TABLE import_replaced ADD COLUMN status TEXT NOT NULL DEFAULT 'ok';"

  "ALTER TABLE import_batch ADD COLUMN left_out INTEGER NOT NULL DEFAULT 0 CHECK (left_out >= 0);"
  "CREATE TABLE import_left_out ("
  "  batch_id INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,"
  "  line INTEGER NOT NULL,"
  "  reason TEXT NOT NULL"
  ");"
  "CREATE INDEX import_left_out_batch ON import_left_out (batch_id, line);"

  "CREATE TABLE indicator_reference ("
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,"
  "  period TEXT NOT NULL CHECK (length(trim(period)) > 0),"
  "  area TEXT NOT NULL,"                                                /* "England", "Hele landet" */
  "  numerator INTEGER,"
  "  denominator INTEGER,"
  "  value REAL,"
  "  batch_id INTEGER REFERENCES import_batch (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (indicator_id, period)"
  ");"
  "CREATE INDEX indicator_reference_batch ON indicator_reference (batch_id);"
  ;

static gboolean
migrate_real_files (KlyngeDb  *db,
                    GError   **error)
{
  return klynge_db_exec (db, schema_real_files, error);
}

/* What a cluster's summary counts of its measurements, kept up to date by
 * triggers: counting a million rows on every open made `klynge-cli info`
 * and the window's summary cost time in proportion to the file. One row
 * per clinic and indicator that has measurements keeps the table small.
 * No foreign keys on purpose: the undo snapshots follow the foreign keys,
 * and restoring this table beside the measurements, whose triggers count
 * them again, would count them twice. WITHOUT ROWID keeps the rows in key
 * order, so a delete and its undo leave the same file content.
 * REPLACE would delete without firing the delete trigger (recursive
 * triggers are off): measurements are replaced by UPSERT, never REPLACE. */
static const char schema_measurement_counts[] =
  "CREATE TABLE measurement_count ("
  "  clinic_id INTEGER NOT NULL,"
  "  indicator_id INTEGER NOT NULL,"
  "  n INTEGER NOT NULL CHECK (n > 0),"
  "  PRIMARY KEY (clinic_id, indicator_id)"
  ") WITHOUT ROWID;"
  "INSERT INTO measurement_count (clinic_id, indicator_id, n) "
  "  SELECT clinic_id, indicator_id, count(*) FROM measurement GROUP BY clinic_id, indicator_id;"

  "CREATE TRIGGER measurement_count_insert AFTER INSERT ON measurement BEGIN "
  "  INSERT INTO measurement_count (clinic_id, indicator_id, n) VALUES (NEW.clinic_id, NEW.indicator_id, 1) "
  "    ON CONFLICT (clinic_id, indicator_id) DO UPDATE SET n = n + 1; "
  "END;"
  "CREATE TRIGGER measurement_count_delete AFTER DELETE ON measurement BEGIN "
  "  DELETE FROM measurement_count WHERE clinic_id = OLD.clinic_id AND indicator_id = OLD.indicator_id AND n = 1; "
  "  UPDATE measurement_count SET n = n - 1 WHERE clinic_id = OLD.clinic_id AND indicator_id = OLD.indicator_id; "
  "END;"
  "CREATE TRIGGER measurement_count_update AFTER UPDATE OF clinic_id, indicator_id ON measurement "
  "  WHEN OLD.clinic_id IS NOT NEW.clinic_id OR OLD.indicator_id IS NOT NEW.indicator_id BEGIN "
  "  DELETE FROM measurement_count WHERE clinic_id = OLD.clinic_id AND indicator_id = OLD.indicator_id AND n = 1; "
  "  UPDATE measurement_count SET n = n - 1 WHERE clinic_id = OLD.clinic_id AND indicator_id = OLD.indicator_id; "
  "  INSERT INTO measurement_count (clinic_id, indicator_id, n) VALUES (NEW.clinic_id, NEW.indicator_id, 1) "
  "    ON CONFLICT (clinic_id, indicator_id) DO UPDATE SET n = n + 1; "
  "END;"
  ;

static gboolean
migrate_measurement_counts (KlyngeDb  *db,
                            GError   **error)
{
  return klynge_db_exec (db, schema_measurement_counts, error);
}

/* A measurement corrected or typed in by hand says when, beside the file it
 * came from (if any), so the Data area can show where each number is from;
 * a data request received by hand (on paper, by phone) says how. */
static const char schema_hand_entries[] =
  "ALTER TABLE measurement ADD COLUMN edited_at TEXT;"
  "ALTER TABLE data_request ADD COLUMN received_note TEXT;"            /* NULL: received through an import */
  ;

static gboolean
migrate_hand_entries (KlyngeDb  *db,
                      GError   **error)
{
  return klynge_db_exec (db, schema_hand_entries, error);
}

/* An archived cluster is kept, read-only and out of the switcher, rather
 * than deleted: its history stays there to look up. */
static const char schema_cluster_archive[] =
  "ALTER TABLE cluster ADD COLUMN archived_at TEXT;"                   /* NULL: in use */
  ;

static gboolean
migrate_cluster_archive (KlyngeDb  *db,
                         GError   **error)
{
  return klynge_db_exec (db, schema_cluster_archive, error);
}

/* Dealing letters is bookkeeping the undo stack lets pass (see
 * klynge-chart-letters.c), so a new letter must never take the id of one a
 * deleted meeting took with it, which an undo puts back: AUTOINCREMENT
 * never gives an id twice. SQLite adds it only to a table being created. */
static const char schema_letter_ids[] =
  "CREATE TABLE clinic_letter_new ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  cluster_id INTEGER NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,"
  "  meeting_id INTEGER REFERENCES meeting (id) ON DELETE CASCADE,"
  "  clinic_id INTEGER REFERENCES clinic (id) ON DELETE SET NULL,"
  "  position INTEGER NOT NULL CHECK (position >= 0),"                   /* 0 is A, 26 is AA */
  "  dealt_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  "INSERT INTO clinic_letter_new (id, cluster_id, meeting_id, clinic_id, position, dealt_at) "
  "  SELECT id, cluster_id, meeting_id, clinic_id, position, dealt_at FROM clinic_letter;"
  "DROP TABLE clinic_letter;"
  "ALTER TABLE clinic_letter_new RENAME TO clinic_letter;"
  "CREATE UNIQUE INDEX clinic_letter_position ON clinic_letter (cluster_id, ifnull (meeting_id, 0), position);"
  "CREATE UNIQUE INDEX clinic_letter_clinic ON clinic_letter (cluster_id, ifnull (meeting_id, 0), clinic_id);"
  "CREATE INDEX clinic_letter_meeting ON clinic_letter (meeting_id);"
  "CREATE INDEX clinic_letter_of_clinic ON clinic_letter (clinic_id);"
  ;

static gboolean
migrate_letter_ids (KlyngeDb  *db,
                    GError   **error)
{
  return klynge_db_exec (db, schema_letter_ids, error);
}

static const MigrationFunc migrations[] = {
  migrate_to_v1,
  migrate_import,
  migrate_letters,
  migrate_periods,
  migrate_invitations,
  migrate_real_files,
  migrate_measurement_counts,
  migrate_hand_entries,
  migrate_cluster_archive,
  migrate_letter_ids,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KLYNGE_DB_SCHEMA_VERSION);

gboolean
_klynge_db_migrate (KlyngeDb  *self,
                    GError   **error)
{
  int version = klynge_db_get_schema_version (self);

  /* A new, empty file has nothing to lose; anything else is copied as it
   * was before the first step touches it. */
  if (version > 0 && version < KLYNGE_DB_SCHEMA_VERSION)
    {
      g_autofree char *reason = g_strdup_printf ("before-update-to-%d", KLYNGE_DB_SCHEMA_VERSION);
      g_autofree char *backup = klynge_backup_create (self, reason, error);

      if (backup == NULL)
        {
          g_prefix_error (error, _("The database was not updated, because no backup could be made first: "));
          return FALSE;
        }
    }

  for (int v = version; v < KLYNGE_DB_SCHEMA_VERSION; v++)
    {
      /* PRAGMA takes no parameters; the number comes from this table. */
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v + 1);

      if (!klynge_db_begin (self, error))
        return FALSE;

      if (!migrations[v] (self, error) ||
          !klynge_db_exec (self, set_version, error) ||
          !klynge_db_commit (self, error))
        {
          klynge_db_rollback (self);
          g_prefix_error (error, _("Could not update the database to format %d: "), v + 1);
          return FALSE;
        }
    }

  return TRUE;
}

/* The measurement table's secondary indexes, as the schema defines them. A
 * bulk import drops them and builds them again after its inserts. They are
 * named here, never read from the file: a crafted file's schema would
 * otherwise choose the SQL the import runs. */
static const struct
{
  const char *drop;
  const char *create;
} measurement_indexes[] = {
  { "DROP INDEX IF EXISTS measurement_indicator",
    "CREATE INDEX IF NOT EXISTS measurement_indicator ON measurement (indicator_id, period)" },
  { "DROP INDEX IF EXISTS measurement_clinic",
    "CREATE INDEX IF NOT EXISTS measurement_clinic ON measurement (clinic_id)" },
  { "DROP INDEX IF EXISTS measurement_batch",
    "CREATE INDEX IF NOT EXISTS measurement_batch ON measurement (batch_id)" },
};

gboolean
klynge_db_drop_measurement_indexes (KlyngeDb  *self,
                                    GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (measurement_indexes); i++)
    if (!klynge_db_exec (self, measurement_indexes[i].drop, error))
      return FALSE;
  return TRUE;
}

gboolean
klynge_db_create_measurement_indexes (KlyngeDb  *self,
                                      GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (measurement_indexes); i++)
    if (!klynge_db_exec (self, measurement_indexes[i].create, error))
      return FALSE;
  return TRUE;
}
