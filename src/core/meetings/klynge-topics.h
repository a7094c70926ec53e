/* klynge-topics.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"
#include "klynge-indicator.h"

G_BEGIN_DECLS

typedef struct
{
  gint64     id;             /* 0 until saved */
  gint64     cluster_id;     /* 0: the shared library */
  char      *package_key;    /* shipped packages only */
  char      *title;
  char      *description;
  char      *rationale;
  gboolean   user_modified;
  GPtrArray *indicators;     /* KlyngeIndicator */
} KlyngeTopic;

typedef struct
{
  gint64  id;
  char   *title;
  gint64  proposed_by;       /* member, 0: nobody recorded */
  char   *proposer_name;     /* nullable */
  gint64  votes;
  gint64  topic_id;          /* 0 until chosen */
  char   *created_on;
} KlyngeTopicProposal;

KlyngeTopic     *klynge_topic_new               (void);
void             klynge_topic_free              (KlyngeTopic     *topic);
void             klynge_topic_proposal_free     (KlyngeTopicProposal *proposal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeTopic, klynge_topic_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeTopicProposal, klynge_topic_proposal_free)

gint64           klynge_indicator_create        (KlyngeDb        *db,
                                                 gint64           cluster_id,
                                                 gint64           topic_id,
                                                 const char      *name,
                                                 KlyngeIndicatorType type,
                                                 gint64           rate_per,
                                                 GError         **error);

gboolean     klynge_topics_load_library     (KlyngeDb     *db,
                                             GBytes       *json,
                                             const char   *language,
                                             GError      **error);
gboolean     klynge_topics_ensure_library   (KlyngeDb     *db,
                                             GError      **error);

GPtrArray   *klynge_topics_list             (KlyngeDb     *db,
                                             gint64        cluster_id,
                                             GError      **error);
KlyngeTopic *klynge_topic_load              (KlyngeDb     *db,
                                             gint64        topic_id,
                                             GError      **error);
gboolean     klynge_topic_save              (KlyngeDb     *db,
                                             KlyngeTopic  *topic,
                                             GError      **error);

GPtrArray   *klynge_topic_proposals_list    (KlyngeDb     *db,
                                             gint64        cluster_id,
                                             GError      **error);
gint64       klynge_topic_proposal_add      (KlyngeDb     *db,
                                             gint64        cluster_id,
                                             const char   *title,
                                             gint64        proposed_by,
                                             GError      **error);
gboolean     klynge_topic_proposal_vote     (KlyngeDb     *db,
                                             gint64        proposal_id,
                                             int           delta,
                                             GError      **error);
gint64       klynge_topic_proposal_choose   (KlyngeDb     *db,
                                             gint64        proposal_id,
                                             GError      **error);

G_END_DECLS
