/* klynge-attendance-row.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A member in the meeting's roll call: name and clinic, and the line as
 * stored (status with its key, and late), bound to the register's line.
 */

#include "klynge-i18n.h"

#include "klynge-attendance-row.h"

struct _KlyngeAttendanceRow
{
  AdwActionRow      parent_instance;

  GtkWidget        *status_label;
  GtkWidget        *late_check;

  KlyngeAttendance *line;
};

G_DEFINE_FINAL_TYPE (KlyngeAttendanceRow, klynge_attendance_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LATE_TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void late_toggled_cb (KlyngeAttendanceRow *self);

static void
show_line (KlyngeAttendanceRow *self)
{
  const char *status = self->line->status;
  GtkLabel *label = GTK_LABEL (self->status_label);

  if (status != NULL && *status != '\0')
    {
      g_autofree char *key = klynge_quick_key_text (status);
      /* Translators: a roll call status with the key that records it, "Present (P)" */
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), klynge_attendance_status_label (status), key);

      gtk_label_set_text (label, text);
    }
  else
    gtk_label_set_text (label, klynge_attendance_status_label (status));
  gtk_widget_remove_css_class (self->status_label, "success");
  gtk_widget_remove_css_class (self->status_label, "dim-label");
  gtk_widget_add_css_class (self->status_label, g_strcmp0 (status, "present") == 0 ? "success" : "dim-label");
  gtk_widget_set_sensitive (self->late_check, g_strcmp0 (status, "present") == 0);
  g_signal_handlers_block_by_func (self->late_check, late_toggled_cb, self);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->late_check), self->line->late);
  g_signal_handlers_unblock_by_func (self->late_check, late_toggled_cb, self);
}

static void
late_toggled_cb (KlyngeAttendanceRow *self)
{
  g_signal_emit (self, signals[LATE_TOGGLED], 0, gtk_check_button_get_active (GTK_CHECK_BUTTON (self->late_check)));
  /* The row shows what is stored: a line that could not be stored goes back. */
  show_line (self);
}

/* Bound in C, as KlyngeMeetingRow's: a template <binding> on the row's own
 * record warns of a weak reference as the row goes, with GTK 4.8. */
static void
klynge_attendance_row_constructed (GObject *object)
{
  KlyngeAttendanceRow *self = KLYNGE_ATTENDANCE_ROW (object);

  G_OBJECT_CLASS (klynge_attendance_row_parent_class)->constructed (object);

  g_object_bind_property (self->line, "member-name", self, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->line, "clinic-name", self, "subtitle", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->line, "notify::status", G_CALLBACK (show_line), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->line, "notify::late", G_CALLBACK (show_line), self, G_CONNECT_SWAPPED);
  show_line (self);
}

static void
klynge_attendance_row_dispose (GObject *object)
{
  KlyngeAttendanceRow *self = KLYNGE_ATTENDANCE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_ATTENDANCE_ROW);
  g_clear_object (&self->line);

  G_OBJECT_CLASS (klynge_attendance_row_parent_class)->dispose (object);
}

static void
klynge_attendance_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KlyngeAttendanceRow *self = KLYNGE_ATTENDANCE_ROW (object);

  switch (prop_id)
    {
    case PROP_LINE:
      g_value_set_object (value, self->line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_attendance_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KlyngeAttendanceRow *self = KLYNGE_ATTENDANCE_ROW (object);

  switch (prop_id)
    {
    case PROP_LINE:
      self->line = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_attendance_row_class_init (KlyngeAttendanceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = klynge_attendance_row_constructed;
  object_class->dispose = klynge_attendance_row_dispose;
  object_class->get_property = klynge_attendance_row_get_property;
  object_class->set_property = klynge_attendance_row_set_property;

  /**
   * KlyngeAttendanceRow:line:
   *
   * The member's line of the register, one of the attendance store's.
   */
  properties[PROP_LINE] =
    g_param_spec_object ("line", NULL, NULL, KLYNGE_TYPE_ATTENDANCE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KlyngeAttendanceRow::late-toggled:
   * @late: whether the check box is ticked now
   *
   * Emitted when the Late check box is toggled by hand; the row shows the
   * line as stored again after the handlers ran.
   */
  signals[LATE_TOGGLED] = g_signal_new ("late-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-attendance-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeAttendanceRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeAttendanceRow, late_check);
  gtk_widget_class_bind_template_callback (widget_class, late_toggled_cb);
}

static void
klynge_attendance_row_init (KlyngeAttendanceRow *self)
{
  g_autofree char *late_key = klynge_quick_key_text ("late");
  /* Translators: the roll call's check box with the key that ticks it, "Late (L)" */
  g_autofree char *late_text = g_strdup_printf (_("Late (%s)"), late_key);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_check_button_set_label (GTK_CHECK_BUTTON (self->late_check), late_text);
}

GtkWidget *
klynge_attendance_row_new (KlyngeAttendance *line)
{
  g_return_val_if_fail (KLYNGE_IS_ATTENDANCE (line), NULL);
  return g_object_new (KLYNGE_TYPE_ATTENDANCE_ROW, "line", line, NULL);
}

/**
 * klynge_attendance_row_get_line:
 *
 * Returns: (transfer none): the line shown
 */
KlyngeAttendance *
klynge_attendance_row_get_line (KlyngeAttendanceRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_ATTENDANCE_ROW (self), NULL);
  return self->line;
}
