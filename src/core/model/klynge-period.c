/* klynge-period.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publishers write the same quarter as "4. kvartal 2024", "2024K4" and
 * "Q4 2024", the same day as "20241001", "01OCT2024" and a spreadsheet's
 * date cell. Each is parsed to one key ("2024-Q4", "2024-10-01") so that a
 * period is stored once, and ordered by the day it starts on rather than as
 * text, where "2024-Q1" would follow "2024-12".
 */

#include "klynge-i18n.h"

#include <string.h>

#include "klynge-db-statement.h"
#include "klynge-error.h"
#include "klynge-format.h"
#include "klynge-period.h"

/* A year outside these is a typing error or a number taken for a period. */
#define MIN_YEAR 1900
#define MAX_YEAR 2199

/* The most periods put into one gap: a run of days across decades is not a run chart. */
#define MAX_GAP 400

#define MAX_TOKENS 6
#define MAX_WORD 24

typedef enum
{
  TOKEN_NUMBER,
  TOKEN_WORD,
} TokenKind;

typedef struct
{
  TokenKind kind;
  char      sep;              /* before it: 0 (none), ' ', '-', '/' or '.' */
  int       value;
  guint     digits;
  char      word[MAX_WORD];   /* case-folded */
} Token;

/* Both languages whatever the user's: Danish registers export Danish
 * names, British publishers English ones. */
static const char *const month_names[2][12] = {
  { "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december" },
  { "januar", "februar", "marts", "april", "maj", "juni", "juli",
    "august", "september", "oktober", "november", "december" },
};

/* --- helpers -------------------------------------------------------------- */

static gboolean
tokenize (const char *text,
          Token      *tokens,
          guint      *n_tokens)
{
  char sep = 0;

  *n_tokens = 0;
  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (*p) || g_unichar_isalpha (c))
        {
          Token *t;

          if (*n_tokens == MAX_TOKENS)
            return FALSE;
          t = &tokens[(*n_tokens)++];
          memset (t, 0, sizeof *t);
          t->sep = sep;
          sep = 0;
          if (g_ascii_isdigit (*p))
            {
              t->kind = TOKEN_NUMBER;
              for (; g_ascii_isdigit (*p); p++)
                {
                  if (++t->digits > 8)
                    return FALSE;
                  t->value = t->value * 10 + (*p - '0');
                }
            }
          else
            {
              gsize len = 0;

              t->kind = TOKEN_WORD;
              for (; *p != '\0' && g_unichar_isalpha (c = g_utf8_get_char (p)); p = g_utf8_next_char (p))
                {
                  char folded[6];
                  int n = g_unichar_to_utf8 (g_unichar_tolower (c), folded);

                  if (len + n >= MAX_WORD)
                    return FALSE;
                  memcpy (t->word + len, folded, n);
                  len += n;
                }
            }
          continue;
        }

      if (c == '-' || c == 0x2013 /* – */ || c == '/' || c == '.')
        {
          /* "2024--10" or a separator first is not a way to write a period;
           * "jan. 2025" and "2023 - 24" are. */
          if (*n_tokens == 0 || (sep != 0 && sep != ' '))
            return FALSE;
          sep = c == 0x2013 ? '-' : (char)c;
        }
      else if (g_unichar_isspace (c) || c == ',')
        {
          if (sep == 0)
            sep = ' ';
        }
      else
        return FALSE;
      p = g_utf8_next_char (p);
    }

  /* Only an abbreviation may end in a dot ("4. kvt."). */
  return *n_tokens > 0 &&
         (sep == 0 || sep == ' ' || (sep == '.' && tokens[*n_tokens - 1].kind == TOKEN_WORD));
}

static int
month_from_word (const char *word)
{
  gsize len = strlen (word);

  if (len < 3)
    return 0;
  for (guint lang = 0; lang < G_N_ELEMENTS (month_names); lang++)
    for (int m = 0; m < 12; m++)
      if (strncmp (month_names[lang][m], word, len) == 0)
        return m + 1;
  return 0;
}

static gboolean
is_word (const Token *t,
         ...)
{
  va_list args;
  const char *word;
  gboolean found = FALSE;

  if (t->kind != TOKEN_WORD)
    return FALSE;
  va_start (args, t);
  while (!found && (word = va_arg (args, const char *)) != NULL)
    found = strcmp (t->word, word) == 0;
  va_end (args);
  return found;
}

static gboolean
is_number (const Token *t,
           guint        min_digits,
           guint        max_digits)
{
  return t->kind == TOKEN_NUMBER && t->digits >= min_digits && t->digits <= max_digits;
}

/* "Oct-24" is October 2024: two-digit years are this century's. */
static int
full_year (const Token *t)
{
  return t->digits == 2 ? 2000 + t->value : t->value;
}

static char *
quoted (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= 40)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, 40);
  return g_strconcat (start, "…", NULL);
}

static gboolean
not_a_period (const char  *text,
              GError     **error)
{
  g_autofree char *shown = quoted (text);

  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
               _("“%s” is not a period: write it as 2024, 2024-Q4, 2025-01, 2025-03-31 or 2023/24."), shown);
  return FALSE;
}

static void
set (KlyngePeriod            *period,
     KlyngePeriodGranularity  granularity,
     int                      year,
     int                      month,
     int                      day)
{
  period->granularity = granularity;
  period->year = year;
  period->month = month;
  period->day = day;
}

/* Checks the fields that tokens gave; @what is the text, for the message.
 * A @quarter of -1 means none. */
static gboolean
validate (const char               *what,
          KlyngePeriod             *period,
          KlyngePeriodGranularity   granularity,
          int                       year,
          int                       month,
          int                       day,
          int                       quarter,
          GError                  **error)
{
  g_autofree char *text = quoted (what);

  if (year < MIN_YEAR || year > MAX_YEAR)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("“%s” has a year outside %d–%d."), text, MIN_YEAR, MAX_YEAR);
      return FALSE;
    }
  if (quarter != -1 && (quarter < 1 || quarter > 4))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("“%s” has no quarter %d: quarters go from 1 to 4."), text, quarter);
      return FALSE;
    }
  if (month < 1 || month > 12)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("“%s” has no month %d: months go from 1 to 12."), text, month);
      return FALSE;
    }
  if (!g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("“%s” is not a day of the calendar."), text);
      return FALSE;
    }
  if (quarter != -1)
    month = (quarter - 1) * 3 + 1;
  set (period, granularity, year, month, day);
  return TRUE;
}

/* "2023/24", "2023-24", "2023/2024": the second year must follow the first. */
static gboolean
is_financial_year (const Token *first,
                   const Token *second)
{
  if (second->sep != '-' && second->sep != '/')
    return FALSE;
  if (second->digits == 4)
    return second->value == first->value + 1;
  return second->digits == 2 && second->value == (first->value + 1) % 100;
}

static gboolean
parse_tokens (const char    *text,
              const Token   *t,
              guint          n,
              KlyngePeriod  *period,
              GError       **error)
{
#define VALID(g, y, m, d, q) validate (text, period, (g), (y), (m), (d), (q), error)

  if (n == 1 && is_number (&t[0], 4, 4))
    return VALID (KLYNGE_PERIOD_YEAR, t[0].value, 1, 1, -1);
  if (n == 1 && is_number (&t[0], 6, 6))                       /* 202410 */
    return VALID (KLYNGE_PERIOD_MONTH, t[0].value / 100, t[0].value % 100, 1, -1);
  if (n == 1 && is_number (&t[0], 8, 8))                       /* 20241001 */
    return VALID (KLYNGE_PERIOD_DAY, t[0].value / 10000, t[0].value / 100 % 100, t[0].value % 100, -1);

  if (n == 3 && t[0].kind == TOKEN_NUMBER && t[1].kind == TOKEN_NUMBER && t[2].kind == TOKEN_NUMBER &&
      t[1].sep == t[2].sep && t[1].sep != ' ' && is_number (&t[1], 1, 2))
    {
      if (is_number (&t[0], 4, 4) && is_number (&t[2], 1, 2))         /* 2024-10-01 */
        return VALID (KLYNGE_PERIOD_DAY, t[0].value, t[1].value, t[2].value, -1);
      if (is_number (&t[0], 1, 2) && is_number (&t[2], 4, 4))         /* 31-03-2025 */
        return VALID (KLYNGE_PERIOD_DAY, t[2].value, t[1].value, t[0].value, -1);
    }

  if (n == 2 && t[0].kind == TOKEN_NUMBER && t[1].kind == TOKEN_NUMBER && t[1].sep != ' ')
    {
      if (is_number (&t[0], 4, 4) && is_financial_year (&t[0], &t[1]))
        {
          /* "2011-12" is December 2011 as ISO writes it; "2011/12" a financial year. */
          if (!(t[1].sep == '-' && t[1].digits == 2 && t[1].value >= 1 && t[1].value <= 12))
            return VALID (KLYNGE_PERIOD_FINANCIAL_YEAR, t[0].value, 4, 1, -1);
        }
      if (is_number (&t[0], 4, 4) && is_number (&t[1], 1, 2))         /* 2025-01 */
        return VALID (KLYNGE_PERIOD_MONTH, t[0].value, t[1].value, 1, -1);
      if (is_number (&t[0], 1, 2) && is_number (&t[1], 4, 4))         /* 01-2025 */
        return VALID (KLYNGE_PERIOD_MONTH, t[1].value, t[0].value, 1, -1);
    }

  if (n == 3 && is_word (&t[0], "fy", NULL) && is_number (&t[1], 4, 4) &&
      t[2].kind == TOKEN_NUMBER && is_financial_year (&t[1], &t[2]))  /* FY2023/24 */
    return VALID (KLYNGE_PERIOD_FINANCIAL_YEAR, t[1].value, 4, 1, -1);

  /* Quarters: 2024-Q4, 2024K4, Q4 2024, K4-2024, 4Q2024, 4. kvartal 2024 */
  if (n == 3 && is_number (&t[0], 4, 4) && is_word (&t[1], "q", "k", NULL) &&
      is_number (&t[2], 1, 1) && (t[2].sep == 0 || t[2].sep == ' '))
    return VALID (KLYNGE_PERIOD_QUARTER, t[0].value, 1, 1, t[2].value);
  if (n == 3 && is_word (&t[0], "q", "k", NULL) && is_number (&t[1], 1, 1) &&
      (t[1].sep == 0 || t[1].sep == ' ') && is_number (&t[2], 4, 4))
    return VALID (KLYNGE_PERIOD_QUARTER, t[2].value, 1, 1, t[1].value);
  if (n == 3 && is_number (&t[0], 1, 1) && is_number (&t[2], 4, 4) &&
      (is_word (&t[1], "q", "k", NULL) || is_word (&t[1], "kvartal", "kvt", "kv", "quarter", "qtr", NULL)))
    return VALID (KLYNGE_PERIOD_QUARTER, t[2].value, 1, 1, t[0].value);

  /* Month names: Oct 2024, jan. 2025, januar 2025, Oct-24, 2025 januar */
  if (n == 2 && t[0].kind == TOKEN_WORD && month_from_word (t[0].word) && is_number (&t[1], 2, 4) && t[1].digits != 3)
    return VALID (KLYNGE_PERIOD_MONTH, full_year (&t[1]), month_from_word (t[0].word), 1, -1);
  if (n == 2 && is_number (&t[0], 4, 4) && t[1].kind == TOKEN_WORD && month_from_word (t[1].word))
    return VALID (KLYNGE_PERIOD_MONTH, t[0].value, month_from_word (t[1].word), 1, -1);

  /* Days with a month name: 01JAN2021, 01May2022, 1 January 2021, 1. januar 2025, 01-Jan-21 */
  if (n == 3 && is_number (&t[0], 1, 2) && t[1].kind == TOKEN_WORD && month_from_word (t[1].word) &&
      is_number (&t[2], 2, 4) && t[2].digits != 3)
    return VALID (KLYNGE_PERIOD_DAY, full_year (&t[2]), month_from_word (t[1].word), t[0].value, -1);

#undef VALID
  return not_a_period (text, error);
}

/* "2024-10-01T00:00:00" (a date cell read with its time): the day. */
static gsize
date_time_length (const char *text,
                  gsize       length)
{
  if (length > 10 && length <= 24 && (text[10] == 'T' || text[10] == ' ') &&
      text[4] == '-' && text[7] == '-' && text[13] == ':')
    {
      for (gsize i = 11; i < length; i++)
        if (!g_ascii_isdigit (text[i]) && strchr (":.Z", text[i]) == NULL)
          return length;
      return 10;
    }
  return length;
}

static int
digits_value (const char *text,
              guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

static int
compare_texts (const char *a,
               gsize       length_a,
               const char *b,
               gsize       length_b)
{
  int cmp = memcmp (a, b, MIN (length_a, length_b));

  if (cmp != 0)
    return cmp;
  return length_a < length_b ? -1 : length_a > length_b;
}

/* Keys first by time, then anything a migration could not read, as text. */
static int
compare_key_texts (const char *a,
                   gsize       length_a,
                   const char *b,
                   gsize       length_b)
{
  KlyngePeriod pa, pb;
  gboolean ok_a = klynge_period_from_key (a, length_a, &pa);
  gboolean ok_b = klynge_period_from_key (b, length_b, &pb);

  if (ok_a && ok_b)
    return klynge_period_compare (&pa, &pb);
  if (ok_a != ok_b)
    return ok_a ? -1 : 1;
  return compare_texts (a, length_a, b, length_b);
}

/* --- public API ----------------------------------------------------------- */

/**
 * klynge_period_parse:
 * @text: a period as a file or a user writes it
 * @period: (out caller-allocates): the period
 *
 * Reads the forms publishers use, in English and Danish whatever the
 * user's language: "2024", "2024-Q4", "Q4 2024", "2024K4", "4. kvartal
 * 2024", "2025-01", "Oct 2024", "jan. 2025", "januar 2025", "2025-03-31",
 * "20250331", "31-03-2025", "01JAN2021", "2023/24", "2023-24".
 *
 * Returns: %FALSE with a translated #KLYNGE_ERROR_INVALID that quotes the
 *   text (at most 40 characters of it)
 */
gboolean
klynge_period_parse (const char    *text,
                     KlyngePeriod  *period,
                     GError       **error)
{
  Token tokens[MAX_TOKENS];
  guint n_tokens;
  g_autofree char *trimmed = NULL;
  gsize length;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  /* Only the start of a long text is looked at, so a 200 KB cell costs nothing. */
  length = strnlen (text, KLYNGE_PERIOD_MAX_TEXT * 4 + 1);
  if (!g_utf8_validate (text, MIN (length, KLYNGE_PERIOD_MAX_TEXT * 4), NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, MIN (length, 80));

      return not_a_period (valid, error);
    }
  if (length > KLYNGE_PERIOD_MAX_TEXT * 4)
    {
      g_autofree char *start = g_utf8_make_valid (text, 80);
      g_autofree char *shown = quoted (start);

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("“%s” is too long to be a period."), shown);
      return FALSE;
    }
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("The period is empty."));
      return FALSE;
    }
  if (g_utf8_strlen (trimmed, -1) > KLYNGE_PERIOD_MAX_TEXT)
    {
      g_autofree char *shown = quoted (trimmed);

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("“%s” is too long to be a period."), shown);
      return FALSE;
    }
  trimmed[date_time_length (trimmed, strlen (trimmed))] = '\0';

  if (!tokenize (trimmed, tokens, &n_tokens))
    return not_a_period (trimmed, error);
  return parse_tokens (trimmed, tokens, n_tokens, period, error);
}

/**
 * klynge_period_from_key:
 * @key: a stored period
 * @length: its length in bytes, or -1 when it ends in a NUL
 * @period: (out caller-allocates): the period
 *
 * Reads only the keys klynge_period_to_key() writes, without allocating:
 * the fast path for sorting what the database holds.
 *
 * Returns: whether @key is a key
 */
gboolean
klynge_period_from_key (const char   *key,
                        gssize        length,
                        KlyngePeriod *period)
{
  int year, second;

  if (length < 0)
    length = strlen (key);
  if (length < 4 || (year = digits_value (key, 4)) < MIN_YEAR || year > MAX_YEAR)
    return FALSE;

  switch (length)
    {
    case 4:
      set (period, KLYNGE_PERIOD_YEAR, year, 1, 1);
      return TRUE;

    case 7:
      if (key[4] == '/' && (second = digits_value (key + 5, 2)) == (year + 1) % 100)
        set (period, KLYNGE_PERIOD_FINANCIAL_YEAR, year, 4, 1);
      else if (key[4] == '-' && key[5] == 'Q' && key[6] >= '1' && key[6] <= '4')
        set (period, KLYNGE_PERIOD_QUARTER, year, (key[6] - '1') * 3 + 1, 1);
      else if (key[4] == '-' && (second = digits_value (key + 5, 2)) >= 1 && second <= 12)
        set (period, KLYNGE_PERIOD_MONTH, year, second, 1);
      else
        return FALSE;
      return TRUE;

    case 10:
      {
        int month = digits_value (key + 5, 2);
        int day = digits_value (key + 8, 2);

        if (key[4] != '-' || key[7] != '-' || month < 1 || day < 1 || !g_date_valid_dmy (day, month, year))
          return FALSE;
        set (period, KLYNGE_PERIOD_DAY, year, month, day);
        return TRUE;
      }

    default:
      return FALSE;
    }
}

/* Returns: (transfer full): "2024", "2023/24", "2024-Q4", "2025-01" or "2025-03-31" */
char *
klynge_period_to_key (const KlyngePeriod *period)
{
  switch (period->granularity)
    {
    case KLYNGE_PERIOD_YEAR:
      return g_strdup_printf ("%04d", period->year);
    case KLYNGE_PERIOD_FINANCIAL_YEAR:
      return g_strdup_printf ("%04d/%02d", period->year, (period->year + 1) % 100);
    case KLYNGE_PERIOD_QUARTER:
      return g_strdup_printf ("%04d-Q%d", period->year, (period->month - 1) / 3 + 1);
    case KLYNGE_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", period->year, period->month);
    case KLYNGE_PERIOD_DAY:
    default:
      return g_strdup_printf ("%04d-%02d-%02d", period->year, period->month, period->day);
    }
}

/**
 * klynge_period_normalize:
 *
 * The one call for text that becomes a stored period (an import's period
 * column, a period typed for a whole file): klynge_period_parse(), then
 * klynge_period_to_key().
 *
 * Returns: (transfer full) (nullable): the key, or %NULL with @error set
 */
char *
klynge_period_normalize (const char  *text,
                         GError     **error)
{
  KlyngePeriod period;

  if (!klynge_period_parse (text, &period, error))
    return NULL;
  return klynge_period_to_key (&period);
}

/* Returns: (transfer full): "Q4 2024" / "4. kvartal 2024", "January 2025" /
 * "januar 2025", "31 March 2025", "2024", "2023/24" */
char *
klynge_period_format (const KlyngePeriod *period)
{
  switch (period->granularity)
    {
    case KLYNGE_PERIOD_QUARTER:
      /* Translators: a quarter and its year, as in "Q4 2024"; Danish writes "4. kvartal 2024", as Danish registers publish it */
      return g_strdup_printf (C_("period", "Q%1$d %2$d"), (period->month - 1) / 3 + 1, period->year);
    case KLYNGE_PERIOD_MONTH:
      {
        g_autoptr(GDateTime) dt = g_date_time_new_utc (period->year, period->month, 1, 0, 0, 0);

        /* Translators: a month and its year, as in "January 2025"; see g_date_time_format() */
        return g_date_time_format (dt, C_("period", "%OB %Y"));
      }
    case KLYNGE_PERIOD_DAY:
      {
        g_autofree char *key = klynge_period_to_key (period);

        return klynge_format_date (key);
      }
    case KLYNGE_PERIOD_YEAR:
    case KLYNGE_PERIOD_FINANCIAL_YEAR:
    default:
      return klynge_period_to_key (period);
    }
}

/* Returns: (transfer full): the label of a stored period, or the text
 * itself when it is not a key (an old period no migration could read) */
char *
klynge_period_format_key (const char *key)
{
  KlyngePeriod period;

  if (key == NULL || !klynge_period_from_key (key, -1, &period))
    return g_strdup (key);
  return klynge_period_format (&period);
}

/* By the day they start on; of two starting the same day, the longer first. */
int
klynge_period_compare (const KlyngePeriod *a,
                       const KlyngePeriod *b)
{
  gint64 ka = klynge_period_sort_key (a);
  gint64 kb = klynge_period_sort_key (b);

  return ka < kb ? -1 : ka > kb;
}

/* Orders stored periods by time; text that is no key sorts after, as text. */
int
klynge_period_compare_keys (const char *a,
                            const char *b)
{
  return compare_key_texts (a, strlen (a), b, strlen (b));
}

/* Returns: an integer that orders periods as klynge_period_compare() does */
gint64
klynge_period_sort_key (const KlyngePeriod *period)
{
  GDate start;

  klynge_period_get_start (period, &start);
  return (gint64)g_date_get_julian (&start) * 8 + period->granularity;
}

void
klynge_period_get_start (const KlyngePeriod *period,
                         GDate              *start)
{
  g_date_clear (start, 1);
  g_date_set_dmy (start, period->day, period->month, period->year);
}

/* The last day within the period. */
void
klynge_period_get_end (const KlyngePeriod *period,
                       GDate              *end)
{
  KlyngePeriod next;

  klynge_period_next (period, &next);
  klynge_period_get_start (&next, end);
  g_date_subtract_days (end, 1);
}

/* The period of the same length that follows, for showing the gaps in a run. */
void
klynge_period_next (const KlyngePeriod *period,
                    KlyngePeriod       *next)
{
  GDate date;

  *next = *period;
  switch (period->granularity)
    {
    case KLYNGE_PERIOD_YEAR:
    case KLYNGE_PERIOD_FINANCIAL_YEAR:
      next->year++;
      break;
    case KLYNGE_PERIOD_QUARTER:
    case KLYNGE_PERIOD_MONTH:
      klynge_period_get_start (period, &date);
      g_date_add_months (&date, period->granularity == KLYNGE_PERIOD_QUARTER ? 3 : 1);
      set (next, period->granularity, g_date_get_year (&date), g_date_get_month (&date), 1);
      break;
    case KLYNGE_PERIOD_DAY:
    default:
      klynge_period_get_start (period, &date);
      g_date_add_days (&date, 1);
      set (next, period->granularity, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
      break;
    }
}

/**
 * klynge_period_coarsen:
 * @granularity: the length asked for, e.g. %KLYNGE_PERIOD_MONTH for "the
 *   day 2024-10-01 is the month 2024-10"
 * @coarser: (out caller-allocates): the period of @granularity that holds @period
 *
 * Returns: %FALSE when no period of @granularity holds @period: it is longer
 *   (a year asked as a month), or a financial year asked as a calendar year
 */
gboolean
klynge_period_coarsen (const KlyngePeriod      *period,
                       KlyngePeriodGranularity  granularity,
                       KlyngePeriod            *coarser)
{
  int year = period->year, month = period->month, day = period->day;

  if (granularity > period->granularity ||
      (granularity == KLYNGE_PERIOD_YEAR && period->granularity == KLYNGE_PERIOD_FINANCIAL_YEAR))
    return FALSE;

  switch (granularity)
    {
    case KLYNGE_PERIOD_YEAR:
      month = day = 1;
      break;
    case KLYNGE_PERIOD_FINANCIAL_YEAR:
      if (month < 4)
        year--;
      month = 4;
      day = 1;
      break;
    case KLYNGE_PERIOD_QUARTER:
      month = (month - 1) / 3 * 3 + 1;
      day = 1;
      break;
    case KLYNGE_PERIOD_MONTH:
      day = 1;
      break;
    case KLYNGE_PERIOD_DAY:
    default:
      break;
    }
  if (year < MIN_YEAR)
    return FALSE;
  set (coarser, granularity, year, month, day);
  return TRUE;
}

/* Returns: (nullable): "year", "financial-year", "quarter", "month", "day" */
const char *
klynge_period_granularity_to_string (KlyngePeriodGranularity granularity)
{
  static const char *const names[] = { "year", "financial-year", "quarter", "month", "day" };

  return (guint)granularity < G_N_ELEMENTS (names) ? names[granularity] : NULL;
}

gboolean
klynge_period_granularity_from_string (const char              *name,
                                       KlyngePeriodGranularity *granularity)
{
  for (int g = KLYNGE_PERIOD_YEAR; g <= KLYNGE_PERIOD_DAY; g++)
    if (g_strcmp0 (name, klynge_period_granularity_to_string (g)) == 0)
      {
        *granularity = g;
        return TRUE;
      }
  return FALSE;
}

/**
 * klynge_period_fill_gaps:
 * @keys: (element-type utf8): stored periods in time order
 *   (klynge_period_compare_keys())
 *
 * A run chart puts a missing quarter between 2024-Q1 and 2024-Q3 as an
 * empty place, not as the next point. Between two neighbours of the same
 * granularity the periods they skip are added (at most 400 per gap);
 * neighbours of different lengths, and text that is no key, are left as
 * they are.
 *
 * Returns: (transfer full) (element-type utf8): the keys with the gaps filled
 */
GPtrArray *
klynge_period_fill_gaps (GPtrArray *keys)
{
  GPtrArray *filled = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < keys->len; i++)
    {
      KlyngePeriod here, there;

      if (i > 0 &&
          klynge_period_from_key (keys->pdata[i - 1], -1, &here) &&
          klynge_period_from_key (keys->pdata[i], -1, &there) &&
          here.granularity == there.granularity)
        {
          g_autoptr(GPtrArray) gap = g_ptr_array_new_with_free_func (g_free);
          KlyngePeriod next;

          for (klynge_period_next (&here, &next);
               klynge_period_compare (&next, &there) < 0 && gap->len <= MAX_GAP;
               klynge_period_next (&next, &next))
            g_ptr_array_add (gap, klynge_period_to_key (&next));
          if (gap->len <= MAX_GAP)
            g_ptr_array_extend_and_steal (filled, g_steal_pointer (&gap));
        }
      g_ptr_array_add (filled, g_strdup (keys->pdata[i]));
    }
  return filled;
}

void
klynge_period_use_free (KlyngePeriodUse *use)
{
  if (use == NULL)
    return;
  g_free (use->period);
  g_free (use->label);
  g_free (use);
}

static gpointer
period_use_from_row (KlyngeDbStatement *stmt)
{
  KlyngePeriodUse *use = g_new0 (KlyngePeriodUse, 1);
  KlyngePeriod period;

  use->period = klynge_db_statement_dup_text (stmt, 0);
  use->readable = klynge_period_from_key (use->period, -1, &period);
  use->label = use->readable ? klynge_period_format (&period) : g_strdup (use->period);
  use->n_measurements = klynge_db_statement_column_int64 (stmt, 1);
  return use;
}

/**
 * klynge_periods_list:
 *
 * Every period the cluster's measurements are for, by time, those that are
 * no period last: what a migration could not read is listed here for the
 * user to correct rather than silently sorted among the rest.
 *
 * Returns: (transfer full) (element-type KlyngePeriodUse): the periods
 */
GPtrArray *
klynge_periods_list (KlyngeDb  *db,
                     gint64     cluster_id,
                     GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT m.period, count(*) FROM measurement m JOIN clinic c ON c.id = m.clinic_id "
    "WHERE c.cluster_id = ?1 GROUP BY m.period ORDER BY m.period COLLATE klynge_period");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  return klynge_db_statement_collect (stmt, period_use_from_row, (GDestroyNotify) klynge_period_use_free, error);
}

int
klynge_period_collate (void       *unused,
                       int         length_a,
                       const void *a,
                       int         length_b,
                       const void *b)
{
  return compare_key_texts (a, length_a, b, length_b);
}
