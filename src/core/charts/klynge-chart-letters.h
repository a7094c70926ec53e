/* klynge-chart-letters.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "klynge-db.h"

G_BEGIN_DECLS

/**
 * KlyngeChartLetter:
 * @position: 0 for A, 25 for Z, 26 for AA
 * @letter: the letter as shown
 * @clinic_id: the clinic, or 0 when it was deleted (its letter stays spent)
 * @clinic_name: (nullable): %NULL when the clinic was deleted
 * @given_on: (nullable): the ISO date the letter was dealt; %NULL when it
 *   could not be stored (a read-only database)
 *
 * One line of a meeting's letter key.
 */
typedef struct
{
  guint   position;
  char   *letter;
  gint64  clinic_id;
  char   *clinic_name;
  char   *given_on;
} KlyngeChartLetter;

char       *klynge_chart_letter_name      (guint          position);
GHashTable *klynge_chart_letters_deal     (KlyngeDb      *db,
                                           gint64         cluster_id,
                                           gint64         meeting_id,
                                           const GArray  *extra_clinics);
GPtrArray  *klynge_chart_letters_list     (KlyngeDb      *db,
                                           gint64         cluster_id,
                                           gint64         meeting_id,
                                           GError       **error);
gboolean    klynge_chart_letters_export   (KlyngeDb      *db,
                                           gint64         cluster_id,
                                           gint64         meeting_id,
                                           const char    *path,
                                           GError       **error);

G_END_DECLS
