/* desk-invoice-item.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-invoice-item"

#include "config.h"

#include "desk-invoice-item.h"
#include "desk-record-private.h"

/* One line of an invoice. The detail gives full lines with a nested `tax_class`; the
 * list entry's `line_items` only names them. */

struct _DeskInvoiceItem
{
  DeskRecord parent_instance;

  DeskTaxClass *tax_class;     /* owned */
  char         *name;
  char         *sku;
  char         *description;
  char         *notes;
  gint64        id;
  gint64        product_id;
  gint64        quantity;
  gint64        price;
  gint64        gst;
  gint64        line_discount;
  gint64        total;
  gint64        tax_class_id;
};

G_DEFINE_FINAL_TYPE (DeskInvoiceItem, desk_invoice_item, DESK_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_PRODUCT_ID,
  PROP_NAME,
  PROP_SKU,
  PROP_DESCRIPTION,
  PROP_NOTES,
  PROP_QUANTITY,
  PROP_PRICE,
  PROP_GST,
  PROP_LINE_DISCOUNT,
  PROP_TOTAL,
  PROP_TAX_CLASS_ID,
  PROP_TAX_CLASS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(prop, name, kind, member, ...) \
  DESK_FIELD (DeskInvoiceItem, prop, name, kind, member, __VA_ARGS__)

static const DeskField fields[N_PROPS] = {
  FIELD (PROP_ID, "id", DESK_FIELD_ID, id, "id"),
  FIELD (PROP_PRODUCT_ID, "product-id", DESK_FIELD_ID, product_id, "product_id", "crossId"),
  FIELD (PROP_NAME, "name", DESK_FIELD_STRING, name, "name"),
  FIELD (PROP_SKU, "sku", DESK_FIELD_STRING, sku, "sku"),
  FIELD (PROP_DESCRIPTION, "description", DESK_FIELD_STRING, description, "description"),
  FIELD (PROP_NOTES, "notes", DESK_FIELD_STRING, notes, "notes"),
  [PROP_QUANTITY] = { "quantity", DESK_FIELD_INT, G_STRUCT_OFFSET (DeskInvoiceItem, quantity),
                      { "quantity", "qty" }, NULL, 1 },
  FIELD (PROP_PRICE, "price", DESK_FIELD_MONEY, price, "price"),
  FIELD (PROP_GST, "gst", DESK_FIELD_MONEY, gst, "gst"),
  FIELD (PROP_LINE_DISCOUNT, "line-discount", DESK_FIELD_MONEY, line_discount, "line_discount"),
  FIELD (PROP_TOTAL, "total", DESK_FIELD_MONEY, total, "symbol_total", "total"),
  FIELD (PROP_TAX_CLASS_ID, "tax-class-id", DESK_FIELD_ID, tax_class_id,
         "tax_class/id", "taxclass/id", "taxclass", "tax_class"),
  DESK_FIELD_OF (DeskInvoiceItem, PROP_TAX_CLASS, "tax-class", DESK_FIELD_RECORD, tax_class,
                 desk_tax_class_get_type, "tax_class", "taxclass"),
};

static const DeskWrite writes[] = {
  { "product_id", "product-id" },
  { "sku", "sku" },
  { "name", "name" },
  { "quantity", "quantity" },
  { "description", "description" },
  { "notes", "notes" },
  { "line_discount", "line-discount" },
  { "price", "price" },
  { "gst", "gst" },
  { "taxclass", "tax-class-id" },
  { NULL }
};

static void
desk_invoice_item_class_init (DeskInvoiceItemClass *klass)
{
  desk_record_class_install (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
  desk_record_class_set_writes (G_OBJECT_CLASS (klass), writes);
}

static void
desk_invoice_item_init (DeskInvoiceItem *self)
{
  self->quantity = 1;
}

/**
 * desk_invoice_item_new:
 *
 * Returns: (transfer full): a new line of quantity 1, its texts empty
 */
DeskInvoiceItem *
desk_invoice_item_new (void)
{
  return g_object_new (DESK_TYPE_INVOICE_ITEM,
                       "name", "",
                       "sku", "",
                       "description", "",
                       "notes", "",
                       NULL);
}

/**
 * desk_invoice_item_new_from_json:
 * @node: one element of an invoice's `items` or `line_items`
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the line, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
DeskInvoiceItem *
desk_invoice_item_new_from_json (JsonNode  *node,
                                 GError   **error)
{
  return desk_record_new_from_json (DESK_TYPE_INVOICE_ITEM, node, error);
}

/**
 * desk_invoice_item_get_name:
 * @self: a #DeskInvoiceItem
 *
 * Returns: (nullable): what was sold
 */
const char *
desk_invoice_item_get_name (DeskInvoiceItem *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_ITEM (self), NULL);

  return self->name;
}

/**
 * desk_invoice_item_get_quantity:
 * @self: a #DeskInvoiceItem
 *
 * Returns: how many; 1 if the server did not say
 */
gint64
desk_invoice_item_get_quantity (DeskInvoiceItem *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_ITEM (self), 0);

  return self->quantity;
}

/**
 * desk_invoice_item_get_price:
 * @self: a #DeskInvoiceItem
 *
 * Returns: the unit price in minor units
 */
gint64
desk_invoice_item_get_price (DeskInvoiceItem *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_ITEM (self), 0);

  return self->price;
}

/**
 * desk_invoice_item_get_line_discount:
 * @self: a #DeskInvoiceItem
 *
 * Returns: the discount on this line in minor units
 */
gint64
desk_invoice_item_get_line_discount (DeskInvoiceItem *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_ITEM (self), 0);

  return self->line_discount;
}

/**
 * desk_invoice_item_get_tax_class:
 * @self: a #DeskInvoiceItem
 *
 * Returns: (transfer none) (nullable): the tax class of the line
 */
DeskTaxClass *
desk_invoice_item_get_tax_class (DeskInvoiceItem *self)
{
  g_return_val_if_fail (DESK_IS_INVOICE_ITEM (self), NULL);

  return self->tax_class;
}

/**
 * desk_invoice_item_set_tax_class:
 * @self: a #DeskInvoiceItem
 * @tax_class: (nullable): the tax class
 *
 * Sets the tax class and the tax class id sent in the body.
 */
void
desk_invoice_item_set_tax_class (DeskInvoiceItem *self,
                                 DeskTaxClass    *tax_class)
{
  DeskRecord *record = DESK_RECORD (self);
  gint64 id = tax_class != NULL ? desk_named_item_get_id (DESK_NAMED_ITEM (tax_class)) : 0;

  desk_record_set_record (record, properties[PROP_TAX_CLASS], DESK_RECORD (tax_class));
  desk_record_set_int64 (record, properties[PROP_TAX_CLASS_ID], id);
}
