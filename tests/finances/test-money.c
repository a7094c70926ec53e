/* test-money.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "klynge-error.h"
#include "klynge-money.h"

static void
check_format (gint64            minor,
              const char       *currency,
              KlyngeMoneyStyle  style,
              const char       *expected)
{
  g_autofree char *text = klynge_money_format_style (minor, currency, style);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  check_format (123450, "DKK", KLYNGE_MONEY_STYLE_DANISH, "1.234,50 kr.");
  check_format (123450, "DKK", KLYNGE_MONEY_STYLE_ENGLISH, "DKK 1,234.50");
  check_format (123450, "GBP", KLYNGE_MONEY_STYLE_ENGLISH, "£1,234.50");
  check_format (-123450, "GBP", KLYNGE_MONEY_STYLE_ENGLISH, "-£1,234.50");
  check_format (-5, "DKK", KLYNGE_MONEY_STYLE_DANISH, "-0,05 kr.");
  check_format (0, NULL, KLYNGE_MONEY_STYLE_DANISH, "0,00");
  check_format (100, NULL, KLYNGE_MONEY_STYLE_ENGLISH, "1.00");
  check_format (123456789012, NULL, KLYNGE_MONEY_STYLE_DANISH, "1.234.567.890,12");
  check_format (99999999, NULL, KLYNGE_MONEY_STYLE_ENGLISH, "999,999.99");
  check_format (G_MININT64, NULL, KLYNGE_MONEY_STYLE_ENGLISH, "-92,233,720,368,547,758.08");
}

static void
check_parse (const char       *text,
             const char       *currency,
             KlyngeMoneyStyle  style,
             gint64            expected)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 0;

  g_assert_true (klynge_money_parse_style (text, currency, style, &minor, &error));
  g_assert_no_error (error);
  g_assert_cmpint (minor, ==, expected);
}

static void
check_malformed (const char       *text,
                 KlyngeMoneyStyle  style)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 42;

  g_assert_false (klynge_money_parse_style (text, "DKK", style, &minor, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, text));
  g_assert_cmpint (minor, ==, 42);
}

static void
test_parse_danish (void)
{
  const KlyngeMoneyStyle da = KLYNGE_MONEY_STYLE_DANISH;

  check_parse ("1.234,50", "DKK", da, 123450);
  check_parse ("1.234,50 kr.", "DKK", da, 123450);
  check_parse ("1234,5", "DKK", da, 123450);
  check_parse ("  12 ", "DKK", da, 1200);
  check_parse ("-1.234,50 kr.", "DKK", da, -123450);
  check_parse ("DKK 1.000.000", "DKK", da, 100000000);
  check_parse ("0,05", "DKK", da, 5);
  check_parse (",5", "DKK", da, 50);

  check_malformed ("12.50", da);        /* a decimal point where Danish groups */
  check_malformed ("1.23,00", da);
  check_malformed ("1,234", da);
  check_malformed ("12,345", da);
  check_malformed ("abc", da);
  check_malformed ("", da);
  check_malformed ("kr.", da);
  check_malformed ("1e5", da);
  check_malformed ("--5", da);
  check_malformed ("1.2345,00", da);
  check_malformed ("99999999999999999999", da);
}

static void
test_parse_english (void)
{
  const KlyngeMoneyStyle en = KLYNGE_MONEY_STYLE_ENGLISH;

  check_parse ("1,234.50", "GBP", en, 123450);
  check_parse ("£1,234.50", "GBP", en, 123450);
  check_parse ("-£1,234.50", "GBP", en, -123450);
  check_parse ("£-0.99", "GBP", en, -99);
  check_parse ("DKK 1,234.50", "DKK", en, 123450);
  check_parse ("1234.5", "DKK", en, 123450);
  check_parse ("+7", "DKK", en, 700);

  check_malformed ("1.234,50", en);
  check_malformed ("12,34", en);
  check_malformed ("1.2.3", en);
  check_malformed ("£", en);
}

/* Whatever is formatted reads back as the same amount. */
static void
test_round_trip (void)
{
  const gint64 amounts[] = { 0, 1, -1, 99, 100, 101, 123456, -999999, 1000000000, 204480000 };
  const char *currencies[] = { "DKK", "GBP", "EUR", "SEK" };

  for (int style = KLYNGE_MONEY_STYLE_ENGLISH; style <= KLYNGE_MONEY_STYLE_DANISH; style++)
    for (guint c = 0; c < G_N_ELEMENTS (currencies); c++)
      for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
        {
          g_autofree char *text = klynge_money_format_style (amounts[i], currencies[c], style);

          check_parse (text, currencies[c], style, amounts[i]);
        }
}

static void
test_style_for_language (void)
{
  g_assert_cmpint (klynge_money_style_for_language ("da_DK.UTF-8"), ==, KLYNGE_MONEY_STYLE_DANISH);
  g_assert_cmpint (klynge_money_style_for_language ("da"), ==, KLYNGE_MONEY_STYLE_DANISH);
  g_assert_cmpint (klynge_money_style_for_language ("en_GB.UTF-8"), ==, KLYNGE_MONEY_STYLE_ENGLISH);
  g_assert_cmpint (klynge_money_style_for_language ("C"), ==, KLYNGE_MONEY_STYLE_ENGLISH);
  g_assert_cmpint (klynge_money_style_for_language ("dav_KE"), ==, KLYNGE_MONEY_STYLE_ENGLISH);
  g_assert_cmpint (klynge_money_style_for_language (NULL), ==, KLYNGE_MONEY_STYLE_ENGLISH);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/finances/money/format", test_format);
  g_test_add_func ("/finances/money/parse-danish", test_parse_danish);
  g_test_add_func ("/finances/money/parse-english", test_parse_english);
  g_test_add_func ("/finances/money/round-trip", test_round_trip);
  g_test_add_func ("/finances/money/style-for-language", test_style_for_language);

  return g_test_run ();
}
