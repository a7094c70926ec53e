/* test-crash.c — klynge-cli killed at random moments never hurts the file
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A write through klynge-cli is started again and again on the same
 * database and killed with SIGKILL at a random moment of its run, as a
 * power cut or a crash would stop it. After every kill the file must pass
 * PRAGMA integrity_check and open in Klynge, and the write must be wholly
 * there or wholly absent. Run with --seed to repeat a sequence of moments.
 */

#include <gio/gio.h>
#include <signal.h>

#include "klynge-test-utils.h"

#define N_KILLS 25

/* What one write adds: the counts that must move together. */
static const char *counted[] = {
  "SELECT count(*) FROM cluster",
  "SELECT count(*) FROM member",
  "SELECT count(*) FROM meeting",
  "SELECT count(*) FROM measurement",
  "SELECT count(*) FROM ledger_entry",
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

static GSubprocess *
start_write (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                           g_getenv ("KLYNGE_CLI"), "--db", db_path, "demo", NULL);

  g_assert_no_error (error);
  return process;
}

static void
test_kills (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "cluster.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  Counts before, after, delta, complete;
  gint64 started, duration_us;
  guint absent = 0, present = 0;

  g_assert_nonnull (g_getenv ("KLYNGE_CLI"));

  /* One run to its end: how long it takes and what it adds. */
  g_object_unref (klynge_test_open_db (path));
  read_counts (path, &before);
  {
    g_autoptr(GSubprocess) process = start_write (path);

    started = g_get_monotonic_time ();
    g_assert_true (g_subprocess_wait_check (process, NULL, &error));
    g_assert_no_error (error);
    duration_us = g_get_monotonic_time () - started;
  }
  read_counts (path, &after);
  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    delta.n[i] = after.n[i] - before.n[i];
  g_assert_cmpint (delta.n[0], >, 0);

  for (guint kill = 0; kill < N_KILLS; kill++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(KlyngeDb) db = NULL;
      gint64 at = g_test_rand_int_range (0, (gint32)MAX (duration_us * 11 / 10, 1));

      before = after;
      process = start_write (path);
      g_usleep (at);
      g_subprocess_send_signal (process, SIGKILL);
      g_subprocess_wait (process, NULL, NULL);

      read_counts (path, &after);
      counts_add (&complete, &before, &delta);
      if (counts_equal (&after, &before))
        absent++;
      else if (counts_equal (&after, &complete))
        present++;
      else
        g_error ("Kill %u after %" G_GINT64_FORMAT " µs left the write half done "
                 "(clusters %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT ", measurements %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT ")",
                 kill + 1, at, before.n[0], after.n[0], before.n[3], after.n[3]);

      /* Klynge itself opens what is left, recovering the WAL. */
      db = klynge_db_open (path, KLYNGE_DB_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
    }

  g_test_message ("kills survived: %u of %u (write absent after %u, wholly there after %u; a run takes %" G_GINT64_FORMAT " ms)",
                  absent + present, N_KILLS, absent, present, duration_us / 1000);
  g_assert_cmpuint (absent + present, ==, N_KILLS);

  klynge_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/sigkill-during-write", test_kills);
  return g_test_run ();
}
