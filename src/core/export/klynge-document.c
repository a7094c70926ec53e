/* klynge-document.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The printed papers (agenda, invitation, sign-in sheet, annual accounts,
 * address list) laid out once for both the PDF exports and the print
 * dialog: the document lays itself out top to bottom on a sheet, which
 * breaks the pages, repeats the title and the table's header on each new
 * page, numbers the pages and draws only the page asked for.
 */

#define G_LOG_DOMAIN "klynge-document"

#include "klynge-i18n.h"

#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "klynge-document.h"
#include "klynge-error.h"
#include "klynge-file.h"

/* A4 in points with 2 cm margins, for the PDF exports; a printer brings
 * its own page and margins. */
#define PDF_WIDTH   595.0
#define PDF_HEIGHT  842.0
#define PDF_MARGIN   56.0

#define BODY_FONT     "Sans 10"
#define BOLD_FONT     "Sans Bold 10"
#define SMALL_FONT    "Sans 8"
#define COLUMN_GAP     8.0
#define FOOTER_HEIGHT 18.0

/* What a pass over the document draws. */
#define DRAW_ALL   (-1)
#define DRAW_NONE  (-2)

struct _KlyngeDocument
{
  char               *title;
  KlyngeDocumentDraw  draw;
  gpointer            data;
  GDestroyNotify      destroy;
};

struct _KlyngeSheet
{
  cairo_t    *cr;
  const char *title;
  double      left;
  double      top;
  double      width;
  double      bottom;        /* where the body ends, above the footer */
  double      y;
  int         target;        /* a page number, DRAW_ALL or DRAW_NONE */
  int         page;
  int         n_pages;       /* known when drawing; 0 while counting */

  /* The open table, whose header starts every page it runs over. */
  guint       n_columns;
  double     *starts;
  gboolean   *right;
  char      **header;
};

static gboolean
drawing (KlyngeSheet *sheet)
{
  return sheet->target == DRAW_ALL || sheet->target == sheet->page;
}

/* Laid out in points and without hinted metrics, so that a line breaks at
 * the same word on the screen's preview, a printer and a PDF. */
static PangoLayout *
make_layout (KlyngeSheet *sheet,
             const char  *text,
             const char  *font,
             double       width)
{
  PangoLayout *layout = pango_cairo_create_layout (sheet->cr);
  PangoContext *context = pango_layout_get_context (layout);
  PangoFontDescription *description = pango_font_description_from_string (font);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
show_layout (KlyngeSheet *sheet,
             PangoLayout *layout,
             double       x,
             double       y)
{
  if (!drawing (sheet))
    return;
  cairo_move_to (sheet->cr, x, y);
  pango_cairo_show_layout (sheet->cr, layout);
}

static void
rule (KlyngeSheet *sheet)
{
  if (drawing (sheet))
    {
      cairo_set_line_width (sheet->cr, 0.5);
      cairo_move_to (sheet->cr, sheet->left, sheet->y);
      cairo_line_to (sheet->cr, sheet->left + sheet->width, sheet->y);
      cairo_stroke (sheet->cr);
    }
  sheet->y += 4;
}

static void
footer (KlyngeSheet *sheet)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  if (sheet->n_pages == 0 || !drawing (sheet))
    return;
  /* Translators: the foot of every printed page */
  text = g_strdup_printf (_("Page %d of %d"), sheet->page + 1, sheet->n_pages);
  layout = make_layout (sheet, text, SMALL_FONT, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  show_layout (sheet, layout, sheet->left + sheet->width - width, sheet->bottom + FOOTER_HEIGHT - 10);
}

static void row_cells (KlyngeSheet       *sheet,
                       const char *const *cells,
                       gboolean           bold,
                       double             min_height);

static void
new_page (KlyngeSheet *sheet)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  footer (sheet);
  if (sheet->target == DRAW_ALL)
    cairo_show_page (sheet->cr);
  sheet->page++;
  sheet->y = sheet->top;

  layout = make_layout (sheet, sheet->title, SMALL_FONT, sheet->width);
  pango_layout_get_pixel_size (layout, NULL, &height);
  show_layout (sheet, layout, sheet->left, sheet->y);
  sheet->y += height + 10;
  if (sheet->n_columns > 0)
    {
      row_cells (sheet, (const char *const *) sheet->header, TRUE, 0);
      rule (sheet);
    }
}

/* Room for @height more, on a new page if this one is full; a page of
 * nothing but the repeated headers takes whatever comes. */
static void
ensure_room (KlyngeSheet *sheet,
             double       height)
{
  if (sheet->y + height > sheet->bottom && sheet->y > sheet->top + 40 + (sheet->n_columns > 0 ? 20 : 0))
    new_page (sheet);
}

static double
cell_width (KlyngeSheet *sheet,
            guint        column)
{
  double end = column + 1 < sheet->n_columns ? sheet->starts[column + 1] - COLUMN_GAP : sheet->width;

  return MAX (end - sheet->starts[column], 10);
}

static void
row_cells (KlyngeSheet       *sheet,
           const char *const *cells,
           gboolean           bold,
           double             min_height)
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = min_height;

  for (guint i = 0; i < sheet->n_columns; i++)
    {
      PangoLayout *layout = make_layout (sheet, cells[i] != NULL ? cells[i] : "", bold ? BOLD_FONT : BODY_FONT,
                                         cell_width (sheet, i));
      int h;

      if (sheet->right != NULL && sheet->right[i])
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_get_pixel_size (layout, NULL, &h);
      height = MAX (height, h);
      g_ptr_array_add (layouts, layout);
    }
  ensure_room (sheet, height);
  for (guint i = 0; i < sheet->n_columns; i++)
    show_layout (sheet, g_ptr_array_index (layouts, i), sheet->left + sheet->starts[i], sheet->y);
  sheet->y += height + 4;
}

static void
end_table (KlyngeSheet *sheet)
{
  sheet->n_columns = 0;
  g_clear_pointer (&sheet->starts, g_free);
  g_clear_pointer (&sheet->right, g_free);
  g_clear_pointer (&sheet->header, g_strfreev);
}

/* One pass over the whole document; returns the number of pages. */
static int
run (KlyngeDocument *self,
     cairo_t        *cr,
     double          left,
     double          top,
     double          width,
     double          height,
     int             target,
     int             n_pages)
{
  KlyngeSheet sheet = {
    .cr = cr, .title = self->title, .left = left, .top = top, .width = width,
    .bottom = top + height - FOOTER_HEIGHT, .y = top, .target = target, .n_pages = n_pages,
  };

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  self->draw (&sheet, self->data);
  end_table (&sheet);
  footer (&sheet);
  if (target == DRAW_ALL)
    cairo_show_page (cr);
  cairo_restore (cr);
  return sheet.page + 1;
}

/**
 * klynge_document_new:
 * @title: what every page after the first is headed with
 * @draw: lays the document out
 * @data: (transfer full): for @draw
 * @destroy: frees @data
 *
 * Returns: (transfer full): a document to print or write as PDF
 */
KlyngeDocument *
klynge_document_new (const char         *title,
                     KlyngeDocumentDraw  draw,
                     gpointer            data,
                     GDestroyNotify      destroy)
{
  KlyngeDocument *self = g_new0 (KlyngeDocument, 1);

  self->title = g_strdup (title);
  self->draw = draw;
  self->data = data;
  self->destroy = destroy;
  return self;
}

void
klynge_document_free (KlyngeDocument *self)
{
  if (self == NULL)
    return;
  if (self->destroy != NULL)
    self->destroy (self->data);
  g_free (self->title);
  g_free (self);
}

const char *
klynge_document_get_title (KlyngeDocument *self)
{
  return self->title;
}

/**
 * klynge_document_count_pages:
 * @cr: a context on the target, for the fonts; nothing is drawn on it
 * @width: the printable width in the context's units (points)
 * @height: the printable height
 */
int
klynge_document_count_pages (KlyngeDocument *self,
                             cairo_t        *cr,
                             double          width,
                             double          height)
{
  return run (self, cr, 0, 0, width, height, DRAW_NONE, 0);
}

/**
 * klynge_document_draw_page:
 * @cr: a context whose origin is the printable area's top left corner
 * @page: the page to draw, from 0
 * @n_pages: as klynge_document_count_pages() counted them, for the footers
 */
void
klynge_document_draw_page (KlyngeDocument *self,
                           cairo_t        *cr,
                           double          width,
                           double          height,
                           int             page,
                           int             n_pages)
{
  run (self, cr, 0, 0, width, height, page, n_pages);
}

/**
 * klynge_document_write_pdf:
 *
 * Writes the document as an A4 PDF file readable only by its owner.
 */
gboolean
klynge_document_write_pdf (KlyngeDocument  *self,
                           const char      *path,
                           GError         **error)
{
  const double width = PDF_WIDTH - 2 * PDF_MARGIN, height = PDF_HEIGHT - 2 * PDF_MARGIN;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int n_pages;

  if (!klynge_file_prepare_private (path, error))
    return FALSE;
  surface = cairo_pdf_surface_create (path, PDF_WIDTH, PDF_HEIGHT);
  cr = cairo_create (surface);
  n_pages = run (self, cr, PDF_MARGIN, PDF_MARGIN, width, height, DRAW_NONE, 0);
  run (self, cr, PDF_MARGIN, PDF_MARGIN, width, height, DRAW_ALL, n_pages);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not write “%s”: %s"),
                   path, cairo_status_to_string (status));
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

double
klynge_sheet_get_width (KlyngeSheet *sheet)
{
  return sheet->width;
}

double
klynge_sheet_text_width (KlyngeSheet *sheet,
                         const char  *text,
                         const char  *font)
{
  g_autoptr(PangoLayout) layout = make_layout (sheet, text, font, -1);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/**
 * klynge_sheet_paragraph:
 *
 * Text over the full width, broken between its lines onto the next page
 * when it does not fit, so that a long invitation is never cut.
 */
void
klynge_sheet_paragraph (KlyngeSheet *sheet,
                        const char  *text,
                        const char  *font,
                        double       space_after)
{
  g_autoptr(PangoLayout) layout = make_layout (sheet, text, font, sheet->width);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double origin = sheet->y;   /* where the layout's top is on this page */
  double end = sheet->y;

  do
    {
      PangoRectangle extents;
      double line_top, line_height;

      pango_layout_iter_get_line_extents (iter, NULL, &extents);
      line_top = (double) extents.y / PANGO_SCALE;
      line_height = (double) extents.height / PANGO_SCALE;
      if (origin + line_top + line_height > sheet->bottom && origin + line_top > sheet->top + 40)
        {
          new_page (sheet);
          origin = sheet->y - line_top;
        }
      if (drawing (sheet))
        {
          cairo_move_to (sheet->cr, sheet->left + (double) extents.x / PANGO_SCALE,
                         origin + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
          pango_cairo_show_layout_line (sheet->cr, pango_layout_iter_get_line_readonly (iter));
        }
      end = origin + line_top + line_height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  sheet->y = end + space_after;
}

void
klynge_sheet_space (KlyngeSheet *sheet,
                    double       height)
{
  sheet->y += height;
}

/**
 * klynge_sheet_break:
 *
 * Starts a new page, for a part that begins on a page of its own.
 */
void
klynge_sheet_break (KlyngeSheet *sheet)
{
  new_page (sheet);
}

/**
 * klynge_sheet_keep:
 *
 * Starts a new page unless @height more fit on this one, to keep a
 * heading with what follows it.
 */
void
klynge_sheet_keep (KlyngeSheet *sheet,
                   double       height)
{
  ensure_room (sheet, height);
}

/**
 * klynge_sheet_begin_table:
 * @starts: where each column starts, from the left edge of the printable width
 * @right_aligned: (nullable): per column, for amounts
 * @header: the columns' names, drawn now and at the top of every page the table runs over
 */
void
klynge_sheet_begin_table (KlyngeSheet       *sheet,
                          guint              n_columns,
                          const double      *starts,
                          const gboolean    *right_aligned,
                          const char *const *header)
{
  end_table (sheet);
  sheet->n_columns = n_columns;
  sheet->starts = g_memdup2 (starts, n_columns * sizeof *starts);
  sheet->right = right_aligned != NULL ? g_memdup2 (right_aligned, n_columns * sizeof *right_aligned) : NULL;
  sheet->header = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    sheet->header[i] = g_strdup (header[i] != NULL ? header[i] : "");
  /* A header alone at the foot of a page says nothing. */
  ensure_room (sheet, 50);
  row_cells (sheet, header, TRUE, 0);
  rule (sheet);
}

/**
 * klynge_sheet_row:
 * @cells: one per column; %NULL for an empty cell
 * @min_height: room to write in by hand (a signature)
 * @rule: a line under the row
 *
 * A row of the open table; the tallest cell sets its height, every cell is
 * wrapped to its column and none is cut.
 */
void
klynge_sheet_row (KlyngeSheet       *sheet,
                  const char *const *cells,
                  gboolean           bold,
                  double             min_height,
                  gboolean           with_rule)
{
  g_return_if_fail (sheet->n_columns > 0);
  row_cells (sheet, cells, bold, min_height);
  if (with_rule)
    rule (sheet);
}

void
klynge_sheet_end_table (KlyngeSheet *sheet)
{
  end_table (sheet);
  sheet->y += 6;
}

/**
 * klynge_sheet_signatures:
 * @roles: who signs, under each line: "Treasurer", "Auditor"
 * @names: (nullable): their names where known, %NULL for one written by hand
 *
 * Lines side by side to sign on, with room above for the date and the
 * signature, kept on one page.
 */
void
klynge_sheet_signatures (KlyngeSheet       *sheet,
                         const char *const *roles,
                         const char *const *names,
                         guint              n)
{
  double width = (sheet->width - (n - 1) * 24) / n;
  double line_y, height = 0;

  ensure_room (sheet, 100);
  sheet->y += 50;
  line_y = sheet->y;
  for (guint i = 0; i < n; i++)
    {
      double x = sheet->left + i * (width + 24);
      g_autofree char *label = names != NULL && names[i] != NULL
        /* Translators: under a signature line: the role, then the name */
        ? g_strdup_printf (_("%s: %s"), roles[i], names[i]) : g_strdup (roles[i]);
      /* Translators: under a signature line, after the role */
      g_autofree char *text = g_strdup_printf ("%s\n%s", label, _("Date and signature"));
      g_autoptr(PangoLayout) layout = make_layout (sheet, text, BODY_FONT, width);
      int h;

      if (drawing (sheet))
        {
          cairo_set_line_width (sheet->cr, 0.5);
          cairo_move_to (sheet->cr, x, line_y);
          cairo_line_to (sheet->cr, x + width, line_y);
          cairo_stroke (sheet->cr);
        }
      show_layout (sheet, layout, x, line_y + 4);
      pango_layout_get_pixel_size (layout, NULL, &h);
      height = MAX (height, h);
    }
  sheet->y = line_y + 4 + height + 10;
}
