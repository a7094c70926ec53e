/* test-period.c — periods as publishers write them, their keys, order and labels
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "klynge-db.h"
#include "klynge-error.h"
#include "klynge-period.h"
#include "klynge-test-utils.h"

typedef struct
{
  const char              *text;
  const char              *key;
  KlyngePeriodGranularity  granularity;
} Form;

static void
assert_forms (const Form *forms,
              guint       n_forms)
{
  for (guint i = 0; i < n_forms; i++)
    {
      g_autoptr(GError) error = NULL;
      KlyngePeriod period;
      KlyngePeriod again;
      g_autofree char *key = NULL;

      g_test_message ("“%s”", forms[i].text);
      g_assert_true (klynge_period_parse (forms[i].text, &period, &error));
      g_assert_no_error (error);
      key = klynge_period_to_key (&period);
      g_assert_cmpstr (key, ==, forms[i].key);
      g_assert_cmpint (period.granularity, ==, forms[i].granularity);

      /* A key reads back as itself, by the slow path and the fast one. */
      g_assert_true (klynge_period_from_key (key, -1, &again));
      g_assert_cmpint (klynge_period_compare (&period, &again), ==, 0);
      g_assert_true (klynge_period_parse (key, &again, NULL));
      g_assert_cmpint (klynge_period_compare (&period, &again), ==, 0);
    }
}

static void
test_years (void)
{
  const Form forms[] = {
    { "2024", "2024", KLYNGE_PERIOD_YEAR },
    { " 2019 ", "2019", KLYNGE_PERIOD_YEAR },
    { "2023/24", "2023/24", KLYNGE_PERIOD_FINANCIAL_YEAR },
    { "2023-24", "2023/24", KLYNGE_PERIOD_FINANCIAL_YEAR },
    { "2018-19", "2018/19", KLYNGE_PERIOD_FINANCIAL_YEAR },
    { "2023/2024", "2023/24", KLYNGE_PERIOD_FINANCIAL_YEAR },
    { "2023 – 2024", "2023/24", KLYNGE_PERIOD_FINANCIAL_YEAR },
    { "FY2023/24", "2023/24", KLYNGE_PERIOD_FINANCIAL_YEAR },
    { "2011/12", "2011/12", KLYNGE_PERIOD_FINANCIAL_YEAR },
    { "2099/00", "2099/00", KLYNGE_PERIOD_FINANCIAL_YEAR },
  };

  assert_forms (forms, G_N_ELEMENTS (forms));
}

static void
test_quarters (void)
{
  const Form forms[] = {
    { "2024-Q4", "2024-Q4", KLYNGE_PERIOD_QUARTER },
    { "Q3 2024", "2024-Q3", KLYNGE_PERIOD_QUARTER },
    { "2024K3", "2024-Q3", KLYNGE_PERIOD_QUARTER },
    { "2025 Q4", "2025-Q4", KLYNGE_PERIOD_QUARTER },
    { "K1 2026", "2026-Q1", KLYNGE_PERIOD_QUARTER },
    { "q2-2025", "2025-Q2", KLYNGE_PERIOD_QUARTER },
    { "4. kvartal 2024", "2024-Q4", KLYNGE_PERIOD_QUARTER },
    { "1. Kvartal 2025", "2025-Q1", KLYNGE_PERIOD_QUARTER },
    { "4. kvt. 2024", "2024-Q4", KLYNGE_PERIOD_QUARTER },
    { "2 quarter 2023", "2023-Q2", KLYNGE_PERIOD_QUARTER },
    { "4Q2024", "2024-Q4", KLYNGE_PERIOD_QUARTER },
  };

  assert_forms (forms, G_N_ELEMENTS (forms));
}

static void
test_months (void)
{
  const Form forms[] = {
    { "2025-01", "2025-01", KLYNGE_PERIOD_MONTH },
    { "2011-12", "2011-12", KLYNGE_PERIOD_MONTH },  /* ISO's December, not a financial year */
    { "2025/1", "2025-01", KLYNGE_PERIOD_MONTH },
    { "202410", "2024-10", KLYNGE_PERIOD_MONTH },
    { "10-2024", "2024-10", KLYNGE_PERIOD_MONTH },
    { "Oct 2024", "2024-10", KLYNGE_PERIOD_MONTH },
    { "October 2024", "2024-10", KLYNGE_PERIOD_MONTH },
    { "Oct-24", "2024-10", KLYNGE_PERIOD_MONTH },
    { "jan. 2025", "2025-01", KLYNGE_PERIOD_MONTH },
    { "januar 2025", "2025-01", KLYNGE_PERIOD_MONTH },
    { "Marts 2025", "2025-03", KLYNGE_PERIOD_MONTH },
    { "maj 2025", "2025-05", KLYNGE_PERIOD_MONTH },
    { "okt. 2024", "2024-10", KLYNGE_PERIOD_MONTH },
    { "sept 2024", "2024-09", KLYNGE_PERIOD_MONTH },
    { "2025 januar", "2025-01", KLYNGE_PERIOD_MONTH },
  };

  assert_forms (forms, G_N_ELEMENTS (forms));
}

static void
test_days (void)
{
  const Form forms[] = {
    { "2025-03-31", "2025-03-31", KLYNGE_PERIOD_DAY },
    { "2014-10-01", "2014-10-01", KLYNGE_PERIOD_DAY },
    { "2014-10-01T00:00:00", "2014-10-01", KLYNGE_PERIOD_DAY },   /* a date cell with its time */
    { "2014-10-01 00:00", "2014-10-01", KLYNGE_PERIOD_DAY },
    { "20241001", "2024-10-01", KLYNGE_PERIOD_DAY },
    { "01JAN2021", "2021-01-01", KLYNGE_PERIOD_DAY },
    { "01May2022", "2022-05-01", KLYNGE_PERIOD_DAY },
    { "01MAY2022", "2022-05-01", KLYNGE_PERIOD_DAY },
    { "31-03-2025", "2025-03-31", KLYNGE_PERIOD_DAY },
    { "31.03.2025", "2025-03-31", KLYNGE_PERIOD_DAY },
    { "1/4/2025", "2025-04-01", KLYNGE_PERIOD_DAY },
    { "2025/03/31", "2025-03-31", KLYNGE_PERIOD_DAY },
    { "1 January 2021", "2021-01-01", KLYNGE_PERIOD_DAY },
    { "1. januar 2025", "2025-01-01", KLYNGE_PERIOD_DAY },
    { "01-Jan-21", "2021-01-01", KLYNGE_PERIOD_DAY },
    { "29-02-2024", "2024-02-29", KLYNGE_PERIOD_DAY },
  };

  assert_forms (forms, G_N_ELEMENTS (forms));
}

static void
test_invalid (void)
{
  g_autofree char *huge = g_strnfill (200 * 1024, '7');
  g_autofree char *long_text = g_strnfill (80, 'x');
  const struct { const char *text; const char *in_message; } cases[] = {
    { "2026-13", "month 13" },
    { "2024-Q5", "quarter 5" },
    { "Q0 2024", "quarter 0" },
    { "banana", "“banana” is not a period" },
    { "=1+1", "“=1+1” is not a period" },
    { "", "empty" },
    { "   ", "empty" },
    { "29-02-2025", "not a day" },
    { "2025-04-31", "not a day" },
    { "20241301", "month 13" },
    { "0001", "year outside" },
    { "2023/25", "month 25" },
    { "2024--10", "not a period" },
    { "-2024", "not a period" },
    { "2024.", "not a period" },
    { "13. kvartal 2024", "not a period" },
    { "Smarch 2024", "not a period" },
    { "1234567890", "not a period" },
    { "2024-10-01T10:00:00 and more", "not a period" },
    { "\xff\xfe", "not a period" },
    { huge, "too long" },
    { long_text, "too long" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *key = NULL;

      g_test_message ("“%.40s”", cases[i].text);
      key = klynge_period_normalize (cases[i].text, &error);
      g_assert_null (key);
      g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].in_message));
      /* A message quotes a sane length of what it refuses. */
      g_assert_cmpuint (strlen (error->message), <, 300);
    }
}

static void
test_keys_only (void)
{
  const char *not_keys[] = { "2024-Q5", "2024/26", "2024-13", "2024-02-30", "24", "2024-1", "Q4 2024", "2024 ", "" };
  KlyngePeriod period;

  for (guint i = 0; i < G_N_ELEMENTS (not_keys); i++)
    g_assert_false (klynge_period_from_key (not_keys[i], -1, &period));
  /* A length that stops short of the NUL, as SQLite passes text. */
  g_assert_true (klynge_period_from_key ("2024-Q4xyz", 7, &period));
  g_assert_cmpint (period.granularity, ==, KLYNGE_PERIOD_QUARTER);
}

static int
compare_keys_cb (gconstpointer a,
                 gconstpointer b)
{
  return klynge_period_compare_keys (*(const char **)a, *(const char **)b);
}

static void
test_order (void)
{
  /* Text order would put 2024-Q1 after 2024-12 and 2023/24 after 2023-12-31. */
  const char *by_time[] = {
    "2023", "2023-Q1", "2023-03-31", "2023/24", "2023-Q2", "2023-12-31", "2024", "2024-Q1", "2024-01",
    "2024-01-01", "2024-02", "2024-12", "2025", "hand-typed", "zz old text",
  };
  const char *shuffled[G_N_ELEMENTS (by_time)];

  for (guint i = 0; i < G_N_ELEMENTS (by_time); i++)
    shuffled[i] = by_time[(i * 7) % G_N_ELEMENTS (by_time)];
  qsort (shuffled, G_N_ELEMENTS (shuffled), sizeof (char *), compare_keys_cb);
  for (guint i = 0; i < G_N_ELEMENTS (by_time); i++)
    g_assert_cmpstr (shuffled[i], ==, by_time[i]);
}

/* The database orders by time with the collation every connection has. */
static void
test_database_order (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeDb) db = klynge_db_open (path, KLYNGE_DB_OPEN_DEFAULT, &error);
  g_autoptr(GString) order = g_string_new ("");
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  g_assert_true (klynge_db_exec (db, "CREATE TEMP TABLE p (k TEXT);"
                                 "INSERT INTO p VALUES ('2024-Q2'), ('2024-12'), ('2024-Q1'), ('2023/24'), ('2024'), ('old');",
                                 &error));
  g_assert_no_error (error);
  stmt = klynge_db_prepare (db, "SELECT k FROM p ORDER BY k COLLATE klynge_period", &error);
  g_assert_no_error (error);
  while (klynge_db_step (db, stmt, &error) == SQLITE_ROW)
    g_string_append_printf (order, "%s ", sqlite3_column_text (stmt, 0));
  g_assert_no_error (error);
  g_assert_cmpstr (order->str, ==, "2023/24 2024 2024-Q1 2024-Q2 2024-12 old ");

  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

static void
test_next_and_gaps (void)
{
  const char *cases[][2] = {
    { "2024", "2025" }, { "2023/24", "2024/25" }, { "2024-Q4", "2025-Q1" }, { "2024-Q1", "2024-Q2" },
    { "2024-12", "2025-01" }, { "2024-02-28", "2024-02-29" }, { "2024-12-31", "2025-01-01" },
  };
  const char *run[] = { "2024-Q1", "2024-Q3", "2025-Q1", "2025-01", "2025-03", "old text" };
  const char *filled[] = { "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-01", "2025-02", "2025-03", "old text" };
  const char *far_apart[] = { "2000-01-01", "2020-01-01" };
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) with_gaps = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KlyngePeriod period, next;
      g_autofree char *key = NULL;

      g_assert_true (klynge_period_from_key (cases[i][0], -1, &period));
      klynge_period_next (&period, &next);
      key = klynge_period_to_key (&next);
      g_assert_cmpstr (key, ==, cases[i][1]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (run); i++)
    g_ptr_array_add (keys, (char *)run[i]);
  with_gaps = klynge_period_fill_gaps (keys);
  g_assert_cmpuint (with_gaps->len, ==, G_N_ELEMENTS (filled));
  for (guint i = 0; i < G_N_ELEMENTS (filled); i++)
    g_assert_cmpstr (with_gaps->pdata[i], ==, filled[i]);
  g_clear_pointer (&with_gaps, g_ptr_array_unref);

  /* Twenty years of days is no run to fill. */
  g_ptr_array_set_size (keys, 0);
  for (guint i = 0; i < G_N_ELEMENTS (far_apart); i++)
    g_ptr_array_add (keys, (char *)far_apart[i]);
  with_gaps = klynge_period_fill_gaps (keys);
  g_assert_cmpuint (with_gaps->len, ==, 2);
}

static void
test_coarsen_and_span (void)
{
  const struct { const char *key; KlyngePeriodGranularity to; const char *coarser; } cases[] = {
    { "2024-10-01", KLYNGE_PERIOD_MONTH, "2024-10" },
    { "2024-10-01", KLYNGE_PERIOD_QUARTER, "2024-Q4" },
    { "2024-03-31", KLYNGE_PERIOD_FINANCIAL_YEAR, "2023/24" },
    { "2024-04-01", KLYNGE_PERIOD_FINANCIAL_YEAR, "2024/25" },
    { "2024-11", KLYNGE_PERIOD_YEAR, "2024" },
    { "2024-Q2", KLYNGE_PERIOD_QUARTER, "2024-Q2" },
    { "2024", KLYNGE_PERIOD_MONTH, NULL },
    { "2023/24", KLYNGE_PERIOD_YEAR, NULL },
  };
  KlyngePeriod period;
  GDate start, end;
  KlyngePeriodGranularity granularity;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KlyngePeriod coarser;
      g_autofree char *key = NULL;

      g_assert_true (klynge_period_from_key (cases[i].key, -1, &period));
      g_assert_cmpint (klynge_period_coarsen (&period, cases[i].to, &coarser), ==, cases[i].coarser != NULL);
      if (cases[i].coarser != NULL)
        {
          key = klynge_period_to_key (&coarser);
          g_assert_cmpstr (key, ==, cases[i].coarser);
        }
    }

  g_assert_true (klynge_period_from_key ("2023/24", -1, &period));
  klynge_period_get_start (&period, &start);
  klynge_period_get_end (&period, &end);
  g_assert_cmpint (g_date_get_day (&start), ==, 1);
  g_assert_cmpint (g_date_get_month (&start), ==, 4);
  g_assert_cmpint (g_date_get_year (&start), ==, 2023);
  g_assert_cmpint (g_date_get_day (&end), ==, 31);
  g_assert_cmpint (g_date_get_month (&end), ==, 3);
  g_assert_cmpint (g_date_get_year (&end), ==, 2024);

  g_assert_true (klynge_period_granularity_from_string ("month", &granularity));
  g_assert_cmpint (granularity, ==, KLYNGE_PERIOD_MONTH);
  g_assert_cmpstr (klynge_period_granularity_to_string (KLYNGE_PERIOD_FINANCIAL_YEAR), ==, "financial-year");
  g_assert_false (klynge_period_granularity_from_string ("fortnight", &granularity));
}

static void
test_labels (void)
{
  const char *cases[][2] = {
    { "2024-Q4", "Q4 2024" }, { "2025-01", "January 2025" }, { "2024", "2024" },
    { "2023/24", "2023/24" }, { "2025-03-31", "31 March 2025" }, { "old text", "old text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = klynge_period_format_key (cases[i][0]);
      g_assert_cmpstr (label, ==, cases[i][1]);
    }
}

/* Month names follow the locale's LC_TIME, as every date Klynge shows. */
static void
test_danish_labels (void)
{
  g_autofree char *month = NULL;

  if (setlocale (LC_TIME, "da_DK.UTF-8") == NULL)
    {
      g_test_skip ("the Danish locale is not installed");
      return;
    }
  month = klynge_period_format_key ("2025-01");
  setlocale (LC_TIME, "C.UTF-8");
  g_assert_cmpstr (month, ==, "januar 2025");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/years", test_years);
  g_test_add_func ("/period/quarters", test_quarters);
  g_test_add_func ("/period/months", test_months);
  g_test_add_func ("/period/days", test_days);
  g_test_add_func ("/period/invalid", test_invalid);
  g_test_add_func ("/period/keys-only", test_keys_only);
  g_test_add_func ("/period/order", test_order);
  g_test_add_func ("/period/database-order", test_database_order);
  g_test_add_func ("/period/next-and-gaps", test_next_and_gaps);
  g_test_add_func ("/period/coarsen-and-span", test_coarsen_and_span);
  g_test_add_func ("/period/labels", test_labels);
  g_test_add_func ("/period/danish-labels", test_danish_labels);

  return g_test_run ();
}
