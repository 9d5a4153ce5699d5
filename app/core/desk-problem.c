/* desk-problem.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-problem"

#include "config.h"

#include "desk-problem.h"
#include "desk-record-private.h"

/* A repair the shop offers for one device model, with its price (GET /problems): what
 * becomes a repair item on a ticket. Some names carry a leading blank (" Battery"). */

struct _DeskProblem
{
  DeskNamedItem parent_instance;

  DeskTaxClass *tax_class;     /* owned */
  gint64        device_id;
  gint64        price;
  gint64        original_price;
  gint64        gst;
  gboolean      tax_inclusive;
};

G_DEFINE_FINAL_TYPE (DeskProblem, desk_problem, DESK_TYPE_NAMED_ITEM)

enum {
  PROP_0,
  PROP_DEVICE_ID,
  PROP_PRICE,
  PROP_ORIGINAL_PRICE,
  PROP_GST,
  PROP_TAX_INCLUSIVE,
  PROP_TAX_CLASS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const DeskField fields[N_PROPS] = {
  DESK_FIELD (DeskProblem, PROP_DEVICE_ID, "device-id", DESK_FIELD_ID, device_id,
              "device", "device_id", "device/id"),
  DESK_FIELD (DeskProblem, PROP_PRICE, "price", DESK_FIELD_MONEY, price, "price"),
  DESK_FIELD (DeskProblem, PROP_ORIGINAL_PRICE, "original-price", DESK_FIELD_MONEY,
              original_price, "original_price"),
  DESK_FIELD (DeskProblem, PROP_GST, "gst", DESK_FIELD_MONEY, gst, "gst"),
  DESK_FIELD (DeskProblem, PROP_TAX_INCLUSIVE, "tax-inclusive", DESK_FIELD_BOOL, tax_inclusive,
              "tax_inclusive"),
  DESK_FIELD_OF (DeskProblem, PROP_TAX_CLASS, "tax-class", DESK_FIELD_RECORD, tax_class,
                 desk_tax_class_get_type, "tax_class", "taxclass"),
};

static void
desk_problem_class_init (DeskProblemClass *klass)
{
  desk_record_class_install (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
}

static void
desk_problem_init (DeskProblem *self)
{
}

/**
 * desk_problem_new_from_json:
 * @node: one element of the problems list
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the problem, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
DeskProblem *
desk_problem_new_from_json (JsonNode  *node,
                            GError   **error)
{
  return desk_named_item_new_from_json (DESK_TYPE_PROBLEM, node, error);
}

/**
 * desk_problem_get_device_id:
 * @self: a #DeskProblem
 *
 * Returns: the id of the device model this repair is for, 0 if any
 */
gint64
desk_problem_get_device_id (DeskProblem *self)
{
  g_return_val_if_fail (DESK_IS_PROBLEM (self), 0);

  return self->device_id;
}

/**
 * desk_problem_get_price:
 * @self: a #DeskProblem
 *
 * Returns: the price in minor units
 */
gint64
desk_problem_get_price (DeskProblem *self)
{
  g_return_val_if_fail (DESK_IS_PROBLEM (self), 0);

  return self->price;
}

/**
 * desk_problem_get_tax_class:
 * @self: a #DeskProblem
 *
 * Returns: (transfer none) (nullable): the tax class, if the server gave one
 */
DeskTaxClass *
desk_problem_get_tax_class (DeskProblem *self)
{
  g_return_val_if_fail (DESK_IS_PROBLEM (self), NULL);

  return self->tax_class;
}
