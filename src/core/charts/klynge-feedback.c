/* klynge-feedback.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each clinic's own feedback after a meeting: a PDF named after the clinic,
 * a page per indicator with its bar among the others', its place on the
 * funnel and its trend, the others unlabelled (no letters: nothing on the
 * page can be matched with the slides the room saw), and a sentence in
 * plain words; and an e-mail draft to the clinic with the PDF attached,
 * built with GMime, that a mail program opens as a new message.
 */

#include "klynge-i18n.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gmime/gmime.h>

#include "klynge-chart-export.h"
#include "klynge-db-statement.h"
#include "klynge-feedback.h"
#include "klynge-file.h"
#include "klynge-format.h"

#define PAGE_WIDTH  960.0
#define PAGE_HEIGHT 540.0
#define HEADER      44.0
#define SENTENCE    52.0

/**
 * klynge_feedback_sentence:
 * @row: the index of the clinic's row in @data
 *
 * Returns: (transfer full): "Your clinic: 82 % (412 of 498), above the
 *   cluster’s 71 %; the difference is beyond chance."
 */
char *
klynge_feedback_sentence (const KlyngeChartData *data,
                          guint                  row)
{
  const KlyngeChartRow *r = g_ptr_array_index (data->rows, row);
  g_autofree char *value = klynge_chart_format_value (data, r->value, 0);
  g_autofree char *cluster = NULL, *num = NULL, *den = NULL;
  g_autofree gint8 *flags = NULL;
  /* The rule of the meeting's funnel, so the sentence agrees with the slide. */
  KlyngeChartOptions options = { .kind = KLYNGE_CHART_FUNNEL };
  KlyngeFunnelSummary summary;
  const char *chance;

  if (!r->has_counts || !data->has_pooled)
    return g_strdup_printf (_("Your clinic: %s."), value);
  cluster = klynge_chart_format_value (data, data->pooled, 0);
  num = klynge_format_integer (r->numerator);
  den = klynge_format_integer (r->denominator);
  flags = g_new0 (gint8, data->rows->len);
  klynge_chart_funnel_classify (data, &options, flags, &summary);
  chance = flags[row] != 0 ? _("the difference is beyond chance") : _("the difference can be chance");
  if (r->value > data->pooled)
    /* Translators: "Your clinic: 82 % (412 of 498), above the cluster’s 71 %; the difference is beyond chance." */
    return g_strdup_printf (_("Your clinic: %1$s (%2$s of %3$s), above the cluster’s %4$s; %5$s."), value, num, den, cluster, chance);
  if (r->value < data->pooled)
    return g_strdup_printf (_("Your clinic: %1$s (%2$s of %3$s), below the cluster’s %4$s; %5$s."), value, num, den, cluster, chance);
  return g_strdup_printf (_("Your clinic: %1$s (%2$s of %3$s), the same as the cluster."), value, num, den);
}

/* "Skovbo Lægeklinik" as a file name on any file system. */
static char *
file_stem (const char *name)
{
  GString *stem = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || strchr ("/\\:*?\"<>|", (int) c) != NULL)
        g_string_append_c (stem, '-');
      else
        g_string_append_unichar (stem, c);
    }
  while (stem->len > 0 && stem->str[0] == '.')
    g_string_erase (stem, 0, 1);
  if (stem->len == 0)
    g_string_append (stem, "clinic");
  return g_string_free (stem, FALSE);
}

/* Only the clinic itself keeps a name: the others lose their letters. */
static int
own_row (KlyngeChartData *data)
{
  int own = -1;

  for (guint i = 0; i < data->rows->len; i++)
    {
      KlyngeChartRow *row = g_ptr_array_index (data->rows, i);

      if (row->highlighted)
        own = (int) i;
      else
        {
          g_free (row->label);
          row->label = g_strdup ("");
        }
    }
  return own;
}

static void
draw_page (cairo_t               *cr,
           const KlyngeChartData *data,
           const char            *clinic,
           const char            *meeting,
           const char            *sentence)
{
  const KlyngeChartStyle *style = klynge_chart_style_get (KLYNGE_CHART_THEME_LIGHT);
  static const KlyngeChartKind kinds[] = { KLYNGE_CHART_BARS, KLYNGE_CHART_FUNNEL, KLYNGE_CHART_RUN };
  KlyngeChartOptions options = { .kind = KLYNGE_CHART_BARS, .theme = KLYNGE_CHART_THEME_LIGHT, .names = KLYNGE_CHART_HIGHLIGHT,
                                 .funnel_method = KLYNGE_FUNNEL_EXACT, .bare = TRUE };
  double top = HEADER + SENTENCE, cell_w = PAGE_WIDTH / G_N_ELEMENTS (kinds), cell_h = PAGE_HEIGHT - top - 14;
  g_autofree char *heading = g_strdup_printf ("%s · %s", clinic, data->indicator_name);

  klynge_chart_set_source (cr, &style->background);
  cairo_paint (cr);
  klynge_chart_set_source (cr, &style->highlight);
  klynge_chart_text (cr, heading, 18, KLYNGE_TEXT_BOLD | KLYNGE_TEXT_ELLIPSIS, 20, HEADER / 2 + 4, PAGE_WIDTH * 0.7 - 20, 0, 0.5);
  klynge_chart_set_source (cr, &style->muted);
  klynge_chart_text (cr, meeting, 11, KLYNGE_TEXT_ELLIPSIS, PAGE_WIDTH * 0.7, HEADER / 2 + 4, PAGE_WIDTH * 0.3 - 20, 1, 0.5);
  klynge_chart_set_source (cr, &style->foreground);
  klynge_chart_text (cr, sentence, 15, KLYNGE_TEXT_WRAP, 20, HEADER + 6, PAGE_WIDTH - 40, 0, 0);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      options.kind = kinds[k];
      cairo_save (cr);
      cairo_translate (cr, cell_w * k, top);
      cairo_rectangle (cr, 0, 0, cell_w, cell_h);
      cairo_clip (cr);
      klynge_chart_draw (cr, cell_w, cell_h, data, &options, NULL);
      klynge_chart_set_source (cr, &style->muted);
      klynge_chart_text (cr, klynge_chart_kind_label (kinds[k]), 11, KLYNGE_TEXT_BOLD, 14, 4, cell_w - 28, 0, 0);
      cairo_restore (cr);
    }
  klynge_chart_set_source (cr, &style->muted);
  klynge_chart_text (cr, _("The other clinics are shown without names or letters."), 9, 0, 20, PAGE_HEIGHT - 6, 0, 0, 1);
  cairo_show_page (cr);
}

static gboolean
write_pdf (KlyngeDb    *db,
           gint64       cluster_id,
           gint64       meeting_id,
           GPtrArray   *data,
           gint64       clinic_id,
           const char  *clinic,
           const char  *meeting,
           const char  *path,
           GString     *sentences,
           GError     **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  if (!klynge_file_prepare_private (path, error))
    return FALSE;
  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cr = cairo_create (surface);
  for (guint i = 0; i < data->len; i++)
    {
      KlyngeChartData *d = g_ptr_array_index (data, i);
      g_autofree char *sentence = NULL;
      int own;

      klynge_chart_data_set_names (d, db, cluster_id, KLYNGE_CHART_HIGHLIGHT, clinic_id, meeting_id);
      own = own_row (d);
      sentence = own >= 0 ? klynge_feedback_sentence (d, (guint) own)
                          : g_strdup (_("Your clinic has no data for this period."));
      g_string_append_printf (sentences, "%s: %s\n", d->indicator_name, sentence);
      draw_page (cr, d, clinic, meeting, sentence);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_eml (const char  *path,
           const char  *pdf_path,
           const char  *clinic,
           const char  *email,
           const char  *meeting,
           const char  *sentences,
           GError     **error)
{
  static gsize initialised;
  g_autofree char *contents = NULL, *subject = NULL, *body = NULL, *filename = g_path_get_basename (pdf_path);
  gsize length;
  GMimeMessage *message;
  GMimeMultipart *mixed;
  GMimeTextPart *text;
  GMimePart *attachment;
  GMimeStream *content_stream, *out;
  GMimeDataWrapper *content;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GMimeFormatOptions *format;
  int fd;
  gboolean ok;

  if (g_once_init_enter (&initialised))
    {
      g_mime_init ();
      g_once_init_leave (&initialised, 1);
    }
  if (!g_file_get_contents (pdf_path, &contents, &length, error))
    return FALSE;

  message = g_mime_message_new (TRUE);
  if (email != NULL && *email != '\0')
    g_mime_message_add_mailbox (message, GMIME_ADDRESS_TYPE_TO, clinic, email);
  /* Translators: the subject of the e-mail a clinic gets its feedback with */
  subject = g_strdup_printf (_("Your clinic’s feedback from %s"), meeting);
  g_mime_message_set_subject (message, subject, "utf-8");
  g_mime_message_set_date (message, now);
  /* Thunderbird and Evolution open a message marked unsent as a draft to edit and send. */
  g_mime_object_set_header (GMIME_OBJECT (message), "X-Unsent", "1", NULL);

  /* Translators: the e-mail to a clinic; %1$s its name, %2$s the meeting, %3$s a line per indicator */
  body = g_strdup_printf (_("Dear %1$s,\n\nAttached is your clinic’s own feedback from %2$s.\n\n%3$s\nThe other clinics are shown without names or letters.\n"),
                          clinic, meeting, sentences);
  text = g_mime_text_part_new_with_subtype ("plain");
  g_mime_text_part_set_text (text, body);
  mixed = g_mime_multipart_new_with_subtype ("mixed");
  g_mime_multipart_add (mixed, GMIME_OBJECT (text));
  g_object_unref (text);

  attachment = g_mime_part_new_with_type ("application", "pdf");
  g_mime_part_set_filename (attachment, filename);
  content_stream = g_mime_stream_mem_new_with_buffer (contents, length);
  content = g_mime_data_wrapper_new_with_stream (content_stream, GMIME_CONTENT_ENCODING_DEFAULT);
  g_mime_part_set_content (attachment, content);
  g_object_unref (content);
  g_object_unref (content_stream);
  g_mime_part_set_content_encoding (attachment, GMIME_CONTENT_ENCODING_BASE64);
  g_mime_multipart_add (mixed, GMIME_OBJECT (attachment));
  g_object_unref (attachment);
  g_mime_message_set_mime_part (message, GMIME_OBJECT (mixed));
  g_object_unref (mixed);

  if (!klynge_file_prepare_private (path, error))
    {
      g_object_unref (message);
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_TRUNC, 0);
  if (fd < 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not write “%s”: %s"), path, g_strerror (errno));
      g_object_unref (message);
      return FALSE;
    }
  out = g_mime_stream_fs_new (fd);
  /* RFC 5322 lines end in CR LF. */
  format = g_mime_format_options_new ();
  g_mime_format_options_set_newline_format (format, GMIME_NEWLINE_FORMAT_DOS);
  ok = g_mime_object_write_to_stream (GMIME_OBJECT (message), format, out) >= 0 && g_mime_stream_flush (out) == 0;
  g_mime_format_options_free (format);
  g_object_unref (out);
  g_object_unref (message);
  if (!ok)
    g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not write “%s”."), path);
  return ok;
}

static char *
clinic_email (KlyngeDb *db,
              gint64    clinic_id)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, "SELECT email FROM clinic WHERE id = ?1");
  char *email = NULL;

  klynge_db_statement_bind_int64 (stmt, 1, clinic_id);
  if (klynge_db_statement_step (stmt, NULL) == SQLITE_ROW)
    email = klynge_db_statement_dup_text (stmt, 0);
  return email;
}

static gboolean
has_data (GPtrArray *data,
          gint64     clinic_id)
{
  for (guint i = 0; i < data->len; i++)
    {
      const KlyngeChartData *d = g_ptr_array_index (data, i);

      for (guint r = 0; r < d->rows->len; r++)
        if (((KlyngeChartRow *) g_ptr_array_index (d->rows, r))->clinic_id == clinic_id)
          return TRUE;
    }
  return FALSE;
}

/**
 * klynge_feedback_export:
 * @folder: created when missing
 * @n_clinics: (out) (optional): the clinics written
 *
 * Writes "CLINIC.pdf" and "CLINIC.eml" into @folder for every clinic with
 * data in the meeting's indicators.
 */
gboolean
klynge_feedback_export (KlyngeDb    *db,
                        gint64       cluster_id,
                        gint64       meeting_id,
                        const char  *folder,
                        guint       *n_clinics,
                        GError     **error)
{
  g_autoptr(GPtrArray) clinics = NULL, data = NULL;
  g_autofree char *title = NULL, *date = NULL, *when = NULL, *meeting = NULL;
  /* The funnel's flags, as the meeting's slides draw them. */
  KlyngeChartOptions options = { .kind = KLYNGE_CHART_FUNNEL, .names = KLYNGE_CHART_HIGHLIGHT };
  guint n = 0;

  if (!klynge_chart_meeting_info (db, cluster_id, meeting_id, NULL, &title, &date, error)
      || (clinics = klynge_chart_list_clinics (db, cluster_id, error)) == NULL
      || (data = klynge_chart_meeting_data (db, cluster_id, meeting_id, &options, error)) == NULL)
    return FALSE;
  if (data->len == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("The meeting has no indicators to give feedback on: give it a topic first."));
      return FALSE;
    }
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_IO, _("Could not create the folder “%s”: %s"), folder, g_strerror (errno));
      return FALSE;
    }
  when = klynge_format_date (date);
  /* Translators: a meeting as named in a clinic's feedback: "Diabetes follow-up, 9 June 2026" */
  meeting = g_strdup_printf (_("%1$s, %2$s"), title, when);
  for (guint c = 0; c < clinics->len; c++)
    {
      const KlyngeChartIndicator *clinic = g_ptr_array_index (clinics, c);
      g_autofree char *stem = NULL, *pdf_name = NULL, *eml_name = NULL, *pdf = NULL, *eml = NULL, *email = NULL;
      g_autoptr(GString) sentences = g_string_new (NULL);

      if (!has_data (data, clinic->id))
        continue;
      stem = file_stem (clinic->name);
      pdf_name = g_strconcat (stem, ".pdf", NULL);
      eml_name = g_strconcat (stem, ".eml", NULL);
      pdf = g_build_filename (folder, pdf_name, NULL);
      eml = g_build_filename (folder, eml_name, NULL);
      email = clinic_email (db, clinic->id);
      if (!write_pdf (db, cluster_id, meeting_id, data, clinic->id, clinic->name, meeting, pdf, sentences, error)
          || !write_eml (eml, pdf, clinic->name, email, meeting, sentences->str, error))
        return FALSE;
      n++;
    }
  if (n_clinics != NULL)
    *n_clinics = n;
  return TRUE;
}
