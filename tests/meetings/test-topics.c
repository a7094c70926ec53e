/* test-topics.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "klynge-test-utils.h"
#include "klynge-topics.h"
#include "meetings-test-utils.h"

#define COUNT_PACKAGES   "SELECT count(*) FROM topic WHERE package_key IS NOT NULL AND ?1"
#define COUNT_INDICATORS "SELECT count(*) FROM indicator WHERE package_key IS NOT NULL AND ?1"

static KlyngeTopic *
find_topic (MeetingsFixture *f,
            const char      *key)
{
  g_autoptr(GPtrArray) topics = klynge_topics_list (f->db, f->cluster, NULL);

  for (guint i = 0; i < topics->len; i++)
    {
      KlyngeTopic *topic = g_ptr_array_index (topics, i);

      if (g_strcmp0 (topic->package_key, key) == 0)
        return g_ptr_array_steal_index (topics, i);
    }
  return NULL;
}

static void
load_file (MeetingsFixture *f,
           const char      *name,
           const char      *language,
           GError         **error)
{
  g_autofree char *path = klynge_test_data_path (name);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  klynge_topics_load_library (f->db, bytes, language, error);
}

static void
test_shipped_library (MeetingsFixture *f,
                      gconstpointer    data)
{
  static const char *keys[] = { "conjunctivitis", "nsaid", "diabetes-t2", "copd", "antibiotics-rti", "dependence-forming" };
  g_autoptr(GError) error = NULL;
  gint64 n_indicators;

  g_assert_true (klynge_topics_ensure_library (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (meetings_count (f, COUNT_PACKAGES, 1), ==, 6);
  n_indicators = meetings_count (f, COUNT_INDICATORS, 1);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autoptr(KlyngeTopic) topic = find_topic (f, keys[k]);

      g_assert_nonnull (topic);
      g_assert_cmpuint (strlen (topic->description), >, 20);
      g_assert_cmpuint (strlen (topic->rationale), >, 20);
      g_assert_cmpuint (topic->indicators->len, >=, 2);
      g_assert_cmpuint (topic->indicators->len, <=, 4);
      for (guint i = 0; i < topic->indicators->len; i++)
        {
          KlyngeIndicator *indicator = g_ptr_array_index (topic->indicators, i);

          g_assert_cmpuint (strlen (indicator->numerator_definition), >, 5);
          g_assert_cmpuint (strlen (indicator->denominator_definition), >, 5);
          g_assert_cmpuint (strlen (indicator->data_source), >, 5);
        }
    }

  /* Loading again (the next start) changes nothing. */
  g_assert_true (klynge_topics_ensure_library (f->db, &error));
  g_assert_cmpint (meetings_count (f, COUNT_PACKAGES, 1), ==, 6);
  g_assert_cmpint (meetings_count (f, COUNT_INDICATORS, 1), ==, n_indicators);
}

static void
test_languages (MeetingsFixture *f,
                gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeTopic) copd = NULL;
  g_autoptr(GBytes) json = g_resources_lookup_data ("/io/github/klynge/Klynge/core/klynge-topics.json", 0, &error);

  g_assert_no_error (error);
  g_assert_true (klynge_topics_load_library (f->db, json, "da", &error));
  copd = find_topic (f, "copd");
  g_assert_cmpstr (copd->title, ==, "KOL");
  g_clear_pointer (&copd, klynge_topic_free);
  g_assert_true (klynge_topics_load_library (f->db, json, "en", &error));
  copd = find_topic (f, "copd");
  g_assert_cmpstr (copd->title, ==, "COPD");
}

static void
test_upgrade_keeps_edits (MeetingsFixture *f,
                          gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeTopic) nsaid = NULL;
  g_autoptr(KlyngeTopic) copd = NULL;
  g_autoptr(KlyngeTopic) heart = NULL;
  KlyngeIndicator *indicator;

  g_assert_true (klynge_topics_ensure_library (f->db, &error));
  nsaid = find_topic (f, "nsaid");
  g_free (nsaid->title);
  nsaid->title = g_strdup ("NSAID – our version");
  indicator = g_ptr_array_index (nsaid->indicators, 0);
  g_free (indicator->name);
  indicator->name = g_strdup ("Our NSAID users");
  g_assert_true (klynge_topic_save (f->db, nsaid, &error));
  g_assert_no_error (error);

  /* Saving an unchanged package leaves it the library's. */
  copd = find_topic (f, "copd");
  g_assert_true (klynge_topic_save (f->db, copd, &error));
  g_clear_pointer (&copd, klynge_topic_free);

  load_file (f, "topics-upgrade.json", "en", &error);
  g_assert_no_error (error);

  g_clear_pointer (&nsaid, klynge_topic_free);
  nsaid = find_topic (f, "nsaid");
  g_assert_cmpstr (nsaid->title, ==, "NSAID – our version");
  g_assert_true (nsaid->user_modified);
  g_assert_cmpstr (((KlyngeIndicator *) g_ptr_array_index (nsaid->indicators, 0))->name, ==, "Our NSAID users");

  copd = find_topic (f, "copd");
  g_assert_cmpstr (copd->title, ==, "COPD (revised)");
  g_assert_cmpstr (((KlyngeIndicator *) g_ptr_array_index (copd->indicators, 0))->name, ==, "Spirometry done");
  /* Indicators the new file leaves out stay: they may have measurements. */
  g_assert_cmpuint (copd->indicators->len, ==, 3);

  heart = find_topic (f, "heart-failure");
  g_assert_nonnull (heart);
  g_assert_cmpuint (heart->indicators->len, ==, 1);
}

static void
test_bad_library (MeetingsFixture *f,
                  gconstpointer    data)
{
  static const char *broken[] = {
    "{ \"packages\": [ { \"key\": \"x\", \"title\": ",
    "{ \"version\": 1 }",
    "{ \"packages\": [ { \"key\": \"y\", \"title\": { \"da\": \"Kun dansk\" }, \"description\": \"\", \"rationale\": \"\" } ] }",
    "{ \"packages\": [ { \"key\": \"z\", \"title\": \"Z\", \"description\": \"\", \"rationale\": \"\", "
    "  \"indicators\": [ { \"key\": \"z.1\", \"name\": \"N\", \"numerator\": \"\", \"denominator\": \"\", "
    "  \"data_source\": \"\", \"unit\": \"furlongs\" } ] } ] }",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (broken[i], strlen (broken[i]));
      g_autoptr(GError) error = NULL;

      g_assert_false (klynge_topics_load_library (f->db, bytes, "en", &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == KLYNGE_ERROR);
      g_assert_cmpint (meetings_count (f, "SELECT count(*) FROM topic WHERE ?1", 1), ==, 0);
    }
}

static void
test_own_topics_and_brainstorm (MeetingsFixture *f,
                                gconstpointer    data)
{
  g_autoptr(KlyngeTopic) topic = klynge_topic_new ();
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GError) error = NULL;
  gint64 sleep, urine, chosen;

  topic->cluster_id = f->cluster;
  g_free (topic->title);
  topic->title = g_strdup ("Urinvejsinfektion");
  g_ptr_array_add (topic->indicators, klynge_indicator_new ());
  g_assert_false (klynge_topic_save (f->db, topic, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_assert_cmpint (topic->id, ==, 0);
  g_assert_cmpint (meetings_count (f, "SELECT count(*) FROM topic WHERE ?1", 1), ==, 0);
  g_clear_error (&error);

  g_free (((KlyngeIndicator *) g_ptr_array_index (topic->indicators, 0))->name);
  ((KlyngeIndicator *) g_ptr_array_index (topic->indicators, 0))->name = g_strdup ("Urindyrkning før antibiotika");
  g_assert_true (klynge_topic_save (f->db, topic, &error));
  g_assert_no_error (error);
  g_assert_cmpint (meetings_count (f, "SELECT count(*) FROM indicator WHERE topic_id = ?1", topic->id), ==, 1);

  sleep = klynge_topic_proposal_add (f->db, f->cluster, "Sovemidler", f->members[1], &error);
  urine = klynge_topic_proposal_add (f->db, f->cluster, "Urinvejsinfektion", 0, &error);
  g_assert_cmpint (klynge_topic_proposal_add (f->db, f->cluster, "   ", 0, &error), ==, 0);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (klynge_topic_proposal_vote (f->db, urine, 1, &error));
  g_assert_true (klynge_topic_proposal_vote (f->db, urine, 1, &error));
  g_assert_true (klynge_topic_proposal_vote (f->db, sleep, 1, &error));
  g_assert_true (klynge_topic_proposal_vote (f->db, sleep, -5, &error));

  proposals = klynge_topic_proposals_list (f->db, f->cluster, &error);
  g_assert_cmpuint (proposals->len, ==, 2);
  g_assert_cmpint (((KlyngeTopicProposal *) g_ptr_array_index (proposals, 0))->id, ==, urine);
  g_assert_cmpint (((KlyngeTopicProposal *) g_ptr_array_index (proposals, 0))->votes, ==, 2);
  g_assert_cmpint (((KlyngeTopicProposal *) g_ptr_array_index (proposals, 1))->votes, ==, 0);
  g_assert_cmpstr (((KlyngeTopicProposal *) g_ptr_array_index (proposals, 1))->proposer_name, ==, "Bo Bæk");

  chosen = klynge_topic_proposal_choose (f->db, sleep, &error);
  g_assert_cmpint (chosen, >, 0);
  g_assert_cmpint (klynge_topic_proposal_choose (f->db, sleep, &error), ==, chosen);
  g_assert_cmpint (meetings_count (f, "SELECT count(*) FROM topic WHERE title = 'Sovemidler' AND ?1", 1), ==, 1);
}

/* An indicator made from a file's name, with its type: a rate may have more
 * events than people, a percentage may not, and the type follows what the
 * measurements allow. */
static void
test_indicator_types (MeetingsFixture *f,
                      gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlyngeTopic) topic = NULL;
  KlyngeIndicator *indicator;
  gint64 rate, share, again;
  guint n_units;
  const KlyngeIndicatorUnit *units = klynge_indicator_units (&n_units);

  rate = klynge_indicator_create (f->db, f->cluster, 0, "Antibacterial items per 1,000 patients",
                                  KLYNGE_INDICATOR_RATE, 100000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rate, >, 0);
  share = klynge_indicator_create (f->db, f->cluster, 0, "Share of penicillin V", KLYNGE_INDICATOR_PROPORTION, 0, &error);
  g_assert_no_error (error);
  /* Both went into one topic of the cluster's, made for them. */
  g_assert_cmpint (meetings_count (f, "SELECT count(DISTINCT topic_id) FROM indicator WHERE id IN (?1, (SELECT max(id) FROM indicator))", rate), ==, 1);
  g_assert_cmpint (meetings_count (f, "SELECT t.cluster_id FROM indicator i JOIN topic t ON t.id = i.topic_id WHERE i.id = ?1", rate), ==, f->cluster);
  g_assert_cmpint (meetings_count (f, "SELECT rate_per FROM indicator WHERE id = ?1 AND unit = 'rate'", rate), ==, 100000);
  g_assert_cmpint (meetings_count (f, "SELECT count(*) FROM indicator WHERE id = ?1 AND unit = 'percent'", share), ==, 1);
  g_assert_cmpint (klynge_indicator_create (f->db, f->cluster, 0, "Odd rate", KLYNGE_INDICATOR_RATE, 500, &error), ==, 0);
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpfloat (klynge_indicator_multiplier ("rate", 100000), ==, 100000);
  g_assert_cmpfloat (klynge_indicator_multiplier ("percent", 1000), ==, 100);
  g_assert_cmpfloat (klynge_indicator_multiplier ("count", 1000), ==, 1);
  g_assert_cmpint (klynge_indicator_type_of_unit ("value"), ==, KLYNGE_INDICATOR_VALUE);
  g_assert_cmpstr (klynge_indicator_unit_label ("rate", 100000), ==, "Rate per 100,000");
  g_assert_cmpuint (n_units, ==, 5);
  g_assert_cmpint (units[3].rate_per, ==, 100000);

  /* 1,300 items for 1,000 patients is a rate's ordinary value… */
  g_assert_true (klynge_db_exec (f->db, "INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator) "
                                        "SELECT max(id) - 1, (SELECT min(id) FROM clinic), '2024-10', 1300, 1000 FROM indicator",
                                 &error));
  g_assert_no_error (error);
  /* …so the rate cannot become a percentage, with a message that says why. */
  topic = klynge_topic_load (f->db, meetings_count (f, "SELECT topic_id FROM indicator WHERE id = ?1", rate), &error);
  g_assert_no_error (error);
  indicator = g_ptr_array_index (topic->indicators, 0);
  g_assert_cmpint (indicator->id, ==, rate);
  g_assert_cmpint (indicator->rate_per, ==, 100000);
  g_free (indicator->unit);
  indicator->unit = g_strdup ("percent");
  g_assert_false (klynge_topic_save (f->db, topic, &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "cannot be a percentage"));
  g_clear_error (&error);
  g_assert_cmpint (meetings_count (f, "SELECT count(*) FROM indicator WHERE id = ?1 AND unit = 'rate'", rate), ==, 1);

  /* A rate per 1,000 it may become. */
  g_free (indicator->unit);
  indicator->unit = g_strdup ("rate");
  indicator->rate_per = 1000;
  g_assert_true (klynge_topic_save (f->db, topic, &error));
  g_assert_no_error (error);
  g_assert_cmpint (meetings_count (f, "SELECT rate_per FROM indicator WHERE id = ?1", rate), ==, 1000);

  again = klynge_indicator_create (f->db, f->cluster, topic->id, "Items per 100,000", KLYNGE_INDICATOR_VALUE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (meetings_count (f, "SELECT topic_id FROM indicator WHERE id = ?1", again), ==, topic->id);
}

/* Imports find indicators by name: a shipped name equal to one of the demo
 * cluster's own would send its data to the wrong indicator. */
static void
test_names_unique_beside_demo (void)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (klynge_topics_ensure_library (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM indicator a JOIN indicator b "
                                        "ON lower(a.name) = lower(b.name) AND a.id < b.id WHERE ?1", 1), ==, 0);
  g_clear_object (&db);
  klynge_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/meetings/topics/shipped-library", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_shipped_library, meetings_fixture_tear_down);
  g_test_add ("/meetings/topics/languages", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_languages, meetings_fixture_tear_down);
  g_test_add ("/meetings/topics/upgrade-keeps-edits", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_upgrade_keeps_edits, meetings_fixture_tear_down);
  g_test_add ("/meetings/topics/bad-library", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_bad_library, meetings_fixture_tear_down);
  g_test_add ("/meetings/topics/own-and-brainstorm", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_own_topics_and_brainstorm, meetings_fixture_tear_down);

  g_test_add ("/meetings/topics/indicator-types", MeetingsFixture, NULL,
              meetings_fixture_set_up, test_indicator_types, meetings_fixture_tear_down);

  g_test_add_func ("/meetings/topics/names-unique-beside-demo", test_names_unique_beside_demo);

  return g_test_run ();
}
