/* klynge-topics.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"

G_BEGIN_DECLS

/**
 * KlyngeIndicatorType:
 * @KLYNGE_INDICATOR_PROPORTION: unit "percent": a share of the denominator,
 *   so the numerator never exceeds it; binomial statistics
 * @KLYNGE_INDICATOR_RATE: unit "rate": events per @rate_per people (items
 *   per 1,000 patients), so the numerator may exceed the denominator;
 *   Poisson statistics
 * @KLYNGE_INDICATOR_VALUE: units "count" and "value": a number as measured,
 *   or a plain ratio of numerator and denominator
 *
 * The type follows from the stored unit (klynge_indicator_type_of_unit()).
 */
typedef enum
{
  KLYNGE_INDICATOR_PROPORTION,
  KLYNGE_INDICATOR_RATE,
  KLYNGE_INDICATOR_VALUE,
} KlyngeIndicatorType;

#define KLYNGE_INDICATOR_RATE_PER_DEFAULT 1000

/* A choice an indicator editor offers: the unit stored and, for a rate, its base. */
typedef struct
{
  const char *unit;
  gint64      rate_per;
} KlyngeIndicatorUnit;

typedef struct
{
  gint64    id;              /* 0 until saved */
  gint64    topic_id;
  char     *package_key;     /* shipped indicators only */
  char     *name;
  char     *numerator_definition;
  char     *denominator_definition;
  char     *unit;            /* percent, count, rate, value */
  gint64    rate_per;        /* a rate's base: 1,000 or 100,000 */
  gboolean  higher_is_better;
  char     *data_source;
  gboolean  user_modified;
} KlyngeIndicator;

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

KlyngeIndicator *klynge_indicator_new           (void);
void             klynge_indicator_free          (KlyngeIndicator *indicator);
KlyngeTopic     *klynge_topic_new               (void);
void             klynge_topic_free              (KlyngeTopic     *topic);
void             klynge_topic_proposal_free     (KlyngeTopicProposal *proposal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeIndicator, klynge_indicator_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeTopic, klynge_topic_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeTopicProposal, klynge_topic_proposal_free)

const char      *klynge_indicator_unit_label    (const char      *unit,
                                                 gint64           rate_per);
const KlyngeIndicatorUnit *klynge_indicator_units (guint         *n_units);
KlyngeIndicatorType klynge_indicator_type_of_unit (const char    *unit);
const char      *klynge_indicator_type_to_unit  (KlyngeIndicatorType type);
double           klynge_indicator_multiplier    (const char      *unit,
                                                 gint64           rate_per);
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
