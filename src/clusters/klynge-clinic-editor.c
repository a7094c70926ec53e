/* klynge-clinic-editor.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include "klynge-clinic-editor.h"
#include "klynge-date-row.h"
#include "klynge-edit-guard.h"
#include "klynge-field-check.h"
#include "klynge-focus.h"
#include "klynge-read-only.h"
#include "klynge-record.h"
#include "klynge-money.h"
#include "klynge-rules.h"

struct _KlyngeClinicEditor
{
  AdwWindow      parent_instance;

  GtkWidget      *content;
  GtkLabel      *problems_label;
  AdwEntryRow   *name_row;
  AdwEntryRow   *number_row;
  AdwEntryRow   *patients_row;
  AdwEntryRow   *record_system_row;
  GtkMenuButton *record_system_button;
  AdwEntryRow   *address_row;
  AdwEntryRow   *phone_row;
  AdwEntryRow   *email_row;
  KlyngeDateRow *joined_row;
  KlyngeDateRow *left_row;
  AdwEntryRow   *notes_row;

  KlyngeDb      *db;
  gint64         cluster_id;
  gint64         clinic_id;
  gboolean       touched;   /* a new clinic's empty name is no problem until the user types */
};

G_DEFINE_FINAL_TYPE (KlyngeClinicEditor, klynge_clinic_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Every rule of klynge_clinic_validate(), field by field. */
static void
check (KlyngeClinicEditor *self)
{
  KlyngeFieldCheck check;
  GError *error = NULL;
  gboolean missing;
  gint64 patients;

  klynge_field_check_init (&check);
  missing = !klynge_rules_check_required (text_of (self->name_row), _("The clinic needs a name."), &error);
  if (!self->touched)
    g_clear_error (&error);
  klynge_field_check_mark (&check, GTK_WIDGET (self->name_row), g_steal_pointer (&error));
  klynge_clinic_check_provider_number (self->db, self->cluster_id, self->clinic_id,
                                       text_of (self->number_row), &error);
  klynge_field_check_mark (&check, GTK_WIDGET (self->number_row), g_steal_pointer (&error));
  klynge_money_parse_count (text_of (self->patients_row), &patients, &error);
  klynge_field_check_mark (&check, GTK_WIDGET (self->patients_row), g_steal_pointer (&error));
  klynge_rules_check_email (text_of (self->email_row), &error);
  klynge_field_check_mark (&check, GTK_WIDGET (self->email_row), g_steal_pointer (&error));
  klynge_field_check_period (&check, GTK_WIDGET (self->joined_row), GTK_WIDGET (self->left_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clinic.save",
                                 klynge_field_check_finish (&check, self->problems_label) && !missing);
}

static void
field_changed_cb (KlyngeClinicEditor *self)
{
  self->touched = TRUE;
  check (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlyngeClinicEditor *self = KLYNGE_CLINIC_EDITOR (widget);
  g_autoptr(KlyngeClinic) clinic = klynge_clinic_new ();
  g_autoptr(GError) error = NULL;

  clinic->id = self->clinic_id;
  klynge_record_set_text (&clinic->name, text_of (self->name_row));
  klynge_record_set_text (&clinic->provider_number, text_of (self->number_row));
  klynge_record_set_text (&clinic->record_system, text_of (self->record_system_row));
  klynge_record_set_text (&clinic->address, text_of (self->address_row));
  klynge_record_set_text (&clinic->phone, text_of (self->phone_row));
  klynge_record_set_text (&clinic->email, text_of (self->email_row));
  klynge_record_set_text (&clinic->notes, text_of (self->notes_row));
  clinic->joined_on = klynge_date_row_get_date (self->joined_row);
  clinic->left_on = klynge_date_row_get_date (self->left_row);

  if (!klynge_money_parse_count (text_of (self->patients_row), &clinic->listed_patients, &error) ||
      !klynge_clinic_save (self->db, self->cluster_id, clinic, &error))
    {
      klynge_field_check_show_error (self->problems_label, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, clinic->id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
record_system_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KlyngeClinicEditor *self = KLYNGE_CLINIC_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->record_system_row), g_variant_get_string (parameter, NULL));
}

static void
klynge_clinic_editor_dispose (GObject *object)
{
  KlyngeClinicEditor *self = KLYNGE_CLINIC_EDITOR (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (klynge_clinic_editor_parent_class)->dispose (object);
}

static void
klynge_clinic_editor_class_init (KlyngeClinicEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_clinic_editor_dispose;

  /**
   * KlyngeClinicEditor::saved:
   * @clinic_id: the clinic written
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (KLYNGE_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/clusters/klynge-clinic-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeClinicEditor, content);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClinicEditor, problems_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClinicEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClinicEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClinicEditor, patients_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClinicEditor, record_system_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClinicEditor, record_system_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClinicEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClinicEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClinicEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClinicEditor, joined_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClinicEditor, left_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClinicEditor, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "clinic.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "clinic.record-system", "s", record_system_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "clinic.save", NULL);
}

static void
klynge_clinic_editor_init (KlyngeClinicEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_focus_on_show (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

static void
fill_record_systems (KlyngeClinicEditor *self)
{
  g_auto(GStrv) systems = klynge_clinic_record_systems (self->db, self->cluster_id);
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; systems[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (systems[i], NULL);

      g_menu_item_set_action_and_target (item, "clinic.record-system", "s", systems[i]);
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->record_system_button, G_MENU_MODEL (menu));
}

KlyngeClinicEditor *
klynge_clinic_editor_new (GtkWindow    *parent,
                          KlyngeDb     *db,
                          gint64        cluster_id,
                          KlyngeClinic *clinic)
{
  KlyngeClinicEditor *self = g_object_new (KLYNGE_TYPE_CLINIC_EDITOR, "transient-for", parent, NULL);

  self->db = g_object_ref (db);
  self->cluster_id = cluster_id;
  fill_record_systems (self);

  if (clinic != NULL)
    {
      g_autofree char *patients = g_strdup_printf ("%" G_GINT64_FORMAT, clinic->listed_patients);

      self->clinic_id = clinic->id;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Clinic"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), clinic->name);
      gtk_editable_set_text (GTK_EDITABLE (self->number_row), clinic->provider_number);
      gtk_editable_set_text (GTK_EDITABLE (self->patients_row), patients);
      gtk_editable_set_text (GTK_EDITABLE (self->record_system_row), clinic->record_system);
      gtk_editable_set_text (GTK_EDITABLE (self->address_row), clinic->address);
      gtk_editable_set_text (GTK_EDITABLE (self->phone_row), clinic->phone);
      gtk_editable_set_text (GTK_EDITABLE (self->email_row), clinic->email);
      klynge_date_row_set_date (self->joined_row, clinic->joined_on);
      klynge_date_row_set_date (self->left_row, clinic->left_on);
      gtk_editable_set_text (GTK_EDITABLE (self->notes_row), clinic->notes);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("New Clinic"));

  check (self);
  klynge_read_only_apply_editor (GTK_WIDGET (self), self->content, self->db,
                                 (const char *[]) { "clinic.save", "clinic.record-system", NULL },
                                 /* Translators: the title of a clinic's details that cannot be changed */
                                 clinic != NULL ? C_("window title", "Clinic") : NULL);
  klynge_edit_guard_protect (GTK_WINDOW (self), self->content, "clinic.save");
  return self;
}
