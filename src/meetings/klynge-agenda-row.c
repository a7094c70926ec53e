/* klynge-agenda-row.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item of the agenda builder: its drag handle, start time, title, type
 * and duration, written into the item as they are edited, and a button that
 * asks for the item to be removed.
 */

#include "klynge-i18n.h"

#include "klynge-accessible.h"
#include "klynge-agenda-row.h"
#include "klynge-page.h"
#include "klynge-picker.h"
#include "klynge-tooltip.h"

struct _KlyngeAgendaRow
{
  GtkListBoxRow     parent_instance;

  GtkWidget        *handle;
  GtkLabel         *time_label;
  GtkWidget        *title_entry;
  GtkWidget        *kind_drop_down;
  GtkWidget        *duration_spin;
  GtkWidget        *remove_button;

  KlyngeAgendaItem *item;
  GListModel       *kinds;
  gboolean          movable;
};

G_DEFINE_FINAL_TYPE (KlyngeAgendaRow, klynge_agenda_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_KINDS,
  PROP_MOVABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DURATION_CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A screen reader names the row by its item's title as it moves through the agenda. */
static void
name_row (KlyngeAgendaRow *self)
{
  const char *title = self->item->title;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL && *title != '\0' ? title : _("Item"), -1);
}

static void
title_changed_cb (KlyngeAgendaRow *self)
{
  g_free (self->item->title);
  self->item->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  name_row (self);
}

static void
kind_changed_cb (KlyngeAgendaRow *self)
{
  const char *kind = klynge_picker_get_selected_key (self->kind_drop_down);

  if (kind != NULL)
    {
      g_free (self->item->kind);
      self->item->kind = g_strdup (kind);
    }
}

static void
duration_changed_cb (KlyngeAgendaRow *self)
{
  self->item->duration_minutes = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->duration_spin));
  g_signal_emit (self, signals[DURATION_CHANGED], 0);
}

static void
remove_clicked_cb (KlyngeAgendaRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* What is dropped is the row's place; the agenda builder moves the item. */
static GdkContentProvider *
drag_prepare_cb (KlyngeAgendaRow *self)
{
  if (!self->movable)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_UINT, (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self)));
}

/* The fields show the item without taking what they show for an edit: a
 * type not offered stays the item's. */
static void
klynge_agenda_row_constructed (GObject *object)
{
  KlyngeAgendaRow *self = KLYNGE_AGENDA_ROW (object);

  G_OBJECT_CLASS (klynge_agenda_row_parent_class)->constructed (object);

  g_signal_handlers_block_by_func (self->title_entry, title_changed_cb, self);
  g_signal_handlers_block_by_func (self->kind_drop_down, kind_changed_cb, self);
  g_signal_handlers_block_by_func (self->duration_spin, duration_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), self->item->title);
  klynge_picker_set_choices (self->kind_drop_down, self->kinds);
  klynge_picker_select_key (self->kind_drop_down, self->item->kind);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->duration_spin), self->item->duration_minutes);
  g_signal_handlers_unblock_by_func (self->title_entry, title_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->kind_drop_down, kind_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->duration_spin, duration_changed_cb, self);
  klynge_page_ellipsize_picker (GTK_DROP_DOWN (self->kind_drop_down));
  klynge_accessible_name_internals (self->kind_drop_down);
  name_row (self);
}

static void
klynge_agenda_row_dispose (GObject *object)
{
  KlyngeAgendaRow *self = KLYNGE_AGENDA_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_AGENDA_ROW);
  g_clear_object (&self->item);
  g_clear_object (&self->kinds);

  G_OBJECT_CLASS (klynge_agenda_row_parent_class)->dispose (object);
}

static void
klynge_agenda_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KlyngeAgendaRow *self = KLYNGE_AGENDA_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_KINDS:
      g_value_set_object (value, self->kinds);
      break;
    case PROP_MOVABLE:
      g_value_set_boolean (value, self->movable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_agenda_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KlyngeAgendaRow *self = KLYNGE_AGENDA_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    case PROP_KINDS:
      self->kinds = g_value_dup_object (value);
      break;
    case PROP_MOVABLE:
      self->movable = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_agenda_row_class_init (KlyngeAgendaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = klynge_agenda_row_constructed;
  object_class->dispose = klynge_agenda_row_dispose;
  object_class->get_property = klynge_agenda_row_get_property;
  object_class->set_property = klynge_agenda_row_set_property;

  /**
   * KlyngeAgendaRow:item:
   *
   * The agenda item shown and edited, one of the meeting's.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, KLYNGE_TYPE_AGENDA_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KlyngeAgendaRow:kinds:
   *
   * The types of item to choose from, each with its key (klynge_choices_new_for_keys()).
   */
  properties[PROP_KINDS] =
    g_param_spec_object ("kinds", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KlyngeAgendaRow:movable:
   *
   * Whether the row can be dragged by its handle: not on a read-only file.
   */
  properties[PROP_MOVABLE] =
    g_param_spec_boolean ("movable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KlyngeAgendaRow::duration-changed:
   *
   * Emitted when the item's duration was changed in the row, so the start
   * times after it move.
   */
  signals[DURATION_CHANGED] = g_signal_new ("duration-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * KlyngeAgendaRow::remove:
   *
   * Emitted when the row's remove button is clicked.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-agenda-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeAgendaRow, handle);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAgendaRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAgendaRow, title_entry);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAgendaRow, kind_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAgendaRow, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAgendaRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, duration_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, drag_prepare_cb);
}

static void
klynge_agenda_row_init (KlyngeAgendaRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_tooltip_set_text (self->handle, _("Drag to move"));
  klynge_tooltip_set_text (self->kind_drop_down, _("Type"));
  klynge_tooltip_set_text (self->duration_spin, _("Duration in minutes"));
  klynge_tooltip_set_text (self->remove_button, _("Remove Item"));
}

GtkWidget *
klynge_agenda_row_new (KlyngeAgendaItem *item,
                       GListModel       *kinds,
                       gboolean          movable)
{
  g_return_val_if_fail (KLYNGE_IS_AGENDA_ITEM (item), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (kinds), NULL);
  return g_object_new (KLYNGE_TYPE_AGENDA_ROW, "item", item, "kinds", kinds, "movable", movable, NULL);
}

KlyngeAgendaItem *
klynge_agenda_row_get_item (KlyngeAgendaRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_AGENDA_ROW (self), NULL);
  return self->item;
}

/* The drop-down of the item's type, for lining the types up across rows. */
GtkWidget *
klynge_agenda_row_get_kind_picker (KlyngeAgendaRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_AGENDA_ROW (self), NULL);
  return self->kind_drop_down;
}

/* @start_time ("17:40"), or %NULL when it is not known, shows as nothing. */
void
klynge_agenda_row_set_start_time (KlyngeAgendaRow *self,
                                  const char      *start_time)
{
  g_return_if_fail (KLYNGE_IS_AGENDA_ROW (self));
  gtk_label_set_text (self->time_label, start_time != NULL ? start_time : "");
}

/* Puts the focus into the item's title, to edit it. */
void
klynge_agenda_row_edit (KlyngeAgendaRow *self)
{
  g_return_if_fail (KLYNGE_IS_AGENDA_ROW (self));
  gtk_widget_grab_focus (self->title_entry);
}
