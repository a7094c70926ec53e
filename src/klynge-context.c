/* klynge-context.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every view needs to know: the open database and the cluster shown.
 * Views reload on notify::db, notify::cluster-id and ::changed, so a change
 * made in one area shows in the others without them knowing each other.
 */

#include "klynge-i18n.h"

#include "klynge-cluster.h"
#include "klynge-cluster-details.h"
#include "klynge-context.h"
#include "klynge-record-store.h"
#include "klynge-undo-stack.h"

struct _KlyngeContext
{
  GObject   parent_instance;

  KlyngeDb *db;
  gint64    cluster_id;
  KlyngeUndoStack *undo_stack;
  GPtrArray *stores;           /* of KlyngeRecordStore, one of each type */
  gboolean  read_only;
};

G_DEFINE_FINAL_TYPE (KlyngeContext, klynge_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DB,
  PROP_CLUSTER_ID,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
klynge_context_dispose (GObject *object)
{
  KlyngeContext *self = (KlyngeContext *)object;

  g_clear_object (&self->db);
  g_clear_object (&self->undo_stack);
  g_clear_pointer (&self->stores, g_ptr_array_unref);

  G_OBJECT_CLASS (klynge_context_parent_class)->dispose (object);
}

static void
klynge_context_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KlyngeContext *self = KLYNGE_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_CLUSTER_ID:
      g_value_set_int64 (value, self->cluster_id);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_context_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KlyngeContext *self = KLYNGE_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_CLUSTER_ID:
      klynge_context_set_cluster_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_context_class_init (KlyngeContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = klynge_context_dispose;
  object_class->get_property = klynge_context_get_property;
  object_class->set_property = klynge_context_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         KLYNGE_TYPE_DB,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CLUSTER_ID] =
    g_param_spec_int64 ("cluster-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KlyngeContext:read-only:
   *
   * Whether the open database cannot be written: views disable what would
   * change it (see klynge_page_class_set_editing_actions()).
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KlyngeContext::changed:
   *
   * Emitted after a view committed a change to the database.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
klynge_context_init (KlyngeContext *self)
{
  self->stores = g_ptr_array_new_with_free_func (g_object_unref);
}

KlyngeContext *
klynge_context_new (void)
{
  return g_object_new (KLYNGE_TYPE_CONTEXT, NULL);
}

/**
 * klynge_context_get_db:
 *
 * Returns: (transfer none) (nullable): the open database.
 */
KlyngeDb *
klynge_context_get_db (KlyngeContext *self)
{
  g_return_val_if_fail (KLYNGE_IS_CONTEXT (self), NULL);
  return self->db;
}

/* Another database or cluster is a full reload: its records are other
 * objects, read when a list first asks for them. */
static void
drop_stores (KlyngeContext *self)
{
  g_ptr_array_set_size (self->stores, 0);
}

/* An archived cluster is shown as a read-only file is: it is kept to be
 * looked up, not changed. */
static void
update_read_only (KlyngeContext *self)
{
  gboolean read_only = self->db != NULL &&
                       (klynge_db_is_read_only (self->db) || klynge_cluster_is_archived (self->db, self->cluster_id));

  if (self->read_only != read_only)
    {
      self->read_only = read_only;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }
}

/**
 * klynge_context_set_db:
 * @cluster_id: the cluster to show; 0, an unknown or an archived id picks
 *   the first one in use
 *
 * Switches to another database. The cluster is set before "db" is notified,
 * so views reload once, with both right.
 */
void
klynge_context_set_db (KlyngeContext *self,
                       KlyngeDb      *db,
                       gint64         cluster_id)
{
  g_return_if_fail (KLYNGE_IS_CONTEXT (self));

  if (db != NULL)
    cluster_id = klynge_cluster_pick_default (db, cluster_id);

  g_set_object (&self->db, db);
  self->cluster_id = db != NULL ? cluster_id : 0;
  g_clear_object (&self->undo_stack);
  if (db != NULL)
    self->undo_stack = klynge_undo_stack_new (db);
  drop_stores (self);

  update_read_only (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLUSTER_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

gboolean
klynge_context_get_read_only (KlyngeContext *self)
{
  g_return_val_if_fail (KLYNGE_IS_CONTEXT (self), FALSE);
  return self->read_only;
}

/**
 * klynge_context_dup_read_only_reason:
 *
 * Returns: (transfer full) (nullable): why nothing can be changed, in a
 *   sentence for the user (the file's reason, or the cluster's being
 *   archived and how to take it back into use), or %NULL if it can
 */
char *
klynge_context_dup_read_only_reason (KlyngeContext *self)
{
  g_auto(KlyngeClusterDetails) cluster = { 0 };
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KLYNGE_IS_CONTEXT (self), NULL);

  if (!self->read_only)
    return NULL;
  if (klynge_db_is_read_only (self->db))
    return klynge_db_dup_read_only_reason (self->db);
  if (!klynge_cluster_details_load (self->db, self->cluster_id, &cluster, &error))
    /* Translators: %s says why the cluster's name could not be read */
    return g_strdup_printf (_("The cluster is archived, so nothing in it can be changed. Its name could not be read: %s"),
                            error->message);
  /* Translators: %s is the cluster's name */
  return g_strdup_printf (_("The cluster “%s” is archived: it is kept to be looked up, exported and printed, not changed. "
                            "To change it again, choose Unarchive Cluster in the Cluster area’s cluster menu."),
                          cluster.name);
}

gint64
klynge_context_get_cluster_id (KlyngeContext *self)
{
  g_return_val_if_fail (KLYNGE_IS_CONTEXT (self), 0);
  return self->cluster_id;
}

void
klynge_context_set_cluster_id (KlyngeContext *self,
                               gint64         cluster_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KLYNGE_IS_CONTEXT (self));

  if (self->cluster_id == cluster_id)
    return;

  /* The undo stack is kept: it is the database's, as the window's title
   * names the file, and a look at another cluster is no reason to lose
   * what Ctrl+Z or Shift+Ctrl+Z would do. */
  self->cluster_id = cluster_id;
  drop_stores (self);
  update_read_only (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLUSTER_ID]);
}

/**
 * klynge_context_get_undo_stack:
 *
 * Returns: (transfer none) (nullable): the open database's undo, which
 *   every area's deletes push to and Ctrl+Z takes from
 */
KlyngeUndoStack *
klynge_context_get_undo_stack (KlyngeContext *self)
{
  g_return_val_if_fail (KLYNGE_IS_CONTEXT (self), NULL);
  return self->undo_stack;
}

/**
 * klynge_context_get_store:
 * @type: a #KlyngeRecordStore type
 * @owner_id: the cluster or meeting whose records are shown
 *
 * The context keeps one store of each type, for the list on screen: asked
 * for another owner's records, it makes a new store in its place, and a
 * database or cluster switch drops them all.
 *
 * Returns: (transfer none) (nullable): the store of @owner_id's records,
 *   kept up to date in place by klynge_context_emit_changed(); %NULL
 *   without a database
 */
gpointer
klynge_context_get_store (KlyngeContext *self,
                          GType          type,
                          gint64         owner_id)
{
  g_return_val_if_fail (KLYNGE_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, KLYNGE_TYPE_RECORD_STORE), NULL);

  if (self->db == NULL)
    return NULL;
  for (guint i = 0; i < self->stores->len; i++)
    {
      KlyngeRecordStore *store = g_ptr_array_index (self->stores, i);

      if (G_OBJECT_TYPE (store) != type)
        continue;
      if (klynge_record_store_get_owner_id (store) == owner_id)
        return store;
      g_ptr_array_remove_index_fast (self->stores, i);
      break;
    }
  g_ptr_array_add (self->stores, g_object_new (type, "db", self->db, "owner-id", owner_id, NULL));
  return g_ptr_array_index (self->stores, self->stores->len - 1);
}

void
klynge_context_emit_changed (KlyngeContext *self)
{
  g_return_if_fail (KLYNGE_IS_CONTEXT (self));
  /* The change may have archived or unarchived the cluster. */
  update_read_only (self);
  /* A failure stays with the store, for the lists to show. */
  for (guint i = 0; i < self->stores->len; i++)
    klynge_record_store_refresh (g_ptr_array_index (self->stores, i), NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}
