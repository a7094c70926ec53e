/* klynge-cli-list.c — list output of `klynge-cli` for people and scripts
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdio.h>

#include <json-glib/json-glib.h>

#include "klynge-cli.h"
#include "klynge-cli-list.h"
#include "klynge-i18n.h"

struct _KlyngeCliList
{
  KlyngeCliFormat format;
  GStrv           columns;
  guint           n_columns;
  guint           cell;        /* the next cell's column in the current row */
  GString        *out;         /* TSV and CSV */
  JsonBuilder    *json;
};

gboolean
klynge_cli_format_parse (const char      *command,
                         const char      *name,
                         KlyngeCliFormat *format)
{
  static const struct { const char *name; KlyngeCliFormat format; } formats[] = {
    { "tsv", KLYNGE_CLI_FORMAT_TSV },
    { "csv", KLYNGE_CLI_FORMAT_CSV },
    { "json", KLYNGE_CLI_FORMAT_JSON },
  };

  if (name == NULL)
    {
      *format = KLYNGE_CLI_FORMAT_TSV;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  klynge_cli_usage_error (command, _("Unknown format “%s”; use tsv, csv or json."), name);
  return FALSE;
}

KlyngeCliList *
klynge_cli_list_new (KlyngeCliFormat     format,
                     const char * const *columns)
{
  KlyngeCliList *self = g_new0 (KlyngeCliList, 1);

  self->format = format;
  self->columns = g_strdupv ((char **) columns);
  self->n_columns = g_strv_length (self->columns);
  self->out = g_string_new (NULL);
  if (format == KLYNGE_CLI_FORMAT_JSON)
    {
      self->json = json_builder_new ();
      json_builder_begin_array (self->json);
    }
  else
    {
      for (guint c = 0; c < self->n_columns; c++)
        klynge_cli_list_add_text (self, self->columns[c]);
    }
  return self;
}

void
klynge_cli_list_free (KlyngeCliList *self)
{
  g_strfreev (self->columns);
  g_string_free (self->out, TRUE);
  g_clear_object (&self->json);
  g_free (self);
}

static void
end_row (KlyngeCliList *self)
{
  if (self->cell == 0)
    return;
  while (self->cell < self->n_columns)
    klynge_cli_list_add_empty (self);
  if (self->json != NULL)
    json_builder_end_object (self->json);
  else
    g_string_append_c (self->out, '\n');
  self->cell = 0;
}

void
klynge_cli_list_begin_row (KlyngeCliList *self)
{
  end_row (self);
  if (self->json != NULL)
    json_builder_begin_object (self->json);
}

/* Starts the next cell: its separator, or its key. */
static gboolean
next_cell (KlyngeCliList *self)
{
  g_return_val_if_fail (self->cell < self->n_columns, FALSE);

  if (self->json != NULL)
    json_builder_set_member_name (self->json, self->columns[self->cell]);
  else if (self->cell > 0)
    g_string_append_c (self->out, self->format == KLYNGE_CLI_FORMAT_CSV ? ',' : '\t');
  self->cell++;
  return TRUE;
}

static void
append_field (KlyngeCliList *self,
              const char    *text)
{
  if (self->format == KLYNGE_CLI_FORMAT_CSV)
    {
      /* Quoted whenever a reader could split the field or, with ";" as its
       * own separator (Danish Excel), see two fields in it. */
      if (strpbrk (text, ",;\t\"\r\n") == NULL)
        {
          g_string_append (self->out, text);
          return;
        }
      g_string_append_c (self->out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (self->out, '"');
          g_string_append_c (self->out, *p);
        }
      g_string_append_c (self->out, '"');
      return;
    }

  /* TSV has no quoting: a tab or line end inside a field would make a new
   * column or row, so it becomes a space. */
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (self->out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

void
klynge_cli_list_add_text (KlyngeCliList *self,
                          const char    *text)
{
  if (text == NULL)
    {
      klynge_cli_list_add_empty (self);
      return;
    }
  if (!next_cell (self))
    return;
  if (self->json != NULL)
    json_builder_add_string_value (self->json, text);
  else
    append_field (self, text);
}

void
klynge_cli_list_add_integer (KlyngeCliList *self,
                             gint64         value)
{
  if (!next_cell (self))
    return;
  if (self->json != NULL)
    json_builder_add_int_value (self->json, value);
  else
    g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
klynge_cli_list_add_number (KlyngeCliList *self,
                            double         value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!next_cell (self))
    return;
  if (self->json != NULL)
    {
      json_builder_add_double_value (self->json, value);
      return;
    }
  /* A whole number in full (134890, never 1.3489e+05); otherwise the
   * fewest digits that read back as the same double: 0.1, not
   * 0.10000000000000001. */
  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append (self->out, g_ascii_formatd (buffer, sizeof buffer, "%.0f", value));
      return;
    }
  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (self->out, buffer);
}

void
klynge_cli_list_add_empty (KlyngeCliList *self)
{
  if (!next_cell (self))
    return;
  if (self->json != NULL)
    json_builder_add_null_value (self->json);
}

void
klynge_cli_list_print (KlyngeCliList *self)
{
  end_row (self);
  if (self->json != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_end_array (self->json);
      root = json_builder_get_root (self->json);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_string_append (self->out, text);
      g_string_append_c (self->out, '\n');
    }
  fwrite (self->out->str, 1, self->out->len, stdout);
  fflush (stdout);
  g_string_truncate (self->out, 0);
}
