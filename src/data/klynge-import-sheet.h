/* klynge-import-sheet.h — check a file, show its problems, import it
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-chart-style.h"
#include "klynge-context.h"
#include "klynge-import-mapping.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_IMPORT_SHEET (klynge_import_sheet_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeImportSheet, klynge_import_sheet, KLYNGE, IMPORT_SHEET, AdwBin)

/*
 * The checking and importing half of an import, used on its own in a
 * compact window at the meeting (a saved mapping or one guessed from the
 * header) and inside the full assistant (which supplies the mapping).
 * Signals: "imported" (gint64 batch, guint n_measurements) after the commit,
 * "finished" when the user is done (imported or cancelled).
 */
GtkWidget *klynge_import_sheet_new          (void);
void       klynge_import_sheet_set_context  (KlyngeImportSheet         *self,
                                             KlyngeContext             *context);
void       klynge_import_sheet_set_file     (KlyngeImportSheet         *self,
                                             const char                *path);
/* Shows the choice of saved mappings: the compact use. */
void       klynge_import_sheet_set_compact  (KlyngeImportSheet         *self,
                                             gboolean                   compact);
/* The mapping to check with (the assistant's); %NULL for the sheet's own choice. */
void       klynge_import_sheet_set_mapping  (KlyngeImportSheet         *self,
                                             const KlyngeImportMapping *mapping,
                                             const char                *source);
/* The name the mapping is saved under once the import has worked. */
void       klynge_import_sheet_set_source   (KlyngeImportSheet         *self,
                                             const char                *source);
void       klynge_import_sheet_check        (KlyngeImportSheet         *self);
gboolean   klynge_import_sheet_is_busy      (KlyngeImportSheet         *self);

void       klynge_import_sheet_set_anonymous (KlyngeImportSheet        *self,
                                              gint64                    meeting_id);

/**
 * KlyngeLiveLook:
 * @meeting_id: whose letters name the clinics (0: the cluster's own)
 * @themed: whether the window takes on @theme; %FALSE keeps the app's style
 * @theme: the theme of the slides under the window
 *
 * How the live import looks over what is projected.
 */
typedef struct
{
  gint64           meeting_id;
  gboolean         themed;
  KlyngeChartTheme theme;
} KlyngeLiveLook;

/* Fills @look with what @window projects at the moment of a drop. */
typedef void (*KlyngeLiveLookFunc) (GtkWindow      *window,
                                    KlyngeLiveLook *look);

/* The live import at the meeting: a small window with a compact sheet on
 * @file, clinics by their letters, checking at once; once imported every
 * page, the chart included, reloads. Returns the window (owned by GTK). */
GtkWindow *klynge_import_sheet_present_live (GtkWindow                 *parent,
                                             KlyngeContext             *context,
                                             GFile                     *file,
                                             const KlyngeLiveLook      *look);

/* Files dropped on @window open the live import over it (presentation
 * mode), looking as @look_func says. */
void       klynge_import_sheet_accept_drops (GtkWindow                 *window,
                                             KlyngeContext             *context,
                                             KlyngeLiveLookFunc         look_func);

G_END_DECLS
