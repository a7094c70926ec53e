/* klynge-window.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-context.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_WINDOW (klynge_window_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeWindow, klynge_window, KLYNGE, WINDOW, AdwApplicationWindow)

KlyngeWindow  *klynge_window_new          (AdwApplication *application);
KlyngeContext *klynge_window_get_context  (KlyngeWindow   *self);
void           klynge_window_open_path    (KlyngeWindow   *self,
                                           const char     *path);
void           klynge_window_open_demo    (KlyngeWindow   *self);
/* Whether a file is being opened (checked and backed up) in the background. */
gboolean       klynge_window_is_opening   (KlyngeWindow   *self);
void           klynge_window_restore      (KlyngeWindow   *self);
gboolean       klynge_window_is_area      (const char     *name);
void           klynge_window_show_area    (KlyngeWindow   *self,
                                           const char     *name);
const char    *klynge_window_get_area     (KlyngeWindow   *self);
/* What a dropped file does: the compact live import over the charts, the
 * full import assistant anywhere else (shown on the Data area). */
void           klynge_window_import_file  (KlyngeWindow   *self,
                                           GFile          *file);
void           klynge_window_show_error   (KlyngeWindow   *self,
                                           const char     *heading,
                                           const GError   *error);

/* Where Klynge keeps its files unless the user chooses another place. */
char          *klynge_window_default_path (const char     *basename);

G_END_DECLS
