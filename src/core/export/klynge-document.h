/* klynge-document.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _KlyngeDocument KlyngeDocument;
typedef struct _KlyngeSheet KlyngeSheet;

/**
 * KlyngeDocumentDraw:
 * @sheet: where to lay the document out
 * @data: the document's data
 *
 * Lays the whole document out, top to bottom, with the klynge_sheet_*()
 * calls; the sheet breaks the pages and draws only the ones asked for.
 */
typedef void (*KlyngeDocumentDraw) (KlyngeSheet *sheet,
                                    gpointer     data);

KlyngeDocument *klynge_document_new         (const char          *title,
                                             KlyngeDocumentDraw   draw,
                                             gpointer             data,
                                             GDestroyNotify       destroy);
void            klynge_document_free        (KlyngeDocument      *self);
const char     *klynge_document_get_title   (KlyngeDocument      *self);
int             klynge_document_count_pages (KlyngeDocument      *self,
                                             cairo_t             *cr,
                                             double               width,
                                             double               height);
void            klynge_document_draw_page   (KlyngeDocument      *self,
                                             cairo_t             *cr,
                                             double               width,
                                             double               height,
                                             int                  page,
                                             int                  n_pages);
gboolean        klynge_document_write_pdf   (KlyngeDocument      *self,
                                             const char          *path,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeDocument, klynge_document_free)

double klynge_sheet_get_width  (KlyngeSheet        *sheet);
double klynge_sheet_text_width (KlyngeSheet        *sheet,
                                const char         *text,
                                const char         *font);
void   klynge_sheet_paragraph  (KlyngeSheet        *sheet,
                                const char         *text,
                                const char         *font,
                                double              space_after);
void   klynge_sheet_space      (KlyngeSheet        *sheet,
                                double              height);
void   klynge_sheet_break      (KlyngeSheet        *sheet);
void   klynge_sheet_keep       (KlyngeSheet        *sheet,
                                double              height);
void   klynge_sheet_begin_table (KlyngeSheet       *sheet,
                                 guint              n_columns,
                                 const double      *starts,
                                 const gboolean    *right_aligned,
                                 const char *const *header);
void   klynge_sheet_row        (KlyngeSheet        *sheet,
                                const char *const  *cells,
                                gboolean            bold,
                                double              min_height,
                                gboolean            rule);
void   klynge_sheet_end_table  (KlyngeSheet        *sheet);
void   klynge_sheet_signatures (KlyngeSheet        *sheet,
                                const char *const  *roles,
                                const char *const  *names,
                                guint               n);

G_END_DECLS
