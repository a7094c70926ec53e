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
  guint64 magnitude = minor < 0 ? (guint64) 0 - (guint64) minor : (guint64) minor;
  char digits[32];
  gsize n;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude / 100);
  n = strlen (digits);

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

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, group_mark (style));
      g_string_append_c (out, digits[i]);
    }
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

/**
 * klynge_money_parse_style:
 * @text: what the user typed: "1.234,50", "-1234,5 kr.", "£1,234.50", "DKK 12"
 * @currency: (nullable): the cluster's currency, accepted as a prefix or suffix
 * @minor: (out): the amount in minor units
 *
 * Grouping separators are accepted only between groups of three digits, so
 * that "12.50" typed in Danish is refused rather than read as 1,250 kroner.
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
