/* klynge-measurements-window.h — see and correct the stored numbers
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-context.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_MEASUREMENTS_WINDOW (klynge_measurements_window_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeMeasurementsWindow, klynge_measurements_window, KLYNGE, MEASUREMENTS_WINDOW, AdwWindow)

/* Per indicator and period, every clinic's numbers with the file they came
 * from; one clinic's corrected or cleared at a time, undone with Ctrl+Z as
 * anywhere in @parent. */
GtkWindow *klynge_measurements_window_new (GtkWindow     *parent,
                                           KlyngeContext *context);

G_END_DECLS
