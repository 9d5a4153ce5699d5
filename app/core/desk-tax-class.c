/* desk-tax-class.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-tax-class"

#include "config.h"

#include "desk-record-private.h"
#include "desk-tax-class.h"

/* A tax class (GET /taxclasses), also found nested in parts, problems, inventory,
 * ticket devices ("taxclass") and invoice items ("tax_class", where the name is under
 * "tax_class" too). The rate is kept in thousandths of a percent. */

struct _DeskTaxClass
{
  DeskNamedItem parent_instance;

  gint64   tax_percent;
  gboolean tax_inclusive;
};

G_DEFINE_FINAL_TYPE (DeskTaxClass, desk_tax_class, DESK_TYPE_NAMED_ITEM)

enum {
  PROP_0,
  PROP_TAX_PERCENT,
  PROP_TAX_INCLUSIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const DeskField fields[N_PROPS] = {
  DESK_FIELD (DeskTaxClass, PROP_TAX_PERCENT, "tax-percent", DESK_FIELD_PERCENT, tax_percent,
              "tax_percent", "percent"),
  DESK_FIELD (DeskTaxClass, PROP_TAX_INCLUSIVE, "tax-inclusive", DESK_FIELD_BOOL, tax_inclusive,
              "tax_inclusive"),
};

static void
desk_tax_class_class_init (DeskTaxClassClass *klass)
{
  desk_record_class_install (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
}

static void
desk_tax_class_init (DeskTaxClass *self)
{
}

/**
 * desk_tax_class_new_from_json:
 * @node: one tax class object
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the tax class, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
DeskTaxClass *
desk_tax_class_new_from_json (JsonNode  *node,
                              GError   **error)
{
  return desk_named_item_new_from_json (DESK_TYPE_TAX_CLASS, node, error);
}

/**
 * desk_tax_class_get_tax_percent:
 * @self: a #DeskTaxClass
 *
 * Returns: the rate in thousandths of a percent (8.750 % is 8750)
 */
gint64
desk_tax_class_get_tax_percent (DeskTaxClass *self)
{
  g_return_val_if_fail (DESK_IS_TAX_CLASS (self), 0);

  return self->tax_percent;
}

/**
 * desk_tax_class_get_tax_inclusive:
 * @self: a #DeskTaxClass
 *
 * Returns: %TRUE if prices in this class include the tax
 */
gboolean
desk_tax_class_get_tax_inclusive (DeskTaxClass *self)
{
  g_return_val_if_fail (DESK_IS_TAX_CLASS (self), FALSE);

  return self->tax_inclusive;
}
