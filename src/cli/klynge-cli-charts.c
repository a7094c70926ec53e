/* klynge-cli-charts.c — the `export chart|slides|pack|workbook|key` kinds
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include <stdio.h>
#include <string.h>

#include "klynge-chart-export.h"
#include "klynge-deck.h"
#include "klynge-feedback.h"
#include "klynge-chart-letters.h"
#include "klynge-cli.h"

/* The options every chart kind shares. */
typedef struct
{
  gint64  cluster;
  gint64  meeting;
  char   *names;
  gint64  highlight;
  char   *theme;
  char   *method;
  char   *adjust;
  char   *around;
  gboolean phi;
  char   *size;
  char   *output;
} Common;

static void
common_clear (Common *common)
{
  g_free (common->names);
  g_free (common->theme);
  g_free (common->method);
  g_free (common->adjust);
  g_free (common->around);
  g_free (common->size);
  g_free (common->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Common, common_clear)

static GOptionEntry *
common_entries (Common       *common,
                GOptionEntry *extra,
                guint         n_extra)
{
  GOptionEntry shared[] = {
    { "cluster", 0, 0, G_OPTION_ARG_INT64, &common->cluster, N_("The cluster (default: the first)"), N_("ID") },
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &common->meeting, N_("The meeting whose indicators and letters to use"), N_("ID") },
    { "names", 0, 0, G_OPTION_ARG_STRING, &common->names, N_("How clinics are shown: letters (default), highlight or names"), N_("MODE") },
    { "highlight", 0, 0, G_OPTION_ARG_INT64, &common->highlight, N_("The clinic to name and highlight"), N_("ID") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &common->theme, N_("light (default), dark or high-contrast"), N_("THEME") },
    { "limits", 0, 0, G_OPTION_ARG_STRING, &common->method, N_("Funnel limits: exact (default) or normal"), N_("METHOD") },
    { "adjust", 0, 0, G_OPTION_ARG_STRING, &common->adjust,
      N_("Widen funnel limits for over-dispersion: auto (default, when significant), never or always"), N_("WHEN") },
    { "around", 0, 0, G_OPTION_ARG_STRING, &common->around,
      N_("Funnel limits around the cluster’s value (default) or the indicator’s reference"), N_("cluster|reference") },
    { "phi", 0, 0, G_OPTION_ARG_NONE, &common->phi, N_("Give the over-dispersion factor φ and its test in the funnel’s caption"), NULL },
    { "size", 0, 0, G_OPTION_ARG_STRING, &common->size, N_("Slide size in pixels: 1920x1080 (default) or 3840x2160"), N_("WxH") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &common->output, N_("The file or folder to write"), N_("PATH") },
  };
  GOptionEntry *all = g_new0 (GOptionEntry, G_N_ELEMENTS (shared) + n_extra + 1);

  memcpy (all, shared, sizeof shared);
  memcpy (all + G_N_ELEMENTS (shared), extra, n_extra * sizeof *extra);
  return all;
}

/* Fills @options and the size from the shared options; a usage error returns FALSE (reported). */
static gboolean
common_parse (const char         *command,
              Common             *common,
              KlyngeChartOptions *options,
              int                *width,
              int                *height)
{
  static const char *names[] = { "letters", "highlight", "names" };
  static const char *themes[] = { "light", "dark", "high-contrast" };
  /* As KlyngeChartLimits: auto, chance alone, widened. */
  static const char *adjust[] = { "auto", "never", "always" };
  gboolean found = FALSE;

  options->names = KLYNGE_CHART_ANONYMOUS;
  for (guint i = 0; common->names != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (common->names, names[i]))
      options->names = i, found = TRUE;
  if (common->names != NULL && !found)
    {
      klynge_cli_usage_error (command, _("Unknown --names “%s”; use letters, highlight or names."), common->names);
      return FALSE;
    }
  if (options->names == KLYNGE_CHART_HIGHLIGHT && common->highlight == 0)
    {
      klynge_cli_usage_error (command, "%s", _("--names highlight needs --highlight CLINIC."));
      return FALSE;
    }
  if (common->highlight != 0)
    options->names = KLYNGE_CHART_HIGHLIGHT;

  found = FALSE;
  options->theme = KLYNGE_CHART_THEME_LIGHT;
  for (guint i = 0; common->theme != NULL && i < G_N_ELEMENTS (themes); i++)
    if (g_str_equal (common->theme, themes[i]))
      options->theme = i, found = TRUE;
  if (common->theme != NULL && !found)
    {
      klynge_cli_usage_error (command, _("Unknown theme “%s”; use light, dark or high-contrast."), common->theme);
      return FALSE;
    }

  options->funnel_method = KLYNGE_FUNNEL_EXACT;
  if (g_strcmp0 (common->method, "normal") == 0)
    options->funnel_method = KLYNGE_FUNNEL_NORMAL;
  else if (common->method != NULL && !g_str_equal (common->method, "exact"))
    {
      klynge_cli_usage_error (command, _("Unknown limits “%s”; use exact or normal."), common->method);
      return FALSE;
    }

  found = FALSE;
  options->limits = KLYNGE_LIMITS_AUTO;
  for (guint i = 0; common->adjust != NULL && i < G_N_ELEMENTS (adjust); i++)
    if (g_str_equal (common->adjust, adjust[i]))
      options->limits = i, found = TRUE;
  if (common->adjust != NULL && !found)
    {
      klynge_cli_usage_error (command, _("Unknown --adjust “%s”; use auto, never or always."), common->adjust);
      return FALSE;
    }

  options->show_dispersion = common->phi;
  options->around_reference = g_strcmp0 (common->around, "reference") == 0;
  if (common->around != NULL && !options->around_reference && !g_str_equal (common->around, "cluster"))
    {
      klynge_cli_usage_error (command, _("Unknown --around “%s”; use cluster or reference."), common->around);
      return FALSE;
    }

  *width = 1920;
  *height = 1080;
  if (common->size != NULL && sscanf (common->size, "%dx%d", width, height) != 2)
    {
      klynge_cli_usage_error (command, _("Cannot read the size “%s”; write it as 1920x1080."), common->size);
      return FALSE;
    }
  if (common->output == NULL)
    {
      klynge_cli_usage_error (command, "%s", _("--output is required."));
      return FALSE;
    }
  return TRUE;
}

/* `export chart --indicator ID [--period P] [--kind K] … --output FILE.png|svg|pdf` */
int
klynge_cli_export_chart (KlyngeCli  *cli,
                         int         argc,
                         char      **argv)
{
  g_auto(Common) common = { 0 };
  gint64 indicator = 0;
  g_autofree char *period = NULL, *kind = NULL;
  GOptionEntry extra[] = {
    { "indicator", 0, 0, G_OPTION_ARG_INT64, &indicator, N_("The indicator to chart"), N_("ID") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("The period (default: the latest)"), N_("PERIOD") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("bars (default), funnel, run, before-after, attendance or p-chart"), N_("KIND") },
  };
  g_autofree GOptionEntry *entries = common_entries (&common, extra, G_N_ELEMENTS (extra));
  KlyngeChartOptions options = { 0 };
  g_autoptr(KlyngeChartData) data = NULL;
  g_autoptr(GError) error = NULL;
  int width, height;

  if (!klynge_cli_parse_options ("export chart", NULL, _("Write one chart as a slide (PNG, SVG or PDF)."), entries, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc > 1)
    return klynge_cli_usage_error ("export chart", _("Unexpected argument “%s”."), argv[1]);
  if (!common_parse ("export chart", &common, &options, &width, &height))
    return KLYNGE_CLI_USAGE;
  if (kind != NULL && !klynge_chart_kind_from_string (kind, &options.kind))
    return klynge_cli_usage_error ("export chart", _("Unknown chart kind “%s”."), kind);
  if (options.kind != KLYNGE_CHART_ATTENDANCE && indicator == 0)
    return klynge_cli_usage_error ("export chart", "%s", _("--indicator is required."));
  if ((common.cluster = klynge_cli_get_cluster (cli, common.cluster)) == 0)
    return KLYNGE_CLI_FAILED;

  {
    KlyngeChartRequest request = { common.cluster, common.meeting, indicator, period, NULL, common.highlight, options };

    data = klynge_chart_request_load (cli->db, &request, &error);
  }
  if (data == NULL)
    return klynge_cli_report_error (error);
  if (!klynge_chart_export_file (data, &options, common.output, width, height, &error))
    return klynge_cli_report_error (error);
  return KLYNGE_CLI_OK;
}

static int
meeting_command (KlyngeCli   *cli,
                 const char  *command,
                 const char  *summary,
                 int          argc,
                 char       **argv,
                 char       **format)
{
  g_auto(Common) common = { 0 };
  GOptionEntry extra[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, format, N_("png (default), svg or pdf"), N_("FORMAT") },
  };
  g_autofree GOptionEntry *entries = common_entries (&common, extra, format != NULL ? 1 : 0);
  KlyngeChartOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  KlyngeSlideFormat slide_format = KLYNGE_SLIDE_PNG;
  int width, height;
  gboolean ok;

  if (!klynge_cli_parse_options (command, NULL, summary, entries, &argc, &argv))
    return KLYNGE_CLI_USAGE;
  if (argc > 1)
    return klynge_cli_usage_error (command, _("Unexpected argument “%s”."), argv[1]);
  if (!common_parse (command, &common, &options, &width, &height))
    return KLYNGE_CLI_USAGE;
  /* The key also exists for the charts without a meeting. */
  if (common.meeting == 0 && !g_str_equal (command, "export key"))
    return klynge_cli_usage_error (command, "%s", _("--meeting is required."));
  if (format != NULL && *format != NULL)
    {
      g_autofree char *probe = g_strconcat ("slide.", *format, NULL);

      if (!klynge_slide_format_from_path (probe, &slide_format))
        return klynge_cli_usage_error (command, _("Unknown format “%s”; use png, svg or pdf."), *format);
    }
  if ((common.cluster = klynge_cli_get_cluster (cli, common.cluster)) == 0)
    return KLYNGE_CLI_FAILED;

  if (g_str_equal (command, "export slides"))
    {
      guint n = 0;

      ok = klynge_chart_export_slides (cli->db, common.cluster, common.meeting, &options, common.highlight,
                                       slide_format, width, height, common.output, &n, &error);
      if (ok)
        printf (ngettext ("%u slide written to %s\n", "%u slides written to %s\n", n), n, common.output);
    }
  else if (g_str_equal (command, "export deck"))
    {
      guint n = 0;

      ok = klynge_deck_export_pdf (cli->db, common.cluster, common.meeting, &options, common.highlight,
                                   common.output, &n, &error);
      if (ok)
        printf (ngettext ("%u page written to %s\n", "%u pages written to %s\n", n), n, common.output);
    }
  else if (g_str_equal (command, "export feedback"))
    {
      guint n = 0;

      ok = klynge_feedback_export (cli->db, common.cluster, common.meeting, common.output, &n, &error);
      if (ok)
        printf (ngettext ("Feedback for %u clinic written to %s\n", "Feedback for %u clinics written to %s\n", n), n, common.output);
    }
  else if (g_str_equal (command, "export pack"))
    ok = klynge_chart_export_pack (cli->db, common.cluster, common.meeting, &options, common.output, &error);
  else if (g_str_equal (command, "export key"))
    ok = klynge_chart_letters_export (cli->db, common.cluster, common.meeting, common.output, &error);
  else
    ok = klynge_chart_export_workbook (cli->db, common.cluster, common.meeting, &options, common.output, &error);
  return ok ? KLYNGE_CLI_OK : klynge_cli_report_error (error);
}

/* `export slides --meeting ID [--format png|svg|pdf] --output FOLDER` */
int
klynge_cli_export_slides (KlyngeCli  *cli,
                          int         argc,
                          char      **argv)
{
  g_autofree char *format = NULL;

  return meeting_command (cli, "export slides", _("Write every slide of a meeting into a folder."), argc, argv, &format);
}

/* `export deck --meeting ID [--theme T] --output FILE.pdf` */
int
klynge_cli_export_deck (KlyngeCli  *cli,
                        int         argc,
                        char      **argv)
{
  return meeting_command (cli, "export deck", _("Write a meeting’s deck: one PDF with a title page, every slide and a closing page."),
                          argc, argv, NULL);
}

/* `export feedback --meeting ID --output FOLDER` */
int
klynge_cli_export_feedback (KlyngeCli  *cli,
                            int         argc,
                            char      **argv)
{
  return meeting_command (cli, "export feedback", _("Write each clinic’s feedback: its own PDF and an e-mail draft with the PDF attached."),
                          argc, argv, NULL);
}

/* `export pack --meeting ID --output FILE.pdf` */
int
klynge_cli_export_pack (KlyngeCli  *cli,
                        int         argc,
                        char      **argv)
{
  return meeting_command (cli, "export pack", _("Write the feedback pack: a PDF page per clinic, that clinic highlighted."),
                          argc, argv, NULL);
}

/* `export workbook --meeting ID --output FILE.xlsx` */
int
klynge_cli_export_workbook (KlyngeCli  *cli,
                            int         argc,
                            char      **argv)
{
  return meeting_command (cli, "export workbook", _("Write the meeting workbook: a sheet per indicator with an Excel chart."),
                          argc, argv, NULL);
}

/* `export key [--meeting ID] --output FILE.xlsx|FILE.csv` */
int
klynge_cli_export_key (KlyngeCli  *cli,
                       int         argc,
                       char      **argv)
{
  return meeting_command (cli, "export key",
                          _("Write the private letter key: which clinic has which letter on a meeting’s charts "
                            "(without --meeting: on the charts without a meeting). CSV when the file ends in .csv."),
                          argc, argv, NULL);
}
