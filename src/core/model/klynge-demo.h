/* klynge-demo.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"

G_BEGIN_DECLS

/* What klynge_demo_create() promises; tests hold it to these numbers. */
#define KLYNGE_DEMO_N_CLINICS         9
#define KLYNGE_DEMO_N_GPS            24
#define KLYNGE_DEMO_LISTED_PATIENTS  48000
/* Minor units: the bank balance the cluster (founded 2018) had when its
 * books moved into Klynge, before 2026, the first year booked there. */
#define KLYNGE_DEMO_OPENING_BALANCE  3845000
#define KLYNGE_DEMO_N_BOARD           5
#define KLYNGE_DEMO_N_PAST_MEETINGS   6
#define KLYNGE_DEMO_N_TOPICS          2
#define KLYNGE_DEMO_N_INDICATORS      6
#define KLYNGE_DEMO_N_PERIODS         3
/* The planned meeting's data requests: one per clinic and indicator of its
 * topic; the first clinics have delivered, one request is late. */
#define KLYNGE_DEMO_N_DATA_REQUESTS  (KLYNGE_DEMO_N_CLINICS * 3)
#define KLYNGE_DEMO_N_CLINICS_DELIVERED 4

gint64 klynge_demo_create (KlyngeDb  *db,
                           GError   **error);

G_END_DECLS
