/* klynge-clinic.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "klynge-db.h"
#include "klynge-snapshot.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_CLINIC (klynge_clinic_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeClinic, klynge_clinic, KLYNGE, CLINIC, GObject)

/* A clinic (practice) of the cluster. The fields are public: a record the
 * lists read and the editor fills in before klynge_clinic_save(). Strings
 * are never NULL; dates are NULL when unknown. */
struct _KlyngeClinic
{
  GObject  parent_instance;

  gint64   id;               /* 0 until saved */
  char    *name;
  char    *provider_number;  /* unique within the cluster; "" for none */
  char    *address;
  char    *phone;
  char    *email;
  gint64   listed_patients;
  char    *record_system;
  char    *joined_on;
  char    *left_on;
  char    *notes;
  gint64   n_members;        /* active members, when listed */
  char    *search_text;      /* private: what klynge_clinic_matches() searches, case-folded */
};

KlyngeClinic *klynge_clinic_new   (void);
gboolean      klynge_clinic_update (KlyngeClinic *self,
                                    KlyngeClinic *from);
/* @folded: a search text passed through g_utf8_casefold() */
gboolean      klynge_clinic_matches (KlyngeClinic *self,
                                     const char   *folded);

/* What happens to the members of a clinic that is deleted. */
typedef enum
{
  KLYNGE_CLINIC_MEMBERS_NONE,    /* refuse when the clinic has members */
  KLYNGE_CLINIC_MEMBERS_MOVE,    /* move them to another clinic */
  KLYNGE_CLINIC_MEMBERS_REMOVE,  /* delete them with the clinic */
} KlyngeClinicMembers;

GListModel     *klynge_clinic_list           (KlyngeDb             *db,
                                              gint64                cluster_id,
                                              GError              **error);
KlyngeClinic   *klynge_clinic_load           (KlyngeDb             *db,
                                              gint64                cluster_id,
                                              gint64                clinic_id,
                                              GError              **error);
gboolean        klynge_clinic_check_provider_number (KlyngeDb      *db,
                                              gint64                cluster_id,
                                              gint64                clinic_id,
                                              const char           *number,
                                              GError              **error);
gboolean        klynge_clinic_validate       (KlyngeDb             *db,
                                              gint64                cluster_id,
                                              KlyngeClinic         *clinic,
                                              GError              **error);
gboolean        klynge_clinic_save           (KlyngeDb             *db,
                                              gint64                cluster_id,
                                              KlyngeClinic         *clinic,
                                              GError              **error);
/* Members of the clinic, former ones included. */
gboolean        klynge_clinic_count_members  (KlyngeDb             *db,
                                              gint64                clinic_id,
                                              gint64               *n_members,
                                              GError              **error);
KlyngeSnapshot *klynge_clinic_delete         (KlyngeDb             *db,
                                              gint64                cluster_id,
                                              gint64                clinic_id,
                                              KlyngeClinicMembers   members,
                                              gint64                move_to,
                                              GError              **error);
/* The usual record systems and the ones the cluster's clinics use. */
GStrv           klynge_clinic_record_systems (KlyngeDb             *db,
                                              gint64                cluster_id);

G_END_DECLS
