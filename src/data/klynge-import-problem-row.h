/* klynge-import-problem-row.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-import.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_IMPORT_PROBLEM_ROW (klynge_import_problem_row_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeImportProblemRow, klynge_import_problem_row, KLYNGE, IMPORT_PROBLEM_ROW, AdwComboRow)

GtkWidget               *klynge_import_problem_row_new       (const KlyngeImportProblem *problem,
                                                              const char                *title,
                                                              const char                *subtitle,
                                                              GListModel                *choices);
const char              *klynge_import_problem_row_get_alias (KlyngeImportProblemRow    *self);
KlyngeImportProblemKind  klynge_import_problem_row_get_kind  (KlyngeImportProblemRow    *self);

G_END_DECLS
