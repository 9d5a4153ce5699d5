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

/* How many matching customers the picker shows. */
#define MAX_MATCHES 8

static char *
customer_details (DeskCustomer *customer)
{
  const char *phone = desk_customer_get_phone (customer);
  const char *mobile = desk_customer_get_mobile (customer);
  const char *email = desk_customer_get_email (customer);
  GStrvBuilder *builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (phone != NULL && *phone != '\0')
    g_strv_builder_add (builder, phone);
  else if (mobile != NULL && *mobile != '\0')
    g_strv_builder_add (builder, mobile);
  if (email != NULL && *email != '\0')
    g_strv_builder_add (builder, email);
  parts = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return g_strjoinv (" · ", parts);
}

void
desk_intake_page_show_chosen (DeskIntakePage *self)
{
  gboolean chosen = self->customer != NULL || self->walk_in;
  g_autofree char *details = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->chosen_list), chosen);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_search), !chosen);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_stack), !chosen);

  if (self->customer != NULL)
    {
      details = customer_details (self->customer);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chosen_row),
                                     desk_customer_get_full_name (self->customer));
      adw_action_row_set_subtitle (self->chosen_row, details);
    }
  else if (self->walk_in)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chosen_row), _("Walk-in Customer"));
      adw_action_row_set_subtitle (self->chosen_row, _("No customer record"));
    }
}

static void
clear_results (DeskIntakePage *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->customer_results))) != NULL)
    gtk_list_box_remove (self->customer_results, row);
}

static void
show_hint (DeskIntakePage *self,
           const char     *hint)
{
  gtk_label_set_text (self->customer_hint, hint);
  gtk_stack_set_visible_child_name (self->customer_stack, "hint");
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  gint64 id_a = desk_customer_get_id (*(DeskCustomer * const *) a);
  gint64 id_b = desk_customer_get_id (*(DeskCustomer * const *) b);

  return id_a < id_b ? 1 : id_a > id_b ? -1 : 0;
}

static void
add_result_row (DeskIntakePage *self,
                DeskCustomer   *customer)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *details = customer_details (customer);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), desk_customer_get_full_name (customer));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "customer", g_object_ref (customer), g_object_unref);
  gtk_list_box_append (self->customer_results, row);
}

static void
customers_found_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DeskIntakePage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autofree char *hint = NULL;

  customers = desk_api_client_list_customers_finish (DESK_API_CLIENT (object), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  clear_results (self);
  if (error != NULL)
    {
      show_hint (self, error->message);
      return;
    }
  if (customers->len == 0)
    {
      hint = g_strdup_printf (_("No customer matches “%s”. Check the spelling, or add a new customer."),
                              gtk_editable_get_text (GTK_EDITABLE (self->customer_search)));
      show_hint (self, hint);
      return;
    }

  g_ptr_array_sort (customers, newest_first);
  for (guint i = 0; i < MIN (customers->len, MAX_MATCHES); i++)
    add_result_row (self, g_ptr_array_index (customers, i));
  gtk_stack_set_visible_child_name (self->customer_stack, "results");
}

static void
customer_search_cb (DeskIntakePage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->customer_search))));
  DeskListQuery query = { .keyword = text, .filter = DESK_LIST_FILTER_UNSET };

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (*text == '\0')
    {
      clear_results (self);
      show_hint (self, _("Type to find the customer, or check in a walk-in."));
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  desk_api_client_list_customers_async (desk_page_get_client (DESK_PAGE (self)), &query, 0,
                                        self->search_cancellable, customers_found_cb, self);
}

/* Enter takes the first match, the newest customer: a typed phone number or e-mail finds
 * one, and the arrow keys reach the others. */
static void
customer_search_activate_cb (DeskIntakePage *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->customer_results));

  if (first != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->customer_stack), "results") == 0)
    desk_intake_page_set_customer (self, g_object_get_data (G_OBJECT (first), "customer"));
}

static void
customer_row_activated_cb (DeskIntakePage *self,
                           GtkListBoxRow  *row)
{
  desk_intake_page_set_customer (self, g_object_get_data (G_OBJECT (row), "customer"));
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
  gtk_widget_grab_focus (GTK_WIDGET (self->customer_search));
}

static void
customer_saved_cb (DeskIntakePage *self,
                   DeskCustomer   *customer)
{
  desk_intake_page_set_customer (self, customer);
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
  gtk_window_present (GTK_WINDOW (editor));
}

void
desk_intake_page_class_add_customer (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "intake.walk-in", NULL, walk_in_action_cb);
  gtk_widget_class_install_action (widget_class, "intake.new-customer", NULL, new_customer_action_cb);
  gtk_widget_class_install_action (widget_class, "intake.change-customer", NULL,
                                   change_customer_action_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_row_activated_cb);
}
