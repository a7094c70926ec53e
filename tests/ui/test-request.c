/* test-request.c — a dialog's answer and the page or window that asked
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dialog's answer reaches the page or window that opened it while that
 * lives. An open dialog must not keep a closed window alive (its transient
 * dialogs would stay on screen), and an answer given after the page is gone
 * must not reach freed memory.
 */

#include <adwaita.h>

#include "klynge-request.h"
#include "klynge-ui-test-utils.h"

typedef struct
{
  GtkWidget *self;
  guint     *answers;
  guint     *freed;
} Request;

static void
request_free (Request *request)
{
  (*request->freed)++;
  g_free (request);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Request          *request)
{
  g_assert_true (GTK_IS_WIDGET (request->self));
  g_assert_cmpstr (response, ==, "ok");
  (*request->answers)++;
}

static GtkWidget *
ask (GtkWindow *parent,
     GtkWidget *owner,
     guint     *answers,
     guint     *freed)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, "Question", NULL);
  Request *request = g_new0 (Request, 1);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", "OK");
  request->self = owner;
  request->answers = answers;
  request->freed = freed;
  klynge_request_connect (dialog, "response", G_CALLBACK (response_cb), owner, request, (GDestroyNotify) request_free);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
test_closed_window_takes_its_dialog (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *dialog;
  guint answers = 0, freed = 0;

  gtk_window_present (GTK_WINDOW (window));
  dialog = ask (GTK_WINDOW (window), window, &answers, &freed);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  g_assert_cmpuint (answers, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  KLYNGE_UI_TEST_WAIT (window == NULL);
  KLYNGE_UI_TEST_WAIT (dialog == NULL);
  g_assert_cmpuint (freed, ==, 1);
}

static void
test_no_answer_after_the_page_went (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_ref_sink (gtk_label_new ("page"));
  GtkWidget *dialog;
  guint answers = 0, freed = 0;

  gtk_window_present (GTK_WINDOW (window));
  dialog = ask (GTK_WINDOW (window), page, &answers, &freed);
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  g_object_unref (page);
  g_assert_null (page);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  g_assert_cmpuint (answers, ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  KLYNGE_UI_TEST_WAIT (freed == 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/request/closed-window-takes-its-dialog", test_closed_window_takes_its_dialog);
  g_test_add_func ("/ui/request/no-answer-after-the-page-went", test_no_answer_after_the_page_went);

  return g_test_run ();
}
