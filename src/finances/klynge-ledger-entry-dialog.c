/* klynge-ledger-entry-dialog.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-i18n.h"

#include "klynge-date-row.h"
#include "klynge-edit-guard.h"
#include "klynge-focus.h"
#include "klynge-format.h"
#include "klynge-ledger-entry-dialog.h"
#include "klynge-meeting.h"
#include "klynge-money.h"
#include "klynge-picker.h"
#include "klynge-read-only.h"
#include "klynge-tooltip.h"

struct _KlyngeLedgerEntryDialog
{
  AdwWindow          parent_instance;

  GtkWidget      *content;
  KlyngeDateRow     *date_row;
  AdwEntryRow       *amount_row;
  AdwComboRow       *category_row;
  AdwEntryRow       *counterparty_row;
  AdwComboRow       *meeting_row;
  AdwEntryRow       *reference_row;
  AdwActionRow      *attachment_row;
  AdwEntryRow       *note_row;
  GtkLabel          *error_label;

  KlyngeDb          *db;
  gint64             cluster_id;
  int                year;
  gint64             entry_id;
  char              *currency;
  char              *attachment_path;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (KlyngeLedgerEntryDialog, klynge_ledger_entry_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (KlyngeLedgerEntryDialog *self,
            const GError            *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
show_attachment (KlyngeLedgerEntryDialog *self)
{
  g_autofree char *name = self->attachment_path != NULL ? g_path_get_basename (self->attachment_path) : NULL;

  adw_action_row_set_subtitle (self->attachment_row, name != NULL ? name : _("None"));
  klynge_tooltip_set_text (GTK_WIDGET (self->attachment_row), self->attachment_path);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.clear-file", self->attachment_path != NULL);
}

static void
fill_choices (KlyngeLedgerEntryDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = klynge_ledger_list_categories (self->db, self->cluster_id, &error);
  g_autoptr(GListModel) meetings = categories != NULL
    ? klynge_meetings_list (self->db, self->cluster_id, KLYNGE_MEETINGS_ALL, NULL, &error) : NULL;
  g_autoptr(GListStore) category_choices = klynge_choices_new ();
  g_autoptr(GListStore) meeting_choices = klynge_choices_new ();

  /* Choices that could not be read would look like a cluster without any. */
  if (error != NULL)
    show_error (self, error);

  klynge_choices_append (category_choices, 0, _("Choose a category"));
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      KlyngeLedgerCategory *c = g_ptr_array_index (categories, i);
      g_autofree char *label = g_strdup_printf (c->kind == KLYNGE_LEDGER_INCOME
                                                /* Translators: a category in the entry editor */
                                                ? _("%s (income)") : _("%s (expense)"), c->name);

      klynge_choices_append (category_choices, c->id, label);
    }

  klynge_choices_append (meeting_choices, 0, _("No meeting"));
  for (guint i = 0; meetings != NULL && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(KlyngeMeeting) m = g_list_model_get_item (meetings, i);
      g_autofree char *label = g_strdup_printf ("%.10s  %s", m->starts_at, m->title);

      klynge_choices_append (meeting_choices, m->id, label);
    }

  klynge_picker_set_choices (self->category_row, G_LIST_MODEL (category_choices));
  klynge_picker_set_choices (self->meeting_row, G_LIST_MODEL (meeting_choices));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KlyngeLedgerEntryDialog *self = KLYNGE_LEDGER_ENTRY_DIALOG (widget);
  g_autoptr(KlyngeLedgerEntry) entry = klynge_ledger_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->id = self->entry_id;
  entry->date = klynge_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &error);
  entry->category_id = klynge_picker_get_selected_id (self->category_row);
  entry->meeting_id = klynge_picker_get_selected_id (self->meeting_row);
  g_free (entry->counterparty);
  entry->counterparty = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->counterparty_row)));
  g_free (entry->reference);
  entry->reference = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reference_row)));
  g_free (entry->note);
  entry->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  entry->attachment_path = g_strdup (self->attachment_path);

  if (entry->date == NULL ||
      !klynge_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), self->currency,
                           &entry->amount, &error) ||
      !klynge_ledger_save_entry (self->db, self->cluster_id, self->year, entry, &error))
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
chooser_response_cb (KlyngeLedgerEntryDialog *self,
                     int                      response)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));

      g_free (self->attachment_path);
      self->attachment_path = g_file_get_path (file);
      show_attachment (self);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KlyngeLedgerEntryDialog *self = KLYNGE_LEDGER_ENTRY_DIALOG (widget);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Attach a Receipt or Invoice"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), NULL);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
clear_file_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KlyngeLedgerEntryDialog *self = KLYNGE_LEDGER_ENTRY_DIALOG (widget);

  g_clear_pointer (&self->attachment_path, g_free);
  show_attachment (self);
}

static void
klynge_ledger_entry_dialog_dispose (GObject *object)
{
  KlyngeLedgerEntryDialog *self = KLYNGE_LEDGER_ENTRY_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (klynge_ledger_entry_dialog_parent_class)->dispose (object);
}

static void
klynge_ledger_entry_dialog_finalize (GObject *object)
{
  KlyngeLedgerEntryDialog *self = KLYNGE_LEDGER_ENTRY_DIALOG (object);

  g_free (self->currency);
  g_free (self->attachment_path);

  G_OBJECT_CLASS (klynge_ledger_entry_dialog_parent_class)->finalize (object);
}

static void
klynge_ledger_entry_dialog_class_init (KlyngeLedgerEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_ledger_entry_dialog_dispose;
  object_class->finalize = klynge_ledger_entry_dialog_finalize;

  /**
   * KlyngeLedgerEntryDialog::saved:
   *
   * The entry was written to the database.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (KLYNGE_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/finances/klynge-ledger-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeLedgerEntryDialog, content);
  gtk_widget_class_bind_template_child (widget_class, KlyngeLedgerEntryDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeLedgerEntryDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeLedgerEntryDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeLedgerEntryDialog, counterparty_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeLedgerEntryDialog, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeLedgerEntryDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeLedgerEntryDialog, attachment_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeLedgerEntryDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, KlyngeLedgerEntryDialog, error_label);

  gtk_widget_class_install_action (widget_class, "entry.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "entry.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "entry.clear-file", NULL, clear_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "entry.save", NULL);
}

static void
klynge_ledger_entry_dialog_init (KlyngeLedgerEntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_focus_on_show (GTK_WINDOW (self), GTK_WIDGET (self->amount_row));
}

KlyngeLedgerEntryDialog *
klynge_ledger_entry_dialog_new (GtkWindow         *parent,
                                KlyngeDb          *db,
                                gint64             cluster_id,
                                int                year,
                                KlyngeLedgerEntry *entry)
{
  KlyngeLedgerEntryDialog *self = g_object_new (KLYNGE_TYPE_LEDGER_ENTRY_DIALOG,
                                                "transient-for", parent, NULL);

  self->db = g_object_ref (db);
  self->cluster_id = cluster_id;
  self->year = year;
  self->currency = klynge_ledger_get_currency (db, cluster_id);
  fill_choices (self);

  if (entry != NULL)
    {
      g_autofree char *amount = klynge_money_format (entry->amount, NULL);

      self->entry_id = entry->id;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Ledger Entry"));
      klynge_date_row_set_date (self->date_row, entry->date);
      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
      gtk_editable_set_text (GTK_EDITABLE (self->counterparty_row), entry->counterparty);
      gtk_editable_set_text (GTK_EDITABLE (self->reference_row), entry->reference);
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), entry->note);
      klynge_picker_select_id (self->category_row, entry->category_id);
      klynge_picker_select_id (self->meeting_row, entry->meeting_id);
      self->attachment_path = g_strdup (entry->attachment_path);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      /* A new entry defaults to today when the year is this one, else to the year's last day. */
      g_autofree char *iso = g_date_time_get_year (now) == year ? g_date_time_format (now, "%Y-%m-%d")
                                                                 : g_strdup_printf ("%04d-12-31", year);
      gtk_window_set_title (GTK_WINDOW (self), _("New Ledger Entry"));
      klynge_date_row_set_date (self->date_row, iso);
    }
  show_attachment (self);
  klynge_read_only_apply_editor (GTK_WIDGET (self), self->content, self->db,
                                 (const char *[]) { "entry.save", "entry.choose-file", "entry.clear-file", NULL },
                                 /* Translators: the title of a ledger entry that cannot be changed */
                                 entry != NULL ? C_("window title", "Ledger Entry") : NULL);
  klynge_edit_guard_protect (GTK_WINDOW (self), self->content, "entry.save");
  return self;
}
