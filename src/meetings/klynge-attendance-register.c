/* klynge-attendance-register.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roll call of a meeting, made for the keyboard alone: arrows move from
 * member to member, one letter records them and moves on. Guests below.
 */

#include "klynge-i18n.h"

#include "klynge-attendance.h"
#include "klynge-attendance-register.h"
#include "klynge-attendance-row.h"
#include "klynge-attendance-store.h"
#include "klynge-format.h"
#include "klynge-guest-row.h"
#include "klynge-list-keys.h"
#include "klynge-page.h"
#include "klynge-read-only.h"
#include "klynge-record-list.h"

struct _KlyngeAttendanceRegister
{
  AdwBin       parent_instance;

  GtkWidget   *content;
  GtkLabel    *summary_label;
  GtkLabel    *keys_label;
  GtkListBox  *list;
  GtkLabel    *load_error_label;
  AdwEntryRow *guest_row;
  GtkListBox  *guest_list;

  KlyngeContext *context;
  KlyngeDb    *db;
  gint64       meeting_id;
  KlyngeRecordStore *store;  /* the context's, of the meeting's register; weak */
};

G_DEFINE_FINAL_TYPE (KlyngeAttendanceRegister, klynge_attendance_register, ADW_TYPE_BIN)

static const char *const roll_call[] = { "present", "excused", "absent" };

/* From the register as stored, not from the rows. */
static void
update_summary (KlyngeAttendanceRegister *self)
{
  GListModel *lines = G_LIST_MODEL (self->store);
  guint present = 0, late = 0, registered = 0, n = lines != NULL ? g_list_model_get_n_items (lines) : 0;
  g_autofree char *n_present = NULL;
  g_autofree char *n_late = NULL;
  g_autofree char *n_registered = NULL;
  g_autofree char *n_all = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KlyngeAttendance) line = g_list_model_get_item (lines, i);

      registered += *line->status != '\0';
      present += g_str_equal (line->status, "present");
      late += line->late;
    }
  n_present = klynge_format_integer (present);
  n_late = klynge_format_integer (late);
  n_registered = klynge_format_integer (registered);
  n_all = klynge_format_integer (n);
  /* Translators: attendance so far: present, of them late, registered of all */
  text = g_strdup_printf (_("%s present (%s late) · %s of %s registered"), n_present, n_late, n_registered, n_all);
  gtk_label_set_text (self->summary_label, text);
}

static void
record (KlyngeAttendanceRegister *self,
        GtkWidget                *row,
        const char               *status,
        gboolean                  late)
{
  KlyngeAttendance *line = klynge_attendance_row_get_line (KLYNGE_ATTENDANCE_ROW (row));
  g_autoptr(GError) error = NULL;

  late = late && g_str_equal (status, "present");
  if (!klynge_attendance_set (self->db, self->meeting_id, line->member_id, status, late, &error))
    klynge_page_show_message (GTK_WIDGET (self), error->message);
  /* The row shows its line as the store has it: a line that could not
   * be stored does not change. */
  klynge_record_store_refresh (self->store, NULL);
}

static void
late_toggled_cb (GtkWidget                *row,
                 gboolean                  late,
                 KlyngeAttendanceRegister *self)
{
  record (self, row, "present", late);
}

static gboolean
key_pressed_cb (GtkEventControllerKey    *controller,
                guint                     keyval,
                guint                     keycode,
                GdkModifierType           state,
                KlyngeAttendanceRegister *self)
{
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_selected_row (self->list));
  GtkListBoxRow *next;
  gunichar letter = gdk_keyval_to_unicode (gdk_keyval_to_lower (keyval));
  const char *status = NULL;

  if (row == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || klynge_db_is_read_only (self->db))
    return FALSE;
  if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_BackSpace)
    status = "";
  else if (letter != 0 && letter == klynge_quick_key ("late"))
    {
      KlyngeAttendance *line = klynge_attendance_row_get_line (KLYNGE_ATTENDANCE_ROW (row));

      /* Late implies present. */
      record (self, row, "present", !line->late || g_strcmp0 (line->status, "present") != 0);
      return TRUE;
    }
  for (guint i = 0; status == NULL && i < G_N_ELEMENTS (roll_call); i++)
    if (letter != 0 && letter == klynge_quick_key (roll_call[i]))
      status = roll_call[i];
  if (status == NULL)
    return FALSE;
  record (self, row, status, FALSE);
  if (*status == '\0')
    return TRUE;
  next = gtk_list_box_get_row_at_index (self->list, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  if (next != NULL)
    {
      gtk_list_box_select_row (self->list, next);
      gtk_widget_grab_focus (GTK_WIDGET (next));
    }
  return TRUE;
}

/* Empty, a boxed list would still draw its frame as a stray line. */
static void
show_if_filled (GtkListBox *list)
{
  gtk_widget_set_visible (GTK_WIDGET (list), gtk_list_box_get_row_at_index (list, 0) != NULL);
}

static void
remove_guest (KlyngeAttendanceRegister *self,
              GtkWidget                *row)
{
  gint64 id = klynge_guest_row_get_guest_id (KLYNGE_GUEST_ROW (row));
  g_autoptr(GError) error = NULL;

  if (!klynge_guest_remove (self->db, id, &error))
    klynge_page_show_message (GTK_WIDGET (self), error->message);
  else
    gtk_list_box_remove (self->guest_list, row);
  show_if_filled (self->guest_list);
}

static void
remove_guest_cb (GtkWidget                *row,
                 KlyngeAttendanceRegister *self)
{
  remove_guest (self, row);
}

/* The guest row's menu and Delete key, as its button does. */
static void
remove_selected_guest_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  KlyngeAttendanceRegister *self = KLYNGE_ATTENDANCE_REGISTER (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->guest_list);

  if (row != NULL && !klynge_db_is_read_only (self->db))
    remove_guest (self, GTK_WIDGET (row));
}

/* The roll call row's menu, as its letter keys do. */
static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlyngeAttendanceRegister *self = KLYNGE_ATTENDANCE_REGISTER (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  const char *status = g_variant_get_string (parameter, NULL);

  if (row == NULL || klynge_db_is_read_only (self->db))
    return;
  if (g_str_equal (status, "late"))
    record (self, GTK_WIDGET (row), "present", TRUE);
  else
    record (self, GTK_WIDGET (row), status, FALSE);
}

static void
add_guest_row (KlyngeAttendanceRegister *self,
               KlyngeGuest              *guest)
{
  GtkWidget *row = klynge_guest_row_new (guest);

  g_signal_connect (row, "remove", G_CALLBACK (remove_guest_cb), self);
  gtk_list_box_append (self->guest_list, row);
  show_if_filled (self->guest_list);
}

/* Adds the guest typed in the entry; with nothing typed there is nothing to add. */
static gboolean
add_typed_guest (KlyngeAttendanceRegister *self,
                 GError                  **error)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->guest_row)), ",", 2);
  KlyngeGuest guest = { 0 };

  guest.name = g_strstrip (parts[0] != NULL ? parts[0] : (char *) "");
  guest.organisation = parts[0] != NULL && parts[1] != NULL ? g_strstrip (parts[1]) : (char *) "";
  guest.id = klynge_guest_add (self->db, self->meeting_id, guest.name, guest.organisation, error);
  if (guest.id == 0)
    return FALSE;
  add_guest_row (self, &guest);
  gtk_editable_set_text (GTK_EDITABLE (self->guest_row), "");
  return TRUE;
}

static void
guest_apply_cb (KlyngeAttendanceRegister *self)
{
  g_autoptr(GError) error = NULL;

  if (!add_typed_guest (self, &error))
    klynge_page_show_message (GTK_WIDGET (self), error->message);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GtkWidget *row = klynge_attendance_row_new (item);

  g_signal_connect (row, "late-toggled", G_CALLBACK (late_toggled_cb), user_data);
  return row;
}

/* The rows follow their lines by themselves: new ones lay out their
 * "reflow" boxes as the page's, and the summary counts again. */
static void
lines_changed_cb (gpointer user_data,
                  guint    position,
                  guint    removed,
                  guint    added)
{
  KlyngeAttendanceRegister *self = user_data;

  klynge_page_reflow (GTK_WIDGET (self->list));
  show_if_filled (self->list);
  update_summary (self);
}

static void
set_store (KlyngeAttendanceRegister *self,
           KlyngeRecordStore        *store)
{
  g_set_weak_pointer (&self->store, store);
  klynge_record_list_bind (self->list, G_LIST_MODEL (store), create_row, lines_changed_cb, self);
}

/* The register's lines are the context's store: the same meeting keeps
 * its rows while members and their lines change. */
static void
reload (KlyngeAttendanceRegister *self)
{
  g_autoptr(GPtrArray) guests = NULL;
  g_autoptr(GError) error = NULL;
  const GError *list_error = NULL;
  GtkListBoxRow *old;

  while ((old = gtk_list_box_get_row_at_index (self->guest_list, 0)) != NULL)
    gtk_list_box_remove (self->guest_list, GTK_WIDGET (old));
  show_if_filled (self->guest_list);
  gtk_widget_set_visible (GTK_WIDGET (self->load_error_label), FALSE);
  set_store (self, self->db != NULL && self->meeting_id != 0
                   ? klynge_context_get_store (self->context, KLYNGE_TYPE_ATTENDANCE_STORE, self->meeting_id) : NULL);
  if (self->store == NULL)
    {
      show_if_filled (self->list);
      return;
    }
  klynge_record_store_load (self->store, NULL);
  list_error = klynge_record_store_get_error (self->store);

  /* One reason is enough where the lists would be; no guests are shown beside an unread register. */
  if (list_error == NULL)
    guests = klynge_guests_list (self->db, self->meeting_id, &error);
  for (guint i = 0; guests != NULL && i < guests->len; i++)
    add_guest_row (self, g_ptr_array_index (guests, i));
  if (list_error != NULL || error != NULL)
    {
      gtk_label_set_text (self->load_error_label, list_error != NULL ? list_error->message : error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->load_error_label), TRUE);
    }
  klynge_read_only_apply (self->content, self->db);
}

static void
klynge_attendance_register_dispose (GObject *object)
{
  KlyngeAttendanceRegister *self = KLYNGE_ATTENDANCE_REGISTER (object);

  set_store (self, NULL);
  g_clear_object (&self->db);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_ATTENDANCE_REGISTER);
  G_OBJECT_CLASS (klynge_attendance_register_parent_class)->dispose (object);
}

static void
klynge_attendance_register_class_init (KlyngeAttendanceRegisterClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = klynge_attendance_register_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-attendance-register.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeAttendanceRegister, content);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAttendanceRegister, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAttendanceRegister, keys_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAttendanceRegister, list);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAttendanceRegister, load_error_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAttendanceRegister, guest_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAttendanceRegister, guest_list);
  gtk_widget_class_bind_template_callback (widget_class, guest_apply_cb);
  gtk_widget_class_install_action (widget_class, "register.record", "s", record_action);
  gtk_widget_class_install_action (widget_class, "register.remove-guest", NULL, remove_selected_guest_action);
}

static void
klynge_attendance_register_init (KlyngeAttendanceRegister *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autoptr(GMenu) status_menu = g_menu_new ();
  g_autoptr(GMenu) guest_menu = g_menu_new ();
  g_autofree char *present = klynge_quick_key_text ("present");
  g_autofree char *excused = klynge_quick_key_text ("excused");
  g_autofree char *absent = klynge_quick_key_text ("absent");
  g_autofree char *late = klynge_quick_key_text ("late");
  g_autofree char *text = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The letters are the translation's, the same as in the invitations. */
  text = g_strdup_printf (_("Roll call with the keyboard: arrow keys to move, %s present, %s excused, %s absent, "
                            "%s late, Delete to clear."), present, excused, absent, late);
  gtk_label_set_text (self->keys_label, text);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);

  for (guint i = 0; i < G_N_ELEMENTS (roll_call); i++)
    {
      g_autofree char *action = g_strdup_printf ("register.record::%s", roll_call[i]);

      g_menu_append (status_menu, klynge_attendance_status_label (roll_call[i]), action);
    }
  g_menu_append (status_menu, _("Late"), "register.record::late");
  klynge_list_keys_attach (GTK_WIDGET (self->list), G_MENU_MODEL (status_menu), NULL, NULL);
  g_menu_append (guest_menu, _("Remove Guest"), "register.remove-guest");
  klynge_list_keys_attach (GTK_WIDGET (self->guest_list), G_MENU_MODEL (guest_menu), NULL, "register.remove-guest");
}

/**
 * klynge_attendance_register_set_meeting:
 * @context: the context of the database the meeting is in
 *
 * Shows @meeting_id's register; the same meeting again keeps its rows.
 */
void
klynge_attendance_register_set_meeting (KlyngeAttendanceRegister *self,
                                        KlyngeContext            *context,
                                        gint64                    meeting_id)
{
  g_return_if_fail (KLYNGE_IS_ATTENDANCE_REGISTER (self));
  g_return_if_fail (KLYNGE_IS_CONTEXT (context));

  /* A name left typed for another meeting (its adding failed and was
   * discarded) is not this meeting's guest. */
  if (self->meeting_id != meeting_id)
    gtk_editable_set_text (GTK_EDITABLE (self->guest_row), "");
  g_set_object (&self->context, context);
  g_set_object (&self->db, klynge_context_get_db (context));
  self->meeting_id = meeting_id;
  reload (self);
}

/**
 * klynge_attendance_register_save_pending:
 * @self: a #KlyngeAttendanceRegister
 * @error: return location for a #GError
 *
 * Adds the guest typed but not yet added: leaving the meeting keeps what
 * was typed, as the meeting's own fields are saved when left.
 *
 * Returns: %FALSE, with @error set, if the typed guest could not be added
 */
gboolean
klynge_attendance_register_save_pending (KlyngeAttendanceRegister  *self,
                                         GError                   **error)
{
  g_autofree char *typed = NULL;

  g_return_val_if_fail (KLYNGE_IS_ATTENDANCE_REGISTER (self), FALSE);

  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->guest_row))));
  if (*typed == '\0' || self->db == NULL || self->meeting_id == 0)
    return TRUE;
  return add_typed_guest (self, error);
}
