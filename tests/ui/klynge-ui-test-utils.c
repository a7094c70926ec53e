/* klynge-ui-test-utils.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "klynge-choice.h"
#include "klynge-meeting-row.h"
#include "klynge-meetings-page.h"
#include "klynge-ui-test-utils.h"

typedef struct
{
  KlyngeUiTestFunc func;
  gpointer         user_data;
  gboolean         ran;
} RunData;

static gboolean
any_window_opening (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KLYNGE_IS_WINDOW (window) && klynge_window_is_opening (KLYNGE_WINDOW (window)))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  GtkWidget     *window;
  GdkFrameClock *clock;
  guint          layout;  /* what the window's widgets looked like at the last frame */
  gboolean       stable;  /* a frame was drawn since the wait began, laid out as the one before */
  gulong         handler;
} Settling;

/* Where and how big every widget shown is, in one number. */
static guint
layout_hash (GtkWidget *widget,
             guint      hash)
{
  GtkAllocation allocation;

  if (!gtk_widget_get_mapped (widget))
    return hash;
  gtk_widget_get_allocation (widget, &allocation);
  hash = hash * 31 + (guint) allocation.x;
  hash = hash * 31 + (guint) allocation.y;
  hash = hash * 31 + (guint) allocation.width;
  hash = hash * 31 + (guint) allocation.height;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    hash = layout_hash (child, hash);
  return hash;
}

/* A layout can start another (a page turning narrow at a width), so the
 * wait goes on until a frame changed nothing. */
static void
frame_drawn_cb (GdkFrameClock *clock,
                Settling      *settling)
{
  guint layout = layout_hash (settling->window, 17);

  settling->stable = layout == settling->layout;
  settling->layout = layout;
  if (!settling->stable)
    gtk_widget_queue_draw (settling->window);
}

/* Whether a leaflet below @widget is folding, unfolding or sliding: its
 * slide shadow, the children that are none of its pages, is shown only
 * then. Its fold has no public "running" flag, and two frames of a fold can
 * be laid out alike, so the layout alone does not tell. */
static gboolean
leaflet_moving (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_LEAFLET (widget) && gtk_widget_get_mapped (child) &&
          adw_leaflet_get_page (ADW_LEAFLET (widget), child) == NULL)
        return TRUE;
      if (leaflet_moving (child))
        return TRUE;
    }
  return FALSE;
}

static gboolean
settled (GPtrArray *windows)
{
  if (any_window_opening () || g_main_context_pending (NULL))
    return FALSE;
  for (guint i = 0; i < windows->len; i++)
    {
      Settling *settling = g_ptr_array_index (windows, i);

      if (leaflet_moving (settling->window))
        {
          settling->stable = FALSE;
          gtk_widget_queue_draw (settling->window);
          return FALSE;
        }
    }
  for (guint i = 0; i < windows->len; i++)
    {
      Settling *settling = g_ptr_array_index (windows, i);

      if (!settling->stable && gtk_widget_get_mapped (settling->window))
        return FALSE;
    }
  return TRUE;
}

static void
settling_free (Settling *settling)
{
  g_signal_handler_disconnect (settling->clock, settling->handler);
  g_object_unref (settling->clock);
  g_object_unref (settling->window);
  g_free (settling);
}

void
klynge_ui_test_settle (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func ((GDestroyNotify) settling_free);

  /* A file being opened in the background is waited for first, as a user
   * would: the window it fills is what is then drawn. */
  KLYNGE_UI_TEST_WAIT (!any_window_opening ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
      Settling *settling;

      if (clock == NULL || !gtk_widget_get_mapped (window))
        continue;
      settling = g_new0 (Settling, 1);
      settling->window = g_object_ref (window);
      settling->clock = g_object_ref (clock);
      settling->layout = layout_hash (window, 17);
      settling->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_drawn_cb), settling);
      g_ptr_array_add (windows, settling);
      gtk_widget_queue_draw (window);
    }
  KLYNGE_UI_TEST_WAIT (settled (windows));
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
klynge_ui_test_iterate (void)
{
  guint wake = g_timeout_add (5, wake_cb, NULL);

  g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

gboolean
klynge_ui_test_wait_until (KlyngeUiTestCondition condition,
                           gpointer              data,
                           guint                 timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      klynge_ui_test_iterate ();
    }
  return TRUE;
}

static gboolean
has_focus (gpointer data)
{
  return gtk_window_is_active (data);
}

static void
fake_key (Display *display,
          KeySym   keysym,
          gboolean press)
{
  XTestFakeKeyEvent (display, XKeysymToKeycode (display, keysym), press, CurrentTime);
}

/* What the display must be like for keys alone to drive it; once per display. */
static void
prepare_display (Display *display)
{
  static Display *prepared;

  if (prepared == display)
    return;
  /* The press and its release reach the server together, but a server
   * starved of the CPU could take them apart by more than the repeat
   * delay and repeat the key (a press held for a second comes as ten). */
  XAutoRepeatOff (display);
  /* A key test leaves the mouse alone, so the pointer rests where no list
   * opens: in GTK 4.8 an item the pointer enters is selected, and a
   * drop-down chooses its list's selection on Return, not the item with
   * the focus. Resting at the screen's centre, the pointer lay over the
   * sixth item of a list the keys had opened, and under load that item,
   * not the one two Downs had reached, was chosen (twice in 8 runs). */
  XTestFakeMotionEvent (display, -1, DisplayWidth (display, DefaultScreen (display)) - 1,
                        DisplayHeight (display, DefaultScreen (display)) - 1, CurrentTime);
  prepared = display;
}

void
klynge_ui_test_press_key (GtkWindow       *window,
                          guint            keyval,
                          GdkModifierType  modifiers)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  Display *xdisplay;
  Window xid;

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  xdisplay = gdk_x11_display_get_xdisplay (display);
  xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));

  /* Xvfb has no window manager to give the window the keyboard. */
  XSetInputFocus (xdisplay, xid, RevertToParent, CurrentTime);
  prepare_display (xdisplay);
  XFlush (xdisplay);
  g_assert_true (klynge_ui_test_wait_until (has_focus, window, 5000));

  if (modifiers & GDK_CONTROL_MASK)
    fake_key (xdisplay, XK_Control_L, TRUE);
  if (modifiers & GDK_SHIFT_MASK)
    fake_key (xdisplay, XK_Shift_L, TRUE);
  fake_key (xdisplay, gdk_keyval_to_lower (keyval), TRUE);
  fake_key (xdisplay, gdk_keyval_to_lower (keyval), FALSE);
  if (modifiers & GDK_SHIFT_MASK)
    fake_key (xdisplay, XK_Shift_L, FALSE);
  if (modifiers & GDK_CONTROL_MASK)
    fake_key (xdisplay, XK_Control_L, FALSE);
  XSync (xdisplay, False);
  /* The events are in GDK's queue once the server has sent them. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
klynge_ui_test_type (GtkWindow  *window,
                     const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guint keyval = gdk_unicode_to_keyval (g_utf8_get_char (p));
      gboolean upper = keyval != gdk_keyval_to_lower (keyval);

      klynge_ui_test_press_key (window, keyval, upper ? GDK_SHIFT_MASK : 0);
    }
}

typedef struct
{
  GtkWidget  *editable;
  const char *text;
} Typed;

static gboolean
text_is (gpointer data)
{
  Typed *typed = data;

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (typed->editable)), typed->text) == 0;
}

void
klynge_ui_test_type_over (GtkWindow  *window,
                          GtkWidget  *editable,
                          const char *text)
{
  Typed typed = { editable, text };

  gtk_widget_grab_focus (editable);
  gtk_editable_select_region (GTK_EDITABLE (editable), 0, -1);
  klynge_ui_test_type (window, text);
  g_assert_true (klynge_ui_test_wait_until (text_is, &typed, 10000));
}

/* The newest message dialog on screen: a question asked over an editor
 * that is a dialog itself comes after it. */
static GtkWindow *
newest_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i-- > 0;)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return newest_dialog () != NULL && newest_dialog () != data;
}

void
klynge_ui_test_respond (const char *response)
{
  klynge_ui_test_respond_above (NULL, response);
}

void
klynge_ui_test_respond_above (GtkWindow  *editor,
                              const char *response)
{
  GtkWindow *dialog;

  g_assert_true (klynge_ui_test_wait_until (dialog_shown, editor, 10000));
  dialog = newest_dialog ();
  /* As its button does: the answer, then the dialog goes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
}

static gboolean
run_test_cb (gpointer data)
{
  GApplication *app = data;
  RunData *run = g_object_get_data (G_OBJECT (app), "klynge-ui-run");
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (KLYNGE_IS_WINDOW (window));
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (window)));
  klynge_ui_test_settle ();
  run->func (KLYNGE_WINDOW (window), run->user_data);
  run->ran = TRUE;

  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  if (KLYNGE_IS_WINDOW (window))
    g_idle_add (run_test_cb, app);
}

void
klynge_ui_test_use_language (gboolean    danish,
                             const char *localedir)
{
  if (danish)
    {
      g_setenv ("LANGUAGE", "da", TRUE);
      g_setenv ("LC_ALL", "da_DK.UTF-8", TRUE);
    }
  g_assert_nonnull (setlocale (LC_ALL, ""));
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* With KLYNGE_SCREENSHOT_DIR set, the screenshots are in the language the
 * environment asks for, read from KLYNGE_LOCALEDIR as the app's main() does
 * (the templates are translated in the default domain). */
static void
screenshot_language (void)
{
  if (g_getenv ("KLYNGE_SCREENSHOT_DIR") == NULL || g_getenv ("KLYNGE_LOCALEDIR") == NULL)
    return;
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KLYNGE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static void
run_app (const char * const *argv,
         gboolean            unique,
         KlyngeUiTestFunc    func,
         gpointer            user_data)
{
  g_autoptr(KlyngeApplication) app = klynge_application_new ();
  RunData run = { func, user_data, FALSE };
  int status;

  screenshot_language ();

  if (!unique)
    g_application_set_flags (G_APPLICATION (app),
                             g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (app), "klynge-ui-run", &run);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);

  status = g_application_run (G_APPLICATION (app), g_strv_length ((char **)argv), (char **)argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.ran);
}

void
klynge_ui_test_run_app (const char * const *argv,
                        KlyngeUiTestFunc    func,
                        gpointer            user_data)
{
  run_app (argv, FALSE, func, user_data);
}

void
klynge_ui_test_run_unique_app (const char * const *argv,
                               KlyngeUiTestFunc    func,
                               gpointer            user_data)
{
  run_app (argv, TRUE, func, user_data);
}

static void
collect (GtkWidget *widget,
         GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, out);
}

char *
klynge_ui_test_collect_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect (widget, out);
  return g_string_free (out, FALSE);
}

static void
text_read_cb (GObject      *clipboard,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

char *
klynge_ui_test_clipboard_text (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, text_read_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  return text;
}

gboolean
klynge_ui_test_shows (GtkWidget  *widget,
                      const char *text)
{
  g_autofree char *shown = klynge_ui_test_collect_text (widget);

  return strstr (shown, text) != NULL;
}

GtkWidget *
klynge_ui_test_find_widget (GtkWidget *widget,
                            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = klynge_ui_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
klynge_ui_test_find_button (GtkWidget  *widget,
                            const char *label)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;

  if (GTK_IS_BUTTON (widget))
    {
      g_autofree char *text = klynge_ui_test_collect_text (widget);
      const char *own = gtk_button_get_label (GTK_BUTTON (widget));

      if (g_strcmp0 (own, label) == 0 || g_strcmp0 (g_strstrip (text), label) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = klynge_ui_test_find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
klynge_ui_test_find_menu_item (GtkWidget  *widget,
                               const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *shown = klynge_ui_test_collect_text (child);
      GtkWidget *found;

      if (g_strcmp0 (G_OBJECT_TYPE_NAME (child), "GtkModelButton") == 0 && gtk_widget_get_visible (child) &&
          g_str_has_prefix (shown, text) && (shown[strlen (text)] == '\0' || shown[strlen (text)] == '\n'))
        return child;
      if ((found = klynge_ui_test_find_menu_item (child, text)) != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
klynge_ui_test_find_toast_button (KlyngeWindow *window,
                                  const char   *label)
{
  GtkWidget *overlay = klynge_ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);

  g_assert_nonnull (overlay);
  /* The toasts are the overlay's children besides the window's content. */
  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (child == adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay)))
        continue;
      if ((found = klynge_ui_test_find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
klynge_ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

GtkWidget *
klynge_ui_test_find_named (GtkWidget  *widget,
                           const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = klynge_ui_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

guint
klynge_ui_test_choice_position (GListModel *choices,
                                const char *label)
{
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(KlyngeChoice) choice = g_list_model_get_item (choices, i);

      if (g_str_equal (klynge_choice_get_label (choice), label))
        return i;
    }
  g_error ("“%s” is not among the choices", label);
}

void
klynge_ui_test_pick (GtkWidget  *picker,
                     const char *label)
{
  g_autoptr(GListModel) choices = NULL;

  g_object_get (picker, "model", &choices, NULL);
  g_object_set (picker, "selected", klynge_ui_test_choice_position (choices, label), NULL);
}

const char *
klynge_ui_test_picked (GtkWidget *picker)
{
  g_autoptr(GObject) choice = NULL;

  g_object_get (picker, "selected-item", &choice, NULL);
  return choice != NULL ? klynge_choice_get_label (KLYNGE_CHOICE (choice)) : NULL;
}

GtkWidget *
klynge_ui_test_find_error (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = klynge_ui_test_find_error (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
klynge_ui_test_activate_shortcut (GtkWidget  *widget,
                                  const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      GtkShortcutScope scope;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      /* Managed: a page's keys; global: the application's accels on the window. */
      scope = gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller));
      if (scope != GTK_SHORTCUT_SCOPE_MANAGED && scope != GTK_SHORTCUT_SCOPE_GLOBAL)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget, NULL);
        }
    }
  return FALSE;
}

GtkWidget *
klynge_ui_test_find_actionable (GtkWidget  *widget,
                                const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = klynge_ui_test_find_actionable (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
klynge_ui_test_show_page (KlyngeWindow *window,
                          const char   *area,
                          GType         page_type)
{
  GtkWidget *page;

  klynge_window_show_area (window, area);
  KLYNGE_UI_TEST_WAIT ((page = klynge_ui_test_find_widget (GTK_WIDGET (window), page_type)) != NULL &&
                       gtk_widget_get_mapped (page));
  return page;
}

GtkWidget *
klynge_ui_test_meeting_row (GtkWidget *page,
                            gint64     meeting_id)
{
  GtkWidget *list = klynge_ui_test_find_named (page, "meeting-list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (KLYNGE_IS_MEETING_ROW (row) && klynge_meeting_row_get_meeting (KLYNGE_MEETING_ROW (row))->id == meeting_id)
      return row;
  return NULL;
}

GtkWidget *
klynge_ui_test_open_meeting (KlyngeWindow *window,
                             gint64        meeting_id)
{
  GtkWidget *page = klynge_ui_test_show_page (window, "meetings", KLYNGE_TYPE_MEETINGS_PAGE);
  GtkListBox *list = GTK_LIST_BOX (klynge_ui_test_find_named (page, "meeting-list"));
  GtkWidget *row;

  if (meeting_id == 0)
    return page;
  KLYNGE_UI_TEST_WAIT ((row = klynge_ui_test_meeting_row (page, meeting_id)) != NULL);
  /* As a click does. Leaving a meeting with changes may ask first, so the
   * selection is not waited for: the caller answers or checks. */
  gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (row));
  klynge_ui_test_settle ();
  return page;
}

/* With KLYNGE_SCREENSHOT_DIR set, @widget as shown, saved there as @name
 * for a person to look at. */
void
klynge_ui_test_screenshot (GtkWidget  *widget,
                           const char *name)
{
  const char *dir = g_getenv ("KLYNGE_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (widget);
  /* A widget just redrawn has no picture until its next frame. */
  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC; node == NULL && g_get_monotonic_time () < end;)
    {
      klynge_ui_test_iterate ();
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* With KLYNGE_SCREENSHOT_DIR and KLYNGE_SCREENSHOT_DARK set, the
 * screenshots are of the dark style. */
void
klynge_ui_test_screenshot_style (void)
{
  if (g_getenv ("KLYNGE_SCREENSHOT_DIR") != NULL && g_getenv ("KLYNGE_SCREENSHOT_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
}
