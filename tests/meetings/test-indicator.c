/* test-indicator.c — an indicator's properties notify on a change only
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-indicator.h"
#include "klynge-test-utils.h"

#define ASSERT_NOTIFIED(names, expected) \
  G_STMT_START { g_autofree char *got_ = klynge_test_take_names (names); g_assert_cmpstr (got_, ==, expected); } G_STMT_END

static void
test_notify_on_change (void)
{
  g_autoptr(KlyngeIndicator) indicator = klynge_indicator_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  klynge_test_log_notify (indicator, names);

  klynge_indicator_set_name (indicator, "Spirometry done");
  ASSERT_NOTIFIED (names, "name");
  klynge_indicator_set_name (indicator, "Spirometry done");
  g_object_set (indicator, "name", "Spirometry done", NULL);
  ASSERT_NOTIFIED (names, "");

  /* NULL is nothing written, as "" is. */
  klynge_indicator_set_data_source (indicator, NULL);
  ASSERT_NOTIFIED (names, "");
  g_assert_cmpstr (indicator->data_source, ==, "");

  /* A rate's base changes its label; a count's base is no change to it. */
  klynge_indicator_set_unit (indicator, "rate", 1000);
  ASSERT_NOTIFIED (names, "unit unit-label");
  klynge_indicator_set_unit (indicator, "rate", 100000);
  ASSERT_NOTIFIED (names, "rate-per unit-label");
  g_assert_cmpstr (klynge_indicator_unit_label (indicator->unit, indicator->rate_per), ==, "Rate per 100,000");
  klynge_indicator_set_unit (indicator, "rate", 100000);
  ASSERT_NOTIFIED (names, "");
  klynge_indicator_set_unit (indicator, "count", 1000);
  ASSERT_NOTIFIED (names, "rate-per unit unit-label");
  klynge_indicator_set_unit (indicator, "count", 100000);
  ASSERT_NOTIFIED (names, "rate-per");

  g_object_set (indicator, "higher-is-better", FALSE, NULL);
  ASSERT_NOTIFIED (names, "higher-is-better");
  klynge_indicator_set_higher_is_better (indicator, FALSE);
  ASSERT_NOTIFIED (names, "");

  klynge_indicator_set_numerator_definition (indicator, "Patients with spirometry");
  klynge_indicator_set_denominator_definition (indicator, "Patients with COPD");
  ASSERT_NOTIFIED (names, "denominator-definition numerator-definition");
}

static void
test_copy (void)
{
  g_autoptr(KlyngeIndicator) indicator = klynge_indicator_new ();
  g_autoptr(KlyngeIndicator) copy = NULL;
  g_autofree char *unit = NULL;
  gint64 rate_per = 0;

  indicator->id = 7;
  indicator->topic_id = 3;
  klynge_indicator_set_name (indicator, "Antibiotics per 1,000");
  klynge_indicator_set_unit (indicator, "rate", 1000);
  klynge_indicator_set_higher_is_better (indicator, FALSE);
  copy = klynge_indicator_copy (indicator);
  klynge_indicator_set_name (copy, "Renamed");

  g_assert_cmpstr (indicator->name, ==, "Antibiotics per 1,000");
  g_assert_cmpint (copy->id, ==, 7);
  g_assert_cmpint (copy->topic_id, ==, 3);
  g_object_get (copy, "unit", &unit, "rate-per", &rate_per, NULL);
  g_assert_cmpstr (unit, ==, "rate");
  g_assert_cmpint (rate_per, ==, 1000);
  g_assert_false (copy->higher_is_better);
}

static void
test_units (void)
{
  guint n_units;
  const KlyngeIndicatorUnit *units = klynge_indicator_units (&n_units);

  g_assert_cmpuint (n_units, ==, 5);
  for (guint i = 0; i < n_units; i++)
    g_assert_nonnull (klynge_indicator_unit_label (units[i].unit, units[i].rate_per));
  g_assert_cmpint (klynge_indicator_type_of_unit ("percent"), ==, KLYNGE_INDICATOR_PROPORTION);
  g_assert_cmpint (klynge_indicator_type_of_unit ("rate"), ==, KLYNGE_INDICATOR_RATE);
  g_assert_cmpint (klynge_indicator_type_of_unit ("count"), ==, KLYNGE_INDICATOR_VALUE);
  g_assert_cmpfloat (klynge_indicator_multiplier ("rate", 100000), ==, 100000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meetings/indicator/notify-on-change", test_notify_on_change);
  g_test_add_func ("/meetings/indicator/copy", test_copy);
  g_test_add_func ("/meetings/indicator/units", test_units);

  return g_test_run ();
}
