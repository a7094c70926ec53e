/* test-snapshot.c — deleting any kind of object and undoing it leaves the
 * whole database as it was
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-clinic.h"
#include "klynge-cluster.h"
#include "klynge-ledger.h"
#include "klynge-meeting.h"
#include "klynge-member.h"
#include "klynge-snapshot.h"
#include "klynge-test-utils.h"

/* The demo has no rows in some tables; these give every table some, each
 * pointing at clinics, members and meetings a delete takes with it. */
static const char fill_empty_tables[] =
  "INSERT INTO topic_proposal (cluster_id, title, proposed_by, topic_id, created_on) "
  "  SELECT cluster_id, 'Proposal of ' || name, id, (SELECT min(id) FROM topic), '2026-01-02' FROM member;"
  "INSERT INTO meeting_speaker (meeting_id, name, organisation, fee) SELECT id, 'Speaker', 'Org', 100000 FROM meeting;"
  "INSERT INTO guest (meeting_id, name) SELECT id, 'Guest' FROM meeting;"
  "INSERT INTO import_batch (cluster_id, file_name, imported_at, row_count) "
  "  SELECT id, 'replacing.csv', '2026-02-03T04:05:06Z', 1 FROM cluster;"
  "UPDATE measurement SET batch_id = (SELECT max(id) FROM import_batch) WHERE rowid % 2 = 0;"
  "INSERT INTO import_replaced (batch_id, indicator_id, clinic_id, period, numerator, denominator, value, old_batch_id) "
  "  SELECT (SELECT max(id) FROM import_batch), indicator_id, clinic_id, period, numerator, denominator, value, NULL "
  "  FROM measurement WHERE rowid % 3 = 0;"
  "INSERT INTO import_left_out (batch_id, line, reason) SELECT max(id), 7, 'left out' FROM import_batch;"
  "INSERT INTO indicator_reference (indicator_id, period, area, numerator, denominator, value, batch_id) "
  "  SELECT id, '2026-Q1', 'Hele landet', 40, 100, NULL, (SELECT max(id) FROM import_batch) FROM indicator;"
  "INSERT INTO import_mapping (cluster_id, name, definition) SELECT id, 'Mapping', '{}' FROM cluster;"
  "INSERT INTO clinic_alias (cluster_id, alias, clinic_id) SELECT cluster_id, 'alias ' || id, id FROM clinic;"
  "INSERT INTO budget_line (cluster_id, year, category_id, amount) SELECT cluster_id, 2026, id, 5000 FROM ledger_category;"
  "INSERT INTO locked_year (cluster_id, year) SELECT id, 2001 FROM cluster;"
  "INSERT INTO clinic_letter (cluster_id, meeting_id, clinic_id, position, dealt_at) "
  "  SELECT c.cluster_id, m.id, c.id, c.id, '2026-01-01T00:00:00Z' FROM clinic c, meeting m;"
  "INSERT INTO clinic_letter (cluster_id, meeting_id, clinic_id, position, dealt_at) "
  "  SELECT cluster_id, NULL, id, id, '2026-01-01T00:00:00Z' FROM clinic;"
  "UPDATE meeting SET follow_up_of = (SELECT min(id) FROM meeting), "
  "  facilitator_id = (SELECT max(id) FROM member) WHERE id <> (SELECT min(id) FROM meeting);"
  "UPDATE ledger_entry SET meeting_id = (SELECT min(id) FROM meeting) WHERE id % 2 = 0;";

typedef KlyngeSnapshot *(*DeleteFunc) (KlyngeTestDemo  *f,
                                       gint64           id,
                                       GError         **error);

static void
append_value (GString      *out,
              sqlite3_stmt *stmt,
              int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      g_string_append (out, "NULL");
      break;
    case SQLITE_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
      break;
    case SQLITE_FLOAT:
      g_string_append_printf (out, "%.17g", sqlite3_column_double (stmt, column));
      break;
    default:
      {
        const guchar *bytes = sqlite3_column_blob (stmt, column);
        int n = sqlite3_column_bytes (stmt, column);

        g_string_append_printf (out, "%s'", sqlite3_column_type (stmt, column) == SQLITE_BLOB ? "X" : "");
        for (int i = 0; i < n; i++)
          g_string_append_printf (out, sqlite3_column_type (stmt, column) == SQLITE_BLOB ? "%02x" : "%c", bytes[i]);
        g_string_append_c (out, '\'');
      }
    }
}

/* What the sqlite3 shell's .dump writes: the schema, then every row of every
 * table, rowids included so rows put back under other ones show (a table
 * WITHOUT ROWID has none: its rows are in key order). */
static char *
dump (KlyngeDb *db)
{
  sqlite3 *handle = klynge_db_get_handle (db);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *tables;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT s.type, s.name, s.sql, coalesce (t.wr, 0) FROM sqlite_schema AS s "
                                       "LEFT JOIN pragma_table_list AS t ON t.schema = 'main' AND t.name = s.name "
                                       "ORDER BY s.rowid",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 1);
      char *sql;
      sqlite3_stmt *rows;

      g_string_append_printf (out, "%s;\n", sqlite3_column_text (tables, 2));
      if (!g_str_equal (sqlite3_column_text (tables, 0), "table"))
        continue;
      sql = sqlite3_mprintf (sqlite3_column_int (tables, 3) ? "SELECT * FROM \"%w\"" : "SELECT rowid, * FROM \"%w\"", name);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &rows, NULL), ==, SQLITE_OK);
      sqlite3_free (sql);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          g_string_append_printf (out, "INSERT INTO %s VALUES(", name);
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            {
              if (c > 0)
                g_string_append_c (out, ',');
              append_value (out, rows, c);
            }
          g_string_append (out, ");\n");
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GArray *
ids (KlyngeTestDemo *f,
     const char     *sql)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (klynge_db_get_handle (f->db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, f->cluster);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (ids->len, >, 0);
  return ids;
}

static void
fill (KlyngeTestDemo *f)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *tables;

  g_assert_true (klynge_db_exec (f->db, fill_empty_tables, &error));
  g_assert_no_error (error);

  /* A table added later gets rows here too, or this test says so. */
  g_assert_cmpint (sqlite3_prepare_v2 (klynge_db_get_handle (f->db),
                                       "SELECT name FROM sqlite_schema WHERE type = 'table'", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      char *sql = sqlite3_mprintf ("SELECT count(*) FROM \"%w\"", sqlite3_column_text (tables, 0));

      if (klynge_test_count (f->db, sql, 0) == 0)
        g_error ("the fixture has no rows in %s", sqlite3_column_text (tables, 0));
      sqlite3_free (sql);
    }
  sqlite3_finalize (tables);
}

/* Deletes each object @select lists, one at a time, undoing each: the
 * database is back byte for byte every time, and a redo leaves it byte for
 * byte as the delete did. */
static void
delete_each_and_undo (KlyngeTestDemo *f,
                      const char     *select,
                      DeleteFunc      delete)
{
  g_autoptr(GArray) all = NULL;
  g_autofree char *before = NULL;

  fill (f);
  all = ids (f, select);
  before = dump (f->db);
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KlyngeSnapshot) snapshot = delete (f, g_array_index (all, gint64, i), &error);
      g_autofree char *deleted = NULL;
      g_autofree char *after = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (snapshot);
      deleted = dump (f->db);
      g_assert_cmpstr (deleted, !=, before);
      klynge_test_assert_measurement_counts (f->db);
      g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
      g_assert_no_error (error);
      after = dump (f->db);
      g_assert_cmpstr (after, ==, before);
      g_clear_pointer (&after, g_free);

      /* Redo deletes it again exactly as the delete did; undo once more. */
      g_assert_true (klynge_snapshot_redo (snapshot, f->db, &error));
      g_assert_no_error (error);
      after = dump (f->db);
      g_assert_cmpstr (after, ==, deleted);
      g_clear_pointer (&after, g_free);
      g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
      g_assert_no_error (error);
      after = dump (f->db);
      g_assert_cmpstr (after, ==, before);
      klynge_test_assert_measurement_counts (f->db);
    }
  klynge_test_assert_integrity (klynge_db_get_handle (f->db));
}

static KlyngeSnapshot *
delete_clinic_with_members (KlyngeTestDemo  *f,
                            gint64           id,
                            GError         **error)
{
  return klynge_clinic_delete (f->db, f->cluster, id, KLYNGE_CLINIC_MEMBERS_REMOVE, 0, error);
}

static KlyngeSnapshot *
delete_clinic_moving_members (KlyngeTestDemo  *f,
                              gint64           id,
                              GError         **error)
{
  gint64 other = klynge_test_count (f->db, "SELECT min(id) FROM clinic WHERE id <> ?1", id);

  return klynge_clinic_delete (f->db, f->cluster, id, KLYNGE_CLINIC_MEMBERS_MOVE, other, error);
}

static KlyngeSnapshot *
delete_member (KlyngeTestDemo  *f,
               gint64           id,
               GError         **error)
{
  return klynge_member_delete (f->db, f->cluster, id, error);
}

static KlyngeSnapshot *
delete_meeting (KlyngeTestDemo  *f,
                gint64           id,
                GError         **error)
{
  return klynge_meeting_delete (f->db, id, error);
}

static KlyngeSnapshot *
delete_ledger_entry (KlyngeTestDemo  *f,
                     gint64           id,
                     GError         **error)
{
  return klynge_ledger_delete_entry (f->db, f->cluster, id, error);
}

static KlyngeSnapshot *
delete_cluster (KlyngeTestDemo  *f,
                gint64           id,
                GError         **error)
{
  return klynge_cluster_delete (f->db, id, NULL, error);
}

/* Each kind of object a user deletes: every one of the cluster's, in turn. */
typedef struct
{
  const char *path;
  const char *ids_sql;  /* ?1: the cluster */
  DeleteFunc  delete;
} Kind;

static const Kind kinds[] = {
  { "/snapshot/clinic/with-members", "SELECT id FROM clinic WHERE cluster_id = ?1", delete_clinic_with_members },
  { "/snapshot/clinic/moving-members", "SELECT id FROM clinic WHERE cluster_id = ?1", delete_clinic_moving_members },
  { "/snapshot/member", "SELECT id FROM member WHERE cluster_id = ?1", delete_member },
  { "/snapshot/meeting", "SELECT id FROM meeting WHERE cluster_id = ?1", delete_meeting },
  { "/snapshot/ledger-entry", "SELECT id FROM ledger_entry WHERE cluster_id = ?1", delete_ledger_entry },
  /* A whole cluster, with the indicators of its own topics the schema
   * does not let go by themselves. */
  { "/snapshot/cluster", "SELECT id FROM cluster WHERE id = ?1", delete_cluster },
};

static void
test_kind (KlyngeTestDemo *f,
           gconstpointer   data)
{
  const Kind *kind = data;

  delete_each_and_undo (f, kind->ids_sql, kind->delete);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM cluster", 0), ==, 1);
}

/* The replaced measurements a clinic's delete took come back with it: an
 * import-undo afterwards restores all of them. */
static void
test_clinic_keeps_replaced (KlyngeTestDemo *f,
                            gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeSnapshot) snapshot = NULL;
  gint64 clinic;
  gint64 replaced;

  fill (f);
  clinic = klynge_test_count (f->db, "SELECT min(clinic_id) FROM import_replaced", 0);
  replaced = klynge_test_count (f->db, "SELECT count(*) FROM import_replaced WHERE clinic_id = ?1", clinic);
  g_assert_cmpint (replaced, >, 0);

  snapshot = delete_clinic_with_members (f, clinic, &error);
  g_assert_no_error (error);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM import_replaced WHERE clinic_id = ?1", clinic), ==, 0);
  g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM import_replaced WHERE clinic_id = ?1", clinic), ==, replaced);
}

/* A row changed in place: Undo sets every column back, Redo forth again. */
static void
test_edit (KlyngeTestDemo *f,
           gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeSnapshot) snapshot = klynge_snapshot_new ();
  gint64 entry = klynge_test_count (f->db, "SELECT min(id) FROM ledger_entry WHERE cluster_id = ?1", f->cluster);
  gint64 amount = klynge_test_count (f->db, "SELECT amount FROM ledger_entry WHERE id = ?1", entry);

  g_assert_true (klynge_db_begin (f->db, &error));
  g_assert_true (klynge_snapshot_capture_edit (snapshot, f->db, "ledger_entry", entry, &error));
  g_assert_true (klynge_db_exec (f->db, "UPDATE ledger_entry SET amount = 1, counterparty = 'Changed' "
                                        "WHERE id = (SELECT min(id) FROM ledger_entry)", &error));
  g_assert_true (klynge_snapshot_finish (snapshot, f->db, &error));
  g_assert_true (klynge_db_commit (f->db, &error));

  g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT amount FROM ledger_entry WHERE id = ?1", entry), ==, amount);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM ledger_entry WHERE counterparty = 'Changed'", 0), ==, 0);
  g_assert_true (klynge_snapshot_redo (snapshot, f->db, &error));
  g_assert_cmpint (klynge_test_count (f->db, "SELECT amount FROM ledger_entry WHERE id = ?1", entry), ==, 1);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM ledger_entry WHERE counterparty = 'Changed'", 0), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, KlyngeTestDemo, NULL, klynge_test_demo_set_up, func, klynge_test_demo_tear_down)
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_test_add (kinds[i].path, KlyngeTestDemo, &kinds[i], klynge_test_demo_set_up, test_kind, klynge_test_demo_tear_down);
  ADD ("/snapshot/clinic/keeps-replaced", test_clinic_keeps_replaced);
  ADD ("/snapshot/edit", test_edit);
#undef ADD

  return g_test_run ();
}
