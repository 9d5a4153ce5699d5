/* desk-catalog.h
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
 * DeskCatalogKind:
 * @DESK_CATALOG_STATUSES: #DeskStatus
 * @DESK_CATALOG_EMPLOYEES: #DeskEmployee
 * @DESK_CATALOG_DEVICES: #DeskDevice
 * @DESK_CATALOG_PROBLEMS: #DeskProblem, of every device
 * @DESK_CATALOG_NETWORKS: #DeskNetwork
 * @DESK_CATALOG_PARTS: #DeskPart
 * @DESK_CATALOG_TAX_CLASSES: #DeskTaxClass
 * @DESK_CATALOG_DEVICE_LOCATIONS: #DeskDeviceLocation
 * @DESK_CATALOG_SUPPLIES: #DeskSupply
 * @DESK_CATALOG_TASK_TYPES: #DeskTaskType
 * @DESK_CATALOG_PAYMENT_METHODS: #DeskPaymentMethod
 * @DESK_CATALOG_INVENTORY: #DeskInventoryItem
 *
 * The reference lists a catalog keeps.
 */
typedef enum
{
  DESK_CATALOG_STATUSES,
  DESK_CATALOG_EMPLOYEES,
  DESK_CATALOG_DEVICES,
  DESK_CATALOG_PROBLEMS,
  DESK_CATALOG_NETWORKS,
  DESK_CATALOG_PARTS,
  DESK_CATALOG_TAX_CLASSES,
  DESK_CATALOG_DEVICE_LOCATIONS,
  DESK_CATALOG_SUPPLIES,
  DESK_CATALOG_TASK_TYPES,
  DESK_CATALOG_PAYMENT_METHODS,
  DESK_CATALOG_INVENTORY,
  DESK_CATALOG_N_KINDS,
} DeskCatalogKind;

#define DESK_TYPE_CATALOG (desk_catalog_get_type ())

G_DECLARE_FINAL_TYPE (DeskCatalog, desk_catalog, DESK, CATALOG, GObject)

DeskCatalog   *desk_catalog_new                       (DeskApiClient        *client);
DeskApiClient *desk_catalog_get_client                (DeskCatalog          *self);
gboolean       desk_catalog_get_loading               (DeskCatalog          *self);
GListModel    *desk_catalog_get_model                 (DeskCatalog          *self,
                                                       DeskCatalogKind       kind);
GListModel    *desk_catalog_get_device_problems       (DeskCatalog          *self,
                                                       gint64                device_id);
gboolean       desk_catalog_is_loaded                 (DeskCatalog          *self,
                                                       DeskCatalogKind       kind);
void           desk_catalog_load_async                (DeskCatalog          *self,
                                                       DeskCatalogKind       kind,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
void           desk_catalog_load_device_problems_async (DeskCatalog         *self,
                                                       gint64                device_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean       desk_catalog_load_finish               (DeskCatalog          *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void           desk_catalog_refresh_async             (DeskCatalog          *self,
                                                       DeskCatalogKind       kind,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean       desk_catalog_refresh_finish            (DeskCatalog          *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
