/* klynge-period.h — the period a measurement is for, as a value with a time order
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * KlyngePeriodGranularity:
 * @KLYNGE_PERIOD_YEAR: a calendar year, key "2024"
 * @KLYNGE_PERIOD_FINANCIAL_YEAR: April to March, key "2023/24"
 * @KLYNGE_PERIOD_QUARTER: key "2024-Q4"
 * @KLYNGE_PERIOD_MONTH: key "2025-01"
 * @KLYNGE_PERIOD_DAY: key "2025-03-31" (a snapshot such as a list size on a date)
 *
 * Ordered from the longest to the shortest span: periods that start on the
 * same day sort the longer one first.
 */
typedef enum
{
  KLYNGE_PERIOD_YEAR,
  KLYNGE_PERIOD_FINANCIAL_YEAR,
  KLYNGE_PERIOD_QUARTER,
  KLYNGE_PERIOD_MONTH,
  KLYNGE_PERIOD_DAY,
} KlyngePeriodGranularity;

/**
 * KlyngePeriod:
 * @granularity: how long the period is
 * @year, @month, @day: the day it starts on (a quarter starts on the first
 *   day of its first month, a financial year on 1 April)
 *
 * A plain value; the database stores its key (klynge_period_to_key()).
 */
typedef struct
{
  KlyngePeriodGranularity granularity;
  guint16                 year;
  guint8                  month;
  guint8                  day;
} KlyngePeriod;

/* Longer text than this is refused unread: no publisher writes a period so. */
#define KLYNGE_PERIOD_MAX_TEXT 64

gboolean    klynge_period_parse       (const char             *text,
                                       KlyngePeriod           *period,
                                       GError                **error);
gboolean    klynge_period_from_key    (const char             *key,
                                       gssize                  length,
                                       KlyngePeriod           *period);
char       *klynge_period_to_key      (const KlyngePeriod     *period);
char       *klynge_period_normalize   (const char             *text,
                                       GError                **error);
char       *klynge_period_format      (const KlyngePeriod     *period);
char       *klynge_period_format_key  (const char             *key);

int         klynge_period_compare     (const KlyngePeriod     *a,
                                       const KlyngePeriod     *b);
int         klynge_period_compare_keys (const char            *a,
                                        const char            *b);
gint64      klynge_period_sort_key    (const KlyngePeriod     *period);
void        klynge_period_get_start   (const KlyngePeriod     *period,
                                       GDate                  *start);
void        klynge_period_get_end     (const KlyngePeriod     *period,
                                       GDate                  *end);
void        klynge_period_next        (const KlyngePeriod     *period,
                                       KlyngePeriod           *next);
gboolean    klynge_period_coarsen     (const KlyngePeriod     *period,
                                       KlyngePeriodGranularity granularity,
                                       KlyngePeriod           *coarser);

const char *klynge_period_granularity_to_string   (KlyngePeriodGranularity  granularity);
gboolean    klynge_period_granularity_from_string (const char              *name,
                                                   KlyngePeriodGranularity *granularity);

GPtrArray  *klynge_period_fill_gaps   (GPtrArray              *keys);

/* An SQLite collation (xCompare) ordering period keys by time; the database
 * registers it as "klynge_period". */
int         klynge_period_collate     (void                   *unused,
                                       int                     length_a,
                                       const void             *a,
                                       int                     length_b,
                                       const void             *b);

G_END_DECLS
