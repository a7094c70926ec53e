/* klynge-field-check.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The editors check every field as it is typed: a field with a problem is
 * marked red with the problem as its tooltip, and the problems are listed
 * under the form, so the user sees why Save stays disabled. */
typedef struct
{
  GString *problems;
  guint    n_problems;
} KlyngeFieldCheck;

void     klynge_field_check_init   (KlyngeFieldCheck *check);
/* Marks @field with @error (taking it), or clears the mark when @error is NULL. */
void     klynge_field_check_mark   (KlyngeFieldCheck *check,
                                    GtkWidget        *field,
                                    GError           *error);
/* Marks a from/to pair of date fields (GtkEditable): each empty or a date,
 * the end not before the start. */
void     klynge_field_check_period (KlyngeFieldCheck *check,
                                    GtkWidget        *from,
                                    GtkWidget        *to);
/* Puts the problems in @label; returns TRUE when there were none. */
gboolean klynge_field_check_finish (KlyngeFieldCheck *check,
                                    GtkLabel         *label);

/* Shows why saving failed in @label. */
void     klynge_field_check_show_error (GtkLabel     *label,
                                        const GError *error);

G_END_DECLS
