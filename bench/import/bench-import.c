/* bench-import.c — a million-row CSV into a fresh database
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-import FILE.csv DB [CLINICS INDICATORS]: makes a cluster with the
 * file's clinics (provider numbers 100000…) and indicators (IND000…), then
 * imports the file as the app does and prints the time and the peak memory.
 * It then imports the same file again, replacing every measurement, undoes
 * that import (the first one's measurements come back) and undoes the first
 * one (nothing is left), and prints the time of each.
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "klynge-import.h"

static void
die (GError *error)
{
  g_printerr ("bench-import: %s\n", error->message);
  exit (1);
}

static gint64
make_cluster (KlyngeDb *db,
              int       n_clinics,
              int       n_indicators)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  if (!klynge_db_begin (db, &error) ||
      !klynge_db_exec (db, "INSERT INTO cluster (id, name) VALUES (1, 'Bench');"
                           "INSERT INTO topic (id, cluster_id, title) VALUES (1, 1, 'Bench')", &error))
    die (error);
  for (int i = 0; i < n_clinics; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", 100000 + i);
      g_autofree char *name = g_strdup_printf ("Klinik %04d", i);

      stmt = klynge_db_prepare (db, "INSERT INTO clinic (cluster_id, name, provider_number) VALUES (1, ?1, ?2)", &error);
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
      if (!klynge_db_step_done (db, stmt, &error))
        die (error);
    }
  for (int i = 0; i < n_indicators; i++)
    {
      g_autofree char *name = g_strdup_printf ("IND%03d", i);

      stmt = klynge_db_prepare (db, "INSERT INTO indicator (topic_id, name) VALUES (1, ?1)", &error);
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      if (!klynge_db_step_done (db, stmt, &error))
        die (error);
    }
  if (!klynge_db_commit (db, &error))
    die (error);
  return 1;
}

/* Seconds of CPU this process has used: on a machine shared with other
 * work, wall time varies with the load, this much less. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static KlyngeImportPlan *
prepare (KlyngeDb            *db,
         gint64               cluster,
         const char          *path,
         KlyngeImportMapping *mapping,
         guint                n_duplicates)
{
  g_autoptr(GError) error = NULL;
  KlyngeImportPlan *plan = klynge_import_prepare (db, cluster, path, mapping, NULL, NULL, NULL, &error);

  if (plan == NULL)
    die (error);
  if (klynge_import_plan_get_n_errors (plan) > 0 || klynge_import_plan_get_n_duplicates (plan) != n_duplicates)
    {
      g_printerr ("bench-import: the file has %u problems and %u duplicates\n",
                  klynge_import_plan_get_n_errors (plan), klynge_import_plan_get_n_duplicates (plan));
      exit (1);
    }
  return plan;
}

static void
undo (KlyngeDb   *db,
      gint64      batch,
      const char *what,
      gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu = cpu_seconds ();
  gint64 left;

  if (!klynge_import_undo (db, batch, NULL, NULL, &error))
    die (error);
  g_print ("klynge undo %s: %.2f s (CPU %.2f s)\n", what, (g_get_monotonic_time () - start) / 1e6, cpu_seconds () - cpu);
  if (!klynge_db_count (db, "SELECT count(*) FROM measurement", 0, &left, &error))
    die (error);
  if (left != expected)
    {
      g_printerr ("bench-import: %" G_GINT64_FORMAT " measurements left, not %" G_GINT64_FORMAT "\n", left, expected);
      exit (1);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(KlyngeDb) db = NULL;
  g_autoptr(KlyngeImportMapping) mapping = klynge_import_mapping_new ();
  g_autoptr(KlyngeImportPlan) plan = NULL;
  g_autoptr(KlyngeImportPlan) replacing = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 start, prepared, committed;
  gint64 cluster, first, second;
  guint n;
  double cpu;

  setlocale (LC_ALL, "");
  if (argc < 3)
    {
      g_printerr ("Usage: bench-import FILE.csv DB [CLINICS INDICATORS]\n");
      return 2;
    }

  g_unlink (argv[2]);
  db = klynge_db_open (argv[2], KLYNGE_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    die (error);
  cluster = make_cluster (db, argc > 3 ? atoi (argv[3]) : 2000, argc > 4 ? atoi (argv[4]) : 50);

  mapping->clinic = g_strdup ("clinic_number");
  mapping->period = g_strdup ("period");
  mapping->indicator = g_strdup ("indicator");
  mapping->numerator = g_strdup ("numerator");
  mapping->denominator = g_strdup ("denominator");

  cpu = cpu_seconds ();
  start = g_get_monotonic_time ();
  plan = prepare (db, cluster, argv[1], mapping, 0);
  prepared = g_get_monotonic_time ();
  if ((first = klynge_import_commit (db, plan, KLYNGE_IMPORT_DUPLICATES_REJECT, NULL, NULL, NULL, NULL, &error)) == 0)
    die (error);
  committed = g_get_monotonic_time ();
  getrusage (RUSAGE_SELF, &usage);

  g_print ("klynge import: %u rows in %.2f s (read and check %.2f s, write %.2f s; CPU %.2f s), peak memory %.0f MB\n",
           klynge_import_plan_get_n_measurements (plan),
           (committed - start) / 1e6, (prepared - start) / 1e6, (committed - prepared) / 1e6,
           cpu_seconds () - cpu, usage.ru_maxrss / 1024.0);

  n = klynge_import_plan_get_n_measurements (plan);
  g_clear_pointer (&plan, klynge_import_plan_free);
  cpu = cpu_seconds ();
  start = g_get_monotonic_time ();
  replacing = prepare (db, cluster, argv[1], mapping, n);
  prepared = g_get_monotonic_time ();
  if ((second = klynge_import_commit (db, replacing, KLYNGE_IMPORT_DUPLICATES_REPLACE, NULL, NULL, NULL, NULL, &error)) == 0)
    die (error);
  committed = g_get_monotonic_time ();
  getrusage (RUSAGE_SELF, &usage);
  g_print ("klynge import replacing all %u rows: %.2f s (read and check %.2f s, write %.2f s; CPU %.2f s), peak memory %.0f MB\n",
           n, (committed - start) / 1e6, (prepared - start) / 1e6, (committed - prepared) / 1e6,
           cpu_seconds () - cpu, usage.ru_maxrss / 1024.0);

  undo (db, second, "of the replacing import (the first one's rows come back)", n);
  undo (db, first, "of the first import", 0);
  return 0;
}
