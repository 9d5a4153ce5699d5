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
#include "desk-device-location.h"
#include "desk-device.h"
#include "desk-employee.h"
#include "desk-inventory-item.h"
#include "desk-invoice.h"
#include "desk-json.h"
#include "desk-money.h"
#include "desk-network.h"
#include "desk-part.h"
#include "desk-payment-method.h"
#include "desk-problem.h"
#include "desk-status.h"
#include "desk-supply.h"
#include "desk-task-type.h"
#include "desk-tax-class.h"
#include "desk-ticket.h"

/* Every endpoint of the RepairDesk reference as a typed async pair. Each is a thin
 * wrapper over the generic list, read and write paths of desk-api-client-records.c. */

/* --- Reference lists ----------------------------------------------------------------- */

/* These lists are unpaged on most servers; where one is paged, every page is fetched. */
#define REFERENCE_LIST(noun, path, parse) \
  void \
  desk_api_client_list_##noun##_async (DeskApiClient       *self, \
                                       GCancellable        *cancellable, \
                                       GAsyncReadyCallback  callback, \
                                       gpointer             user_data) \
  { \
    desk_api_client_fetch_records_async (self, path, NULL, (DeskRecordParseFunc) parse, TRUE, \
                                         DESK_API_PRIORITY_INTERACTIVE, \
                                         desk_api_client_list_##noun##_async, \
                                         cancellable, callback, user_data); \
  } \
  GPtrArray * \
  desk_api_client_list_##noun##_finish (DeskApiClient  *self, \
                                        GAsyncResult   *result, \
                                        GError        **error) \
  { \
    return desk_api_client_fetch_records_finish (self, result, \
                                                 desk_api_client_list_##noun##_async, \
                                                 NULL, NULL, error); \
  }

REFERENCE_LIST (devices, "devices", desk_device_new_from_json)
REFERENCE_LIST (problems, "problems", desk_problem_new_from_json)
REFERENCE_LIST (statuses, "statuses", desk_status_new_from_json)
REFERENCE_LIST (employees, "employees", desk_employee_new_from_json)
REFERENCE_LIST (networks, "networks", desk_network_new_from_json)
REFERENCE_LIST (parts, "parts", desk_part_new_from_json)
REFERENCE_LIST (tax_classes, "taxclasses", desk_tax_class_new_from_json)
REFERENCE_LIST (device_locations, "devicelocations", desk_device_location_new_from_json)
REFERENCE_LIST (supplies, "supplies", desk_supply_new_from_json)
REFERENCE_LIST (task_types, "tasktypes", desk_task_type_new_from_json)
REFERENCE_LIST (inventory, "inventory", desk_inventory_item_new_from_json)
REFERENCE_LIST (payment_methods, "invoices/paymentmethods", desk_payment_method_new_from_json)

void
desk_api_client_list_device_problems_async (DeskApiClient       *self,
                                            gint64               device_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("problems/%" G_GINT64_FORMAT, device_id);

  desk_api_client_fetch_records_async (self, path, NULL,
                                       (DeskRecordParseFunc) desk_problem_new_from_json, TRUE,
                                       DESK_API_PRIORITY_INTERACTIVE,
                                       desk_api_client_list_device_problems_async,
                                       cancellable, callback, user_data);
}

GPtrArray *
desk_api_client_list_device_problems_finish (DeskApiClient  *self,
                                             GAsyncResult   *result,
                                             GError        **error)
{
  return desk_api_client_fetch_records_finish (self, result,
                                               desk_api_client_list_device_problems_async,
                                               NULL, NULL, error);
}

/* --- Tickets, customers, invoices ----------------------------------------------------- */

/* A page of a filtered list; the page number is the server's (see DeskPageInfo). */
#define PAGED_LIST(noun, path, parse) \
  void \
  desk_api_client_list_##noun##_async (DeskApiClient       *self, \
                                       const DeskListQuery *query, \
                                       gint64               page, \
                                       GCancellable        *cancellable, \
                                       GAsyncReadyCallback  callback, \
                                       gpointer             user_data) \
  { \
    g_auto(GStrv) params = desk_list_query_to_params (query, page); \
    \
    desk_api_client_fetch_records_async (self, path, (const char * const *) params, \
                                         (DeskRecordParseFunc) parse, FALSE, \
                                         DESK_API_PRIORITY_INTERACTIVE, \
                                         desk_api_client_list_##noun##_async, \
                                         cancellable, callback, user_data); \
  } \
  GPtrArray * \
  desk_api_client_list_##noun##_finish (DeskApiClient  *self, \
                                        GAsyncResult   *result, \
                                        DeskPageInfo   *info, \
                                        GError        **error) \
  { \
    return desk_api_client_fetch_records_finish (self, result, \
                                                 desk_api_client_list_##noun##_async, \
                                                 info, NULL, error); \
  }

PAGED_LIST (tickets, "tickets", desk_ticket_new_from_json)
PAGED_LIST (customers, "customers", desk_customer_new_from_json)
PAGED_LIST (invoices, "invoices", desk_invoice_new_from_json)

/* Read one record by id; create one and read it back; update one and read it back. */
#define RECORD_ENDPOINTS(Type, noun, path) \
  void \
  desk_api_client_get_##noun##_async (DeskApiClient       *self, \
                                      gint64               id, \
                                      GCancellable        *cancellable, \
                                      GAsyncReadyCallback  callback, \
                                      gpointer             user_data) \
  { \
    g_autofree char *record_path = g_strdup_printf (path "/%" G_GINT64_FORMAT, id); \
    \
    desk_api_client_fetch_record_async (self, record_path, \
                                        (DeskRecordParseFunc) desk_##noun##_new_from_json, \
                                        desk_api_client_get_##noun##_async, \
                                        cancellable, callback, user_data); \
  } \
  Type * \
  desk_api_client_get_##noun##_finish (DeskApiClient  *self, \
                                       GAsyncResult   *result, \
                                       GError        **error) \
  { \
    return desk_api_client_record_finish (self, result, desk_api_client_get_##noun##_async, \
                                          error); \
  } \
  void \
  desk_api_client_create_##noun##_async (DeskApiClient       *self, \
                                         Type                *record, \
                                         GCancellable        *cancellable, \
                                         GAsyncReadyCallback  callback, \
                                         gpointer             user_data) \
  { \
    g_autoptr(JsonNode) body = desk_##noun##_to_json (record); \
    \
    desk_api_client_write_record_async (self, "POST", path, body, 0, "id", path, \
                                        (DeskRecordParseFunc) desk_##noun##_new_from_json, \
                                        G_OBJECT (record), \
                                        desk_api_client_create_##noun##_async, \
                                        cancellable, callback, user_data); \
  } \
  Type * \
  desk_api_client_create_##noun##_finish (DeskApiClient  *self, \
                                          GAsyncResult   *result, \
                                          GError        **error) \
  { \
    return desk_api_client_record_finish (self, result, desk_api_client_create_##noun##_async, \
                                          error); \
  } \
  void \
  desk_api_client_update_##noun##_async (DeskApiClient       *self, \
                                         Type                *record, \
                                         GCancellable        *cancellable, \
                                         GAsyncReadyCallback  callback, \
                                         gpointer             user_data) \
  { \
    gint64 id = desk_##noun##_get_id (record); \
    g_autofree char *record_path = g_strdup_printf (path "/%" G_GINT64_FORMAT, id); \
    g_autoptr(JsonNode) body = desk_##noun##_to_json (record); \
    \
    desk_api_client_write_record_async (self, "PUT", record_path, body, id, "id", path, \
                                        (DeskRecordParseFunc) desk_##noun##_new_from_json, \
                                        G_OBJECT (record), \
                                        desk_api_client_update_##noun##_async, \
                                        cancellable, callback, user_data); \
  } \
  Type * \
  desk_api_client_update_##noun##_finish (DeskApiClient  *self, \
                                          GAsyncResult   *result, \
                                          GError        **error) \
  { \
    return desk_api_client_record_finish (self, result, desk_api_client_update_##noun##_async, \
                                          error); \
  }

RECORD_ENDPOINTS (DeskTicket, ticket, "tickets")
RECORD_ENDPOINTS (DeskCustomer, customer, "customers")
RECORD_ENDPOINTS (DeskInvoice, invoice, "invoices")

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
