/* desk-accessible.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void desk_accessible_tidy_mnemonics (GtkWidget   *root);
void desk_accessible_label_dropdown (GtkWidget *dropdown);
void desk_accessible_follow_combo_row (AdwComboRow *row);
void desk_accessible_label_list     (GtkWidget   *view,
                                     const char  *label);
void desk_accessible_label_row      (GtkWidget   *cell,
                                     const char  *label,
                                     const char  *description);
void desk_accessible_name_by_tooltip (GtkWidget  *root);
void desk_accessible_name_icon_button (GtkWidget  *root,
                                       const char *icon_name,
                                       const char *label);
void desk_accessible_name_internal    (GtkWidget  *root,
                                       GType       type,
                                       const char *id,
                                       const char *label);

G_END_DECLS
