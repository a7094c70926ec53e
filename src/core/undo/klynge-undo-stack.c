/* klynge-undo-stack.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One undo for the open database: every delete pushes its snapshot here,
 * and Ctrl+Z, Shift+Ctrl+Z and the toasts' Undo buttons all take from it.
 *
 * A snapshot puts rows back under their old rowids and links back to them,
 * which is only right while nothing else has written since: a new member
 * could have taken a deleted one's id. So the stack lasts until the next
 * change: it remembers the connection's change count and SQLite's
 * data_version (which moves when another connection commits) after its own
 * last write, and forgets everything once either moved.
 */

#include "klynge-i18n.h"

#include "klynge-undo-stack.h"

typedef struct
{
  char           *label;
  KlyngeSnapshot *snapshot;
} Entry;

struct _KlyngeUndoStack
{
  GObject    parent_instance;

  KlyngeDb  *db;
  GPtrArray *undo;   /* of Entry, newest last */
  GPtrArray *redo;
  gint64     changes;
  gint64     data_version;
};

G_DEFINE_FINAL_TYPE (KlyngeUndoStack, klynge_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->label);
  klynge_snapshot_free (entry->snapshot);
  g_free (entry);
}

static void
read_stamp (KlyngeUndoStack *self,
            gint64          *changes,
            gint64          *data_version)
{
  *changes = sqlite3_total_changes64 (klynge_db_get_handle (self->db));
  /* A version that cannot be read differs from every one that could. */
  if (!klynge_db_count (self->db, "PRAGMA data_version", 0, data_version, NULL))
    *data_version = -1;
}

static void
remember_stamp (KlyngeUndoStack *self)
{
  read_stamp (self, &self->changes, &self->data_version);
}

static void
notify_both (KlyngeUndoStack *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Forgets everything when something else wrote since the stack's last write. */
static void
forget_if_changed (KlyngeUndoStack *self)
{
  gint64 changes, data_version;

  if (self->undo->len == 0 && self->redo->len == 0)
    return;
  read_stamp (self, &changes, &data_version);
  if (changes != self->changes || data_version != self->data_version)
    klynge_undo_stack_clear (self);
}

/* Moves the newest entry of @from to @to once its snapshot is applied. */
static gboolean
step (KlyngeUndoStack  *self,
      GPtrArray        *from,
      GPtrArray        *to,
      gboolean          redo,
      GError          **error)
{
  Entry *entry;

  forget_if_changed (self);
  if (from->len == 0)
    {
      g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND,
                           redo ? _("There is nothing to redo.")
                                : _("There is nothing to undo: something changed since."));
      return FALSE;
    }
  entry = g_ptr_array_index (from, from->len - 1);
  if (!(redo ? klynge_snapshot_redo (entry->snapshot, self->db, error)
             : klynge_snapshot_restore (entry->snapshot, self->db, error)))
    return FALSE;

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  remember_stamp (self);
  notify_both (self);
  return TRUE;
}

static void
klynge_undo_stack_finalize (GObject *object)
{
  KlyngeUndoStack *self = KLYNGE_UNDO_STACK (object);

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (klynge_undo_stack_parent_class)->finalize (object);
}

static void
klynge_undo_stack_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KlyngeUndoStack *self = KLYNGE_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, klynge_undo_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, klynge_undo_stack_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_undo_stack_class_init (KlyngeUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = klynge_undo_stack_finalize;
  object_class->get_property = klynge_undo_stack_get_property;

  /**
   * KlyngeUndoStack:can-undo:
   *
   * Whether there is something to undo, as far as the stack knows: a write
   * by anything else empties it when it is next asked.
   */
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_undo_stack_init (KlyngeUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func (entry_free);
  self->redo = g_ptr_array_new_with_free_func (entry_free);
}

KlyngeUndoStack *
klynge_undo_stack_new (KlyngeDb *db)
{
  KlyngeUndoStack *self;

  g_return_val_if_fail (KLYNGE_IS_DB (db), NULL);

  self = g_object_new (KLYNGE_TYPE_UNDO_STACK, NULL);
  self->db = g_object_ref (db);
  return self;
}

/**
 * klynge_undo_stack_push:
 * @label: what was done, "Member deleted"
 * @snapshot: (transfer full): what a delete just committed took away
 *
 * Call it right after the delete: a redo possible before is forgotten, and
 * the entry lasts until something else writes to the database.
 */
void
klynge_undo_stack_push (KlyngeUndoStack *self,
                        const char      *label,
                        KlyngeSnapshot  *snapshot)
{
  Entry *entry;

  g_return_if_fail (KLYNGE_IS_UNDO_STACK (self));
  g_return_if_fail (snapshot != NULL);

  /* What was undoable before this delete stays so only if nothing else
   * wrote between the stack's last write and the delete. */
  if (self->undo->len > 0 || self->redo->len > 0)
    {
      gint64 changes, data_version;

      read_stamp (self, &changes, &data_version);
      g_ptr_array_set_size (self->redo, 0);
      if (data_version != self->data_version ||
          klynge_snapshot_get_changes_before (snapshot) != self->changes)
        g_ptr_array_set_size (self->undo, 0);
    }

  entry = g_new0 (Entry, 1);
  entry->label = g_strdup (label);
  entry->snapshot = snapshot;
  g_ptr_array_add (self->undo, entry);
  remember_stamp (self);
  notify_both (self);
}

gboolean
klynge_undo_stack_get_can_undo (KlyngeUndoStack *self)
{
  g_return_val_if_fail (KLYNGE_IS_UNDO_STACK (self), FALSE);

  return self->undo->len > 0;
}

gboolean
klynge_undo_stack_get_can_redo (KlyngeUndoStack *self)
{
  g_return_val_if_fail (KLYNGE_IS_UNDO_STACK (self), FALSE);

  return self->redo->len > 0;
}

/**
 * klynge_undo_stack_undo:
 *
 * Puts back what the newest delete took, in one transaction.
 *
 * Returns: %FALSE with @error set when there is nothing to undo (any more)
 *   or it could not be written; nothing changed then
 */
gboolean
klynge_undo_stack_undo (KlyngeUndoStack  *self,
                        GError          **error)
{
  g_return_val_if_fail (KLYNGE_IS_UNDO_STACK (self), FALSE);

  return step (self, self->undo, self->redo, FALSE, error);
}

/**
 * klynge_undo_stack_redo:
 *
 * Deletes again what the newest undo put back.
 */
gboolean
klynge_undo_stack_redo (KlyngeUndoStack  *self,
                        GError          **error)
{
  g_return_val_if_fail (KLYNGE_IS_UNDO_STACK (self), FALSE);

  return step (self, self->redo, self->undo, TRUE, error);
}

void
klynge_undo_stack_clear (KlyngeUndoStack *self)
{
  g_return_if_fail (KLYNGE_IS_UNDO_STACK (self));

  if (self->undo->len == 0 && self->redo->len == 0)
    return;
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_both (self);
}
