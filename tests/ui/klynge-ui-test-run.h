/* klynge-ui-test-run.h — the real window on a fresh database of the tests
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inline, because klynge-ui-test-utils.c is also built without the core
 * test utilities (the benches use it).
 */

#pragma once

#include "klynge-test-utils.h"
#include "klynge-ui-test-utils.h"

static inline void
klynge_ui_test_run_on_file (char             *(*make) (const char *dir),
                            KlyngeUiTestFunc    func,
                            gpointer            user_data)
{
  g_autofree char *dir = klynge_test_make_tmpdir ();
  g_autofree char *path = make (dir);
  const char *argv[] = { "klynge", path, NULL };

  klynge_ui_test_run_app (argv, func, user_data);
  klynge_test_remove_tree (dir);
}

static inline char *
klynge_ui_test_make_demo (const char *dir)
{
  g_autoptr(KlyngeDb) db = klynge_test_open_demo (dir, NULL);

  return g_strdup (klynge_db_get_path (db));
}

/* Runs the app as klynge_ui_test_run_app() on a fresh copy of the demo
 * cluster, removed afterwards. */
static inline void
klynge_ui_test_run_on_demo (KlyngeUiTestFunc func,
                            gpointer         user_data)
{
  klynge_ui_test_run_on_file (klynge_ui_test_make_demo, func, user_data);
}

/* The same on a cluster with nothing in it. */
static inline void
klynge_ui_test_run_on_empty (KlyngeUiTestFunc func,
                             gpointer         user_data)
{
  klynge_ui_test_run_on_file (klynge_test_make_empty_cluster, func, user_data);
}
