/* klynge-practice-list.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Registers publish their practices with code, name, list size and address
 * (PHS "GP Practice Contact Details", NHS Digital's epraccur, the regions'
 * lists of "Ydernumre"): read once, they give the cluster its clinics with
 * the numbers the data files use.
 */

#define G_LOG_DOMAIN "klynge-import"

#include "klynge-i18n.h"

#include <math.h>

#include "klynge-db-statement.h"
#include "klynge-db-task.h"
#include "klynge-import.h"
#include "klynge-practice-list.h"
#include "klynge-table-reader.h"

typedef struct
{
  char   *number;
  char   *name;
  gint64  listed;       /* -1: the file does not say */
  char   *address;
  char   *phone;
} Practice;

typedef struct
{
  const KlyngePracticeList *list;
  char       *file_name;
  gboolean    have_header;
  int         col_number;
  int         col_name;
  int         col_listed;
  int         col_phone;
  GArray     *col_address;
  GArray     *filter_columns;
  GArray     *practices;     /* Practice */
  guint       filtered;
} Reader;

static void
practice_clear (gpointer data)
{
  Practice *practice = data;

  g_free (practice->number);
  g_free (practice->name);
  g_free (practice->address);
  g_free (practice->phone);
}

/* The first column named @given, or else one of @names. */
static int
find_column (const KlyngeTableRow *row,
             const char           *given,
             const char *const    *names)
{
  const char *const *fields = (const char *const *)row->fields;

  if (given != NULL)
    return klynge_import_column_position (fields, row->n_fields, given);
  for (; *names != NULL; names++)
    {
      int column = klynge_import_column_position (fields, row->n_fields, *names);
      if (column >= 0)
        return column;
    }
  return -1;
}

static gboolean
read_header (Reader                *self,
             const KlyngeTableRow  *row,
             GError               **error)
{
  static const char *numbers[] = { "practicecode", "practice code", "practice_code", "code", "ods code", "org_code",
                                   "provider number", "provider_number", "clinic_number", "clinic number", "ydernummer",
                                   "ydernr", "ydernr.", "yder nr", "yder nr.", "praksisnummer", NULL };
  static const char *names[] = { "gppracticename", "practice name", "practice_name", "name", "navn", "praksis",
                                 "praksisnavn", "klinik", "clinic", "clinic_name", "lægepraksis", NULL };
  static const char *listed[] = { "practicelistsize", "list size", "list_size", "listsize", "listed patients",
                                  "registered patients", "number_of_patients", "patients", "tilmeldte patienter",
                                  "tilmeldte", "patienter", "listestørrelse", NULL };
  static const char *phones[] = { "telephonenumber", "telephone", "phone", "telefon", "tlf", "tlf.", NULL };

  self->have_header = TRUE;
  self->col_number = find_column (row, self->list->number, numbers);
  self->col_name = find_column (row, self->list->name, names);
  self->col_listed = find_column (row, self->list->listed, listed);
  self->col_phone = find_column (row, NULL, phones);
  if (self->col_number < 0 && self->col_name < 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE,
                   _("%s:%u: No column holds the practices’ codes or names (such as “PracticeCode” or “Ydernummer”)."),
                   self->file_name, row->line);
      return FALSE;
    }
  for (guint i = 0; i < row->n_fields; i++)
    {
      g_autofree char *folded = g_utf8_casefold (row->fields[i], -1);

      if (g_str_has_prefix (folded, "address") || g_str_has_prefix (folded, "adresse") ||
          g_str_equal (folded, "postcode") || g_str_equal (folded, "postnr") || g_str_equal (folded, "postnummer") ||
          g_str_equal (folded, "by") || g_str_equal (folded, "town"))
        g_array_append_val (self->col_address, i);
    }
  for (guint i = 0; self->list->where != NULL && i < self->list->where->len; i++)
    {
      KlyngeImportFilter *filter = g_ptr_array_index (self->list->where, i);
      int column = klynge_import_column_position ((const char *const *)row->fields, row->n_fields, filter->column);

      if (column < 0)
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE, _("%s:%u: The file has no column “%s”."),
                       self->file_name, row->line, filter->column);
          return FALSE;
        }
      g_array_append_val (self->filter_columns, column);
    }
  return TRUE;
}

static const char *
cell (const KlyngeTableRow *row,
      int                   column)
{
  return column >= 0 && (guint)column < row->n_fields ? row->fields[column] : "";
}

/* "01786   833   210": one space between the parts. */
static char *
squeeze (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, " \t", -1);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (words, parts[i]);
  kept = g_strv_builder_end (words);
  return g_strjoinv (" ", kept);
}

static gboolean
read_row (const KlyngeTableRow  *row,
          gpointer               user_data,
          GError               **error)
{
  Reader *self = user_data;
  Practice practice = { NULL, NULL, -1, NULL, NULL };
  g_autoptr(GPtrArray) address = g_ptr_array_new_with_free_func (g_free);
  guint filled = 0;
  double listed;

  for (guint i = 0; i < row->n_fields; i++)
    {
      const char *f = row->fields[i];

      while (g_ascii_isspace (*f))
        f++;
      filled += *f != '\0';
    }
  if (!self->have_header)
    return filled < 2 || read_header (self, row, error);
  if (filled == 0)
    return TRUE;

  for (guint i = 0; i < self->filter_columns->len; i++)
    {
      KlyngeImportFilter *filter = g_ptr_array_index (self->list->where, i);
      g_autofree char *a = g_utf8_casefold (g_strstrip (g_strdup (cell (row, g_array_index (self->filter_columns, int, i)))), -1);
      g_autofree char *b = g_utf8_casefold (filter->value, -1);

      if (!g_str_equal (a, b))
        {
          self->filtered++;
          return TRUE;
        }
    }

  practice.number = g_strstrip (g_strdup (cell (row, self->col_number)));
  practice.name = g_strstrip (g_strdup (cell (row, self->col_name)));
  if (*practice.name == '\0')
    {
      g_free (practice.name);
      practice.name = g_strdup (practice.number);
    }
  if (*practice.name == '\0')
    {
      practice_clear (&practice);
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE, _("%s:%u: The practice has neither a code nor a name."),
                   self->file_name, row->line);
      return FALSE;
    }
  if (self->col_listed >= 0 && *cell (row, self->col_listed) != '\0')
    {
      if (!klynge_import_parse_number (cell (row, self->col_listed), row->delimiter == ';' ? ',' : '.', &listed) ||
          listed < 0 || listed != floor (listed) || listed > 1e9)
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE, _("%s:%u:%d: “%s” is not a number of patients."),
                       self->file_name, row->line, self->col_listed + 1, cell (row, self->col_listed));
          practice_clear (&practice);
          return FALSE;
        }
      practice.listed = (gint64)listed;
    }
  for (guint i = 0; i < self->col_address->len; i++)
    {
      char *part = squeeze (cell (row, g_array_index (self->col_address, guint, i)));

      if (*part != '\0')
        g_ptr_array_add (address, part);
      else
        g_free (part);
    }
  g_ptr_array_add (address, NULL);
  practice.address = g_strjoinv (", ", (char **)address->pdata);
  practice.phone = squeeze (cell (row, self->col_phone));
  g_array_append_val (self->practices, practice);
  return TRUE;
}

/* The clinic a practice is: by number, else by name; 0 for a new one. */
static gint64
match_clinic (GHashTable     *keys,
              const Practice *practice)
{
  gint64 id = 0;

  if (*practice->number != '\0')
    {
      g_autofree char *key = klynge_import_number_key (practice->number);
      id = GPOINTER_TO_INT (g_hash_table_lookup (keys, key));
    }
  if (id == 0)
    {
      g_autofree char *key = klynge_import_name_key (practice->name);
      id = GPOINTER_TO_INT (g_hash_table_lookup (keys, key));
    }
  return id;
}

static GHashTable *
load_keys (KlyngeDb  *db,
           gint64     cluster_id,
           GError   **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, "SELECT id, name, COALESCE(provider_number, '') FROM clinic WHERE cluster_id = ?1");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      gpointer id = GINT_TO_POINTER (klynge_db_statement_column_int64 (stmt, 0));
      const char *number = klynge_db_statement_column_text (stmt, 2);

      g_hash_table_insert (keys, klynge_import_name_key (klynge_db_statement_column_text (stmt, 1)), id);
      if (*number != '\0')
        g_hash_table_insert (keys, klynge_import_number_key (number), id);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&keys);
}

static gboolean
write_practices (KlyngeDb                  *db,
                 gint64                     cluster_id,
                 Reader                    *reader,
                 gboolean                   dry_run,
                 KlyngePracticeListResult  *result,
                 GError                   **error)
{
  g_autoptr(GHashTable) keys = NULL;

  if (!klynge_db_begin (db, error))
    return FALSE;
  if ((keys = load_keys (db, cluster_id, error)) == NULL)
    goto failed;
  for (guint i = 0; i < reader->practices->len; i++)
    {
      Practice *p = &g_array_index (reader->practices, Practice, i);
      gint64 id = match_clinic (keys, p);
      g_autoptr(KlyngeDbStatement) stmt = NULL;

      /* An update keeps what the file does not say: its listed patients
       * when it has no such column, a number the clinic already has. */
      stmt = klynge_db_statement_new (db, id == 0 ?
        "INSERT INTO clinic (cluster_id, name, provider_number, listed_patients, address, phone) "
        "VALUES (?1, ?2, NULLIF(?3, ''), COALESCE(?4, 0), ?5, ?6)" :
        "UPDATE clinic SET name = ?2, provider_number = COALESCE(NULLIF(?3, ''), provider_number), "
        "listed_patients = COALESCE(?4, listed_patients), "
        "address = CASE ?5 WHEN '' THEN address ELSE ?5 END, "
        "phone = CASE ?6 WHEN '' THEN phone ELSE ?6 END WHERE id = ?7 AND cluster_id = ?1");
      klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
      klynge_db_statement_bind_text (stmt, 2, p->name);
      klynge_db_statement_bind_text (stmt, 3, p->number);
      if (p->listed >= 0)
        klynge_db_statement_bind_int64 (stmt, 4, p->listed);
      klynge_db_statement_bind_text (stmt, 5, p->address);
      klynge_db_statement_bind_text (stmt, 6, p->phone);
      if (id != 0)
        klynge_db_statement_bind_int64 (stmt, 7, id);
      if (!klynge_db_statement_run (stmt, error))
        {
          g_prefix_error (error, "%s: %s: ", reader->file_name, p->name);
          goto failed;
        }
      if (id == 0)
        {
          /* The same practice twice in the file is one clinic. */
          id = klynge_db_last_insert_id (db);
          g_hash_table_insert (keys, klynge_import_name_key (p->name), GINT_TO_POINTER (id));
          if (*p->number != '\0')
            g_hash_table_insert (keys, klynge_import_number_key (p->number), GINT_TO_POINTER (id));
          result->created++;
        }
      else
        result->updated++;
    }
  if (dry_run)
    {
      klynge_db_rollback (db);
      return TRUE;
    }
  if (klynge_db_commit (db, error))
    return TRUE;

failed:
  klynge_db_rollback (db);
  return FALSE;
}

gboolean
klynge_practice_list_import (KlyngeDb                  *db,
                             gint64                     cluster_id,
                             const char                *path,
                             const KlyngePracticeList  *list,
                             gboolean                   dry_run,
                             KlyngePracticeListResult  *result,
                             GError                   **error)
{
  Reader reader = {
    .list = list,
    .file_name = g_path_get_basename (path),
    .col_address = g_array_new (FALSE, FALSE, sizeof (guint)),
    .filter_columns = g_array_new (FALSE, FALSE, sizeof (int)),
    .practices = g_array_new (FALSE, FALSE, sizeof (Practice)),
  };
  gboolean ok;

  g_array_set_clear_func (reader.practices, practice_clear);
  *result = (KlyngePracticeListResult) { 0 };
  ok = klynge_table_read_file (path, MAX (list->sheet, 1), NULL, read_row, &reader, NULL, error);
  if (ok && reader.practices->len == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_PARSE, _("%s: the file lists no practices."), reader.file_name);
      ok = FALSE;
    }
  result->filtered = reader.filtered;
  if (ok)
    ok = write_practices (db, cluster_id, &reader, dry_run, result, error);

  g_free (reader.file_name);
  g_array_unref (reader.col_address);
  g_array_unref (reader.filter_columns);
  g_array_unref (reader.practices);
  return ok;
}

/* The import as the worker runs it: the counts, or %NULL with @error set. */
static gpointer
import_in_worker (KlyngeDb      *db,
                  gint64         cluster_id,
                  const char    *path,
                  int            option,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree KlyngePracticeListResult *counts = g_new0 (KlyngePracticeListResult, 1);

  if (!klynge_practice_list_import (db, cluster_id, path, &(KlyngePracticeList) { .sheet = 1 }, FALSE, counts, error))
    return NULL;
  return g_steal_pointer (&counts);
}

void
klynge_practice_list_import_async (KlyngeDb            *db,
                                   gint64               cluster_id,
                                   const char          *path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  klynge_db_file_task_run (db, KLYNGE_DB_OPEN_DEFAULT, cluster_id, path, 0, import_in_worker, g_free,
                           klynge_practice_list_import_async, cancellable, callback, user_data);
}

gboolean
klynge_practice_list_import_finish (GAsyncResult              *result,
                                    KlyngePracticeListResult  *counts,
                                    GError                   **error)
{
  g_autofree KlyngePracticeListResult *found = klynge_db_file_task_finish (result, klynge_practice_list_import_async, error);

  if (found == NULL)
    return FALSE;
  *counts = *found;
  return TRUE;
}
