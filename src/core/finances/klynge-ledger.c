/* klynge-ledger.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cluster's ledger: entries, categories, budget, locked years and the
 * grant calculator. Every amount is integer minor units.
 */

#define G_LOG_DOMAIN "klynge-ledger"

#include "klynge-i18n.h"

#include <stdio.h>
#include <string.h>

#include "klynge-db-statement.h"
#include "klynge-format.h"
#include "klynge-ledger.h"
#include "klynge-money.h"
#include "klynge-record.h"

G_DEFINE_FINAL_TYPE (KlyngeLedgerEntry, klynge_ledger_entry, G_TYPE_OBJECT)

static const char *
kind_to_string (KlyngeLedgerKind kind)
{
  return kind == KLYNGE_LEDGER_INCOME ? "income" : "expense";
}

static KlyngeLedgerKind
kind_from_string (const char *kind)
{
  return g_strcmp0 (kind, "income") == 0 ? KLYNGE_LEDGER_INCOME : KLYNGE_LEDGER_EXPENSE;
}

/* Year of an ISO date, or 0 when @date is not a real calendar date. */
static int
date_year (const char *date)
{
  int y;

  return klynge_date_from_iso (date, &y, NULL, NULL) ? y : 0;
}

void
klynge_ledger_category_free (KlyngeLedgerCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->key);
  g_free (category->name);
  g_free (category);
}

static void
line_free (KlyngeLedgerLine *line)
{
  g_free (line->name);
  g_free (line);
}

static void
meeting_cost_free (KlyngeMeetingCost *cost)
{
  g_free (cost->title);
  g_free (cost->starts_at);
  g_free (cost);
}

/* What the ledger's cells bind. */
enum {
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_DATE_LABEL,
  PROP_SIGNED_AMOUNT,
  PROP_CATEGORY_NAME,
  PROP_COUNTERPARTY,
  PROP_MEETING_TITLE,
  PROP_REFERENCE,
  PROP_NOTE,
  PROP_CATEGORY_ID,
  PROP_MEETING_ID,
  PROP_ATTACHMENT_PATH,
  PROP_BALANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
klynge_ledger_entry_finalize (GObject *object)
{
  KlyngeLedgerEntry *self = KLYNGE_LEDGER_ENTRY (object);

  g_free (self->date);
  g_free (self->category_name);
  g_free (self->counterparty);
  g_free (self->meeting_title);
  g_free (self->reference);
  g_free (self->attachment_path);
  g_free (self->note);

  G_OBJECT_CLASS (klynge_ledger_entry_parent_class)->finalize (object);
}

static void
klynge_ledger_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KlyngeLedgerEntry *self = KLYNGE_LEDGER_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_DATE_LABEL:
      g_value_take_string (value, self->date != NULL ? klynge_format_date (self->date) : NULL);
      break;
    case PROP_SIGNED_AMOUNT:
      g_value_set_int64 (value, klynge_ledger_entry_get_signed_amount (self));
      break;
    case PROP_CATEGORY_NAME:
      g_value_set_string (value, self->category_name);
      break;
    case PROP_COUNTERPARTY:
      g_value_set_string (value, self->counterparty);
      break;
    case PROP_MEETING_TITLE:
      g_value_set_string (value, self->meeting_title);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_CATEGORY_ID:
      g_value_set_int64 (value, self->category_id);
      break;
    case PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;
    case PROP_ATTACHMENT_PATH:
      g_value_set_string (value, self->attachment_path);
      break;
    case PROP_BALANCE:
      g_value_set_int64 (value, self->balance);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_ledger_entry_class_init (KlyngeLedgerEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = klynge_ledger_entry_finalize;
  object_class->get_property = klynge_ledger_entry_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeLedgerEntry:date-label:
   *
   * The date in the locale's words.
   */
  properties[PROP_DATE_LABEL] = g_param_spec_string ("date-label", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeLedgerEntry:signed-amount:
   *
   * The amount in minor units, negative for expenses.
   */
  properties[PROP_SIGNED_AMOUNT] = g_param_spec_int64 ("signed-amount", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                                       KLYNGE_RECORD_READABLE);
  properties[PROP_CATEGORY_NAME] = g_param_spec_string ("category-name", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_COUNTERPARTY] = g_param_spec_string ("counterparty", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeLedgerEntry:meeting-title:
   *
   * The meeting the entry is a cost of; %NULL for none.
   */
  properties[PROP_MEETING_TITLE] = g_param_spec_string ("meeting-title", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_CATEGORY_ID] = g_param_spec_int64 ("category-id", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeLedgerEntry:meeting-id:
   *
   * The meeting the entry is a cost of; 0 for none.
   */
  properties[PROP_MEETING_ID] = g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  properties[PROP_ATTACHMENT_PATH] = g_param_spec_string ("attachment-path", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeLedgerEntry:balance:
   *
   * The cluster's balance after the entry, in minor units, as listed.
   */
  properties[PROP_BALANCE] = g_param_spec_int64 ("balance", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                                 KLYNGE_RECORD_READABLE);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_ledger_entry_init (KlyngeLedgerEntry *self)
{
  self->kind = KLYNGE_LEDGER_EXPENSE;
  self->counterparty = g_strdup ("");
  self->reference = g_strdup ("");
  self->note = g_strdup ("");
}

KlyngeLedgerEntry *
klynge_ledger_entry_new (void)
{
  return g_object_new (KLYNGE_TYPE_LEDGER_ENTRY, NULL);
}

gint64
klynge_ledger_entry_get_signed_amount (KlyngeLedgerEntry *self)
{
  return self->kind == KLYNGE_LEDGER_INCOME ? self->amount : -self->amount;
}

static void
take_fields (gpointer self_,
             gpointer from_)
{
  KlyngeLedgerEntry *self = self_;
  KlyngeLedgerEntry *from = from_;

  self->id = from->id;
  g_free (self->date), self->date = g_steal_pointer (&from->date);
  self->amount = from->amount;
  self->kind = from->kind;
  self->category_id = from->category_id;
  g_free (self->category_name), self->category_name = g_steal_pointer (&from->category_name);
  g_free (self->counterparty), self->counterparty = g_steal_pointer (&from->counterparty);
  self->meeting_id = from->meeting_id;
  g_free (self->meeting_title), self->meeting_title = g_steal_pointer (&from->meeting_title);
  g_free (self->reference), self->reference = g_steal_pointer (&from->reference);
  g_free (self->attachment_path), self->attachment_path = g_steal_pointer (&from->attachment_path);
  g_free (self->note), self->note = g_steal_pointer (&from->note);
  self->balance = from->balance;
}

/**
 * klynge_ledger_entry_update:
 * @from: (transfer full): the entry as read again; used up
 *
 * Brings @self up to date with @from in place, notifying each property
 * whose value changed, so that rows bound to @self show it.
 *
 * Returns: whether anything changed
 */
gboolean
klynge_ledger_entry_update (KlyngeLedgerEntry *self,
                            KlyngeLedgerEntry *from)
{
  g_autoptr(KlyngeLedgerEntry) used = from;

  g_return_val_if_fail (KLYNGE_IS_LEDGER_ENTRY (self), FALSE);
  g_return_val_if_fail (KLYNGE_IS_LEDGER_ENTRY (from), FALSE);
  return klynge_record_update (self, from, take_fields);
}

/**
 * klynge_ledger_filter_matches:
 * @filter: (nullable): which entries to keep; %NULL keeps all
 *
 * Returns: whether @filter keeps @entry
 */
gboolean
klynge_ledger_filter_matches (const KlyngeLedgerFilter *filter,
                              KlyngeLedgerEntry        *entry)
{
  return filter == NULL ||
         ((filter->year == 0 || date_year (entry->date) == filter->year) &&
          (filter->category_id == 0 || entry->category_id == filter->category_id) &&
          (filter->meeting_id == 0 || entry->meeting_id == filter->meeting_id));
}

/* Built-in categories are stored under their English name (the msgid) and
 * shown in the user's language; the user's own are shown as written. */
const char *
klynge_ledger_category_display_name (const char *key,
                                     const char *stored_name)
{
  return key != NULL ? _(stored_name) : stored_name;
}

static gpointer
category_from_row (KlyngeDbStatement *stmt)
{
  KlyngeLedgerCategory *category = g_new0 (KlyngeLedgerCategory, 1);

  category->id = klynge_db_statement_column_int64 (stmt, 0);
  category->key = klynge_db_statement_dup_nullable (stmt, 1);
  category->name = g_strdup (klynge_ledger_category_display_name (category->key,
                                                                  klynge_db_statement_column_text (stmt, 2)));
  category->kind = kind_from_string (klynge_db_statement_column_text (stmt, 3));
  return category;
}

GPtrArray *
klynge_ledger_list_categories (KlyngeDb  *db,
                               gint64     cluster_id,
                               GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT id, key, name, kind FROM ledger_category WHERE cluster_id = ?1 "
    "ORDER BY kind = 'expense', key IS NULL, id");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  return klynge_db_statement_collect (stmt, category_from_row, (GDestroyNotify) klynge_ledger_category_free, error);
}

static gboolean
check_category_name (const char  *name,
                     GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*trimmed == '\0')
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("A category needs a name."));
      return FALSE;
    }
  return TRUE;
}

static void
translate_duplicate_name (GError     **error,
                          const char  *name)
{
  if (error != NULL && *error != NULL && g_error_matches (*error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT))
    {
      g_clear_error (error);
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT,
                   _("There is already a category called “%s”."), name);
    }
}

gint64
klynge_ledger_add_category (KlyngeDb          *db,
                            gint64             cluster_id,
                            const char        *name,
                            KlyngeLedgerKind   kind,
                            GError           **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (!check_category_name (name, error))
    return 0;
  trimmed = g_strstrip (g_strdup (name));
  stmt = klynge_db_statement_new (db, "INSERT INTO ledger_category (cluster_id, name, kind) VALUES (?1, ?2, ?3)");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, trimmed);
  klynge_db_statement_bind_text (stmt, 3, kind_to_string (kind));
  if (!klynge_db_statement_run (stmt, error))
    {
      translate_duplicate_name (error, trimmed);
      return 0;
    }
  return klynge_db_last_insert_id (db);
}

gboolean
klynge_ledger_rename_category (KlyngeDb    *db,
                               gint64       category_id,
                               const char  *name,
                               GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (!check_category_name (name, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (name));
  /* A renamed built-in category keeps its key: the grant calculator finds it by key. */
  stmt = klynge_db_statement_new (db, "UPDATE ledger_category SET name = ?2 WHERE id = ?1");
  klynge_db_statement_bind_int64 (stmt, 1, category_id);
  klynge_db_statement_bind_text (stmt, 2, trimmed);
  if (!klynge_db_statement_run (stmt, error))
    {
      translate_duplicate_name (error, trimmed);
      return FALSE;
    }
  return TRUE;
}

static gpointer
entry_from_row (KlyngeDbStatement *stmt)
{
  KlyngeLedgerEntry *entry = klynge_ledger_entry_new ();

  entry->id = klynge_db_statement_column_int64 (stmt, 0);
  entry->date = klynge_db_statement_dup_nullable (stmt, 1);
  entry->amount = klynge_db_statement_column_int64 (stmt, 2);
  entry->kind = kind_from_string (klynge_db_statement_column_text (stmt, 3));
  entry->category_id = klynge_db_statement_column_int64 (stmt, 4);
  entry->category_name = g_strdup (klynge_ledger_category_display_name (klynge_db_statement_column_text (stmt, 5),
                                                                        klynge_db_statement_column_text (stmt, 6)));
  g_free (entry->counterparty);
  entry->counterparty = klynge_db_statement_dup_nullable (stmt, 7);
  entry->meeting_id = klynge_db_statement_column_int64 (stmt, 8);
  entry->meeting_title = klynge_db_statement_dup_nullable (stmt, 9);
  g_free (entry->reference);
  entry->reference = klynge_db_statement_dup_nullable (stmt, 10);
  entry->attachment_path = klynge_db_statement_dup_nullable (stmt, 11);
  g_free (entry->note);
  entry->note = klynge_db_statement_dup_nullable (stmt, 12);
  return entry;
}

#define ENTRY_COLUMNS \
  "e.id, e.entry_date, e.amount, e.kind, e.category_id, c.key, c.name, e.counterparty, " \
  "e.meeting_id, m.title, e.reference, e.attachment_path, e.note "
#define ENTRY_JOINS \
  "FROM ledger_entry e JOIN ledger_category c ON c.id = e.category_id " \
  "LEFT JOIN meeting m ON m.id = e.meeting_id "

/**
 * klynge_ledger_list_entries:
 * @filter: (nullable): which entries to keep
 *
 * The balance of each entry is the cluster's whole balance after it (all
 * categories, all years), as a bank statement shows it, also when the list
 * is filtered.
 *
 * Returns: (transfer full): a list of #KlyngeLedgerEntry by date, or %NULL
 */
GListModel *
klynge_ledger_list_entries (KlyngeDb                  *db,
                            gint64                     cluster_id,
                            const KlyngeLedgerFilter  *filter,
                            GError                   **error)
{
  g_autoptr(GListStore) store = g_list_store_new (KLYNGE_TYPE_LEDGER_ENTRY);
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  gint64 balance;
  int rc;

  /* The running balance starts from the one before the first booked year. */
  if (!klynge_ledger_get_opening_balance (db, cluster_id, &balance, error))
    return NULL;
  stmt = klynge_db_statement_new (db, "SELECT " ENTRY_COLUMNS ENTRY_JOINS "WHERE e.cluster_id = ?1 ORDER BY e.entry_date, e.id");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(KlyngeLedgerEntry) entry = entry_from_row (stmt);

      balance += klynge_ledger_entry_get_signed_amount (entry);
      entry->balance = balance;
      if (!klynge_ledger_filter_matches (filter, entry))
        continue;
      g_list_store_append (store, entry);
    }

  return rc == SQLITE_DONE ? G_LIST_MODEL (g_steal_pointer (&store)) : NULL;
}

static KlyngeLedgerEntry *
load_entry (KlyngeDb  *db,
            gint64     cluster_id,
            gint64     entry_id,
            GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT " ENTRY_COLUMNS ENTRY_JOINS "WHERE e.id = ?1 AND e.cluster_id = ?2");

  klynge_db_statement_bind_int64 (stmt, 1, entry_id);
  klynge_db_statement_bind_int64 (stmt, 2, cluster_id);
  if (!klynge_db_statement_expect_row (stmt, _("The ledger entry no longer exists."), error))
    return NULL;
  return entry_from_row (stmt);
}

static gboolean
get_year_locked (KlyngeDb  *db,
                 gint64     cluster_id,
                 int        year,
                 gboolean  *locked,
                 GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT 1 FROM locked_year WHERE cluster_id = ?1 AND year = ?2");
  int rc;

  *locked = FALSE;
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_int64 (stmt, 2, year);
  rc = klynge_db_statement_step (stmt, error);
  *locked = rc == SQLITE_ROW;
  return rc >= 0;
}

/* For what a page offers: a year that cannot be read is offered as open, and
 * a change to it fails with the reason (check_unlocked()). */
gboolean
klynge_ledger_is_year_locked (KlyngeDb *db,
                              gint64    cluster_id,
                              int       year)
{
  gboolean locked;

  get_year_locked (db, cluster_id, year, &locked, NULL);
  return locked;
}

static gboolean
check_unlocked (KlyngeDb  *db,
                gint64     cluster_id,
                int        year,
                GError   **error)
{
  gboolean locked;

  if (!get_year_locked (db, cluster_id, year, &locked, error))
    return FALSE;
  if (!locked)
    return TRUE;
  g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT,
               _("The accounts of %d are closed and locked; unlock the year to change its entries."), year);
  return FALSE;
}

gboolean
klynge_ledger_set_year_locked (KlyngeDb  *db,
                               gint64     cluster_id,
                               int        year,
                               gboolean   locked,
                               GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, locked
    ? "INSERT OR IGNORE INTO locked_year (cluster_id, year) VALUES (?1, ?2)"
    : "DELETE FROM locked_year WHERE cluster_id = ?1 AND year = ?2");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_int64 (stmt, 2, year);
  return klynge_db_statement_run (stmt, error);
}

/* Everything that makes an entry unacceptable, before anything is written. */
static gboolean
validate_entry (KlyngeDb           *db,
                gint64              cluster_id,
                int                 financial_year,
                KlyngeLedgerEntry  *entry,
                GError            **error)
{
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  int year = date_year (entry->date);
  int rc;

  if (year == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("“%s” is not a date; write it as year-month-day, like 2026-03-14."),
                   entry->date != NULL ? entry->date : "");
      return FALSE;
    }
  if (financial_year != 0 && year != financial_year)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("The date %s is outside the financial year %d."), entry->date, financial_year);
      return FALSE;
    }
  if (entry->amount <= 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("The amount must be more than zero; the category says whether it is income or an expense."));
      return FALSE;
    }
  if (entry->category_id == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("Choose a category for the entry."));
      return FALSE;
    }
  if (!check_unlocked (db, cluster_id, year, error))
    return FALSE;

  stmt = klynge_db_statement_new (db, "SELECT kind FROM ledger_category WHERE id = ?1 AND cluster_id = ?2");
  klynge_db_statement_bind_int64 (stmt, 1, entry->category_id);
  klynge_db_statement_bind_int64 (stmt, 2, cluster_id);
  rc = klynge_db_statement_step (stmt, error);
  if (rc == SQLITE_ROW)
    entry->kind = kind_from_string (klynge_db_statement_column_text (stmt, 0));
  if (rc == SQLITE_DONE)
    g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("The chosen category does not exist in this cluster."));
  return rc == SQLITE_ROW;
}

static void
bind_entry (KlyngeDbStatement *stmt,
            gint64             cluster_id,
            KlyngeLedgerEntry *entry)
{
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, entry->date);
  klynge_db_statement_bind_int64 (stmt, 3, entry->amount);
  klynge_db_statement_bind_text (stmt, 4, kind_to_string (entry->kind));
  klynge_db_statement_bind_int64 (stmt, 5, entry->category_id);
  klynge_db_statement_bind_text (stmt, 6, entry->counterparty != NULL ? entry->counterparty : "");
  klynge_db_statement_bind_id (stmt, 7, entry->meeting_id);
  klynge_db_statement_bind_text (stmt, 8, entry->reference != NULL ? entry->reference : "");
  klynge_db_statement_bind_text (stmt, 9, entry->attachment_path != NULL && *entry->attachment_path != '\0'
                                          ? entry->attachment_path : NULL);
  klynge_db_statement_bind_text (stmt, 10, entry->note != NULL ? entry->note : "");
  klynge_db_statement_bind_id (stmt, 11, entry->id);
}

static gboolean
write_entry (KlyngeDb           *db,
             gint64              cluster_id,
             KlyngeLedgerEntry  *entry,
             gboolean            insert,
             GError            **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, insert
    ? "INSERT INTO ledger_entry (cluster_id, entry_date, amount, kind, category_id, counterparty, "
      "  meeting_id, reference, attachment_path, note, id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
    : "UPDATE ledger_entry SET entry_date = ?2, amount = ?3, kind = ?4, category_id = ?5, "
      "  counterparty = ?6, meeting_id = ?7, reference = ?8, attachment_path = ?9, note = ?10 "
      "WHERE id = ?11 AND cluster_id = ?1");

  bind_entry (stmt, cluster_id, entry);
  if (!klynge_db_statement_run (stmt, error))
    return FALSE;
  if (insert)
    entry->id = klynge_db_last_insert_id (db);
  return TRUE;
}

/**
 * klynge_ledger_save_entry:
 * @financial_year: the year being kept; 0 accepts any date
 * @entry: a new entry (id 0) or a changed one; its kind is set from the category
 *
 * Validates and writes @entry in one transaction; on error nothing changes.
 */
gboolean
klynge_ledger_save_entry (KlyngeDb           *db,
                          gint64              cluster_id,
                          int                 financial_year,
                          KlyngeLedgerEntry  *entry,
                          GError            **error)
{
  g_autoptr(KlyngeLedgerEntry) old = NULL;

  g_return_val_if_fail (KLYNGE_IS_LEDGER_ENTRY (entry), FALSE);

  if (!validate_entry (db, cluster_id, financial_year, entry, error))
    return FALSE;
  if (entry->id != 0)
    {
      /* Moving an entry out of a locked year would change that year too. */
      if (!(old = load_entry (db, cluster_id, entry->id, error)) ||
          !check_unlocked (db, cluster_id, date_year (old->date), error))
        return FALSE;
    }

  if (!klynge_db_begin (db, error))
    return FALSE;
  if (!write_entry (db, cluster_id, entry, entry->id == 0, error))
    {
      klynge_db_rollback (db);
      return FALSE;
    }
  return klynge_db_commit_or_rollback (db, error);
}

/**
 * klynge_ledger_delete_entry:
 *
 * Returns: (transfer full) (nullable): what was deleted, for
 *   klynge_snapshot_restore() when the user asks to undo
 */
KlyngeSnapshot *
klynge_ledger_delete_entry (KlyngeDb  *db,
                            gint64     cluster_id,
                            gint64     entry_id,
                            GError   **error)
{
  g_autoptr(KlyngeLedgerEntry) entry = load_entry (db, cluster_id, entry_id, error);
  g_autoptr(KlyngeSnapshot) snapshot = klynge_snapshot_new ();
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (entry == NULL || !check_unlocked (db, cluster_id, date_year (entry->date), error))
    return NULL;
  if (!klynge_db_begin (db, error))
    return NULL;
  if (!klynge_snapshot_capture (snapshot, db, "ledger_entry", entry_id, error))
    goto failed;
  stmt = klynge_db_statement_new (db, "DELETE FROM ledger_entry WHERE id = ?1 AND cluster_id = ?2");
  klynge_db_statement_bind_int64 (stmt, 1, entry_id);
  klynge_db_statement_bind_int64 (stmt, 2, cluster_id);
  if (!klynge_db_statement_run (stmt, error) || !klynge_snapshot_finish (snapshot, db, error) ||
      !klynge_db_commit (db, error))
    goto failed;
  return g_steal_pointer (&snapshot);

failed:
  klynge_db_rollback (db);
  return NULL;
}

/* The balance at the start of @date: the balance the cluster had before its
 * first booked year, and every entry before @date. So each year opens with
 * the previous year's closing balance. */
gint64
klynge_ledger_balance_before (KlyngeDb    *db,
                              gint64       cluster_id,
                              const char  *date,
                              GError     **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT (SELECT opening_balance FROM cluster WHERE id = ?1) + "
    "  coalesce (sum (CASE kind WHEN 'income' THEN amount ELSE -amount END), 0) "
    "FROM ledger_entry WHERE cluster_id = ?1 AND entry_date < ?2");
  gint64 balance;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, date);
  klynge_db_statement_get_int64 (stmt, &balance, error);
  return balance;
}

/* Returns: the years with entries, ascending, as ints */
GArray *
klynge_ledger_list_years (KlyngeDb  *db,
                          gint64     cluster_id,
                          GError   **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT DISTINCT CAST (substr (entry_date, 1, 4) AS INTEGER) FROM ledger_entry "
    "WHERE cluster_id = ?1 ORDER BY 1");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      int year = (int) klynge_db_statement_column_int64 (stmt, 0);

      g_array_append_val (years, year);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&years) : NULL;
}

char *
klynge_ledger_get_currency (KlyngeDb *db,
                            gint64    cluster_id)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, "SELECT currency FROM cluster WHERE id = ?1");
  char *currency = NULL;

  /* Only how amounts are labelled: the amounts themselves come with their errors. */
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  if (klynge_db_statement_step (stmt, NULL) == SQLITE_ROW)
    currency = klynge_db_statement_dup_nullable (stmt, 0);
  return currency != NULL ? currency : g_strdup ("DKK");
}

gboolean
klynge_ledger_set_currency (KlyngeDb    *db,
                            gint64       cluster_id,
                            const char  *currency,
                            GError     **error)
{
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (currency == NULL || strlen (currency) != 3 ||
      !g_ascii_isupper (currency[0]) || !g_ascii_isupper (currency[1]) || !g_ascii_isupper (currency[2]))
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("“%s” is not a currency code; use three capital letters such as DKK or GBP."),
                   currency != NULL ? currency : "");
      return FALSE;
    }
  stmt = klynge_db_statement_new (db, "UPDATE cluster SET currency = ?2 WHERE id = ?1");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, currency);
  return klynge_db_statement_run (stmt, error);
}

/**
 * klynge_ledger_get_opening_balance:
 * @amount: (out): the balance before the first booked year, in minor units
 */
gboolean
klynge_ledger_get_opening_balance (KlyngeDb  *db,
                                   gint64     cluster_id,
                                   gint64    *amount,
                                   GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, "SELECT opening_balance FROM cluster WHERE id = ?1");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  if (!klynge_db_statement_expect_row (stmt, _("The cluster no longer exists."), error))
    return FALSE;
  *amount = klynge_db_statement_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * klynge_ledger_set_opening_balance:
 *
 * Types in the balance the cluster had before its first booked year (its
 * bank balance when Klynge took over the books); every later year opens
 * with the previous one's closing balance. Refused while a year is locked,
 * whose signed balances it would change.
 */
gboolean
klynge_ledger_set_opening_balance (KlyngeDb  *db,
                                   gint64     cluster_id,
                                   gint64     amount,
                                   GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  gint64 locked;

  if (!klynge_db_count (db, "SELECT min(year) FROM locked_year WHERE cluster_id = ?1", cluster_id, &locked, error))
    return FALSE;
  if (locked > 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT,
                   _("The accounts of %d are locked, and a new opening balance would change them; unlock the year first."),
                   (int) locked);
      return FALSE;
    }
  stmt = klynge_db_statement_new (db, "UPDATE cluster SET opening_balance = ?2 WHERE id = ?1");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_int64 (stmt, 2, amount);
  return klynge_db_statement_run (stmt, error);
}

gboolean
klynge_ledger_get_grant_rates (KlyngeDb  *db,
                               gint64     cluster_id,
                               gint64    *per_gp,
                               gint64    *per_patient,
                               GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT start_grant_per_gp, grant_per_patient FROM cluster WHERE id = ?1");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  if (!klynge_db_statement_expect_row (stmt, _("The cluster no longer exists."), error))
    return FALSE;
  *per_gp = klynge_db_statement_column_int64 (stmt, 0);
  *per_patient = klynge_db_statement_column_int64 (stmt, 1);
  return TRUE;
}

gboolean
klynge_ledger_set_grant_rates (KlyngeDb  *db,
                               gint64     cluster_id,
                               gint64     per_gp,
                               gint64     per_patient,
                               GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (per_gp < 0 || per_patient < 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("Grant rates cannot be negative."));
      return FALSE;
    }
  stmt = klynge_db_statement_new (db,
    "UPDATE cluster SET start_grant_per_gp = ?2, grant_per_patient = ?3 WHERE id = ?1");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_int64 (stmt, 2, per_gp);
  klynge_db_statement_bind_int64 (stmt, 3, per_patient);
  return klynge_db_statement_run (stmt, error);
}

static KlyngeLedgerEntry *
proposed_grant (KlyngeDb    *db,
                gint64       cluster_id,
                const char  *key,
                const char  *date,
                gint64       amount,
                char        *note,
                GError     **error)
{
  g_autoptr(KlyngeLedgerEntry) entry = klynge_ledger_entry_new ();
  g_autoptr(KlyngeDbStatement) category = NULL;
  g_autoptr(KlyngeDbStatement) booked = NULL;
  int rc;

  entry->kind = KLYNGE_LEDGER_INCOME;
  entry->date = g_strdup (date);
  entry->amount = amount;
  g_free (entry->note);
  entry->note = note;
  category = klynge_db_statement_new (db,
    "SELECT id, key, name FROM ledger_category WHERE cluster_id = ?1 AND key = ?2");
  klynge_db_statement_bind_int64 (category, 1, cluster_id);
  klynge_db_statement_bind_text (category, 2, key);
  if ((rc = klynge_db_statement_step (category, error)) < 0)
    return NULL;
  if (rc == SQLITE_ROW)
    {
      entry->category_id = klynge_db_statement_column_int64 (category, 0);
      entry->category_name = g_strdup (klynge_ledger_category_display_name (klynge_db_statement_column_text (category, 1),
                                                                            klynge_db_statement_column_text (category, 2)));
    }
  /* A grant of the year already in its category counts as booked, even
   * when the amount differs (the rates or the clinics changed since). */
  booked = klynge_db_statement_new (db,
    "SELECT min(id) FROM ledger_entry WHERE cluster_id = ?1 AND category_id = ?2 AND kind = 'income' "
    "AND entry_date BETWEEN ?3 AND substr (?3, 1, 4) || '-12-31'");
  klynge_db_statement_bind_int64 (booked, 1, cluster_id);
  klynge_db_statement_bind_int64 (booked, 2, entry->category_id);
  klynge_db_statement_bind_text (booked, 3, date);
  if (!klynge_db_statement_get_int64 (booked, &entry->id, error))
    return NULL;
  return g_steal_pointer (&entry);
}

/**
 * klynge_ledger_propose_grants:
 *
 * The yearly grant is the rate per listed patient times the patients of
 * the clinics in the cluster; the start-up grant, in the founding year,
 * is the rate per GP times the GPs who are members.
 *
 * Returns: (transfer full) (element-type KlyngeLedgerEntry): unsaved entries;
 *   one whose grant the year already has in its category carries that
 *   entry's id
 */
GPtrArray *
klynge_ledger_propose_grants (KlyngeDb  *db,
                              gint64     cluster_id,
                              int        year,
                              GError   **error)
{
  g_autoptr(GPtrArray) proposals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *jan1 = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *dec31 = g_strdup_printf ("%04d-12-31", year);
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  KlyngeLedgerEntry *grant;
  gint64 per_gp, per_patient, patients, gps;
  int founded;

  if (!klynge_ledger_get_grant_rates (db, cluster_id, &per_gp, &per_patient, error))
    return NULL;

  /* Clinics and GPs in the cluster at some time during the year. */
  stmt = klynge_db_statement_new (db,
    "SELECT "
    "  (SELECT coalesce (sum (listed_patients), 0) FROM clinic WHERE cluster_id = ?1 "
    "     AND (joined_on IS NULL OR joined_on <= ?3) AND (left_on IS NULL OR left_on >= ?2)), "
    "  (SELECT count(*) FROM member WHERE cluster_id = ?1 AND title = 'gp' "
    "     AND (joined_on IS NULL OR joined_on <= ?3) AND (left_on IS NULL OR left_on >= ?2)), "
    "  (SELECT CAST (substr (founded_on, 1, 4) AS INTEGER) FROM cluster WHERE id = ?1)");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, jan1);
  klynge_db_statement_bind_text (stmt, 3, dec31);
  if (klynge_db_statement_step (stmt, error) != SQLITE_ROW)
    return NULL;
  patients = klynge_db_statement_column_int64 (stmt, 0);
  gps = klynge_db_statement_column_int64 (stmt, 1);
  founded = (int) klynge_db_statement_column_int64 (stmt, 2);
  g_clear_pointer (&stmt, klynge_db_statement_free);

  /* Counts are formatted before they go into the notes: a G_GINT64_FORMAT
   * inside a message would hide the rest of it from xgettext. */
  if (founded == year && gps > 0 && per_gp > 0)
    {
      g_autofree char *n_gps = klynge_format_integer (gps);

      if (!(grant = proposed_grant (db, cluster_id, "start_grant", jan1, gps * per_gp,
                                    /* Translators: the note of a proposed start-up grant */
                                    g_strdup_printf (ngettext ("%s GP", "%s GPs", gps), n_gps), error)))
        return NULL;
      g_ptr_array_add (proposals, grant);
    }
  if (patients > 0 && per_patient > 0)
    {
      g_autofree char *n_patients = klynge_format_integer (patients);

      if (!(grant = proposed_grant (db, cluster_id, "yearly_grant", jan1, patients * per_patient,
                                    /* Translators: the note of a proposed yearly grant */
                                    g_strdup_printf (ngettext ("%s listed patient", "%s listed patients", patients),
                                                     n_patients), error)))
        return NULL;
      g_ptr_array_add (proposals, grant);
    }

  return g_steal_pointer (&proposals);
}

/**
 * klynge_ledger_book_grants:
 * @n_booked: (out): how many entries were booked (none when all were there)
 *
 * Books the expected grants of @year the ledger does not have yet, in one
 * transaction: booking twice books once.
 *
 * Returns: (transfer full): what klynge_snapshot_restore() needs to take
 *   the booked entries out again, or %NULL with @error set
 */
KlyngeSnapshot *
klynge_ledger_book_grants (KlyngeDb  *db,
                           gint64     cluster_id,
                           int        year,
                           guint     *n_booked,
                           GError   **error)
{
  g_autoptr(KlyngeSnapshot) snapshot = klynge_snapshot_new ();
  g_autoptr(GPtrArray) grants = NULL;

  *n_booked = 0;
  if (!klynge_db_begin (db, error))
    return NULL;
  if (!(grants = klynge_ledger_propose_grants (db, cluster_id, year, error)))
    goto fail;
  for (guint i = 0; i < grants->len; i++)
    {
      KlyngeLedgerEntry *grant = g_ptr_array_index (grants, i);

      if (grant->id != 0)
        continue;
      if (!klynge_ledger_save_entry (db, cluster_id, year, grant, error) ||
          !klynge_snapshot_capture_insert (snapshot, db, "ledger_entry", grant->id, error))
        goto fail;
      (*n_booked)++;
    }
  if (!klynge_snapshot_finish (snapshot, db, error) || !klynge_db_commit (db, error))
    goto fail;
  return g_steal_pointer (&snapshot);

fail:
  *n_booked = 0;
  klynge_db_rollback (db);
  return NULL;
}

/**
 * klynge_ledger_year_load:
 *
 * Returns: (transfer full): the year's income and expenses by category with
 *   their budget, and the opening and closing balance; %NULL on error
 */
KlyngeLedgerYear *
klynge_ledger_year_load (KlyngeDb  *db,
                         gint64     cluster_id,
                         int        year,
                         GError   **error)
{
  g_autoptr(KlyngeLedgerYear) result = g_new0 (KlyngeLedgerYear, 1);
  g_autofree char *jan1 = g_strdup_printf ("%04d-01-01", year);
  GError *local_error = NULL;
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  int rc;

  result->year = year;
  result->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  result->opening = klynge_ledger_balance_before (db, cluster_id, jan1, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  stmt = klynge_db_statement_new (db,
    "SELECT c.id, c.key, c.name, c.kind, "
    "  (SELECT coalesce (sum (amount), 0) FROM ledger_entry e "
    "     WHERE e.category_id = c.id AND substr (e.entry_date, 1, 4) = printf ('%04d', ?2)), "
    "  (SELECT coalesce (sum (amount), 0) FROM budget_line b "
    "     WHERE b.category_id = c.id AND b.year = ?2), "
    "  (SELECT count(*) FROM ledger_entry e "
    "     WHERE e.category_id = c.id AND substr (e.entry_date, 1, 4) = printf ('%04d', ?2)) "
    "FROM ledger_category c WHERE c.cluster_id = ?1 "
    "ORDER BY c.kind = 'expense', c.key IS NULL, c.id");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_int64 (stmt, 2, year);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      KlyngeLedgerLine *line = g_new0 (KlyngeLedgerLine, 1);

      line->category_id = klynge_db_statement_column_int64 (stmt, 0);
      line->name = g_strdup (klynge_ledger_category_display_name (klynge_db_statement_column_text (stmt, 1),
                                                                  klynge_db_statement_column_text (stmt, 2)));
      line->kind = kind_from_string (klynge_db_statement_column_text (stmt, 3));
      line->actual = klynge_db_statement_column_int64 (stmt, 4);
      line->budget = klynge_db_statement_column_int64 (stmt, 5);
      result->n_entries += klynge_db_statement_column_int64 (stmt, 6);
      if (line->kind == KLYNGE_LEDGER_INCOME)
        result->income += line->actual;
      else
        result->expenses += line->actual;
      g_ptr_array_add (result->lines, line);
    }
  if (rc != SQLITE_DONE)
    return NULL;

  result->result = result->income - result->expenses;
  result->closing = result->opening + result->result;
  return g_steal_pointer (&result);
}

void
klynge_ledger_year_free (KlyngeLedgerYear *year)
{
  if (year == NULL)
    return;
  g_clear_pointer (&year->lines, g_ptr_array_unref);
  g_free (year);
}

/* A budget of 0 removes the line: "no budget" and "zero" read the same. */
gboolean
klynge_ledger_set_budget (KlyngeDb  *db,
                          gint64     cluster_id,
                          int        year,
                          gint64     category_id,
                          gint64     amount,
                          GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (amount < 0 || amount > KLYNGE_MONEY_MAX)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("A budget must be zero or more."));
      return FALSE;
    }
  if (!check_unlocked (db, cluster_id, year, error))
    return FALSE;
  stmt = klynge_db_statement_new (db, amount > 0
    ? "INSERT INTO budget_line (cluster_id, year, category_id, amount) "
      "SELECT ?1, ?2, id, ?4 FROM ledger_category WHERE id = ?3 AND cluster_id = ?1 "
      "ON CONFLICT (cluster_id, year, category_id) DO UPDATE SET amount = excluded.amount"
    : "DELETE FROM budget_line WHERE cluster_id = ?1 AND year = ?2 AND category_id = ?3 AND ?4 = 0");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_int64 (stmt, 2, year);
  klynge_db_statement_bind_int64 (stmt, 3, category_id);
  klynge_db_statement_bind_int64 (stmt, 4, amount);
  return klynge_db_statement_run (stmt, error);
}

/**
 * klynge_ledger_meeting_costs:
 * @year: 0 for every year
 * @with_costs_only: leave out meetings without ledger entries
 *
 * Returns: (element-type KlyngeMeetingCost): meetings by date with their
 *   net cost and the members present, for cost per meeting and per attendee
 */
static gpointer
meeting_cost_from_row (KlyngeDbStatement *stmt)
{
  KlyngeMeetingCost *cost = g_new0 (KlyngeMeetingCost, 1);

  cost->meeting_id = klynge_db_statement_column_int64 (stmt, 0);
  cost->title = klynge_db_statement_dup_nullable (stmt, 1);
  cost->starts_at = klynge_db_statement_dup_nullable (stmt, 2);
  cost->cost = klynge_db_statement_column_int64 (stmt, 3);
  cost->n_present = klynge_db_statement_column_int64 (stmt, 4);
  return cost;
}

GPtrArray *
klynge_ledger_meeting_costs (KlyngeDb  *db,
                             gint64     cluster_id,
                             int        year,
                             gboolean   with_costs_only,
                             GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT m.id, m.title, m.starts_at, "
    "  (SELECT coalesce (sum (CASE kind WHEN 'expense' THEN amount ELSE -amount END), 0) "
    "     FROM ledger_entry WHERE meeting_id = m.id), "
    "  (SELECT count(*) FROM attendance WHERE meeting_id = m.id AND status = 'present') "
    "FROM meeting m WHERE m.cluster_id = ?1 "
    "  AND (?2 = 0 OR substr (m.starts_at, 1, 4) = printf ('%04d', ?2)) "
    "  AND (?3 = 0 OR EXISTS (SELECT 1 FROM ledger_entry WHERE meeting_id = m.id)) "
    "ORDER BY m.starts_at");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_int64 (stmt, 2, year);
  klynge_db_statement_bind_int64 (stmt, 3, with_costs_only);
  return klynge_db_statement_collect (stmt, meeting_cost_from_row, (GDestroyNotify) meeting_cost_free, error);
}
