/* klynge-ui-test-utils.h — helpers for the tests that drive the real window
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "klynge-application.h"
#include "klynge-window.h"

G_BEGIN_DECLS

typedef void (*KlyngeUiTestFunc) (KlyngeWindow *window,
                                  gpointer      user_data);

/* Runs the real application (non-unique) with @argv, calls @func once its
 * window is on screen, then closes the window and returns when the app quit. */
void      klynge_ui_test_run_app         (const char * const *argv,
                                          KlyngeUiTestFunc    func,
                                          gpointer            user_data);
/* The same, registered on the session bus as the one instance a desktop
 * has, so a second process reaches it. */
void      klynge_ui_test_run_unique_app  (const char * const *argv,
                                          KlyngeUiTestFunc    func,
                                          gpointer            user_data);
/* Shows @area and returns its page, of @page_type. */
GtkWidget *klynge_ui_test_show_page      (KlyngeWindow *window,
                                          const char   *area,
                                          GType         page_type);
/* Shows the Meetings area and opens meeting @meeting_id from its list (0:
 * none, whichever the area opens by itself); returns the area's page. */
GtkWidget *klynge_ui_test_open_meeting   (KlyngeWindow *window,
                                          gint64        meeting_id);
/* The row of meeting @meeting_id in the Meetings area's list, or %NULL. */
GtkWidget *klynge_ui_test_meeting_row    (GtkWidget    *page,
                                          gint64        meeting_id);
/* Runs the tests in the environment's language (@danish: as the Danish
 * user, in their language and locale) with the build's catalogues in
 * @localedir. Call it first in main(). */
void      klynge_ui_test_use_language    (gboolean      danish,
                                          const char   *localedir);
/* Waits until GTK handled what is pending: no file is being opened, every
 * window on screen drew a frame that moved or resized no widget, and no
 * source is ready. For a step whose outcome is not checked; a check waits for what it
 * checks. */
void      klynge_ui_test_settle          (void);
/* All text shown by labels below @widget, joined by newlines. */
char     *klynge_ui_test_collect_text    (GtkWidget  *widget);
/* Whether a label or entry below @widget shows @text (or a longer text
 * holding it). */
gboolean  klynge_ui_test_shows           (GtkWidget  *widget,
                                          const char *text);
/* The text on @widget's clipboard ("" for none), read as a paste does. */
char     *klynge_ui_test_clipboard_text  (GtkWidget  *widget);
/* The first descendant of @widget of @type (depth-first), or %NULL. */
GtkWidget *klynge_ui_test_find_widget    (GtkWidget  *widget,
                                          GType       type);
/* The position of the choice labelled @label among @choices (a drop-down's
 * list of KlyngeChoice); fails the test when there is none. */
guint      klynge_ui_test_choice_position (GListModel *choices,
                                           const char *label);
/* Selects the choice labelled @label of @picker (a GtkDropDown or an
 * AdwComboRow), as a click on it in the list does. */
void       klynge_ui_test_pick           (GtkWidget  *picker,
                                          const char *label);
/* The label of the choice @picker shows, or %NULL when none is chosen. */
const char *klynge_ui_test_picked        (GtkWidget  *picker);
/* The visible toplevel window of @type (a dialog, say), or %NULL. */
GtkWindow *klynge_ui_test_find_toplevel  (GType       type);
/* The first descendant of @widget (or @widget) with this gtk_widget_get_name(), or %NULL. */
GtkWidget *klynge_ui_test_find_named     (GtkWidget  *widget,
                                          const char *name);
/* The first message shown as an error (a label of class "error") in @widget, or %NULL. */
GtkWidget *klynge_ui_test_find_error     (GtkWidget  *widget);
/* The first descendant of @widget (or @widget) that activates @action, or %NULL. */
GtkWidget *klynge_ui_test_find_actionable (GtkWidget  *widget,
                                           const char *action);
/* A menu's visible item below @widget (GTK 4.8's private GtkModelButton)
 * whose text is @text (its key may follow on a line of its own), or %NULL. */
GtkWidget *klynge_ui_test_find_menu_item (GtkWidget  *widget,
                                          const char *text);
/* The visible widget with this label/title text, or %NULL. */
GtkWidget *klynge_ui_test_find_button    (GtkWidget  *widget,
                                          const char *label);
/* Emits @keyval on @widget's key controllers, as GTK hands them a key the
 * focused row did not take; fails the test when none of them takes it. */
/* The button labelled @label on a toast shown in @window, or %NULL. */
GtkWidget *klynge_ui_test_find_toast_button (KlyngeWindow *window,
                                             const char   *label);
/* Whether the wait is over; for klynge_ui_test_wait_until(). */
typedef gboolean (*KlyngeUiTestCondition) (gpointer data);

/* Runs the main loop until @condition holds or @timeout_ms passed; TRUE
 * when it holds. Tests wait for what they check, never for a time. */
gboolean  klynge_ui_test_wait_until      (KlyngeUiTestCondition condition,
                                          gpointer              data,
                                          guint                 timeout_ms);
/* Runs the main loop once, waking within a few milliseconds. */
void      klynge_ui_test_iterate         (void);
/* Waits until @expr is true, failing the test with @expr's text after 30
 * seconds: long enough for a file checked in a worker on a machine busy
 * with other builds, never waited for when the condition holds. */
#define KLYNGE_UI_TEST_WAIT(expr) \
  G_STMT_START { \
    gint64 klynge_deadline_ = g_get_monotonic_time () + 30 * G_USEC_PER_SEC; \
    while (!(expr)) \
      { \
        if (g_get_monotonic_time () > klynge_deadline_) \
          g_error ("%s:%d: still not true after 30 s: %s", __FILE__, __LINE__, #expr); \
        klynge_ui_test_iterate (); \
      } \
  } G_STMT_END
/* Types @keyval with @modifiers held into @window through the X server
 * (XTest), as a keyboard would: the focused widget gets it first. */
void      klynge_ui_test_press_key       (GtkWindow       *window,
                                          guint            keyval,
                                          GdkModifierType  modifiers);
/* Types @text into @window key by key with klynge_ui_test_press_key(). */
void      klynge_ui_test_type            (GtkWindow       *window,
                                          const char      *text);
/* Types @text with real keys over the whole text of @editable in @window. */
void      klynge_ui_test_type_over       (GtkWindow       *window,
                                          GtkWidget       *editable,
                                          const char      *text);
/* Answers the message dialog on screen (waiting for it) with @response,
 * as its button does. */
void      klynge_ui_test_respond         (const char      *response);
/* The same for a question asked over @editor, a message dialog itself. */
void      klynge_ui_test_respond_above   (GtkWindow       *editor,
                                          const char      *response);
/* Activates the shortcut for @accelerator that @widget offers the whole
 * window (wherever the focus is); FALSE when it offers none. */
gboolean  klynge_ui_test_activate_shortcut (GtkWidget  *widget,
                                            const char *accelerator);

/* Saves @widget as a PNG named @name in KLYNGE_SCREENSHOT_DIR, when set. */
void      klynge_ui_test_screenshot      (GtkWidget  *widget,
                                          const char *name);
/* Forces the dark style for screenshots when KLYNGE_SCREENSHOT_DARK is set. */
void      klynge_ui_test_screenshot_style (void);

G_END_DECLS
