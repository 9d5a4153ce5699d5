/* desk-named-item.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-record.h"

G_BEGIN_DECLS

#define DESK_TYPE_NAMED_ITEM (desk_named_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (DeskNamedItem, desk_named_item, DESK, NAMED_ITEM, DeskRecord)

/**
 * DeskNamedItemClass:
 *
 * The base of the reference records that are at heart an id and a name (networks,
 * supplies, task types, employees, statuses, parts, ...): pickers list them alike.
 */
struct _DeskNamedItemClass
{
  DeskRecordClass parent_class;

  /*< private >*/
  gpointer padding[4];
};

gpointer    desk_named_item_new_from_json (GType           type,
                                           JsonNode       *node,
                                           GError        **error);
gint64      desk_named_item_get_id        (DeskNamedItem  *self);
const char *desk_named_item_get_name      (DeskNamedItem  *self);

/* Defines a named item with nothing of its own: the struct, the type and its
 * desk_<name>_new_from_json(). */
#define DESK_DEFINE_NAMED_ITEM(TypeName, type_name, TYPE_MACRO) \
  struct _##TypeName { DeskNamedItem parent_instance; }; \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, DESK_TYPE_NAMED_ITEM) \
  static void type_name##_class_init (TypeName##Class *klass) { } \
  static void type_name##_init (TypeName *self) { } \
  TypeName * \
  type_name##_new_from_json (JsonNode  *node, \
                             GError   **error) \
  { \
    return desk_named_item_new_from_json (TYPE_MACRO, node, error); \
  }

G_END_DECLS
