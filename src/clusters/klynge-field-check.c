/* klynge-field-check.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-field-check.h"
#include "klynge-format.h"
#include "klynge-rules.h"
#include "klynge-tooltip.h"

void
klynge_field_check_init (KlyngeFieldCheck *check)
{
  check->problems = g_string_new (NULL);
  check->n_problems = 0;
}

void
klynge_field_check_mark (KlyngeFieldCheck *check,
                         GtkWidget        *field,
                         GError           *error)
{
  if (error == NULL)
    {
      gtk_widget_remove_css_class (field, "error");
      klynge_tooltip_set_text (field, NULL);
      return;
    }
  gtk_widget_add_css_class (field, "error");
  klynge_tooltip_set_text (field, error->message);
  g_string_append_printf (check->problems, "%s%s", check->n_problems > 0 ? "\n" : "", error->message);
  check->n_problems++;
  g_error_free (error);
}

gboolean
klynge_field_check_finish (KlyngeFieldCheck *check,
                           GtkLabel         *label)
{
  gboolean ok = check->n_problems == 0;

  gtk_label_set_text (label, check->problems->str);
  gtk_widget_set_visible (GTK_WIDGET (label), !ok);
  g_string_free (check->problems, TRUE);
  check->problems = NULL;
  return ok;
}

void
klynge_field_check_show_error (GtkLabel     *label,
                               const GError *error)
{
  gtk_label_set_text (label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

void
klynge_field_check_period (KlyngeFieldCheck *check,
                           GtkWidget        *from,
                           GtkWidget        *to)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  GError *error = NULL;
  gboolean start_ok;

  start_ok = klynge_parse_optional_date (gtk_editable_get_text (GTK_EDITABLE (from)), &start, &error);
  klynge_field_check_mark (check, from, error);
  error = NULL;
  /* The order only once the start is a date: else the end's own problem. */
  if (klynge_parse_optional_date (gtk_editable_get_text (GTK_EDITABLE (to)), &end, &error) && start_ok)
    klynge_rules_check_period (start, end, &error);
  klynge_field_check_mark (check, to, error);
}
