/* klynge-invitation-row.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An invited member in the meeting's invitations: name and clinic, bound to
 * the invitation, and a drop-down with the answer as stored.
 */

#include "klynge-i18n.h"

#include "klynge-accessible.h"
#include "klynge-invitation-row.h"
#include "klynge-picker.h"
#include "klynge-tooltip.h"

struct _KlyngeInvitationRow
{
  AdwActionRow      parent_instance;

  GtkWidget        *answer_drop_down;

  KlyngeInvitation *invitation;
  GListModel       *answers;
};

G_DEFINE_FINAL_TYPE (KlyngeInvitationRow, klynge_invitation_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_INVITATION,
  PROP_ANSWERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ANSWERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void answer_changed_cb (KlyngeInvitationRow *self);

/* What is stored, without taking it for a new answer. */
static void
show_answer (KlyngeInvitationRow *self)
{
  g_signal_handlers_block_by_func (self->answer_drop_down, answer_changed_cb, self);
  klynge_picker_select_key (self->answer_drop_down, self->invitation->status);
  g_signal_handlers_unblock_by_func (self->answer_drop_down, answer_changed_cb, self);
}

static void
answer_changed_cb (KlyngeInvitationRow *self)
{
  const char *answer = klynge_picker_get_selected_key (self->answer_drop_down);

  if (answer == NULL || g_strcmp0 (answer, self->invitation->status) == 0)
    return;
  g_signal_emit (self, signals[ANSWERED], 0, answer);
  /* The row shows what is stored: an answer that could not be stored goes back. */
  show_answer (self);
}

/* Bound in C, as KlyngeMeetingRow's: a template <binding> on the row's own
 * record warns of a weak reference as the row goes, with GTK 4.8. */
static void
klynge_invitation_row_constructed (GObject *object)
{
  KlyngeInvitationRow *self = KLYNGE_INVITATION_ROW (object);

  G_OBJECT_CLASS (klynge_invitation_row_parent_class)->constructed (object);

  g_object_bind_property (self->invitation, "member-name", self, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->invitation, "clinic-name", self, "subtitle", G_BINDING_SYNC_CREATE);
  g_signal_handlers_block_by_func (self->answer_drop_down, answer_changed_cb, self);
  klynge_picker_set_choices (self->answer_drop_down, self->answers);
  g_signal_handlers_unblock_by_func (self->answer_drop_down, answer_changed_cb, self);
  show_answer (self);
  g_signal_connect_object (self->invitation, "notify::status", G_CALLBACK (show_answer), self, G_CONNECT_SWAPPED);
  klynge_accessible_name_internals (self->answer_drop_down);
}

static void
klynge_invitation_row_dispose (GObject *object)
{
  KlyngeInvitationRow *self = KLYNGE_INVITATION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_INVITATION_ROW);
  g_clear_object (&self->invitation);
  g_clear_object (&self->answers);

  G_OBJECT_CLASS (klynge_invitation_row_parent_class)->dispose (object);
}

static void
klynge_invitation_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KlyngeInvitationRow *self = KLYNGE_INVITATION_ROW (object);

  switch (prop_id)
    {
    case PROP_INVITATION:
      g_value_set_object (value, self->invitation);
      break;
    case PROP_ANSWERS:
      g_value_set_object (value, self->answers);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_invitation_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KlyngeInvitationRow *self = KLYNGE_INVITATION_ROW (object);

  switch (prop_id)
    {
    case PROP_INVITATION:
      self->invitation = g_value_dup_object (value);
      break;
    case PROP_ANSWERS:
      self->answers = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_invitation_row_class_init (KlyngeInvitationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = klynge_invitation_row_constructed;
  object_class->dispose = klynge_invitation_row_dispose;
  object_class->get_property = klynge_invitation_row_get_property;
  object_class->set_property = klynge_invitation_row_set_property;

  /**
   * KlyngeInvitationRow:invitation:
   *
   * The invitation shown, one of the invitation store's.
   */
  properties[PROP_INVITATION] =
    g_param_spec_object ("invitation", NULL, NULL, KLYNGE_TYPE_INVITATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KlyngeInvitationRow:answers:
   *
   * The answers to choose from, each with its key (klynge_choices_append_key()).
   */
  properties[PROP_ANSWERS] =
    g_param_spec_object ("answers", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KlyngeInvitationRow::answered:
   * @answer: the key of the answer chosen
   *
   * Emitted when another answer than the stored one is chosen; the row
   * shows the stored one again after the handlers ran.
   */
  signals[ANSWERED] = g_signal_new ("answered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-invitation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeInvitationRow, answer_drop_down);
  gtk_widget_class_bind_template_callback (widget_class, answer_changed_cb);
}

static void
klynge_invitation_row_init (KlyngeInvitationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_tooltip_set_text (self->answer_drop_down, _("Answer"));
}

GtkWidget *
klynge_invitation_row_new (KlyngeInvitation *invitation,
                           GListModel       *answers)
{
  g_return_val_if_fail (KLYNGE_IS_INVITATION (invitation), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (answers), NULL);
  return g_object_new (KLYNGE_TYPE_INVITATION_ROW, "invitation", invitation, "answers", answers, NULL);
}

/**
 * klynge_invitation_row_get_invitation:
 *
 * Returns: (transfer none): the invitation shown
 */
KlyngeInvitation *
klynge_invitation_row_get_invitation (KlyngeInvitationRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_INVITATION_ROW (self), NULL);
  return self->invitation;
}

/**
 * klynge_invitation_row_answer:
 * @answer: the key of an answer
 *
 * Chooses @answer as the drop-down's user would: #KlyngeInvitationRow::answered
 * is emitted if it is not the stored one.
 */
void
klynge_invitation_row_answer (KlyngeInvitationRow *self,
                              const char          *answer)
{
  g_return_if_fail (KLYNGE_IS_INVITATION_ROW (self));
  klynge_picker_select_key (self->answer_drop_down, answer);
}
