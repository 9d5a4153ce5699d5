/* desk-api-client.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "desk-clock.h"
#include "desk-customer.h"
#include "desk-invoice.h"
#include "desk-rate-governor.h"
#include "desk-ticket.h"

G_BEGIN_DECLS

/**
 * DeskApiRequestFlags:
 * @DESK_API_REQUEST_NONE: a plain request
 * @DESK_API_REQUEST_LIST: the reply is a list: "No Result Found" means an empty list
 * @DESK_API_REQUEST_NO_JOIN: do not join an identical GET in flight, which may have left
 *   before a change this request must see
 * @DESK_API_REQUEST_WRITE: the request changes data, whatever its method: it is sent once
 *   and its failures are judged as a write's
 *
 * How to send a request and read its reply.
 */
typedef enum
{
  DESK_API_REQUEST_NONE = 0,
  DESK_API_REQUEST_LIST = 1 << 0,
  DESK_API_REQUEST_NO_JOIN = 1 << 1,
  DESK_API_REQUEST_WRITE = 1 << 2,
} DeskApiRequestFlags;

/**
 * DeskListFilter:
 * @DESK_LIST_FILTER_UNSET: no `filter` parameter: the server then gives today's records only
 * @DESK_LIST_FILTER_ALL: every record
 * @DESK_LIST_FILTER_YESTERDAY: since yesterday
 * @DESK_LIST_FILTER_LAST_WEEK: the last seven days
 * @DESK_LIST_FILTER_LAST_MONTH: the last thirty days
 */
typedef enum
{
  DESK_LIST_FILTER_UNSET = -1,
  DESK_LIST_FILTER_ALL = 0,
  DESK_LIST_FILTER_YESTERDAY = 1,
  DESK_LIST_FILTER_LAST_WEEK = 7,
  DESK_LIST_FILTER_LAST_MONTH = 30,
} DeskListFilter;

/**
 * DeskListQuery:
 * @keyword: (nullable): free text
 * @status: (nullable): a ticket status name, or for invoices paid, unpaid, refunded, partial
 * @assigned_to: tickets of this employee id, 0 for any
 * @created_by: tickets created by this employee id, 0 for any
 * @referred_by: (nullable): customers by referral source
 * @from_date: unix seconds, 0 for no lower bound
 * @to_date: unix seconds, 0 for no upper bound
 * @filter: a #DeskListFilter; without a date or filter the server lists today's records only
 * @page_size: records a page, 0 for the server's default
 *
 * What a list of tickets, invoices or customers shows. The strings are owned.
 */
typedef struct
{
  char           *keyword;
  char           *status;
  gint64          assigned_to;
  gint64          created_by;
  char           *referred_by;
  gint64          from_date;
  gint64          to_date;
  DeskListFilter  filter;
  guint           page_size;
} DeskListQuery;

/**
 * DeskPageInfo:
 * @paged: whether the server paged the reply
 * @page: the page number as the server gave it, -1 if it gave none
 * @total_records: records over all pages (for an unpaged reply, the records received)
 * @total_pages: pages over all, 0 if unknown
 * @has_next: whether a next page can be asked for
 */
typedef struct
{
  gboolean paged;
  gint64   page;
  gint64   total_records;
  gint64   total_pages;
  gboolean has_next;
} DeskPageInfo;

#define DESK_TYPE_LIST_QUERY (desk_list_query_get_type ())

GType          desk_list_query_get_type (void) G_GNUC_CONST;
DeskListQuery *desk_list_query_new      (void);
DeskListQuery *desk_list_query_copy     (const DeskListQuery *query);
void           desk_list_query_free     (DeskListQuery       *query);
gboolean       desk_list_query_equal    (const DeskListQuery *a,
                                         const DeskListQuery *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskListQuery, desk_list_query_free)

/**
 * DeskApiWait:
 * @DESK_API_WAIT_NONE: every request is answered or young
 * @DESK_API_WAIT_SLOW: a request has gone unanswered for #DeskApiClient:slow-after
 * @DESK_API_WAIT_PACED: a request waits to keep to RepairDesk's limit of requests a minute
 * @DESK_API_WAIT_RETRYING: a read failed on the way and is being tried again
 * @DESK_API_WAIT_RATE_LIMITED: RepairDesk refused requests for coming too fast, and a
 *   request waits for its turn
 *
 * Why the client keeps someone waiting, from the least to the most telling.
 */
typedef enum
{
  DESK_API_WAIT_NONE,
  DESK_API_WAIT_SLOW,
  DESK_API_WAIT_PACED,
  DESK_API_WAIT_RETRYING,
  DESK_API_WAIT_RATE_LIMITED,
} DeskApiWait;

#define DESK_TYPE_API_WAIT (desk_api_wait_get_type ())
GType desk_api_wait_get_type (void) G_GNUC_CONST;

#define DESK_API_CLIENT_DEFAULT_BASE_URL "https://api.repairdesk.co/api/web/v1/"
#define DESK_API_CLIENT_DEFAULT_TIMEOUT  30
#define DESK_API_CLIENT_DEFAULT_RETRIES  3
/* Milliseconds before an unanswered request counts as slow. */
#define DESK_API_CLIENT_DEFAULT_SLOW_AFTER 3000
/* Seconds a request may take, retries and waits for the rate limit included. */
#define DESK_API_CLIENT_DEFAULT_DEADLINE   90

#define DESK_TYPE_API_CLIENT (desk_api_client_get_type ())

G_DECLARE_FINAL_TYPE (DeskApiClient, desk_api_client, DESK, API_CLIENT, GObject)

DeskApiClient    *desk_api_client_new                   (const char           *base_url,
                                                         const char           *api_key);
const char       *desk_api_client_get_base_url          (DeskApiClient        *self);
void              desk_api_client_set_base_url          (DeskApiClient        *self,
                                                         const char           *base_url);
void              desk_api_client_set_api_key           (DeskApiClient        *self,
                                                         const char           *api_key);
gboolean          desk_api_client_has_api_key           (DeskApiClient        *self);
DeskClock        *desk_api_client_get_clock             (DeskApiClient        *self);
DeskRateGovernor *desk_api_client_get_governor          (DeskApiClient        *self);
guint             desk_api_client_get_timeout           (DeskApiClient        *self);
void              desk_api_client_set_timeout           (DeskApiClient        *self,
                                                         guint                 seconds);
guint             desk_api_client_get_max_retries       (DeskApiClient        *self);
guint             desk_api_client_get_n_active          (DeskApiClient        *self);
guint             desk_api_client_get_n_loading_pages   (DeskApiClient        *self);
void              desk_api_client_set_max_retries       (DeskApiClient        *self,
                                                         guint                 max_retries);
guint             desk_api_client_get_slow_after        (DeskApiClient        *self);
void              desk_api_client_set_slow_after        (DeskApiClient        *self,
                                                         guint                 ms);
guint             desk_api_client_get_deadline          (DeskApiClient        *self);
void              desk_api_client_set_deadline          (DeskApiClient        *self,
                                                         guint                 seconds);
DeskApiWait       desk_api_client_get_waiting           (DeskApiClient        *self);
const char       *desk_api_client_get_waiting_message   (DeskApiClient        *self);
void              desk_api_client_stop_waiting          (DeskApiClient        *self);
gboolean          desk_api_client_check_base_url        (const char           *base_url,
                                                         GError              **error);
char             *desk_api_client_redact_url            (const char           *url);

void              desk_api_client_request_async         (DeskApiClient        *self,
                                                         const char           *method,
                                                         const char           *path,
                                                         const char * const   *query,
                                                         GBytes               *body,
                                                         DeskApiRequestFlags   flags,
                                                         int                   priority,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
JsonNode         *desk_api_client_request_finish        (DeskApiClient        *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

void              desk_api_client_check_connection_async  (DeskApiClient      *self,
                                                           GCancellable       *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer            user_data);
gboolean          desk_api_client_check_connection_finish (DeskApiClient      *self,
                                                           GAsyncResult       *result,
                                                           GError            **error);

/* Endpoints: each list gives a GPtrArray of its record type. */

void          desk_api_client_list_devices_async (DeskApiClient       *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray    *desk_api_client_list_devices_finish (DeskApiClient  *self,
                                                   GAsyncResult   *result,
                                                   GError        **error);
void          desk_api_client_list_problems_async (DeskApiClient       *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray    *desk_api_client_list_problems_finish (DeskApiClient  *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);
void          desk_api_client_list_statuses_async (DeskApiClient       *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray    *desk_api_client_list_statuses_finish (DeskApiClient  *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);
void          desk_api_client_list_employees_async (DeskApiClient       *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray    *desk_api_client_list_employees_finish (DeskApiClient  *self,
                                                     GAsyncResult   *result,
                                                     GError        **error);
void          desk_api_client_list_networks_async (DeskApiClient       *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray    *desk_api_client_list_networks_finish (DeskApiClient  *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);
void          desk_api_client_list_parts_async (DeskApiClient       *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GPtrArray    *desk_api_client_list_parts_finish (DeskApiClient  *self,
                                                 GAsyncResult   *result,
                                                 GError        **error);
void          desk_api_client_list_tax_classes_async (DeskApiClient       *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray    *desk_api_client_list_tax_classes_finish (DeskApiClient  *self,
                                                       GAsyncResult   *result,
                                                       GError        **error);
void          desk_api_client_list_device_locations_async (DeskApiClient       *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GPtrArray    *desk_api_client_list_device_locations_finish (DeskApiClient  *self,
                                                            GAsyncResult   *result,
                                                            GError        **error);
void          desk_api_client_list_supplies_async (DeskApiClient       *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray    *desk_api_client_list_supplies_finish (DeskApiClient  *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);
void          desk_api_client_list_task_types_async (DeskApiClient       *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray    *desk_api_client_list_task_types_finish (DeskApiClient  *self,
                                                      GAsyncResult   *result,
                                                      GError        **error);
void          desk_api_client_list_inventory_async (DeskApiClient       *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray    *desk_api_client_list_inventory_finish (DeskApiClient  *self,
                                                     GAsyncResult   *result,
                                                     GError        **error);
void          desk_api_client_list_payment_methods_async (DeskApiClient       *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray    *desk_api_client_list_payment_methods_finish (DeskApiClient  *self,
                                                           GAsyncResult   *result,
                                                           GError        **error);
void          desk_api_client_list_device_problems_async (DeskApiClient       *self,
                                                          gint64               device_id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray    *desk_api_client_list_device_problems_finish (DeskApiClient  *self,
                                                           GAsyncResult   *result,
                                                           GError        **error);
void          desk_api_client_list_tickets_async (DeskApiClient       *self,
                                                  const DeskListQuery *query,
                                                  gint64               page,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray    *desk_api_client_list_tickets_finish (DeskApiClient  *self,
                                                   GAsyncResult   *result,
                                                   DeskPageInfo   *info,
                                                   GError        **error);
void          desk_api_client_list_customers_async (DeskApiClient       *self,
                                                    const DeskListQuery *query,
                                                    gint64               page,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray    *desk_api_client_list_customers_finish (DeskApiClient  *self,
                                                     GAsyncResult   *result,
                                                     DeskPageInfo   *info,
                                                     GError        **error);
void          desk_api_client_list_invoices_async (DeskApiClient       *self,
                                                   const DeskListQuery *query,
                                                   gint64               page,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray    *desk_api_client_list_invoices_finish (DeskApiClient  *self,
                                                    GAsyncResult   *result,
                                                    DeskPageInfo   *info,
                                                    GError        **error);
void          desk_api_client_get_ticket_async (DeskApiClient       *self,
                                                gint64               id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
DeskTicket   *desk_api_client_get_ticket_finish (DeskApiClient  *self,
                                                 GAsyncResult   *result,
                                                 GError        **error);
void          desk_api_client_create_ticket_async (DeskApiClient       *self,
                                                   DeskTicket          *ticket,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
DeskTicket   *desk_api_client_create_ticket_finish (DeskApiClient  *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);
void          desk_api_client_update_ticket_async (DeskApiClient       *self,
                                                   DeskTicket          *ticket,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
DeskTicket   *desk_api_client_update_ticket_finish (DeskApiClient  *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);
void          desk_api_client_get_customer_async (DeskApiClient       *self,
                                                  gint64               id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
DeskCustomer *desk_api_client_get_customer_finish (DeskApiClient  *self,
                                                   GAsyncResult   *result,
                                                   GError        **error);
void          desk_api_client_create_customer_async (DeskApiClient       *self,
                                                     DeskCustomer        *customer,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
DeskCustomer *desk_api_client_create_customer_finish (DeskApiClient  *self,
                                                      GAsyncResult   *result,
                                                      GError        **error);
void          desk_api_client_update_customer_async (DeskApiClient       *self,
                                                     DeskCustomer        *customer,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
DeskCustomer *desk_api_client_update_customer_finish (DeskApiClient  *self,
                                                      GAsyncResult   *result,
                                                      GError        **error);
void          desk_api_client_get_invoice_async (DeskApiClient       *self,
                                                 gint64               id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
DeskInvoice  *desk_api_client_get_invoice_finish (DeskApiClient  *self,
                                                  GAsyncResult   *result,
                                                  GError        **error);
void          desk_api_client_create_invoice_async (DeskApiClient       *self,
                                                    DeskInvoice         *invoice,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
DeskInvoice  *desk_api_client_create_invoice_finish (DeskApiClient  *self,
                                                     GAsyncResult   *result,
                                                     GError        **error);
void          desk_api_client_update_invoice_async (DeskApiClient       *self,
                                                    DeskInvoice         *invoice,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
DeskInvoice  *desk_api_client_update_invoice_finish (DeskApiClient  *self,
                                                     GAsyncResult   *result,
                                                     GError        **error);
void          desk_api_client_convert_ticket_to_invoice_async (DeskApiClient       *self,
                                                               gint64               ticket_id,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
DeskInvoice  *desk_api_client_convert_ticket_to_invoice_finish (DeskApiClient  *self,
                                                                GAsyncResult   *result,
                                                                GError        **error);
void          desk_api_client_get_invoice_due_amount_async (DeskApiClient       *self,
                                                            gint64               invoice_id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean      desk_api_client_get_invoice_due_amount_finish (DeskApiClient  *self,
                                                             GAsyncResult   *result,
                                                             gint64         *cents,
                                                             GError        **error);
void          desk_api_client_add_payment_async (DeskApiClient       *self,
                                                 gint64               invoice_id,
                                                 gint64               amount,
                                                 const char          *method,
                                                 gint64               payment_date,
                                                 const char          *notes,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
DeskInvoice  *desk_api_client_add_payment_finish (DeskApiClient  *self,
                                                  GAsyncResult   *result,
                                                  GError        **error);

G_END_DECLS
