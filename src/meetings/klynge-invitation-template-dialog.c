/* klynge-invitation-template-dialog.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The subject and text of the mail to all members, with the placeholders
 * the invitations view fills in. The dialog only edits them: whoever opens
 * it reads them back when it answers, whatever the answer.
 */

#include "klynge-invitation-template-dialog.h"

struct _KlyngeInvitationTemplateDialog
{
  AdwMessageDialog  parent_instance;

  GtkEditable      *subject_entry;
  GtkTextView      *text_view;
};

G_DEFINE_FINAL_TYPE (KlyngeInvitationTemplateDialog, klynge_invitation_template_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
klynge_invitation_template_dialog_class_init (KlyngeInvitationTemplateDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/meetings/klynge-invitation-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeInvitationTemplateDialog, subject_entry);
  gtk_widget_class_bind_template_child (widget_class, KlyngeInvitationTemplateDialog, text_view);
}

static void
klynge_invitation_template_dialog_init (KlyngeInvitationTemplateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * klynge_invitation_template_dialog_new:
 * @subject: the subject to start from
 * @text: the text to start from
 */
KlyngeInvitationTemplateDialog *
klynge_invitation_template_dialog_new (GtkWindow  *parent,
                                       const char *subject,
                                       const char *text)
{
  KlyngeInvitationTemplateDialog *self = g_object_new (KLYNGE_TYPE_INVITATION_TEMPLATE_DIALOG,
                                                       "transient-for", parent,
                                                       "modal", TRUE,
                                                       NULL);

  gtk_editable_set_text (self->subject_entry, subject);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  return self;
}

const char *
klynge_invitation_template_dialog_get_subject (KlyngeInvitationTemplateDialog *self)
{
  g_return_val_if_fail (KLYNGE_IS_INVITATION_TEMPLATE_DIALOG (self), NULL);

  return gtk_editable_get_text (self->subject_entry);
}

/* Returns: (transfer full): the text as edited. */
char *
klynge_invitation_template_dialog_dup_text (KlyngeInvitationTemplateDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (KLYNGE_IS_INVITATION_TEMPLATE_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
