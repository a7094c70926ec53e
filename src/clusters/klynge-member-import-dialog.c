/* klynge-member-import-dialog.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview of a member-list import: every row with what will happen to
 * it and why, before anything is written.
 */

#include "klynge-i18n.h"

#include "klynge-accessible.h"
#include "klynge-field-check.h"
#include "klynge-member-import-dialog.h"
#include "klynge-tooltip.h"

struct _KlyngeMemberImportDialog
{
  AdwWindow           parent_instance;

  GtkButton          *import_button;
  GtkLabel           *summary_label;
  GtkLabel           *error_label;
  GtkColumnView      *rows_view;

  KlyngeDb           *db;
  gint64              cluster_id;
  KlyngeMemberImport *import;
};

G_DEFINE_FINAL_TYPE (KlyngeMemberImportDialog, klynge_member_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  COLUMN_LINE,
  COLUMN_NAME,
  COLUMN_CLINIC,
  COLUMN_EMAIL,
  COLUMN_OUTCOME,
  N_COLUMNS
};

static const char *column_titles[N_COLUMNS] = {
  N_("Line"), N_("Name"), N_("Clinic"), N_("E-mail"), N_("What happens"),
};

static char *
outcome (KlyngeMemberImportRow *row)
{
  if (row->status != KLYNGE_MEMBER_IMPORT_NEW)
    return g_strdup (row->problem);
  if (row->member->clinic_id == 0 && *row->member->clinic_name != '\0')
    return g_strdup (_("Added, with a new clinic"));
  return g_strdup (_("Added"));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Wrapped, never cut: in a phone-wide window the row grows taller. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  column)
{
  KlyngeMemberImportRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  switch (GPOINTER_TO_UINT (column))
    {
    case COLUMN_LINE:
      text = g_strdup_printf ("%u", row->line);
      break;
    case COLUMN_NAME:
      text = g_strdup (row->member->name);
      break;
    case COLUMN_CLINIC:
      text = g_strdup (row->member->clinic_name);
      break;
    case COLUMN_EMAIL:
      text = g_strdup (row->member->email);
      break;
    default:
      text = outcome (row);
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  klynge_tooltip_set_text (label, GPOINTER_TO_UINT (column) == COLUMN_OUTCOME ? text : NULL);
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  if (row->status == KLYNGE_MEMBER_IMPORT_INVALID)
    gtk_widget_add_css_class (label, "error");
  else if (row->status == KLYNGE_MEMBER_IMPORT_DUPLICATE)
    gtk_widget_add_css_class (label, "dim-label");
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KlyngeMemberImportDialog *self = KLYNGE_MEMBER_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!klynge_member_import_commit (self->db, self->cluster_id, self->import, &error))
    {
      klynge_field_check_show_error (self->error_label, error);
      return;
    }
  g_signal_emit (self, signals[IMPORTED], 0, self->import->n_new);
  gtk_window_close (GTK_WINDOW (self));
}

static void
klynge_member_import_dialog_dispose (GObject *object)
{
  KlyngeMemberImportDialog *self = KLYNGE_MEMBER_IMPORT_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->import, klynge_member_import_free);

  G_OBJECT_CLASS (klynge_member_import_dialog_parent_class)->dispose (object);
}

static void
klynge_member_import_dialog_class_init (KlyngeMemberImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_member_import_dialog_dispose;

  /**
   * KlyngeMemberImportDialog::imported:
   * @n_members: how many members were added
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/clusters/klynge-member-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeMemberImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMemberImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMemberImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeMemberImportDialog, rows_view);

  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
klynge_member_import_dialog_init (KlyngeMemberImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_accessible_name_list (GTK_WIDGET (self->rows_view), _("Rows to Import"));

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(column_titles[i]), factory);
      gtk_column_view_column_set_expand (column, i != COLUMN_LINE);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->rows_view, column);
      g_object_unref (column);
    }
}

KlyngeMemberImportDialog *
klynge_member_import_dialog_new (GtkWindow          *parent,
                                 KlyngeDb           *db,
                                 gint64              cluster_id,
                                 const char         *file_name,
                                 KlyngeMemberImport *import)
{
  KlyngeMemberImportDialog *self = g_object_new (KLYNGE_TYPE_MEMBER_IMPORT_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *button = NULL;

  self->db = g_object_ref (db);
  self->cluster_id = cluster_id;
  self->import = import;

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (import->rows)));
  gtk_column_view_set_model (self->rows_view, GTK_SELECTION_MODEL (selection));

  /* Translators: %s is the file name */
  g_string_append_printf (summary, _("From %s: "), file_name);
  g_string_append_printf (summary, ngettext ("%u new member", "%u new members", import->n_new), import->n_new);
  if (import->n_duplicate > 0)
    g_string_append_printf (summary, ngettext (", %u already in the cluster", ", %u already in the cluster",
                                               import->n_duplicate), import->n_duplicate);
  if (import->n_invalid > 0)
    g_string_append_printf (summary, ngettext (", %u row with a problem (left out)", ", %u rows with problems (left out)",
                                               import->n_invalid), import->n_invalid);
  if (import->new_clinics->len > 0)
    g_string_append_printf (summary, ngettext (", %u new clinic", ", %u new clinics", import->new_clinics->len),
                            import->new_clinics->len);
  g_string_append (summary, ".");
  gtk_label_set_text (self->summary_label, summary->str);

  button = g_strdup_printf (ngettext ("_Import %u Member", "_Import %u Members", import->n_new), import->n_new);
  gtk_button_set_label (self->import_button, button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", import->n_new > 0);
  return self;
}
