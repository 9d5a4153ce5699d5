/* desk-tickets-page-actions.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-tickets-page"

#include "config.h"

#include "desk-tickets-page-private.h"

/* The actions of the Tickets screen and the keys that reach them. */

void
_desk_tickets_page_find_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  DeskTicketsPage *self = DESK_TICKETS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _desk_tickets_page_escape (DESK_TICKETS_PAGE (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _desk_tickets_page_close_detail (DESK_TICKETS_PAGE (widget));
}

void
_desk_tickets_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "tickets.find", NULL,
                                   _desk_tickets_page_find_action);
  gtk_widget_class_install_action (widget_class, "tickets.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "tickets.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "tickets.apply-custom-range", NULL,
                                   _desk_tickets_page_apply_custom_range_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "tickets.escape", NULL);
}

/* Ctrl+F reaches the page from anywhere in the window while the page is shown. */
void
_desk_tickets_page_actions_init (DeskTicketsPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("tickets.find")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
