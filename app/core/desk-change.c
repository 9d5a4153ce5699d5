/* desk-change.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-change"

#include "config.h"

#include <string.h>

#include "desk-change.h"

/* One write to RepairDesk, as data: what it does, on which record, with which body, and a
 * uuid made when the change was made. A change is sent at most once (DeskWriter keeps to
 * that); sending the same thing again is a new change, made by someone's decision. Because
 * a change turns into JSON and back, a queue of them can wait on disk until the server is
 * reachable. */

struct _DeskChange
{
  GObject         parent_instance;

  /* owned */
  char           *uuid;
  DeskRecord     *record;      /* the record sent, or NULL for a conversion or payment */
  char           *method;
  char           *notes;
  char           *depends_on;  /* the uuid of a change whose new record this one names */

  /* state */
  DeskChangeKind  kind;
  gint64          target_id;   /* the record changed: 0 for a create */
  gint64          amount;
  gint64          payment_date;
};

G_DEFINE_FINAL_TYPE (DeskChange, desk_change, G_TYPE_OBJECT)

static const char * const kind_names[] = {
  [DESK_CHANGE_CREATE_CUSTOMER] = "create-customer",
  [DESK_CHANGE_UPDATE_CUSTOMER] = "update-customer",
  [DESK_CHANGE_CREATE_TICKET] = "create-ticket",
  [DESK_CHANGE_UPDATE_TICKET] = "update-ticket",
  [DESK_CHANGE_CONVERT_TICKET] = "convert-ticket",
  [DESK_CHANGE_CREATE_INVOICE] = "create-invoice",
  [DESK_CHANGE_UPDATE_INVOICE] = "update-invoice",
  [DESK_CHANGE_ADD_PAYMENT] = "add-payment",
};

static GType
record_type (DeskChangeKind kind)
{
  switch (kind)
    {
    case DESK_CHANGE_CREATE_CUSTOMER:
    case DESK_CHANGE_UPDATE_CUSTOMER:
      return DESK_TYPE_CUSTOMER;
    case DESK_CHANGE_CREATE_TICKET:
    case DESK_CHANGE_UPDATE_TICKET:
      return DESK_TYPE_TICKET;
    case DESK_CHANGE_CREATE_INVOICE:
    case DESK_CHANGE_UPDATE_INVOICE:
      return DESK_TYPE_INVOICE;
    case DESK_CHANGE_CONVERT_TICKET:
    case DESK_CHANGE_ADD_PAYMENT:
    default:
      return G_TYPE_INVALID;
    }
}

static gint64
record_id (gpointer record)
{
  gint64 id = 0;

  g_object_get (record, "id", &id, NULL);
  return id;
}

static DeskChange *
change_new (DeskChangeKind  kind,
            gpointer        record,
            gint64          target_id)
{
  DeskChange *self = g_object_new (DESK_TYPE_CHANGE, NULL);

  self->kind = kind;
  self->record = record != NULL ? g_object_ref (record) : NULL;
  self->target_id = target_id;

  return self;
}

static void
desk_change_finalize (GObject *object)
{
  DeskChange *self = DESK_CHANGE (object);

  g_free (self->uuid);
  g_clear_object (&self->record);
  g_free (self->method);
  g_free (self->notes);
  g_free (self->depends_on);

  G_OBJECT_CLASS (desk_change_parent_class)->finalize (object);
}

static void
desk_change_class_init (DeskChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_change_finalize;
}

static void
desk_change_init (DeskChange *self)
{
  self->uuid = g_uuid_string_random ();
}

/* --- Public API ------------------------------------------------------------------------- */

/**
 * desk_change_new_create_customer:
 * @customer: the customer to create
 *
 * The change keeps @customer as it is now: change the object afterwards and the change
 * still sends what it held when sent. Make a new change for each decision to save.
 *
 * Returns: (transfer full): a new change
 */
DeskChange *
desk_change_new_create_customer (DeskCustomer *customer)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER (customer), NULL);

  return change_new (DESK_CHANGE_CREATE_CUSTOMER, customer, 0);
}

DeskChange *
desk_change_new_update_customer (DeskCustomer *customer)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER (customer), NULL);
  g_return_val_if_fail (desk_customer_get_id (customer) > 0, NULL);

  return change_new (DESK_CHANGE_UPDATE_CUSTOMER, customer, desk_customer_get_id (customer));
}

DeskChange *
desk_change_new_create_ticket (DeskTicket *ticket)
{
  g_return_val_if_fail (DESK_IS_TICKET (ticket), NULL);

  return change_new (DESK_CHANGE_CREATE_TICKET, ticket, 0);
}

DeskChange *
desk_change_new_update_ticket (DeskTicket *ticket)
{
  g_return_val_if_fail (DESK_IS_TICKET (ticket), NULL);
  g_return_val_if_fail (desk_ticket_get_id (ticket) > 0, NULL);

  return change_new (DESK_CHANGE_UPDATE_TICKET, ticket, desk_ticket_get_id (ticket));
}

DeskChange *
desk_change_new_convert_ticket (gint64 ticket_id)
{
  g_return_val_if_fail (ticket_id > 0, NULL);

  return change_new (DESK_CHANGE_CONVERT_TICKET, NULL, ticket_id);
}

DeskChange *
desk_change_new_create_invoice (DeskInvoice *invoice)
{
  g_return_val_if_fail (DESK_IS_INVOICE (invoice), NULL);

  return change_new (DESK_CHANGE_CREATE_INVOICE, invoice, 0);
}

DeskChange *
desk_change_new_update_invoice (DeskInvoice *invoice)
{
  g_return_val_if_fail (DESK_IS_INVOICE (invoice), NULL);
  g_return_val_if_fail (record_id (invoice) > 0, NULL);

  return change_new (DESK_CHANGE_UPDATE_INVOICE, invoice, record_id (invoice));
}

/**
 * desk_change_new_add_payment:
 * @invoice_id: the invoice paid
 * @amount: in minor units
 * @method: a payment method's name, as RepairDesk lists them
 * @payment_date: unix seconds
 * @notes: (nullable): a note kept with the payment
 *
 * Returns: (transfer full): a new change
 */
DeskChange *
desk_change_new_add_payment (gint64      invoice_id,
                             gint64      amount,
                             const char *method,
                             gint64      payment_date,
                             const char *notes)
{
  DeskChange *self;

  g_return_val_if_fail (invoice_id > 0, NULL);
  g_return_val_if_fail (method != NULL, NULL);

  self = change_new (DESK_CHANGE_ADD_PAYMENT, NULL, invoice_id);
  self->amount = amount;
  self->method = g_strdup (method);
  self->payment_date = payment_date;
  self->notes = g_strdup (notes);

  return self;
}

/**
 * desk_change_to_json:
 * @self: a #DeskChange
 *
 * Returns: (transfer full): the change as data, for desk_change_new_from_json()
 */
JsonNode *
desk_change_to_json (DeskChange *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (DESK_IS_CHANGE (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, self->uuid);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind_names[self->kind]);
  json_builder_set_member_name (builder, "target");
  json_builder_add_int_value (builder, self->target_id);
  if (self->record != NULL)
    {
      json_builder_set_member_name (builder, "record");
      json_builder_add_value (builder, desk_record_to_json (self->record));
    }
  if (self->depends_on != NULL)
    {
      json_builder_set_member_name (builder, "depends_on");
      json_builder_add_string_value (builder, self->depends_on);
    }
  if (self->kind == DESK_CHANGE_ADD_PAYMENT)
    {
      json_builder_set_member_name (builder, "amount");
      json_builder_add_int_value (builder, self->amount);
      json_builder_set_member_name (builder, "method");
      json_builder_add_string_value (builder, self->method);
      json_builder_set_member_name (builder, "payment_date");
      json_builder_add_int_value (builder, self->payment_date);
      json_builder_set_member_name (builder, "notes");
      json_builder_add_string_value (builder, self->notes != NULL ? self->notes : "");
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
kind_from_name (const char     *name,
                DeskChangeKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (kind_names[i], name) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

static gboolean
invalid (GError     **error,
         const char  *why)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Not a stored change: %s", why);
  return FALSE;
}

static gboolean
read_record (DeskChange  *self,
             JsonObject  *o,
             GError     **error)
{
  JsonNode *node = json_object_get_member (o, "record");

  if (record_type (self->kind) == G_TYPE_INVALID)
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "no record");

  self->record = desk_record_new_from_json (record_type (self->kind), node, error);
  if (self->record == NULL)
    return FALSE;

  /* A request body does not carry the id of the record it changes. */
  if (self->target_id > 0)
    g_object_set (self->record, "id", self->target_id, NULL);

  return TRUE;
}

/**
 * desk_change_new_from_json:
 * @node: what desk_change_to_json() gave
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the change, with its uuid, or %NULL and @error
 */
DeskChange *
desk_change_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(DeskChange) self = NULL;
  DeskChangeKind kind;
  JsonObject *o;
  const char *uuid;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "not an object"), NULL;

  o = json_node_get_object (node);
  uuid = json_object_get_string_member_with_default (o, "uuid", NULL);
  if (uuid == NULL || !g_uuid_string_is_valid (uuid))
    return invalid (error, "no uuid"), NULL;
  if (!kind_from_name (json_object_get_string_member_with_default (o, "kind", NULL), &kind))
    return invalid (error, "unknown kind"), NULL;

  self = change_new (kind, NULL, json_object_get_int_member_with_default (o, "target", 0));
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
  if (record_type (kind) == G_TYPE_INVALID && self->target_id <= 0)
    return invalid (error, "no target"), NULL;
  if (!read_record (self, o, error))
    return NULL;
  if (json_object_has_member (o, "depends_on"))
    {
      const char *depends_on = json_object_get_string_member_with_default (o, "depends_on", NULL);

      if (depends_on == NULL || !g_uuid_string_is_valid (depends_on))
        return invalid (error, "bad link"), NULL;
      self->depends_on = g_strdup (depends_on);
    }

  if (kind == DESK_CHANGE_ADD_PAYMENT)
    {
      self->amount = json_object_get_int_member_with_default (o, "amount", 0);
      self->method = g_strdup (json_object_get_string_member_with_default (o, "method", ""));
      self->payment_date = json_object_get_int_member_with_default (o, "payment_date", 0);
      self->notes = g_strdup (json_object_get_string_member_with_default (o, "notes", ""));
    }

  return g_steal_pointer (&self);
}

/**
 * desk_change_copy:
 * @self: a #DeskChange
 *
 * The same change under a new uuid: what a Retry sends, once the user has decided so.
 *
 * Returns: (transfer full): a new change
 */
DeskChange *
desk_change_copy (DeskChange *self)
{
  DeskChange *copy;

  g_return_val_if_fail (DESK_IS_CHANGE (self), NULL);

  copy = change_new (self->kind, self->record, self->target_id);
  copy->amount = self->amount;
  copy->method = g_strdup (self->method);
  copy->payment_date = self->payment_date;
  copy->notes = g_strdup (self->notes);
  copy->depends_on = g_strdup (self->depends_on);

  return copy;
}

const char *
desk_change_get_uuid (DeskChange *self)
{
  g_return_val_if_fail (DESK_IS_CHANGE (self), NULL);

  return self->uuid;
}

DeskChangeKind
desk_change_get_kind (DeskChange *self)
{
  g_return_val_if_fail (DESK_IS_CHANGE (self), 0);

  return self->kind;
}

gint64
desk_change_get_target_id (DeskChange *self)
{
  g_return_val_if_fail (DESK_IS_CHANGE (self), 0);

  return self->target_id;
}

/**
 * desk_change_get_record:
 * @self: a #DeskChange
 *
 * Returns: (transfer none) (nullable): the customer, ticket or invoice sent, or %NULL for
 *   a conversion or a payment
 */
gpointer
desk_change_get_record (DeskChange *self)
{
  g_return_val_if_fail (DESK_IS_CHANGE (self), NULL);

  return self->record;
}

/**
 * desk_change_set_depends_on:
 * @self: a #DeskChange
 * @uuid: (nullable): the uuid of the change that creates the record @self names
 *
 * Links @self to a change not yet saved: a ticket for a customer whose creation waits in
 * the outbox. Until that change is saved, @self is not sent; then desk_change_link () puts
 * the new record's id in. Only a ticket (its customer) or a customer update (the customer
 * itself) can depend on a created customer.
 */
void
desk_change_set_depends_on (DeskChange *self,
                            const char *uuid)
{
  g_return_if_fail (DESK_IS_CHANGE (self));
  g_return_if_fail (uuid == NULL || g_uuid_string_is_valid (uuid));

  g_free (self->depends_on);
  self->depends_on = g_strdup (uuid);
}

/* Returns: (nullable): the uuid of the change @self waits for */
const char *
desk_change_get_depends_on (DeskChange *self)
{
  g_return_val_if_fail (DESK_IS_CHANGE (self), NULL);

  return self->depends_on;
}

/**
 * desk_change_link:
 * @self: a #DeskChange that depends on another
 * @id: the id the server gave the record the other change created
 *
 * Returns: (transfer full): @self as it is to be sent now, under the same uuid: the
 *   ticket's customer, or the customer updated, is the record with @id
 */
DeskChange *
desk_change_link (DeskChange *self,
                  gint64      id)
{
  g_autoptr(JsonNode) node = NULL;
  DeskChange *linked;

  g_return_val_if_fail (DESK_IS_CHANGE (self), NULL);
  g_return_val_if_fail (id > 0, NULL);

  node = desk_change_to_json (self);
  linked = desk_change_new_from_json (node, NULL);
  g_assert (linked != NULL);

  if (linked->kind == DESK_CHANGE_CREATE_TICKET || linked->kind == DESK_CHANGE_UPDATE_TICKET)
    g_object_set (linked->record, "customer-id", id, NULL);
  else if (linked->kind == DESK_CHANGE_UPDATE_CUSTOMER)
    {
      linked->target_id = id;
      g_object_set (linked->record, "id", id, NULL);
    }

  return linked;
}

/**
 * desk_change_get_payment:
 * @self: a #DeskChange
 * @amount: (out): in minor units
 * @method: (out) (transfer none): the payment method's name
 * @payment_date: (out): unix seconds
 * @notes: (out) (transfer none): the note, "" for none
 *
 * Returns: whether @self is a payment; the out values are set only then
 */
gboolean
desk_change_get_payment (DeskChange  *self,
                         gint64      *amount,
                         const char **method,
                         gint64      *payment_date,
                         const char **notes)
{
  g_return_val_if_fail (DESK_IS_CHANGE (self), FALSE);

  if (self->kind != DESK_CHANGE_ADD_PAYMENT)
    return FALSE;

  *amount = self->amount;
  *method = self->method;
  *payment_date = self->payment_date;
  *notes = self->notes != NULL ? self->notes : "";

  return TRUE;
}

/* --- Which field the server refused ----------------------------------------------------- */

static void
collect_keys (JsonNode   *node,
              GHashTable *keys)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        collect_keys (json_array_get_element (a, i), keys);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *child;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &child))
        {
          g_hash_table_add (keys, g_strdup (name));
          collect_keys (child, keys);
        }
    }
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* The first place @key stands as a whole word in @text, or -1. */
static gssize
word_position (const char *text,
               const char *key)
{
  gsize len = strlen (key);

  for (const char *p = strstr (text, key); p != NULL; p = strstr (p + 1, key))
    if ((p == text || !is_word_char (p[-1])) && !is_word_char (p[len]))
      return p - text;

  return -1;
}

/**
 * desk_change_refused_field:
 * @self: a #DeskChange
 * @server_text: (nullable): the server's reason (desk_api_error_get_detail())
 *
 * RepairDesk names the field it refuses by the name it has in the request body
 * ("first_name should contain at most 255 characters."): the body member that the reason
 * names first.
 *
 * Returns: (transfer full) (nullable): a member name of the request body, or %NULL
 */
char *
desk_change_refused_field (DeskChange *self,
                           const char *server_text)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonNode) body = NULL;
  GHashTableIter iter;
  const char *key;
  const char *best = NULL;
  gssize best_position = G_MAXSSIZE;

  g_return_val_if_fail (DESK_IS_CHANGE (self), NULL);

  if (server_text == NULL || self->record == NULL)
    return NULL;

  body = desk_record_to_json (self->record);
  collect_keys (body, keys);

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    {
      gssize position = word_position (server_text, key);

      /* At one place, the longer name: "address1" rather than a shorter key inside it. */
      if (position >= 0 && (position < best_position ||
                            (position == best_position && strlen (key) > strlen (best))))
        {
          best = key;
          best_position = position;
        }
    }

  return g_strdup (best);
}
