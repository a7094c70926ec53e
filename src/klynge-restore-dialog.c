/* klynge-restore-dialog.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists a database's backups, newest first, with the date and what each
 * holds, and lets the user pick one. Answering "restore" is the one step
 * the user confirms; the window then does the restore.
 */

#include "klynge-i18n.h"

#include "klynge-restore-dialog.h"

struct _KlyngeRestoreDialog
{
  AdwMessageDialog    parent_instance;

  char               *db_path;
  GtkSingleSelection *selection;

  GtkListView        *list_view;
  GtkWidget          *list_frame;
};

G_DEFINE_FINAL_TYPE (KlyngeRestoreDialog, klynge_restore_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *when = gtk_label_new (NULL);
  GtkWidget *counts = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (when), 0);
  gtk_label_set_xalign (GTK_LABEL (counts), 0);
  gtk_label_set_wrap (GTK_LABEL (counts), TRUE);
  gtk_widget_add_css_class (when, "heading");
  gtk_widget_add_css_class (counts, "dim-label");
  gtk_widget_add_css_class (counts, "caption");
  gtk_box_append (GTK_BOX (box), when);
  gtk_box_append (GTK_BOX (box), counts);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  KlyngeBackup *backup = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *when = gtk_widget_get_first_child (box);
  GtkWidget *counts = gtk_widget_get_next_sibling (when);
  g_autofree char *created = klynge_backup_format_created (backup);
  g_autofree char *description = klynge_backup_describe (backup);
  gboolean readable = klynge_backup_get_readable (backup);

  gtk_label_set_text (GTK_LABEL (when), created);
  gtk_label_set_text (GTK_LABEL (counts), description);
  gtk_widget_set_sensitive (box, readable);
  gtk_list_item_set_selectable (item, readable);
  gtk_list_item_set_activatable (item, readable);
}

static void
selection_changed_cb (KlyngeRestoreDialog *self)
{
  KlyngeBackup *backup = klynge_restore_dialog_get_selected (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "restore",
                                           backup != NULL && klynge_backup_get_readable (backup));
}

static void
row_activated_cb (KlyngeRestoreDialog *self,
                  guint                position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "restore"))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "restore");
}

static void
klynge_restore_dialog_finalize (GObject *object)
{
  KlyngeRestoreDialog *self = (KlyngeRestoreDialog *)object;

  g_free (self->db_path);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (klynge_restore_dialog_parent_class)->finalize (object);
}

static void
klynge_restore_dialog_class_init (KlyngeRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = klynge_restore_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/klynge-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeRestoreDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, KlyngeRestoreDialog, list_frame);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
klynge_restore_dialog_init (KlyngeRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * klynge_restore_dialog_new:
 * @db_path: the database whose backups are offered
 */
KlyngeRestoreDialog *
klynge_restore_dialog_new (GtkWindow  *parent,
                           const char *db_path)
{
  KlyngeRestoreDialog *self = g_object_new (KLYNGE_TYPE_RESTORE_DIALOG,
                                            "transient-for", parent,
                                            "modal", TRUE,
                                            NULL);
  GListModel *backups = klynge_backup_list (db_path);
  g_autofree char *name = g_path_get_basename (db_path);

  self->db_path = g_strdup (db_path);
  /* Nothing is chosen for the user: the newest backup is often the state
   * the file is in now, and going back is a decision to make. */
  self->selection = gtk_single_selection_new (backups);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);

  if (g_list_model_get_n_items (backups) == 0)
    {
      g_autofree char *body = g_strdup_printf (_("There are no backups of “%s” yet. Klynge makes one each time it opens the database after a change."), name);

      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
      gtk_widget_set_visible (self->list_frame, FALSE);
    }
  else
    {
      g_autofree char *body = g_strdup_printf (_("Choose the state of “%s” to go back to. The database as it is now is kept as a backup first, so you can change your mind."), name);

      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
    }

  selection_changed_cb (self);
  return self;
}

const char *
klynge_restore_dialog_get_db_path (KlyngeRestoreDialog *self)
{
  g_return_val_if_fail (KLYNGE_IS_RESTORE_DIALOG (self), NULL);
  return self->db_path;
}

/* Returns: (transfer none) (nullable): the backup the user picked. */
KlyngeBackup *
klynge_restore_dialog_get_selected (KlyngeRestoreDialog *self)
{
  g_return_val_if_fail (KLYNGE_IS_RESTORE_DIALOG (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}
