/* desk-welcome-page.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-welcome-page"

#include "config.h"

#include "desk-accessible.h"
#include "desk-status-icon.h"
#include "desk-welcome-page.h"

/* Shown on the first run, while no account is set up. Its two buttons activate
 * app.preferences and app.try-demo, so the page itself holds no logic. */
struct _DeskWelcomePage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (DeskWelcomePage, desk_welcome_page, ADW_TYPE_BIN)

static void
desk_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (desk_welcome_page_parent_class)->dispose (object);
}

static void
desk_welcome_page_class_init (DeskWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/frontdesk/FrontDesk/"
                                               "welcome/desk-welcome-page.ui");
}

static void
desk_welcome_page_init (DeskWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_status_icon_defer (ADW_STATUS_PAGE (adw_bin_get_child (ADW_BIN (self))));
  desk_accessible_tidy_mnemonics (GTK_WIDGET (self));
}
