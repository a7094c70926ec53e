/* klynge-choice.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-choice.h"

/**
 * KlyngeChoice:
 *
 * One entry of a drop-down: what is stored (a row's id, or a code such as a
 * member's title) and what is shown. A drop-down's model of choices keeps
 * the two together, so no list of ids runs beside a list of labels and no
 * choice is found again by its translated text.
 */
struct _KlyngeChoice
{
  GObject  parent_instance;

  gint64   id;
  char    *key;
  char    *label;
};

G_DEFINE_FINAL_TYPE (KlyngeChoice, klynge_choice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
klynge_choice_finalize (GObject *object)
{
  KlyngeChoice *self = KLYNGE_CHOICE (object);

  g_free (self->key);
  g_free (self->label);

  G_OBJECT_CLASS (klynge_choice_parent_class)->finalize (object);
}

static void
klynge_choice_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KlyngeChoice *self = KLYNGE_CHOICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_choice_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KlyngeChoice *self = KLYNGE_CHOICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_choice_class_init (KlyngeChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = klynge_choice_finalize;
  object_class->get_property = klynge_choice_get_property;
  object_class->set_property = klynge_choice_set_property;

  /**
   * KlyngeChoice:id:
   *
   * The row this choice stands for; 0 for "none" or "all".
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KlyngeChoice:key:
   *
   * The code this choice stands for, when it is not a row; %NULL otherwise.
   */
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KlyngeChoice:label:
   *
   * What the drop-down shows, translated.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_choice_init (KlyngeChoice *self)
{
}

/**
 * klynge_choice_new:
 * @id: a row's id, or 0 for an entry such as "No clinic"
 * @label: what is shown
 *
 * Returns: (transfer full): a choice standing for @id
 */
KlyngeChoice *
klynge_choice_new (gint64      id,
                   const char *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  return g_object_new (KLYNGE_TYPE_CHOICE, "id", id, "label", label, NULL);
}

/**
 * klynge_choice_new_for_key:
 * @key: a code, such as "gp" for a member's title
 * @label: what is shown
 *
 * Returns: (transfer full): a choice standing for @key
 */
KlyngeChoice *
klynge_choice_new_for_key (const char *key,
                           const char *label)
{
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  return g_object_new (KLYNGE_TYPE_CHOICE, "key", key, "label", label, NULL);
}

gint64
klynge_choice_get_id (KlyngeChoice *self)
{
  g_return_val_if_fail (KLYNGE_IS_CHOICE (self), 0);

  return self->id;
}

/**
 * klynge_choice_get_key:
 *
 * Returns: (nullable): the code, or %NULL for a choice made by klynge_choice_new()
 */
const char *
klynge_choice_get_key (KlyngeChoice *self)
{
  g_return_val_if_fail (KLYNGE_IS_CHOICE (self), NULL);

  return self->key;
}

const char *
klynge_choice_get_label (KlyngeChoice *self)
{
  g_return_val_if_fail (KLYNGE_IS_CHOICE (self), NULL);

  return self->label;
}

/**
 * klynge_choices_new:
 *
 * Returns: (transfer full): an empty list of #KlyngeChoice
 */
GListStore *
klynge_choices_new (void)
{
  return g_list_store_new (KLYNGE_TYPE_CHOICE);
}

/**
 * klynge_choices_new_for_keys:
 * @keys: (array zero-terminated=1): codes in the order they are offered
 * @label_of: the translated label of a code
 *
 * Returns: (transfer full): one choice per code
 */
GListStore *
klynge_choices_new_for_keys (const char * const    *keys,
                             KlyngeChoiceLabelFunc  label_of)
{
  GListStore *choices = klynge_choices_new ();

  g_return_val_if_fail (keys != NULL, choices);
  g_return_val_if_fail (label_of != NULL, choices);

  for (guint i = 0; keys[i] != NULL; i++)
    klynge_choices_append_key (choices, keys[i], label_of (keys[i]));
  return choices;
}

void
klynge_choices_append (GListStore *choices,
                       gint64      id,
                       const char *label)
{
  g_autoptr(KlyngeChoice) choice = klynge_choice_new (id, label);

  g_list_store_append (choices, choice);
}

void
klynge_choices_append_key (GListStore *choices,
                           const char *key,
                           const char *label)
{
  g_autoptr(KlyngeChoice) choice = klynge_choice_new_for_key (key, label);

  g_list_store_append (choices, choice);
}

/**
 * klynge_choices_append_names:
 * @names: (array zero-terminated=1) (nullable): names the user gave, such
 *   as saved mappings: each is its own key and label
 */
void
klynge_choices_append_names (GListStore         *choices,
                             const char * const *names)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    klynge_choices_append_key (choices, names[i], names[i]);
}

/**
 * klynge_choices_append_full:
 * @id: a row's id
 * @key: (nullable): what else finds the row, such as the clinic's name a
 *   file's unknown name is closest to
 * @label: what is shown, which may differ from @key
 */
void
klynge_choices_append_full (GListStore *choices,
                            gint64      id,
                            const char *key,
                            const char *label)
{
  g_autoptr(KlyngeChoice) choice = NULL;

  g_return_if_fail (label != NULL);

  choice = g_object_new (KLYNGE_TYPE_CHOICE, "id", id, "key", key, "label", label, NULL);
  g_list_store_append (choices, choice);
}

/**
 * klynge_choices_find_id:
 * @choices: a list of #KlyngeChoice
 *
 * Returns: the position of the first choice standing for @id, or
 *   %KLYNGE_CHOICE_NOT_FOUND
 */
guint
klynge_choices_find_id (GListModel *choices,
                        gint64      id)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (choices), KLYNGE_CHOICE_NOT_FOUND);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(KlyngeChoice) choice = g_list_model_get_item (choices, i);

      if (choice->id == id)
        return i;
    }
  return KLYNGE_CHOICE_NOT_FOUND;
}

/**
 * klynge_choices_find_key:
 * @choices: a list of #KlyngeChoice
 *
 * Returns: the position of the first choice standing for @key, or
 *   %KLYNGE_CHOICE_NOT_FOUND
 */
guint
klynge_choices_find_key (GListModel *choices,
                         const char *key)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (choices), KLYNGE_CHOICE_NOT_FOUND);

  for (guint i = 0; key != NULL && i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(KlyngeChoice) choice = g_list_model_get_item (choices, i);

      if (g_strcmp0 (choice->key, key) == 0)
        return i;
    }
  return KLYNGE_CHOICE_NOT_FOUND;
}

/**
 * klynge_choices_equal:
 * @a: (nullable): a list of #KlyngeChoice; %NULL is an empty one
 * @b: (nullable): another
 *
 * Refilling a drop-down with the same choices would move its selection
 * and announce a change that did not happen.
 *
 * Returns: whether both offer the same choices, labelled alike, in the same order
 */
gboolean
klynge_choices_equal (GListModel *a,
                      GListModel *b)
{
  guint n_items = a != NULL ? g_list_model_get_n_items (a) : 0;

  if ((b != NULL ? g_list_model_get_n_items (b) : 0) != n_items)
    return FALSE;
  /* A drop-down's first model may be labels only. */
  if (n_items > 0 && (g_list_model_get_item_type (a) != KLYNGE_TYPE_CHOICE ||
                      g_list_model_get_item_type (b) != KLYNGE_TYPE_CHOICE))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(KlyngeChoice) one = g_list_model_get_item (a, i);
      g_autoptr(KlyngeChoice) other = g_list_model_get_item (b, i);

      if (one->id != other->id || g_strcmp0 (one->key, other->key) != 0 ||
          g_strcmp0 (one->label, other->label) != 0)
        return FALSE;
    }
  return TRUE;
}
