/* klynge-print.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing the core's documents with GtkPrintOperation: the print dialog
 * with its preview, and the page set-up; the pages are laid out by the
 * same code that writes the PDF exports.
 */

#define G_LOG_DOMAIN "klynge-print"

#include "klynge-i18n.h"

#include <adwaita.h>

#include "klynge-print.h"

/* The choices of the last print and page set-up, for the next one while
 * the application runs. */
static GtkPrintSettings *settings;
static GtkPageSetup *page_setup;

/* The locale's paper with the PDF exports' 2 cm margins, rather than GTK's
 * few millimetres that many printers cannot reach. */
static GtkPageSetup *
get_page_setup (void)
{
  if (page_setup == NULL)
    {
      page_setup = gtk_page_setup_new ();
      gtk_page_setup_set_top_margin (page_setup, 20, GTK_UNIT_MM);
      gtk_page_setup_set_bottom_margin (page_setup, 20, GTK_UNIT_MM);
      gtk_page_setup_set_left_margin (page_setup, 20, GTK_UNIT_MM);
      gtk_page_setup_set_right_margin (page_setup, 20, GTK_UNIT_MM);
    }
  return page_setup;
}

typedef struct
{
  KlyngeDocument *document;
  int             n_pages;
} Job;

static void
job_free (Job *job)
{
  klynge_document_free (job->document);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Job               *job)
{
  job->n_pages = klynge_document_count_pages (job->document, gtk_print_context_get_cairo_context (context),
                                              gtk_print_context_get_width (context),
                                              gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, job->n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Job               *job)
{
  klynge_document_draw_page (job->document, gtk_print_context_get_cairo_context (context),
                             gtk_print_context_get_width (context), gtk_print_context_get_height (context),
                             page, job->n_pages);
}

/* The dialog's outcome, for a print that went on after the call returned. */
static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (parent, _("Could Not Print"), error != NULL ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/**
 * klynge_print_document:
 * @document: (transfer full): what to print
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG for the user;
 *   %GTK_PRINT_OPERATION_ACTION_EXPORT with @export_filename writes a PDF
 *   through the same operation
 *
 * Returns: %FALSE with @error set if printing failed
 */
gboolean
klynge_print_document (GtkWindow                *parent,
                       KlyngeDocument           *document,
                       GtkPrintOperationAction   action,
                       const char               *export_filename,
                       GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  Job *job = g_new0 (Job, 1);
  GtkPrintOperationResult result;

  job->document = document;
  gtk_print_operation_set_job_name (operation, klynge_document_get_title (document));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_has_selection (operation, FALSE);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_default_page_setup (operation, get_page_setup ());
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  /* The dialog does not hold the window up; an export is done on return. */
  if (action == GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG && parent != NULL)
    {
      gtk_print_operation_set_allow_async (operation, TRUE);
      g_signal_connect_object (operation, "done", G_CALLBACK (done_cb), parent, 0);
    }
  g_object_set_data_full (G_OBJECT (operation), "klynge-job", job, (GDestroyNotify) job_free);

  result = gtk_print_operation_run (operation, action, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&settings, gtk_print_operation_get_print_settings (operation));
  return TRUE;
}

static void
page_setup_done_cb (GtkPageSetup *chosen,
                    gpointer      data)
{
  if (chosen != NULL)
    g_set_object (&page_setup, chosen);
}

/**
 * klynge_print_page_setup:
 *
 * The paper and margins the following prints start with.
 */
void
klynge_print_page_setup (GtkWindow *parent)
{
  if (settings == NULL)
    settings = gtk_print_settings_new ();
  gtk_print_run_page_setup_dialog_async (parent, get_page_setup (), settings, page_setup_done_cb, NULL);
}
