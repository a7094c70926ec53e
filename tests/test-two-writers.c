/* test-two-writers.c — the app and klynge-cli writing the same file at once
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While this process writes transactions as the app does, klynge-cli
 * processes add ledger entries to the same file. Every write of both must
 * land (the busy timeout waits for the other writer), and the file must
 * pass SQLite's integrity check afterwards.
 *
 * The app keeps its connection while workers open the file for exports;
 * another program that reads the file in between must not find the app's
 * locks gone and delete the WAL it is still writing.
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "klynge-test-utils.h"

#define N_APP_WRITES 150

static char *self_exe;
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
  g_assert_cmpint (klynge_db_is_on_network_drive (db), ==, g_getenv ("KLYNGE_TEST_FS_TYPE") != NULL);

  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM ledger_entry WHERE note = 'app'", 0), ==, N_APP_WRITES);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM ledger_entry WHERE note LIKE 'cli-%'", 0), ==, N_CLI_WRITES);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(DISTINCT note) FROM ledger_entry WHERE note LIKE 'cli-%'", 0), ==, N_CLI_WRITES);

  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

/* Whether this process holds a POSIX lock on @path, as the kernel lists it. */
static gboolean
holds_lock (const char *path)
{
  g_autofree char *locks = NULL;
  g_autofree char *pid = g_strdup_printf (" %d ", (int) getpid ());
  g_autofree char *inode = NULL;
  g_auto(GStrv) lines = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  inode = g_strdup_printf (":%lu ", (gulong) st.st_ino);
  g_assert_true (g_file_get_contents ("/proc/locks", &locks, NULL, NULL));
  lines = g_strsplit (locks, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "POSIX") != NULL && strstr (lines[i], pid) != NULL && strstr (lines[i], inode) != NULL)
      return TRUE;
  return FALSE;
}

static void
add_ledger_note (KlyngeDb   *db,
                 const char *note)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_assert_true (klynge_db_begin (db, &error));
  stmt = klynge_db_prepare (db, "INSERT INTO ledger_entry (cluster_id, entry_date, amount, kind, category_id, note) "
                                "VALUES (1, '2026-03-15', 200, 'expense', 4, ?1)", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, note, -1, SQLITE_TRANSIENT);
  g_assert_true (klynge_db_step_done (db, stmt, &error));
  g_assert_true (klynge_db_commit (db, &error));
  g_assert_no_error (error);
}

/* Runs klynge-cli on @path; returns whether it succeeded, its error output
 * in @err. */
static gboolean
run_cli (const char  *path,
         char       **err,
         const char  *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;
  int status = -1;

  g_ptr_array_add (argv, (char *) g_getenv ("KLYNGE_CLI"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, (char *) path);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, err, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

static gint64
count_notes (const char *path,
             const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = klynge_db_open (path, KLYNGE_DB_OPEN_READ_ONLY, &error);
  sqlite3_stmt *stmt;
  gint64 n;

  g_assert_no_error (error);
  stmt = klynge_db_prepare (db, "SELECT count(*) FROM ledger_entry WHERE note = ?1", NULL);
  sqlite3_bind_text (stmt, 1, note, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* While another process holds @path for writing, klynge-cli may read it
 * but not change it, and says why and who has it. */
static void
assert_held_elsewhere (const char *path)
{
  g_autofree char *err = NULL;
  g_autofree char *by = g_strdup_printf ("%s on %s", g_get_user_name (), g_get_host_name ());

  g_assert_true (run_cli (path, NULL, "info", NULL));
  g_assert_false (run_cli (path, &err, "ledger", "add", "--date", "2026-03-14", "--amount", "100",
                           "--category", "venue", "--note", "other-pc", NULL));
  g_assert_nonnull (strstr (err, "network drive"));
  g_assert_nonnull (strstr (err, by));
  g_assert_nonnull (strstr (err, "Nothing was changed."));
  g_assert_cmpint (count_notes (path, "other-pc"), ==, 0);
}

/* Nobody holds @path: klynge-cli writes it, and leaves no claim behind. */
static void
assert_free (const char *path,
             const char *note)
{
  g_autofree char *owner = g_strconcat (path, ".klynge-owner", NULL);

  g_assert_true (run_cli (path, NULL, "ledger", "add", "--date", "2026-03-14", "--amount", "100",
                          "--category", "venue", "--note", note, NULL));
  g_assert_cmpint (count_notes (path, note), ==, 1);
  g_assert_false (g_file_test (owner, G_FILE_TEST_EXISTS));
}

/* Two computers on one file of a network drive: no WAL (its shared memory
 * does not reach the other computer), and one writer at a time; the other
 * reads. The CLI processes inherit the stand-in for a network mount. */
static void
test_network_drive (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  /* Made locally first, so it starts in WAL mode. */
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  g_autoptr(KlyngeDb) worker = NULL;
  g_autofree char *path = g_strdup (klynge_db_get_path (db));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *notice = NULL;
  g_autofree char *ready = NULL;
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(GDataInputStream) holder_out = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_assert_false (klynge_db_is_on_network_drive (db));
  g_assert_null (klynge_db_dup_network_notice (db));
  g_clear_object (&db);

  g_setenv ("KLYNGE_TEST_FS_TYPE", "6969", TRUE);
  db = klynge_test_open_db (path);
  g_assert_false (klynge_db_is_read_only (db));
  notice = klynge_db_dup_network_notice (db);
  g_assert_nonnull (notice);
  stmt = klynge_db_prepare (db, "PRAGMA journal_mode", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "delete");
  sqlite3_reset (stmt);
  add_ledger_note (db, "on the network");
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* A worker of the same process writes too, and closing it keeps the
   * claim of the process. */
  worker = klynge_test_open_db (path);
  g_assert_false (klynge_db_is_read_only (worker));
  add_ledger_note (worker, "from a worker");
  g_clear_object (&worker);
  assert_held_elsewhere (path);
  add_ledger_note (db, "while the other reads");
  g_clear_object (&db);
  assert_free (path, "after the first quit");

  /* Another process holds it and is killed: the next open writes. */
  holder = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             self_exe, "--hold", path, NULL);
  g_assert_no_error (error);
  holder_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  ready = g_data_input_stream_read_line_utf8 (holder_out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ready, ==, "held");
  db = klynge_test_open_db (path);
  g_assert_true (klynge_db_is_read_only (db));
  g_clear_object (&db);
  assert_held_elsewhere (path);
  g_subprocess_send_signal (holder, SIGKILL);
  g_assert_false (g_subprocess_wait_check (holder, NULL, NULL));
  assert_free (path, "after the other was killed");

  g_unsetenv ("KLYNGE_TEST_FS_TYPE");
  klynge_test_remove_tree (dir);
}

/* Runs as the app: a worker's connection comes and goes, another program
 * reads, then the app saves and is killed before it could close. */
static void
app_then_killed (const char *path)
{
  g_autoptr(KlyngeDb) db = klynge_test_open_db (path);
  g_autoptr(KlyngeDb) worker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = -1;
  const char *argv[] = { g_getenv ("KLYNGE_CLI"), "--db", path, "info", NULL };

  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM ledger_entry", 0), >, 0);
  g_assert_true (holds_lock (path));

  worker = klynge_db_open (path, KLYNGE_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (klynge_test_count (worker, "SELECT count(*) FROM member", 0), >, 0);
  g_clear_object (&worker);
  g_assert_true (holds_lock (path));

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  add_ledger_note (db, "saved-after-other-reader");
  kill (getpid (), SIGKILL);
}

static void
test_locks_kept (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KlyngeDb) db = NULL;

  if (g_test_subprocess ())
    {
      app_then_killed (g_getenv ("KLYNGE_TEST_DB"));
      return;
    }

  dir = klynge_test_make_tmpdir ();
  db = klynge_test_open_demo (dir, NULL);
  path = g_strdup (klynge_db_get_path (db));
  g_clear_object (&db);

  g_setenv ("KLYNGE_TEST_DB", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  db = klynge_test_open_db (path);
  klynge_test_assert_integrity (klynge_db_get_handle (db));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM ledger_entry WHERE note = 'saved-after-other-reader'", 0), ==, 1);

  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

/* The other computer: holds @path for writing until it is killed. */
static int
hold (const char *path)
{
  g_autoptr(KlyngeDb) db = klynge_test_open_db (path);
  char buffer[1];

  g_assert_false (klynge_db_is_read_only (db));
  g_print ("held\n");
  fflush (stdout);
  while (read (STDIN_FILENO, buffer, sizeof buffer) > 0)
    ;
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--hold"))
    return hold (argv[2]);

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/two-writers/app-and-cli", test_app_and_cli);
  g_test_add_func ("/two-writers/locks-kept", test_locks_kept);
  g_test_add_func ("/two-writers/network-drive", test_network_drive);
  return g_test_run ();
}
