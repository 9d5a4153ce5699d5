/* desk-api-lists.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-api-client"

#include "config.h"

#include "desk-api-lists-private.h"
#include "desk-customer.h"
#include "desk-device-location.h"
#include "desk-device.h"
#include "desk-employee.h"
#include "desk-inventory-item.h"
#include "desk-invoice.h"
#include "desk-network.h"
#include "desk-part.h"
#include "desk-payment-method.h"
#include "desk-problem.h"
#include "desk-status.h"
#include "desk-supply.h"
#include "desk-task-type.h"
#include "desk-tax-class.h"
#include "desk-ticket.h"

/* The one table of the server's lists. A new list is one row here, one value of
 * DeskApiList, and a written-out async pair in desk-api-client-lists.c; the catalog and
 * the paged list then reach it by its DeskApiList value. */

#define LIST(l, p, t, f) [l] = { p, t, (DeskRecordParseFunc) f }

static const DeskApiListInfo lists[DESK_API_N_LISTS] = {
  LIST (DESK_API_LIST_STATUSES, "statuses", desk_status_get_type, desk_status_new_from_json),
  LIST (DESK_API_LIST_EMPLOYEES, "employees", desk_employee_get_type,
        desk_employee_new_from_json),
  LIST (DESK_API_LIST_DEVICES, "devices", desk_device_get_type, desk_device_new_from_json),
  LIST (DESK_API_LIST_PROBLEMS, "problems", desk_problem_get_type, desk_problem_new_from_json),
  LIST (DESK_API_LIST_NETWORKS, "networks", desk_network_get_type, desk_network_new_from_json),
  LIST (DESK_API_LIST_PARTS, "parts", desk_part_get_type, desk_part_new_from_json),
  LIST (DESK_API_LIST_TAX_CLASSES, "taxclasses", desk_tax_class_get_type,
        desk_tax_class_new_from_json),
  LIST (DESK_API_LIST_DEVICE_LOCATIONS, "devicelocations", desk_device_location_get_type,
        desk_device_location_new_from_json),
  LIST (DESK_API_LIST_SUPPLIES, "supplies", desk_supply_get_type, desk_supply_new_from_json),
  LIST (DESK_API_LIST_TASK_TYPES, "tasktypes", desk_task_type_get_type,
        desk_task_type_new_from_json),
  LIST (DESK_API_LIST_PAYMENT_METHODS, "invoices/paymentmethods", desk_payment_method_get_type,
        desk_payment_method_new_from_json),
  LIST (DESK_API_LIST_INVENTORY, "inventory", desk_inventory_item_get_type,
        desk_inventory_item_new_from_json),
  LIST (DESK_API_LIST_TICKETS, "tickets", desk_ticket_get_type, desk_ticket_new_from_json),
  LIST (DESK_API_LIST_CUSTOMERS, "customers", desk_customer_get_type,
        desk_customer_new_from_json),
  LIST (DESK_API_LIST_INVOICES, "invoices", desk_invoice_get_type, desk_invoice_new_from_json),
};

#undef LIST

const DeskApiListInfo *
desk_api_list_get_info (DeskApiList list)
{
  g_return_val_if_fail (list < DESK_API_N_LISTS, NULL);
  g_assert (lists[list].path != NULL);

  return &lists[list];
}

/* The problems of one device: "problems/12". */
char *
desk_api_list_dup_device_path (gint64 device_id)
{
  return g_strdup_printf ("%s/%" G_GINT64_FORMAT, lists[DESK_API_LIST_PROBLEMS].path, device_id);
}

/* Every page of a list, at the priority of a screen waiting for it. @path is the row's
 * own unless given (the problems of one device). */
void
desk_api_client_list_all_async (DeskApiClient       *self,
                                DeskApiList          list,
                                const char          *path,
                                gpointer             source_tag,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  const DeskApiListInfo *info = desk_api_list_get_info (list);

  desk_api_client_fetch_records_async (self, path != NULL ? path : info->path, NULL,
                                       info->parse, TRUE, DESK_API_PRIORITY_INTERACTIVE,
                                       source_tag, cancellable, callback, user_data);
}

/* One page of a filtered list; the page number is the server's (see DeskPageInfo). */
void
desk_api_client_list_page_async (DeskApiClient       *self,
                                 DeskApiList          list,
                                 const DeskListQuery *query,
                                 gint64               page,
                                 gpointer             source_tag,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  const DeskApiListInfo *info = desk_api_list_get_info (list);
  g_auto(GStrv) params = desk_list_query_to_params (query, page);

  desk_api_client_fetch_records_async (self, info->path, (const char * const *) params,
                                       info->parse, FALSE, DESK_API_PRIORITY_INTERACTIVE,
                                       source_tag, cancellable, callback, user_data);
}
