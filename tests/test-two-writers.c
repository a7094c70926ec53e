/* test-two-writers.c — the app and klynge-cli writing the same file at once
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While this process writes transactions as the app does, klynge-cli
 * processes add ledger entries to the same file. Every write of both must
 * land (the busy timeout waits for the other writer), and the file must
 * pass SQLite's integrity check afterwards.
 */

#include <gio/gio.h>

#include "klynge-test-utils.h"

#define N_APP_WRITES 150
#define N_CLI_WRITES 20

static void
test_app_and_cli (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  const char *cli = g_getenv ("KLYNGE_CLI");
  g_autofree char *script = NULL;
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_assert_nonnull (cli);

  /* Concurrent CLI processes, each one transaction. */
  /* Each process is waited for by its pid: a non-interactive sh lists no
   * jobs, so "jobs -p" would let the script end before the writers do. */
  script = g_strdup_printf ("pids=''; for i in $(seq %d); do "
                            "  \"$0\" --db \"$1\" ledger add --date 2026-03-14 --amount 100 --category venue --note cli-$i >/dev/null & "
                            "  pids=\"$pids $!\"; "
                            "done; "
                            "status=0; for pid in $pids; do wait $pid || status=1; done; exit $status",
                            N_CLI_WRITES);
  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "sh", "-c", script,
                             cli, klynge_db_get_path (db), NULL);
  g_assert_no_error (error);

  for (int i = 0; i < N_APP_WRITES; i++)
    {
      g_assert_true (klynge_db_begin (db, &error));
      stmt = klynge_db_prepare (db, "INSERT INTO ledger_entry (cluster_id, entry_date, amount, kind, category_id, note) "
                                    "VALUES (1, '2026-03-15', 200, 'expense', 4, 'app')", &error);
      g_assert_no_error (error);
      g_assert_true (klynge_db_step_done (db, stmt, &error));
      g_assert_true (klynge_db_commit (db, &error));
      g_assert_no_error (error);
      g_usleep (2000);
    }

  g_assert_true (g_subprocess_wait_check (writer, NULL, &error));
  g_assert_no_error (error);

  klynge_test_assert_integrity (klynge_db_get_handle (db));

  g_assert_cmpint (klynge_db_count (db, "SELECT count(*) FROM ledger_entry WHERE note = 'app'", 0), ==, N_APP_WRITES);
  g_assert_cmpint (klynge_db_count (db, "SELECT count(*) FROM ledger_entry WHERE note LIKE 'cli-%'", 0), ==, N_CLI_WRITES);
  g_assert_cmpint (klynge_db_count (db, "SELECT count(DISTINCT note) FROM ledger_entry WHERE note LIKE 'cli-%'", 0), ==, N_CLI_WRITES);

  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/two-writers/app-and-cli", test_app_and_cli);
  return g_test_run ();
}
