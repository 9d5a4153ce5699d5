/* desk-customer.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-customer"

#include "config.h"

#include <string.h>

#include "desk-customer.h"
#include "desk-record-private.h"

/* A customer, from the customers list and detail and nested in tickets and invoices.
 * Details give the id as "cid", nested entries as "id". "fullName" is the full name,
 * "fullname" often only the first name; list entries give no first and last name. */

struct _DeskCustomer
{
  DeskRecord parent_instance;

  char   *first_name;
  char   *last_name;
  char   *full_name;
  char   *phone;
  char   *mobile;
  char   *email;
  char   *address1;
  char   *address2;
  char   *postcode;
  char   *city;
  char   *state;
  char   *country;
  char   *organization;
  char   *referred_by;
  char   *driving_licence;
  char   *contact_person;
  char   *tax_number;
  char   *network;
  char   *group_name;
  gint64  id;
  gint64  group_id;
};

G_DEFINE_FINAL_TYPE (DeskCustomer, desk_customer, DESK_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_FULL_NAME,
  PROP_PHONE,
  PROP_MOBILE,
  PROP_EMAIL,
  PROP_ADDRESS1,
  PROP_ADDRESS2,
  PROP_POSTCODE,
  PROP_CITY,
  PROP_STATE,
  PROP_COUNTRY,
  PROP_ORGANIZATION,
  PROP_REFERRED_BY,
  PROP_DRIVING_LICENCE,
  PROP_CONTACT_PERSON,
  PROP_TAX_NUMBER,
  PROP_NETWORK,
  PROP_GROUP_ID,
  PROP_GROUP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define TEXT(prop, name, member, ...) \
  DESK_FIELD (DeskCustomer, prop, name, DESK_FIELD_STRING, member, __VA_ARGS__)

static const DeskField fields[N_PROPS] = {
  DESK_FIELD (DeskCustomer, PROP_ID, "id", DESK_FIELD_ID, id, "cid", "id", "customer_id"),
  TEXT (PROP_FIRST_NAME, "first-name", first_name, "first_name"),
  TEXT (PROP_LAST_NAME, "last-name", last_name, "last_name"),
  TEXT (PROP_FULL_NAME, "full-name", full_name, "fullName", "full_name"),
  TEXT (PROP_PHONE, "phone", phone, "phone"),
  TEXT (PROP_MOBILE, "mobile", mobile, "mobile"),
  TEXT (PROP_EMAIL, "email", email, "email"),
  TEXT (PROP_ADDRESS1, "address1", address1, "address1"),
  TEXT (PROP_ADDRESS2, "address2", address2, "address2"),
  TEXT (PROP_POSTCODE, "postcode", postcode, "postcode"),
  TEXT (PROP_CITY, "city", city, "city"),
  TEXT (PROP_STATE, "state", state, "state"),
  TEXT (PROP_COUNTRY, "country", country, "country"),
  TEXT (PROP_ORGANIZATION, "organization", organization, "orgonization", "organization"),
  TEXT (PROP_REFERRED_BY, "referred-by", referred_by, "refered_by", "referred_by"),
  TEXT (PROP_DRIVING_LICENCE, "driving-licence", driving_licence, "driving_licence"),
  TEXT (PROP_CONTACT_PERSON, "contact-person", contact_person, "contact_person"),
  TEXT (PROP_TAX_NUMBER, "tax-number", tax_number, "tax_number"),
  TEXT (PROP_NETWORK, "network", network, "network"),
  DESK_FIELD (DeskCustomer, PROP_GROUP_ID, "group-id", DESK_FIELD_ID, group_id,
              "customer_group/id"),
  TEXT (PROP_GROUP_NAME, "group-name", group_name, "customer_group/name"),
};

/* The create/update body; the vendor's example and the replies spell it "orgonization",
 * the field list "organization": both are sent. */
static const DeskWrite writes[] = {
  { "first_name", "first-name" },
  { "last_name", "last-name" },
  { "phone", "phone" },
  { "mobile", "mobile" },
  { "email", "email" },
  { "address1", "address1" },
  { "address2", "address2" },
  { "postcode", "postcode" },
  { "city", "city" },
  { "state", "state" },
  { "country", "country" },
  { "organization", "organization" },
  { "orgonization", "organization" },
  { "driving_licence", "driving-licence" },
  { "contact_person", "contact-person" },
  { "tax_number", "tax-number" },
  { "network", "network" },
  { NULL }
};

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* List entries only have the full name, details only first and last: each is made from
 * the other so that a list row and a form show the same person. The first word is taken
 * as the first name, which is what the server does with "fullname". */
static void
desk_customer_loaded (DeskRecord *record,
                      JsonObject *object)
{
  DeskCustomer *self = DESK_CUSTOMER (record);

  if (is_blank (self->full_name) && !(is_blank (self->first_name) && is_blank (self->last_name)))
    {
      g_free (self->full_name);
      self->full_name = g_strstrip (g_strjoin (" ", self->first_name ? self->first_name : "",
                                               self->last_name ? self->last_name : "", NULL));
    }
  else if (!is_blank (self->full_name) && self->first_name == NULL && self->last_name == NULL)
    {
      char *space = strchr (self->full_name, ' ');

      self->first_name = space ? g_strndup (self->full_name, space - self->full_name)
                               : g_strdup (self->full_name);
      self->last_name = g_strchug (g_strdup (space ? space + 1 : ""));
    }
}

static void
desk_customer_class_init (DeskCustomerClass *klass)
{
  DeskRecordClass *record_class = DESK_RECORD_CLASS (klass);

  record_class->loaded = desk_customer_loaded;

  desk_record_class_install (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
  desk_record_class_set_writes (G_OBJECT_CLASS (klass), writes);
}

static void
desk_customer_init (DeskCustomer *self)
{
}

/**
 * desk_customer_new:
 *
 * Returns: (transfer full): a new, empty customer for the create form
 */
DeskCustomer *
desk_customer_new (void)
{
  return g_object_new (DESK_TYPE_CUSTOMER, NULL);
}

/**
 * desk_customer_new_from_json:
 * @node: one customer object: a list element, a detail's `data`, or a nested customer
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the customer, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
DeskCustomer *
desk_customer_new_from_json (JsonNode  *node,
                             GError   **error)
{
  return desk_record_new_from_json (DESK_TYPE_CUSTOMER, node, error);
}

/**
 * desk_customer_to_json:
 * @self: a #DeskCustomer
 *
 * Returns: (transfer full): the body of `POST /customers` and `PUT /customers/:id`
 */
JsonNode *
desk_customer_to_json (DeskCustomer *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER (self), NULL);

  return desk_record_to_json (DESK_RECORD (self));
}

/**
 * desk_customer_get_id:
 * @self: a #DeskCustomer
 *
 * Returns: the id; 0 for a walk-in or a customer not yet created
 */
gint64
desk_customer_get_id (DeskCustomer *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER (self), 0);

  return self->id;
}

/**
 * desk_customer_is_walk_in:
 * @self: a #DeskCustomer
 *
 * Returns: %TRUE for the anonymous walk-in customer (`cid` "0" or "")
 */
gboolean
desk_customer_is_walk_in (DeskCustomer *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER (self), FALSE);

  return self->id == 0;
}

/**
 * desk_customer_get_full_name:
 * @self: a #DeskCustomer
 *
 * Returns: (nullable): the full name
 */
const char *
desk_customer_get_full_name (DeskCustomer *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER (self), NULL);

  return self->full_name;
}

/**
 * desk_customer_get_first_name:
 * @self: a #DeskCustomer
 *
 * Returns: (nullable): the first name
 */
const char *
desk_customer_get_first_name (DeskCustomer *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER (self), NULL);

  return self->first_name;
}

/**
 * desk_customer_set_first_name:
 * @self: a #DeskCustomer
 * @first_name: (nullable): the first name
 */
void
desk_customer_set_first_name (DeskCustomer *self,
                              const char   *first_name)
{
  desk_record_set_string (DESK_RECORD (self), properties[PROP_FIRST_NAME], first_name);
}

/**
 * desk_customer_get_last_name:
 * @self: a #DeskCustomer
 *
 * Returns: (nullable): the last name
 */
const char *
desk_customer_get_last_name (DeskCustomer *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER (self), NULL);

  return self->last_name;
}

/**
 * desk_customer_set_last_name:
 * @self: a #DeskCustomer
 * @last_name: (nullable): the last name
 */
void
desk_customer_set_last_name (DeskCustomer *self,
                             const char   *last_name)
{
  desk_record_set_string (DESK_RECORD (self), properties[PROP_LAST_NAME], last_name);
}

/**
 * desk_customer_get_phone:
 * @self: a #DeskCustomer
 *
 * Returns: (nullable): the phone number
 */
const char *
desk_customer_get_phone (DeskCustomer *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER (self), NULL);

  return self->phone;
}

/**
 * desk_customer_get_mobile:
 * @self: a #DeskCustomer
 *
 * Returns: (nullable): the mobile number
 */
const char *
desk_customer_get_mobile (DeskCustomer *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER (self), NULL);

  return self->mobile;
}

/**
 * desk_customer_get_email:
 * @self: a #DeskCustomer
 *
 * Returns: (nullable): the e-mail address
 */
const char *
desk_customer_get_email (DeskCustomer *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER (self), NULL);

  return self->email;
}
