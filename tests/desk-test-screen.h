/* desk-test-screen.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-application.h"
#include "desk-context.h"
#include "desk-sandbox.h"

G_BEGIN_DECLS

/* One screen against the in-process sandbox, in a window of its own: what the screen tests
 * set up the same way.
 *
 *   desk_test_screen_start (&fixture->screen, "seed", 9, "n-invoices", 300, NULL);
 *   fixture->page = DESK_INVOICES_PAGE (desk_invoices_page_new (fixture->screen.context));
 *   desk_test_screen_show (&fixture->screen, GTK_WIDGET (fixture->page), 1280, 800);
 *   …
 *   desk_test_screen_stop (&fixture->screen);
 */
typedef struct
{
  DeskSandbox   *sandbox;
  DeskApiClient *client;
  GSettings     *settings;
  DeskContext   *context;
  GtkWindow     *window;
  GtkWidget     *page;   /* owned by the window */
} DeskTestScreen;

void       desk_test_screen_start  (DeskTestScreen *screen,
                                    const char     *first_property_name,
                                    ...) G_GNUC_NULL_TERMINATED;
void       desk_test_screen_show   (DeskTestScreen *screen,
                                    GtkWidget      *page,
                                    int             width,
                                    int             height);
void       desk_test_screen_stop   (DeskTestScreen *screen);

GtkWidget *desk_test_find_row_list (GtkWidget      *widget);

DeskApplication *desk_test_start_app (void);

G_END_DECLS
