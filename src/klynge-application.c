/* klynge-application.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include <stdio.h>

#include "klynge-accessible.h"
#include "klynge-application.h"
#include "klynge-window.h"

#define RESOURCE_PATH "/io/github/klynge/Klynge"

struct _KlyngeApplication
{
  AdwApplication parent_instance;

  char          *area;
  guint          open_demo : 1;
};

G_DEFINE_FINAL_TYPE (KlyngeApplication, klynge_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo cluster"), NULL },
  /* Lets a facilitator (and the screenshots of the README) start on one area. */
  { "area", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Show this area first: clusters, meetings, data, charts or finances"), N_("AREA") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

/* @reopen_last: whether a new window opens the last database; not when
 * another file is about to be opened (it would only be closed again, or
 * report a missing file the user did not ask for). */
static KlyngeWindow *
get_window (KlyngeApplication *self,
            gboolean           reopen_last)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (klynge_window_new (ADW_APPLICATION (self)));
      if (reopen_last)
        klynge_window_restore (KLYNGE_WINDOW (window));
    }

  return KLYNGE_WINDOW (window);
}

/* bench/startup measures from process start to here: the first frame drawn
 * with the database shown (the file opens in the background meanwhile). */
static void
first_frame_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (KLYNGE_IS_WINDOW (window) && klynge_window_is_opening (KLYNGE_WINDOW (window)))
    return;

  g_print ("first-frame-realtime-us %" G_GINT64_FORMAT "\n", g_get_real_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, app);
  g_application_quit (app);
}

static void
window_mapped_cb (GtkWidget    *window,
                  GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_cb), app);
}

static void
present (KlyngeApplication *self,
         KlyngeWindow      *window)
{
  /* --area applies once, to the first window, whichever way it opened. */
  if (self->area != NULL)
    {
      klynge_window_show_area (window, self->area);
      g_clear_pointer (&self->area, g_free);
    }

  if (g_getenv ("KLYNGE_BENCH_STARTUP") != NULL)
    g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), self);

  gtk_window_present (GTK_WINDOW (window));
}

static void
klynge_application_activate (GApplication *app)
{
  KlyngeApplication *self = KLYNGE_APPLICATION (app);
  KlyngeWindow *window = get_window (self, !self->open_demo);

  if (self->open_demo)
    {
      self->open_demo = FALSE;
      klynge_window_open_demo (window);
    }
  present (self, window);
}

static void
klynge_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  KlyngeApplication *self = KLYNGE_APPLICATION (app);
  KlyngeWindow *window = get_window (self, FALSE);
  g_autofree char *path = g_file_get_path (files[0]);

  if (path != NULL)
    klynge_window_open_path (window, path);

  present (self, window);
}

static int
klynge_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("Klynge %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "area", "s", &KLYNGE_APPLICATION (app)->area) &&
      !klynge_window_is_area (KLYNGE_APPLICATION (app)->area))
    {
      g_printerr (_("There is no area called “%s”: choose clusters, meetings, data, charts or finances.\n"),
                  KLYNGE_APPLICATION (app)->area);
      return 2;
    }

  if (g_variant_dict_contains (options, "demo"))
    {
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      /* A running Klynge opens the demo in its own window. */
      if (g_application_get_is_remote (app))
        {
          g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
          return 0;
        }

      KLYNGE_APPLICATION (app)->open_demo = TRUE;
    }

  return -1;
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  KlyngeApplication *self = KLYNGE_APPLICATION (user_data);
  KlyngeWindow *window = get_window (self, FALSE);

  klynge_window_open_demo (window);
  present (self, window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  /* Translators: who wrote Klynge, in the About window */
  const char *authors = _("The Klynge authors");
  const char *developers[] = { authors, NULL };
  GtkApplication *app = GTK_APPLICATION (user_data);
  /* Translators: the About window's copyright line */
  g_autofree char *copyright = g_strdup_printf (_("© %d %s"), 2026, authors);
  GtkIconTheme *icons = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  /* Installed, the icon is in the hicolor theme; uninstalled, only in the
   * resources, which are added to the theme here, not at start-up (see
   * klynge_application_new). */
  if (!gtk_icon_theme_has_icon (icons, APP_ID))
    gtk_icon_theme_add_resource_path (icons, RESOURCE_PATH "/icons");

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", "Klynge",
                         "application-icon", APP_ID,
                         "developer-name", authors,
                         "version", PACKAGE_VERSION,
                         "comments", _("For general-practice quality clusters: members, meetings, the clinics’ data, benchmark charts and accounts in one place."),
                         "website", "https://github.com/klynge/klynge",
                         "developers", developers,
                         /* Translators: your name(s), one per line */
                         "translator-credits", _("translator-credits"),
                         "copyright", copyright,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "open-demo", open_demo_action },
  { "about", about_action },
  { "quit", quit_action },
};

/* The application's accels reach only the windows it knows: editors and
 * dialogs shown over the main window have none, so each new one gets Ctrl+W
 * of its own. */
static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    app)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkEventController *controller;

      if (gtk_window_get_application (window) != NULL || g_object_get_data (G_OBJECT (window), "klynge-close-key") != NULL)
        continue;
      controller = gtk_shortcut_controller_new ();
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>w"),
                                                              gtk_named_action_new ("window.close")));
      gtk_widget_add_controller (GTK_WIDGET (window), controller);
      g_object_set_data (G_OBJECT (window), "klynge-close-key", controller);
    }
}

static void
klynge_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  /* Every window and dialog has GTK's window.close; Ctrl+W reaches the one
   * with the focus, which asks about unsaved work as its close button does. */
  static const char *close_accels[] = { "<Control>w", NULL };
  /* Ctrl+N is each area's new item, as in other GNOME apps; a new
   * database is rare. Through the application, so the menu shows it. */
  static const char *new_database_accels[] = { "<Control><Shift>n", NULL };
  /* GTK's for a gtk/help-overlay.ui, which the window builds when asked. */
  static const char *help_overlay_accels[] = { "<Control>F1", "<Control>question", NULL };

  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

  G_APPLICATION_CLASS (klynge_application_parent_class)->startup (app);

  /* What AdwApplication would load from a resource base path (see
   * klynge_application_new), at the same priority. */
  gtk_css_provider_load_from_resource (style, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  klynge_accessible_install ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-database", new_database_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_overlay_accels);
  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed", G_CALLBACK (toplevels_changed_cb), app, 0);
}

static void
klynge_application_class_init (KlyngeApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = klynge_application_activate;
  app_class->open = klynge_application_open;
  app_class->startup = klynge_application_startup;
  app_class->handle_local_options = klynge_application_handle_local_options;
}

static void
klynge_application_init (KlyngeApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

KlyngeApplication *
klynge_application_new (void)
{
  KlyngeApplication *self = g_object_new (KLYNGE_TYPE_APPLICATION,
                                          "application-id", APP_ID,
                                          "flags", G_APPLICATION_HANDLES_OPEN,
                                          NULL);

  /* No resource base path. With one, GtkApplication's start-up creates the
   * icon theme, which GTK 4.8 begins to load in a thread, and libadwaita 1.2
   * adds its own icons to the theme a moment later: that waits for the load
   * and throws it away, so the first icon shown loads the whole theme again,
   * on the main thread (80 M instructions, 8 % of the first frame in
   * bench/startup). Without one, libadwaita creates the theme and adds its
   * icons before the load begins. Klynge's style sheet is loaded in startup,
   * its icons when the About window needs them. */
  g_application_set_resource_base_path (G_APPLICATION (self), NULL);
  return self;
}
