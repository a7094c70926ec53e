/* klynge-format.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers and dates as the user's locale writes them.
 */

#include "klynge-i18n.h"

#include <langinfo.h>
#include <stdio.h>
#include <string.h>

#include "klynge-error.h"
#include "klynge-format.h"
#include "klynge-money.h"

/* "48.000" in Danish, "48,000" in English: grouped as money is (the C
 * locale has no grouping of its own, but amounts are grouped there too),
 * so a count reads as the amount beside it. */
char *
klynge_format_integer (gint64 value)
{
  return klynge_money_format_count_style (value, klynge_money_style_default ());
}

static GDateTime *
parse_local (const char *iso)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  int y, mo, d, h = 0, mi = 0;

  if (iso == NULL || sscanf (iso, "%d-%d-%dT%d:%d", &y, &mo, &d, &h, &mi) < 3)
    return NULL;

  return g_date_time_new (tz, y, mo, d, h, mi, 0);
}

/* Returns: (nullable): "9 June 2026" / "9. juni 2026", or %NULL for a malformed date. */
char *
klynge_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) dt = parse_local (iso_date);

  /* Translators: a date as in "9 June 2026"; see g_date_time_format() */
  return dt != NULL ? g_date_time_format (dt, _("%-d %B %Y")) : NULL;
}

/* Returns: (nullable): "9 June 2026, 17:00" in the user's language. */
char *
klynge_format_date_time (const char *iso_date_time)
{
  g_autoptr(GDateTime) dt = parse_local (iso_date_time);

  /* Translators: a date and time as in "9 June 2026, 17:00"; see g_date_time_format() */
  return dt != NULL ? g_date_time_format (dt, _("%-d %B %Y, %H:%M")) : NULL;
}

/* Whether the locale writes the day before the month (Danish "24-11-2026",
 * British "24/11/26"); only then is "24.11.26" unambiguous enough to accept. */
gboolean
klynge_format_day_first (void)
{
  const char *fmt = nl_langinfo (D_FMT);
  const char *day = strstr (fmt, "%d");
  const char *month = strstr (fmt, "%m");

  if (day == NULL)
    day = strstr (fmt, "%e");
  return day != NULL && month != NULL && day < month;
}

/* Returns: the date as the locale writes it in a form: "24-11-2026" in
 * Danish; ISO 8601 where the locale puts the month first, since "11/24/26"
 * is read differently elsewhere. %NULL for a malformed date. */
char *
klynge_format_date_short (const char *iso_date)
{
  g_autoptr(GDateTime) dt = parse_local (iso_date);
  g_autoptr(GString) fmt = NULL;

  if (dt == NULL)
    return NULL;
  if (!klynge_format_day_first ())
    return g_date_time_format (dt, "%Y-%m-%d");
  /* A four-digit year, so the text reads back as the same date. */
  fmt = g_string_new (nl_langinfo (D_FMT));
  g_string_replace (fmt, "%y", "%Y", 0);
  return g_date_time_format (dt, fmt->str);
}

/* Splits "24.11.2026" into its three numbers and the two separators
 * between them. */
static gboolean
split_date (const char *text,
            guint       numbers[3],
            guint       digits[3],
            char        separators[2])
{
  const char *p = text;

  for (guint i = 0; i < 3; i++)
    {
      numbers[i] = digits[i] = 0;
      while (g_ascii_isdigit (*p) && digits[i] < 4)
        numbers[i] = numbers[i] * 10 + (guint)(*p++ - '0'), digits[i]++;
      if (digits[i] == 0)
        return FALSE;
      if (i == 2)
        break;
      if (*p != '-' && *p != '.' && *p != '/')
        return FALSE;
      separators[i] = *p++;
    }
  return *p == '\0';
}

static gboolean
valid_date (guint y,
            guint m,
            guint d)
{
  /* The years the database takes (klynge_rules_check_date()): "1.1.0202" is a slip. */
  return y >= 1900 && y <= 2200 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/**
 * klynge_date_from_iso:
 * @text: (nullable): a date as the database stores it
 * @year: (out) (optional):
 * @month: (out) (optional):
 * @day: (out) (optional):
 *
 * The one check of a stored date: exactly "2026-03-14", a day that exists,
 * in the years the database takes. Typed dates go through
 * klynge_parse_date() first.
 *
 * Returns: whether @text is such a date
 */
gboolean
klynge_date_from_iso (const char *text,
                      int        *year,
                      int        *month,
                      int        *day)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || y < 0 || m < 0 || d < 0 ||
      !valid_date ((guint) y, (guint) m, (guint) d))
    return FALSE;
  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  if (day != NULL)
    *day = d;
  return TRUE;
}

/**
 * klynge_parse_date:
 * @text: a date as the user typed it
 *
 * The one reader of typed dates. In every language: ISO (2026-11-24), and
 * the forms only ever written day first: 24.11.2026, 24-11-2026 and the
 * Danish 24/11-2026. Slashes alone follow the locale: 24/11/2026 where it
 * writes the day first, 11/24/2026 where it writes the month first, and the
 * other order when only that one is a date (25/12/2026 is the 25th
 * anywhere). Two-digit years (24.11.26) only where the day comes first, as
 * the locale writes them.
 *
 * Returns: (transfer full) (nullable): the ISO 8601 date, or %NULL with
 * @error saying which forms are expected.
 */
char *
klynge_parse_date (const char  *text,
                   GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  gboolean day_first = klynge_format_day_first ();
  guint n[3], digits[3];
  guint y = 0, m = 0, d = 0;
  char sep[2] = { 0, 0 };

  if (split_date (trimmed, n, digits, sep))
    {
      gboolean same = sep[0] == sep[1];
      gboolean short_year = digits[2] == 2 && day_first;

      if (digits[0] == 4 && same && sep[0] == '-' && digits[1] <= 2 && digits[2] <= 2)
        y = n[0], m = n[1], d = n[2];
      else if (digits[0] <= 2 && digits[1] <= 2 && (digits[2] == 4 || short_year))
        {
          guint year = digits[2] == 2 ? 2000 + n[2] : n[2];
          gboolean slashes = same && sep[0] == '/';

          if ((same && sep[0] != '/') || (sep[0] == '/' && sep[1] == '-') || (slashes && day_first))
            y = year, m = n[1], d = n[0];
          else if (slashes)
            y = year, m = n[0], d = n[1];
          /* The locale's order is no date, the other one is: no doubt which is meant. */
          if (slashes && !valid_date (y, m, d) && valid_date (year, d, m))
            {
              guint swap = m;

              m = d, d = swap;
            }
        }
    }

  if (!valid_date (y, m, d))
    {
      if (day_first)
        g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                     _("“%s” is not a date; write it as day-month-year, like 24-11-2026, 24.11.2026, 24/11-2026 or 24.11.26."),
                     trimmed);
      else
        g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                     _("“%s” is not a date; write it as year-month-day, like 2026-11-24, as day.month.year, like 24.11.2026, or as month/day/year, like 11/24/2026."),
                     trimmed);
      return NULL;
    }

  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

/**
 * klynge_parse_optional_date:
 * @text: a date as the user typed it, or nothing
 * @iso: (out) (transfer full) (nullable): the ISO 8601 date, %NULL for no date
 *
 * As klynge_parse_date(), for a field that may stay empty.
 *
 * Returns: FALSE, with @error set, when @text is neither empty nor a date.
 */
gboolean
klynge_parse_optional_date (const char  *text,
                            char       **iso,
                            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  *iso = trimmed[0] != '\0' ? klynge_parse_date (trimmed, error) : NULL;
  return trimmed[0] == '\0' || *iso != NULL;
}
