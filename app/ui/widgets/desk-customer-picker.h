/* desk-customer-picker.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-core.h"

G_BEGIN_DECLS

#define DESK_TYPE_CUSTOMER_PICKER (desk_customer_picker_get_type ())
G_DECLARE_FINAL_TYPE (DeskCustomerPicker, desk_customer_picker, DESK, CUSTOMER_PICKER, GtkWidget)

GtkWidget    *desk_customer_picker_new             (void);
void          desk_customer_picker_set_client      (DeskCustomerPicker *self,
                                                    DeskApiClient      *client);
void          desk_customer_picker_set_hints       (DeskCustomerPicker *self,
                                                    const char         *empty_hint,
                                                    const char         *no_match_advice);
void          desk_customer_picker_set_max_results (DeskCustomerPicker *self,
                                                    guint               max_results);
GtkEditable  *desk_customer_picker_get_entry       (DeskCustomerPicker *self);
DeskCustomer *desk_customer_picker_get_shown       (DeskCustomerPicker *self,
                                                    guint               position);
const char   *desk_customer_picker_get_hint        (DeskCustomerPicker *self);

void          desk_customer_row_describe           (AdwActionRow       *row,
                                                    DeskCustomer       *customer);

G_END_DECLS
