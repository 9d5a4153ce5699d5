/* desk-invoice-editor.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-invoice-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "desk-accessible.h"
#include "desk-customer-check.h"
#include "desk-invoice-editor-private.h"
#include "desk-message-dialog.h"
#include "desk-out-of-view.h"

/* The invoice form, for a new invoice and for changing one: the customer (found with the
 * shared search, or a walk-in), lines from the inventory and free lines, each with
 * quantity, price, discount and tax class, the due date, and the totals worked out the
 * server's way (desk-invoice-lines.c). Saving goes through the context's DeskWriter,
 * once: the form is insensitive while it is on its way; when its fate is unknown the
 * form looks for the invoice on the server before it offers to send it again; a refusal
 * keeps everything typed and says why. The lines are in desk-invoice-editor-lines.c, the
 * sending in desk-invoice-editor-save.c. */

G_DEFINE_FINAL_TYPE (DeskInvoiceEditor, desk_invoice_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_INVOICE_ID,
  PROP_READY,
  PROP_BUSY,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* How many matching customers the picker shows. */
#define MAX_CUSTOMERS 6

/* GTK 4.8 owes a focus-out to an entry whose window goes while it has the focus. */
void
desk_invoice_editor_close (DeskInvoiceEditor *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

gboolean
desk_invoice_editor_is_new (DeskInvoiceEditor *self)
{
  return self->invoice_id == 0;
}

/* --- Messages and state --------------------------------------------------------------- */

void
desk_invoice_editor_show_message (DeskInvoiceEditor *self,
                                  const char        *message,
                                  const char        *style,
                                  gboolean           offer_send_again)
{
  gtk_widget_remove_css_class (self->message_box, "error");
  gtk_widget_remove_css_class (self->message_box, "warning");
  gtk_widget_remove_css_class (self->message_box, "info");
  if (style != NULL)
    gtk_widget_add_css_class (self->message_box, style);
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
  /* The button beside the message sends again; after a check that could not be made it
   * checks again instead (desk_invoice_editor_offer_check_again). */
  gtk_button_set_label (self->send_again_button, _("Send _Again"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->send_again_button), "editor.send-again");
  gtk_widget_set_visible (GTK_WIDGET (self->send_again_button), offer_send_again);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.send-again", offer_send_again);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.check-again", FALSE);
}

static gboolean
has_customer (DeskInvoiceEditor *self)
{
  return self->customer != NULL || self->walk_in;
}

static gboolean
can_save (DeskInvoiceEditor *self)
{
  return self->ready && !self->busy && self->lines_valid && self->lines->len > 0 &&
         has_customer (self) && !self->offer_send_again && !self->check_failed;
}

void
desk_invoice_editor_update_actions (DeskInvoiceEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", can_save (self));
}

/* A text field that turns insensitive with the focus keeps its cursor blinking on GTK 4.8
 * (and warns of a missing focus-out): the focus leaves the form while it is sent, and comes
 * back to where it was. */
static void
keep_focus (DeskInvoiceEditor *self,
            gboolean           busy)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (busy)
    {
      g_set_weak_pointer (&self->focus_before, focus);
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
      return;
    }

  if (self->focus_before != NULL && gtk_widget_get_root (self->focus_before) == GTK_ROOT (self))
    gtk_widget_grab_focus (self->focus_before);
  g_clear_weak_pointer (&self->focus_before);
}

void
desk_invoice_editor_set_busy (DeskInvoiceEditor *self,
          gboolean           busy)
{
  if (busy)
    keep_focus (self, TRUE);
  self->busy = busy;
  desk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_sensitive (self->form_box, !busy);
  /* Leaving mid-save would leave nobody to say whether the invoice was made. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel", !busy);
  desk_invoice_editor_update_actions (self);
  if (!busy)
    keep_focus (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_ready (DeskInvoiceEditor *self)
{
  if (self->ready || self->index == NULL || (!desk_invoice_editor_is_new (self) && self->loaded == NULL))
    return;

  self->ready = TRUE;
  gtk_widget_set_sensitive (self->form_box, TRUE);
  if (!has_customer (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->customer_picker));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->item_search));
  desk_invoice_editor_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

/* --- Customer --------------------------------------------------------------------------- */

static void
show_chosen (DeskInvoiceEditor *self)
{
  gboolean chosen = has_customer (self);

  gtk_widget_set_visible (GTK_WIDGET (self->chosen_list), chosen);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_picker), !chosen);
  if (chosen)
    desk_customer_row_describe (self->chosen_row, self->customer);
  desk_invoice_editor_update_actions (self);
}

static void
move_to_items (DeskInvoiceEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->item_search));
}

static void
set_up_customer (DeskInvoiceEditor *self)
{
  desk_customer_picker_set_hints (self->customer_picker,
                                  _("Type to find the customer, or sell to a walk-in."),
                                  _("Check the spelling, or sell to a walk-in."));
  desk_customer_picker_set_max_results (self->customer_picker, MAX_CUSTOMERS);
  desk_customer_picker_set_client (self->customer_picker, desk_context_get_client (self->context));
}

static void
customer_chosen_cb (DeskInvoiceEditor *self,
                    DeskCustomer      *customer)
{
  desk_invoice_editor_set_customer (self, customer);
  move_to_items (self);
}

static void
walk_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DeskInvoiceEditor *self = DESK_INVOICE_EDITOR (widget);

  g_clear_object (&self->customer);
  self->walk_in = TRUE;
  show_chosen (self);
  move_to_items (self);
}

static void
change_customer_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DeskInvoiceEditor *self = DESK_INVOICE_EDITOR (widget);

  g_clear_object (&self->customer);
  self->walk_in = FALSE;
  show_chosen (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->customer_picker));
}

/* --- Due date ---------------------------------------------------------------------------- */

void
desk_invoice_editor_show_due (DeskInvoiceEditor *self)
{
  g_autoptr(GDateTime) due = g_date_time_new_from_unix_local (self->due_on);
  g_autofree char *text = due != NULL ? g_date_time_format (due, "%e %b %Y") : NULL;

  gtk_menu_button_set_label (self->due_button, text != NULL ? g_strstrip (text) : "");
  /* The calendar follows without moving the date to its own time of day. */
  self->showing_due = TRUE;
  if (due != NULL)
    gtk_calendar_select_day (self->due_calendar, due);
  self->showing_due = FALSE;
}

static void
due_day_selected_cb (DeskInvoiceEditor *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) noon = NULL;
  gint64 due_on;

  if (self->showing_due)
    return;

  day = gtk_calendar_get_date (self->due_calendar);
  noon = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), 12, 0, 0);
  due_on = g_date_time_to_unix (noon);
  if (due_on == self->due_on)
    return;
  self->due_on = due_on;
  self->dirty = TRUE;
  desk_invoice_editor_show_due (self);
}

void
desk_invoice_editor_emit_saved (DeskInvoiceEditor *self,
                                DeskInvoice       *invoice)
{
  g_signal_emit (self, signals[SAVED], 0, invoice);
}

/* --- Loading ------------------------------------------------------------------------------- */

static void
inventory_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DeskInvoiceEditor) self = user_data;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = desk_api_client_list_inventory_finish (DESK_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (items == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The inventory could not be loaded. Free lines can still be added. %s"),
                         error->message);

      items = g_ptr_array_new_with_free_func (g_object_unref);
      desk_invoice_editor_show_message (self, message, "warning", FALSE);
    }

  self->index = desk_inventory_index_new (items);
  desk_invoice_editor_search_items (self);
  set_ready (self);
}

static void
invoice_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DeskInvoiceEditor) self = user_data;
  g_autoptr(DeskInvoice) invoice = NULL;
  g_autoptr(GError) error = NULL;

  invoice = desk_api_client_get_invoice_finish (DESK_API_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (invoice == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The invoice could not be loaded. %s"),
                                                  error->message);

      desk_invoice_editor_show_message (self, message, "error", FALSE);
      return;
    }

  self->loaded = g_steal_pointer (&invoice);
  desk_invoice_editor_fill (self, self->loaded);
  set_ready (self);
}

static void
tax_classes_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DeskInvoiceEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!desk_catalog_load_finish (DESK_CATALOG (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  desk_invoice_editor_add_tax_classes (self,
    desk_catalog_get_model (DESK_CATALOG (object), DESK_CATALOG_TAX_CLASSES));
}

static void
load (DeskInvoiceEditor *self)
{
  DeskApiClient *client = desk_context_get_client (self->context);

  desk_catalog_load_async (desk_context_get_catalog (self->context), DESK_CATALOG_TAX_CLASSES,
                           self->cancellable, tax_classes_cb, g_object_ref (self));
  /* Prices and stock move: the inventory is read fresh for each invoice. */
  desk_api_client_list_inventory_async (client, self->cancellable, inventory_cb,
                                        g_object_ref (self));
  if (!desk_invoice_editor_is_new (self))
    desk_api_client_get_invoice_async (client, self->invoice_id, self->cancellable,
                                       invoice_loaded_cb, g_object_ref (self));
}

/* --- Leaving ------------------------------------------------------------------------------- */

static void
discard_response_cb (DeskInvoiceEditor *self,
                     const char        *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->dirty = FALSE;
  desk_invoice_editor_close (self);
}

/* Escape in a search clears it, and closes the form once it is empty, as elsewhere. */
static void
search_stop_cb (DeskInvoiceEditor *self,
                GtkSearchEntry    *entry)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "editor.cancel", NULL);
}

static void
customer_stop_search_cb (DeskInvoiceEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.cancel", NULL);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
desk_invoice_editor_close_request (GtkWindow *window)
{
  DeskInvoiceEditor *self = DESK_INVOICE_EDITOR (window);

  if (self->busy)
    return TRUE;
  if (self->dirty && self->lines->len > 0)
    {
      desk_message_dialog_ask (window,
                               desk_invoice_editor_is_new (self) ? _("Discard This Invoice?")
                                             : _("Discard the Changes?"),
                               _("The lines typed here will be lost."),
                               "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE,
                               G_CALLBACK (discard_response_cb), self);
      return TRUE;
    }

  gtk_window_set_focus (window, NULL);

  return GTK_WINDOW_CLASS (desk_invoice_editor_parent_class)->close_request (window);
}

/* --- GObject ----------------------------------------------------------------------------- */

static void
desk_invoice_editor_constructed (GObject *object)
{
  DeskInvoiceEditor *self = DESK_INVOICE_EDITOR (object);

  G_OBJECT_CLASS (desk_invoice_editor_parent_class)->constructed (object);

  g_assert (DESK_IS_CONTEXT (self->context));

  adw_window_title_set_title (self->window_title, desk_invoice_editor_is_new (self) ? _("New Invoice")
                                                                 : _("Edit Invoice"));
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  gtk_button_set_label (self->save_button, desk_invoice_editor_is_new (self) ? _("C_reate") : _("_Save"));
  self->due_on = g_get_real_time () / G_USEC_PER_SEC;
  desk_invoice_editor_show_due (self);
  set_up_customer (self);
  show_chosen (self);
  gtk_widget_set_sensitive (self->form_box, FALSE);
  desk_invoice_editor_update_totals (self);
  load (self);
}

static void
desk_invoice_editor_dispose (GObject *object)
{
  DeskInvoiceEditor *self = DESK_INVOICE_EDITOR (object);

  self->disposing = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->customer);
  g_clear_object (&self->change);
  g_clear_object (&self->loaded);
  g_clear_object (&self->saved);
  g_clear_pointer (&self->index, desk_inventory_index_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_weak_pointer (&self->focus_before);

  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_INVOICE_EDITOR);

  /* After the template: the line rows are gone, and with them the last use of a line. */
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_object (&self->tax_names);
  g_clear_pointer (&self->tax_ids, g_array_unref);
  g_clear_pointer (&self->tax_rates, g_array_unref);

  G_OBJECT_CLASS (desk_invoice_editor_parent_class)->dispose (object);
}

static void
desk_invoice_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DeskInvoiceEditor *self = DESK_INVOICE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_INVOICE_ID:
      g_value_set_int64 (value, self->invoice_id);
      break;
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_invoice_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DeskInvoiceEditor *self = DESK_INVOICE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_INVOICE_ID:
      self->invoice_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_invoice_editor_class_init (DeskInvoiceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = desk_invoice_editor_constructed;
  object_class->dispose = desk_invoice_editor_dispose;
  object_class->get_property = desk_invoice_editor_get_property;
  object_class->set_property = desk_invoice_editor_set_property;
  window_class->close_request = desk_invoice_editor_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DESK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The invoice being changed; 0 for a new one. */
  properties[PROP_INVOICE_ID] =
    g_param_spec_int64 ("invoice-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Whether the inventory (and the invoice being changed) arrived. */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The invoice as the server holds it after it was created or changed. */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DESK_TYPE_INVOICE);

  g_type_ensure (DESK_TYPE_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/frontdesk/FrontDesk/invoices/desk-invoice-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, message_box);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, send_again_button);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, form_box);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, customer_picker);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, chosen_list);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, chosen_row);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, item_search);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, item_hint);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, item_results);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, lines_list);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, due_button);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, due_calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, subtotal_label);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, discount_label);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, tax_label);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, total_label);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, bar_lines_label);
  gtk_widget_class_bind_template_child (widget_class, DeskInvoiceEditor, bar_total_label);
  gtk_widget_class_bind_template_callback (widget_class, customer_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  desk_invoice_editor_class_add_lines (widget_class);

  desk_invoice_editor_class_add_saving (widget_class);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.walk-in", NULL, walk_in_action);
  gtk_widget_class_install_action (widget_class, "editor.change-customer", NULL,
                                   change_customer_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
desk_invoice_editor_init (DeskInvoiceEditor *self)
{
  g_type_ensure (DESK_TYPE_CUSTOMER_PICKER);
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_revealer_hide_concealed (self->message_revealer);
  desk_accessible_tidy_mnemonics (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->item_search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find an Item"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->due_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Due Date"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chosen_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Customer"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->item_results),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Matching Items"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lines_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Invoice Lines"), -1);
  desk_invoice_editor_show_message (self, NULL, NULL, FALSE);
  desk_invoice_editor_init_lines (self);
}

/* --- Public API ---------------------------------------------------------------------------- */

/**
 * desk_invoice_editor_new:
 * @context: the services of the window
 * @invoice_id: the invoice to change, 0 for a new one
 *
 * Returns: (transfer full): a new dialog; present it with gtk_window_present()
 */
DeskInvoiceEditor *
desk_invoice_editor_new (DeskContext *context,
                         gint64       invoice_id)
{
  g_return_val_if_fail (DESK_IS_CONTEXT (context), NULL);

  return g_object_new (DESK_TYPE_INVOICE_EDITOR,
                       "context", context,
                       "invoice-id", invoice_id,
                       NULL);
}

/* Chooses @customer (or a walk-in, for %NULL or the walk-in record) as the invoice's. */
void
desk_invoice_editor_set_customer (DeskInvoiceEditor *self,
                                  DeskCustomer      *customer)
{
  g_return_if_fail (DESK_IS_INVOICE_EDITOR (self));

  if (customer != NULL && desk_customer_get_id (customer) == 0)
    customer = NULL;
  g_set_object (&self->customer, customer);
  self->walk_in = customer == NULL;
  show_chosen (self);
}

/* Returns: (transfer none) (nullable): the customer chosen; %NULL for none or a walk-in */
DeskCustomer *
desk_invoice_editor_get_customer (DeskInvoiceEditor *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_EDITOR (self), NULL);

  return self->customer;
}

gboolean
desk_invoice_editor_get_walk_in (DeskInvoiceEditor *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_EDITOR (self), FALSE);

  return self->walk_in;
}

gboolean
desk_invoice_editor_get_ready (DeskInvoiceEditor *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_EDITOR (self), FALSE);

  return self->ready;
}

/* Whether the form can be sent as it stands. */
gboolean
desk_invoice_editor_get_can_save (DeskInvoiceEditor *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_EDITOR (self), FALSE);

  return can_save (self);
}

gboolean
desk_invoice_editor_get_busy (DeskInvoiceEditor *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_EDITOR (self), FALSE);

  return self->busy;
}

/* Returns: (nullable): the note above the form: why it was not saved, or what differs */
const char *
desk_invoice_editor_get_message (DeskInvoiceEditor *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_EDITOR (self), NULL);

  return self->message;
}

/* Returns: (transfer none) (nullable): the invoice as the server holds it once saved */
DeskInvoice *
desk_invoice_editor_get_invoice (DeskInvoiceEditor *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_EDITOR (self), NULL);

  return self->saved;
}

GtkEditable *
desk_invoice_editor_get_item_search (DeskInvoiceEditor *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_EDITOR (self), NULL);

  return GTK_EDITABLE (self->item_search);
}

GtkListBox *
desk_invoice_editor_get_item_results (DeskInvoiceEditor *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_EDITOR (self), NULL);

  return self->item_results;
}

GtkEditable *
desk_invoice_editor_get_customer_search (DeskInvoiceEditor *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_EDITOR (self), NULL);

  return desk_customer_picker_get_entry (self->customer_picker);
}
