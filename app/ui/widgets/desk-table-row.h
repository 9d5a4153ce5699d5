/* desk-table-row.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DESK_TYPE_TABLE_ROW (desk_table_row_get_type ())

G_DECLARE_FINAL_TYPE (DeskTableRow, desk_table_row, DESK, TABLE_ROW, GtkWidget)

GtkWidget *desk_table_row_new    (const int    *widths,
                                  guint         n_columns,
                                  int           shared_min_width);
void       desk_table_row_append (DeskTableRow *self,
                                  GtkWidget    *cell);

G_END_DECLS
