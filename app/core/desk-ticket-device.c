/* desk-ticket-device.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-ticket-device"

#include "config.h"

#include "desk-record-private.h"
#include "desk-ticket-device.h"

/* One device on a ticket, with its repairs, parts, conditions and the accessories handed
 * in. The list entry gives `status {name}`, `assigned_to {id, fullname}` and a plain
 * `task_type` id; the detail adds `task_type {id, name}`, `taxclass {...}`,
 * `network {name}` and the child lists; the create body has plain strings for all of
 * them. Each field tries the nested form first, then the flat one. */

struct _DeskTicketDevice
{
  DeskRecord parent_instance;

  DeskTaxClass *tax_class;        /* owned */
  GListStore   *repair_items;     /* owned */
  GListStore   *parts;            /* owned */
  GListStore   *pre_conditions;   /* owned */
  GListStore   *post_conditions;  /* owned */
  GListStore   *supplied;         /* owned */
  char         *device_name;
  char         *status;
  char         *assigned_to_name;
  char         *imei;
  char         *serial;
  char         *security_code;
  char         *task_type_name;
  char         *location;
  char         *network;
  char         *staff_comments;
  char         *public_comments;
  gint64        id;
  gint64        device_id;
  gint64        price;
  gint64        gst;
  gint64        line_discount;
  gint64        total;
  gint64        assigned_to_id;
  gint64        due_on;
  gint64        task_type_id;
  gint64        tax_class_id;
  gint64        warranty;
  gint64        warranty_timeframe;
  gint64        created;
  gboolean      tax_inclusive;
};

G_DEFINE_FINAL_TYPE (DeskTicketDevice, desk_ticket_device, DESK_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_DEVICE_ID,
  PROP_DEVICE_NAME,
  PROP_STATUS,
  PROP_PRICE,
  PROP_GST,
  PROP_LINE_DISCOUNT,
  PROP_TOTAL,
  PROP_ASSIGNED_TO_ID,
  PROP_ASSIGNED_TO_NAME,
  PROP_IMEI,
  PROP_SERIAL,
  PROP_SECURITY_CODE,
  PROP_DUE_ON,
  PROP_TASK_TYPE_ID,
  PROP_TASK_TYPE_NAME,
  PROP_WARRANTY,
  PROP_WARRANTY_TIMEFRAME,
  PROP_TAX_CLASS_ID,
  PROP_TAX_INCLUSIVE,
  PROP_LOCATION,
  PROP_NETWORK,
  PROP_STAFF_COMMENTS,
  PROP_PUBLIC_COMMENTS,
  PROP_CREATED,
  PROP_TAX_CLASS,
  PROP_REPAIR_ITEMS,
  PROP_PARTS,
  PROP_PRE_CONDITIONS,
  PROP_POST_CONDITIONS,
  PROP_SUPPLIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(prop, name, kind, member, ...) \
  DESK_FIELD (DeskTicketDevice, prop, name, kind, member, __VA_ARGS__)
#define CHILDREN(prop, name, kind, member, type_func, ...) \
  DESK_FIELD_OF (DeskTicketDevice, prop, name, kind, member, type_func, __VA_ARGS__)

static const DeskField fields[N_PROPS] = {
  FIELD (PROP_ID, "id", DESK_FIELD_ID, id, "id"),
  FIELD (PROP_DEVICE_ID, "device-id", DESK_FIELD_ID, device_id, "device/id", "device"),
  FIELD (PROP_DEVICE_NAME, "device-name", DESK_FIELD_STRING, device_name, "device/name",
         "device_name"),
  FIELD (PROP_STATUS, "status", DESK_FIELD_STRING, status, "status/name", "status"),
  FIELD (PROP_PRICE, "price", DESK_FIELD_MONEY, price, "price"),
  FIELD (PROP_GST, "gst", DESK_FIELD_MONEY, gst, "gst"),
  FIELD (PROP_LINE_DISCOUNT, "line-discount", DESK_FIELD_MONEY, line_discount, "line_discount"),
  FIELD (PROP_TOTAL, "total", DESK_FIELD_MONEY, total, "total"),
  FIELD (PROP_ASSIGNED_TO_ID, "assigned-to-id", DESK_FIELD_ID, assigned_to_id,
         "assigned_to/id", "assigned_to"),
  FIELD (PROP_ASSIGNED_TO_NAME, "assigned-to-name", DESK_FIELD_STRING, assigned_to_name,
         "assigned_to/fullname"),
  FIELD (PROP_IMEI, "imei", DESK_FIELD_STRING, imei, "imei"),
  FIELD (PROP_SERIAL, "serial", DESK_FIELD_STRING, serial, "serial"),
  FIELD (PROP_SECURITY_CODE, "security-code", DESK_FIELD_STRING, security_code, "security_code"),
  FIELD (PROP_DUE_ON, "due-on", DESK_FIELD_TIME, due_on, "due_on"),
  FIELD (PROP_TASK_TYPE_ID, "task-type-id", DESK_FIELD_ID, task_type_id,
         "task_type/id", "task_type"),
  FIELD (PROP_TASK_TYPE_NAME, "task-type-name", DESK_FIELD_STRING, task_type_name,
         "task_type/name"),
  FIELD (PROP_WARRANTY, "warranty", DESK_FIELD_INT, warranty, "warranty", "warrenty"),
  FIELD (PROP_WARRANTY_TIMEFRAME, "warranty-timeframe", DESK_FIELD_INT, warranty_timeframe,
         "warranty_timeframe"),
  FIELD (PROP_TAX_CLASS_ID, "tax-class-id", DESK_FIELD_ID, tax_class_id,
         "taxclass/id", "taxclass", "tax_class/id"),
  FIELD (PROP_TAX_INCLUSIVE, "tax-inclusive", DESK_FIELD_BOOL, tax_inclusive, "tax_inclusive"),
  FIELD (PROP_LOCATION, "location", DESK_FIELD_STRING, location,
         "device_location/name", "device_location"),
  FIELD (PROP_NETWORK, "network", DESK_FIELD_STRING, network, "network/name", "network"),
  FIELD (PROP_STAFF_COMMENTS, "staff-comments", DESK_FIELD_STRING, staff_comments,
         "staff_comments"),
  FIELD (PROP_PUBLIC_COMMENTS, "public-comments", DESK_FIELD_STRING, public_comments,
         "public_comments"),
  FIELD (PROP_CREATED, "created", DESK_FIELD_TIME, created, "created_on"),
  CHILDREN (PROP_TAX_CLASS, "tax-class", DESK_FIELD_RECORD, tax_class, desk_tax_class_get_type,
            "taxclass", "tax_class"),
  CHILDREN (PROP_REPAIR_ITEMS, "repair-items", DESK_FIELD_LIST, repair_items,
            desk_repair_item_get_type, "repairProdItems"),
  CHILDREN (PROP_PARTS, "parts", DESK_FIELD_LIST, parts, desk_part_line_get_type,
            "parts", "Parts"),
  CHILDREN (PROP_PRE_CONDITIONS, "pre-conditions", DESK_FIELD_LIST, pre_conditions,
            desk_condition_get_type, "PreConditions"),
  CHILDREN (PROP_POST_CONDITIONS, "post-conditions", DESK_FIELD_LIST, post_conditions,
            desk_condition_get_type, "PostConditions"),
  CHILDREN (PROP_SUPPLIED, "supplied", DESK_FIELD_LIST, supplied, desk_condition_get_type,
            "suplied", "supplied"),
};

/* The device part of `POST /tickets`, in the order of the vendor's example. The device's
 * own id is only known, and only sent, when updating. */
static const DeskWrite writes[] = {
  { "id", "id", TRUE },
  { "device", "device-id" },
  { "repairProdItems", "repair-items" },
  { "imei", "imei" },
  { "serial", "serial" },
  { "security_code", "security-code" },
  { "status", "status" },
  { "task_type", "task-type-id" },
  { "due_on", "due-on" },
  { "price", "price" },
  { "line_discount", "line-discount" },
  { "gst", "gst" },
  { "assigned_to", "assigned-to-id" },
  { "staff_comments", "staff-comments" },
  { "public_comments", "public-comments" },
  { "PreConditions", "pre-conditions" },
  { "supplied", "supplied" },
  { "taxclass", "tax-class-id" },
  { "device_location", "location" },
  { "network", "network" },
  { "Parts", "parts" },
  { NULL }
};

static void
desk_ticket_device_class_init (DeskTicketDeviceClass *klass)
{
  desk_record_class_install (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
  desk_record_class_set_writes (G_OBJECT_CLASS (klass), writes);
}

static void
desk_ticket_device_init (DeskTicketDevice *self)
{
}

/**
 * desk_ticket_device_new:
 *
 * The texts of a new device are empty rather than unset, so its body has every member
 * of the vendor's example.
 *
 * Returns: (transfer full): a new, empty device for the intake form
 */
DeskTicketDevice *
desk_ticket_device_new (void)
{
  return g_object_new (DESK_TYPE_TICKET_DEVICE,
                       "imei", "",
                       "serial", "",
                       "security-code", "",
                       "status", "",
                       "staff-comments", "",
                       "public-comments", "",
                       "location", "",
                       "network", "",
                       NULL);
}

/**
 * desk_ticket_device_new_from_json:
 * @node: one element of a ticket's `devices`
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the device, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
DeskTicketDevice *
desk_ticket_device_new_from_json (JsonNode  *node,
                                  GError   **error)
{
  return desk_record_new_from_json (DESK_TYPE_TICKET_DEVICE, node, error);
}

/**
 * desk_ticket_device_to_json:
 * @self: a #DeskTicketDevice
 *
 * Returns: (transfer full): one element of the `devices` of a ticket body
 */
JsonNode *
desk_ticket_device_to_json (DeskTicketDevice *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DEVICE (self), NULL);

  return desk_record_to_json (DESK_RECORD (self));
}

/**
 * desk_ticket_device_get_id:
 * @self: a #DeskTicketDevice
 *
 * Returns: the id of the device line on the ticket, 0 before it is created
 */
gint64
desk_ticket_device_get_id (DeskTicketDevice *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DEVICE (self), 0);

  return self->id;
}

/**
 * desk_ticket_device_get_device_name:
 * @self: a #DeskTicketDevice
 *
 * Returns: (nullable): the device model ("iPhone 6s")
 */
const char *
desk_ticket_device_get_device_name (DeskTicketDevice *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DEVICE (self), NULL);

  return self->device_name;
}

/**
 * desk_ticket_device_get_status:
 * @self: a #DeskTicketDevice
 *
 * Returns: (nullable): the status name ("Pending")
 */
const char *
desk_ticket_device_get_status (DeskTicketDevice *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DEVICE (self), NULL);

  return self->status;
}

/**
 * desk_ticket_device_get_price:
 * @self: a #DeskTicketDevice
 *
 * Returns: the price of the repair in minor units
 */
gint64
desk_ticket_device_get_price (DeskTicketDevice *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DEVICE (self), 0);

  return self->price;
}

/**
 * desk_ticket_device_get_line_discount:
 * @self: a #DeskTicketDevice
 *
 * Returns: the discount on this line in minor units
 */
gint64
desk_ticket_device_get_line_discount (DeskTicketDevice *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DEVICE (self), 0);

  return self->line_discount;
}

/**
 * desk_ticket_device_get_total:
 * @self: a #DeskTicketDevice
 *
 * Returns: the line total the server gave, in minor units
 */
gint64
desk_ticket_device_get_total (DeskTicketDevice *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DEVICE (self), 0);

  return self->total;
}

/**
 * desk_ticket_device_get_tax_class:
 * @self: a #DeskTicketDevice
 *
 * Returns: (transfer none) (nullable): the tax class; list entries do not carry one
 */
DeskTaxClass *
desk_ticket_device_get_tax_class (DeskTicketDevice *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DEVICE (self), NULL);

  return self->tax_class;
}

/**
 * desk_ticket_device_set_tax_class:
 * @self: a #DeskTicketDevice
 * @tax_class: (nullable): the tax class
 *
 * Sets the tax class and the tax class id sent in the body.
 */
void
desk_ticket_device_set_tax_class (DeskTicketDevice *self,
                                  DeskTaxClass     *tax_class)
{
  DeskRecord *record = DESK_RECORD (self);
  gint64 id = tax_class != NULL ? desk_named_item_get_id (DESK_NAMED_ITEM (tax_class)) : 0;

  desk_record_set_record (record, properties[PROP_TAX_CLASS], DESK_RECORD (tax_class));
  desk_record_set_int64 (record, properties[PROP_TAX_CLASS_ID], id);
}

/**
 * desk_ticket_device_get_repair_items:
 * @self: a #DeskTicketDevice
 *
 * Returns: (transfer none): the #DeskRepairItem list
 */
GListModel *
desk_ticket_device_get_repair_items (DeskTicketDevice *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DEVICE (self), NULL);

  return desk_record_get_list (DESK_RECORD (self), properties[PROP_REPAIR_ITEMS]);
}

/**
 * desk_ticket_device_get_parts:
 * @self: a #DeskTicketDevice
 *
 * Returns: (transfer none): the #DeskPartLine list
 */
GListModel *
desk_ticket_device_get_parts (DeskTicketDevice *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DEVICE (self), NULL);

  return desk_record_get_list (DESK_RECORD (self), properties[PROP_PARTS]);
}

/**
 * desk_ticket_device_get_pre_conditions:
 * @self: a #DeskTicketDevice
 *
 * Returns: (transfer none): the #DeskCondition list checked at intake
 */
GListModel *
desk_ticket_device_get_pre_conditions (DeskTicketDevice *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DEVICE (self), NULL);

  return desk_record_get_list (DESK_RECORD (self), properties[PROP_PRE_CONDITIONS]);
}

/**
 * desk_ticket_device_get_post_conditions:
 * @self: a #DeskTicketDevice
 *
 * Returns: (transfer none): the #DeskCondition list checked after the repair
 */
GListModel *
desk_ticket_device_get_post_conditions (DeskTicketDevice *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DEVICE (self), NULL);

  return desk_record_get_list (DESK_RECORD (self), properties[PROP_POST_CONDITIONS]);
}

/**
 * desk_ticket_device_get_supplied:
 * @self: a #DeskTicketDevice
 *
 * Returns: (transfer none): the #DeskCondition list of accessories handed in
 */
GListModel *
desk_ticket_device_get_supplied (DeskTicketDevice *self)
{
  g_return_val_if_fail (DESK_IS_TICKET_DEVICE (self), NULL);

  return desk_record_get_list (DESK_RECORD (self), properties[PROP_SUPPLIED]);
}

/**
 * desk_ticket_device_add_repair_item:
 * @self: a #DeskTicketDevice
 * @item: the repair to add
 */
void
desk_ticket_device_add_repair_item (DeskTicketDevice *self,
                                    DeskRepairItem   *item)
{
  g_return_if_fail (DESK_IS_TICKET_DEVICE (self));
  g_return_if_fail (DESK_IS_REPAIR_ITEM (item));

  desk_record_append (DESK_RECORD (self), properties[PROP_REPAIR_ITEMS], item);
}

/**
 * desk_ticket_device_add_part:
 * @self: a #DeskTicketDevice
 * @part: the part line to add
 */
void
desk_ticket_device_add_part (DeskTicketDevice *self,
                             DeskPartLine     *part)
{
  g_return_if_fail (DESK_IS_TICKET_DEVICE (self));
  g_return_if_fail (DESK_IS_PART_LINE (part));

  desk_record_append (DESK_RECORD (self), properties[PROP_PARTS], part);
}

/**
 * desk_ticket_device_add_pre_condition:
 * @self: a #DeskTicketDevice
 * @condition: the condition checked at intake
 */
void
desk_ticket_device_add_pre_condition (DeskTicketDevice *self,
                                      DeskCondition    *condition)
{
  g_return_if_fail (DESK_IS_TICKET_DEVICE (self));
  g_return_if_fail (DESK_IS_CONDITION (condition));

  desk_record_append (DESK_RECORD (self), properties[PROP_PRE_CONDITIONS], condition);
}

/**
 * desk_ticket_device_add_supplied:
 * @self: a #DeskTicketDevice
 * @item: the accessory handed in
 */
void
desk_ticket_device_add_supplied (DeskTicketDevice *self,
                                 DeskCondition    *item)
{
  g_return_if_fail (DESK_IS_TICKET_DEVICE (self));
  g_return_if_fail (DESK_IS_CONDITION (item));

  desk_record_append (DESK_RECORD (self), properties[PROP_SUPPLIED], item);
}

/**
 * desk_ticket_device_remove_repair_item:
 * @self: a #DeskTicketDevice
 * @position: the position of the repair in desk_ticket_device_get_repair_items()
 */
void
desk_ticket_device_remove_repair_item (DeskTicketDevice *self,
                                       guint             position)
{
  desk_record_remove (DESK_RECORD (self), properties[PROP_REPAIR_ITEMS], position);
}

/**
 * desk_ticket_device_remove_part:
 * @self: a #DeskTicketDevice
 * @position: the position of the part line in desk_ticket_device_get_parts()
 */
void
desk_ticket_device_remove_part (DeskTicketDevice *self,
                                guint             position)
{
  desk_record_remove (DESK_RECORD (self), properties[PROP_PARTS], position);
}
