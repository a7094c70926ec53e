/* klynge-cluster-editor.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include "klynge-cluster-details.h"
#include "klynge-cluster-editor.h"
#include "klynge-date-row.h"
#include "klynge-edit-guard.h"
#include "klynge-field-check.h"
#include "klynge-focus.h"
#include "klynge-format.h"
#include "klynge-money.h"
#include "klynge-read-only.h"
#include "klynge-record.h"
#include "klynge-rules.h"

struct _KlyngeClusterEditor
{
  AdwWindow             parent_instance;

  GtkWidget      *content;
  GtkLabel             *problems_label;
  AdwEntryRow          *name_row;
  AdwEntryRow          *region_row;
  AdwEntryRow          *municipalities_row;
  KlyngeDateRow        *founded_row;
  AdwEntryRow          *registration_row;
  AdwEntryRow          *bank_row;
  AdwEntryRow          *threshold_row;
  AdwEntryRow          *minimum_row;
  AdwEntryRow          *per_gp_row;
  AdwEntryRow          *per_patient_row;
  GtkTextView          *notes_view;

  KlyngeDb             *db;
  KlyngeClusterDetails  details;
  gboolean              touched;   /* a new cluster's empty name is no problem until the user types */
};

G_DEFINE_FINAL_TYPE (KlyngeClusterEditor, klynge_cluster_editor, ADW_TYPE_WINDOW)

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

/* Reads the form into @details; the first problem of each field is marked
 * in @check. Returns FALSE when a field cannot be read. */
static gboolean
read_form (KlyngeClusterEditor  *self,
           KlyngeClusterDetails *details,
           KlyngeFieldCheck     *check)
{
  const char *currency = self->details.currency != NULL ? self->details.currency : "DKK";
  GError *error = NULL;
  gboolean ok = TRUE;

  klynge_record_set_text (&details->name, text_of (self->name_row));
  klynge_record_set_text (&details->region, text_of (self->region_row));
  klynge_record_set_text (&details->municipalities, text_of (self->municipalities_row));
  klynge_record_set_text (&details->registration_number, text_of (self->registration_row));
  klynge_record_set_text (&details->bank_account, text_of (self->bank_row));
  g_clear_pointer (&details->founded_on, g_free);

  ok &= klynge_parse_optional_date (gtk_editable_get_text (GTK_EDITABLE (self->founded_row)),
                                    &details->founded_on, &error);
  klynge_field_check_mark (check, GTK_WIDGET (self->founded_row), g_steal_pointer (&error));
  ok &= klynge_rules_parse_percent (text_of (self->threshold_row), &details->attendance_threshold, &error);
  klynge_field_check_mark (check, GTK_WIDGET (self->threshold_row), g_steal_pointer (&error));
  ok &= klynge_money_parse_count (text_of (self->minimum_row), &details->min_listed_patients, &error);
  klynge_field_check_mark (check, GTK_WIDGET (self->minimum_row), g_steal_pointer (&error));
  ok &= klynge_money_parse (text_of (self->per_gp_row), currency, &details->start_grant_per_gp, &error);
  if (error == NULL && details->start_grant_per_gp < 0)
    g_set_error (&error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("Grant rates cannot be negative."));
  klynge_field_check_mark (check, GTK_WIDGET (self->per_gp_row), g_steal_pointer (&error));
  ok &= klynge_money_parse (text_of (self->per_patient_row), currency, &details->grant_per_patient, &error);
  if (error == NULL && details->grant_per_patient < 0)
    g_set_error (&error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("Grant rates cannot be negative."));
  klynge_field_check_mark (check, GTK_WIDGET (self->per_patient_row), g_steal_pointer (&error));
  return ok;
}

static void
check (KlyngeClusterEditor *self)
{
  g_auto(KlyngeClusterDetails) details = { 0 };
  KlyngeFieldCheck check;
  GError *error = NULL;
  gboolean missing;

  klynge_field_check_init (&check);
  missing = !klynge_rules_check_required (text_of (self->name_row), _("The cluster needs a name."), &error);
  if (!self->touched)
    g_clear_error (&error);
  klynge_field_check_mark (&check, GTK_WIDGET (self->name_row), g_steal_pointer (&error));
  read_form (self, &details, &check);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cluster.save",
                                 klynge_field_check_finish (&check, self->problems_label) && !missing);
}

static void
field_changed_cb (KlyngeClusterEditor *self)
{
  self->touched = TRUE;
  check (self);
}

/* Enter in a field saves and closes, as in GNOME's dialogs. */
static void
entry_activated_cb (KlyngeClusterEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "cluster.save", NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlyngeClusterEditor *self = KLYNGE_CLUSTER_EDITOR (widget);
  g_auto(KlyngeClusterDetails) details = { 0 };
  g_autoptr(GError) error = NULL;
  KlyngeFieldCheck check;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  klynge_field_check_init (&check);
  details.id = self->details.id;
  if (!read_form (self, &details, &check))
    {
      klynge_field_check_finish (&check, self->problems_label);
      return;
    }
  klynge_field_check_finish (&check, self->problems_label);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  details.notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (!klynge_cluster_details_save (self->db, &details, &error))
    {
      klynge_field_check_show_error (self->problems_label, error);
      return;
    }

  /* A second Enter or click before the window is gone (a slow close, a key
   * repeat) saves the same cluster again instead of creating its twin. */
  self->details.id = details.id;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cluster.save", FALSE);
  g_signal_emit (self, signals[SAVED], 0, details.id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
klynge_cluster_editor_dispose (GObject *object)
{
  KlyngeClusterEditor *self = KLYNGE_CLUSTER_EDITOR (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (klynge_cluster_editor_parent_class)->dispose (object);
}

static void
klynge_cluster_editor_finalize (GObject *object)
{
  KlyngeClusterEditor *self = KLYNGE_CLUSTER_EDITOR (object);

  klynge_cluster_details_clear (&self->details);

  G_OBJECT_CLASS (klynge_cluster_editor_parent_class)->finalize (object);
}

static void
klynge_cluster_editor_class_init (KlyngeClusterEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_cluster_editor_dispose;
  object_class->finalize = klynge_cluster_editor_finalize;

  /**
   * KlyngeClusterEditor::saved:
   * @cluster_id: the cluster written
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (KLYNGE_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/clusters/klynge-cluster-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterEditor, content);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterEditor, problems_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterEditor, municipalities_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterEditor, founded_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterEditor, registration_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterEditor, bank_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterEditor, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterEditor, minimum_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterEditor, per_gp_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterEditor, per_patient_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "cluster.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "cluster.save", NULL);
}

static void
klynge_cluster_editor_init (KlyngeClusterEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_focus_on_show (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

KlyngeClusterEditor *
klynge_cluster_editor_new (GtkWindow *parent,
                           KlyngeDb  *db,
                           gint64     cluster_id)
{
  KlyngeClusterEditor *self = g_object_new (KLYNGE_TYPE_CLUSTER_EDITOR, "transient-for", parent, NULL);
  g_autofree char *threshold = NULL, *minimum = NULL, *per_gp = NULL, *per_patient = NULL;
  g_autoptr(GError) error = NULL;

  self->db = g_object_ref (db);
  if (cluster_id == 0 || !klynge_cluster_details_load (db, cluster_id, &self->details, &error))
    {
      /* The Danish rules, which most users of Klynge follow. */
      self->details.id = 0;
      self->details.attendance_threshold = 0.75;
      self->details.min_listed_patients = 30000;
      self->details.start_grant_per_gp = 1000000;
      self->details.grant_per_patient = 426;
      gtk_window_set_title (GTK_WINDOW (self), _("New Cluster"));
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Cluster"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->details.name);
      gtk_editable_set_text (GTK_EDITABLE (self->region_row), self->details.region);
      gtk_editable_set_text (GTK_EDITABLE (self->municipalities_row), self->details.municipalities);
      klynge_date_row_set_date (self->founded_row, self->details.founded_on);
      gtk_editable_set_text (GTK_EDITABLE (self->registration_row), self->details.registration_number);
      gtk_editable_set_text (GTK_EDITABLE (self->bank_row), self->details.bank_account);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), self->details.notes, -1);
    }

  threshold = g_strdup_printf ("%g", self->details.attendance_threshold * 100);
  minimum = g_strdup_printf ("%" G_GINT64_FORMAT, self->details.min_listed_patients);
  per_gp = klynge_money_format (self->details.start_grant_per_gp, NULL);
  per_patient = klynge_money_format (self->details.grant_per_patient, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->threshold_row), threshold);
  gtk_editable_set_text (GTK_EDITABLE (self->minimum_row), minimum);
  gtk_editable_set_text (GTK_EDITABLE (self->per_gp_row), per_gp);
  gtk_editable_set_text (GTK_EDITABLE (self->per_patient_row), per_patient);
  self->touched = cluster_id != 0;

  check (self);
  klynge_read_only_apply_editor (GTK_WIDGET (self), self->content, self->db,
                                 (const char *[]) { "cluster.save", NULL },
                                 /* Translators: the title of a cluster's details that cannot be changed */
                                 cluster_id != 0 ? C_("window title", "Cluster") : NULL);
  klynge_edit_guard_protect (GTK_WINDOW (self), self->content, "cluster.save");
  /* Details that could not be read are not shown as a new cluster's, which
   * saving would turn into a twin of the one asked for. */
  if (error != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Cluster"));
      klynge_field_check_show_error (self->problems_label, error);
      gtk_widget_set_sensitive (self->content, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "cluster.save", FALSE);
    }
  return self;
}
