/* desk-payment.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-payment"

#include "config.h"

#include "desk-payment.h"
#include "desk-record-private.h"

/* A payment on an invoice. Its id is a string in some replies and an integer in
 * others; the body of `POST /invoices/:id/payments` is the amount, date, method and
 * notes. */

struct _DeskPayment
{
  DeskRecord parent_instance;

  char   *method;
  char   *notes;
  gint64  id;
  gint64  amount;
  gint64  payment_date;
};

G_DEFINE_FINAL_TYPE (DeskPayment, desk_payment, DESK_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_AMOUNT,
  PROP_PAYMENT_DATE,
  PROP_METHOD,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const DeskField fields[N_PROPS] = {
  DESK_FIELD (DeskPayment, PROP_ID, "id", DESK_FIELD_ID, id, "id"),
  DESK_FIELD (DeskPayment, PROP_AMOUNT, "amount", DESK_FIELD_MONEY, amount,
              "amount", "symbol_amount"),
  DESK_FIELD (DeskPayment, PROP_PAYMENT_DATE, "payment-date", DESK_FIELD_TIME, payment_date,
              "payment_date"),
  DESK_FIELD (DeskPayment, PROP_METHOD, "method", DESK_FIELD_STRING, method, "method"),
  DESK_FIELD (DeskPayment, PROP_NOTES, "notes", DESK_FIELD_STRING, notes, "notes"),
};

static const DeskWrite writes[] = {
  { "amount", "amount" },
  { "payment_date", "payment-date" },
  { "method", "method" },
  { "notes", "notes" },
  { NULL }
};

static void
desk_payment_class_init (DeskPaymentClass *klass)
{
  desk_record_class_install (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
  desk_record_class_set_writes (G_OBJECT_CLASS (klass), writes);
}

static void
desk_payment_init (DeskPayment *self)
{
}

/**
 * desk_payment_new:
 * @amount: the amount in minor units
 * @payment_date: unix seconds
 * @method: (nullable): the payment method's name ("Cash")
 * @notes: (nullable): a note
 *
 * Returns: (transfer full): a new payment to send
 */
DeskPayment *
desk_payment_new (gint64      amount,
                  gint64      payment_date,
                  const char *method,
                  const char *notes)
{
  return g_object_new (DESK_TYPE_PAYMENT,
                       "amount", amount,
                       "payment-date", payment_date,
                       "method", method,
                       "notes", notes,
                       NULL);
}

/**
 * desk_payment_new_from_json:
 * @node: one element of an invoice's `payments`
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the payment, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
DeskPayment *
desk_payment_new_from_json (JsonNode  *node,
                            GError   **error)
{
  return desk_record_new_from_json (DESK_TYPE_PAYMENT, node, error);
}

/**
 * desk_payment_to_json:
 * @self: a #DeskPayment
 *
 * Returns: (transfer full): the body of `POST /invoices/:id/payments`
 */
JsonNode *
desk_payment_to_json (DeskPayment *self)
{
  g_return_val_if_fail (DESK_IS_PAYMENT (self), NULL);

  return desk_record_to_json (DESK_RECORD (self));
}

/**
 * desk_payment_get_id:
 * @self: a #DeskPayment
 *
 * Returns: the payment id, 0 before it is sent
 */
gint64
desk_payment_get_id (DeskPayment *self)
{
  g_return_val_if_fail (DESK_IS_PAYMENT (self), 0);

  return self->id;
}

/**
 * desk_payment_get_amount:
 * @self: a #DeskPayment
 *
 * Returns: the amount in minor units
 */
gint64
desk_payment_get_amount (DeskPayment *self)
{
  g_return_val_if_fail (DESK_IS_PAYMENT (self), 0);

  return self->amount;
}

/**
 * desk_payment_get_date:
 * @self: a #DeskPayment
 *
 * Returns: when it was paid, in unix seconds, 0 if not known
 */
gint64
desk_payment_get_date (DeskPayment *self)
{
  g_return_val_if_fail (DESK_IS_PAYMENT (self), 0);

  return self->payment_date;
}

/**
 * desk_payment_get_method:
 * @self: a #DeskPayment
 *
 * Returns: (nullable): the payment method's name
 */
const char *
desk_payment_get_method (DeskPayment *self)
{
  g_return_val_if_fail (DESK_IS_PAYMENT (self), NULL);

  return self->method;
}
