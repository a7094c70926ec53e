/* klynge-speaker-row.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A speaker in the meeting editor: name, organisation and fee as typed, read
 * back when the meeting is saved, and a button that asks for the speaker to
 * be removed.
 */

#include "klynge-i18n.h"

#include "klynge-money.h"
#include "klynge-speaker-row.h"
#include "klynge-tooltip.h"

struct _KlyngeSpeakerRow
{
  GtkListBoxRow  parent_instance;

  GtkWidget     *name_entry;
  GtkWidget     *organisation_entry;
  GtkWidget     *fee_entry;
  GtkWidget     *remove_button;
};

G_DEFINE_FINAL_TYPE (KlyngeSpeakerRow, klynge_speaker_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
remove_clicked_cb (KlyngeSpeakerRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
klynge_speaker_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KLYNGE_TYPE_SPEAKER_ROW);

  G_OBJECT_CLASS (klynge_speaker_row_parent_class)->dispose (object);
}

static void
klynge_speaker_row_class_init (KlyngeSpeakerRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = klynge_speaker_row_dispose;

  /**
   * KlyngeSpeakerRow::remove:
   *
   * Emitted when the row's remove button is clicked.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-speaker-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeSpeakerRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, KlyngeSpeakerRow, organisation_entry);
  gtk_widget_class_bind_template_child (widget_class, KlyngeSpeakerRow, fee_entry);
  gtk_widget_class_bind_template_child (widget_class, KlyngeSpeakerRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
klynge_speaker_row_init (KlyngeSpeakerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_tooltip_set_text (self->remove_button, _("Remove Speaker"));
}

/* The row starts with @speaker's fields, the fee written in @currency
 * (empty when there is none). */
GtkWidget *
klynge_speaker_row_new (const KlyngeSpeaker *speaker,
                        const char          *currency)
{
  KlyngeSpeakerRow *self;
  g_autofree char *fee = NULL;

  g_return_val_if_fail (speaker != NULL, NULL);

  self = g_object_new (KLYNGE_TYPE_SPEAKER_ROW, NULL);
  fee = speaker->fee > 0 ? klynge_money_format (speaker->fee, currency) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), speaker->name);
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_entry), speaker->organisation);
  gtk_editable_set_text (GTK_EDITABLE (self->fee_entry), fee);
  return GTK_WIDGET (self);
}

const char *
klynge_speaker_row_get_name (KlyngeSpeakerRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_SPEAKER_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
}

const char *
klynge_speaker_row_get_organisation (KlyngeSpeakerRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_SPEAKER_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->organisation_entry));
}

/* The fee as typed, to be read in the meeting's currency; "" for none. */
const char *
klynge_speaker_row_get_fee (KlyngeSpeakerRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_SPEAKER_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->fee_entry));
}

/* Puts the focus into the speaker's name, to type it. */
void
klynge_speaker_row_edit (KlyngeSpeakerRow *self)
{
  g_return_if_fail (KLYNGE_IS_SPEAKER_ROW (self));
  gtk_widget_grab_focus (self->name_entry);
}
