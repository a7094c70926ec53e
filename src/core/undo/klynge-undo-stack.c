/* klynge-undo-stack.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One undo for the open database: every delete pushes its snapshot here,
 * every import its batch, and Ctrl+Z, Shift+Ctrl+Z and the toasts' Undo
 * buttons all take from it.
 *
 * An import is undone by removing its batch as a whole (putting back what
 * it replaced), which stays right whatever was written since, so imports
 * outlive the deletes' snapshots. It cannot be redone, as the file is not
 * kept: undoing it empties the redo, and the file is imported again to
 * bring it back.
 *
 * A snapshot puts rows back under their old rowids and links back to them,
 * which is only right while nothing else has written since: a new member
 * could have taken a deleted one's id. So the stack lasts until the next
 * change: it remembers the connection's change count and SQLite's
 * data_version (which moves when another connection commits) after its own
 * last write, and forgets the deletes once either moved. The count leaves
 * out bookkeeping (klynge_db_add_bookkeeping()): the letters the Charts
 * area deals when first shown are no reason to lose an undo.
 */

#include "klynge-i18n.h"

#include "klynge-import-task.h"
#include "klynge-undo-stack.h"

typedef struct
{
  char           *label;
  KlyngeSnapshot *snapshot;   /* a delete's, or */
  gint64          batch_id;   /* an import's */
} Entry;

struct _KlyngeUndoStack
{
  GObject    parent_instance;

  KlyngeDb  *db;
  GPtrArray *undo;   /* of Entry, newest last */
  GPtrArray *redo;
  gint64     changes;
  gint64     data_version;
  gboolean   busy;      /* an import being undone in a worker */
};

G_DEFINE_FINAL_TYPE (KlyngeUndoStack, klynge_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->label);
  g_clear_pointer (&entry->snapshot, klynge_snapshot_free);
  g_free (entry);
}

static void
read_stamp (KlyngeUndoStack *self,
            gint64          *changes,
            gint64          *data_version)
{
  *changes = klynge_db_get_changes (self->db);
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

static void
forget_deletes (KlyngeUndoStack *self)
{
  g_ptr_array_set_size (self->redo, 0);
  for (guint i = self->undo->len; i-- > 0;)
    if (((Entry *) g_ptr_array_index (self->undo, i))->batch_id == 0)
      g_ptr_array_remove_index (self->undo, i);
}

/* Forgets the deletes when something else wrote since the stack's last write. */
static void
forget_if_changed (KlyngeUndoStack *self)
{
  gint64 changes, data_version;

  if (self->undo->len == 0 && self->redo->len == 0)
    return;
  read_stamp (self, &changes, &data_version);
  if (changes != self->changes || data_version != self->data_version)
    {
      forget_deletes (self);
      remember_stamp (self);
      notify_both (self);
    }
}

/* The newest entry of @from, or %NULL with @error set. */
static Entry *
newest (KlyngeUndoStack  *self,
        GPtrArray        *from,
        gboolean          redo,
        GError          **error)
{
  forget_if_changed (self);
  if (self->busy || from->len == 0)
    {
      g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_NOT_FOUND,
                           self->busy ? _("Wait until the import is undone.")
                           : redo ? _("There is nothing to redo.")
                                  : _("There is nothing to undo: something changed since."));
      return NULL;
    }
  return g_ptr_array_index (from, from->len - 1);
}

/* Moves the newest entry of @from to @to once it is done; an undone import
 * goes, with the redo after it. */
static void
stepped (KlyngeUndoStack *self,
         GPtrArray       *from,
         GPtrArray       *to)
{
  Entry *entry = g_ptr_array_steal_index (from, from->len - 1);

  if (entry->batch_id != 0)
    {
      entry_free (entry);
      g_ptr_array_set_size (self->redo, 0);
    }
  else
    g_ptr_array_add (to, entry);
  remember_stamp (self);
  notify_both (self);
}

static gboolean
step (KlyngeUndoStack  *self,
      GPtrArray        *from,
      GPtrArray        *to,
      gboolean          redo,
      GError          **error)
{
  Entry *entry = newest (self, from, redo, error);

  if (entry == NULL)
    return FALSE;
  if (entry->batch_id != 0 ? !klynge_import_undo (self->db, entry->batch_id, NULL, NULL, error)
      : !(redo ? klynge_snapshot_redo (entry->snapshot, self->db, error)
               : klynge_snapshot_restore (entry->snapshot, self->db, error)))
    return FALSE;
  stepped (self, from, to);
  return TRUE;
}

static void
set_busy (KlyngeUndoStack *self,
          gboolean         busy)
{
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  notify_both (self);
}

static void
import_undone_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KlyngeUndoStack *self = g_task_get_source_object (task);
  GError *error = NULL;

  set_busy (self, FALSE);
  if (!klynge_import_undo_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Its own connection wrote: what the stack knows of the file is new. */
  stepped (self, self->undo, self->redo);
  g_task_return_boolean (task, TRUE);
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
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
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
  /**
   * KlyngeUndoStack:busy:
   *
   * Whether an import is being undone in a worker: no undo, redo or import
   * starts meanwhile.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
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
        forget_deletes (self);
    }

  entry = g_new0 (Entry, 1);
  entry->label = g_strdup (label);
  entry->snapshot = snapshot;
  g_ptr_array_add (self->undo, entry);
  remember_stamp (self);
  notify_both (self);
}

/**
 * klynge_undo_stack_push_import:
 * @label: what was done, "18 measurements imported"
 * @batch_id: the batch an import just committed
 *
 * Call it right after the import, which its own connection wrote: the
 * deletes undoable before are forgotten, as after any other write.
 */
void
klynge_undo_stack_push_import (KlyngeUndoStack *self,
                               const char      *label,
                               gint64           batch_id)
{
  Entry *entry;

  g_return_if_fail (KLYNGE_IS_UNDO_STACK (self));
  g_return_if_fail (batch_id > 0);

  forget_deletes (self);
  entry = g_new0 (Entry, 1);
  entry->label = g_strdup (label);
  entry->batch_id = batch_id;
  g_ptr_array_add (self->undo, entry);
  remember_stamp (self);
  notify_both (self);
}

gboolean
klynge_undo_stack_get_can_undo (KlyngeUndoStack *self)
{
  g_return_val_if_fail (KLYNGE_IS_UNDO_STACK (self), FALSE);

  return !self->busy && self->undo->len > 0;
}

/**
 * klynge_undo_stack_get_undo_label:
 *
 * Returns: (nullable): what Ctrl+Z would undo, as its push named it
 */
const char *
klynge_undo_stack_get_undo_label (KlyngeUndoStack *self)
{
  g_return_val_if_fail (KLYNGE_IS_UNDO_STACK (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  return ((Entry *) g_ptr_array_index (self->undo, self->undo->len - 1))->label;
}

gboolean
klynge_undo_stack_get_busy (KlyngeUndoStack *self)
{
  g_return_val_if_fail (KLYNGE_IS_UNDO_STACK (self), FALSE);

  return self->busy;
}

gboolean
klynge_undo_stack_get_can_redo (KlyngeUndoStack *self)
{
  g_return_val_if_fail (KLYNGE_IS_UNDO_STACK (self), FALSE);

  return !self->busy && self->redo->len > 0;
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
 * klynge_undo_stack_undo_async:
 * @progress: (nullable): told how far an import's removal has got
 *
 * klynge_undo_stack_undo() without blocking: an import, which can take
 * seconds to remove, is undone by a worker on its own connection.
 */
void
klynge_undo_stack_undo_async (KlyngeUndoStack          *self,
                              KlyngeImportTaskProgress  progress,
                              gpointer                  progress_data,
                              GAsyncReadyCallback       callback,
                              gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Entry *entry;

  g_return_if_fail (KLYNGE_IS_UNDO_STACK (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, klynge_undo_stack_undo_async);
  entry = newest (self, self->undo, FALSE, &error);
  if (entry == NULL)
    g_task_return_error (task, error);
  else if (entry->batch_id == 0)
    {
      if (step (self, self->undo, self->redo, FALSE, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
    }
  else
    {
      set_busy (self, TRUE);
      klynge_import_undo_async (klynge_db_get_path (self->db), entry->batch_id, progress, progress_data,
                                import_undone_cb, g_steal_pointer (&task));
    }
}

/**
 * klynge_undo_stack_undo_finish:
 * @redoable: (out) (optional): whether the redo can bring it back (an
 *   import cannot: its file is imported again)
 *
 * Returns: %FALSE with @error set when nothing was undone
 */
gboolean
klynge_undo_stack_undo_finish (KlyngeUndoStack  *self,
                               GAsyncResult     *result,
                               gboolean         *redoable,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (redoable != NULL)
    *redoable = self->redo->len > 0;
  return g_task_propagate_boolean (G_TASK (result), error);
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
