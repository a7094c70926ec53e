/* klynge-meeting-print.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The papers of a meeting as PDF (A4): the agenda, the invitation and the
 * sign-in sheet with the members' names and room to sign.
 */

#define G_LOG_DOMAIN "klynge-meeting-print"

#include "klynge-i18n.h"

#include <string.h>

#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "klynge-attendance.h"
#include "klynge-file.h"
#include "klynge-format.h"
#include "klynge-invitations.h"
#include "klynge-meeting.h"
#include "klynge-meeting-print.h"

#define PAGE_WIDTH   595.0
#define PAGE_HEIGHT  842.0
#define MARGIN        56.0

typedef struct
{
  cairo_t *cr;
  double   y;
} Sheet;

/* Text at @x, wrapped to @width; returns its height. */
static double
text_at (Sheet      *sheet,
         double      x,
         double      width,
         const char *text,
         const char *font)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (sheet->cr);
  PangoFontDescription *description = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (sheet->cr, x, sheet->y);
  pango_cairo_show_layout (sheet->cr, layout);
  return h;
}

static double
text_width (Sheet      *sheet,
            const char *text,
            const char *font)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (sheet->cr);
  PangoFontDescription *description = pango_font_description_from_string (font);
  int w;

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, NULL);
  return w;
}

static void
ensure_room (Sheet  *sheet,
             double  height)
{
  if (sheet->y + height > PAGE_HEIGHT - MARGIN)
    {
      cairo_show_page (sheet->cr);
      sheet->y = MARGIN;
    }
}

static void
paragraph (Sheet      *sheet,
           const char *text,
           const char *font,
           double      space_after)
{
  ensure_room (sheet, 20);
  sheet->y += text_at (sheet, MARGIN, PAGE_WIDTH - 2 * MARGIN, text, font) + space_after;
}

/* A row of cells at the given column starts; the tallest cell sets the height. */
static void
row (Sheet             *sheet,
     const double      *columns,
     const char *const *cells,
     guint              n_cells,
     const char        *font,
     double             min_height,
     gboolean           rule)
{
  double height = min_height;

  ensure_room (sheet, MAX (min_height, 18));
  for (guint i = 0; i < n_cells; i++)
    {
      double right = i + 1 < n_cells ? columns[i + 1] - 8 : PAGE_WIDTH - MARGIN;

      if (cells[i] != NULL)
        height = MAX (height, text_at (sheet, columns[i], right - columns[i], cells[i], font));
    }
  sheet->y += height + 4;
  if (rule)
    {
      cairo_set_line_width (sheet->cr, 0.5);
      cairo_move_to (sheet->cr, MARGIN, sheet->y);
      cairo_line_to (sheet->cr, PAGE_WIDTH - MARGIN, sheet->y);
      cairo_stroke (sheet->cr);
      sheet->y += 4;
    }
}

static void
heading (Sheet         *sheet,
         KlyngeMeeting *meeting,
         const char    *kind)
{
  g_autofree char *when = klynge_format_date_time (meeting->starts_at);
  g_autofree char *line = g_strdup_printf ("%s–%s · %s", when != NULL ? when : meeting->starts_at,
                                           strlen (meeting->ends_at) == 16 ? meeting->ends_at + 11 : "",
                                           meeting->venue_name);

  paragraph (sheet, kind, "Sans 10", 2);
  paragraph (sheet, meeting->title, "Sans Bold 18", 6);
  paragraph (sheet, line, "Sans 11", 2);
  if (*meeting->venue_address != '\0')
    paragraph (sheet, meeting->venue_address, "Sans 11", 2);
  if (meeting->topic_title != NULL)
    {
      g_autofree char *topic = g_strdup_printf (_("Topic: %s"), meeting->topic_title);

      paragraph (sheet, topic, "Sans 11", 2);
    }
  sheet->y += 14;
}

static void
print_agenda (Sheet         *sheet,
              KlyngeMeeting *meeting)
{
  const char *header[] = { _("Time"), _("Item"), _("Type"), _("Minutes") };
  const char *const *kinds = klynge_agenda_kinds ();
  double type_width = text_width (sheet, header[2], "Sans Bold 10");
  double minutes_width = text_width (sheet, header[3], "Sans Bold 10");
  double columns[4];

  /* The headings and the types whole in any language (a fixed width split
   * the Danish "Minutter"); the items get what is left. */
  for (guint i = 0; kinds[i] != NULL; i++)
    type_width = MAX (type_width, text_width (sheet, klynge_agenda_kind_label (kinds[i]), "Sans 10"));
  columns[0] = MARGIN;
  columns[1] = MARGIN + 50;
  columns[3] = PAGE_WIDTH - MARGIN - MAX (minutes_width, 30);
  columns[2] = columns[3] - 8 - MIN (type_width, 150) - 8;

  heading (sheet, meeting, _("Agenda"));
  row (sheet, columns, header, G_N_ELEMENTS (header), "Sans Bold 10", 0, TRUE);
  klynge_meeting_compute_agenda (meeting);
  for (guint i = 0; i < meeting->agenda->len; i++)
    {
      KlyngeAgendaItem *item = g_ptr_array_index (meeting->agenda, i);
      g_autofree char *at = klynge_meeting_item_start_time (meeting, item);
      g_autofree char *minutes = g_strdup_printf ("%d", item->duration_minutes);
      const char *cells[] = { at, item->title, klynge_agenda_kind_label (item->kind), minutes };

      row (sheet, columns, cells, G_N_ELEMENTS (cells), "Sans 10", 0, FALSE);
    }
  if (meeting->speakers->len > 0)
    {
      sheet->y += 14;
      paragraph (sheet, _("Speakers"), "Sans Bold 11", 4);
      for (guint i = 0; i < meeting->speakers->len; i++)
        {
          KlyngeSpeaker *speaker = g_ptr_array_index (meeting->speakers, i);
          g_autofree char *text = *speaker->organisation != '\0'
            ? g_strdup_printf ("%s, %s", speaker->name, speaker->organisation) : g_strdup (speaker->name);

          paragraph (sheet, text, "Sans 10", 2);
        }
    }
}

static gboolean
print_invitation (Sheet          *sheet,
                  KlyngeDb       *db,
                  KlyngeMeeting  *meeting,
                  GError        **error)
{
  g_autofree char *text = klynge_invitations_fill_template (db, meeting->id, klynge_invitations_default_template (), error);

  if (text == NULL)
    return FALSE;
  heading (sheet, meeting, _("Invitation"));
  paragraph (sheet, text, "Sans 11", 0);
  return TRUE;
}

static gboolean
print_sign_in (Sheet          *sheet,
               KlyngeDb       *db,
               KlyngeMeeting  *meeting,
               GError        **error)
{
  /* Clinic names such as "Lægehuset Østergade" on one line; a signature
   * needs no more than a third of the page. */
  const double columns[] = { MARGIN, MARGIN + 160, MARGIN + 330 };
  const char *header[] = { _("Name"), C_("column", "Clinic"), _("Signature") };
  g_autoptr(GListModel) lines = klynge_attendance_list (db, meeting->id, error);

  if (lines == NULL)
    return FALSE;
  heading (sheet, meeting, _("Sign-in sheet"));
  row (sheet, columns, header, G_N_ELEMENTS (header), "Sans Bold 10", 0, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(KlyngeAttendance) line = g_list_model_get_item (lines, i);
      const char *cells[] = { line->member_name, line->clinic_name, NULL };

      row (sheet, columns, cells, G_N_ELEMENTS (cells), "Sans 10", 18, TRUE);
    }
  /* Room for guests who were not expected. */
  sheet->y += 10;
  paragraph (sheet, _("Guests"), "Sans Bold 10", 4);
  for (guint i = 0; i < 5; i++)
    {
      const char *cells[] = { NULL, NULL, NULL };

      row (sheet, columns, cells, G_N_ELEMENTS (cells), "Sans 10", 18, TRUE);
    }
  return TRUE;
}

gboolean
klynge_meeting_print_kind_from_string (const char         *name,
                                       KlyngeMeetingPrint *kind)
{
  if (g_strcmp0 (name, "agenda") == 0)
    *kind = KLYNGE_MEETING_PRINT_AGENDA;
  else if (g_strcmp0 (name, "invitation") == 0)
    *kind = KLYNGE_MEETING_PRINT_INVITATION;
  else if (g_strcmp0 (name, "sign-in") == 0)
    *kind = KLYNGE_MEETING_PRINT_SIGN_IN;
  else
    return FALSE;
  return TRUE;
}

/**
 * klynge_meeting_print_pdf:
 *
 * Writes the agenda, the invitation or the sign-in sheet of a meeting as an
 * A4 PDF.
 */
gboolean
klynge_meeting_print_pdf (KlyngeDb            *db,
                          gint64               meeting_id,
                          KlyngeMeetingPrint   kind,
                          const char          *path,
                          GError             **error)
{
  g_autoptr(KlyngeMeeting) meeting = klynge_meeting_load (db, meeting_id, error);
  cairo_surface_t *surface;
  cairo_status_t status;
  Sheet sheet = { NULL, MARGIN };
  gboolean ok = TRUE;

  if (meeting == NULL || !klynge_file_prepare_private (path, error))
    return FALSE;
  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  sheet.cr = cairo_create (surface);
  cairo_set_source_rgb (sheet.cr, 0, 0, 0);
  switch (kind)
    {
    case KLYNGE_MEETING_PRINT_AGENDA:
      print_agenda (&sheet, meeting);
      break;
    case KLYNGE_MEETING_PRINT_INVITATION:
      ok = print_invitation (&sheet, db, meeting, error);
      break;
    case KLYNGE_MEETING_PRINT_SIGN_IN:
    default:
      ok = print_sign_in (&sheet, db, meeting, error);
      break;
    }
  cairo_show_page (sheet.cr);
  cairo_destroy (sheet.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not write “%s”: %s"),
                   path, cairo_status_to_string (status));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (path);
  return ok;
}
