/* bench-opening.c — how long the window stops answering while a large file opens
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-opening [RUNS] [MEASUREMENTS]: builds a database of the demo cluster
 * plus an archive cluster of MEASUREMENTS (default 1,000,000) measurements
 * (some 95 MB, a large cluster's file after years of imports). First it
 * runs `klynge-cli info` on the demo file and on the large one, RUNS times
 * each, and prints the CPU time of the first run (the file is checked) and
 * the median of the others (nothing changed, so nothing is checked again):
 * opening must not cost time in proportion to the file. Then, RUNS
 * times (median), switches the real window from the small demo file to the
 * large one and prints the longest time the main loop was blocked (the main thread's
 * CPU time between two runs of a 1 ms timer) until the large file is shown (the opening: checking and
 * backing it up) and after (the areas loading and painting it, the same for
 * any file), and the time until the large file was shown. Its backups
 * are removed before each run, so every open makes its copy (the worst case).
 * Without a display it runs itself under xvfb-run and dbus-run-session.
 */

#include <adwaita.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "klynge-backup.h"
#include "klynge-demo.h"
#include "klynge-ui-test-utils.h"

typedef struct
{
  const char *small;
  const char *large;
  guint       runs;
  GArray     *opening;
  GArray     *showing;
  GArray     *shown;
} Bench;

/* The main thread's own CPU time between two ticks is the work that
 * blocked it; wall time adds waiting for a processor, which on a loaded
 * machine says more about the other programs. */
typedef struct
{
  gint64 last;
  gint64 longest;
} Ticker;

static gint64
thread_cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick_cb (gpointer data)
{
  Ticker *ticker = data;
  gint64 now = thread_cpu_now ();

  ticker->longest = MAX (ticker->longest, now - ticker->last);
  ticker->last = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
shows (KlyngeWindow *window,
       const char   *path)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));

  return db != NULL && g_strcmp0 (klynge_db_get_path (db), path) == 0;
}

/* Opens @path and runs the main loop until the window shows it, then for
 * as long again as it takes to load and paint what the areas show. */
typedef struct
{
  gint64 opening_block;   /* longest block until the file is shown */
  gint64 showing_block;   /* longest block while the views show it */
  gint64 shown;           /* time until the file is shown */
} Timing;

static Timing
open_and_wait (KlyngeWindow *window,
               const char   *path)
{
  Ticker ticker = { thread_cpu_now (), 0 };
  gint64 start = g_get_monotonic_time (), until;
  guint source = g_timeout_add (1, tick_cb, &ticker);
  Timing timing;

  klynge_window_open_path (window, path);
  while (!shows (window, path))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 120 * G_USEC_PER_SEC);
    }
  timing.shown = g_get_monotonic_time () - start;
  /* The open (or its end, the switch) ran in a dispatch not ticked yet. */
  tick_cb (&ticker);
  timing.opening_block = ticker.longest;
  ticker.longest = 0;

  until = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  timing.showing_block = ticker.longest;

  g_source_remove (source);
  return timing;
}

static void
run_cb (KlyngeWindow *window,
        gpointer      user_data)
{
  Bench *bench = user_data;

  for (guint i = 0; i <= bench->runs; i++)
    {
      g_autofree char *backups = klynge_backup_dir_for (bench->large);
      g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", backups);
      Timing timing;
      double opening_ms, showing_ms, shown_ms;

      open_and_wait (window, bench->small);
      g_assert_cmpint (system (rm), ==, 0);
      timing = open_and_wait (window, bench->large);
      opening_ms = timing.opening_block / 1000.0;
      showing_ms = timing.showing_block / 1000.0;
      shown_ms = timing.shown / 1000.0;
      g_print ("run %2u%s: main loop blocked at most %.1f ms while opening, %.1f ms while showing; "
               "file shown after %.1f ms\n",
               i, i == 0 ? " (warm-up, not counted)" : "", opening_ms, showing_ms, shown_ms);
      if (i == 0)
        continue;
      g_array_append_val (bench->opening, opening_ms);
      g_array_append_val (bench->showing, showing_ms);
      g_array_append_val (bench->shown, shown_ms);
    }
}

static void
make_large (const char *path,
            guint       n_measurements)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = klynge_db_open (path, KLYNGE_DB_OPEN_DEFAULT, &error);
  g_autofree char *sql = NULL;
  gint64 n_indicators;
  guint n_periods = 120, n_clinics;

  g_assert_no_error (error);
  klynge_demo_create (db, &error);
  g_assert_no_error (error);
  if (n_measurements == 0)
    return;
  klynge_db_count (db, "SELECT count(*) FROM indicator", 0, &n_indicators, &error);
  g_assert_no_error (error);
  n_indicators = MIN (n_indicators, 40);
  g_assert_cmpint (n_indicators, >, 0);
  n_clinics = MAX (1, n_measurements / (n_periods * n_indicators));

  /* Another cluster holds the bulk, so the area shown costs what it
   * costs on any cluster: the file's size is what the opening pays for. */
  sql = g_strdup_printf ("INSERT INTO cluster (name) VALUES ('Archive');"
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
                         " INSERT INTO clinic (cluster_id, name, provider_number)"
                         " SELECT (SELECT max(id) FROM cluster), 'Archive clinic ' || i, 'A' || i FROM n;"
                         "WITH RECURSIVE p(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM p WHERE i < %u)"
                         " INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator)"
                         " SELECT ind.id, c.id, printf('%%04d-%%02d', 2010 + p.i / 12, 1 + p.i %% 12),"
                         "        (c.id * 7 + p.i) %% 100, 100"
                         " FROM (SELECT id FROM indicator ORDER BY id LIMIT %" G_GINT64_FORMAT ") AS ind,"
                         "      (SELECT id FROM clinic WHERE cluster_id = (SELECT max(id) FROM cluster)) AS c, p;",
                         n_clinics, n_periods - 1, n_indicators);
  g_assert_true (klynge_db_begin (db, &error));
  g_assert_true (klynge_db_exec (db, sql, &error));
  g_assert_true (klynge_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_true (klynge_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* CPU time (user and system) of one `klynge-cli --db PATH info`, in ms. */
static double
cli_info_ms (const char *path)
{
  const char *argv[] = { g_getenv ("KLYNGE_CLI"), "--db", path, "info", NULL };
  g_autoptr(GError) error = NULL;
  struct rusage before, after;
  int status;

  getrusage (RUSAGE_CHILDREN, &before);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  getrusage (RUSAGE_CHILDREN, &after);

  return (after.ru_utime.tv_sec - before.ru_utime.tv_sec + after.ru_stime.tv_sec - before.ru_stime.tv_sec) * 1e3 +
         (after.ru_utime.tv_usec - before.ru_utime.tv_usec + after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1e3;
}

/* Returns: the median CPU time of `info` on an unchanged @path. */
static double
bench_cli_info (const char *name,
                const char *path,
                guint       runs)
{
  g_autoptr(GArray) again = g_array_new (FALSE, FALSE, sizeof (double));
  double first = cli_info_ms (path);

  for (guint i = 0; i < runs; i++)
    {
      double ms = cli_info_ms (path);

      g_array_append_val (again, ms);
    }
  g_print ("klynge-cli info on the %s file: %.1f ms of CPU the first time, %.1f ms (median of %u) after\n",
           name, first, median (again), runs);
  return median (again);
}

static void
reexec (const char *program,
        const char *first_args[],
        int         argc,
        char       *argv[])
{
  GPtrArray *args = g_ptr_array_new ();

  for (guint i = 0; first_args[i] != NULL; i++)
    g_ptr_array_add (args, (char *) first_args[i]);
  for (int i = 0; i < argc; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);
  execvp (program, (char **) args->pdata);
  g_error ("%s: %s", program, g_strerror (errno));
}

int
main (int   argc,
      char *argv[])
{
  static const char *xvfb[] = { "xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", NULL };
  static const char *dbus[] = { "dbus-run-session", "--", NULL };
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 7;
  guint n_measurements = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 1000000;
  g_autofree char *dir = NULL, *small = NULL, *large = NULL, *rm = NULL;
  g_autoptr(GArray) opening = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) showing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));
  const char *app_argv[] = { "klynge", NULL };
  Bench bench = { NULL, NULL, MAX (runs, 1), opening, showing, shown };
  g_autoptr(GSettings) settings = NULL;
  GStatBuf st;
  double demo_info, large_info;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    reexec ("xvfb-run", xvfb, argc, argv);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    reexec ("dbus-run-session", dbus, argc, argv);

  dir = g_dir_make_tmp ("klynge-bench-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  /* Without a GPU, GL is Mesa's llvmpipe, whose threads drawing the spinner
   * take the processor from the worker (2.6 s instead of 0.6 s to show the
   * file on two cores); GSK_RENDERER=gl measures that anyway. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_DEBUG", "no-portals", TRUE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);

  small = g_build_filename (dir, "demo.sqlite", NULL);
  large = g_build_filename (dir, "large.sqlite", NULL);
  make_large (small, 0);
  make_large (large, n_measurements);
  g_assert_cmpint (g_stat (large, &st), ==, 0);
  g_print ("large file: %.1f MB\n", st.st_size / 1e6);

  demo_info = bench_cli_info ("demo", small, bench.runs);
  large_info = bench_cli_info ("large", large, bench.runs);
  g_print ("klynge-cli info: the %.0f MB file costs %.2f times the demo's (goal: within 2)\n",
           st.st_size / 1e6, large_info / demo_info);

  settings = g_settings_new ("io.github.klynge.Klynge");
  g_settings_set_string (settings, "last-database", "");
  bench.small = small;
  bench.large = large;
  klynge_ui_test_run_app (app_argv, run_cb, &bench);

  g_print ("opening a %.0f MB file, %u runs, medians: main loop blocked at most %.1f ms while "
           "opening, %.1f ms while showing it; file shown after %.1f ms\n",
           st.st_size / 1e6, shown->len, median (opening), median (showing), median (shown));

  rm = g_strdup_printf ("rm -rf '%s'", dir);
  return system (rm) == 0 ? 0 : 1;
}
