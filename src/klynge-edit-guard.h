/* klynge-edit-guard.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KLYNGE_TYPE_EDIT_GUARD (klynge_edit_guard_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeEditGuard, klynge_edit_guard, KLYNGE, EDIT_GUARD, GObject)

KlyngeEditGuard *klynge_edit_guard_new       (GtkWidget       *form);
void             klynge_edit_guard_add_form  (KlyngeEditGuard *self,
                                              GtkWidget       *form);
gboolean         klynge_edit_guard_is_dirty  (KlyngeEditGuard *self);
void             klynge_edit_guard_set_clean (KlyngeEditGuard *self);
void             klynge_edit_guard_protect   (GtkWindow       *editor,
                                              GtkWidget       *form,
                                              const char      *save_action);
KlyngeEditGuard *klynge_edit_guard_protect_dialog (AdwMessageDialog *dialog,
                                                   GtkWidget        *form,
                                                   const char       *save_response);
gboolean         klynge_edit_guard_close_transients (GtkWindow    *window);
AdwMessageDialog *klynge_edit_guard_ask      (GtkWidget       *parent,
                                              const char      *problem,
                                              gboolean         can_save);

G_END_DECLS
