/* klynge-picker.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-period.h"
#include "klynge-picker.h"

#define IS_PICKER(picker) (GTK_IS_DROP_DOWN (picker) || ADW_IS_COMBO_ROW (picker))

static GListModel *
choices_of (gpointer picker)
{
  return GTK_IS_DROP_DOWN (picker) ? gtk_drop_down_get_model (picker) : adw_combo_row_get_model (picker);
}

/* Both widgets take any position: out of range is "nothing chosen". */
static gboolean
select_position (gpointer picker,
                 guint    position)
{
  gboolean found = position != KLYNGE_CHOICE_NOT_FOUND;

  g_object_set (picker, "selected", found ? position : 0, NULL);
  return found;
}

static KlyngeChoice *
selected_choice (gpointer picker)
{
  return GTK_IS_DROP_DOWN (picker) ? gtk_drop_down_get_selected_item (picker)
                                   : adw_combo_row_get_selected_item (picker);
}

/**
 * klynge_picker_set_choices:
 * @picker: a #GtkDropDown or an #AdwComboRow
 * @choices: a list of #KlyngeChoice
 *
 * Shows @choices by their labels (in the button, the list and the type-ahead
 * search) and selects the first.
 */
void
klynge_picker_set_choices (gpointer    picker,
                           GListModel *choices)
{
  g_autoptr(GtkExpression) label = gtk_property_expression_new (KLYNGE_TYPE_CHOICE, NULL, "label");

  g_return_if_fail (IS_PICKER (picker));
  g_return_if_fail (G_IS_LIST_MODEL (choices));

  g_object_set (picker, "expression", label, "model", choices, NULL);
}

/**
 * klynge_picker_replace_choices:
 * @picker: a #GtkDropDown or an #AdwComboRow
 * @choices: a list of #KlyngeChoice
 *
 * Shows @choices, keeping the chosen id when it is still among them: a
 * list read again after a change keeps what the user picked.
 */
void
klynge_picker_replace_choices (gpointer    picker,
                               GListModel *choices)
{
  gint64 keep = klynge_picker_get_selected_id (picker);

  klynge_picker_set_choices (picker, choices);
  klynge_picker_select_id (picker, keep);
}

/**
 * klynge_picker_set_periods:
 * @picker: a #GtkDropDown or an #AdwComboRow
 * @keys: (element-type utf8) (nullable): period keys, the earliest first
 *
 * Offers the periods by their labels, keeping the chosen one when it is
 * still there, else choosing the latest: the numbers a user looks for.
 */
void
klynge_picker_set_periods (gpointer   picker,
                           GPtrArray *keys)
{
  g_autofree char *keep = g_strdup (klynge_picker_get_selected_key (picker));
  g_autoptr(GListStore) choices = klynge_choices_new ();

  for (guint i = 0; keys != NULL && i < keys->len; i++)
    {
      g_autofree char *label = klynge_period_format_key (g_ptr_array_index (keys, i));

      klynge_choices_append_key (choices, g_ptr_array_index (keys, i), label);
    }
  klynge_picker_set_choices (picker, G_LIST_MODEL (choices));
  if (!klynge_picker_select_key (picker, keep))
    g_object_set (picker, "selected", g_list_model_get_n_items (G_LIST_MODEL (choices)) - 1, NULL);
}

/**
 * klynge_picker_select_id:
 *
 * Selects the choice standing for @id, or the first (the "None" or "All"
 * entry) when there is none: the row may have gone since it was chosen.
 *
 * Returns: whether a choice stands for @id
 */
gboolean
klynge_picker_select_id (gpointer picker,
                         gint64   id)
{
  g_return_val_if_fail (IS_PICKER (picker), FALSE);

  return select_position (picker, klynge_choices_find_id (choices_of (picker), id));
}

/**
 * klynge_picker_select_key:
 *
 * As klynge_picker_select_id(), for a choice standing for a code.
 *
 * Returns: whether a choice stands for @key
 */
gboolean
klynge_picker_select_key (gpointer    picker,
                          const char *key)
{
  g_return_val_if_fail (IS_PICKER (picker), FALSE);

  return select_position (picker, klynge_choices_find_key (choices_of (picker), key));
}

/**
 * klynge_picker_get_selected_id:
 *
 * Returns: the id of the chosen row; 0 for none, as for an entry such as
 *   "No clinic"
 */
gint64
klynge_picker_get_selected_id (gpointer picker)
{
  KlyngeChoice *choice;

  g_return_val_if_fail (IS_PICKER (picker), 0);

  choice = selected_choice (picker);
  return choice != NULL ? klynge_choice_get_id (choice) : 0;
}

/**
 * klynge_picker_get_selected_key:
 *
 * Returns: (nullable): the code of the chosen entry, %NULL for none
 */
const char *
klynge_picker_get_selected_key (gpointer picker)
{
  KlyngeChoice *choice;

  g_return_val_if_fail (IS_PICKER (picker), NULL);

  choice = selected_choice (picker);
  return choice != NULL ? klynge_choice_get_key (choice) : NULL;
}
