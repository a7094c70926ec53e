/* klynge-format.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers and dates as the user's locale writes them.
 */

#include "klynge-i18n.h"

#include <stdio.h>

#include "klynge-format.h"

/* "48.000" in Danish, "48,000" in English: the ' flag groups by LC_NUMERIC. */
char *
klynge_format_integer (gint64 value)
{
  char buf[64];

  snprintf (buf, sizeof buf, "%'" G_GINT64_FORMAT, value);
  return g_strdup (buf);
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
