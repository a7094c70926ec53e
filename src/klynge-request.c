/* klynge-request.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-request.h"

/**
 * klynge_request_connect:
 * @dialog: a dialog or file chooser that @owner opened
 * @callback: its handler, given @request as user data
 * @owner: the object the answer is for, which @request points back to
 * @request: (transfer full): what the opening code hands the handler
 * @request_free: frees @request with the handler
 *
 * What a dialog's answer needs besides the answer goes to its handler as
 * typed data, not as string-keyed data on the dialog.
 *
 * The handler holds no reference on @owner: a reference would keep a
 * closed window alive, and with it the transient dialog it should take
 * along. Instead, once @owner is finalized the handler is no longer
 * called, so an answer never reaches a freed page or window.
 */
void
klynge_request_connect (gpointer        dialog,
                        const char     *detailed_signal,
                        GCallback       callback,
                        gpointer        owner,
                        gpointer        request,
                        GDestroyNotify  request_free)
{
  GClosure *closure = g_cclosure_new (callback, request, (GClosureNotify) G_CALLBACK (request_free));

  g_object_watch_closure (owner, closure);
  g_signal_connect_closure (dialog, detailed_signal, closure, FALSE);
}
