/* klynge-chart-letters.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The letters that stand for clinics on anonymised charts. Facilitators tell
 * each clinic its letter before the meeting ("you are C"), so a letter, once
 * dealt for a meeting, is stored and kept: a clinic added, removed or turning
 * up with data later never moves the others. Newcomers get the next unused
 * letters; a deleted clinic's letter is never dealt again.
 *
 * A read-only database still draws charts: the stored letters are read and
 * the newcomers dealt the same way in memory, without a word to the user.
 */

#define G_LOG_DOMAIN "klynge-charts"

#include "klynge-i18n.h"

#include "klynge-chart-data.h"
#include "klynge-chart-letters.h"
#include "klynge-db-statement.h"
#include "klynge-format.h"
#include "klynge-table-export.h"

typedef struct
{
  gint64   clinic_id;   /* 0: a deleted clinic's spent letter */
  guint    position;
  guint32  key;         /* the shuffle order of newcomers */
  gboolean stored;
} Dealt;

static void
letter_free (KlyngeChartLetter *letter)
{
  g_free (letter->letter);
  g_free (letter->clinic_name);
  g_free (letter->given_on);
  g_free (letter);
}

/* A mix of the seed and the clinic, so the letters follow no visible order
 * (not the names, not the size) yet are the same for the same seed. The first
 * deal of a meeting is therefore the one Klynge showed before letters were
 * stored, and clinics told their letter then keep it. */
static guint32
shuffle_key (guint   seed,
             gint64  clinic_id)
{
  guint64 h = (guint64) clinic_id * 0x9e3779b97f4a7c15ULL ^ ((guint64) seed * 0xc2b2ae3d27d4eb4fULL);

  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 29;
  return (guint32) h;
}

static int
compare_shuffled (gconstpointer a,
                  gconstpointer b)
{
  const Dealt *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return (x->clinic_id > y->clinic_id) - (x->clinic_id < y->clinic_id);
}

/* The letters stored for the scope (a meeting, or 0: the cluster's charts
 * without one), or %NULL when they cannot be read. */
static GArray *
read_stored (KlyngeDb  *db,
             gint64     cluster_id,
             gint64     meeting_id,
             GError   **error)
{
  g_autoptr(GArray) dealt = g_array_new (FALSE, FALSE, sizeof (Dealt));
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT ifnull (clinic_id, 0), position FROM clinic_letter "
    "WHERE cluster_id = ?1 AND ifnull (meeting_id, 0) = ?2");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_int64 (stmt, 2, meeting_id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      Dealt d = { klynge_db_statement_column_int64 (stmt, 0), (guint) klynge_db_statement_column_int64 (stmt, 1), 0, TRUE };

      g_array_append_val (dealt, d);
    }
  return rc < 0 ? NULL : g_steal_pointer (&dealt);
}

static void
add_newcomer (GHashTable *known,
              GArray     *newcomers,
              gint64      clinic_id,
              guint       seed)
{
  Dealt d = { clinic_id, 0, shuffle_key (seed, clinic_id), FALSE };

  if (clinic_id != 0 && g_hash_table_add (known, g_memdup2 (&clinic_id, sizeof clinic_id)))
    g_array_append_val (newcomers, d);
}

/* Every clinic of the cluster and of @extras without a letter yet, in the
 * order they are dealt; %NULL when the clinics cannot be read. */
static GArray *
find_newcomers (KlyngeDb      *db,
                gint64         cluster_id,
                guint          seed,
                GArray        *dealt,
                const GArray  *extras,
                GError       **error)
{
  g_autoptr(GArray) newcomers = g_array_new (FALSE, FALSE, sizeof (Dealt));
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, "SELECT id FROM clinic WHERE cluster_id = ?1");
  int rc;

  for (guint i = 0; i < dealt->len; i++)
    g_hash_table_add (known, g_memdup2 (&g_array_index (dealt, Dealt, i).clinic_id, sizeof (gint64)));
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    add_newcomer (known, newcomers, klynge_db_statement_column_int64 (stmt, 0), seed);
  if (rc < 0)
    return NULL;
  for (guint i = 0; extras != NULL && i < extras->len; i++)
    add_newcomer (known, newcomers, g_array_index (extras, gint64, i), seed);
  g_array_sort (newcomers, compare_shuffled);
  return g_steal_pointer (&newcomers);
}

/* Writes the newcomers' letters in one transaction. A clinic or meeting
 * that is not in the cluster (or no longer exists) keeps its letter in
 * memory only. The letters are bookkeeping for the undo stack: dealt when
 * a chart is first drawn, they must not cost the user the undo of the
 * delete just before. */
static gboolean
store (KlyngeDb  *db,
       gint64     cluster_id,
       gint64     meeting_id,
       GArray    *newcomers,
       GError   **error)
{
  gint64 before = sqlite3_total_changes64 (klynge_db_get_handle (db));

  if (!klynge_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < newcomers->len; i++)
    {
      Dealt *d = &g_array_index (newcomers, Dealt, i);
      g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
        "INSERT INTO clinic_letter (cluster_id, meeting_id, clinic_id, position) "
        "SELECT ?1, nullif (?2, 0), c.id, ?4 FROM clinic c WHERE c.id = ?3 "
        "  AND (?2 = 0 OR EXISTS (SELECT 1 FROM meeting WHERE id = ?2 AND cluster_id = ?1))");

      klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
      klynge_db_statement_bind_int64 (stmt, 2, meeting_id);
      klynge_db_statement_bind_int64 (stmt, 3, d->clinic_id);
      klynge_db_statement_bind_int64 (stmt, 4, d->position);
      if (!klynge_db_statement_run (stmt, error))
        {
          klynge_db_rollback (db);
          return FALSE;
        }
      d->stored = sqlite3_changes (klynge_db_get_handle (db)) == 1;
    }
  if (!klynge_db_commit_or_rollback (db, error))
    return FALSE;
  klynge_db_add_bookkeeping (db, sqlite3_total_changes64 (klynge_db_get_handle (db)) - before);
  return TRUE;
}

/* Every letter of the scope, the newcomers' dealt (and stored when the
 * database can be written) after the highest letter ever dealt there;
 * %NULL when the letters or clinics cannot be read, as letters dealt
 * anyway would be other ones. */
static GArray *
deal (KlyngeDb      *db,
      gint64         cluster_id,
      gint64         meeting_id,
      const GArray  *extras,
      GError       **read_error)
{
  guint seed = (guint) (meeting_id != 0 ? meeting_id : cluster_id);
  gboolean may_store = !klynge_db_is_read_only (db);

  /* The second round runs when storing failed, most likely because another
   * Klynge dealt letters to the same meeting at that moment: what it stored
   * is read again and kept, the rest dealt in memory. */
  for (int round = 0; ; round++)
    {
      g_autoptr(GArray) dealt = read_stored (db, cluster_id, meeting_id, read_error);
      g_autoptr(GArray) newcomers = dealt != NULL ? find_newcomers (db, cluster_id, seed, dealt, extras, read_error) : NULL;
      g_autoptr(GError) error = NULL;
      guint next = 0;

      if (newcomers == NULL)
        return NULL;

      for (guint i = 0; i < dealt->len; i++)
        next = MAX (next, g_array_index (dealt, Dealt, i).position + 1);
      for (guint i = 0; i < newcomers->len; i++)
        g_array_index (newcomers, Dealt, i).position = next + i;

      if (newcomers->len > 0 && may_store && round == 0 && !store (db, cluster_id, meeting_id, newcomers, &error))
        {
          g_debug ("Letters dealt without storing them: %s", error->message);
          continue;
        }
      g_array_append_vals (dealt, newcomers->data, newcomers->len);
      return g_steal_pointer (&dealt);
    }
}

/**
 * klynge_chart_letter_name:
 * @position: 0 for A
 *
 * A, B, …, Z, AA, AB…: enough letters for any number of clinics.
 *
 * Returns: (transfer full): the letter
 */
char *
klynge_chart_letter_name (guint position)
{
  GString *s = g_string_new (NULL);
  guint64 index = (guint64) position + 1;

  while (index > 0)
    {
      index--;
      g_string_prepend_c (s, 'A' + index % 26);
      index /= 26;
    }
  return g_string_free (s, FALSE);
}

/**
 * klynge_chart_letters_deal:
 * @meeting_id: the meeting whose letters these are, or 0 for the cluster's
 *   charts without a meeting
 * @extra_clinics: (nullable) (element-type gint64): clinics with data that
 *   may not be in the cluster's list
 *
 * The letter of every clinic of the cluster (and of @extra_clinics) for the
 * meeting. Letters dealt before are kept; clinics without one get the next
 * unused letters, stored in one transaction unless the database is read-only.
 *
 * Returns: (transfer full) (element-type gint64 utf8): clinic id → letter
 */
GHashTable *
klynge_chart_letters_deal (KlyngeDb     *db,
                           gint64        cluster_id,
                           gint64        meeting_id,
                           const GArray *extra_clinics)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) dealt = deal (db, cluster_id, meeting_id, extra_clinics, &error);
  GHashTable *letters = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  /* No letters rather than wrong ones: a chart shows the clinics unlabelled. */
  if (dealt == NULL)
    g_debug ("Letters could not be read: %s", error->message);
  for (guint i = 0; dealt != NULL && i < dealt->len; i++)
    {
      const Dealt *d = &g_array_index (dealt, Dealt, i);

      if (d->clinic_id != 0)
        g_hash_table_insert (letters, g_memdup2 (&d->clinic_id, sizeof d->clinic_id), klynge_chart_letter_name (d->position));
    }
  return letters;
}

static int
compare_letters (gconstpointer a,
                 gconstpointer b)
{
  const KlyngeChartLetter *x = *(KlyngeChartLetter * const *) a, *y = *(KlyngeChartLetter * const *) b;

  return (x->position > y->position) - (x->position < y->position);
}

/**
 * klynge_chart_letters_list:
 * @meeting_id: the meeting, or 0 for the cluster's charts without a meeting
 *
 * The key to the letters: which clinic has which, for the facilitator to
 * tell each clinic its own. Producing it deals the letters, as a chart would.
 * Deleted clinics' letters are listed too (with no name): they are spent.
 *
 * Returns: (transfer full) (element-type KlyngeChartLetter): the letters
 *   from A on, or %NULL with @error set
 */
GPtrArray *
klynge_chart_letters_list (KlyngeDb  *db,
                           gint64     cluster_id,
                           gint64     meeting_id,
                           GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) letter_free);
  g_autoptr(GArray) dealt = NULL;

  if (meeting_id != 0 && !klynge_chart_meeting_info (db, cluster_id, meeting_id, NULL, NULL, NULL, error))
    return NULL;
  if ((dealt = deal (db, cluster_id, meeting_id, NULL, error)) == NULL)
    return NULL;
  for (guint i = 0; i < dealt->len; i++)
    {
      const Dealt *d = &g_array_index (dealt, Dealt, i);
      KlyngeChartLetter *letter = g_new0 (KlyngeChartLetter, 1);
      g_autoptr(KlyngeDbStatement) name_stmt = klynge_db_statement_new (db, "SELECT name FROM clinic WHERE id = ?1");
      g_autoptr(KlyngeDbStatement) date_stmt = klynge_db_statement_new (db,
        "SELECT date (dealt_at, 'localtime') FROM clinic_letter "
        "WHERE cluster_id = ?1 AND ifnull (meeting_id, 0) = ?2 AND position = ?3");

      letter->position = d->position;
      letter->letter = klynge_chart_letter_name (d->position);
      letter->clinic_id = d->clinic_id;
      g_ptr_array_add (list, letter);

      klynge_db_statement_bind_int64 (name_stmt, 1, d->clinic_id);
      if (klynge_db_statement_step (name_stmt, NULL) == SQLITE_ROW)
        letter->clinic_name = klynge_db_statement_dup_text (name_stmt, 0);
      if (!d->stored)
        continue;
      klynge_db_statement_bind_int64 (date_stmt, 1, cluster_id);
      klynge_db_statement_bind_int64 (date_stmt, 2, meeting_id);
      klynge_db_statement_bind_int64 (date_stmt, 3, d->position);
      if (klynge_db_statement_step (date_stmt, NULL) == SQLITE_ROW)
        letter->given_on = klynge_db_statement_dup_text (date_stmt, 0);
    }
  g_ptr_array_sort (list, compare_letters);
  return g_steal_pointer (&list);
}

/**
 * klynge_chart_letters_export:
 * @meeting_id: the meeting, or 0 for the cluster's charts without a meeting
 * @path: a CSV file when it ends in ".csv", else a workbook (XLSX)
 *
 * Writes the letter key, marked private, readable by its owner only.
 */
gboolean
klynge_chart_letters_export (KlyngeDb    *db,
                             gint64       cluster_id,
                             gint64       meeting_id,
                             const char  *path,
                             GError     **error)
{
  const KlyngeTableColumn columns[] = {
    { _("Letter"), KLYNGE_TABLE_TEXT },
    { _("Clinic"), KLYNGE_TABLE_TEXT },
    { _("Given on"), KLYNGE_TABLE_DATE },
  };
  g_autoptr(GPtrArray) letters = klynge_chart_letters_list (db, cluster_id, meeting_id, error);
  g_autofree char *title = NULL, *date = NULL, *shown_date = NULL, *note = NULL, *lower = NULL;
  g_autoptr(KlyngeTable) table = NULL;

  if (letters == NULL)
    return FALSE;
  if (meeting_id != 0)
    {
      if (!klynge_chart_meeting_info (db, cluster_id, meeting_id, NULL, &title, &date, error))
        return FALSE;
      shown_date = klynge_format_date (date);
      note = g_strdup_printf (_("Private: the letters of the meeting “%s” on %s. Tell each clinic only its own letter."),
                              title, shown_date);
    }
  else
    note = g_strdup (_("Private: the letters of the charts without a meeting. Tell each clinic only its own letter."));

  /* Translators: a worksheet name, at most 31 characters */
  table = klynge_table_new (_("Letter key (private)"), columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < letters->len; i++)
    {
      KlyngeChartLetter *letter = g_ptr_array_index (letters, i);

      klynge_table_begin_row (table);
      klynge_table_add_text (table, letter->letter);
      klynge_table_add_text (table, letter->clinic_name != NULL ? letter->clinic_name
                                                                : _("A deleted clinic (the letter is not given again)"));
      if (letter->given_on != NULL)
        klynge_table_add_text (table, letter->given_on);
    }
  /* The warning travels with the list: a row of its own after a blank one. */
  klynge_table_begin_row (table);
  klynge_table_begin_row (table);
  klynge_table_add_text (table, note);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv"))
    return klynge_table_write_csv (table, path, error);
  return klynge_tables_write_xlsx (&table, 1, path, error);
}
