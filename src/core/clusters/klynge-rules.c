/* klynge-rules.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules a cluster's records must keep. The editors show these messages
 * beside the field while the user types, so each names the field's problem
 * and how to put it right.
 */

#include "klynge-i18n.h"

#include <stdio.h>
#include <string.h>

#include "klynge-error.h"
#include "klynge-format.h"
#include "klynge-rules.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

char *
klynge_rules_strip_or_null (const char *text)
{
  return is_blank (text) ? NULL : g_strstrip (g_strdup (text));
}

/* @message: the translated sentence to show when @text is empty */
gboolean
klynge_rules_check_required (const char  *text,
                             const char  *message,
                             GError     **error)
{
  if (!is_blank (text))
    return TRUE;
  g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
valid_domain (const char *domain)
{
  g_auto(GStrv) labels = g_strsplit (domain, ".", -1);
  guint n = g_strv_length (labels);

  if (n < 2)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const char *label = labels[i];
      gsize len = strlen (label);

      if (len == 0 || label[0] == '-' || label[len - 1] == '-')
        return FALSE;
      for (const char *c = label; *c != '\0'; c = g_utf8_next_char (c))
        {
          gunichar u = g_utf8_get_char (c);

          /* Danish domains may hold æ, ø, å: allow letters beyond ASCII. */
          if (!(g_unichar_isalnum (u) || u == '-'))
            return FALSE;
        }
    }
  return TRUE;
}

/* An empty address is allowed: not every secretary has every address. */
gboolean
klynge_rules_check_email (const char  *email,
                          GError     **error)
{
  g_autofree char *trimmed = klynge_rules_strip_or_null (email);
  const char *at;
  gboolean ok;

  if (trimmed == NULL)
    return TRUE;

  at = strchr (trimmed, '@');
  ok = g_utf8_validate (trimmed, -1, NULL) && at != NULL && at != trimmed &&
       strchr (at + 1, '@') == NULL && valid_domain (at + 1);
  for (const char *c = trimmed; ok && c < at; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (g_unichar_isspace (u) || strchr ("<>()[]\\,;:\"", (int) u) != NULL)
        ok = FALSE;
    }
  if (ok && (trimmed[0] == '.' || at[-1] == '.' || strstr (trimmed, "..") != NULL))
    ok = FALSE;

  if (!ok)
    g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                 _("“%s” is not an e-mail address; write it like name@clinic.dk."), trimmed);
  return ok;
}

/* An empty date is allowed (unknown); anything else must be a real date. */
gboolean
klynge_rules_check_date (const char  *date,
                         GError     **error)
{
  g_autofree char *trimmed = klynge_rules_strip_or_null (date);

  if (trimmed == NULL || klynge_date_from_iso (trimmed, NULL, NULL, NULL))
    return TRUE;

  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
               _("“%s” is not a date; write it as year-month-day, like 2026-03-14."), trimmed);
  return FALSE;
}

/* Both dates valid, and the end not before the start. */
gboolean
klynge_rules_check_period (const char  *from,
                           const char  *to,
                           GError     **error)
{
  g_autofree char *start = klynge_rules_strip_or_null (from);
  g_autofree char *end = klynge_rules_strip_or_null (to);

  if (!klynge_rules_check_date (start, error) || !klynge_rules_check_date (end, error))
    return FALSE;
  if (start != NULL && end != NULL && strcmp (end, start) < 0)
    {
      /* The dates as the user typed them: in the locale's form. */
      g_autofree char *shown_end = klynge_format_date_short (end);
      g_autofree char *shown_start = klynge_format_date_short (start);

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("The end date %s is before the start date %s."), shown_end, shown_start);
      return FALSE;
    }
  return TRUE;
}

/* "75", "75 %", "75,5" → 0.75, 0.755; between 0 and 100 %. */
gboolean
klynge_rules_parse_percent (const char  *text,
                            double      *fraction,
                            GError     **error)
{
  g_autofree char *trimmed = klynge_rules_strip_or_null (text);
  g_autofree char *number = NULL;
  char *end = NULL;
  double value;

  if (trimmed != NULL && g_str_has_suffix (trimmed, "%"))
    trimmed[strlen (trimmed) - 1] = '\0';
  number = g_strstrip (g_strdelimit (g_strdup (trimmed != NULL ? trimmed : ""), ",", '.'));
  value = *number != '\0' ? g_ascii_strtod (number, &end) : 0;
  if (*number == '\0' || end == NULL || *end != '\0' || !(value >= 0 && value <= 100))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("“%s” is not a percentage between 0 and 100."), text != NULL ? text : "");
      return FALSE;
    }
  *fraction = value / 100.0;
  return TRUE;
}

gboolean
klynge_rules_date_reached (const char *date,
                           const char *today)
{
  return date == NULL || *date == '\0' || strcmp (date, today) <= 0;
}

char *
klynge_rules_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
