/* klynge-read-only.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "klynge-db.h"

G_BEGIN_DECLS

/* Shows @content, a form over @db, as what it is while @db is read-only
 * (or the cluster its window shows is archived: the line says that):
 * its entries and texts take no typing (their text can still be selected
 * and copied, and the form still scrolls), its other controls are
 * insensitive, and a line just above it (its parent is a GtkBox) says
 * "Read-only" and why. Buttons with an action are left to their action,
 * which the form's owner disables. With a writable @db (or %NULL) it
 * undoes exactly that, so a form shown again and again can call it each
 * time. Returns whether @db is read-only. */
gboolean klynge_read_only_apply (GtkWidget *content,
                                 KlyngeDb  *db);

/* The same for an editor window whose @content shows @db: while @db is
 * read-only its @actions (Save and the like, installed on @editor) are
 * disabled, its Cancel says Close, for there is nothing to cancel, and its
 * title becomes @title (what is shown, "Member" rather than "Edit Member";
 * %NULL keeps it). An editor is opened on one database, so there is
 * nothing to undo. */
void     klynge_read_only_apply_editor (GtkWidget          *editor,
                                        GtkWidget          *content,
                                        KlyngeDb           *db,
                                        const char * const *actions,
                                        const char         *title);

/* When @db is read-only, says at once over @window that nothing can be
 * imported into it, and why, and returns TRUE: a dropped file is refused
 * before any work, not after it. */
gboolean klynge_read_only_refuse_import (GtkWindow *window,
                                         KlyngeDb  *db);

G_END_DECLS
