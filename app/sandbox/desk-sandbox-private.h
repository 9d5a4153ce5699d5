/* desk-sandbox-private.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "desk-sandbox.h"

G_BEGIN_DECLS

/* Errors of a request. The code is the HTTP status the real server puts in the body
 * (100 is its "No Result Found" for an empty ticket or invoice list). */
#define DESK_SANDBOX_ERROR (desk_sandbox_error_quark ())

typedef enum
{
  DESK_SANDBOX_ERROR_NO_RESULT = 100,
  DESK_SANDBOX_ERROR_BAD_REQUEST = 400,
  DESK_SANDBOX_ERROR_NOT_FOUND = 404,
  DESK_SANDBOX_ERROR_TOO_LARGE = 413,
  DESK_SANDBOX_ERROR_INVALID = 422,
  DESK_SANDBOX_ERROR_INTERNAL = 500,
} DeskSandboxError;

GQuark   desk_sandbox_error_quark (void);
gboolean desk_sandbox_fail        (GError    **error,
                                   int         code,
                                   const char *format,
                                   ...) G_GNUC_PRINTF (3, 4);

/* The store: one SQLite connection, used under the sandbox's store lock. */
typedef struct _DeskStore DeskStore;

DeskStore    *desk_store_open        (const char  *path,
                                      GError     **error);
void          desk_store_free        (DeskStore   *store);
sqlite3      *desk_store_get_db      (DeskStore   *store);
sqlite3_stmt *desk_store_prepare     (DeskStore   *store,
                                      const char  *sql);
gboolean      desk_store_exec        (DeskStore   *store,
                                      const char  *sql,
                                      GError     **error);
gboolean      desk_store_step_done   (DeskStore   *store,
                                      sqlite3_stmt *stmt,
                                      GError     **error);
gint64        desk_store_last_id     (DeskStore   *store);
gint64        desk_store_count       (DeskStore   *store,
                                      const char  *table);
gint64        desk_store_get_meta    (DeskStore   *store,
                                      const char  *key);
void          desk_store_set_meta    (DeskStore   *store,
                                      const char  *key,
                                      gint64       value);
gboolean      desk_store_clear       (DeskStore   *store,
                                      GError     **error);
void          desk_store_shift_dates (DeskStore   *store,
                                      gint64       seconds);
gboolean      desk_store_has_row     (DeskStore   *store,
                                      const char  *sql,
                                      gint64       id);
gboolean      desk_store_exists      (DeskStore   *store,
                                      const char  *sql,
                                      gint64       id,
                                      const char  *what,
                                      GError     **error);
typedef void (*DeskRowFunc) (DeskStore    *store,
                             sqlite3_stmt *stmt,
                             JsonObject   *o);

void          desk_store_rows_to_array (DeskStore   *store,
                                        const char  *sql,
                                        gint64       id,
                                        JsonArray   *into,
                                        DeskRowFunc  fill);
const char   *desk_store_text        (sqlite3_stmt *stmt,
                                      int          column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskStore, desk_store_free)


/* Where the seeded ids start; records created later continue from the largest id. */
#define DESK_TICKET_ID_BASE   150000
#define DESK_INVOICE_ID_BASE  560000
#define DESK_TICKET_ORDER_BASE 1000
#define DESK_INVOICE_ORDER_BASE 3000

/* Rows, as the seed and the routes write them (money in cents). */
typedef struct
{
  gint64      id;                /* 0: the next free one */
  gint64      customer_id;       /* 0: walk-in */
  gint64      created_by;
  gint64      created_date;
  gint64      repair_collected;
  const char *how_found;
  const char *signature;
} DeskTicketRow;

typedef struct
{
  gint64      ticket_id;
  gint64      device_id;
  const char *imei;
  const char *serial;
  const char *security_code;
  const char *status;
  gint64      task_type;
  gint64      due_on;
  gint64      price;
  gint64      line_discount;
  gint64      gst;
  gint64      assigned_to;
  gint64      taxclass_id;
  const char *location;
  const char *network;
  const char *warranty;
  gint64      warranty_timeframe;
  const char *staff_comments;
  const char *public_comments;
  gint64      created_on;
  const char *supplied;          /* JSON text: [{"name", "result"}] */
  const char *preconditions;
  const char *postconditions;
} DeskLineRow;

typedef struct
{
  gint64      line_id;
  gint64      product_id;
  const char *name;
  const char *sku;
  gint64      quantity;
  gint64      price;
  gint64      gst;
  gint64      taxclass_id;
  const char *warranty;
  const char *warranty_timeframe;
  const char *supplier;
} DeskPartRow;

typedef struct
{
  gint64      id;
  gint64      customer_id;
  gint64      ticket_id;
  gint64      created_date;
  gint64      due_on;
} DeskInvoiceRow;

typedef struct
{
  gint64      invoice_id;
  gint64      product_id;
  const char *name;
  const char *sku;
  gint64      quantity;
  const char *description;
  gint64      price;
  gint64      gst;
  gint64      line_discount;
  const char *notes;
  gint64      taxclass_id;
} DeskItemRow;

#define DESK_N_CUSTOMER_FIELDS 17
extern const char * const desk_customer_fields[DESK_N_CUSTOMER_FIELDS];

gint64 desk_insert_customer (DeskStore            *store,
                             gint64                id,
                             const char * const   *values);
gint64 desk_insert_ticket   (DeskStore            *store,
                             const DeskTicketRow  *row);
gint64 desk_insert_line     (DeskStore            *store,
                             const DeskLineRow    *row);
void   desk_insert_item     (DeskStore            *store,
                             gint64                line_id,
                             gint64                problem_id,
                             const char           *name);
void   desk_insert_part     (DeskStore            *store,
                             const DeskPartRow    *row);
void   desk_insert_history  (DeskStore            *store,
                             gint64                ticket_id,
                             const char           *description,
                             gint64                when);
void   desk_insert_note     (DeskStore            *store,
                             gint64                ticket_id,
                             const char           *user,
                             const char           *text,
                             gint64                when);
gint64 desk_insert_invoice  (DeskStore            *store,
                             const DeskInvoiceRow *row);
void   desk_insert_invoice_item (DeskStore         *store,
                                 const DeskItemRow *row);
void   desk_insert_items_from_ticket (DeskStore *store,
                                      gint64     invoice_id,
                                      gint64     ticket_id);
gint64 desk_insert_payment  (DeskStore            *store,
                             gint64                invoice_id,
                             gint64                amount,
                             gint64                when,
                             const char           *method,
                             const char           *notes);

/* Seed data. */
typedef struct
{
  guint32 seed;
  guint   n_customers;
  guint   n_tickets;
  guint   n_invoices;
  guint   n_extra_items;  /* inventory items beyond the store's own (large shops) */
  gint64  now;        /* unix seconds the seeded dates lead up to */
  gint64  midnight;   /* the local midnight starting the day of @now */
} DeskSeedParams;

gboolean desk_sandbox_seed (DeskStore            *store,
                            const DeskSeedParams *params,
                            GError              **error);

/* One request, as the route functions see it. */
typedef struct
{
  DeskStore   *store;
  GHashTable  *query;      /* string → string */
  JsonObject  *body;       /* the request body; an empty object when there was none */
  gint64       ids[2];     /* the numeric path segments, in order */
  gint64       now;        /* unix seconds */
  gint64       midnight;   /* local midnight of today */

  /* Filled by the route. */
  JsonNode    *data;
  char        *message;
} DeskRequest;

typedef gboolean (*DeskRouteFunc) (DeskRequest  *req,
                                   GError      **error);

typedef struct
{
  const char    *method;
  const char    *pattern;  /* "tickets/#/converttoinvoice": # is a numeric id */
  DeskRouteFunc  func;
} DeskRoute;

const DeskRoute *desk_sandbox_find_route (const char  *method,
                                          const char  *path,
                                          gint64       ids[2]);

/* Replies. */
JsonNode *desk_reply_envelope     (gboolean     success,
                                   int          status_code,
                                   const char  *message,
                                   JsonNode    *data);
JsonNode *desk_reply_error        (int          status,
                                   const char  *name,
                                   const char  *message);
JsonNode *desk_reply_invalid_route (const char *path);
const char *desk_reply_status_name (int         status);

/* JSON writing helpers. */
void jset_str    (JsonObject *o, const char *key, const char *value);
void jset_int    (JsonObject *o, const char *key, gint64 value);
void jset_bool   (JsonObject *o, const char *key, gboolean value);
void jset_id     (JsonObject *o, const char *key, gint64 id);
void jset_money  (JsonObject *o, const char *key, gint64 cents);
void jset_symbol (JsonObject *o, const char *key, gint64 cents);
void jset_percent (JsonObject *o, const char *key, gint64 millipercent);
JsonObject *jset_object (JsonObject *o, const char *key);
JsonArray  *jset_array  (JsonObject *o, const char *key);
JsonObject *jadd_object (JsonArray *a);
char       *money_symbol (gint64 cents);

/* Reading a request body: every value may come as a string or a number. */
gboolean    body_string   (JsonObject  *o,
                           const char  *key,
                           char       **out,
                           GError     **error);
gboolean    body_text     (JsonObject  *o,
                           const char  *key,
                           GPtrArray   *keep,
                           const char **out,
                           GError     **error);
gboolean    body_id       (JsonObject  *o,
                           const char  *key,
                           gboolean     required,
                           gint64      *out,
                           GError     **error);
gboolean    body_money    (JsonObject  *o,
                           const char  *key,
                           gint64      *out,
                           GError     **error);
JsonArray  *body_array    (JsonObject  *o,
                           const char  *key,
                           GError     **error);
JsonObject *body_object   (JsonObject  *o,
                           const char  *key,
                           GError     **error);
JsonObject *body_array_object (JsonArray *a,
                               guint      i,
                               const char *what,
                               GError   **error);
JsonNode   *desk_sandbox_parse_form (const char  *form,
                                     GError     **error);
JsonNode   *desk_sandbox_parse_body (const char  *content_type,
                                     GBytes      *bytes,
                                     GError     **error);
gboolean    desk_sandbox_check_query (GHashTable *query,
                                      GError    **error);

/* Query parameters of list routes. */
gint64      query_int     (DeskRequest *req,
                           const char  *key,
                           gint64       fallback);
const char *query_str     (DeskRequest *req,
                           const char  *key);
gboolean    query_date_range (DeskRequest *req,
                              gint64      *from,
                              gint64      *to);
void        bind_list_filter (DeskRequest  *req,
                              sqlite3_stmt *stmt,
                              const char   *like,
                              const char   *status);
void        query_paging  (DeskRequest *req,
                           gint64       default_size,
                           gint64      *page,
                           gint64      *size);
JsonObject *pagination_new (gint64 page,
                            gint64 size,
                            gint64 total);
char       *like_pattern  (const char *keyword);

typedef JsonObject *(*DeskRecordFunc) (DeskStore *store,
                                       gint64     id);

gboolean    desk_paged_reply (DeskRequest    *req,
                              sqlite3_stmt   *count,
                              sqlite3_stmt   *select,
                              int             limit_param,
                              gint64          default_size,
                              const char     *array_name,
                              DeskRecordFunc  record,
                              GError        **error);

/* Faults that rewrite a reply. */
void desk_sandbox_mangle_types (JsonNode *node);
void desk_sandbox_grow_lists   (JsonNode *node,
                                guint     length);

/* PNG check of signatures. */
gboolean desk_sandbox_check_png (const char  *base64,
                                 GError     **error);

/* Routes, by resource. */
gboolean desk_route_customers_index  (DeskRequest *req, GError **error);
gboolean desk_route_customers_show   (DeskRequest *req, GError **error);
gboolean desk_route_customers_create (DeskRequest *req, GError **error);
gboolean desk_route_customers_update (DeskRequest *req, GError **error);

gboolean desk_route_tickets_index    (DeskRequest *req, GError **error);
gboolean desk_route_tickets_show     (DeskRequest *req, GError **error);
gboolean desk_route_tickets_create   (DeskRequest *req, GError **error);
gboolean desk_route_tickets_update   (DeskRequest *req, GError **error);
gboolean desk_route_tickets_convert  (DeskRequest *req, GError **error);

gboolean desk_route_invoices_index   (DeskRequest *req, GError **error);
gboolean desk_route_invoices_show    (DeskRequest *req, GError **error);
gboolean desk_route_invoices_create  (DeskRequest *req, GError **error);
gboolean desk_route_invoices_update  (DeskRequest *req, GError **error);
gboolean desk_route_invoices_due     (DeskRequest *req, GError **error);
gboolean desk_route_invoices_methods (DeskRequest *req, GError **error);
gboolean desk_route_invoices_pay     (DeskRequest *req, GError **error);

gboolean desk_route_devices          (DeskRequest *req, GError **error);
gboolean desk_route_problems         (DeskRequest *req, GError **error);
gboolean desk_route_device_problems  (DeskRequest *req, GError **error);
gboolean desk_route_statuses         (DeskRequest *req, GError **error);
gboolean desk_route_employees        (DeskRequest *req, GError **error);
gboolean desk_route_networks         (DeskRequest *req, GError **error);
gboolean desk_route_parts            (DeskRequest *req, GError **error);
gboolean desk_route_taxclasses       (DeskRequest *req, GError **error);
gboolean desk_route_devicelocations  (DeskRequest *req, GError **error);
gboolean desk_route_supplies         (DeskRequest *req, GError **error);
gboolean desk_route_tasktypes        (DeskRequest *req, GError **error);
gboolean desk_route_inventory        (DeskRequest *req, GError **error);

/* Shared between the ticket and invoice routes. */
gboolean desk_ticket_show        (DeskRequest *req,
                                  gint64       id,
                                  GError     **error);
gboolean desk_invoice_show       (DeskRequest *req,
                                  gint64       id,
                                  GError     **error);
void     desk_customer_summary   (DeskStore  *store,
                                  gint64      customer_id,
                                  gboolean    detail,
                                  JsonObject *into);
gboolean desk_invoice_recompute  (DeskStore  *store,
                                  gint64      invoice_id,
                                  GError    **error);
gboolean desk_ticket_recompute   (DeskStore  *store,
                                  gint64      ticket_id,
                                  GError    **error);
void     desk_tax_class_object   (DeskStore  *store,
                                  gint64      taxclass_id,
                                  gboolean    detail,
                                  JsonObject *into);
gboolean desk_lookup_taxclass    (DeskStore  *store,
                                  gint64      taxclass_id,
                                  gint64     *millipercent,
                                  GError    **error);
char    *desk_employee_name      (DeskStore  *store,
                                  gint64      employee_id);

G_END_DECLS
