/* desk-part-line.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-part-line"

#include "config.h"

#include "desk-part-line.h"
#include "desk-record-private.h"

/* A part used on a ticket device ("parts" in replies, "Parts" in the create body, with
 * the warranty spelt "warrenty"). */

struct _DeskPartLine
{
  DeskRecord parent_instance;

  char   *name;
  char   *sku;
  char   *supplier;
  gint64  product_id;
  gint64  quantity;
  gint64  price;
  gint64  gst;
  gint64  tax_class_id;
  gint64  warranty;
  gint64  warranty_timeframe;
};

G_DEFINE_FINAL_TYPE (DeskPartLine, desk_part_line, DESK_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PRODUCT_ID,
  PROP_NAME,
  PROP_SKU,
  PROP_SUPPLIER,
  PROP_QUANTITY,
  PROP_PRICE,
  PROP_GST,
  PROP_TAX_CLASS_ID,
  PROP_WARRANTY,
  PROP_WARRANTY_TIMEFRAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const DeskField fields[N_PROPS] = {
  DESK_FIELD (DeskPartLine, PROP_PRODUCT_ID, "product-id", DESK_FIELD_ID, product_id,
              "product_id", "id"),
  DESK_FIELD (DeskPartLine, PROP_NAME, "name", DESK_FIELD_STRING, name, "name"),
  DESK_FIELD (DeskPartLine, PROP_SKU, "sku", DESK_FIELD_STRING, sku, "sku"),
  DESK_FIELD (DeskPartLine, PROP_SUPPLIER, "supplier", DESK_FIELD_STRING, supplier, "supplier"),
  [PROP_QUANTITY] = { "quantity", DESK_FIELD_INT, G_STRUCT_OFFSET (DeskPartLine, quantity),
                      { "quantity", "qty" }, NULL, 1 },
  DESK_FIELD (DeskPartLine, PROP_PRICE, "price", DESK_FIELD_MONEY, price, "price"),
  DESK_FIELD (DeskPartLine, PROP_GST, "gst", DESK_FIELD_MONEY, gst, "gst"),
  DESK_FIELD (DeskPartLine, PROP_TAX_CLASS_ID, "tax-class-id", DESK_FIELD_ID, tax_class_id,
              "taxclass/id", "taxclass", "tax_class/id", "tax_class"),
  DESK_FIELD (DeskPartLine, PROP_WARRANTY, "warranty", DESK_FIELD_INT, warranty,
              "warrenty", "warranty"),
  DESK_FIELD (DeskPartLine, PROP_WARRANTY_TIMEFRAME, "warranty-timeframe", DESK_FIELD_INT,
              warranty_timeframe, "warranty_timeframe"),
};

static const DeskWrite writes[] = {
  { "product_id", "product-id" },
  { "supplier", "supplier" },
  { "warrenty", "warranty" },
  { "warranty_timeframe", "warranty-timeframe" },
  { "sku", "sku" },
  { "name", "name" },
  { "quantity", "quantity" },
  { "price", "price" },
  { "gst", "gst" },
  { "taxclass", "tax-class-id" },
  { NULL }
};

static void
desk_part_line_class_init (DeskPartLineClass *klass)
{
  desk_record_class_install (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
  desk_record_class_set_writes (G_OBJECT_CLASS (klass), writes);
}

static void
desk_part_line_init (DeskPartLine *self)
{
  self->quantity = 1;
}

/**
 * desk_part_line_new:
 *
 * Returns: (transfer full): a new part line of quantity 1, its texts empty
 */
DeskPartLine *
desk_part_line_new (void)
{
  return g_object_new (DESK_TYPE_PART_LINE, "name", "", "sku", "", "supplier", "", NULL);
}

/**
 * desk_part_line_new_from_json:
 * @node: one element of a device's `parts`
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the part line, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
DeskPartLine *
desk_part_line_new_from_json (JsonNode  *node,
                              GError   **error)
{
  return desk_record_new_from_json (DESK_TYPE_PART_LINE, node, error);
}

/**
 * desk_part_line_get_product_id:
 * @self: a #DeskPartLine
 *
 * Returns: the id of the part in the inventory
 */
gint64
desk_part_line_get_product_id (DeskPartLine *self)
{
  g_return_val_if_fail (DESK_IS_PART_LINE (self), 0);

  return self->product_id;
}

/**
 * desk_part_line_get_name:
 * @self: a #DeskPartLine
 *
 * Returns: (nullable): the name of the part
 */
const char *
desk_part_line_get_name (DeskPartLine *self)
{
  g_return_val_if_fail (DESK_IS_PART_LINE (self), NULL);

  return self->name;
}

/**
 * desk_part_line_get_quantity:
 * @self: a #DeskPartLine
 *
 * Returns: how many; 1 if the server did not say
 */
gint64
desk_part_line_get_quantity (DeskPartLine *self)
{
  g_return_val_if_fail (DESK_IS_PART_LINE (self), 0);

  return self->quantity;
}

/**
 * desk_part_line_get_price:
 * @self: a #DeskPartLine
 *
 * Returns: the unit price in minor units
 */
gint64
desk_part_line_get_price (DeskPartLine *self)
{
  g_return_val_if_fail (DESK_IS_PART_LINE (self), 0);

  return self->price;
}
