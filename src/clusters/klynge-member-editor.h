/* klynge-member-editor.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-member.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_MEMBER_EDITOR (klynge_member_editor_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeMemberEditor, klynge_member_editor, KLYNGE, MEMBER_EDITOR, AdwWindow)

/* @member: (nullable): the member to edit, or %NULL for a new one */
KlyngeMemberEditor *klynge_member_editor_new (GtkWindow    *parent,
                                              KlyngeDb     *db,
                                              gint64        cluster_id,
                                              KlyngeMember *member);

G_END_DECLS
