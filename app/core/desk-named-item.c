/* desk-named-item.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-named-item"

#include "config.h"

#include "desk-json.h"
#include "desk-named-item.h"
#include "desk-record-private.h"

typedef struct
{
  gint64  id;
  char   *name;
} DeskNamedItemPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (DeskNamedItem, desk_named_item, DESK_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The offsets point into the private data, known only once the type is registered;
 * class_init fills them in. Employees give "fullname", tax classes "tax_class". An
 * employee's "accesspin" is not a field, so the staff PIN is never kept. */
static DeskField fields[N_PROPS] = {
  [PROP_ID] = { .name = "id", .kind = DESK_FIELD_ID, .keys = { "id" } },
  [PROP_NAME] = { .name = "name", .kind = DESK_FIELD_STRING,
                  .keys = { "name", "fullname", "tax_class", "method" } },
};

static void
desk_named_item_class_init (DeskNamedItemClass *klass)
{
  fields[PROP_ID].offset = G_PRIVATE_OFFSET (DeskNamedItem, id);
  fields[PROP_NAME].offset = G_PRIVATE_OFFSET (DeskNamedItem, name);

  desk_record_class_install (G_OBJECT_CLASS (klass), fields, N_PROPS, properties);
}

static void
desk_named_item_init (DeskNamedItem *self)
{
}

/**
 * desk_named_item_new_from_json:
 * @type: a #DeskNamedItem subtype
 * @node: one record: an object, or a bare name as some reference lists give
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (type DeskNamedItem): the new item, or %NULL with
 *   %DESK_API_ERROR_PROTOCOL
 */
gpointer
desk_named_item_new_from_json (GType      type,
                               JsonNode  *node,
                               GError   **error)
{
  g_autofree char *name = desk_json_node_dup_string (node);

  g_return_val_if_fail (g_type_is_a (type, DESK_TYPE_NAMED_ITEM), NULL);

  if (name != NULL)
    return g_object_new (type, "name", name, NULL);

  return desk_record_new_from_json (type, node, error);
}

/**
 * desk_named_item_get_id:
 * @self: a #DeskNamedItem
 *
 * Returns: the id, 0 if the server gave none
 */
gint64
desk_named_item_get_id (DeskNamedItem *self)
{
  DeskNamedItemPrivate *priv = desk_named_item_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_NAMED_ITEM (self), 0);

  return priv->id;
}

/**
 * desk_named_item_get_name:
 * @self: a #DeskNamedItem
 *
 * Returns: (nullable): the name, trimmed
 */
const char *
desk_named_item_get_name (DeskNamedItem *self)
{
  DeskNamedItemPrivate *priv = desk_named_item_get_instance_private (self);

  g_return_val_if_fail (DESK_IS_NAMED_ITEM (self), NULL);

  return priv->name;
}
