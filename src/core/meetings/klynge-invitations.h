/* klynge-invitations.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "klynge-db.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_INVITATION (klynge_invitation_get_type ())
G_DECLARE_FINAL_TYPE (KlyngeInvitation, klynge_invitation, KLYNGE, INVITATION, GObject)

/* One member's invitation to a meeting and their answer. */
struct _KlyngeInvitation
{
  GObject  parent_instance;

  gint64   meeting_id;
  gint64   member_id;
  char    *member_name;
  char    *member_email;
  char    *clinic_name;     /* nullable */
  char    *status;          /* invited, accepted, declined, no_answer */
  char    *sent_at;         /* nullable */
  char    *responded_at;    /* nullable */
};

const char *klynge_invitation_status_label (const char   *status);
gboolean    klynge_invitation_update       (KlyngeInvitation *self,
                                            KlyngeInvitation *from);

/* The answers to one meeting's invitations. */
typedef struct
{
  guint invited;              /* all invited members */
  guint accepted;
  guint declined;
  guint no_answer;            /* neither accepted nor declined (yet) */
} KlyngeInvitationCounts;

GListModel *klynge_invitations_list        (KlyngeDb     *db,
                                            gint64        meeting_id,
                                            GError      **error);
gboolean    klynge_invitations_invite      (KlyngeDb     *db,
                                            gint64        meeting_id,
                                            const gint64 *member_ids,
                                            guint         n_members,
                                            GError      **error);
int         klynge_invitations_invite_all  (KlyngeDb     *db,
                                            gint64        meeting_id,
                                            GError      **error);
gboolean    klynge_invitations_count       (KlyngeDb     *db,
                                            gint64        meeting_id,
                                            KlyngeInvitationCounts *counts,
                                            GError      **error);
gboolean    klynge_invitations_set_status  (KlyngeDb     *db,
                                            gint64        meeting_id,
                                            gint64        member_id,
                                            const char   *status,
                                            GError      **error);
gboolean    klynge_invitations_remove      (KlyngeDb     *db,
                                            gint64        meeting_id,
                                            gint64        member_id,
                                            GError      **error);
char       *klynge_invitations_mailto      (KlyngeDb     *db,
                                            gint64        meeting_id,
                                            const char   *subject,
                                            const char   *body,
                                            GError      **error);
char       *klynge_invitations_fill_template (KlyngeDb   *db,
                                              gint64      meeting_id,
                                              const char *template_text,
                                              GError    **error);
const char *klynge_invitations_default_template (void);
gboolean    klynge_invitations_is_mail_address (const char *address);
gboolean    klynge_invitations_organizer   (KlyngeDb     *db,
                                            gint64        cluster_id,
                                            char        **name,
                                            char        **email,
                                            GError      **error);

G_END_DECLS
