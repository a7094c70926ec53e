/* klynge-request.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

void klynge_request_connect (gpointer        dialog,
                             const char     *detailed_signal,
                             GCallback       callback,
                             gpointer        owner,
                             gpointer        request,
                             GDestroyNotify  request_free);

G_END_DECLS
