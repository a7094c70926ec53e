/* test-crash.c — klynge-cli killed at random moments never hurts the file
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `klynge-cli import` of a large file (54,000 measurements) is
 * started again and again on the same database and killed with SIGKILL at a
 * random moment of its run, as a power cut or a crash would stop it. After
 * every kill the file must pass PRAGMA integrity_check and open in Klynge,
 * and the import must be wholly there or wholly absent. Each run imports a
 * new file (new periods), so a finished import always adds the same counts.
 * Run with --seed to repeat a sequence of moments.
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "klynge-test-utils.h"

#define N_KILLS 25
#define N_PERIODS 1000

/* What one import adds: the counts that must move together. */
static const char *counted[] = {
  "SELECT count(*) FROM import_batch",
  "SELECT count(*) FROM measurement",
};

typedef struct
{
  gint64 n[G_N_ELEMENTS (counted)];
} Counts;

static void
read_counts (const char *path,
             Counts     *counts)
{
  sqlite3 *handle;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);

  /* The full check, not the quick one Klynge runs on opening. */
  klynge_test_assert_integrity (handle);

  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (handle, counted[i], -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      counts->n[i] = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }

  sqlite3_close (handle);
}

static gboolean
counts_equal (const Counts *a,
              const Counts *b)
{
  return memcmp (a->n, b->n, sizeof a->n) == 0;
}

static void
counts_add (Counts       *sum,
            const Counts *a,
            const Counts *delta)
{
  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    sum->n[i] = a->n[i] + delta->n[i];
}

typedef struct
{
  GPtrArray *clinics;     /* provider numbers */
  GPtrArray *indicators;  /* names */
} Names;

static void
load_names (KlyngeDb *db,
            Names    *names)
{
  sqlite3_stmt *stmt;

  names->clinics = g_ptr_array_new_with_free_func (g_free);
  names->indicators = g_ptr_array_new_with_free_func (g_free);

  stmt = klynge_db_prepare (db, "SELECT provider_number FROM clinic ORDER BY id", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names->clinics, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  stmt = klynge_db_prepare (db, "SELECT name FROM indicator ORDER BY id", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names->indicators, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
}

/* A long-format file of every clinic and indicator of the demo cluster for
 * N_PERIODS periods of its own ("R7-P123"). */
static char *
write_file (const Names *names,
            const char  *dir,
            guint        run)
{
  g_autofree char *name = g_strdup_printf ("run-%u.csv", run);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) csv = g_string_new ("clinic,indicator,period,numerator,denominator\n");

  for (guint p = 0; p < N_PERIODS; p++)
    for (guint c = 0; c < names->clinics->len; c++)
      for (guint i = 0; i < names->indicators->len; i++)
        g_string_append_printf (csv, "%s,\"%s\",R%u-P%u,%u,%u\n",
                                (char *)names->clinics->pdata[c], (char *)names->indicators->pdata[i],
                                run, p, (p + c + i) % 50, 50);

  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  return path;
}

/* Takes a finished import out again, so the file, and with it each full
 * integrity check, stays small over the runs. */
static void
drop_last_batch (const char *path)
{
  sqlite3 *handle;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "BEGIN;"
                                 "DELETE FROM measurement WHERE batch_id = (SELECT max(id) FROM import_batch);"
                                 "DELETE FROM import_batch WHERE id = (SELECT max(id) FROM import_batch);"
                                 "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static GSubprocess *
start_import (const char *db_path,
              const char *file)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                           g_getenv ("KLYNGE_CLI"), "--db", db_path, "import", "--layout", "long",
                                           "--clinic", "clinic", "--indicator", "indicator", "--period", "period",
                                           "--numerator", "numerator", "--denominator", "denominator",
                                           file, NULL);

  g_assert_no_error (error);
  return process;
}

static void
test_kills (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GError) error = NULL;
  Counts before, after, delta, complete;
  gint64 started, duration_us;
  Names names;
  gint64 window_us;
  guint absent = 0, present = 0;

  g_assert_nonnull (g_getenv ("KLYNGE_CLI"));

  {
    g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);

    path = g_strdup (klynge_db_get_path (db));
    load_names (db, &names);
    first = write_file (&names, dir, 0);
  }

  /* One run to its end: how long it takes and what it adds. */
  read_counts (path, &before);
  {
    g_autoptr(GSubprocess) process = start_import (path, first);

    started = g_get_monotonic_time ();
    g_assert_true (g_subprocess_wait_check (process, NULL, &error));
    g_assert_no_error (error);
    duration_us = g_get_monotonic_time () - started;
  }
  read_counts (path, &after);
  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    delta.n[i] = after.n[i] - before.n[i];
  drop_last_batch (path);
  read_counts (path, &after);
  g_assert_cmpint (delta.n[0], ==, 1);
  g_assert_cmpint (delta.n[1], >=, 50000);
  window_us = duration_us * 3 / 2;

  for (guint kill = 0; kill < N_KILLS; kill++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(KlyngeDb) db = NULL;
      g_autofree char *file = NULL;
      /* Anywhere in a run. After a kill, opening also recovers the WAL the
       * killed import left, so runs take longer than the first: the window
       * follows what the kills find. */
      gint64 at = g_test_rand_int_range (0, (gint32)MAX (window_us, 1));

      file = write_file (&names, dir, kill + 1);
      before = after;
      process = start_import (path, file);
      g_usleep (at);
      g_subprocess_send_signal (process, SIGKILL);
      g_subprocess_wait (process, NULL, NULL);

      read_counts (path, &after);
      counts_add (&complete, &before, &delta);
      if (counts_equal (&after, &before))
        {
          absent++;
          window_us = window_us * 6 / 5;
        }
      else if (counts_equal (&after, &complete))
        {
          present++;
          window_us = window_us * 5 / 6;
          drop_last_batch (path);
          read_counts (path, &after);
        }
      else
        g_error ("Kill %u after %" G_GINT64_FORMAT " µs left the import half done "
                 "(batches %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT ", measurements %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT ")",
                 kill + 1, at, before.n[0], after.n[0], before.n[1], after.n[1]);

      /* Klynge itself opens what is left, recovering the WAL. */
      db = klynge_db_open (path, KLYNGE_DB_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_unlink (file);
    }

  g_test_message ("kills survived: %u of %u (import absent after %u, wholly there after %u; "
                  "an import of %" G_GINT64_FORMAT " measurements takes %" G_GINT64_FORMAT " ms)",
                  absent + present, N_KILLS, absent, present, delta.n[1], duration_us / 1000);
  g_assert_cmpuint (absent + present, ==, N_KILLS);
  /* The kills did stop imports half way. */
  g_assert_cmpuint (absent, >, 0);

  g_ptr_array_unref (names.clinics);
  g_ptr_array_unref (names.indicators);
  klynge_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/sigkill-during-import", test_kills);
  return g_test_run ();
}
