/* desk-ticket.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket"

#include "config.h"

#include "desk-history-entry.h"
#include "desk-note.h"
#include "desk-record-private.h"
#include "desk-ticket.h"

/* A repair ticket. List entries and details both put the ticket under `summary` beside
 * `devices`, but differ inside: the list gives `created_by`, `invoice {id, amount_due,
 * amount_paid}` and a customer with "id"; the detail adds subtotal, discount, tax, the
 * signature, `invoice {isInvoice}`, a customer with "cid", and at the top the history
 * ("hostory") and the notes. */

struct _DeskTicket
{
  DeskRecord parent_instance;

  DeskCustomer *customer;     /* owned */
  GListStore   *devices;      /* owned */
  GListStore   *history;      /* owned */
  GListStore   *notes;        /* owned */
  char         *order_id;
  char         *created_by_name;
  char         *signature;
  char         *referral;
  gint64        id;
  gint64        customer_id;
  gint64        created_by_id;
  gint64        created;
  gint64        collected;
  gint64        subtotal;
  gint64        discount;
  gint64        total_tax;
  gint64        total;
  gint64        invoice_id;
  gint64        amount_due;
  gint64        amount_paid;
  gboolean      has_invoice;
};

G_DEFINE_FINAL_TYPE (DeskTicket, desk_ticket, DESK_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_ORDER_ID,
  PROP_CUSTOMER_ID,
  PROP_CREATED_BY_ID,
  PROP_CREATED_BY_NAME,
  PROP_CREATED,
  PROP_COLLECTED,
  PROP_SUBTOTAL,
  PROP_DISCOUNT,
  PROP_TOTAL_TAX,
  PROP_TOTAL,
  PROP_HAS_INVOICE,
  PROP_INVOICE_ID,
  PROP_AMOUNT_DUE,
  PROP_AMOUNT_PAID,
  PROP_SIGNATURE,
  PROP_REFERRAL,
  PROP_CUSTOMER,
  PROP_DEVICES,
  PROP_HISTORY,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(prop, name, kind, member, ...) \
  DESK_FIELD (DeskTicket, prop, name, kind, member, __VA_ARGS__)
#define CHILDREN(prop, name, kind, member, type_func, ...) \
  DESK_FIELD_OF (DeskTicket, prop, name, kind, member, type_func, __VA_ARGS__)

static const DeskField fields[N_PROPS] = {
  FIELD (PROP_ID, "id", DESK_FIELD_ID, id, "summary/id", "id"),
  FIELD (PROP_ORDER_ID, "order-id", DESK_FIELD_STRING, order_id, "summary/order_id", "order_id"),
  FIELD (PROP_CUSTOMER_ID, "customer-id", DESK_FIELD_ID, customer_id,
         "summary/customer/cid", "summary/customer/id", "summary/customer_id", "customer_id"),
  FIELD (PROP_CREATED_BY_ID, "created-by-id", DESK_FIELD_ID, created_by_id,
         "summary/created_by/id", "summary/admin_id"),
  FIELD (PROP_CREATED_BY_NAME, "created-by-name", DESK_FIELD_STRING, created_by_name,
         "summary/created_by/fullname"),
  FIELD (PROP_CREATED, "created", DESK_FIELD_TIME, created, "summary/created_date"),
  FIELD (PROP_COLLECTED, "collected", DESK_FIELD_TIME, collected, "summary/repair_collected"),
  FIELD (PROP_SUBTOTAL, "subtotal", DESK_FIELD_MONEY, subtotal,
         "summary/subtotal", "summary/sub_total"),
  FIELD (PROP_DISCOUNT, "discount", DESK_FIELD_MONEY, discount, "summary/discount"),
  FIELD (PROP_TOTAL_TAX, "total-tax", DESK_FIELD_MONEY, total_tax, "summary/total_tax"),
  FIELD (PROP_TOTAL, "total", DESK_FIELD_MONEY, total, "summary/total"),
  FIELD (PROP_HAS_INVOICE, "has-invoice", DESK_FIELD_BOOL, has_invoice,
         "summary/invoice/isInvoice"),
  FIELD (PROP_INVOICE_ID, "invoice-id", DESK_FIELD_ID, invoice_id, "summary/invoice/id"),
  FIELD (PROP_AMOUNT_DUE, "amount-due", DESK_FIELD_MONEY, amount_due,
         "summary/invoice/amount_due"),
  FIELD (PROP_AMOUNT_PAID, "amount-paid", DESK_FIELD_MONEY, amount_paid,
         "summary/invoice/amount_paid"),
  FIELD (PROP_SIGNATURE, "signature", DESK_FIELD_STRING, signature,
         "summary/signature/data", "summary/signature"),
  FIELD (PROP_REFERRAL, "referral", DESK_FIELD_STRING, referral, "summary/how_did_u_find_us"),
  CHILDREN (PROP_CUSTOMER, "customer", DESK_FIELD_RECORD, customer, desk_customer_get_type,
            "summary/customer"),
  CHILDREN (PROP_DEVICES, "devices", DESK_FIELD_LIST, devices, desk_ticket_device_get_type,
            "devices"),
  CHILDREN (PROP_HISTORY, "history", DESK_FIELD_LIST, history, desk_history_entry_get_type,
            "hostory", "history"),
  CHILDREN (PROP_NOTES, "notes", DESK_FIELD_LIST, notes, desk_note_get_type, "notes"),
};

/* `POST /tickets` and `PUT /tickets/:id`; a walk-in is customer "0". */
static const DeskWrite writes[] = {
  { "summary/customer_id", "customer-id" },
  { "summary/signature", "signature" },
  { "devices", "devices" },
  { NULL }
};

/* A list entry has an invoice id where a detail says isInvoice. */
static void
desk_ticket_loaded (DeskRecord *record,
                    JsonObject *object)
{
  DeskTicket *self = DESK_TICKET (record);

  if (self->invoice_id != 0)
    self->has_invoice = TRUE;
}

static void
desk_ticket_class_init (DeskTicketClass *klass)
{
  DESK_RECORD_CLASS (klass)->loaded = desk_ticket_loaded;

  desk_record_class_install (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
  desk_record_class_set_writes (G_OBJECT_CLASS (klass), writes);
}

static void
desk_ticket_init (DeskTicket *self)
{
}

/**
 * desk_ticket_new:
 *
 * Returns: (transfer full): a new, empty ticket for the intake form
 */
DeskTicket *
desk_ticket_new (void)
{
  return g_object_new (DESK_TYPE_TICKET, NULL);
}

/**
 * desk_ticket_new_from_json:
 * @node: one element of `ticketData`, or the `data` of a ticket detail
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the ticket, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
DeskTicket *
desk_ticket_new_from_json (JsonNode  *node,
                           GError   **error)
{
  return desk_record_new_from_json (DESK_TYPE_TICKET, node, error);
}

/**
 * desk_ticket_to_json:
 * @self: a #DeskTicket
 *
 * Returns: (transfer full): the body of `POST /tickets` and `PUT /tickets/:id`: every
 *   scalar a string, the signature a base64 PNG
 */
JsonNode *
desk_ticket_to_json (DeskTicket *self)
{
  g_return_val_if_fail (DESK_IS_TICKET (self), NULL);

  return desk_record_to_json (DESK_RECORD (self));
}

/**
 * desk_ticket_get_id:
 * @self: a #DeskTicket
 *
 * Returns: the ticket id, 0 before it is created
 */
gint64
desk_ticket_get_id (DeskTicket *self)
{
  g_return_val_if_fail (DESK_IS_TICKET (self), 0);

  return self->id;
}

/**
 * desk_ticket_get_order_id:
 * @self: a #DeskTicket
 *
 * Returns: (nullable): the ticket number shown to people ("T-448")
 */
const char *
desk_ticket_get_order_id (DeskTicket *self)
{
  g_return_val_if_fail (DESK_IS_TICKET (self), NULL);

  return self->order_id;
}

/**
 * desk_ticket_get_created:
 * @self: a #DeskTicket
 *
 * Returns: when the ticket was created, in unix seconds, 0 if not known
 */
gint64
desk_ticket_get_created (DeskTicket *self)
{
  g_return_val_if_fail (DESK_IS_TICKET (self), 0);

  return self->created;
}

/**
 * desk_ticket_get_customer_id:
 * @self: a #DeskTicket
 *
 * Returns: the customer id, 0 for a walk-in
 */
gint64
desk_ticket_get_customer_id (DeskTicket *self)
{
  g_return_val_if_fail (DESK_IS_TICKET (self), 0);

  return self->customer_id;
}

/**
 * desk_ticket_get_customer:
 * @self: a #DeskTicket
 *
 * Returns: (transfer none) (nullable): the customer as the ticket gives it
 */
DeskCustomer *
desk_ticket_get_customer (DeskTicket *self)
{
  g_return_val_if_fail (DESK_IS_TICKET (self), NULL);

  return self->customer;
}

/**
 * desk_ticket_set_customer:
 * @self: a #DeskTicket
 * @customer: (nullable): the customer, %NULL or one with id 0 for a walk-in
 */
void
desk_ticket_set_customer (DeskTicket   *self,
                          DeskCustomer *customer)
{
  DeskRecord *record = DESK_RECORD (self);

  desk_record_set_record (record, properties[PROP_CUSTOMER], DESK_RECORD (customer));
  desk_record_set_int64 (record, properties[PROP_CUSTOMER_ID],
                         customer != NULL ? desk_customer_get_id (customer) : 0);
}

/**
 * desk_ticket_get_total:
 * @self: a #DeskTicket
 *
 * Returns: the total the server gave, in minor units
 */
gint64
desk_ticket_get_total (DeskTicket *self)
{
  g_return_val_if_fail (DESK_IS_TICKET (self), 0);

  return self->total;
}

/**
 * desk_ticket_get_amount_due:
 * @self: a #DeskTicket
 *
 * Returns: what is left to pay on the ticket's invoice (list entries only)
 */
gint64
desk_ticket_get_amount_due (DeskTicket *self)
{
  g_return_val_if_fail (DESK_IS_TICKET (self), 0);

  return self->amount_due;
}

/**
 * desk_ticket_get_signature:
 * @self: a #DeskTicket
 *
 * Returns: (nullable): the customer's signature as a base64 PNG, if any
 */
const char *
desk_ticket_get_signature (DeskTicket *self)
{
  g_return_val_if_fail (DESK_IS_TICKET (self), NULL);

  return self->signature;
}

/**
 * desk_ticket_set_signature:
 * @self: a #DeskTicket
 * @base64_png: (nullable): the signature, from desk_signature_to_base64()
 */
void
desk_ticket_set_signature (DeskTicket *self,
                           const char *base64_png)
{
  desk_record_set_string (DESK_RECORD (self), properties[PROP_SIGNATURE], base64_png);
}

/**
 * desk_ticket_get_devices:
 * @self: a #DeskTicket
 *
 * Returns: (transfer none): the #DeskTicketDevice list
 */
GListModel *
desk_ticket_get_devices (DeskTicket *self)
{
  g_return_val_if_fail (DESK_IS_TICKET (self), NULL);

  return desk_record_get_list (DESK_RECORD (self), properties[PROP_DEVICES]);
}

/**
 * desk_ticket_add_device:
 * @self: a #DeskTicket
 * @device: the device to add
 */
void
desk_ticket_add_device (DeskTicket       *self,
                        DeskTicketDevice *device)
{
  g_return_if_fail (DESK_IS_TICKET (self));
  g_return_if_fail (DESK_IS_TICKET_DEVICE (device));

  desk_record_append (DESK_RECORD (self), properties[PROP_DEVICES], device);
}

/**
 * desk_ticket_get_history:
 * @self: a #DeskTicket
 *
 * Returns: (transfer none): the #DeskHistoryEntry list, newest first as the server
 *   sends it; empty for list entries
 */
GListModel *
desk_ticket_get_history (DeskTicket *self)
{
  g_return_val_if_fail (DESK_IS_TICKET (self), NULL);

  return desk_record_get_list (DESK_RECORD (self), properties[PROP_HISTORY]);
}

/**
 * desk_ticket_get_notes:
 * @self: a #DeskTicket
 *
 * Returns: (transfer none): the #DeskNote list; empty for list entries
 */
GListModel *
desk_ticket_get_notes (DeskTicket *self)
{
  g_return_val_if_fail (DESK_IS_TICKET (self), NULL);

  return desk_record_get_list (DESK_RECORD (self), properties[PROP_NOTES]);
}

/**
 * desk_ticket_compute_totals:
 * @self: a #DeskTicket
 * @totals: (out caller-allocates): the totals
 *
 * Computes the totals from the devices: each device is one line of its price less its
 * line discount, taxed at its tax class's rate. Part lines are not added: no reply seen
 * so far shows whether the server counts them apart from the device price. The amount
 * paid is the one the server gave.
 */
void
desk_ticket_compute_totals (DeskTicket *self,
                            DeskTotals *totals)
{
  GListModel *devices;

  g_return_if_fail (DESK_IS_TICKET (self));

  devices = desk_ticket_get_devices (self);

  desk_totals_init (totals);
  for (guint i = 0; i < g_list_model_get_n_items (devices); i++)
    {
      g_autoptr(DeskTicketDevice) device = g_list_model_get_item (devices, i);
      DeskTaxClass *tax_class = desk_ticket_device_get_tax_class (device);

      desk_totals_add_line (totals, desk_ticket_device_get_price (device), 1,
                            desk_ticket_device_get_line_discount (device),
                            tax_class != NULL ? desk_tax_class_get_tax_percent (tax_class) : 0);
    }
  desk_totals_add_payment (totals, self->amount_paid);
}

/**
 * desk_ticket_remove_device:
 * @self: a #DeskTicket
 * @position: the position of the device in desk_ticket_get_devices()
 */
void
desk_ticket_remove_device (DeskTicket *self,
                           guint       position)
{
  desk_record_remove (DESK_RECORD (self), properties[PROP_DEVICES], position);
}
