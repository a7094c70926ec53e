/* klynge-ui-test-keys.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4 cannot make a GdkEvent outside itself, and emitting a controller's
 * signal skips what decides whether a key arrives at all (a window's own
 * bindings take the arrows and Space before a subclass's). The tests run
 * under Xvfb, so the key is pressed where a keyboard would press it.
 */

#include <X11/Xlib.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>
#include <gdk/x11/gdkx.h>

#include "klynge-ui-test-keys.h"
#include "klynge-ui-test-utils.h"

static Display *
x_display (GtkWindow *window)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return gdk_x11_display_get_xdisplay (display);
}

void
klynge_ui_test_focus_window (GtkWindow *window)
{
  Display *x = x_display (window);
  GdkSurface *surface;
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  XSync (x, False);
  XSetInputFocus (x, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XSync (x, False);
  while (!gtk_window_is_active (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_window_is_active (window));
}

void
klynge_ui_test_send_key (GtkWindow *window,
                          guint      keyval)
{
  klynge_ui_test_send_key_with_modifiers (window, keyval, 0);
}

void
klynge_ui_test_send_key_with_modifiers (GtkWindow       *window,
                                        guint            keyval,
                                        GdkModifierType  modifiers)
{
  Display *x = x_display (window);
  KeyCode code = XKeysymToKeycode (x, keyval);
  KeyCode shift = XKeysymToKeycode (x, XK_Shift_L);
  KeyCode control = XKeysymToKeycode (x, XK_Control_L);
  gboolean shifted;

  g_assert_cmpuint (code, !=, 0);
  /* The key's unshifted symbol, or Shift with it (an upper-case letter). */
  shifted = (modifiers & GDK_SHIFT_MASK) != 0 || XkbKeycodeToKeysym (x, code, 0, 0) != keyval;
  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (x, control, True, CurrentTime);
  if (shifted)
    XTestFakeKeyEvent (x, shift, True, CurrentTime);
  XTestFakeKeyEvent (x, code, True, CurrentTime);
  XTestFakeKeyEvent (x, code, False, CurrentTime);
  if (shifted)
    XTestFakeKeyEvent (x, shift, False, CurrentTime);
  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (x, control, False, CurrentTime);
  XSync (x, False);
}
