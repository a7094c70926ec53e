/* klynge-chart-export.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Slides (PNG, SVG, PDF), a meeting's slides into a folder, the per-clinic
 * feedback pack and the meeting workbook. The slides are the charts of the
 * screen drawn onto file surfaces; nothing here draws on its own.
 */

#include "klynge-i18n.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <math.h>
#include <png.h>
#include <stdio.h>
#include <xlsxwriter.h>

#include "klynge-chart-export.h"
#include "klynge-chart-letters.h"
#include "klynge-deck.h"
#include "klynge-feedback.h"
#include "klynge-file.h"
#include "klynge-table-export.h"

/* A 16:9 PDF page in points: the shape of a projector. */
#define PDF_WIDTH  960.0
#define PDF_HEIGHT 540.0
/* The band above a feedback page's charts that names the clinic. */
#define PACK_HEADER 36.0

void
klynge_slide_free (KlyngeSlide *slide)
{
  klynge_chart_data_free (slide->data);
  g_free (slide);
}

gboolean
klynge_slide_format_from_path (const char        *path,
                               KlyngeSlideFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = KLYNGE_SLIDE_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = KLYNGE_SLIDE_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = KLYNGE_SLIDE_PDF;
  else
    return FALSE;
  return TRUE;
}

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

static void
png_error_cb (png_structp  png,
              const char  *message)
{
  png_longjmp (png, 1);
}

static void
png_warning_cb (png_structp  png,
                const char  *message)
{
}

/**
 * klynge_chart_write_png:
 * @surface: an image surface in %CAIRO_FORMAT_RGB24
 *
 * Writes @surface as an RGB PNG. Cairo's own writer compresses as hard as
 * zlib can, which costs more than drawing a slide; a chart is mostly flat
 * colour, so the fastest level makes files barely larger, several times faster.
 */
gboolean
klynge_chart_write_png (cairo_surface_t  *surface,
                        const char       *path,
                        GError          **error)
{
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint8 *pixels = cairo_image_surface_get_data (surface);
  g_autofree png_bytep *rows = NULL;
  png_structp png = NULL;
  png_infop info = NULL;
  FILE *out;
  gboolean ok = TRUE;

  cairo_surface_flush (surface);
  if (!klynge_file_prepare_private (path, error))
    return FALSE;
  out = g_fopen (path, "wb");
  if (out == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not write “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  rows = g_new (png_bytep, height);
  for (int y = 0; y < height; y++)
    rows[y] = pixels + (gsize) y * stride;

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, png_error_cb, png_warning_cb);
  info = png != NULL ? png_create_info_struct (png) : NULL;
  if (info == NULL || setjmp (png_jmpbuf (png)))
    ok = FALSE;
  else
    {
      png_init_io (png, out);
      png_set_IHDR (png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                    PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
      png_set_compression_level (png, 1);
      png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
      png_write_info (png, info);
      /* Cairo keeps pixels as native-endian 32-bit xRGB: B, G, R, x in memory here. */
      if (G_BYTE_ORDER == G_LITTLE_ENDIAN)
        {
          png_set_bgr (png);
          png_set_filler (png, 0, PNG_FILLER_AFTER);
        }
      else
        png_set_filler (png, 0, PNG_FILLER_BEFORE);
      png_write_image (png, rows);
      png_write_end (png, info);
    }
  png_destroy_write_struct (&png, &info);
  if (fclose (out) != 0)
    ok = FALSE;
  if (!ok)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not write “%s”."), path);
      g_unlink (path);
    }
  return ok;
}

/**
 * klynge_chart_export_file:
 * @path: ending in .png, .svg or .pdf
 * @width: in pixels for PNG (1920 or 3840 for projectors); the aspect only for SVG and PDF
 *
 * Writes one slide.
 */
gboolean
klynge_chart_export_file (const KlyngeChartData    *data,
                          const KlyngeChartOptions *options,
                          const char               *path,
                          int                       width,
                          int                       height,
                          GError                  **error)
{
  KlyngeChartOptions slide = *options;
  KlyngeSlideFormat format;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w = width, h = height;
  gboolean ok;

  if (!klynge_slide_format_from_path (path, &format))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("Cannot tell the format of “%s”: use a name ending in .png, .svg or .pdf."), path);
      return FALSE;
    }
  if (width < 64 || height < 64 || width > 16384 || height > 16384)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("A slide must be between 64 and 16,384 pixels wide and high."));
      return FALSE;
    }

  slide.slide = TRUE;
  if (format == KLYNGE_SLIDE_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  else
    {
      /* Vector slides keep the aspect on a page a projector or printer knows. */
      w = PDF_WIDTH;
      h = PDF_WIDTH * height / width;
      if (!klynge_file_prepare_private (path, error))
        return FALSE;
      surface = format == KLYNGE_SLIDE_SVG ? cairo_svg_surface_create (path, w, h) : cairo_pdf_surface_create (path, w, h);
    }
  if (!check_surface (surface, path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  klynge_chart_draw (cr, w, h, data, &slide, NULL);
  cairo_destroy (cr);
  /* A finished image surface can no longer be written out. */
  if (format != KLYNGE_SLIDE_PNG)
    cairo_surface_finish (surface);
  ok = check_surface (surface, path, error);
  if (ok && format == KLYNGE_SLIDE_PNG)
    ok = klynge_chart_write_png (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}

/* The periods in which the cluster has a value. */
static guint
count_periods (const KlyngeChartData *data)
{
  guint n = 0;

  for (guint p = 0; p < data->periods->len; p++)
    n += !isnan (data->cluster_series[p]);
  return n;
}

/* The indicators of a meeting's slides and workbook, and whether the
 * meeting follows up an earlier one. */
static GPtrArray *
meeting_indicators (KlyngeDb  *db,
                    gint64     cluster_id,
                    gint64     meeting_id,
                    gboolean  *follow_up,
                    GError   **error)
{
  if (!klynge_chart_meeting_info (db, cluster_id, meeting_id, follow_up, NULL, NULL, error))
    return NULL;
  return klynge_chart_list_indicators (db, cluster_id, meeting_id, error);
}

/**
 * klynge_chart_meeting_slides:
 *
 * The slides of a meeting: for each of its indicators the benchmark bars,
 * the funnel plot and the run chart (when there are two periods or more), and
 * before/after when the meeting follows up an earlier one; last the attendance. A clinic has the meeting's
 * letter on every slide.
 *
 * Returns: (transfer full) (element-type KlyngeSlide): the slides
 */
GPtrArray *
klynge_chart_meeting_slides (KlyngeDb                 *db,
                             gint64                    cluster_id,
                             gint64                    meeting_id,
                             const KlyngeChartOptions *options,
                             gint64                    highlight_clinic,
                             GError                  **error)
{
  g_autoptr(GPtrArray) slides = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_slide_free);
  g_autoptr(GPtrArray) indicators = NULL;
  gboolean follow_up = FALSE;
  KlyngeSlide *attendance;

  indicators = meeting_indicators (db, cluster_id, meeting_id, &follow_up, error);
  if (indicators == NULL)
    return NULL;

  for (guint i = 0; i < indicators->len; i++)
    {
      KlyngeChartIndicator *indicator = g_ptr_array_index (indicators, i);
      static const KlyngeChartKind kinds[] = { KLYNGE_CHART_BARS, KLYNGE_CHART_FUNNEL, KLYNGE_CHART_RUN, KLYNGE_CHART_BEFORE_AFTER };
      g_autoptr(GError) period_error = NULL;
      g_autofree char *period = klynge_chart_meeting_period (db, meeting_id, indicator->id, &period_error);

      if (period_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&period_error));
          return NULL;
        }

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          KlyngeChartRequest request = { cluster_id, meeting_id, indicator->id, period, NULL, highlight_clinic, *options };
          KlyngeSlide *slide;

          if (kinds[k] == KLYNGE_CHART_BEFORE_AFTER && !follow_up)
            continue;
          request.options.kind = kinds[k];
          slide = g_new0 (KlyngeSlide, 1);
          slide->kind = kinds[k];
          slide->data = klynge_chart_request_load (db, &request, error);
          if (slide->data == NULL)
            {
              g_free (slide);
              return NULL;
            }
          /* A run chart of one period is a dot: nothing to read from it in a meeting. */
          if (kinds[k] == KLYNGE_CHART_RUN && count_periods (slide->data) < 2)
            {
              klynge_slide_free (slide);
              continue;
            }
          g_ptr_array_add (slides, slide);
        }
    }

  attendance = g_new0 (KlyngeSlide, 1);
  attendance->kind = KLYNGE_CHART_ATTENDANCE;
  attendance->data = klynge_chart_data_load_attendance (db, cluster_id, error);
  if (attendance->data == NULL)
    {
      g_free (attendance);
      return NULL;
    }
  g_ptr_array_add (slides, attendance);
  return g_steal_pointer (&slides);
}

/* "03-hba1c-measured-in-last-12-months-funnel.png": sorted as shown, safe on any file system. */
static char *
slide_file_name (guint              number,
                 const KlyngeSlide *slide,
                 KlyngeSlideFormat  format)
{
  static const char *extensions[] = { "png", "svg", "pdf" };
  const char *name = slide->kind == KLYNGE_CHART_ATTENDANCE ? "attendance" : slide->data->indicator_name;
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && slug->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  g_string_append_printf (slug, "-%s.%s", klynge_chart_kind_to_string (slide->kind), extensions[format]);
  g_string_prepend (slug, slug->str[0] == '-' ? "" : "-");
  {
    char prefix[16];

    g_snprintf (prefix, sizeof prefix, "%02u", number);
    g_string_prepend (slug, prefix);
  }
  return g_string_free (slug, FALSE);
}

/**
 * klynge_chart_export_slides:
 * @folder: created when missing
 *
 * Writes every slide of a meeting into @folder, one file each.
 */
gboolean
klynge_chart_export_slides (KlyngeDb                 *db,
                            gint64                    cluster_id,
                            gint64                    meeting_id,
                            const KlyngeChartOptions *options,
                            gint64                    highlight_clinic,
                            KlyngeSlideFormat         format,
                            int                       width,
                            int                       height,
                            const char               *folder,
                            guint                    *n_written,
                            GError                  **error)
{
  g_autoptr(GPtrArray) slides = klynge_chart_meeting_slides (db, cluster_id, meeting_id, options, highlight_clinic, error);

  *n_written = 0;
  if (slides == NULL)
    return FALSE;
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not create the folder “%s”: %s"), folder, g_strerror (errno));
      return FALSE;
    }
  for (guint i = 0; i < slides->len; i++)
    {
      KlyngeSlide *slide = g_ptr_array_index (slides, i);
      KlyngeChartOptions slide_options = *options;
      g_autofree char *name = slide_file_name (i + 1, slide, format);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      slide_options.kind = slide->kind;
      if (!klynge_chart_export_file (slide->data, &slide_options, path, width, height, error))
        return FALSE;
      (*n_written)++;
    }
  return TRUE;
}

/**
 * klynge_chart_meeting_data:
 *
 * The data of each of a meeting's indicators in the meeting's period,
 * clinics named as @options asks with the meeting's letters.
 *
 * Returns: (transfer full) (element-type KlyngeChartData): the data
 */
GPtrArray *
klynge_chart_meeting_data (KlyngeDb                 *db,
                           gint64                    cluster_id,
                           gint64                    meeting_id,
                           const KlyngeChartOptions *options,
                           GError                  **error)
{
  g_autoptr(GPtrArray) data = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_chart_data_free);
  g_autoptr(GPtrArray) indicators = NULL;
  gboolean follow_up;

  indicators = meeting_indicators (db, cluster_id, meeting_id, &follow_up, error);
  if (indicators == NULL)
    return NULL;
  for (guint i = 0; i < indicators->len; i++)
    {
      KlyngeChartIndicator *indicator = g_ptr_array_index (indicators, i);
      KlyngeChartRequest request = { cluster_id, meeting_id, indicator->id, NULL, NULL, 0, *options };
      KlyngeChartData *d;

      request.options.kind = KLYNGE_CHART_FUNNEL;
      d = klynge_chart_request_load (db, &request, error);
      if (d == NULL)
        return NULL;
      g_ptr_array_add (data, d);
    }
  return g_steal_pointer (&data);
}

/**
 * klynge_chart_export_pack:
 *
 * The feedback pack: one PDF with a page per clinic, on which that clinic is
 * named and highlighted on the benchmark bars of each of the meeting's
 * indicators, the other clinics as letters.
 */
gboolean
klynge_chart_export_pack (KlyngeDb                 *db,
                          gint64                    cluster_id,
                          gint64                    meeting_id,
                          const KlyngeChartOptions *options,
                          const char               *path,
                          GError                  **error)
{
  g_autoptr(GPtrArray) clinics = klynge_chart_list_clinics (db, cluster_id, error);
  g_autoptr(GPtrArray) data = NULL;
  g_autofree char *meeting_title = NULL;
  const KlyngeChartStyle *style = klynge_chart_style_get (KLYNGE_CHART_THEME_LIGHT);
  KlyngeChartOptions page_options = *options;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint columns, rows;
  gboolean follow_up, ok;

  if (clinics == NULL || !klynge_chart_meeting_info (db, cluster_id, meeting_id, &follow_up, &meeting_title, NULL, error)
      || (data = klynge_chart_meeting_data (db, cluster_id, meeting_id, options, error)) == NULL)
    return FALSE;
  if (data->len == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("The meeting has no indicators to give feedback on: give it a topic first."));
      return FALSE;
    }

  if (!klynge_file_prepare_private (path, error))
    return FALSE;
  surface = cairo_pdf_surface_create (path, PDF_WIDTH, PDF_HEIGHT);
  if (!check_surface (surface, path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  columns = (guint) ceil (sqrt (data->len));
  rows = (data->len + columns - 1) / columns;
  page_options.kind = KLYNGE_CHART_BARS;
  page_options.names = KLYNGE_CHART_HIGHLIGHT;
  page_options.slide = TRUE;
  for (guint c = 0; c < clinics->len; c++)
    {
      KlyngeChartIndicator *clinic = g_ptr_array_index (clinics, c);
      double cell_w = PDF_WIDTH / columns, cell_h = (PDF_HEIGHT - PACK_HEADER) / rows;
      g_autofree char *heading = g_strdup_printf (_("Feedback for %s"), clinic->name);

      /* Whose page this is, so the pack can be split and handed out. */
      klynge_chart_set_source (cr, &style->background);
      cairo_paint (cr);
      klynge_chart_set_source (cr, &style->highlight);
      klynge_chart_text (cr, heading, 16, KLYNGE_TEXT_BOLD | KLYNGE_TEXT_ELLIPSIS, 14, PACK_HEADER / 2, PDF_WIDTH * 0.6, 0, 0.5);
      klynge_chart_set_source (cr, &style->muted);
      klynge_chart_text (cr, meeting_title, 10, KLYNGE_TEXT_ELLIPSIS, PDF_WIDTH * 0.6, PACK_HEADER / 2, PDF_WIDTH * 0.4 - 14, 1, 0.5);

      for (guint i = 0; i < data->len; i++)
        {
          KlyngeChartData *d = g_ptr_array_index (data, i);

          klynge_chart_data_set_names (d, db, cluster_id, KLYNGE_CHART_HIGHLIGHT, clinic->id, meeting_id);
          cairo_save (cr);
          cairo_translate (cr, cell_w * (i % columns), PACK_HEADER + cell_h * (i / columns));
          cairo_rectangle (cr, 0, 0, cell_w, cell_h);
          cairo_clip (cr);
          klynge_chart_draw (cr, cell_w, cell_h, d, &page_options, NULL);
          cairo_restore (cr);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}

/* The workbook's columns; the percentages are no format directives. */
static const char *column_titles[] = {
  N_("Clinic"),
  N_("Numerator"),
  N_("Denominator"),
  N_("Rate"),
  /* xgettext:no-c-format */
  N_("95 % interval, lower"),
  /* xgettext:no-c-format */
  N_("95 % interval, upper"),
  /* xgettext:no-c-format */
  N_("95 % limit, lower"),
  /* xgettext:no-c-format */
  N_("95 % limit, upper"),
  /* xgettext:no-c-format */
  N_("99.8 % limit, lower"),
  /* xgettext:no-c-format */
  N_("99.8 % limit, upper"),
  N_("Outside limits"),
};

#define OUTSIDE_COLUMN 10

static int
compare_by_denominator (gconstpointer a,
                        gconstpointer b)
{
  const KlyngeChartRow *x = *(KlyngeChartRow * const *) a, *y = *(KlyngeChartRow * const *) b;

  return (x->denominator > y->denominator) - (x->denominator < y->denominator);
}

/* "99.8 %, worse": the level and the direction of a clinic outside the limits. */
static const char *
outside_label (const KlyngeChartData *data,
               int                    flag)
{
  gboolean better = (flag > 0) == data->higher_is_better;

  switch (ABS (flag))
    {
    case 1:
      /* xgettext:no-c-format */
      return better ? _("95 %, better") : _("95 %, worse");
    case 2:
      /* xgettext:no-c-format */
      return better ? _("99.8 %, better") : _("99.8 %, worse");
    default:
      return "";
    }
}

/* The numbers behind a funnel plot, a row per clinic by denominator, so
 * the limit columns draw as lines in Excel. */
static KlyngeTable *
indicator_table (const KlyngeChartData    *data,
                 const KlyngeChartOptions *options,
                 const char               *name)
{
  KlyngeTableColumn columns[G_N_ELEMENTS (column_titles)];
  g_autoptr(GPtrArray) rows = g_ptr_array_copy (data->rows, NULL, NULL);
  g_autofree gint8 *flags = g_new0 (gint8, MAX (data->rows->len, 1));
  KlyngeFunnelSummary summary;
  KlyngeTable *table;

  for (guint c = 0; c < G_N_ELEMENTS (column_titles); c++)
    {
      columns[c].title = _(column_titles[c]);
      columns[c].kind = c == 0 || c == OUTSIDE_COLUMN ? KLYNGE_TABLE_TEXT : c <= 2 ? KLYNGE_TABLE_INTEGER : KLYNGE_TABLE_PERCENT;
    }
  table = klynge_table_new (name, columns, G_N_ELEMENTS (columns));

  g_ptr_array_set_free_func (rows, NULL);
  g_ptr_array_sort (rows, compare_by_denominator);
  klynge_chart_funnel_classify (data, options, flags, &summary);
  for (guint i = 0; i < rows->len; i++)
    {
      const KlyngeChartRow *row = g_ptr_array_index (rows, i);
      guint index = 0;
      double limits[4];

      g_ptr_array_find (data->rows, row, &index);
      klynge_table_begin_row (table);
      klynge_table_add_text (table, row->label);
      if (!row->has_counts)
        {
          klynge_table_add_empty (table);
          klynge_table_add_empty (table);
          klynge_table_add_number (table, row->value);
          continue;
        }
      klynge_table_add_integer (table, row->numerator);
      klynge_table_add_integer (table, row->denominator);
      klynge_table_add_number (table, row->value);
      klynge_table_add_number (table, row->lower);
      klynge_table_add_number (table, row->upper);
      klynge_chart_funnel_limits (data, &summary, options, row->denominator, 0.95, &limits[0], &limits[1]);
      klynge_chart_funnel_limits (data, &summary, options, row->denominator, 0.998, &limits[2], &limits[3]);
      for (int k = 0; k < 4; k++)
        klynge_table_add_number (table, limits[k]);
      klynge_table_add_text (table, outside_label (data, flags[index]));
    }
  return table;
}

/* Below the caption: how the flags were judged, and φ, so that a
 * statistician can check the workbook against the chart. */
static void
write_method (lxw_worksheet            *sheet,
              lxw_row_t                 row,
              const KlyngeChartData    *data,
              const KlyngeChartOptions *options)
{
  KlyngeFunnelSummary summary;
  g_autofree char *phi = NULL, *p = NULL, *text = NULL;

  klynge_chart_funnel_classify (data, options, NULL, &summary);
  worksheet_write_string (sheet, row, 0,
                          summary.adjusted
                          ? _("Outside limits: beyond Spiegelhalter’s random-effects limits, widened for over-dispersion.")
                          : _("Outside limits: the clinic’s count has an exact two-sided tail probability below 5 % (95 %) or 0.2 % (99.8 %) at the cluster’s value."),
                          NULL);
  if (!summary.has_dispersion)
    return;
  phi = g_strdup_printf ("%.2f", summary.dispersion.phi);
  p = g_strdup_printf ("%.3g", summary.dispersion.p_value);
  /* Translators: φ is the over-dispersion factor, p the test's probability */
  text = g_strdup_printf (_("Over-dispersion φ = %1$s (Spiegelhalter 2005, 10 %% winsorised); p = %2$s."), phi, p);
  worksheet_write_string (sheet, row + 1, 0, text, NULL);
}

/* Right of the table: the limits at KLYNGE_FUNNEL_SAMPLES denominators
 * across the chart's x axis, as the screen computes them, so that Excel
 * draws them as curves over the whole axis and not as straight lines
 * between the clinics. Not printed: the chart shows them. */
#define CURVE_COLUMN (OUTSIDE_COLUMN + 2)

static void
write_curves (KlyngeWorkbook           *workbook,
              lxw_worksheet            *sheet,
              const KlyngeFunnelCurves *curves)
{
  lxw_format *percent = workbook_add_format (klynge_workbook_get_handle (workbook));

  format_set_num_format (percent, "0.0%");
  worksheet_write_string (sheet, 0, CURVE_COLUMN, _("Denominator (limits)"), NULL);
  for (int c = 0; c < 4; c++)
    worksheet_write_string (sheet, 0, CURVE_COLUMN + 1 + c, _(column_titles[6 + c]), NULL);
  for (int s = 0; s < KLYNGE_FUNNEL_SAMPLES; s++)
    {
      worksheet_write_number (sheet, 1 + s, CURVE_COLUMN, curves->n[s], NULL);
      for (int c = 0; c < 4; c++)
        worksheet_write_number (sheet, 1 + s, CURVE_COLUMN + 1 + c, curves->limits[c][s], percent);
    }
}

/* Each clinic's point is labelled by its cell in the Clinic column (its
 * letter, or its name when asked): a reference, as a label that is the
 * text itself would be a formula to libxlsxwriter when it starts with "=". */
static void
label_points (lxw_chart_series *series,
              const char       *sheet_name,
              lxw_row_t         n_rows)
{
  g_auto(GStrv) quoted = g_strsplit (sheet_name, "'", -1);
  g_autofree char *sheet = g_strjoinv ("''", quoted);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree lxw_chart_data_label *labels = g_new0 (lxw_chart_data_label, n_rows);
  g_autofree lxw_chart_data_label **list = g_new0 (lxw_chart_data_label *, n_rows + 1);

  for (lxw_row_t r = 0; r < n_rows; r++)
    {
      char *value = g_strdup_printf ("='%s'!$A$%u", sheet, (guint) r + 2);

      g_ptr_array_add (values, value);
      labels[r].value = value;
      list[r] = &labels[r];
    }
  chart_series_set_labels_custom (series, list);
  chart_series_set_labels_position (series, LXW_CHART_LABEL_POSITION_RIGHT);
}

/* Under the table: what the funnel says and the cluster's value; then
 * Excel's own funnel chart: the clinics as labelled points, the limits as
 * smooth curves, the y axis on the range of the data as on the screen. */
static void
add_summary_and_chart (KlyngeWorkbook           *workbook,
                       lxw_worksheet            *sheet,
                       KlyngeTable              *table,
                       const KlyngeChartData    *data,
                       const KlyngeChartOptions *options)
{
  const char *sheet_name = klynge_workbook_last_sheet_name (workbook);
  lxw_row_t last = MAX (klynge_table_get_n_rows (table), 1), below = last + 2;
  KlyngeChartOptions funnel = *options;
  g_autofree char *caption = NULL;
  KlyngeFunnelSummary summary;
  KlyngeFunnelCurves curves;
  lxw_chart_series *series;
  lxw_chart_line line = { .none = LXW_TRUE };
  double y_min, y_max, y_step;
  lxw_chart *chart;

  funnel.kind = KLYNGE_CHART_FUNNEL;
  caption = klynge_chart_caption (data, &funnel);
  worksheet_write_string (sheet, below, 0, caption, NULL);
  if (!data->has_pooled || klynge_table_get_n_rows (table) == 0)
    return;
  write_method (sheet, below + 1, data, options);

  klynge_chart_funnel_classify (data, options, NULL, &summary);
  klynge_chart_funnel_curves (data, &summary, options, &curves);
  write_curves (workbook, sheet, &curves);

  chart = workbook_add_chart (klynge_workbook_get_handle (workbook), LXW_CHART_SCATTER_SMOOTH);
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, sheet_name, 1, 2, last, 2);
  chart_series_set_values (series, sheet_name, 1, 3, last, 3);
  chart_series_set_name (series, _(column_titles[3]));
  chart_series_set_line (series, &line);
  chart_series_set_smooth (series, LXW_FALSE);
  chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
  chart_series_set_marker_size (series, 7);
  label_points (series, sheet_name, last);

  for (int c = 0; c < 4; c++)
    {
      lxw_chart_line curve = {
        .color = c < 2 ? 0x999999 : 0x333333,
        .dash_type = c < 2 ? LXW_CHART_LINE_DASH_DASH : LXW_CHART_LINE_DASH_SOLID,
        .width = 1.25,
      };

      series = chart_add_series (chart, NULL, NULL);
      chart_series_set_categories (series, sheet_name, 1, CURVE_COLUMN, KLYNGE_FUNNEL_SAMPLES, CURVE_COLUMN);
      chart_series_set_values (series, sheet_name, 1, CURVE_COLUMN + 1 + c, KLYNGE_FUNNEL_SAMPLES, CURVE_COLUMN + 1 + c);
      chart_series_set_name (series, _(column_titles[6 + c]));
      chart_series_set_line (series, &curve);
      chart_series_set_marker_type (series, LXW_CHART_MARKER_NONE);
    }

  /* A title beginning with "=" would be a formula to libxlsxwriter: the
   * title refers to a cell holding the name as text instead. */
  worksheet_write_string (sheet, below + 1, 0, data->indicator_name, NULL);
  chart_title_set_name_range (chart, sheet_name, below + 1, 0);
  chart_axis_set_name (chart->x_axis, _("Denominator"));
  chart_axis_set_min (chart->x_axis, 0);
  chart_axis_set_max (chart->x_axis, curves.x_max);
  chart_axis_set_major_unit (chart->x_axis, curves.x_step);
  chart_axis_set_name (chart->y_axis, _("Rate"));
  chart_axis_set_num_format (chart->y_axis, "0%");
  /* A proportion's axis ends at 100 % at most; a rate's has no ceiling. */
  klynge_chart_nice_range (curves.lo, curves.hi, 0,
                           klynge_chart_data_get_indicator_type (data) == KLYNGE_INDICATOR_PROPORTION ? 1 : G_MAXDOUBLE,
                           &y_min, &y_max, &y_step);
  chart_axis_set_min (chart->y_axis, y_min);
  chart_axis_set_max (chart->y_axis, y_max);
  chart_axis_set_major_unit (chart->y_axis, y_step);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  worksheet_insert_chart (sheet, below + 4, 0, chart);
  /* The table, the notes and the chart (15 rows high), not the curves. */
  worksheet_print_area (sheet, 0, 0, below + 4 + 16, OUTSIDE_COLUMN);
}

/* Each sheet on one landscape page, as a facilitator prints it. */
static void
set_up_page (lxw_worksheet *sheet)
{
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 1);
}

/**
 * klynge_chart_export_workbook:
 *
 * The meeting workbook: a sheet per indicator with each clinic's numbers,
 * rate, 95 % interval and funnel limits, and a native Excel funnel chart.
 */
gboolean
klynge_chart_export_workbook (KlyngeDb                 *db,
                              gint64                    cluster_id,
                              gint64                    meeting_id,
                              const KlyngeChartOptions *options,
                              const char               *path,
                              GError                  **error)
{
  g_autoptr(GPtrArray) data = klynge_chart_meeting_data (db, cluster_id, meeting_id, options, error);
  KlyngeWorkbook *workbook;

  if (data == NULL)
    return FALSE;

  workbook = klynge_workbook_new (path, error);
  if (workbook == NULL)
    return FALSE;
  for (guint i = 0; i < data->len; i++)
    {
      KlyngeChartData *d = g_ptr_array_index (data, i);
      g_autofree char *name = g_strdup_printf ("%u %s", i + 1, d->indicator_name);
      g_autoptr(KlyngeTable) table = indicator_table (d, options, name);
      lxw_worksheet *sheet = klynge_workbook_add_table (workbook, table);

      add_summary_and_chart (workbook, sheet, table, d, options);
      set_up_page (sheet);
    }
  if (data->len == 0)
    {
      const KlyngeTableColumn column = { _("No indicators"), KLYNGE_TABLE_TEXT };
      /* Translators: a worksheet name, at most 31 characters */
      g_autoptr(KlyngeTable) table = klynge_table_new (_("No indicators"), &column, 1);

      klynge_table_begin_row (table);
      klynge_table_add_text (table, _("The meeting has no indicators: give it a topic first."));
      set_up_page (klynge_workbook_add_table (workbook, table));
    }
  return klynge_workbook_close (workbook, error);
}

typedef struct
{
  KlyngeChartExportJob job;
  char                *db_path;
  char                *period;
  char                *path;
} ExportTask;

static void
export_task_free (gpointer data)
{
  ExportTask *export = data;

  g_free (export->db_path);
  g_free (export->period);
  g_free (export->path);
  g_free (export);
}

static gboolean
run_job (KlyngeDb                   *db,
         const KlyngeChartExportJob *job,
         GError                    **error)
{
  g_autoptr(KlyngeChartData) data = NULL;
  guint n;

  switch (job->kind)
    {
    case KLYNGE_CHART_EXPORT_SLIDES:
      return klynge_chart_export_slides (db, job->cluster_id, job->meeting_id, &job->options, job->highlight_clinic,
                                         job->format, job->width, job->height, job->path, &n, error);
    case KLYNGE_CHART_EXPORT_PACK:
      return klynge_chart_export_pack (db, job->cluster_id, job->meeting_id, &job->options, job->path, error);
    case KLYNGE_CHART_EXPORT_WORKBOOK:
      return klynge_chart_export_workbook (db, job->cluster_id, job->meeting_id, &job->options, job->path, error);
    case KLYNGE_CHART_EXPORT_KEY:
      return klynge_chart_letters_export (db, job->cluster_id, job->meeting_id, job->path, error);
    case KLYNGE_CHART_EXPORT_DECK:
      return klynge_deck_export_pdf (db, job->cluster_id, job->meeting_id, &job->options, job->highlight_clinic,
                                     job->path, NULL, error);
    case KLYNGE_CHART_EXPORT_FEEDBACK:
      return klynge_feedback_export (db, job->cluster_id, job->meeting_id, job->path, NULL, error);
    case KLYNGE_CHART_EXPORT_CHART:
    default:
      {
        KlyngeChartRequest request = { job->cluster_id, job->meeting_id, job->indicator_id, job->period, NULL,
                                       job->highlight_clinic, job->options };

        data = klynge_chart_request_load (db, &request, error);
      }
      if (data == NULL)
        return FALSE;
      return klynge_chart_export_file (data, &job->options, job->path, job->width, job->height, error);
    }
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *export = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* SQLite connections are not shared between threads: this one is the worker's. */
  db = klynge_db_open (export->db_path, KLYNGE_DB_OPEN_READ_ONLY, &error);
  if (db == NULL || !run_job (db, &export->job, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * klynge_chart_export_async:
 *
 * Runs @job in a worker thread with its own connection to @db's file; the
 * window stays responsive while a meeting's slides are written. The letters
 * are dealt first on @db: the worker's connection is read-only, and letters
 * on a file handed out must be the ones kept.
 */
void
klynge_chart_export_async (KlyngeDb                   *db,
                           const KlyngeChartExportJob *job,
                           GCancellable               *cancellable,
                           GAsyncReadyCallback         callback,
                           gpointer                    user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportTask *export = g_new0 (ExportTask, 1);

  g_hash_table_unref (klynge_chart_letters_deal (db, job->cluster_id, job->meeting_id, NULL));

  export->job = *job;
  export->db_path = g_strdup (klynge_db_get_path (db));
  export->job.period = export->period = g_strdup (job->period);
  export->job.path = export->path = g_strdup (job->path);
  export->job.options.date = NULL;
  g_task_set_source_tag (task, klynge_chart_export_async);
  g_task_set_task_data (task, export, export_task_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
klynge_chart_export_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
