/* test-store-sync.c — a store of records brought up to date in place
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "klynge-store-sync.h"
#include "klynge-test-utils.h"

/* A record as the stores hold them: an id and a value that notifies. */
#define TEST_TYPE_RECORD (test_record_get_type ())
G_DECLARE_FINAL_TYPE (TestRecord, test_record, TEST, RECORD, GObject)

struct _TestRecord
{
  GObject  parent_instance;
  gint64   id;
  char    *name;
};

G_DEFINE_FINAL_TYPE (TestRecord, test_record, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
test_record_finalize (GObject *object)
{
  g_free (TEST_RECORD (object)->name);
  G_OBJECT_CLASS (test_record_parent_class)->finalize (object);
}

static void
test_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (prop_id == PROP_ID)
    g_value_set_int64 (value, TEST_RECORD (object)->id);
  else
    g_value_set_string (value, TEST_RECORD (object)->name);
}

static void
test_record_class_init (TestRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_record_finalize;
  G_OBJECT_CLASS (klass)->get_property = test_record_get_property;
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
test_record_init (TestRecord *self)
{
}

static gboolean
update (gpointer item,
        gpointer from)
{
  TestRecord *self = item;
  g_autoptr(TestRecord) fresh = from;

  if (g_strcmp0 (self->name, fresh->name) == 0)
    return FALSE;
  g_free (self->name);
  self->name = g_steal_pointer (&fresh->name);
  g_object_notify_by_pspec (item, properties[PROP_NAME]);
  return TRUE;
}

/* A list of records from "id:name id:name …". */
static GListModel *
records (const char *spec)
{
  GListStore *store = g_list_store_new (TEST_TYPE_RECORD);
  g_auto(GStrv) items = g_strsplit (spec, " ", -1);

  for (guint i = 0; items[i] != NULL && *items[i] != '\0'; i++)
    {
      g_autoptr(TestRecord) record = g_object_new (TEST_TYPE_RECORD, NULL);
      char *colon = strchr (items[i], ':');

      record->id = g_ascii_strtoll (items[i], NULL, 10);
      record->name = g_strdup (colon + 1);
      g_list_store_append (store, record);
    }
  return G_LIST_MODEL (store);
}

static char *
describe (GListModel *model)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TestRecord) record = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%" G_GINT64_FORMAT ":%s", i > 0 ? " " : "", record->id, record->name);
    }
  return g_string_free (text, FALSE);
}

/* Syncs a store holding @before with @after: what the store then holds,
 * the one items-changed it announced, and that it kept its objects. */
static void
check_sync (const char *before,
            const char *after,
            const char *announced)
{
  g_autoptr(GListModel) store = records (before);
  g_autoptr(GListModel) fresh = records (after);
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  g_autofree char *now = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(TestRecord) record = g_list_model_get_item (store, i);

      g_hash_table_insert (kept, GINT_TO_POINTER ((int) record->id), record);
    }
  klynge_test_log_items_changed (store, changes);
  g_assert_cmpint (klynge_store_sync (G_LIST_STORE (store), fresh, update), ==, *announced != '\0');
  now = describe (store);
  g_assert_cmpstr (now, ==, after);
  g_assert_cmpstr (changes->str, ==, announced);
  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(TestRecord) record = g_list_model_get_item (store, i);
      gpointer old = g_hash_table_lookup (kept, GINT_TO_POINTER ((int) record->id));

      g_assert_true (old == NULL || old == (gpointer) record);
    }
  g_signal_handlers_disconnect_by_data (store, changes);
}

static void
test_unchanged (void)
{
  check_sync ("", "", "");
  check_sync ("1:a 2:b 3:c", "1:a 2:b 3:c", "");
}

static void
test_changed (void)
{
  check_sync ("1:a 2:b 3:c", "1:a 2:B 3:c", "(1,1,1)");
  check_sync ("1:a 2:b 3:c 4:d", "1:A 2:b 3:c 4:D", "(0,4,4)");
}

static void
test_removed_added (void)
{
  check_sync ("1:a 2:b 3:c", "1:a 3:c", "(1,1,0)");
  check_sync ("1:a 3:c", "1:a 2:b 3:c", "(1,0,1)");
  check_sync ("1:a 2:b", "1:a 2:b 3:c", "(2,0,1)");
  check_sync ("1:a 2:b", "", "(0,2,0)");
  check_sync ("", "1:a", "(0,0,1)");
}

/* A record that moves keeps its object, in its new place. */
static void
test_moved (void)
{
  check_sync ("1:a 2:b 3:c 4:d", "1:a 3:c 2:b 4:d", "(1,2,2)");
  check_sync ("1:a 2:b 3:c", "3:c 1:a 2:b", "(0,3,3)");
}

static void
test_notify (void)
{
  g_autoptr(GListModel) store = records ("1:a 2:b");
  g_autoptr(GListModel) fresh = records ("1:a 2:z");
  g_autoptr(TestRecord) first = g_list_model_get_item (store, 0);
  g_autoptr(TestRecord) second = g_list_model_get_item (store, 1);
  g_autoptr(GPtrArray) first_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) second_names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first_notified = NULL;
  g_autofree char *second_notified = NULL;

  klynge_test_log_notify (first, first_names);
  klynge_test_log_notify (second, second_names);
  klynge_store_sync (G_LIST_STORE (store), fresh, update);
  first_notified = klynge_test_take_names (first_names);
  second_notified = klynge_test_take_names (second_names);
  g_assert_cmpstr (first_notified, ==, "");
  g_assert_cmpstr (second_notified, ==, "name");
  g_signal_handlers_disconnect_by_data (first, first_names);
  g_signal_handlers_disconnect_by_data (second, second_names);
  g_assert_cmpstr (second->name, ==, "z");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/store-sync/unchanged", test_unchanged);
  g_test_add_func ("/model/store-sync/changed", test_changed);
  g_test_add_func ("/model/store-sync/removed-added", test_removed_added);
  g_test_add_func ("/model/store-sync/moved", test_moved);
  g_test_add_func ("/model/store-sync/notify", test_notify);

  return g_test_run ();
}
