/* klynge-indicator.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * KlyngeIndicatorType:
 * @KLYNGE_INDICATOR_PROPORTION: unit "percent": a share of the denominator,
 *   so the numerator never exceeds it; binomial statistics
 * @KLYNGE_INDICATOR_RATE: unit "rate": events per @rate_per people (items
 *   per 1,000 patients), so the numerator may exceed the denominator;
 *   Poisson statistics
 * @KLYNGE_INDICATOR_VALUE: units "count" and "value": a number as measured,
 *   or a plain ratio of numerator and denominator
 *
 * The type follows from the stored unit (klynge_indicator_type_of_unit()).
 */
typedef enum
{
  KLYNGE_INDICATOR_PROPORTION,
  KLYNGE_INDICATOR_RATE,
  KLYNGE_INDICATOR_VALUE,
} KlyngeIndicatorType;

#define KLYNGE_INDICATOR_RATE_PER_DEFAULT 1000

/* A choice an indicator editor offers: the unit stored and, for a rate, its base. */
typedef struct
{
  const char *unit;
  gint64      rate_per;
} KlyngeIndicatorUnit;

#define KLYNGE_TYPE_INDICATOR (klynge_indicator_get_type ())

G_DECLARE_FINAL_TYPE (KlyngeIndicator, klynge_indicator, KLYNGE, INDICATOR, GObject)

/* What a topic's indicator measures. The fields are public to read; the
 * setters (and the properties) change them and notify only on a change,
 * so an editor's fields can be bound to them. */
struct _KlyngeIndicator
{
  GObject   parent_instance;

  gint64    id;              /* 0 until saved */
  gint64    topic_id;
  char     *package_key;     /* shipped indicators only */
  char     *name;
  char     *numerator_definition;
  char     *denominator_definition;
  char     *unit;            /* percent, count, rate, value */
  gint64    rate_per;        /* a rate's base: 1,000 or 100,000 */
  gboolean  higher_is_better;
  char     *data_source;
  gboolean  user_modified;
};

KlyngeIndicator *klynge_indicator_new           (void);
KlyngeIndicator *klynge_indicator_copy          (KlyngeIndicator *self);
void             klynge_indicator_set_name      (KlyngeIndicator *self,
                                                 const char      *name);
void             klynge_indicator_set_numerator_definition (KlyngeIndicator *self,
                                                            const char      *definition);
void             klynge_indicator_set_denominator_definition (KlyngeIndicator *self,
                                                              const char      *definition);
void             klynge_indicator_set_unit      (KlyngeIndicator *self,
                                                 const char      *unit,
                                                 gint64           rate_per);
void             klynge_indicator_set_higher_is_better (KlyngeIndicator *self,
                                                        gboolean         higher_is_better);
void             klynge_indicator_set_data_source (KlyngeIndicator *self,
                                                   const char      *data_source);

const char      *klynge_indicator_unit_label    (const char      *unit,
                                                 gint64           rate_per);
const KlyngeIndicatorUnit *klynge_indicator_units (guint         *n_units);
KlyngeIndicatorType klynge_indicator_type_of_unit (const char    *unit);
const char      *klynge_indicator_type_to_unit  (KlyngeIndicatorType type);
double           klynge_indicator_multiplier    (const char      *unit,
                                                 gint64           rate_per);

G_END_DECLS
