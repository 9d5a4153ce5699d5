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

/* Shown on the first run, while no account is set up, with a header bar of its own. Its
 * two buttons activate app.preferences and app.try-demo, so the page itself holds no
 * logic. The window makes it when it is first needed. */
struct _DeskWelcomePage
{
  AdwBin         parent_instance;

  GtkMenuButton *menu_button;
  AdwStatusPage *status_page;
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
  gtk_widget_class_bind_template_child (widget_class, DeskWelcomePage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DeskWelcomePage, status_page);
}

static void
desk_welcome_page_init (DeskWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_status_icon_defer (self->status_page);
  desk_accessible_tidy_mnemonics (GTK_WIDGET (self));
}

/**
 * desk_welcome_page_new:
 * @main_menu: the window's main menu, for the page's header bar
 *
 * Returns: (transfer floating): a new welcome page
 */
GtkWidget *
desk_welcome_page_new (GMenuModel *main_menu)
{
  DeskWelcomePage *self;

  g_return_val_if_fail (G_IS_MENU_MODEL (main_menu), NULL);

  self = g_object_new (DESK_TYPE_WELCOME_PAGE, NULL);
  gtk_menu_button_set_menu_model (self->menu_button, main_menu);

  return GTK_WIDGET (self);
}
