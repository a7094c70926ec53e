/* klynge-budget-row.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A category's budget for the year, typed in the row, with what was spent
 * beside it. The row knows its category, which the page stores the typed
 * amount for when the row is applied.
 */

#include "klynge-i18n.h"

#include "klynge-budget-row.h"
#include "klynge-money.h"
#include "klynge-tooltip.h"

struct _KlyngeBudgetRow
{
  AdwEntryRow  parent_instance;

  GtkLabel    *actual_label;

  gint64       category_id;
};

G_DEFINE_FINAL_TYPE (KlyngeBudgetRow, klynge_budget_row, ADW_TYPE_ENTRY_ROW)

static void
klynge_budget_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KLYNGE_TYPE_BUDGET_ROW);

  G_OBJECT_CLASS (klynge_budget_row_parent_class)->dispose (object);
}

static void
klynge_budget_row_class_init (KlyngeBudgetRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = klynge_budget_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/finances/klynge-budget-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeBudgetRow, actual_label);
}

static void
klynge_budget_row_init (KlyngeBudgetRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The row starts with @budget as typed and @line's actual amount in
 * @currency. */
GtkWidget *
klynge_budget_row_new (const KlyngeLedgerLine *line,
                       const char             *budget,
                       const char             *currency)
{
  KlyngeBudgetRow *self = g_object_new (KLYNGE_TYPE_BUDGET_ROW, NULL);
  g_autofree char *actual = klynge_money_format (line->actual, currency);
  g_autofree char *title = g_strdup_printf (_("Budget for %s"), line->name);
  g_autofree char *spent = g_strdup_printf (_("Actual %s"), actual);

  self->category_id = line->category_id;
  /* The title stands alone while no budget is set, so it names the field. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  /* A narrow window shortens the title: the whole one is a hover away. */
  klynge_tooltip_set_text (GTK_WIDGET (self), title);
  gtk_label_set_text (self->actual_label, spent);
  gtk_editable_set_text (GTK_EDITABLE (self), budget);
  return GTK_WIDGET (self);
}

gint64
klynge_budget_row_get_category_id (KlyngeBudgetRow *self)
{
  g_return_val_if_fail (KLYNGE_IS_BUDGET_ROW (self), 0);

  return self->category_id;
}
