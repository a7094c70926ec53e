/* klynge-member-export.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The address lists secretaries keep, written with the shared table export
 * so a name such as "=cmd" stays text in Excel and LibreOffice.
 */

#include "klynge-i18n.h"

#include "klynge-db-task.h"
#include "klynge-clinic.h"
#include "klynge-cluster.h"
#include "klynge-member.h"
#include "klynge-member-export.h"
#include "klynge-table-export.h"

static void
add_date (KlyngeTable *table,
          const char  *date)
{
  if (date != NULL)
    klynge_table_add_text (table, date);
  else
    klynge_table_add_empty (table);
}

static KlyngeTable *
members_table (KlyngeDb  *db,
               gint64     cluster_id,
               GError   **error)
{
  const KlyngeTableColumn columns[] = {
    { _("Name"), KLYNGE_TABLE_TEXT },
    { _("Title"), KLYNGE_TABLE_TEXT },
    { _("Clinic"), KLYNGE_TABLE_TEXT },
    { _("E-mail"), KLYNGE_TABLE_TEXT },
    { _("Phone"), KLYNGE_TABLE_TEXT },
    { _("Roles"), KLYNGE_TABLE_TEXT },
    { _("Joined"), KLYNGE_TABLE_DATE },
    { _("Left"), KLYNGE_TABLE_DATE },
    { _("Status"), KLYNGE_TABLE_TEXT },
    { _("Notes"), KLYNGE_TABLE_TEXT },
  };
  g_autoptr(GListModel) members = klynge_member_list (db, cluster_id, error);
  g_autoptr(KlyngeTable) table = NULL;

  if (members == NULL)
    return NULL;
  table = klynge_table_new (_("Members"), columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(KlyngeMember) member = g_list_model_get_item (members, i);
      g_autofree char *roles = klynge_member_current_roles (member);

      klynge_table_begin_row (table);
      klynge_table_add_text (table, member->name);
      klynge_table_add_text (table, klynge_member_title_label (member->title));
      klynge_table_add_text (table, member->clinic_name);
      klynge_table_add_text (table, member->email);
      klynge_table_add_text (table, member->phone);
      klynge_table_add_text (table, roles);
      add_date (table, member->joined_on);
      add_date (table, member->left_on);
      klynge_table_add_text (table, klynge_member_is_former (member) ? _("Former") : _("Active"));
      klynge_table_add_text (table, member->notes);
    }
  return g_steal_pointer (&table);
}

static KlyngeTable *
clinics_table (KlyngeDb  *db,
               gint64     cluster_id,
               GError   **error)
{
  const KlyngeTableColumn columns[] = {
    { _("Name"), KLYNGE_TABLE_TEXT },
    { _("Number"), KLYNGE_TABLE_TEXT },
    { _("Address"), KLYNGE_TABLE_TEXT },
    { _("Phone"), KLYNGE_TABLE_TEXT },
    { _("E-mail"), KLYNGE_TABLE_TEXT },
    { _("Listed patients"), KLYNGE_TABLE_INTEGER },
    { _("Active members"), KLYNGE_TABLE_INTEGER },
    { _("Record system"), KLYNGE_TABLE_TEXT },
    { _("Joined"), KLYNGE_TABLE_DATE },
    { _("Left"), KLYNGE_TABLE_DATE },
  };
  g_autoptr(GListModel) clinics = klynge_clinic_list (db, cluster_id, error);
  g_autoptr(KlyngeTable) table = NULL;

  if (clinics == NULL)
    return NULL;
  table = klynge_table_new (_("Clinics"), columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < g_list_model_get_n_items (clinics); i++)
    {
      g_autoptr(KlyngeClinic) clinic = g_list_model_get_item (clinics, i);

      klynge_table_begin_row (table);
      klynge_table_add_text (table, clinic->name);
      klynge_table_add_text (table, clinic->provider_number);
      klynge_table_add_text (table, clinic->address);
      klynge_table_add_text (table, clinic->phone);
      klynge_table_add_text (table, clinic->email);
      klynge_table_add_integer (table, clinic->listed_patients);
      klynge_table_add_integer (table, clinic->n_members);
      klynge_table_add_text (table, clinic->record_system);
      add_date (table, clinic->joined_on);
      add_date (table, clinic->left_on);
    }
  return g_steal_pointer (&table);
}

gboolean
klynge_member_export (KlyngeDb                  *db,
                      gint64                     cluster_id,
                      KlyngeMemberExportFormat   format,
                      const char                *path,
                      GError                   **error)
{
  g_autoptr(KlyngeTable) members = NULL;
  g_autoptr(KlyngeTable) clinics = NULL;
  KlyngeTable *tables[2];

  if (format == KLYNGE_MEMBER_EXPORT_PDF)
    {
      g_autoptr(KlyngeDocument) document = klynge_member_export_document (db, cluster_id, error);

      return document != NULL && klynge_document_write_pdf (document, path, error);
    }
  if (!(members = members_table (db, cluster_id, error)))
    return FALSE;
  if (format == KLYNGE_MEMBER_EXPORT_CSV)
    return klynge_table_write_csv (members, path, error);

  if (!(clinics = clinics_table (db, cluster_id, error)))
    return FALSE;
  tables[0] = members;
  tables[1] = clinics;
  return klynge_tables_write_xlsx (tables, G_N_ELEMENTS (tables), path, error);
}

typedef struct
{
  char       *cluster_name;
  GListModel *members;
} AddressList;

static void
address_list_free (AddressList *list)
{
  g_free (list->cluster_name);
  g_clear_object (&list->members);
  g_free (list);
}

static void
draw_address_list (KlyngeSheet *sheet,
                   gpointer     data)
{
  AddressList *list = data;
  const char *header[] = { _("Name"), _("Clinic"), _("E-mail"), _("Phone"), _("Roles") };
  double width = klynge_sheet_get_width (sheet);
  const double columns[] = { 0, width * 0.18, width * 0.36, width * 0.74, width * 0.86 };

  klynge_sheet_paragraph (sheet, _("Address list"), "Sans Bold 18", 4);
  klynge_sheet_paragraph (sheet, list->cluster_name, "Sans 11", 14);
  klynge_sheet_begin_table (sheet, G_N_ELEMENTS (header), columns, NULL, header);
  for (guint i = 0; i < g_list_model_get_n_items (list->members); i++)
    {
      g_autoptr(KlyngeMember) member = g_list_model_get_item (list->members, i);
      g_autofree char *roles = klynge_member_current_roles (member);
      const char *cells[] = { member->name, member->clinic_name, member->email, member->phone, roles };

      /* Former members are in the exports for the records, not on the
       * list handed round. */
      if (!klynge_member_is_former (member))
        klynge_sheet_row (sheet, cells, FALSE, 0, TRUE);
    }
  klynge_sheet_end_table (sheet);
}

/**
 * klynge_member_export_document:
 *
 * Returns: (transfer full): the active members' address list to print;
 *   %NULL if the cluster is gone
 */
KlyngeDocument *
klynge_member_export_document (KlyngeDb  *db,
                               gint64     cluster_id,
                               GError   **error)
{
  g_auto(KlyngeClusterSummary) summary = { 0 };
  AddressList *list;
  g_autofree char *title = NULL;

  if (!klynge_cluster_summary_load (db, cluster_id, &summary, error))
    return NULL;
  list = g_new0 (AddressList, 1);
  list->members = klynge_member_list (db, cluster_id, error);
  if (list->members == NULL)
    return (address_list_free (list), NULL);
  list->cluster_name = g_strdup (summary.name);
  /* Translators: the head of a printed page after the first: the cluster's name */
  title = g_strdup_printf (_("Address list — %s"), list->cluster_name);
  return klynge_document_new (title, draw_address_list, list, (GDestroyNotify) address_list_free);
}

static gpointer
export_in_worker (KlyngeDb      *db,
                  gint64         cluster_id,
                  const char    *path,
                  int            format,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return klynge_member_export (db, cluster_id, format, path, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

void
klynge_member_export_async (KlyngeDb                  *db,
                            gint64                     cluster_id,
                            KlyngeMemberExportFormat   format,
                            const char                *path,
                            GCancellable              *cancellable,
                            GAsyncReadyCallback        callback,
                            gpointer                   user_data)
{
  klynge_db_file_task_run (db, KLYNGE_DB_OPEN_READ_ONLY, cluster_id, path, format, export_in_worker, NULL,
                           klynge_member_export_async, cancellable, callback, user_data);
}

gboolean
klynge_member_export_finish (GAsyncResult  *result,
                             GError       **error)
{
  return klynge_db_file_task_finish (result, klynge_member_export_async, error) != NULL;
}
