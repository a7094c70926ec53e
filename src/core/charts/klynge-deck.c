/* klynge-deck.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting's slides as one PDF to hand to a projector's laptop or to send
 * round afterwards: a title slide, the slides the presentation shows, in its
 * order and with its letters, and a closing slide that says where the
 * numbers come from and how the clinics are named.
 */

#include "klynge-i18n.h"

#include <cairo-pdf.h>

#include "klynge-chart-export.h"
#include "klynge-deck.h"
#include "klynge-file.h"
#include "klynge-format.h"
#include "klynge-period.h"

/* A 16:9 page in points, as the single slides are written. */
#define PAGE_WIDTH  960.0
#define PAGE_HEIGHT 540.0
/* The text unit of a chart on this page (its height / 36). */
#define UNIT (PAGE_HEIGHT / 36)

static void
paint_background (cairo_t                *cr,
                  const KlyngeChartStyle *style)
{
  klynge_chart_set_source (cr, &style->background);
  cairo_paint (cr);
}

static void
title_page (cairo_t                *cr,
            const KlyngeChartStyle *style,
            const char             *cluster,
            const char             *title,
            const char             *date)
{
  g_autofree char *when = klynge_format_date (date);
  double y = PAGE_HEIGHT * 0.38, width = PAGE_WIDTH - 4 * UNIT;

  paint_background (cr, style);
  klynge_chart_set_source (cr, &style->foreground);
  y += klynge_chart_text (cr, title, 2.4 * UNIT, KLYNGE_TEXT_BOLD | KLYNGE_TEXT_WRAP | KLYNGE_TEXT_ELLIPSIS,
                          2 * UNIT, y, width, 0, 0.5);
  klynge_chart_set_source (cr, &style->muted);
  y += klynge_chart_text (cr, cluster, 1.2 * UNIT, KLYNGE_TEXT_ELLIPSIS, 2 * UNIT, y, width, 0, 0);
  klynge_chart_text (cr, when, 1.2 * UNIT, KLYNGE_TEXT_ELLIPSIS, 2 * UNIT, y + 0.3 * UNIT, width, 0, 0);
  cairo_show_page (cr);
}

/* Where each indicator's numbers come from, once each, and the anonymisation note. */
static void
closing_page (cairo_t                  *cr,
              const KlyngeChartStyle   *style,
              GPtrArray                *slides,
              const KlyngeChartOptions *options)
{
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  double y = 2 * UNIT, width = PAGE_WIDTH - 4 * UNIT;
  const char *note = options->names == KLYNGE_CHART_ANONYMOUS
                     ? _("Clinics are shown as letters. A clinic keeps its letter on every slide of the meeting; only the coordinator holds the key, and each clinic learns only its own letter.")
                     : klynge_chart_names_note (options->names);

  for (guint i = 0; i < slides->len; i++)
    {
      const KlyngeSlide *slide = g_ptr_array_index (slides, i);
      const KlyngeChartData *data = slide->data;
      g_autofree char *line = NULL, *period = NULL;

      if (slide->kind == KLYNGE_CHART_ATTENDANCE)
        line = g_strdup (_("Attendance: the cluster’s attendance register"));
      else if (data->indicator_name == NULL || !g_hash_table_add (seen, data->indicator_name))
        continue;
      else
        {
          period = data->period != NULL ? klynge_period_format_key (data->period) : g_strdup ("—");
          line = g_strdup_printf ("%s: %s, %s", data->indicator_name,
                                  data->data_source != NULL && *data->data_source != '\0'
                                  ? data->data_source : _("the clinics’ own extracts"), period);
        }
      g_string_append_printf (sources, "%s%s", sources->len > 0 ? "\n" : "", line);
    }

  paint_background (cr, style);
  klynge_chart_set_source (cr, &style->foreground);
  y += klynge_chart_text (cr, _("Data sources"), 1.65 * UNIT, KLYNGE_TEXT_BOLD, 2 * UNIT, y, width, 0, 0) + 0.6 * UNIT;
  y += klynge_chart_text (cr, sources->str, 1.1 * UNIT, KLYNGE_TEXT_WRAP, 2 * UNIT, y, width, 0, 0) + 1.2 * UNIT;
  y += klynge_chart_text (cr, _("Anonymisation"), 1.65 * UNIT, KLYNGE_TEXT_BOLD, 2 * UNIT, y, width, 0, 0) + 0.6 * UNIT;
  klynge_chart_text (cr, note, 1.1 * UNIT, KLYNGE_TEXT_WRAP, 2 * UNIT, y, width, 0, 0);
  cairo_show_page (cr);
}

/**
 * klynge_deck_export_pdf:
 * @options: the names and theme (the kind is each slide's own)
 * @n_pages: (out) (optional): the pages written
 *
 * Writes a meeting's deck as one PDF: a title page, every slide of
 * klynge_chart_meeting_slides(), and a closing page with the data sources and
 * the anonymisation note.
 */
gboolean
klynge_deck_export_pdf (KlyngeDb                 *db,
                        gint64                    cluster_id,
                        gint64                    meeting_id,
                        const KlyngeChartOptions *options,
                        gint64                    highlight_clinic,
                        const char               *path,
                        guint                    *n_pages,
                        GError                  **error)
{
  g_autoptr(GPtrArray) slides = NULL;
  g_autofree char *title = NULL, *date = NULL;
  const KlyngeChartStyle *style = klynge_chart_style_get (options->theme);
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  if (!klynge_chart_meeting_info (db, cluster_id, meeting_id, NULL, &title, &date, error)
      || (slides = klynge_chart_meeting_slides (db, cluster_id, meeting_id, options, highlight_clinic, error)) == NULL
      || !klynge_file_prepare_private (path, error))
    return FALSE;

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cr = cairo_create (surface);
  title_page (cr, style, slides->len > 0 ? ((KlyngeSlide *) g_ptr_array_index (slides, 0))->data->cluster_name : "",
              title, date);
  for (guint i = 0; i < slides->len; i++)
    {
      const KlyngeSlide *slide = g_ptr_array_index (slides, i);
      KlyngeChartOptions slide_options = *options;

      slide_options.kind = slide->kind;
      slide_options.slide = TRUE;
      klynge_chart_draw (cr, PAGE_WIDTH, PAGE_HEIGHT, slide->data, &slide_options, NULL);
      cairo_show_page (cr);
    }
  closing_page (cr, style, slides, options);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  if (n_pages != NULL)
    *n_pages = slides->len + 2;
  return TRUE;
}
