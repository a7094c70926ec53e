/* klynge-member.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The members of a cluster and their roles over time.
 */

#include "klynge-i18n.h"

#include <string.h>

#include "klynge-format.h"
#include "klynge-member.h"
#include "klynge-record.h"
#include "klynge-rules.h"

G_DEFINE_FINAL_TYPE (KlyngeMember, klynge_member, G_TYPE_OBJECT)

/* The properties are what lists bind; the editor fills the public fields,
 * and klynge_member_update() brings a listed member up to date. */
enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TITLE_LABEL,
  PROP_CLINIC_ID,
  PROP_CLINIC_NAME,
  PROP_ROLES_LABEL,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_JOINED_ON,
  PROP_JOINED_LABEL,
  PROP_LEFT_ON,
  PROP_FORMER,
  PROP_STATUS_LABEL,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const title_keys[] = { "gp", "trainee", "nurse", "secretary", "other", NULL };
static const char * const title_labels[] = {
  N_("GP"), N_("Trainee"), N_("Nurse"), N_("Secretary"), N_("Other"),
};

static const char * const role_keys[] = {
  "coordinator", "deputy", "chair", "board", "treasurer", "secretary", "member", NULL
};
static const char * const role_labels[] = {
  N_("Coordinator"), N_("Deputy coordinator"), N_("Chair"), N_("Board member"),
  N_("Treasurer"), N_("Secretary"), N_("Member"),
};

static int
key_index (const char * const *keys,
           const char         *key)
{
  for (int i = 0; keys[i] != NULL; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      return i;
  return -1;
}

const char * const *
klynge_member_titles (void)
{
  return title_keys;
}

const char *
klynge_member_title_label (const char *title)
{
  int i = key_index (title_keys, title);

  return i >= 0 ? _(title_labels[i]) : title;
}

const char * const *
klynge_member_role_keys (void)
{
  return role_keys;
}

const char *
klynge_member_role_label (const char *role)
{
  int i = key_index (role_keys, role);

  return i >= 0 ? _(role_labels[i]) : role;
}

KlyngeMemberRole *
klynge_member_role_new (const char *role,
                        const char *from_date,
                        const char *to_date)
{
  KlyngeMemberRole *self = g_new0 (KlyngeMemberRole, 1);

  self->role = g_strdup (role);
  self->from_date = klynge_rules_strip_or_null (from_date);
  self->to_date = klynge_rules_strip_or_null (to_date);
  return self;
}

void
klynge_member_role_free (KlyngeMemberRole *role)
{
  if (role == NULL)
    return;
  g_free (role->role);
  g_free (role->from_date);
  g_free (role->to_date);
  g_free (role);
}

static char *
status_label (KlyngeMember *self)
{
  g_autofree char *left = NULL;

  if (!klynge_member_is_former (self))
    return g_strdup (_("Active"));
  left = klynge_format_date (self->left_on);
  /* Translators: a member who left the cluster on this date */
  return g_strdup_printf (_("Former (left %s)"), left != NULL ? left : self->left_on);
}

static void
klynge_member_finalize (GObject *object)
{
  KlyngeMember *self = KLYNGE_MEMBER (object);

  g_free (self->name);
  g_free (self->title);
  g_free (self->clinic_name);
  g_free (self->email);
  g_free (self->phone);
  g_free (self->joined_on);
  g_free (self->left_on);
  g_free (self->notes);
  g_free (self->search_text);
  g_clear_pointer (&self->roles, g_ptr_array_unref);

  G_OBJECT_CLASS (klynge_member_parent_class)->finalize (object);
}

static void
klynge_member_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KlyngeMember *self = KLYNGE_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TITLE_LABEL:
      g_value_set_string (value, klynge_member_title_label (self->title));
      break;
    case PROP_CLINIC_ID:
      g_value_set_int64 (value, self->clinic_id);
      break;
    case PROP_CLINIC_NAME:
      g_value_set_string (value, self->clinic_name);
      break;
    case PROP_ROLES_LABEL:
      g_value_take_string (value, klynge_member_current_roles (self));
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_JOINED_ON:
      g_value_set_string (value, self->joined_on);
      break;
    case PROP_JOINED_LABEL:
      /* The locale's numeric date: a column of "1. september 2018" is cut. */
      g_value_take_string (value, self->joined_on != NULL ? klynge_format_date_short (self->joined_on) : g_strdup (""));
      break;
    case PROP_LEFT_ON:
      g_value_set_string (value, self->left_on);
      break;
    case PROP_FORMER:
      g_value_set_boolean (value, klynge_member_is_former (self));
      break;
    case PROP_STATUS_LABEL:
      g_value_take_string (value, status_label (self));
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_member_class_init (KlyngeMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = klynge_member_finalize;
  object_class->get_property = klynge_member_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeMember:title-label:
   *
   * The title, translated: "GP".
   */
  properties[PROP_TITLE_LABEL] = g_param_spec_string ("title-label", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_CLINIC_ID] = g_param_spec_int64 ("clinic-id", NULL, NULL, 0, G_MAXINT64, 0, KLYNGE_RECORD_READABLE);
  properties[PROP_CLINIC_NAME] = g_param_spec_string ("clinic-name", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeMember:roles-label:
   *
   * The roles held today, as klynge_member_current_roles() gives them.
   */
  properties[PROP_ROLES_LABEL] = g_param_spec_string ("roles-label", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_JOINED_ON] = g_param_spec_string ("joined-on", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeMember:joined-label:
   *
   * The joining date in the locale's short numeric form; "" when unknown.
   */
  properties[PROP_JOINED_LABEL] = g_param_spec_string ("joined-label", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_LEFT_ON] = g_param_spec_string ("left-on", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_FORMER] = g_param_spec_boolean ("former", NULL, NULL, FALSE, KLYNGE_RECORD_READABLE);
  /**
   * KlyngeMember:status-label:
   *
   * "Active", or "Former (left 1 March 2026)".
   */
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, KLYNGE_RECORD_READABLE);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_member_init (KlyngeMember *self)
{
  self->name = g_strdup ("");
  self->title = g_strdup ("gp");
  self->clinic_name = g_strdup ("");
  self->email = g_strdup ("");
  self->phone = g_strdup ("");
  self->notes = g_strdup ("");
  self->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) klynge_member_role_free);
}

KlyngeMember *
klynge_member_new (void)
{
  return g_object_new (KLYNGE_TYPE_MEMBER, NULL);
}

static void
take_fields (gpointer self_,
             gpointer from_)
{
  KlyngeMember *self = self_;
  KlyngeMember *from = from_;

  self->id = from->id;
  g_free (self->name), self->name = g_steal_pointer (&from->name);
  g_free (self->title), self->title = g_steal_pointer (&from->title);
  self->clinic_id = from->clinic_id;
  g_free (self->clinic_name), self->clinic_name = g_steal_pointer (&from->clinic_name);
  g_free (self->email), self->email = g_steal_pointer (&from->email);
  g_free (self->phone), self->phone = g_steal_pointer (&from->phone);
  g_free (self->joined_on), self->joined_on = g_steal_pointer (&from->joined_on);
  g_free (self->left_on), self->left_on = g_steal_pointer (&from->left_on);
  g_free (self->notes), self->notes = g_steal_pointer (&from->notes);
  g_ptr_array_unref (self->roles), self->roles = g_steal_pointer (&from->roles);
  g_clear_pointer (&self->search_text, g_free);
}

/**
 * klynge_member_update:
 * @from: (transfer full): the member as read again; used up
 *
 * Brings @self up to date with @from in place, notifying each property
 * whose value changed, so that rows bound to @self show it.
 *
 * Returns: whether anything changed
 */
gboolean
klynge_member_update (KlyngeMember *self,
                      KlyngeMember *from)
{
  g_autoptr(KlyngeMember) used = from;

  g_return_val_if_fail (KLYNGE_IS_MEMBER (self), FALSE);
  g_return_val_if_fail (KLYNGE_IS_MEMBER (from), FALSE);
  return klynge_record_update (self, from, take_fields);
}

gboolean
klynge_member_is_former (KlyngeMember *self)
{
  return self->left_on != NULL;
}

char *
klynge_member_current_roles (KlyngeMember *self)
{
  g_autofree char *today = klynge_rules_today ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->roles->len; i++)
    {
      KlyngeMemberRole *role = g_ptr_array_index (self->roles, i);

      if (klynge_rules_date_reached (role->from_date, today) &&
          (role->to_date == NULL || strcmp (role->to_date, today) >= 0))
        g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", klynge_member_role_label (role->role));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The search runs on every keystroke over thousands of members: the folded
 * text is made once. Fields are joined by a newline, which no query holds. */
gboolean
klynge_member_matches (KlyngeMember *self,
                       const char   *folded)
{
  if (folded == NULL || *folded == '\0')
    return TRUE;
  if (self->search_text == NULL)
    {
      g_autofree char *text = g_strjoin ("\n", self->name, self->email, self->clinic_name, NULL);

      self->search_text = g_utf8_casefold (text, -1);
    }
  return strstr (self->search_text, folded) != NULL;
}

#define MEMBER_COLUMNS \
  "m.id, m.name, m.title, coalesce (m.clinic_id, 0), coalesce (c.name, ''), m.email, m.phone, " \
  "m.joined_on, m.left_on, m.notes "
#define MEMBER_JOINS "FROM member m LEFT JOIN clinic c ON c.id = m.clinic_id "

static gpointer
member_from_row (KlyngeDbStatement *stmt)
{
  KlyngeMember *member = klynge_member_new ();

  member->id = klynge_db_statement_column_int64 (stmt, 0);
  klynge_record_set_text (&member->name, klynge_db_statement_column_text (stmt, 1));
  klynge_record_set_text (&member->title, klynge_db_statement_column_text (stmt, 2));
  member->clinic_id = klynge_db_statement_column_int64 (stmt, 3);
  klynge_record_set_text (&member->clinic_name, klynge_db_statement_column_text (stmt, 4));
  klynge_record_set_text (&member->email, klynge_db_statement_column_text (stmt, 5));
  klynge_record_set_text (&member->phone, klynge_db_statement_column_text (stmt, 6));
  member->joined_on = klynge_db_statement_dup_nullable (stmt, 7);
  member->left_on = klynge_db_statement_dup_nullable (stmt, 8);
  klynge_record_set_text (&member->notes, klynge_db_statement_column_text (stmt, 9));
  return member;
}

/* Roles of every member of @cluster_id (or of one member), attached to @by_id. */
static gboolean
load_roles (KlyngeDb    *db,
            const char  *sql,
            gint64       id,
            GHashTable  *by_id,
            GError     **error)
{
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, sql);
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      gint64 member_id = klynge_db_statement_column_int64 (stmt, 0);
      KlyngeMember *member = g_hash_table_lookup (by_id, &member_id);

      if (member != NULL)
        g_ptr_array_add (member->roles,
                         klynge_member_role_new (klynge_db_statement_column_text (stmt, 1),
                                                 klynge_db_statement_column_text (stmt, 2),
                                                 klynge_db_statement_column_text (stmt, 3)));
    }
  return rc == SQLITE_DONE;
}

#define ROLE_ORDER " ORDER BY r.member_id, coalesce (r.from_date, ''), r.id"

/**
 * klynge_member_list:
 *
 * Returns: (transfer full): the cluster's members (#KlyngeMember) by name,
 *   former ones included, or %NULL with @error set
 */
GListModel *
klynge_member_list (KlyngeDb  *db,
                    gint64     cluster_id,
                    GError   **error)
{
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT " MEMBER_COLUMNS MEMBER_JOINS "WHERE m.cluster_id = ?1 ORDER BY m.name COLLATE NOCASE, m.id");

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  if (!(members = klynge_db_statement_collect_model (stmt, KLYNGE_TYPE_MEMBER, member_from_row, error)))
    return NULL;
  /* The store holds a reference to each member until it is returned. */
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      KlyngeMember *member = KLYNGE_MEMBER (g_list_model_get_object (members, i));

      g_hash_table_insert (by_id, &member->id, member);
      g_object_unref (member);
    }
  if (!load_roles (db,
                   "SELECT r.member_id, r.role, r.from_date, r.to_date FROM member_role r "
                   "JOIN member m ON m.id = r.member_id WHERE m.cluster_id = ?1" ROLE_ORDER,
                   cluster_id, by_id, error))
    return NULL;
  return g_steal_pointer (&members);
}

KlyngeMember *
klynge_member_load (KlyngeDb  *db,
                    gint64     cluster_id,
                    gint64     member_id,
                    GError   **error)
{
  g_autoptr(KlyngeMember) member = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT " MEMBER_COLUMNS MEMBER_JOINS "WHERE m.id = ?1 AND m.cluster_id = ?2");

  klynge_db_statement_bind_int64 (stmt, 1, member_id);
  klynge_db_statement_bind_int64 (stmt, 2, cluster_id);
  if (!klynge_db_statement_expect_row (stmt, _("The member no longer exists."), error))
    return NULL;
  member = member_from_row (stmt);
  g_hash_table_insert (by_id, &member->id, member);
  if (!load_roles (db,
                   "SELECT r.member_id, r.role, r.from_date, r.to_date FROM member_role r "
                   "WHERE r.member_id = ?1" ROLE_ORDER,
                   member_id, by_id, error))
    return NULL;
  return g_steal_pointer (&member);
}

gboolean
klynge_member_validate (KlyngeDb      *db,
                        gint64         cluster_id,
                        KlyngeMember  *member,
                        GError       **error)
{
  gint64 clinic_cluster;

  if (!klynge_rules_check_required (member->name, _("The member needs a name."), error) ||
      !klynge_rules_check_email (member->email, error) ||
      !klynge_rules_check_period (member->joined_on, member->left_on, error))
    return FALSE;
  if (key_index (title_keys, member->title) < 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                   _("“%s” is not a title; choose GP, trainee, nurse, secretary or other."), member->title);
      return FALSE;
    }
  if (member->clinic_id != 0)
    {
      if (!klynge_db_count (db, "SELECT cluster_id FROM clinic WHERE id = ?1", member->clinic_id, &clinic_cluster, error))
        return FALSE;
      if (clinic_cluster != cluster_id)
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("The chosen clinic is not in this cluster."));
          return FALSE;
        }
    }
  for (guint i = 0; i < member->roles->len; i++)
    {
      KlyngeMemberRole *role = g_ptr_array_index (member->roles, i);

      if (key_index (role_keys, role->role) < 0)
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("“%s” is not a role."), role->role);
          return FALSE;
        }
      if (!klynge_rules_check_period (role->from_date, role->to_date, error))
        {
          g_prefix_error (error, "%s: ", klynge_member_role_label (role->role));
          return FALSE;
        }
      if (member->left_on != NULL && role->from_date != NULL && strcmp (role->from_date, member->left_on) > 0)
        {
          g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID,
                       _("The role %s starts after the member left."), klynge_member_role_label (role->role));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_roles (KlyngeDb      *db,
             KlyngeMember  *member,
             GError       **error)
{
  g_autoptr(KlyngeDbStatement) clear = klynge_db_statement_new (db, "DELETE FROM member_role WHERE member_id = ?1");

  klynge_db_statement_bind_int64 (clear, 1, member->id);
  if (!klynge_db_statement_run (clear, error))
    return FALSE;
  for (guint i = 0; i < member->roles->len; i++)
    {
      KlyngeMemberRole *role = g_ptr_array_index (member->roles, i);
      g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
        "INSERT INTO member_role (member_id, role, from_date, to_date) VALUES (?1, ?2, ?3, ?4)");

      klynge_db_statement_bind_int64 (stmt, 1, member->id);
      klynge_db_statement_bind_text (stmt, 2, role->role);
      klynge_record_bind_date (stmt, 3, role->from_date);
      klynge_record_bind_date (stmt, 4, role->to_date);
      if (!klynge_db_statement_run (stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * klynge_member_save:
 * @member: a new member (id 0) or a changed one; its id is set when new
 *
 * Validates and writes @member with their roles in one transaction; on
 * error nothing changes.
 */
gboolean
klynge_member_save (KlyngeDb      *db,
                    gint64         cluster_id,
                    KlyngeMember  *member,
                    GError       **error)
{
  gint64 old_id = member->id;
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  g_return_val_if_fail (KLYNGE_IS_MEMBER (member), FALSE);

  if (!klynge_member_validate (db, cluster_id, member, error))
    return FALSE;
  /* A member who left holds no role after that day: the board's history ends there. */
  for (guint i = 0; member->left_on != NULL && i < member->roles->len; i++)
    {
      KlyngeMemberRole *role = g_ptr_array_index (member->roles, i);

      if (role->to_date == NULL || strcmp (role->to_date, member->left_on) > 0)
        {
          g_free (role->to_date);
          role->to_date = g_strdup (member->left_on);
        }
    }
  if (!klynge_db_begin (db, error))
    return FALSE;

  stmt = klynge_db_statement_new (db, member->id == 0
    ? "INSERT INTO member (cluster_id, name, title, clinic_id, email, phone, joined_on, left_on, notes) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    : "UPDATE member SET name = ?2, title = ?3, clinic_id = ?4, email = ?5, phone = ?6, "
      "  joined_on = ?7, left_on = ?8, notes = ?9 WHERE id = ?10 AND cluster_id = ?1");
  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  klynge_record_bind_text (stmt, 2, member->name);
  klynge_db_statement_bind_text (stmt, 3, member->title);
  klynge_db_statement_bind_id (stmt, 4, member->clinic_id);
  klynge_record_bind_text (stmt, 5, member->email);
  klynge_record_bind_text (stmt, 6, member->phone);
  klynge_record_bind_date (stmt, 7, member->joined_on);
  klynge_record_bind_date (stmt, 8, member->left_on);
  klynge_db_statement_bind_text (stmt, 9, member->notes != NULL ? member->notes : "");
  if (member->id != 0)
    klynge_db_statement_bind_int64 (stmt, 10, member->id);
  if (!klynge_db_statement_run (stmt, error))
    goto failed;
  if (member->id != 0 && sqlite3_changes (klynge_db_get_handle (db)) == 0)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("The member no longer exists."));
      goto failed;
    }
  if (member->id == 0)
    member->id = klynge_db_last_insert_id (db);
  if (!write_roles (db, member, error) || !klynge_db_commit (db, error))
    goto failed;
  return TRUE;

failed:
  member->id = old_id;
  klynge_db_rollback (db);
  return FALSE;
}

gboolean
klynge_member_leave (KlyngeDb    *db,
                     gint64       cluster_id,
                     gint64       member_id,
                     const char  *date,
                     GError     **error)
{
  static const char * const steps[] = {
    "UPDATE member SET left_on = ?2 WHERE id = ?1",
    /* Roles that would start after leaving are dropped rather than made invalid. */
    "DELETE FROM member_role WHERE member_id = ?1 AND from_date > ?2",
    "UPDATE member_role SET to_date = ?2 WHERE member_id = ?1 AND (to_date IS NULL OR to_date > ?2)",
  };
  g_autoptr(KlyngeMember) member = NULL;

  if (!klynge_rules_check_required (date, _("Give the date the member leaves."), error) ||
      !klynge_rules_check_date (date, error) ||
      !(member = klynge_member_load (db, cluster_id, member_id, error)) ||
      !klynge_rules_check_period (member->joined_on, date, error))
    return FALSE;

  if (!klynge_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db, steps[i]);

      klynge_db_statement_bind_int64 (stmt, 1, member_id);
      klynge_record_bind_date (stmt, 2, date);
      if (!klynge_db_statement_run (stmt, error))
        goto failed;
    }
  if (!klynge_db_commit (db, error))
    goto failed;
  return TRUE;

failed:
  klynge_db_rollback (db);
  return FALSE;
}

gboolean
_klynge_member_delete_into (KlyngeDb        *db,
                            gint64           member_id,
                            KlyngeSnapshot  *snapshot,
                            GError         **error)
{
  g_autoptr(KlyngeDbStatement) stmt = NULL;

  if (!klynge_snapshot_capture (snapshot, db, "member", member_id, error))
    return FALSE;
  stmt = klynge_db_statement_new (db, "DELETE FROM member WHERE id = ?1");
  klynge_db_statement_bind_int64 (stmt, 1, member_id);
  return klynge_db_statement_run (stmt, error);
}

/**
 * klynge_member_delete:
 *
 * Deletes the member with their roles, invitations and attendance in one
 * transaction. To keep a member's history, use klynge_member_leave().
 *
 * Returns: (transfer full) (nullable): what was deleted, for
 *   klynge_snapshot_restore() when the user asks to undo
 */
KlyngeSnapshot *
klynge_member_delete (KlyngeDb  *db,
                      gint64     cluster_id,
                      gint64     member_id,
                      GError   **error)
{
  g_autoptr(KlyngeSnapshot) snapshot = klynge_snapshot_new ();
  gint64 owner;

  if (!klynge_db_count (db, "SELECT cluster_id FROM member WHERE id = ?1", member_id, &owner, error))
    return NULL;
  if (owner != cluster_id)
    {
      g_set_error (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND, _("The member no longer exists."));
      return NULL;
    }
  if (!klynge_db_begin (db, error))
    return NULL;
  if (!_klynge_member_delete_into (db, member_id, snapshot, error) ||
      !klynge_snapshot_finish (snapshot, db, error) || !klynge_db_commit (db, error))
    {
      klynge_db_rollback (db);
      return NULL;
    }
  return g_steal_pointer (&snapshot);
}

char *
klynge_member_active_emails (KlyngeDb  *db,
                             gint64     cluster_id,
                             GError   **error)
{
  g_autoptr(GString) emails = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(KlyngeDbStatement) stmt = klynge_db_statement_new (db,
    "SELECT email FROM member WHERE cluster_id = ?1 AND left_on IS NULL AND email <> '' "
    "ORDER BY name COLLATE NOCASE, id");
  int rc;

  klynge_db_statement_bind_int64 (stmt, 1, cluster_id);
  while ((rc = klynge_db_statement_step (stmt, error)) == SQLITE_ROW)
    {
      const char *email = klynge_db_statement_column_text (stmt, 0);

      /* Two members of one clinic may share its address; it goes on the line once. */
      if (g_hash_table_add (seen, g_ascii_strdown (email, -1)))
        g_string_append_printf (emails, "%s%s", emails->len > 0 ? ", " : "", email);
    }
  return rc == SQLITE_DONE ? g_string_free (g_steal_pointer (&emails), FALSE) : NULL;
}
