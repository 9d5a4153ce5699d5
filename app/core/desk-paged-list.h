/* desk-paged-list.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-api-client.h"

G_BEGIN_DECLS

/**
 * DeskPagedListKind:
 * @DESK_PAGED_LIST_TICKETS: a list of #DeskTicket
 * @DESK_PAGED_LIST_INVOICES: a list of #DeskInvoice
 * @DESK_PAGED_LIST_CUSTOMERS: a list of #DeskCustomer
 */
typedef enum
{
  DESK_PAGED_LIST_TICKETS,
  DESK_PAGED_LIST_INVOICES,
  DESK_PAGED_LIST_CUSTOMERS,
} DeskPagedListKind;

#define DESK_TYPE_PAGED_LIST (desk_paged_list_get_type ())

G_DECLARE_FINAL_TYPE (DeskPagedList, desk_paged_list, DESK, PAGED_LIST, GObject)

DeskPagedList       *desk_paged_list_new         (DeskApiClient       *client,
                                                  DeskPagedListKind    kind);
DeskApiClient       *desk_paged_list_get_client  (DeskPagedList       *self);
DeskPagedListKind    desk_paged_list_get_kind    (DeskPagedList       *self);
const DeskListQuery *desk_paged_list_get_query   (DeskPagedList       *self);
void                 desk_paged_list_set_query   (DeskPagedList       *self,
                                                  const DeskListQuery *query);
gboolean             desk_paged_list_load_more   (DeskPagedList       *self);
void                 desk_paged_list_reload      (DeskPagedList       *self);
gboolean             desk_paged_list_get_loading (DeskPagedList       *self);
gboolean             desk_paged_list_get_has_more (DeskPagedList      *self);
gint64               desk_paged_list_get_n_total (DeskPagedList       *self);
const GError        *desk_paged_list_get_error   (DeskPagedList       *self);
guint                desk_paged_list_get_n_pages (DeskPagedList       *self);

G_END_DECLS
