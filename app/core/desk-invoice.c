/* desk-invoice.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-invoice"

#include "config.h"

#include "desk-invoice.h"
#include "desk-record-private.h"

/* An invoice. Both shapes put it under `summary`: the list entry with "sub_total", a
 * status, `ticket {hasTicket, id, order_id}` and `line_items[] {name}` beside it; the
 * detail with "subtotal", `ticket {isTicket, id}`, the payments inside the summary and
 * full `items[]` beside it. */

struct _DeskInvoice
{
  DeskRecord parent_instance;

  DeskCustomer *customer;     /* owned */
  GListStore   *items;        /* owned */
  GListStore   *payments;     /* owned */
  char         *order_id;
  char         *status;
  char         *ticket_order_id;
  char         *signature;
  gint64        id;
  gint64        customer_id;
  gint64        ticket_id;
  gint64        created;
  gint64        due_on;
  gint64        subtotal;
  gint64        discount;
  gint64        total_tax;
  gint64        total;
  gint64        amount_paid;
  gint64        amount_due;
};

G_DEFINE_FINAL_TYPE (DeskInvoice, desk_invoice, DESK_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_ORDER_ID,
  PROP_STATUS,
  PROP_CUSTOMER_ID,
  PROP_TICKET_ID,
  PROP_TICKET_ORDER_ID,
  PROP_CREATED,
  PROP_DUE_ON,
  PROP_SUBTOTAL,
  PROP_DISCOUNT,
  PROP_TOTAL_TAX,
  PROP_TOTAL,
  PROP_AMOUNT_PAID,
  PROP_AMOUNT_DUE,
  PROP_SIGNATURE,
  PROP_CUSTOMER,
  PROP_ITEMS,
  PROP_PAYMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(prop, name, kind, member, ...) \
  DESK_FIELD (DeskInvoice, prop, name, kind, member, __VA_ARGS__)
#define CHILDREN(prop, name, kind, member, type_func, ...) \
  DESK_FIELD_OF (DeskInvoice, prop, name, kind, member, type_func, __VA_ARGS__)

static const DeskField fields[N_PROPS] = {
  FIELD (PROP_ID, "id", DESK_FIELD_ID, id, "summary/id", "id"),
  FIELD (PROP_ORDER_ID, "order-id", DESK_FIELD_STRING, order_id, "summary/order_id", "order_id"),
  FIELD (PROP_STATUS, "status", DESK_FIELD_STRING, status, "summary/status", "status"),
  FIELD (PROP_CUSTOMER_ID, "customer-id", DESK_FIELD_ID, customer_id,
         "summary/customer/cid", "summary/customer/id", "summary/customer_id", "customer_id"),
  FIELD (PROP_TICKET_ID, "ticket-id", DESK_FIELD_ID, ticket_id, "summary/ticket/id"),
  FIELD (PROP_TICKET_ORDER_ID, "ticket-order-id", DESK_FIELD_STRING, ticket_order_id,
         "summary/ticket/order_id"),
  FIELD (PROP_CREATED, "created", DESK_FIELD_TIME, created, "summary/created_date"),
  FIELD (PROP_DUE_ON, "due-on", DESK_FIELD_TIME, due_on, "summary/due_on"),
  FIELD (PROP_SUBTOTAL, "subtotal", DESK_FIELD_MONEY, subtotal,
         "summary/subtotal", "summary/sub_total"),
  FIELD (PROP_DISCOUNT, "discount", DESK_FIELD_MONEY, discount, "summary/discount"),
  FIELD (PROP_TOTAL_TAX, "total-tax", DESK_FIELD_MONEY, total_tax, "summary/total_tax"),
  FIELD (PROP_TOTAL, "total", DESK_FIELD_MONEY, total, "summary/total"),
  FIELD (PROP_AMOUNT_PAID, "amount-paid", DESK_FIELD_MONEY, amount_paid, "summary/amount_paid"),
  FIELD (PROP_AMOUNT_DUE, "amount-due", DESK_FIELD_MONEY, amount_due, "summary/amount_due"),
  FIELD (PROP_SIGNATURE, "signature", DESK_FIELD_STRING, signature, "summary/signature/data"),
  CHILDREN (PROP_CUSTOMER, "customer", DESK_FIELD_RECORD, customer, desk_customer_get_type,
            "summary/customer"),
  CHILDREN (PROP_ITEMS, "items", DESK_FIELD_LIST, items, desk_invoice_item_get_type,
            "items", "line_items"),
  CHILDREN (PROP_PAYMENTS, "payments", DESK_FIELD_LIST, payments, desk_payment_get_type,
            "summary/payments", "payments"),
};

/* `POST /invoices` and `PUT /invoices/:id`. */
static const DeskWrite writes[] = {
  { "summary/customer_id", "customer-id" },
  { "summary/due_on", "due-on" },
  { "summary/created_date", "created" },
  { "items", "items" },
  { NULL }
};

/* The status is sometimes missing from list entries; it follows from the amounts. */
static const char *
status_from_amounts (DeskInvoice *self)
{
  if (self->amount_due < 0)
    return "OverPaid";
  if (self->amount_due == 0 && self->amount_paid > 0)
    return "Paid";
  if (self->amount_paid > 0)
    return "Partial";
  return "Unpaid";
}

static void
desk_invoice_loaded (DeskRecord *record,
                     JsonObject *object)
{
  DeskInvoice *self = DESK_INVOICE (record);

  if (self->status == NULL || *self->status == '\0')
    {
      g_free (self->status);
      self->status = g_strdup (status_from_amounts (self));
    }
}

static void
desk_invoice_class_init (DeskInvoiceClass *klass)
{
  DESK_RECORD_CLASS (klass)->loaded = desk_invoice_loaded;

  desk_record_class_install (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
  desk_record_class_set_writes (G_OBJECT_CLASS (klass), writes);
}

static void
desk_invoice_init (DeskInvoice *self)
{
}

/**
 * desk_invoice_new:
 *
 * Returns: (transfer full): a new, empty invoice
 */
DeskInvoice *
desk_invoice_new (void)
{
  return g_object_new (DESK_TYPE_INVOICE, NULL);
}

/**
 * desk_invoice_new_from_json:
 * @node: one element of `invoiceData`, or the `data` of an invoice detail
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the invoice, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
DeskInvoice *
desk_invoice_new_from_json (JsonNode  *node,
                            GError   **error)
{
  return desk_record_new_from_json (DESK_TYPE_INVOICE, node, error);
}

/**
 * desk_invoice_to_json:
 * @self: a #DeskInvoice
 *
 * Returns: (transfer full): the body of `POST /invoices` and `PUT /invoices/:id`
 */
JsonNode *
desk_invoice_to_json (DeskInvoice *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE (self), NULL);

  return desk_record_to_json (DESK_RECORD (self));
}

/**
 * desk_invoice_get_id:
 * @self: a #DeskInvoice
 *
 * Returns: the invoice id, 0 before it is created
 */
gint64
desk_invoice_get_id (DeskInvoice *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE (self), 0);

  return self->id;
}

/**
 * desk_invoice_get_order_id:
 * @self: a #DeskInvoice
 *
 * Returns: (nullable): the invoice number shown to people
 */
const char *
desk_invoice_get_order_id (DeskInvoice *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE (self), NULL);

  return self->order_id;
}

/**
 * desk_invoice_get_status:
 * @self: a #DeskInvoice
 *
 * Returns: (nullable): "Paid", "Unpaid", "Partial", "OverPaid" or "Refund"
 */
const char *
desk_invoice_get_status (DeskInvoice *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE (self), NULL);

  return self->status;
}

/**
 * desk_invoice_get_total:
 * @self: a #DeskInvoice
 *
 * Returns: the total the server gave, in minor units
 */
gint64
desk_invoice_get_total (DeskInvoice *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE (self), 0);

  return self->total;
}

/**
 * desk_invoice_get_amount_paid:
 * @self: a #DeskInvoice
 *
 * Returns: the amount paid the server gave, in minor units
 */
gint64
desk_invoice_get_amount_paid (DeskInvoice *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE (self), 0);

  return self->amount_paid;
}

/**
 * desk_invoice_get_amount_due:
 * @self: a #DeskInvoice
 *
 * Returns: the amount due the server gave, in minor units; negative when overpaid
 */
gint64
desk_invoice_get_amount_due (DeskInvoice *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE (self), 0);

  return self->amount_due;
}

/**
 * desk_invoice_get_customer_id:
 * @self: a #DeskInvoice
 *
 * Returns: the customer id, 0 for a walk-in
 */
gint64
desk_invoice_get_customer_id (DeskInvoice *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE (self), 0);

  return self->customer_id;
}

/**
 * desk_invoice_get_customer:
 * @self: a #DeskInvoice
 *
 * Returns: (transfer none) (nullable): the customer as the invoice gives it
 */
DeskCustomer *
desk_invoice_get_customer (DeskInvoice *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE (self), NULL);

  return self->customer;
}

/**
 * desk_invoice_set_customer:
 * @self: a #DeskInvoice
 * @customer: (nullable): the customer, %NULL for a walk-in
 */
void
desk_invoice_set_customer (DeskInvoice  *self,
                           DeskCustomer *customer)
{
  DeskRecord *record = DESK_RECORD (self);

  desk_record_set_record (record, properties[PROP_CUSTOMER], DESK_RECORD (customer));
  desk_record_set_int64 (record, properties[PROP_CUSTOMER_ID],
                         customer != NULL ? desk_customer_get_id (customer) : 0);
}

/**
 * desk_invoice_get_items:
 * @self: a #DeskInvoice
 *
 * Returns: (transfer none): the #DeskInvoiceItem list; list entries only name them
 */
GListModel *
desk_invoice_get_items (DeskInvoice *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE (self), NULL);

  return desk_record_get_list (DESK_RECORD (self), properties[PROP_ITEMS]);
}

/**
 * desk_invoice_add_item:
 * @self: a #DeskInvoice
 * @item: the line to add
 */
void
desk_invoice_add_item (DeskInvoice     *self,
                       DeskInvoiceItem *item)
{
  g_return_if_fail (DESK_IS_INVOICE (self));
  g_return_if_fail (DESK_IS_INVOICE_ITEM (item));

  desk_record_append (DESK_RECORD (self), properties[PROP_ITEMS], item);
}

/**
 * desk_invoice_get_payments:
 * @self: a #DeskInvoice
 *
 * Returns: (transfer none): the #DeskPayment list; empty for list entries
 */
GListModel *
desk_invoice_get_payments (DeskInvoice *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE (self), NULL);

  return desk_record_get_list (DESK_RECORD (self), properties[PROP_PAYMENTS]);
}

/**
 * desk_invoice_compute_totals:
 * @self: a #DeskInvoice
 * @totals: (out caller-allocates): the totals
 *
 * Computes the totals from the lines and the payments, as desk_totals_add_line() does
 * for each line.
 */
void
desk_invoice_compute_totals (DeskInvoice *self,
                             DeskTotals  *totals)
{
  GListModel *items;
  GListModel *payments;

  g_return_if_fail (DESK_IS_INVOICE (self));

  items = desk_invoice_get_items (self);
  payments = desk_invoice_get_payments (self);
  desk_totals_init (totals);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(DeskInvoiceItem) item = g_list_model_get_item (items, i);
      DeskTaxClass *tax_class = desk_invoice_item_get_tax_class (item);

      desk_totals_add_line (totals, desk_invoice_item_get_price (item),
                            desk_invoice_item_get_quantity (item),
                            desk_invoice_item_get_line_discount (item),
                            tax_class != NULL ? desk_tax_class_get_tax_percent (tax_class) : 0);
    }

  for (guint i = 0; i < g_list_model_get_n_items (payments); i++)
    {
      g_autoptr(DeskPayment) payment = g_list_model_get_item (payments, i);

      desk_totals_add_payment (totals, desk_payment_get_amount (payment));
    }
}

/**
 * desk_invoice_remove_item:
 * @self: a #DeskInvoice
 * @position: the position of the line in desk_invoice_get_items()
 */
void
desk_invoice_remove_item (DeskInvoice *self,
                          guint        position)
{
  desk_record_remove (DESK_RECORD (self), properties[PROP_ITEMS], position);
}
