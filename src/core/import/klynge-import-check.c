/* klynge-import-check.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checking what was read: problems by file, line and column, rows left
 * out as bad, clinics without rows, and duplicates within the file and
 * against what is stored, found by sorting.
 */

#define G_LOG_DOMAIN "klynge-import"

#include "klynge-i18n.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "klynge-import-private.h"
#include "klynge-period.h"
#include "klynge-submissions.h"
#include "klynge-topics.h"

void
_klynge_import_problem_free (gpointer data)
{
  KlyngeImportProblem *problem = data;

  g_free (problem->text);
  g_free (problem->message);
  g_strfreev (problem->suggestions);
  g_free (problem);
}

void
_klynge_import_add_problem (Prepare                 *self,
                            KlyngeImportProblemKind  kind,
                            guint                    line,
                            guint                    column,
                            const char              *text,
                            GStrv                    suggestions,
                            const char              *format,
                            ...)
{
  KlyngeImportPlan *plan = self->plan;
  KlyngeImportProblem *problem;
  GPtrArray *list = plan->problems;
  va_list args;

  /* A bad row the user chose to leave out no longer blocks the others;
   * a missing column or a stored duplicate concerns the whole file. */
  if (self->mapping->skip_bad && self->in_rows && line > 0 &&
      kind != KLYNGE_IMPORT_PROBLEM_DUPLICATE && kind != KLYNGE_IMPORT_PROBLEM_MISSING_COLUMN)
    {
      g_hash_table_add (plan->bad_lines, GUINT_TO_POINTER (line));
      list = plan->left_out;
    }
  else
    {
      plan->n_problems++;
      if (kind == KLYNGE_IMPORT_PROBLEM_DUPLICATE)
        plan->n_duplicates++;
      else
        plan->n_errors++;
    }

  if (list->len >= KLYNGE_IMPORT_MAX_PROBLEMS)
    {
      g_strfreev (suggestions);
      return;
    }

  problem = g_new0 (KlyngeImportProblem, 1);
  problem->kind = kind;
  problem->line = line;
  problem->column = column;
  problem->text = g_strdup (text);
  problem->suggestions = suggestions;
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  /* A field may be 32,767 characters long: the message quotes its start. */
  if (text != NULL && strlen (text) > KLYNGE_TABLE_QUOTE_CHARS)
    {
      g_autofree char *quoted = klynge_table_quote (text);
      g_auto(GStrv) parts = g_strsplit (problem->message, text, -1);

      g_free (problem->message);
      problem->message = g_strjoinv (quoted, parts);
    }
  g_ptr_array_add (list, problem);
}

static int
compare_key (gint64      indicator_a,
             gint64      clinic_a,
             const char *period_a,
             gint64      indicator_b,
             gint64      clinic_b,
             const char *period_b)
{
  if (indicator_a != indicator_b)
    return indicator_a < indicator_b ? -1 : 1;
  if (clinic_a != clinic_b)
    return clinic_a < clinic_b ? -1 : 1;
  return strcmp (period_a, period_b);
}

/* Periods compare by their rank among the file's periods, which orders them
 * as strcmp() and SQLite do, at the cost of an integer comparison. */
static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      ranks)
{
  const Candidate *ca = a, *cb = b;
  const guint32 *rank = ranks;

  if (ca->indicator_id != cb->indicator_id)
    return ca->indicator_id < cb->indicator_id ? -1 : 1;
  if (ca->clinic_id != cb->clinic_id)
    return ca->clinic_id < cb->clinic_id ? -1 : 1;
  if (rank[ca->period] != rank[cb->period])
    return rank[ca->period] < rank[cb->period] ? -1 : 1;
  return ca->line < cb->line ? -1 : ca->line > cb->line;
}

static int
compare_period_strings (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

static guint32 *
rank_periods (GPtrArray *periods)
{
  g_autofree const char **sorted = NULL;
  g_autoptr(GHashTable) position = NULL;
  guint32 *rank = g_new0 (guint32, MAX (periods->len, 1));

  if (periods->len == 0)
    return rank;
  sorted = g_memdup2 (periods->pdata, sizeof (char *) * periods->len);
  position = g_hash_table_new (g_direct_hash, g_direct_equal);
  qsort (sorted, periods->len, sizeof (char *), compare_period_strings);
  for (guint i = 0; i < periods->len; i++)
    g_hash_table_insert (position, (gpointer)sorted[i], GUINT_TO_POINTER (i));
  for (guint i = 0; i < periods->len; i++)
    rank[i] = GPOINTER_TO_UINT (g_hash_table_lookup (position, periods->pdata[i]));
  return rank;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const KlyngeImportProblem *pa = *(KlyngeImportProblem **)a, *pb = *(KlyngeImportProblem **)b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  return (int)pa->column - (int)pb->column;
}

/* Rows the user chose to leave out go before anything is compared. */
void
_klynge_import_leave_out_bad_rows (KlyngeImportPlan *plan)
{
  GArray *all = plan->candidates;
  guint kept = 0;

  if (g_hash_table_size (plan->bad_lines) == 0)
    return;
  for (guint i = 0; i < all->len; i++)
    {
      Candidate *c = &g_array_index (all, Candidate, i);

      if (!g_hash_table_contains (plan->bad_lines, GUINT_TO_POINTER (c->line)))
        g_array_index (all, Candidate, kept++) = *c;
      else if (c->suppressed)
        plan->n_suppressed--;
    }
  g_array_set_size (all, kept);
}

/* A clinic is created for its measurements: one whose rows were all left
 * out as bad, or held nothing to store, is not, and the others close up. */
void
_klynge_import_drop_clinics_without_rows (KlyngeImportPlan *plan)
{
  guint n = plan->new_clinics->len;
  g_autofree gint64 *new_id = g_new0 (gint64, n + 1);   /* by -(old id); 0: dropped */
  gint64 kept = 0;

  for (guint i = 0; i < plan->candidates->len; i++)
    {
      Candidate *c = &g_array_index (plan->candidates, Candidate, i);

      if (c->clinic_id < 0)
        new_id[-c->clinic_id] = 1;
    }
  for (guint i = 1; i <= n; i++)
    if (new_id[i] != 0)
      new_id[i] = -(++kept);
  for (guint i = n; i > 0; i--)
    if (new_id[i] == 0)
      g_ptr_array_remove_index (plan->new_clinics, i - 1);
  for (guint i = 0; i < plan->candidates->len; i++)
    {
      Candidate *c = &g_array_index (plan->candidates, Candidate, i);

      if (c->clinic_id < 0)
        c->clinic_id = new_id[-c->clinic_id];
    }
}

gboolean
_klynge_import_find_duplicates (Prepare  *self,
                                GError  **error)
{
  KlyngeImportPlan *plan = self->plan;
  const char **periods = (const char **)plan->periods->pdata;
  GArray *all = plan->candidates;
  g_autofree guint32 *ranks = rank_periods (plan->periods);
  guint next = 0;
  guint kept = 0;
  int rc = SQLITE_DONE;

  g_autoptr(GHashTable) clinic_names = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) indicator_names = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) new_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Names for the messages: a duplicate is reported by what the user knows. */
  for (guint i = 0; i < self->clinics->len; i++)
    g_hash_table_insert (clinic_names, &g_array_index (self->clinics, KnownClinic, i).id,
                         g_array_index (self->clinics, KnownClinic, i).name);
  for (guint i = 0; i < self->indicator_ids->len; i++)
    g_hash_table_insert (indicator_names, &g_array_index (self->indicator_ids, gint64, i),
                         g_ptr_array_index (self->indicator_names, i));
  g_array_set_size (new_ids, plan->new_indicators->len);
  for (guint i = 0; i < plan->new_indicators->len; i++)
    {
      g_array_index (new_ids, gint64, i) = -(gint64)(i + 1);
      g_hash_table_insert (indicator_names, &g_array_index (new_ids, gint64, i), g_ptr_array_index (plan->new_indicators, i));
    }

  g_array_sort_with_data (all, compare_candidates, ranks);

  /* Sorted, a repeated key is next to its first occurrence: keep the first. */
  for (guint i = 0; i < all->len; i++)
    {
      Candidate *c = &g_array_index (all, Candidate, i);

      if (kept > 0)
        {
          Candidate *last = &g_array_index (all, Candidate, kept - 1);

          if (last->indicator_id == c->indicator_id && last->clinic_id == c->clinic_id && last->period == c->period)
            {
              _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_TWICE_IN_FILE, c->line, 0, NULL, NULL,
                                          _("The same clinic, indicator (“%s”) and period are already on line %u."),
                                          (char *)g_hash_table_lookup (indicator_names, &c->indicator_id), last->line);
              if (c->suppressed)
                plan->n_suppressed--;
              continue;
            }
        }
      g_array_index (all, Candidate, kept++) = *c;
    }
  g_array_set_size (all, kept);

  /* One indicator at a time, the key's index gives the stored keys in order,
   * without sorting all of the cluster's measurements first. Only this
   * cluster's clinics are among the candidates, so only theirs can match. */
  while (next < all->len)
    {
      gint64 indicator = g_array_index (all, Candidate, next).indicator_id;
      g_autoptr(KlyngeDbStatement) stored = klynge_db_statement_new (self->db,
                                                                     "SELECT clinic_id, period FROM measurement WHERE indicator_id = ?1 "
                                                                     "ORDER BY clinic_id, period");

      klynge_db_statement_bind_int64 (stored, 1, indicator);
      while ((rc = klynge_db_statement_step (stored, error)) == SQLITE_ROW)
        {
          gint64 clinic = klynge_db_statement_column_int64 (stored, 0);
          const char *period = klynge_db_statement_column_text (stored, 1);
          Candidate *c = NULL;
          int cmp = -1;

          for (; next < all->len; next++)
            {
              c = &g_array_index (all, Candidate, next);
              if ((cmp = compare_key (c->indicator_id, c->clinic_id, periods[c->period], indicator, clinic, period)) >= 0)
                break;
            }
          if (next == all->len || c->indicator_id != indicator)
            break;
          if (cmp == 0)
            {
              c->duplicate = TRUE;
              _klynge_import_add_problem (self, KLYNGE_IMPORT_PROBLEM_DUPLICATE, c->line, 0, NULL, NULL,
                                          _("%s’s “%s” for %s is already stored."),
                                          (char *)g_hash_table_lookup (clinic_names, &c->clinic_id),
                                          (char *)g_hash_table_lookup (indicator_names, &c->indicator_id), period);
            }
        }
      if (rc < 0)
        return FALSE;
      while (next < all->len && g_array_index (all, Candidate, next).indicator_id == indicator)
        next++;
    }

  g_ptr_array_sort (plan->problems, compare_problems);
  return TRUE;
}
