/* klynge-member.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "klynge-db.h"
#include "klynge-snapshot.h"

G_BEGIN_DECLS

/* A role held for a time; NULL dates are open ("since always", "still"). */
typedef struct
{
  char *role;       /* key: coordinator, deputy, board, chair, treasurer, secretary, member */
  char *from_date;
  char *to_date;
} KlyngeMemberRole;

KlyngeMemberRole *klynge_member_role_new  (const char       *role,
                                           const char       *from_date,
                                           const char       *to_date);
void              klynge_member_role_free (KlyngeMemberRole *role);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeMemberRole, klynge_member_role_free)

#define KLYNGE_TYPE_MEMBER (klynge_member_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeMember, klynge_member, KLYNGE, MEMBER, GObject)

/* A member of the cluster. The fields are public: a record the lists read
 * and the editor fills in before klynge_member_save(). Strings are never
 * NULL; dates are NULL when unknown. A member with a leaving date is
 * former: kept with their history, left out of address lists. */
struct _KlyngeMember
{
  GObject    parent_instance;

  gint64     id;            /* 0 until saved */
  char      *name;
  char      *title;         /* key: gp, trainee, nurse, secretary, other */
  gint64     clinic_id;     /* 0: none */
  char      *clinic_name;   /* filled when listed */
  char      *email;
  char      *phone;
  char      *joined_on;
  char      *left_on;
  char      *notes;
  GPtrArray *roles;         /* KlyngeMemberRole, by start date */
  char      *search_text;   /* private: what klynge_member_matches() searches, case-folded */
};

KlyngeMember *klynge_member_new          (void);
gboolean      klynge_member_update       (KlyngeMember *self,
                                          KlyngeMember *from);
gboolean      klynge_member_is_former    (KlyngeMember *self);
/* The roles held today, translated and joined: "Chair, Coordinator". */
char         *klynge_member_current_roles (KlyngeMember *self);
/* @folded: a search text passed through g_utf8_casefold() */
gboolean      klynge_member_matches      (KlyngeMember *self,
                                          const char   *folded);

/* The keys of titles and roles, NULL-terminated, and their translated names. */
const char * const *klynge_member_titles      (void);
const char         *klynge_member_title_label (const char *title);
const char * const *klynge_member_role_keys   (void);
const char         *klynge_member_role_label  (const char *role);

GListModel     *klynge_member_list          (KlyngeDb      *db,
                                             gint64         cluster_id,
                                             GError       **error);
KlyngeMember   *klynge_member_load          (KlyngeDb      *db,
                                             gint64         cluster_id,
                                             gint64         member_id,
                                             GError       **error);
gboolean        klynge_member_validate      (KlyngeDb      *db,
                                             gint64         cluster_id,
                                             KlyngeMember  *member,
                                             GError       **error);
/* Writes the member and replaces their roles, in one transaction. */
gboolean        klynge_member_save          (KlyngeDb      *db,
                                             gint64         cluster_id,
                                             KlyngeMember  *member,
                                             GError       **error);
/* The member leaves on @date: former from then on, and the roles they still
 * hold end that day, so the board's history stays. */
gboolean        klynge_member_leave         (KlyngeDb      *db,
                                             gint64         cluster_id,
                                             gint64         member_id,
                                             const char    *date,
                                             GError       **error);
KlyngeSnapshot *klynge_member_delete        (KlyngeDb      *db,
                                             gint64         cluster_id,
                                             gint64         member_id,
                                             GError       **error);
/* The addresses of active members, once each, joined by ", " for a BCC line. */
char           *klynge_member_active_emails (KlyngeDb      *db,
                                             gint64         cluster_id,
                                             GError       **error);

/* For klynge_clinic_delete(): deletes one member into @snapshot, inside the
 * caller's transaction. */
gboolean        _klynge_member_delete_into  (KlyngeDb       *db,
                                             gint64          member_id,
                                             KlyngeSnapshot *snapshot,
                                             GError        **error);

G_END_DECLS
