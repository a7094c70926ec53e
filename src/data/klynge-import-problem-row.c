/* klynge-import-problem-row.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A name the import sheet could not place (a clinic or an indicator the
 * cluster does not know): the file's words and the choice of a known one,
 * the closest preselected.
 */

#include "klynge-import-problem-row.h"
#include "klynge-picker.h"

struct _KlyngeImportProblemRow
{
  AdwComboRow              parent_instance;

  char                    *alias;
  KlyngeImportProblemKind  kind;
};

G_DEFINE_FINAL_TYPE (KlyngeImportProblemRow, klynge_import_problem_row, ADW_TYPE_COMBO_ROW)

enum {
  PROP_0,
  PROP_ALIAS,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
klynge_import_problem_row_finalize (GObject *object)
{
  KlyngeImportProblemRow *self = KLYNGE_IMPORT_PROBLEM_ROW (object);

  g_free (self->alias);

  G_OBJECT_CLASS (klynge_import_problem_row_parent_class)->finalize (object);
}

static void
klynge_import_problem_row_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  KlyngeImportProblemRow *self = KLYNGE_IMPORT_PROBLEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ALIAS:
      g_value_set_string (value, self->alias);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_import_problem_row_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  KlyngeImportProblemRow *self = KLYNGE_IMPORT_PROBLEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ALIAS:
      self->alias = g_value_dup_string (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_import_problem_row_class_init (KlyngeImportProblemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = klynge_import_problem_row_finalize;
  object_class->get_property = klynge_import_problem_row_get_property;
  object_class->set_property = klynge_import_problem_row_set_property;

  /**
   * KlyngeImportProblemRow:alias:
   *
   * The file's words for the clinic or indicator, as the file has them.
   */
  properties[PROP_ALIAS] =
    g_param_spec_string ("alias", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KlyngeImportProblemRow:kind:
   *
   * A #KlyngeImportProblemKind: an unknown clinic or an unknown indicator.
   */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/data/klynge-import-problem-row.ui");
}

static void
klynge_import_problem_row_init (KlyngeImportProblemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * klynge_import_problem_row_new:
 * @problem: an unknown clinic or indicator of the checked file
 * @title: the file's words as shown (masked on the projector)
 * @subtitle: what kind of name it is
 * @choices: the known ones, a list of #KlyngeChoice
 *
 * Returns: (transfer floating): a row offering @choices for @problem's text,
 * its first suggestion chosen.
 */
GtkWidget *
klynge_import_problem_row_new (const KlyngeImportProblem *problem,
                               const char                *title,
                               const char                *subtitle,
                               GListModel                *choices)
{
  GtkWidget *row;

  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (choices), NULL);

  row = g_object_new (KLYNGE_TYPE_IMPORT_PROBLEM_ROW,
                      "alias", problem->text,
                      "kind", problem->kind,
                      "title", title,
                      "subtitle", subtitle,
                      NULL);
  klynge_picker_set_choices (row, choices);
  if (problem->suggestions != NULL)
    klynge_picker_select_key (row, problem->suggestions[0]);
  return row;
}

const char *
klynge_import_problem_row_get_alias (KlyngeImportProblemRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_IMPORT_PROBLEM_ROW (self), NULL);
  return self->alias;
}

KlyngeImportProblemKind
klynge_import_problem_row_get_kind (KlyngeImportProblemRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_IMPORT_PROBLEM_ROW (self), 0);
  return self->kind;
}
