/* desk-page.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-context.h"
#include "desk-core.h"

G_BEGIN_DECLS

#define DESK_TYPE_PAGE (desk_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (DeskPage, desk_page, DESK, PAGE, GtkWidget)

/**
 * DeskPageClass:
 * @reload: reads what the screen shows afresh from the server
 * @show_record: opens one record of the screen's kind (a #DeskTicket on the Tickets
 *   screen); returns %FALSE for a record the screen does not show
 * @focus_search: puts the cursor in the screen's search
 *
 * What the window asks of every screen. Each has a default that does nothing.
 */
struct _DeskPageClass
{
  GtkWidgetClass parent_class;

  void     (*reload)       (DeskPage   *self);
  gboolean (*show_record)  (DeskPage   *self,
                            DeskRecord *record);
  void     (*focus_search) (DeskPage   *self);
};

DeskContext   *desk_page_get_context  (DeskPage        *self);
DeskApiClient *desk_page_get_client   (DeskPage        *self);
DeskCatalog   *desk_page_get_catalog  (DeskPage        *self);
GSettings     *desk_page_get_settings (DeskPage        *self);
GListModel    *desk_page_get_list     (DeskPage        *self,
                                       DeskCatalogKind  kind);
void           desk_page_reload       (DeskPage        *self);
gboolean       desk_page_show_record  (DeskPage        *self,
                                       DeskRecord      *record);
void           desk_page_focus_search (DeskPage        *self);

G_END_DECLS
