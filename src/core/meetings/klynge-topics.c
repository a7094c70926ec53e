/* klynge-topics.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The topic library: the cluster packages shipped in data/klynge-topics.json,
 * the topics and indicators users add, and the brainstorm of proposed topics.
 */

#define G_LOG_DOMAIN "klynge-topics"

#include "klynge-i18n.h"

#include <json-glib/json-glib.h>

#include "klynge-db-statement.h"
#include "klynge-meetings-core-resources.h"
#include "klynge-sql.h"
#include "klynge-topics.h"

#define LIBRARY_RESOURCE "/io/github/klynge/Klynge/core/klynge-topics.json"

KlyngeTopic *
klynge_topic_new (void)
{
  KlyngeTopic *topic = g_new0 (KlyngeTopic, 1);

  topic->title = g_strdup ("");
  topic->description = g_strdup ("");
  topic->rationale = g_strdup ("");
  topic->indicators = g_ptr_array_new_with_free_func (g_object_unref);
  return topic;
}

void
klynge_topic_free (KlyngeTopic *topic)
{
  if (topic == NULL)
    return;
  g_free (topic->package_key);
  g_free (topic->title);
  g_free (topic->description);
  g_free (topic->rationale);
  g_ptr_array_unref (topic->indicators);
  g_free (topic);
}

void
klynge_topic_proposal_free (KlyngeTopicProposal *proposal)
{
  if (proposal == NULL)
    return;
  g_free (proposal->title);
  g_free (proposal->proposer_name);
  g_free (proposal->created_on);
  g_free (proposal);
}

/* The language the shipped texts are stored in: the first of the user's
 * languages the library has, else English. Stored rather than translated at
 * display time because a user's edit replaces the text in place. */
static const char *
pick_language (const char *const *available)
{
  const char *const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    for (guint a = 0; available[a] != NULL; a++)
      if (g_str_has_prefix (names[i], available[a]))
        return available[a];
  return "en";
}

static const char *
localized (JsonObject  *object,
           const char  *member,
           const char  *language,
           const char  *key,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonObject *texts;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    goto missing;
  texts = json_node_get_object (node);
  if (json_object_has_member (texts, language))
    return json_object_get_string_member (texts, language);
  if (json_object_has_member (texts, "en"))
    return json_object_get_string_member (texts, "en");

missing:
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
               _("The topic library has no “%s” for “%s”."), member, key);
  return NULL;
}

static gboolean
load_indicator (KlyngeDb    *db,
                gint64       topic_id,
                JsonObject  *object,
                const char  *language,
                GError     **error)
{
  const char *key = json_object_get_string_member_with_default (object, "key", NULL);
  const char *unit = json_object_get_string_member_with_default (object, "unit", "percent");
  const char *name, *numerator, *denominator, *source;
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (key == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE, _("An indicator in the topic library has no key."));
      return FALSE;
    }
  if (!(name = localized (object, "name", language, key, error)) ||
      !(numerator = localized (object, "numerator", language, key, error)) ||
      !(denominator = localized (object, "denominator", language, key, error)) ||
      !(source = localized (object, "data_source", language, key, error)))
    return FALSE;

  stmt = klynge_db_statement_new (db,
    "INSERT INTO indicator (topic_id, package_key, name, numerator_definition, "
    "  denominator_definition, unit, higher_is_better, data_source) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (package_key) DO UPDATE SET name = excluded.name, "
    "  numerator_definition = excluded.numerator_definition, "
    "  denominator_definition = excluded.denominator_definition, unit = excluded.unit, "
    "  higher_is_better = excluded.higher_is_better, data_source = excluded.data_source "
    "WHERE user_modified = 0");
  klynge_db_statement_bind_int64 (stmt, 1, topic_id);
  klynge_db_statement_bind_text (stmt, 2, key);
  klynge_db_statement_bind_text (stmt, 3, name);
  klynge_db_statement_bind_text (stmt, 4, numerator);
  klynge_db_statement_bind_text (stmt, 5, denominator);
  klynge_db_statement_bind_text (stmt, 6, unit);
  klynge_db_statement_bind_int64 (stmt, 7, json_object_get_boolean_member_with_default (object, "higher_is_better", TRUE));
  klynge_db_statement_bind_text (stmt, 8, source);
  if (!klynge_db_statement_run (stmt, error))
    {
      g_prefix_error (error, _("Indicator “%s”: "), key);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_package (KlyngeDb    *db,
              JsonObject  *object,
              const char  *language,
              GError     **error)
{
  const char *key = json_object_get_string_member_with_default (object, "key", NULL);
  const char *title, *description, *rationale;
  JsonArray *indicators;
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  gint64 topic_id;

  if (key == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE, _("A package in the topic library has no key."));
      return FALSE;
    }
  if (!(title = localized (object, "title", language, key, error)) ||
      !(description = localized (object, "description", language, key, error)) ||
      !(rationale = localized (object, "rationale", language, key, error)))
    return FALSE;

  stmt = klynge_db_statement_new (db,
    "INSERT INTO topic (package_key, title, description, rationale) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (package_key) DO UPDATE SET title = excluded.title, "
    "  description = excluded.description, rationale = excluded.rationale "
    "WHERE user_modified = 0");
  klynge_db_statement_bind_text (stmt, 1, key);
  klynge_db_statement_bind_text (stmt, 2, title);
  klynge_db_statement_bind_text (stmt, 3, description);
  klynge_db_statement_bind_text (stmt, 4, rationale);
  if (!klynge_db_statement_run (stmt, error))
    return FALSE;

  g_clear_pointer (&stmt, klynge_db_statement_free);
  stmt = klynge_db_statement_new (db, "SELECT id FROM topic WHERE package_key = ?1");
  klynge_db_statement_bind_text (stmt, 1, key);
  if (klynge_db_statement_step (stmt, error) != SQLITE_ROW)
    return FALSE;
  topic_id = klynge_db_statement_column_int64 (stmt, 0);

  indicators = json_object_has_member (object, "indicators")
    ? json_object_get_array_member (object, "indicators") : NULL;
  for (guint i = 0; indicators != NULL && i < json_array_get_length (indicators); i++)
    {
      JsonNode *node = json_array_get_element (indicators, i);

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !load_indicator (db, topic_id, json_node_get_object (node), language, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                         _("Indicator %u of “%s” in the topic library is not an object."), i + 1, key);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * klynge_topics_load_library:
 * @json: the library file's contents
 * @language: (nullable): "en" or "da"; %NULL: the user's language
 *
 * Adds the shipped packages and brings the texts of those the user has not
 * edited up to date. Running it again changes nothing; rows a user edited
 * (`user_modified`) keep the user's text.
 */
gboolean
klynge_topics_load_library (KlyngeDb    *db,
                            GBytes      *json,
                            const char  *language,
                            GError     **error)
{
  static const char *const available[] = { "da", "en", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonArray *packages;
  gsize size;
  const char *data = g_bytes_get_data (json, &size);

  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                   _("The topic library could not be read: %s"), local_error->message);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      (root = json_node_get_object (json_parser_get_root (parser)),
       !json_object_has_member (root, "packages") ||
       (packages = json_object_get_array_member (root, "packages")) == NULL))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE, _("The topic library has no list of packages."));
      return FALSE;
    }
  if (language == NULL)
    language = pick_language (available);

  if (!klynge_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (packages); i++)
    {
      JsonNode *node = json_array_get_element (packages, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                       _("Package %u of the topic library is not an object."), i + 1);
          klynge_db_rollback (db);
          return FALSE;
        }
      if (!load_package (db, json_node_get_object (node), language, error))
        {
          klynge_db_rollback (db);
          return FALSE;
        }
    }
  return klynge_db_commit_or_rollback (db, error);
}

/**
 * klynge_topics_ensure_library:
 *
 * Loads the library built into Klynge, on every open: a new database gets
 * the packages, an upgraded Klynge brings new ones and corrected texts.
 * A read-only database is left as it is.
 */
gboolean
klynge_topics_ensure_library (KlyngeDb  *db,
                              GError   **error)
{
  g_autoptr(GBytes) json = NULL;

  if (klynge_db_is_read_only (db))
    return TRUE;
  json = g_resource_lookup_data (klynge_meetings_core_get_resource (), LIBRARY_RESOURCE, 0, error);
  return json != NULL && klynge_topics_load_library (db, json, NULL, error);
}

static GPtrArray *
load_indicators (KlyngeDb  *db,
                 gint64     topic_id,
                 GError   **error)
{
  g_autoptr(GPtrArray) indicators = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT id, package_key, name, numerator_definition, denominator_definition, unit, "
    "  higher_is_better, data_source, user_modified, rate_per FROM indicator WHERE topic_id = ?1 ORDER BY id");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, topic_id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      KlyngeIndicator *indicator = klynge_indicator_new ();

      indicator->id = klynge_db_statement_column_int64 (stmt, 0);
      indicator->topic_id = topic_id;
      indicator->package_key = klynge_db_statement_dup_nullable (stmt, 1);
      klynge_indicator_set_name (indicator, klynge_db_statement_column_text (stmt, 2));
      klynge_indicator_set_numerator_definition (indicator, klynge_db_statement_column_text (stmt, 3));
      klynge_indicator_set_denominator_definition (indicator, klynge_db_statement_column_text (stmt, 4));
      klynge_indicator_set_unit (indicator, klynge_db_statement_column_text (stmt, 5),
                                 klynge_db_statement_column_int64 (stmt, 9));
      klynge_indicator_set_higher_is_better (indicator, klynge_db_statement_column_int64 (stmt, 6) != 0);
      klynge_indicator_set_data_source (indicator, klynge_db_statement_column_text (stmt, 7));
      indicator->user_modified = klynge_db_statement_column_int64 (stmt, 8) != 0;
      g_ptr_array_add (indicators, indicator);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&indicators) : NULL;
}

#define TOPIC_COLUMNS "id, cluster_id, package_key, title, description, rationale, user_modified "

static gpointer
topic_from_row (KlyngeDbStatement *stmt)
{
  KlyngeTopic *topic = g_new0 (KlyngeTopic, 1);

  topic->id = klynge_db_statement_column_int64 (stmt, 0);
  topic->cluster_id = klynge_db_statement_column_int64 (stmt, 1);
  topic->package_key = klynge_db_statement_dup_nullable (stmt, 2);
  topic->title = klynge_db_statement_dup_nullable (stmt, 3);
  topic->description = klynge_db_statement_dup_nullable (stmt, 4);
  topic->rationale = klynge_db_statement_dup_nullable (stmt, 5);
  topic->user_modified = (int) klynge_db_statement_column_int64 (stmt, 6);
  return topic;
}

/**
 * klynge_topics_list:
 *
 * Returns: (transfer full): the shared library and the cluster's own topics,
 *   each with its indicators, shipped packages first
 */
GPtrArray *
klynge_topics_list (KlyngeDb  *db,
                    gint64     cluster_id,
                    GError   **error)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT " TOPIC_COLUMNS "FROM topic WHERE cluster_id IS NULL OR cluster_id = ?1 "
    "ORDER BY package_key IS NULL, title COLLATE NOCASE");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  if (!(topics = klynge_db_statement_collect (stmt, topic_from_row, (GDestroyNotify) klynge_topic_free, error)))
    return NULL;

  for (guint i = 0; i < topics->len; i++)
    {
      KlyngeTopic *topic = g_ptr_array_index (topics, i);

      if (!(topic->indicators = load_indicators (db, topic->id, error)))
        return NULL;
    }
  return g_steal_pointer (&topics);
}

KlyngeTopic *
klynge_topic_load (KlyngeDb  *db,
                   gint64     topic_id,
                   GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, "SELECT " TOPIC_COLUMNS "FROM topic WHERE id = ?1");
  g_autoptr(KlyngeTopic) topic = NULL;

  klynge_db_statement_bind_int64 (stmt, 1, topic_id);
  if (!klynge_db_statement_expect_row (stmt, _("The topic no longer exists."), error))
    return NULL;
  topic = topic_from_row (stmt);
  if (!(topic->indicators = load_indicators (db, topic_id, error)))
    return NULL;
  return g_steal_pointer (&topic);
}

static gboolean
validate_topic (KlyngeTopic  *topic,
                GError      **error)
{
  static const char *const unit_names[] = { "percent", "count", "rate", "value", NULL };

  if (klynge_sql_is_blank (topic->title))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("A topic needs a title."));
      return FALSE;
    }
  for (guint i = 0; i < topic->indicators->len; i++)
    {
      KlyngeIndicator *indicator = g_ptr_array_index (topic->indicators, i);

      if (klynge_sql_is_blank (indicator->name))
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                       _("Indicator %u of “%s” needs a name."), i + 1, topic->title);
          return FALSE;
        }
      if (!g_strv_contains (unit_names, indicator->unit))
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                       _("The indicator “%s” has an unknown unit “%s”."), indicator->name, indicator->unit);
          return FALSE;
        }
      if (indicator->rate_per != 1000 && indicator->rate_per != 100000)
        {
          g_autofree char *rate_per = g_strdup_printf ("%" G_GINT64_FORMAT, indicator->rate_per);

          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                       _("The indicator “%s” can be a rate per 1,000 or per 100,000, not per %s."),
                       indicator->name, rate_per);
          return FALSE;
        }
    }
  return TRUE;
}

/* A proportion's numerator never exceeds its denominator: an indicator
 * whose measurements do cannot become one (the database refuses it too). */
static gboolean
check_proportion (KlyngeDb         *db,
                  KlyngeIndicator  *indicator,
                  GError          **error)
{
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  gint64 n;

  if (indicator->id == 0 || klynge_indicator_type_of_unit (indicator->unit) != KLYNGE_INDICATOR_PROPORTION)
    return TRUE;
  stmt = klynge_db_statement_new (db, "SELECT count(*) FROM measurement WHERE indicator_id = ?1 AND numerator > denominator");
  klynge_db_statement_bind_int64 (stmt, 1, indicator->id);
  if (klynge_db_statement_step (stmt, error) != SQLITE_ROW)
    return FALSE;
  n = klynge_db_statement_column_int64 (stmt, 0);
  if (n > 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT,
                   ngettext ("“%s” cannot be a percentage: %u of its measurements has a numerator greater than its denominator. Make it a rate or a value.",
                             "“%s” cannot be a percentage: %u of its measurements have a numerator greater than their denominator. Make it a rate or a value.",
                             n),
                   indicator->name, (guint) n);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_indicator (KlyngeDb         *db,
                gint64            topic_id,
                KlyngeIndicator  *indicator,
                GError          **error)
{
  /* An edit of a shipped row marks it, so that the next library load keeps it. */
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, indicator->id == 0
    ? "INSERT INTO indicator (topic_id, name, numerator_definition, denominator_definition, "
      "  unit, higher_is_better, data_source, rate_per) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?9)"
    : "UPDATE indicator SET user_modified = user_modified OR name IS NOT ?2 "
      "  OR numerator_definition IS NOT ?3 OR denominator_definition IS NOT ?4 OR unit IS NOT ?5 "
      "  OR higher_is_better IS NOT ?6 OR data_source IS NOT ?7 OR rate_per IS NOT ?9, "
      "  name = ?2, numerator_definition = ?3, denominator_definition = ?4, unit = ?5, "
      "  higher_is_better = ?6, data_source = ?7, rate_per = ?9 WHERE id = ?8 AND topic_id = ?1");

  if (!check_proportion (db, indicator, error))
    return FALSE;
  klynge_db_statement_bind_int64 (stmt, 1, topic_id);
  klynge_db_statement_bind_text (stmt, 2, g_strstrip (indicator->name));
  klynge_db_statement_bind_text (stmt, 3, indicator->numerator_definition);
  klynge_db_statement_bind_text (stmt, 4, indicator->denominator_definition);
  klynge_db_statement_bind_text (stmt, 5, indicator->unit);
  klynge_db_statement_bind_int64 (stmt, 6, indicator->higher_is_better ? 1 : 0);
  klynge_db_statement_bind_text (stmt, 7, indicator->data_source);
  if (indicator->id != 0)
    klynge_db_statement_bind_int64 (stmt, 8, indicator->id);
  klynge_db_statement_bind_int64 (stmt, 9, indicator->rate_per);
  if (!klynge_db_statement_run (stmt, error))
    return FALSE;
  if (indicator->id == 0)
    indicator->id = klynge_db_last_insert_id (db);
  indicator->topic_id = topic_id;
  return TRUE;
}

/**
 * klynge_topic_save:
 *
 * Adds @topic (id 0, to the cluster @topic->cluster_id) or saves the changes
 * to it and its indicators in one transaction. Indicators are never deleted
 * here: their measurements would go with them.
 */
gboolean
klynge_topic_save (KlyngeDb     *db,
                   KlyngeTopic  *topic,
                   GError      **error)
{
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  gint64 id;

  if (!validate_topic (topic, error) || !klynge_db_begin (db, error))
    return FALSE;

  stmt = klynge_db_statement_new (db, topic->id == 0
    ? "INSERT INTO topic (cluster_id, title, description, rationale) VALUES (?1, ?2, ?3, ?4)"
    : "UPDATE topic SET user_modified = user_modified OR title IS NOT ?2 OR description IS NOT ?3 "
      "  OR rationale IS NOT ?4, title = ?2, description = ?3, rationale = ?4 WHERE id = ?5");
  if (topic->cluster_id != 0)
    klynge_db_statement_bind_int64 (stmt, 1, topic->cluster_id);
  klynge_db_statement_bind_text (stmt, 2, g_strstrip (topic->title));
  klynge_db_statement_bind_text (stmt, 3, topic->description);
  klynge_db_statement_bind_text (stmt, 4, topic->rationale);
  if (topic->id != 0)
    klynge_db_statement_bind_int64 (stmt, 5, topic->id);
  if (!klynge_db_statement_run (stmt, error))
    goto fail;
  id = topic->id != 0 ? topic->id : klynge_db_last_insert_id (db);

  for (guint i = 0; i < topic->indicators->len; i++)
    if (!save_indicator (db, id, g_ptr_array_index (topic->indicators, i), error))
      goto fail;

  if (!klynge_db_commit (db, error))
    goto fail;
  topic->id = id;
  return TRUE;

fail:
  klynge_db_rollback (db);
  for (guint i = 0; topic->id == 0 && i < topic->indicators->len; i++)
    ((KlyngeIndicator *) g_ptr_array_index (topic->indicators, i))->id = 0;
  return FALSE;
}

/* The cluster's topic that indicators made without one go into. */
static gint64
imported_topic (KlyngeDb  *db,
                gint64     cluster_id,
                GError   **error)
{
  const char *title = _("Imported indicators");
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, "SELECT id FROM topic WHERE cluster_id = ?1 AND title = ?2 ORDER BY id LIMIT 1");
  gint64 id = 0;
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, title);
  if ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    id = klynge_db_statement_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    return id;

  g_clear_pointer (&stmt, klynge_db_statement_free);
  stmt = klynge_db_statement_new (db, "INSERT INTO topic (cluster_id, title, description) VALUES (?1, ?2, ?3)");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, title);
  klynge_db_statement_bind_text (stmt, 3, _("Indicators that came with the clinics’ files."));
  return klynge_db_statement_run (stmt, error) ? klynge_db_last_insert_id (db) : 0;
}

/**
 * klynge_indicator_create:
 * @cluster_id: the cluster whose topic takes the indicator when @topic_id is 0
 * @topic_id: the indicator's topic, or 0 for the cluster's "Imported
 *   indicators" topic (made when missing)
 * @type: a proportion, a rate or a plain value
 * @rate_per: a rate's base (1,000 or 100,000); ignored for other types
 *
 * Adds an indicator by its name, as a file names it, in one transaction.
 *
 * Returns: the new indicator's id, or 0 with @error set
 */
gint64
klynge_indicator_create (KlyngeDb             *db,
                         gint64                cluster_id,
                         gint64                topic_id,
                         const char           *name,
                         KlyngeIndicatorType   type,
                         gint64                rate_per,
                         GError              **error)
{
  g_autoptr(KlyngeTopic) topic = klynge_topic_new ();
  KlyngeIndicator *indicator = klynge_indicator_new ();

  g_ptr_array_add (topic->indicators, indicator);
  g_free (indicator->name);
  indicator->name = g_strdup (name);
  g_free (indicator->unit);
  indicator->unit = g_strdup (klynge_indicator_type_to_unit (type));
  if (type == KLYNGE_INDICATOR_RATE)
    indicator->rate_per = rate_per;
  g_free (topic->title);
  topic->title = g_strdup (_("Imported indicators"));
  if (!validate_topic (topic, error) || !klynge_db_begin (db, error))
    return 0;
  if (topic_id == 0)
    topic_id = imported_topic (db, cluster_id, error);
  if (topic_id == 0 || !save_indicator (db, topic_id, indicator, error) || !klynge_db_commit (db, error))
    {
      klynge_db_rollback (db);
      return 0;
    }
  return indicator->id;
}

/**
 * klynge_topic_proposals_list:
 *
 * Returns: (transfer full): the brainstorm, most votes first
 */
GPtrArray *
klynge_topic_proposals_list (KlyngeDb  *db,
                             gint64     cluster_id,
                             GError   **error)
{
  g_autoptr(GPtrArray) proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_topic_proposal_free);
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT p.id, p.title, p.proposed_by, m.name, p.votes, p.topic_id, p.created_on "
    "FROM topic_proposal p LEFT JOIN member m ON m.id = p.proposed_by "
    "WHERE p.cluster_id = ?1 ORDER BY p.votes DESC, p.created_on, p.id");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      KlyngeTopicProposal *proposal = g_new0 (KlyngeTopicProposal, 1);

      proposal->id = klynge_db_statement_column_int64 (stmt, 0);
      proposal->title = klynge_db_statement_dup_nullable (stmt, 1);
      proposal->proposed_by = klynge_db_statement_column_int64 (stmt, 2);
      proposal->proposer_name = klynge_db_statement_dup_nullable (stmt, 3);
      proposal->votes = klynge_db_statement_column_int64 (stmt, 4);
      proposal->topic_id = klynge_db_statement_column_int64 (stmt, 5);
      proposal->created_on = klynge_db_statement_dup_nullable (stmt, 6);
      g_ptr_array_add (proposals, proposal);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&proposals) : NULL;
}

gint64
klynge_topic_proposal_add (KlyngeDb    *db,
                           gint64       cluster_id,
                           const char  *title,
                           gint64       proposed_by,
                           GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (title != NULL ? title : ""));
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (*trimmed == '\0')
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("A proposed topic needs a title."));
      return 0;
    }
  stmt = klynge_db_statement_new (db, "INSERT INTO topic_proposal (cluster_id, title, proposed_by) VALUES (?1, ?2, ?3)");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, trimmed);
  if (proposed_by != 0)
    klynge_db_statement_bind_int64 (stmt, 3, proposed_by);
  return klynge_db_statement_run (stmt, error) ? klynge_db_last_insert_id (db) : 0;
}

gboolean
klynge_topic_proposal_vote (KlyngeDb  *db,
                            gint64     proposal_id,
                            int        delta,
                            GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "UPDATE topic_proposal SET votes = max(0, votes + ?2) WHERE id = ?1");

  klynge_db_statement_bind_int64 (stmt, 1, proposal_id);
  klynge_db_statement_bind_int64 (stmt, 2, delta);
  return klynge_db_statement_run (stmt, error);
}

/**
 * klynge_topic_proposal_choose:
 *
 * Makes the proposal a topic of its cluster (once) so that a meeting can
 * take it.
 *
 * Returns: the topic's id, 0 on error
 */
gint64
klynge_topic_proposal_choose (KlyngeDb  *db,
                              gint64     proposal_id,
                              GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  gint64 topic_id = 0;

  if (!klynge_db_begin (db, error))
    return 0;
  stmt = klynge_db_statement_new (db,
    "INSERT INTO topic (cluster_id, title) "
    "SELECT cluster_id, title FROM topic_proposal WHERE id = ?1 AND topic_id IS NULL");
  klynge_db_statement_bind_int64 (stmt, 1, proposal_id);
  if (!klynge_db_statement_run (stmt, error))
    goto fail;
  if (sqlite3_changes (klynge_db_get_handle (db)) > 0)
    {
      g_clear_pointer (&stmt, klynge_db_statement_free);
      stmt = klynge_db_statement_new (db, "UPDATE topic_proposal SET topic_id = ?2 WHERE id = ?1");
      klynge_db_statement_bind_int64 (stmt, 1, proposal_id);
      klynge_db_statement_bind_int64 (stmt, 2, klynge_db_last_insert_id (db));
      if (!klynge_db_statement_run (stmt, error))
        goto fail;
    }
  g_clear_pointer (&stmt, klynge_db_statement_free);
  stmt = klynge_db_statement_new (db, "SELECT topic_id FROM topic_proposal WHERE id = ?1");
  klynge_db_statement_bind_int64 (stmt, 1, proposal_id);
  if (klynge_db_statement_step (stmt, error) == SQLITE_ROW)
    topic_id = klynge_db_statement_column_int64 (stmt, 0);
  if (topic_id == 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("The proposal no longer exists."));
      goto fail;
    }
  if (!klynge_db_commit (db, error))
    goto fail;
  return topic_id;

fail:
  klynge_db_rollback (db);
  return 0;
}
