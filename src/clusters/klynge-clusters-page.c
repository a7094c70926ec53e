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

#include "klynge-accessible.h"
#include "klynge-cluster-details.h"
#include "klynge-clinic.h"
#include "klynge-cluster.h"
#include "klynge-clusters-page-private.h"
#include "klynge-column-fit.h"
#include "klynge-format.h"
#include "klynge-list-keys.h"
#include "klynge-member.h"
#include "klynge-member-export.h"
#include "klynge-money.h"
#include "klynge-row-label.h"
#include "klynge-tooltip.h"


G_DEFINE_FINAL_TYPE (KlyngeClustersPage, klynge_clusters_page, KLYNGE_TYPE_PAGE)

/* Columns: what a cell shows, what it sorts by. */
typedef enum
{
  SORT_TEXT,
  SORT_NUMBER,
  SORT_NONE,
} SortKind;

typedef struct
{
  const char *title;
  SortKind    sort;
  gboolean    expand;
  /* How soon the column leaves a narrow list (0: never). */
  guint       priority;
} Column;

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

static const Column member_columns[N_MEMBER_COLUMNS] = {
  [MEMBER_NAME]   = { N_("Name"),    SORT_TEXT, TRUE,  0 },
  [MEMBER_TITLE]  = { N_("Title"),   SORT_TEXT, FALSE, 5 },
  [MEMBER_CLINIC] = { N_("Clinic"),  SORT_TEXT, TRUE,  2 },
  [MEMBER_ROLES]  = { N_("Roles"),   SORT_TEXT, TRUE,  4 },
  [MEMBER_EMAIL]  = { N_("E-mail"),  SORT_TEXT, TRUE,  1 },
  [MEMBER_PHONE]  = { N_("Phone"),   SORT_TEXT, FALSE, 3 },
  [MEMBER_JOINED] = { N_("Joined"),  SORT_TEXT, FALSE, 7 },
  [MEMBER_STATUS] = { N_("Status"),  SORT_TEXT, FALSE, 6 },
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

static const Column clinic_columns[N_CLINIC_COLUMNS] = {
  [CLINIC_NAME]     = { N_("Name"),            SORT_TEXT,   TRUE,  0 },
  [CLINIC_NUMBER]   = { N_("Number"),          SORT_TEXT,   FALSE, 3 },
  [CLINIC_PATIENTS] = { N_("Listed patients"), SORT_NUMBER, FALSE, 1 },
  [CLINIC_MEMBERS]  = { N_("Members"),         SORT_NUMBER, FALSE, 4 },
  [CLINIC_SYSTEM]   = { N_("Record system"),   SORT_TEXT,   FALSE, 6 },
  [CLINIC_EMAIL]    = { N_("E-mail"),          SORT_TEXT,   TRUE,  2 },
  [CLINIC_PHONE]    = { N_("Phone"),           SORT_TEXT,   FALSE, 5 },
};

void
_klynge_clusters_page_report_error (KlyngeClustersPage *self,
                                    const GError       *error)
{
  klynge_page_add_toast (KLYNGE_PAGE (self), adw_toast_new (error->message));
}

/* Cells */

static char *
member_text (KlyngeMember *member,
             guint         column,
             gboolean      for_sorting)
{
  switch (column)
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
      if (for_sorting || member->joined_on == NULL)
        return g_strdup (member->joined_on != NULL ? member->joined_on : "");
      /* The locale's numeric date: a column of "1. september 2018" is cut. */
      return klynge_format_date_short (member->joined_on);
    case MEMBER_STATUS:
      if (!klynge_member_is_former (member))
        return g_strdup (for_sorting ? "0" : _("Active"));
      if (for_sorting)
        return g_strconcat ("1", member->left_on, NULL);
      {
        g_autofree char *left = klynge_format_date (member->left_on);

        /* Translators: a member who left the cluster on this date */
        return g_strdup_printf (_("Former (left %s)"), left != NULL ? left : member->left_on);
      }
    default:
      g_assert_not_reached ();
    }
}

static char *
clinic_text (KlyngeClinic *clinic,
             guint         column)
{
  switch (column)
    {
    case CLINIC_NAME:
      return g_strdup (clinic->name);
    case CLINIC_NUMBER:
      return g_strdup (clinic->provider_number);
    case CLINIC_PATIENTS:
      return klynge_format_integer (clinic->listed_patients);
    case CLINIC_MEMBERS:
      return klynge_format_integer (clinic->n_members);
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

static char *
member_sort_key (KlyngeMember *member,
                 gpointer      column)
{
  return member_text (member, GPOINTER_TO_UINT (column), TRUE);
}

static char *
clinic_sort_key (KlyngeClinic *clinic,
                 gpointer      column)
{
  return clinic_text (clinic, GPOINTER_TO_UINT (column));
}

static gint64
clinic_sort_number (KlyngeClinic *clinic,
                    gpointer      column)
{
  return GPOINTER_TO_UINT (column) == CLINIC_PATIENTS ? clinic->listed_patients : clinic->n_members;
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

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric != NULL ? 1 : 0);
  gtk_label_set_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "width-chars")));
  if (numeric != NULL)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_member_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  KlyngeMember *member = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = member_text (member, column, FALSE);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  if (column == MEMBER_NAME)
    {
      klynge_tooltip_set_text (label, member->notes);
      klynge_row_label_set (label, text);
    }
  /* Former members stay in the list, greyed, with their history. */
  if (klynge_member_is_former (member))
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
bind_clinic_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  KlyngeClinic *clinic = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = clinic_text (clinic, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (column == CLINIC_NAME)
    {
      klynge_tooltip_set_text (label, clinic->address);
      klynge_row_label_set (label, text);
    }
  if (clinic->left_on != NULL)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
read_only_changed_cb (KlyngeClustersPage *self)
{
  gboolean read_only = klynge_page_get_read_only (KLYNGE_PAGE (self));

  gtk_button_set_label (self->cluster_button, read_only ? _("_Cluster Details…") : _("_Edit Cluster…"));
  /* GTK 4.8 would read the label with its underscore. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cluster_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  read_only ? _("Cluster Details…") : _("Edit Cluster…"), -1);
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

/* GTK 4.8 sorts a column view's list by comparing items through the view's
 * sorter, which gives a string sorter no chance to compute its keys once:
 * every comparison would fold and collate both texts again, 40,000 times for
 * 2,000 members. Each item keeps its collation keys instead, until one of
 * its properties changes: the store updates a saved record in place. */
typedef char *(*SortText) (gpointer item, gpointer column);

typedef struct
{
  SortText text;
  guint    column;
  GQuark   quark;
} TextSort;

G_DEFINE_QUARK (klynge-sort-keys, sort_keys)

static void
forget_sort_keys_cb (GObject *item)
{
  g_object_set_qdata (item, sort_keys_quark (), NULL);
}

static const char *
text_sort_key (gpointer  item,
               TextSort *sort)
{
  GHashTable *keys = g_object_get_qdata (item, sort_keys_quark ());
  const char *key;

  if (keys == NULL)
    {
      keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_object_set_qdata_full (item, sort_keys_quark (), keys, (GDestroyNotify) g_hash_table_unref);
      if (g_signal_handler_find (item, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, forget_sort_keys_cb, NULL) == 0)
        g_signal_connect (item, "notify", G_CALLBACK (forget_sort_keys_cb), NULL);
    }
  key = g_hash_table_lookup (keys, GUINT_TO_POINTER (sort->quark));
  if (key == NULL)
    {
      g_autofree char *text = sort->text (item, GUINT_TO_POINTER (sort->column));
      g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);
      char *collated = g_utf8_collate_key (folded, -1);

      g_hash_table_insert (keys, GUINT_TO_POINTER (sort->quark), collated);
      key = collated;
    }
  return key;
}

static int
compare_text_sort_keys (gconstpointer a,
                        gconstpointer b,
                        gpointer      data)
{
  return strcmp (text_sort_key ((gpointer) a, data), text_sort_key ((gpointer) b, data));
}

static GtkSorter *
column_sorter (SortKind  kind,
               GCallback text_key,
               GCallback number_key,
               guint     column)
{
  GtkExpression *expression;
  TextSort *sort;
  g_autofree char *quark = NULL;

  if (kind == SORT_NONE)
    return NULL;
  if (kind == SORT_NUMBER)
    {
      expression = gtk_cclosure_expression_new (G_TYPE_INT64, NULL, 0, NULL, number_key,
                                                GUINT_TO_POINTER (column), NULL);
      return GTK_SORTER (gtk_numeric_sorter_new (expression));
    }
  sort = g_new (TextSort, 1);
  sort->text = (SortText) text_key;
  sort->column = column;
  quark = g_strdup_printf ("klynge-sort-key-%p-%u", (gpointer) text_key, column);
  sort->quark = g_quark_from_string (quark);
  return GTK_SORTER (gtk_custom_sorter_new (compare_text_sort_keys, sort, g_free));
}

static void
add_columns (GtkColumnView *view,
             const Column  *columns,
             guint          n_columns,
             GCallback      bind,
             GCallback      text_key,
             GCallback      number_key,
             const char    *kind)
{
  GtkListItemFactory *factory;
  GtkColumnViewColumn *column;

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GtkSorter) sorter = column_sorter (columns[i].sort, text_key, number_key, i);

      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
      /* Names are what one looks for: in a narrow window the list scrolls
       * sideways rather than cut them to a first name. A title is a word
       * or two: cut, every row would read the same "Praktiserend…". */
      if (i == 0)
        g_object_set_data (G_OBJECT (factory), "width-chars", GINT_TO_POINTER (22));
      else if (columns == member_columns && i == MEMBER_TITLE)
        g_object_set_data (G_OBJECT (factory), "width-chars", GINT_TO_POINTER (longest_title ()));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb),
                        columns[i].sort == SORT_NUMBER ? GINT_TO_POINTER (1) : NULL);
      g_signal_connect (factory, "bind", bind, NULL);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_sorter (column, sorter);
      klynge_column_fit_set_priority (column, columns[i].priority);
      gtk_column_view_append_column (view, column);
      g_object_unref (column);
    }

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_buttons_cb),
                    gtk_widget_get_ancestor (GTK_WIDGET (view), KLYNGE_TYPE_PAGE));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_buttons_cb), (gpointer) kind);
  column = gtk_column_view_column_new (NULL, factory);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  klynge_column_fit_attach (view);
}

/* GTK 4.8 gives a new model up to 200 rows of widgets at once, which takes
 * far longer than reading 2,000 members. The view therefore shows the first
 * rows of the sorted list and takes a screenful more whenever less than a
 * screenful is left below what is shown. Growing waits for the view's next
 * frame: the rows already there are painted first, a hidden tab's list does
 * not grow at all, and each frame builds only a screenful of rows. */
#define FIRST_ROWS 14
#define MORE_ROWS  20

static gboolean
grow_slice_tick (GtkWidget     *view,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  GtkSliceListModel *slice = data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (slice));
  GListModel *all = gtk_slice_list_model_get_model (slice);
  double below;

  g_object_set_data (G_OBJECT (slice), "grow-tick", NULL);
  if (adjustment == NULL || all == NULL || shown >= g_list_model_get_n_items (all))
    return G_SOURCE_REMOVE;
  below = gtk_adjustment_get_upper (adjustment) -
          (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
  if (below < gtk_adjustment_get_page_size (adjustment))
    gtk_slice_list_model_set_size (slice, shown + MORE_ROWS);
  return G_SOURCE_REMOVE;
}

/* The adjustment changes while the view is being laid out, when rows must
 * not be added; a tab shown again may keep its adjustment's values. */
static void
grow_slice (GtkWidget *view)
{
  GtkSliceListModel *slice = g_object_get_data (G_OBJECT (view), "klynge-slice");

  if (!gtk_widget_get_mapped (view) || g_object_get_data (G_OBJECT (slice), "grow-tick") != NULL)
    return;
  g_object_set_data (G_OBJECT (slice), "grow-tick", GUINT_TO_POINTER (1));
  gtk_widget_add_tick_callback (view, grow_slice_tick, g_object_ref (slice), g_object_unref);
}

static void
vadjustment_cb (GtkScrollable *view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (view);

  if (adjustment == NULL)
    return;
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (grow_slice), view, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (grow_slice), view, G_CONNECT_SWAPPED);
}

/* store → filter (search) → sort (by the clicked column header) → the rows shown → view */
static GtkFilterListModel *
attach_models (GtkColumnView      *view,
               GtkFilter          *filter,
               GtkSliceListModel **slice)
{
  GtkFilterListModel *filtered = gtk_filter_list_model_new (NULL, g_object_ref (filter));
  GtkSortListModel *sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (filtered)),
                                                      g_object_ref (gtk_column_view_get_sorter (view)));
  GtkSingleSelection *selection;

  *slice = gtk_slice_list_model_new (G_LIST_MODEL (sorted), 0, FIRST_ROWS);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (*slice)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  /* The selection, which the view keeps, keeps the slice. */
  g_object_set_data (G_OBJECT (view), "klynge-slice", *slice);
  g_signal_connect (view, "notify::vadjustment", G_CALLBACK (vadjustment_cb), NULL);
  g_signal_connect (view, "map", G_CALLBACK (grow_slice), NULL);
  vadjustment_cb (GTK_SCROLLABLE (view));
  return filtered;
}

/* A new list or search starts again from the first rows. */
static void
show_first_rows (KlyngeClustersPage *self)
{
  gtk_slice_list_model_set_size (self->members_slice, FIRST_ROWS);
  gtk_slice_list_model_set_size (self->clinics_slice, FIRST_ROWS);
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
 * for something else. */
static void
update_empty_state (KlyngeClustersPage *self,
                    gboolean            members,
                    guint               n_shown,
                    guint               n_all)
{
  GtkStack *content = members ? self->members_content : self->clinics_content;
  AdwStatusPage *empty = members ? self->members_empty : self->clinics_empty;

  gtk_stack_set_visible_child_name (content, n_shown > 0 ? "list" : "empty");
  if (n_shown > 0)
    return;
  if (n_all > 0)
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
  gtk_widget_set_visible (adw_status_page_get_child (empty), n_all == 0);
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
  g_autofree char *text = NULL;

  if (n_shown == n_all)
    text = g_strdup_printf (members ? ngettext ("%u member", "%u members", n_all)
                                    : ngettext ("%u clinic", "%u clinics", n_all), n_all);
  else
    /* Translators: how many list items match the search, of how many */
    text = g_strdup_printf (ngettext ("%u of %u shown", "%u of %u shown", n_all), n_shown, n_all);
  gtk_label_set_text (self->count_label, text);
  update_empty_state (self, members, n_shown, n_all);
}

/* More than a board's worth of people would make the summary a wall of
 * text (and measuring it would slow the page): the rest are counted, and
 * named in the tooltip. */
#define BOARD_SHOWN 12

/* One entry per person, in the statutes' order of their first role:
 * "Mette Sørensen (Chair, Board member)". */
static GPtrArray *
board_people (GPtrArray *board)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < board->len; i++)
    {
      KlyngeBoardSeat *seat = g_ptr_array_index (board, i);
      const char *role = klynge_member_role_label (seat->role);
      gpointer found;

      if (g_hash_table_lookup_extended (index, &seat->member_id, NULL, &found))
        {
          char **entry = (char **) &g_ptr_array_index (people, GPOINTER_TO_UINT (found));
          /* Drop the closing parenthesis, add the role, close again. */
          char *more = g_strdup_printf ("%.*s, %s)", (int) strlen (*entry) - 1, *entry, role);

          g_free (*entry);
          *entry = more;
        }
      else
        {
          g_hash_table_insert (index, &seat->member_id, GUINT_TO_POINTER (people->len));
          /* Translators: a board member's name and their roles */
          g_ptr_array_add (people, g_strdup_printf (_("%s (%s)"), seat->member_name, role));
        }
    }
  return g_steal_pointer (&people);
}

/* Fills the board line's text and keeps the whole board for its tooltip. */
static char *
board_markup (KlyngeClustersPage *self,
              GPtrArray          *board)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GPtrArray) people = NULL;

  g_clear_pointer (&self->board_people, g_free);
  self->board_truncated = FALSE;
  if (board == NULL || board->len == 0)
    return g_markup_printf_escaped ("<b>%s</b> %s", _("Board:"), _("no roles given yet; add them to the members."));

  people = board_people (board);
  g_string_append_printf (markup, "<b>%s</b> ", _("Board:"));
  for (guint i = 0; i < MIN (people->len, BOARD_SHOWN); i++)
    {
      g_autofree char *part = g_markup_printf_escaped ("%s%s", i > 0 ? " · " : "",
                                                       (char *) g_ptr_array_index (people, i));

      g_string_append (markup, part);
    }
  if (people->len > BOARD_SHOWN)
    {
      guint rest = people->len - BOARD_SHOWN;
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more", "and %u more", rest), rest);
      g_autofree char *part = g_markup_printf_escaped (" · %s", more);

      g_string_append (markup, part);
      self->board_truncated = TRUE;
    }
  g_ptr_array_add (people, NULL);
  self->board_people = g_strjoinv ("\n", (char **) people->pdata);
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* What a compact summary cuts short, its tooltips give whole. */
static void
update_summary_tooltips (KlyngeClustersPage *self)
{
  GtkLabel *captions[] = { self->clinics_caption, self->gps_caption, self->patients_caption, self->grant_caption };

  klynge_tooltip_set_text (GTK_WIDGET (self->details_label),
                           self->compact ? gtk_label_get_text (self->details_label) : NULL);
  klynge_tooltip_set_text (GTK_WIDGET (self->board_label),
                           self->compact || self->board_truncated ? self->board_people : NULL);
  for (guint i = 0; i < G_N_ELEMENTS (captions); i++)
    klynge_tooltip_set_text (gtk_widget_get_parent (GTK_WIDGET (captions[i])),
                             self->compact ? gtk_label_get_text (captions[i]) : NULL);
}

static void
swap_css_class (GtkWidget  *widget,
                const char *from,
                const char *to)
{
  gtk_widget_remove_css_class (widget, from);
  gtk_widget_add_css_class (widget, to);
}

static void
set_label_one_line (GtkLabel *label,
                    gboolean  one_line)
{
  gtk_label_set_wrap (label, !one_line);
  gtk_label_set_ellipsize (label, one_line ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
}

/* On a short window (a laptop, or 800×600) the full summary would leave the
 * list a handful of rows: it shrinks to a heading line, one line of figures
 * and one of the board, and the list takes the rest. */
static void
set_compact (KlyngeClustersPage *self,
             gboolean            compact)
{
  GtkLabel *values[] = { self->clinics_value, self->gps_value, self->patients_value, self->grant_value };
  GtkLabel *captions[] = { self->clinics_caption, self->gps_caption, self->patients_caption, self->grant_caption };
  /* Not a template child: the bin owns it, and disposes of it. */
  GtkWidget *layout = adw_bin_get_child (ADW_BIN (self));
  int card_margin = compact ? 4 : 12;

  if (self->compact == compact)
    return;
  self->compact = compact;

  gtk_widget_set_margin_top (layout, compact ? 8 : 18);
  gtk_widget_set_margin_bottom (layout, compact ? 8 : 18);
  gtk_box_set_spacing (GTK_BOX (layout), compact ? 6 : 12);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->heading_box),
                                  compact ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (self->heading_box, compact ? 12 : 4);
  gtk_widget_set_valign (GTK_WIDGET (self->name_label), compact ? GTK_ALIGN_BASELINE : GTK_ALIGN_FILL);
  gtk_widget_set_valign (GTK_WIDGET (self->details_label), compact ? GTK_ALIGN_BASELINE : GTK_ALIGN_FILL);
  swap_css_class (GTK_WIDGET (self->name_label), compact ? "title-1" : "title-3", compact ? "title-3" : "title-1");
  set_label_one_line (self->details_label, compact);
  gtk_widget_set_hexpand (GTK_WIDGET (self->details_label), compact);

  gtk_box_set_spacing (self->cards, compact ? 8 : 12);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      GtkWidget *card = gtk_widget_get_parent (GTK_WIDGET (values[i]));

      gtk_orientable_set_orientation (GTK_ORIENTABLE (card),
                                      compact ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
      gtk_box_set_spacing (GTK_BOX (card), compact ? 6 : 2);
      gtk_widget_set_valign (GTK_WIDGET (values[i]), compact ? GTK_ALIGN_BASELINE : GTK_ALIGN_FILL);
      gtk_widget_set_valign (GTK_WIDGET (captions[i]), compact ? GTK_ALIGN_BASELINE : GTK_ALIGN_FILL);
      swap_css_class (GTK_WIDGET (values[i]), compact ? "title-2" : "heading", compact ? "heading" : "title-2");
      gtk_widget_set_margin_top (GTK_WIDGET (values[i]), card_margin);
      gtk_widget_set_margin_bottom (GTK_WIDGET (values[i]), compact ? card_margin : 0);
      gtk_widget_set_margin_end (GTK_WIDGET (values[i]), compact ? 0 : 14);
      gtk_widget_set_margin_top (GTK_WIDGET (captions[i]), compact ? card_margin : 0);
      gtk_widget_set_margin_bottom (GTK_WIDGET (captions[i]), card_margin);
      gtk_widget_set_margin_start (GTK_WIDGET (captions[i]), compact ? 0 : 14);
      gtk_widget_set_hexpand (GTK_WIDGET (captions[i]), compact);
      set_label_one_line (captions[i], compact);
    }
  set_label_one_line (self->board_label, compact);
  update_summary_tooltips (self);
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

static void
load_summary (KlyngeClustersPage *self,
              KlyngeDb           *db,
              gint64              cluster)
{
  g_auto(KlyngeClusterSummary) summary = { 0 };
  g_auto(KlyngeClusterDetails) details = { 0 };
  g_autoptr(GPtrArray) board = klynge_cluster_list_board (db, cluster, NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  KlyngeGrantEstimate estimate;
  g_autoptr(GError) error = NULL;
  g_autofree char *clinics = NULL, *members = NULL, *gps = NULL, *gps_caption = NULL, *patients = NULL, *minimum = NULL;
  g_autofree char *patients_caption = NULL, *yearly = NULL, *start = NULL, *grant_caption = NULL;
  g_autofree char *details_text = NULL, *board_text = NULL;

  if (!klynge_cluster_summary_load (db, cluster, &summary, &error) ||
      !klynge_cluster_details_load (db, cluster, &details, &error))
    {
      gtk_label_set_text (self->name_label, error->message);
      return;
    }
  klynge_cluster_grant_for (&details, summary.n_gps, summary.listed_patients, &estimate);

  gtk_label_set_text (self->name_label, details.name);
  if (*details.region != '\0')
    g_ptr_array_add (parts, details.region);
  if (*details.municipalities != '\0')
    g_ptr_array_add (parts, details.municipalities);
  if (*details.registration_number != '\0')
    g_ptr_array_add (parts, details.registration_number);
  g_ptr_array_add (parts, NULL);
  details_text = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (self->details_label, details_text);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), *details_text != '\0');

  clinics = klynge_format_integer (summary.n_clinics);
  gtk_label_set_text (self->clinics_value, clinics);
  gtk_label_set_text (self->clinics_caption, ngettext ("clinic in the cluster", "clinics in the cluster", summary.n_clinics));

  gps = klynge_format_integer (summary.n_gps);
  members = klynge_format_integer (summary.n_members);
  gps_caption = g_strdup_printf (ngettext ("GPs, of %s active member", "GPs, of %s active members", summary.n_members),
                                 members);
  gtk_label_set_text (self->gps_value, gps);
  gtk_label_set_text (self->gps_caption, gps_caption);

  patients = klynge_format_integer (summary.listed_patients);
  minimum = klynge_format_integer (summary.min_listed_patients);
  patients_caption = g_strdup_printf (summary.listed_patients >= summary.min_listed_patients
                                        ? _("Listed patients: meets the minimum of %s")
                                        : _("Listed patients: below the minimum of %s"),
                                      minimum);
  gtk_label_set_text (self->patients_value, patients);
  gtk_label_set_text (self->patients_caption, patients_caption);
  if (summary.listed_patients >= summary.min_listed_patients)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->patients_value), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->patients_value), "success");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->patients_value), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->patients_value), "warning");
    }

  yearly = klynge_money_format (estimate.yearly_grant, summary.currency);
  start = klynge_money_format (estimate.start_grant, summary.currency);
  grant_caption = g_strdup_printf (_("Estimated yearly grant; start-up grant %s"), start);
  gtk_label_set_text (self->grant_value, yearly);
  gtk_label_set_text (self->grant_caption, grant_caption);

  board_text = board_markup (self, board);
  gtk_label_set_markup (self->board_label, board_text);
  update_summary_tooltips (self);
}

/* A column view creates up to 200 rows for a new model, whether it is on
 * screen or not, and the members tab opens first: the clinics are read and
 * go into their list when their tab is shown. */
static void
show_clinics_if_visible (KlyngeClustersPage *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "clinics") != 0 || self->store == NULL)
    return;
  if (!klynge_cluster_store_load_clinics (self->store, &error))
    _klynge_clusters_page_report_error (self, error);
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
  KlyngeClusterStore *store = klynge_context_get_cluster_store (klynge_page_get_context (KLYNGE_PAGE (self)));
  g_autoptr(GError) error = NULL;

  self->reload_source = 0;
  /* The same store has updated its records in place: the lists keep their
   * rows, scroll position and selection. Another one is another list. */
  if (g_set_object (&self->store, store))
    {
      gtk_filter_list_model_set_model (self->members_filtered, store != NULL ? klynge_cluster_store_get_members (store) : NULL);
      gtk_filter_list_model_set_model (self->clinics_filtered, store != NULL ? klynge_cluster_store_get_clinics (store) : NULL);
      show_first_rows (self);
    }
  if (db == NULL || cluster == 0 || store == NULL)
    return G_SOURCE_REMOVE;

  load_summary (self, db, cluster);
  if (klynge_cluster_store_get_error (store) != NULL)
    _klynge_clusters_page_report_error (self, klynge_cluster_store_get_error (store));
  else if (!klynge_cluster_store_load_members (store, &error))
    _klynge_clusters_page_report_error (self, error);
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
  show_first_rows (self);
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
  g_clear_object (&self->members_slice);
  g_clear_object (&self->clinics_slice);
  g_clear_object (&self->members_filter);
  g_clear_object (&self->clinics_filter);
  g_clear_pointer (&self->folded_query, g_free);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->board_people, g_free);

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

  object_class->dispose = klynge_clusters_page_dispose;
  widget_class->size_allocate = klynge_clusters_page_size_allocate;
  KLYNGE_PAGE_CLASS (klass)->reload = klynge_clusters_page_reload;
  KLYNGE_PAGE_CLASS (klass)->print_document = klynge_clusters_page_print_document;
  klynge_page_class_set_editing_actions (KLYNGE_PAGE_CLASS (klass), editing_actions);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/clusters/klynge-clusters-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, heading_box);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, cards);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, cluster_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, clinics_value);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, clinics_caption);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, gps_value);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, gps_caption);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, patients_value);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, patients_caption);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, grant_value);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, grant_caption);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClustersPage, board_label);
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

  self->members_filter = gtk_custom_filter_new (member_filter_func, self, NULL);
  self->clinics_filter = gtk_custom_filter_new (clinic_filter_func, self, NULL);
  add_columns (self->members_view, member_columns, N_MEMBER_COLUMNS,
               G_CALLBACK (bind_member_cb), G_CALLBACK (member_sort_key), NULL, "member");
  add_columns (self->clinics_view, clinic_columns, N_CLINIC_COLUMNS,
               G_CALLBACK (bind_clinic_cb), G_CALLBACK (clinic_sort_key), G_CALLBACK (clinic_sort_number), "clinic");
  self->members_filtered = attach_models (self->members_view, GTK_FILTER (self->members_filter), &self->members_slice);
  self->clinics_filtered = attach_models (self->clinics_view, GTK_FILTER (self->clinics_filter), &self->clinics_slice);
  name_column = g_list_model_get_item (gtk_column_view_get_columns (self->members_view), MEMBER_NAME);
  gtk_column_view_sort_by_column (self->members_view, name_column, GTK_SORT_ASCENDING);
}
