/* klynge-member-import.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The member list coordinators already keep in Excel, brought in with the
 * same rules as the editor. Columns are found by their heading, in English
 * or Danish; a clinic is found by name or number, else created. A member
 * already in the cluster (same e-mail, or same name) is skipped, so the same
 * list can be imported again after it was extended.
 */

#include "klynge-i18n.h"

#include <stdio.h>
#include <string.h>

#include "klynge-db-task.h"
#include "klynge-clinic.h"
#include "klynge-member-import.h"
#include "klynge-record.h"
#include "klynge-rules.h"
#include "klynge-table-reader.h"

typedef enum
{
  FIELD_NAME,
  FIELD_TITLE,
  FIELD_CLINIC,
  FIELD_EMAIL,
  FIELD_PHONE,
  FIELD_JOINED,
  FIELD_NOTES,
  FIELD_ROLES,
  N_FIELDS
} Field;

/* Headings as people write them, case-folded. */
static const char * const headings[N_FIELDS][8] = {
  [FIELD_NAME]   = { "name", "navn", "full name", "fulde navn", "medlem", "member", NULL },
  [FIELD_TITLE]  = { "title", "titel", "stilling", "profession", "faggruppe", NULL },
  [FIELD_CLINIC] = { "clinic", "klinik", "practice", "praksis", "lægepraksis", "klinik/praksis", NULL },
  [FIELD_EMAIL]  = { "e-mail", "email", "mail", "e-mailadresse", "e-mail address", NULL },
  [FIELD_PHONE]  = { "phone", "telefon", "tlf", "tlf.", "mobil", "mobile", "telefonnummer", NULL },
  [FIELD_JOINED] = { "joined", "indtrådt", "member since", "medlem siden", "start", "startdato", NULL },
  [FIELD_NOTES]  = { "notes", "noter", "note", "bemærkninger", "kommentar", NULL },
  [FIELD_ROLES]  = { "role", "roles", "rolle", "roller", "funktion", "hverv", NULL },
};

/* Titles as written in lists, case-folded, to the stored keys. */
static const struct {
  const char *text;
  const char *key;
} titles[] = {
  { "gp", "gp" }, { "læge", "gp" }, { "praktiserende læge", "gp" }, { "alment praktiserende læge", "gp" },
  { "pl", "gp" }, { "speciallæge", "gp" }, { "doctor", "gp" },
  { "trainee", "trainee" }, { "uddannelseslæge", "trainee" }, { "hu-læge", "trainee" },
  { "kbu", "trainee" }, { "kbu-læge", "trainee" }, { "i-læge", "trainee" },
  { "nurse", "nurse" }, { "sygeplejerske", "nurse" },
  { "secretary", "secretary" }, { "sekretær", "secretary" }, { "lægesekretær", "secretary" },
  { "other", "other" }, { "andet", "other" },
};

/* Roles as written in lists, English and Danish, case-folded, to the keys. */
static const struct {
  const char *text;
  const char *key;
} roles[] = {
  { "coordinator", "coordinator" }, { "koordinator", "coordinator" }, { "tovholder", "coordinator" },
  { "klyngekoordinator", "coordinator" },
  { "deputy", "deputy" }, { "deputy coordinator", "deputy" }, { "stedfortræder", "deputy" },
  { "næstformand", "deputy" }, { "vicekoordinator", "deputy" },
  { "chair", "chair" }, { "chairman", "chair" }, { "formand", "chair" },
  { "board", "board" }, { "board member", "board" }, { "bestyrelse", "board" },
  { "bestyrelsesmedlem", "board" },
  { "treasurer", "treasurer" }, { "kasserer", "treasurer" },
  { "secretary", "secretary" }, { "sekretær", "secretary" },
  { "member", "member" }, { "medlem", "member" },
};

static char *
folded (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  return g_utf8_casefold (trimmed, -1);
}

void
klynge_member_import_free (KlyngeMemberImport *import)
{
  if (import == NULL)
    return;
  g_object_unref (import->rows);
  g_ptr_array_unref (import->new_clinics);
  g_free (import);
}

static int
find_field (const char *heading)
{
  g_autofree char *key = folded (heading);

  for (int f = 0; f < N_FIELDS; f++)
    for (guint i = 0; headings[f][i] != NULL; i++)
      if (g_str_equal (key, headings[f][i]))
        return f;
  return -1;
}

static const char *
title_key (const char *text)
{
  g_autofree char *key = folded (text);

  if (*key == '\0')
    return "gp";
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (key, titles[i].text))
      return titles[i].key;
  return NULL;
}

/* "Chair, Treasurer", "formand og kasserer": the roles in a cell, from the
 * member's joining; FALSE with @unknown set to a name that is no role. */
static gboolean
read_roles (const char    *text,
            const char    *from_date,
            GPtrArray     *into,
            char         **unknown)
{
  g_autofree char *key = folded (text);
  g_autoptr(GRegex) separators = g_regex_new ("\\s*(?:[,;/&+]|\\s(?:og|and)\\s)\\s*", 0, 0, NULL);
  g_auto(GStrv) names = g_regex_split (separators, key, 0);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *role = NULL;

      g_strstrip (names[i]);
      if (*names[i] == '\0')
        continue;
      for (guint r = 0; r < G_N_ELEMENTS (roles) && role == NULL; r++)
        if (g_str_equal (names[i], roles[r].text))
          role = roles[r].key;
      if (role == NULL)
        {
          *unknown = g_strdup (names[i]);
          return FALSE;
        }
      g_ptr_array_add (into, klynge_member_role_new (role, from_date, NULL));
    }
  return TRUE;
}

/* "2019-03-01", and the Danish "1-3-2019", "01.03.2019", "1/3/2019". */
static char *
iso_date (const char *text)
{
  g_autofree char *trimmed = klynge_rules_strip_or_null (text);
  int d, m, y;
  char sep1, sep2, tail;

  if (trimmed == NULL)
    return NULL;
  if (sscanf (trimmed, "%d%c%d%c%d%c", &d, &sep1, &m, &sep2, &y, &tail) == 5 &&
      sep1 == sep2 && strchr ("-./", sep1) != NULL && y >= 1900 && d <= 31 &&
      g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return g_steal_pointer (&trimmed);
}

static const char *
cell (GStrv        record,
      const int    columns[N_FIELDS],
      Field        field)
{
  int c = columns[field];

  return c >= 0 && (guint) c < g_strv_length (record) ? record[c] : "";
}

/* What the cluster has already: members by e-mail and name, clinics by name and number. */
typedef struct
{
  GHashTable *emails;
  GHashTable *names;
  GHashTable *clinics;   /* folded name or number → KlyngeClinic */
} Known;

static void
known_clear (Known *known)
{
  g_clear_pointer (&known->emails, g_hash_table_unref);
  g_clear_pointer (&known->names, g_hash_table_unref);
  g_clear_pointer (&known->clinics, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Known, known_clear)

static gboolean
known_load (Known     *known,
            KlyngeDb  *db,
            gint64     cluster_id,
            GError   **error)
{
  g_autoptr(GListModel) members = klynge_member_list (db, cluster_id, error);
  g_autoptr(GListModel) clinics = NULL;

  known->emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  known->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  known->clinics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (members == NULL || !(clinics = klynge_clinic_list (db, cluster_id, error)))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(KlyngeMember) member = g_list_model_get_item (members, i);

      if (*member->email != '\0')
        g_hash_table_add (known->emails, folded (member->email));
      g_hash_table_add (known->names, folded (member->name));
    }
  for (guint i = 0; i < g_list_model_get_n_items (clinics); i++)
    {
      KlyngeClinic *clinic = g_list_model_get_item (clinics, i);

      if (*clinic->provider_number != '\0')
        g_hash_table_insert (known->clinics, folded (clinic->provider_number), g_object_ref (clinic));
      g_hash_table_insert (known->clinics, folded (clinic->name), clinic);
    }
  return TRUE;
}

static KlyngeMemberImportRow *
check_row (KlyngeDb    *db,
           gint64       cluster_id,
           Known       *known,
           GStrv        record,
           const int    columns[N_FIELDS],
           guint        line,
           GPtrArray   *new_clinics)
{
  KlyngeMemberImportRow *row = klynge_member_import_row_new (line);
  const char *title = title_key (cell (record, columns, FIELD_TITLE));
  g_autofree char *clinic_key = folded (cell (record, columns, FIELD_CLINIC));
  g_autofree char *email_key = NULL;
  g_autofree char *name_key = NULL;
  g_autofree char *unknown_role = NULL;
  g_autoptr(GError) error = NULL;
  KlyngeMember *member;
  KlyngeClinic *clinic;

  member = row->member;
  g_free (member->name);
  member->name = g_strstrip (g_strdup (cell (record, columns, FIELD_NAME)));
  g_free (member->email);
  member->email = g_strstrip (g_strdup (cell (record, columns, FIELD_EMAIL)));
  g_free (member->phone);
  member->phone = g_strstrip (g_strdup (cell (record, columns, FIELD_PHONE)));
  g_free (member->notes);
  member->notes = g_strstrip (g_strdup (cell (record, columns, FIELD_NOTES)));
  g_free (member->clinic_name);
  member->clinic_name = g_strstrip (g_strdup (cell (record, columns, FIELD_CLINIC)));
  member->joined_on = iso_date (cell (record, columns, FIELD_JOINED));
  g_free (member->title);
  member->title = g_strdup (title != NULL ? title : cell (record, columns, FIELD_TITLE));

  if (!read_roles (cell (record, columns, FIELD_ROLES), member->joined_on, member->roles, &unknown_role))
    {
      row->status = KLYNGE_MEMBER_IMPORT_INVALID;
      row->problem = g_strdup_printf (_("“%s” is not a role; write coordinator, deputy, chair, board, treasurer, "
                                        "secretary or member (or their Danish names)."), unknown_role);
      return row;
    }

  if (*clinic_key != '\0' && (clinic = g_hash_table_lookup (known->clinics, clinic_key)) != NULL)
    {
      member->clinic_id = clinic->id;
      g_free (member->clinic_name);
      member->clinic_name = g_strdup (clinic->name);
    }

  /* The editor's rules; the clinic is checked for the cluster only once it exists. */
  if (!klynge_member_validate (db, cluster_id, member, &error))
    {
      row->status = KLYNGE_MEMBER_IMPORT_INVALID;
      row->problem = g_strdup (error->message);
      return row;
    }

  email_key = folded (member->email);
  name_key = folded (member->name);
  if ((*email_key != '\0' && g_hash_table_contains (known->emails, email_key)) ||
      g_hash_table_contains (known->names, name_key))
    {
      row->status = KLYNGE_MEMBER_IMPORT_DUPLICATE;
      row->problem = g_strdup (_("Already a member; left out."));
      return row;
    }

  /* Later rows with the same person are duplicates of this one. */
  if (*email_key != '\0')
    g_hash_table_add (known->emails, g_steal_pointer (&email_key));
  g_hash_table_add (known->names, g_steal_pointer (&name_key));
  if (member->clinic_id == 0 && *member->clinic_name != '\0' &&
      !g_ptr_array_find_with_equal_func (new_clinics, member->clinic_name, g_str_equal, NULL))
    g_ptr_array_add (new_clinics, g_strdup (member->clinic_name));
  row->status = KLYNGE_MEMBER_IMPORT_NEW;
  return row;
}

KlyngeMemberImport *
klynge_member_import_preview (KlyngeDb   *db,
                              gint64      cluster_id,
                              GPtrArray  *records,
                              GArray     *lines,
                              GError    **error)
{
  g_autoptr(KlyngeMemberImport) import = g_new0 (KlyngeMemberImport, 1);
  g_auto(Known) known = { 0 };
  int columns[N_FIELDS];
  GStrv header;

  import->rows = g_list_store_new (KLYNGE_TYPE_MEMBER_IMPORT_ROW);
  import->new_clinics = g_ptr_array_new_with_free_func (g_free);
  for (int f = 0; f < N_FIELDS; f++)
    columns[f] = -1;

  if (records == NULL || records->len == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE, _("The file is empty."));
      return NULL;
    }
  header = g_ptr_array_index (records, 0);
  for (guint c = 0; header[c] != NULL; c++)
    {
      int field = find_field (header[c]);

      if (field >= 0 && columns[field] < 0)
        columns[field] = (int) c;
    }
  if (columns[FIELD_NAME] < 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                   _("No column of the first row is called Name (or Navn); Klynge cannot tell who the members are."));
      return NULL;
    }
  if (!known_load (&known, db, cluster_id, error))
    return NULL;

  for (guint r = 1; r < records->len; r++)
    {
      GStrv record = g_ptr_array_index (records, r);
      guint line = lines != NULL && r < lines->len ? g_array_index (lines, guint, r) : r + 1;
      g_autoptr(KlyngeMemberImportRow) row = NULL;
      gboolean blank = TRUE;

      for (guint c = 0; record[c] != NULL && blank; c++)
        {
          g_autofree char *text = klynge_rules_strip_or_null (record[c]);

          blank = text == NULL;
        }
      if (blank)
        continue;
      row = check_row (db, cluster_id, &known, record, columns, line, import->new_clinics);
      if (row->status == KLYNGE_MEMBER_IMPORT_NEW)
        import->n_new++;
      else if (row->status == KLYNGE_MEMBER_IMPORT_DUPLICATE)
        import->n_duplicate++;
      else
        import->n_invalid++;
      g_list_store_append (import->rows, row);
    }
  return g_steal_pointer (&import);
}

gboolean
klynge_member_import_commit (KlyngeDb            *db,
                             gint64               cluster_id,
                             KlyngeMemberImport  *import,
                             GError             **error)
{
  g_autoptr(GHashTable) created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!klynge_db_begin (db, error))
    return FALSE;

  for (guint i = 0; i < import->new_clinics->len; i++)
    {
      g_autoptr(KlyngeClinic) clinic = klynge_clinic_new ();

      klynge_record_set_text (&clinic->name, g_ptr_array_index (import->new_clinics, i));
      if (!klynge_clinic_save (db, cluster_id, clinic, error))
        goto failed;
      g_hash_table_insert (created, g_strdup (clinic->name), GSIZE_TO_POINTER ((gsize) clinic->id));
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (import->rows)); i++)
    {
      g_autoptr(KlyngeMemberImportRow) row = g_list_model_get_item (G_LIST_MODEL (import->rows), i);

      if (row->status != KLYNGE_MEMBER_IMPORT_NEW)
        continue;
      if (row->member->clinic_id == 0 && *row->member->clinic_name != '\0')
        row->member->clinic_id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (created, row->member->clinic_name));
      if (!klynge_member_save (db, cluster_id, row->member, error))
        {
          g_prefix_error (error, _("Line %u: "), row->line);
          goto failed;
        }
    }

  if (!klynge_db_commit (db, error))
    goto failed;
  return TRUE;

failed:
  klynge_db_rollback (db);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (import->rows)); i++)
    {
      g_autoptr(KlyngeMemberImportRow) row = g_list_model_get_item (G_LIST_MODEL (import->rows), i);

      row->member->id = 0;
    }
  return FALSE;
}

/* A member list has tens or hundreds of rows; a file far longer is not one. */
#define MAX_ROWS 20000
/* Each row is kept whole: a cell at column XFD on every row would keep
 * 16,384 fields a row. */
#define MAX_COLUMNS 256

typedef struct
{
  GPtrArray *records;
  GArray    *lines;
  char      *name;
} Reading;

static gboolean
collect_row (const KlyngeTableRow  *row,
             gpointer               data,
             GError               **error)
{
  Reading *reading = data;
  GStrv record;

  if (row->n_fields > MAX_COLUMNS)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                   _("%s:%u: more than %u columns; this does not look like a member list."),
                   reading->name, row->line, MAX_COLUMNS);
      return FALSE;
    }
  record = g_new0 (char *, row->n_fields + 1);
  if (reading->records->len >= MAX_ROWS)
    {
      g_strfreev (record);
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                   _("%s: more than %u rows; this does not look like a member list."), reading->name, MAX_ROWS);
      return FALSE;
    }
  for (guint i = 0; i < row->n_fields; i++)
    record[i] = g_strdup (row->fields[i]);
  g_ptr_array_add (reading->records, record);
  g_array_append_val (reading->lines, row->line);
  return TRUE;
}

KlyngeMemberImport *
klynge_member_import_read (KlyngeDb      *db,
                           gint64         cluster_id,
                           const char    *path,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *name = g_path_get_basename (path);
  Reading reading = { records, lines, name };
  KlyngeMemberImport *import;

  if (!klynge_table_read_file (path, 1, NULL, collect_row, &reading, cancellable, error))
    return NULL;
  import = klynge_member_import_preview (db, cluster_id, records, lines, error);
  if (import == NULL)
    g_prefix_error (error, "%s: ", name);
  return import;
}

static gpointer
read_in_worker (KlyngeDb      *db,
                gint64         cluster_id,
                const char    *path,
                int            option,
                GCancellable  *cancellable,
                GError       **error)
{
  return klynge_member_import_read (db, cluster_id, path, cancellable, error);
}

void
klynge_member_import_read_async (KlyngeDb            *db,
                                 gint64               cluster_id,
                                 const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  klynge_db_file_task_run (db, KLYNGE_DB_OPEN_READ_ONLY, cluster_id, path, 0, read_in_worker,
                           (GDestroyNotify) klynge_member_import_free, klynge_member_import_read_async,
                           cancellable, callback, user_data);
}

/* Returns: (transfer full): the preview, or %NULL with @error set */
KlyngeMemberImport *
klynge_member_import_read_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return klynge_db_file_task_finish (result, klynge_member_import_read_async, error);
}
