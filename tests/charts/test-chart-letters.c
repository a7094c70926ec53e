/* test-chart-letters.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A clinic told "you are C" before the meeting is C on every slide of that
 * meeting, whoever joins or leaves the cluster in between.
 */

#include <glib/gstdio.h>

#include "klynge-chart-data.h"
#include "klynge-chart-letters.h"
#include "klynge-clinic.h"
#include "klynge-meeting.h"
#include "klynge-snapshot.h"
#include "klynge-test-utils.h"

typedef KlyngeTestDemo Fixture;

/* The demo's diabetes meeting; its first indicator has every clinic's data. */
#define MEETING 4

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Clinic id → letter, as a string "1=E 2=G …" in clinic order, so a whole
 * deal compares in one assertion. */
static char *
describe (GHashTable *letters)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (gint64));
  GString *s = g_string_new (NULL);
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, letters);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_array_append_val (sorted, *(gint64 *) id);
  g_array_sort (sorted, compare_ids);
  for (guint i = 0; i < sorted->len; i++)
    {
      gint64 clinic = g_array_index (sorted, gint64, i);

      g_string_append_printf (s, "%s%" G_GINT64_FORMAT "=%s", i > 0 ? " " : "", clinic,
                              (const char *) g_hash_table_lookup (letters, &clinic));
    }
  return g_string_free (s, FALSE);
}

static GHashTable *
deal (KlyngeDb *db,
      gint64    cluster,
      gint64    meeting)
{
  return klynge_chart_letters_deal (db, cluster, meeting, NULL);
}

static gint64
add_clinic (KlyngeDb   *db,
            gint64      cluster,
            const char *name)
{
  sqlite3_stmt *stmt = klynge_db_prepare (db, "INSERT INTO clinic (cluster_id, name) VALUES (?1, ?2)", NULL);

  sqlite3_bind_int64 (stmt, 1, cluster);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  g_assert_true (klynge_db_step_done (db, stmt, NULL));
  return klynge_db_last_insert_id (db);
}

/* Every letter the scope has stored, spent ones included. */
static gint64
count_stored (KlyngeDb *db,
              gint64    meeting)
{
  return klynge_test_count (db, "SELECT count(*) FROM clinic_letter WHERE ifnull (meeting_id, 0) = ?1", meeting);
}

/* Each of @before's clinics has the same letter in @after. */
static void
assert_kept (GHashTable *before,
             GHashTable *after)
{
  GHashTableIter iter;
  gpointer id, letter;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &id, &letter))
    g_assert_cmpstr (g_hash_table_lookup (after, id), ==, letter);
}

static void
assert_no_letter_twice (GHashTable *letters)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer letter;

  g_hash_table_iter_init (&iter, letters);
  while (g_hash_table_iter_next (&iter, NULL, &letter))
    {
      g_assert_false (g_hash_table_contains (seen, letter));
      g_hash_table_add (seen, letter);
    }
}

static void
test_names (void)
{
  static const char *expected[] = { "A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA" };
  static const guint positions[] = { 0, 1, 25, 26, 51, 52, 701, 702 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *name = klynge_chart_letter_name (positions[i]);

      g_assert_cmpstr (name, ==, expected[i]);
    }
}

/* A file from before letters were stored: its meeting's first deal gives
 * the letters Klynge showed then (computed by that version for this file),
 * so clinics told their letter keep it through the update. */
static void
test_after_migration (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = klynge_test_copy_data ("schema-v2.sqlite", dir);
  g_autoptr(KlyngeDb) db = klynge_test_open_db (path);
  g_autoptr(GHashTable) letters = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (klynge_db_get_schema_version (db), ==, KLYNGE_DB_SCHEMA_VERSION);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM measurement", 0), ==, 162);
  g_assert_cmpint (count_stored (db, MEETING), ==, 0);

  letters = deal (db, 1, MEETING);
  text = describe (letters);
  g_assert_cmpstr (text, ==, "1=E 2=G 3=A 4=D 5=C 6=F 7=H 8=B 9=I");
  g_assert_cmpint (count_stored (db, MEETING), ==, 9);
  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

static void
test_clinic_added (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autoptr(GHashTable) before = deal (f->db, f->cluster, MEETING);
  g_autoptr(GHashTable) after = NULL;
  gint64 added;

  g_assert_cmpuint (g_hash_table_size (before), ==, 9);
  added = add_clinic (f->db, f->cluster, "Lægehuset Aaby");
  after = deal (f->db, f->cluster, MEETING);
  assert_kept (before, after);
  /* The newcomer gets the next letter, though its id would have shuffled it in. */
  g_assert_cmpstr (g_hash_table_lookup (after, &added), ==, "J");
  assert_no_letter_twice (after);
}

/* A deleted clinic's letter is spent: the others keep theirs, a newcomer
 * gets a new one, and undoing the delete gives it back to the clinic. */
static void
test_clinic_removed (Fixture       *f,
                     gconstpointer  user_data)
{
  g_autoptr(GHashTable) before = deal (f->db, f->cluster, MEETING);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GHashTable) restored = NULL;
  g_autoptr(KlyngeSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *removed_letter = NULL;
  gint64 removed = 3, added;

  removed_letter = g_strdup (g_hash_table_lookup (before, &removed));
  snapshot = klynge_clinic_delete (f->db, f->cluster, removed, KLYNGE_CLINIC_MEMBERS_REMOVE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_stored (f->db, MEETING), ==, 9);

  added = add_clinic (f->db, f->cluster, "Lægehuset Aaby");
  after = deal (f->db, f->cluster, MEETING);
  g_assert_false (g_hash_table_contains (after, &removed));
  g_hash_table_remove (before, &removed);
  assert_kept (before, after);
  g_assert_cmpstr (g_hash_table_lookup (after, &added), ==, "J");
  g_assert_cmpint (count_stored (f->db, MEETING), ==, 10);

  g_assert_true (klynge_snapshot_restore (snapshot, f->db, &error));
  g_assert_no_error (error);
  restored = deal (f->db, f->cluster, MEETING);
  g_assert_cmpstr (g_hash_table_lookup (restored, &removed), ==, removed_letter);
  assert_kept (after, restored);
  g_assert_cmpint (klynge_test_count (f->db, "SELECT count(*) FROM pragma_foreign_key_check", 0), ==, 0);
}

/* A clinic that brings data to the meeting (imported live) gets the next
 * letter on the chart; so does one with data that is not in the list. */
static void
test_clinic_with_data (Fixture       *f,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) indicators = klynge_chart_list_indicators (f->db, f->cluster, MEETING, &error);
  gint64 indicator = ((KlyngeChartIndicator *) g_ptr_array_index (indicators, 0))->id;
  g_autoptr(KlyngeChartData) first = klynge_chart_data_load (f->db, f->cluster, indicator, NULL, &error);
  g_autoptr(KlyngeChartData) second = NULL;
  g_autoptr(GHashTable) letters = NULL;
  g_autofree char *insert = NULL;
  gint64 other_cluster, stranger, newcomer;
  KlyngeChartRow *row;

  g_assert_no_error (error);
  klynge_chart_data_set_names (first, f->db, f->cluster, KLYNGE_CHART_ANONYMOUS, 0, MEETING);

  newcomer = add_clinic (f->db, f->cluster, "Lægehuset Aaby");
  insert = g_strdup_printf ("INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator) "
                            "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s', 10, 40)",
                            indicator, newcomer, first->period);
  g_assert_true (klynge_db_exec (f->db, insert, &error));
  g_assert_true (klynge_db_exec (f->db, "INSERT INTO cluster (name) VALUES ('Naboklyngen')", &error));
  other_cluster = klynge_db_last_insert_id (f->db);
  stranger = add_clinic (f->db, other_cluster, "Fremmed Lægehus");

  second = klynge_chart_data_load (f->db, f->cluster, indicator, first->period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->rows->len, ==, first->rows->len + 1);
  /* The chart is drawn as soon as the import lands, then the stranger shows up. */
  klynge_chart_data_set_names (second, f->db, f->cluster, KLYNGE_CHART_ANONYMOUS, 0, MEETING);
  row = klynge_chart_data_add_counts (second, stranger, "Fremmed Lægehus", 5, 50);
  klynge_chart_data_set_names (second, f->db, f->cluster, KLYNGE_CHART_ANONYMOUS, 0, MEETING);

  for (guint i = 0; i < first->rows->len; i++)
    {
      KlyngeChartRow *a = g_ptr_array_index (first->rows, i);

      for (guint j = 0; j < second->rows->len; j++)
        {
          KlyngeChartRow *b = g_ptr_array_index (second->rows, j);

          if (b->clinic_id == a->clinic_id)
            g_assert_cmpstr (b->label, ==, a->label);
          if (b->clinic_id == newcomer)
            g_assert_cmpstr (b->label, ==, "J");
        }
    }
  g_assert_cmpstr (row->label, ==, "K");
  letters = deal (f->db, f->cluster, MEETING);
  g_assert_cmpstr (g_hash_table_lookup (letters, &stranger), ==, "K");
}

/* However clinics come and go, no letter is dealt twice in a meeting. */
static void
test_never_reused (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autoptr(GHashTable) ever = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;

  for (int round = 0; round < 6; round++)
    {
      g_autoptr(GHashTable) letters = deal (f->db, f->cluster, MEETING);
      g_autoptr(KlyngeSnapshot) snapshot = NULL;
      g_autofree char *name = g_strdup_printf ("Ny klinik %d", round);
      GHashTableIter iter;
      gpointer id, letter;

      g_hash_table_iter_init (&iter, letters);
      while (g_hash_table_iter_next (&iter, &id, &letter))
        {
          gpointer owner;

          if (g_hash_table_lookup_extended (ever, letter, NULL, &owner))
            g_assert_cmpint (GPOINTER_TO_SIZE (owner), ==, (gsize) *(gint64 *) id);
          else
            g_hash_table_insert (ever, g_strdup (letter), GSIZE_TO_POINTER ((gsize) *(gint64 *) id));
        }
      /* Delete the clinic with the latest letter (its id the most likely
       * to come back), then add one. */
      {
        gint64 newest = klynge_test_count (f->db, "SELECT clinic_id FROM clinic_letter WHERE meeting_id = ?1 "
                                                "AND clinic_id IS NOT NULL ORDER BY position DESC LIMIT 1", MEETING);

        snapshot = klynge_clinic_delete (f->db, f->cluster, newest, KLYNGE_CLINIC_MEMBERS_REMOVE, 0, &error);
        g_assert_no_error (error);
      }
      add_clinic (f->db, f->cluster, name);
    }
  g_assert_cmpuint (g_hash_table_size (ever), ==, 9 + 5);
}

/* Without a meeting the letters are the cluster's: the same on every
 * indicator, kept like a meeting's, and not a meeting's. */
static void
test_cluster_letters (Fixture       *f,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeChartData) first = klynge_chart_data_load (f->db, f->cluster, 1, NULL, &error);
  g_autoptr(KlyngeChartData) second = klynge_chart_data_load (f->db, f->cluster, 3, NULL, &error);
  g_autoptr(GHashTable) before = deal (f->db, f->cluster, 0);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GHashTable) meeting = deal (f->db, f->cluster, MEETING);
  g_autofree char *cluster_text = describe (before), *meeting_text = describe (meeting);

  g_assert_no_error (error);
  g_assert_cmpstr (cluster_text, !=, meeting_text);
  klynge_chart_data_set_names (first, f->db, f->cluster, KLYNGE_CHART_ANONYMOUS, 0, 0);
  klynge_chart_data_set_names (second, f->db, f->cluster, KLYNGE_CHART_ANONYMOUS, 0, 0);
  for (guint i = 0; i < first->rows->len; i++)
    {
      KlyngeChartRow *row = g_ptr_array_index (first->rows, i);

      g_assert_cmpstr (row->label, ==, g_hash_table_lookup (before, &row->clinic_id));
    }
  for (guint i = 0; i < second->rows->len; i++)
    {
      KlyngeChartRow *row = g_ptr_array_index (second->rows, i);

      g_assert_cmpstr (row->label, ==, g_hash_table_lookup (before, &row->clinic_id));
    }
  add_clinic (f->db, f->cluster, "Lægehuset Aaby");
  after = deal (f->db, f->cluster, 0);
  assert_kept (before, after);
  g_assert_cmpint (count_stored (f->db, 0), ==, 10);
}

/* A read-only file draws its charts: stored letters as they are, newcomers
 * dealt the same way in memory, and not a byte written. */
static void
test_read_only (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GHashTable) stored = deal (f->db, f->cluster, MEETING);
  g_autoptr(GHashTable) read_only = NULL;
  g_autoptr(GHashTable) unseen = NULL;
  g_autoptr(GHashTable) later = NULL;
  g_autoptr(KlyngeDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) key = NULL;
  g_autofree char *checksum = NULL, *after = NULL, *unseen_text = NULL, *later_text = NULL;
  gint64 added = add_clinic (f->db, f->cluster, "Lægehuset Aaby");

  g_clear_object (&f->db);
  checksum = klynge_test_file_checksum (f->db_path);
  db = klynge_db_open (f->db_path, KLYNGE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (klynge_db_is_read_only (db));

  read_only = deal (db, f->cluster, MEETING);
  assert_kept (stored, read_only);
  g_assert_cmpstr (g_hash_table_lookup (read_only, &added), ==, "J");
  /* A meeting never shown before gets letters too. */
  unseen = deal (db, f->cluster, 2);
  g_assert_cmpuint (g_hash_table_size (unseen), ==, 10);
  key = klynge_chart_letters_list (db, f->cluster, MEETING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (key->len, ==, 10);
  g_assert_nonnull (((KlyngeChartLetter *) g_ptr_array_index (key, 0))->given_on);
  for (guint i = 0; i < key->len; i++)
    {
      KlyngeChartLetter *letter = g_ptr_array_index (key, i);

      g_assert_cmpint (letter->clinic_id == added, ==, letter->given_on == NULL);
    }
  g_clear_object (&db);
  after = klynge_test_file_checksum (f->db_path);
  g_assert_cmpstr (checksum, ==, after);

  /* Writable again, the meeting's first stored deal is the one shown. */
  f->db = klynge_test_open_db (f->db_path);
  later = deal (f->db, f->cluster, 2);
  unseen_text = describe (unseen);
  later_text = describe (later);
  g_assert_cmpstr (unseen_text, ==, later_text);
}

/* The key: every letter with its clinic, marked private, for the owner only. */
/* Letters that cannot be read are an error, not letters dealt afresh:
 * those would be other ones than the slides showed. */
static void
test_unreadable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_db_exec (f->db, "ALTER TABLE clinic_letter RENAME TO clinic_letter_away", NULL));
  g_assert_null (klynge_chart_letters_list (f->db, f->cluster, MEETING, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "clinic_letter"));
}

static void
test_key_export (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autofree char *csv = g_build_filename (f->dir, "key.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "key.xlsx", NULL);
  g_autofree char *contents = NULL, *sheet = NULL;
  g_autoptr(GHashTable) letters = deal (f->db, f->cluster, MEETING);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) key = NULL;
  gint64 removed = 5;
  g_autofree char *line = NULL;

  snapshot = klynge_clinic_delete (f->db, f->cluster, removed, KLYNGE_CLINIC_MEMBERS_REMOVE, 0, &error);
  g_assert_no_error (error);
  g_assert_true (klynge_chart_letters_export (f->db, f->cluster, MEETING, csv, &error));
  g_assert_no_error (error);
  klynge_test_assert_private_file (csv);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  line = g_strdup_printf ("\r\n%s,Lægehuset Østergade,", (const char *) g_hash_table_lookup (letters, &(gint64) { 1 }));
  g_assert_nonnull (strstr (contents, line));
  g_assert_nonnull (strstr (contents, "A deleted clinic"));
  g_assert_nonnull (strstr (contents, "Private: the letters of the meeting"));

  g_assert_true (klynge_chart_letters_export (f->db, f->cluster, MEETING, xlsx, &error));
  g_assert_no_error (error);
  klynge_test_assert_private_file (xlsx);
  sheet = klynge_test_unzip_member (xlsx, "docProps/app.xml");
  g_assert_nonnull (strstr (sheet, "Letter key (private)"));

  g_assert_false (klynge_chart_letters_export (f->db, f->cluster, 999, csv, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting the meeting takes its letters; undoing it brings them back. */
  g_clear_pointer (&snapshot, klynge_snapshot_free);
  snapshot = klynge_meeting_delete (f->db, MEETING, NULL);
  g_assert_nonnull (snapshot);
  g_assert_cmpint (count_stored (f->db, MEETING), ==, 0);
  g_assert_true (klynge_snapshot_restore (snapshot, f->db, NULL));
  key = klynge_chart_letters_list (f->db, f->cluster, MEETING, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (key->len, ==, 9);
  for (guint i = 0; i < key->len; i++)
    {
      KlyngeChartLetter *letter = g_ptr_array_index (key, i);
      g_autofree char *name = klynge_chart_letter_name (i);

      g_assert_cmpstr (letter->letter, ==, name);
      if (letter->clinic_id == 0)
        g_assert_null (letter->clinic_name);
      else
        g_assert_cmpstr (letter->letter, ==, g_hash_table_lookup (letters, &letter->clinic_id));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/letters/names", test_names);
  g_test_add_func ("/charts/letters/after-migration", test_after_migration);
  g_test_add ("/charts/letters/clinic-added", Fixture, NULL, klynge_test_demo_set_up, test_clinic_added, klynge_test_demo_tear_down);
  g_test_add ("/charts/letters/clinic-removed", Fixture, NULL, klynge_test_demo_set_up, test_clinic_removed, klynge_test_demo_tear_down);
  g_test_add ("/charts/letters/clinic-with-data", Fixture, NULL, klynge_test_demo_set_up, test_clinic_with_data, klynge_test_demo_tear_down);
  g_test_add ("/charts/letters/never-reused", Fixture, NULL, klynge_test_demo_set_up, test_never_reused, klynge_test_demo_tear_down);
  g_test_add ("/charts/letters/cluster", Fixture, NULL, klynge_test_demo_set_up, test_cluster_letters, klynge_test_demo_tear_down);
  g_test_add ("/charts/letters/read-only", Fixture, NULL, klynge_test_demo_set_up, test_read_only, klynge_test_demo_tear_down);
  g_test_add ("/charts/letters/unreadable", Fixture, NULL, klynge_test_demo_set_up, test_unreadable, klynge_test_demo_tear_down);
  g_test_add ("/charts/letters/key-export", Fixture, NULL, klynge_test_demo_set_up, test_key_export, klynge_test_demo_tear_down);

  return g_test_run ();
}
