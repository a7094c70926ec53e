/* klynge-choice.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KLYNGE_TYPE_CHOICE (klynge_choice_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeChoice, klynge_choice, KLYNGE, CHOICE, GObject)

/* Returned by the find functions when no choice matches. It equals
 * GTK_INVALID_LIST_POSITION, which this GTK-free library cannot name. */
#define KLYNGE_CHOICE_NOT_FOUND G_MAXUINT

/* The label of a code, as klynge_member_title_label() gives it. */
typedef const char *(*KlyngeChoiceLabelFunc) (const char *key);

KlyngeChoice *klynge_choice_new             (gint64                 id,
                                             const char            *label);
KlyngeChoice *klynge_choice_new_for_key     (const char            *key,
                                             const char            *label);
gint64        klynge_choice_get_id          (KlyngeChoice          *self);
const char   *klynge_choice_get_key         (KlyngeChoice          *self);
const char   *klynge_choice_get_label       (KlyngeChoice          *self);

GListStore   *klynge_choices_new            (void);
GListStore   *klynge_choices_new_for_keys   (const char * const    *keys,
                                             KlyngeChoiceLabelFunc  label_of);
void          klynge_choices_append         (GListStore            *choices,
                                             gint64                 id,
                                             const char            *label);
void          klynge_choices_append_key     (GListStore            *choices,
                                             const char            *key,
                                             const char            *label);
void          klynge_choices_append_names   (GListStore            *choices,
                                             const char * const    *names);
void          klynge_choices_append_full    (GListStore            *choices,
                                             gint64                 id,
                                             const char            *key,
                                             const char            *label);
guint         klynge_choices_find_id        (GListModel            *choices,
                                             gint64                 id);
guint         klynge_choices_find_key       (GListModel            *choices,
                                             const char            *key);
gboolean      klynge_choices_equal          (GListModel            *a,
                                             GListModel            *b);

G_END_DECLS
