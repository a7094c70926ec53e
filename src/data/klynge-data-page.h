/* klynge-data-page.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-page.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_DATA_PAGE (klynge_data_page_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeDataPage, klynge_data_page, KLYNGE, DATA_PAGE, KlyngePage)

/* Opens the import assistant on @file (from the file chooser or a drop). */
void     klynge_data_page_import_file   (KlyngeDataPage *self,
                                         GFile          *file);
/* While an undo writes, an import would wait on it or collide: says so and
 * returns TRUE, wherever the file was dropped. */
gboolean klynge_data_page_refuse_import (KlyngeDataPage *self);

G_END_DECLS
