/* klynge-list-keys.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list is one Tab stop, and its rows' actions are on a context menu.
 * GTK 4.8's list views move Tab from row to row: fifty members were fifty
 * Tab stops. Here Tab leaves the list (the arrow keys move in it), and what
 * a row's buttons do is reachable from the row itself: a right click picks
 * the row under the pointer first; the Menu key and Shift+F10 open the menu
 * at the row that has the focus. The menu's actions act on the selected row
 * (or, in a list without selection, on klynge_list_keys_get_row()'s).
 *
 * A list box row may be a form: its fields are entered with the row's edit
 * key, Tab moves among them, and Escape returns to the row.
 */

#include "klynge-list-keys.h"

#define POPOVER_KEY "klynge-list-keys"
#define MENU_ROW_KEY "klynge-list-keys-row"

/* The row of @list that holds @widget: a list view's item, or a list box's row. */
static GtkWidget *
row_of (GtkWidget *list,
        GtkWidget *widget)
{
  for (; widget != NULL && widget != list; widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);

      if (GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_LIST_VIEW (parent))
        return widget;
    }
  return NULL;
}

static void
select_row (GtkWidget *row)
{
  if (GTK_IS_LIST_BOX_ROW (row))
    {
      GtkWidget *box = gtk_widget_get_parent (row);

      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_select_row (GTK_LIST_BOX (box), GTK_LIST_BOX_ROW (row));
    }
  else
    /* GTK 4.8's list item, as a click on it selects. */
    gtk_widget_activate_action (row, "listitem.select", "(bb)", FALSE, FALSE);
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* The row the menu opens for: the menu takes the focus from it, and a list
 * without selection has no other way to tell. Weak, as the list may be
 * filled anew under an open menu. */
static void
remember_row (GtkWidget *list,
              GtkWidget *row)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, row);
  g_object_set_data_full (G_OBJECT (list), MENU_ROW_KEY, ref, free_weak_ref);
}

/* The focus is in one of a list box row's own fields, not on the row. */
static GtkWidget *
form_row_of (GtkWidget *list)
{
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = row_of (list, focus);

  return row != NULL && row != focus && GTK_IS_LIST_BOX_ROW (row) ? row : NULL;
}

static void
popup_at (GtkWidget *list,
          GtkWidget *row,
          double     x,
          double     y,
          double     width,
          double     height)
{
  GtkPopover *popover = g_object_get_data (G_OBJECT (list), POPOVER_KEY);

  remember_row (list, row);
  gtk_popover_set_pointing_to (popover, &(GdkRectangle) { (int) x, (int) y, MAX ((int) width, 1), MAX ((int) height, 1) });
  gtk_popover_popup (popover);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            GtkWidget       *list)
{
  GtkWidget *row = row_of (list, gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT));

  if (row == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  select_row (row);
  popup_at (list, row, x, y, 1, 1);
}

static gboolean
menu_key_cb (GtkWidget *list,
             GVariant  *args,
             gpointer   user_data)
{
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *row = root != NULL ? row_of (list, gtk_root_get_focus (root)) : NULL;
  graphene_rect_t bounds;

  if (row == NULL || !gtk_widget_compute_bounds (row, list, &bounds))
    return FALSE;
  select_row (row);
  popup_at (list, row, bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height);
  return TRUE;
}

/* Escape leaves a row's fields for the row. */
static gboolean
escape_cb (GtkWidget *list,
           GVariant  *args,
           gpointer   user_data)
{
  GtkWidget *row = form_row_of (list);

  return row != NULL && gtk_widget_grab_focus (row);
}

/* F2 and Delete are the row's, not its fields': a drop-down in the row
 * being edited must not delete the row. */
static gboolean
row_key_cb (GtkWidget *list,
            GVariant  *args,
            gpointer   action)
{
  if (form_row_of (list) != NULL)
    return FALSE;
  return gtk_widget_activate_action_variant (list, action, NULL);
}

/* Moves the focus on past @list, as Tab would if the list were one widget:
 * while the list cannot take the focus, GTK looks past it. */
static gboolean
tab_cb (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        GtkWidget             *list)
{
  GtkDirectionType direction;
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *row;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = state & GDK_SHIFT_MASK ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return FALSE;
  if (root == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  if ((row = form_row_of (list)) != NULL && gtk_widget_child_focus (row, direction) &&
      gtk_widget_is_ancestor (gtk_root_get_focus (root), row))
    return TRUE;
  gtk_widget_set_can_focus (list, FALSE);
  if (!gtk_widget_child_focus (GTK_WIDGET (root), direction))
    {
      gtk_root_set_focus (root, NULL);
      gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }
  gtk_widget_set_can_focus (list, TRUE);
  return TRUE;
}

/* The menu leaves with the list: a list box's dispose would take it for a
 * row it cannot remove. */
static void
parent_cb (GtkWidget  *list,
           GParamSpec *pspec,
           GtkWidget  *popover)
{
  gboolean attached = gtk_widget_get_parent (popover) != NULL;

  if (gtk_widget_get_parent (list) == NULL && attached)
    gtk_widget_unparent (popover);
  else if (gtk_widget_get_parent (list) != NULL && !attached)
    gtk_widget_set_parent (popover, list);
}

static void
add_key (GtkEventController *keys,
         guint               keyval,
         const char         *action)
{
  if (action != NULL)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                                            gtk_callback_action_new (row_key_cb, g_strdup (action), g_free)));
}

/**
 * klynge_list_keys_attach:
 * @list: a #GtkColumnView or #GtkListView
 * @menu: the row's actions, acting on the selected row
 * @edit: (nullable): the action F2 activates, for the list alone
 * @delete: (nullable): the action Delete activates, for the list alone
 */
void
klynge_list_keys_attach (GtkWidget  *list,
                         GMenuModel *menu,
                         const char *edit,
                         const char *delete)
{
  GtkWidget *popover = gtk_popover_menu_new_from_model (menu);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkEventController *tab = gtk_event_controller_key_new ();

  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  g_object_set_data_full (G_OBJECT (list), POPOVER_KEY, g_object_ref_sink (popover), g_object_unref);
  g_signal_connect_object (list, "notify::parent", G_CALLBACK (parent_cb), popover, 0);
  parent_cb (list, NULL, popover);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), list);
  gtk_widget_add_controller (list, GTK_EVENT_CONTROLLER (click));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK)),
                                                          gtk_callback_action_new (menu_key_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (escape_cb, NULL, NULL)));
  add_key (keys, GDK_KEY_F2, edit);
  add_key (keys, GDK_KEY_Delete, delete);
  gtk_widget_add_controller (list, keys);

  gtk_event_controller_set_propagation_phase (tab, GTK_PHASE_CAPTURE);
  g_signal_connect (tab, "key-pressed", G_CALLBACK (tab_cb), list);
  gtk_widget_add_controller (list, tab);
}

/**
 * klynge_list_keys_get_row:
 * @list: a list given to klynge_list_keys_attach()
 *
 * Returns: (transfer none) (nullable): the row holding the focus, else the
 *   row the menu last opened for, if it is still in @list
 */
GtkWidget *
klynge_list_keys_get_row (GtkWidget *list)
{
  GtkRoot *root = gtk_widget_get_root (list);
  GWeakRef *ref = g_object_get_data (G_OBJECT (list), MENU_ROW_KEY);
  GtkWidget *row = root != NULL ? row_of (list, gtk_root_get_focus (root)) : NULL;
  g_autoptr(GtkWidget) menu_row = NULL;

  if (row != NULL || ref == NULL)
    return row;
  menu_row = g_weak_ref_get (ref);
  return menu_row != NULL && gtk_widget_is_ancestor (menu_row, list) ? menu_row : NULL;
}
