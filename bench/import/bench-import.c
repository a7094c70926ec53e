/* bench-import.c — a million-row CSV into a fresh database
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-import FILE.csv DB [CLINICS INDICATORS]: makes a cluster with the
 * file's clinics (provider numbers 100000…) and indicators (IND000…), then
 * imports the file as the app does and prints the time and the peak memory.
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

int
main (int argc, char **argv)
{
  g_autoptr(KlyngeDb) db = NULL;
  g_autoptr(KlyngeImportMapping) mapping = klynge_import_mapping_new ();
  g_autoptr(KlyngeImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 start, prepared, committed;
  gint64 cluster;

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

  start = g_get_monotonic_time ();
  plan = klynge_import_prepare (db, cluster, argv[1], mapping, NULL, NULL, NULL, &error);
  if (plan == NULL)
    die (error);
  if (klynge_import_plan_get_n_errors (plan) > 0)
    {
      g_printerr ("bench-import: the file has %u problems\n", klynge_import_plan_get_n_errors (plan));
      return 1;
    }
  prepared = g_get_monotonic_time ();
  if (klynge_import_commit (db, plan, KLYNGE_IMPORT_DUPLICATES_REJECT, NULL, NULL, NULL, NULL, &error) == 0)
    die (error);
  committed = g_get_monotonic_time ();
  getrusage (RUSAGE_SELF, &usage);

  g_print ("klynge import: %u rows in %.2f s (read and check %.2f s, write %.2f s), peak memory %.0f MB\n",
           klynge_import_plan_get_n_measurements (plan),
           (committed - start) / 1e6, (prepared - start) / 1e6, (committed - prepared) / 1e6,
           usage.ru_maxrss / 1024.0);
  return 0;
}
