/* klynge-cancellable.h — the one task of a kind that a view keeps running
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GCancellable *klynge_cancellable_renew (GCancellable **slot);
void          klynge_cancellable_clear (GCancellable **slot);

G_END_DECLS
