/* klynge-cluster.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"
#include "klynge-snapshot.h"

G_BEGIN_DECLS

/* Counts shown in the summary of a cluster and by `klynge-cli info`. */
typedef struct
{
  gint64  cluster_id;
  char   *name;
  char   *currency;
  gint64  n_clinics;
  gint64  n_members;        /* active: not left */
  gint64  n_gps;            /* active members titled GP */
  gint64  listed_patients;  /* of active clinics */
  gint64  min_listed_patients;
  gint64  n_meetings;
  gint64  n_meetings_held;
  gint64  n_topics;
  gint64  n_indicators;
  gint64  n_measurements;
  gint64  n_ledger_entries;
  gint64  balance;          /* minor units: income minus expenses */
} KlyngeClusterSummary;

/* What deleting a cluster takes with it, for the question before. */
typedef struct
{
  gint64  n_clinics;
  gint64  n_members;
  gint64  n_meetings;
  gint64  n_measurements;
} KlyngeClusterContents;

gint64   klynge_cluster_create          (KlyngeDb              *db,
                                         const char            *name,
                                         GError               **error);
gint64   klynge_cluster_first_id        (KlyngeDb              *db);
gint64   klynge_cluster_pick_default    (KlyngeDb              *db,
                                         gint64                 preferred);
gboolean klynge_cluster_exists          (KlyngeDb              *db,
                                         gint64                 cluster_id);
gboolean klynge_cluster_summary_load    (KlyngeDb              *db,
                                         gint64                 cluster_id,
                                         KlyngeClusterSummary  *summary,
                                         GError               **error);
void     klynge_cluster_summary_clear   (KlyngeClusterSummary  *summary);
gboolean klynge_cluster_contents_load   (KlyngeDb              *db,
                                         gint64                 cluster_id,
                                         KlyngeClusterContents *contents,
                                         GError               **error);

gboolean klynge_cluster_is_archived     (KlyngeDb              *db,
                                         gint64                 cluster_id);
gboolean klynge_cluster_set_archived    (KlyngeDb              *db,
                                         gint64                 cluster_id,
                                         gboolean               archived,
                                         GError               **error);
KlyngeSnapshot *klynge_cluster_delete   (KlyngeDb              *db,
                                         gint64                 cluster_id,
                                         char                 **backup_path,
                                         GError               **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KlyngeClusterSummary, klynge_cluster_summary_clear)

G_END_DECLS
