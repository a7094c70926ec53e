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

  check_parse ("1.234,50", "DKK", en, 123450);   /* the Danish form has one reading */
  check_malformed ("12,34", en);
  check_malformed ("1.2.3", en);
  check_malformed ("£", en);
}

/* One rule per language, for amounts and counts alike: the language's
 * group mark between groups of three digits, its decimal mark for the
 * decimals; a decimal mark before exactly three digits could be either and
 * is refused with both readings named. */
static void
test_one_rule (void)
{
  const KlyngeMoneyStyle en = KLYNGE_MONEY_STYLE_ENGLISH, da = KLYNGE_MONEY_STYLE_DANISH;
  const struct
  {
    KlyngeMoneyStyle  style;
    const char       *text;
    gint64            amount;   /* in øre; -1: refused */
    gint64            count;    /* -1: refused */
    const char       *says;     /* in the amount's error */
  } cases[] = {
    { en, "3,200", 320000, 3200, NULL },
    { en, "3.200", -1, -1, "3.2" },
    { en, "3.20", 320, -1, NULL },
    { en, "3.2", 320, -1, NULL },
    { en, "0.200", -1, -1, NULL },
    { en, "3 200", -1, 3200, NULL },
    { en, "12,500,000", 1250000000, 12500000, NULL },
    { en, "1.234,50", 123450, -1, NULL },
    { en, "1,234.50", 123450, -1, NULL },
    { en, "12,50", -1, -1, NULL },
    { en, "3200", 320000, 3200, NULL },
    { en, "", -1, 0, NULL },
    { en, "abc", -1, -1, NULL },
    { en, "-40", -4000, -1, NULL },
    { da, "3.200", 320000, 3200, NULL },
    { da, "3,200", -1, -1, "3,2" },
    { da, "3,20", 320, -1, NULL },
    { da, "3,2", 320, -1, NULL },
    { da, "3 200", -1, 3200, NULL },
    { da, "12.500.000", 1250000000, 12500000, NULL },
    { da, "1,234.50", 123450, -1, NULL },
    { da, "1.234,50", 123450, -1, NULL },
    { da, "12.50", -1, -1, NULL },
    { da, "3200", 320000, 3200, NULL },
    { da, "1.2345", -1, -1, NULL },
    { da, "99999999999999999999", -1, -1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) amount_error = NULL;
      g_autoptr(GError) count_error = NULL;
      gint64 amount = 0, count = 0;
      gboolean amount_ok = klynge_money_parse_style (cases[i].text, "DKK", cases[i].style, &amount, &amount_error);
      gboolean count_ok = klynge_money_parse_count_style (cases[i].text, cases[i].style, &count, &count_error);

      g_test_message ("%s in %s", cases[i].text, cases[i].style == da ? "Danish" : "English");
      g_assert_cmpint (amount_ok, ==, cases[i].amount != -1);
      if (amount_ok)
        g_assert_cmpint (amount, ==, cases[i].amount);
      else if (cases[i].says != NULL)
        g_assert_nonnull (strstr (amount_error->message, cases[i].says));
      g_assert_cmpint (count_ok, ==, cases[i].count != -1);
      if (count_ok)
        g_assert_cmpint (count, ==, cases[i].count);
      else
        g_assert_nonnull (strstr (count_error->message, cases[i].text));
    }
}

/* The ambiguous input says both readings: "3.200" in English is 3.2 as
 * written, or the 3,200 a Danish writer means. */
static void
test_ambiguous_says_both (void)
{
  g_autoptr(GError) error = NULL;
  gint64 value;

  g_assert_false (klynge_money_parse_count_style ("3.200", KLYNGE_MONEY_STYLE_ENGLISH, &value, &error));
  g_assert_nonnull (strstr (error->message, "3.2,"));
  g_assert_nonnull (strstr (error->message, "3,200"));
  g_clear_error (&error);
  g_assert_false (klynge_money_parse_style ("3,200", "DKK", KLYNGE_MONEY_STYLE_DANISH, &value, &error));
  g_assert_nonnull (strstr (error->message, "3,2,"));
  g_assert_nonnull (strstr (error->message, "3.200,00"));
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
  g_test_add_func ("/finances/money/one-rule", test_one_rule);
  g_test_add_func ("/finances/money/ambiguous-says-both", test_ambiguous_says_both);
  g_test_add_func ("/finances/money/round-trip", test_round_trip);
  g_test_add_func ("/finances/money/style-for-language", test_style_for_language);

  return g_test_run ();
}
