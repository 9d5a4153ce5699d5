/* desk-intake-page-customer.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-intake-page"

#include "config.h"

#include <glib/gi18n.h>

#include "customers/desk-customer-editor.h"
#include "desk-intake-page-private.h"

/* Who brings the device: a customer found by name, phone or e-mail (the newest first), a
 * new customer made with the customer form, or a walk-in with no record. */

void
desk_intake_page_show_chosen (DeskIntakePage *self)
{
  gboolean chosen = self->customer != NULL || self->walk_in;

  gtk_widget_set_visible (GTK_WIDGET (self->chosen_list), chosen);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_picker), !chosen);
  if (chosen)
    desk_customer_row_describe (self->chosen_row, self->customer);
}

/* The customer search, the one every list screen shares. */
void
desk_intake_page_set_up_customer (DeskIntakePage *self)
{
  desk_customer_picker_set_hints (self->customer_picker,
                                  _("Type to find the customer, or check in a walk-in."),
                                  _("Check the spelling, or add a new customer."));
  desk_customer_picker_set_client (self->customer_picker,
                                   desk_page_get_client (DESK_PAGE (self)));
}

/* Once the customer is chosen, the next thing to enter is the device. */
static void
customer_chosen_cb (DeskIntakePage *self,
                    DeskCustomer   *customer)
{
  desk_intake_page_set_customer (self, customer);
  gtk_widget_child_focus (GTK_WIDGET (self->devices_box), GTK_DIR_TAB_FORWARD);
}

static void
walk_in_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DeskIntakePage *self = DESK_INTAKE_PAGE (widget);

  g_clear_object (&self->customer);
  self->walk_in = TRUE;
  desk_intake_page_show_chosen (self);
  desk_intake_page_update (self);
}

static void
change_customer_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DeskIntakePage *self = DESK_INTAKE_PAGE (widget);

  g_clear_object (&self->customer);
  self->walk_in = FALSE;
  desk_intake_page_show_chosen (self);
  desk_intake_page_update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->customer_picker));
}

static void
customer_saved_cb (DeskIntakePage *self,
                   DeskCustomer   *customer)
{
  desk_intake_page_set_customer (self, customer);
}

/* RepairDesk can't be reached: the new customer waits in the outbox, and an intake for
 * them names that change, so that it goes with the id RepairDesk gives them. */
static void
customer_queued_cb (DeskIntakePage *self,
                    DeskCustomer   *customer,
                    DeskChange     *change,
                    const char     *text)
{
  g_set_object (&self->queued_customer, customer);
  g_free (self->queued_customer_change);
  self->queued_customer_change = g_strdup (desk_change_get_uuid (change));
  desk_intake_page_set_customer (self, customer);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
new_customer_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DeskIntakePage *self = DESK_INTAKE_PAGE (widget);
  DeskWriter *writer = desk_context_get_writer (desk_page_get_context (DESK_PAGE (self)));
  DeskCustomerEditor *editor = desk_customer_editor_new (writer, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (customer_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "open-customer", G_CALLBACK (customer_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "queued", G_CALLBACK (customer_queued_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

void
desk_intake_page_class_add_customer (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "intake.walk-in", NULL, walk_in_action_cb);
  gtk_widget_class_install_action (widget_class, "intake.new-customer", NULL, new_customer_action_cb);
  gtk_widget_class_install_action (widget_class, "intake.change-customer", NULL,
                                   change_customer_action_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_chosen_cb);
}
