/* klynge-cluster-details.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"

G_BEGIN_DECLS

/* Everything the cluster editor shows. Strings are never NULL after
 * klynge_cluster_details_load(); dates may be NULL (unknown). */
typedef struct
{
  gint64  id;
  char   *name;
  char   *region;
  char   *municipalities;
  char   *registration_number;  /* e.g. the Danish CVR number */
  char   *bank_account;
  char   *founded_on;
  char   *notes;                /* statutes and anything else */
  double  attendance_threshold; /* 0…1 */
  gint64  min_listed_patients;
  char   *currency;
  gint64  start_grant_per_gp;   /* minor units */
  gint64  grant_per_patient;    /* minor units per listed patient per year */
} KlyngeClusterDetails;

void     klynge_cluster_details_clear    (KlyngeClusterDetails  *details);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KlyngeClusterDetails, klynge_cluster_details_clear)

gboolean klynge_cluster_details_load     (KlyngeDb              *db,
                                          gint64                 cluster_id,
                                          KlyngeClusterDetails  *details,
                                          GError               **error);
gboolean klynge_cluster_details_validate (const KlyngeClusterDetails *details,
                                          GError               **error);
/* Writes a new cluster (id 0: with the default ledger categories) or
 * updates one; the currency is the finances area's and is not changed. */
gboolean klynge_cluster_details_save     (KlyngeDb              *db,
                                          KlyngeClusterDetails  *details,
                                          GError               **error);

typedef struct
{
  gint64    id;
  char     *name;
  gboolean  archived;
} KlyngeClusterBrief;

/* Returns: (element-type KlyngeClusterBrief): the clusters in use (and the
 *   archived ones with @with_archived), by name */
GPtrArray *klynge_cluster_list_all       (KlyngeDb              *db,
                                          gboolean               with_archived,
                                          GError               **error);

/* The grants the cluster can expect at its current size. */
typedef struct
{
  gint64 n_gps;
  gint64 listed_patients;
  gint64 start_grant;    /* once: GPs × rate */
  gint64 yearly_grant;   /* listed patients × rate */
} KlyngeGrantEstimate;

gboolean klynge_cluster_estimate_grant   (KlyngeDb              *db,
                                          gint64                 cluster_id,
                                          KlyngeGrantEstimate   *estimate,
                                          GError               **error);
/* The same estimate from counts already read (those of the cluster summary). */
void     klynge_cluster_grant_for        (const KlyngeClusterDetails *details,
                                          gint64                 n_gps,
                                          gint64                 listed_patients,
                                          KlyngeGrantEstimate   *estimate);

/* One current holder of a board role. */
typedef struct
{
  gint64  member_id;
  char   *member_name;
  char   *role;        /* key: coordinator, chair… */
  char   *from_date;
} KlyngeBoardSeat;

/* Returns: (element-type KlyngeBoardSeat): the roles other than plain
 * membership held today by active members, in the order of the statutes */
GPtrArray *klynge_cluster_list_board     (KlyngeDb              *db,
                                          gint64                 cluster_id,
                                          GError               **error);

G_END_DECLS
