/* klynge-import-wide-row.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An indicator of a wide file (one column per measure): the columns that
 * hold its numerator and its denominator, or its value alone.
 */

#include "klynge-i18n.h"

#include "klynge-import-wide-row.h"
#include "klynge-picker.h"
#include "klynge-tooltip.h"

struct _KlyngeImportWideRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *numerator;
  GtkWidget    *denominator;

  char         *indicator;
};

G_DEFINE_FINAL_TYPE (KlyngeImportWideRow, klynge_import_wide_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_INDICATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
selected_cb (KlyngeImportWideRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The title is the indicator, as the batch row's is its batch's. */
static void
klynge_import_wide_row_constructed (GObject *object)
{
  KlyngeImportWideRow *self = KLYNGE_IMPORT_WIDE_ROW (object);

  G_OBJECT_CLASS (klynge_import_wide_row_parent_class)->constructed (object);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), self->indicator);
}

static void
klynge_import_wide_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KLYNGE_TYPE_IMPORT_WIDE_ROW);

  G_OBJECT_CLASS (klynge_import_wide_row_parent_class)->dispose (object);
}

static void
klynge_import_wide_row_finalize (GObject *object)
{
  KlyngeImportWideRow *self = KLYNGE_IMPORT_WIDE_ROW (object);

  g_free (self->indicator);

  G_OBJECT_CLASS (klynge_import_wide_row_parent_class)->finalize (object);
}

static void
klynge_import_wide_row_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  KlyngeImportWideRow *self = KLYNGE_IMPORT_WIDE_ROW (object);

  switch (prop_id)
    {
    case PROP_INDICATOR:
      g_value_set_string (value, self->indicator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_import_wide_row_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  KlyngeImportWideRow *self = KLYNGE_IMPORT_WIDE_ROW (object);

  switch (prop_id)
    {
    case PROP_INDICATOR:
      self->indicator = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_import_wide_row_class_init (KlyngeImportWideRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = klynge_import_wide_row_constructed;
  object_class->dispose = klynge_import_wide_row_dispose;
  object_class->finalize = klynge_import_wide_row_finalize;
  object_class->get_property = klynge_import_wide_row_get_property;
  object_class->set_property = klynge_import_wide_row_set_property;

  /**
   * KlyngeImportWideRow:indicator:
   *
   * The name of the indicator mapped, a known one or one the import creates.
   */
  properties[PROP_INDICATOR] =
    g_param_spec_string ("indicator", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KlyngeImportWideRow::changed:
   *
   * Another column was chosen: the assistant tells its sheet the mapping again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/data/klynge-import-wide-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportWideRow, numerator);
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportWideRow, denominator);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
}

static void
klynge_import_wide_row_init (KlyngeImportWideRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->numerator), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Numerator"), -1);
  klynge_tooltip_set_text (self->numerator, _("Numerator"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->denominator), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Denominator"), -1);
  klynge_tooltip_set_text (self->denominator, _("Denominator"));
}

/**
 * klynge_import_wide_row_new:
 * @indicator: the indicator's name
 * @columns: the file's columns, a list of #KlyngeChoice headed by "(none)"
 *
 * Returns: (transfer floating): a row mapping @indicator, no column chosen.
 */
GtkWidget *
klynge_import_wide_row_new (const char *indicator,
                            GListModel *columns)
{
  KlyngeImportWideRow *self;

  g_return_val_if_fail (indicator != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (columns), NULL);

  self = g_object_new (KLYNGE_TYPE_IMPORT_WIDE_ROW, "indicator", indicator, NULL);
  klynge_picker_set_choices (self->numerator, columns);
  klynge_picker_set_choices (self->denominator, columns);
  return GTK_WIDGET (self);
}

const char *
klynge_import_wide_row_get_indicator (KlyngeImportWideRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_IMPORT_WIDE_ROW (self), NULL);
  return self->indicator;
}

/* The header of the numerator's column (the value's when no denominator), or NULL. */
const char *
klynge_import_wide_row_get_numerator (KlyngeImportWideRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_IMPORT_WIDE_ROW (self), NULL);
  return klynge_picker_get_selected_key (self->numerator);
}

const char *
klynge_import_wide_row_get_denominator (KlyngeImportWideRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_IMPORT_WIDE_ROW (self), NULL);
  return klynge_picker_get_selected_key (self->denominator);
}

/* @numerator and @denominator are positions in the columns, 0 for none. */
void
klynge_import_wide_row_set_selected (KlyngeImportWideRow *self,
                                     guint                numerator,
                                     guint                denominator)
{
  g_return_if_fail (KLYNGE_IS_IMPORT_WIDE_ROW (self));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->numerator), numerator);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->denominator), denominator);
}

/* Focuses the numerator's drop-down, where mapping a new indicator starts. */
void
klynge_import_wide_row_focus (KlyngeImportWideRow *self)
{
  g_return_if_fail (KLYNGE_IS_IMPORT_WIDE_ROW (self));
  gtk_widget_grab_focus (self->numerator);
}
