/* klynge-indicator-editor.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields of an indicator, bound to a #KlyngeIndicator: what is typed
 * is in the indicator as it is typed, and saving it is its owner's work.
 */

#include "klynge-indicator-editor.h"

struct _KlyngeIndicatorEditor
{
  GtkBox           parent_instance;

  GtkEntry        *name_entry;
  GtkEntry        *numerator_entry;
  GtkEntry        *denominator_entry;
  GtkEntry        *source_entry;
  GtkDropDown     *unit_dropdown;
  GtkCheckButton  *higher_check;

  KlyngeIndicator *indicator;
};

G_DEFINE_FINAL_TYPE (KlyngeIndicatorEditor, klynge_indicator_editor, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_INDICATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A rate is told apart by its base; the other units have one choice each. */
static guint
unit_position (KlyngeIndicator *indicator)
{
  guint n_units;
  const KlyngeIndicatorUnit *units = klynge_indicator_units (&n_units);

  for (guint i = 0; i < n_units; i++)
    if (g_str_equal (units[i].unit, indicator->unit) &&
        (klynge_indicator_type_of_unit (indicator->unit) != KLYNGE_INDICATOR_RATE || units[i].rate_per == indicator->rate_per))
      return i;
  return 0;
}

static void
unit_selected_cb (KlyngeIndicatorEditor *self)
{
  guint n_units;
  const KlyngeIndicatorUnit *units = klynge_indicator_units (&n_units);
  guint position = MIN (gtk_drop_down_get_selected (self->unit_dropdown), n_units - 1);

  klynge_indicator_set_unit (self->indicator, units[position].unit, units[position].rate_per);
}

static void
bind_text (KlyngeIndicatorEditor *self,
           const char            *property,
           GtkEntry              *entry)
{
  g_object_bind_property (self->indicator, property, entry, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
set_indicator (KlyngeIndicatorEditor *self,
               KlyngeIndicator       *indicator)
{
  self->indicator = indicator != NULL ? g_object_ref (indicator) : klynge_indicator_new ();
  bind_text (self, "name", self->name_entry);
  bind_text (self, "numerator-definition", self->numerator_entry);
  bind_text (self, "denominator-definition", self->denominator_entry);
  bind_text (self, "data-source", self->source_entry);
  g_object_bind_property (self->indicator, "higher-is-better", self->higher_check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_drop_down_set_selected (self->unit_dropdown, unit_position (self->indicator));
  g_signal_connect_object (self->unit_dropdown, "notify::selected", G_CALLBACK (unit_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
klynge_indicator_editor_dispose (GObject *object)
{
  KlyngeIndicatorEditor *self = KLYNGE_INDICATOR_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_INDICATOR_EDITOR);
  g_clear_object (&self->indicator);

  G_OBJECT_CLASS (klynge_indicator_editor_parent_class)->dispose (object);
}

static void
klynge_indicator_editor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  KlyngeIndicatorEditor *self = KLYNGE_INDICATOR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_INDICATOR:
      g_value_set_object (value, self->indicator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_indicator_editor_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  KlyngeIndicatorEditor *self = KLYNGE_INDICATOR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_INDICATOR:
      set_indicator (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_indicator_editor_class_init (KlyngeIndicatorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_indicator_editor_dispose;
  object_class->get_property = klynge_indicator_editor_get_property;
  object_class->set_property = klynge_indicator_editor_set_property;

  /**
   * KlyngeIndicatorEditor:indicator:
   *
   * The indicator the fields show and change; a new one when none is given.
   */
  properties[PROP_INDICATOR] =
    g_param_spec_object ("indicator", NULL, NULL, KLYNGE_TYPE_INDICATOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-indicator-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeIndicatorEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, KlyngeIndicatorEditor, numerator_entry);
  gtk_widget_class_bind_template_child (widget_class, KlyngeIndicatorEditor, denominator_entry);
  gtk_widget_class_bind_template_child (widget_class, KlyngeIndicatorEditor, source_entry);
  gtk_widget_class_bind_template_child (widget_class, KlyngeIndicatorEditor, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KlyngeIndicatorEditor, higher_check);
}

static void
klynge_indicator_editor_init (KlyngeIndicatorEditor *self)
{
  g_autoptr(GtkStringList) unit_labels = gtk_string_list_new (NULL);
  guint n_units;
  const KlyngeIndicatorUnit *units = klynge_indicator_units (&n_units);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < n_units; i++)
    gtk_string_list_append (unit_labels, klynge_indicator_unit_label (units[i].unit, units[i].rate_per));
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (unit_labels));
}

/**
 * klynge_indicator_editor_new:
 * @indicator: (nullable): the indicator to edit; %NULL for a new one
 */
GtkWidget *
klynge_indicator_editor_new (KlyngeIndicator *indicator)
{
  return g_object_new (KLYNGE_TYPE_INDICATOR_EDITOR, "indicator", indicator, NULL);
}

/**
 * klynge_indicator_editor_get_indicator:
 *
 * Returns: (transfer none): the indicator, as the fields have changed it
 */
KlyngeIndicator *
klynge_indicator_editor_get_indicator (KlyngeIndicatorEditor *self)
{
  g_return_val_if_fail (KLYNGE_IS_INDICATOR_EDITOR (self), NULL);
  return self->indicator;
}

/* The field without which the indicator cannot be saved. */
GtkWidget *
klynge_indicator_editor_get_name_entry (KlyngeIndicatorEditor *self)
{
  g_return_val_if_fail (KLYNGE_IS_INDICATOR_EDITOR (self), NULL);
  return GTK_WIDGET (self->name_entry);
}
