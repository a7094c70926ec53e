/* klynge-picker.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

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
