/* klynge-ledger.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "klynge-db.h"
#include "klynge-snapshot.h"

G_BEGIN_DECLS

typedef enum
{
  KLYNGE_LEDGER_INCOME,
  KLYNGE_LEDGER_EXPENSE,
} KlyngeLedgerKind;

typedef struct
{
  gint64            id;
  char             *key;    /* built-in categories only */
  char             *name;   /* translated for built-in keys */
  KlyngeLedgerKind  kind;
} KlyngeLedgerCategory;

void klynge_ledger_category_free (KlyngeLedgerCategory *category);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeLedgerCategory, klynge_ledger_category_free)

#define KLYNGE_TYPE_LEDGER_ENTRY (klynge_ledger_entry_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeLedgerEntry, klynge_ledger_entry, KLYNGE, LEDGER_ENTRY, GObject)

/* One row of the ledger. The fields are public: it is a record the views
 * read and the editor fills in before klynge_ledger_save_entry(). */
struct _KlyngeLedgerEntry
{
  GObject           parent_instance;

  gint64            id;              /* 0 until saved */
  char             *date;            /* ISO 8601, "2026-03-10" */
  gint64            amount;          /* minor units, > 0 */
  KlyngeLedgerKind  kind;            /* the category's kind */
  gint64            category_id;
  char             *category_name;   /* filled when listed */
  char             *counterparty;
  gint64            meeting_id;      /* 0: none */
  char             *meeting_title;   /* filled when listed */
  char             *reference;
  char             *attachment_path; /* nullable */
  char             *note;
  gint64            balance;         /* the cluster's balance after this entry, when listed */
};

KlyngeLedgerEntry *klynge_ledger_entry_new  (void);
/* The signed amount: negative for expenses. */
gint64             klynge_ledger_entry_get_signed_amount (KlyngeLedgerEntry *self);
gboolean           klynge_ledger_entry_update (KlyngeLedgerEntry *self,
                                               KlyngeLedgerEntry *from);

typedef struct
{
  int    year;         /* 0: every year */
  gint64 category_id;  /* 0: every category */
  gint64 meeting_id;   /* 0: every meeting */
} KlyngeLedgerFilter;

gboolean    klynge_ledger_filter_matches  (const KlyngeLedgerFilter *filter,
                                           KlyngeLedgerEntry        *entry);

/* Categories */
GPtrArray  *klynge_ledger_list_categories (KlyngeDb            *db,
                                           gint64               cluster_id,
                                           GError             **error);
gint64      klynge_ledger_add_category    (KlyngeDb            *db,
                                           gint64               cluster_id,
                                           const char          *name,
                                           KlyngeLedgerKind     kind,
                                           GError             **error);
gboolean    klynge_ledger_rename_category (KlyngeDb            *db,
                                           gint64               category_id,
                                           const char          *name,
                                           GError             **error);
const char *klynge_ledger_category_display_name (const char    *key,
                                                 const char    *stored_name);

/* Entries */
GListModel *klynge_ledger_list_entries    (KlyngeDb                 *db,
                                           gint64                    cluster_id,
                                           const KlyngeLedgerFilter *filter,
                                           GError                  **error);
gboolean    klynge_ledger_save_entry      (KlyngeDb            *db,
                                           gint64               cluster_id,
                                           int                  financial_year,
                                           KlyngeLedgerEntry   *entry,
                                           GError             **error);
KlyngeSnapshot *klynge_ledger_delete_entry (KlyngeDb        *db,
                                            gint64           cluster_id,
                                            gint64           entry_id,
                                            GError         **error);
gint64      klynge_ledger_balance_before  (KlyngeDb            *db,
                                           gint64               cluster_id,
                                           const char          *date,
                                           GError             **error);
GArray     *klynge_ledger_list_years      (KlyngeDb            *db,
                                           gint64               cluster_id,
                                           GError             **error);

/* Locked years: their entries no longer change. */
gboolean    klynge_ledger_is_year_locked  (KlyngeDb            *db,
                                           gint64               cluster_id,
                                           int                  year);
gboolean    klynge_ledger_set_year_locked (KlyngeDb            *db,
                                           gint64               cluster_id,
                                           int                  year,
                                           gboolean             locked,
                                           GError             **error);

/* Settings of the cluster */
char       *klynge_ledger_get_currency    (KlyngeDb            *db,
                                           gint64               cluster_id);
gboolean    klynge_ledger_set_currency    (KlyngeDb            *db,
                                           gint64               cluster_id,
                                           const char          *currency,
                                           GError             **error);
gboolean    klynge_ledger_get_opening_balance (KlyngeDb        *db,
                                               gint64           cluster_id,
                                               gint64          *amount,
                                               GError         **error);
gboolean    klynge_ledger_set_opening_balance (KlyngeDb        *db,
                                               gint64           cluster_id,
                                               gint64           amount,
                                               GError         **error);
gboolean    klynge_ledger_get_grant_rates (KlyngeDb            *db,
                                           gint64               cluster_id,
                                           gint64              *per_gp,
                                           gint64              *per_patient,
                                           GError             **error);
gboolean    klynge_ledger_set_grant_rates (KlyngeDb            *db,
                                           gint64               cluster_id,
                                           gint64               per_gp,
                                           gint64               per_patient,
                                           GError             **error);
/* The grant entries expected for @year from the cluster's clinics and GPs,
 * not yet saved: the yearly grant, and the start-up grant in the year the
 * cluster was founded. One already booked carries the booked entry's id. */
GPtrArray  *klynge_ledger_propose_grants  (KlyngeDb            *db,
                                           gint64               cluster_id,
                                           int                  year,
                                           GError             **error);
KlyngeSnapshot *klynge_ledger_book_grants (KlyngeDb            *db,
                                           gint64               cluster_id,
                                           int                  year,
                                           guint               *n_booked,
                                           GError             **error);

/* A year by category: actual against budget. */
typedef struct
{
  gint64            category_id;
  char             *name;
  KlyngeLedgerKind  kind;
  gint64            actual;
  gint64            budget;
} KlyngeLedgerLine;

typedef struct
{
  int        year;
  gint64     opening;   /* balance on 1 January */
  gint64     income;
  gint64     expenses;
  gint64     result;    /* income - expenses */
  gint64     closing;   /* opening + result */
  gint64     n_entries;
  GPtrArray *lines;     /* KlyngeLedgerLine, every category in order: income first */
} KlyngeLedgerYear;

KlyngeLedgerYear *klynge_ledger_year_load (KlyngeDb            *db,
                                           gint64               cluster_id,
                                           int                  year,
                                           GError             **error);
void        klynge_ledger_year_free       (KlyngeLedgerYear    *year);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KlyngeLedgerYear, klynge_ledger_year_free)

gboolean    klynge_ledger_set_budget      (KlyngeDb            *db,
                                           gint64               cluster_id,
                                           int                  year,
                                           gint64               category_id,
                                           gint64               amount,
                                           GError             **error);

/* Meetings with the net cost linked to them and the members present. */
typedef struct
{
  gint64  meeting_id;
  char   *title;
  char   *starts_at;
  gint64  cost;
  gint64  n_present;
} KlyngeMeetingCost;

GPtrArray  *klynge_ledger_meeting_costs   (KlyngeDb            *db,
                                           gint64               cluster_id,
                                           int                  year,
                                           gboolean             with_costs_only,
                                           GError             **error);

G_END_DECLS
