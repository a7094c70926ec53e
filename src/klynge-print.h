/* klynge-print.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "klynge-document.h"

G_BEGIN_DECLS

gboolean klynge_print_document   (GtkWindow                *parent,
                                  KlyngeDocument           *document,
                                  GtkPrintOperationAction   action,
                                  const char               *export_filename,
                                  GError                  **error);
void     klynge_print_page_setup (GtkWindow                *parent);

G_END_DECLS
