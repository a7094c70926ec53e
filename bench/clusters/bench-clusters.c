/* bench-clusters.c — the Clusters & members area on a large cluster
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-clusters [RUNS]: builds a database with 500 clinics and 2,000
 * members, then times (median of RUNS) opening the area — loading its
 * models into the real page until the next frame is painted — and
 * filtering the member list by a typed name. Target: 50 ms each.
 * Without a display it runs itself under xvfb-run.
 */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <time.h>
#include <unistd.h>

#include "klynge-clinic.h"
#include "klynge-cluster.h"
#include "klynge-format.h"
#include "klynge-clusters-page.h"
#include "klynge-member.h"
#include "klynge-ui-test-utils.h"

#define N_CLINICS 500
#define N_MEMBERS 2000

static const char *first_names[] = { "Anne", "Mette", "Lars", "Søren", "Helle", "Jens", "Camilla", "Peter",
                                     "Louise", "Henrik", "Karen", "Mads", "Sofie", "Thomas", "Line", "Ole" };
static const char *last_names[] = { "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen",
                                    "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Østergaard", "Bach" };

static gint64
fill (KlyngeDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) clinic_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 cluster = klynge_cluster_create (db, "Bench Cluster", &error);

  g_assert_no_error (error);
  g_assert_true (klynge_db_begin (db, NULL));
  for (guint i = 0; i < N_CLINICS; i++)
    {
      g_autoptr(KlyngeClinic) clinic = klynge_clinic_new ();

      g_free (clinic->name);
      clinic->name = g_strdup_printf ("Lægehuset %s %u", last_names[i % G_N_ELEMENTS (last_names)], i);
      g_free (clinic->provider_number);
      clinic->provider_number = g_strdup_printf ("%06u", 100000 + i);
      clinic->listed_patients = 1500 + (i * 37) % 6000;
      g_assert_true (klynge_clinic_save (db, cluster, clinic, &error));
      g_array_append_val (clinic_ids, clinic->id);
    }
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autoptr(KlyngeMember) member = klynge_member_new ();

      g_free (member->name);
      member->name = g_strdup_printf ("%s %s %u", first_names[i % G_N_ELEMENTS (first_names)],
                                      last_names[(i / 7) % G_N_ELEMENTS (last_names)], i);
      g_free (member->email);
      member->email = g_strdup_printf ("member%u@klinik%u.dk", i, i % N_CLINICS);
      member->clinic_id = g_array_index (clinic_ids, gint64, i % N_CLINICS);
      member->joined_on = g_strdup ("2019-01-01");
      if (i % 10 == 0)
        g_ptr_array_add (member->roles, klynge_member_role_new ("board", "2020-01-01", NULL));
      if (i % 25 == 0)
        member->left_on = g_strdup ("2024-06-30");
      g_assert_true (klynge_member_save (db, cluster, member, &error));
    }
  g_assert_true (klynge_db_commit (db, NULL));
  return cluster;
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Runs the main loop until the window has painted a frame. */
static void
wait_for_paint (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);

  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

/* Wall-clock time says what the user waits; CPU time of this process says
 * what the work costs when other programs share the processor. */
typedef struct
{
  gint64 wall;
  gint64 cpu;
} Stamp;

static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static Stamp
stamp (void)
{
  return (Stamp) { g_get_monotonic_time (), cpu_now () };
}

static void
record (Stamp   start,
        GArray *wall,
        GArray *cpu)
{
  double wall_ms = (g_get_monotonic_time () - start.wall) / 1000.0;
  double cpu_ms = (cpu_now () - start.cpu) / 1000.0;

  g_array_append_val (wall, wall_ms);
  g_array_append_val (cpu, cpu_ms);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *wall,
        GArray     *cpu)
{
  g_array_sort (wall, compare_doubles);
  g_array_sort (cpu, compare_doubles);
  g_print ("%s: median %.1f ms (min %.1f, max %.1f); CPU time median %.1f ms (%u runs)\n", what,
           g_array_index (wall, double, wall->len / 2), g_array_index (wall, double, 0),
           g_array_index (wall, double, wall->len - 1), g_array_index (cpu, double, cpu->len / 2), wall->len);
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 15;
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr(KlyngeDb) db = NULL;
  g_autoptr(KlyngeContext) context = NULL;
  g_autoptr(GArray) open_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) core_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) core_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tab_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tab_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paint_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paint_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scratch_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scratch_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window, *page, *search;
  GtkLabel *count;
  GListModel *members;
  gint64 cluster, roles;
  g_autofree char *grouped = klynge_format_integer (N_MEMBERS);
  g_autofree char *all_members = g_strdup_printf ("%s members", grouped);
  g_autofree char *shown_suffix = g_strdup_printf ("of %s shown", grouped);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      char **args = g_new0 (char *, argc + 5);

      args[0] = (char *) "xvfb-run";
      args[1] = (char *) "-a";
      args[2] = (char *) "-s";
      args[3] = (char *) "-screen 0 1600x1000x24";
      for (int i = 0; i < argc; i++)
        args[4 + i] = argv[i];
      execvp ("xvfb-run", args);
      g_error ("xvfb-run: %s", g_strerror (errno));
    }
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GDK_DEBUG", "no-portals", TRUE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);
  gtk_init ();
  adw_init ();

  dir = g_dir_make_tmp ("klynge-bench-XXXXXX", NULL);
  path = g_build_filename (dir, "bench.sqlite", NULL);
  db = klynge_db_open (path, KLYNGE_DB_OPEN_DEFAULT, NULL);
  cluster = fill (db);
  if (!klynge_db_count (db, "SELECT count(*) FROM member_role", 0, &roles, NULL))
    g_error ("bench-clusters: the members' roles could not be counted");
  g_print ("database: %d clinics, %d members (%" G_GINT64_FORMAT " roles)\n", N_CLINICS, N_MEMBERS, roles);

  context = klynge_context_new ();
  page = g_object_new (KLYNGE_TYPE_CLUSTERS_PAGE, NULL);
  klynge_page_set_context (KLYNGE_PAGE (page), context);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (window);
  /* Under Xvfb the GL renderer runs on the processor (llvmpipe); GSK_RENDERER=cairo shows the app's own cost. */
  g_print ("renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  search = klynge_ui_test_find_named (page, "search");
  count = GTK_LABEL (klynge_ui_test_find_named (page, "count"));
  members = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (klynge_ui_test_find_named (page, "members_view"))));

  for (guint run = 0; run <= runs; run++)
    {
      /* The first run warms caches and is not counted. */
      GArray *wall = run > 0 ? open_wall : scratch_wall, *cpu = run > 0 ? open_cpu : scratch_cpu;
      Stamp start;

      /* Opening: the page loads its models for the database shown. */
      klynge_context_set_db (context, NULL, 0);
      wait_for_paint (window);
      start = stamp ();
      klynge_context_set_db (context, db, cluster);
      wait_for_paint (window);
      record (start, wall, cpu);
      g_assert_cmpstr (gtk_label_get_text (count), ==, all_members);
      g_assert_cmpuint (g_list_model_get_n_items (members), >, 0);

      /* The clinics fill their list when their tab is opened. */
      {
        GtkStack *stack = GTK_STACK (klynge_ui_test_find_named (page, "lists"));

        start = stamp ();
        gtk_stack_set_visible_child_name (stack, "clinics");
        wait_for_paint (window);
        record (start, run > 0 ? tab_wall : scratch_wall, run > 0 ? tab_cpu : scratch_cpu);
        g_assert_cmpstr (gtk_label_get_text (count), ==, "500 clinics");
        gtk_stack_set_visible_child_name (stack, "members");
        wait_for_paint (window);
      }

      /* The core part alone: both lists and their roles. */
      start = stamp ();
      g_object_unref (klynge_member_list (db, cluster, NULL));
      g_object_unref (klynge_clinic_list (db, cluster, NULL));
      record (start, run > 0 ? core_wall : scratch_wall, run > 0 ? core_cpu : scratch_cpu);

      /* Filtering: a typed name, from the search to the painted list. */
      start = stamp ();
      gtk_editable_set_text (GTK_EDITABLE (search), "ole bach 1");
      g_signal_emit_by_name (search, "search-changed");
      wait_for_paint (window);
      record (start, run > 0 ? filter_wall : scratch_wall, run > 0 ? filter_cpu : scratch_cpu);
      g_assert_true (g_str_has_suffix (gtk_label_get_text (count), shown_suffix));
      g_assert_cmpuint (g_list_model_get_n_items (members), >, 0);
      gtk_editable_set_text (GTK_EDITABLE (search), "");
      g_signal_emit_by_name (search, "search-changed");
      wait_for_paint (window);
    }

  for (guint run = 0; run < runs; run++)
    {
      Stamp start = stamp ();

      gtk_widget_queue_draw (window);
      wait_for_paint (window);
      record (start, paint_wall, paint_cpu);
    }

  report ("open the area (load models, first frame)", open_wall, open_cpu);
  report ("  of which loading members and clinics from the database", core_wall, core_cpu);
  report ("open the Clinics tab (500 clinics)", tab_wall, tab_cpu);
  report ("filter members by a typed name (to the painted frame)", filter_wall, filter_cpu);
  report ("for comparison: repainting the unchanged window", paint_wall, paint_cpu);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&db);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
