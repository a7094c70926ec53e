/* klynge-agenda-builder.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agenda of a meeting: ordered items with type and duration, their start
 * times, and a warning when the agenda runs past the meeting's end. Items are
 * reordered by drag-and-drop or with Alt+Up / Alt+Down.
 *
 * The agenda is one Tab stop: a row is an item, Enter or F2 goes into its
 * fields, Escape comes back, Delete removes it, and the Menu key lists
 * all that. A removed item comes back as the meeting's unsaved changes do:
 * until the meeting is saved, closing it without saving keeps the old agenda.
 */

#include "klynge-i18n.h"

#include <string.h>

#include "klynge-agenda-builder.h"
#include "klynge-agenda-row.h"
#include "klynge-choice.h"
#include "klynge-list-keys.h"
#include "klynge-page.h"
#include "klynge-placeholder.h"
#include "klynge-read-only.h"

struct _KlyngeAgendaBuilder
{
  AdwBin          parent_instance;

  GtkWidget      *content;
  GtkListBox     *list;
  GtkLabel       *total_label;
  GtkLabel       *warning_label;

  KlyngeDb       *db;
  KlyngeMeeting  *meeting;
  GListStore     *kinds;          /* KlyngeChoice, one per agenda kind */
  /* Every row's type as wide as the widest, so the titles line up. */
  GtkSizeGroup   *kind_widths;
};

G_DEFINE_FINAL_TYPE (KlyngeAgendaBuilder, klynge_agenda_builder, ADW_TYPE_BIN)

static void rebuild (KlyngeAgendaBuilder *self, int focus_index, gboolean edit);

/* Start times, the total and the over-run warning, without rebuilding the
 * rows: the focus stays where the user types. */
void
klynge_agenda_builder_refresh (KlyngeAgendaBuilder *self)
{
  g_autofree char *total = NULL;
  int minutes, overrun;

  if (self->meeting == NULL)
    return;
  minutes = klynge_meeting_compute_agenda (self->meeting);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *at = NULL;

      if (!KLYNGE_IS_AGENDA_ROW (row))
        continue;
      at = klynge_meeting_item_start_time (self->meeting, klynge_agenda_row_get_item (KLYNGE_AGENDA_ROW (row)));
      klynge_agenda_row_set_start_time (KLYNGE_AGENDA_ROW (row), at);
    }

  total = g_strdup_printf (ngettext ("%d item, %d:%02d hours", "%d items, %d:%02d hours", self->meeting->agenda->len),
                           (int) self->meeting->agenda->len, minutes / 60, minutes % 60);
  gtk_label_set_text (self->total_label, total);

  overrun = klynge_meeting_agenda_overrun (self->meeting);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), overrun > 0);
  if (overrun > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("The agenda runs %d minute past the end of the meeting at %s.",
                                                         "The agenda runs %d minutes past the end of the meeting at %s.",
                                                         overrun),
                                               overrun, strlen (self->meeting->ends_at) == 16 ? self->meeting->ends_at + 11 : self->meeting->ends_at);
      gtk_label_set_text (self->warning_label, text);
    }
}

static void
remove_item (KlyngeAgendaBuilder *self,
             int                  index)
{
  g_ptr_array_remove_index (self->meeting->agenda, (guint) index);
  rebuild (self, MIN (index, (int) self->meeting->agenda->len - 1), FALSE);
}

static void
remove_cb (GtkListBoxRow       *row,
           KlyngeAgendaBuilder *self)
{
  remove_item (self, gtk_list_box_row_get_index (row));
}

typedef struct
{
  KlyngeAgendaBuilder *self;
  guint                from;
  guint                to;
} Move;

/* The dragged row must outlive its drop; the rows are rebuilt afterwards. */
static gboolean
move_idle_cb (gpointer data)
{
  Move *move = data;

  klynge_agenda_builder_move (move->self, move->from, move->to);
  g_object_unref (move->self);
  g_free (move);
  return G_SOURCE_REMOVE;
}

static gboolean
drop_cb (GtkDropTarget       *target,
         const GValue        *value,
         double               x,
         double               y,
         KlyngeAgendaBuilder *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->list, (int) y);
  Move *move = g_new0 (Move, 1);

  move->self = g_object_ref (self);
  move->from = g_value_get_uint (value);
  move->to = row != NULL ? (guint) gtk_list_box_row_get_index (row) : self->meeting->agenda->len - 1;
  g_idle_add (move_idle_cb, move);
  return TRUE;
}

static GtkWidget *
make_row (KlyngeAgendaBuilder *self,
          KlyngeAgendaItem    *item)
{
  GtkWidget *row = klynge_agenda_row_new (item, G_LIST_MODEL (self->kinds), !klynge_db_is_read_only (self->db));

  gtk_size_group_add_widget (self->kind_widths, klynge_agenda_row_get_kind_picker (KLYNGE_AGENDA_ROW (row)));
  g_signal_connect_swapped (row, "duration-changed", G_CALLBACK (klynge_agenda_builder_refresh), self);
  g_signal_connect (row, "remove", G_CALLBACK (remove_cb), self);
  return row;
}

/* Puts the focus on the row at @index, or into its title to @edit it. */
static void
focus_row (KlyngeAgendaBuilder *self,
           int                  index,
           gboolean             edit)
{
  GtkListBoxRow *row = index >= 0 ? gtk_list_box_get_row_at_index (self->list, index) : NULL;

  if (row == NULL)
    return;
  gtk_list_box_select_row (self->list, row);
  if (edit)
    klynge_agenda_row_edit (KLYNGE_AGENDA_ROW (row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
rebuild (KlyngeAgendaBuilder *self,
         int                  focus_index,
         gboolean             edit)
{
  GtkListBoxRow *row;

  /* Rows only: the placeholder is a child too, and stays. */
  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  for (guint i = 0; self->meeting != NULL && i < self->meeting->agenda->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (self->meeting->agenda, i)));
  klynge_page_reflow (GTK_WIDGET (self->list));
  klynge_agenda_builder_refresh (self);
  klynge_read_only_apply (self->content, self->db);
  focus_row (self, focus_index, edit);
}

/* The row the user is working in: the one holding the focus, else the selected one. */
static int
current_index (KlyngeAgendaBuilder *self)
{
  GtkWidget *row = klynge_list_keys_get_row (GTK_WIDGET (self->list));

  if (row == NULL)
    row = GTK_WIDGET (gtk_list_box_get_selected_row (self->list));
  return row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlyngeAgendaBuilder *self = KLYNGE_AGENDA_BUILDER (widget);
  int index = current_index (self);
  int to = index + g_variant_get_int32 (parameter);

  if (self->meeting == NULL || index < 0 || to < 0 || to >= (int) self->meeting->agenda->len)
    return;
  klynge_agenda_builder_move (self, (guint) index, (guint) to);
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KlyngeAgendaBuilder *self = KLYNGE_AGENDA_BUILDER (widget);

  focus_row (self, current_index (self), TRUE);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KlyngeAgendaBuilder *self = KLYNGE_AGENDA_BUILDER (widget);
  int index = current_index (self);

  if (self->meeting != NULL && index >= 0)
    remove_item (self, index);
}

static void
row_activated_cb (GtkListBox          *list,
                  GtkListBoxRow       *row,
                  KlyngeAgendaBuilder *self)
{
  focus_row (self, gtk_list_box_row_get_index (row), TRUE);
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KlyngeAgendaBuilder *self = KLYNGE_AGENDA_BUILDER (widget);

  if (self->meeting == NULL)
    return;
  g_ptr_array_add (self->meeting->agenda, klynge_agenda_item_new (_("New item"), "plenary", 15));
  rebuild (self, (int) self->meeting->agenda->len - 1, TRUE);
}

static void
klynge_agenda_builder_dispose (GObject *object)
{
  KlyngeAgendaBuilder *self = KLYNGE_AGENDA_BUILDER (object);

  g_clear_object (&self->db);
  g_clear_object (&self->meeting);
  g_clear_object (&self->kinds);
  g_clear_object (&self->kind_widths);
  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_AGENDA_BUILDER);
  G_OBJECT_CLASS (klynge_agenda_builder_parent_class)->dispose (object);
}

static void
klynge_agenda_builder_class_init (KlyngeAgendaBuilderClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = klynge_agenda_builder_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-agenda-builder.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeAgendaBuilder, content);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAgendaBuilder, list);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAgendaBuilder, total_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAgendaBuilder, warning_label);

  gtk_widget_class_install_action (widget_class, "agenda.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "agenda.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "agenda.edit-item", NULL, edit_item_action);
  gtk_widget_class_install_action (widget_class, "agenda.remove-item", NULL, remove_item_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "agenda.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "agenda.move", "i", 1);
}

static void
klynge_agenda_builder_init (KlyngeAgendaBuilder *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_placeholder (self->list, klynge_list_placeholder_new (_("No items yet: add the first with Add Item.")));

  self->kinds = klynge_choices_new_for_keys (klynge_agenda_kinds (), klynge_agenda_kind_label);
  self->kind_widths = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  target = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (target));

  g_menu_append (menu, _("_Edit Item"), "agenda.edit-item");
  g_menu_append (menu, _("Move _Up"), "agenda.move(-1)");
  g_menu_append (menu, _("Move _Down"), "agenda.move(1)");
  g_menu_append (menu, _("_Remove Item"), "agenda.remove-item");
  klynge_list_keys_attach (GTK_WIDGET (self->list), G_MENU_MODEL (menu), "agenda.edit-item", "agenda.remove-item");
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
}

void
klynge_agenda_builder_set_meeting (KlyngeAgendaBuilder *self,
                                   KlyngeDb            *db,
                                   KlyngeMeeting       *meeting)
{
  g_return_if_fail (KLYNGE_IS_AGENDA_BUILDER (self));

  g_set_object (&self->db, db);
  g_set_object (&self->meeting, meeting);
  rebuild (self, -1, FALSE);
}

/* Moves the item at @from to @to, the others shifting up or down. */
void
klynge_agenda_builder_move (KlyngeAgendaBuilder *self,
                            guint                from,
                            guint                to)
{
  KlyngeAgendaItem *item;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* Moved from inside its fields, the item is still being edited. */
  gboolean editing = focus != NULL && !GTK_IS_LIST_BOX_ROW (focus) &&
                     gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list));

  g_return_if_fail (KLYNGE_IS_AGENDA_BUILDER (self));
  if (self->meeting == NULL || from >= self->meeting->agenda->len ||
      to >= self->meeting->agenda->len || from == to)
    return;
  item = g_object_ref (g_ptr_array_index (self->meeting->agenda, from));
  g_ptr_array_remove_index (self->meeting->agenda, from);
  g_ptr_array_insert (self->meeting->agenda, (int) to, item);
  rebuild (self, (int) to, editing);
}
