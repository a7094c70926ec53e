/* test-dates-ui.c — a Danish user types, picks and reads dates their way
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its own program: the language and the locale are the process's, chosen
 * before GTK starts.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "cluster-form.h"
#include "klynge-clusters-page.h"
#include "klynge-date-popover.h"
#include "klynge-date-row.h"
#include "klynge-format.h"
#include "klynge-member-editor.h"
#include "klynge-rules.h"
#include "klynge-ui-test-run.h"

static GtkWidget *
field (GtkWidget  *form,
       const char *name)
{
  GtkWidget *widget = klynge_ui_test_find_named (form, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
type_into (GtkWidget  *widget,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
  klynge_ui_test_settle ();
}

static GtkWidget *
open_editor (GtkWidget  *page,
             const char *action,
             GVariant   *member_id)
{
  GtkWidget *form;

  gtk_widget_activate_action_variant (page, action, member_id);
  KLYNGE_UI_TEST_WAIT ((form = GTK_WIDGET (klynge_ui_test_find_toplevel (KLYNGE_TYPE_MEMBER_EDITOR))) != NULL);
  return form;
}

/* Opens the field's calendar, picks @iso in it as a click would. */
static void
pick_from_calendar (GtkWidget  *row,
                    const char *iso)
{
  GtkWidget *popover = klynge_ui_test_find_widget (row, KLYNGE_TYPE_DATE_POPOVER);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autofree char *midnight = g_strconcat (iso, "T00:00:00", NULL);
  g_autoptr(GDateTime) day = g_date_time_new_from_iso8601 (midnight, tz);
  g_autoptr(GDateTime) shown = NULL;

  g_assert_nonnull (popover);
  gtk_widget_activate_action (row, "date.show-calendar", NULL);
  KLYNGE_UI_TEST_WAIT (gtk_widget_get_visible (popover));
  /* It opens on the field's date, or today when it has none. */
  shown = gtk_calendar_get_date (GTK_CALENDAR (klynge_ui_test_find_widget (popover, GTK_TYPE_CALENDAR)));
  {
    g_autofree char *typed = klynge_parse_date (gtk_editable_get_text (GTK_EDITABLE (row)), NULL);
    g_autofree char *opened = g_date_time_format (shown, "%Y-%m-%d");

    if (typed == NULL)
      typed = klynge_rules_today ();
    g_assert_cmpstr (opened, ==, typed);
  }
  gtk_calendar_select_day (GTK_CALENDAR (klynge_ui_test_find_widget (popover, GTK_TYPE_CALENDAR)), day);
  gtk_widget_activate_action (popover, "date.pick", NULL);
  KLYNGE_UI_TEST_WAIT (!gtk_widget_get_visible (popover));
}

static void
danish_dates (KlyngeWindow *window,
              gpointer      user_data)
{
  KlyngeDb *db = klynge_context_get_db (klynge_window_get_context (window));
  GtkWidget *page, *form, *role, *from, *to;
  g_autofree char *today = NULL;
  g_autofree char *today_shown = NULL;
  gint64 member_id;

  page = klynge_ui_test_show_page (window, "clusters", KLYNGE_TYPE_CLUSTERS_PAGE);
  form = open_editor (page, "clusters.new-member", NULL);

  /* The title says how to write the date; the Danish way is read. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field (form, "joined"))), ==,
                   "Indtrådt (dag-måned-år)");
  type_into (field (form, "name"), "Ida Holm");
  type_into (field (form, "joined"), "1.3.2026");
  g_assert_true (cluster_form_can_save (form));

  /* Not a date: the field is red, says why in Danish, and Save waits. */
  type_into (field (form, "left"), "31.02.2026");
  g_assert_false (cluster_form_can_save (form));
  g_assert_true (gtk_widget_has_css_class (field (form, "left"), "error"));
  g_assert_nonnull (strstr (cluster_form_problems (form), "“31.02.2026” er ikke en dato"));
  /* Before joining: the dates in the message are written the Danish way. */
  type_into (field (form, "left"), "28/2/2026");
  g_assert_false (cluster_form_can_save (form));
  g_assert_nonnull (strstr (cluster_form_problems (form), "Slutdatoen 28-02-2026 ligger før startdatoen 01-03-2026"));
  type_into (field (form, "left"), "");
  g_assert_true (cluster_form_can_save (form));
  g_assert_false (gtk_widget_has_css_class (field (form, "left"), "error"));

  /* The calendar opens on the date typed and writes the day picked back. */
  pick_from_calendar (field (form, "joined"), "2026-03-15");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (form, "joined"))), ==, "15-03-2026");
  type_into (field (form, "left"), "");
  pick_from_calendar (field (form, "left"), "2027-06-30");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (form, "left"))), ==, "30-06-2027");

  /* A new role starts today, shown the Danish way; its dates are read so too. */
  gtk_widget_activate_action (form, "member.add-role", NULL);
  klynge_ui_test_settle ();
  role = klynge_ui_test_find_widget (field (form, "roles"), GTK_TYPE_LIST_BOX_ROW);
  from = klynge_ui_test_find_widget (role, GTK_TYPE_ENTRY);
  to = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (from));
  today = klynge_rules_today ();
  today_shown = klynge_format_date_short (today);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, today_shown);
  type_into (from, "1.4.26");
  type_into (to, "31.3.2026");
  g_assert_false (cluster_form_can_save (form));
  g_assert_true (gtk_widget_has_css_class (to, "error"));
  pick_from_calendar (to, "2026-12-31");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to)), ==, "31-12-2026");
  g_assert_false (gtk_widget_has_css_class (to, "error"));
  g_assert_true (cluster_form_can_save (form));

  gtk_widget_activate_action (form, "member.save", NULL);
  KLYNGE_UI_TEST_WAIT (klynge_ui_test_find_toplevel (KLYNGE_TYPE_MEMBER_EDITOR) == NULL);
  /* The database keeps ISO 8601. */
  member_id = klynge_test_count (db, "SELECT m.id FROM member m JOIN member_role r ON r.member_id = m.id "
                                   "WHERE m.name = 'Ida Holm' AND m.joined_on = '2026-03-15' "
                                   "AND m.left_on = '2027-06-30' AND r.from_date = '2026-04-01' "
                                   "AND r.to_date = '2026-12-31'", 0);
  g_assert_cmpint (member_id, >, 0);

  /* Opened again, the dates read the Danish way. */
  form = open_editor (page, "clusters.edit-member", g_variant_new_int64 (member_id));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (form, "joined"))), ==, "15-03-2026");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (form, "left"))), ==, "30-06-2027");
  gtk_window_close (GTK_WINDOW (form));
}

static void
test_danish_dates (void)
{
  klynge_ui_test_run_on_demo (danish_dates, NULL);
}

int
main (int   argc,
      char *argv[])
{
  klynge_ui_test_use_language (TRUE, BUILD_LOCALEDIR);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/clusters/ui/danish-dates", test_danish_dates);
  return g_test_run ();
}
