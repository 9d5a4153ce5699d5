/* desk-welcome-page.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DESK_TYPE_WELCOME_PAGE (desk_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (DeskWelcomePage, desk_welcome_page, DESK, WELCOME_PAGE, AdwBin)

GtkWidget *desk_welcome_page_new (GMenuModel *main_menu);

G_END_DECLS
