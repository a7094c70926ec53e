/* klynge-cluster-overview.c
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The top of the Clusters & members area: the cluster's name and details,
 * its figures (clinics, GPs, listed patients, the grant) and its board,
 * in full or, on a short window, compact.
 */

#include "klynge-i18n.h"

#include <string.h>

#include "klynge-cluster-details.h"
#include "klynge-cluster-overview.h"
#include "klynge-cluster.h"
#include "klynge-format.h"
#include "klynge-member.h"
#include "klynge-menu-button.h"
#include "klynge-money.h"
#include "klynge-tooltip.h"

struct _KlyngeClusterOverview
{
  GtkBox         parent_instance;

  GtkBox        *heading_box;
  GtkBox        *cards;
  GtkLabel      *name_label;
  GtkButton     *cluster_button;
  GtkMenuButton *menu_button;
  GMenuModel    *cluster_menu;
  GtkLabel      *details_label;
  GtkLabel      *clinics_value;
  GtkLabel      *clinics_caption;
  GtkLabel      *gps_value;
  GtkLabel      *gps_caption;
  GtkLabel      *patients_value;
  GtkLabel      *patients_caption;
  GtkLabel      *grant_value;
  GtkLabel      *grant_caption;
  GtkLabel      *board_label;

  char          *board_people;    /* the whole board, a person a line; NULL: none */
  gboolean       board_truncated; /* more people than the line names */
  gboolean       compact;         /* the summary fits in a few lines */
};

G_DEFINE_FINAL_TYPE (KlyngeClusterOverview, klynge_cluster_overview, GTK_TYPE_BOX)

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
board_markup (KlyngeClusterOverview *self,
              GPtrArray             *board,
              const GError          *error)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GPtrArray) people = NULL;

  g_clear_pointer (&self->board_people, g_free);
  self->board_truncated = FALSE;
  /* A board that could not be read is not "no roles given yet". */
  if (error != NULL)
    return g_markup_printf_escaped ("<b>%s</b> %s", _("Board:"), error->message);
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
update_summary_tooltips (KlyngeClusterOverview *self)
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

/**
 * klynge_cluster_overview_set_compact:
 *
 * On a short window (a laptop, or 800×600) the full summary would leave the
 * list a handful of rows: it shrinks to a heading line, one line of figures
 * and one of the board.
 */
void
klynge_cluster_overview_set_compact (KlyngeClusterOverview *self,
                                    gboolean              compact)
{
  GtkLabel *values[] = { self->clinics_value, self->gps_value, self->patients_value, self->grant_value };
  GtkLabel *captions[] = { self->clinics_caption, self->gps_caption, self->patients_caption, self->grant_caption };
  int card_margin = compact ? 4 : 12;

  g_return_if_fail (KLYNGE_IS_CLUSTER_OVERVIEW (self));

  if (self->compact == compact)
    return;
  self->compact = compact;

  gtk_box_set_spacing (GTK_BOX (self), compact ? 6 : 12);

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

static void
klynge_cluster_overview_dispose (GObject *object)
{
  KlyngeClusterOverview *self = KLYNGE_CLUSTER_OVERVIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KLYNGE_TYPE_CLUSTER_OVERVIEW);
  g_clear_pointer (&self->board_people, g_free);

  G_OBJECT_CLASS (klynge_cluster_overview_parent_class)->dispose (object);
}

static void
klynge_cluster_overview_class_init (KlyngeClusterOverviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = klynge_cluster_overview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/klynge/Klynge/clusters/klynge-cluster-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterOverview, heading_box);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterOverview, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterOverview, cluster_menu);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterOverview, cards);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterOverview, name_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterOverview, cluster_button);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterOverview, details_label);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterOverview, clinics_value);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterOverview, clinics_caption);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterOverview, gps_value);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterOverview, gps_caption);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterOverview, patients_value);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterOverview, patients_caption);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterOverview, grant_value);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterOverview, grant_caption);
  gtk_widget_class_bind_template_child (widget_class, KlyngeClusterOverview, board_label);
}

static void
klynge_cluster_overview_init (KlyngeClusterOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  klynge_menu_button_set_menu_on_popup (self->menu_button, self->cluster_menu);
}

/* On a read-only file the cluster's editor opens to be read: the button says so. */
void
klynge_cluster_overview_set_read_only (KlyngeClusterOverview *self,
                                      gboolean              read_only)
{
  g_return_if_fail (KLYNGE_IS_CLUSTER_OVERVIEW (self));

  gtk_button_set_label (self->cluster_button, read_only ? _("_Cluster Details…") : _("_Edit Cluster…"));
  /* GTK 4.8 would read the label with its underscore. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cluster_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  read_only ? _("Cluster Details…") : _("Edit Cluster…"), -1);
}

/* Fills the summary with @cluster's details, figures and board. */
void
klynge_cluster_overview_load (KlyngeClusterOverview *self,
                             KlyngeDb             *db,
                             gint64                cluster)
{
  g_auto(KlyngeClusterSummary) summary = { 0 };
  g_auto(KlyngeClusterDetails) details = { 0 };
  g_autoptr(GError) board_error = NULL;
  g_autoptr(GPtrArray) board = klynge_cluster_list_board (db, cluster, &board_error);
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

  board_text = board_markup (self, board, board_error);
  gtk_label_set_markup (self->board_label, board_text);
  update_summary_tooltips (self);
}
