/* klynge-import-write.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing a plan in one transaction: new clinics and indicators, the
 * measurements in multi-row inserts, the replaced rows set aside for undo;
 * and the batches, their undo and the rows left out.
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

/* Rows per INSERT: one statement for many rows spares SQLite most of its
 * per-statement work, which dominates a bulk load. */
#define ROWS_PER_INSERT 64

/* A row replacing a stored one updates it in place: its key, and so the
 * key's index, stay as they are, where deleting and inserting again would
 * rewrite both the table and the index. */
static char *
insert_sql (guint    n_rows,
            gboolean replacing)
{
  GString *sql = g_string_new ("INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator, value, batch_id, status) VALUES ");

  for (guint i = 0; i < n_rows; i++)
    g_string_append (sql, i == 0 ? "(?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?)");
  if (replacing)
    g_string_append (sql, " ON CONFLICT (indicator_id, clinic_id, period) DO UPDATE SET "
                          "numerator = excluded.numerator, denominator = excluded.denominator, "
                          "value = excluded.value, batch_id = excluded.batch_id, status = excluded.status");
  return g_string_free (sql, FALSE);
}

/* Keeps the measurements stored under the rows' keys so that undoing the
 * batch brings them back. CROSS JOIN makes SQLite look each key up in the
 * key's index; matching the keys with IN scans the whole table. */
static char *
set_aside_sql (guint n_rows)
{
  GString *sql = g_string_new ("INSERT INTO import_replaced (batch_id, indicator_id, clinic_id, period, numerator, denominator, value, old_batch_id, status) "
                               "SELECT ?1, m.indicator_id, m.clinic_id, m.period, m.numerator, m.denominator, m.value, m.batch_id, m.status "
                               "FROM (VALUES ");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (sql, "%s(?%u,?%u,?%u)", i == 0 ? "" : ",", 3 * i + 2, 3 * i + 3, 3 * i + 4);
  g_string_append (sql, ") AS k CROSS JOIN measurement m "
                        "ON m.indicator_id = k.column1 AND m.clinic_id = k.column2 AND m.period = k.column3");
  return g_string_free (sql, FALSE);
}

/* Writes the rows of one batch, ROWS_PER_INSERT at a time; new rows and rows
 * replacing stored ones wait apart, as they are written differently. */
typedef struct
{
  KlyngeDb          *db;
  KlyngeImportPlan  *plan;
  gint64             batch_id;
  GArray            *clinic_ids;           /* the new clinics' ids, by -(id + 1) */
  GArray            *indicator_ids;
  char              *insert_sql[2][2];     /* [replacing][one row, ROWS_PER_INSERT rows] */
  char              *set_aside_sql[2];
  const Candidate   *pending[2][ROWS_PER_INSERT];
  guint              n_pending[2];
} Writer;

static void
writer_init (Writer           *self,
             KlyngeDb         *db,
             KlyngeImportPlan *plan,
             gint64            batch_id)
{
  self->db = db;
  self->plan = plan;
  self->batch_id = batch_id;
  for (guint replacing = 0; replacing < 2; replacing++)
    {
      self->insert_sql[replacing][0] = insert_sql (1, replacing);
      self->insert_sql[replacing][1] = insert_sql (ROWS_PER_INSERT, replacing);
    }
  self->set_aside_sql[0] = set_aside_sql (1);
  self->set_aside_sql[1] = set_aside_sql (ROWS_PER_INSERT);
}

/* A candidate's id, with a new clinic's or indicator's as created. */
static gint64
resolve (GArray *created,
         gint64  id)
{
  return id > 0 ? id : g_array_index (created, gint64, -id - 1);
}

static void
writer_clear (Writer *self)
{
  g_clear_pointer (&self->clinic_ids, g_array_unref);
  g_clear_pointer (&self->indicator_ids, g_array_unref);
  for (guint i = 0; i < 2; i++)
    {
      g_free (self->insert_sql[i][0]);
      g_free (self->insert_sql[i][1]);
      g_free (self->set_aside_sql[i]);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

/* n_rows is 1 or ROWS_PER_INSERT. */
static gboolean
writer_write (Writer           *self,
              const Candidate **rows,
              guint             n_rows,
              gboolean          replacing,
              GError          **error)
{
  gboolean many = n_rows > 1;
  const char **periods = (const char **)self->plan->periods->pdata;
  g_autoptr(KlyngeDbStatement) insert = NULL;

  if (replacing)
    {
      g_autoptr(KlyngeDbStatement) set_aside = klynge_db_statement_new (self->db, self->set_aside_sql[many]);

      klynge_db_statement_bind_int64 (set_aside, 1, self->batch_id);
      for (guint i = 0; i < n_rows; i++)
        {
          klynge_db_statement_bind_int64 (set_aside, 3 * i + 2, rows[i]->indicator_id);
          klynge_db_statement_bind_int64 (set_aside, 3 * i + 3, rows[i]->clinic_id);
          klynge_db_statement_bind_static_text (set_aside, 3 * i + 4, periods[rows[i]->period]);
        }
      if (!klynge_db_statement_run (set_aside, error))
        return FALSE;
    }

  insert = klynge_db_statement_new (self->db, self->insert_sql[replacing][many]);
  for (guint i = 0; i < n_rows; i++)
    {
      const Candidate *c = rows[i];
      int p = i * 8;

      klynge_db_statement_bind_int64 (insert, p + 1, resolve (self->indicator_ids, c->indicator_id));
      klynge_db_statement_bind_int64 (insert, p + 2, resolve (self->clinic_ids, c->clinic_id));
      klynge_db_statement_bind_static_text (insert, p + 3, periods[c->period]);
      if (c->numerator != NO_COUNT)
        klynge_db_statement_bind_int64 (insert, p + 4, c->numerator);
      if (c->denominator != NO_COUNT)
        klynge_db_statement_bind_int64 (insert, p + 5, c->denominator);
      if (!isnan (c->value))
        klynge_db_statement_bind_double (insert, p + 6, c->value);
      klynge_db_statement_bind_int64 (insert, p + 7, self->batch_id);
      klynge_db_statement_bind_static_text (insert, p + 8, c->suppressed ? "suppressed" : "ok");
    }
  return klynge_db_statement_run (insert, error);
}

/* The pending rows have other keys than this one: order does not matter. */
static gboolean
writer_add (Writer           *self,
            const Candidate  *c,
            gboolean          replacing,
            GError          **error)
{
  self->pending[replacing][self->n_pending[replacing]++] = c;
  if (self->n_pending[replacing] < ROWS_PER_INSERT)
    return TRUE;
  self->n_pending[replacing] = 0;
  return writer_write (self, self->pending[replacing], ROWS_PER_INSERT, replacing, error);
}

static gboolean
writer_finish (Writer  *self,
               GError **error)
{
  for (guint replacing = 0; replacing < 2; replacing++)
    for (guint i = 0; i < self->n_pending[replacing]; i++)
      if (!writer_write (self, &self->pending[replacing][i], 1, replacing, error))
        return FALSE;
  return TRUE;
}

/* Past this many new rows, building the secondary indexes once after the
 * inserts is several times faster than updating them row by row. Rows
 * replacing stored ones do not count: updated in place, they change only the
 * batch's index, and rebuilding the others would be work for nothing. */
#define BULK_ROWS 50000

/* The clinics the file brings, in the plan's order. */
static GArray *
create_clinics (KlyngeDb          *db,
                KlyngeImportPlan  *plan,
                GError           **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < plan->new_clinics->len; i++)
    {
      FileClinic *clinic = g_ptr_array_index (plan->new_clinics, i);
      g_autoptr(KlyngeDbStatement) insert = klynge_db_statement_new (db, "INSERT INTO clinic (cluster_id, name, provider_number) VALUES (?1, ?2, ?3)");
      gint64 id;

      klynge_db_statement_bind_int64 (insert, 1, plan->cluster_id);
      klynge_db_statement_bind_text (insert, 2, clinic->name);
      klynge_db_statement_bind_text (insert, 3, clinic->number);
      if (!klynge_db_statement_run (insert, error))
        return NULL;
      id = klynge_db_last_insert_id (db);
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* The indicators the file brings go under one topic of the cluster, where
 * the Topics window shows them to be described. */
static GArray *
create_indicators (KlyngeDb          *db,
                   KlyngeImportPlan  *plan,
                   GError           **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *title = _("Indicators from imported files");
  g_autoptr(KlyngeDbStatement) find = NULL;
  gint64 topic = 0;

  if (plan->new_indicators->len == 0)
    return g_steal_pointer (&ids);
  find = klynge_db_statement_new (db, "SELECT id FROM topic WHERE cluster_id = ?1 AND title = ?2");
  klynge_db_statement_bind_int64 (find, 1, plan->cluster_id);
  klynge_db_statement_bind_text (find, 2, title);
  if (!klynge_db_statement_get_int64 (find, &topic, error))
    return NULL;
  if (topic == 0)
    {
      g_autoptr(KlyngeDbStatement) insert = klynge_db_statement_new (db, "INSERT INTO topic (cluster_id, title) VALUES (?1, ?2)");

      klynge_db_statement_bind_int64 (insert, 1, plan->cluster_id);
      klynge_db_statement_bind_text (insert, 2, title);
      if (!klynge_db_statement_run (insert, error))
        return NULL;
      topic = klynge_db_last_insert_id (db);
    }

  for (guint i = 0; i < plan->new_indicators->len; i++)
    {
      g_autoptr(KlyngeDbStatement) insert = klynge_db_statement_new (db, "INSERT INTO indicator (topic_id, name, unit) VALUES (?1, ?2, ?3)");
      gint64 id;

      klynge_db_statement_bind_int64 (insert, 1, topic);
      klynge_db_statement_bind_text (insert, 2, g_ptr_array_index (plan->new_indicators, i));
      klynge_db_statement_bind_text (insert, 3, g_ptr_array_index (plan->new_indicator_units, i));
      if (!klynge_db_statement_run (insert, error))
        return NULL;
      id = klynge_db_last_insert_id (db);
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static gboolean
write_references (KlyngeDb          *db,
                  KlyngeImportPlan  *plan,
                  gint64             batch_id,
                  GArray            *indicator_ids,
                  GError           **error)
{
  if (!plan->store_references || plan->references->len == 0)
    return TRUE;
  for (guint i = 0; i < plan->references->len; i++)
    {
      Reference *r = &g_array_index (plan->references, Reference, i);
      g_autoptr(KlyngeDbStatement) upsert =
        klynge_db_statement_new (db,
                                 "INSERT INTO indicator_reference (indicator_id, period, area, numerator, denominator, value, batch_id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                                 "ON CONFLICT (indicator_id, period) DO UPDATE SET area = excluded.area, "
                                 "numerator = excluded.numerator, denominator = excluded.denominator, "
                                 "value = excluded.value, batch_id = excluded.batch_id");

      /* What the reference row lacks stays unbound: NULL. */
      klynge_db_statement_bind_int64 (upsert, 1, resolve (indicator_ids, r->indicator_id));
      klynge_db_statement_bind_text (upsert, 2, plan->periods->pdata[r->period]);
      klynge_db_statement_bind_text (upsert, 3, r->area);
      if (r->numerator != NO_COUNT)
        klynge_db_statement_bind_int64 (upsert, 4, r->numerator);
      if (r->denominator != NO_COUNT)
        klynge_db_statement_bind_int64 (upsert, 5, r->denominator);
      if (!isnan (r->value))
        klynge_db_statement_bind_double (upsert, 6, r->value);
      klynge_db_statement_bind_int64 (upsert, 7, batch_id);
      if (!klynge_db_statement_run (upsert, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_left_out (KlyngeDb    *db,
                 gint64       batch_id,
                 guint        line,
                 const char  *reason,
                 GError     **error)
{
  g_autoptr(KlyngeDbStatement) insert = klynge_db_statement_new (db, "INSERT INTO import_left_out (batch_id, line, reason) VALUES (?1, ?2, ?3)");

  klynge_db_statement_bind_int64 (insert, 1, batch_id);
  klynge_db_statement_bind_int64 (insert, 2, line);
  klynge_db_statement_bind_text (insert, 3, reason);
  return klynge_db_statement_run (insert, error);
}

/* What the batch left out stays with it: the undo and the batch list say so. */
static gboolean
write_left_out (KlyngeDb          *db,
                KlyngeImportPlan  *plan,
                gint64             batch_id,
                GError           **error)
{
  for (guint i = 0; i < plan->left_out->len; i++)
    {
      KlyngeImportProblem *problem = g_ptr_array_index (plan->left_out, i);

      if (!insert_left_out (db, batch_id, problem->line, problem->message, error))
        return FALSE;
    }
  for (guint i = 0; i < plan->unknown_clinics->len; i++)
    {
      FileClinic *clinic = g_ptr_array_index (plan->unknown_clinics, i);
      g_autofree char *reason = g_strdup_printf (ngettext ("“%s” is not a clinic of this cluster (%u row).",
                                                           "“%s” is not a clinic of this cluster (%u rows).",
                                                           clinic->n_rows),
                                                 clinic->number ? clinic->number : clinic->name, clinic->n_rows);

      if (!insert_left_out (db, batch_id, clinic->line, reason, error))
        return FALSE;
    }
  return TRUE;
}

gint64
klynge_import_commit (KlyngeDb                  *db,
                      KlyngeImportPlan          *plan,
                      KlyngeImportDuplicates     duplicates,
                      const char                *source,
                      KlyngeImportProgressFunc   progress,
                      gpointer                   progress_data,
                      GCancellable              *cancellable,
                      GError                   **error)
{
  gboolean indexes_dropped = FALSE;
  g_auto(Writer) writer = { 0 };
  g_autoptr(KlyngeDbStatement) batch = NULL;
  g_autoptr(KlyngeDbStatement) count = NULL;
  gint64 batch_id;
  gint64 written = 0;

  if (!klynge_import_plan_can_commit (plan, duplicates))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("%s has problems to solve before it can be imported."), plan->file_name);
      return 0;
    }

  /* A large import touches index pages all over; keep them in memory. */
  klynge_db_exec (db, "PRAGMA cache_size = -65536", NULL);

  if (!klynge_db_begin (db, error))
    return 0;

  batch = klynge_db_statement_new (db,
                                   "INSERT INTO import_batch (cluster_id, file_name, checksum, source, row_count) "
                                   "VALUES (?1, ?2, ?3, ?4, 0)");
  klynge_db_statement_bind_int64 (batch, 1, plan->cluster_id);
  klynge_db_statement_bind_text (batch, 2, plan->file_name);
  klynge_db_statement_bind_text (batch, 3, plan->checksum);
  klynge_db_statement_bind_text (batch, 4, source ? source : "");
  if (!klynge_db_statement_run (batch, error))
    goto failed;
  batch_id = klynge_db_last_insert_id (db);
  writer_init (&writer, db, plan, batch_id);
  if ((writer.clinic_ids = create_clinics (db, plan, error)) == NULL ||
      (writer.indicator_ids = create_indicators (db, plan, error)) == NULL ||
      !write_references (db, plan, batch_id, writer.indicator_ids, error) ||
      !write_left_out (db, plan, batch_id, error))
    goto failed;

  if (plan->candidates->len - plan->n_duplicates >= BULK_ROWS &&
      !(indexes_dropped = klynge_db_drop_measurement_indexes (db, error)))
    goto failed;

  for (guint i = 0; i < plan->candidates->len; i++)
    {
      const Candidate *c = &g_array_index (plan->candidates, Candidate, i);

      if (i % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_is_cancelled (cancellable))
            {
              _klynge_import_cancelled_error (error);
              goto failed;
            }
          if (progress != NULL)
            progress ((double)i / plan->candidates->len, progress_data);
        }

      if (c->duplicate && duplicates == KLYNGE_IMPORT_DUPLICATES_KEEP)
        continue;
      if (!writer_add (&writer, c, c->duplicate, error))
        goto failed;
      written++;
    }
  if (!writer_finish (&writer, error))
    goto failed;

  if (indexes_dropped && !klynge_db_create_measurement_indexes (db, error))
    goto failed;

  count = klynge_db_statement_new (db, "UPDATE import_batch SET row_count = ?2, left_out = ?3 WHERE id = ?1");
  klynge_db_statement_bind_int64 (count, 1, batch_id);
  klynge_db_statement_bind_int64 (count, 2, written);
  klynge_db_statement_bind_int64 (count, 3, klynge_import_plan_get_n_left_out (plan));
  if (!klynge_db_statement_run (count, error) ||
      !klynge_submissions_mark_delivered (db, batch_id, error) ||
      !klynge_db_commit (db, error))
    goto failed;

  if (progress != NULL)
    progress (1.0, progress_data);
  return batch_id;

failed:
  klynge_db_rollback (db);
  return 0;
}

void
klynge_import_batch_free (KlyngeImportBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->file_name);
  g_free (batch->checksum);
  g_free (batch->source);
  g_free (batch->imported_at);
  g_free (batch);
}

GStrv
klynge_import_list_left_out (KlyngeDb  *db,
                             gint64     batch_id,
                             GError   **error)
{
  g_autoptr(GStrvBuilder) reasons = g_strv_builder_new ();
  g_autoptr(KlyngeDbStatement) select = klynge_db_statement_new (db, "SELECT line, reason FROM import_left_out WHERE batch_id = ?1 ORDER BY line");
  int rc;

  klynge_db_statement_bind_int64 (select, 1, batch_id);
  while ((rc = klynge_db_statement_step (select, error)) == SQLITE_ROW)
    {
      g_autofree char *reason = g_strdup_printf (_("line %s: %s"), klynge_db_statement_column_text (select, 0),
                                                 klynge_db_statement_column_text (select, 1));
      g_strv_builder_add (reasons, reason);
    }
  if (rc < 0)
    return NULL;
  return g_strv_builder_end (reasons);
}

static gpointer
batch_from_row (KlyngeDbStatement *select)
{
  KlyngeImportBatch *batch = g_new0 (KlyngeImportBatch, 1);

  batch->id = klynge_db_statement_column_int64 (select, 0);
  batch->file_name = klynge_db_statement_dup_nullable (select, 1);
  batch->checksum = klynge_db_statement_dup_nullable (select, 2);
  batch->source = klynge_db_statement_dup_nullable (select, 3);
  batch->imported_at = klynge_db_statement_dup_nullable (select, 4);
  batch->row_count = klynge_db_statement_column_int64 (select, 5);
  batch->left_out = klynge_db_statement_column_int64 (select, 6);
  return batch;
}

GPtrArray *
klynge_import_list_batches (KlyngeDb  *db,
                            gint64     cluster_id,
                            GError   **error)
{
  g_autoptr(KlyngeDbStatement) select =
    klynge_db_statement_new (db,
                             "SELECT id, file_name, checksum, source, imported_at, row_count, left_out FROM import_batch "
                             "WHERE cluster_id = ?1 ORDER BY imported_at DESC, id DESC");

  klynge_db_statement_bind_int64 (select, 1, cluster_id);
  return klynge_db_statement_collect (select, batch_from_row, (GDestroyNotify) klynge_import_batch_free, error);
}

/* Rows deleted per statement: small enough that progress moves every few
 * hundred milliseconds, large enough that the statements cost nothing extra. */
#define UNDO_CHUNK 20000

gboolean
klynge_import_undo (KlyngeDb                  *db,
                    gint64                     batch_id,
                    KlyngeImportProgressFunc   progress,
                    gpointer                   progress_data,
                    GError                   **error)
{
  g_autoptr(KlyngeDbStatement) restore = NULL;
  g_autoptr(KlyngeDbStatement) forget = NULL;
  g_autoptr(GArray) requests = NULL;
  gint64 total, done = 0;
  int changed;

  if (!klynge_db_begin (db, error))
    return FALSE;

  if ((requests = klynge_submissions_delivered_by (db, batch_id, error)) == NULL)
    goto failed;

  /* The replaced measurements come back before the batch goes, with their
   * own batch when it still exists. */
  restore = klynge_db_statement_new (db,
                                     "INSERT INTO measurement (indicator_id, clinic_id, period, numerator, denominator, value, batch_id, status) "
                                     "SELECT r.indicator_id, r.clinic_id, r.period, r.numerator, r.denominator, r.value, b.id, r.status "
                                     "FROM import_replaced r LEFT JOIN import_batch b ON b.id = r.old_batch_id "
                                     "WHERE r.batch_id = ?1 "
                                     "ON CONFLICT (indicator_id, clinic_id, period) DO UPDATE SET "
                                     "numerator = excluded.numerator, denominator = excluded.denominator, "
                                     "value = excluded.value, batch_id = excluded.batch_id, status = excluded.status");
  klynge_db_statement_bind_int64 (restore, 1, batch_id);
  if (!klynge_db_statement_run (restore, error))
    goto failed;

  /* The cascade from import_batch would delete the measurements in one
   * silent step; in chunks, inside the same transaction, the window can
   * show how far a large file has got. */
  if (!klynge_db_count (db, "SELECT count(*) FROM measurement WHERE batch_id = ?1", batch_id, &total, error))
    goto failed;
  do
    {
      g_autoptr(KlyngeDbStatement) chunk = klynge_db_statement_new (db,
                                                                    "DELETE FROM measurement WHERE rowid IN "
                                                                    "(SELECT rowid FROM measurement WHERE batch_id = ?1 LIMIT ?2)");

      klynge_db_statement_bind_int64 (chunk, 1, batch_id);
      klynge_db_statement_bind_int64 (chunk, 2, UNDO_CHUNK);
      if (!klynge_db_statement_run (chunk, error))
        goto failed;
      changed = sqlite3_changes (klynge_db_get_handle (db));
      done += changed;
      if (progress != NULL)
        progress (total > 0 ? (double)MIN (done, total) / total : 1.0, progress_data);
    }
  while (changed == UNDO_CHUNK);

  forget = klynge_db_statement_new (db, "DELETE FROM import_batch WHERE id = ?1");
  klynge_db_statement_bind_int64 (forget, 1, batch_id);
  if (!klynge_db_statement_run (forget, error))
    goto failed;
  if (sqlite3_changes (klynge_db_get_handle (db)) == 0)
    {
      /* An undone batch is deleted: it and a number never given look alike. */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, batch_id);

      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND,
                   _("There is no imported batch %s: it was undone, or there never was one (see import-batches)."), number);
      goto failed;
    }

  if (!klynge_submissions_recheck (db, requests, error) ||
      !klynge_db_commit (db, error))
    goto failed;
  return TRUE;

failed:
  klynge_db_rollback (db);
  return FALSE;
}

gboolean
klynge_import_add_clinic_alias (KlyngeDb    *db,
                                gint64       cluster_id,
                                const char  *alias,
                                gint64       clinic_id,
                                GError     **error)
{
  g_autofree char *folded = _klynge_import_fold (alias);
  g_autoptr(KlyngeDbStatement) upsert =
    klynge_db_statement_new (db,
                             "INSERT INTO clinic_alias (cluster_id, alias, clinic_id) VALUES (?1, ?2, ?3) "
                             "ON CONFLICT (cluster_id, alias) DO UPDATE SET clinic_id = excluded.clinic_id");

  klynge_db_statement_bind_int64 (upsert, 1, cluster_id);
  klynge_db_statement_bind_text (upsert, 2, folded);
  klynge_db_statement_bind_int64 (upsert, 3, clinic_id);
  return klynge_db_statement_run (upsert, error);
}

GStrv
klynge_import_list_indicators (KlyngeDb  *db,
                               gint64     cluster_id,
                               GError   **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(KlyngeDbStatement) select =
    klynge_db_statement_new (db,
                             "SELECT i.name FROM indicator i JOIN topic t ON t.id = i.topic_id "
                             "WHERE t.cluster_id = ?1 OR t.cluster_id IS NULL ORDER BY t.title, i.id");
  int rc;

  klynge_db_statement_bind_int64 (select, 1, cluster_id);
  while ((rc = klynge_db_statement_step (select, error)) == SQLITE_ROW)
    g_strv_builder_add (names, klynge_db_statement_column_text (select, 0));
  if (rc < 0)
    return NULL;
  return g_strv_builder_end (names);
}
