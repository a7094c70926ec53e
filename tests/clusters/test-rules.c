/* test-rules.c — the field rules the cluster editors show inline
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "klynge-rules.h"
#include "klynge-error.h"

static void
test_required (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_rules_check_required ("Lægehuset", "needs a name", NULL));
  g_assert_false (klynge_rules_check_required ("  \t ", "needs a name", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "needs a name");
  g_assert_false (klynge_rules_check_required (NULL, "x", NULL));
}

static void
test_email (void)
{
  const char *good[] = { "", "  ", "anne@klinik.dk", "a.b+c@lægehus.dk", " ole@x.co.uk " };
  const char *bad[] = { "anne", "anne@", "@klinik.dk", "anne@klinik", "an ne@klinik.dk",
                        "anne@@klinik.dk", "anne@klinik..dk", "anne.@klinik.dk", "anne@-x.dk",
                        "a;b@klinik.dk", "anne@klinik.dk@x.dk" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (klynge_rules_check_email (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (klynge_rules_check_email (bad[i], &error));
      g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "not an e-mail address"));
    }
}

static void
test_date (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_rules_check_date (NULL, NULL));
  g_assert_true (klynge_rules_check_date ("", NULL));
  g_assert_true (klynge_rules_check_date ("2024-02-29", NULL));
  g_assert_false (klynge_rules_check_date ("2023-02-29", NULL));
  g_assert_false (klynge_rules_check_date ("14-03-2026", NULL));
  g_assert_false (klynge_rules_check_date ("2026-3-14", NULL));
  g_assert_false (klynge_rules_check_date ("2026-03-14x", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
}

static void
test_period (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_rules_check_period ("2020-01-01", "2020-01-01", NULL));
  g_assert_true (klynge_rules_check_period (NULL, "2020-01-01", NULL));
  g_assert_true (klynge_rules_check_period ("2020-01-01", "", NULL));
  g_assert_false (klynge_rules_check_period ("2020-01-02", "2020-01-01", &error));
  g_assert_nonnull (strstr (error->message, "before the start"));
  g_assert_false (klynge_rules_check_period ("2020-01-02", "soon", NULL));
}

static void
test_percent (void)
{
  double value;

  g_assert_true (klynge_rules_parse_percent ("75", &value, NULL));
  g_assert_cmpfloat_with_epsilon (value, 0.75, 1e-9);
  g_assert_true (klynge_rules_parse_percent ("66,5 %", &value, NULL));
  g_assert_cmpfloat_with_epsilon (value, 0.665, 1e-9);
  g_assert_false (klynge_rules_parse_percent ("120", &value, NULL));
  g_assert_false (klynge_rules_parse_percent ("-1", &value, NULL));
  g_assert_false (klynge_rules_parse_percent ("most", &value, NULL));
  g_assert_false (klynge_rules_parse_percent ("", &value, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clusters/rules/required", test_required);
  g_test_add_func ("/clusters/rules/email", test_email);
  g_test_add_func ("/clusters/rules/date", test_date);
  g_test_add_func ("/clusters/rules/period", test_period);
  g_test_add_func ("/clusters/rules/percent", test_percent);

  return g_test_run ();
}
