/* test-crash.c — klynge-cli killed at random moments never hurts the file
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A `klynge-cli` command that writes a large batch (54,000 measurements) is
 * started again and again on the same database and killed with SIGKILL at a
 * random moment of its run, as a power cut or a crash would stop it. After
 * every kill the file must pass PRAGMA integrity_check and open in Klynge,
 * and the database must hold either what it held before the command or
 * what the whole command writes, nothing in between. Three commands:
 * `import` of a fresh file, `import --replace` of a file that overwrites
 * every measurement of an earlier one (the same clinics and periods, other
 * numbers), and `import-undo` of such a replacing import (the old numbers
 * come back). Run with --seed to repeat a sequence of moments.
 *
 * A restore from a backup while such an import writes must not lose the
 * import either: it waits for it, or gives up and changes nothing. Nor
 * may an import whose database is deleted under it report success, nor a
 * file's own schema make an import run SQL.
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "klynge-backup.h"
#include "klynge-test-utils.h"

#define N_PERIODS 1000

/* Together these tell one state of the measurements from another: the
 * weighted sum changes when a replacing import overwrites numbers in place. */
static const char *counted[] = {
  "SELECT count(*) FROM import_batch",
  "SELECT count(*) FROM measurement",
  "SELECT count(*) FROM import_replaced",
  "SELECT total((clinic_id * 31 + indicator_id % 31) * numerator) FROM measurement",
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
 * N_PERIODS months from January 1950; @shift changes every numerator, so a file of
 * another shift replaces each measurement of this one with a new number. */
static char *
write_file (const Names *names,
            const char  *dir,
            guint        shift)
{
  g_autofree char *name = g_strdup_printf ("shift-%u.csv", shift);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) csv = g_string_new ("clinic,indicator,period,numerator,denominator\n");

  for (guint p = 0; p < N_PERIODS; p++)
    for (guint c = 0; c < names->clinics->len; c++)
      for (guint i = 0; i < names->indicators->len; i++)
        g_string_append_printf (csv, "%s,\"%s\",%u-%02u,%u,%u\n",
                                (char *)names->clinics->pdata[c], (char *)names->indicators->pdata[i],
                                1950 + p / 12, p % 12 + 1, (p + c + i + shift) % 50, 50);

  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  return path;
}

static GSubprocess *
start_cli (const char *db_path,
           const char *command,
           const char *argument,
           gboolean    replace)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  GSubprocess *process;

  g_ptr_array_add (argv, (gpointer) g_getenv ("KLYNGE_CLI"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, (gpointer) db_path);
  g_ptr_array_add (argv, (gpointer) command);
  if (g_str_equal (command, "import"))
    {
      const char *options[] = { "--layout", "long", "--clinic", "clinic", "--indicator", "indicator",
                                "--period", "period", "--numerator", "numerator",
                                "--denominator", "denominator" };

      for (guint i = 0; i < G_N_ELEMENTS (options); i++)
        g_ptr_array_add (argv, (gpointer) options[i]);
      if (replace)
        g_ptr_array_add (argv, "--replace");
    }
  g_ptr_array_add (argv, (gpointer) argument);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  return process;
}

static void
run_cli (const char *db_path,
         const char *command,
         const char *argument,
         gboolean    replace)
{
  g_autoptr(GSubprocess) process = start_cli (db_path, command, argument, replace);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
}

/* Empties the WAL into the file, so the file alone is the database. */
static void
checkpoint (const char *path)
{
  sqlite3 *handle;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL));
}

/* Puts the database back as it was before the command, so that the next
 * run starts from the same state and its whole effect is known; a copy, not
 * a reverse command, which would itself be what is under test. */
static void
restore (const char *saved,
         const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  copy_file (saved, path);
}

typedef struct
{
  const char *path;        /* the database */
  const char *command;
  const char *argument;
  gboolean    replace;
  guint       n_kills;
  gboolean    same_size;   /* the command changes numbers, not how many there are */
} Scenario;

static void
kill_again_and_again (const Scenario *scenario)
{
  g_autofree char *saved = g_strconcat (scenario->path, ".before", NULL);
  g_autoptr(GError) error = NULL;
  Counts before, complete, after;
  gint64 started, duration_us, window_us;
  guint absent = 0, present = 0;

  checkpoint (scenario->path);
  copy_file (scenario->path, saved);

  /* One run to its end: how long it takes and what it leaves. */
  read_counts (scenario->path, &before);
  started = g_get_monotonic_time ();
  run_cli (scenario->path, scenario->command, scenario->argument, scenario->replace);
  duration_us = g_get_monotonic_time () - started;
  read_counts (scenario->path, &complete);
  g_assert_false (counts_equal (&before, &complete));
  if (scenario->same_size)
    g_assert_cmpint (complete.n[1], ==, before.n[1]);
  else
    g_assert_cmpint (complete.n[1] - before.n[1], >=, 50000);
  restore (saved, scenario->path);
  read_counts (scenario->path, &after);
  g_assert_true (counts_equal (&after, &before));
  window_us = duration_us * 3 / 2;

  for (guint kill = 0; kill < scenario->n_kills; kill++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(KlyngeDb) db = NULL;
      /* Anywhere in a run. After a kill, opening also recovers the WAL the
       * killed command left, so runs take longer than the first: the window
       * follows what the kills find. */
      gint64 at = g_test_rand_int_range (0, (gint32)MAX (window_us, 1));

      process = start_cli (scenario->path, scenario->command, scenario->argument, scenario->replace);
      g_usleep (at);
      g_subprocess_send_signal (process, SIGKILL);
      g_subprocess_wait (process, NULL, NULL);

      read_counts (scenario->path, &after);
      if (counts_equal (&after, &before))
        {
          absent++;
          window_us = window_us * 6 / 5;
        }
      else if (counts_equal (&after, &complete))
        {
          present++;
          window_us = window_us * 5 / 6;
        }
      else
        g_error ("%s: kill %u after %" G_GINT64_FORMAT " µs left it half done "
                 "(batches %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT ", measurements %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT
                 ", replaced %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT ")",
                 scenario->command, kill + 1, at, before.n[0], after.n[0], before.n[1], after.n[1],
                 before.n[2], after.n[2]);

      /* Klynge itself opens what is left, recovering the WAL. */
      db = klynge_db_open (scenario->path, KLYNGE_DB_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_clear_object (&db);
      if (counts_equal (&after, &complete))
        restore (saved, scenario->path);
    }

  g_test_message ("%s%s: kills survived: %u of %u (absent after %u, wholly there after %u; "
                  "a run takes %" G_GINT64_FORMAT " ms)",
                  scenario->command, scenario->replace ? " --replace" : "",
                  absent + present, scenario->n_kills, absent, present, duration_us / 1000);
  g_assert_cmpuint (absent + present, ==, scenario->n_kills);
  /* The kills did stop runs half way. */
  g_assert_cmpuint (absent, >, 0);
  g_unlink (saved);
}

typedef struct
{
  char  *dir;
  char  *path;
  Names  names;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KlyngeDb) db = NULL;

  g_assert_nonnull (g_getenv ("KLYNGE_CLI"));
  f->dir = klynge_test_make_tmpdir ();
  db = klynge_test_open_demo (f->dir, NULL);
  f->path = g_strdup (klynge_db_get_path (db));
  load_names (db, &f->names);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_ptr_array_unref (f->names.clinics);
  g_ptr_array_unref (f->names.indicators);
  klynge_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *file = write_file (&f->names, f->dir, 0);
  Scenario scenario = { f->path, "import", file, FALSE, 25, FALSE };

  kill_again_and_again (&scenario);
}

/* The same clinics and periods again: every stored number is overwritten
 * and kept aside for undo, in the one transaction. */
static void
test_replacing_import (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *old = write_file (&f->names, f->dir, 0);
  g_autofree char *new = write_file (&f->names, f->dir, 7);
  Scenario scenario = { f->path, "import", new, TRUE, 10, TRUE };

  run_cli (f->path, "import", old, FALSE);
  kill_again_and_again (&scenario);
}

/* Undoing a replacing import puts every old number back and removes the batch. */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *old = write_file (&f->names, f->dir, 0);
  g_autofree char *new = write_file (&f->names, f->dir, 7);
  g_autofree char *batch = NULL;
  Scenario scenario = { f->path, "import-undo", NULL, FALSE, 10, TRUE };

  run_cli (f->path, "import", old, FALSE);
  run_cli (f->path, "import", new, TRUE);
  {
    g_autoptr(KlyngeDb) db = klynge_db_open (f->path, KLYNGE_DB_OPEN_DEFAULT, NULL);

    batch = g_strdup_printf ("%" G_GINT64_FORMAT, klynge_test_count (db, "SELECT max(id) FROM import_batch", 0));
  }
  scenario.argument = batch;
  kill_again_and_again (&scenario);
}

/* Whether another connection holds the write lock of the file of @handle. */
static gboolean
writer_active (sqlite3 *handle)
{
  int rc = sqlite3_exec (handle, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
  return rc == SQLITE_BUSY;
}

/* Starts an import of @file and returns once it holds its write transaction. */
static GSubprocess *
start_import_writing (const char *db_path,
                      const char *file)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  GSubprocess *process;
  sqlite3 *probe;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &probe, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  process = start_cli (db_path, "import", file, FALSE);
  while (!writer_active (probe))
    g_assert_cmpint (g_get_monotonic_time (), <, deadline);
  sqlite3_close (probe);
  return process;
}

/* The restore runs while the import holds its transaction open: the
 * measurements of the import end up in the database or, when the restore
 * came after them, in the copy the restore kept of what it replaced. */
static void
test_restore_during_import (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *file = write_file (&f->names, f->dir, 0);
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(KlyngeBackup) backup = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) restore_error = NULL;
  g_autofree char *safety = NULL;
  Counts before, after, saved;
  gboolean restored, imported;

  {
    g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);
    g_autofree char *made = klynge_backup_create (db, "test", &error);

    g_assert_no_error (error);
  }
  backups = klynge_backup_list (f->path);
  backup = g_list_model_get_item (backups, 0);
  read_counts (f->path, &before);

  process = start_import_writing (f->path, file);

  restored = klynge_backup_restore (f->path, backup, &safety, &restore_error);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  imported = g_subprocess_get_if_exited (process) && g_subprocess_get_exit_status (process) == 0;
  g_test_message ("restore %s, import %s", restored ? "done" : restore_error->message,
                  imported ? "done" : "failed");
  if (!restored)
    g_assert_error (restore_error, KLYNGE_ERROR, KLYNGE_ERROR_BUSY);

  read_counts (f->path, &after);
  if (restored)
    read_counts (safety, &saved);
  if (imported)
    g_assert_true (after.n[1] >= before.n[1] + 50000 ||
                   (restored && saved.n[1] >= before.n[1] + 50000 && after.n[1] == before.n[1]));
  else
    g_assert_cmpint (after.n[1], ==, before.n[1]);
}

/* The database deleted while an import writes: the import must not say it
 * saved anything (it went into a file nobody can open any more). */
static void
test_deleted_during_import (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *file = write_file (&f->names, f->dir, 0);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = start_import_writing (f->path, file);

  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), !=, 0);
}

/* A file whose schema names an index so that the import, dropping it for
 * a bulk insert, would run SQL of the file's choosing. */
static void
test_crafted_index_name (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *file = write_file (&f->names, f->dir, 0);
  sqlite3 *handle;
  Counts after;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "CREATE INDEX p ON member (name);"
                                 "CREATE INDEX \"p\"\"; UPDATE cluster SET name = 'taken over'; --\" ON measurement (period);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  run_cli (f->path, "import", file, FALSE);

  read_counts (f->path, &after);
  g_assert_cmpint (after.n[1], >=, 50000);
  {
    g_autoptr(KlyngeDb) db = klynge_test_open_db (f->path);

    g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM cluster WHERE name = 'taken over'", 0), ==, 0);
    g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name LIKE 'measurement\\_%' ESCAPE '\\'", 0), ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/crash/sigkill-during-import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/crash/sigkill-during-replacing-import", Fixture, NULL, fixture_set_up, test_replacing_import, fixture_tear_down);
  g_test_add ("/crash/sigkill-during-import-undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/crash/restore-during-import", Fixture, NULL, fixture_set_up, test_restore_during_import, fixture_tear_down);
  g_test_add ("/crash/deleted-during-import", Fixture, NULL, fixture_set_up, test_deleted_during_import, fixture_tear_down);
  g_test_add ("/crash/crafted-index-name", Fixture, NULL, fixture_set_up, test_crafted_index_name, fixture_tear_down);
  return g_test_run ();
}
