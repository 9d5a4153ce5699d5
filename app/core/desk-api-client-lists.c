/* desk-api-client-lists.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-api-client"

#include "config.h"

#include "desk-api-lists-private.h"

/* The server's lists as typed async pairs, written out so that each can be found by
 * name. Each names its row of the table in desk-api-lists.c, where the path and the
 * mapping of the records are. */

/* --- Reference lists ----------------------------------------------------------------- */

/* These lists are unpaged on most servers; where one is paged, every page is fetched. */

/**
 * desk_api_client_list_statuses_async:
 * @self: a #DeskApiClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Fetches the ticket statuses, every page of them.
 */
void
desk_api_client_list_statuses_async (DeskApiClient       *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  desk_api_client_list_all_async (self, DESK_API_LIST_STATUSES, NULL,
                                  desk_api_client_list_statuses_async,
                                  cancellable, callback, user_data);
}

/**
 * desk_api_client_list_statuses_finish:
 * @self: a #DeskApiClient
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the records, or %NULL with @error set
 */
GPtrArray *
desk_api_client_list_statuses_finish (DeskApiClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return desk_api_client_fetch_records_finish (self, result,
                                               desk_api_client_list_statuses_async,
                                               NULL, NULL, error);
}

/**
 * desk_api_client_list_employees_async:
 * @self: a #DeskApiClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Fetches the employees, without their access PINs, every page of them.
 */
void
desk_api_client_list_employees_async (DeskApiClient       *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  desk_api_client_list_all_async (self, DESK_API_LIST_EMPLOYEES, NULL,
                                  desk_api_client_list_employees_async,
                                  cancellable, callback, user_data);
}

/**
 * desk_api_client_list_employees_finish:
 * @self: a #DeskApiClient
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the records, or %NULL with @error set
 */
GPtrArray *
desk_api_client_list_employees_finish (DeskApiClient  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  return desk_api_client_fetch_records_finish (self, result,
                                               desk_api_client_list_employees_async,
                                               NULL, NULL, error);
}

/**
 * desk_api_client_list_devices_async:
 * @self: a #DeskApiClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Fetches the devices the store repairs, every page of them.
 */
void
desk_api_client_list_devices_async (DeskApiClient       *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  desk_api_client_list_all_async (self, DESK_API_LIST_DEVICES, NULL,
                                  desk_api_client_list_devices_async,
                                  cancellable, callback, user_data);
}

/**
 * desk_api_client_list_devices_finish:
 * @self: a #DeskApiClient
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the records, or %NULL with @error set
 */
GPtrArray *
desk_api_client_list_devices_finish (DeskApiClient  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return desk_api_client_fetch_records_finish (self, result,
                                               desk_api_client_list_devices_async,
                                               NULL, NULL, error);
}

/**
 * desk_api_client_list_problems_async:
 * @self: a #DeskApiClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Fetches the repair problems of every device, every page of them.
 */
void
desk_api_client_list_problems_async (DeskApiClient       *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  desk_api_client_list_all_async (self, DESK_API_LIST_PROBLEMS, NULL,
                                  desk_api_client_list_problems_async,
                                  cancellable, callback, user_data);
}

/**
 * desk_api_client_list_problems_finish:
 * @self: a #DeskApiClient
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the records, or %NULL with @error set
 */
GPtrArray *
desk_api_client_list_problems_finish (DeskApiClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return desk_api_client_fetch_records_finish (self, result,
                                               desk_api_client_list_problems_async,
                                               NULL, NULL, error);
}

/**
 * desk_api_client_list_networks_async:
 * @self: a #DeskApiClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Fetches the phone networks, every page of them.
 */
void
desk_api_client_list_networks_async (DeskApiClient       *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  desk_api_client_list_all_async (self, DESK_API_LIST_NETWORKS, NULL,
                                  desk_api_client_list_networks_async,
                                  cancellable, callback, user_data);
}

/**
 * desk_api_client_list_networks_finish:
 * @self: a #DeskApiClient
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the records, or %NULL with @error set
 */
GPtrArray *
desk_api_client_list_networks_finish (DeskApiClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return desk_api_client_fetch_records_finish (self, result,
                                               desk_api_client_list_networks_async,
                                               NULL, NULL, error);
}

/**
 * desk_api_client_list_parts_async:
 * @self: a #DeskApiClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Fetches the parts, every page of them.
 */
void
desk_api_client_list_parts_async (DeskApiClient       *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  desk_api_client_list_all_async (self, DESK_API_LIST_PARTS, NULL,
                                  desk_api_client_list_parts_async,
                                  cancellable, callback, user_data);
}

/**
 * desk_api_client_list_parts_finish:
 * @self: a #DeskApiClient
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the records, or %NULL with @error set
 */
GPtrArray *
desk_api_client_list_parts_finish (DeskApiClient  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return desk_api_client_fetch_records_finish (self, result,
                                               desk_api_client_list_parts_async,
                                               NULL, NULL, error);
}

/**
 * desk_api_client_list_tax_classes_async:
 * @self: a #DeskApiClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Fetches the tax classes, every page of them.
 */
void
desk_api_client_list_tax_classes_async (DeskApiClient       *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  desk_api_client_list_all_async (self, DESK_API_LIST_TAX_CLASSES, NULL,
                                  desk_api_client_list_tax_classes_async,
                                  cancellable, callback, user_data);
}

/**
 * desk_api_client_list_tax_classes_finish:
 * @self: a #DeskApiClient
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the records, or %NULL with @error set
 */
GPtrArray *
desk_api_client_list_tax_classes_finish (DeskApiClient  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  return desk_api_client_fetch_records_finish (self, result,
                                               desk_api_client_list_tax_classes_async,
                                               NULL, NULL, error);
}

/**
 * desk_api_client_list_device_locations_async:
 * @self: a #DeskApiClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Fetches the places a device can be kept, every page of them.
 */
void
desk_api_client_list_device_locations_async (DeskApiClient       *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  desk_api_client_list_all_async (self, DESK_API_LIST_DEVICE_LOCATIONS, NULL,
                                  desk_api_client_list_device_locations_async,
                                  cancellable, callback, user_data);
}

/**
 * desk_api_client_list_device_locations_finish:
 * @self: a #DeskApiClient
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the records, or %NULL with @error set
 */
GPtrArray *
desk_api_client_list_device_locations_finish (DeskApiClient  *self,
                                              GAsyncResult   *result,
                                              GError        **error)
{
  return desk_api_client_fetch_records_finish (self, result,
                                               desk_api_client_list_device_locations_async,
                                               NULL, NULL, error);
}

/**
 * desk_api_client_list_supplies_async:
 * @self: a #DeskApiClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Fetches the accessories a device can come in with, every page of them.
 */
void
desk_api_client_list_supplies_async (DeskApiClient       *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  desk_api_client_list_all_async (self, DESK_API_LIST_SUPPLIES, NULL,
                                  desk_api_client_list_supplies_async,
                                  cancellable, callback, user_data);
}

/**
 * desk_api_client_list_supplies_finish:
 * @self: a #DeskApiClient
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the records, or %NULL with @error set
 */
GPtrArray *
desk_api_client_list_supplies_finish (DeskApiClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return desk_api_client_fetch_records_finish (self, result,
                                               desk_api_client_list_supplies_async,
                                               NULL, NULL, error);
}

/**
 * desk_api_client_list_task_types_async:
 * @self: a #DeskApiClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Fetches the task types, every page of them.
 */
void
desk_api_client_list_task_types_async (DeskApiClient       *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  desk_api_client_list_all_async (self, DESK_API_LIST_TASK_TYPES, NULL,
                                  desk_api_client_list_task_types_async,
                                  cancellable, callback, user_data);
}

/**
 * desk_api_client_list_task_types_finish:
 * @self: a #DeskApiClient
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the records, or %NULL with @error set
 */
GPtrArray *
desk_api_client_list_task_types_finish (DeskApiClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return desk_api_client_fetch_records_finish (self, result,
                                               desk_api_client_list_task_types_async,
                                               NULL, NULL, error);
}

/**
 * desk_api_client_list_payment_methods_async:
 * @self: a #DeskApiClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Fetches the payment methods, every page of them.
 */
void
desk_api_client_list_payment_methods_async (DeskApiClient       *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  desk_api_client_list_all_async (self, DESK_API_LIST_PAYMENT_METHODS, NULL,
                                  desk_api_client_list_payment_methods_async,
                                  cancellable, callback, user_data);
}

/**
 * desk_api_client_list_payment_methods_finish:
 * @self: a #DeskApiClient
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the records, or %NULL with @error set
 */
GPtrArray *
desk_api_client_list_payment_methods_finish (DeskApiClient  *self,
                                             GAsyncResult   *result,
                                             GError        **error)
{
  return desk_api_client_fetch_records_finish (self, result,
                                               desk_api_client_list_payment_methods_async,
                                               NULL, NULL, error);
}

/**
 * desk_api_client_list_inventory_async:
 * @self: a #DeskApiClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Fetches the inventory, every page of them.
 */
void
desk_api_client_list_inventory_async (DeskApiClient       *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  desk_api_client_list_all_async (self, DESK_API_LIST_INVENTORY, NULL,
                                  desk_api_client_list_inventory_async,
                                  cancellable, callback, user_data);
}

/**
 * desk_api_client_list_inventory_finish:
 * @self: a #DeskApiClient
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the records, or %NULL with @error set
 */
GPtrArray *
desk_api_client_list_inventory_finish (DeskApiClient  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  return desk_api_client_fetch_records_finish (self, result,
                                               desk_api_client_list_inventory_async,
                                               NULL, NULL, error);
}

/**
 * desk_api_client_list_device_problems_async:
 * @self: a #DeskApiClient
 * @device_id: the device
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Fetches the repair problems of one device, every page of them.
 */
void
desk_api_client_list_device_problems_async (DeskApiClient       *self,
                                            gint64               device_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autofree char *path = desk_api_list_dup_device_path (device_id);

  desk_api_client_list_all_async (self, DESK_API_LIST_PROBLEMS, path,
                                  desk_api_client_list_device_problems_async,
                                  cancellable, callback, user_data);
}

/**
 * desk_api_client_list_device_problems_finish:
 * @self: a #DeskApiClient
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type DeskProblem): the problems, or %NULL with
 *   @error set
 */
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

/**
 * desk_api_client_list_tickets_async:
 * @self: a #DeskApiClient
 * @query: what to list
 * @page: the server's page number, or -1 for its first page
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the page
 * @user_data: data for @callback
 *
 * Fetches one page of the tickets that @query finds.
 */
void
desk_api_client_list_tickets_async (DeskApiClient       *self,
                                    const DeskListQuery *query,
                                    gint64               page,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  desk_api_client_list_page_async (self, DESK_API_LIST_TICKETS, query, page,
                                   desk_api_client_list_tickets_async,
                                   cancellable, callback, user_data);
}

/**
 * desk_api_client_list_tickets_finish:
 * @self: a #DeskApiClient
 * @result: the result given to the callback
 * @info: (out) (optional): where the page stands in the whole list
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the page's records, or %NULL with
 *   @error set
 */
GPtrArray *
desk_api_client_list_tickets_finish (DeskApiClient  *self,
                                     GAsyncResult   *result,
                                     DeskPageInfo   *info,
                                     GError        **error)
{
  return desk_api_client_fetch_records_finish (self, result,
                                               desk_api_client_list_tickets_async,
                                               info, NULL, error);
}

/**
 * desk_api_client_list_customers_async:
 * @self: a #DeskApiClient
 * @query: what to list
 * @page: the server's page number, or -1 for its first page
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the page
 * @user_data: data for @callback
 *
 * Fetches one page of the customers that @query finds.
 */
void
desk_api_client_list_customers_async (DeskApiClient       *self,
                                      const DeskListQuery *query,
                                      gint64               page,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  desk_api_client_list_page_async (self, DESK_API_LIST_CUSTOMERS, query, page,
                                   desk_api_client_list_customers_async,
                                   cancellable, callback, user_data);
}

/**
 * desk_api_client_list_customers_finish:
 * @self: a #DeskApiClient
 * @result: the result given to the callback
 * @info: (out) (optional): where the page stands in the whole list
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the page's records, or %NULL with
 *   @error set
 */
GPtrArray *
desk_api_client_list_customers_finish (DeskApiClient  *self,
                                       GAsyncResult   *result,
                                       DeskPageInfo   *info,
                                       GError        **error)
{
  return desk_api_client_fetch_records_finish (self, result,
                                               desk_api_client_list_customers_async,
                                               info, NULL, error);
}

/**
 * desk_api_client_list_invoices_async:
 * @self: a #DeskApiClient
 * @query: what to list
 * @page: the server's page number, or -1 for its first page
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the page
 * @user_data: data for @callback
 *
 * Fetches one page of the invoices that @query finds.
 */
void
desk_api_client_list_invoices_async (DeskApiClient       *self,
                                     const DeskListQuery *query,
                                     gint64               page,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  desk_api_client_list_page_async (self, DESK_API_LIST_INVOICES, query, page,
                                   desk_api_client_list_invoices_async,
                                   cancellable, callback, user_data);
}

/**
 * desk_api_client_list_invoices_finish:
 * @self: a #DeskApiClient
 * @result: the result given to the callback
 * @info: (out) (optional): where the page stands in the whole list
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type GObject): the page's records, or %NULL with
 *   @error set
 */
GPtrArray *
desk_api_client_list_invoices_finish (DeskApiClient  *self,
                                      GAsyncResult   *result,
                                      DeskPageInfo   *info,
                                      GError        **error)
{
  return desk_api_client_fetch_records_finish (self, result,
                                               desk_api_client_list_invoices_async,
                                               info, NULL, error);
}
