/* desk-page.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-core.h"

G_BEGIN_DECLS

#define DESK_TYPE_PAGE (desk_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (DeskPage, desk_page, DESK, PAGE, GtkWidget)

struct _DeskPageClass
{
  GtkWidgetClass parent_class;
};

DeskApiClient *desk_page_get_client   (DeskPage        *self);
DeskCatalog   *desk_page_get_catalog  (DeskPage        *self);
GSettings     *desk_page_get_settings (DeskPage        *self);
GListModel    *desk_page_get_list     (DeskPage        *self,
                                       DeskCatalogKind  kind);

G_END_DECLS
