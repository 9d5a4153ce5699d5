/* desk-customer-rules.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest value RepairDesk takes in a customer field, in bytes of UTF-8. */
#define DESK_CUSTOMER_FIELD_MAX_BYTES 255

gboolean  desk_customer_field_fits       (const char *text);
char     *desk_customer_property_of_key  (const char *key);

G_END_DECLS
