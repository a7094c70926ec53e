/* klynge-bench-startup-floor.c — the least a libadwaita window costs
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An empty AdwApplicationWindow of Klynge's default size, presented and
 * quit after its first frame, reporting that frame as klynge does under
 * KLYNGE_BENCH_STARTUP: bench/startup divides Klynge's first frame by this
 * one's, which is what GTK, libadwaita and the display cost any app.
 */

#include <adwaita.h>
#include <stdio.h>

static void
first_frame_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  g_print ("first-frame-realtime-us %" G_GINT64_FORMAT "\n", g_get_real_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, app);
  g_application_quit (app);
}

static void
window_mapped_cb (GtkWidget    *window,
                  GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_frame_cb), app);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  /* Klynge's default size (data/io.github.klynge.Klynge.gschema.xml). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* Unique and opening files, as Klynge registers on the session bus. */
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.klynge.BenchFloor", G_APPLICATION_HANDLES_OPEN);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
