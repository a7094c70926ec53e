/* klynge-meeting.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meetings with their agenda and speakers: validation, saving in one
 * transaction, cancelling, deleting with undo and the PDSA follow-up.
 */

#define G_LOG_DOMAIN "klynge-meeting"

#include "klynge-i18n.h"

#include <stdio.h>
#include <string.h>

#include "klynge-db-statement.h"
#include "klynge-format.h"
#include "klynge-meeting.h"
#include "klynge-record.h"
#include "klynge-snapshot.h"
#include "klynge-sql.h"

G_DEFINE_FINAL_TYPE (KlyngeMeeting, klynge_meeting, G_TYPE_OBJECT)

static const char *const statuses[] = { "planned", "invited", "held", "cancelled", NULL };

/* The properties are what lists bind; the editor fills the public fields,
 * and klynge_meeting_update() brings a listed meeting up to date. */
enum {
  PROP_0,
  PROP_ID,
  PROP_CLUSTER_ID,
  PROP_TITLE,
  PROP_TOPIC_ID,
  PROP_TOPIC_TITLE,
  PROP_STARTS_AT,
  PROP_ENDS_AT,
  PROP_WHEN_LABEL,
  PROP_VENUE_NAME,
  PROP_VENUE_ADDRESS,
  PROP_CATERING,
  PROP_FACILITATOR_ID,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_SUMMARY,
  PROP_MINUTES,
  PROP_FOLLOW_UP_OF,
  PROP_N_PRESENT,
  PROP_SEQUENCE,
  PROP_REPLY_BY,
  PROP_PAST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

/* "2026-06-09T17:40", the local time that divides upcoming meetings from past ones. */
static char *
local_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M");
}

/* Minutes since 0001-01-01 of a local "YYYY-MM-DDTHH:MM"; -1 when malformed.
 * Local wall-clock times compare and subtract correctly this way except
 * across a daylight-saving change in the night, when no meeting takes place. */
static gint64
to_minutes (const char *local)
{
  int y, mo, d, h, mi;
  GDate date;

  if (!klynge_meeting_parse_time (local, &y, &mo, &d, &h, &mi))
    return -1;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) mo, (GDateYear) y);
  return (gint64) g_date_get_julian (&date) * 24 * 60 + h * 60 + mi;
}

static char *
from_minutes (gint64 minutes)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) (minutes / (24 * 60)));
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), (int) (minutes / 60 % 24), (int) (minutes % 60));
}

static char *
format_when (const char *local)
{
  char *text = klynge_format_date_time (local);

  return text != NULL ? text : g_strdup (local);
}

static char *
summary (KlyngeMeeting *self)
{
  g_autofree char *when = format_when (self->starts_at);

  return g_strdup_printf ("%s · %s", when, klynge_meeting_status_label (self->status));
}

/* Speakers */

KlyngeSpeaker *
klynge_speaker_new (const char *name,
                    const char *organisation,
                    gint64      fee)
{
  KlyngeSpeaker *speaker = g_new0 (KlyngeSpeaker, 1);

  speaker->name = g_strdup (name != NULL ? name : "");
  speaker->organisation = g_strdup (organisation != NULL ? organisation : "");
  speaker->fee = fee;
  return speaker;
}

void
klynge_speaker_free (KlyngeSpeaker *speaker)
{
  if (speaker == NULL)
    return;
  g_free (speaker->name);
  g_free (speaker->organisation);
  g_free (speaker);
}

/* Meetings */

static void
klynge_meeting_finalize (GObject *object)
{
  KlyngeMeeting *self = KLYNGE_MEETING (object);

  g_free (self->title);
  g_free (self->topic_title);
  g_free (self->starts_at);
  g_free (self->ends_at);
  g_free (self->venue_name);
  g_free (self->venue_address);
  g_free (self->catering);
  g_free (self->status);
  g_free (self->minutes);
  g_free (self->reply_by);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  g_clear_pointer (&self->speakers, g_ptr_array_unref);
  G_OBJECT_CLASS (klynge_meeting_parent_class)->finalize (object);
}

static void
klynge_meeting_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KlyngeMeeting *self = KLYNGE_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CLUSTER_ID:
      g_value_set_int64 (value, self->cluster_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_TOPIC_ID:
      g_value_set_int64 (value, self->topic_id);
      break;
    case PROP_TOPIC_TITLE:
      g_value_set_string (value, self->topic_title);
      break;
    case PROP_STARTS_AT:
      g_value_set_string (value, self->starts_at);
      break;
    case PROP_ENDS_AT:
      g_value_set_string (value, self->ends_at);
      break;
    case PROP_WHEN_LABEL:
      g_value_take_string (value, format_when (self->starts_at));
      break;
    case PROP_VENUE_NAME:
      g_value_set_string (value, self->venue_name);
      break;
    case PROP_VENUE_ADDRESS:
      g_value_set_string (value, self->venue_address);
      break;
    case PROP_CATERING:
      g_value_set_string (value, self->catering);
      break;
    case PROP_FACILITATOR_ID:
      g_value_set_int64 (value, self->facilitator_id);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, klynge_meeting_status_label (self->status));
      break;
    case PROP_SUMMARY:
      g_value_take_string (value, summary (self));
      break;
    case PROP_MINUTES:
      g_value_set_string (value, self->minutes);
      break;
    case PROP_FOLLOW_UP_OF:
      g_value_set_int64 (value, self->follow_up_of);
      break;
    case PROP_N_PRESENT:
      g_value_set_int64 (value, self->n_present);
      break;
    case PROP_SEQUENCE:
      g_value_set_int (value, self->sequence);
      break;
    case PROP_REPLY_BY:
      g_value_set_string (value, self->reply_by);
      break;
    case PROP_PAST:
      g_value_set_boolean (value, self->past);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_meeting_class_init (KlyngeMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = klynge_meeting_finalize;
  object_class->get_property = klynge_meeting_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  properties[PROP_CLUSTER_ID] = g_param_spec_int64 ("cluster-id", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_TOPIC_ID] = g_param_spec_int64 ("topic-id", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  properties[PROP_TOPIC_TITLE] = g_param_spec_string ("topic-title", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_STARTS_AT] = g_param_spec_string ("starts-at", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_ENDS_AT] = g_param_spec_string ("ends-at", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeMeeting:when-label:
   *
   * The start in the locale's words: "9 June 2026, 17:00".
   */
  properties[PROP_WHEN_LABEL] = g_param_spec_string ("when-label", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_VENUE_NAME] = g_param_spec_string ("venue-name", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_VENUE_ADDRESS] = g_param_spec_string ("venue-address", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_CATERING] = g_param_spec_string ("catering", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_FACILITATOR_ID] = g_param_spec_int64 ("facilitator-id", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeMeeting:status:
   *
   * The status's key: planned, invited, held or cancelled.
   */
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeMeeting:status-label:
   *
   * The status, translated: "Invitations sent".
   */
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeMeeting:summary:
   *
   * When and how it stands, for a row under the title: "9 June 2026, 17:00 · Held".
   */
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_MINUTES] = g_param_spec_string ("minutes", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_FOLLOW_UP_OF] = g_param_spec_int64 ("follow-up-of", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeMeeting:n-present:
   *
   * How many members were present, as listed.
   */
  properties[PROP_N_PRESENT] = g_param_spec_int64 ("n-present", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  properties[PROP_SEQUENCE] = g_param_spec_int ("sequence", NULL, NULL, 0, G_MAXINT, 0, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeMeeting:reply-by:
   *
   * The date members are asked to answer by, "2026-06-02", or %NULL.
   */
  properties[PROP_REPLY_BY] = g_param_spec_string ("reply-by", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeMeeting:past:
   *
   * Whether the meeting was held or is over, as of its listing.
   */
  properties[PROP_PAST] = g_param_spec_boolean ("past", NULL, NULL, FALSE, KLYNGE_RECORD_READABLE);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_meeting_init (KlyngeMeeting *self)
{
  self->title = g_strdup ("");
  self->starts_at = g_strdup ("");
  self->ends_at = g_strdup ("");
  self->venue_name = g_strdup ("");
  self->venue_address = g_strdup ("");
  self->catering = g_strdup ("");
  self->status = g_strdup ("planned");
  self->minutes = g_strdup ("");
  self->agenda = g_ptr_array_new_with_free_func (g_object_unref);
  self->speakers = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_speaker_free);
}

KlyngeMeeting *
klynge_meeting_new (gint64 cluster_id)
{
  KlyngeMeeting *meeting = g_object_new (KLYNGE_TYPE_MEETING, NULL);

  meeting->cluster_id = cluster_id;
  return meeting;
}

static void
take_fields (gpointer self_,
             gpointer from_)
{
  KlyngeMeeting *self = self_;
  KlyngeMeeting *from = from_;

  self->id = from->id;
  self->cluster_id = from->cluster_id;
  g_free (self->title), self->title = g_steal_pointer (&from->title);
  self->topic_id = from->topic_id;
  g_free (self->topic_title), self->topic_title = g_steal_pointer (&from->topic_title);
  g_free (self->starts_at), self->starts_at = g_steal_pointer (&from->starts_at);
  g_free (self->ends_at), self->ends_at = g_steal_pointer (&from->ends_at);
  g_free (self->venue_name), self->venue_name = g_steal_pointer (&from->venue_name);
  g_free (self->venue_address), self->venue_address = g_steal_pointer (&from->venue_address);
  g_free (self->catering), self->catering = g_steal_pointer (&from->catering);
  self->facilitator_id = from->facilitator_id;
  g_free (self->status), self->status = g_steal_pointer (&from->status);
  g_free (self->minutes), self->minutes = g_steal_pointer (&from->minutes);
  self->follow_up_of = from->follow_up_of;
  g_ptr_array_unref (self->agenda), self->agenda = g_steal_pointer (&from->agenda);
  g_ptr_array_unref (self->speakers), self->speakers = g_steal_pointer (&from->speakers);
  self->n_present = from->n_present;
  self->sequence = from->sequence;
  g_free (self->reply_by), self->reply_by = g_steal_pointer (&from->reply_by);
  self->past = from->past;
}

/**
 * klynge_meeting_update:
 * @from: (transfer full): the meeting as read again; used up
 *
 * Brings @self up to date with @from in place, notifying each property
 * whose value changed, so that rows bound to @self show it.
 *
 * Returns: whether anything changed
 */
gboolean
klynge_meeting_update (KlyngeMeeting *self,
                       KlyngeMeeting *from)
{
  g_autoptr(KlyngeMeeting) used = from;

  g_return_val_if_fail (KLYNGE_IS_MEETING (self), FALSE);
  g_return_val_if_fail (KLYNGE_IS_MEETING (from), FALSE);
  return klynge_record_update (self, from, take_fields);
}

const char *
klynge_meeting_status_label (const char *status)
{
  if (g_strcmp0 (status, "planned") == 0)
    return _("Planned");
  if (g_strcmp0 (status, "invited") == 0)
    return _("Invitations sent");
  if (g_strcmp0 (status, "held") == 0)
    return _("Held");
  return _("Cancelled");
}

/**
 * klynge_meeting_parse_time:
 *
 * Reads a local time written "2026-06-09T17:00".
 *
 * Returns: %TRUE when @local is such a time on a real calendar date
 */
gboolean
klynge_meeting_parse_time (const char *local,
                           int        *year,
                           int        *month,
                           int        *day,
                           int        *hour,
                           int        *minute)
{
  char tail;

  if (local == NULL || strlen (local) != 16 || local[4] != '-' || local[7] != '-' ||
      local[10] != 'T' || local[13] != ':' ||
      sscanf (local, "%4d-%2d-%2dT%2d:%2d%c", year, month, day, hour, minute, &tail) != 5)
    return FALSE;
  return *year >= 1900 && *year <= 9999 && *month >= 1 && *month <= 12 && *day >= 1 &&
         g_date_valid_dmy ((GDateDay) *day, (GDateMonth) *month, (GDateYear) *year) &&
         *hour >= 0 && *hour < 24 && *minute >= 0 && *minute < 60;
}

int
klynge_meeting_duration_minutes (KlyngeMeeting *self)
{
  gint64 start = to_minutes (self->starts_at);
  gint64 end = to_minutes (self->ends_at);

  return start < 0 || end < 0 ? 0 : (int) (end - start);
}

/**
 * klynge_meeting_compute_agenda:
 *
 * Sets each item's start, one after the other from the meeting's start.
 *
 * Returns: the minutes the whole agenda takes
 */
int
klynge_meeting_compute_agenda (KlyngeMeeting *self)
{
  int offset = 0;

  for (guint i = 0; i < self->agenda->len; i++)
    {
      KlyngeAgendaItem *item = g_ptr_array_index (self->agenda, i);

      klynge_agenda_item_set_start_minutes (item, offset);
      offset += MAX (item->duration_minutes, 0);
    }
  return offset;
}

/* Returns: how many minutes the agenda runs past the meeting's end, or 0. */
int
klynge_meeting_agenda_overrun (KlyngeMeeting *self)
{
  int total = klynge_meeting_compute_agenda (self);

  return MAX (0, total - klynge_meeting_duration_minutes (self));
}

/* Returns: (nullable): the wall-clock start of @item, "17:40" */
char *
klynge_meeting_item_start_time (KlyngeMeeting    *self,
                                KlyngeAgendaItem *item)
{
  gint64 start = to_minutes (self->starts_at);
  gint64 at;

  if (start < 0)
    return NULL;
  at = start + item->start_minutes;
  return g_strdup_printf ("%02d:%02d", (int) (at / 60 % 24), (int) (at % 60));
}

/**
 * klynge_meeting_agenda_text:
 *
 * The agenda as plain text, one item a line with its start time, as the
 * invitations carry it.
 */
char *
klynge_meeting_agenda_text (KlyngeMeeting *self)
{
  GString *text = g_string_new (NULL);

  klynge_meeting_compute_agenda (self);
  for (guint i = 0; i < self->agenda->len; i++)
    {
      KlyngeAgendaItem *item = g_ptr_array_index (self->agenda, i);
      g_autofree char *at = klynge_meeting_item_start_time (self, item);

      /* Translators: an agenda line: start time, title, duration */
      g_string_append_printf (text, _("%s  %s (%d min)"), at != NULL ? at : "", item->title, item->duration_minutes);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* Loading and listing */

/* Past: held, or over by ?2, the local time now. */
#define MEETING_PAST "NOT (m.status != 'held' AND m.ends_at >= ?2) "
#define MEETING_COLUMNS \
  "m.id, m.cluster_id, m.title, m.topic_id, t.title, m.starts_at, m.ends_at, m.venue_name, " \
  "m.venue_address, m.catering, m.facilitator_id, m.status, m.minutes, m.follow_up_of, " \
  "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'present'), " \
  "m.sequence, m.reply_by, " MEETING_PAST
#define MEETING_JOINS "FROM meeting m LEFT JOIN topic t ON t.id = m.topic_id "

static gpointer
meeting_from_row (KlyngeDbStatement *stmt)
{
  KlyngeMeeting *meeting = klynge_meeting_new (klynge_db_statement_column_int64 (stmt, 1));

  meeting->id = klynge_db_statement_column_int64 (stmt, 0);
  klynge_record_set_text (&meeting->title, klynge_db_statement_column_text (stmt, 2));
  meeting->topic_id = klynge_db_statement_column_int64 (stmt, 3);
  meeting->topic_title = klynge_db_statement_dup_nullable (stmt, 4);
  klynge_record_set_text (&meeting->starts_at, klynge_db_statement_column_text (stmt, 5));
  klynge_record_set_text (&meeting->ends_at, klynge_db_statement_column_text (stmt, 6));
  klynge_record_set_text (&meeting->venue_name, klynge_db_statement_column_text (stmt, 7));
  klynge_record_set_text (&meeting->venue_address, klynge_db_statement_column_text (stmt, 8));
  klynge_record_set_text (&meeting->catering, klynge_db_statement_column_text (stmt, 9));
  meeting->facilitator_id = klynge_db_statement_column_int64 (stmt, 10);
  klynge_record_set_text (&meeting->status, klynge_db_statement_column_text (stmt, 11));
  klynge_record_set_text (&meeting->minutes, klynge_db_statement_column_text (stmt, 12));
  meeting->follow_up_of = klynge_db_statement_column_int64 (stmt, 13);
  meeting->n_present = klynge_db_statement_column_int64 (stmt, 14);
  meeting->sequence = (int) klynge_db_statement_column_int64 (stmt, 15);
  meeting->reply_by = klynge_db_statement_dup_nullable (stmt, 16);
  meeting->past = klynge_db_statement_column_int64 (stmt, 17) != 0;
  return meeting;
}

static gpointer
agenda_item_from_row (KlyngeDbStatement *stmt)
{
  KlyngeAgendaItem *item = klynge_agenda_item_new (klynge_db_statement_column_text (stmt, 1),
                                                   klynge_db_statement_column_text (stmt, 2),
                                                   (int) klynge_db_statement_column_int64 (stmt, 3));

  item->id = klynge_db_statement_column_int64 (stmt, 0);
  klynge_record_set_text (&item->notes, klynge_db_statement_column_text (stmt, 4));
  return item;
}

static gpointer
speaker_from_row (KlyngeDbStatement *stmt)
{
  return klynge_speaker_new (klynge_db_statement_column_text (stmt, 0),
                             klynge_db_statement_column_text (stmt, 1),
                             klynge_db_statement_column_int64 (stmt, 2));
}

static gboolean
load_agenda (KlyngeDb       *db,
             KlyngeMeeting  *meeting,
             GError        **error)
{
  g_autoptr(KlyngeDbStatement) items = klynge_db_statement_new (db,
    "SELECT id, title, kind, duration_minutes, notes FROM agenda_item "
    "WHERE meeting_id = ?1 ORDER BY position, id");
  g_autoptr(KlyngeDbStatement) speakers = klynge_db_statement_new (db,
    "SELECT name, organisation, fee FROM meeting_speaker WHERE meeting_id = ?1 ORDER BY id");
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) people = NULL;

  klynge_db_statement_bind_int64 (items, 1, meeting->id);
  if (!(agenda = klynge_db_statement_collect (items, agenda_item_from_row, g_object_unref, error)))
    return FALSE;
  g_ptr_array_extend_and_steal (meeting->agenda, g_steal_pointer (&agenda));
  klynge_meeting_compute_agenda (meeting);

  klynge_db_statement_bind_int64 (speakers, 1, meeting->id);
  if (!(people = klynge_db_statement_collect (speakers, speaker_from_row, (GDestroyNotify) klynge_speaker_free, error)))
    return FALSE;
  g_ptr_array_extend_and_steal (meeting->speakers, g_steal_pointer (&people));
  return TRUE;
}

/**
 * klynge_meeting_load:
 *
 * Returns: (transfer full): the meeting with its agenda and speakers
 */
KlyngeMeeting *
klynge_meeting_load (KlyngeDb  *db,
                     gint64     meeting_id,
                     GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, "SELECT " MEETING_COLUMNS MEETING_JOINS "WHERE m.id = ?1");
  g_autoptr(KlyngeMeeting) meeting = NULL;
  g_autofree char *now = local_now ();

  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  klynge_db_statement_bind_text (stmt, 2, now);
  if (!klynge_db_statement_expect_row (stmt, _("The meeting no longer exists."), error))
    return NULL;
  meeting = meeting_from_row (stmt);
  g_clear_pointer (&stmt, klynge_db_statement_free);
  if (!load_agenda (db, meeting, error))
    return NULL;
  return g_steal_pointer (&meeting);
}

/**
 * klynge_meetings_list:
 * @now: (nullable): the local time that divides upcoming from past; %NULL: now
 *
 * The agenda is not loaded.
 *
 * Returns: (transfer full): a list of #KlyngeMeeting
 */
GListModel *
klynge_meetings_list (KlyngeDb              *db,
                      gint64                 cluster_id,
                      KlyngeMeetingsFilter   filter,
                      const char            *now,
                      GError               **error)
{
  g_autofree char *current = NULL;
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (now == NULL)
    now = current = local_now ();
  stmt = klynge_db_statement_new (db,
    filter == KLYNGE_MEETINGS_SCHEDULE
      ? "SELECT " MEETING_COLUMNS MEETING_JOINS "WHERE m.cluster_id = ?1 "
        "ORDER BY " MEETING_PAST ", CASE WHEN " MEETING_PAST "THEN NULL ELSE m.starts_at END, m.starts_at DESC, m.id"
      : filter == KLYNGE_MEETINGS_WITH_INDICATORS
      ? "SELECT " MEETING_COLUMNS MEETING_JOINS "WHERE m.cluster_id = ?1 AND ?2 IS NOT NULL "
        "AND (m.topic_id IS NOT NULL OR m.id IN (SELECT meeting_id FROM data_request)) ORDER BY m.starts_at DESC, m.id"
      : "SELECT " MEETING_COLUMNS MEETING_JOINS "WHERE m.cluster_id = ?1 AND ?2 IS NOT NULL "
        "ORDER BY m.starts_at, m.id");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, now);
  return klynge_db_statement_collect_model (stmt, KLYNGE_TYPE_MEETING, meeting_from_row, error);
}

/* Saving */

static gboolean
check_overlap (KlyngeDb       *db,
               KlyngeMeeting  *meeting,
               GError        **error)
{
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  int rc;

  if (g_str_equal (meeting->status, "cancelled"))
    return TRUE;
  stmt = klynge_db_statement_new (db,
    "SELECT title, starts_at FROM meeting WHERE cluster_id = ?1 AND id != ?2 "
    "AND status != 'cancelled' AND starts_at < ?4 AND ends_at > ?3 ORDER BY starts_at LIMIT 1");
  klynge_db_statement_bind_int64 (stmt, 1, meeting->cluster_id);
  klynge_db_statement_bind_int64 (stmt, 2, meeting->id);
  klynge_db_statement_bind_text (stmt, 3, meeting->starts_at);
  klynge_db_statement_bind_text (stmt, 4, meeting->ends_at);
  rc = klynge_db_statement_step (stmt, error);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *when = format_when (klynge_db_statement_column_text (stmt, 1));

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT,
                   _("The meeting overlaps “%s” on %s; choose another time."),
                   klynge_db_statement_column_text (stmt, 0), when);
    }
  return rc == SQLITE_DONE;
}

static gboolean
validate_meeting (KlyngeDb       *db,
                  KlyngeMeeting  *meeting,
                  GError        **error)
{
  if (klynge_sql_is_blank (meeting->title))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("A meeting needs a title."));
      return FALSE;
    }
  if (to_minutes (meeting->starts_at) < 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("“%s” is not a start time; write it like 2026-06-09T17:00."), meeting->starts_at);
      return FALSE;
    }
  if (to_minutes (meeting->ends_at) < 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("“%s” is not an end time; write it like 2026-06-09T20:00."), meeting->ends_at);
      return FALSE;
    }
  if (to_minutes (meeting->ends_at) <= to_minutes (meeting->starts_at))
    {
      g_autofree char *start = format_when (meeting->starts_at);
      g_autofree char *end = format_when (meeting->ends_at);

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("The meeting ends (%s) before it starts (%s)."), end, start);
      return FALSE;
    }
  if (!g_strv_contains (statuses, meeting->status))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("Unknown meeting status “%s”."), meeting->status);
      return FALSE;
    }
  if (meeting->follow_up_of != 0 && meeting->follow_up_of == meeting->id)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("A meeting cannot be the follow-up of itself."));
      return FALSE;
    }
  for (guint i = 0; i < meeting->agenda->len; i++)
    {
      KlyngeAgendaItem *item = g_ptr_array_index (meeting->agenda, i);

      if (klynge_sql_is_blank (item->title))
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("Agenda item %u needs a title."), i + 1);
          return FALSE;
        }
      if (item->duration_minutes <= 0)
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                       _("Agenda item %u (“%s”) has no duration; give it the minutes it takes."),
                       i + 1, item->title);
          return FALSE;
        }
      if (!g_strv_contains (klynge_agenda_kinds (), item->kind))
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                       _("Agenda item %u (“%s”) has an unknown type “%s”."), i + 1, item->title, item->kind);
          return FALSE;
        }
    }
  for (guint i = 0; i < meeting->speakers->len; i++)
    {
      KlyngeSpeaker *speaker = g_ptr_array_index (meeting->speakers, i);

      if (klynge_sql_is_blank (speaker->name))
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("Speaker %u needs a name."), i + 1);
          return FALSE;
        }
      if (speaker->fee < 0)
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                       _("The fee of %s cannot be negative."), speaker->name);
          return FALSE;
        }
    }
  return check_overlap (db, meeting, error);
}

static gboolean
write_meeting (KlyngeDb       *db,
               KlyngeMeeting  *meeting,
               gint64         *id,
               GError        **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, meeting->id == 0
    ? "INSERT INTO meeting (cluster_id, title, topic_id, starts_at, ends_at, venue_name, venue_address, "
    "  catering, facilitator_id, status, minutes, follow_up_of, reply_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?14)"
    /* The right-hand sides see the row as it was, so the sequence counts
     * exactly the changes a calendar has to apply (RFC 5546 2.1.4), once
     * invitations are out (a planned meeting has sent none). */
    : "UPDATE meeting SET sequence = sequence + (status != 'planned' AND (starts_at != ?4 OR ends_at != ?5 "
      "    OR venue_name != ?6 OR venue_address != ?7 OR (status = 'cancelled') != (?10 = 'cancelled'))), "
      "  title = ?2, topic_id = ?3, starts_at = ?4, ends_at = ?5, venue_name = ?6, "
      "  venue_address = ?7, catering = ?8, facilitator_id = ?9, status = ?10, minutes = ?11, "
      "  follow_up_of = ?12, reply_by = ?14 WHERE id = ?13 AND cluster_id = ?1");

  klynge_db_statement_bind_int64 (stmt, 1, meeting->cluster_id);
  klynge_db_statement_bind_text (stmt, 2, g_strstrip (meeting->title));
  klynge_db_statement_bind_id (stmt, 3, meeting->topic_id);
  klynge_db_statement_bind_text (stmt, 4, meeting->starts_at);
  klynge_db_statement_bind_text (stmt, 5, meeting->ends_at);
  klynge_db_statement_bind_text (stmt, 6, meeting->venue_name);
  klynge_db_statement_bind_text (stmt, 7, meeting->venue_address);
  klynge_db_statement_bind_text (stmt, 8, meeting->catering);
  klynge_db_statement_bind_id (stmt, 9, meeting->facilitator_id);
  klynge_db_statement_bind_text (stmt, 10, meeting->status);
  klynge_db_statement_bind_text (stmt, 11, meeting->minutes);
  klynge_db_statement_bind_id (stmt, 12, meeting->follow_up_of);
  klynge_db_statement_bind_id (stmt, 13, meeting->id);
  klynge_db_statement_bind_text (stmt, 14, meeting->reply_by != NULL && *meeting->reply_by != '\0' ? meeting->reply_by : NULL);
  if (meeting->id != 0 ? !klynge_db_statement_run_changing (stmt, _("The meeting no longer exists."), error)
                       : !klynge_db_statement_run (stmt, error))
    return FALSE;
  *id = meeting->id != 0 ? meeting->id : klynge_db_last_insert_id (db);
  return TRUE;
}

static gboolean
write_agenda (KlyngeDb       *db,
              KlyngeMeeting  *meeting,
              gint64          id,
              GError        **error)
{
  g_autoptr(KlyngeDbStatement) clear_agenda = klynge_db_statement_new (db, "DELETE FROM agenda_item WHERE meeting_id = ?1");
  g_autoptr(KlyngeDbStatement) clear_speakers = klynge_db_statement_new (db, "DELETE FROM meeting_speaker WHERE meeting_id = ?1");

  klynge_db_statement_bind_int64 (clear_agenda, 1, id);
  if (!klynge_db_statement_run (clear_agenda, error))
    return FALSE;
  for (guint i = 0; i < meeting->agenda->len; i++)
    {
      KlyngeAgendaItem *item = g_ptr_array_index (meeting->agenda, i);
      g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
        "INSERT INTO agenda_item (meeting_id, position, title, kind, duration_minutes, notes) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");

      klynge_db_statement_bind_int64 (stmt, 1, id);
      klynge_db_statement_bind_int64 (stmt, 2, i);
      klynge_db_statement_bind_text (stmt, 3, g_strstrip (item->title));
      klynge_db_statement_bind_text (stmt, 4, item->kind);
      klynge_db_statement_bind_int64 (stmt, 5, item->duration_minutes);
      klynge_db_statement_bind_text (stmt, 6, item->notes);
      if (!klynge_db_statement_run (stmt, error))
        return FALSE;
    }

  klynge_db_statement_bind_int64 (clear_speakers, 1, id);
  if (!klynge_db_statement_run (clear_speakers, error))
    return FALSE;
  for (guint i = 0; i < meeting->speakers->len; i++)
    {
      KlyngeSpeaker *speaker = g_ptr_array_index (meeting->speakers, i);
      g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
        "INSERT INTO meeting_speaker (meeting_id, name, organisation, fee) VALUES (?1, ?2, ?3, ?4)");

      klynge_db_statement_bind_int64 (stmt, 1, id);
      klynge_db_statement_bind_text (stmt, 2, g_strstrip (speaker->name));
      klynge_db_statement_bind_text (stmt, 3, speaker->organisation);
      klynge_db_statement_bind_int64 (stmt, 4, speaker->fee);
      if (!klynge_db_statement_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * klynge_meeting_save:
 *
 * Checks everything first, then writes the meeting, its agenda and speakers
 * in one transaction: on any error nothing is changed. A new meeting gets its
 * id.
 */
gboolean
klynge_meeting_save (KlyngeDb       *db,
                     KlyngeMeeting  *meeting,
                     GError        **error)
{
  gint64 id = 0, sequence;

  if (!klynge_db_begin (db, error))
    return FALSE;
  if (!validate_meeting (db, meeting, error) ||
      !write_meeting (db, meeting, &id, error) ||
      !write_agenda (db, meeting, id, error) ||
      !klynge_db_commit (db, error))
    {
      klynge_db_rollback (db);
      return FALSE;
    }
  meeting->id = id;
  if (!klynge_db_count (db, "SELECT sequence FROM meeting WHERE id = ?1", id, &sequence, error))
    return FALSE;
  meeting->sequence = (int) sequence;
  klynge_meeting_compute_agenda (meeting);
  return TRUE;
}

/* Cancelling keeps the meeting with its invitations, where its date puts
 * it (a cancelled February meeting is still upcoming in December, marked
 * cancelled); cancelling and taking it up again are changes calendars must
 * see. */
gboolean
klynge_meeting_set_status (KlyngeDb    *db,
                           gint64       meeting_id,
                           const char  *status,
                           GError     **error)
{
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (!g_strv_contains (statuses, status))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("Unknown meeting status “%s”."), status);
      return FALSE;
    }
  stmt = klynge_db_statement_new (db,
    "UPDATE meeting SET sequence = sequence + (status != 'planned' AND (status = 'cancelled') != (?2 = 'cancelled')), "
    "  status = ?2 WHERE id = ?1");
  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  klynge_db_statement_bind_text (stmt, 2, status);
  return klynge_db_statement_run_changing (stmt, _("The meeting no longer exists."), error);
}

/**
 * klynge_meeting_cancel:
 *
 * Marks the meeting cancelled, as klynge_meeting_set_status() does.
 *
 * Returns: (transfer full): what klynge_snapshot_restore() needs to give
 *   it back the status (and calendar sequence) it had, or %NULL with @error
 *   set
 */
KlyngeSnapshot *
klynge_meeting_cancel (KlyngeDb    *db,
                       gint64       meeting_id,
                       GError     **error)
{
  g_autoptr(KlyngeSnapshot) snapshot = klynge_snapshot_new ();

  if (!klynge_db_begin (db, error))
    return NULL;
  if (!klynge_snapshot_capture_edit (snapshot, db, "meeting", meeting_id, error) ||
      !klynge_meeting_set_status (db, meeting_id, "cancelled", error) ||
      !klynge_snapshot_finish (snapshot, db, error) || !klynge_db_commit (db, error))
    {
      klynge_db_rollback (db);
      return NULL;
    }
  return g_steal_pointer (&snapshot);
}

/**
 * klynge_meeting_reschedule:
 * @ends_at: (nullable): the new end; %NULL keeps the meeting's length
 *
 * Moves the meeting as the editor would save it: checked for overlaps, its
 * sequence raised so calendars move the event they have.
 */
gboolean
klynge_meeting_reschedule (KlyngeDb    *db,
                           gint64       meeting_id,
                           const char  *starts_at,
                           const char  *ends_at,
                           GError     **error)
{
  g_autoptr(KlyngeMeeting) meeting = klynge_meeting_load (db, meeting_id, error);
  int length;

  if (meeting == NULL)
    return FALSE;
  length = klynge_meeting_duration_minutes (meeting);
  klynge_record_set_text (&meeting->starts_at, starts_at);
  g_free (meeting->ends_at);
  meeting->ends_at = ends_at != NULL ? g_strdup (ends_at)
                   : to_minutes (starts_at) < 0 ? g_strdup ("")
                   : from_minutes (to_minutes (starts_at) + length);
  return klynge_meeting_save (db, meeting, error);
}

/**
 * klynge_meeting_default_reply_by:
 * @today: "2026-05-01"
 *
 * A week before the meeting gives the secretary time to order catering; a
 * meeting sooner than that asks for an answer the day before.
 *
 * Returns: (transfer full) (nullable): the date, "2026-06-02"; %NULL for a
 *   malformed start
 */
char *
klynge_meeting_default_reply_by (const char *starts_at,
                                 const char *today)
{
  int y, mo, d, h, mi;
  GDate date;
  char buf[16];

  if (!klynge_meeting_parse_time (starts_at, &y, &mo, &d, &h, &mi))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) mo, (GDateYear) y);
  g_date_subtract_days (&date, 7);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
  if (today != NULL && strcmp (buf, today) < 0)
    {
      g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) mo, (GDateYear) y);
      g_date_subtract_days (&date, 1);
      g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
    }
  return g_strdup (buf);
}

/* Deleting with undo */

/**
 * klynge_meeting_delete:
 *
 * Deletes the meeting with its agenda, invitations, attendance, guests and
 * data requests; ledger entries and follow-ups lose their link to it.
 *
 * Returns: (transfer full): what klynge_snapshot_restore() needs to undo it
 */
KlyngeSnapshot *
klynge_meeting_delete (KlyngeDb  *db,
                       gint64     meeting_id,
                       GError   **error)
{
  g_autoptr(KlyngeSnapshot) snapshot = klynge_snapshot_new ();
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  gint64 n;

  if (!klynge_db_count (db, "SELECT count(*) FROM meeting WHERE id = ?1", meeting_id, &n, error))
    return NULL;
  if (n != 1)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("The meeting no longer exists."));
      return NULL;
    }
  if (!klynge_db_begin (db, error))
    return NULL;
  if (!klynge_snapshot_capture (snapshot, db, "meeting", meeting_id, error))
    goto fail;
  stmt = klynge_db_statement_new (db, "DELETE FROM meeting WHERE id = ?1");
  klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
  if (!klynge_db_statement_run (stmt, error) || !klynge_snapshot_finish (snapshot, db, error) ||
      !klynge_db_commit (db, error))
    goto fail;
  return g_steal_pointer (&snapshot);

fail:
  klynge_db_rollback (db);
  return NULL;
}

/* Follow-up */

/**
 * klynge_meeting_follow_up_dates:
 * @held_starts_at: the held meeting's start
 * @today: (nullable): "2026-12-06"; %NULL: today
 * @earliest: (out) (optional): six months later, "2026-12-09", or @today
 *   when that has passed
 * @proposed: (out) (optional): the proposed start, same weekday and time,
 *   within the week after @earliest
 * @latest: (out) (optional): twelve months later
 *
 * PDSA: the data is revisited 6 to 12 months after the meeting that made the
 * plans. Months are calendar months; a day past the month's end is its last
 * day (31 August + 6 months is 28 or 29 February). A follow-up planned late
 * is proposed from today on, never in the past.
 */
gboolean
klynge_meeting_follow_up_dates (const char  *held_starts_at,
                                const char  *today,
                                char       **earliest,
                                char       **proposed,
                                char       **latest)
{
  int y, mo, d, h, mi, ty, tm, td;
  GDate start, date, now;
  char buf[16];

  if (!klynge_meeting_parse_time (held_starts_at, &y, &mo, &d, &h, &mi))
    return FALSE;
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, (GDateDay) d, (GDateMonth) mo, (GDateYear) y);
  g_date_clear (&now, 1);
  if (today != NULL && sscanf (today, "%4d-%2d-%2d", &ty, &tm, &td) == 3 &&
      g_date_valid_dmy ((GDateDay) td, (GDateMonth) tm, (GDateYear) ty))
    g_date_set_dmy (&now, (GDateDay) td, (GDateMonth) tm, (GDateYear) ty);
  else
    g_date_set_time_t (&now, time (NULL));

  date = start;
  g_date_add_months (&date, 6);
  if (g_date_compare (&date, &now) < 0)
    date = now;
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
  if (earliest != NULL)
    *earliest = g_strdup (buf);
  while (g_date_get_weekday (&date) != g_date_get_weekday (&start))
    g_date_add_days (&date, 1);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
  if (proposed != NULL)
    *proposed = g_strdup_printf ("%sT%02d:%02d", buf, h, mi);

  date = start;
  g_date_add_months (&date, 12);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
  if (latest != NULL)
    *latest = g_strdup (buf);
  return TRUE;
}

/**
 * klynge_meeting_propose_follow_up:
 * @held: a meeting with its agenda loaded
 * @today: (nullable): "2026-12-06"; %NULL: today
 *
 * Returns: (transfer full) (nullable): an unsaved meeting on the same topic,
 *   time of day, length, venue and agenda, linked as the follow-up of @held
 */
KlyngeMeeting *
klynge_meeting_propose_follow_up (KlyngeMeeting *held,
                                  const char    *today)
{
  g_autofree char *proposed = NULL;
  KlyngeMeeting *meeting;

  if (!klynge_meeting_follow_up_dates (held->starts_at, today, NULL, &proposed, NULL))
    return NULL;
  meeting = klynge_meeting_new (held->cluster_id);
  g_free (meeting->title);
  /* Translators: the title of a proposed follow-up meeting; %s is the earlier meeting's title */
  meeting->title = g_strdup_printf (_("Follow-up: %s"), held->title);
  meeting->topic_id = held->topic_id;
  klynge_record_set_text (&meeting->starts_at, proposed);
  g_free (meeting->ends_at);
  meeting->ends_at = from_minutes (to_minutes (proposed) + klynge_meeting_duration_minutes (held));
  klynge_record_set_text (&meeting->venue_name, held->venue_name);
  klynge_record_set_text (&meeting->venue_address, held->venue_address);
  klynge_record_set_text (&meeting->catering, held->catering);
  meeting->facilitator_id = held->facilitator_id;
  meeting->follow_up_of = held->id;
  for (guint i = 0; i < held->agenda->len; i++)
    {
      KlyngeAgendaItem *item = g_ptr_array_index (held->agenda, i);

      g_ptr_array_add (meeting->agenda, klynge_agenda_item_new (item->title, item->kind, item->duration_minutes));
    }
  klynge_meeting_compute_agenda (meeting);
  return meeting;
}

/* Returns: the id of a meeting (not cancelled) that follows up @meeting_id, or 0 */
gint64
klynge_meeting_find_follow_up (KlyngeDb *db,
                               gint64    meeting_id)
{
  gint64 id = 0;

  if (!klynge_db_count (db, "SELECT id FROM meeting WHERE follow_up_of = ?1 AND status != 'cancelled' ORDER BY starts_at LIMIT 1",
                        meeting_id, &id, NULL))
    return 0;
  return id;
}
