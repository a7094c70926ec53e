/* klynge-accessible.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names for what GTK 4.8 and libadwaita 1.2 build inside their widgets and
 * leave unnamed, so a screen reader reads "GtkToggleButton" or nothing: a
 * drop-down's button and list, a combo row's list, a status page's scroller,
 * the list inside an expander row or a preferences group. A template cannot
 * reach them; each takes the name its owner shows (the drop-down's tooltip,
 * the row's or page's title). The widgets that only display the chosen item
 * are no Tab stop of their own: their owner's button is.
 *
 * Done when a widget is mapped, and for a whole window when it is, so the
 * pages a window holds but does not show yet are named as well.
 */

#include "klynge-i18n.h"

#include <adwaita.h>

#include "klynge-accessible.h"
#include "klynge-tooltip.h"

#define NAMED_KEY   "klynge-accessible-name"

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  /* Announced as a change each time: set only what differs. */
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), NAMED_KEY), label) == 0)
    return;
  g_object_set_data_full (G_OBJECT (widget), NAMED_KEY, g_strdup (label), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static gboolean
is_list_item (GtkWidget *widget)
{
  return g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "GtkListItemWidget") == 0;
}

static GtkWidget *
first_child_of_type (GtkWidget *widget,
                     GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : first_child_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The lists an expander row holds its header and its rows in. */
static void
name_lists (GtkWidget  *widget,
            const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        set_label (child, label);
      if (!GTK_IS_LIST_BOX_ROW (child))
        name_lists (child, label);
    }
}

/* The text a popup's item shows, which GTK 4.8 does not make its name. */
static void
name_popup_item (GtkWidget *item)
{
  GtkWidget *label = first_child_of_type (item, GTK_TYPE_LABEL);

  if (label != NULL)
    set_label (item, gtk_label_get_text (GTK_LABEL (label)));
}

/* Names the buttons and lists below @owner (a drop-down or a combo row),
 * the items of its popup by their text, and takes the Tab stop from what
 * only shows the chosen item. */
static void
name_inside (GtkWidget  *owner,
             GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child) || (GTK_IS_TOGGLE_BUTTON (child) && GTK_IS_DROP_DOWN (owner)))
        set_label (child, label);
      if (is_list_item (child))
        {
          if (GTK_IS_LIST_VIEW (widget))
            name_popup_item (child);
          else
            gtk_widget_set_focusable (child, FALSE);
          continue;
        }
      name_inside (owner, child, label);
    }
}

static void
name_internals (GtkWidget *widget)
{
  const char *label = NULL;
  GtkWidget *inner;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget))
      && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      /* GTK 4.8 names a button by its mnemonic label with the underscore
       * ("New _Member…"), and one given a name besides by both ("New
       * Member… New Member…"): the label's text alone names it. */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      set_label (widget, gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget)))));
    }
  else if (is_list_item (widget) && GTK_IS_LIST_VIEW (gtk_widget_get_parent (widget))
      && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) != NULL)
    name_popup_item (widget);
  else if (GTK_IS_DROP_DOWN (widget) && (label = klynge_tooltip_get_text (widget)) != NULL)
    {
      set_label (widget, label);
      name_inside (widget, widget, label);
    }
  else if (ADW_IS_COMBO_ROW (widget))
    name_inside (widget, widget, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  else if (ADW_IS_STATUS_PAGE (widget) && (inner = first_child_of_type (widget, GTK_TYPE_SCROLLED_WINDOW)) != NULL)
    {
      label = adw_status_page_get_title (ADW_STATUS_PAGE (widget));
      set_label (inner, label);
      /* Pages that say why a list is empty get their title when it is, and
       * until then are no Tab stop. */
      gtk_widget_set_focusable (inner, label != NULL && *label != '\0');
      if (g_object_get_data (G_OBJECT (widget), NAMED_KEY "-followed") == NULL)
        {
          g_object_set_data (G_OBJECT (widget), NAMED_KEY "-followed", GINT_TO_POINTER (TRUE));
          g_signal_connect (widget, "notify::title", G_CALLBACK (name_internals), NULL);
        }
    }
  else if (ADW_IS_PREFERENCES_PAGE (widget) && (inner = first_child_of_type (widget, GTK_TYPE_SCROLLED_WINDOW)) != NULL)
    {
      GtkWidget *stack = gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_STACK);
      AdwViewStackPage *page = stack != NULL ? adw_view_stack_get_page (ADW_VIEW_STACK (stack), widget) : NULL;
      GtkRoot *root = gtk_widget_get_root (widget);

      /* Untitled, it is named as the tab that shows it, or as its window. */
      label = adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (widget));
      if ((label == NULL || *label == '\0') && page != NULL)
        label = adw_view_stack_page_get_title (page);
      if ((label == NULL || *label == '\0') && GTK_IS_WINDOW (root))
        label = gtk_window_get_title (GTK_WINDOW (root));
      set_label (inner, label);
    }
  else if (ADW_IS_EXPANDER_ROW (widget))
    {
      label = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      set_label (widget, label);
      name_lists (widget, label);
    }
  else if (ADW_IS_PREFERENCES_GROUP (widget) && (inner = first_child_of_type (widget, GTK_TYPE_LIST_BOX)) != NULL)
    {
      GtkWidget *row = first_child_of_type (inner, ADW_TYPE_PREFERENCES_ROW);

      label = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget));
      /* A group without a heading is named by its first row, unless the
       * page named it (klynge_accessible_name_list()). */
      if (label != NULL && *label != '\0')
        set_label (inner, label);
      else if (row != NULL && g_object_get_data (G_OBJECT (inner), NAMED_KEY) == NULL)
        set_label (inner, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }
}

static void
name_tree (GtkWidget *widget)
{
  name_internals (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    name_tree (child);
}

static gboolean
map_hook (GSignalInvocationHint *hint,
          guint                  n_values,
          const GValue          *values,
          gpointer               user_data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (GTK_IS_ROOT (widget))
    name_tree (widget);
  else
    name_internals (widget);
  return TRUE;
}

/**
 * klynge_accessible_install:
 *
 * From now on, names the insides of every widget mapped; once, at startup.
 */
void
klynge_accessible_install (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (GTK_TYPE_WIDGET);

  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, map_hook, NULL, NULL);
}

/**
 * klynge_accessible_name_list:
 * @owner: a #GtkColumnView, or a preferences group without a title
 *
 * Names @owner, the list inside it (which is what takes the focus), the
 * scrolled window around it and a column view's row of titles.
 */
void
klynge_accessible_name_list (GtkWidget  *owner,
                             const char *label)
{
  GtkWidget *list = first_child_of_type (owner, GTK_IS_COLUMN_VIEW (owner) ? GTK_TYPE_LIST_VIEW : GTK_TYPE_LIST_BOX);
  GtkWidget *parent = gtk_widget_get_parent (owner);

  set_label (owner, label);
  if (list != NULL)
    set_label (list, label);
  if (GTK_IS_SCROLLED_WINDOW (parent))
    set_label (parent, label);
  if (GTK_IS_COLUMN_VIEW (owner))
    for (GtkWidget *child = gtk_widget_get_first_child (owner); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (is_list_item (child))
        set_label (child, _("Column Titles"));
}

/**
 * klynge_accessible_name_tree:
 *
 * Names what is inside @widget and all it holds, shown or not: for a part
 * of a window built after the window was shown (an area built the first
 * time it is shown), as the window's own mapping names the rest.
 */
void
klynge_accessible_name_tree (GtkWidget *widget)
{
  name_tree (widget);
}

/**
 * klynge_accessible_name_internals:
 *
 * Names what is inside @widget now: for widgets made after their window was
 * shown (a row's drop-down, a combo row given new items).
 */
void
klynge_accessible_name_internals (GtkWidget *widget)
{
  name_internals (widget);
}
