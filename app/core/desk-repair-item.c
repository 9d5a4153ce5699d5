/* desk-repair-item.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-repair-item"

#include "config.h"

#include "desk-record-private.h"
#include "desk-repair-item.h"

/* One repair on a ticket device ("repairProdItems": a problem picked for the device). */

struct _DeskRepairItem
{
  DeskNamedItem parent_instance;
};

G_DEFINE_FINAL_TYPE (DeskRepairItem, desk_repair_item, DESK_TYPE_NAMED_ITEM)

static const DeskWrite writes[] = {
  { "name", "name" },
  { "id", "id" },
  { NULL }
};

static void
desk_repair_item_class_init (DeskRepairItemClass *klass)
{
  desk_record_class_set_writes (G_OBJECT_CLASS (klass), writes);
}

static void
desk_repair_item_init (DeskRepairItem *self)
{
}

/**
 * desk_repair_item_new:
 * @id: the id of the problem repaired
 * @name: the name of the repair
 *
 * Returns: (transfer full): a new repair item
 */
DeskRepairItem *
desk_repair_item_new (gint64      id,
                      const char *name)
{
  return g_object_new (DESK_TYPE_REPAIR_ITEM, "id", id, "name", name, NULL);
}

/**
 * desk_repair_item_new_from_json:
 * @node: one element of a device's `repairProdItems`
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the repair item, or %NULL with %DESK_API_ERROR_PROTOCOL
 */
DeskRepairItem *
desk_repair_item_new_from_json (JsonNode  *node,
                                GError   **error)
{
  return desk_named_item_new_from_json (DESK_TYPE_REPAIR_ITEM, node, error);
}
