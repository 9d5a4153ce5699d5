/* desk-part.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-part"

#include "config.h"

#include "desk-part.h"
#include "desk-record-private.h"

/* A spare part in stock (GET /parts), which a technician adds to a ticket device. Stock
 * can be negative: the shop sold parts it had not booked in. */

struct _DeskPart
{
  DeskNamedItem parent_instance;

  DeskTaxClass *tax_class;     /* owned */
  char         *sku;
  char         *supplier;
  gint64        price;
  gint64        original_price;
  gint64        gst;
  gint64        in_stock;
  gint64        warranty;
  gint64        warranty_timeframe;
  gboolean      tax_inclusive;
};

G_DEFINE_FINAL_TYPE (DeskPart, desk_part, DESK_TYPE_NAMED_ITEM)

enum {
  PROP_0,
  PROP_SKU,
  PROP_SUPPLIER,
  PROP_PRICE,
  PROP_ORIGINAL_PRICE,
  PROP_GST,
  PROP_IN_STOCK,
  PROP_WARRANTY,
  PROP_WARRANTY_TIMEFRAME,
  PROP_TAX_INCLUSIVE,
  PROP_TAX_CLASS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const DeskField fields[N_PROPS] = {
  DESK_FIELD (DeskPart, PROP_SKU, "sku", DESK_FIELD_STRING, sku, "sku"),
  DESK_FIELD (DeskPart, PROP_SUPPLIER, "supplier", DESK_FIELD_STRING, supplier, "supplier"),
  DESK_FIELD (DeskPart, PROP_PRICE, "price", DESK_FIELD_MONEY, price, "price"),
  DESK_FIELD (DeskPart, PROP_ORIGINAL_PRICE, "original-price", DESK_FIELD_MONEY, original_price,
              "original_price"),
  DESK_FIELD (DeskPart, PROP_GST, "gst", DESK_FIELD_MONEY, gst, "gst"),
  DESK_FIELD (DeskPart, PROP_IN_STOCK, "in-stock", DESK_FIELD_INT, in_stock, "in_stock"),
  DESK_FIELD (DeskPart, PROP_WARRANTY, "warranty", DESK_FIELD_INT, warranty,
              "warranty", "warrenty"),
  DESK_FIELD (DeskPart, PROP_WARRANTY_TIMEFRAME, "warranty-timeframe", DESK_FIELD_INT,
              warranty_timeframe, "warranty_timeframe"),
  DESK_FIELD (DeskPart, PROP_TAX_INCLUSIVE, "tax-inclusive", DESK_FIELD_BOOL, tax_inclusive,
              "tax_inclusive"),
  DESK_FIELD_OF (DeskPart, PROP_TAX_CLASS, "tax-class", DESK_FIELD_RECORD, tax_class,
                 desk_tax_class_get_type, "tax_class", "taxclass"),
};

static void
desk_part_class_init (DeskPartClass *klass)
{
  desk_record_class_install (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
}

static void
desk_part_init (DeskPart *self)
{
}

/**
 * desk_part_new_from_json:
 * @node: one element of the parts list
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the part, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
DeskPart *
desk_part_new_from_json (JsonNode  *node,
                         GError   **error)
{
  return desk_named_item_new_from_json (DESK_TYPE_PART, node, error);
}

/**
 * desk_part_get_sku:
 * @self: a #DeskPart
 *
 * Returns: (nullable): the stock keeping unit
 */
const char *
desk_part_get_sku (DeskPart *self)
{
  g_return_val_if_fail (DESK_IS_PART (self), NULL);

  return self->sku;
}

/**
 * desk_part_get_price:
 * @self: a #DeskPart
 *
 * Returns: the price in minor units
 */
gint64
desk_part_get_price (DeskPart *self)
{
  g_return_val_if_fail (DESK_IS_PART (self), 0);

  return self->price;
}

/**
 * desk_part_get_in_stock:
 * @self: a #DeskPart
 *
 * Returns: the number in stock, negative when more were sold than booked in
 */
gint64
desk_part_get_in_stock (DeskPart *self)
{
  g_return_val_if_fail (DESK_IS_PART (self), 0);

  return self->in_stock;
}

/**
 * desk_part_get_tax_class:
 * @self: a #DeskPart
 *
 * Returns: (transfer none) (nullable): the tax class, if the server gave one
 */
DeskTaxClass *
desk_part_get_tax_class (DeskPart *self)
{
  g_return_val_if_fail (DESK_IS_PART (self), NULL);

  return self->tax_class;
}
