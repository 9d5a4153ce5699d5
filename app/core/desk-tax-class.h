/* desk-tax-class.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-named-item.h"

G_BEGIN_DECLS

#define DESK_TYPE_TAX_CLASS (desk_tax_class_get_type ())

G_DECLARE_FINAL_TYPE (DeskTaxClass, desk_tax_class, DESK, TAX_CLASS, DeskNamedItem)

DeskTaxClass *desk_tax_class_new_from_json     (JsonNode      *node,
                                                GError       **error);
gint64        desk_tax_class_get_tax_percent   (DeskTaxClass  *self);
gboolean      desk_tax_class_get_tax_inclusive (DeskTaxClass  *self);

G_END_DECLS
