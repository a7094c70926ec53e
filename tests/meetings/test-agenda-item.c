/* test-agenda-item.c — an agenda item's properties
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-agenda-item.h"

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *n)
{
  (*n)++;
}

static void
test_properties (void)
{
  g_autoptr(KlyngeAgendaItem) item = klynge_agenda_item_new ("Our data", "data", 30);
  g_autofree char *title = NULL, *kind = NULL, *label = NULL, *notes = NULL;
  int minutes, start;

  g_object_get (item, "title", &title, "kind", &kind, "kind-label", &label, "notes", &notes,
                "duration-minutes", &minutes, "start-minutes", &start, NULL);
  g_assert_cmpstr (title, ==, "Our data");
  g_assert_cmpstr (kind, ==, "data");
  g_assert_cmpstr (label, ==, "Data presentation");
  g_assert_cmpstr (notes, ==, "");
  g_assert_cmpint (minutes, ==, 30);
  g_assert_cmpint (start, ==, 0);
  g_assert_true (g_strv_contains (klynge_agenda_kinds (), "break"));
}

/* A start time that did not move does not notify. */
static void
test_start_notifies_on_change (void)
{
  g_autoptr(KlyngeAgendaItem) item = klynge_agenda_item_new ("Groups", "group", 45);
  guint n = 0;

  g_signal_connect (item, "notify::start-minutes", G_CALLBACK (count_cb), &n);
  klynge_agenda_item_set_start_minutes (item, 0);
  g_assert_cmpuint (n, ==, 0);
  klynge_agenda_item_set_start_minutes (item, 40);
  klynge_agenda_item_set_start_minutes (item, 40);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (item->start_minutes, ==, 40);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meetings/agenda-item/properties", test_properties);
  g_test_add_func ("/meetings/agenda-item/start-notifies-on-change", test_start_notifies_on_change);

  return g_test_run ();
}
