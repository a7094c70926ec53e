/* klynge-member-editor.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include "klynge-clinic.h"
#include "klynge-date-entry.h"
#include "klynge-date-row.h"
#include "klynge-edit-guard.h"
#include "klynge-field-check.h"
#include "klynge-focus.h"
#include "klynge-member-editor.h"
#include "klynge-picker.h"
#include "klynge-placeholder.h"
#include "klynge-read-only.h"
#include "klynge-record.h"
#include "klynge-rules.h"
#include "klynge-tooltip.h"

/* The widgets of one role: what, from, to. */
typedef struct
{
  GtkWidget   *row;
  GtkDropDown *role;
  KlyngeDateEntry *from;
  KlyngeDateEntry *to;
} RoleRow;

struct _KlyngeMemberEditor
{
  AdwWindow      parent_instance;

  GtkWidget      *content;
  GtkLabel      *problems_label;
  AdwEntryRow   *name_row;
  AdwComboRow   *title_row;
  AdwComboRow   *clinic_row;
  AdwEntryRow   *email_row;
  AdwEntryRow   *phone_row;
  GtkListBox    *roles_list;
  KlyngeDateRow  *joined_row;
  KlyngeDateRow  *left_row;
  AdwEntryRow   *notes_row;

  KlyngeDb      *db;
  gint64         cluster_id;
  gint64         member_id;
  GPtrArray     *roles;        /* RoleRow */
  gboolean       touched;      /* a new member's empty name is no problem until the user types */
};

G_DEFINE_FINAL_TYPE (KlyngeMemberEditor, klynge_member_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static KlyngeMember *
read_form (KlyngeMemberEditor *self)
{
  KlyngeMember *member = klynge_member_new ();

  member->id = self->member_id;
  klynge_record_set_text (&member->name, text_of (self->name_row));
  klynge_record_set_text (&member->title, klynge_picker_get_selected_key (self->title_row));
  member->clinic_id = klynge_picker_get_selected_id (self->clinic_row);
  klynge_record_set_text (&member->email, text_of (self->email_row));
  klynge_record_set_text (&member->phone, text_of (self->phone_row));
  klynge_record_set_text (&member->notes, text_of (self->notes_row));
  member->joined_on = klynge_date_row_get_date (self->joined_row);
  member->left_on = klynge_date_row_get_date (self->left_row);
  for (guint i = 0; i < self->roles->len; i++)
    {
      RoleRow *row = g_ptr_array_index (self->roles, i);
      g_autofree char *from = klynge_date_entry_get_date (row->from);
      g_autofree char *to = klynge_date_entry_get_date (row->to);

      g_ptr_array_add (member->roles, klynge_member_role_new (klynge_picker_get_selected_key (row->role),
                                                              from, to));
    }
  return member;
}

/* Every rule of klynge_member_validate(), field by field. */
static void
check (KlyngeMemberEditor *self)
{
  KlyngeFieldCheck check;
  GError *error = NULL;
  gboolean missing;

  klynge_field_check_init (&check);
  missing = !klynge_rules_check_required (text_of (self->name_row), _("The member needs a name."), &error);
  if (!self->touched)
    g_clear_error (&error);
  klynge_field_check_mark (&check, GTK_WIDGET (self->name_row), g_steal_pointer (&error));
  klynge_rules_check_email (text_of (self->email_row), &error);
  klynge_field_check_mark (&check, GTK_WIDGET (self->email_row), g_steal_pointer (&error));

  for (guint i = 0; i < self->roles->len; i++)
    {
      RoleRow *role = g_ptr_array_index (self->roles, i);

      klynge_field_check_period (&check, GTK_WIDGET (role->from), GTK_WIDGET (role->to));
    }

  klynge_field_check_period (&check, GTK_WIDGET (self->joined_row), GTK_WIDGET (self->left_row));

  /* Rules across fields (a role after leaving) once each field is right. */
  if (check.n_problems == 0 && !missing)
    {
      g_autoptr(KlyngeMember) member = read_form (self);

      if (!klynge_member_validate (self->db, self->cluster_id, member, &error))
        klynge_field_check_mark (&check, GTK_WIDGET (self->roles_list), g_steal_pointer (&error));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.save",
                                 klynge_field_check_finish (&check, self->problems_label) && !missing);
}

static void
field_changed_cb (KlyngeMemberEditor *self)
{
  self->touched = TRUE;
  check (self);
}

static void
remove_role_cb (GtkButton          *button,
                KlyngeMemberEditor *self)
{
  for (guint i = 0; i < self->roles->len; i++)
    {
      RoleRow *role = g_ptr_array_index (self->roles, i);

      if (gtk_widget_is_ancestor (GTK_WIDGET (button), role->row))
        {
          gtk_list_box_remove (self->roles_list, role->row);
          g_ptr_array_remove_index (self->roles, i);
          break;
        }
    }
  check (self);
}

static KlyngeDateEntry *
date_entry (KlyngeMemberEditor *self,
            const char         *label,
            const char         *date)
{
  GtkWidget *entry = klynge_date_entry_new (label, date);

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (check), self);
  return KLYNGE_DATE_ENTRY (entry);
}

static void
add_role_row (KlyngeMemberEditor     *self,
              const KlyngeMemberRole *role)
{
  g_autoptr(GListStore) choices = klynge_choices_new_for_keys (klynge_member_role_keys (), klynge_member_role_label);
  RoleRow *row = g_new0 (RoleRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  row->role = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  klynge_picker_set_choices (row->role, G_LIST_MODEL (choices));
  klynge_picker_select_key (row->role, role != NULL ? role->role : "member");
  gtk_widget_set_hexpand (GTK_WIDGET (row->role), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (row->role), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->role), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Role"), -1);
  row->from = date_entry (self, _("From"), role != NULL ? role->from_date : NULL);
  row->to = date_entry (self, _("To"), role != NULL ? role->to_date : NULL);
  klynge_tooltip_set_text (remove, _("Remove the Role"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_role_cb), self);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->role));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->from));
  gtk_box_append (GTK_BOX (box), gtk_label_new ("–"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->to));
  gtk_box_append (GTK_BOX (box), remove);
  row->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
  gtk_list_box_append (self->roles_list, row->row);
  g_ptr_array_add (self->roles, row);
}

static void
add_role_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KlyngeMemberEditor *self = KLYNGE_MEMBER_EDITOR (widget);
  g_autofree char *today = klynge_rules_today ();
  g_autoptr(KlyngeMemberRole) role = klynge_member_role_new ("board", today, NULL);

  add_role_row (self, role);
  check (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlyngeMemberEditor *self = KLYNGE_MEMBER_EDITOR (widget);
  g_autoptr(KlyngeMember) member = read_form (self);
  g_autoptr(GError) error = NULL;

  if (!klynge_member_save (self->db, self->cluster_id, member, &error))
    {
      klynge_field_check_show_error (self->problems_label, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, member->id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
klynge_member_editor_dispose (GObject *object)
{
  KlyngeMemberEditor *self = KLYNGE_MEMBER_EDITOR (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (klynge_member_editor_parent_class)->dispose (object);
}

static void
klynge_member_editor_finalize (GObject *object)
{
  KlyngeMemberEditor *self = KLYNGE_MEMBER_EDITOR (object);

  g_ptr_array_unref (self->roles);

  G_OBJECT_CLASS (klynge_member_editor_parent_class)->finalize (object);
}

static void
klynge_member_editor_class_init (KlyngeMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_member_editor_dispose;
  object_class->finalize = klynge_member_editor_finalize;

  /**
   * KlyngeMemberEditor::saved:
   * @member_id: the member written
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (KLYNGE_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/clusters/klynge-member-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeMemberEditor, content);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMemberEditor, problems_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMemberEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMemberEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMemberEditor, clinic_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMemberEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMemberEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMemberEditor, roles_list);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMemberEditor, joined_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMemberEditor, left_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMemberEditor, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "member.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "member.add-role", NULL, add_role_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "member.save", NULL);
}

static void
klynge_member_editor_init (KlyngeMemberEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_focus_on_show (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
  self->roles = g_ptr_array_new_with_free_func (g_free);
  gtk_list_box_set_placeholder (self->roles_list, klynge_list_placeholder_new (_("No roles")));
}

static void
fill_choices (KlyngeMemberEditor *self,
              gint64              clinic_id)
{
  g_autoptr(GListStore) titles = klynge_choices_new_for_keys (klynge_member_titles (), klynge_member_title_label);
  g_autoptr(GListStore) choices = klynge_choices_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) clinics = klynge_clinic_list (self->db, self->cluster_id, &error);

  klynge_picker_set_choices (self->title_row, G_LIST_MODEL (titles));

  klynge_choices_append (choices, 0, _("No clinic"));
  for (guint i = 0; clinics != NULL && i < g_list_model_get_n_items (clinics); i++)
    {
      g_autoptr(KlyngeClinic) clinic = g_list_model_get_item (clinics, i);

      klynge_choices_append (choices, clinic->id, clinic->name);
    }
  klynge_picker_set_choices (self->clinic_row, G_LIST_MODEL (choices));
  klynge_picker_select_id (self->clinic_row, clinic_id);
  klynge_combo_row_show_error (self->clinic_row, error);
}

KlyngeMemberEditor *
klynge_member_editor_new (GtkWindow    *parent,
                          KlyngeDb     *db,
                          gint64        cluster_id,
                          KlyngeMember *member)
{
  KlyngeMemberEditor *self = g_object_new (KLYNGE_TYPE_MEMBER_EDITOR, "transient-for", parent, NULL);

  self->db = g_object_ref (db);
  self->cluster_id = cluster_id;
  fill_choices (self, member != NULL ? member->clinic_id : 0);

  if (member != NULL)
    {
      self->member_id = member->id;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Member"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), member->name);
      klynge_picker_select_key (self->title_row, member->title);
      gtk_editable_set_text (GTK_EDITABLE (self->email_row), member->email);
      gtk_editable_set_text (GTK_EDITABLE (self->phone_row), member->phone);
      klynge_date_row_set_date (self->joined_row, member->joined_on);
      klynge_date_row_set_date (self->left_row, member->left_on);
      gtk_editable_set_text (GTK_EDITABLE (self->notes_row), member->notes);
      for (guint i = 0; i < member->roles->len; i++)
        add_role_row (self, g_ptr_array_index (member->roles, i));
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("New Member"));

  check (self);
  klynge_read_only_apply_editor (GTK_WIDGET (self), self->content, self->db,
                                 (const char *[]) { "member.save", "member.add-role", NULL },
                                 /* Translators: the title of a member's details that cannot be changed */
                                 member != NULL ? C_("window title", "Member") : NULL);
  klynge_edit_guard_protect (GTK_WINDOW (self), self->content, "member.save");
  return self;
}
