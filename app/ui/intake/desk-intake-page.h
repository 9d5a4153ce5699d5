/* desk-intake-page.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-core.h"
#include "desk-page.h"

G_BEGIN_DECLS

#define DESK_TYPE_INTAKE_PAGE (desk_intake_page_get_type ())

G_DECLARE_FINAL_TYPE (DeskIntakePage, desk_intake_page, DESK, INTAKE_PAGE, DeskPage)

GtkWidget    *desk_intake_page_new             (DeskContext    *context);
void          desk_intake_page_set_customer    (DeskIntakePage *self,
                                                DeskCustomer   *customer);
DeskCustomer *desk_intake_page_get_customer    (DeskIntakePage *self);
gboolean      desk_intake_page_get_walk_in     (DeskIntakePage *self);
GListModel   *desk_intake_page_get_devices     (DeskIntakePage *self);
DeskTicket   *desk_intake_page_build_ticket    (DeskIntakePage *self);
const char   *desk_intake_page_get_blocker     (DeskIntakePage *self);
gboolean      desk_intake_page_get_busy        (DeskIntakePage *self);
DeskTicket   *desk_intake_page_get_created     (DeskIntakePage *self);
const char   *desk_intake_page_get_error       (DeskIntakePage *self);
DeskSignature *desk_intake_page_get_signature  (DeskIntakePage *self);
void          desk_intake_page_resume          (DeskIntakePage  *self,
                                                DeskIntakeDraft *draft);
void          desk_intake_page_get_totals      (DeskIntakePage *self,
                                                DeskTotals     *totals);

G_END_DECLS
