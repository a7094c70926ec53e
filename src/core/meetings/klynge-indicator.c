/* klynge-indicator.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An indicator of the topic library, and the units an indicator is
 * measured in.
 */

#include "klynge-i18n.h"

#include "klynge-indicator.h"

G_DEFINE_FINAL_TYPE (KlyngeIndicator, klynge_indicator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TOPIC_ID,
  PROP_PACKAGE_KEY,
  PROP_NAME,
  PROP_NUMERATOR_DEFINITION,
  PROP_DENOMINATOR_DEFINITION,
  PROP_UNIT,
  PROP_RATE_PER,
  PROP_UNIT_LABEL,
  PROP_HIGHER_IS_BETTER,
  PROP_DATA_SOURCE,
  PROP_USER_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const KlyngeIndicatorUnit units[] = {
  { "percent", KLYNGE_INDICATOR_RATE_PER_DEFAULT },
  { "count", KLYNGE_INDICATOR_RATE_PER_DEFAULT },
  { "rate", 1000 },
  { "rate", 100000 },
  { "value", KLYNGE_INDICATOR_RATE_PER_DEFAULT },
};

/* Text fields are never NULL: "" stands for nothing written. */
static void
set_text (KlyngeIndicator *self,
          char           **field,
          const char      *text,
          guint            prop)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (*field, text) == 0)
    return;
  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
klynge_indicator_finalize (GObject *object)
{
  KlyngeIndicator *self = KLYNGE_INDICATOR (object);

  g_free (self->package_key);
  g_free (self->name);
  g_free (self->numerator_definition);
  g_free (self->denominator_definition);
  g_free (self->unit);
  g_free (self->data_source);

  G_OBJECT_CLASS (klynge_indicator_parent_class)->finalize (object);
}

static void
klynge_indicator_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KlyngeIndicator *self = KLYNGE_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TOPIC_ID:
      g_value_set_int64 (value, self->topic_id);
      break;
    case PROP_PACKAGE_KEY:
      g_value_set_string (value, self->package_key);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_NUMERATOR_DEFINITION:
      g_value_set_string (value, self->numerator_definition);
      break;
    case PROP_DENOMINATOR_DEFINITION:
      g_value_set_string (value, self->denominator_definition);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_RATE_PER:
      g_value_set_int64 (value, self->rate_per);
      break;
    case PROP_UNIT_LABEL:
      g_value_set_string (value, klynge_indicator_unit_label (self->unit, self->rate_per));
      break;
    case PROP_HIGHER_IS_BETTER:
      g_value_set_boolean (value, self->higher_is_better);
      break;
    case PROP_DATA_SOURCE:
      g_value_set_string (value, self->data_source);
      break;
    case PROP_USER_MODIFIED:
      g_value_set_boolean (value, self->user_modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_indicator_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KlyngeIndicator *self = KLYNGE_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      klynge_indicator_set_name (self, g_value_get_string (value));
      break;
    case PROP_NUMERATOR_DEFINITION:
      klynge_indicator_set_numerator_definition (self, g_value_get_string (value));
      break;
    case PROP_DENOMINATOR_DEFINITION:
      klynge_indicator_set_denominator_definition (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      klynge_indicator_set_unit (self, g_value_get_string (value), self->rate_per);
      break;
    case PROP_RATE_PER:
      klynge_indicator_set_unit (self, self->unit, g_value_get_int64 (value));
      break;
    case PROP_HIGHER_IS_BETTER:
      klynge_indicator_set_higher_is_better (self, g_value_get_boolean (value));
      break;
    case PROP_DATA_SOURCE:
      klynge_indicator_set_data_source (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_indicator_class_init (KlyngeIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags writable = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = klynge_indicator_finalize;
  object_class->get_property = klynge_indicator_get_property;
  object_class->set_property = klynge_indicator_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, readable);
  properties[PROP_TOPIC_ID] = g_param_spec_int64 ("topic-id", NULL, NULL, 0, G_MAXINT64, 0, readable);
  properties[PROP_PACKAGE_KEY] = g_param_spec_string ("package-key", NULL, NULL, NULL, readable);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, writable);
  properties[PROP_NUMERATOR_DEFINITION] = g_param_spec_string ("numerator-definition", NULL, NULL, NULL, writable);
  properties[PROP_DENOMINATOR_DEFINITION] = g_param_spec_string ("denominator-definition", NULL, NULL, NULL, writable);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, writable);
  properties[PROP_RATE_PER] = g_param_spec_int64 ("rate-per", NULL, NULL, 0, G_MAXINT64,
                                                  KLYNGE_INDICATOR_RATE_PER_DEFAULT, writable);
  /**
   * KlyngeIndicator:unit-label:
   *
   * The unit in the user's words: "Rate per 1,000".
   */
  properties[PROP_UNIT_LABEL] = g_param_spec_string ("unit-label", NULL, NULL, NULL, readable);
  properties[PROP_HIGHER_IS_BETTER] = g_param_spec_boolean ("higher-is-better", NULL, NULL, TRUE, writable);
  properties[PROP_DATA_SOURCE] = g_param_spec_string ("data-source", NULL, NULL, NULL, writable);
  /**
   * KlyngeIndicator:user-modified:
   *
   * Whether a user edited a shipped indicator, which a library update then keeps.
   */
  properties[PROP_USER_MODIFIED] = g_param_spec_boolean ("user-modified", NULL, NULL, FALSE, readable);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_indicator_init (KlyngeIndicator *self)
{
  self->name = g_strdup ("");
  self->numerator_definition = g_strdup ("");
  self->denominator_definition = g_strdup ("");
  self->unit = g_strdup ("percent");
  self->rate_per = KLYNGE_INDICATOR_RATE_PER_DEFAULT;
  self->higher_is_better = TRUE;
  self->data_source = g_strdup ("");
}

KlyngeIndicator *
klynge_indicator_new (void)
{
  return g_object_new (KLYNGE_TYPE_INDICATOR, NULL);
}

/**
 * klynge_indicator_copy:
 *
 * Returns: (transfer full): a new indicator with @self's fields, to be
 *   edited without changing @self
 */
KlyngeIndicator *
klynge_indicator_copy (KlyngeIndicator *self)
{
  KlyngeIndicator *copy;

  g_return_val_if_fail (KLYNGE_IS_INDICATOR (self), NULL);

  copy = klynge_indicator_new ();
  copy->id = self->id;
  copy->topic_id = self->topic_id;
  copy->package_key = g_strdup (self->package_key);
  klynge_indicator_set_name (copy, self->name);
  klynge_indicator_set_numerator_definition (copy, self->numerator_definition);
  klynge_indicator_set_denominator_definition (copy, self->denominator_definition);
  klynge_indicator_set_unit (copy, self->unit, self->rate_per);
  copy->higher_is_better = self->higher_is_better;
  klynge_indicator_set_data_source (copy, self->data_source);
  copy->user_modified = self->user_modified;
  return copy;
}

void
klynge_indicator_set_name (KlyngeIndicator *self,
                           const char      *name)
{
  g_return_if_fail (KLYNGE_IS_INDICATOR (self));
  set_text (self, &self->name, name, PROP_NAME);
}

void
klynge_indicator_set_numerator_definition (KlyngeIndicator *self,
                                           const char      *definition)
{
  g_return_if_fail (KLYNGE_IS_INDICATOR (self));
  set_text (self, &self->numerator_definition, definition, PROP_NUMERATOR_DEFINITION);
}

void
klynge_indicator_set_denominator_definition (KlyngeIndicator *self,
                                             const char      *definition)
{
  g_return_if_fail (KLYNGE_IS_INDICATOR (self));
  set_text (self, &self->denominator_definition, definition, PROP_DENOMINATOR_DEFINITION);
}

/**
 * klynge_indicator_set_unit:
 * @unit: percent, count, rate or value
 * @rate_per: a rate's base, 1,000 or 100,000; kept for the other units
 *
 * Sets the two together, as klynge_indicator_units() offers them, so that
 * the unit's label changes once.
 */
void
klynge_indicator_set_unit (KlyngeIndicator *self,
                           const char      *unit,
                           gint64           rate_per)
{
  g_autofree char *label = NULL;

  g_return_if_fail (KLYNGE_IS_INDICATOR (self));

  label = g_strdup (klynge_indicator_unit_label (self->unit, self->rate_per));
  g_object_freeze_notify (G_OBJECT (self));
  set_text (self, &self->unit, unit, PROP_UNIT);
  if (self->rate_per != rate_per)
    {
      self->rate_per = rate_per;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE_PER]);
    }
  if (!g_str_equal (label, klynge_indicator_unit_label (self->unit, self->rate_per)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
klynge_indicator_set_higher_is_better (KlyngeIndicator *self,
                                       gboolean         higher_is_better)
{
  g_return_if_fail (KLYNGE_IS_INDICATOR (self));

  higher_is_better = !!higher_is_better;
  if (self->higher_is_better == higher_is_better)
    return;
  self->higher_is_better = higher_is_better;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHER_IS_BETTER]);
}

void
klynge_indicator_set_data_source (KlyngeIndicator *self,
                                  const char      *data_source)
{
  g_return_if_fail (KLYNGE_IS_INDICATOR (self));
  set_text (self, &self->data_source, data_source, PROP_DATA_SOURCE);
}

/* Returns: (array length=n_units): what an indicator editor offers, in order */
const KlyngeIndicatorUnit *
klynge_indicator_units (guint *n_units)
{
  *n_units = G_N_ELEMENTS (units);
  return units;
}

const char *
klynge_indicator_unit_label (const char *unit,
                             gint64      rate_per)
{
  if (g_strcmp0 (unit, "percent") == 0)
    return _("Percent");
  if (g_strcmp0 (unit, "count") == 0)
    return _("Count");
  if (g_strcmp0 (unit, "rate") == 0)
    return rate_per == 100000 ? _("Rate per 100,000") : _("Rate per 1,000");
  return _("Value");
}

KlyngeIndicatorType
klynge_indicator_type_of_unit (const char *unit)
{
  if (g_strcmp0 (unit, "percent") == 0)
    return KLYNGE_INDICATOR_PROPORTION;
  if (g_strcmp0 (unit, "rate") == 0)
    return KLYNGE_INDICATOR_RATE;
  return KLYNGE_INDICATOR_VALUE;
}

const char *
klynge_indicator_type_to_unit (KlyngeIndicatorType type)
{
  switch (type)
    {
    case KLYNGE_INDICATOR_PROPORTION:
      return "percent";
    case KLYNGE_INDICATOR_RATE:
      return "rate";
    case KLYNGE_INDICATOR_VALUE:
    default:
      return "value";
    }
}

/* What numerator / denominator is multiplied by to be shown: 100 for a
 * percentage, 1,000 for a rate per 1,000, 1 for a plain value. */
double
klynge_indicator_multiplier (const char *unit,
                             gint64      rate_per)
{
  switch (klynge_indicator_type_of_unit (unit))
    {
    case KLYNGE_INDICATOR_PROPORTION:
      return 100;
    case KLYNGE_INDICATOR_RATE:
      return rate_per > 0 ? rate_per : KLYNGE_INDICATOR_RATE_PER_DEFAULT;
    case KLYNGE_INDICATOR_VALUE:
    default:
      return 1;
    }
}
