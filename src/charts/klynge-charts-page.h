/* klynge-charts-page.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-page.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_CHARTS_PAGE (klynge_charts_page_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeChartsPage, klynge_charts_page, KLYNGE, CHARTS_PAGE, KlyngePage)

gint64 klynge_charts_page_get_meeting (KlyngeChartsPage *self);

G_END_DECLS
