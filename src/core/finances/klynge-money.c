/* klynge-money.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Amounts are integer minor units (øre, pence) from input to display:
 * nothing here touches floating point.
 */

#include "klynge-i18n.h"

#include <locale.h>
#include <string.h>

#include "klynge-error.h"
#include "klynge-money.h"

/* Languages writing a decimal comma and grouping with a full stop. */
static const char *const comma_languages[] = { "da", "de", "nb", "nn", "no", "nl", "is", NULL };

KlyngeMoneyStyle
klynge_money_style_for_language (const char *language)
{
  if (language == NULL)
    return KLYNGE_MONEY_STYLE_ENGLISH;

  for (guint i = 0; comma_languages[i] != NULL; i++)
    {
      gsize len = strlen (comma_languages[i]);

      if (strncmp (language, comma_languages[i], len) == 0 &&
          (language[len] == '\0' || language[len] == '_' || language[len] == '.' || language[len] == '@'))
        return KLYNGE_MONEY_STYLE_DANISH;
    }

  return KLYNGE_MONEY_STYLE_ENGLISH;
}

/* LC_MONETARY says how the user writes money; when it is the C locale
 * (unset or not installed), the language list is the better guess. */
KlyngeMoneyStyle
klynge_money_style_default (void)
{
  const char *monetary = setlocale (LC_MONETARY, NULL);

  if (monetary != NULL && !g_str_equal (monetary, "C") && !g_str_equal (monetary, "POSIX") &&
      !g_str_has_prefix (monetary, "C."))
    return klynge_money_style_for_language (monetary);

  return klynge_money_style_for_language (g_get_language_names ()[0]);
}

static char
decimal_mark (KlyngeMoneyStyle style)
{
  return style == KLYNGE_MONEY_STYLE_DANISH ? ',' : '.';
}

static char
group_mark (KlyngeMoneyStyle style)
{
  return style == KLYNGE_MONEY_STYLE_DANISH ? '.' : ',';
}

/* The symbol an English text puts before the number, with its separator. */
static const char *
english_prefix (const char *currency)
{
  if (g_strcmp0 (currency, "GBP") == 0)
    return "£";
  if (g_strcmp0 (currency, "EUR") == 0)
    return "€";
  return NULL;
}

static const char *
danish_suffix (const char *currency)
{
  if (g_strcmp0 (currency, "DKK") == 0 || g_strcmp0 (currency, "NOK") == 0 ||
      g_strcmp0 (currency, "SEK") == 0)
    return "kr.";
  if (g_strcmp0 (currency, "GBP") == 0)
    return "£";
  if (g_strcmp0 (currency, "EUR") == 0)
    return "€";
  return currency;
}

/* @magnitude's digits, in groups of three. */
static void
append_grouped (GString          *out,
                guint64           magnitude,
                KlyngeMoneyStyle  style)
{
  char digits[32];
  gsize n;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);
  n = strlen (digits);
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, group_mark (style));
      g_string_append_c (out, digits[i]);
    }
}

static guint64
magnitude_of (gint64 value)
{
  return value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
}

/**
 * klynge_money_format_count_style:
 *
 * Returns: "12.345" (Danish) or "12,345" (English): a whole count grouped
 *   as amounts are, so that it reads as the money beside it and
 *   klynge_money_parse_count_style() reads it back.
 */
char *
klynge_money_format_count_style (gint64            count,
                                 KlyngeMoneyStyle  style)
{
  GString *out = g_string_new (count < 0 ? "-" : NULL);

  append_grouped (out, magnitude_of (count), style);
  return g_string_free (out, FALSE);
}

/**
 * klynge_money_format_style:
 * @minor: the amount in minor units; negative amounts get a leading minus
 * @currency: (nullable): ISO 4217 code, or %NULL for the number alone
 *
 * Returns: "1.234,50 kr." (Danish), "DKK 1,234.50" or "£1,234.50" (English).
 */
char *
klynge_money_format_style (gint64            minor,
                           const char       *currency,
                           KlyngeMoneyStyle  style)
{
  GString *out = g_string_new (NULL);
  guint64 magnitude = magnitude_of (minor);

  if (minor < 0)
    g_string_append_c (out, '-');

  if (currency != NULL && style == KLYNGE_MONEY_STYLE_ENGLISH)
    {
      const char *prefix = english_prefix (currency);

      if (prefix != NULL)
        g_string_append (out, prefix);
      else
        g_string_append_printf (out, "%s ", currency);
    }

  append_grouped (out, magnitude / 100, style);
  g_string_append_printf (out, "%c%02u", decimal_mark (style), (guint) (magnitude % 100));

  if (currency != NULL && style == KLYNGE_MONEY_STYLE_DANISH)
    g_string_append_printf (out, " %s", danish_suffix (currency));

  return g_string_free (out, FALSE);
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t' || g_str_has_prefix (p, "\xc2\xa0"))
    p += *p == ' ' || *p == '\t' ? 1 : 2;
  return p;
}

/* Removes a currency symbol or code at the start (@at_start) or end of @text. */
static gboolean
strip_symbol (GString    *text,
              const char *symbol,
              gboolean    at_start)
{
  gsize len = strlen (symbol);

  if (text->len < len)
    return FALSE;
  if (at_start ? g_ascii_strncasecmp (text->str, symbol, len) != 0
               : g_ascii_strcasecmp (text->str + text->len - len, symbol) != 0)
    return FALSE;

  if (at_start)
    g_string_erase (text, 0, len);
  else
    g_string_truncate (text, text->len - len);
  return TRUE;
}

static void
strip_currency (GString    *text,
                const char *currency)
{
  const char *symbols[] = { currency, "kr.", "kr", "£", "€", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (symbols[i] != NULL && (strip_symbol (text, symbols[i], TRUE) || strip_symbol (text, symbols[i], FALSE)))
      return;
}

/* What the marks in @number say, before it is read in @style. */
typedef enum
{
  MARKS_PLAIN,      /* the style's own, or none */
  MARKS_SWAPPED,    /* both marks, the other way round: "1.234,50" in English */
  MARKS_AMBIGUOUS,  /* one decimal mark before three digits: "3.200" in English */
} Marks;

static Marks
read_marks (const char       *number,
            KlyngeMoneyStyle  style)
{
  const char *last = NULL;
  guint n_marks = 0, n_decimal = 0, before = 0, after = 0;
  gboolean leading_zero = number[0] == '0';

  for (const char *p = number; *p != '\0'; p++)
    if (*p == '.' || *p == ',')
      {
        last = p;
        n_marks++;
        n_decimal += *p == decimal_mark (style);
      }
  if (last == NULL)
    return MARKS_PLAIN;
  /* Both marks, the group mark last and the decimal marks before it: only
   * the other language's grouping reads it, so there is one reading. */
  if (*last == group_mark (style) && n_decimal == n_marks - 1 && n_decimal > 0)
    return MARKS_SWAPPED;
  if (n_marks != 1 || *last != decimal_mark (style))
    return MARKS_PLAIN;
  for (const char *p = number; p < last; p++)
    before += g_ascii_isdigit (*p) != 0;
  for (const char *p = last + 1; *p != '\0'; p++)
    after += g_ascii_isdigit (*p) != 0;
  return before >= 1 && before <= 3 && before == (guint) (last - number) && after == 3 && !leading_zero &&
         strlen (last + 1) == 3
         ? MARKS_AMBIGUOUS : MARKS_PLAIN;
}

/* "3.200" in English is 3.2, as the decimal mark says, or 3,200 as a
 * Danish writer means it: the error says both and what to write. */
static void
set_ambiguous (GError           **error,
               const char        *text,
               const char        *number,
               KlyngeMoneyStyle   style,
               gboolean           money)
{
  g_autofree char *digits = g_strdup (number);
  g_autofree char *as_decimal = NULL;
  g_autofree char *as_thousands = NULL;
  gint64 thousands;
  char *mark = strchr (digits, decimal_mark (style));
  gsize len;

  /* The decimal reading without its trailing zeros: 3.2 */
  as_decimal = g_strdup (digits);
  len = strlen (as_decimal);
  while (len > 0 && as_decimal[len - 1] == '0')
    as_decimal[--len] = '\0';
  if (len > 0 && as_decimal[len - 1] == decimal_mark (style))
    as_decimal[--len] = '\0';

  memmove (mark, mark + 1, strlen (mark));
  thousands = g_ascii_strtoll (digits, NULL, 10);
  as_thousands = klynge_money_format_style (thousands * 100, NULL, style);
  if (!money)
    as_thousands[strlen (as_thousands) - 3] = '\0';   /* no decimals on a count */
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
               money
               /* Translators: "3.200" is ambiguous: it reads as 3.2 here, but may mean 3,200.00 */
               ? _("“%s” is ambiguous: here it reads as %s, but it may mean %s. Write the amount with its decimals or without the mark.")
               /* Translators: "3.200" is ambiguous: it reads as 3.2 here, but may mean 3,200 */
               : _("“%s” is ambiguous: here it reads as %s, which is not a whole number, but it may mean %s. Write the count without the mark."),
               text, as_decimal, as_thousands);
}

/**
 * klynge_money_parse_style:
 * @text: what the user typed: "1.234,50", "-1234,5 kr.", "£1,234.50", "DKK 12"
 * @currency: (nullable): the cluster's currency, accepted as a prefix or suffix
 * @minor: (out): the amount in minor units
 *
 * Grouping separators are accepted only between groups of three digits, so
 * that "12.50" typed in Danish is refused rather than read as 1,250 kroner.
 * A decimal mark before exactly three digits ("3.200" in English, "3,200"
 * in Danish) is refused as ambiguous, naming both readings; the other
 * language's full form ("1.234,50" in English) has one reading and is read.
 *
 * Returns: %FALSE with a #KLYNGE_ERROR_INVALID message for malformed input.
 */
gboolean
klynge_money_parse_style (const char        *text,
                          const char        *currency,
                          KlyngeMoneyStyle   style,
                          gint64            *minor,
                          GError           **error)
{
  g_autoptr(GString) s = NULL;
  g_autofree char *example = klynge_money_format_style (123450, NULL, style);
  const char *p;
  gboolean negative = FALSE;
  guint64 whole = 0, fraction = 0;
  int n_fraction = 0, group_len = 0, n_digits = 0;
  gboolean grouped = FALSE;

  g_return_val_if_fail (minor != NULL, FALSE);

  s = g_string_new (skip_spaces (text != NULL ? text : ""));
  while (s->len > 0 && (s->str[s->len - 1] == ' ' || s->str[s->len - 1] == '\t'))
    g_string_truncate (s, s->len - 1);

  if (s->len > 0 && (s->str[0] == '-' || s->str[0] == '+'))
    {
      negative = s->str[0] == '-';
      g_string_erase (s, 0, 1);
    }
  strip_currency (s, currency);
  p = skip_spaces (s->str);
  if (!negative && (*p == '-' || *p == '+'))
    negative = *p++ == '-';
  g_strchomp (s->str);

  if (*p == '\0')
    goto bad;

  switch (read_marks (p, style))
    {
    case MARKS_AMBIGUOUS:
      set_ambiguous (error, text, p, style, TRUE);
      return FALSE;
    case MARKS_SWAPPED:
      style = style == KLYNGE_MONEY_STYLE_DANISH ? KLYNGE_MONEY_STYLE_ENGLISH : KLYNGE_MONEY_STYLE_DANISH;
      break;
    case MARKS_PLAIN:
    default:
      break;
    }

  for (; *p != '\0' && *p != decimal_mark (style); p++)
    {
      if (*p == group_mark (style))
        {
          if (n_digits == 0 || (grouped && group_len != 3) || (!grouped && group_len > 3))
            goto bad;
          grouped = TRUE;
          group_len = 0;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        goto bad;
      whole = whole * 10 + (guint64) (*p - '0');
      n_digits++;
      group_len++;
      if (whole > (guint64) KLYNGE_MONEY_MAX / 100)
        goto too_large;
    }
  if (grouped && group_len != 3)
    goto bad;

  if (*p == decimal_mark (style))
    {
      for (p++; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p) || n_fraction == 2)
            goto bad;
          fraction = fraction * 10 + (guint64) (*p - '0');
          n_fraction++;
        }
      if (n_fraction == 0 && n_digits == 0)
        goto bad;
    }
  else if (n_digits == 0)
    goto bad;

  if (n_fraction == 1)
    fraction *= 10;

  *minor = (gint64) (whole * 100 + fraction);
  if (negative)
    *minor = -*minor;
  return TRUE;

bad:
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
               /* Translators: the first %s is what the user typed, the second an example like "1.234,50" */
               _("“%s” is not an amount of money; write it like %s."),
               text != NULL ? text : "", example);
  return FALSE;

too_large:
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
               /* Translators: %s is what the user typed as an amount */
               _("The amount “%s” is too large."), text);
  return FALSE;
}

char *
klynge_money_format (gint64      minor,
                     const char *currency)
{
  return klynge_money_format_style (minor, currency, klynge_money_style_default ());
}

gboolean
klynge_money_parse (const char  *text,
                    const char  *currency,
                    gint64      *minor,
                    GError     **error)
{
  return klynge_money_parse_style (text, currency, klynge_money_style_default (), minor, error);
}

/**
 * klynge_money_parse_count_style:
 * @text: a count as typed: "3200", "3,200" or "3 200" in English, "3.200" in Danish
 * @count: (out): the count; empty text is zero
 *
 * Counts (listed patients, members) follow the amounts' rule: the style's
 * group mark between groups of three digits, or spaces; the style's decimal
 * mark makes a fraction, which a count is not, and before exactly three
 * digits it is refused as ambiguous, naming both readings.
 *
 * Returns: %FALSE with a #KLYNGE_ERROR_INVALID message
 */
gboolean
klynge_money_parse_count_style (const char        *text,
                                KlyngeMoneyStyle   style,
                                gint64            *count,
                                GError           **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GString) number = g_string_new (NULL);
  int group = -1;   /* digits since the last separator; -1 before any */
  gint64 value = 0;

  *count = 0;
  if (*trimmed == '\0')
    return TRUE;
  if (trimmed[0] == '-' || g_str_has_prefix (trimmed, "−"))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("“%s” is negative; a count cannot be less than zero."), trimmed);
      return FALSE;
    }
  /* Spaces group digits in both languages. */
  for (const char *c = trimmed; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (u == ' ' || u == 0x00A0 || u == 0x202F)
        g_string_append_c (number, group_mark (style));
      else if (u < 0x80)
        g_string_append_c (number, (char) u);
      else
        goto not_a_count;
    }
  if (read_marks (number->str, style) == MARKS_AMBIGUOUS)
    {
      set_ambiguous (error, trimmed, number->str, style, FALSE);
      return FALSE;
    }
  for (const char *p = number->str; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (value > KLYNGE_MONEY_MAX)
            goto not_a_count;
          value = value * 10 + (*p - '0');
          if (group >= 0)
            group++;
        }
      else if (*p == group_mark (style) && p > number->str && (group < 0 || group == 3))
        group = 0;
      else
        goto not_a_count;
    }
  if (group >= 0 && group != 3)
    goto not_a_count;
  *count = value;
  return TRUE;

not_a_count:
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
               _("“%s” is not a whole number; write digits only, like 12500."), trimmed);
  return FALSE;
}

gboolean
klynge_money_parse_count (const char  *text,
                          gint64      *count,
                          GError     **error)
{
  return klynge_money_parse_count_style (text, klynge_money_style_default (), count, error);
}
