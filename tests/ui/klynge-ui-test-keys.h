/* klynge-ui-test-keys.h — real key presses for the tests that drive the window
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives @window the keyboard focus, as a click on it would. */
void klynge_ui_test_focus_window (GtkWindow *window);
/* Presses and releases the key of @keyval on the X server (XTest), so the
 * event travels the whole way a clicker's does: X, GDK, the window's
 * controllers in their phases, its bindings. Returns once the press is sent;
 * wait for what it should change. */
void klynge_ui_test_send_key    (GtkWindow *window,
                                  guint      keyval);
/* The same with Control and/or Shift (of @modifiers) held down. */
void klynge_ui_test_send_key_with_modifiers (GtkWindow       *window,
                                             guint            keyval,
                                             GdkModifierType  modifiers);

G_END_DECLS
