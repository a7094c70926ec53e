/* klynge-error.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "klynge-error.h"

G_DEFINE_QUARK (klynge-error-quark, klynge_error)
