/* desk-ticket-columns.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-core.h"

G_BEGIN_DECLS

GtkListItemFactory *desk_ticket_columns_new_factory    (DeskCatalog *catalog,
                                                     gboolean     narrow);
GtkWidget          *desk_ticket_columns_new_titles     (gboolean     narrow);
int                 desk_ticket_columns_get_wide_width (void);
char               *desk_ticket_status_css_class       (const char  *status);
char               *desk_ticket_status_css             (GListModel  *statuses);

G_END_DECLS
