/* desk-api-client-endpoints.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-api-client"

#include "config.h"

#include "desk-api-client-private.h"
#include "desk-api-error.h"
#include "desk-customer.h"
#include "desk-invoice.h"
#include "desk-json.h"
#include "desk-money.h"
#include "desk-ticket.h"

/* The records of the RepairDesk reference as typed async pairs, written out so that each
 * can be found by name: read one by id, create one and read it back, update one and read
 * it back; a ticket made into an invoice; payments. Each is a thin wrapper over the
 * generic read and write paths of desk-api-client-records.c. The lists are in
 * desk-api-client-lists.c. */

/* --- Tickets, customers, invoices ----------------------------------------------------- */

/**
 * desk_api_client_get_ticket_async:
 * @self: a #DeskApiClient
 * @id: the ticket's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the ticket
 * @user_data: data for @callback
 *
 * Reads a ticket by its id.
 */
void
desk_api_client_get_ticket_async (DeskApiClient       *self,
                                  gint64               id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("tickets/%" G_GINT64_FORMAT, id);

  desk_api_client_fetch_record_async (self, path,
                                      (DeskRecordParseFunc) desk_ticket_new_from_json,
                                      desk_api_client_get_ticket_async,
                                      cancellable, callback, user_data);
}

DeskTicket *
desk_api_client_get_ticket_finish (DeskApiClient  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return desk_api_client_record_finish (self, result, desk_api_client_get_ticket_async, error);
}

/**
 * desk_api_client_create_ticket_async:
 * @self: a #DeskApiClient
 * @ticket: the new ticket
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the ticket
 * @user_data: data for @callback
 *
 * Creates a ticket, then reads it back: the callback gets the ticket as the server keeps it.
 * It is sent once only: after a timeout the error is %DESK_API_ERROR_OUTCOME_UNKNOWN.
 */
void
desk_api_client_create_ticket_async (DeskApiClient       *self,
                                     DeskTicket          *ticket,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(JsonNode) body = desk_ticket_to_json (ticket);

  desk_api_client_write_record_async (self, "POST", "tickets", body, 0, "id", "tickets",
                                      (DeskRecordParseFunc) desk_ticket_new_from_json,
                                      G_OBJECT (ticket),
                                      desk_api_client_create_ticket_async,
                                      cancellable, callback, user_data);
}

DeskTicket *
desk_api_client_create_ticket_finish (DeskApiClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return desk_api_client_record_finish (self, result, desk_api_client_create_ticket_async, error);
}

/**
 * desk_api_client_update_ticket_async:
 * @self: a #DeskApiClient
 * @ticket: the ticket with its changes
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the ticket
 * @user_data: data for @callback
 *
 * Saves the changes to a ticket, then reads it back: the callback gets the ticket as the
 * server keeps it.
 */
void
desk_api_client_update_ticket_async (DeskApiClient       *self,
                                     DeskTicket          *ticket,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  gint64 id = desk_ticket_get_id (ticket);
  g_autofree char *path = g_strdup_printf ("tickets/%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) body = desk_ticket_to_json (ticket);

  desk_api_client_write_record_async (self, "PUT", path, body, id, "id", "tickets",
                                      (DeskRecordParseFunc) desk_ticket_new_from_json,
                                      G_OBJECT (ticket),
                                      desk_api_client_update_ticket_async,
                                      cancellable, callback, user_data);
}

DeskTicket *
desk_api_client_update_ticket_finish (DeskApiClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return desk_api_client_record_finish (self, result, desk_api_client_update_ticket_async, error);
}

/**
 * desk_api_client_get_customer_async:
 * @self: a #DeskApiClient
 * @id: the customer's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the customer
 * @user_data: data for @callback
 *
 * Reads a customer by its id.
 */
void
desk_api_client_get_customer_async (DeskApiClient       *self,
                                    gint64               id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("customers/%" G_GINT64_FORMAT, id);

  desk_api_client_fetch_record_async (self, path,
                                      (DeskRecordParseFunc) desk_customer_new_from_json,
                                      desk_api_client_get_customer_async,
                                      cancellable, callback, user_data);
}

DeskCustomer *
desk_api_client_get_customer_finish (DeskApiClient  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return desk_api_client_record_finish (self, result, desk_api_client_get_customer_async, error);
}

/**
 * desk_api_client_create_customer_async:
 * @self: a #DeskApiClient
 * @customer: the new customer
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the customer
 * @user_data: data for @callback
 *
 * Creates a customer, then reads it back: the callback gets the customer as the server keeps it.
 * It is sent once only: after a timeout the error is %DESK_API_ERROR_OUTCOME_UNKNOWN.
 */
void
desk_api_client_create_customer_async (DeskApiClient       *self,
                                       DeskCustomer        *customer,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(JsonNode) body = desk_customer_to_json (customer);

  desk_api_client_write_record_async (self, "POST", "customers", body, 0, "id", "customers",
                                      (DeskRecordParseFunc) desk_customer_new_from_json,
                                      G_OBJECT (customer),
                                      desk_api_client_create_customer_async,
                                      cancellable, callback, user_data);
}

DeskCustomer *
desk_api_client_create_customer_finish (DeskApiClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return desk_api_client_record_finish (self, result, desk_api_client_create_customer_async, error);
}

/**
 * desk_api_client_update_customer_async:
 * @self: a #DeskApiClient
 * @customer: the customer with its changes
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the customer
 * @user_data: data for @callback
 *
 * Saves the changes to a customer, then reads it back: the callback gets the customer as the
 * server keeps it.
 */
void
desk_api_client_update_customer_async (DeskApiClient       *self,
                                       DeskCustomer        *customer,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  gint64 id = desk_customer_get_id (customer);
  g_autofree char *path = g_strdup_printf ("customers/%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) body = desk_customer_to_json (customer);

  desk_api_client_write_record_async (self, "PUT", path, body, id, "id", "customers",
                                      (DeskRecordParseFunc) desk_customer_new_from_json,
                                      G_OBJECT (customer),
                                      desk_api_client_update_customer_async,
                                      cancellable, callback, user_data);
}

DeskCustomer *
desk_api_client_update_customer_finish (DeskApiClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return desk_api_client_record_finish (self, result, desk_api_client_update_customer_async, error);
}

/**
 * desk_api_client_get_invoice_async:
 * @self: a #DeskApiClient
 * @id: the invoice's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the invoice
 * @user_data: data for @callback
 *
 * Reads an invoice by its id.
 */
void
desk_api_client_get_invoice_async (DeskApiClient       *self,
                                   gint64               id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("invoices/%" G_GINT64_FORMAT, id);

  desk_api_client_fetch_record_async (self, path,
                                      (DeskRecordParseFunc) desk_invoice_new_from_json,
                                      desk_api_client_get_invoice_async,
                                      cancellable, callback, user_data);
}

DeskInvoice *
desk_api_client_get_invoice_finish (DeskApiClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return desk_api_client_record_finish (self, result, desk_api_client_get_invoice_async, error);
}

/**
 * desk_api_client_create_invoice_async:
 * @self: a #DeskApiClient
 * @invoice: the new invoice
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the invoice
 * @user_data: data for @callback
 *
 * Creates an invoice, then reads it back: the callback gets the invoice as the server keeps it.
 * It is sent once only: after a timeout the error is %DESK_API_ERROR_OUTCOME_UNKNOWN.
 */
void
desk_api_client_create_invoice_async (DeskApiClient       *self,
                                      DeskInvoice         *invoice,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(JsonNode) body = desk_invoice_to_json (invoice);

  desk_api_client_write_record_async (self, "POST", "invoices", body, 0, "id", "invoices",
                                      (DeskRecordParseFunc) desk_invoice_new_from_json,
                                      G_OBJECT (invoice),
                                      desk_api_client_create_invoice_async,
                                      cancellable, callback, user_data);
}

DeskInvoice *
desk_api_client_create_invoice_finish (DeskApiClient  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  return desk_api_client_record_finish (self, result, desk_api_client_create_invoice_async, error);
}

/**
 * desk_api_client_update_invoice_async:
 * @self: a #DeskApiClient
 * @invoice: the invoice with its changes
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the invoice
 * @user_data: data for @callback
 *
 * Saves the changes to an invoice, then reads it back: the callback gets the invoice as the
 * server keeps it.
 */
void
desk_api_client_update_invoice_async (DeskApiClient       *self,
                                      DeskInvoice         *invoice,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  gint64 id = desk_invoice_get_id (invoice);
  g_autofree char *path = g_strdup_printf ("invoices/%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) body = desk_invoice_to_json (invoice);

  desk_api_client_write_record_async (self, "PUT", path, body, id, "id", "invoices",
                                      (DeskRecordParseFunc) desk_invoice_new_from_json,
                                      G_OBJECT (invoice),
                                      desk_api_client_update_invoice_async,
                                      cancellable, callback, user_data);
}

DeskInvoice *
desk_api_client_update_invoice_finish (DeskApiClient  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  return desk_api_client_record_finish (self, result, desk_api_client_update_invoice_async, error);
}

/**
 * desk_api_client_convert_ticket_to_invoice_async:
 * @self: a #DeskApiClient
 * @ticket_id: the ticket
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the invoice
 * @user_data: data for @callback
 *
 * Makes an invoice of a ticket's lines. The server gives the same invoice again on a
 * second call, so this is safe to repeat.
 */
void
desk_api_client_convert_ticket_to_invoice_async (DeskApiClient       *self,
                                                 gint64               ticket_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("tickets/%" G_GINT64_FORMAT "/converttoinvoice",
                                           ticket_id);

  desk_api_client_write_record_async (self, "GET", path, NULL, 0, "invoice_id", "invoices",
                                      (DeskRecordParseFunc) desk_invoice_new_from_json, NULL,
                                      desk_api_client_convert_ticket_to_invoice_async,
                                      cancellable, callback, user_data);
}

DeskInvoice *
desk_api_client_convert_ticket_to_invoice_finish (DeskApiClient  *self,
                                                  GAsyncResult   *result,
                                                  GError        **error)
{
  return desk_api_client_record_finish (self, result,
                                        desk_api_client_convert_ticket_to_invoice_async, error);
}

/* --- Payments ------------------------------------------------------------------------- */

static void
due_amount_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) data = NULL;
  GError *error = NULL;
  JsonNode *amount;
  gint64 cents = 0;

  data = desk_api_client_request_finish (DESK_API_CLIENT (object), result, &error);
  if (data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Either the amount itself or an object around it. */
  amount = data;
  if (JSON_NODE_HOLDS_OBJECT (data))
    {
      JsonObject *object_data = json_node_get_object (data);

      amount = desk_json_lookup (object_data, "amount_due");
      if (amount == NULL)
        amount = desk_json_lookup (object_data, "due_amount");
      if (amount == NULL)
        amount = desk_json_lookup (object_data, "amount");
    }

  if (amount == NULL || !desk_json_node_get_money (amount, &cents, NULL))
    {
      g_task_return_error (task, desk_api_error_new (DESK_API_ERROR_PROTOCOL,
                                                     "The reply gives no due amount"));
      return;
    }

  g_task_return_int (task, cents);
}

void
desk_api_client_get_invoice_due_amount_async (DeskApiClient       *self,
                                              gint64               invoice_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("invoices/%" G_GINT64_FORMAT "/dueamount", invoice_id);
  GTask *task;

  g_return_if_fail (DESK_IS_API_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, desk_api_client_get_invoice_due_amount_async);

  /* A payment just made must show: never join an older read. */
  desk_api_client_request_async (self, "GET", path, NULL, NULL, DESK_API_REQUEST_NO_JOIN,
                                 DESK_API_PRIORITY_INTERACTIVE, cancellable, due_amount_cb, task);
}

/**
 * desk_api_client_get_invoice_due_amount_finish:
 * @self: a #DeskApiClient
 * @result: the #GAsyncResult
 * @cents: (out): the amount still due, in minor units (negative when overpaid)
 * @error: return location for a #GError
 *
 * Returns: whether @cents was read
 */
gboolean
desk_api_client_get_invoice_due_amount_finish (DeskApiClient  *self,
                                               GAsyncResult   *result,
                                               gint64         *cents,
                                               GError        **error)
{
  GError *local_error = NULL;
  gint64 value;

  g_return_val_if_fail (DESK_IS_API_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == desk_api_client_get_invoice_due_amount_async, FALSE);

  value = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (cents != NULL)
    *cents = value;

  return TRUE;
}

static JsonNode *
payment_body (gint64      amount,
              const char *method,
              gint64      payment_date,
              const char *notes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *amount_text = desk_money_to_api (amount);
  g_autofree char *date_text = g_strdup_printf ("%" G_GINT64_FORMAT, payment_date);

  /* Every scalar goes as a string, as in the reference's example. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "amount");
  json_builder_add_string_value (builder, amount_text);
  json_builder_set_member_name (builder, "payment_date");
  json_builder_add_string_value (builder, date_text);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, method);
  json_builder_set_member_name (builder, "notes");
  json_builder_add_string_value (builder, notes != NULL ? notes : "");
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * desk_api_client_add_payment_async:
 * @self: a #DeskApiClient
 * @invoice_id: the invoice paid
 * @amount: the amount in minor units
 * @method: the payment method's name ("Cash")
 * @payment_date: unix seconds
 * @notes: (nullable): a note
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the invoice as it stands after the payment
 * @user_data: data for @callback
 *
 * Records a payment, then reads the invoice back. A payment is never sent twice: after a
 * timeout the error is %DESK_API_ERROR_OUTCOME_UNKNOWN, check the invoice before paying
 * again. If the payment was taken but the invoice cannot be read back, the finish
 * function still succeeds, with an invoice that knows only its id: read it again later.
 */
void
desk_api_client_add_payment_async (DeskApiClient       *self,
                                   gint64               invoice_id,
                                   gint64               amount,
                                   const char          *method,
                                   gint64               payment_date,
                                   const char          *notes,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("invoices/%" G_GINT64_FORMAT "/payments", invoice_id);
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (method != NULL);

  body = payment_body (amount, method, payment_date, notes);
  desk_api_client_write_record_async (self, "POST", path, body, invoice_id, NULL, "invoices",
                                      (DeskRecordParseFunc) desk_invoice_new_from_json, NULL,
                                      desk_api_client_add_payment_async,
                                      cancellable, callback, user_data);
}

DeskInvoice *
desk_api_client_add_payment_finish (DeskApiClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  return desk_api_client_record_finish (self, result, desk_api_client_add_payment_async, error);
}
