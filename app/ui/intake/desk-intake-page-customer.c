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

/* Once the customer is chosen, the next thing to enter is the device. */
static void
move_to_device (DeskIntakePage *self)
{
  gtk_widget_child_focus (GTK_WIDGET (self->devices_box), GTK_DIR_TAB_FORWARD);
}

/* The rows shown are the server's answer to the text in the field, never an older one:
 * while the answer is on its way the picker says so. */
static void
show_answer (DeskIntakePage *self)
{
  DeskListSearch *search = self->customer_finder;
  DeskPagedList *list = desk_list_search_get_list (search);
  const char *text = desk_list_search_get_text (search);
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *hint = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  clear_results (self);
  if (text == NULL)
    {
      show_hint (self, _("Type to find the customer, or check in a walk-in."));
      return;
    }
  if (desk_list_search_get_filtering (search) || desk_paged_list_get_loading (list))
    {
      hint = g_strdup_printf (_("Looking for “%s”…"), text);
      show_hint (self, hint);
      return;
    }
  if (desk_paged_list_get_error (list) != NULL)
    {
      /* Translators: %s says why the search failed, as a sentence. */
      hint = g_strdup_printf (_("%s Press Enter to search again."),
                              desk_paged_list_get_error (list)->message);
      show_hint (self, hint);
      return;
    }
  if (n == 0)
    {
      hint = g_strdup_printf (_("No customer matches “%s”. Check the spelling, or add a new customer."),
                              text);
      show_hint (self, hint);
      return;
    }

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (customers, g_list_model_get_item (G_LIST_MODEL (list), i));
  g_ptr_array_sort (customers, newest_first);
  for (guint i = 0; i < MIN (customers->len, MAX_MATCHES); i++)
    add_result_row (self, g_ptr_array_index (customers, i));
  gtk_stack_set_visible_child_name (self->customer_stack, "results");
}

static void
customer_search_cb (DeskIntakePage *self)
{
  if (self->customer_finder != NULL)
    desk_list_search_set_text (self->customer_finder,
                             gtk_editable_get_text (GTK_EDITABLE (self->customer_search)));
}

/* Enter takes the first match, the newest customer, once the server has answered the
 * text: a typed phone number or e-mail finds one, and the arrow keys reach the others. */
static void
customer_search_activate_cb (DeskIntakePage *self)
{
  if (self->customer_finder != NULL)
    desk_list_search_activate (self->customer_finder);
}

static void
finder_activated_cb (DeskIntakePage *self,
                     gboolean        answered)
{
  GtkWidget *first;

  show_answer (self);
  first = gtk_widget_get_first_child (GTK_WIDGET (self->customer_results));
  if (answered && first != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->customer_stack), "results") == 0)
    {
      desk_intake_page_set_customer (self, g_object_get_data (G_OBJECT (first), "customer"));
      move_to_device (self);
    }
}

static DeskListQuery *
make_query (const char *text,
            gpointer    user_data)
{
  DeskListQuery *query = desk_list_query_new ();

  query->keyword = g_strdup (text);
  query->filter = DESK_LIST_FILTER_UNSET;

  return query;
}

static void
watch_list (gpointer list,
            gpointer user_data)
{
  g_signal_connect_object (list, "items-changed", G_CALLBACK (show_answer), user_data,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "notify::loading", G_CALLBACK (show_answer), user_data,
                           G_CONNECT_SWAPPED);
}

/* The customer search, the one every list screen shares. */
void
desk_intake_page_set_up_customer (DeskIntakePage *self)
{
  self->customer_finder = desk_list_search_new (desk_page_get_client (DESK_PAGE (self)),
                                                DESK_PAGED_LIST_CUSTOMERS);
  desk_list_search_set_query_func (self->customer_finder, make_query, NULL, NULL);
  desk_list_search_foreach_list (self->customer_finder, watch_list, self);
  g_signal_connect_object (self->customer_finder, "changed", G_CALLBACK (show_answer), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->customer_finder, "activated", G_CALLBACK (finder_activated_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
customer_row_activated_cb (DeskIntakePage *self,
                           GtkListBoxRow  *row)
{
  desk_intake_page_set_customer (self, g_object_get_data (G_OBJECT (row), "customer"));
  move_to_device (self);
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
  gtk_widget_class_bind_template_callback (widget_class, customer_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_row_activated_cb);
}
