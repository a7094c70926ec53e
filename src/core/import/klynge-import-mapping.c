/* klynge-import-mapping.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "klynge-import"

#include "klynge-i18n.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "klynge-db-statement.h"
#include "klynge-import-mapping.h"

static void
wide_column_free (gpointer data)
{
  KlyngeImportWideColumn *column = data;

  g_free (column->indicator);
  g_free (column->numerator);
  g_free (column->denominator);
  g_free (column->value);
  g_free (column);
}

static void
filter_free (gpointer data)
{
  KlyngeImportFilter *filter = data;

  g_free (filter->column);
  g_free (filter->value);
  g_free (filter);
}

static void
add_filter (KlyngeImportMapping *self,
            const char          *column,
            const char          *value)
{
  KlyngeImportFilter *filter = g_new0 (KlyngeImportFilter, 1);

  filter->column = g_strstrip (g_strdup (column));
  filter->value = g_strstrip (g_strdup (value));
  g_ptr_array_add (self->where, filter);
}

/* Headers compare trimmed and without case: "Denominator " is "denominator". */
static char *
fold_header (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normal ? normal : trimmed, -1);
}

KlyngeImportMapping *
klynge_import_mapping_new (void)
{
  KlyngeImportMapping *self = g_new0 (KlyngeImportMapping, 1);

  self->sheet = 1;
  self->where = g_ptr_array_new_with_free_func (filter_free);
  self->wide = g_ptr_array_new_with_free_func (wide_column_free);
  self->indicator_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
klynge_import_mapping_free (KlyngeImportMapping *self)
{
  if (self == NULL)
    return;
  g_free (self->clinic);
  g_free (self->period);
  g_free (self->fixed_period);
  g_free (self->period_granularity);
  g_free (self->indicator);
  g_free (self->numerator);
  g_free (self->denominator);
  g_free (self->value);
  g_free (self->clinic_name);
  g_strfreev (self->add_only);
  g_ptr_array_unref (self->where);
  g_ptr_array_unref (self->wide);
  g_hash_table_unref (self->indicator_names);
  g_free (self);
}

gboolean
klynge_import_mapping_add_filter (KlyngeImportMapping *self,
                                  const char          *spec)
{
  const char *equals = strchr (spec, '=');
  g_autofree char *column = NULL;

  if (equals == NULL)
    return FALSE;
  column = g_strstrip (g_strndup (spec, equals - spec));
  if (*column == '\0')
    return FALSE;
  add_filter (self, column, equals + 1);
  return TRUE;
}

int
klynge_import_column_position (const char *const *header,
                               guint              n_fields,
                               const char        *name)
{
  g_autofree char *wanted = NULL;
  guint64 position;
  int found = -1;

  if (name[0] == '#' && g_ascii_string_to_unsigned (name + 1, 10, 1, G_MAXINT, &position, NULL))
    return position <= n_fields ? (int)position - 1 : -1;
  wanted = fold_header (name);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *folded = fold_header (header[i]);

      if (!g_str_equal (folded, wanted))
        continue;
      if (found >= 0)
        return -2;
      found = i;
    }
  return found;
}

static gboolean
fits_column (const char *const *header,
             guint              n_fields,
             const char        *name)
{
  return name == NULL || klynge_import_column_position (header, n_fields, name) >= 0;
}

gboolean
klynge_import_mapping_fits (const KlyngeImportMapping *self,
                            const char *const         *header,
                            guint                      n_fields)
{
  gboolean fits = self->clinic != NULL && fits_column (header, n_fields, self->clinic) &&
                  fits_column (header, n_fields, self->period) &&
                  fits_column (header, n_fields, self->clinic_name);

  if (self->layout == KLYNGE_IMPORT_LONG)
    fits = fits && fits_column (header, n_fields, self->indicator) && fits_column (header, n_fields, self->numerator) &&
           fits_column (header, n_fields, self->denominator) && fits_column (header, n_fields, self->value);
  else
    fits = fits && self->wide->len > 0;
  for (guint i = 0; fits && i < self->wide->len; i++)
    {
      KlyngeImportWideColumn *column = g_ptr_array_index (self->wide, i);

      fits = fits_column (header, n_fields, column->numerator) && fits_column (header, n_fields, column->denominator) &&
             fits_column (header, n_fields, column->value);
    }
  for (guint i = 0; fits && i < self->where->len; i++)
    fits = fits_column (header, n_fields, ((KlyngeImportFilter *)g_ptr_array_index (self->where, i))->column);
  return fits;
}

void
klynge_import_mapping_add_wide (KlyngeImportMapping *self,
                                const char          *indicator,
                                const char          *numerator,
                                const char          *denominator,
                                const char          *value)
{
  KlyngeImportWideColumn *column = g_new0 (KlyngeImportWideColumn, 1);

  column->indicator = g_strdup (indicator);
  column->numerator = g_strdup (numerator);
  column->denominator = g_strdup (denominator);
  column->value = g_strdup (value);
  g_ptr_array_add (self->wide, column);
}

KlyngeImportMapping *
klynge_import_mapping_copy (const KlyngeImportMapping *self)
{
  g_autofree char *json = klynge_import_mapping_to_json (self);
  KlyngeImportMapping *copy = klynge_import_mapping_from_json (json, NULL);

  /* The choices of one import are not saved, but a copy keeps them. */
  copy->skip_unknown = self->skip_unknown;
  copy->add_clinics = self->add_clinics;
  copy->add_only = g_strdupv (self->add_only);
  copy->add_indicators = self->add_indicators;
  copy->skip_bad = self->skip_bad;
  copy->store_reference = self->store_reference;
  return copy;
}

static const char *
row_field (char      **fields,
           int         column)
{
  for (int i = 0; i <= column; i++)
    if (fields[i] == NULL)
      return "";
  return column >= 0 ? fields[column] : "";
}

static gboolean
is_number (const char *text)
{
  char *end;

  g_ascii_strtod (text, &end);
  return *text != '\0' && *end == '\0';
}

int
klynge_import_find_copies_column (GPtrArray *rows,
                                  guint      header_index,
                                  int        clinic,
                                  int        period,
                                  GStrv     *values)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
  guint n_columns = header_index < rows->len ? g_strv_length (g_ptr_array_index (rows, header_index)) : 0;
  guint copies = 1;

  *values = NULL;
  for (guint r = header_index + 1; r < rows->len; r++)
    {
      char **fields = g_ptr_array_index (rows, r);
      char *key = g_strconcat (row_field (fields, clinic), "\x1f", row_field (fields, period), NULL);
      GPtrArray *group = g_hash_table_lookup (groups, key);

      if (*row_field (fields, clinic) == '\0')
        {
          g_free (key);
          continue;
        }
      if (group == NULL)
        g_hash_table_insert (groups, key, group = g_ptr_array_new ());
      else
        g_free (key);
      g_ptr_array_add (group, fields);
      copies = MAX (copies, group->len);
    }
  if (copies < 2)
    return -1;

  /* The column differs within every clinic's copies and holds no more
   * values than there are copies: "Sex", not the counts. */
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GStrvBuilder) seen = g_strv_builder_new ();
      g_autoptr(GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
      gboolean tells = (int)c != clinic && (int)c != period;
      GHashTableIter iter;
      GPtrArray *group;

      g_hash_table_iter_init (&iter, groups);
      while (tells && g_hash_table_iter_next (&iter, NULL, (gpointer *)&group))
        {
          g_autoptr(GHashTable) within = g_hash_table_new (g_str_hash, g_str_equal);

          for (guint i = 0; tells && i < group->len; i++)
            {
              const char *value = row_field (group->pdata[i], c);

              tells = *value != '\0' && !is_number (value) && g_hash_table_add (within, (gpointer)value);
              g_hash_table_add (all, (gpointer)value);
            }
        }
      if (!tells || g_hash_table_size (all) > copies)
        continue;
      /* In the file's order: "Male, Female, All". */
      g_hash_table_remove_all (all);
      for (guint r = header_index + 1; r < rows->len; r++)
        {
          const char *value = row_field (g_ptr_array_index (rows, r), c);

          if (*value != '\0' && g_hash_table_add (all, (gpointer)value))
            g_strv_builder_add (seen, value);
        }
      *values = g_strv_builder_end (seen);
      return c;
    }
  return -1;
}

/* --- guessing ------------------------------------------------------------- */

static gboolean
header_is (const char  *header,
           const char **names)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);

  g_strstrip (folded);
  for (; *names != NULL; names++)
    if (g_str_equal (folded, *names))
      return TRUE;
  return FALSE;
}

KlyngeImportMapping *
klynge_import_mapping_guess (const char *const *header,
                             guint              n_fields)
{
  /* Besides Klynge's own names, the publishers' (PHS, NHS Digital,
   * OpenPrescribing, Fingertips) and the Danish registers'. */
  static const char *clinic_numbers[] = { "clinic_number", "clinic number", "provider number", "provider_number",
                                          "ydernummer", "ydernr", "ydernr.", "yder nr", "yder nr.", "praksisnummer",
                                          "practicecode", "practice code", "practice_code", "code", "ods code",
                                          "org_code", "area code", "id", NULL };
  static const char *clinic_names[] = { "clinic", "clinic_name", "clinic name", "klinik", "praksis", "lægepraksis", "name", "navn",
                                        "gppracticename", "practice name", "practice_name", "practice", "area name",
                                        "praksisnavn", "kliniknavn", NULL };
  static const char *periods[] = { "period", "periode", "quarter", "kvartal", "måned", "maaned", "month", "år", "year",
                                   "date", "dato", "extract_date", "time period", NULL };
  static const char *indicators[] = { "indicator", "indikator", "measure", "mål", "indicator name", NULL };
  static const char *numerators[] = { "numerator", "tæller", "taeller", "count", NULL };
  static const char *denominators[] = { "denominator", "nævner", "naevner", NULL };
  static const char *values[] = { "value", "værdi", "vaerdi", NULL };
  KlyngeImportMapping *self = klynge_import_mapping_new ();
  const char *clinic_name = NULL;

#define TAKE(field, names) \
  if (self->field == NULL && header_is (header[i], names)) { self->field = g_strdup (header[i]); continue; }

  for (guint i = 0; i < n_fields; i++)
    {
      TAKE (clinic, clinic_numbers);
      TAKE (period, periods);
      TAKE (indicator, indicators);
      TAKE (numerator, numerators);
      TAKE (denominator, denominators);
      TAKE (value, values);
      if (clinic_name == NULL && header_is (header[i], clinic_names))
        clinic_name = header[i];
    }
#undef TAKE

  /* The provider number identifies a clinic best; the name is the fallback,
   * and names the clinics created from the file. */
  if (self->clinic == NULL && clinic_name != NULL)
    self->clinic = g_strdup (clinic_name);
  else if (clinic_name != NULL)
    self->clinic_name = g_strdup (clinic_name);
  self->layout = self->indicator != NULL ? KLYNGE_IMPORT_LONG : KLYNGE_IMPORT_WIDE;
  return self;
}

/* --- JSON ----------------------------------------------------------------- */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

char *
klynge_import_mapping_to_json (const KlyngeImportMapping *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GHashTableIter iter;
  gpointer key, value;
  char decimal[2] = { self->decimal, '\0' };

  json_builder_begin_object (builder);
  add_string (builder, "layout", self->layout == KLYNGE_IMPORT_WIDE ? "wide" : "long");
  json_builder_set_member_name (builder, "sheet");
  json_builder_add_int_value (builder, self->sheet);
  add_string (builder, "decimal", self->decimal ? decimal : NULL);
  add_string (builder, "clinic", self->clinic);
  add_string (builder, "period", self->period);
  add_string (builder, "fixed_period", self->fixed_period);
  add_string (builder, "period_granularity", self->period_granularity);
  add_string (builder, "indicator", self->indicator);
  add_string (builder, "numerator", self->numerator);
  add_string (builder, "denominator", self->denominator);
  add_string (builder, "value", self->value);
  add_string (builder, "clinic_name", self->clinic_name);
  json_builder_set_member_name (builder, "header_row");
  json_builder_add_int_value (builder, self->header_row);

  json_builder_set_member_name (builder, "where");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->where->len; i++)
    {
      KlyngeImportFilter *filter = g_ptr_array_index (self->where, i);

      json_builder_begin_object (builder);
      add_string (builder, "column", filter->column);
      add_string (builder, "value", filter->value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "wide");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->wide->len; i++)
    {
      KlyngeImportWideColumn *column = g_ptr_array_index (self->wide, i);

      json_builder_begin_object (builder);
      add_string (builder, "indicator", column->indicator);
      add_string (builder, "numerator", column->numerator);
      add_string (builder, "denominator", column->denominator);
      add_string (builder, "value", column->value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "indicator_names");
  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, self->indicator_names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    add_string (builder, key, value);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

KlyngeImportMapping *
klynge_import_mapping_from_json (const char  *json,
                                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(KlyngeImportMapping) self = klynge_import_mapping_new ();
  g_autofree char *layout = NULL;
  g_autofree char *decimal = NULL;
  JsonObject *root;
  JsonArray *wide;
  JsonArray *where;
  JsonObject *names;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE, _("The saved column mapping is damaged."));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  layout = get_string (root, "layout");
  self->layout = g_strcmp0 (layout, "wide") == 0 ? KLYNGE_IMPORT_WIDE : KLYNGE_IMPORT_LONG;
  self->sheet = MAX (1, json_object_get_int_member_with_default (root, "sheet", 1));
  decimal = get_string (root, "decimal");
  self->decimal = decimal != NULL && (decimal[0] == ',' || decimal[0] == '.') ? decimal[0] : 0;
  self->clinic = get_string (root, "clinic");
  self->period = get_string (root, "period");
  self->fixed_period = get_string (root, "fixed_period");
  self->period_granularity = get_string (root, "period_granularity");
  self->indicator = get_string (root, "indicator");
  self->numerator = get_string (root, "numerator");
  self->denominator = get_string (root, "denominator");
  self->value = get_string (root, "value");
  self->clinic_name = get_string (root, "clinic_name");
  self->header_row = CLAMP (json_object_get_int_member_with_default (root, "header_row", 0), 0, G_MAXINT);

  where = json_object_has_member (root, "where") ? json_object_get_array_member (root, "where") : NULL;
  for (guint i = 0; where != NULL && i < json_array_get_length (where); i++)
    {
      JsonNode *node = json_array_get_element (where, i);
      g_autofree char *column = NULL, *value = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      column = get_string (json_node_get_object (node), "column");
      value = get_string (json_node_get_object (node), "value");
      if (column != NULL && value != NULL)
        add_filter (self, column, value);
    }

  wide = json_object_has_member (root, "wide") ? json_object_get_array_member (root, "wide") : NULL;
  for (guint i = 0; wide != NULL && i < json_array_get_length (wide); i++)
    {
      JsonNode *node = json_array_get_element (wide, i);
      JsonObject *column;
      g_autofree char *indicator = NULL, *numerator = NULL, *denominator = NULL, *value = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      column = json_node_get_object (node);
      indicator = get_string (column, "indicator");
      numerator = get_string (column, "numerator");
      denominator = get_string (column, "denominator");
      value = get_string (column, "value");
      if (indicator != NULL)
        klynge_import_mapping_add_wide (self, indicator, numerator, denominator, value);
    }

  names = json_object_has_member (root, "indicator_names") ? json_object_get_object_member (root, "indicator_names") : NULL;
  if (names != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (names);

      for (GList *l = members; l != NULL; l = l->next)
        {
          char *target = get_string (names, l->data);
          if (target != NULL)
            g_hash_table_insert (self->indicator_names, g_strdup (l->data), target);
        }
    }

  return g_steal_pointer (&self);
}

/* --- stored mappings ------------------------------------------------------ */

gboolean
klynge_import_mapping_save (KlyngeDb                  *db,
                            gint64                     cluster_id,
                            const char                *name,
                            const KlyngeImportMapping *mapping,
                            GError                   **error)
{
  g_autofree char *json = klynge_import_mapping_to_json (mapping);
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (*trimmed == '\0')
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("A saved mapping needs a name."));
      return FALSE;
    }

  stmt = klynge_db_statement_new (db,
    "INSERT INTO import_mapping (cluster_id, name, definition) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (cluster_id, name) DO UPDATE SET definition = excluded.definition");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, trimmed);
  klynge_db_statement_bind_text (stmt, 3, json);
  return klynge_db_statement_run (stmt, error);
}

KlyngeImportMapping *
klynge_import_mapping_load (KlyngeDb    *db,
                            gint64       cluster_id,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT definition FROM import_mapping WHERE cluster_id = ?1 AND name = ?2");
  g_autofree char *json = NULL;
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, name);
  rc = klynge_db_statement_step (stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    json = klynge_db_statement_dup_nullable (stmt, 0);

  if (json == NULL)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("There is no saved mapping called “%s”."), name);
      return NULL;
    }
  return klynge_import_mapping_from_json (json, error);
}

char *
klynge_import_mapping_find_fitting (KlyngeDb          *db,
                                    gint64             cluster_id,
                                    const char *const *header,
                                    guint              n_fields,
                                    GError           **error)
{
  g_auto(GStrv) names = klynge_import_mapping_list (db, cluster_id, error);

  if (names == NULL)
    return NULL;
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(KlyngeImportMapping) mapping = klynge_import_mapping_load (db, cluster_id, names[i], NULL);

      if (mapping != NULL && klynge_import_mapping_fits (mapping, header, n_fields))
        return g_strdup (names[i]);
    }
  return NULL;
}

KlyngeImportMapping *
klynge_import_mapping_for_header (KlyngeDb          *db,
                                  gint64             cluster_id,
                                  const char *const *header,
                                  guint              n_fields,
                                  char             **name,
                                  GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *fitting = klynge_import_mapping_find_fitting (db, cluster_id, header, n_fields, &local_error);
  KlyngeImportMapping *mapping;

  *name = NULL;
  /* A guess would pass over the saved mapping that was meant to be chosen. */
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (fitting == NULL)
    return klynge_import_mapping_guess (header, n_fields);
  if ((mapping = klynge_import_mapping_load (db, cluster_id, fitting, error)) != NULL)
    *name = g_steal_pointer (&fitting);
  return mapping;
}

GStrv
klynge_import_mapping_list (KlyngeDb  *db,
                            gint64     cluster_id,
                            GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT name FROM import_mapping WHERE cluster_id = ?1 ORDER BY name");
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    g_strv_builder_add (names, klynge_db_statement_column_text (stmt, 0));
  if (rc < 0)
    return NULL;
  return g_strv_builder_end (names);
}
