/* klynge-record.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-record.h"
#include "klynge-rules.h"

void
klynge_record_bind_text (KlyngeDbStatement *stmt,
                         int                index,
                         const char        *text)
{
  g_autofree char *trimmed = klynge_rules_strip_or_null (text);

  klynge_db_statement_bind_text (stmt, index, trimmed != NULL ? trimmed : "");
}

void
klynge_record_bind_date (KlyngeDbStatement *stmt,
                         int                index,
                         const char        *date)
{
  g_autofree char *trimmed = klynge_rules_strip_or_null (date);

  klynge_db_statement_bind_text (stmt, index, trimmed);
}

void
klynge_record_set_text (char       **field,
                        const char  *text)
{
  g_free (*field);
  *field = g_strdup (text != NULL ? text : "");
}

/**
 * klynge_record_update:
 * @self: a record object whose properties only read its fields
 * @from: the same record as read again
 *
 * Takes @from's fields into @self and notifies each of @self's properties
 * whose value is not what it was: a row bound to @self changes where it
 * is, and only where something changed.
 *
 * Returns: whether any property changed
 */
gboolean
klynge_record_update (gpointer               self,
                      gpointer               from,
                      KlyngeRecordTakeFields take_fields)
{
  guint n_pspecs;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  g_autofree GValue *before = g_new0 (GValue, n_pspecs);
  gboolean changed = FALSE;

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_value_init (&before[i], pspecs[i]->value_type);
      g_object_get_property (self, pspecs[i]->name, &before[i]);
    }
  take_fields (self, from);
  g_object_freeze_notify (self);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) after = G_VALUE_INIT;

      g_value_init (&after, pspecs[i]->value_type);
      g_object_get_property (self, pspecs[i]->name, &after);
      if (g_param_values_cmp (pspecs[i], &before[i], &after) != 0)
        {
          g_object_notify_by_pspec (self, pspecs[i]);
          changed = TRUE;
        }
      g_value_unset (&before[i]);
    }
  g_object_thaw_notify (self);
  return changed;
}
