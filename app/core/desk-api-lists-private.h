/* desk-api-lists-private.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-api-client-private.h"

G_BEGIN_DECLS

/* Every list the server has, in one table (desk-api-lists.c): its path, the type of its
 * records and their mapping. The client's list functions, the catalog and the paged list
 * all name a row of it; none spells a path of its own. */
typedef enum
{
  /* Reference lists: small, unpaged on most servers, kept by the catalog. */
  DESK_API_LIST_STATUSES,
  DESK_API_LIST_EMPLOYEES,
  DESK_API_LIST_DEVICES,
  DESK_API_LIST_PROBLEMS,
  DESK_API_LIST_NETWORKS,
  DESK_API_LIST_PARTS,
  DESK_API_LIST_TAX_CLASSES,
  DESK_API_LIST_DEVICE_LOCATIONS,
  DESK_API_LIST_SUPPLIES,
  DESK_API_LIST_TASK_TYPES,
  DESK_API_LIST_PAYMENT_METHODS,
  DESK_API_LIST_INVENTORY,

  /* Record lists: filtered and paged, shown a page at a time. */
  DESK_API_LIST_TICKETS,
  DESK_API_LIST_CUSTOMERS,
  DESK_API_LIST_INVOICES,

  DESK_API_N_LISTS
} DeskApiList;

typedef struct
{
  const char           *path;
  GType               (*item_type) (void);
  DeskRecordParseFunc   parse;
} DeskApiListInfo;

const DeskApiListInfo *desk_api_list_get_info         (DeskApiList          list);
char                  *desk_api_list_dup_device_path  (gint64               device_id);

void                   desk_api_client_list_all_async  (DeskApiClient       *self,
                                                        DeskApiList          list,
                                                        const char          *path,
                                                        gpointer             source_tag,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
void                   desk_api_client_list_page_async (DeskApiClient       *self,
                                                        DeskApiList          list,
                                                        const DeskListQuery *query,
                                                        gint64               page,
                                                        gpointer             source_tag,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);

G_END_DECLS
