/* klynge-demo.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A believable Danish cluster, so that a new user sees every area filled and
 * tests have data to rely on. Everything is derived from a fixed seed: the
 * same build always writes the same cluster.
 */

#define G_LOG_DOMAIN "klynge-demo"

#include "klynge-i18n.h"

#include "klynge-cluster.h"
#include "klynge-db-statement.h"
#include "klynge-demo.h"
#include "klynge-topics.h"

#define DEMO_SEED 2018

typedef struct
{
  const char *name;
  const char *provider_number;
  const char *address;
  const char *record_system;
  gint64      listed_patients;
  guint       n_gps;
} DemoClinic;

/* The nine clinics of the sample files in tests/data, so imports match. */
static const DemoClinic clinics[KLYNGE_DEMO_N_CLINICS] = {
  { "Lægehuset Østergade",        "012345", "Østergade 12, 8000 Aarhus C",   "XMO",          5400, 3 },
  { "Lægerne i Åbyhøj",           "023456", "Silkeborgvej 210, 8230 Åbyhøj", "WinPLC",       6800, 3 },
  { "Skovbo Lægeklinik",          "034567", "Skovvej 4, 8240 Risskov",       "EG Clinea",    4900, 2 },
  { "Lægecenter Nørrebro",        "045678", "Nørrebrogade 44, 8000 Aarhus C", "XMO",         7200, 4 },
  { "Praksis Hansen & Jørgensen", "056789", "Randersvej 101, 8200 Aarhus N", "Novax",        3600, 2 },
  { "Lægehuset ved Fjorden",      "067890", "Fjordvej 8, 8270 Højbjerg",     "MultiMed Web", 5900, 3 },
  { "Solsikken Lægepraksis",      "078901", "Solsikkevej 3, 8260 Viby J",    "XMO",          3300, 2 },
  { "Lægeklinikken Bøgevej",      "089012", "Bøgevej 17, 8210 Aarhus V",     "WinPLC",       6500, 3 },
  { "Ærø Lægepraksis",            "090123", "Ærøvej 2, 8220 Brabrand",       "EG Clinea",    4400, 2 },
};

static const char *first_names[] = {
  "Anne", "Mette", "Lars", "Søren", "Helle", "Jens", "Camilla", "Peter",
  "Louise", "Henrik", "Karen", "Mads", "Sofie", "Thomas", "Line", "Rasmus",
  "Birgitte", "Niels", "Ida", "Mikkel", "Hanne", "Jakob", "Maria", "Ole",
  "Pernille",
};

static const char *last_names[] = {
  "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen",
  "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen",
  "Kristensen", "Olsen", "Thomsen", "Poulsen", "Johansen", "Møller",
  "Mortensen", "Østergaard", "Frederiksen", "Dahl", "Holm", "Bach", "Lund",
};

/* The demo's topics are packages of the shipped library
 * (data/klynge-topics.json), which holds their texts in every language; the
 * demo adds only what its made-up measurements need. */
typedef struct
{
  const char *package_key;
  struct {
    const char *package_key;
    double      base_rate;
    double      denominator_per_1000;
  } indicators[3];
} DemoTopic;

static const DemoTopic topics[KLYNGE_DEMO_N_TOPICS] = {
  { "diabetes-t2",
    { { "diabetes-t2.hba1c", 0.62, 55 },
      { "diabetes-t2.blood-pressure", 0.71, 45 },
      { "diabetes-t2.foot", 0.58, 55 } } },
  { "nsaid",
    { { "nsaid.users", 0.04, 1000 },
      { "nsaid.over-65", 0.09, 180 },
      { "nsaid.anticoagulant", 0.07, 30 } } },
};

static const char *periods[KLYNGE_DEMO_N_PERIODS] = { "2025-Q3", "2025-Q4", "2026-Q1" };

typedef struct
{
  const char *title;
  const char *date;
  int         topic;          /* index into topics, or -1 */
  const char *venue;
  const char *venue_address;
  const char *catering;
} DemoMeeting;

static const DemoMeeting meetings[] = {
  { N_("Getting started: our cluster and its statutes"), "2024-04-16", -1,
    "Lægehuset Østergade", "Østergade 12, 8000 Aarhus C", N_("Sandwiches") },
  { N_("Type 2 diabetes: where do we stand?"), "2024-10-08", 0,
    "Hotel Ritz Aarhus", "Banegårdspladsen 12, 8000 Aarhus C", N_("Dinner buffet") },
  { N_("NSAID prescribing to older patients"), "2025-03-11", 1,
    "Lægecenter Nørrebro", "Nørrebrogade 44, 8000 Aarhus C", N_("Soup and bread") },
  { N_("Type 2 diabetes: foot examinations"), "2025-09-16", 0,
    N_("Aarhus Medical Society"), "Frederiksgade 78, 8000 Aarhus C", N_("Dinner buffet") },
  { N_("NSAID: follow-up after six months"), "2026-03-10", 1,
    "Lægehuset ved Fjorden", "Fjordvej 8, 8270 Højbjerg", N_("Sandwiches") },
  { N_("Type 2 diabetes: follow-up of our PDSA plans"), "2026-06-09", 0,
    "Hotel Ritz Aarhus", "Banegårdspladsen 12, 8000 Aarhus C", N_("Dinner buffet") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (meetings) == KLYNGE_DEMO_N_PAST_MEETINGS);

/* The next meeting, a few weeks after the demo's "today" (late November
 * 2026), so the Data area's submission tracker has requests to follow. */
static const DemoMeeting planned_meeting = {
  N_("Type 2 diabetes: one year of PDSA"), "2026-12-08", 0,
  N_("Aarhus Medical Society"), "Frederiksgade 78, 8000 Aarhus C", N_("Dinner buffet")
};

#define PLANNED_PERIOD "2026-Q3"
#define PLANNED_DUE_ON "2026-11-24"

static const struct {
  const char *title;
  const char *kind;
  int         minutes;
} agenda[] = {
  { N_("Welcome and practical matters"),       "welcome", 10 },
  { N_("Our data: presentation"),              "data",    30 },
  { N_("Discussion in small groups"),          "group",   45 },
  { N_("Break"),                               "break",   15 },
  { N_("Plenary: what do we change?"),         "plenary", 40 },
  { N_("PDSA plans for each clinic"),          "pdsa",    30 },
};

static gint64
insert_clinic (KlyngeDb          *db,
               gint64             cluster_id,
               const DemoClinic  *c,
               GError           **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "INSERT INTO clinic (cluster_id, name, provider_number, address, phone, email, "
    "                    listed_patients, record_system, joined_on) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '2018-09-01')");
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;

  phone = g_strdup_printf ("86 %c%c %c%c %c%c", c->provider_number[0], c->provider_number[1],
                           c->provider_number[2], c->provider_number[3],
                           c->provider_number[4], c->provider_number[5]);
  email = g_strdup_printf ("klinik%s@praksis.example.dk", c->provider_number);

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, c->name);
  klynge_db_statement_bind_text (stmt, 3, c->provider_number);
  klynge_db_statement_bind_text (stmt, 4, c->address);
  klynge_db_statement_bind_text (stmt, 5, phone);
  klynge_db_statement_bind_text (stmt, 6, email);
  klynge_db_statement_bind_int64 (stmt, 7, c->listed_patients);
  klynge_db_statement_bind_text (stmt, 8, c->record_system);

  if (!klynge_db_statement_run (stmt, error))
    return 0;
  return klynge_db_last_insert_id (db);
}

static gint64
insert_member (KlyngeDb     *db,
               gint64        cluster_id,
               gint64        clinic_id,
               const char   *name,
               const char   *title,
               GError      **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "INSERT INTO member (cluster_id, clinic_id, name, title, email, phone, joined_on) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, '2018-09-01')");
  g_autofree char *ascii = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;

  ascii = g_str_to_ascii (name, "C");
  g_strdelimit (ascii, " ", '.');
  email = g_strdup_printf ("%s@praksis.example.dk", ascii);
  for (char *p = email; *p; p++)
    *p = g_ascii_tolower (*p);
  phone = g_strdup_printf ("2%07d", (int)(g_str_hash (name) % 10000000));

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_int64 (stmt, 2, clinic_id);
  klynge_db_statement_bind_text (stmt, 3, name);
  klynge_db_statement_bind_text (stmt, 4, title);
  klynge_db_statement_bind_text (stmt, 5, email);
  klynge_db_statement_bind_text (stmt, 6, phone);

  if (!klynge_db_statement_run (stmt, error))
    return 0;
  return klynge_db_last_insert_id (db);
}

static gboolean
insert_role (KlyngeDb    *db,
             gint64       member_id,
             const char  *role,
             const char  *from_date,
             GError     **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "INSERT INTO member_role (member_id, role, from_date) VALUES (?1, ?2, ?3)");

  klynge_db_statement_bind_int64 (stmt, 1, member_id);
  klynge_db_statement_bind_text (stmt, 2, role);
  klynge_db_statement_bind_text (stmt, 3, from_date);
  return klynge_db_statement_run (stmt, error);
}

static gboolean
library_id (KlyngeDb    *db,
            const char  *sql,
            const char  *package_key,
            gint64      *id,
            GError     **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, sql);
  g_autofree char *not_found = g_strdup_printf (_("The topic library has no package “%s”."), package_key);

  klynge_db_statement_bind_text (stmt, 1, package_key);
  if (!klynge_db_statement_expect_row (stmt, not_found, error))
    return FALSE;
  *id = klynge_db_statement_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
find_topics (KlyngeDb  *db,
             gint64     topic_ids[KLYNGE_DEMO_N_TOPICS],
             gint64     indicator_ids[KLYNGE_DEMO_N_TOPICS][3],
             GError   **error)
{
  if (!klynge_topics_ensure_library (db, error))
    return FALSE;

  for (guint t = 0; t < KLYNGE_DEMO_N_TOPICS; t++)
    {
      if (!library_id (db, "SELECT id FROM topic WHERE package_key = ?1",
                       topics[t].package_key, &topic_ids[t], error))
        return FALSE;
      for (guint i = 0; i < 3; i++)
        if (!library_id (db, "SELECT id FROM indicator WHERE package_key = ?1",
                         topics[t].indicators[i].package_key, &indicator_ids[t][i], error))
          return FALSE;
    }

  return TRUE;
}

static gboolean
insert_measurements (KlyngeDb   *db,
                     GRand      *rand,
                     gint64      clinic_ids[KLYNGE_DEMO_N_CLINICS],
                     gint64      indicator_ids[KLYNGE_DEMO_N_TOPICS][3],
                     GError    **error)
{
  for (guint t = 0; t < KLYNGE_DEMO_N_TOPICS; t++)
    for (guint i = 0; i < 3; i++)
      for (guint c = 0; c < KLYNGE_DEMO_N_CLINICS; c++)
        {
          /* Each clinic keeps its own level, so charts show real variation;
           * the fourth clinic lies well off for the first indicator of each topic.
           * (CLAMP evaluates its argument more than once: no g_rand inside.) */
          double clinic_level = g_rand_double_range (rand, 0.85, 1.15) + (c == 3 && i == 0 ? 0.3 : 0);

          for (guint p = 0; p < KLYNGE_DEMO_N_PERIODS; p++)
            {
              g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
                "INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator) "
                "VALUES (?1, ?2, ?3, ?4, ?5)");
              double per_1000 = topics[t].indicators[i].denominator_per_1000;
              gint64 denominator = (gint64)(clinics[c].listed_patients * per_1000 / 1000.0
                                            * g_rand_double_range (rand, 0.9, 1.1));
              double noise = g_rand_double_range (rand, 0.95, 1.05);
              double rate = CLAMP (topics[t].indicators[i].base_rate * clinic_level * noise
                                   * (1.0 + p * 0.02), 0.0, 1.0);
              gint64 numerator = (gint64)(denominator * rate + 0.5);

              klynge_db_statement_bind_int64 (stmt, 1, indicator_ids[t][i]);
              klynge_db_statement_bind_int64 (stmt, 2, clinic_ids[c]);
              klynge_db_statement_bind_static_text (stmt, 3, periods[p]);
              klynge_db_statement_bind_int64 (stmt, 4, numerator);
              klynge_db_statement_bind_int64 (stmt, 5, denominator);
              if (!klynge_db_statement_run (stmt, error))
                return FALSE;
            }
        }

  return TRUE;
}

static gboolean
insert_agenda (KlyngeDb  *db,
               gint64     meeting_id,
               GError   **error)
{
  for (guint a = 0; a < G_N_ELEMENTS (agenda); a++)
    {
      g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
        "INSERT INTO agenda_item (meeting_id, position, title, kind, duration_minutes) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");

      klynge_db_statement_bind_int64 (stmt, 1, meeting_id);
      klynge_db_statement_bind_int64 (stmt, 2, a);
      klynge_db_statement_bind_text (stmt, 3, _(agenda[a].title));
      klynge_db_statement_bind_text (stmt, 4, agenda[a].kind);
      klynge_db_statement_bind_int64 (stmt, 5, agenda[a].minutes);
      if (!klynge_db_statement_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The planned meeting asks every clinic for its topic's indicators; four
 * clinics have delivered by hand, one is late with one indicator, the rest
 * are still awaited. */
static gboolean
insert_planned_meeting (KlyngeDb  *db,
                        gint64     cluster_id,
                        gint64     clinic_ids[KLYNGE_DEMO_N_CLINICS],
                        gint64     indicator_ids[KLYNGE_DEMO_N_TOPICS][3],
                        gint64     topic_id,
                        gint64     coordinator_id,
                        gint64     follow_up_of,
                        GError   **error)
{
  const DemoMeeting *dm = &planned_meeting;
  g_autofree char *starts = g_strdup_printf ("%sT17:00", dm->date);
  g_autofree char *ends = g_strdup_printf ("%sT20:00", dm->date);
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "INSERT INTO meeting (cluster_id, title, topic_id, starts_at, ends_at, venue_name, "
    "  venue_address, catering, facilitator_id, status, follow_up_of) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'planned', ?10)");
  gint64 meeting_id;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, _(dm->title));
  klynge_db_statement_bind_int64 (stmt, 3, topic_id);
  klynge_db_statement_bind_text (stmt, 4, starts);
  klynge_db_statement_bind_text (stmt, 5, ends);
  klynge_db_statement_bind_text (stmt, 6, _(dm->venue));
  klynge_db_statement_bind_text (stmt, 7, dm->venue_address);
  klynge_db_statement_bind_text (stmt, 8, _(dm->catering));
  klynge_db_statement_bind_int64 (stmt, 9, coordinator_id);
  klynge_db_statement_bind_int64 (stmt, 10, follow_up_of);
  if (!klynge_db_statement_run (stmt, error))
    return FALSE;
  meeting_id = klynge_db_last_insert_id (db);

  if (!insert_agenda (db, meeting_id, error))
    return FALSE;

  for (guint c = 0; c < KLYNGE_DEMO_N_CLINICS; c++)
    for (guint i = 0; i < 3; i++)
      {
        const char *status = c < KLYNGE_DEMO_N_CLINICS_DELIVERED ? "received"
                             : c == KLYNGE_DEMO_N_CLINICS - 1 && i == 0 ? "late"
                             : "requested";
        g_autoptr(KlyngeDbStatement) request = klynge_db_statement_new (db,
          "INSERT INTO data_request (meeting_id, clinic_id, indicator_id, period, due_on, status, received_note) "
          "VALUES (?1, ?2, ?3, '" PLANNED_PERIOD "', '" PLANNED_DUE_ON "', ?4, ?5)");

        klynge_db_statement_bind_int64 (request, 1, meeting_id);
        klynge_db_statement_bind_int64 (request, 2, clinic_ids[c]);
        klynge_db_statement_bind_int64 (request, 3, indicator_ids[dm->topic][i]);
        klynge_db_statement_bind_text (request, 4, status);
        /* The demo holds no numbers for the period asked: what was
         * delivered came on paper, as the tracker then says. */
        klynge_db_statement_bind_text (request, 5, g_str_equal (status, "received") ? _("Handed in on paper; to be typed in") : NULL);
        if (!klynge_db_statement_run (request, error))
          return FALSE;
      }

  return TRUE;
}

static gboolean
insert_meetings (KlyngeDb  *db,
                 GRand     *rand,
                 gint64     cluster_id,
                 gint64     topic_ids[KLYNGE_DEMO_N_TOPICS],
                 gint64     coordinator_id,
                 GArray    *member_ids,
                 gint64    *meeting_ids,
                 GError   **error)
{
  gint64 previous_on_topic[KLYNGE_DEMO_N_TOPICS] = { 0 };

  for (guint m = 0; m < G_N_ELEMENTS (meetings); m++)
    {
      const DemoMeeting *dm = &meetings[m];
      g_autofree char *starts = g_strdup_printf ("%sT17:00", dm->date);
      g_autofree char *ends = g_strdup_printf ("%sT20:00", dm->date);
      g_autofree char *sent = g_strdup_printf ("%sT09:00", dm->date);
      g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
        "INSERT INTO meeting (cluster_id, title, topic_id, starts_at, ends_at, venue_name, "
        "  venue_address, catering, facilitator_id, status, minutes, follow_up_of) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'held', ?10, ?11)");
      gint64 meeting_id;

      klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
      klynge_db_statement_bind_text (stmt, 2, _(dm->title));
      klynge_db_statement_bind_id (stmt, 3, dm->topic >= 0 ? topic_ids[dm->topic] : 0);
      klynge_db_statement_bind_text (stmt, 4, starts);
      klynge_db_statement_bind_text (stmt, 5, ends);
      klynge_db_statement_bind_text (stmt, 6, _(dm->venue));
      klynge_db_statement_bind_text (stmt, 7, dm->venue_address);
      klynge_db_statement_bind_text (stmt, 8, _(dm->catering));
      klynge_db_statement_bind_int64 (stmt, 9, coordinator_id);
      klynge_db_statement_bind_text (stmt, 10, _("Each clinic chose one change to test before the next meeting."));
      klynge_db_statement_bind_id (stmt, 11, dm->topic >= 0 ? previous_on_topic[dm->topic] : 0);
      if (!klynge_db_statement_run (stmt, error))
        return FALSE;
      meeting_id = meeting_ids[m] = klynge_db_last_insert_id (db);
      if (dm->topic >= 0)
        previous_on_topic[dm->topic] = meeting_id;

      if (!insert_agenda (db, meeting_id, error))
        return FALSE;

      for (guint i = 0; i < member_ids->len; i++)
        {
          gint64 member_id = g_array_index (member_ids, gint64, i);
          double r = g_rand_double (rand);
          const char *answer = r < 0.78 ? "accepted" : r < 0.92 ? "declined" : "no_answer";
          const char *presence;
          g_autoptr(KlyngeDbStatement) invitation = klynge_db_statement_new (db,
            "INSERT INTO invitation (meeting_id, member_id, status, sent_at, responded_at) "
            "VALUES (?1, ?2, ?3, date(?4, '-28 days') || 'T09:00', "
            "        CASE WHEN ?3 = 'no_answer' THEN NULL ELSE date(?4, '-20 days') || 'T12:00' END)");
          g_autoptr(KlyngeDbStatement) attendance = klynge_db_statement_new (db,
            "INSERT INTO attendance (meeting_id, member_id, status, late) VALUES (?1, ?2, ?3, ?4)");

          /* Most who accept come; a few who declined were excused. */
          if (g_str_equal (answer, "accepted"))
            presence = g_rand_double (rand) < 0.93 ? "present" : "absent";
          else
            presence = g_str_equal (answer, "declined") ? "excused" : "absent";

          klynge_db_statement_bind_int64 (invitation, 1, meeting_id);
          klynge_db_statement_bind_int64 (invitation, 2, member_id);
          klynge_db_statement_bind_text (invitation, 3, answer);
          klynge_db_statement_bind_text (invitation, 4, sent);
          if (!klynge_db_statement_run (invitation, error))
            return FALSE;

          klynge_db_statement_bind_int64 (attendance, 1, meeting_id);
          klynge_db_statement_bind_int64 (attendance, 2, member_id);
          klynge_db_statement_bind_text (attendance, 3, presence);
          klynge_db_statement_bind_int64 (attendance, 4, g_str_equal (presence, "present") && g_rand_double (rand) < 0.08);
          if (!klynge_db_statement_run (attendance, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
insert_entry (KlyngeDb    *db,
              gint64       cluster_id,
              const char  *date,
              gint64       amount,
              const char  *category_key,
              const char  *counterparty,
              gint64       meeting_id,
              const char  *reference,
              GError     **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "INSERT INTO ledger_entry (cluster_id, entry_date, amount, kind, category_id, "
    "  counterparty, meeting_id, reference) "
    "SELECT ?1, ?2, ?3, kind, id, ?5, ?6, ?7 FROM ledger_category WHERE cluster_id = ?1 AND key = ?4");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, date);
  klynge_db_statement_bind_int64 (stmt, 3, amount);
  klynge_db_statement_bind_text (stmt, 4, category_key);
  klynge_db_statement_bind_text (stmt, 5, counterparty);
  klynge_db_statement_bind_id (stmt, 6, meeting_id);
  klynge_db_statement_bind_text (stmt, 7, reference);
  return klynge_db_statement_run (stmt, error);
}

/* The year 2026: the yearly grant, two meetings' costs, remuneration and fees. */
static gboolean
insert_ledger (KlyngeDb  *db,
               gint64     cluster_id,
               gint64    *meeting_ids,
               GError   **error)
{
  const gint64 grant = KLYNGE_DEMO_LISTED_PATIENTS * 426;   /* 4.26 DKK per patient */
  const char *months[] = { "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11" };

  if (!insert_entry (db, cluster_id, "2026-01-15", grant, "yearly_grant",
                     "Region Midtjylland", 0, "RM-2026-114", error) ||
      !insert_entry (db, cluster_id, "2026-02-02", 1500000, "other_grant",
                     "Fonden for Almen Praksis", 0, "FAP-26-031", error) ||
      !insert_entry (db, cluster_id, "2026-03-10", 450000, "catering",
                     "Café Fjorden", meeting_ids[4], "F-2026-0310", error) ||
      !insert_entry (db, cluster_id, "2026-03-10", 600000, "speaker_fees",
                     "Dr. Ida Holm, Aarhus Universitetshospital", meeting_ids[4], "H-0017", error) ||
      !insert_entry (db, cluster_id, "2026-06-09", 1250000, "venue",
                     "Hotel Ritz Aarhus", meeting_ids[5], "RITZ-88213", error) ||
      !insert_entry (db, cluster_id, "2026-06-09", 1687500, "catering",
                     "Hotel Ritz Aarhus", meeting_ids[5], "RITZ-88214", error) ||
      !insert_entry (db, cluster_id, "2026-06-09", 800000, "facilitator",
                     "Kvalitetsenheden, Region Midtjylland", meeting_ids[5], "KE-2026-22", error) ||
      !insert_entry (db, cluster_id, "2026-06-30", 2400000, "coordinator_remuneration",
                     "Anne Nielsen", 0, "H1-2026", error) ||
      !insert_entry (db, cluster_id, "2026-06-30", 1500000, "board_remuneration",
                     _("Board members"), 0, "H1-2026", error) ||
      !insert_entry (db, cluster_id, "2026-09-22", 295000, "other",
                     _("Printing and postage"), 0, "P-2026-09", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%s-28", months[i]);

      if (!insert_entry (db, cluster_id, date, 250000, "secretary",
                         "Kliniksekretær Louise Madsen", 0, "", error) ||
          !insert_entry (db, cluster_id, date, 4500, "bank_fees",
                         "Danske Bank", 0, "", error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
describe_cluster (KlyngeDb  *db,
                  gint64     cluster_id,
                  GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "UPDATE cluster SET region = 'Region Midtjylland', municipalities = 'Aarhus', "
    "  registration_number = '41234567', bank_account = '3409 0012345678', "
    "  founded_on = '2018-09-01', attendance_threshold = 0.75, notes = ?2, opening_balance = ?3 "
    "WHERE id = ?1");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, _("Statutes adopted at the founding general assembly on 1 September 2018."));
  klynge_db_statement_bind_int64 (stmt, 3, KLYNGE_DEMO_OPENING_BALANCE);
  return klynge_db_statement_run (stmt, error);
}

static gboolean
fill_cluster (KlyngeDb  *db,
              gint64     cluster_id,
              GError   **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED);
  g_autoptr(GArray) member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 clinic_ids[KLYNGE_DEMO_N_CLINICS];
  gint64 topic_ids[KLYNGE_DEMO_N_TOPICS];
  gint64 indicator_ids[KLYNGE_DEMO_N_TOPICS][3];
  gint64 meeting_ids[G_N_ELEMENTS (meetings)];
  static const char *board_roles[KLYNGE_DEMO_N_BOARD] = { "chair", "treasurer", "board", "board", "board" };
  gint64 secretary_id;
  guint person = 0;

  if (!describe_cluster (db, cluster_id, error))
    return FALSE;

  for (guint c = 0; c < KLYNGE_DEMO_N_CLINICS; c++)
    {
      if (!(clinic_ids[c] = insert_clinic (db, cluster_id, &clinics[c], error)))
        return FALSE;

      for (guint g = 0; g < clinics[c].n_gps; g++, person++)
        {
          g_autofree char *name = g_strdup_printf ("%s %s", first_names[person % G_N_ELEMENTS (first_names)],
                                                   last_names[(person * 7) % G_N_ELEMENTS (last_names)]);
          gint64 member_id = insert_member (db, cluster_id, clinic_ids[c], name, "gp", error);

          if (member_id == 0)
            return FALSE;
          g_array_append_val (member_ids, member_id);
        }
    }

  secretary_id = insert_member (db, cluster_id, clinic_ids[0], "Louise Madsen", "secretary", error);
  if (secretary_id == 0)
    return FALSE;
  g_array_append_val (member_ids, secretary_id);

  /* The coordinator is the first GP; the board are five others. */
  if (!insert_role (db, g_array_index (member_ids, gint64, 0), "coordinator", "2018-09-01", error) ||
      !insert_role (db, secretary_id, "secretary", "2019-01-01", error))
    return FALSE;
  for (guint b = 0; b < KLYNGE_DEMO_N_BOARD; b++)
    {
      gint64 member_id = g_array_index (member_ids, gint64, 1 + b * 4);

      if (!insert_role (db, member_id, "board", "2018-09-01", error) ||
          (!g_str_equal (board_roles[b], "board") &&
           !insert_role (db, member_id, board_roles[b], "2022-03-15", error)))
        return FALSE;
    }

  return find_topics (db, topic_ids, indicator_ids, error) &&
         insert_measurements (db, rand, clinic_ids, indicator_ids, error) &&
         insert_meetings (db, rand, cluster_id, topic_ids, g_array_index (member_ids, gint64, 0),
                          member_ids, meeting_ids, error) &&
         insert_planned_meeting (db, cluster_id, clinic_ids, indicator_ids, topic_ids[planned_meeting.topic],
                                 g_array_index (member_ids, gint64, 0),
                                 meeting_ids[KLYNGE_DEMO_N_PAST_MEETINGS - 1], error) &&
         insert_ledger (db, cluster_id, meeting_ids, error);
}

/**
 * klynge_demo_create:
 *
 * Writes the demo cluster into @db, in one transaction.
 *
 * Returns: the demo cluster's id, or 0 with @error set (and nothing written).
 */
gint64
klynge_demo_create (KlyngeDb  *db,
                    GError   **error)
{
  gint64 cluster_id;

  if (!klynge_db_begin (db, error))
    return 0;

  cluster_id = klynge_cluster_create (db, _("Aarhus Midt Quality Cluster"), error);
  if (cluster_id == 0 || !fill_cluster (db, cluster_id, error))
    {
      klynge_db_rollback (db);
      return 0;
    }

  if (!klynge_db_commit_or_rollback (db, error))
    return 0;

  return cluster_id;
}
