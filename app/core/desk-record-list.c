/* desk-record-list.c
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-record-list"

#include "config.h"

#include "desk-record-list.h"

/* The child lists of a record (a ticket's devices, a device's repairs). A GListStore
 * keeps a balanced tree for cheap inserts in the middle; these lists are built once
 * from an array and at most appended to, so an array is all they need, and mapping a
 * page of tickets builds thousands of them. */

struct _DeskRecordList
{
  GObject parent_instance;

  GPtrArray *items;      /* owned */
  GType      item_type;
};

static void desk_record_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DeskRecordList, desk_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      desk_record_list_model_init))

static GType
desk_record_list_get_item_type (GListModel *model)
{
  return DESK_RECORD_LIST (model)->item_type;
}

static guint
desk_record_list_get_n_items (GListModel *model)
{
  return DESK_RECORD_LIST (model)->items->len;
}

static gpointer
desk_record_list_get_item (GListModel *model,
                           guint       position)
{
  DeskRecordList *self = DESK_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
desk_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = desk_record_list_get_item_type;
  iface->get_n_items = desk_record_list_get_n_items;
  iface->get_item = desk_record_list_get_item;
}

static void
desk_record_list_finalize (GObject *object)
{
  DeskRecordList *self = DESK_RECORD_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_record_list_parent_class)->finalize (object);
}

static void
desk_record_list_class_init (DeskRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_record_list_finalize;
}

static void
desk_record_list_init (DeskRecordList *self)
{
}

/**
 * desk_record_list_new: (skip)
 * @item_type: the type of the items
 * @items: (nullable) (transfer full): the items, owning a reference each
 *
 * Returns: (transfer full): a list of @items
 */
DeskRecordList *
desk_record_list_new (GType      item_type,
                      GPtrArray *items)
{
  DeskRecordList *self = g_object_new (DESK_TYPE_RECORD_LIST, NULL);

  self->item_type = item_type;
  self->items = items != NULL ? items : g_ptr_array_new_with_free_func (g_object_unref);

  return self;
}

/**
 * desk_record_list_append: (skip)
 * @self: a #DeskRecordList
 * @item: (type GObject): the item to add at the end
 */
void
desk_record_list_append (DeskRecordList *self,
                         gpointer        item)
{
  g_return_if_fail (DESK_IS_RECORD_LIST (self));
  g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (item), self->item_type));

  g_ptr_array_add (self->items, g_object_ref (item));
  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
}

/**
 * desk_record_list_remove: (skip)
 * @self: a #DeskRecordList
 * @position: the position of the item to remove
 */
void
desk_record_list_remove (DeskRecordList *self,
                         guint           position)
{
  g_return_if_fail (DESK_IS_RECORD_LIST (self));
  g_return_if_fail (position < self->items->len);

  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}
