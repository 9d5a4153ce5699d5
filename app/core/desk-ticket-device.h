/* desk-ticket-device.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-condition.h"
#include "desk-part-line.h"
#include "desk-record.h"
#include "desk-repair-item.h"
#include "desk-tax-class.h"

G_BEGIN_DECLS

#define DESK_TYPE_TICKET_DEVICE (desk_ticket_device_get_type ())

G_DECLARE_FINAL_TYPE (DeskTicketDevice, desk_ticket_device, DESK, TICKET_DEVICE, DeskRecord)

DeskTicketDevice *desk_ticket_device_new                 (void);
DeskTicketDevice *desk_ticket_device_new_from_json       (JsonNode          *node,
                                                          GError           **error);
JsonNode         *desk_ticket_device_to_json             (DeskTicketDevice  *self);
gint64            desk_ticket_device_get_id              (DeskTicketDevice  *self);
const char       *desk_ticket_device_get_device_name     (DeskTicketDevice  *self);
const char       *desk_ticket_device_get_status          (DeskTicketDevice  *self);
gint64            desk_ticket_device_get_price           (DeskTicketDevice  *self);
gint64            desk_ticket_device_get_line_discount   (DeskTicketDevice  *self);
gint64            desk_ticket_device_get_total           (DeskTicketDevice  *self);
DeskTaxClass     *desk_ticket_device_get_tax_class       (DeskTicketDevice  *self);
void              desk_ticket_device_set_tax_class       (DeskTicketDevice  *self,
                                                          DeskTaxClass      *tax_class);
GListModel       *desk_ticket_device_get_repair_items    (DeskTicketDevice  *self);
GListModel       *desk_ticket_device_get_parts           (DeskTicketDevice  *self);
GListModel       *desk_ticket_device_get_pre_conditions  (DeskTicketDevice  *self);
GListModel       *desk_ticket_device_get_post_conditions (DeskTicketDevice  *self);
GListModel       *desk_ticket_device_get_supplied        (DeskTicketDevice  *self);
void              desk_ticket_device_add_repair_item     (DeskTicketDevice  *self,
                                                          DeskRepairItem    *item);
void              desk_ticket_device_remove_repair_item  (DeskTicketDevice  *self,
                                                          guint              position);
void              desk_ticket_device_add_part            (DeskTicketDevice  *self,
                                                          DeskPartLine      *part);
void              desk_ticket_device_remove_part         (DeskTicketDevice  *self,
                                                          guint              position);
void              desk_ticket_device_add_pre_condition   (DeskTicketDevice  *self,
                                                          DeskCondition     *condition);
void              desk_ticket_device_add_supplied        (DeskTicketDevice  *self,
                                                          DeskCondition     *item);

G_END_DECLS
