/* test-choice.c — a drop-down's choices: ids and codes with their labels
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-choice.h"

static const char *
shout (const char *key)
{
  return g_str_equal (key, "gp") ? "GP" : g_str_equal (key, "nurse") ? "NURSE" : "OTHER";
}

static void
test_ids (void)
{
  g_autoptr(GListStore) choices = klynge_choices_new ();
  g_autoptr(KlyngeChoice) none = NULL;
  g_autoptr(KlyngeChoice) second = NULL;
  g_autofree char *label = NULL;
  gint64 id = -1;

  klynge_choices_append (choices, 0, "No clinic");
  klynge_choices_append (choices, 42, "Harbour Practice");
  klynge_choices_append (choices, 7, "Hill Clinic");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (choices)), ==, 3);
  g_assert_cmpuint (klynge_choices_find_id (G_LIST_MODEL (choices), 0), ==, 0);
  g_assert_cmpuint (klynge_choices_find_id (G_LIST_MODEL (choices), 42), ==, 1);
  g_assert_cmpuint (klynge_choices_find_id (G_LIST_MODEL (choices), 7), ==, 2);
  g_assert_cmpuint (klynge_choices_find_id (G_LIST_MODEL (choices), 8), ==, KLYNGE_CHOICE_NOT_FOUND);
  g_assert_cmpuint (klynge_choices_find_key (G_LIST_MODEL (choices), "42"), ==, KLYNGE_CHOICE_NOT_FOUND);

  none = g_list_model_get_item (G_LIST_MODEL (choices), 0);
  g_assert_cmpint (klynge_choice_get_id (none), ==, 0);
  g_assert_null (klynge_choice_get_key (none));
  g_assert_cmpstr (klynge_choice_get_label (none), ==, "No clinic");

  /* What a drop-down's expression and a row's binding read. */
  second = g_list_model_get_item (G_LIST_MODEL (choices), 1);
  g_object_get (second, "id", &id, "label", &label, NULL);
  g_assert_cmpint (id, ==, 42);
  g_assert_cmpstr (label, ==, "Harbour Practice");
}

static void
test_keys (void)
{
  const char * const keys[] = { "gp", "nurse", "other", NULL };
  g_autoptr(GListStore) choices = klynge_choices_new_for_keys (keys, shout);
  g_autoptr(KlyngeChoice) nurse = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (choices)), ==, 3);
  g_assert_cmpuint (klynge_choices_find_key (G_LIST_MODEL (choices), "gp"), ==, 0);
  g_assert_cmpuint (klynge_choices_find_key (G_LIST_MODEL (choices), "other"), ==, 2);
  g_assert_cmpuint (klynge_choices_find_key (G_LIST_MODEL (choices), "GP"), ==, KLYNGE_CHOICE_NOT_FOUND);
  g_assert_cmpuint (klynge_choices_find_key (G_LIST_MODEL (choices), NULL), ==, KLYNGE_CHOICE_NOT_FOUND);

  nurse = g_list_model_get_item (G_LIST_MODEL (choices), 1);
  g_assert_cmpstr (klynge_choice_get_key (nurse), ==, "nurse");
  g_assert_cmpstr (klynge_choice_get_label (nurse), ==, "NURSE");
  g_assert_cmpint (klynge_choice_get_id (nurse), ==, 0);

  klynge_choices_append_key (choices, "locum", "Locum");
  g_assert_cmpuint (klynge_choices_find_key (G_LIST_MODEL (choices), "locum"), ==, 3);

  /* Names the user gave are their own labels. */
  klynge_choices_append_names (choices, (const char * const[]) { "Region export", NULL });
  g_assert_cmpuint (klynge_choices_find_key (G_LIST_MODEL (choices), "Region export"), ==, 4);
  klynge_choices_append_names (choices, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (choices)), ==, 5);
}

/* A clinic shown by its letter is found by its id and by its name. */
static void
test_full (void)
{
  g_autoptr(GListStore) choices = klynge_choices_new ();
  g_autoptr(KlyngeChoice) b = NULL;

  klynge_choices_append (choices, 0, "Choose…");
  klynge_choices_append_full (choices, 12, "Harbour Practice", "Clinic A");
  klynge_choices_append_full (choices, 31, "Hill Clinic", "Clinic B");

  g_assert_cmpuint (klynge_choices_find_key (G_LIST_MODEL (choices), "Hill Clinic"), ==, 2);
  g_assert_cmpuint (klynge_choices_find_key (G_LIST_MODEL (choices), "Clinic B"), ==, KLYNGE_CHOICE_NOT_FOUND);
  g_assert_cmpuint (klynge_choices_find_id (G_LIST_MODEL (choices), 31), ==, 2);
  b = g_list_model_get_item (G_LIST_MODEL (choices), 2);
  g_assert_cmpint (klynge_choice_get_id (b), ==, 31);
  g_assert_cmpstr (klynge_choice_get_key (b), ==, "Hill Clinic");
  g_assert_cmpstr (klynge_choice_get_label (b), ==, "Clinic B");
}

static void
test_equal (void)
{
  g_autoptr(GListStore) a = klynge_choices_new ();
  g_autoptr(GListStore) b = klynge_choices_new ();
  g_autoptr(GListStore) labels_only = g_list_store_new (G_TYPE_OBJECT);

  g_assert_true (klynge_choices_equal (NULL, NULL));
  g_assert_true (klynge_choices_equal (G_LIST_MODEL (a), NULL));

  klynge_choices_append (a, 2025, "2025");
  klynge_choices_append (a, 2026, "2026");
  g_assert_false (klynge_choices_equal (G_LIST_MODEL (a), NULL));
  g_assert_false (klynge_choices_equal (NULL, G_LIST_MODEL (a)));
  klynge_choices_append (b, 2025, "2025");
  g_assert_false (klynge_choices_equal (G_LIST_MODEL (a), G_LIST_MODEL (b)));
  klynge_choices_append (b, 2026, "2026");
  g_assert_true (klynge_choices_equal (G_LIST_MODEL (a), G_LIST_MODEL (b)));

  /* Renamed or moved, the choices differ. */
  g_list_store_remove (b, 1);
  klynge_choices_append (b, 2026, "2026 (locked)");
  g_assert_false (klynge_choices_equal (G_LIST_MODEL (a), G_LIST_MODEL (b)));
  g_list_store_remove_all (b);
  klynge_choices_append (b, 2026, "2026");
  klynge_choices_append (b, 2025, "2025");
  g_assert_false (klynge_choices_equal (G_LIST_MODEL (a), G_LIST_MODEL (b)));

  g_list_store_append (labels_only, a);
  g_list_store_append (labels_only, b);
  g_assert_false (klynge_choices_equal (G_LIST_MODEL (labels_only), G_LIST_MODEL (a)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/choice/ids", test_ids);
  g_test_add_func ("/choice/keys", test_keys);
  g_test_add_func ("/choice/full", test_full);
  g_test_add_func ("/choice/equal", test_equal);

  return g_test_run ();
}
