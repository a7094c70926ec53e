/* klynge-rules.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Field rules shared by the editors (which check each field as it is typed)
 * and the save functions (which check everything again before writing).
 * Each returns FALSE with a translated message in @error. */

gboolean klynge_rules_check_required (const char  *text,
                                      const char  *message,
                                      GError     **error);
gboolean klynge_rules_check_email    (const char  *email,
                                      GError     **error);
gboolean klynge_rules_check_date     (const char  *date,
                                      GError     **error);
gboolean klynge_rules_check_period   (const char  *from,
                                      const char  *to,
                                      GError     **error);
gboolean klynge_rules_parse_percent  (const char  *text,
                                      double      *fraction,
                                      GError     **error);
/* TRUE when @date (ISO, may be empty) is on or before @today (ISO). */
gboolean klynge_rules_date_reached   (const char  *date,
                                      const char  *today);
/* Today in the local time zone, "2026-11-24". */
char    *klynge_rules_today          (void);
/* Empty or blank text as NULL, else a trimmed copy. */
char    *klynge_rules_strip_or_null  (const char  *text);

G_END_DECLS
