/* klynge-money.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a language writes amounts. Chosen explicitly rather than read from
 * localeconv() so that parsing and formatting behave the same whether or
 * not the locale is installed (tests, minimal systems). */
typedef enum
{
  KLYNGE_MONEY_STYLE_ENGLISH,   /* "DKK 1,234.50", "£1,234.50" */
  KLYNGE_MONEY_STYLE_DANISH,    /* "1.234,50 kr." */
} KlyngeMoneyStyle;

/* The largest amount accepted: a thousand billion, far above any cluster's
 * budget and safely inside gint64 arithmetic for sums. */
#define KLYNGE_MONEY_MAX G_GINT64_CONSTANT (100000000000000)

KlyngeMoneyStyle klynge_money_style_for_language (const char       *language);
KlyngeMoneyStyle klynge_money_style_default      (void);

char            *klynge_money_format_style       (gint64            minor,
                                                  const char       *currency,
                                                  KlyngeMoneyStyle  style);
gboolean         klynge_money_parse_style        (const char       *text,
                                                  const char       *currency,
                                                  KlyngeMoneyStyle  style,
                                                  gint64           *minor,
                                                  GError          **error);

/* The same in the user's locale. */
char            *klynge_money_format             (gint64            minor,
                                                  const char       *currency);
gboolean         klynge_money_parse              (const char       *text,
                                                  const char       *currency,
                                                  gint64           *minor,
                                                  GError          **error);

/* Whole counts (listed patients) by the same rule as amounts. */
char            *klynge_money_format_count_style (gint64            count,
                                                  KlyngeMoneyStyle  style);
gboolean         klynge_money_parse_count_style  (const char       *text,
                                                  KlyngeMoneyStyle  style,
                                                  gint64           *count,
                                                  GError          **error);
gboolean         klynge_money_parse_count        (const char       *text,
                                                  gint64           *count,
                                                  GError          **error);

G_END_DECLS
