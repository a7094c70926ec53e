/* klynge-page.h
 *
 * Copyright 2026 The Klynge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "klynge-context.h"
#include "klynge-document.h"

G_BEGIN_DECLS

#define KLYNGE_TYPE_PAGE (klynge_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (KlyngePage, klynge_page, KLYNGE, PAGE, AdwBin)

/**
 * KlyngePageClass:
 * @reload: show the context's current database and cluster (the database may be %NULL)
 * @save_pending: store what was typed and is valid before the window closes;
 *   %FALSE when something cannot be saved and the page asks what to do
 * @print_document: what Print (Ctrl+P) prints in the area as it stands;
 *   %NULL with @error set when there is nothing to print
 *
 * The page's actions that change the database (klynge_page_class_set_editing_actions())
 * are disabled while it is read-only; the page itself enables and disables
 * them with klynge_page_set_action_enabled(), never directly. The
 * "read-only" property follows the context's, for what is no action.
 *
 * The base of the five areas of the window.
 */
struct _KlyngePageClass
{
  AdwBinClass parent_class;

  void     (*reload)       (KlyngePage *self);
  gboolean (*save_pending) (KlyngePage *self);
  KlyngeDocument *(*print_document) (KlyngePage  *self,
                                     GError     **error);

  /*< private >*/
  const char * const *editing_actions;
};

void           klynge_page_class_set_editing_actions (KlyngePageClass    *klass,
                                                      const char * const *actions);
void           klynge_page_set_action_enabled        (KlyngePage         *self,
                                                      const char         *action,
                                                      gboolean            enabled);
gboolean       klynge_page_get_read_only             (KlyngePage         *self);
gboolean       klynge_page_get_narrow                (KlyngePage         *self);
void           klynge_page_reflow                    (GtkWidget          *widget);
void           klynge_page_bind_view_picker          (GtkDropDown        *picker,
                                                      AdwViewStack       *stack);

gboolean       klynge_page_save_pending              (KlyngePage         *self);
gboolean       klynge_page_print                     (KlyngePage         *self,
                                                      GtkPrintOperationAction action,
                                                      const char         *export_filename,
                                                      GError            **error);

KlyngeContext *klynge_page_get_context (KlyngePage    *self);
void           klynge_page_set_context (KlyngePage    *self,
                                        KlyngeContext *context);
KlyngeDb      *klynge_page_get_db      (KlyngePage    *self);
gint64         klynge_page_get_cluster (KlyngePage    *self);
void           klynge_page_push_undo   (KlyngePage     *self,
                                        KlyngeSnapshot *snapshot,
                                        const char     *message);
void           klynge_page_report_error (KlyngePage   *self,
                                         const GError *error);
gboolean       klynge_page_report_task  (KlyngePage   *self,
                                         gboolean      done,
                                         const GError *error,
                                         const char   *message);
void           klynge_page_add_undo_toast (KlyngePage *self,
                                           const char *message);
AdwToast      *klynge_page_undo_toast_new (const char *message);
void           klynge_page_add_toast   (KlyngePage    *self,
                                        AdwToast      *toast);
void           klynge_page_ellipsize_picker (GtkDropDown *picker);
void           klynge_page_add_shortcut (KlyngePage *self,
                                         const char *accelerator,
                                         const char *action);
void           klynge_page_show_message (GtkWidget    *widget,
                                         const char   *text);

G_END_DECLS
