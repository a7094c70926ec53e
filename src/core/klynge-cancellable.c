/* klynge-cancellable.c — the one task of a kind that a view keeps running
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view runs one export, one import or one preview at a time: a new one
 * cancels the one before, whose result would otherwise arrive late and
 * overwrite the new one's; a view going away cancels what it started.
 */

#include "klynge-cancellable.h"

/**
 * klynge_cancellable_renew:
 * @slot: where the view keeps its task's cancellable (may hold %NULL)
 *
 * Cancels the task @slot guards and puts a new cancellable there.
 *
 * Returns: (transfer none): the new cancellable, for the next task
 */
GCancellable *
klynge_cancellable_renew (GCancellable **slot)
{
  klynge_cancellable_clear (slot);
  *slot = g_cancellable_new ();
  return *slot;
}

/**
 * klynge_cancellable_clear:
 * @slot: where the view keeps its task's cancellable (may hold %NULL)
 *
 * Cancels the task @slot guards and empties it.
 */
void
klynge_cancellable_clear (GCancellable **slot)
{
  g_cancellable_cancel (*slot);
  g_clear_object (slot);
}
