/* test-print.c — printing through GtkPrintOperation
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each area prints what it shows (Ctrl+P runs klynge_page_print() with the
 * print dialog); here the same operation exports to a PDF file, whose pages
 * are counted and read back with pdftotext: every page carries the
 * document's title and, where a table runs over, its header.
 */

#include <string.h>

#include <adwaita.h>

#include "klynge-clusters-page.h"
#include "klynge-data-page.h"
#include "klynge-finances-page.h"
#include "klynge-meetings-page.h"
#include "klynge-page.h"
#include "klynge-ui-test-run.h"

static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static int
count_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

static char *
page_text (const char *pdf,
           int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", number, "-l", number, pdf, "-", NULL };

  return run_tool (argv);
}

/* Prints @page's document to a PDF and checks it has @n_pages pages (at
 * least, if negative), each with every one of @heads. */
static void
assert_printed (KlyngePage        *page,
                const char        *name,
                int                n_pages,
                const char *const *heads)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  int pages;

  g_assert_true (klynge_page_print (page, GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error));
  g_assert_no_error (error);
  pages = count_pages (pdf);
  if (n_pages < 0)
    g_assert_cmpint (pages, >=, -n_pages);
  else
    g_assert_cmpint (pages, ==, n_pages);
  for (int i = 1; i <= pages; i++)
    {
      g_autofree char *text = page_text (pdf, i);
      g_autofree char *foot = g_strdup_printf ("Page %d of %d", i, pages);

      for (guint h = 0; heads[h] != NULL; h++)
        if (strstr (text, heads[h]) == NULL)
          g_error ("%s, page %d of %d, lacks “%s”:\n%s", name, i, pages, heads[h], text);
      g_assert_nonnull (strstr (text, foot));
    }
  klynge_test_remove_tree (dir);
}

static gboolean
find_stack_with (GtkWidget    *widget,
                 const char   *name,
                 AdwViewStack **stack)
{
  if (ADW_IS_VIEW_STACK (widget) && adw_view_stack_get_child_by_name (ADW_VIEW_STACK (widget), name) != NULL)
    {
      *stack = ADW_VIEW_STACK (widget);
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (find_stack_with (child, name, stack))
      return TRUE;
  return FALSE;
}

/* A meeting's tab decides its paper: the agenda, the invitation, or the
 * sign-in sheet of the demo's 23 members, over two pages. */
static void
print_meeting (KlyngeWindow *window,
               gpointer      user_data)
{
  const char *agenda[] = { "NSAID: follow-up after six months", "Time", "Item", "Minutes", NULL };
  const char *invitation[] = { "NSAID: follow-up after six months", NULL };
  const char *sign_in[] = { "NSAID: follow-up after six months", "Name", "Clinic", "Signature", NULL };
  GtkWidget *page, *row;
  GtkListBox *list;
  AdwViewStack *tabs = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *data_page = klynge_ui_test_show_page (window, "data", KLYNGE_TYPE_DATA_PAGE);

  /* An area with no paper says so. */
  g_assert_false (klynge_page_print (KLYNGE_PAGE (data_page), GTK_PRINT_OPERATION_ACTION_EXPORT, "/nonexistent.pdf", &error));
  g_assert_error (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID);

  page = klynge_ui_test_show_page (window, "meetings", KLYNGE_TYPE_MEETINGS_PAGE);
  list = GTK_LIST_BOX (klynge_ui_test_find_named (page, "meeting-list"));
  row = klynge_ui_test_meeting_row (page, 5);
  g_assert_nonnull (row);
  gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (row));
  klynge_ui_test_settle ();
  g_assert_true (find_stack_with (page, "attendance", &tabs));

  assert_printed (KLYNGE_PAGE (page), "agenda.pdf", 1, agenda);
  adw_view_stack_set_visible_child_name (tabs, "invitations");
  assert_printed (KLYNGE_PAGE (page), "invitation.pdf", 1, invitation);
  adw_view_stack_set_visible_child_name (tabs, "attendance");
  assert_printed (KLYNGE_PAGE (page), "sign-in.pdf", 2, sign_in);
}

static void
test_meeting (void)
{
  klynge_ui_test_run_on_demo (print_meeting, NULL);
}

/* The summary, then the ledger of the demo's 2026 over two pages (or
 * more, on the locale's paper). */
static void
print_accounts (KlyngeWindow *window,
                gpointer      user_data)
{
  const char *heads[] = { "Annual accounts 2026", "Aarhus Midt Quality Cluster", NULL };
  const char *ledger[] = { "Annual accounts 2026", "Date", "Reference", "Counterparty", "Balance", NULL };
  GtkWidget *page = klynge_ui_test_show_page (window, "finances", KLYNGE_TYPE_FINANCES_PAGE);
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "accounts.pdf", NULL);
  g_autoptr(GError) error = NULL;

  assert_printed (KLYNGE_PAGE (page), "accounts.pdf", -3, heads);

  /* Every ledger page starts with the table's header. */
  g_assert_true (klynge_page_print (KLYNGE_PAGE (page), GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error));
  for (int i = 2; i <= count_pages (pdf); i++)
    {
      g_autofree char *text = page_text (pdf, i);

      for (guint h = 0; ledger[h] != NULL; h++)
        g_assert_nonnull (strstr (text, ledger[h]));
    }
  /* Descriptions whole, not cut after a dozen letters. */
  {
    g_autofree char *text = page_text (pdf, 2);

    g_assert_nonnull (strstr (text, "Universitetshospital"));
  }
  klynge_test_remove_tree (dir);
}

static void
test_accounts (void)
{
  klynge_ui_test_run_on_demo (print_accounts, NULL);
}

static void
print_address_list (KlyngeWindow *window,
                    gpointer      user_data)
{
  const char *heads[] = { "Aarhus Midt Quality Cluster", "Name", "E-mail", "Phone", NULL };
  GtkWidget *page = klynge_ui_test_show_page (window, "clusters", KLYNGE_TYPE_CLUSTERS_PAGE);

  assert_printed (KLYNGE_PAGE (page), "addresses.pdf", -1, heads);
}

static void
test_address_list (void)
{
  klynge_ui_test_run_on_demo (print_address_list, NULL);
}

/* Ctrl+P, a real key, opens the print dialog without holding up the
 * window; closing it prints nothing and leaves the window working. */
static void
print_dialog (KlyngeWindow *window,
              gpointer      user_data)
{
  GType dialog_type;
  GtkWindow *dialog;

  klynge_ui_test_show_page (window, "finances", KLYNGE_TYPE_FINANCES_PAGE);
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_p, GDK_CONTROL_MASK);
  dialog_type = g_type_from_name ("GtkPrintUnixDialog");
  KLYNGE_UI_TEST_WAIT (dialog_type != 0 && klynge_ui_test_find_toplevel (dialog_type) != NULL);
  dialog = klynge_ui_test_find_toplevel (dialog_type);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  gtk_window_close (dialog);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (dialog_type) == NULL);
  g_assert_null (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_dialog (void)
{
  klynge_ui_test_run_on_demo (print_dialog, NULL);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/print/meeting", test_meeting);
  g_test_add_func ("/ui/print/accounts", test_accounts);
  g_test_add_func ("/ui/print/address-list", test_address_list);
  g_test_add_func ("/ui/print/dialog", test_dialog);

  return g_test_run ();
}
