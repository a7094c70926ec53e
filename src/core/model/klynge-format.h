/* klynge-format.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *klynge_format_integer   (gint64      value);
char *klynge_format_date      (const char *iso_date);
char *klynge_format_date_time (const char *iso_date_time);
gboolean klynge_format_day_first (void);
char *klynge_format_date_short (const char *iso_date);
gboolean klynge_date_from_iso  (const char  *text,
                                int         *year,
                                int         *month,
                                int         *day);
char *klynge_parse_date        (const char  *text,
                                GError     **error);
gboolean klynge_parse_optional_date (const char  *text,
                                     char       **iso,
                                     GError     **error);

G_END_DECLS
