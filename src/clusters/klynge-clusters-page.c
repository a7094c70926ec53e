/* klynge-clusters-page.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Clusters & members area: the cluster's summary and board on top, the
 * members and clinics below as sortable, searchable lists, with editors,
 * delete with Undo, the BCC address line and the address-list exports.
 */

#include "klynge-i18n.h"

#include "klynge-cancellable.h"
#include "klynge-accessible.h"
#include "klynge-clinic.h"
#include "klynge-clinic-store.h"
#include "klynge-clusters-page-private.h"
#include "klynge-format.h"
#include "klynge-list-keys.h"
#include "klynge-member.h"
#include "klynge-member-store.h"
#include "klynge-record-table.h"
#include "klynge-member-export.h"
#include "klynge-menu-button.h"
#include "klynge-row-label.h"
#include "klynge-tooltip.h"


G_DEFINE_FINAL_TYPE (KlyngeClustersPage, klynge_clusters_page, KLYNGE_TYPE_PAGE)

enum {
  MEMBER_NAME,
  MEMBER_TITLE,
  MEMBER_CLINIC,
  MEMBER_ROLES,
  MEMBER_EMAIL,
  MEMBER_PHONE,
  MEMBER_JOINED,
  MEMBER_STATUS,
  N_MEMBER_COLUMNS
};

/* Names are what one looks for: in a narrow window the list scrolls
 * sideways rather than cut them to a first name. A title is a word or two:
 * cut, every row would read the same "Praktiserend…"; its width is the
 * longest translated title's. */
#define NAME_WIDTH 22

static KlyngeRecordColumn member_columns[N_MEMBER_COLUMNS] = {
  [MEMBER_NAME]   = { N_("Name"),   KLYNGE_RECORD_SORT_TEXT, FALSE, TRUE,  0, NAME_WIDTH, NULL },
  [MEMBER_TITLE]  = { N_("Title"),  KLYNGE_RECORD_SORT_TEXT, FALSE, FALSE, 5, 0, "title-label" },
  [MEMBER_CLINIC] = { N_("Clinic"), KLYNGE_RECORD_SORT_TEXT, FALSE, TRUE,  2, 0, "clinic-name" },
  [MEMBER_ROLES]  = { N_("Roles"),  KLYNGE_RECORD_SORT_TEXT, FALSE, TRUE,  4, 0, "roles-label" },
  [MEMBER_EMAIL]  = { N_("E-mail"), KLYNGE_RECORD_SORT_TEXT, FALSE, TRUE,  1, 0, "email" },
  [MEMBER_PHONE]  = { N_("Phone"),  KLYNGE_RECORD_SORT_TEXT, FALSE, FALSE, 3, 0, "phone" },
  [MEMBER_JOINED] = { N_("Joined"), KLYNGE_RECORD_SORT_TEXT, FALSE, FALSE, 7, 0, "joined-label" },
  [MEMBER_STATUS] = { N_("Status"), KLYNGE_RECORD_SORT_TEXT, FALSE, FALSE, 6, 0, "status-label" },
};

enum {
  CLINIC_NAME,
  CLINIC_NUMBER,
  CLINIC_PATIENTS,
  CLINIC_MEMBERS,
  CLINIC_SYSTEM,
  CLINIC_EMAIL,
  CLINIC_PHONE,
  N_CLINIC_COLUMNS
};

static const KlyngeRecordColumn clinic_columns[N_CLINIC_COLUMNS] = {
  [CLINIC_NAME]     = { N_("Name"),            KLYNGE_RECORD_SORT_TEXT,   FALSE, TRUE,  0, NAME_WIDTH, NULL },
  [CLINIC_NUMBER]   = { N_("Number"),          KLYNGE_RECORD_SORT_TEXT,   FALSE, FALSE, 3, 0, "provider-number" },
  [CLINIC_PATIENTS] = { N_("Listed patients"), KLYNGE_RECORD_SORT_NUMBER, TRUE,  FALSE, 1, 0, "patients-label" },
  [CLINIC_MEMBERS]  = { N_("Members"),         KLYNGE_RECORD_SORT_NUMBER, TRUE,  FALSE, 4, 0, "members-label" },
  [CLINIC_SYSTEM]   = { N_("Record system"),   KLYNGE_RECORD_SORT_TEXT,   FALSE, FALSE, 6, 0, "record-system" },
  [CLINIC_EMAIL]    = { N_("E-mail"),          KLYNGE_RECORD_SORT_TEXT,   FALSE, TRUE,  2, 0, "email" },
  [CLINIC_PHONE]    = { N_("Phone"),           KLYNGE_RECORD_SORT_TEXT,   FALSE, FALSE, 5, 0, "phone" },
};

/* Cells: each column shows a property of the record (see the descriptors);
 * what a column sorts by is here. */

static char *
member_sort_key (gpointer item,
                 gpointer column)
{
  KlyngeMember *member = item;

  switch (GPOINTER_TO_UINT (column))
    {
    case MEMBER_NAME:
      return g_strdup (member->name);
    case MEMBER_TITLE:
      return g_strdup (klynge_member_title_label (member->title));
    case MEMBER_CLINIC:
      return g_strdup (member->clinic_name);
    case MEMBER_ROLES:
      return klynge_member_current_roles (member);
    case MEMBER_EMAIL:
      return g_strdup (member->email);
    case MEMBER_PHONE:
      return g_strdup (member->phone);
    case MEMBER_JOINED:
      return g_strdup (member->joined_on != NULL ? member->joined_on : "");
    case MEMBER_STATUS:
      /* Active members first, then former ones by when they left. */
      return klynge_member_is_former (member) ? g_strconcat ("1", member->left_on, NULL) : g_strdup ("0");
    default:
      g_assert_not_reached ();
    }
}

static char *
clinic_sort_key (gpointer item,
                 gpointer column)
{
  KlyngeClinic *clinic = item;

  switch (GPOINTER_TO_UINT (column))
    {
    case CLINIC_NAME:
      return g_strdup (clinic->name);
    case CLINIC_NUMBER:
      return g_strdup (clinic->provider_number);
    case CLINIC_SYSTEM:
      return g_strdup (clinic->record_system);
    case CLINIC_EMAIL:
      return g_strdup (clinic->email);
    case CLINIC_PHONE:
      return g_strdup (clinic->phone);
    default:
      g_assert_not_reached ();
    }
}

static gint64
clinic_sort_number (gpointer clinic,
                    gpointer column)
{
  return GPOINTER_TO_UINT (column) == CLINIC_PATIENTS ? KLYNGE_CLINIC (clinic)->listed_patients
                                                      : KLYNGE_CLINIC (clinic)->n_members;
}

static int
longest_title (void)
{
  const char * const *titles = klynge_member_titles ();
  int longest = 0;

  for (guint i = 0; titles[i] != NULL; i++)
    longest = MAX (longest, (int) g_utf8_strlen (klynge_member_title_label (titles[i]), -1));
  return longest;
}

/* The name cells, which GTK 4.8 gives no way to bind what they do: their
 * tooltip (a member's notes, a clinic's address) and naming their row for
 * screen readers. */
static void
bind_name (GtkListItem *item,
           const char  *name,
           const char  *tooltip,
           gboolean     former)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), name);
  klynge_tooltip_set_text (label, tooltip);
  klynge_row_label_set (label, name);
  if (former)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
bind_member_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  KlyngeMember *member = gtk_list_item_get_item (item);

  bind_name (item, member->name, member->notes, klynge_member_is_former (member));
}

static void
bind_clinic_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  KlyngeClinic *clinic = gtk_list_item_get_item (item);

  bind_name (item, clinic->name, clinic->address, clinic->left_on != NULL);
}

static void
read_only_changed_cb (KlyngeClustersPage *self)
{
  klynge_cluster_overview_set_read_only (self->summary, klynge_page_get_read_only (KLYNGE_PAGE (self)));
}

/* On a read-only file the editor opens to be read: the row's button says so. */
static void
show_edit_or_view (GtkWidget  *edit,
                   GParamSpec *pspec,
                   KlyngePage *page)
{
  gboolean read_only = klynge_page_get_read_only (page);

  gtk_button_set_icon_name (GTK_BUTTON (edit), read_only ? "view-reveal-symbolic" : "document-edit-symbolic");
  klynge_tooltip_set_text (edit, read_only ? _("View") : _("Edit"));
}

static void
setup_buttons_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  KlyngePage               *page)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *edit = gtk_button_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  show_edit_or_view (edit, NULL, page);
  g_signal_connect_object (page, "notify::read-only", G_CALLBACK (show_edit_or_view), edit, G_CONNECT_SWAPPED);
  klynge_tooltip_set_text (delete, _("Delete"));
  gtk_widget_set_focusable (edit, FALSE);
  gtk_widget_set_focusable (delete, FALSE);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_add_css_class (delete, "flat");
  gtk_box_append (GTK_BOX (box), edit);
  gtk_box_append (GTK_BOX (box), delete);
  gtk_list_item_set_child (item, box);
}

static void
bind_buttons_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  kind)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GObject *object = gtk_list_item_get_item (item);
  gint64 id = KLYNGE_IS_MEMBER (object) ? KLYNGE_MEMBER (object)->id : KLYNGE_CLINIC (object)->id;
  g_autofree char *edit = g_strdup_printf ("clusters.edit-%s", (const char *) kind);
  g_autofree char *delete = g_strdup_printf ("clusters.delete-%s", (const char *) kind);

  /* The target first: the actions take the id and refuse no target. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (gtk_widget_get_first_child (box)), "x", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (gtk_widget_get_first_child (box)), edit);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (gtk_widget_get_last_child (box)), "x", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (gtk_widget_get_last_child (box)), delete);
}

/* @kind: "member" or "clinic", what the buttons' actions take */
static GtkListItemFactory *
buttons_factory (KlyngeClustersPage *self,
                 const char         *kind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_buttons_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_buttons_cb), (gpointer) kind);
  return factory;
}

static gboolean
member_filter_func (gpointer item,
                    gpointer user_data)
{
  KlyngeClustersPage *self = user_data;

  return klynge_member_matches (item, self->folded_query);
}

static gboolean
clinic_filter_func (gpointer item,
                    gpointer user_data)
{
  KlyngeClustersPage *self = user_data;

  return klynge_clinic_matches (item, self->folded_query);
}

/* An empty list says why, and what to do: add the first one, or search
 * for something else. A list that could not be read says why in its place:
 * the rows it still holds are as they were before, not as they are. */
static void
update_empty_state (KlyngeClustersPage *self,
                    gboolean            members,
                    guint               n_shown,
                    guint               n_all)
{
  GtkStack *content = members ? self->members_content : self->clinics_content;
  AdwStatusPage *empty = members ? self->members_empty : self->clinics_empty;
  GListModel *store = gtk_filter_list_model_get_model (members ? self->members_filtered : self->clinics_filtered);
  const GError *error = store != NULL ? klynge_record_store_get_error (KLYNGE_RECORD_STORE (store)) : NULL;

  gtk_stack_set_visible_child_name (content, n_shown > 0 && error == NULL ? "list" : "empty");
  if (n_shown > 0 && error == NULL)
    return;
  if (error != NULL)
    {
      adw_status_page_set_icon_name (empty, "dialog-error-symbolic");
      adw_status_page_set_title (empty, members ? _("The Members Could Not Be Read") : _("The Clinics Could Not Be Read"));
      adw_status_page_set_description (empty, error->message);
    }
  else if (n_all > 0)
    {
      adw_status_page_set_icon_name (empty, "edit-find-symbolic");
      adw_status_page_set_title (empty, members ? _("No Matching Members") : _("No Matching Clinics"));
      adw_status_page_set_description (empty, members ? _("No member’s name, clinic or e-mail address contains the search text.")
                                                      : _("No clinic’s name, number, address or e-mail address contains the search text."));
    }
  else if (members)
    {
      adw_status_page_set_icon_name (empty, "system-users-symbolic");
      adw_status_page_set_title (empty, _("No Members Yet"));
      adw_status_page_set_description (empty, _("Add the cluster’s GPs and staff one by one, or import the member list you already have."));
    }
  else
    {
      adw_status_page_set_icon_name (empty, "user-home-symbolic");
      adw_status_page_set_title (empty, _("No Clinics Yet"));
      adw_status_page_set_description (empty, _("Add the clinics the members work in: their listed patients give the cluster’s grant."));
    }
  gtk_widget_set_visible (adw_status_page_get_child (empty), n_all == 0 && error == NULL);
}

/* Summary */

static void
update_count (KlyngeClustersPage *self)
{
  gboolean members = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "members") == 0;
  GListModel *shown = G_LIST_MODEL (members ? self->members_filtered : self->clinics_filtered);
  GListModel *all = gtk_filter_list_model_get_model (members ? self->members_filtered : self->clinics_filtered);
  guint n_shown = g_list_model_get_n_items (shown);
  guint n_all = all != NULL ? g_list_model_get_n_items (all) : 0;
  g_autofree char *shown_count = klynge_format_integer (n_shown);
  g_autofree char *all_count = klynge_format_integer (n_all);
  g_autofree char *text = NULL;

  /* Translators: %s is a number, grouped as the locale groups it ("1,234") */
  if (n_shown == n_all)
    text = g_strdup_printf (members ? ngettext ("%s member", "%s members", n_all)
                                    : ngettext ("%s clinic", "%s clinics", n_all), all_count);
  else
    /* Translators: how many list items match the search, of how many; grouped numbers */
    text = g_strdup_printf (ngettext ("%s of %s shown", "%s of %s shown", n_all), shown_count, all_count);
  gtk_label_set_text (self->count_label, text);
  update_empty_state (self, members, n_shown, n_all);
}

/* On a short window the page's margins shrink with the summary, and the
 * list takes the rest. */
static void
set_compact (KlyngeClustersPage *self,
             gboolean            compact)
{
  /* Not a template child: the bin owns it, and disposes of it. */
  GtkWidget *layout = adw_bin_get_child (ADW_BIN (self));

  if (self->compact == compact)
    return;
  self->compact = compact;

  gtk_widget_set_margin_top (layout, compact ? 8 : 18);
  gtk_widget_set_margin_bottom (layout, compact ? 8 : 18);
  gtk_box_set_spacing (GTK_BOX (layout), compact ? 6 : 12);
  klynge_cluster_overview_set_compact (self->summary, compact);
}

/* Below this height of the page (a window shorter than about 650 px, such
 * as 800×600) the summary is compact. Taller ones, down to a maximised
 * window on a 1366×768 laptop, keep ten member rows in view under the
 * whole summary, whose captions say what the figures mean. */
#define COMPACT_BELOW 600

static void
klynge_clusters_page_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  set_compact (KLYNGE_CLUSTERS_PAGE (widget), height < COMPACT_BELOW);
  GTK_WIDGET_CLASS (klynge_clusters_page_parent_class)->size_allocate (widget, width, height, baseline);
}

/* A column view creates up to 200 rows for a new model, whether it is on
 * screen or not, and the members tab opens first: the clinics are read and
 * go into their list when their tab is shown. */
static void
show_clinics_if_visible (KlyngeClustersPage *self)
{
  GListModel *clinics = gtk_filter_list_model_get_model (self->clinics_filtered);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "clinics") != 0 || clinics == NULL)
    return;
  /* A failure stays with the store, for the list to show. */
  klynge_record_store_load (KLYNGE_RECORD_STORE (clinics), NULL);
}

static void
visible_list_changed_cb (KlyngeClustersPage *self)
{
  show_clinics_if_visible (self);
  update_count (self);
}

static gboolean
reload_idle (gpointer data)
{
  KlyngeClustersPage *self = data;
  KlyngeDb *db = klynge_page_get_db (KLYNGE_PAGE (self));
  gint64 cluster = klynge_page_get_cluster (KLYNGE_PAGE (self));
  KlyngeContext *context = klynge_page_get_context (KLYNGE_PAGE (self));
  KlyngeRecordStore *members = klynge_context_get_store (context, KLYNGE_TYPE_MEMBER_STORE, cluster);

  self->reload_source = 0;
  /* The same stores have updated their records in place: the lists keep
   * their rows, scroll position and selection. Others are other lists. */
  if (gtk_filter_list_model_get_model (self->members_filtered) != (GListModel *) members)
    {
      gtk_filter_list_model_set_model (self->members_filtered, G_LIST_MODEL (members));
      gtk_filter_list_model_set_model (self->clinics_filtered,
                                       klynge_context_get_store (context, KLYNGE_TYPE_CLINIC_STORE, cluster));
      klynge_record_table_show_first_rows (self->members_view);
      klynge_record_table_show_first_rows (self->clinics_view);
    }
  if (db == NULL || cluster == 0)
    return G_SOURCE_REMOVE;

  klynge_cluster_overview_load (self->summary, db, cluster);
  /* A failure stays with the store, for the lists to show. */
  if (klynge_record_store_get_error (members) == NULL)
    klynge_record_store_load (members, NULL);
  show_clinics_if_visible (self);
  update_count (self);
  return G_SOURCE_REMOVE;
}

/* The context notifies the database and the cluster one after the other;
 * one reload, before the next frame, serves both. */
static void
klynge_clusters_page_reload (KlyngePage *page)
{
  KlyngeClustersPage *self = KLYNGE_CLUSTERS_PAGE (page);

  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_idle, self, NULL);
}

static void
search_changed_cb (KlyngeClustersPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->folded_query, g_free);
  if (*text != '\0')
    self->folded_query = g_utf8_casefold (text, -1);
  klynge_record_table_show_first_rows (self->members_view);
  klynge_record_table_show_first_rows (self->clinics_view);
  gtk_filter_changed (GTK_FILTER (self->members_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->clinics_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
members_activated_cb (GtkColumnView      *view,
                      guint               position,
                      KlyngeClustersPage *self)
{
  g_autoptr(KlyngeMember) member = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);

  gtk_widget_activate_action (GTK_WIDGET (self), "clusters.edit-member", "x", member->id);
}

static void
clinics_activated_cb (GtkColumnView      *view,
                      guint               position,
                      KlyngeClustersPage *self)
{
  g_autoptr(KlyngeClinic) clinic = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);

  gtk_widget_activate_action (GTK_WIDGET (self), "clusters.edit-clinic", "x", clinic->id);
}

static void
klynge_clusters_page_dispose (GObject *object)
{
  KlyngeClustersPage *self = KLYNGE_CLUSTERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_CLUSTERS_PAGE);
  g_clear_object (&self->members_filtered);
  g_clear_object (&self->clinics_filtered);
  g_clear_object (&self->members_filter);
  g_clear_object (&self->clinics_filter);
  g_clear_pointer (&self->folded_query, g_free);
  klynge_cancellable_clear (&self->export_cancellable);
  klynge_cancellable_clear (&self->import_cancellable);
  g_clear_pointer (&self->import_file_name, g_free);
  g_clear_handle_id (&self->reload_source, g_source_remove);

  G_OBJECT_CLASS (klynge_clusters_page_parent_class)->dispose (object);
}

static KlyngeDocument *
klynge_clusters_page_print_document (KlyngePage  *page,
                                     GError     **error)
{
  return klynge_member_export_document (klynge_page_get_db (page), klynge_page_get_cluster (page), error);
}

static void
klynge_clusters_page_class_init (KlyngeClustersPageClass *klass)
{
  /* The editors open on a read-only file too, to be read (and say so). */
  static const char *editing_actions[] = {
    "clusters.new-member", "clusters.new-clinic", "clusters.delete-member", "clusters.delete-clinic",
    "clusters.delete-selected", "clusters.import-members", "clusters.import-practices", NULL
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  member_columns[MEMBER_TITLE].width_chars = longest_title ();
  object_class->dispose = klynge_clusters_page_dispose;
  widget_class->size_allocate = klynge_clusters_page_size_allocate;
  KLYNGE_PAGE_CLASS (klass)->reload = klynge_clusters_page_reload;
  KLYNGE_PAGE_CLASS (klass)->print_document = klynge_clusters_page_print_document;
  klynge_page_class_set_editing_actions (KLYNGE_PAGE_CLASS (klass), editing_actions);

  g_type_ensure (KLYNGE_TYPE_CLUSTER_OVERVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/clusters/klynge-clusters-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, add_menu);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, export_menu);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, summary);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, members_content);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, clinics_content);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, members_empty);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, clinics_empty);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, members_view);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, row_menu);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, clinics_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_list_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, members_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, clinics_activated_cb);

  _klynge_clusters_page_class_actions_init (widget_class);
}

static void
klynge_clusters_page_init (KlyngeClustersPage *self)
{
  g_autoptr(GtkColumnViewColumn) name_column = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_menu_button_set_menu_on_popup (GTK_MENU_BUTTON (self->add_button), self->add_menu);
  klynge_menu_button_set_menu_on_popup (self->export_button, self->export_menu);
  klynge_accessible_name_list (GTK_WIDGET (self->clinics_view), _("Clinics"));
  klynge_accessible_name_list (GTK_WIDGET (self->members_view), _("Members"));
  /* Delete and F2 are the page's, for whichever list it shows. */
  klynge_list_keys_attach (GTK_WIDGET (self->members_view), self->row_menu, NULL, NULL);
  klynge_list_keys_attach (GTK_WIDGET (self->clinics_view), self->row_menu, NULL, NULL);
  /* Everything in its menu adds to the database; disabled, a menu button
   * keeps its suggested colour, so it goes. */
  g_object_bind_property (self, "read-only", self->add_button, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  klynge_page_add_shortcut (KLYNGE_PAGE (self), "<Control>n", "clusters.new-member");
  g_signal_connect (self, "notify::read-only", G_CALLBACK (read_only_changed_cb), NULL);
  read_only_changed_cb (self);

  self->members_filter = gtk_custom_filter_new (member_filter_func, self, NULL);
  self->clinics_filter = gtk_custom_filter_new (clinic_filter_func, self, NULL);
  klynge_record_table_add_columns (self->members_view, member_columns, N_MEMBER_COLUMNS, KLYNGE_TYPE_MEMBER,
                                   G_CALLBACK (bind_member_cb), NULL, member_sort_key, NULL,
                                   buttons_factory (self, "member"));
  klynge_record_table_add_columns (self->clinics_view, clinic_columns, N_CLINIC_COLUMNS, KLYNGE_TYPE_CLINIC,
                                   G_CALLBACK (bind_clinic_cb), NULL, clinic_sort_key, clinic_sort_number,
                                   buttons_factory (self, "clinic"));
  self->members_filtered = klynge_record_table_attach_models (self->members_view, GTK_FILTER (self->members_filter));
  self->clinics_filtered = klynge_record_table_attach_models (self->clinics_view, GTK_FILTER (self->clinics_filter));
  name_column = g_list_model_get_item (gtk_column_view_get_columns (self->members_view), MEMBER_NAME);
  gtk_column_view_sort_by_column (self->members_view, name_column, GTK_SORT_ASCENDING);
}
