/* klynge-import-clinic-row.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A clinic of the checked file that is not in the cluster, with the box that
 * says whether the import creates it.
 */

#include "klynge-i18n.h"

#include "klynge-format.h"
#include "klynge-import-clinic-row.h"

struct _KlyngeImportClinicRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *check;

  char         *clinic;
};

G_DEFINE_FINAL_TYPE (KlyngeImportClinicRow, klynge_import_clinic_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CLINIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { TOGGLED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
check_toggled_cb (KlyngeImportClinicRow *self)
{
  g_signal_emit (self, signals[TOGGLED], 0);
}

static void
klynge_import_clinic_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KLYNGE_TYPE_IMPORT_CLINIC_ROW);

  G_OBJECT_CLASS (klynge_import_clinic_row_parent_class)->dispose (object);
}

static void
klynge_import_clinic_row_finalize (GObject *object)
{
  KlyngeImportClinicRow *self = KLYNGE_IMPORT_CLINIC_ROW (object);

  g_free (self->clinic);

  G_OBJECT_CLASS (klynge_import_clinic_row_parent_class)->finalize (object);
}

static void
klynge_import_clinic_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  KlyngeImportClinicRow *self = KLYNGE_IMPORT_CLINIC_ROW (object);

  switch (prop_id)
    {
    case PROP_CLINIC:
      g_value_set_string (value, self->clinic);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_import_clinic_row_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  KlyngeImportClinicRow *self = KLYNGE_IMPORT_CLINIC_ROW (object);

  switch (prop_id)
    {
    case PROP_CLINIC:
      self->clinic = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_import_clinic_row_class_init (KlyngeImportClinicRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_import_clinic_row_dispose;
  object_class->finalize = klynge_import_clinic_row_finalize;
  object_class->get_property = klynge_import_clinic_row_get_property;
  object_class->set_property = klynge_import_clinic_row_set_property;

  /**
   * KlyngeImportClinicRow:clinic:
   *
   * The file's number for the clinic, or its name when it has none: the
   * text the import is told to create.
   */
  properties[PROP_CLINIC] =
    g_param_spec_string ("clinic", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KlyngeImportClinicRow::toggled:
   *
   * The box was ticked or unticked: the sheet chooses the clinics again.
   */
  signals[TOGGLED] = g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/data/klynge-import-clinic-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeImportClinicRow, check);
  gtk_widget_class_bind_template_callback (widget_class, check_toggled_cb);
}

static void
klynge_import_clinic_row_init (KlyngeImportClinicRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * klynge_import_clinic_row_new:
 * @clinic: a clinic of the file not in the cluster
 * @number: its place among the file's such clinics, from 1
 * @hide_names: whether the projector shows: then neither name nor code
 * @ticked: whether the import creates it
 *
 * Returns: (transfer floating): the row of @clinic.
 */
GtkWidget *
klynge_import_clinic_row_new (const KlyngeImportFileClinic *clinic,
                              guint                         number,
                              gboolean                      hide_names,
                              gboolean                      ticked)
{
  KlyngeImportClinicRow *self;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *n_rows = NULL;

  g_return_val_if_fail (clinic != NULL, NULL);

  n_rows = klynge_format_integer (clinic->n_rows);
  /* On the projector neither the file's name nor its code: either could
   * tell a clinic the slides show only by letter. */
  title = hide_names ? g_strdup_printf (_("Clinic %u of the file"), number) : g_strdup (clinic->name);
  /* The code beside the name only when it adds to it: a file without
   * names has the code as the title already. */
  if (!hide_names && clinic->number != NULL && g_strcmp0 (clinic->number, clinic->name) != 0)
    /* Translators: the clinic's code in the file, then a grouped number of rows */
    subtitle = g_strdup_printf (ngettext ("%s, %s row", "%s, %s rows", clinic->n_rows), clinic->number, n_rows);
  else
    /* Translators: %s is a number, grouped as the locale groups it ("1,234") */
    subtitle = g_strdup_printf (ngettext ("%s row", "%s rows", clinic->n_rows), n_rows);
  self = g_object_new (KLYNGE_TYPE_IMPORT_CLINIC_ROW,
                       "clinic", clinic->number ? clinic->number : clinic->name,
                       "title", title,
                       "subtitle", subtitle,
                       NULL);
  /* Before the sheet listens: building the row is no choice. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->check), ticked);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return GTK_WIDGET (self);
}

const char *
klynge_import_clinic_row_get_clinic (KlyngeImportClinicRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_IMPORT_CLINIC_ROW (self), NULL);
  return self->clinic;
}

gboolean
klynge_import_clinic_row_get_ticked (KlyngeImportClinicRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_IMPORT_CLINIC_ROW (self), FALSE);
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (self->check));
}
