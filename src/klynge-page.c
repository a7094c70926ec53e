/* klynge-page.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page reloads when the database, the cluster or the data change; while it
 * is not on screen it only remembers that it must, so switching databases
 * costs the work of the visible area alone.
 *
 * A page narrower than its wide layout needs turns "narrow" (libadwaita 1.2
 * has no breakpoints): boxes with the style class "reflow" stack their
 * children, and the page asks the window for no more than a phone's width.
 */

#include "klynge-i18n.h"

#include "klynge-choice.h"
#include "klynge-error.h"
#include "klynge-page.h"
#include "klynge-print.h"

typedef struct
{
  KlyngeContext *context;
  /* What the page last showed: switching databases notifies both "db" and
   * "cluster-id", and the second notification must not reload again. */
  KlyngeDb      *shown_db;
  gint64         shown_cluster;
  /* The editing actions the page itself disabled (a meeting not yet
   * saved, a locked year), which stay so when the file becomes writable. */
  GHashTable    *disabled_actions;
  /* The width the wide layout needed when the page turned narrow. */
  int            wide_width;
  guint          needs_reload : 1;
  guint          narrow : 1;
} KlyngePagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (KlyngePage, klynge_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_READ_ONLY,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A phone held upright: the narrowest window Klynge promises to fill. */
#define NARROWEST_WIDTH 360

static void
reflow (GtkWidget *widget,
        gboolean   narrow)
{
  if (GTK_IS_ORIENTABLE (widget) && gtk_widget_has_css_class (widget, "reflow"))
    gtk_orientable_set_orientation (GTK_ORIENTABLE (widget),
                                    narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_NATIVE (child))
      reflow (child, narrow);
}

static void
set_narrow (KlyngePage *self,
            gboolean    narrow)
{
  KlyngePagePrivate *priv = klynge_page_get_instance_private (self);

  priv->narrow = narrow;
  reflow (GTK_WIDGET (self), narrow);
  if (narrow)
    gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

static int
child_min_width (KlyngePage *self)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (self));
  int min_width = 0;

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  return min_width;
}

static void
reload_now_or_later (KlyngePage *self)
{
  KlyngePagePrivate *priv = klynge_page_get_instance_private (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && KLYNGE_PAGE_GET_CLASS (self)->reload != NULL)
    {
      priv->needs_reload = FALSE;
      /* Not a reference: only compared, never used. */
      priv->shown_db = klynge_page_get_db (self);
      priv->shown_cluster = klynge_page_get_cluster (self);
      KLYNGE_PAGE_GET_CLASS (self)->reload (self);
    }
  else
    priv->needs_reload = TRUE;
}

static gboolean
is_editing_action (KlyngePage *self,
                   const char *action)
{
  const char * const *actions = KLYNGE_PAGE_GET_CLASS (self)->editing_actions;

  return actions != NULL && g_strv_contains (actions, action);
}

static void
apply_editing_action (KlyngePage *self,
                      const char *action)
{
  KlyngePagePrivate *priv = klynge_page_get_instance_private (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), action,
                                 !klynge_page_get_read_only (self) &&
                                 !g_hash_table_contains (priv->disabled_actions, action));
}

static void
read_only_changed_cb (KlyngePage *self)
{
  const char * const *actions = KLYNGE_PAGE_GET_CLASS (self)->editing_actions;

  for (guint i = 0; actions != NULL && actions[i] != NULL; i++)
    apply_editing_action (self, actions[i]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
context_changed_cb (KlyngePage *self)
{
  reload_now_or_later (self);
}

static void
context_switched_cb (KlyngePage *self)
{
  KlyngePagePrivate *priv = klynge_page_get_instance_private (self);

  if (!priv->needs_reload &&
      priv->shown_db == klynge_page_get_db (self) &&
      priv->shown_cluster == klynge_page_get_cluster (self))
    return;
  reload_now_or_later (self);
}

static void
klynge_page_map (GtkWidget *widget)
{
  KlyngePage *self = KLYNGE_PAGE (widget);
  KlyngePagePrivate *priv = klynge_page_get_instance_private (self);

  GTK_WIDGET_CLASS (klynge_page_parent_class)->map (widget);

  if (priv->needs_reload)
    reload_now_or_later (self);
}

static void
klynge_page_dispose (GObject *object)
{
  KlyngePagePrivate *priv = klynge_page_get_instance_private (KLYNGE_PAGE (object));

  klynge_page_set_context (KLYNGE_PAGE (object), NULL);
  g_clear_pointer (&priv->disabled_actions, g_hash_table_unref);

  G_OBJECT_CLASS (klynge_page_parent_class)->dispose (object);
}

static void
klynge_page_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  KlyngePagePrivate *priv = klynge_page_get_instance_private (KLYNGE_PAGE (widget));
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  /* The wide layout gives way to the narrow one rather than hold the
   * window wide. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL && !priv->narrow)
    *minimum = MIN (*minimum, NARROWEST_WIDTH);
}

static void
klynge_page_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  KlyngePage *self = KLYNGE_PAGE (widget);
  KlyngePagePrivate *priv = klynge_page_get_instance_private (self);

  if (!priv->narrow && width < child_min_width (self))
    {
      priv->wide_width = child_min_width (self);
      set_narrow (self, TRUE);
    }
  else if (priv->narrow && width >= priv->wide_width)
    {
      /* What the wide layout needs may have changed with the data shown. */
      set_narrow (self, FALSE);
      if (width < child_min_width (self))
        {
          priv->wide_width = child_min_width (self);
          set_narrow (self, TRUE);
        }
    }
  if (adw_bin_get_child (ADW_BIN (self)) != NULL && gtk_widget_should_layout (adw_bin_get_child (ADW_BIN (self))))
    gtk_widget_allocate (adw_bin_get_child (ADW_BIN (self)), width, height, baseline, NULL);
}

static void
klynge_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, klynge_page_get_context (KLYNGE_PAGE (object)));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, klynge_page_get_read_only (KLYNGE_PAGE (object)));
      break;
    case PROP_NARROW:
      g_value_set_boolean (value, klynge_page_get_narrow (KLYNGE_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      klynge_page_set_context (KLYNGE_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
klynge_page_class_init (KlyngePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = klynge_page_dispose;
  object_class->get_property = klynge_page_get_property;
  object_class->set_property = klynge_page_set_property;
  widget_class->map = klynge_page_map;
  widget_class->measure = klynge_page_measure;
  widget_class->size_allocate = klynge_page_size_allocate;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         KLYNGE_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KlyngePage:narrow:
   *
   * Whether the page is laid out for a narrow window: "reflow" boxes
   * stacked, lists showing their essential columns.
   */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
klynge_page_init (KlyngePage *self)
{
  KlyngePagePrivate *priv = klynge_page_get_instance_private (self);

  priv->disabled_actions = g_hash_table_new (g_str_hash, g_str_equal);
  /* AdwBin's layout manager would measure the child as it is. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
}

/**
 * klynge_page_class_set_editing_actions:
 * @actions: (array zero-terminated=1): static names of the page's actions
 *   that change the database
 *
 * Those actions are disabled while the database is read-only, so a button
 * the user cannot use looks so instead of failing on save.
 */
void
klynge_page_class_set_editing_actions (KlyngePageClass    *klass,
                                       const char * const *actions)
{
  klass->editing_actions = actions;
}

/**
 * klynge_page_set_action_enabled:
 *
 * What the page wants of one of its actions; an editing action stays
 * disabled while the database is read-only.
 */
void
klynge_page_set_action_enabled (KlyngePage *self,
                                const char *action,
                                gboolean    enabled)
{
  KlyngePagePrivate *priv = klynge_page_get_instance_private (self);

  g_return_if_fail (KLYNGE_IS_PAGE (self));

  if (!is_editing_action (self, action))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), action, enabled);
      return;
    }

  /* The names are the class's static strings. */
  if (enabled)
    g_hash_table_remove (priv->disabled_actions, action);
  else
    g_hash_table_add (priv->disabled_actions, (gpointer) action);
  apply_editing_action (self, action);
}

gboolean
klynge_page_get_read_only (KlyngePage *self)
{
  KlyngeContext *context = klynge_page_get_context (self);

  return context != NULL && klynge_context_get_read_only (context);
}

/**
 * klynge_page_get_context:
 *
 * Returns: (transfer none) (nullable): the context
 */
KlyngeContext *
klynge_page_get_context (KlyngePage *self)
{
  KlyngePagePrivate *priv = klynge_page_get_instance_private (self);

  g_return_val_if_fail (KLYNGE_IS_PAGE (self), NULL);
  return priv->context;
}

void
klynge_page_set_context (KlyngePage    *self,
                         KlyngeContext *context)
{
  KlyngePagePrivate *priv = klynge_page_get_instance_private (self);

  g_return_if_fail (KLYNGE_IS_PAGE (self));

  if (priv->context == context)
    return;

  if (priv->context != NULL)
    {
      g_signal_handlers_disconnect_by_func (priv->context, context_changed_cb, self);
      g_signal_handlers_disconnect_by_func (priv->context, context_switched_cb, self);
      g_signal_handlers_disconnect_by_func (priv->context, read_only_changed_cb, self);
    }

  g_set_object (&priv->context, context);

  if (context != NULL)
    {
      g_signal_connect_swapped (context, "notify::db", G_CALLBACK (context_switched_cb), self);
      g_signal_connect_swapped (context, "notify::cluster-id", G_CALLBACK (context_switched_cb), self);
      g_signal_connect_swapped (context, "changed", G_CALLBACK (context_changed_cb), self);
      g_signal_connect_swapped (context, "notify::read-only", G_CALLBACK (read_only_changed_cb), self);
      read_only_changed_cb (self);
      reload_now_or_later (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * klynge_page_get_db:
 *
 * Returns: (transfer none) (nullable): the open database
 */
KlyngeDb *
klynge_page_get_db (KlyngePage *self)
{
  KlyngeContext *context = klynge_page_get_context (self);

  return context != NULL ? klynge_context_get_db (context) : NULL;
}

gint64
klynge_page_get_cluster (KlyngePage *self)
{
  KlyngeContext *context = klynge_page_get_context (self);

  return context != NULL ? klynge_context_get_cluster_id (context) : 0;
}

void
klynge_page_add_toast (KlyngePage *self,
                       AdwToast   *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/**
 * klynge_page_print:
 * @action: the print dialog for the user; %GTK_PRINT_OPERATION_ACTION_EXPORT
 *   with @export_filename writes the pages to a PDF file
 *
 * Prints what the area shows (the meeting's agenda, invitation or sign-in
 * sheet, the address list, the year's accounts).
 *
 * Returns: %FALSE with @error set when there is nothing to print or
 *   printing failed
 */
gboolean
klynge_page_print (KlyngePage               *self,
                   GtkPrintOperationAction   action,
                   const char               *export_filename,
                   GError                  **error)
{
  KlyngePageClass *klass;
  KlyngeDocument *document;

  g_return_val_if_fail (KLYNGE_IS_PAGE (self), FALSE);

  klass = KLYNGE_PAGE_GET_CLASS (self);
  if (klass->print_document == NULL || klynge_page_get_db (self) == NULL)
    {
      g_set_error_literal (error, KLYNGE_ERROR, KLYNGE_ERROR_INVALID, _("There is nothing to print in this area."));
      return FALSE;
    }
  document = klass->print_document (self, error);
  return document != NULL &&
         klynge_print_document (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), document, action,
                                export_filename, error);
}

gboolean
klynge_page_save_pending (KlyngePage *self)
{
  KlyngePageClass *klass;

  g_return_val_if_fail (KLYNGE_IS_PAGE (self), TRUE);

  klass = KLYNGE_PAGE_GET_CLASS (self);
  return klass->save_pending == NULL || klass->save_pending (self);
}

/**
 * klynge_page_push_undo:
 * @snapshot: (transfer full): what a delete just committed took away
 * @message: what was done, "Member deleted"
 *
 * Puts the delete on the window's undo (Ctrl+Z in any area), says so in a
 * toast whose Undo does the same, and tells every area the data changed.
 */
void
klynge_page_push_undo (KlyngePage     *self,
                       KlyngeSnapshot *snapshot,
                       const char     *message)
{
  KlyngeContext *context = klynge_page_get_context (self);

  klynge_undo_stack_push (klynge_context_get_undo_stack (context), message, snapshot);
  klynge_page_add_undo_toast (self, message);
  klynge_context_emit_changed (context);
}

/**
 * klynge_page_report_error:
 * @error: what went wrong
 *
 * Says what went wrong in a toast; a task the user cancelled says nothing.
 */
void
klynge_page_report_error (KlyngePage   *self,
                          const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, KLYNGE_ERROR, KLYNGE_ERROR_CANCELLED))
    return;
  klynge_page_add_toast (self, adw_toast_new (error->message));
}

/**
 * klynge_page_report_task:
 * @done: what the task's _finish() returned
 * @error: its error, when @done is %FALSE
 * @message: (nullable): the toast when it is done
 *
 * Tells how a task the page started ended: klynge_page_report_error(), or
 * @message.
 *
 * Returns: @done
 */
gboolean
klynge_page_report_task (KlyngePage   *self,
                         gboolean      done,
                         const GError *error,
                         const char   *message)
{
  if (!done)
    klynge_page_report_error (self, error);
  else if (message != NULL)
    klynge_page_add_toast (self, adw_toast_new (message));
  return done;
}

/**
 * klynge_page_add_undo_toast:
 * @message: what was just put on the window's undo, "Member deleted"
 *
 * Says so in a toast whose Undo is Ctrl+Z's.
 */
void
klynge_page_add_undo_toast (KlyngePage *self,
                            const char *message)
{
  klynge_page_add_toast (self, klynge_page_undo_toast_new (message));
}

/**
 * klynge_page_undo_toast_new:
 * @message: what was just put on the window's undo, "Member deleted"
 *
 * Returns: (transfer full): a toast saying so, whose Undo is Ctrl+Z's
 */
AdwToast *
klynge_page_undo_toast_new (const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  /* The toast lives in the window's overlay, above the page: only the
   * window's actions are found from there. */
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  return toast;
}

static void
picker_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), GPOINTER_TO_INT (ellipsize));
  gtk_list_item_set_child (item, label);
}

static void
picker_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  KlyngeChoice *choice = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), klynge_choice_get_label (choice));
}

static GtkListItemFactory *
picker_factory_new (PangoEllipsizeMode ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (picker_setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (picker_bind_cb), NULL);
  return factory;
}

/**
 * klynge_page_ellipsize_picker:
 * @picker: a drop-down whose model is a list of #KlyngeChoice
 *
 * A drop-down's button is as wide as its longest text: one long meeting
 * title or indicator name pushed the page wider than a narrow window. The
 * button ellipsizes the chosen text; the popup still shows it whole.
 */
void
klynge_page_ellipsize_picker (GtkDropDown *picker)
{
  g_autoptr(GtkListItemFactory) button = picker_factory_new (PANGO_ELLIPSIZE_END);
  g_autoptr(GtkListItemFactory) list = picker_factory_new (PANGO_ELLIPSIZE_NONE);

  gtk_drop_down_set_factory (picker, button);
  gtk_drop_down_set_list_factory (picker, list);
}

/**
 * klynge_page_add_shortcut:
 * @accelerator: as gtk_accelerator_parse() reads it
 * @action: a detailed action name the page installs
 *
 * A key that works while the page is on screen, wherever the focus is: a
 * class binding fired only with the focus inside the page, and after
 * switching areas the focus is still on the header bar.
 */
void
klynge_page_add_shortcut (KlyngePage *self,
                          const char *accelerator,
                          const char *action)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accelerator),
                                                          gtk_named_action_new (action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/**
 * klynge_page_show_message:
 * @widget: a widget inside a page
 *
 * Shows @text as a toast of the page holding @widget, for the parts of a
 * page that report errors and results.
 */
void
klynge_page_show_message (GtkWidget  *widget,
                          const char *text)
{
  GtkWidget *page = gtk_widget_get_ancestor (widget, KLYNGE_TYPE_PAGE);

  if (page != NULL)
    klynge_page_add_toast (KLYNGE_PAGE (page), adw_toast_new (text));
}

/**
 * klynge_page_get_narrow:
 *
 * Returns: whether the page is laid out for a narrow window
 */
gboolean
klynge_page_get_narrow (KlyngePage *self)
{
  KlyngePagePrivate *priv = klynge_page_get_instance_private (self);

  g_return_val_if_fail (KLYNGE_IS_PAGE (self), FALSE);

  return priv->narrow;
}

/**
 * klynge_page_reflow:
 * @widget: a widget inside a page, whose "reflow" boxes were just made
 *
 * Lays out the "reflow" boxes below @widget (rows built after the page
 * turned narrow) as the page's other ones are.
 */
void
klynge_page_reflow (GtkWidget *widget)
{
  GtkWidget *page = gtk_widget_get_ancestor (widget, KLYNGE_TYPE_PAGE);

  if (page != NULL)
    reflow (widget, klynge_page_get_narrow (KLYNGE_PAGE (page)));
}

static void
picker_selected_cb (GtkDropDown  *picker,
                    GParamSpec   *pspec,
                    AdwViewStack *stack)
{
  g_autoptr(AdwViewStackPage) page = gtk_drop_down_get_selected_item (picker) != NULL ?
                                     g_object_ref (gtk_drop_down_get_selected_item (picker)) : NULL;

  if (page != NULL)
    adw_view_stack_set_visible_child (stack, adw_view_stack_page_get_child (page));
}

static void
stack_visible_cb (AdwViewStack *stack,
                  GParamSpec   *pspec,
                  GtkDropDown  *picker)
{
  GListModel *pages = G_LIST_MODEL (adw_view_stack_get_pages (stack));

  for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (pages, i);

      if (adw_view_stack_page_get_child (page) == adw_view_stack_get_visible_child (stack))
        gtk_drop_down_set_selected (picker, i);
    }
  g_object_unref (pages);
}

/**
 * klynge_page_bind_view_picker:
 * @picker: a drop-down standing in for a view switcher in a narrow window
 * @stack: the view stack it picks a page of
 *
 * A view switcher's labels are cut in a narrow window; an #AdwSqueezer
 * shows @picker instead, which names the pages whole in its list.
 */
void
klynge_page_bind_view_picker (GtkDropDown  *picker,
                              AdwViewStack *stack)
{
  g_autoptr(GtkExpression) title = gtk_property_expression_new (ADW_TYPE_VIEW_STACK_PAGE, NULL, "title");

  gtk_drop_down_set_expression (picker, title);
  gtk_drop_down_set_model (picker, G_LIST_MODEL (adw_view_stack_get_pages (stack)));
  g_object_unref (gtk_drop_down_get_model (picker));
  stack_visible_cb (stack, NULL, picker);
  g_signal_connect_object (picker, "notify::selected", G_CALLBACK (picker_selected_cb), stack, 0);
  g_signal_connect_object (stack, "notify::visible-child", G_CALLBACK (stack_visible_cb), picker, 0);
}
