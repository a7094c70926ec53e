/* klynge-topics-window.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-db.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_TOPICS_WINDOW (klynge_topics_window_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeTopicsWindow, klynge_topics_window, KLYNGE, TOPICS_WINDOW, AdwWindow)

GtkWidget *klynge_topics_window_new (GtkWindow *parent,
                                     KlyngeDb  *db,
                                     gint64     cluster_id);

G_END_DECLS
