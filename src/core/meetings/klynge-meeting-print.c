/* klynge-meeting-print.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The papers of a meeting: the agenda, the invitation and the sign-in
 * sheet with the members' names and room to sign, to print or save as PDF.
 */

#define G_LOG_DOMAIN "klynge-meeting-print"

#include "klynge-i18n.h"

#include <string.h>

#include "klynge-attendance.h"
#include "klynge-db-task.h"
#include "klynge-format.h"
#include "klynge-invitations.h"
#include "klynge-meeting.h"
#include "klynge-meeting-print.h"

#define HEADING_FONT "Sans Bold 18"
#define TEXT_FONT    "Sans 11"
#define BODY_FONT    "Sans 10"

typedef struct
{
  KlyngeMeetingPrint  kind;
  KlyngeMeeting      *meeting;
  char               *text;      /* the invitation's */
  GListModel         *lines;     /* the sign-in sheet's KlyngeAttendance */
} Paper;

static void
paper_free (Paper *paper)
{
  g_clear_object (&paper->meeting);
  g_free (paper->text);
  g_clear_object (&paper->lines);
  g_free (paper);
}

static void
heading (KlyngeSheet   *sheet,
         KlyngeMeeting *meeting,
         const char    *kind)
{
  g_autofree char *when = klynge_format_date_time (meeting->starts_at);
  g_autofree char *line = g_strdup_printf ("%s–%s · %s", when != NULL ? when : meeting->starts_at,
                                           strlen (meeting->ends_at) == 16 ? meeting->ends_at + 11 : "",
                                           meeting->venue_name);

  klynge_sheet_paragraph (sheet, kind, BODY_FONT, 2);
  klynge_sheet_paragraph (sheet, meeting->title, HEADING_FONT, 6);
  klynge_sheet_paragraph (sheet, line, TEXT_FONT, 2);
  if (*meeting->venue_address != '\0')
    klynge_sheet_paragraph (sheet, meeting->venue_address, TEXT_FONT, 2);
  if (meeting->topic_title != NULL)
    {
      g_autofree char *topic = g_strdup_printf (_("Topic: %s"), meeting->topic_title);

      klynge_sheet_paragraph (sheet, topic, TEXT_FONT, 2);
    }
  klynge_sheet_space (sheet, 14);
}

static void
draw_agenda (KlyngeSheet   *sheet,
             KlyngeMeeting *meeting)
{
  const char *header[] = { _("Time"), _("Item"), _("Type"), _("Minutes") };
  const gboolean right[] = { FALSE, FALSE, FALSE, TRUE };
  const char *const *kinds = klynge_agenda_kinds ();
  double width = klynge_sheet_get_width (sheet);
  double type_width = klynge_sheet_text_width (sheet, header[2], "Sans Bold 10");
  double minutes_width = klynge_sheet_text_width (sheet, header[3], "Sans Bold 10");
  double columns[4];

  /* The headings and the types whole in any language (a fixed width split
   * the Danish "Minutter"); the items get what is left. */
  for (guint i = 0; kinds[i] != NULL; i++)
    type_width = MAX (type_width, klynge_sheet_text_width (sheet, klynge_agenda_kind_label (kinds[i]), BODY_FONT));
  columns[0] = 0;
  columns[1] = 50;
  columns[3] = width - MAX (minutes_width, 30);
  columns[2] = columns[3] - 8 - MIN (type_width, 150) - 8;

  heading (sheet, meeting, _("Agenda"));
  klynge_sheet_begin_table (sheet, G_N_ELEMENTS (header), columns, right, header);
  klynge_meeting_compute_agenda (meeting);
  for (guint i = 0; i < meeting->agenda->len; i++)
    {
      KlyngeAgendaItem *item = g_ptr_array_index (meeting->agenda, i);
      g_autofree char *at = klynge_meeting_item_start_time (meeting, item);
      g_autofree char *minutes = g_strdup_printf ("%d", item->duration_minutes);
      const char *cells[] = { at, item->title, klynge_agenda_kind_label (item->kind), minutes };

      klynge_sheet_row (sheet, cells, FALSE, 0, FALSE);
    }
  klynge_sheet_end_table (sheet);
  if (meeting->speakers->len > 0)
    {
      klynge_sheet_space (sheet, 8);
      klynge_sheet_keep (sheet, 40);
      klynge_sheet_paragraph (sheet, _("Speakers"), "Sans Bold 11", 4);
      for (guint i = 0; i < meeting->speakers->len; i++)
        {
          KlyngeSpeaker *speaker = g_ptr_array_index (meeting->speakers, i);
          g_autofree char *text = *speaker->organisation != '\0'
            ? g_strdup_printf ("%s, %s", speaker->name, speaker->organisation) : g_strdup (speaker->name);

          klynge_sheet_paragraph (sheet, text, BODY_FONT, 2);
        }
    }
}

static void
draw_sign_in (KlyngeSheet *sheet,
              Paper       *paper)
{
  /* Clinic names such as "Lægehuset Østergade" on one line; a signature
   * needs no more than a third of the page. */
  double width = klynge_sheet_get_width (sheet);
  const double columns[] = { 0, width * 0.3, width * 0.66 };
  const char *header[] = { _("Name"), C_("column", "Clinic"), _("Signature") };
  const char *empty[] = { NULL, NULL, NULL };

  heading (sheet, paper->meeting, _("Sign-in sheet"));
  klynge_sheet_begin_table (sheet, G_N_ELEMENTS (header), columns, NULL, header);
  for (guint i = 0; i < g_list_model_get_n_items (paper->lines); i++)
    {
      g_autoptr(KlyngeAttendance) line = g_list_model_get_item (paper->lines, i);
      const char *cells[] = { line->member_name, line->clinic_name, NULL };

      klynge_sheet_row (sheet, cells, FALSE, 18, TRUE);
    }
  klynge_sheet_end_table (sheet);
  /* Room for guests who were not expected. */
  klynge_sheet_space (sheet, 10);
  klynge_sheet_keep (sheet, 100);
  klynge_sheet_paragraph (sheet, _("Guests"), "Sans Bold 10", 4);
  klynge_sheet_begin_table (sheet, G_N_ELEMENTS (header), columns, NULL, header);
  for (guint i = 0; i < 5; i++)
    klynge_sheet_row (sheet, empty, FALSE, 18, TRUE);
  klynge_sheet_end_table (sheet);
}

static void
draw_paper (KlyngeSheet *sheet,
            gpointer     data)
{
  Paper *paper = data;

  switch (paper->kind)
    {
    case KLYNGE_MEETING_PRINT_AGENDA:
      draw_agenda (sheet, paper->meeting);
      break;
    case KLYNGE_MEETING_PRINT_INVITATION:
      heading (sheet, paper->meeting, _("Invitation"));
      klynge_sheet_paragraph (sheet, paper->text, TEXT_FONT, 0);
      break;
    case KLYNGE_MEETING_PRINT_SIGN_IN:
    default:
      draw_sign_in (sheet, paper);
      break;
    }
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
 * klynge_meeting_print_document:
 *
 * Returns: (transfer full): the agenda, the invitation or the sign-in sheet
 *   of a meeting, to print or write as PDF; %NULL if the meeting is gone
 */
KlyngeDocument *
klynge_meeting_print_document (KlyngeDb            *db,
                               gint64               meeting_id,
                               KlyngeMeetingPrint   kind,
                               GError             **error)
{
  Paper *paper = g_new0 (Paper, 1);
  const char *what;
  g_autofree char *title = NULL;

  paper->kind = kind;
  paper->meeting = klynge_meeting_load (db, meeting_id, error);
  if (paper->meeting == NULL)
    return (paper_free (paper), NULL);
  switch (kind)
    {
    case KLYNGE_MEETING_PRINT_AGENDA:
      what = _("Agenda");
      break;
    case KLYNGE_MEETING_PRINT_INVITATION:
      what = _("Invitation");
      paper->text = klynge_invitations_fill_template (db, meeting_id, klynge_invitations_default_template (), error);
      if (paper->text == NULL)
        return (paper_free (paper), NULL);
      break;
    case KLYNGE_MEETING_PRINT_SIGN_IN:
    default:
      what = _("Sign-in sheet");
      paper->lines = klynge_attendance_list (db, meeting_id, error);
      if (paper->lines == NULL)
        return (paper_free (paper), NULL);
      break;
    }
  /* Translators: the head of a printed page after the first: what it is, then the meeting's title */
  title = g_strdup_printf (_("%s — %s"), what, paper->meeting->title);
  return klynge_document_new (title, draw_paper, paper, (GDestroyNotify) paper_free);
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
  g_autoptr(KlyngeDocument) document = klynge_meeting_print_document (db, meeting_id, kind, error);

  return document != NULL && klynge_document_write_pdf (document, path, error);
}

static gpointer
print_in_worker (KlyngeDb      *db,
                 gint64         meeting_id,
                 const char    *path,
                 int            kind,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return klynge_meeting_print_pdf (db, meeting_id, kind, path, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/**
 * klynge_meeting_print_pdf_async:
 *
 * Writes the PDF as klynge_meeting_print_pdf() does, in a worker on its
 * own connection, so a slow disk never freezes the window.
 */
void
klynge_meeting_print_pdf_async (KlyngeDb            *db,
                                gint64               meeting_id,
                                KlyngeMeetingPrint   kind,
                                const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  klynge_db_file_task_run (db, KLYNGE_DB_OPEN_READ_ONLY, meeting_id, path, kind, print_in_worker, NULL,
                           klynge_meeting_print_pdf_async, cancellable, callback, user_data);
}

gboolean
klynge_meeting_print_pdf_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return klynge_db_file_task_finish (result, klynge_meeting_print_pdf_async, error) != NULL;
}
