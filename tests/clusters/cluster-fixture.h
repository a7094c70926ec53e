/* cluster-fixture.h — a fresh demo database for each test of the clusters area
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-test-utils.h"

typedef struct
{
  char     *dir;
  KlyngeDb *db;
  gint64    cluster;
} Fixture;

void fixture_set_up    (Fixture       *f,
                        gconstpointer  data);
void fixture_tear_down (Fixture       *f,
                        gconstpointer  data);
