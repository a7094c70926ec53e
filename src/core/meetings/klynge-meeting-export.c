/* klynge-meeting-export.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A meeting's attendance list and invitation status as spreadsheets. The
 * members' attendance rates and flags are private to the coordinator: they
 * are only written when asked for.
 */

#define G_LOG_DOMAIN "klynge-meeting-export"

#include "klynge-i18n.h"

#include "klynge-attendance.h"
#include "klynge-db-task.h"
#include "klynge-invitations.h"
#include "klynge-meeting.h"
#include "klynge-meeting-export.h"
#include "klynge-table-export.h"

/* Attendance rates count the last four held meetings, as the coordinator view opens. */
#define RATE_MEETINGS 4

gboolean
klynge_meeting_export_kind_from_string (const char          *name,
                                        KlyngeMeetingExport *kind)
{
  if (g_strcmp0 (name, "attendance") == 0)
    *kind = KLYNGE_MEETING_EXPORT_ATTENDANCE;
  else if (g_strcmp0 (name, "invitations") == 0)
    *kind = KLYNGE_MEETING_EXPORT_INVITATIONS;
  else
    return FALSE;
  return TRUE;
}

static KlyngeTable *
attendance_table (KlyngeDb  *db,
                  gint64     meeting_id,
                  GError   **error)
{
  const KlyngeTableColumn columns[] = {
    { _("Name"), KLYNGE_TABLE_TEXT }, { C_("column", "Clinic"), KLYNGE_TABLE_TEXT },
    { _("Attendance"), KLYNGE_TABLE_TEXT }, { _("Late"), KLYNGE_TABLE_TEXT },
  };
  g_autoptr(GListModel) lines = klynge_attendance_list (db, meeting_id, error);
  g_autoptr(GPtrArray) guests = NULL;
  g_autoptr(KlyngeTable) table = NULL;

  if (lines == NULL || !(guests = klynge_guests_list (db, meeting_id, error)))
    return NULL;
  table = klynge_table_new (_("Attendance"), columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(KlyngeAttendance) line = g_list_model_get_item (lines, i);

      klynge_table_begin_row (table);
      klynge_table_add_text (table, line->member_name);
      klynge_table_add_text (table, line->clinic_name != NULL ? line->clinic_name : "");
      klynge_table_add_text (table, klynge_attendance_status_label (line->status));
      klynge_table_add_text (table, line->late ? _("Yes") : "");
    }
  for (guint i = 0; i < guests->len; i++)
    {
      KlyngeGuest *guest = g_ptr_array_index (guests, i);

      klynge_table_begin_row (table);
      klynge_table_add_text (table, guest->name);
      klynge_table_add_text (table, guest->organisation);
      klynge_table_add_text (table, _("Guest"));
    }
  return g_steal_pointer (&table);
}

static KlyngeTable *
invitations_table (KlyngeDb  *db,
                   gint64     meeting_id,
                   GError   **error)
{
  const KlyngeTableColumn columns[] = {
    { _("Name"), KLYNGE_TABLE_TEXT }, { C_("column", "Clinic"), KLYNGE_TABLE_TEXT }, { _("E-mail"), KLYNGE_TABLE_TEXT },
    { _("Answer"), KLYNGE_TABLE_TEXT }, { _("Invited"), KLYNGE_TABLE_DATE }, { _("Answered"), KLYNGE_TABLE_DATE },
  };
  g_autoptr(GListModel) invitations = klynge_invitations_list (db, meeting_id, error);
  g_autoptr(KlyngeTable) table = NULL;

  if (invitations == NULL)
    return NULL;
  table = klynge_table_new (_("Invitations"), columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < g_list_model_get_n_items (invitations); i++)
    {
      g_autoptr(KlyngeInvitation) invitation = g_list_model_get_item (invitations, i);
      g_autofree char *sent = invitation->sent_at != NULL ? g_strndup (invitation->sent_at, 10) : NULL;
      g_autofree char *answered = invitation->responded_at != NULL ? g_strndup (invitation->responded_at, 10) : NULL;

      klynge_table_begin_row (table);
      klynge_table_add_text (table, invitation->member_name);
      klynge_table_add_text (table, invitation->clinic_name != NULL ? invitation->clinic_name : "");
      klynge_table_add_text (table, invitation->member_email);
      klynge_table_add_text (table, klynge_invitation_status_label (invitation->status));
      if (sent != NULL)
        klynge_table_add_text (table, sent);
      else
        klynge_table_add_empty (table);
      if (answered != NULL)
        klynge_table_add_text (table, answered);
      else
        klynge_table_add_empty (table);
    }
  return g_steal_pointer (&table);
}

static KlyngeTable *
rates_table (KlyngeDb  *db,
             gint64     cluster_id,
             GError   **error)
{
  const KlyngeTableColumn columns[] = {
    { _("Name"), KLYNGE_TABLE_TEXT }, { C_("column", "Clinic"), KLYNGE_TABLE_TEXT },
    { _("Meetings"), KLYNGE_TABLE_INTEGER }, { _("Present"), KLYNGE_TABLE_INTEGER },
    { _("Attendance rate"), KLYNGE_TABLE_PERCENT }, { _("Under the threshold"), KLYNGE_TABLE_TEXT },
  };
  g_autoptr(GPtrArray) rates = klynge_attendance_rates (db, cluster_id, RATE_MEETINGS, error);
  g_autoptr(KlyngeTable) table = NULL;

  if (rates == NULL)
    return NULL;
  table = klynge_table_new (_("Attendance rates"), columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < rates->len; i++)
    {
      KlyngeAttendanceRate *rate = g_ptr_array_index (rates, i);

      klynge_table_begin_row (table);
      klynge_table_add_text (table, rate->name);
      klynge_table_add_text (table, rate->clinic_name != NULL ? rate->clinic_name : "");
      klynge_table_add_integer (table, rate->n_meetings);
      klynge_table_add_integer (table, rate->n_present);
      klynge_table_add_number (table, rate->rate);
      klynge_table_add_text (table, rate->flagged ? _("Yes") : "");
    }
  return g_steal_pointer (&table);
}

/**
 * klynge_meeting_export_xlsx:
 * @with_attendance_rates: add a sheet with every member's attendance rate
 *   and flag; only when the coordinator asks for it
 */
gboolean
klynge_meeting_export_xlsx (KlyngeDb             *db,
                            gint64                meeting_id,
                            KlyngeMeetingExport   kind,
                            gboolean              with_attendance_rates,
                            const char           *path,
                            GError              **error)
{
  g_autoptr(KlyngeMeeting) meeting = klynge_meeting_load (db, meeting_id, error);
  KlyngeTable *tables[2] = { NULL, NULL };
  guint n = 0;
  gboolean ok = FALSE;

  if (meeting == NULL)
    return FALSE;
  tables[n] = kind == KLYNGE_MEETING_EXPORT_ATTENDANCE ? attendance_table (db, meeting_id, error)
                                                       : invitations_table (db, meeting_id, error);
  if (tables[n++] == NULL)
    goto out;
  if (with_attendance_rates && (tables[n++] = rates_table (db, meeting->cluster_id, error)) == NULL)
    goto out;
  ok = klynge_tables_write_xlsx (tables, n, path, error);

out:
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_clear_pointer (&tables[i], klynge_table_free);
  return ok;
}

static gpointer
export_in_worker (KlyngeDb      *db,
                  gint64         meeting_id,
                  const char    *path,
                  int            kind,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return klynge_meeting_export_xlsx (db, meeting_id, kind, FALSE, path, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/**
 * klynge_meeting_export_xlsx_async:
 *
 * Writes the workbook as klynge_meeting_export_xlsx() does (without the
 * attendance rates), in a worker on its own connection.
 */
void
klynge_meeting_export_xlsx_async (KlyngeDb             *db,
                                  gint64                meeting_id,
                                  KlyngeMeetingExport   kind,
                                  const char           *path,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  klynge_db_file_task_run (db, KLYNGE_DB_OPEN_READ_ONLY, meeting_id, path, kind, export_in_worker, NULL,
                           klynge_meeting_export_xlsx_async, cancellable, callback, user_data);
}

gboolean
klynge_meeting_export_xlsx_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return klynge_db_file_task_finish (result, klynge_meeting_export_xlsx_async, error) != NULL;
}
