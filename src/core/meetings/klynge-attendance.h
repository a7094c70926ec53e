/* klynge-attendance.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "klynge-db.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_ATTENDANCE (klynge_attendance_get_type ())
G_DECLARE_FINAL_TYPE (KlyngeAttendance, klynge_attendance, KLYNGE, ATTENDANCE, GObject)

/* One line of the register: a member and how they attended. */
struct _KlyngeAttendance
{
  GObject   parent_instance;

  gint64    meeting_id;
  gint64    member_id;
  char     *member_name;
  char     *clinic_name;   /* nullable */
  char     *status;        /* present, excused, absent; "" not registered */
  gboolean  late;
};

typedef struct
{
  gint64  id;
  char   *name;
  char   *organisation;
} KlyngeGuest;

void klynge_guest_free (KlyngeGuest *guest);

/* A member's attendance over the last meetings. */
typedef struct
{
  gint64    member_id;
  char     *name;
  char     *clinic_name;  /* nullable */
  guint     n_meetings;   /* held meetings while a member, of the last N */
  guint     n_present;
  guint     n_missed;     /* excused, absent or not registered */
  double    rate;         /* n_present / n_meetings, 1 when none */
  gboolean  flagged;      /* rate under the cluster's threshold */
} KlyngeAttendanceRate;

void klynge_attendance_rate_free (KlyngeAttendanceRate *rate);

gboolean    klynge_attendance_update       (KlyngeAttendance *self,
                                            KlyngeAttendance *from);
const char *klynge_attendance_status_label (const char *status);
gunichar    klynge_quick_key               (const char *status);
char       *klynge_quick_key_text          (const char *status);

GListModel *klynge_attendance_list       (KlyngeDb    *db,
                                          gint64       meeting_id,
                                          GError     **error);
gboolean    klynge_attendance_set        (KlyngeDb    *db,
                                          gint64       meeting_id,
                                          gint64       member_id,
                                          const char  *status,
                                          gboolean     late,
                                          GError     **error);

GPtrArray  *klynge_guests_list           (KlyngeDb    *db,
                                          gint64       meeting_id,
                                          GError     **error);
gint64      klynge_guest_add             (KlyngeDb    *db,
                                          gint64       meeting_id,
                                          const char  *name,
                                          const char  *organisation,
                                          GError     **error);
gboolean    klynge_guest_remove          (KlyngeDb    *db,
                                          gint64       guest_id,
                                          GError     **error);

GPtrArray  *klynge_attendance_rates      (KlyngeDb    *db,
                                          gint64       cluster_id,
                                          guint        last_n,
                                          GError     **error);
char       *klynge_attendance_rate_describe (const KlyngeAttendanceRate *rate);

G_END_DECLS
