/* desk-record-list.h
 *
 * Copyright 2026 The Front Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DESK_TYPE_RECORD_LIST (desk_record_list_get_type ())

G_DECLARE_FINAL_TYPE (DeskRecordList, desk_record_list, DESK, RECORD_LIST, GObject)

DeskRecordList *desk_record_list_new     (GType           item_type,
                                          GPtrArray      *items);
void            desk_record_list_append  (DeskRecordList *self,
                                          gpointer        item);
void            desk_record_list_remove  (DeskRecordList *self,
                                          guint           position);

G_END_DECLS
