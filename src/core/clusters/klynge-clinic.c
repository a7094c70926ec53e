/* klynge-clinic.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clinics of a cluster. A clinic is never deleted behind its members'
 * backs: they move to another clinic or go with it, and Undo brings all of
 * it back (members, roles, attendance, data requests, measurements).
 */

#include "klynge-i18n.h"

#include <string.h>

#include "klynge-clinic.h"
#include "klynge-format.h"
#include "klynge-member.h"
#include "klynge-record.h"
#include "klynge-rules.h"

G_DEFINE_FINAL_TYPE (KlyngeClinic, klynge_clinic, G_TYPE_OBJECT)

/* As KlyngeMember's: what lists bind, brought up to date by
 * klynge_clinic_update(). */
enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PROVIDER_NUMBER,
  PROP_ADDRESS,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_LISTED_PATIENTS,
  PROP_PATIENTS_LABEL,
  PROP_N_MEMBERS,
  PROP_MEMBERS_LABEL,
  PROP_RECORD_SYSTEM,
  PROP_FORMER,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The record systems of Danish general practice, offered as suggestions. */
static const char *record_systems[] = {
  "XMO", "WinPLC", "EG Clinea", "Novax", "MultiMed Web",
};

static void
klynge_clinic_finalize (GObject *object)
{
  KlyngeClinic *self = KLYNGE_CLINIC (object);

  g_free (self->name);
  g_free (self->provider_number);
  g_free (self->address);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->record_system);
  g_free (self->joined_on);
  g_free (self->left_on);
  g_free (self->notes);
  g_free (self->search_text);

  G_OBJECT_CLASS (klynge_clinic_parent_class)->finalize (object);
}

static void
klynge_clinic_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KlyngeClinic *self = KLYNGE_CLINIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PROVIDER_NUMBER:
      g_value_set_string (value, self->provider_number);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_LISTED_PATIENTS:
      g_value_set_int64 (value, self->listed_patients);
      break;
    case PROP_PATIENTS_LABEL:
      g_value_take_string (value, klynge_format_integer (self->listed_patients));
      break;
    case PROP_N_MEMBERS:
      g_value_set_int64 (value, self->n_members);
      break;
    case PROP_MEMBERS_LABEL:
      g_value_take_string (value, klynge_format_integer (self->n_members));
      break;
    case PROP_RECORD_SYSTEM:
      g_value_set_string (value, self->record_system);
      break;
    case PROP_FORMER:
      g_value_set_boolean (value, self->left_on != NULL);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_clinic_class_init (KlyngeClinicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = klynge_clinic_finalize;
  object_class->get_property = klynge_clinic_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_PROVIDER_NUMBER] = g_param_spec_string ("provider-number", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_LISTED_PATIENTS] = g_param_spec_int64 ("listed-patients", NULL, NULL, 0, G_MAXINT64, 0,
                                                         KLYNGE_RECORD_READABLE);
  /**
   * KlyngeClinic:patients-label:
   *
   * The listed patients with the locale's thousands separator.
   */
  properties[PROP_PATIENTS_LABEL] = g_param_spec_string ("patients-label", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeClinic:n-members:
   *
   * Active members, when the clinic was listed.
   */
  properties[PROP_N_MEMBERS] = g_param_spec_int64 ("n-members", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  properties[PROP_MEMBERS_LABEL] = g_param_spec_string ("members-label", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_RECORD_SYSTEM] = g_param_spec_string ("record-system", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeClinic:former:
   *
   * Whether the clinic has left the cluster.
   */
  properties[PROP_FORMER] = g_param_spec_boolean ("former", NULL, NULL, FALSE, KLYNGE_RECORD_READABLE);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_clinic_init (KlyngeClinic *self)
{
  self->name = g_strdup ("");
  self->provider_number = g_strdup ("");
  self->address = g_strdup ("");
  self->phone = g_strdup ("");
  self->email = g_strdup ("");
  self->record_system = g_strdup ("");
  self->notes = g_strdup ("");
}

KlyngeClinic *
klynge_clinic_new (void)
{
  return g_object_new (KLYNGE_TYPE_CLINIC, NULL);
}

static void
take_fields (gpointer self_,
             gpointer from_)
{
  KlyngeClinic *self = self_;
  KlyngeClinic *from = from_;

  self->id = from->id;
  g_free (self->name), self->name = g_steal_pointer (&from->name);
  g_free (self->provider_number), self->provider_number = g_steal_pointer (&from->provider_number);
  g_free (self->address), self->address = g_steal_pointer (&from->address);
  g_free (self->phone), self->phone = g_steal_pointer (&from->phone);
  g_free (self->email), self->email = g_steal_pointer (&from->email);
  self->listed_patients = from->listed_patients;
  g_free (self->record_system), self->record_system = g_steal_pointer (&from->record_system);
  g_free (self->joined_on), self->joined_on = g_steal_pointer (&from->joined_on);
  g_free (self->left_on), self->left_on = g_steal_pointer (&from->left_on);
  g_free (self->notes), self->notes = g_steal_pointer (&from->notes);
  self->n_members = from->n_members;
  g_clear_pointer (&self->search_text, g_free);
}

/**
 * klynge_clinic_update:
 * @from: (transfer full): the clinic as read again; used up
 *
 * As klynge_member_update().
 *
 * Returns: whether anything changed
 */
gboolean
klynge_clinic_update (KlyngeClinic *self,
                      KlyngeClinic *from)
{
  g_autoptr(KlyngeClinic) used = from;

  g_return_val_if_fail (KLYNGE_IS_CLINIC (self), FALSE);
  g_return_val_if_fail (KLYNGE_IS_CLINIC (from), FALSE);
  return klynge_record_update (self, from, take_fields);
}

/* As klynge_member_matches(): the folded text is made once. */
gboolean
klynge_clinic_matches (KlyngeClinic *self,
                       const char   *folded)
{
  if (folded == NULL || *folded == '\0')
    return TRUE;
  if (self->search_text == NULL)
    {
      g_autofree char *text = g_strjoin ("\n", self->name, self->provider_number, self->address, self->email, NULL);

      self->search_text = g_utf8_casefold (text, -1);
    }
  return strstr (self->search_text, folded) != NULL;
}

#define CLINIC_COLUMNS \
  "id, name, coalesce (provider_number, ''), address, phone, email, listed_patients, record_system, " \
  "joined_on, left_on, notes, " \
  "(SELECT count(*) FROM member m WHERE m.clinic_id = clinic.id AND m.left_on IS NULL) "

static gpointer
clinic_from_row (KlyngeDbStatement *stmt)
{
  KlyngeClinic *clinic = klynge_clinic_new ();

  clinic->id = klynge_db_statement_column_int64 (stmt, 0);
  klynge_record_set_text (&clinic->name, klynge_db_statement_column_text (stmt, 1));
  klynge_record_set_text (&clinic->provider_number, klynge_db_statement_column_text (stmt, 2));
  klynge_record_set_text (&clinic->address, klynge_db_statement_column_text (stmt, 3));
  klynge_record_set_text (&clinic->phone, klynge_db_statement_column_text (stmt, 4));
  klynge_record_set_text (&clinic->email, klynge_db_statement_column_text (stmt, 5));
  clinic->listed_patients = klynge_db_statement_column_int64 (stmt, 6);
  klynge_record_set_text (&clinic->record_system, klynge_db_statement_column_text (stmt, 7));
  clinic->joined_on = klynge_db_statement_dup_nullable (stmt, 8);
  clinic->left_on = klynge_db_statement_dup_nullable (stmt, 9);
  klynge_record_set_text (&clinic->notes, klynge_db_statement_column_text (stmt, 10));
  clinic->n_members = klynge_db_statement_column_int64 (stmt, 11);
  return clinic;
}

/**
 * klynge_clinic_list:
 *
 * Returns: (transfer full): the cluster's clinics (#KlyngeClinic) by name,
 *   or %NULL with @error set
 */
GListModel *
klynge_clinic_list (KlyngeDb  *db,
                    gint64     cluster_id,
                    GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT " CLINIC_COLUMNS "FROM clinic WHERE cluster_id = ?1 ORDER BY name COLLATE NOCASE, id");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  return klynge_db_statement_collect_model (stmt, KLYNGE_TYPE_CLINIC, clinic_from_row, error);
}

KlyngeClinic *
klynge_clinic_load (KlyngeDb  *db,
                    gint64     cluster_id,
                    gint64     clinic_id,
                    GError   **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT " CLINIC_COLUMNS "FROM clinic WHERE id = ?1 AND cluster_id = ?2");

  klynge_db_statement_bind_int64 (stmt, 1, clinic_id);
  klynge_db_statement_bind_int64 (stmt, 2, cluster_id);
  if (!klynge_db_statement_expect_row (stmt, _("The clinic no longer exists."), error))
    return NULL;
  return clinic_from_row (stmt);
}

/* @clinic_id: the clinic being edited (0 for a new one), which may keep its own number */
gboolean
klynge_clinic_check_provider_number (KlyngeDb    *db,
                                     gint64       cluster_id,
                                     gint64       clinic_id,
                                     const char  *number,
                                     GError     **error)
{
  g_autofree char *trimmed = klynge_rules_strip_or_null (number);
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  int rc;

  if (trimmed == NULL)
    return TRUE;
  stmt = klynge_db_statement_new (db,
    "SELECT name FROM clinic WHERE cluster_id = ?1 AND provider_number = ?2 AND id <> ?3");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_db_statement_bind_text (stmt, 2, trimmed);
  klynge_db_statement_bind_int64 (stmt, 3, clinic_id);
  if ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT,
                 _("The clinic number %s is already used by %s."), trimmed, klynge_db_statement_column_text (stmt, 0));
  return rc == SQLITE_DONE;
}

gboolean
klynge_clinic_validate (KlyngeDb      *db,
                        gint64         cluster_id,
                        KlyngeClinic  *clinic,
                        GError       **error)
{
  if (!klynge_rules_check_required (clinic->name, _("The clinic needs a name."), error) ||
      !klynge_clinic_check_provider_number (db, cluster_id, clinic->id, clinic->provider_number, error) ||
      !klynge_rules_check_email (clinic->email, error) ||
      !klynge_rules_check_period (clinic->joined_on, clinic->left_on, error))
    return FALSE;
  if (clinic->listed_patients < 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("The number of listed patients cannot be negative."));
      return FALSE;
    }
  return TRUE;
}

/**
 * klynge_clinic_save:
 * @clinic: a new clinic (id 0) or a changed one; its id is set when new
 *
 * Validates and writes @clinic in one transaction; on error nothing changes.
 */
gboolean
klynge_clinic_save (KlyngeDb      *db,
                    gint64         cluster_id,
                    KlyngeClinic  *clinic,
                    GError       **error)
{
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  g_autofree char *number = NULL;

  g_return_val_if_fail (KLYNGE_IS_CLINIC (clinic), FALSE);

  if (!klynge_clinic_validate (db, cluster_id, clinic, error) || !klynge_db_begin (db, error))
    return FALSE;

  stmt = klynge_db_statement_new (db, clinic->id == 0
    ? "INSERT INTO clinic (cluster_id, name, provider_number, address, phone, email, listed_patients, "
      "  record_system, joined_on, left_on, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
    : "UPDATE clinic SET name = ?2, provider_number = ?3, address = ?4, phone = ?5, email = ?6, "
      "  listed_patients = ?7, record_system = ?8, joined_on = ?9, left_on = ?10, notes = ?11 "
      "WHERE id = ?12 AND cluster_id = ?1");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_record_bind_text (stmt, 2, clinic->name);
  /* NULL, not "", for no number: the UNIQUE rule then allows several. */
  number = klynge_rules_strip_or_null (clinic->provider_number);
  klynge_db_statement_bind_text (stmt, 3, number);
  klynge_record_bind_text (stmt, 4, clinic->address);
  klynge_record_bind_text (stmt, 5, clinic->phone);
  klynge_record_bind_text (stmt, 6, clinic->email);
  klynge_db_statement_bind_int64 (stmt, 7, clinic->listed_patients);
  klynge_record_bind_text (stmt, 8, clinic->record_system);
  klynge_record_bind_date (stmt, 9, clinic->joined_on);
  klynge_record_bind_date (stmt, 10, clinic->left_on);
  klynge_db_statement_bind_text (stmt, 11, clinic->notes != NULL ? clinic->notes : "");
  if (clinic->id != 0)
    klynge_db_statement_bind_int64 (stmt, 12, clinic->id);
  if (!klynge_db_statement_run (stmt, error))
    goto failed;
  if (clinic->id != 0 && sqlite3_changes (klynge_db_get_handle (db)) == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("The clinic no longer exists."));
      goto failed;
    }
  if (!klynge_db_commit (db, error))
    goto failed;
  if (clinic->id == 0)
    clinic->id = klynge_db_last_insert_id (db);
  return TRUE;

failed:
  klynge_db_rollback (db);
  return FALSE;
}

gboolean
klynge_clinic_count_members (KlyngeDb  *db,
                             gint64     clinic_id,
                             gint64    *n_members,
                             GError   **error)
{
  return klynge_db_count (db, "SELECT count(*) FROM member WHERE clinic_id = ?1", clinic_id, n_members, error);
}

static GArray *
member_ids_of (KlyngeDb  *db,
               gint64     clinic_id,
               GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, "SELECT id FROM member WHERE clinic_id = ?1");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, clinic_id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      gint64 id = klynge_db_statement_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}

static gboolean
move_members (KlyngeDb        *db,
              gint64           cluster_id,
              gint64           clinic_id,
              gint64           move_to,
              GError         **error)
{
  g_autoptr(KlyngeDbStatement) stmt = NULL;
  gint64 owner;

  if (!klynge_db_count (db, "SELECT cluster_id FROM clinic WHERE id = ?1", move_to, &owner, error))
    return FALSE;
  if (move_to == clinic_id || owner != cluster_id)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("Choose another clinic of this cluster for the members."));
      return FALSE;
    }
  stmt = klynge_db_statement_new (db, "UPDATE member SET clinic_id = ?2 WHERE clinic_id = ?1");
  klynge_db_statement_bind_int64 (stmt, 1, clinic_id);
  klynge_db_statement_bind_int64 (stmt, 2, move_to);
  return klynge_db_statement_run (stmt, error);
}

/**
 * klynge_clinic_delete:
 * @members: what to do with the clinic's members (former ones too)
 * @move_to: the clinic they move to, for %KLYNGE_CLINIC_MEMBERS_MOVE
 *
 * Deletes the clinic in one transaction.
 *
 * Returns: (transfer full) (nullable): what was deleted, for
 *   klynge_snapshot_restore() when the user asks to undo
 */
KlyngeSnapshot *
klynge_clinic_delete (KlyngeDb             *db,
                      gint64                cluster_id,
                      gint64                clinic_id,
                      KlyngeClinicMembers   members,
                      gint64                move_to,
                      GError              **error)
{
  g_autoptr(KlyngeSnapshot) snapshot = klynge_snapshot_new ();
  g_autoptr(KlyngeClinic) clinic = klynge_clinic_load (db, cluster_id, clinic_id, error);
  g_autoptr(GArray) member_ids = NULL;
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (clinic == NULL)
    return NULL;
  if (!klynge_db_begin (db, error))
    return NULL;
  if (!(member_ids = member_ids_of (db, clinic_id, error)))
    goto failed;

  if (member_ids->len > 0 && members == KLYNGE_CLINIC_MEMBERS_NONE)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_CONSTRAINT,
                   ngettext ("%s has %u member; move them to another clinic or remove them with it.",
                             "%s has %u members; move them to another clinic or remove them with it.",
                             member_ids->len),
                   clinic->name, member_ids->len);
      goto failed;
    }

  /* Its members' links to it too, before they move or go; its chart
   * letters stay spent and Undo gives them back to it. */
  if (!klynge_snapshot_capture (snapshot, db, "clinic", clinic_id, error))
    goto failed;

  if (members == KLYNGE_CLINIC_MEMBERS_MOVE && member_ids->len > 0 &&
      !move_members (db, cluster_id, clinic_id, move_to, error))
    goto failed;
  if (members == KLYNGE_CLINIC_MEMBERS_REMOVE)
    for (guint i = 0; i < member_ids->len; i++)
      if (!_klynge_member_delete_into (db, g_array_index (member_ids, gint64, i), snapshot, error))
        goto failed;

  stmt = klynge_db_statement_new (db, "DELETE FROM clinic WHERE id = ?1 AND cluster_id = ?2");
  klynge_db_statement_bind_int64 (stmt, 1, clinic_id);
  klynge_db_statement_bind_int64 (stmt, 2, cluster_id);
  if (!klynge_db_statement_run (stmt, error) || !klynge_snapshot_finish (snapshot, db, error) ||
      !klynge_db_commit (db, error))
    goto failed;
  return g_steal_pointer (&snapshot);

failed:
  klynge_db_rollback (db);
  return NULL;
}

/**
 * klynge_clinic_record_systems:
 *
 * Returns: (transfer full): suggestions for the record system field
 */
GStrv
klynge_clinic_record_systems (KlyngeDb *db,
                              gint64    cluster_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) used = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT DISTINCT record_system FROM clinic WHERE cluster_id = ?1 AND record_system <> '' ORDER BY 1");

  /* Only suggestions: without the database's own, the usual ones remain. */
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  while (klynge_db_statement_step (stmt, NULL) == SQLITE_ROW)
    g_ptr_array_add (used, klynge_db_statement_dup_text (stmt, 0));
  for (guint i = 0; i < G_N_ELEMENTS (record_systems); i++)
    if (g_hash_table_add (seen, (gpointer) record_systems[i]))
      g_strv_builder_add (builder, record_systems[i]);
  for (guint i = 0; i < used->len; i++)
    if (g_hash_table_add (seen, g_ptr_array_index (used, i)))
      g_strv_builder_add (builder, g_ptr_array_index (used, i));
  return g_strv_builder_end (builder);
}
