/* cluster-fixture.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cluster-fixture.h"

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = klynge_test_make_tmpdir ();
  f->db = klynge_test_open_demo (f->dir, &f->cluster);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  klynge_test_remove_tree (f->dir);
  g_free (f->dir);
}
