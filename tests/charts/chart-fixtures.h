/* chart-fixtures.h — the charts the rendering tests and the bench draw
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-chart.h"

G_BEGIN_DECLS

/* @n clinics with counts drawn from a fixed seed around 31 %, a few off. */
KlyngeChartData *chart_fixture_clinics       (guint n);
/* Three periods, for the run chart and before/after. */
KlyngeChartData *chart_fixture_periods       (void);
KlyngeChartData *chart_fixture_series        (guint n_clinics,
                                              guint n_periods,
                                              double level);
KlyngeChartData *chart_fixture_attendance    (void);
/* The demo's HbA1c funnel: clinics D and F side by side, F on the cluster's line. */
KlyngeChartData *chart_fixture_close_pair    (void);

G_END_DECLS
