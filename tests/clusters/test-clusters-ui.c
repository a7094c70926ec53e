/* test-clusters-ui.c — the Clusters & members area on the real window
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cluster-form.h"
#include "klynge-clinic-editor.h"
#include "klynge-cluster-editor.h"
#include "klynge-clinic.h"
#include "klynge-cluster.h"
#include "klynge-charts-page.h"
#include "klynge-clusters-page.h"
#include "klynge-data-page.h"
#include "klynge-demo.h"
#include "klynge-member-editor.h"
#include "klynge-member-import-dialog.h"
#include "klynge-member.h"
#include "klynge-test-utils.h"
#include "klynge-ui-test-utils.h"

static void
type_into (GtkWidget  *form,
           const char *field,
           const char *text)
{
  GtkWidget *row = klynge_ui_test_find_named (form, field);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  klynge_ui_test_settle ();
}

/* The rows a list shows; the clinics fill theirs when their tab is open. */
static GListModel *
list_of (GtkWidget  *page,
         const char *view)
{
  GtkStack *stack = GTK_STACK (klynge_ui_test_find_named (page, "lists"));

  gtk_stack_set_visible_child_name (stack, g_str_equal (view, "clinics_view") ? "clinics" : "members");
  klynge_ui_test_settle ();
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (klynge_ui_test_find_named (page, view))));
}

static gboolean
list_has (GListModel *list,
          const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      const char *item_name = KLYNGE_IS_MEMBER (item) ? KLYNGE_MEMBER (item)->name : KLYNGE_CLINIC (item)->name;

      if (g_str_equal (item_name, name))
        return TRUE;
    }
  return FALSE;
}

static KlyngeDb *
window_db (KlyngeWindow *window)
{
  return klynge_context_get_db (klynge_window_get_context (window));
}

static GtkWidget *
show_page (KlyngeWindow *window)
{
  GtkWidget *page;

  page = klynge_ui_test_show_page (window, "clusters", KLYNGE_TYPE_CLUSTERS_PAGE);
  return page;
}

static void
add_clinic_and_member (KlyngeWindow *window,
                       gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  KlyngeDb *db = window_db (window);
  GtkWidget *form, *clinic_row, *search;
  gint64 clinic_id;

  g_assert_cmpuint (g_list_model_get_n_items (list_of (page, "members_view")), ==, KLYNGE_DEMO_N_GPS + 1);

  /* A clinic through the real editor; each bad field keeps Save disabled and says why. */
  gtk_widget_activate_action (page, "clusters.new-clinic", NULL);
  KLYNGE_UI_TEST_WAIT ((form = GTK_WIDGET (klynge_ui_test_find_toplevel (KLYNGE_TYPE_CLINIC_EDITOR))) != NULL);
  /* Ready to type the name, not on Cancel. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (form)), klynge_ui_test_find_named (form, "name")));
  g_assert_false (cluster_form_can_save (form));
  g_assert_cmpstr (cluster_form_problems (form), ==, "");

  type_into (form, "name", "Lægehuset Vest");
  g_assert_true (cluster_form_can_save (form));
  type_into (form, "number", "012345");
  g_assert_false (cluster_form_can_save (form));
  g_assert_true (gtk_widget_has_css_class (klynge_ui_test_find_named (form, "number"), "error"));
  g_assert_nonnull (strstr (cluster_form_problems (form), "already used by Lægehuset Østergade"));
  type_into (form, "number", "099999");
  g_assert_true (cluster_form_can_save (form));
  g_assert_false (gtk_widget_has_css_class (klynge_ui_test_find_named (form, "number"), "error"));

  type_into (form, "patients", "-300");
  g_assert_false (cluster_form_can_save (form));
  g_assert_nonnull (strstr (cluster_form_problems (form), "negative"));
  type_into (form, "patients", "many");
  g_assert_false (cluster_form_can_save (form));
  /* In English a full stop is the decimal point: 4.100 could be 4.1 or
   * the 4,100 a Danish writer means, and the form asks. */
  type_into (form, "patients", "4.100");
  g_assert_false (cluster_form_can_save (form));
  g_assert_nonnull (strstr (cluster_form_problems (form), "ambiguous"));
  type_into (form, "patients", "4,100");
  g_assert_true (cluster_form_can_save (form));

  type_into (form, "email", "post@vest");
  g_assert_false (cluster_form_can_save (form));
  type_into (form, "email", "post@vest.dk");
  type_into (form, "joined", "2026-02-30");
  g_assert_false (cluster_form_can_save (form));
  type_into (form, "joined", "2026-01-01");
  type_into (form, "name", "  ");
  g_assert_false (cluster_form_can_save (form));
  g_assert_nonnull (strstr (cluster_form_problems (form), "needs a name"));
  type_into (form, "name", "Lægehuset Vest");
  g_assert_true (cluster_form_can_save (form));
  /* Nothing has reached the database while the form was wrong. */
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM clinic WHERE name = 'Lægehuset Vest'", 0), ==, 0);

  gtk_widget_activate_action (form, "clinic.save", NULL);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (KLYNGE_TYPE_CLINIC_EDITOR) == NULL);
  clinic_id = klynge_test_count (db, "SELECT id FROM clinic WHERE name = 'Lægehuset Vest' AND provider_number = '099999' "
                                   "AND listed_patients = 4100 AND email = 'post@vest.dk'", 0);
  g_assert_cmpint (clinic_id, >, 0);
  g_assert_true (list_has (list_of (page, "clinics_view"), "Lægehuset Vest"));

  /* A member of it, with a role whose dates must make sense. */
  gtk_widget_activate_action (page, "clusters.new-member", NULL);
  KLYNGE_UI_TEST_WAIT ((form = GTK_WIDGET (klynge_ui_test_find_toplevel (KLYNGE_TYPE_MEMBER_EDITOR))) != NULL);
  g_assert_false (cluster_form_can_save (form));
  type_into (form, "name", "Ole Bach");
  type_into (form, "email", "ole bach@vest.dk");
  g_assert_false (cluster_form_can_save (form));
  type_into (form, "email", "ole@vest.dk");
  clinic_row = klynge_ui_test_find_named (form, "clinic");
  klynge_ui_test_pick (clinic_row, "Lægehuset Vest");
  gtk_widget_activate_action (form, "member.add-role", NULL);
  klynge_ui_test_settle ();
  {
    /* The roles list is the only list box of the form with an entry in it. */
    GtkWidget *row = klynge_ui_test_find_widget (klynge_ui_test_find_named (form, "roles"), GTK_TYPE_LIST_BOX_ROW);
    GtkEditable *from, *to;

    g_assert_nonnull (row);
    from = GTK_EDITABLE (klynge_ui_test_find_widget (row, GTK_TYPE_ENTRY));
    to = GTK_EDITABLE (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (GTK_WIDGET (from))));
    gtk_editable_set_text (from, "2026-01-01");
    gtk_editable_set_text (to, "2025-12-31");
    klynge_ui_test_settle ();
    g_assert_false (cluster_form_can_save (form));
    g_assert_nonnull (strstr (cluster_form_problems (form), "before the start"));
    gtk_editable_set_text (to, "");
    klynge_ui_test_settle ();
  }
  g_assert_true (cluster_form_can_save (form));
  gtk_widget_activate_action (form, "member.save", NULL);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (KLYNGE_TYPE_MEMBER_EDITOR) == NULL);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM member m JOIN member_role r ON r.member_id = m.id "
                                        "WHERE m.name = 'Ole Bach' AND m.email = 'ole@vest.dk' AND m.clinic_id = ?1 "
                                        "AND r.role = 'board' AND r.from_date = '2026-01-01' AND r.to_date IS NULL",
                                   clinic_id), ==, 1);
  g_assert_true (list_has (list_of (page, "members_view"), "Ole Bach"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (klynge_ui_test_find_named (page, "gps"))), ==, "25");

  /* Opened again, the editor shows the member's clinic and role, not the first of each. */
  gtk_widget_activate_action (page, "clusters.edit-member", "x",
                              klynge_test_count (db, "SELECT id FROM member WHERE name = 'Ole Bach'", 0));
  KLYNGE_UI_TEST_WAIT ((form = GTK_WIDGET (klynge_ui_test_find_toplevel (KLYNGE_TYPE_MEMBER_EDITOR))) != NULL);
  g_assert_cmpstr (klynge_ui_test_picked (klynge_ui_test_find_named (form, "clinic")), ==, "Lægehuset Vest");
  g_assert_cmpstr (klynge_ui_test_picked (klynge_ui_test_find_widget (klynge_ui_test_find_named (form, "roles"),
                                                                      GTK_TYPE_DROP_DOWN)), ==, "Board member");
  gtk_window_close (GTK_WINDOW (form));
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (KLYNGE_TYPE_MEMBER_EDITOR) == NULL);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (klynge_ui_test_find_named (page, "board"))), "Ole Bach"));

  /* The BCC line: every active member's address, the new one too. */
  {
    g_autofree char *emails = NULL;

    gtk_widget_activate_action (page, "clusters.copy-emails", NULL);
    klynge_ui_test_settle ();
    emails = klynge_ui_test_clipboard_text (page);
    g_assert_nonnull (strstr (emails, "ole@vest.dk"));
    g_assert_nonnull (strstr (emails, ", "));
  }

  /* Typing in the search field filters the list. */
  search = klynge_ui_test_find_named (page, "search");
  gtk_editable_set_text (GTK_EDITABLE (search), "ole b");
  KLYNGE_UI_TEST_WAIT (g_list_model_get_n_items (list_of (page, "members_view")) == 1);
  g_assert_true (list_has (list_of (page, "members_view"), "Ole Bach"));
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  KLYNGE_UI_TEST_WAIT (g_list_model_get_n_items (list_of (page, "members_view")) == KLYNGE_DEMO_N_GPS + 2);
}

static void
delete_and_undo (KlyngeWindow *window,
                 gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  KlyngeDb *db = window_db (window);
  gint64 member = klynge_test_count (db, "SELECT id FROM member WHERE name = 'Louise Madsen'", 0);
  gint64 clinic = klynge_test_count (db, "SELECT id FROM clinic WHERE provider_number = '012345'", 0);
  gint64 attendance = klynge_test_count (db, "SELECT count(*) FROM attendance WHERE member_id = ?1", member);
  AdwMessageDialog *dialog;

  /* A member: gone from the list and the database, then back with their history. */
  gtk_widget_activate_action (page, "clusters.delete-member", "x", member);
  KLYNGE_UI_TEST_WAIT (!list_has (list_of (page, "members_view"), "Louise Madsen"));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM member WHERE id = ?1", member), ==, 0);
  g_signal_emit_by_name (klynge_ui_test_find_toast_button (window, "_Undo"), "clicked");
  KLYNGE_UI_TEST_WAIT (list_has (list_of (page, "members_view"), "Louise Madsen"));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM attendance WHERE member_id = ?1", member), ==, attendance);

  /* The Delete key takes the selected row, and Undo brings it back too. */
  {
    GListModel *rows = list_of (page, "members_view");
    g_autoptr(KlyngeMember) first = g_list_model_get_item (rows, 0);
    g_autofree char *name = g_strdup (first->name);

    gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), 0, TRUE);
    gtk_widget_activate_action (page, "clusters.delete-selected", NULL);
    KLYNGE_UI_TEST_WAIT (!list_has (list_of (page, "members_view"), name));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    KLYNGE_UI_TEST_WAIT (list_has (list_of (page, "members_view"), name));
  }

  /* A clinic with members asks where they go; moving them leaves no orphans. */
  gtk_widget_activate_action (page, "clusters.delete-clinic", "x", clinic);
  KLYNGE_UI_TEST_WAIT ((dialog = ADW_MESSAGE_DIALOG (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL);
  g_assert_true (list_has (list_of (page, "clinics_view"), "Lægehuset Østergade"));
  adw_message_dialog_response (dialog, "move");
  KLYNGE_UI_TEST_WAIT (!list_has (list_of (page, "clinics_view"), "Lægehuset Østergade"));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM member WHERE clinic_id = ?1", clinic), ==, 0);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM member WHERE clinic_id IS NULL", 0), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list_of (page, "members_view")), ==, KLYNGE_DEMO_N_GPS + 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  KLYNGE_UI_TEST_WAIT (list_has (list_of (page, "clinics_view"), "Lægehuset Østergade"));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM member WHERE clinic_id = ?1", clinic), ==, 4);
}

static gint64
n_with_id (KlyngeDb   *db,
           gint64      member)
{
  return klynge_test_count (db, "SELECT count(*) FROM member WHERE id = ?1", member);
}

/* A deleted member stays undoable with Ctrl+Z after the toast has gone and
 * from another area, until something else changes; Shift+Ctrl+Z deletes
 * again. */
static void
undo_with_keys (KlyngeWindow *window,
                gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  KlyngeDb *db = window_db (window);
  gint64 member = klynge_test_count (db, "SELECT id FROM member WHERE name = 'Louise Madsen'", 0);
  gint64 attendance = klynge_test_count (db, "SELECT count(*) FROM attendance WHERE member_id = ?1", member);
  GtkWidget *toast_button;

  gtk_widget_activate_action (page, "clusters.delete-member", "x", member);
  KLYNGE_UI_TEST_WAIT (n_with_id (db, member) == 0);
  toast_button = klynge_ui_test_find_toast_button (window, "_Undo");
  g_assert_nonnull (toast_button);
  /* The toast goes; the undo stays. */
  klynge_ui_test_show_page (window, "data", KLYNGE_TYPE_DATA_PAGE);
  gtk_widget_grab_focus (klynge_ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (klynge_ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY)),
                               adw_toast_new ("Another toast"));
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toast_button (window, "_Undo") == NULL);

  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  KLYNGE_UI_TEST_WAIT (n_with_id (db, member) == 1);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM attendance WHERE member_id = ?1", member), ==, attendance);
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  KLYNGE_UI_TEST_WAIT (n_with_id (db, member) == 0);
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  KLYNGE_UI_TEST_WAIT (n_with_id (db, member) == 1);

  /* Back in the clusters area the list shows them again. */
  page = show_page (window);
  KLYNGE_UI_TEST_WAIT (list_has (list_of (page, "members_view"), "Louise Madsen"));

  /* After another change there is nothing to undo: it would not be safe. */
  gtk_widget_activate_action (page, "clusters.delete-member", "x", member);
  KLYNGE_UI_TEST_WAIT (n_with_id (db, member) == 0);
  g_assert_true (klynge_db_exec (db, "UPDATE cluster SET notes = 'changed'", NULL));
  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  klynge_ui_test_settle ();
  g_assert_cmpint (n_with_id (db, member), ==, 0);
}

/* The Charts area, shown for the first time, deals the clinics' letters and
 * stores them: bookkeeping that must not cost the user the undo of a delete
 * made just before. */
static void
undo_after_first_charts (KlyngeWindow *window,
                         gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  KlyngeDb *db = window_db (window);
  gint64 member = klynge_test_count (db, "SELECT id FROM member WHERE name = 'Louise Madsen'", 0);
  gint64 letters = klynge_test_count (db, "SELECT count(*) FROM clinic_letter", 0);

  gtk_widget_activate_action (page, "clusters.delete-member", "x", member);
  KLYNGE_UI_TEST_WAIT (n_with_id (db, member) == 0);

  klynge_ui_test_show_page (window, "charts", KLYNGE_TYPE_CHARTS_PAGE);
  KLYNGE_UI_TEST_WAIT (klynge_test_count (db, "SELECT count(*) FROM clinic_letter", 0) > letters);
  gtk_widget_grab_focus (klynge_ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));

  klynge_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK);
  KLYNGE_UI_TEST_WAIT (n_with_id (db, member) == 1);
}

static gboolean
editor_open (GType type)
{
  return klynge_ui_test_find_toplevel (type) != NULL;
}

static GtkWindow *
open_editor (GtkWidget  *page,
             const char *action,
             GVariant   *id,
             GType       type)
{
  gtk_widget_activate_action_variant (page, action, id);
  KLYNGE_UI_TEST_WAIT (editor_open (type));
  return klynge_ui_test_find_toplevel (type);
}

/* Typed work in an editor window is never dropped without asking: Escape
 * or closing the main window ask Save / Discard / Cancel. */
static void
editors_ask (KlyngeWindow *window,
             gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  KlyngeDb *db = window_db (window);
  gint64 member = klynge_test_count (db, "SELECT id FROM member WHERE name = 'Louise Madsen'", 0);
  gint64 clinic = klynge_test_count (db, "SELECT id FROM clinic WHERE provider_number = '012345'", 0);
  GtkWindow *editor;
  gboolean stays_open;

  /* A member: Escape asks, Save stores what was typed. */
  editor = open_editor (page, "clusters.edit-member", g_variant_new_int64 (member), KLYNGE_TYPE_MEMBER_EDITOR);
  klynge_ui_test_type_over (editor, klynge_ui_test_find_named (GTK_WIDGET (editor), "name"), "Louise Holm");
  klynge_ui_test_press_key (editor, GDK_KEY_Escape, 0);
  klynge_ui_test_respond ("save");
  KLYNGE_UI_TEST_WAIT (!editor_open (KLYNGE_TYPE_MEMBER_EDITOR));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM member WHERE id = ?1 AND name = 'Louise Holm'", member), ==, 1);

  /* A clinic: Cancel keeps editing what was typed; Discard leaves the file as it was. */
  editor = open_editor (page, "clusters.edit-clinic", g_variant_new_int64 (clinic), KLYNGE_TYPE_CLINIC_EDITOR);
  klynge_ui_test_type_over (editor, klynge_ui_test_find_named (GTK_WIDGET (editor), "name"), "Renamed");
  klynge_ui_test_press_key (editor, GDK_KEY_Escape, 0);
  klynge_ui_test_respond ("cancel");
  g_assert_true (editor_open (KLYNGE_TYPE_CLINIC_EDITOR));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (klynge_ui_test_find_named (GTK_WIDGET (editor), "name"))), ==, "Renamed");
  klynge_ui_test_press_key (editor, GDK_KEY_Escape, 0);
  klynge_ui_test_respond ("discard");
  KLYNGE_UI_TEST_WAIT (!editor_open (KLYNGE_TYPE_CLINIC_EDITOR));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM clinic WHERE name = 'Renamed'", 0), ==, 0);

  /* The cluster: closing the main window asks its editor first. */
  editor = open_editor (page, "clusters.edit-cluster", NULL, KLYNGE_TYPE_CLUSTER_EDITOR);
  klynge_ui_test_type_over (editor, klynge_ui_test_find_named (GTK_WIDGET (editor), "name"), "Klynge Syd");
  g_signal_emit_by_name (window, "close-request", &stays_open);
  g_assert_true (stays_open);
  klynge_ui_test_respond ("save");
  KLYNGE_UI_TEST_WAIT (!editor_open (KLYNGE_TYPE_CLUSTER_EDITOR));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM cluster WHERE name = 'Klynge Syd'", 0), ==, 1);

  /* Unchanged, Escape just closes. */
  editor = open_editor (page, "clusters.edit-member", g_variant_new_int64 (member), KLYNGE_TYPE_MEMBER_EDITOR);
  klynge_ui_test_press_key (editor, GDK_KEY_Escape, 0);
  KLYNGE_UI_TEST_WAIT (!editor_open (KLYNGE_TYPE_MEMBER_EDITOR));
  g_assert_null (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* The header bar's switcher shows the other cluster; the choice is remembered. */
static void
switch_cluster (KlyngeWindow *window,
                gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  KlyngeDb *db = window_db (window);
  gint64 nord = klynge_test_count (db, "SELECT id FROM cluster WHERE name = 'Almen Klynge Nord'", 0);
  GtkWidget *switcher = klynge_ui_test_find_named (GTK_WIDGET (window), "cluster-switcher");
  GtkMenuButton *button = GTK_MENU_BUTTON (switcher);
  GtkWidget *list, *row;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.klynge.Klynge");

  g_assert_nonnull (switcher);
  gtk_menu_button_popup (button);
  klynge_ui_test_settle ();
  list = klynge_ui_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (button)), GTK_TYPE_LIST_BOX);
  /* By name: "Aarhus Midt Quality Cluster" comes before "Almen Klynge Nord". */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  klynge_ui_test_settle ();

  g_assert_cmpint (klynge_context_get_cluster_id (klynge_window_get_context (window)), ==, nord);
  g_assert_cmpint (g_settings_get_int64 (settings, "cluster-id"), ==, nord);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (klynge_ui_test_find_named (page, "cluster-name"))), ==, "Almen Klynge Nord");
  g_assert_cmpuint (g_list_model_get_n_items (list_of (page, "members_view")), ==, 0);
}

static gboolean
shows_empty_state (GtkWidget  *page,
                   const char *name)
{
  GtkWidget *empty = klynge_ui_test_find_named (page, name);

  return gtk_widget_get_mapped (empty);
}

/* The search entry waits a moment after typing before it searches. */
static void
search_for (GtkWidget  *page,
            const char *text,
            gboolean    expect_empty)
{
  gtk_editable_set_text (GTK_EDITABLE (klynge_ui_test_find_named (page, "search")), text);
  KLYNGE_UI_TEST_WAIT (shows_empty_state (page, "members-empty") == expect_empty);
}

/* An empty list says what to do instead of showing bare column headers;
 * a search that matches nothing says so, without the buttons to add. */
static void
empty_states (KlyngeWindow *window,
              gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  GtkWidget *empty;

  g_assert_cmpuint (g_list_model_get_n_items (list_of (page, "members_view")), >, 0);
  g_assert_false (shows_empty_state (page, "members-empty"));
  search_for (page, "no such name anywhere", TRUE);
  g_assert_true (shows_empty_state (page, "members-empty"));
  empty = klynge_ui_test_find_named (page, "members-empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Matching Members");
  g_assert_null (klynge_ui_test_find_button (empty, "New Member…"));
  search_for (page, "", FALSE);
  g_assert_false (shows_empty_state (page, "members-empty"));

  klynge_context_set_cluster_id (klynge_window_get_context (window),
                                 klynge_test_count (window_db (window), "SELECT id FROM cluster WHERE name = 'Almen Klynge Nord'", 0));
  klynge_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (list_of (page, "members_view")), ==, 0);
  g_assert_true (shows_empty_state (page, "members-empty"));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Members Yet");
  g_assert_nonnull (klynge_ui_test_find_button (empty, "New Member…"));
  g_assert_nonnull (klynge_ui_test_find_button (empty, "Import a Member List…"));

  g_assert_cmpuint (g_list_model_get_n_items (list_of (page, "clinics_view")), ==, 0);
  g_assert_true (shows_empty_state (page, "clinics-empty"));
  g_assert_nonnull (klynge_ui_test_find_button (klynge_ui_test_find_named (page, "clinics-empty"), "New Clinic…"));
}

/* The cluster's own record through its editor; the summary follows. */
static void
edit_cluster (KlyngeWindow *window,
              gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  KlyngeDb *db = window_db (window);
  GtkWidget *form;

  gtk_widget_activate_action (page, "clusters.edit-cluster", NULL);
  KLYNGE_UI_TEST_WAIT ((form = GTK_WIDGET (klynge_ui_test_find_toplevel (g_type_from_name ("KlyngeClusterEditor")))) != NULL);
  g_assert_true (cluster_form_can_save (form));

  type_into (form, "threshold", "120");
  g_assert_false (cluster_form_can_save (form));
  g_assert_nonnull (strstr (cluster_form_problems (form), "percentage"));
  type_into (form, "threshold", "70");
  type_into (form, "minimum", "lots");
  g_assert_false (cluster_form_can_save (form));
  type_into (form, "minimum", "50,000");
  type_into (form, "founded", "2018-02-30");
  g_assert_false (cluster_form_can_save (form));
  type_into (form, "founded", "2018-09-01");
  type_into (form, "per-patient", "-1");
  g_assert_false (cluster_form_can_save (form));
  type_into (form, "per-patient", "5");
  type_into (form, "name", "");
  g_assert_false (cluster_form_can_save (form));
  type_into (form, "name", "Klynge Vest");
  g_assert_true (cluster_form_can_save (form));
  gtk_widget_activate_action (form, "cluster.save", NULL);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (g_type_from_name ("KlyngeClusterEditor")) == NULL);

  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM cluster WHERE name = 'Klynge Vest' AND min_listed_patients = 50000 "
                                        "AND attendance_threshold = 0.7 AND grant_per_patient = 500", 0), ==, 1);
  KLYNGE_UI_TEST_WAIT (g_strcmp0 (gtk_label_get_text (GTK_LABEL (klynge_ui_test_find_named (page, "cluster-name"))),
                                  "Klynge Vest") == 0);
  /* 48,000 listed patients no longer meet a minimum of 50,000. */
  KLYNGE_UI_TEST_WAIT (gtk_widget_has_css_class (klynge_ui_test_find_named (page, "patients"), "warning"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (klynge_ui_test_find_named (page, "patients"))), "48"));
}

/* Enter in the New Cluster dialog saves and closes it; Enter again (a key
 * repeat, an impatient second press) creates no twin. */
static void
new_cluster_enter (KlyngeWindow *window,
                   gpointer      user_data)
{
  KlyngeDb *db = window_db (window);
  GtkWidget *switcher = klynge_ui_test_find_named (GTK_WIDGET (window), "cluster-switcher");
  gint64 clusters = klynge_test_count (db, "SELECT count(*) FROM cluster", 0);
  GtkWidget *form, *text;
  GtkWindow *editor;

  show_page (window);
  gtk_widget_activate_action (switcher, "switcher.new-cluster", NULL);
  KLYNGE_UI_TEST_WAIT ((editor = klynge_ui_test_find_toplevel (g_type_from_name ("KlyngeClusterEditor"))) != NULL);
  form = GTK_WIDGET (editor);
  g_object_ref (editor);
  type_into (form, "name", "Klynge Syd");
  text = klynge_ui_test_find_widget (klynge_ui_test_find_named (form, "name"), GTK_TYPE_TEXT);
  g_assert_nonnull (text);
  g_object_ref (text);
  /* What Enter does in a text field: it activates it. */
  g_signal_emit_by_name (text, "activate");
  g_signal_emit_by_name (text, "activate");
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (g_type_from_name ("KlyngeClusterEditor")) == NULL);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM cluster", 0), ==, clusters + 1);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM cluster WHERE name = 'Klynge Syd'", 0), ==, 1);
  g_object_unref (text);
  g_object_unref (editor);
}

/* A member list from a file: the preview says what will happen, Import does it. */
static void
import_members (KlyngeWindow *window,
                gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  KlyngeDb *db = window_db (window);
  g_autofree char *path = klynge_test_data_path ("clusters/medlemsliste.csv");
  gint64 members = klynge_test_count (db, "SELECT count(*) FROM member", 0);
  GtkWidget *dialog = NULL;

  gtk_widget_activate_action (page, "clusters.import-members", "s", path);
  KLYNGE_UI_TEST_WAIT ((dialog = GTK_WIDGET (klynge_ui_test_find_toplevel (KLYNGE_TYPE_MEMBER_IMPORT_DIALOG))) != NULL);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (klynge_ui_test_find_named (dialog, "summary"))),
                            "From medlemsliste.csv: 3 new members, 1 row with a problem (left out), 1 new clinic"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
                      GTK_COLUMN_VIEW (klynge_ui_test_find_named (dialog, "rows"))))), ==, 4);
  /* Nothing is written before Import. */
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM member", 0), ==, members);

  gtk_widget_activate_action (dialog, "import.commit", NULL);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (KLYNGE_TYPE_MEMBER_IMPORT_DIALOG) == NULL);
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM member", 0), ==, members + 3);
  g_assert_true (list_has (list_of (page, "members_view"), "Søren Ærø"));
  g_assert_true (list_has (list_of (page, "clinics_view"), "Lægehuset Fjordvej"));
}

/* The open file chooser (GTK's own dialog under the tests). */
static GtkFileChooser *
wait_for_chooser (void)
{
  GtkWindow *chooser;

  KLYNGE_UI_TEST_WAIT ((chooser = klynge_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  return GTK_FILE_CHOOSER (chooser);
}

/* The chooser has settled on @path (it reads a folder it is sent to first). */
static gboolean
chooses (GtkFileChooser *chooser,
         const char     *path)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);

  return file != NULL && g_strcmp0 (g_file_peek_path (file), path) == 0;
}

/* What the file choosers were opened for reaches the file chosen: the
 * export's format, and the import with the file's name in its summary. */
static void
choosers (KlyngeWindow *window,
          gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *exported = g_build_filename (dir, "Members.pdf", NULL);
  g_autofree char *path = klynge_test_data_path ("clusters/medlemsliste.csv");
  g_autofree char *contents = NULL;
  GtkFileChooser *chooser;
  GtkWidget *dialog = NULL;
  gsize length = 0;

  /* The chooser starts in the working directory. */
  g_assert_cmpint (g_chdir (dir), ==, 0);
  gtk_widget_activate_action (page, "clusters.export", "s", "pdf");
  chooser = wait_for_chooser ();
  KLYNGE_UI_TEST_WAIT (chooses (chooser, exported));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
  KLYNGE_UI_TEST_WAIT (g_file_get_contents (exported, &contents, &length, NULL) && length > 0);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  gtk_widget_activate_action (page, "clusters.import-members", "s", "");
  chooser = wait_for_chooser ();
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (GTK_WIDGET (chooser)));
  /* Typed as a user would: the "/" opens the location entry. */
  klynge_ui_test_type (GTK_WINDOW (chooser), path);
  klynge_ui_test_press_key (GTK_WINDOW (chooser), GDK_KEY_Return, 0);
  KLYNGE_UI_TEST_WAIT ((dialog = GTK_WIDGET (klynge_ui_test_find_toplevel (KLYNGE_TYPE_MEMBER_IMPORT_DIALOG))) != NULL);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (klynge_ui_test_find_named (dialog, "summary"))),
                                   "From medlemsliste.csv: "));
  gtk_window_close (GTK_WINDOW (dialog));
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (KLYNGE_TYPE_MEMBER_IMPORT_DIALOG) == NULL);
  klynge_test_remove_tree (dir);
}

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The window opens on this area: if it needed more than a small laptop's
 * 800 px, every area would run past the screen. */
static void
fits_small_screen (KlyngeWindow *window,
                   gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  GtkLabel *name;
  int min_width;

  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 760);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 800);

  /* At that width the names stay whole (the list scrolls sideways) and so
   * does the estimated grant. */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  klynge_ui_test_settle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 800);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (klynge_ui_test_find_named (page, "grant")))));
  name = find_label (klynge_ui_test_find_named (page, "members_view"), "Birgitte Kristensen");
  g_assert_nonnull (name);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (name)));
  list_of (page, "clinics_view");
  klynge_ui_test_settle ();
  name = find_label (klynge_ui_test_find_named (page, "clinics_view"), "Lægeklinikken Bøgevej");
  g_assert_nonnull (name);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (name)));
}

/* A list a user would call usable: at 800×600 this many member rows are
 * whole on screen, under the summary. */
#define USABLE_ROWS 8

static guint
count_whole_rows (GtkWidget  *view,
                  GListModel *list)
{
  GtkWidget *scrolled = gtk_widget_get_parent (view);
  int height = gtk_widget_get_height (scrolled);
  guint whole = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KlyngeMember) member = g_list_model_get_item (list, i);
      GtkLabel *name = find_label (view, member->name);
      graphene_rect_t bounds;

      if (name != NULL && gtk_widget_get_mapped (GTK_WIDGET (name)) &&
          gtk_widget_compute_bounds (GTK_WIDGET (name), scrolled, &bounds) &&
          bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= height)
        whole++;
    }
  return whole;
}

/* The summary's figures stay on screen and whole, however short the window. */
static void
assert_figures_readable (KlyngeWindow *window,
                         GtkWidget    *page)
{
  const char *figures[] = { "clinics", "gps", "patients", "grant" };

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      GtkWidget *figure = klynge_ui_test_find_named (page, figures[i]);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_get_mapped (figure));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (figure)), !=, "");
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (figure))));
      g_assert_true (gtk_widget_compute_bounds (figure, GTK_WIDGET (window), &bounds));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (window)));
    }
}

static void
short_screen (KlyngeWindow *window,
              gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  GtkWidget *view = klynge_ui_test_find_named (page, "members_view");
  GListModel *list = list_of (page, "members_view");

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  klynge_ui_test_settle ();
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 600);
  g_assert_cmpuint (count_whole_rows (view, list), >=, USABLE_ROWS);
  assert_figures_readable (window, page);

  /* On a tall screen the summary is whole again, cards and all. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 900);
  klynge_ui_test_settle ();
  assert_figures_readable (window, page);
  g_assert_true (gtk_widget_has_css_class (klynge_ui_test_find_named (page, "grant"), "title-2"));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (klynge_ui_test_find_named (page, "board")))));
}

/* Rows are built a screenful at a time as the list scrolls: every member
 * and clinic must still be reachable, down to the last, on both tabs. */
#define LONG_LIST 120

/* Scrolls @view to its end, again as the rows made on the way change its
 * height, as a user holding End does; whether @last is shown. */
static gboolean
scrolled_to (GtkAdjustment *adjustment,
             GtkWidget     *view,
             const char    *last)
{
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  return find_label (view, last) != NULL;
}

static void
scroll_to_end (KlyngeWindow *window,
               GtkWidget    *page,
               const char   *view_name,
               const char   *count_sql,
               const char   *last)
{
  GtkWidget *view = klynge_ui_test_find_named (page, view_name);
  GListModel *list = list_of (page, view_name);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  guint all = klynge_test_count (window_db (window), count_sql,
                                 klynge_context_get_cluster_id (klynge_window_get_context (window)));

  g_assert_cmpuint (all, >, LONG_LIST);
  g_assert_cmpuint (g_list_model_get_n_items (list), <, all);
  g_assert_null (find_label (view, last));
  for (guint step = 0; step < 50 && g_list_model_get_n_items (list) < all; step++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      klynge_ui_test_settle ();
    }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, all);
  KLYNGE_UI_TEST_WAIT (scrolled_to (adjustment, view, last));
}

static void
long_lists (KlyngeWindow *window,
            gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  GtkWidget *members = klynge_ui_test_find_named (page, "members_view");
  GtkLabel *name;

  /* A member's notes are the tooltip of their name, and only theirs. */
  name = find_label (members, "Aaron Aagaard 000");
  g_assert_nonnull (name);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (name)));
  name = find_label (members, "Aaron Aagaard 002");
  g_assert_nonnull (name);
  g_assert_false (gtk_widget_get_has_tooltip (GTK_WIDGET (name)));

  scroll_to_end (window, page, "members_view", "SELECT count(*) FROM member WHERE cluster_id = ?",
                 "Zygmunt Zyskowski 119");
  scroll_to_end (window, page, "clinics_view", "SELECT count(*) FROM clinic WHERE cluster_id = ?",
                 "Zyskowski Klinik 119");
}

/* Rows to show before the edited one: a list long enough to have been
 * scrolled and grown well past its first screenful. */
#define EDITED_ROW 84

static guint
grow_list (GtkWidget *view,
           guint      n_rows)
{
  GListModel *list = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  for (guint step = 0; step < 50 && g_list_model_get_n_items (list) <= n_rows; step++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      klynge_ui_test_settle ();
    }
  g_assert_cmpuint (g_list_model_get_n_items (list), >, n_rows);
  return g_list_model_get_n_items (list);
}

/* Saving one record changes its row and nothing else: the list keeps its
 * rows, its scroll position and its selection. */
static void
save_keeps_place (KlyngeWindow *window,
                  gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  const char *views[] = { "members_view", "clinics_view" };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      gboolean members = v == 0;
      GListModel *list = list_of (page, views[v]);
      GtkWidget *view = klynge_ui_test_find_named (page, views[v]);
      GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
      guint n_rows = grow_list (view, EDITED_ROW);
      g_autoptr(GObject) edited = g_list_model_get_item (list, EDITED_ROW);
      const char *phone = members ? "+45 11 22 33 44" : "+45 99 88 77 66";
      GtkWidget *form;
      double value;

      gtk_selection_model_select_item (GTK_SELECTION_MODEL (list), EDITED_ROW, TRUE);
      klynge_ui_test_settle ();
      value = gtk_adjustment_get_value (adjustment);
      n_rows = g_list_model_get_n_items (list);

      gtk_widget_activate_action (page, "clusters.edit-selected", NULL);
      KLYNGE_UI_TEST_WAIT ((form = GTK_WIDGET (klynge_ui_test_find_toplevel (members ? KLYNGE_TYPE_MEMBER_EDITOR : KLYNGE_TYPE_CLINIC_EDITOR))) != NULL);
      type_into (form, "phone", phone);
      g_assert_true (cluster_form_can_save (form));
      gtk_widget_activate_action (form, members ? "member.save" : "clinic.save", NULL);
      KLYNGE_UI_TEST_WAIT (find_label (view, phone) != NULL);
      klynge_ui_test_settle ();

      g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_rows);
      g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (list)), ==, EDITED_ROW);
      g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (list)) == (gpointer) edited);
      g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);
    }
}

/* The list's count is grouped as the locale groups numbers: "1,226
 * members" with 1,200 added, and "1,200 of 1,226 shown" while a search
 * filters them. */
static void
counts_grouped (KlyngeWindow *window,
                gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  KlyngeContext *context = klynge_window_get_context (window);
  GtkLabel *count = GTK_LABEL (klynge_ui_test_find_named (page, "count"));
  guint n;
  g_autofree char *sql = NULL;
  g_autofree char *all = NULL;
  g_autofree char *shown = NULL;

  sql = g_strdup_printf ("INSERT INTO member (cluster_id, name) "
                         "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200) "
                         "SELECT %" G_GINT64_FORMAT ", 'Many ' || i FROM n",
                         klynge_context_get_cluster_id (context));
  g_assert_true (klynge_db_exec (klynge_context_get_db (context), sql, NULL));
  klynge_context_emit_changed (context);
  n = (guint) klynge_test_count (klynge_context_get_db (context), "SELECT count(*) FROM member WHERE cluster_id = ?",
                                 klynge_context_get_cluster_id (context));
  all = g_strdup_printf ("%u,%03u members", n / 1000, n % 1000);
  KLYNGE_UI_TEST_WAIT (g_str_equal (gtk_label_get_text (count), all));

  gtk_editable_set_text (GTK_EDITABLE (klynge_ui_test_find_named (page, "search")), "many");
  shown = g_strdup_printf ("1,200 of %u,%03u shown", n / 1000, n % 1000);
  KLYNGE_UI_TEST_WAIT (g_str_equal (gtk_label_get_text (count), shown));
}

static void
run (KlyngeUiTestFunc func)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);
  g_autofree char *path = g_strdup (klynge_db_get_path (db));

  g_assert_cmpint (klynge_cluster_create (db, "Almen Klynge Nord", NULL), >, 0);
  const char *argv[] = { "klynge", path, NULL };

  g_clear_object (&db);
  klynge_ui_test_run_app (argv, func, NULL);
  klynge_test_remove_tree (dir);
}

static void
run_long_lists (KlyngeUiTestFunc func)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  gint64 cluster = 0;
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, &cluster);
  g_autofree char *path = g_strdup (klynge_db_get_path (db));
  const char *argv[] = { "klynge", path, NULL };

  /* Names that sort first and last among the demo's own. */
  for (guint i = 0; i < LONG_LIST; i++)
    {
      g_autoptr(KlyngeMember) member = klynge_member_new ();
      g_autoptr(KlyngeClinic) clinic = klynge_clinic_new ();

      g_free (member->name);
      member->name = g_strdup_printf (i % 2 ? "Zygmunt Zyskowski %03u" : "Aaron Aagaard %03u", i);
      if (i == 0)
        {
          g_free (member->notes);
          member->notes = g_strdup ("Speaks at the spring meeting");
        }
      g_assert_true (klynge_member_save (db, cluster, member, NULL));
      g_free (clinic->name);
      clinic->name = g_strdup_printf ("Zyskowski Klinik %03u", i);
      g_free (clinic->provider_number);
      clinic->provider_number = g_strdup_printf ("9%05u", i);
      g_assert_true (klynge_clinic_save (db, cluster, clinic, NULL));
    }
  g_clear_object (&db);
  klynge_ui_test_run_app (argv, func, NULL);
  klynge_test_remove_tree (dir);
}

static void
test_long_lists (void)
{
  run_long_lists (long_lists);
}

static void
test_counts_grouped (void)
{
  run (counts_grouped);
}

static void
test_save_keeps_place (void)
{
  run_long_lists (save_keeps_place);
}

static void
test_add_clinic_and_member (void)
{
  run (add_clinic_and_member);
}

static void
test_delete_and_undo (void)
{
  run (delete_and_undo);
}

static void
test_undo_with_keys (void)
{
  run (undo_with_keys);
}

static void
test_undo_after_first_charts (void)
{
  run (undo_after_first_charts);
}

static void
test_editors_ask (void)
{
  run (editors_ask);
}

static void
test_switch_cluster (void)
{
  run (switch_cluster);
}

/* Members and clinics that cannot be read are not "no members yet", nor
 * the rows read before: each list says why where its rows would be. */
static void
unreadable_lists (KlyngeWindow *window,
                  gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  KlyngeContext *context = klynge_window_get_context (window);
  GtkWidget *members_empty = klynge_ui_test_find_named (page, "members-empty");
  GtkWidget *clinics_empty = klynge_ui_test_find_named (page, "clinics-empty");

  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (klynge_ui_test_find_named (page, "members_view")));
  g_assert_false (gtk_widget_get_mapped (members_empty));
  g_assert_true (klynge_db_exec (window_db (window), "ALTER TABLE member RENAME TO member_away", NULL));
  klynge_context_emit_changed (context);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (members_empty));
  g_assert_false (gtk_widget_get_mapped (klynge_ui_test_find_named (page, "members_view")));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (members_empty)), "member"));
  /* Nothing to add to a list that is not there. */
  g_assert_false (gtk_widget_get_visible (adw_status_page_get_child (ADW_STATUS_PAGE (members_empty))));

  gtk_stack_set_visible_child_name (GTK_STACK (klynge_ui_test_find_named (page, "lists")), "clinics");
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (clinics_empty));
  g_assert_false (gtk_widget_get_mapped (klynge_ui_test_find_named (page, "clinics_view")));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (clinics_empty)), "member"));

  g_assert_true (klynge_db_exec (window_db (window), "ALTER TABLE member_away RENAME TO member", NULL));
  klynge_context_emit_changed (context);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_mapped (klynge_ui_test_find_named (page, "clinics_view")));
}

/* A clinic with members whose other clinics cannot be read: the delete
 * dialog says why where the clinics to move them to would be, and offers
 * no move. */
static void
clinic_delete_unreadable (KlyngeWindow *window,
                          gpointer      user_data)
{
  GtkWidget *page = show_page (window);
  KlyngeDb *db = window_db (window);
  gint64 clinic = klynge_test_count (db, "SELECT id FROM clinic WHERE provider_number = '012345'", 0);
  AdwMessageDialog *dialog;
  GtkWidget *message;

  /* Reading that one clinic works; reading them all meets a row that fails. */
  g_assert_true (klynge_db_exec (db, "CREATE TEMP VIEW clinic AS SELECT * FROM main.clinic "
                                     "WHERE CASE WHEN provider_number = '012345' THEN 1 ELSE json ('{') END", NULL));
  gtk_widget_activate_action (page, "clusters.delete-clinic", "x", clinic);
  KLYNGE_UI_TEST_WAIT ((dialog = ADW_MESSAGE_DIALOG (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL);
  message = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_LABEL (message));
  g_assert_true (gtk_widget_has_css_class (message, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "JSON"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "move"));
  adw_message_dialog_response (dialog, "cancel");
  g_assert_true (klynge_db_exec (db, "DROP VIEW temp.clinic", NULL));
  g_assert_cmpint (klynge_test_count (db, "SELECT count(*) FROM clinic WHERE id = ?1", clinic), ==, 1);
}

/* Clusters that cannot be read: the switcher says why where they would be
 * listed, and archiving asks about no nameless cluster but says why. */
static void
unreadable_cluster (KlyngeWindow *window,
                    gpointer      user_data)
{
  KlyngeContext *context = klynge_window_get_context (window);
  GtkWidget *switcher = klynge_ui_test_find_named (GTK_WIDGET (window), "cluster-switcher");
  GtkWidget *error_label;
  AdwMessageDialog *dialog;

  show_page (window);
  g_assert_null (klynge_ui_test_find_error (switcher));
  /* Asked before the window knows: the action is still there. */
  g_assert_true (klynge_db_exec (window_db (window), "ALTER TABLE cluster RENAME TO cluster_away", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.archive-cluster", NULL));
  KLYNGE_UI_TEST_WAIT ((dialog = ADW_MESSAGE_DIALOG (klynge_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cluster"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  klynge_context_emit_changed (context);
  KLYNGE_UI_TEST_WAIT ((error_label = klynge_ui_test_find_error (switcher)) != NULL);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "cluster"));
  g_assert_true (klynge_db_exec (window_db (window), "ALTER TABLE cluster_away RENAME TO cluster", NULL));
  klynge_context_emit_changed (context);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_error (switcher) == NULL);
}

static void
test_unreadable_cluster (void)
{
  run (unreadable_cluster);
}

static void
test_unreadable_lists (void)
{
  run (unreadable_lists);
}

static void
test_clinic_delete_unreadable (void)
{
  run (clinic_delete_unreadable);
}

static void
test_empty_states (void)
{
  run (empty_states);
}

static void
test_edit_cluster (void)
{
  run (edit_cluster);
}

static void
test_new_cluster_enter (void)
{
  run (new_cluster_enter);
}

static void
test_fits_small_screen (void)
{
  run (fits_small_screen);
}

static void
test_short_screen (void)
{
  run (short_screen);
}

static void
test_import_members (void)
{
  run (import_members);
}

static void
test_choosers (void)
{
  run (choosers);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clusters/ui/add-clinic-and-member", test_add_clinic_and_member);
  g_test_add_func ("/clusters/ui/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/clusters/ui/undo-with-keys", test_undo_with_keys);
  g_test_add_func ("/clusters/ui/undo-after-first-charts", test_undo_after_first_charts);
  g_test_add_func ("/clusters/ui/editors-ask", test_editors_ask);
  g_test_add_func ("/clusters/ui/switch-cluster", test_switch_cluster);
  g_test_add_func ("/clusters/ui/empty-states", test_empty_states);
  g_test_add_func ("/clusters/ui/unreadable-lists", test_unreadable_lists);
  g_test_add_func ("/clusters/ui/unreadable-cluster", test_unreadable_cluster);
  g_test_add_func ("/clusters/ui/clinic-delete-unreadable", test_clinic_delete_unreadable);
  g_test_add_func ("/clusters/ui/edit-cluster", test_edit_cluster);
  g_test_add_func ("/clusters/ui/new-cluster-enter", test_new_cluster_enter);
  g_test_add_func ("/clusters/ui/import-members", test_import_members);
  g_test_add_func ("/clusters/ui/choosers", test_choosers);
  g_test_add_func ("/clusters/ui/fits-small-screen", test_fits_small_screen);
  g_test_add_func ("/clusters/ui/short-screen", test_short_screen);
  g_test_add_func ("/clusters/ui/long-lists", test_long_lists);
  g_test_add_func ("/clusters/ui/save-keeps-place", test_save_keeps_place);
  g_test_add_func ("/clusters/ui/counts-grouped", test_counts_grouped);

  return g_test_run ();
}
