/* desk-customer-rules.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-customer-rules"

#include "config.h"

#include <string.h>

#include "desk-customer-rules.h"

/* What RepairDesk takes in a customer record, so that a form can say so before it sends. */

/* Returns: whether RepairDesk takes @text in a customer field */
gboolean
desk_customer_field_fits (const char *text)
{
  return text == NULL || strlen (text) <= DESK_CUSTOMER_FIELD_MAX_BYTES;
}

/**
 * desk_customer_property_of_key:
 * @key: a member of the customer body ("first_name", "orgonization")
 *
 * Returns: (transfer full): the #DeskCustomer property it carries ("first-name",
 *   "organization")
 */
char *
desk_customer_property_of_key (const char *key)
{
  char *property;

  g_return_val_if_fail (key != NULL, NULL);

  /* The API's own misspelling, sent beside the right one. */
  if (g_str_equal (key, "orgonization"))
    return g_strdup ("organization");

  property = g_strdup (key);
  g_strdelimit (property, "_", '-');
  return property;
}
