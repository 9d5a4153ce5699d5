/* desk-customer-editor.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-core.h"

G_BEGIN_DECLS

#define DESK_TYPE_CUSTOMER_EDITOR (desk_customer_editor_get_type ())

G_DECLARE_FINAL_TYPE (DeskCustomerEditor, desk_customer_editor, DESK, CUSTOMER_EDITOR, AdwWindow)

DeskCustomerEditor *desk_customer_editor_new           (DeskWriter         *writer,
                                                        DeskCustomer       *customer);
DeskCustomer       *desk_customer_editor_get_customer  (DeskCustomerEditor *self);
GtkEditable        *desk_customer_editor_get_field     (DeskCustomerEditor *self,
                                                        const char         *property);
const char         *desk_customer_editor_get_problem   (DeskCustomerEditor *self,
                                                        const char         *property);
const char         *desk_customer_editor_get_error     (DeskCustomerEditor *self);
DeskCustomer       *desk_customer_editor_get_duplicate (DeskCustomerEditor *self);
gboolean            desk_customer_editor_get_busy      (DeskCustomerEditor *self);

G_END_DECLS
