/* desk-inventory-item.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-inventory-item"

#include "config.h"

#include "desk-inventory-item.h"
#include "desk-record-private.h"

/* A product or accessory for sale (GET /inventory), with its price, stock and tax class:
 * what the counter adds to an invoice. */

struct _DeskInventoryItem
{
  DeskNamedItem parent_instance;

  DeskTaxClass *tax_class;     /* owned */
  char         *sku;
  char         *item_no;
  char         *upc_code;
  char         *description;
  char         *supplier;
  gint64        product_type;
  gint64        price;
  gint64        original_price;
  gint64        gst;
  gint64        total;
  gint64        in_stock;
  gint64        total_stock;
  gint64        warranty;
  gint64        warranty_timeframe;
  gint64        category_id;
  gint64        manufacturer_id;
  gint64        device_id;
  gboolean      tax_inclusive;
  gboolean      serialized;
  gboolean      is_part;
};

G_DEFINE_FINAL_TYPE (DeskInventoryItem, desk_inventory_item, DESK_TYPE_NAMED_ITEM)

enum {
  PROP_0,
  PROP_SKU,
  PROP_ITEM_NO,
  PROP_UPC_CODE,
  PROP_DESCRIPTION,
  PROP_SUPPLIER,
  PROP_PRODUCT_TYPE,
  PROP_PRICE,
  PROP_ORIGINAL_PRICE,
  PROP_GST,
  PROP_TOTAL,
  PROP_IN_STOCK,
  PROP_TOTAL_STOCK,
  PROP_WARRANTY,
  PROP_WARRANTY_TIMEFRAME,
  PROP_CATEGORY_ID,
  PROP_MANUFACTURER_ID,
  PROP_DEVICE_ID,
  PROP_TAX_INCLUSIVE,
  PROP_SERIALIZED,
  PROP_IS_PART,
  PROP_TAX_CLASS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(prop, name, kind, member, ...) \
  DESK_FIELD (DeskInventoryItem, prop, name, kind, member, __VA_ARGS__)

static const DeskField fields[N_PROPS] = {
  FIELD (PROP_SKU, "sku", DESK_FIELD_STRING, sku, "sku"),
  FIELD (PROP_ITEM_NO, "item-no", DESK_FIELD_STRING, item_no, "item_no"),
  FIELD (PROP_UPC_CODE, "upc-code", DESK_FIELD_STRING, upc_code, "upc_code"),
  FIELD (PROP_DESCRIPTION, "description", DESK_FIELD_STRING, description, "description"),
  FIELD (PROP_SUPPLIER, "supplier", DESK_FIELD_STRING, supplier, "supplier"),
  FIELD (PROP_PRODUCT_TYPE, "product-type", DESK_FIELD_INT, product_type, "prod_type"),
  FIELD (PROP_PRICE, "price", DESK_FIELD_MONEY, price, "price"),
  FIELD (PROP_ORIGINAL_PRICE, "original-price", DESK_FIELD_MONEY, original_price,
         "original_price"),
  FIELD (PROP_GST, "gst", DESK_FIELD_MONEY, gst, "gst"),
  FIELD (PROP_TOTAL, "total", DESK_FIELD_MONEY, total, "symbol_total", "total"),
  FIELD (PROP_IN_STOCK, "in-stock", DESK_FIELD_INT, in_stock, "in_stock"),
  FIELD (PROP_TOTAL_STOCK, "total-stock", DESK_FIELD_INT, total_stock, "total_stock"),
  FIELD (PROP_WARRANTY, "warranty", DESK_FIELD_INT, warranty, "warranty", "warrenty"),
  FIELD (PROP_WARRANTY_TIMEFRAME, "warranty-timeframe", DESK_FIELD_INT, warranty_timeframe,
         "warranty_timeframe"),
  FIELD (PROP_CATEGORY_ID, "category-id", DESK_FIELD_ID, category_id, "category_id"),
  FIELD (PROP_MANUFACTURER_ID, "manufacturer-id", DESK_FIELD_ID, manufacturer_id,
         "manufacturer_id"),
  FIELD (PROP_DEVICE_ID, "device-id", DESK_FIELD_ID, device_id, "device_id"),
  FIELD (PROP_TAX_INCLUSIVE, "tax-inclusive", DESK_FIELD_BOOL, tax_inclusive, "tax_inclusive"),
  FIELD (PROP_SERIALIZED, "serialized", DESK_FIELD_BOOL, serialized, "is_serialize"),
  FIELD (PROP_IS_PART, "is-part", DESK_FIELD_BOOL, is_part, "isPart"),
  DESK_FIELD_OF (DeskInventoryItem, PROP_TAX_CLASS, "tax-class", DESK_FIELD_RECORD, tax_class,
                 desk_tax_class_get_type, "tax_class", "taxclass"),
};

static void
desk_inventory_item_class_init (DeskInventoryItemClass *klass)
{
  desk_record_class_install (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
}

static void
desk_inventory_item_init (DeskInventoryItem *self)
{
}

/**
 * desk_inventory_item_new_from_json:
 * @node: one element of the inventory list
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the item, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
DeskInventoryItem *
desk_inventory_item_new_from_json (JsonNode  *node,
                                   GError   **error)
{
  return desk_named_item_new_from_json (DESK_TYPE_INVENTORY_ITEM, node, error);
}

/**
 * desk_inventory_item_get_sku:
 * @self: a #DeskInventoryItem
 *
 * Returns: (nullable): the stock keeping unit
 */
const char *
desk_inventory_item_get_sku (DeskInventoryItem *self)
{
  g_return_val_if_fail (DESK_IS_INVENTORY_ITEM (self), NULL);

  return self->sku;
}

/**
 * desk_inventory_item_get_price:
 * @self: a #DeskInventoryItem
 *
 * Returns: the price in minor units
 */
gint64
desk_inventory_item_get_price (DeskInventoryItem *self)
{
  g_return_val_if_fail (DESK_IS_INVENTORY_ITEM (self), 0);

  return self->price;
}

/**
 * desk_inventory_item_get_in_stock:
 * @self: a #DeskInventoryItem
 *
 * Returns: the number in stock, negative when more were sold than booked in
 */
gint64
desk_inventory_item_get_in_stock (DeskInventoryItem *self)
{
  g_return_val_if_fail (DESK_IS_INVENTORY_ITEM (self), 0);

  return self->in_stock;
}

/**
 * desk_inventory_item_get_tax_class:
 * @self: a #DeskInventoryItem
 *
 * Returns: (transfer none) (nullable): the tax class, if the server gave one
 */
DeskTaxClass *
desk_inventory_item_get_tax_class (DeskInventoryItem *self)
{
  g_return_val_if_fail (DESK_IS_INVENTORY_ITEM (self), NULL);

  return self->tax_class;
}
