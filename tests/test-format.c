/* test-format.c — dates and numbers as the user writes and reads them
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "klynge-error.h"
#include "klynge-format.h"
#include "klynge-money.h"

static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) != NULL)
    return TRUE;
  g_test_skip ("the locale is not installed");
  return FALSE;
}

static void
assert_parses (const char *text,
               const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parsed = klynge_parse_date (text, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (parsed, ==, iso);
}

static void
assert_refused (const char *text,
                const char *expected_form)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parsed = klynge_parse_date (text, &error);

  g_assert_null (parsed);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, expected_form));
}

/* Every form in both languages: the Danish locale writes the day first,
 * English (C) the month first. NULL: refused, with a message. */
static const struct {
  const char *text;
  const char *danish;
  const char *english;
} dates[] = {
  { "2026-11-24",  "2026-11-24", "2026-11-24" },
  { "2026-3-1",    "2026-03-01", "2026-03-01" },
  { "6/12-2026",   "2026-12-06", "2026-12-06" },   /* d/m-yyyy, the Danish habit */
  { "06/12-2026",  "2026-12-06", "2026-12-06" },
  { "6.12.2026",   "2026-12-06", "2026-12-06" },   /* d.m.yyyy */
  { "06.12.2026",  "2026-12-06", "2026-12-06" },
  { "06-12-2026",  "2026-12-06", "2026-12-06" },   /* dd-mm-yyyy */
  { "24-11-2026",  "2026-11-24", "2026-11-24" },
  { "6/12/2026",   "2026-12-06", "2026-06-12" },   /* the locale decides d/m or m/d */
  { "1/3/2026",    "2026-03-01", "2026-01-03" },
  { "24/11/2026",  "2026-11-24", "2026-11-24" },   /* only a date day first */
  { "11/24/2026",  "2026-11-24", "2026-11-24" },   /* only a date month first */
  { " 1.3.2026 ",  "2026-03-01", "2026-03-01" },
  { "29.02.2028",  "2028-02-29", "2028-02-29" },
  { "24.11.26",    "2026-11-24", NULL },           /* two-digit years only as the locale writes them */
  { "11/24/26",    "2026-11-24", NULL },
  { "31.11.2026",  NULL,         NULL },
  { "31.02.2026",  NULL,         NULL },
  { "29.02.2026",  NULL,         NULL },
  { "13/13/2026",  NULL,         NULL },
  { "0.1.2026",    NULL,         NULL },
  { "1.13.2026",   NULL,         NULL },
  { "1.1.0202",    NULL,         NULL },
  { "1.1.2026.",   NULL,         NULL },
  { "24.11-2026",  NULL,         NULL },
  { "24-11/2026",  NULL,         NULL },
  { "2026-11/24",  NULL,         NULL },
  { "2026-02-30",  NULL,         NULL },
  { "24. november", NULL,        NULL },
  { "",            NULL,         NULL },
};

static void
check_dates (gboolean danish)
{
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      const char *expected = danish ? dates[i].danish : dates[i].english;

      g_test_message ("%s: “%s”", danish ? "Danish" : "English", dates[i].text);
      if (expected != NULL)
        assert_parses (dates[i].text, expected);
      else
        assert_refused (dates[i].text, danish ? "24-11-2026" : "2026-11-24");
    }
}

static void
test_danish_dates (void)
{
  g_autofree char *shown = NULL;

  if (!use_locale ("da_DK.UTF-8"))
    return;

  check_dates (TRUE);
  shown = klynge_format_date_short ("2026-11-24");
  g_assert_cmpstr (shown, ==, "24-11-2026");
  assert_parses (shown, "2026-11-24");
  g_assert_true (klynge_format_day_first ());
}

/* An optional field: empty is no date, anything else must be one. */
static void
test_optional_dates (void)
{
  g_autoptr(GError) error = NULL;
  char *iso = (char *) "unset";

  if (!use_locale ("da_DK.UTF-8"))
    return;

  g_assert_true (klynge_parse_optional_date ("  ", &iso, &error));
  g_assert_no_error (error);
  g_assert_null (iso);
  g_assert_true (klynge_parse_optional_date ("1.3.26", &iso, &error));
  g_assert_cmpstr (iso, ==, "2026-03-01");
  g_clear_pointer (&iso, g_free);
  g_assert_false (klynge_parse_optional_date ("31.02.2026", &iso, &error));
  g_assert_null (iso);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
}

static void
test_english_dates (void)
{
  g_autofree char *shown = NULL;

  if (!use_locale ("C.UTF-8"))
    return;

  check_dates (FALSE);
  assert_refused ("11/24/26", "month/day/year");
  shown = klynge_format_date_short ("2026-11-24");
  g_assert_cmpstr (shown, ==, "2026-11-24");
  g_assert_false (klynge_format_day_first ());
}

/* The one check of stored dates: the ledger, the rules, the requests and the
 * workbook export all take exactly these. */
static void
test_iso_dates (void)
{
  int y = 0, m = 0, d = 0;

  g_assert_true (klynge_date_from_iso ("2024-02-29", &y, &m, &d));
  g_assert_cmpint (y, ==, 2024);
  g_assert_cmpint (m, ==, 2);
  g_assert_cmpint (d, ==, 29);
  g_assert_true (klynge_date_from_iso ("2026-12-31", NULL, NULL, NULL));
  g_assert_false (klynge_date_from_iso ("2025-02-29", NULL, NULL, NULL));
  g_assert_false (klynge_date_from_iso ("2026-13-01", NULL, NULL, NULL));
  g_assert_false (klynge_date_from_iso ("2026-1-01", NULL, NULL, NULL));
  g_assert_false (klynge_date_from_iso ("2026-01-01x", NULL, NULL, NULL));
  g_assert_false (klynge_date_from_iso ("0202-01-01", NULL, NULL, NULL));
  g_assert_false (klynge_date_from_iso ("24.11.2026", NULL, NULL, NULL));
  g_assert_false (klynge_date_from_iso ("", NULL, NULL, NULL));
  g_assert_false (klynge_date_from_iso (NULL, NULL, NULL, NULL));
}

/* A count is grouped as the money beside it, in a locale of the
 * language's or in the C locale, whose own numbers are not grouped. */
static void
assert_counts_read_as_money (const char *count,
                             const char *money)
{
  g_autofree char *shown_count = klynge_format_integer (12345);
  g_autofree char *shown_money = klynge_money_format (1234500, "DKK");
  g_autofree char *negative = klynge_format_integer (-1234567);
  g_autofree char *small = klynge_format_integer (999);
  gint64 parsed = 0;

  g_assert_cmpstr (shown_count, ==, count);
  g_assert_cmpstr (shown_money, ==, money);
  g_assert_nonnull (strstr (shown_money, shown_count));
  g_assert_true (klynge_money_parse_count (shown_count, &parsed, NULL));
  g_assert_cmpint (parsed, ==, 12345);
  g_assert_cmpstr (small, ==, "999");
  g_assert_cmpstr (negative, ==, g_str_equal (count, "12.345") ? "-1.234.567" : "-1,234,567");
}

static void
test_counts (void)
{
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));

  if (!use_locale ("C.UTF-8"))
    return;
  g_setenv ("LANGUAGE", "en", TRUE);
  assert_counts_read_as_money ("12,345", "DKK 12,345.00");
  g_setenv ("LANGUAGE", "da", TRUE);
  assert_counts_read_as_money ("12.345", "12.345,00 kr.");
  if (use_locale ("da_DK.UTF-8"))
    assert_counts_read_as_money ("12.345", "12.345,00 kr.");
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/date/danish", test_danish_dates);
  g_test_add_func ("/format/date/english", test_english_dates);
  g_test_add_func ("/format/date/optional", test_optional_dates);
  g_test_add_func ("/format/date/iso", test_iso_dates);
  g_test_add_func ("/format/counts", test_counts);
  return g_test_run ();
}
