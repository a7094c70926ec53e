/* klynge-finances-page.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-page.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_FINANCES_PAGE (klynge_finances_page_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeFinancesPage, klynge_finances_page, KLYNGE, FINANCES_PAGE, KlyngePage)

G_END_DECLS
