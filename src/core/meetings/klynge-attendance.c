/* klynge-attendance.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The attendance register, guests, and the members' attendance rates with
 * the private flags for the coordinator.
 */

#define G_LOG_DOMAIN "klynge-attendance"

#include "klynge-i18n.h"

#include "klynge-attendance.h"
#include "klynge-db-statement.h"
#include "klynge-record.h"
#include "klynge-sql.h"

G_DEFINE_FINAL_TYPE (KlyngeAttendance, klynge_attendance, G_TYPE_OBJECT)

/* The properties that rows bind; the register's "id" is the member's, as
 * a member has one line in a meeting's register. */
enum {
  PROP_0,
  PROP_ID,
  PROP_MEMBER_NAME,
  PROP_CLINIC_NAME,
  PROP_STATUS,
  PROP_LATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const presences[] = { "present", "excused", "absent", NULL };

static void
klynge_attendance_finalize (GObject *object)
{
  KlyngeAttendance *self = KLYNGE_ATTENDANCE (object);

  g_free (self->member_name);
  g_free (self->clinic_name);
  g_free (self->status);
  G_OBJECT_CLASS (klynge_attendance_parent_class)->finalize (object);
}

static void
klynge_attendance_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KlyngeAttendance *self = KLYNGE_ATTENDANCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->member_id);
      break;
    case PROP_MEMBER_NAME:
      g_value_set_string (value, self->member_name);
      break;
    case PROP_CLINIC_NAME:
      g_value_set_string (value, self->clinic_name);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_LATE:
      g_value_set_boolean (value, self->late);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_attendance_class_init (KlyngeAttendanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = klynge_attendance_finalize;
  object_class->get_property = klynge_attendance_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  properties[PROP_MEMBER_NAME] = g_param_spec_string ("member-name", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_CLINIC_NAME] = g_param_spec_string ("clinic-name", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_LATE] = g_param_spec_boolean ("late", NULL, NULL, FALSE, KLYNGE_RECORD_READABLE);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
take_fields (gpointer self,
             gpointer from)
{
  KlyngeAttendance *line = self, *fresh = from;

  g_free (line->member_name);
  line->member_name = g_steal_pointer (&fresh->member_name);
  g_free (line->clinic_name);
  line->clinic_name = g_steal_pointer (&fresh->clinic_name);
  g_free (line->status);
  line->status = g_steal_pointer (&fresh->status);
  line->late = fresh->late;
}

/**
 * klynge_attendance_update:
 * @from: (transfer full): the same line as read again; used up
 *
 * Returns: whether any of @self's properties changed (each notified)
 */
gboolean
klynge_attendance_update (KlyngeAttendance *self,
                          KlyngeAttendance *from)
{
  g_autoptr(KlyngeAttendance) fresh = from;

  return klynge_record_update (self, fresh, take_fields);
}

static void
klynge_attendance_init (KlyngeAttendance *self)
{
}

void
klynge_guest_free (KlyngeGuest *guest)
{
  if (guest == NULL)
    return;
  g_free (guest->name);
  g_free (guest->organisation);
  g_free (guest);
}

void
klynge_attendance_rate_free (KlyngeAttendanceRate *rate)
{
  if (rate == NULL)
    return;
  g_free (rate->name);
  g_free (rate->clinic_name);
  g_free (rate);
}

const char *
klynge_attendance_status_label (const char *status)
{
  if (g_strcmp0 (status, "present") == 0)
    return _("Present");
  if (g_strcmp0 (status, "excused") == 0)
    return _("Excused");
  if (g_strcmp0 (status, "absent") == 0)
    return _("Absent");
  return _("Not registered");
}

/**
 * klynge_quick_key:
 * @status: a roll call status (present, excused, absent, late) or an
 *   invitation's answer (invited, accepted, declined, no_answer)
 *
 * The letter that records @status with one key, in the user's language.
 * The roll call and the invitations share one set of letters, so a letter
 * never means one thing in one list and another in the other: in Danish
 * F fremmødt, A afbud (excused or declined alike), U udeblevet, K kom for
 * sent; T tilmeldt, I inviteret, S intet svar.
 *
 * Returns: the lower-case letter, 0 for an unknown status
 */
gunichar
klynge_quick_key (const char *status)
{
  static const struct {
    const char *status;
    const char *context;
    const char *key;
  } keys[] = {
    /* Translators: the quick keys are one lower-case letter each; a letter
     * must not stand for two different things across the roll call and the
     * invitations (excused and declined may share one), and the shortcuts
     * window's "roll call keys" and "invitation keys" list the same letters */
    { "present", "quick key: present (roll call)",
      NC_("quick key: present (roll call)", "p") },
    { "excused", "quick key: excused (roll call)",
      NC_("quick key: excused (roll call)", "e") },
    { "absent", "quick key: absent (roll call)",
      NC_("quick key: absent (roll call)", "u") },
    { "late", "quick key: late (roll call)",
      NC_("quick key: late (roll call)", "l") },
    { "invited", "quick key: invited (invitation)",
      NC_("quick key: invited (invitation)", "i") },
    { "accepted", "quick key: accepted (invitation)",
      NC_("quick key: accepted (invitation)", "a") },
    { "declined", "quick key: declined (invitation)",
      NC_("quick key: declined (invitation)", "d") },
    { "no_answer", "quick key: no answer (invitation)",
      NC_("quick key: no answer (invitation)", "n") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_strcmp0 (status, keys[i].status) == 0)
      return g_unichar_tolower (g_utf8_get_char (g_dpgettext2 (GETTEXT_PACKAGE, keys[i].context, keys[i].key)));
  return 0;
}

/* Returns: (transfer full): the quick key of @status as shown, "F" */
char *
klynge_quick_key_text (const char *status)
{
  char buf[8] = "";

  g_unichar_to_utf8 (g_unichar_toupper (klynge_quick_key (status)), buf);
  return g_strdup (buf);
}

static gpointer
attendance_from_row (KlyngeDbStatement *stmt)
{
  KlyngeAttendance *line = g_object_new (KLYNGE_TYPE_ATTENDANCE, NULL);

  line->member_id = klynge_db_statement_column_int64 (stmt, 0);
  line->member_name = klynge_db_statement_dup_nullable (stmt, 1);
  line->clinic_name = klynge_db_statement_dup_nullable (stmt, 2);
  line->status = klynge_db_statement_dup_nullable (stmt, 3);
  line->late = (int) klynge_db_statement_column_int64 (stmt, 4);
  line->meeting_id = klynge_db_statement_column_int64 (stmt, 5);
  return line;
}

/**
 * klynge_attendance_list:
 *
 * The register of a meeting: every member who was a member on the day or
 * was invited or registered, with what is recorded for them.
 *
 * Returns: (transfer full): a list of #KlyngeAttendance by name
 */
GListModel *
klynge_attendance_list (KlyngeDb  *db,
                        gint64     meeting_id,
                        GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT m.id, m.name, c.name, coalesce(a.status, ''), coalesce(a.late, 0), g.id "
    "FROM meeting g JOIN member m ON m.cluster_id = g.cluster_id "
    "LEFT JOIN clinic c ON c.id = m.clinic_id "
    "LEFT JOIN attendance a ON a.meeting_id = g.id AND a.member_id = m.id "
    "WHERE g.id = ?1 AND (a.member_id IS NOT NULL "
    "  OR EXISTS (SELECT 1 FROM invitation i WHERE i.meeting_id = g.id AND i.member_id = m.id) "
    "  OR ((m.joined_on IS NULL OR m.joined_on <= substr(g.starts_at, 1, 10)) "
    "      AND (m.left_on IS NULL OR m.left_on > substr(g.starts_at, 1, 10)))) "
    "ORDER BY m.name COLLATE NOCASE, m.id");

  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  return klynge_db_statement_collect_model (stmt, KLYNGE_TYPE_ATTENDANCE, attendance_from_row, error);
}

/**
 * klynge_attendance_set:
 * @status: present, excused, absent, or "" / %NULL to clear the line
 * @late: arrived late (only kept for present members)
 */
gboolean
klynge_attendance_set (KlyngeDb    *db,
                       gint64       meeting_id,
                       gint64       member_id,
                       const char  *status,
                       gboolean     late,
                       GError     **error)
{
  gboolean clear = status == NULL || *status == '\0';
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (!clear && !g_strv_contains (presences, status))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("Unknown attendance “%s”."), status);
      return FALSE;
    }
  stmt = klynge_db_statement_new (db, clear
    ? "DELETE FROM attendance WHERE meeting_id = ?1 AND member_id = ?2"
    : "INSERT INTO attendance (meeting_id, member_id, status, late) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (meeting_id, member_id) DO UPDATE SET status = excluded.status, late = excluded.late");
  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  klynge_db_statement_bind_int64 (stmt, 2, member_id);
  if (!clear)
    {
      klynge_db_statement_bind_text (stmt, 3, status);
      klynge_db_statement_bind_int64 (stmt, 4, late && g_str_equal (status, "present"));
    }
  return klynge_db_statement_run (stmt, error);
}

static gpointer
guest_from_row (KlyngeDbStatement *stmt)
{
  KlyngeGuest *guest = g_new0 (KlyngeGuest, 1);

  guest->id = klynge_db_statement_column_int64 (stmt, 0);
  guest->name = klynge_db_statement_dup_nullable (stmt, 1);
  guest->organisation = klynge_db_statement_dup_nullable (stmt, 2);
  return guest;
}

/* Returns: (transfer full): the meeting's guests, #KlyngeGuest */
GPtrArray *
klynge_guests_list (KlyngeDb  *db,
                    gint64     meeting_id,
                    GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT id, name, organisation FROM guest WHERE meeting_id = ?1 ORDER BY id");

  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  return klynge_db_statement_collect (stmt, guest_from_row, (GDestroyNotify) klynge_guest_free, error);
}

gint64
klynge_guest_add (KlyngeDb    *db,
                  gint64       meeting_id,
                  const char  *name,
                  const char  *organisation,
                  GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (*trimmed == '\0')
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("A guest needs a name."));
      return 0;
    }
  stmt = klynge_db_statement_new (db, "INSERT INTO guest (meeting_id, name, organisation) VALUES (?1, ?2, ?3)");
  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  klynge_db_statement_bind_text (stmt, 2, trimmed);
  klynge_db_statement_bind_text (stmt, 3, organisation != NULL ? organisation : "");
  return klynge_db_statement_run (stmt, error) ? klynge_db_last_insert_id (db) : 0;
}

gboolean
klynge_guest_remove (KlyngeDb  *db,
                     gint64     guest_id,
                     GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, "DELETE FROM guest WHERE id = ?1");

  klynge_db_statement_bind_int64 (stmt, 1, guest_id);
  return klynge_db_statement_run (stmt, error);
}

static gpointer
rate_from_row (KlyngeDbStatement *stmt)
{
  KlyngeAttendanceRate *rate = g_new0 (KlyngeAttendanceRate, 1);
  double threshold = klynge_db_statement_column_double (stmt, 5);

  rate->member_id = klynge_db_statement_column_int64 (stmt, 0);
  rate->name = klynge_db_statement_dup_nullable (stmt, 1);
  rate->clinic_name = klynge_db_statement_dup_nullable (stmt, 2);
  rate->n_meetings = (guint) klynge_db_statement_column_int64 (stmt, 3);
  /* Present at a meeting held before they joined cannot count twice. */
  rate->n_present = MIN ((guint) klynge_db_statement_column_int64 (stmt, 4), rate->n_meetings);
  rate->n_missed = rate->n_meetings - rate->n_present;
  rate->rate = rate->n_meetings > 0 ? (double) rate->n_present / rate->n_meetings : 1.0;
  /* A small tolerance: 3 of 4 is 0.75 and meets a 0.75 threshold. */
  rate->flagged = rate->n_meetings > 0 && rate->rate + 1e-9 < threshold;
  return rate;
}

/**
 * klynge_attendance_rates:
 * @last_n: how many of the latest held meetings count; 0 lists the
 *   current members without counting any meeting
 *
 * For every current member: of the last @last_n held meetings, those held
 * while they were a member, and how many of them they attended (late counts
 * as present). A member under the cluster's attendance threshold is flagged;
 * the flags are for the coordinator's eyes only.
 *
 * Returns: (transfer full): #KlyngeAttendanceRate by name
 */
GPtrArray *
klynge_attendance_rates (KlyngeDb  *db,
                         gint64     cluster_id,
                         guint      last_n,
                         GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "WITH recent AS (SELECT id, substr(starts_at, 1, 10) AS day FROM meeting "
    "                WHERE cluster_id = ?1 AND status = 'held' ORDER BY starts_at DESC LIMIT ?2) "
    "SELECT m.id, m.name, c.name, "
    "  (SELECT count(*) FROM recent r WHERE (m.joined_on IS NULL OR m.joined_on <= r.day) "
    "     AND (m.left_on IS NULL OR m.left_on > r.day)), "
    "  (SELECT count(*) FROM recent r JOIN attendance a ON a.meeting_id = r.id "
    "     WHERE a.member_id = m.id AND a.status = 'present'), "
    "  (SELECT attendance_threshold FROM cluster WHERE id = ?1) "
    "FROM member m LEFT JOIN clinic c ON c.id = m.clinic_id "
    "WHERE m.cluster_id = ?1 AND m.left_on IS NULL ORDER BY m.name COLLATE NOCASE, m.id");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_int64 (stmt, 2, (int) MIN (last_n, G_MAXINT));
  return klynge_db_statement_collect (stmt, rate_from_row, (GDestroyNotify) klynge_attendance_rate_free, error);
}

/* "has missed 3 of the last 4 meetings": facts, no judgement. */
char *
klynge_attendance_rate_describe (const KlyngeAttendanceRate *rate)
{
  if (rate->n_meetings == 0)
    return g_strdup (_("no meetings yet"));
  if (rate->n_missed == 0 && rate->n_meetings == 1)
    return g_strdup (_("came to the last meeting"));
  if (rate->n_missed == 0)
    return g_strdup_printf (_("came to all of the last %u meetings"), rate->n_meetings);
  /* Translators: both numbers are meetings: "has missed 3 of the last 4 meetings" */
  return g_strdup_printf (ngettext ("has missed %u of the last %u meeting",
                                    "has missed %u of the last %u meetings", rate->n_meetings),
                          rate->n_missed, rate->n_meetings);
}
